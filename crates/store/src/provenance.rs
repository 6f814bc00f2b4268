//! Quote provenance: finding the articles that carry a quotation or a variant of it.
//!
//! Quotations are normalised to lower-case words (punctuation, ellipses and
//! brackets dropped, curly apostrophes straightened) and cut into 3-word
//! shingles. Each stored quotation keeps a bottom-k MinHash sketch (its `SKETCH_K`
//! smallest shingle hashes) in `quote_sketch`; a query looks up every quotation
//! sharing a shingle with it, then verifies each candidate by the containment of
//! the shorter quotation's shingles in the longer one, which tolerates trimming
//! (one is part of the other), ellipses and small edits.

use std::collections::HashSet;

use rusqlite::params_from_iter;

use crate::{quote_row, ProvenanceHit, Result, Store, QUOTE_COLS};

/// Words per shingle.
pub const SHINGLE: usize = 3;
/// Shingle hashes kept per stored quotation (bottom-k sketch).
pub const SKETCH_K: usize = 24;
/// Least containment for a candidate to count as a variant.
pub const MIN_SIMILARITY: f64 = 0.5;

/// Hex FNV-1a 128-bit hash of raw content: the store's deduplication key.
pub fn content_hash(bytes: &[u8]) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for &b in bytes {
        h ^= b as u128;
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

/// The 128-bit key of a [`content_hash`] (0 for a malformed one), for holding many
/// hashes in memory.
pub fn hash_key(hex: &str) -> u128 {
    u128::from_str_radix(hex, 16).unwrap_or(0)
}

fn fnv64(s: &str) -> i64 {
    unspin_lex::hash::fnv1a64(s.as_bytes()) as i64
}

/// Lower-case words of a quotation, punctuation and ellipses removed.
pub fn normalize_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// Distinct shingle hashes of a word sequence (one hash of all words when shorter
/// than a shingle).
pub fn shingles(words: &[String]) -> Vec<i64> {
    if words.is_empty() {
        return vec![];
    }
    let mut set = HashSet::new();
    if words.len() < SHINGLE {
        set.insert(fnv64(&words.join(" ")));
    } else {
        for w in words.windows(SHINGLE) {
            set.insert(fnv64(&w.join(" ")));
        }
    }
    let mut v: Vec<i64> = set.into_iter().collect();
    v.sort_unstable();
    v
}

/// The bottom-k sketch stored for a quotation.
pub(crate) fn sketch(text: &str) -> Vec<i64> {
    let mut v = shingles(&normalize_words(text));
    v.truncate(SKETCH_K);
    v
}

/// Similarity and relation of a stored quotation to the query.
fn compare(q_words: &[String], q_sh: &HashSet<i64>, text: &str) -> (f64, &'static str) {
    let words = normalize_words(text);
    if words == q_words {
        return (1.0, "exact");
    }
    let s: HashSet<i64> = shingles(&words).into_iter().collect();
    let inter = q_sh.intersection(&s).count();
    let small = q_sh.len().min(s.len()).max(1);
    let sim = inter as f64 / small as f64;
    let rel = if inter == q_sh.len() && s.len() > q_sh.len() {
        "longer"
    } else if inter == s.len() && q_sh.len() > s.len() {
        "shorter"
    } else {
        "variant"
    };
    (sim, rel)
}

pub(crate) fn find(store: &Store, quote: &str, limit: usize) -> Result<Vec<ProvenanceHit>> {
    let q_words = normalize_words(quote);
    let q_all = shingles(&q_words);
    if q_all.is_empty() {
        return Ok(vec![]);
    }
    let q_sh: HashSet<i64> = q_all.iter().copied().collect();
    let conn = store.conn();
    let mut cands: Vec<i64> = vec![];
    for chunk in q_all.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut st = conn.prepare(&format!(
            "SELECT quote_id, count(*) AS c FROM quote_sketch WHERE shingle IN ({marks}) \
             GROUP BY quote_id ORDER BY c DESC LIMIT 5000"
        ))?;
        let rows = st.query_map(params_from_iter(chunk.iter()), |r| r.get::<_, i64>(0))?;
        for r in rows {
            cands.push(r?);
        }
    }
    // Short queries (under a shingle) also match as a phrase inside longer quotations.
    if q_words.len() < SHINGLE {
        let mut st =
            conn.prepare("SELECT rowid FROM quotes_fts WHERE quotes_fts.text MATCH ?1 LIMIT 5000")?;
        let phrase = format!("\"{}\"", q_words.join(" ").replace('"', ""));
        let rows = st.query_map([phrase], |r| r.get::<_, i64>(0))?;
        for r in rows {
            cands.push(r?);
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let mut hits = vec![];
    let mut st = conn.prepare_cached(&format!(
        "SELECT {QUOTE_COLS} FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.id = ?1"
    ))?;
    for id in cands {
        let row = st.query_row([id], quote_row)?;
        let (mut sim, mut rel) = compare(&q_words, &q_sh, &row.text);
        if q_words.len() < SHINGLE && sim < MIN_SIMILARITY {
            // The phrase occurs inside it (found by FTS).
            let w = normalize_words(&row.text);
            if w.windows(q_words.len()).any(|x| x == q_words.as_slice()) {
                sim = 1.0;
                rel = "longer";
            }
        }
        if sim >= MIN_SIMILARITY {
            hits.push(ProvenanceHit {
                quote: row,
                similarity: (sim * 1000.0).round() / 1000.0,
                relation: rel.to_string(),
            });
        }
    }
    hits.sort_by(|a, b| {
        (
            a.quote.date.is_none(),
            &a.quote.date,
            a.quote.doc_id,
            a.quote.id,
        )
            .cmp(&(
                b.quote.date.is_none(),
                &b.quote.date,
                b.quote.doc_id,
                b.quote.id,
            ))
    });
    hits.truncate(limit.max(1));
    Ok(hits)
}

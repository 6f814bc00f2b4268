//! Measures the rule-based detector on CoNLL-2003 dev (entity-level P/R/F1,
//! exact span + type; ORG includes outlets). Prints only; skips when the data is absent.
//! Run: `cargo test -p unspin-entities --release --test conll_dev -- --ignored --nocapture`.

use std::collections::HashSet;

use unspin_doc::{Doc, EntityKind, Span};

fn label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PER",
        EntityKind::Outlet | EntityKind::Org => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Misc => "MISC",
    }
}

#[test]
#[ignore]
fn conll_dev_scores() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/conll2003/dev.txt"
    );
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    // Build one Doc per article: sentences as paragraphs, tokens joined by spaces.
    let mut docs: Vec<(String, Vec<(Span, String)>)> = Vec::new();
    let mut text = String::new();
    let mut gold: Vec<(Span, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut last_end = 0;
    let close = |open: &mut Option<(usize, String)>, gold: &mut Vec<(Span, String)>, end: usize| {
        if let Some((s, t)) = open.take() {
            gold.push((Span::new(s, end), t));
        }
    };
    for line in data.lines().chain(std::iter::once("-DOCSTART- -X- -X- O")) {
        if line.starts_with("-DOCSTART-") {
            close(&mut open, &mut gold, last_end);
            if !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut gold)));
            }
            continue;
        }
        if line.trim().is_empty() {
            close(&mut open, &mut gold, last_end);
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push_str("\n\n");
            }
            continue;
        }
        let mut parts = line.split(' ');
        let tok = parts.next().unwrap_or("");
        let tag = parts.next_back().unwrap_or("O");
        if !text.is_empty() && !text.ends_with('\n') {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(tok);
        let end = text.len();
        if let Some(t) = tag.strip_prefix("B-") {
            close(&mut open, &mut gold, last_end);
            open = Some((start, t.to_string()));
        } else if tag == "O" {
            close(&mut open, &mut gold, last_end);
        }
        last_end = end;
    }
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let mut per_type: std::collections::BTreeMap<String, (usize, usize, usize)> =
        Default::default();
    let mut tokens = 0usize;
    let t0 = std::time::Instant::now();
    for (text, gold) in &docs {
        let mut d = Doc::new(text.clone());
        unspin_segment::segment(&mut d);
        unspin_entities::detect(&mut d);
        tokens += d.tokens.len();
        let pred: HashSet<(Span, &str)> = d
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| !m.reference)
                    .map(move |m| (m.span, label(e.kind)))
            })
            .collect();
        let g: HashSet<(Span, &str)> = gold.iter().map(|(s, t)| (*s, t.as_str())).collect();
        for p in &pred {
            per_type.entry(p.1.to_string()).or_default().1 += 1;
            if g.contains(p) {
                tp += 1;
                per_type.entry(p.1.to_string()).or_default().0 += 1;
            }
        }
        for x in &g {
            per_type.entry(x.1.to_string()).or_default().2 += 1;
        }
        if std::env::var_os("CONLL_ERRORS").is_some() {
            for p in &pred {
                if !g.contains(p) {
                    eprintln!("FP {} {:?}", p.1, &text[p.0.start..p.0.end]);
                }
            }
            for x in &g {
                if !pred.contains(x) {
                    eprintln!("FN {} {:?}", x.1, &text[x.0.start..x.0.end]);
                }
            }
        }
        np += pred.len();
        ng += g.len();
    }
    let secs = t0.elapsed().as_secs_f64();
    // Warm timing, stage by stage.
    let (mut seg_s, mut ent_s) = (0.0, 0.0);
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    for _ in 0..rounds {
        for (text, _) in &docs {
            let mut d = Doc::new(text.clone());
            let t = std::time::Instant::now();
            unspin_segment::segment(&mut d);
            seg_s += t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            unspin_entities::detect(&mut d);
            ent_s += t.elapsed().as_secs_f64();
        }
    }
    let tok = (tokens * rounds) as f64;
    eprintln!(
        "warm: segment {:.0} tokens/s, entities {:.0} tokens/s ({} docs x {rounds})",
        tok / seg_s,
        tok / ent_s,
        docs.len()
    );
    let f = |tp: usize, np: usize, ng: usize| {
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    };
    for (t, (a, b, c)) in &per_type {
        let (p, r, f1) = f(*a, *b, *c);
        eprintln!("{t:5} P {p:.3} R {r:.3} F1 {f1:.3} (gold {c})");
    }
    let (p, r, f1) = f(tp, np, ng);
    eprintln!("ALL   P {p:.3} R {r:.3} F1 {f1:.3}; {} docs, {tokens} tokens in {secs:.3}s (segment+entities)", docs.len());
}

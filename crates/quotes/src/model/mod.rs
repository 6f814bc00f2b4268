//! The learned attribution model: a token tagger (content, cue and source, BIO) over
//! each paragraph, trained on PolNeAR by `unspin train quotes`, with a linker that
//! ties each content to its cue and source. It reads the rule detector's quotes as
//! features and replaces the rules' indirect (reported-speech) quotes with its own.

pub mod decode;
pub mod features;

use crate::detector::Detector;
use crate::lex::cue;
use decode::{link, masked, roles, viterbi_masked, Link};
use features::{sequences_of, Sequence};
use std::sync::OnceLock;
use unspin_doc::{Doc, Quote, QuoteKind, Span};

/// Number of labels (O, then BILOU for content, cue and source).
pub const L: usize = 13;

/// Lanes of a row (`L` labels, padded).
const W: usize = 16;

/// One bucket's label scores (i16 × the model's scale), two rows per cache line.
#[derive(Clone, Copy, Default)]
#[repr(align(32))]
struct Row([i16; W]);

/// Magic bytes opening a model file.
pub const MAGIC: &[u8; 8] = b"UNSPQUO\0";
/// Version of the file format and of the feature set (a model trained on another
/// feature set is refused).
pub const FORMAT_VERSION: u32 = 4;

/// A trained attribution tagger: one row of label scores per hashed feature bucket.
#[derive(Clone)]
pub struct Model {
    /// Stacking: when set, this first-stage model tags the document first and its
    /// labels become this model's features.
    first: Option<Box<Model>>,
    bits: u32,
    /// One row per bucket: the stored i16 weights times `scale`, padded to 16 lanes
    /// (one cache line) so that scoring is plain vector adds.
    table: Vec<Row>,
    scale: f32,
    trans: [[f32; L]; L + 1],
    /// `trans` with invalid moves at minus infinity (see [`decode::masked`]).
    masked: [[f32; L]; L + 2],
    /// Free text written by the trainer (options, data hashes, scores).
    pub info: String,
    /// Relations scoring below this ([`Relation::score`]) are not reported: chosen by
    /// cross-validation (precision up, F1 unchanged). Read from the last stage.
    pub min_score: f32,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("bits", &self.bits)
            .field("rows", &self.rows())
            .finish()
    }
}

impl Model {
    /// A model from real-valued weights: `weights[b * L + l]` is label `l`'s score for
    /// bucket `b` (`1 << bits` buckets), quantised to i16 with one scale.
    pub fn from_weights(
        bits: u32,
        weights: &[f32],
        trans: [[f32; L]; L + 1],
        info: String,
    ) -> Result<Model, String> {
        let rows = 1usize << bits;
        if weights.len() != rows * L {
            return Err(format!(
                "expected {} weights for {bits} bits, got {}",
                rows * L,
                weights.len()
            ));
        }
        let max = weights.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-6);
        let scale = max / 32767.0;
        let table = weights
            .chunks_exact(L)
            .map(|row| {
                let mut q = Row::default();
                for (o, v) in q.0.iter_mut().zip(row) {
                    *o = (v / scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                q
            })
            .collect();
        Ok(Model {
            first: None,
            bits,
            table,
            scale,
            masked: masked(&trans),
            trans,
            info,
            min_score: 0.0,
        })
    }

    /// Makes `first` this model's first stage (its labels become features).
    pub fn set_first(&mut self, first: Model) {
        self.first = Some(Box::new(first));
    }

    /// Labels of every token of `doc` (whose rule quotes are `rules`), after both stages.
    pub fn doc_labels(&self, doc: &Doc, rules: &[Quote]) -> Vec<u8> {
        self.labels_of(doc, &features::attrs(doc, rules))
    }

    fn labels_of(&self, doc: &Doc, attrs: &features::Attrs) -> Vec<u8> {
        let stage1 = self.first.as_ref().map(|m| m.labels_of(doc, attrs));
        let mut out = vec![0u8; doc.tokens.len()];
        for seq in sequences_of(doc, attrs, self.bits, stage1.as_deref()) {
            for (&t, l) in seq.tokens.iter().zip(self.tag(&seq)) {
                out[t as usize] = l;
            }
        }
        out
    }

    /// Width of the feature hash.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Buckets holding a non-zero weight.
    pub fn rows(&self) -> usize {
        self.table
            .iter()
            .filter(|r| r.0.iter().any(|&x| x != 0))
            .count()
    }

    /// Label scores of every token of `seq`.
    #[inline(never)]
    pub fn scores(&self, seq: &Sequence) -> Vec<[f32; L]> {
        let table = &self.table[..];
        let mask = table.len() - 1;
        let mut out = Vec::with_capacity(seq.len());
        for k in 0..seq.len() {
            // Four independent 4-lane sums stay in registers.
            let (mut a, mut b) = ([0i32; 8], [0i32; 8]);
            for &f in seq.feats(k) {
                let row = &table[f as usize & mask].0;
                for l in 0..8 {
                    a[l] += row[l] as i32;
                    b[l] += row[8 + l] as i32;
                }
            }
            let mut o = [0f32; L];
            for l in 0..L {
                o[l] = if l < 8 { a[l] } else { b[l - 8] } as f32 * self.scale;
            }
            out.push(o);
        }
        out
    }

    /// The best label sequence of `seq`.
    pub fn tag(&self, seq: &Sequence) -> Vec<u8> {
        viterbi_masked(&self.scores(seq), &self.masked)
    }

    /// The relations the model finds in `doc`, whose `doc.quotes` hold the rule
    /// detector's quotes ([`crate::detect_rules`]).
    pub fn relations(&self, doc: &Doc) -> Vec<Relation> {
        self.relations_with(doc, &doc.quotes)
    }

    /// The relations the model finds in `doc`, given the rule detector's quotes.
    pub fn relations_with(&self, doc: &Doc, rules: &[Quote]) -> Vec<Relation> {
        let attrs = features::attrs(doc, rules);
        let stage1 = self.first.as_ref().map(|m| m.labels_of(doc, &attrs));
        let seqs = sequences_of(doc, &attrs, self.bits, stage1.as_deref());
        let mut out = vec![];
        for seq in &seqs {
            let scores = self.scores(seq);
            let labels = viterbi_masked(&scores, &self.masked);
            out.extend(sequence_relations(doc, seq, &labels, &scores));
        }
        out
    }
    /// Writes the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.min_score.to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.info.len() as u32).to_le_bytes());
        out.extend_from_slice(self.info.as_bytes());
        let rows: Vec<(usize, &Row)> = self
            .table
            .iter()
            .enumerate()
            .filter(|(_, r)| r.0.iter().any(|&x| x != 0))
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (i, r) in rows {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            for v in &r.0[..L] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        // The first stage, as a nested model file (length 0: none).
        let first = self
            .first
            .as_ref()
            .map(|m| m.to_bytes())
            .unwrap_or_default();
        out.extend_from_slice(&(first.len() as u32).to_le_bytes());
        out.extend_from_slice(&first);
        out
    }

    /// Reads a model file; a clear error for anything that is not one.
    pub fn load(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not an unspin quotes model (bad magic)".into());
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(format!(
                "quotes model format {version}, this build reads {FORMAT_VERSION}: retrain it (`unspin train quotes`)"
            ));
        }
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(format!("quotes model: bad hash width {bits}"));
        }
        let scale = r.f32()?;
        let min_score = r.f32()?;
        let mut trans = [[0f32; L]; L + 1];
        for row in &mut trans {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let info_len = r.u32()? as usize;
        let info = String::from_utf8_lossy(r.take(info_len)?).into_owned();
        let n = r.u32()? as usize;
        let mut table = vec![Row::default(); 1usize << bits];
        for _ in 0..n {
            let i = r.u32()? as usize;
            let mut row = Row::default();
            for v in &mut row.0[..L] {
                *v = r.i16()?;
            }
            *table
                .get_mut(i)
                .ok_or_else(|| format!("quotes model: row {i} out of range"))? = row;
        }
        let first_len = r.u32()? as usize;
        let first = if first_len == 0 {
            None
        } else {
            Some(Box::new(Model::load(r.take(first_len)?)?))
        };
        if r.at != bytes.len() {
            return Err("quotes model: trailing bytes".into());
        }
        Ok(Model {
            first,
            bits,
            table,
            scale,
            masked: masked(&trans),
            trans,
            info,
            min_score,
        })
    }
}

/// The relations in one tagged sequence.
fn sequence_relations(
    doc: &Doc,
    seq: &Sequence,
    labels: &[u8],
    scores: &[[f32; L]],
) -> Vec<Relation> {
    let r = roles(labels);
    if r.content.is_empty() {
        return vec![];
    }
    let sentence: Vec<usize> = seq
        .tokens
        .iter()
        .map(|&t| doc.tokens[t as usize].sentence)
        .collect();
    let span = |s: decode::RoleSpan| {
        let a = doc.tokens[seq.tokens[s.start] as usize].span.start;
        let b = doc.tokens[seq.tokens[s.end - 1] as usize].span.end;
        Span::new(a, b)
    };
    // Confidence: the mean margin of the chosen labels over "outside" on the
    // relation's content and cue tokens.
    let margin = |spans: &mut dyn Iterator<Item = decode::RoleSpan>| -> (f32, usize) {
        let mut sum = 0.0;
        let mut n = 0;
        for s in spans {
            for k in s.start..s.end {
                sum += scores[k][labels[k] as usize] - scores[k][0];
                n += 1;
            }
        }
        (sum, n)
    };
    link(&r, &sentence)
        .into_iter()
        .map(|l: Link| {
            let (sum, n) = margin(&mut l.content.iter().copied().chain(l.cue));
            Relation {
                content: l.content.iter().map(|&s| span(s)).collect(),
                cue: l.cue.map(span),
                source: l.source.map(span),
                score: if n == 0 { 0.0 } else { sum / n as f32 },
            }
        })
        .collect()
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        let end = end.ok_or("quotes model: truncated file")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn i16(&mut self) -> Result<i16, String> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
}

/// One attribution relation found by the model (byte spans into `doc.text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Content segments in text order (one, or two around a splitting cue).
    pub content: Vec<Span>,
    pub cue: Option<Span>,
    pub source: Option<Span>,
    /// Mean margin of the model's labels over "outside" on the content and cue tokens.
    pub score: f32,
}

impl Relation {
    /// Earliest content start to latest content end.
    pub fn extent(&self) -> Span {
        let a = self.content.iter().map(|s| s.start).min().unwrap_or(0);
        let b = self.content.iter().map(|s| s.end).max().unwrap_or(a);
        Span::new(a, b)
    }
}

static EMBEDDED: OnceLock<Option<Model>> = OnceLock::new();

/// The model shipped in `models/quotes.bin`, loaded on first use.
pub fn embedded() -> Option<&'static Model> {
    EMBEDDED
        .get_or_init(|| Model::load(include_bytes!("../../../../models/quotes.bin")).ok())
        .as_ref()
}

/// The rules' quotes merged with the model's relations: marked quotes stay as the
/// rules found them; the model's contents that are not one of them become indirect
/// quotes (they replace the rules' indirect ones), with the model's cue and source.
pub(crate) fn merge(
    d: &Detector,
    rules: Vec<Quote>,
    rels: &[Relation],
    min_score: f32,
) -> Vec<Quote> {
    let text = d.text;
    let mut out: Vec<Quote> = rules
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    let marked: Vec<Span> = out
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Block))
        .map(|q| q.span)
        .collect();
    for r in rels {
        // PolNeAR relations always have a cue: a content without one is noise.
        if r.cue.is_none() {
            continue;
        }
        if r.score < min_score {
            continue;
        }
        let ext = r.extent();
        // A content with a part that is mostly a marked quote: the rules already
        // have it (the model's other words are a boundary slip, not a paraphrase).
        let marked_only = r.content.iter().any(|&seg| {
            let t = trim_marks(text, seg);
            t.start < t.end && inside_share(&marked, t) * 2 >= t.end - t.start
        });
        if marked_only {
            continue;
        }
        // A rumour cue ("is rumored", "reportedly") names no speaker: its subject is
        // what the rumour is about (as in the rules).
        let rumour = r.cue.is_some_and(|c| {
            d.ws(c.start, c.end)
                .iter()
                .any(|w| cue(w.form()).is_some_and(|k| k.rumour))
        });
        out.push(Quote {
            span: ext,
            kind: QuoteKind::Indirect,
            speaker: r.source.filter(|_| !rumour).map(|s| d.resolve(s)),
            cue: r.cue,
        });
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// Bytes of `s` inside the (sorted, disjoint) spans `marked`.
fn inside_share(marked: &[Span], s: Span) -> usize {
    let at = marked.partition_point(|m| m.end <= s.start);
    marked[at..]
        .iter()
        .take_while(|m| m.start < s.end)
        .map(|m| m.end.min(s.end).saturating_sub(m.start.max(s.start)))
        .sum()
}

/// `s` without quotation marks, punctuation and space at either end.
fn trim_marks(text: &str, s: Span) -> Span {
    let t = &text[s.start..s.end];
    let keep = |c: char| c.is_alphanumeric();
    let a = t.find(keep).map_or(t.len(), |i| i);
    let b = t
        .rfind(keep)
        .map_or(a, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    Span::new(s.start + a, s.start + b.max(a))
}

#[cfg(test)]
mod tests;

//! Adapter for the pipeline: tags a segmented [`Doc`] and returns entity mentions as
//! byte spans, so the entities stage can use the tagger as its mention detector.

use crate::model::Model;
use crate::tags::{entities, EntType};
use unspin_doc::{Doc, ParagraphKind, Span};

/// A named-entity mention found by the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte range into `doc.text`, from the first token's start to the last token's end.
    pub span: Span,
    pub kind: EntType,
    /// Index into `doc.sentences`.
    pub sentence: usize,
}

/// Tags every sentence of `doc` (needs `doc.sentences` and `doc.tokens`) as one document;
/// sentences in title and heading paragraphs, and paragraphs of one sentence, may be
/// headlines.
pub fn mentions(model: &Model, doc: &Doc) -> Vec<Mention> {
    let n = doc.sentences.len();
    let mut toks: Vec<Vec<&str>> = vec![Vec::new(); n];
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); n];
    for t in &doc.tokens {
        if t.sentence < n && t.span.end <= doc.text.len() {
            toks[t.sentence].push(&doc.text[t.span.start..t.span.end]);
            spans[t.sentence].push(t.span);
        }
    }
    // A one-sentence paragraph may be a headline too (a teaser or a section head left
    // in the body); the tagger treats it as one only when it is in title case.
    let mut per_para = vec![0usize; doc.paragraphs.len()];
    for s in &doc.sentences {
        if let Some(c) = per_para.get_mut(s.paragraph) {
            *c += 1;
        }
    }
    // Short, as headlines are; a list of names ("Ann Lee, Bo Park, …") is not one.
    let short =
        |si: usize| toks[si].len() <= 16 && toks[si].iter().filter(|t| **t == ",").count() <= 1;
    let headline: Vec<bool> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| {
            doc.paragraphs.get(s.paragraph).is_some_and(|p| {
                matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading)
                    || (per_para[s.paragraph] == 1 && short(si))
            })
        })
        .collect();
    let tags = model.tag_document_headlines(&toks, &headline);
    let mut out = Vec::new();
    for (si, ts) in tags.iter().enumerate() {
        for e in entities(ts) {
            out.push(Mention {
                span: Span::new(spans[si][e.start].start, spans[si][e.end - 1].end),
                kind: e.kind,
                sentence: si,
            });
        }
    }
    out
}

//! Quotation rule tests on texts written for them (none from the seed article); the
//! rule detector alone (`detect_rules`): the attribution model has its own tests.

use super::*;
use unspin_doc::{Entity, Mention, Paragraph};

mod continuations;
mod cues;
mod indirect;
mod indirect_speakers;
mod kinds;
mod languages;
mod marks;
mod not_reports;
mod resolution;
mod robustness;
mod speakers;
mod transcripts;

/// Lays the token layer the detector reads (the segmenter's), keeping the
/// paragraphs and sentences the test set itself (none when it set none).
fn lay_tokens(d: &mut Doc) {
    let (paragraphs, sentences) = (d.paragraphs.clone(), d.sentences.clone());
    unspin_segment::segment(d);
    d.paragraphs = paragraphs;
    d.sentences = sentences;
}

/// The rule detector alone (these tests pin the rules; the model's own tests are in
/// `model/tests.rs`).
fn run(text: &str) -> Doc {
    let mut d = Doc::new(text);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    d
}

/// (kind, quoted text, speaker text, cue text) for every quote.
fn quotes(d: &Doc) -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    d.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                d.slice(q.span).to_string(),
                q.speaker.as_ref().map(|s| d.slice(s.span).to_string()),
                q.cue.map(|c| d.slice(c).to_string()),
            )
        })
        .collect()
}

fn marked(d: &Doc) -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    quotes(d)
        .into_iter()
        .filter(|q| q.0 != QuoteKind::Indirect)
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

/// Adds an entity with mentions at the given substrings (first occurrence after
/// the previous one).
fn entity(d: &mut Doc, name: &str, kind: EntityKind, words: &[&str]) {
    let mut mentions = vec![];
    let mut from = 0;
    for w in words {
        let at = from + d.text[from..].find(w).expect("mention in text");
        mentions.push(Mention {
            span: Span::new(at, at + w.len()),
            reference: false,
        });
        from = at + w.len();
    }
    let id = format!("e{}", d.entities.len());
    d.entities.push(Entity {
        id,
        name: name.to_string(),
        kind,
        mentions,
    });
}

/// Speaker name of the first non-indirect quote whose text starts with `start`.
fn speaker_name(d: &Doc, start: &str) -> Option<String> {
    d.quotes
        .iter()
        .find(|q| d.slice(q.span).starts_with(start))
        .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
}

fn kind_of(d: &Doc, start: &str) -> Option<QuoteKind> {
    d.quotes
        .iter()
        .find(|q| d.slice(q.span).starts_with(start))
        .map(|q| q.kind)
}

/// (quoted text, speaker text) of the quotes with marks, in order.
fn said(d: &Doc) -> Vec<(String, Option<String>)> {
    marked(d).into_iter().map(|q| (q.1, q.2)).collect()
}

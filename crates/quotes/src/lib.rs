//! Quotes: find quotations, their kind, the cue that attributes them and their
//! speaker, resolved to an entity.
//!
//! Steps: pair quotation marks per paragraph ([`marks`]: straight and curly double
//! quotes, „“, «», the archive style's `''…''` and ``` ``…'' ```, UK single quotes when
//! they clearly delimit, nested quotes kept in the outer one, quotes run over
//! paragraphs by the newswire convention); read the
//! words around each quote for a reporting verb and its subject (`"…," X said`,
//! `"…," said X, a …`, `X said: "…"`, `As X said, … "…"`, `according to X`,
//! `X …, saying "…"`); inherit speakers for continuation quotes (a mid attribution
//! splitting one quote, a quote paragraph after an attributed one, the parts of a
//! multi-paragraph quote, a quote paragraph after a paragraph of reported speech);
//! classify the kind; add indirect reported speech (rules: `X said (that) …`, `…, X
//! said.`, `…, X said, …`, `according to X`, `…, saying …`, beliefs and findings,
//! `asked whether …`, up to two reports per sentence; in English text these are then
//! replaced by the learned attribution model's relations, [`model`], which reads the
//! rules' decisions as features), block quotes without marks
//! (blockquote paragraphs, embedded-post signatures), interview answers (`Q:`/`A:`)
//! and broadcast transcript turns (`JANE ROE: …`); resolve speakers (names, role
//! phrases such as "the governor", pronouns, "they") to entities. German and French
//! cues are read too (`„…“, sagte X`, `«…», a déclaré X`, `a-t-il ajouté`, `selon X`,
//! `so X`), and `ROLE, Name, said` credits the name.
//!
//! What others can rely on:
//! - `span` is the content without the marks; quotes found from marks never overlap
//!   each other. An `Indirect` span is a reported clause with no marks of its own, but
//!   it may contain a partial or scare quote; an interview answer or transcript turn
//!   (`Direct`, no cue) may contain quoted words.
//! - `Scare` quotes have no speaker and no cue (irony, titles of works and shows,
//!   phrases echoing a headline or teaser).
//! - A rumoured partial ("is rumored to be "…"", "reportedly "…"") has no speaker and
//!   no cue: the sources stage classifies the hearsay.
//! - `Speaker.span` is the words in the text ("reporter Jane Roe", "they"); `entity`
//!   is set when an entity mention overlaps it (a person preferred) or a pronoun /
//!   definite description ("the magazine") resolves to one.

mod blocks;
mod cues;
mod detector;
mod direct;
mod indirect;
mod kind;
mod lex;
pub mod marks;
pub mod model;
mod speakers;
mod subject;
mod transcript;

use cues::*;
use detector::*;
use kind::*;
use lex::{view, Pronoun, Word};
use marks::Marked;
use subject::*;
use transcript::*;
use unspin_doc::{Doc, EntityKind, ParagraphKind, Quote, QuoteKind, Span, Speaker};

/// Adds `doc.quotes` (reads the token layer; reads paragraphs, sentences and entities
/// and works without them): the rules' quotes, with reported speech from the shipped
/// attribution model ([`model::embedded`]).
pub fn detect(doc: &mut Doc) {
    detect_with(doc, model::embedded());
}

/// Adds `doc.quotes` from the rules alone (what the model reads as features).
pub fn detect_rules(doc: &mut Doc) {
    detect_with(doc, None);
}

/// Adds `doc.quotes` from the rules, merged with `model`'s relations when given and
/// the document is English (or of unknown language).
pub fn detect_with(doc: &mut Doc, model: Option<&model::Model>) {
    let d = Detector::new(doc);
    let rules = d.run();
    // The model learned English news; other languages keep the rules' reading.
    let english = doc.meta.language.as_deref().is_none_or(|l| l == "en");
    let quotes = match model.filter(|_| english) {
        None => rules,
        Some(m) => {
            let rels = m.relations_with(doc, &rules);
            model::merge(&d, rules, &rels, m.min_score)
        }
    };
    doc.quotes = quotes;
}

#[cfg(test)]
mod tests;

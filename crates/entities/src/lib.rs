//! Entities: find mentions of people, organisations, outlets and places, and
//! cluster the mentions of one entity together.
//!
//! Three separate steps so that the detector can be swapped (the NER issue puts a
//! trained tagger in place of [`rules::detect_mentions`] and calls [`link`] with
//! its own [`Candidate`]s):
//! 1. [`rules::detect_mentions`]: name mentions as [`Candidate`]s (span + kind);
//! 2. [`cluster::cluster`]: who is who within the article (rules in its docs);
//! 3. [`refs::link_outlet_descriptions`]: "the magazine" → the outlet.
//!
//! Mention spans hold the name only: titles ("Former Vice President", "Mrs.",
//! "reporter") are left out but make the mention a person (and give a gender),
//! possessives ("'s", "'") are separate tokens and left out.
//!
//! Kinds: `Person` (title, given-name list, surname list, or two or three
//! uncommon capitalised words), `Outlet` (shipped list of outlets and agencies, or
//! a name ending in Times/Post/Journal/Magazine/…, "… News Agency", "…-Agentur",
//! "… Presse"), `Org` (shipped list, acronyms, names ending in
//! Inc./Party/Committee/University/… or "Bank of …", names with "United" or "&",
//! head-first foreign names such as "Ministère …", "Banco …", German compounds such
//! as "Bundesverband", an acronym before a place ("NHS England"), a place before a
//! club word ("Manchester United", "Chicago Bulls"), or an organisation context:
//! "a spokeswoman for X", "shares of X", "X, the … company behind …", "the X
//! union", "X's shareholders"), `Place` (shipped list, names ending in
//! Street/River/County/…, "San …", a compass word before a place ("Eastern
//! Europe"), a wire dateline ("NAIROBI (AFP) -", keyed by its ordinary form so
//! that "Nairobi" joins it), two or three uncommon words after "in", or an
//! unknown word after "in"/"at"), `Misc` otherwise: nationalities, religions and
//! party members ("Democrat", "Republicans") are `Misc` (CoNLL convention),
//! "Democratic Party" is `Org`; months and weekdays are never entities. Word lists
//! and their sources: `crates/lex/data/` (asked through [`words`] and [`lists`]).

pub mod cluster;
pub mod lists;
pub mod merge;
pub mod refs;
pub mod rules;
pub mod words;

use unspin_doc::{Doc, EntityKind, Span};

/// A detected name mention before clustering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The name only: no title ("President"), no possessive ("'s").
    pub span: Span,
    pub kind: EntityKind,
    /// The kind is a guess (no title, list or pattern supports it). Weak
    /// single common words are dropped unless they link to a known person.
    pub weak: bool,
}

impl Candidate {
    /// A candidate covering `doc.tokens[first..end]` (e.g. a tagger's entity span).
    pub fn from_tokens(doc: &Doc, first: usize, end: usize, kind: EntityKind) -> Candidate {
        Candidate {
            span: Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end),
            kind,
            weak: false,
        }
    }
}

/// Refines kinds given by another detector with the shipped lists: an organisation
/// (or any name) that is a listed news outlet, or ends like one ("… Gazette"),
/// becomes an `Outlet`.
pub fn refine_outlets(doc: &Doc, cands: &mut [Candidate]) {
    let l = lists::lists();
    for c in cands.iter_mut() {
        if c.kind == EntityKind::Person {
            continue;
        }
        let text = doc.slice(c.span);
        let listed = l.gaz.find(text).is_some_and(|m| {
            m.start() == 0
                && m.end() == text.len()
                && l.gaz_entries[m.pattern().as_usize()].kind == EntityKind::Outlet
        });
        let suffix = c.kind == EntityKind::Org
            && text.contains(' ')
            && text.rsplit(' ').next().is_some_and(words::is_outlet_suffix);
        if listed || suffix {
            c.kind = EntityKind::Outlet;
        }
    }
}

/// Adds `doc.entities` (reads sentences and tokens).
pub fn detect(doc: &mut Doc) {
    detect_with(doc, unspin_ner::embedded());
}

/// [`detect`] with a given tagger: the trained model finds the names, the rules
/// add listed outlets and further mentions of names the model found (see [`merge`]).
pub fn detect_with(doc: &mut Doc, model: &unspin_ner::Model) {
    let rule = rules::detect_mentions(doc);
    let tagged = merge::from_model(doc, &unspin_ner::mentions(model, doc));
    let cands = merge::merge(doc, &tagged, &rule);
    doc.entities = link(doc, &cands);
}

/// Clusters candidates from any detector (in text order, non-overlapping) into
/// numbered entities (ids by first mention), and links "the magazine"-style
/// references to outlets.
pub fn link(doc: &Doc, cands: &[Candidate]) -> Vec<unspin_doc::Entity> {
    let mut entities = cluster::cluster(doc, cands);
    refs::link_outlet_descriptions(doc, &mut entities);
    entities.retain(|e| !e.mentions.is_empty());
    entities.sort_by_key(|e| e.mentions[0].span.start);
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = format!("e{i}");
    }
    entities
}

#[cfg(test)]
mod tests;

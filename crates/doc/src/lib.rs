//! The `Doc` contract: one article's clean text and the layers of spans that each
//! pipeline stage adds to it.
//!
//! Inside Rust every span is a **byte** range into [`Doc::text`] (always on `char`
//! boundaries, end exclusive), so stages can slice `&doc.text[s.start..s.end]`
//! directly. The public JSON (schema `unspin/1`, see `docs/schema.md`) uses
//! **Unicode character** offsets instead; [`Doc::to_json`] converts.
//!
//! Stages run in order (ingest → extract → segment → entities → quotes → sources →
//! rhetoric) and each one only *adds* its own layer, reading the layers before it.

use serde::{Deserialize, Serialize};

pub mod json;

/// The schema identifier written into every JSON report.
pub const SCHEMA: &str = "unspin/1";

/// A byte range into `Doc::text`, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    /// True when the two ranges share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Where the document came from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Input {
    /// The path given by the user (`-` for stdin), or a label such as `seed`.
    pub path: String,
    /// What the input was read as: `text` or `html`.
    pub format: String,
    /// Size of the raw input in bytes (after gzip decompression).
    pub bytes: u64,
}

/// Article metadata, filled by the extract stage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// ISO 8601 date or date-time when known.
    pub published: Option<String>,
    pub outlet: Option<String>,
    /// BCP 47 language code, e.g. `en`.
    pub language: Option<String>,
    pub url: Option<String>,
}

/// A line of page chrome removed from the article (ads, navigation, captions, …).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Chrome {
    pub text: String,
    /// One of [`ChromeKind`]'s names, e.g. `ad`, `navigation`, `call_to_action`,
    /// `teaser`, `caption`, `credit`, `share`, `legal`.
    pub kind: String,
}

/// The kind of a removed chrome line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChromeKind {
    Ad,
    Navigation,
    CallToAction,
    Teaser,
    Caption,
    Credit,
    Share,
    Legal,
    Other,
}

impl ChromeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ChromeKind::Ad => "ad",
            ChromeKind::Navigation => "navigation",
            ChromeKind::CallToAction => "call_to_action",
            ChromeKind::Teaser => "teaser",
            ChromeKind::Caption => "caption",
            ChromeKind::Credit => "credit",
            ChromeKind::Share => "share",
            ChromeKind::Legal => "legal",
            ChromeKind::Other => "other",
        }
    }
}

/// Kind of a paragraph block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// The headline, kept as the first paragraph so that its mentions get offsets.
    Title,
    Heading,
    Body,
    /// Quoted material set off as a block (HTML `<blockquote>`).
    Blockquote,
    ListItem,
    Caption,
}

impl ParagraphKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ParagraphKind::Title => "title",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Body => "body",
            ParagraphKind::Blockquote => "blockquote",
            ParagraphKind::ListItem => "list_item",
            ParagraphKind::Caption => "caption",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
}

/// How a sentence is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Attribution {
    /// The writer's own assertion: no source given.
    #[default]
    Own,
    /// Contains (mostly) a quotation.
    Quoted,
    /// Attributed to a named source ("according to X", "X said that …").
    Attributed,
    /// Attributed to an anonymous or vague source ("sources say", "is rumored").
    Anonymous,
}

impl Attribution {
    pub fn as_str(&self) -> &'static str {
        match self {
            Attribution::Own => "own",
            Attribution::Quoted => "quoted",
            Attribution::Attributed => "attributed",
            Attribution::Anonymous => "anonymous",
        }
    }
}

/// A sentence. `attribution` is set by the sources stage; `opinion` and
/// `speculation` by the rhetoric stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Doc::paragraphs`.
    pub paragraph: usize,
    pub attribution: Attribution,
    pub opinion: bool,
    pub speculation: bool,
}

/// A word or punctuation token (internal; not in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// Index into `Doc::sentences`.
    pub sentence: usize,
}

/// Kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    /// A news organisation (newspaper, magazine, broadcaster, agency, site).
    Outlet,
    /// Any other organisation, party, company, agency or institution.
    Org,
    /// Places: countries, cities, states, buildings.
    Place,
    /// Other names: events, awards, works, products, nationalities.
    Misc,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Outlet => "outlet",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Misc => "misc",
        }
    }
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// True when the mention is a pronoun or definite description ("the magazine")
    /// linked to the entity rather than a name.
    pub reference: bool,
}

/// A cluster of mentions of one real-world entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable within one document: `e0`, `e1`, … in order of first mention.
    pub id: String,
    /// Display name: the fullest form seen ("Hillary Clinton").
    pub name: String,
    pub kind: EntityKind,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// Kind of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A full quoted sentence or more, in quotation marks.
    Direct,
    /// A quoted fragment inside the writer's sentence.
    Partial,
    /// Quotation marks used for distance or irony; nobody is quoted.
    Scare,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
    /// Quoted material set off as a block.
    Block,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Block => "block",
        }
    }
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The words in the text naming the speaker ("reporter Gabriel Debenedetti",
    /// "they", "Some advisors"): its span.
    pub span: Span,
    /// Index into `Doc::entities` when resolved.
    pub entity: Option<usize>,
    /// Resolved display name (the entity's name, or the speaker text when unresolved).
    pub name: String,
}

/// A quotation: `span` covers the quoted content (without the quotation marks).
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The attributing cue ("writes", "said", "according to") when found.
    pub cue: Option<Span>,
}

/// Kind of a source of claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A named news outlet or its report.
    Outlet,
    /// A named person.
    Person,
    /// A named organisation, document or report.
    Org,
    /// An unnamed source ("a senior official", "sources", "some advisers").
    Anonymous,
    /// Hearsay with no source at all ("is rumored", "reports have surfaced").
    Rumour,
}

impl SourceKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceKind::Outlet => "outlet",
            SourceKind::Person => "person",
            SourceKind::Org => "org",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Rumour => "rumour",
        }
    }
}

/// A source that claims in the article are credited to.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Index into `Doc::entities` for named sources.
    pub entity: Option<usize>,
    pub name: String,
    pub kind: SourceKind,
    /// Where the article credits this source (the source words or cue phrase).
    pub mentions: Vec<Span>,
}

/// Something a fact-checker should be told about, pointing at the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// snake_case kind, e.g. `source_conflict`, `unattributed_quote`,
    /// `anonymous_sourcing`, `rumour`, `no_sources`.
    pub kind: String,
    pub message: String,
    pub spans: Vec<Span>,
}

/// A span flagged with a persuasion technique.
#[derive(Debug, Clone, PartialEq)]
pub struct Technique {
    pub span: Span,
    /// snake_case technique name, e.g. `loaded_language`, `name_calling`,
    /// `speculation`, `bandwagon`, `ridicule`, `doubt`, `exaggeration`.
    pub technique: String,
    /// Confidence in 0..=1.
    pub score: f32,
    /// The words inside `span` that made the detector flag it (a lexicon entry, a
    /// strongly valenced word, the model's highest-scoring tokens), in text order.
    pub triggers: Vec<Span>,
}

/// One article and every layer the pipeline has added to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub input: Input,
    pub meta: Meta,
    /// The clean article text. Paragraphs are separated by a blank line ("\n\n").
    pub text: String,
    pub chrome: Vec<Chrome>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub sources: Vec<Source>,
    pub findings: Vec<Finding>,
    pub techniques: Vec<Technique>,
    /// Non-fatal problems met while reading the input (e.g. bad encoding).
    pub warnings: Vec<String>,
}

impl Doc {
    /// A document whose clean text is `text` (no layers yet).
    pub fn new(text: impl Into<String>) -> Self {
        Doc {
            text: text.into(),
            ..Default::default()
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Indices of the tokens in sentence `i` (tokens are in text order).
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        let s = self.sentences[i].span;
        let a = self.tokens.partition_point(|t| t.span.end <= s.start);
        let b = self.tokens.partition_point(|t| t.span.start < s.end);
        &self.tokens[a..b.max(a)]
    }

    /// Index of the entity that has a mention exactly at `span`, if any.
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.span == span))
    }

    /// The public JSON report (schema `unspin/1`, character offsets) as a tree.
    pub fn to_json(&self) -> serde_json::Value {
        json::to_json(self)
    }

    /// The same report as a streaming `Serialize` (no tree of the whole document):
    /// `serde_json::to_writer(w, &doc.report())`.
    pub fn report(&self) -> json::Report<'_> {
        json::Report(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 8);
        assert!(a.overlaps(&b));
        assert!(!a.contains(&b));
        assert!(Span::new(0, 10).contains(&b));
        assert!(!Span::new(5, 8).overlaps(&a));
    }

    #[test]
    fn sentence_lookup() {
        let mut d = Doc::new("One. Two.");
        for (s, e) in [(0, 4), (5, 9)] {
            d.sentences.push(Sentence {
                span: Span::new(s, e),
                paragraph: 0,
                attribution: Attribution::Own,
                opinion: false,
                speculation: false,
            });
        }
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(4), None);
        assert_eq!(d.sentence_at(6), Some(1));
    }
}

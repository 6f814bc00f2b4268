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
pub mod kinds;

pub use kinds::{
    Attribution, ChromeKind, EntityKind, Family, FindingKind, ParagraphKind, QuoteKind, SourceKind,
    TechniqueName, UnknownKind, KINDS,
};
pub mod offsets;

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
    /// What the line was (written as its snake_case name, e.g. `ad`).
    pub kind: ChromeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
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

/// A word or punctuation token with the attributes every stage reads, computed
/// once by the segmenter (internal; not in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Token {
    pub span: Span,
    /// Index into `Doc::sentences`.
    pub sentence: usize,
    /// Index into `Doc::paragraphs`.
    pub paragraph: usize,
    /// Where the normalised form lies in `Doc::token_forms` (see [`Doc::form`]).
    pub form: FormRef,
    /// Spelling and spacing flags.
    pub shape: Shape,
    /// The token's role when it is a quotation mark.
    pub quote: QuoteRole,
    /// The word lists (`unspin_lex::bits`) its normalised form is in.
    pub lex: u128,
}

impl Token {
    /// True when the token is in any of the lexicon lists `bits`.
    #[inline]
    pub fn is(&self, bits: u128) -> bool {
        self.lex & bits != 0
    }
}

/// A range of `Doc::token_forms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormRef {
    pub start: u32,
    pub len: u32,
}

/// Spelling and spacing flags of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Shape(pub u8);

impl Shape {
    /// Starts with a letter or digit (a word or number, not punctuation).
    pub const WORD: u8 = 1;
    /// Starts with an uppercase letter.
    pub const CAP: u8 = 2;
    /// Has at least two letters and no lowercase letter ("NASA", "U.S.").
    pub const ALL_CAPS: u8 = 4;
    /// Holds a digit.
    pub const DIGIT: u8 = 8;
    /// Holds no letter or digit.
    pub const PUNCT: u8 = 16;
    /// Whitespace (or the start of the text) comes right before it.
    pub const SPACE_BEFORE: u8 = 32;

    #[inline]
    pub fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
    #[inline]
    pub fn word(self) -> bool {
        self.has(Self::WORD)
    }
    #[inline]
    pub fn cap(self) -> bool {
        self.has(Self::CAP)
    }
    #[inline]
    pub fn all_caps(self) -> bool {
        self.has(Self::ALL_CAPS)
    }
    #[inline]
    pub fn digit(self) -> bool {
        self.has(Self::DIGIT)
    }
    #[inline]
    pub fn punct(self) -> bool {
        self.has(Self::PUNCT)
    }
    #[inline]
    pub fn space_before(self) -> bool {
        self.has(Self::SPACE_BEFORE)
    }
}

/// The role of a quotation-mark token, from its mark and the characters around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum QuoteRole {
    /// Not a quotation mark.
    #[default]
    None,
    /// Opens a quotation (“ ‘ « „, or a straight mark after a space).
    Open,
    /// Closes one (” ’ », or a straight mark before a space or punctuation).
    Close,
    /// A straight mark whose side the characters around it do not tell.
    Either,
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
    /// What was found; the registry ([`kinds`]) ranks the kinds by urgency.
    pub kind: FindingKind,
    pub message: String,
    pub spans: Vec<Span>,
}

/// A span flagged with a persuasion technique.
#[derive(Debug, Clone, PartialEq)]
pub struct Technique {
    pub span: Span,
    /// Which technique (written as its snake_case name, e.g. `loaded_language`).
    pub technique: TechniqueName,
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
    /// The tokens' normalised forms (lowercase, straight apostrophes), back to back;
    /// read them with [`Doc::form`].
    pub token_forms: String,
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

    /// Frees the token layer once every stage has run. Tokens are internal (no report
    /// shows them), and callers that hold many finished documents, such as a batch
    /// writing its reports in input order, need not keep them.
    pub fn drop_tokens(&mut self) {
        self.tokens = Vec::new();
        self.token_forms = String::new();
    }

    /// The normalised form of a token (lowercase, straight apostrophes).
    #[inline]
    pub fn form(&self, t: &Token) -> &str {
        let a = t.form.start as usize;
        &self.token_forms[a..a + t.form.len as usize]
    }

    /// Index of the first token that ends after byte `pos` (tokens are in text order).
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
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

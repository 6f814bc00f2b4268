//! The word knowledge the sourcing rules ask, all from `unspin_lex`: the lexicon
//! bits of its lists (the reporting verbs among them, [`SPEECH_VERB`]), tested per
//! token with [`crate::tok::Tok::is`] or per word with [`has`], and the token
//! patterns of hearsay and anonymity phrases.

pub use unspin_lex::attribution::{
    ANONYMITY_PHRASES, ANONYMITY_POSTMODIFIERS, HEARSAY_PATTERNS, VAGUE_HEADLINE_CREDITS,
};
pub use unspin_lex::attribution::{
    CREDIT_NAME_CONNECTORS, HEARSAY_NOUNS, PARTISAN_GROUPS, PHOTO_CREDIT_MARKERS,
    POSTMODIFIER_OBJECT_ENDS, SOURCE_PHRASE_OPENERS, SOURCE_POSTMODIFIER_STARTS, VAGUE_QUANTIFIERS,
    WORD_NOUN_DETERMINERS,
};
use unspin_lex::bits::Bits;
pub use unspin_lex::bits::{
    AGENT_PARTICIPLE, BARE_REPORTING_VERB, CALENDAR_NAME, CORE_SPEECH_VERB, FINDING_VERB,
    FUNCTION_WORD, GENERIC_SUBJECT, INDEPENDENCE_MARKER, INVERSION_VERB, NOT_NAME, NOUN_MARKER,
    NOUN_REPORTING_VERB, OBJECT_MARKER, PHRASE_BOUNDARY, PLURAL_REPORT_DETERMINER,
    PLURAL_REPORT_NOUN, PRONOUN, REPORT_NOUN, REPORT_PREPOSITION, SECOND_REPORT_MARKER,
    SINGLE_REPORT_NOUN, SOURCE_DETERMINER, SOURCE_FOLLOWER, SOURCE_MODIFIER, SOURCE_NOUN,
    SPEECH_ADVERB, VERB_GAP, WEAK_SOURCE_NOUN,
};
pub use unspin_lex::function_words::{
    CLAUSE_OPENERS, NAME_APPOSITIVE_OPENERS, PASSIVE_AUXILIARIES, REFERRING_DETERMINERS,
    SUBJECT_ENDING_PREPOSITIONS,
};
pub use unspin_lex::reports::{
    COMPARED_REPORT_DETERMINERS, OPINION_LABELS, OPINION_URL_PATHS, REPORT_AUTHORING_PARTICIPLES,
    REPORT_BACK_REFERENCES,
};

/// Plural heads that may stand without a determiner ("critics say").
pub fn bare_ok(head: &str) -> bool {
    head.ends_with('s') && !matches!(head, "those" | "others")
}

/// A reporting verb that credits its subject as a source ("said", "warned",
/// "fears": the `core` forms of `unspin_lex::speech`), or an adverb standing for
/// one after a source phrase ("aides privately").
pub const SPEECH_VERB: Bits = CORE_SPEECH_VERB | SPEECH_ADVERB;

/// The lexicon bits of the normalised form `w`.
pub fn mask_of(w: &str) -> Bits {
    unspin_lex::bits::of(w)
}

/// True when the normalised word `w` is in a list with bit `bit`.
pub fn has(bit: Bits, w: &str) -> bool {
    mask_of(w) & bit != 0
}

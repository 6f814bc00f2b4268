//! One bit per commonly asked word list. The segmenter computes [`of`] once per
//! token from its normalised form (lowercase, straight apostrophes) and stores it in
//! `Token::lex`; later stages test membership with one AND instead of a lookup.
//!
//! A list gets a bit here when stages ask it for many tokens; its entries are
//! matched case-folded. Bits are grouped by the area that asks them most (the
//! ranges only keep additions from colliding; any stage may read any bit).

use crate::hash::FxHashMap;
use crate::WordSet;
use std::sync::OnceLock;

/// A set of lexicon bits.
pub type Bits = u128;

// Bit ranges by the area that asks most: shared 0..16, quotes 16..40,
// sources 40..80, entities and names 80..112, rhetoric 112..128.

// Shared.
/// A sentence starter ("the", "however"): see [`crate::abbrev::SENTENCE_STARTERS`].
pub const SENTENCE_STARTER: Bits = 1 << 0;

// Sources (40..80): words of attribution, reports and the function words those rules ask.
/// A noun naming an unnamed source ("officials"): [`crate::attribution::SOURCE_NOUNS`].
pub const SOURCE_NOUN: Bits = 1 << 40;
/// A source noun that needs a postmodifier ("people familiar with"): [`crate::attribution::WEAK_SOURCE_NOUNS`].
pub const WEAK_SOURCE_NOUN: Bits = 1 << 41;
/// A determiner or quantifier opening a source phrase ("several"): [`crate::attribution::SOURCE_DETERMINERS`].
pub const SOURCE_DETERMINER: Bits = 1 << 42;
/// A modifier inside a source phrase ("senior", "defense"): [`crate::attribution::SOURCE_MODIFIERS`].
pub const SOURCE_MODIFIER: Bits = 1 << 43;
/// A word that may follow a source noun ("familiar", "close"): [`crate::attribution::SOURCE_FOLLOWERS`].
pub const SOURCE_FOLLOWER: Bits = 1 << 44;
/// A verb of finding that credits an outlet or organisation ("found"): [`crate::attribution::FINDING_VERBS`].
pub const FINDING_VERB: Bits = 1 << 45;
/// A word allowed between a subject and its reporting verb ("first"): [`crate::attribution::VERB_GAP_WORDS`].
pub const VERB_GAP: Bits = 1 << 46;
/// A verb that credits the phrase after it ("…, said X"): [`crate::attribution::INVERSION_VERBS`].
pub const INVERSION_VERB: Bits = 1 << 47;
/// A participle that credits the agent of "by X" ("reported"): [`crate::attribution::AGENT_PARTICIPLES`].
pub const AGENT_PARTICIPLE: Bits = 1 << 48;
/// A bare reporting-verb form ("say"): [`crate::attribution::BARE_REPORTING_VERBS`].
pub const BARE_REPORTING_VERB: Bits = 1 << 49;
/// A reporting verb that is also a noun ("claims"): [`crate::attribution::NOUN_REPORTING_VERBS`].
pub const NOUN_REPORTING_VERB: Bits = 1 << 50;
/// A description referring back to a named source ("agency"): [`crate::attribution::GENERIC_SUBJECTS`].
pub const GENERIC_SUBJECT: Bits = 1 << 51;
/// A report noun ("study", "investigation"): [`crate::reports::REPORT_NOUNS`].
pub const REPORT_NOUN: Bits = 1 << 52;
/// A noun naming one report ("story"): [`crate::reports::SINGLE_REPORT_NOUNS`].
pub const SINGLE_REPORT_NOUN: Bits = 1 << 53;
/// A preposition linking a report to its author ("by"): [`crate::reports::REPORT_PREPOSITIONS`].
pub const REPORT_PREPOSITION: Bits = 1 << 54;
/// A marker of a second, distinct report ("separate"): [`crate::reports::SECOND_REPORT_MARKERS`].
pub const SECOND_REPORT_MARKER: Bits = 1 << 55;
/// A marker of independent sources ("also", "separately"): [`crate::reports::INDEPENDENCE_MARKERS`].
pub const INDEPENDENCE_MARKER: Bits = 1 << 56;
/// A plural report word ("reports", "outlets"): [`crate::reports::PLURAL_REPORT_NOUNS`].
pub const PLURAL_REPORT_NOUN: Bits = 1 << 57;
/// A word before compared reports ("both", "rival"): [`crate::reports::PLURAL_REPORT_DETERMINERS`].
pub const PLURAL_REPORT_DETERMINER: Bits = 1 << 58;
/// A pronoun or pronoun-like quantifier ("he", "someone"): [`crate::function_words::PRONOUNS`].
pub const PRONOUN: Bits = 1 << 59;
/// A function word never part of a name ("as", "however"): [`crate::function_words::FUNCTION_WORDS`].
pub const FUNCTION_WORD: Bits = 1 << 60;
/// A word before a noun ("the", "to"): [`crate::function_words::NOUN_MARKERS`].
pub const NOUN_MARKER: Bits = 1 << 61;
/// A word before an object ("told", "with"): [`crate::function_words::OBJECT_MARKERS`].
pub const OBJECT_MARKER: Bits = 1 << 62;
/// A word a noun phrase does not extend left past ("and", "said"): [`crate::function_words::PHRASE_BOUNDARIES`].
pub const PHRASE_BOUNDARY: Bits = 1 << 63;
/// A capitalised word that is not a name on its own ("Monday"): [`crate::function_words::NOT_NAMES`].
pub const NOT_NAME: Bits = 1 << 64;
/// A reporting verb that credits its subject on its own ("said", "warned"): the
/// `core` forms of [`crate::speech::SPEECH_VERBS`].
pub const CORE_SPEECH_VERB: Bits = 1 << 65;
/// An adverb standing for a reporting verb ("privately"): [`crate::attribution::SPEECH_ADVERBS`].
pub const SPEECH_ADVERB: Bits = 1 << 66;
/// An English month or weekday name ("March", "Monday"; not the abbreviations, so
/// "Jan" stays a possible name): the `en` rows of [`crate::dates::MONTHS`] and the
/// `name` rows of [`crate::dates::WEEKDAYS`].
pub const CALENDAR_NAME: Bits = 1 << 67;

/// The registered lists and their bits.
static REGISTRY: &[(Bits, &WordSet)] = &[
    (SENTENCE_STARTER, &crate::abbrev::SENTENCE_STARTERS),
    (SOURCE_NOUN, &crate::attribution::SOURCE_NOUNS),
    (WEAK_SOURCE_NOUN, &crate::attribution::WEAK_SOURCE_NOUNS),
    (SOURCE_DETERMINER, &crate::attribution::SOURCE_DETERMINERS),
    (SOURCE_MODIFIER, &crate::attribution::SOURCE_MODIFIERS),
    (SOURCE_FOLLOWER, &crate::attribution::SOURCE_FOLLOWERS),
    (FINDING_VERB, &crate::attribution::FINDING_VERBS),
    (VERB_GAP, &crate::attribution::VERB_GAP_WORDS),
    (INVERSION_VERB, &crate::attribution::INVERSION_VERBS),
    (AGENT_PARTICIPLE, &crate::attribution::AGENT_PARTICIPLES),
    (
        BARE_REPORTING_VERB,
        &crate::attribution::BARE_REPORTING_VERBS,
    ),
    (
        NOUN_REPORTING_VERB,
        &crate::attribution::NOUN_REPORTING_VERBS,
    ),
    (GENERIC_SUBJECT, &crate::attribution::GENERIC_SUBJECTS),
    (REPORT_NOUN, &crate::reports::REPORT_NOUNS),
    (SINGLE_REPORT_NOUN, &crate::reports::SINGLE_REPORT_NOUNS),
    (REPORT_PREPOSITION, &crate::reports::REPORT_PREPOSITIONS),
    (SECOND_REPORT_MARKER, &crate::reports::SECOND_REPORT_MARKERS),
    (INDEPENDENCE_MARKER, &crate::reports::INDEPENDENCE_MARKERS),
    (PLURAL_REPORT_NOUN, &crate::reports::PLURAL_REPORT_NOUNS),
    (
        PLURAL_REPORT_DETERMINER,
        &crate::reports::PLURAL_REPORT_DETERMINERS,
    ),
    (PRONOUN, &crate::function_words::PRONOUNS),
    (FUNCTION_WORD, &crate::function_words::FUNCTION_WORDS),
    (NOUN_MARKER, &crate::function_words::NOUN_MARKERS),
    (OBJECT_MARKER, &crate::function_words::OBJECT_MARKERS),
    (PHRASE_BOUNDARY, &crate::function_words::PHRASE_BOUNDARIES),
    (NOT_NAME, &crate::function_words::NOT_NAMES),
    (SPEECH_ADVERB, &crate::attribution::SPEECH_ADVERBS),
];

/// Bits given to the forms of a kind of [`crate::speech::SPEECH_VERBS`].
static SPEECH_REGISTRY: &[(Bits, crate::speech::Kinds)] =
    &[(CORE_SPEECH_VERB, crate::speech::CORE)];

fn table() -> &'static FxHashMap<String, Bits> {
    static T: OnceLock<FxHashMap<String, Bits>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: FxHashMap<String, Bits> = FxHashMap::default();
        for (bit, set) in REGISTRY {
            for w in set.entries() {
                *m.entry(crate::normalise(w).into_owned()).or_insert(0) |= bit;
            }
        }
        for (bit, kind) in SPEECH_REGISTRY {
            for w in crate::speech::forms_of(*kind) {
                *m.entry(crate::normalise(w).into_owned()).or_insert(0) |= bit;
            }
        }
        let months = crate::dates::MONTHS
            .rows()
            .iter()
            .filter(|r| r.get(2) == Some(&"en"));
        let days = crate::dates::WEEKDAYS
            .rows()
            .iter()
            .filter(|r| r.get(2) == Some(&"name"));
        for r in months.chain(days) {
            *m.entry(crate::normalise(r[0]).into_owned()).or_insert(0) |= CALENDAR_NAME;
        }
        m
    })
}

/// The bits of every registered list that holds `form` (a normalised form).
#[inline]
pub fn of(form: &str) -> Bits {
    table().get(form).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bits_are_distinct_and_found() {
        let mut seen = 0;
        let speech = super::SPEECH_REGISTRY.iter().map(|(b, _)| b);
        let dates = [super::CALENDAR_NAME];
        for b in super::REGISTRY
            .iter()
            .map(|(b, _)| b)
            .chain(speech)
            .chain(&dates)
        {
            assert_eq!(b.count_ones(), 1);
            assert_eq!(seen & b, 0, "bit used twice");
            seen |= b;
        }
        assert_ne!(super::of("however") & super::SENTENCE_STARTER, 0);
        assert_eq!(super::of("zebra"), 0);
        assert_ne!(super::of("said") & super::CORE_SPEECH_VERB, 0);
        assert_eq!(super::of("saying") & super::CORE_SPEECH_VERB, 0);
        for w in ["may", "december", "sunday"] {
            assert_ne!(super::of(w) & super::CALENDAR_NAME, 0, "{w}");
        }
        for w in ["jan", "mon", "märz"] {
            assert_eq!(super::of(w) & super::CALENDAR_NAME, 0, "{w}");
        }
    }
}

//! The word knowledge the sourcing rules ask, all from `unspin_lex`: the lexicon
//! bits of its lists (tested per token with [`crate::tok::Tok::is`] or per word
//! with [`has`]) and the token patterns of hearsay and anonymity phrases.

pub use unspin_lex::attribution::{
    ANONYMITY_PHRASES, ANONYMITY_POSTMODIFIERS, HEARSAY_PATTERNS, VAGUE_HEADLINE_CREDITS,
};
use unspin_lex::bits::Bits;
pub use unspin_lex::bits::{
    AGENT_PARTICIPLE, BARE_REPORTING_VERB, FINDING_VERB, FUNCTION_WORD, GENERIC_SUBJECT,
    INDEPENDENCE_MARKER, INVERSION_VERB, NOT_NAME, NOUN_MARKER, NOUN_REPORTING_VERB, OBJECT_MARKER,
    PHRASE_BOUNDARY, PLURAL_REPORT_DETERMINER, PLURAL_REPORT_NOUN, PRONOUN, REPORT_NOUN,
    REPORT_PREPOSITION, SECOND_REPORT_MARKER, SINGLE_REPORT_NOUN, SOURCE_DETERMINER,
    SOURCE_FOLLOWER, SOURCE_MODIFIER, SOURCE_NOUN, VERB_GAP, WEAK_SOURCE_NOUN,
};
pub use unspin_lex::reports::OPINION_LABELS;

/// Plural heads that may stand without a determiner ("critics say").
pub fn bare_ok(head: &str) -> bool {
    head.ends_with('s') && !matches!(head, "those" | "others")
}

/// Reporting and speech verbs that credit their subject, for any source kind.
pub static SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "write",
    "stated",
    "states",
    "announced",
    "announces",
    "claimed",
    "claims",
    "claim",
    "argued",
    "argues",
    "argue",
    "noted",
    "notes",
    "added",
    "adds",
    "add",
    "explained",
    "explains",
    "insisted",
    "insists",
    "alleged",
    "alleges",
    "warned",
    "warns",
    "warn",
    "suggested",
    "suggests",
    "suggest",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "testified",
    "testifies",
    "tweeted",
    "tweets",
    "posted",
    "described",
    "describes",
    "reported",
    "reports",
    "report",
    "confirmed",
    "confirms",
    "revealed",
    "reveals",
    "disclosed",
    "discloses",
    "denied",
    "denies",
    "recalled",
    "recalls",
    "asserted",
    "asserts",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "predicted",
    "predicts",
    "estimated",
    "estimates",
    "declared",
    "declares",
    "remarked",
    "commented",
    "responded",
    "replied",
    "countered",
    "conceded",
    "concedes",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "quipped",
    "joked",
    "complained",
    "complain",
    "complains",
    "lamented",
    "boasted",
    "vowed",
    "vows",
    "promised",
    "reiterated",
    "cautioned",
    "speculated",
    "hinted",
    "charged",
    "believe",
    "believes",
    "believed",
    "fear",
    "fears",
    "feared",
    "worry",
    "worries",
    "worried",
    "contend",
    "insist",
    "predict",
    "expect",
    "expects",
    "whispered",
    "grumbled",
    "spoke",
    "tell",
    "urged",
    "urges",
    "urge",
    "recommended",
    "advised",
    "advise",
    "grumble",
    "privately",
    "indicated",
    "indicates",
    "indicate",
];

/// A reporting verb (see [`SPEECH_VERBS`]): a bit of the sources range computed
/// here until the shared speech-verb list is used.
pub const SPEECH_VERB: Bits = 1 << 79;

/// [`SPEECH_VERB`] when the normalised form `w` is a reporting verb.
pub fn speech_bit(w: &str) -> Bits {
    if SPEECH_VERBS.contains(&w) {
        SPEECH_VERB
    } else {
        0
    }
}

/// The lexicon bits of the normalised form `w` (with [`SPEECH_VERB`]).
pub fn mask_of(w: &str) -> Bits {
    unspin_lex::bits::of(w) | speech_bit(w)
}

/// True when the normalised word `w` is in a list with bit `bit`.
pub fn has(bit: Bits, w: &str) -> bool {
    mask_of(w) & bit != 0
}

//! How news text credits a claim: the nouns and modifiers of unnamed-source phrases
//! ("a senior White House official", "people familiar with"), reporting-verb
//! company (adverbs between subject and verb, verbs of finding, inverted verbs),
//! descriptions that refer back to a named source ("the agency"), and hearsay and
//! anonymity phrases. Single words are asked lowercase, most through their
//! [`crate::bits`]; the `*_PATTERNS`/phrase files are token patterns (space-separated
//! elements, `a|b` alternatives, a trailing `?` for optional, `*` for any one word).

word_set!(
    /// Heads of noun phrases naming unnamed sources ("officials", "a source", "critics").
    pub SOURCE_NOUNS = "source_nouns.txt"
);
word_set!(
    /// Source nouns that count only with a sourcing postmodifier ("people familiar with").
    pub WEAK_SOURCE_NOUNS = "weak_source_nouns.txt"
);
word_set!(
    /// Determiners and quantifiers that open an unnamed-source phrase ("several", "top").
    pub SOURCE_DETERMINERS = "source_determiners.txt"
);
word_set!(
    /// Common modifiers inside unnamed-source phrases ("senior", "defense", "campaign").
    pub SOURCE_MODIFIERS = "source_modifiers.txt"
);
word_set!(
    /// Words that may follow a source noun besides verbs and adverbs ("familiar", "close").
    pub SOURCE_FOLLOWERS = "source_followers.txt"
);
word_set!(
    /// Postmodifiers that make a phrase a source on their own ("familiar with"); patterns.
    pub ANONYMITY_POSTMODIFIERS = "anonymity_postmodifiers.txt"
);
word_set!(
    /// Anonymity phrases that mark unnamed sourcing wherever they appear; patterns.
    pub ANONYMITY_PHRASES = "anonymity_phrases.txt"
);
word_set!(
    /// Adverbs that stand for a reporting verb after a source phrase ("aides privately").
    pub SPEECH_ADVERBS = "speech_adverbs.txt"
);
word_set!(
    /// Hearsay with no source at all ("is rumored to", "reportedly"); patterns.
    pub HEARSAY_PATTERNS = "hearsay_patterns.txt"
);
word_set!(
    /// Verbs that credit an outlet or organisation, not a person ("the study found").
    pub FINDING_VERBS = "finding_verbs.txt"
);
word_set!(
    /// Words allowed between a subject and its reporting verb ("X first reported").
    pub VERB_GAP_WORDS = "verb_gap_words.txt"
);
word_set!(
    /// Verbs that credit the phrase after them when set off by a comma or quote ("…, said X").
    pub INVERSION_VERBS = "inversion_verbs.txt"
);
word_set!(
    /// Participles that credit the agent of "…by X" ("first reported by X").
    pub AGENT_PARTICIPLES = "agent_participles.txt"
);
word_set!(
    /// Bare reporting-verb forms that need a plural subject ("officials say").
    pub BARE_REPORTING_VERBS = "bare_reporting_verbs.txt"
);
word_set!(
    /// Reporting verbs that are also nouns ("the claims", "to reports").
    pub NOUN_REPORTING_VERBS = "noun_reporting_verbs.txt"
);
word_set!(
    /// Definite descriptions that refer back to a named source ("the agency said").
    pub GENERIC_SUBJECTS = "generic_subjects.txt"
);
word_set!(
    /// Headline prefixes that credit an unnamed report ("Report: …", "Sources: …").
    pub VAGUE_HEADLINE_CREDITS = "vague_headline_credits.txt"
);
table!(
    /// Words that tell the kind of an unresolved source name: word → `person`,
    /// `outlet` or `org` (lowercase, dotted forms with their period). Ask [`name_kind`].
    pub SOURCE_KIND_WORDS = "source_kind_words.tsv"
);

/// The kind of source a name is by its words, as `SOURCE_KIND_WORDS` says:
/// `"person"` when any word is a person word ("sen.", "spokesman"), else `"outlet"`
/// when the last word is an outlet word ("times", "radio"), else `"org"` when any
/// word is an organisation word ("ministry", "inc."); `None` otherwise. `words` are
/// lowercase.
pub fn name_kind(words: &[&str]) -> Option<&'static str> {
    let kind = |w: &str| SOURCE_KIND_WORDS.row(w).and_then(|r| r.get(1).copied());
    if words.iter().any(|w| kind(w) == Some("person")) {
        Some("person")
    } else if words.last().is_some_and(|w| kind(w) == Some("outlet")) {
        Some("outlet")
    } else if words.iter().any(|w| kind(w) == Some("org")) {
        Some("org")
    } else {
        None
    }
}

word_set!(
    /// Plural nouns that open a hearsay phrase ("reports say", "rumors are") unless they point back at named reports.
    pub HEARSAY_NOUNS = "hearsay_nouns.txt"
);
word_set!(
    /// Words before "word" that make it a plain noun ("the last word", "his word"), not hearsay ("word is …").
    pub WORD_NOUN_DETERMINERS = "word_noun_determiners.txt"
);
word_set!(
    /// Quantifiers that, alone or before a weak source noun, are the vaguest source ("some say", "many people believe").
    pub VAGUE_QUANTIFIERS = "vague_quantifiers.txt"
);
word_set!(
    /// Words after a source noun that keep the rest of the phrase in its name ("people familiar with", "officials of").
    pub SOURCE_POSTMODIFIER_STARTS = "source_postmodifier_starts.txt"
);
word_set!(
    /// Capitalised plural group nouns that are unnamed sources, not names ("Democrats say").
    pub PARTISAN_GROUPS = "partisan_groups.txt"
);
word_set!(
    /// Determiners and numerals that open a source phrase a word or two before its head ("a US embassy official").
    pub SOURCE_PHRASE_OPENERS = "source_phrase_openers.txt"
);
word_set!(
    /// Words that end the object of a sourcing postmodifier ("close to the campaign who …").
    pub POSTMODIFIER_OBJECT_ENDS = "postmodifier_object_ends.txt"
);
word_set!(
    /// Lowercase words allowed inside a credited name ("Museum of Art", "Jan van Eyck").
    pub CREDIT_NAME_CONNECTORS = "credit_name_connectors.txt"
);
word_set!(
    /// Marks that introduce the name in a photo credit ("Photo by", "Credit:", "courtesy of"), lowercase.
    pub PHOTO_CREDIT_MARKERS = "photo_credit_markers.txt"
);

#[cfg(test)]
mod tests {
    #[test]
    fn name_kinds() {
        use super::name_kind;
        assert_eq!(name_kind(&["sen.", "smith"]), Some("person"));
        assert_eq!(name_kind(&["new", "york", "times"]), Some("outlet"));
        assert_eq!(name_kind(&["times", "group"]), Some("org"));
        assert_eq!(name_kind(&["john", "smith"]), None);
        for r in super::SOURCE_KIND_WORDS.rows() {
            assert!(
                matches!(r.get(1).copied(), Some("person" | "outlet" | "org")),
                "{r:?}"
            );
        }
    }
}

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

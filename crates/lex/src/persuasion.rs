//! Persuasion techniques: the phrase lexicon the rhetoric stage matches (technique,
//! score, reach, phrase) and the word sets its context rules ask. Phrases and words
//! are matched case-insensitively (lists are lowercase).

table!(
    /// One lexicon phrase per row: technique, base score, mode (how far the flagged span
    /// reaches), phrase (`*` stems, `{a|b}` alternatives, `{@insult_adj}`, `a * b` gaps).
    pub PHRASES = "persuasion_phrases.tsv"
);

table!(
    /// Name-calling words with a common literal sense, and which sense.
    pub LITERAL_SENSE_HITS = "literal_sense_hits.tsv"
);

/// The literal sense (`competition`, `currency`) of a lowercase name-calling word
/// that has one.
pub fn literal_sense(word: &str) -> Option<&'static str> {
    LITERAL_SENSE_HITS.row(word).and_then(|r| r.get(1).copied())
}

// Word sets of the context rules; an entry ending in `*` matches as a prefix.
word_set!(
    /// Adjectives that turn a noun into an insult ("clueless", "power-hungry").
    pub INSULT_ADJECTIVES = "insult_adjectives.txt"
);
word_set!(
    /// People and groups an insult adjective can be aimed at ("supporters", "minister").
    pub INSULT_TARGET_NOUNS = "insult_target_nouns.txt"
);
word_set!(
    /// Words that strengthen the loaded word after them ("utterly").
    pub INTENSIFIERS = "intensifiers.txt"
);
word_set!(
    /// Words after a loaded word that show its literal sense ("disaster relief").
    pub LITERAL_SENSE_NEXT = "literal_sense_next_words.txt"
);
word_set!(
    /// Words before a loaded word that show its literal sense ("natural disaster").
    pub LITERAL_SENSE_PREV = "literal_sense_prev_words.txt"
);
word_set!(
    /// Nouns after which a political label names a system ("communist party").
    pub POLITICAL_SYSTEM_NOUNS = "political_system_nouns.txt"
);
word_set!(
    /// Verbs and phrases that credit a hedge to a source ("said", "according to").
    pub HEDGE_ATTRIBUTION_CUES = "hedge_attribution_cues.txt"
);
word_set!(
    /// Words of attitude and belief ("know*", "want*"): prefixes end in `*`.
    pub ATTITUDE_WORDS = "attitude_words.txt"
);
word_set!(
    /// Nouns whose credibility scare quotes put in doubt ("experts", "science").
    pub CREDIBILITY_NOUNS = "credibility_nouns.txt"
);
word_set!(
    /// Pronouns and people words that show a verb is aimed at people ("his", "rivals").
    pub PERSON_WORDS = "person_words.txt"
);

// Literal senses of hedges and labels.
word_set!(
    /// Nouns after "likely" that make it a polling term ("likely voters").
    pub POLLING_NOUNS = "polling_nouns.txt"
);
word_set!(
    /// Words after "must have" that make it an obligation ("must have a licence").
    pub OBLIGATION_OBJECT_STARTS = "obligation_object_starts.txt"
);
word_set!(
    /// Words after "clearly" that say how something is seen ("clearly visible").
    pub MANNER_WORDS = "manner_words.txt"
);
word_set!(
    /// Words before "snowflakes" that make them weather ("gathering", "falling").
    pub SNOWFALL_MODIFIERS = "snowfall_modifiers.txt"
);
word_set!(
    /// Starts of weather words ("snow", "flurr"): prefixes.
    pub WEATHER_WORD_STARTS = "weather_word_starts.txt"
);
word_set!(
    /// Text that backs a claim with numbers ("poll", "percent", "%"): substrings.
    pub EVIDENCE_MARKERS = "evidence_markers.txt"
);
word_set!(
    /// What follows the comma closing an "if anyone can …" sentence ("it'd be").
    pub RIDICULE_CLOSERS = "ridicule_closers.txt"
);
word_set!(
    /// Words before a quoted nickname that attach it to someone ("dubbed", "him").
    pub NICKNAME_CUES = "nickname_cues.txt"
);
word_set!(
    /// Words before a quoted label that attach it to someone ("is", "called").
    pub LABEL_CUES = "label_cues.txt"
);
word_set!(
    /// Words before a scare-quoted credibility noun ("the", "so-called").
    pub SCARE_QUOTE_DETERMINERS = "scare_quote_determiners.txt"
);

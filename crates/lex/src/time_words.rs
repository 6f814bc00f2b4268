//! Time words around a reporting verb ("said on Monday", "officials said later",
//! "two days ago"). All lowercase; asked with lowercase forms.

word_set!(
    /// Time words that may follow a parenthetical cue ("officials said later").
    pub AFTER_CUE_TIME_WORDS = "after_cue_time_words.txt"
);
word_set!(
    /// Time words (and a comma) between a reporting verb and its clause ("said on Monday").
    pub CUE_TIME_WORDS = "cue_time_words.txt"
);
word_set!(
    /// Time adverbs ("ago", "yesterday", "later").
    pub TIME_ADVERBS = "time_adverbs.txt"
);

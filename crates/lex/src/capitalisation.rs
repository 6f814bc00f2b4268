//! Capitals that are not names: words a model keeps as words although capitalised.

word_set!(
    /// Function words whose sentence-initial capital is not a name ("The", "However",
    /// "Of course"), lowercase.
    pub SENTENCE_INITIAL_FUNCTION_WORDS = "sentence_initial_function_words.txt"
);
word_set!(
    /// Capitalised group and flag words kept as words ("America", "Nazis"), lowercase.
    pub KEPT_CAPITALISED_WORDS = "kept_capitalised_words.txt"
);

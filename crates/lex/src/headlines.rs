//! Headline casing (data: `headline_minor_words.txt`).

word_set!(
    /// Words left lower case in Title Case headlines ("of", "the", "vs.", "und").
    pub HEADLINE_MINOR_WORDS = "headline_minor_words.txt"
);

//! Common English words (data: `common_words.txt`, SCOWL sizes 10 and 20).

word_set!(
    /// Common English words, lower case.
    pub COMMON_WORDS = "common_words.txt"
);

/// A common English word (asked with the lower-cased form).
pub fn is_common_word(lower: &str) -> bool {
    COMMON_WORDS.contains(lower)
}

//! Political sides: words naming parties, camps and ideologies of every side.

word_set!(
    /// Words naming political sides, parties and camps ("liberal", "tory", "maga",
    /// "far"), lowercase; masked to one symbol by the rhetoric model (neutrality).
    pub SIDE_WORDS = "political_side_words.txt"
);

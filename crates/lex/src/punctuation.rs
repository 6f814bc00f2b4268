//! Punctuation marks by what they do to the words around them (data:
//! `clause_opening_marks.txt`, `phrase_break_marks.txt`).

word_set!(
    /// Marks after which a word starts afresh as at a sentence start ("“", "(", ":", "—").
    pub CLAUSE_OPENING_MARKS = "clause_opening_marks.txt"
);
word_set!(
    /// Marks that end a phrase (",", ".", ";", "(", ")").
    pub PHRASE_BREAK_MARKS = "phrase_break_marks.txt"
);

/// A mark after which a word starts afresh, as at a sentence start: an opening
/// quote or bracket, a colon, a dash, an ellipsis.
pub fn opens_clause(mark: &str) -> bool {
    CLAUSE_OPENING_MARKS.contains(mark)
}

/// A mark that ends a phrase: a comma, full stop, semicolon, colon, dash or bracket.
pub fn breaks_phrase(mark: &str) -> bool {
    PHRASE_BREAK_MARKS.contains(mark)
}

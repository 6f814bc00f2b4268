//! Closed-class words by the role the rules give them: pronouns, function words
//! that are never part of a name, words that mark a following noun or object,
//! words that bound a noun phrase, and capitalised words that are not names.
//! Asked lowercase, most through their [`crate::bits`].

word_set!(
    /// Pronouns and pronoun-like quantifiers ("he", "they", "someone", "many").
    pub PRONOUNS = "pronouns.txt"
);
word_set!(
    /// Function words that may be capitalised at a sentence start but are never part
    /// of a name ("As", "However", "The").
    pub FUNCTION_WORDS = "function_words.txt"
);
word_set!(
    /// Words before a noun: a verb-or-noun form after one of these is a noun ("the claims").
    pub NOUN_MARKERS = "noun_markers.txt"
);
word_set!(
    /// Words before a noun phrase that make it an object ("told aides", "with critics").
    pub OBJECT_MARKERS = "object_markers.txt"
);
word_set!(
    /// Words a noun phrase does not extend left past ("and", "said", "who").
    pub PHRASE_BOUNDARIES = "phrase_boundaries.txt"
);
word_set!(
    /// Capitalised words that are not names on their own ("Monday", "Another", "Mr").
    pub NOT_NAMES = "not_names.txt"
);

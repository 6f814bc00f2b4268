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
word_set!(
    /// Words that open another clause or subject ("that", "because", "they"): a source phrase's verb is not past them.
    pub CLAUSE_OPENERS = "clause_openers.txt"
);
word_set!(
    /// Forms of "be" before a participle that make it passive ("was told").
    pub PASSIVE_AUXILIARIES = "passive_auxiliaries.txt"
);
word_set!(
    /// Words before a name that make it an object, not the subject of the verb after it ("told X", "according to X").
    pub SUBJECT_ENDING_PREPOSITIONS = "subject_ending_prepositions.txt"
);
word_set!(
    /// Words after "Name," that open an appositive the verb search skips ("Jane Doe, a senior fellow, said").
    pub NAME_APPOSITIVE_OPENERS = "name_appositive_openers.txt"
);
word_set!(
    /// Determiners that refer back to something named ("the agency", "its report").
    pub REFERRING_DETERMINERS = "referring_determiners.txt"
);

//! Words for published reports and how articles speak of them: report nouns
//! ("study", "investigation"), the prepositions that link them to an author, markers
//! of a second or independent report, and labels that mark opinion pieces. Asked
//! lowercase, most through their [`crate::bits`].

word_set!(
    /// Nouns for a report or other published work that can be credited to its author.
    pub REPORT_NOUNS = "report_nouns.txt"
);
word_set!(
    /// Nouns that name a single report ("story", "scoop").
    pub SINGLE_REPORT_NOUNS = "single_report_nouns.txt"
);
word_set!(
    /// Prepositions linking a report noun to its author ("a study by X").
    pub REPORT_PREPOSITIONS = "report_prepositions.txt"
);
word_set!(
    /// Words before a report noun that mark a second, distinct report ("a separate report").
    pub SECOND_REPORT_MARKERS = "second_report_markers.txt"
);
word_set!(
    /// Words near a credit that present two outlets as independent sources ("also").
    pub INDEPENDENCE_MARKERS = "independence_markers.txt"
);
word_set!(
    /// Plural report words ("reports", "outlets").
    pub PLURAL_REPORT_NOUNS = "plural_report_nouns.txt"
);
word_set!(
    /// Words before a plural report word that show reports compared ("both", "rival").
    pub PLURAL_REPORT_DETERMINERS = "plural_report_determiners.txt"
);
word_set!(
    /// Labels that mark an article as opinion or commentary ("op-ed", "analysis").
    pub OPINION_LABELS = "opinion_labels.txt"
);
word_set!(
    /// Words before a report noun that point back at reports already named ("the reports", "their accounts").
    pub REPORT_BACK_REFERENCES = "report_back_references.txt"
);
word_set!(
    /// Participles after a report noun that credit its author ("a study published by X").
    pub REPORT_AUTHORING_PARTICIPLES = "report_authoring_participles.txt"
);
word_set!(
    /// Words before a plural report noun that say the article itself compares reports ("both reports", "competing accounts").
    pub COMPARED_REPORT_DETERMINERS = "compared_report_determiners.txt"
);
word_set!(
    /// URL path parts that mark a page as opinion ("/opinion", "/op-ed"), lowercase.
    pub OPINION_URL_PATHS = "opinion_url_paths.txt"
);

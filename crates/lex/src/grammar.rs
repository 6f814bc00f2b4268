//! Function words by the part they play around a reporting verb: subject pronouns,
//! determiners, possessives, forms of "be", auxiliaries and adverbs between a
//! speaker and its verb, words that start or end a clause, and their German and
//! French counterparts. All lowercase; asked with lowercase forms.

word_set!(
    /// Determiners and quantifiers that may open a speaker phrase ("the", "several", "former").
    pub DETERMINERS = "determiners.txt"
);
word_set!(
    /// Possessive determiners ("his", "their").
    pub POSSESSIVES = "possessives.txt"
);
word_set!(
    /// French and German articles ("le", "der"); apart from [`DETERMINERS`] because
    /// "die" and "das" are English words too.
    pub FOREIGN_ARTICLES = "foreign_articles.txt"
);
word_set!(
    /// Forms of "be" ("is", "was", "'s").
    pub BE_FORMS = "be_forms.txt"
);
word_set!(
    /// Adverbs and auxiliaries between a speaker and its verb ("also", "has", "never").
    pub SPEAKER_VERB_GAP_WORDS = "speaker_verb_gap_words.txt"
);
word_set!(
    /// Words that end a speaker phrase walking back from its verb ("who", "despite", "in").
    pub CLAUSE_STARTS = "clause_starts.txt"
);
word_set!(
    /// Words that end a speaker phrase after an inverted verb ("said Smith on …").
    pub INVERTED_SPEAKER_ENDS = "inverted_speaker_ends.txt"
);
word_set!(
    /// French and German auxiliaries before a past participle ("a", "se", "hat").
    pub FOREIGN_AUXILIARIES = "foreign_auxiliaries.txt"
);
word_set!(
    /// French subject-pronoun suffixes of inverted verbs ("-t-il", "-elle"), in match order.
    pub FRENCH_INVERTED_PRONOUNS = "french_inverted_pronouns.txt"
);
word_set!(
    /// Short words left lowercase inside a title-case name of a work ("of", "the").
    pub TITLE_SMALL_WORDS = "title_small_words.txt"
);
word_set!(
    /// Words written with a leading apostrophe for dropped letters ("em", "til").
    pub ELISIONS = "elisions.txt"
);
table!(
    /// Subject pronouns that can stand for a speaker → referent (`he`, `she`, `they`,
    /// `it`, `other`), English, German and French ("er", "elle").
    pub SUBJECT_PRONOUNS = "subject_pronouns.tsv"
);

/// Who a subject pronoun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    He,
    She,
    They,
    It,
    /// First or second person ("I", "we", "you").
    Other,
}

/// The referent of a lowercase subject pronoun ("she" → She, "ils" → They).
pub fn subject_pronoun(w: &str) -> Option<Referent> {
    Some(match SUBJECT_PRONOUNS.row(w)?.get(1).copied() {
        Some("he") => Referent::He,
        Some("she") => Referent::She,
        Some("they") => Referent::They,
        Some("it") => Referent::It,
        Some("other") => Referent::Other,
        other => panic!("subject_pronouns.tsv: bad referent {other:?} for {w}"),
    })
}

/// A French inverted verb with its subject pronoun glued on (`a-t-il`, `dit-elle`):
/// the byte length of the pronoun at the end of the lowercase word.
pub fn french_inverted_pronoun(lower: &str) -> Option<usize> {
    FRENCH_INVERTED_PRONOUNS
        .entries()
        .iter()
        .find(|p| lower.len() > p.len() + 1 && lower.ends_with(*p))
        .map(|p| p.trim_start_matches("-t").trim_start_matches('-').len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_suffixes() {
        for r in SUBJECT_PRONOUNS.rows() {
            assert!(subject_pronoun(r[0]).is_some());
        }
        assert_eq!(subject_pronoun("elle"), Some(Referent::She));
        assert_eq!(french_inverted_pronoun("a-t-il"), Some(2));
        assert_eq!(french_inverted_pronoun("confie-t-elle"), Some(4));
        assert_eq!(french_inverted_pronoun("-il"), None);
    }
}

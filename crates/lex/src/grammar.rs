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

// Moved from the quotes rules (one list per question a rule asks).
word_set!(
    /// Words before a participle cue that open a clause of the sentence's subject ("upon saying", "after saying").
    pub PARTICIPLE_CLAUSE_OPENERS = "participle_clause_openers.txt"
);
word_set!(
    /// Verbs and auxiliaries of the verb group before "to say" ("went on to say", "wanted to tell").
    pub TO_INFINITIVE_GOVERNORS = "to_infinitive_governors.txt"
);
word_set!(
    /// Prepositions and negations that open a sentence without a subject ("In Ohio", "No media card").
    pub NON_SUBJECT_OPENERS = "non_subject_openers.txt"
);
word_set!(
    /// What may follow an inverted speaker when no clause follows: a comma or a preposition ("…, said Lee, in …").
    pub INVERTED_SPEAKER_FOLLOWERS = "inverted_speaker_followers.txt"
);
word_set!(
    /// Pronouns and demonstratives that open a clause right after a that-verb ("believe this provides").
    pub CLAUSE_SUBJECT_WORDS = "clause_subject_words.txt"
);
word_set!(
    /// Quantifiers that can be a clause's subject on their own ("Some say …").
    pub QUANTIFIER_SUBJECTS = "quantifier_subjects.txt"
);
word_set!(
    /// Conjunctions that open a clause ("…, while others say").
    pub CLAUSE_CONJUNCTIONS = "clause_conjunctions.txt"
);
word_set!(
    /// Prepositions before a noun, making a cue word a noun ("secretary of state").
    pub NOUN_PREPOSITIONS = "noun_prepositions.txt"
);
word_set!(
    /// Words opening an appositive or relative clause after a name ("who", "including").
    pub SPEAKER_APPOSITIVE_OPENERS = "speaker_appositive_openers.txt"
);
word_set!(
    /// Words before a number ("more than 2%", "nearly 20 points").
    pub NUMBER_APPROXIMATORS = "number_approximators.txt"
);
word_set!(
    /// Words that open an indirect question ("asked whether …").
    pub WH_WORDS = "wh_words.txt"
);
word_set!(
    /// Object pronouns ("told me that").
    pub OBJECT_PRONOUNS = "object_pronouns.txt"
);
word_set!(
    /// Words that are a verb's whole object rather than a clause's subject ("said so", "said nothing").
    pub NON_CLAUSE_OBJECTS = "non_clause_objects.txt"
);
word_set!(
    /// Modal and auxiliary verbs ("will", "has", "did").
    pub AUXILIARIES = "auxiliaries.txt"
);
word_set!(
    /// Prepositions before a place, English, French and German ("in", "de", "aus").
    pub PLACE_PREPOSITIONS = "place_prepositions.txt"
);
word_set!(
    /// Definite articles, English, German and French ("the", "der", "le").
    pub DEFINITE_ARTICLES = "definite_articles.txt"
);
word_set!(
    /// Clause starts that may sit inside a speaker phrase ("Secretary of State").
    pub PHRASE_PREPOSITIONS = "phrase_prepositions.txt"
);
word_set!(
    /// Modals and forms of "have" that make a speaker phrase a clause ("can", "has").
    pub MODALS_AND_HAVE = "modals_and_have.txt"
);
word_set!(
    /// Conjunctions and adverbs that link a sentence to the one before ("but", "meanwhile").
    pub CONNECTIVE_ADVERBS = "connective_adverbs.txt"
);
word_set!(
    /// Prepositions, adverbs and demonstratives that cannot open a subject ("despite", "here", "this").
    pub NON_SUBJECT_WORDS = "non_subject_words.txt"
);
word_set!(
    /// Particles inside names ("of", "de", "van", "al").
    pub SPEAKER_NAME_PARTICLES = "speaker_name_particles.txt"
);
word_set!(
    /// Asides set off by commas between a subject and its verb ("for her part", "however").
    pub ASIDE_PHRASES = "aside_phrases.txt"
);
word_set!(
    /// Words that join parts of a name or a title before it ("of", "and", "van", "former", "'s").
    pub NAME_JOINERS = "name_joiners.txt"
);
word_set!(
    /// Words before a bare "say" that make it non-finite or first-person ("to", "can", "I", "'d").
    pub NON_SUBJECT_BEFORE_SAY = "non_subject_before_say.txt"
);
word_set!(
    /// First-person pronouns and their contractions ("I", "we're", "our"): a statement
    /// in the speaker's own voice.
    pub FIRST_PERSON_WORDS = "first_person_words.txt"
);

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

//! Personal names and the capitalised words that are never names (data:
//! `first_names.tsv`, `surnames.txt`, `name_particles.txt`,
//! `person_name_suffixes.txt`,
//! `never_names.txt`, `non_name_acronyms.txt`, `capitalised_function_words.txt`,
//! `name_head_nouns.txt`, `title_case_lowercase_words.txt`). All case-sensitive,
//! as written.

use crate::titles::Gender;

table!(
    /// Given name → gender: `F`, `M`, `U` (used for both).
    pub FIRST_NAMES = "first_names.tsv"
);
word_set!(
    /// The 5,000 most frequent US surnames.
    pub SURNAMES = "surnames.txt"
);
word_set!(
    /// Lower-case particles inside personal names ("van", "bin", "de", "della").
    pub NAME_PARTICLES = "name_particles.txt"
);
word_set!(
    /// Suffixes after a person's name that are not surnames ("Jr.", "III").
    pub PERSON_NAME_SUFFIXES = "person_name_suffixes.txt"
);
word_set!(
    /// Capitalised words never names on their own: months, weekdays, "I".
    pub NEVER_NAMES = "never_names.txt"
);
word_set!(
    /// Acronyms and all-caps words that are not names ("CEO", "TV", "VP").
    pub NON_NAME_ACRONYMS = "non_name_acronyms.txt"
);
word_set!(
    /// Capitalised pronouns, auxiliaries and particles ("She", "Would", "Into").
    pub CAPITALISED_FUNCTION_WORDS = "capitalised_function_words.txt"
);
word_set!(
    /// Short words that Title Case leaves in lower case ("of", "vs.", "into"); a
    /// narrower list than [`crate::headlines::HEADLINE_MINOR_WORDS`].
    pub TITLE_CASE_LOWERCASE_WORDS = "title_case_lowercase_words.txt"
);
word_set!(
    /// Head nouns that may be followed by "of"/"for"/"on" inside a name
    /// ("Republic of …", "Statue of …"), besides name suffixes and titles.
    pub NAME_HEAD_NOUNS = "name_head_nouns.txt"
);

/// The gender a given name implies ("Mary" → female, "Jordan" → either).
pub fn given_name(w: &str) -> Option<Gender> {
    FIRST_NAMES.row(w).map(|r| match r.get(1).copied() {
        Some("F") => Gender::Female,
        Some("M") => Gender::Male,
        _ => Gender::Either,
    })
}

/// A frequent surname ("Smith").
pub fn is_surname(w: &str) -> bool {
    SURNAMES.contains(w)
}

/// A lower-case particle inside a person's name ("de Blasio", "van Gogh", "bin",
/// "della").
pub fn is_name_particle(w: &str) -> bool {
    NAME_PARTICLES.contains(w)
}

/// A suffix after a person's name that is not a surname ("Jr.", "III").
pub fn is_person_name_suffix(w: &str) -> bool {
    PERSON_NAME_SUFFIXES.contains(w)
}

/// A capitalised word that is never a name on its own (months, weekdays, "I").
pub fn is_never_name(w: &str) -> bool {
    NEVER_NAMES.contains(w)
}

/// An acronym that is not a name ("CEO", "TV").
pub fn is_non_name_acronym(w: &str) -> bool {
    NON_NAME_ACRONYMS.contains(w)
}

/// A capitalised function word ("She", "Would"): capitalised mid-sentence only in
/// title case.
pub fn is_capitalised_function_word(w: &str) -> bool {
    CAPITALISED_FUNCTION_WORDS.contains(w)
}

/// A head noun followed by "of"/"for"/"on" inside a name, other than the
/// organisation, place and event suffixes and titles ("Republic", "Statue").
pub fn is_name_head_noun(w: &str) -> bool {
    NAME_HEAD_NOUNS.contains(w)
}

/// A short word that Title Case leaves in lower case ("of", "vs.", "into"): other
/// lower-case words show a line is not in title case.
pub fn is_title_case_lowercase(w: &str) -> bool {
    TITLE_CASE_LOWERCASE_WORDS.contains(w)
}

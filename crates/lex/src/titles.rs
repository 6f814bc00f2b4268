//! Person titles and role words written before a name, with the gender they imply
//! (data: `titles.tsv`, `person_roles.tsv`, `title_companions.txt`).
//!
//! Titles are case-sensitive and written as in text, dotted abbreviations with
//! their period ("Sen.", "Mrs."). The sentence splitter's view of the same
//! abbreviations (that "Sen." does not end a sentence) is [`crate::abbrev`]'s
//! `title` class; a test keeps the two lists from disagreeing.

/// The gender a title, role word or given name implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
    /// Used for both (e.g. the given name "Jordan").
    Either,
}

table!(
    /// Capitalised title → gender (`F`, `M`, `-`): "President", "Mrs.", "Sen.", "Former".
    pub TITLES = "titles.tsv"
);
table!(
    /// Lower-case role word → gender (`F`, `M`, `-`): "reporter", "wife", "host".
    pub PERSON_ROLES = "person_roles.tsv"
);
word_set!(
    /// Words that are part of a title only next to one ("First Lady", "Majority Leader").
    pub TITLE_COMPANIONS = "title_companions.txt"
);

fn gender_column(row: &[&str]) -> Option<Gender> {
    match row.get(1).copied() {
        Some("F") => Some(Gender::Female),
        Some("M") => Some(Gender::Male),
        _ => None,
    }
}

/// A title or honorific written before a name ("President", "Mrs.", "Sen.",
/// "Former"), matched case-sensitively as written. `Some(gender it implies)`.
pub fn title(w: &str) -> Option<Option<Gender>> {
    TITLES.row(w).map(gender_column)
}

/// A lower-case role word directly before a name that marks a person
/// ("reporter Gabriel X", "host Y", "his wife Z"). `Some(gender it implies)`.
pub fn person_role(w: &str) -> Option<Option<Gender>> {
    PERSON_ROLES.row(w).map(gender_column)
}

/// A word that counts as part of a title only together with one ("First", "Lady",
/// "Majority", "Press").
pub fn is_title_companion(w: &str) -> bool {
    TITLE_COMPANIONS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders() {
        assert_eq!(title("Mrs."), Some(Some(Gender::Female)));
        assert_eq!(title("Sen."), Some(None));
        assert_eq!(title("senator"), None);
        assert_eq!(person_role("wife"), Some(Some(Gender::Female)));
        assert!(is_title_companion("Majority"));
    }

    /// A dotted title that the abbreviation list knows is a title there too, so the
    /// splitter never ends a sentence after it.
    #[test]
    fn dotted_titles_agree_with_abbreviations() {
        for r in TITLES.rows().iter().chain(PERSON_ROLES.rows()) {
            let Some(stem) = r[0].strip_suffix('.') else {
                continue;
            };
            if !crate::abbrev::is_known_abbrev(stem) {
                continue;
            }
            assert!(
                crate::abbrev::is_title_abbrev(stem),
                "{}: dotted title that abbreviations.tsv does not class as a title",
                r[0]
            );
        }
    }
}

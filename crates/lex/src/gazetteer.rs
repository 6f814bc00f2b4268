//! Gazetteers of names by kind (data: `place_names.txt`, `org_names.txt`,
//! `misc_names.txt`; news outlets are in [`crate::outlets`]). One entry per line,
//! `name|alias|…`, the first name canonical. General knowledge only, nothing
//! keyed on one article; names are matched case-sensitively on token boundaries.

word_set!(
    /// Countries (and former ones), US states, major world cities with their local
    /// spellings ("Brussels|Bruxelles"), regions and sites. Cities whose name is a
    /// common given name (Florence, Victoria) are left out.
    pub PLACE_NAMES = "place_names.txt"
);
word_set!(
    /// Institutions, parties, companies, acronyms ("Federal Bureau of Investigation|FBI").
    pub ORG_NAMES = "org_names.txt"
);
word_set!(
    /// Nationalities, religions, party members, events, awards ("Democrat|Democrats").
    pub MISC_NAMES = "misc_names.txt"
);

/// The names of an entry line: canonical first, then its aliases.
pub fn names(entry: &'static str) -> impl Iterator<Item = &'static str> {
    entry.split('|')
}

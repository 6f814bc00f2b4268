//! Words that mark organisation names (data: `org_name_suffixes.txt`,
//! `org_name_prefixes.txt`, `org_name_connectors.txt`, `org_nouns.txt`,
//! `corporate_possessions.txt`, `german_org_morphemes.tsv`,
//! `head_first_org_particles.txt`).

word_set!(
    /// Last words that make a name an organisation ("Inc.", "Party", "University").
    pub ORG_NAME_SUFFIXES = "org_name_suffixes.txt"
);
word_set!(
    /// First words that make a multi-word name an organisation ("United", "Banco").
    pub ORG_NAME_PREFIXES = "org_name_prefixes.txt"
);
word_set!(
    /// Lower-case words allowed inside names after a head noun ("of", "for", "&").
    pub ORG_NAME_CONNECTORS = "org_name_connectors.txt"
);
word_set!(
    /// Lower-case nouns for organisations ("company", "union", "watchdog").
    pub ORG_NOUNS = "org_nouns.txt"
);
word_set!(
    /// Words after a possessive that only companies have ("shares", "CEO").
    pub CORPORATE_POSSESSIONS = "corporate_possessions.txt"
);
word_set!(
    /// Particles after a head-first organisation word ("Banque de France").
    pub HEAD_FIRST_ORG_PARTICLES = "head_first_org_particles.txt"
);
table!(
    /// German organisation morphemes: morpheme → `prefix`, `contains` or `not`.
    GERMAN_ORG_MORPHEMES = "german_org_morphemes.tsv"
);

/// A last word that makes a name an organisation ("Inc.", "Committee").
pub fn is_name_suffix(w: &str) -> bool {
    ORG_NAME_SUFFIXES.contains(w)
}

/// A first word that makes a multi-word name an organisation ("United", "Ministère").
pub fn is_name_prefix(w: &str) -> bool {
    ORG_NAME_PREFIXES.contains(w)
}

/// A lower-case word allowed inside a name after a head noun ("Bank of America").
pub fn is_name_connector(w: &str) -> bool {
    ORG_NAME_CONNECTORS.contains(w)
}

/// A particle between a head-first organisation word and its name ("Banque de
/// France", "Ministerio del Interior").
pub fn is_head_first_particle(w: &str) -> bool {
    HEAD_FIRST_ORG_PARTICLES.contains(w)
}

/// A lower-case noun for an organisation ("the San Francisco company").
pub fn is_org_noun(w: &str) -> bool {
    ORG_NOUNS.contains(w)
}

/// A word after an organisation's possessive that only companies have ("X's shares").
pub fn is_corporate_possession(w: &str) -> bool {
    CORPORATE_POSSESSIONS.contains(w)
}

/// A lower-cased German word with an organisation morpheme ("bundesverband",
/// "wirtschaftsministerium"), not one ruled out ("bundesliga").
pub fn has_german_org_morpheme(lower: &str) -> bool {
    let rows = GERMAN_ORG_MORPHEMES.rows();
    let any = |how: &str, test: &dyn Fn(&str) -> bool| {
        rows.iter()
            .any(|r| r.get(1).copied() == Some(how) && test(r[0]))
    };
    if any("not", &|m| lower.starts_with(m)) {
        return false;
    }
    any("prefix", &|m| lower.starts_with(m)) || any("contains", &|m| lower.contains(m))
}

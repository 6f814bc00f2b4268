//! News outlets and agencies, and the words that mark an outlet's name or refer
//! back to one (data: `outlets.tsv`, `outlet_name_suffixes.txt`,
//! `outlet_name_heads.txt`, `outlet_descriptions.tsv`, `agency_name_morphemes.tsv`).

use crate::hash::FxHashMap;
use std::sync::OnceLock;

table!(
    /// `type<TAB>name|alias|…`: news outlets and agencies (type: agency, newspaper,
    /// magazine, broadcaster, site). Read it through [`all`].
    OUTLETS = "outlets.tsv"
);
word_set!(
    /// Last words of outlet names ("Times", "Post", "Gazette"). Case-sensitive.
    pub OUTLET_NAME_SUFFIXES = "outlet_name_suffixes.txt"
);
word_set!(
    /// Head nouns of outlet names followed by "of" ("Journal", "Annals"). Case-sensitive.
    pub OUTLET_NAME_HEADS = "outlet_name_heads.txt"
);
table!(
    /// Parts of words that make a name a news agency: morpheme → `word`, `prefix`, `suffix`.
    AGENCY_NAME_MORPHEMES = "agency_name_morphemes.tsv"
);
table!(
    /// Description noun → outlet type (or `-`) and the name words that match it.
    OUTLET_DESCRIPTIONS = "outlet_descriptions.tsv"
);

/// A listed news outlet or agency.
#[derive(Debug)]
pub struct Outlet {
    /// `agency`, `newspaper`, `magazine`, `broadcaster` or `site`.
    pub kind: &'static str,
    /// Its main name, as displayed ("The New York Times", "Associated Press").
    pub name: &'static str,
    /// Every name it goes by, main name first ("Associated Press", "AP"), as written
    /// (case-sensitive; a leading "The " is not required in text).
    pub names: Vec<&'static str>,
}

/// Every listed outlet, in file order.
pub fn all() -> &'static [Outlet] {
    static ALL: OnceLock<Vec<Outlet>> = OnceLock::new();
    ALL.get_or_init(|| {
        OUTLETS
            .rows()
            .iter()
            .filter_map(|r| {
                let names: Vec<&'static str> = r.get(1)?.split('|').map(str::trim).collect();
                Some(Outlet {
                    kind: r[0],
                    name: names[0],
                    names,
                })
            })
            .collect()
    })
}

/// The outlet that goes by `name` (exact, with or without a leading "The ").
pub fn find(name: &str) -> Option<&'static Outlet> {
    static BY_NAME: OnceLock<FxHashMap<&'static str, usize>> = OnceLock::new();
    let m = BY_NAME.get_or_init(|| {
        let mut m = FxHashMap::default();
        for (i, o) in all().iter().enumerate() {
            for n in &o.names {
                m.entry(*n).or_insert(i);
                m.entry(n.strip_prefix("The ").unwrap_or(n)).or_insert(i);
            }
        }
        m
    });
    let name = name.strip_prefix("The ").unwrap_or(name);
    m.get(name).map(|&i| &all()[i])
}

/// A last word of outlet names ("the X Times", "Y Post").
pub fn is_name_suffix(w: &str) -> bool {
    OUTLET_NAME_SUFFIXES.contains(w)
}

/// A head noun of outlet names followed by "of" ("Journal of …", "Annals of …").
pub fn is_name_head(w: &str) -> bool {
    OUTLET_NAME_HEADS.contains(w)
}

/// For a noun of a definite description that refers back to an outlet ("the
/// magazine"): the outlet types it names (empty: any outlet). `None` for other words.
pub fn description_types(noun: &str) -> Option<&'static [&'static str]> {
    let r = OUTLET_DESCRIPTIONS.row(noun)?;
    Some(match r.get(1) {
        Some(&"-") | None => &[],
        Some(_) => &r[1..2],
    })
}

/// The words of an outlet's own name that a description noun matches ("the
/// newspaper" ↔ "… Times", "the magazine" ↔ "New York Magazine").
pub fn description_name_words(noun: &str) -> &'static [&'static str] {
    OUTLET_DESCRIPTIONS
        .row(noun)
        .map_or(&[], |r| r.get(2..).unwrap_or(&[]))
}

/// A lower-cased word that makes a name a news agency ("presse-agentur",
/// "france-presse", "nachrichtenagentur").
pub fn has_agency_morpheme(lower: &str) -> bool {
    AGENCY_NAME_MORPHEMES
        .rows()
        .iter()
        .any(|r| match r.get(1).copied() {
            Some("word") => lower == r[0],
            Some("prefix") => lower.starts_with(r[0]),
            Some("suffix") => lower.ends_with(r[0]),
            other => panic!("agency_name_morphemes.tsv: unknown match {other:?}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(find("AP").map(|o| o.name), Some("Associated Press"));
        assert_eq!(find("AP").map(|o| o.kind), Some("agency"));
        assert!(is_name_suffix("Gazette"));
        assert!(is_name_head("Annals"));
        assert_eq!(description_types("paper"), Some(&["newspaper"][..]));
        assert_eq!(description_types("website"), Some(&[][..]));
        assert_eq!(description_types("dog"), None);
        assert!(description_name_words("daily").contains(&"Times"));
        assert!(description_name_words("tabloid").is_empty());
    }
}

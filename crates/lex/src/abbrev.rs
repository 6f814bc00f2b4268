//! Abbreviations that take a period, by how they behave in sentence splitting and
//! names (data: `abbreviations.tsv`, `sentence_starters.txt`). All case-sensitive,
//! asked without the final period.

use crate::hash::FxHashMap;
use std::sync::OnceLock;

table!(
    /// Abbreviation → class (title, month, prefix, ambiguous, final, nonfinal, number).
    ABBREVIATIONS = "abbreviations.tsv"
);
word_set!(
    /// Capitalised words that mostly start sentences ("The", "However", "Officials").
    pub SENTENCE_STARTERS = "sentence_starters.txt"
);

const TITLE: u8 = 1;
const MONTH: u8 = 2;
const PREFIX: u8 = 4;
const AMBIGUOUS: u8 = 8;
const FINAL: u8 = 16;
const NONFINAL: u8 = 32;
const NUMBER: u8 = 64;

fn classes(w: &str) -> u8 {
    static MAP: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    let m = MAP.get_or_init(|| {
        let mut m = FxHashMap::default();
        for r in ABBREVIATIONS.rows() {
            let bit = match r.get(1).copied() {
                Some("title") => TITLE,
                Some("month") => MONTH,
                Some("prefix") => PREFIX,
                Some("ambiguous") => AMBIGUOUS,
                Some("final") => FINAL,
                Some("nonfinal") => NONFINAL,
                Some("number") => NUMBER,
                other => panic!("abbreviations.tsv: unknown class {other:?} for {}", r[0]),
            };
            *m.entry(r[0]).or_insert(0) |= bit;
        }
        m
    });
    m.get(w).copied().unwrap_or(0)
}

/// A title or name prefix that keeps its period inside a name ("Mr. Smith").
pub fn is_title_abbrev(w: &str) -> bool {
    classes(w) & TITLE != 0
}

/// [`is_title_abbrev`] in any letter case ("mr", "SEN").
pub fn is_title_abbrev_ci(w: &str) -> bool {
    ABBREVIATIONS
        .rows()
        .iter()
        .any(|r| r.get(1) == Some(&"title") && r[0].eq_ignore_ascii_case(w))
}

/// A month's abbreviation as written ("Jan", "Sept").
pub fn is_month_abbrev(w: &str) -> bool {
    classes(w) & MONTH != 0
}

/// Abbreviations that precede names or numbers: titles, months, "vs", "Fig", "Ave".
pub fn is_prefix_abbrev(w: &str) -> bool {
    classes(w) & (TITLE | MONTH | PREFIX) != 0
}

/// Abbreviations that can end a sentence ("Inc", "Jr", "Calif").
pub fn is_ambiguous_abbrev(w: &str) -> bool {
    classes(w) & AMBIGUOUS != 0
}

/// Abbreviations that nearly always end a sentence before a capital ("etc").
pub fn is_final_abbrev(w: &str) -> bool {
    classes(w) & FINAL != 0
}

/// Lower-case dotted abbreviations that never end a sentence mid-paragraph ("e.g").
pub fn is_nonfinal_dotted(w: &str) -> bool {
    classes(w) & NONFINAL != 0
}

/// Abbreviations that take a period before a number ("No", "Nos").
pub fn is_number_abbrev(w: &str) -> bool {
    classes(w) & NUMBER != 0
}

/// Any abbreviation these lists know.
pub fn is_known_abbrev(w: &str) -> bool {
    classes(w) != 0
}

/// A capitalised word that is capitalised mostly because it starts a sentence.
pub fn is_sentence_starter(w: &str) -> bool {
    SENTENCE_STARTERS.contains(w)
}

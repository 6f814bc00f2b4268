//! Month and weekday words, and the other words of date lines (data: `months.tsv`,
//! `weekdays.tsv`, `dateline_words.txt`; month
//! abbreviations are the `month` class of `abbreviations.tsv`, asked through
//! [`crate::abbrev::is_month_abbrev`], so they are listed once).

use crate::hash::FxHashMap;
use std::sync::OnceLock;

table!(
    /// Full month names, lowercase → month number and language ("january", "märz").
    pub MONTHS = "months.tsv"
);
table!(
    /// English weekday names and abbreviations, lowercase → day (1 = Monday) and
    /// kind (`name` | `abbrev`).
    pub WEEKDAYS = "weekdays.tsv"
);
word_set!(
    /// Words a date line may hold besides the date ("published", "est", "ago"), lower case.
    pub DATELINE_WORDS = "dateline_words.txt"
);

fn number(r: &[&str]) -> u32 {
    r.get(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("months.tsv/weekdays.tsv: bad number in {r:?}"))
}

/// Lowercase English month names and abbreviations → month number.
fn english() -> &'static FxHashMap<String, u32> {
    static MAP: OnceLock<FxHashMap<String, u32>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FxHashMap::default();
        for r in MONTHS.rows().iter().filter(|r| r.get(2) == Some(&"en")) {
            let (name, n) = (r[0], number(r));
            m.insert(name.to_string(), n);
            // Abbreviations are prefixes of the name ("jan", "sept"): the ones
            // abbreviations.tsv lists as months.
            for (i, _) in name.char_indices().skip(2) {
                let p = &name[..i];
                let mut cap = p[..1].to_uppercase();
                cap.push_str(&p[1..]);
                if crate::abbrev::is_month_abbrev(&cap) {
                    m.insert(p.to_string(), n);
                }
            }
        }
        m
    })
}

/// The month number of a lowercase English month name or abbreviation, as written
/// without a period ("january" → 1, "sept" → 9; "May" → None: ask lowercase).
pub fn month_number(w: &str) -> Option<u32> {
    english().get(w).copied()
}

/// True for an English month name or abbreviation in any case, a final period
/// allowed ("Feb", "Feb.", "MARCH").
pub fn is_month(w: &str) -> bool {
    month_number(&w.trim_end_matches('.').to_lowercase()).is_some()
}

/// The month whose English or German name starts with the first three letters of
/// `w`, any case ("Nov", "November", "Mär", "Oktober", "dez" → 12). Words shorter
/// than three letters are no month. Loose on purpose: for metadata date strings.
pub fn month_by_prefix(w: &str) -> Option<u32> {
    static MAP: OnceLock<FxHashMap<String, u32>> = OnceLock::new();
    let m = MAP.get_or_init(|| {
        let mut m = FxHashMap::default();
        for r in MONTHS.rows() {
            m.entry(r[0].chars().take(3).collect()).or_insert(number(r));
        }
        m
    });
    let w = w.to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    let p: String = w.chars().take(3).collect();
    m.get(&p).copied()
}

/// True for a lowercase English weekday name or abbreviation ("monday", "thurs").
pub fn is_weekday(w: &str) -> bool {
    WEEKDAYS.row(w).is_some()
}

/// The day of a lowercase weekday word, 1 = Monday ("tues" → 2).
pub fn weekday_number(w: &str) -> Option<u32> {
    WEEKDAYS.row(w).map(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_months_and_abbreviations() {
        let mut forms: Vec<(&str, u32)> = english().iter().map(|(k, v)| (k.as_str(), *v)).collect();
        forms.sort_by_key(|&(k, v)| (v, k.len(), k));
        let abbrevs: Vec<&str> = forms
            .iter()
            .filter(|(k, _)| MONTHS.row(k).is_none())
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(
            abbrevs,
            ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
        );
        assert_eq!(forms.len(), 24);
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("May"), None);
        assert!(is_month("Sept.") && is_month("DECEMBER") && !is_month("Mai"));
    }

    /// Every month abbreviation in abbreviations.tsv is a prefix of an English
    /// month name, so [`month_number`] knows it.
    #[test]
    fn abbreviations_tsv_months_are_name_prefixes() {
        let src = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/abbreviations.tsv"
        ));
        for l in src.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&str> = l.split('\t').map(str::trim).collect();
            if c.get(1) == Some(&"month") {
                assert!(month_number(&c[0].to_lowercase()).is_some(), "{}", c[0]);
            }
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(month_by_prefix("Nov"), Some(11));
        assert_eq!(month_by_prefix("MÄRZ"), Some(3));
        assert_eq!(month_by_prefix("Oktober"), Some(10));
        assert_eq!(month_by_prefix("Marvel"), Some(3));
        assert_eq!(month_by_prefix("Ma"), None);
        assert_eq!(month_by_prefix("Mon"), None);
    }

    #[test]
    fn weekdays() {
        assert!(is_weekday("thurs") && is_weekday("sunday") && !is_weekday("Monday"));
        assert_eq!(weekday_number("tues"), Some(2));
    }
}

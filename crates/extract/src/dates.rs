//! Date lines ("Published 3:45 PM EST, Jan 5, 2025", "5 January 2025",
//! "2025-01-05T10:00:00Z") and their ISO 8601 form.

pub use unspin_lex::dates::is_month;
use unspin_lex::dates::{is_weekday, month_number as month_of, DATELINE_WORDS};

fn tokens(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect()
}

fn day_num(t: &str) -> Option<u32> {
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_num(t: &str) -> Option<u32> {
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: u32 = t.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Finds the first date in `line` and returns it as `YYYY-MM-DD`.
pub fn parse_date(line: &str) -> Option<String> {
    if let Some(iso) = find_iso(line) {
        return Some(iso);
    }
    let t = tokens(line);
    for i in 0..t.len() {
        if let Some(m) = month_of(&t[i]) {
            // Month D, YYYY
            if i + 2 < t.len() {
                if let (Some(d), Some(y)) = (day_num(&t[i + 1]), year_num(&t[i + 2])) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
            // D Month YYYY
            if i >= 1 && i + 1 < t.len() {
                if let (Some(d), Some(y)) = (day_num(&t[i - 1]), year_num(&t[i + 1])) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
    }
    None
}

/// `YYYY-MM-DD` (optionally followed by a time) anywhere in the line.
fn find_iso(line: &str) -> Option<String> {
    let b = line.as_bytes();
    if b.len() < 10 {
        return None;
    }
    for i in 0..=b.len() - 10 {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(|c| c.is_ascii_digit());
        if digits(0..4)
            && w[4] == b'-'
            && digits(5..7)
            && w[7] == b'-'
            && digits(8..10)
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            let s = std::str::from_utf8(w).ok()?;
            let y: u32 = s[0..4].parse().ok()?;
            let m: u32 = s[5..7].parse().ok()?;
            let d: u32 = s[8..10].parse().ok()?;
            if (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(s.to_string());
            }
        }
    }
    None
}

/// What a short line says about dates.
#[derive(Debug, PartialEq)]
pub enum DateLine {
    /// A dateline with a parseable date; `updated` when labelled as an update.
    Date { iso: String, updated: bool },
    /// Only relative or unparseable time words ("Updated 3 hours ago").
    Vague,
}

/// A date line is at most this many bytes…
const DATE_LINE_MAX_BYTES: usize = 120;
/// …and this many tokens.
const DATE_LINE_MAX_TOKENS: usize = 16;
/// A reading-time line ("5 min read") is at most this many tokens.
const READING_TIME_MAX_TOKENS: usize = 4;

/// Recognises a line that is nothing but a publication date / time stamp.
pub fn date_line(line: &str) -> Option<DateLine> {
    if line.len() > DATE_LINE_MAX_BYTES {
        return None;
    }
    let t = tokens(line);
    if t.is_empty() || t.len() > DATE_LINE_MAX_TOKENS || line.len() > DATE_LINE_MAX_BYTES {
        return None;
    }
    let mut has_time_word = false;
    for w in &t {
        let ok = month_of(w).is_some()
            || is_weekday(w)
            || w.bytes().all(|b| b.is_ascii_digit())
            || day_num(w).is_some()
            || DATELINE_WORDS.contains(w);
        if !ok {
            return None;
        }
        if month_of(w).is_some() || *w == "ago" || w.bytes().all(|b| b.is_ascii_digit()) {
            has_time_word = true;
        }
    }
    let updated = t
        .first()
        .map(|w| w == "updated" || w == "modified")
        .unwrap_or(false)
        || (t.len() > 1 && t[0] == "last" && (t[1] == "updated" || t[1] == "modified"));
    // "5 min read"
    if t.len() <= READING_TIME_MAX_TOKENS
        && t.iter().any(|w| w == "read")
        && t.iter()
            .any(|w| unspin_lex::page_chrome::READING_TIME_UNITS.contains(w))
    {
        return Some(DateLine::Vague);
    }
    match parse_date(line) {
        Some(iso) => Some(DateLine::Date { iso, updated }),
        None if has_time_word
            && t.len() >= 2
            && (t.iter().any(|w| w == "ago")
                || (t.iter().any(|w| month_of(w).is_some())
                    && t.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit())))) =>
        {
            Some(DateLine::Vague)
        }
        None if t.iter().any(|w| w == "published" || w == "updated")
            && t.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit())) =>
        {
            Some(DateLine::Vague)
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(
            parse_date("Published 3:45 PM EST, Jan 5, 2025").as_deref(),
            Some("2025-01-05")
        );
        assert_eq!(parse_date("January 5, 2025").as_deref(), Some("2025-01-05"));
        assert_eq!(
            parse_date("Mon 6 Jan 2025 14.02 GMT").as_deref(),
            Some("2025-01-06")
        );
        assert_eq!(
            parse_date("Updated: Sept. 21st, 2023 at 9:10 a.m.").as_deref(),
            Some("2023-09-21")
        );
        assert_eq!(
            parse_date("2024-11-07T10:00:00Z").as_deref(),
            Some("2024-11-07")
        );
        assert_eq!(parse_date("no date here"), None);
    }

    #[test]
    fn date_lines() {
        assert!(matches!(
            date_line("Published 3:45 PM EST, Jan 5, 2025"),
            Some(DateLine::Date { .. })
        ));
        assert!(matches!(
            date_line("Updated 10:02 AM ET, Tue March 4, 2025"),
            Some(DateLine::Date { updated: true, .. })
        ));
        assert_eq!(date_line("Updated 3 hours ago"), Some(DateLine::Vague));
        assert_eq!(date_line("5 min read"), Some(DateLine::Vague));
        assert!(matches!(
            date_line("Last modified on Mon 6 Jan 2025 14.02 GMT"),
            Some(DateLine::Date { updated: true, .. })
        ));
        assert_eq!(date_line("On January 5, the senator resigned."), None);
        assert_eq!(date_line("May"), None);
        assert_eq!(date_line("Perhaps even the presidency."), None);
    }
}

//! Date strings from metadata → ISO 8601 (`YYYY-MM-DD`, or the full ISO
//! date-time when one was given).

use unspin_lex::dates::month_by_prefix as month;

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn fmt(y: u32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Normalises a date string; `None` when no date is recognised.
pub fn iso(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > 100 {
        return None;
    }
    let b = s.as_bytes();
    // YYYY-MM-DD[Thh:mm[:ss][.fff][Z|±hh:mm]]
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b[4]
        && b[8..10].iter().all(u8::is_ascii_digit)
    {
        let (y, m, d) = (num(&s[..4])?, num(&s[5..7])?, num(&s[8..10])?);
        let date = fmt(y, m, d)?;
        let rest = &s[10..];
        if b[4] == b'-' && (rest.starts_with('T') || rest.starts_with(' ')) {
            let t: String = rest[1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z'))
                .collect();
            if t.len() >= 5 && t.as_bytes()[2] == b':' {
                return Some(format!("{date}T{t}"));
            }
        }
        return Some(date);
    }
    // YYYYMMDD
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && (b.len() == 8 || !b[8].is_ascii_digit())
    {
        return fmt(num(&s[..4])?, num(&s[4..6])?, num(&s[6..8])?);
    }
    // Word forms: "November 19, 2019", "19 Nov 2019", "Tue, 19 Nov 2019 10:00 GMT",
    // "19. November 2019", "19.11.2019", "11/19/2019".
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let mut y = None;
    let mut m = None;
    let mut d = None;
    for w in &words {
        let wt = w.trim_end_matches('.');
        if let Some(parts) = numeric_date(wt) {
            return Some(parts);
        }
        if let Some(n) = num(wt) {
            if wt.len() == 4 && y.is_none() {
                y = Some(n);
            } else if wt.len() <= 2 && d.is_none() && (1..=31).contains(&n) {
                d = Some(n);
            }
        } else if m.is_none() {
            let alpha: String = wt.chars().take_while(|c| c.is_alphabetic()).collect();
            if let Some(mm) = month(&alpha) {
                m = Some(mm);
            } else if let Some(n) = wt
                .strip_suffix("st")
                .or_else(|| wt.strip_suffix("nd"))
                .or_else(|| wt.strip_suffix("rd"))
                .or_else(|| wt.strip_suffix("th"))
                .and_then(num)
            {
                if d.is_none() {
                    d = Some(n);
                }
            }
        } else if d.is_none() {
            if let Some(n) = wt
                .strip_suffix("st")
                .or_else(|| wt.strip_suffix("nd"))
                .or_else(|| wt.strip_suffix("rd"))
                .or_else(|| wt.strip_suffix("th"))
                .and_then(num)
            {
                d = Some(n);
            }
        }
    }
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => fmt(y, m, d),
        _ => None,
    }
}

/// "19.11.2019" (day first) or "11/19/2019" (US month first).
fn numeric_date(w: &str) -> Option<String> {
    for sep in ['.', '/'] {
        let p: Vec<&str> = w.split(sep).collect();
        if p.len() == 3 && p[2].len() == 4 {
            let (a, b, y) = (num(p[0])?, num(p[1])?, num(p[2])?);
            return if sep == '.' || a > 12 {
                fmt(y, b, a)
            } else {
                fmt(y, a, b)
            };
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::iso;

    #[test]
    fn forms() {
        assert_eq!(iso("2019-11-19").as_deref(), Some("2019-11-19"));
        assert_eq!(
            iso("2019-11-19T10:05:00Z").as_deref(),
            Some("2019-11-19T10:05:00Z")
        );
        assert_eq!(iso("November 19, 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(
            iso("Tue, 19 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(iso("19. November 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(iso("19.11.2019").as_deref(), Some("2019-11-19"));
        assert_eq!(iso("20191119").as_deref(), Some("2019-11-19"));
        assert_eq!(iso("soon"), None);
    }
}

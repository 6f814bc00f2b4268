//! Bylines: who wrote a piece, their outlet and date ("By Jane Doe | Reuters").

use super::*;

/// A byline: the names it gives and an outlet when it names one.
#[derive(Debug, Default, PartialEq)]
pub struct Byline {
    pub names: Vec<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
}

use unspin_lex::names::is_name_particle;
use unspin_lex::page_chrome::{
    BYLINE_ROLES as ROLE_WORDS, BYLINE_STAFF_ENDINGS, BYLINE_STAMP_WORDS, BYLINE_STARTS,
};

/// Wire services and agencies (short list) that appear in bylines and datelines.
pub fn wires() -> &'static [&'static str] {
    unspin_lex::page_chrome::WIRE_SERVICES.entries()
}

/// A byline line has this many words.
const BYLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=25;
/// "Jane Doe, CNN" (no "By"): at most this many words.
const BARE_BYLINE_MAX_WORDS: usize = 8;
/// An outlet named in a byline is at most this many words.
const BYLINE_OUTLET_MAX_WORDS: usize = 4;
/// A personal name is at most this many words.
const NAME_MAX_WORDS: usize = 5;

/// A name in a byline without "By" has at least this many words.
const BARE_NAME_MIN_WORDS: usize = 2;

/// Parses "By Jane Doe and John Roe | Reuters", "By JANE DOE, Staff Writer",
/// "Written by …", "Reporting by …; Editing by …".
pub fn byline(line: &str) -> Option<Byline> {
    let words = word_count(line);
    if !BYLINE_WORDS.contains(&words) {
        return None;
    }
    let line = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .unwrap_or(line);
    let lower = line.to_lowercase();
    if words <= BARE_BYLINE_MAX_WORDS && BYLINE_STARTS.prefix_of(&lower).is_none() {
        if let Some(b) = name_with_wire_or_role(line) {
            return Some(b);
        }
    }
    let Some(plen) = BYLINE_STARTS.prefix_of(&lower).map(str::len) else {
        return staff_line(line);
    };
    let rest = line[plen..].trim();
    if !rest.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    credited(rest)
}

/// "Jane Doe, CNN" / "Jane Doe | Reuters": a name and a wire service; or
/// "Jane Smith, Political Editor": a name and a role.
fn name_with_wire_or_role(line: &str) -> Option<Byline> {
    for sep in [", ", " | ", " - ", " — "] {
        let Some((name, org)) = line.split_once(sep) else {
            continue;
        };
        let org = org.trim().trim_end_matches('.');
        let named = is_name(name) && word_count(name) >= BARE_NAME_MIN_WORDS;
        if let Some(w) = wires().iter().find(|w| w.eq_ignore_ascii_case(org)) {
            if named {
                return Some(Byline {
                    names: vec![title_case_if_caps(name.trim())],
                    outlet: Some(w.to_string()),
                    date: None,
                });
            }
        }
        let role = org.to_lowercase();
        if sep == ", "
            && named
            && is_name(org)
            && role.split_whitespace().any(|w| ROLE_WORDS.contains(w))
        {
            return Some(Byline {
                names: vec![title_case_if_caps(name.trim())],
                outlet: None,
                date: None,
            });
        }
    }
    None
}

/// "Daily Planet Staff" / "The Clarion Staff Writers" on a line of its own.
fn staff_line(line: &str) -> Option<Byline> {
    let outlet = BYLINE_STAFF_ENDINGS
        .entries()
        .iter()
        .find_map(|s| line.strip_suffix(s.as_str()))?;
    (looks_outlet(outlet) && word_count(outlet) <= BYLINE_OUTLET_MAX_WORDS && is_name(outlet)).then(
        || Byline {
            outlet: Some(outlet.to_string()),
            ..Default::default()
        },
    )
}

/// The credit after "By": names (and outlets) first, then parts such as an
/// outlet, a date or "Editing by …", and an "Updated …" stamp.
fn credited(rest: &str) -> Option<Byline> {
    let (rest, stamp) = split_stamp(rest);
    // A body sentence starting with "By" ("By Tuesday, the rebels had …") has a
    // verb-heavy tail; require name-like parts.
    let mut out = Byline::default();
    let mut parts: Vec<&str> = rest
        .split([';', '|', '•', '·', '—', '–'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let names_part = parts.remove(0);
    let mut bad = 0;
    for chunk in names_part
        .split(", ")
        .flat_map(|c| c.split(" and "))
        .flat_map(|c| c.split(" AND "))
        .flat_map(|c| c.split(" & "))
        .flat_map(|c| c.split(" und "))
        .flat_map(|c| c.split(" et "))
        .flat_map(|c| c.split(" y "))
    {
        if !credit_chunk(&mut out, chunk) {
            bad += 1;
        }
    }
    for p in parts {
        credit_part(&mut out, p);
    }
    if let Some(st) = stamp {
        if let Some(d) = crate::dates::parse_date(st) {
            out.date.get_or_insert(d);
        }
    }
    if bad > 0 || (out.names.is_empty() && out.outlet.is_none()) {
        return None;
    }
    Some(out)
}

/// "By Jane Doe Updated 3:45 PM EST, Jan 5, 2025": the credit before the stamp,
/// and the stamp (a date part) when there is one.
fn split_stamp(rest: &str) -> (&str, Option<&str>) {
    for kw in BYLINE_STAMP_WORDS.entries() {
        if let Some(i) = rest.find(kw.as_str()) {
            return (&rest[..i], Some(&rest[i..]));
        }
    }
    (rest, None)
}

/// Reads one item of the names part (a name, an outlet, a role after an outlet,
/// a date) into `out`; false when it is none of these.
fn credit_chunk(out: &mut Byline, chunk: &str) -> bool {
    let mut c = chunk.trim().trim_end_matches(['.', ',']).trim();
    if c.is_empty() {
        return true;
    }
    // "Jane Doe for Dailymail.com" / "Jane Doe in London"
    if let Some((name, extra)) = split_word(c, " for ").or_else(|| split_word(c, " in ")) {
        let e = extra.trim();
        if e.chars().next().is_some_and(|c| c.is_uppercase())
            && looks_outlet(e)
            && split_word(c, " for ").is_some()
        {
            out.outlet
                .get_or_insert(e.trim_end_matches('.').to_string());
        }
        c = name.trim();
    }
    let cl = c.to_lowercase();
    if let Some(o) = c
        .strip_suffix(" Staff")
        .or_else(|| c.strip_suffix(" staff"))
        .or_else(|| c.strip_suffix(" Staff Writer"))
    {
        out.outlet.get_or_insert(o.trim().to_string());
        return true;
    }
    if let Some(w) = wires().iter().find(|w| w.eq_ignore_ascii_case(c)) {
        out.outlet.get_or_insert(w.to_string());
        return true;
    }
    if cl.split_whitespace().any(|w| ROLE_WORDS.contains(w)) {
        // "Daily Mail Reporter": an outlet followed by a role.
        let kept: Vec<&str> = c
            .split_whitespace()
            .take_while(|w| !ROLE_WORDS.contains(&w.to_lowercase()))
            .collect();
        let o = kept.join(" ");
        if !o.is_empty() && ends_with_outlet_word(&o) && is_name(&o) {
            out.outlet.get_or_insert(o);
        }
        return true;
    }
    if is_name(c) {
        out.names.push(title_case_if_caps(c));
    } else if crate::dates::parse_date(c).is_some() {
        out.date = crate::dates::parse_date(c);
    } else {
        return false;
    }
    true
}

/// Reads one part after the names (a date, a wire service, an outlet) into
/// `out`; editing and contribution credits are passed over.
fn credit_part(out: &mut Byline, p: &str) {
    if let Some(d) = crate::dates::parse_date(p) {
        out.date.get_or_insert(d);
        return;
    }
    let pl = p.to_lowercase();
    if pl.starts_with("editing by")
        || pl.starts_with("additional reporting")
        || pl.starts_with("edited by")
        || pl.contains("contributed")
    {
        return;
    }
    let name = p.trim_end_matches('.');
    if let Some(w) = wires().iter().find(|w| w.eq_ignore_ascii_case(name)) {
        out.outlet.get_or_insert(w.to_string());
    } else if looks_outlet(name)
        && out.outlet.is_none()
        && word_count(name) <= BYLINE_OUTLET_MAX_WORDS
    {
        out.outlet = Some(name.to_string());
    }
}

/// Splits at the first ASCII-case-insensitive occurrence of the ASCII word `w`.
pub(super) fn split_word<'a>(s: &'a str, w: &str) -> Option<(&'a str, &'a str)> {
    let (h, n) = (s.as_bytes(), w.as_bytes());
    let i = (0..(h.len() + 1).saturating_sub(n.len()))
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))?;
    Some((&s[..i], &s[i + w.len()..]))
}

/// A plausible outlet name: short, capitalised, or a domain.
pub fn looks_outlet(s: &str) -> bool {
    let s = s.trim();
    let wc = word_count(s);
    (1..=5).contains(&wc)
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !s.ends_with('.')
        && !s.contains(['"', '“', '”'])
}

/// "JANE DOE" → "Jane Doe"; other spellings unchanged.
pub(super) fn title_case_if_caps(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_string() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 1–5 words, each capitalised, an initial, or a name particle.
pub fn is_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > NAME_MAX_WORDS {
        return false;
    }
    let caps = ws
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    caps >= 1
        && ws.iter().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            (first.is_uppercase() || is_name_particle(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

//! Outlet names that chrome lines reveal (copyright holders, "Follow X on …",
//! "Join X"), with a priority.

use super::*;
use unspin_lex::page_chrome::{
    is_outlet_name_ending, COMPANY_NAME_ENDINGS, COPYRIGHT_MARKS, JOIN_NON_NAME_WORDS,
    MEMBERSHIP_WORDS, OUTLET_LIST_OPENINGS, OUTLET_SECTION_ENDINGS,
};

/// An outlet that chrome names, with a priority (higher wins).
pub fn outlet_hint(line: &str, kind: ChromeKind) -> Option<(String, u8)> {
    let lower = line.to_lowercase();
    match kind {
        ChromeKind::Legal => {
            let t = line.trim();
            let mut s = t.to_string();
            for p in COPYRIGHT_MARKS.entries() {
                s = s.replace(p.as_str(), " ");
            }
            let s = s
                .split(['.', '|', ';', '('])
                .next()
                .unwrap_or("")
                .to_string();
            let words: Vec<&str> = s
                .split_whitespace()
                .filter(|w| {
                    let w = w.trim_matches([',', '-', '–']);
                    !w.is_empty()
                        && !w
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
                })
                .collect();
            let mut name = words.join(" ");
            for suf in COMPANY_NAME_ENDINGS.entries() {
                if let Some(n) = name.strip_suffix(suf.as_str()) {
                    name = n.to_string();
                }
            }
            let name = name.trim().trim_end_matches(',').trim().to_string();
            let has_year = lower
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
            (!name.is_empty()
                && has_year
                && lower.trim_start().starts_with(['©', 'c', '('])
                && looks_outlet(&name)
                && !name.to_lowercase().starts_with("all rights"))
            .then_some((name, 4))
        }
        ChromeKind::Navigation => {
            let rest = OUTLET_LIST_OPENINGS
                .prefix_of(&lower)
                .map(|p| line[p.len()..].trim())?;
            let prio = if lower.starts_with("more") { 1 } else { 2 };
            let mut name = rest.trim_end_matches([':', '.', '»', '›', ' ']).to_string();
            for suf in OUTLET_SECTION_ENDINGS.entries() {
                if let Some(n) = name.strip_suffix(suf.as_str()) {
                    name = n.to_string();
                }
            }
            (looks_outlet(&name) && word_count(&name) <= 3).then_some((name, prio))
        }
        ChromeKind::CallToAction => {
            if let Some(t) = follow_target(line) {
                // "Follow the Daily Ledger on …": the outlet is "Daily Ledger".
                let t = match t.get(..4) {
                    Some(p) if p.eq_ignore_ascii_case("the ") => t[4..].to_string(),
                    _ => t,
                };
                let tl = t.to_lowercase();
                if tl == "us" || tl == "me" || tl.is_empty() || tl.starts_with('@') {
                    return None;
                }
                let outletish = word_count(&t) == 1 || ends_with_outlet_word(&t) || t.contains('.');
                return (looks_outlet(&t) && outletish).then_some((t, 2));
            }
            // "Sign up for The Sentinel's daily newsletter": the outlet owns the newsletter.
            if let Some(rest) = ["sign up for ", "subscribe to "]
                .iter()
                .find(|p| lower.starts_with(*p))
                .map(|p| &line[p.len()..])
            {
                if let Some(i) = rest.find("'s ").or_else(|| rest.find("\u{2019}s ")) {
                    let name = rest[..i].trim();
                    let capitalised = name
                        .split_whitespace()
                        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
                    if capitalised && (1..=4).contains(&word_count(name)) && looks_outlet(name) {
                        return Some((name.to_string(), 2));
                    }
                }
            }
            if lower.starts_with("join ") {
                let rest = line[5..].trim();
                let mut ws: Vec<&str> = rest
                    .split_whitespace()
                    .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                    .collect();
                while let Some(l) = ws.last() {
                    if MEMBERSHIP_WORDS.contains(l) {
                        ws.pop();
                    } else {
                        break;
                    }
                }
                if ws.is_empty() || JOIN_NON_NAME_WORDS.contains(ws[0]) {
                    return None;
                }
                let name = ws.join(" ");
                return (ws.len() == 1 || ends_with_outlet_word(&name)).then_some((name, 1));
            }
            None
        }
        _ => None,
    }
}

/// Names ending like a news outlet ("… News", "… Times", "… Network").
pub fn ends_with_outlet_word(s: &str) -> bool {
    is_outlet_name_ending(s.split_whitespace().last().unwrap_or(""))
}

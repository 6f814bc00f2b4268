//! Navigation and teasers: recommendations, "Read more"/"Related" links,
//! gallery counters and breadcrumbs.

use super::*;

pub(super) use unspin_lex::page_chrome::{
    NAVIGATION_LINES as NAV_EXACT, NAVIGATION_LINE_STARTS as NAV_PREFIX,
};

/// Gallery counters: "1 of 12", "3/10".
pub(super) fn is_counter(k: &str) -> bool {
    let num = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    match k.split_once(" of ").or_else(|| k.split_once('/')) {
        Some((a, b)) => num(a.trim()) && num(b.trim()),
        None => false,
    }
}

/// "Home > News > Politics", "News / World / Europe".
pub(super) fn is_breadcrumb(line: &str) -> bool {
    let seps = ['>', '›', '»', '/', '|'];
    let spaced = seps.iter().any(|s| line.contains(&format!(" {s} ")));
    if !spaced {
        return false;
    }
    let parts: Vec<&str> = line.split(|c| seps.contains(&c)).map(str::trim).collect();
    if parts.len() < 3 || parts.iter().any(|p| p.is_empty() || word_count(p) > 4) {
        return false;
    }
    // Every part is a capitalised label without sentence punctuation.
    parts.iter().all(|p| {
        p.chars().next().is_some_and(|c| c.is_uppercase())
            && !p.ends_with('.')
            && !p.chars().any(|c| c.is_ascii_digit())
    })
}

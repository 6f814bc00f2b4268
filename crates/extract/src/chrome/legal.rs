//! Legal lines: copyright notices, reproduction terms, privacy and cookie
//! policy links.

use super::*;

pub(super) fn legal(lower: &str, words: usize) -> Option<ChromeKind> {
    if words > 60 {
        return None;
    }
    let t = lower.trim_start();
    let has_year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    if t.starts_with('©') && !has_year && !t.contains("rights reserved") && words > 4 {
        // "© AFP Protesters gather outside …": a photo credit leading a caption.
        return Some(ChromeKind::Caption);
    }
    if t.starts_with("our standards:")
        || t.starts_with("this article is more than")
        || t.starts_with('©')
        || t.starts_with("(c) ")
        || t.starts_with("copyright ©")
        || t.starts_with("copyright (c)")
        || (t.starts_with("copyright ") && t.chars().any(|c| c.is_ascii_digit()) && words <= 15)
        || t.contains("all rights reserved")
        || t.contains("may not be published, broadcast")
        || t.contains("may not be reproduced")
        || t.contains("may not be republished")
        || t.contains("without prior written permission")
    {
        return Some(ChromeKind::Legal);
    }
    if words <= 40 && unspin_lex::page_chrome::LEGAL_PHRASES.found_in(t) {
        let sentence = t.trim_end().ends_with('.');
        if !sentence
            || t.contains("agree")
            || t.contains(" | ")
            || t.starts_with("by signing")
            || t.starts_with("by subscribing")
            || t.starts_with("by clicking")
            || t.starts_with("by entering")
            || t.starts_with("by registering")
        {
            return Some(ChromeKind::Legal);
        }
    }
    None
}

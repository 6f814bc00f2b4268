//! Legal lines: copyright notices, reproduction terms, privacy and cookie
//! policy links.

use super::*;
use unspin_lex::page_chrome::{
    CONSENT_LINE_STARTS, LEGAL_LINE_STARTS, LEGAL_PHRASES, REPRODUCTION_TERMS,
};

/// A legal line is at most this many words.
const LEGAL_MAX_WORDS: usize = 60;
/// A "©" line without a year and with more words than this is a photo credit
/// leading a caption.
const CREDIT_CAPTION_MIN_WORDS: usize = 4;
/// "Copyright 2020 …" lines: at most this many words.
const COPYRIGHT_LINE_MAX_WORDS: usize = 15;
/// Lines naming a policy link: at most this many words.
const POLICY_LINE_MAX_WORDS: usize = 40;

pub(super) fn legal(lower: &str, words: usize) -> Option<ChromeKind> {
    if words > LEGAL_MAX_WORDS {
        return None;
    }
    let t = lower.trim_start();
    let has_year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    if t.starts_with('©')
        && !has_year
        && !t.contains("rights reserved")
        && words > CREDIT_CAPTION_MIN_WORDS
    {
        // "© AFP Protesters gather outside …": a photo credit leading a caption.
        return Some(ChromeKind::Caption);
    }
    if LEGAL_LINE_STARTS.prefix_of(t).is_some()
        || (t.starts_with("copyright ")
            && t.chars().any(|c| c.is_ascii_digit())
            && words <= COPYRIGHT_LINE_MAX_WORDS)
        || REPRODUCTION_TERMS.found_in(t)
    {
        return Some(ChromeKind::Legal);
    }
    if words <= POLICY_LINE_MAX_WORDS && LEGAL_PHRASES.found_in(t) {
        let sentence = t.trim_end().ends_with('.');
        if !sentence
            || t.contains("agree")
            || t.contains(" | ")
            || CONSENT_LINE_STARTS.prefix_of(t).is_some()
        {
            return Some(ChromeKind::Legal);
        }
    }
    None
}

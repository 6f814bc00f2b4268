//! Captions and photo credits ("Photo: AP", "(Credit: Getty Images)",
//! "Jane Doe/Agency").

use super::*;

use unspin_lex::page_chrome::{
    CAPTION_STARTS as CAPTION_PREFIX, CREDIT_MARKERS, PAREN_CREDIT_STARTS as PAREN_CREDIT_START,
};

/// A slash credit ("Jane Doe/Getty") is at most this many words.
const SLASH_CREDIT_MAX_WORDS: usize = 6;
/// A caption is at most this many words.
const CAPTION_MAX_WORDS: usize = 60;
/// A parenthesised credit is at most this many words.
const PAREN_CREDIT_MAX_WORDS: usize = 12;
/// After a caption opening ("Photo: …"), more words than this describe rather
/// than credit.
const CREDIT_MAX_WORDS_AFTER_OPENING: usize = 8;
/// A line ending in a credit marker is looked at up to this many words…
const TRAILING_CREDIT_LINE_MAX_WORDS: usize = 45;
/// …in its last this many bytes…
const TRAILING_CREDIT_TAIL_BYTES: usize = 70;
/// …and is a bare credit up to this many words (a caption beyond).
const BARE_CREDIT_MAX_WORDS: usize = 6;

/// "Jane Doe/Agency" or "J Roe/ESO/Flickr": names joined by slashes without
/// spaces, nothing else on the line.
pub(super) fn slash_credit(line: &str, words: usize) -> bool {
    if words > SLASH_CREDIT_MAX_WORDS
        || !line.contains('/')
        || line.contains(" / ")
        || line.contains("://")
    {
        return false;
    }
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().next().is_some_and(|c| c.is_uppercase())
                && p.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '&'))
        })
}

/// Captions and photo credits. A line that is only a credit is `credit`; a
/// description with a credit is `caption`.
pub(super) fn caption(line: &str, lower: &str, words: usize) -> Option<ChromeKind> {
    if words > CAPTION_MAX_WORDS {
        return None;
    }
    // Trailing parenthesised credit: "Two leaders meet. (Credit: AP)"
    let trimmed = line.trim_end();
    if trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind('(') {
            let inner = trimmed[open + 1..trimmed.len() - 1].trim().to_lowercase();
            let credit =
                PAREN_CREDIT_START.prefix_of(&inner).is_some() || CREDIT_MARKERS.found_in(&inner);
            if credit && word_count(&inner) <= PAREN_CREDIT_MAX_WORDS {
                let before = trimmed[..open].trim();
                return Some(if before.is_empty() {
                    ChromeKind::Credit
                } else {
                    ChromeKind::Caption
                });
            }
        }
    }
    for p in CAPTION_PREFIX.entries() {
        if let Some(rest) = lower.strip_prefix(p) {
            // "Image caption, …" and "Pictured: …" describe; "Photo: AP" credits.
            let describes = p.contains("caption")
                || p.starts_with("pictured")
                || word_count(rest) > CREDIT_MAX_WORDS_AFTER_OPENING;
            return Some(if describes {
                ChromeKind::Caption
            } else {
                ChromeKind::Credit
            });
        }
    }
    // A credit marker near the end of a short line: "… Photo: Jane Doe/Getty Images".
    if words <= TRAILING_CREDIT_LINE_MAX_WORDS {
        let tail_start = lower.len().saturating_sub(TRAILING_CREDIT_TAIL_BYTES);
        let tail_start = (tail_start..=lower.len())
            .find(|&i| lower.is_char_boundary(i))
            .unwrap_or(lower.len());
        let tail = &lower[tail_start..];
        if CREDIT_MARKERS.found_in(tail) {
            // Body sentences that merely mention a photo agency end in a period
            // after ordinary words; credits end in the agency name.
            let ends_credit = !lower.trim_end().ends_with('.')
                || CREDIT_MARKERS.entries().iter().any(|m| {
                    let m = m.trim_matches(['/', ' ', ':', '(']);
                    !m.is_empty() && lower.trim_end().trim_end_matches('.').ends_with(m)
                });
            if ends_credit {
                return Some(if words <= BARE_CREDIT_MAX_WORDS {
                    ChromeKind::Credit
                } else {
                    ChromeKind::Caption
                });
            }
        }
    }
    None
}

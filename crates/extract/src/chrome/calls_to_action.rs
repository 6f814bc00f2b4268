//! Calls to action: subscribe, sign up, donate, follow, join or support the
//! site, newsletter prompts.

use super::*;

pub(super) use unspin_lex::page_chrome::{
    CTA_LINE_STARTS as CTA_PREFIX, SOCIAL_NETWORKS as SOCIAL,
};
use unspin_lex::page_chrome::{NEWSLETTER_TOPICS, NEWSLETTER_VERBS};

/// "Follow X on Twitter" / "Follow us on …": returns X ("us" included).
pub fn follow_target(line: &str) -> Option<String> {
    // Work on the original string with ASCII-only case folding so that byte
    // offsets stay valid for any script.
    if !line
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("follow "))
    {
        return None;
    }
    let rest = &line[7..];
    // "Follow X on <network>" or "Follow X: @handle"
    if let Some(i) = rfind_ascii_ci(rest, " on ") {
        let net = rest[i + 4..]
            .trim_matches(|c: char| !c.is_alphanumeric() && c != ' ')
            .to_lowercase();
        let net_ok =
            SOCIAL.prefix_of(&net).is_some() || net.split([',', ' ']).any(|w| SOCIAL.contains(w));
        if net_ok {
            return Some(rest[..i].trim().to_string());
        }
    }
    if rest.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("us")) && word_count(line) <= 8 {
        return Some("us".to_string());
    }
    if line.contains('@') && word_count(line) <= 8 {
        let target = rest.split([':', '@']).next().unwrap_or("").trim();
        return Some(target.to_string());
    }
    None
}

/// Last position of an ASCII `needle` in `hay`, ignoring ASCII case.
pub(super) fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// "Join Daily Planet Plus", "Support The Clarion": a short imperative naming
/// the site, without a sentence full stop.
pub(super) fn join_or_support(line: &str) -> bool {
    let Some((verb, rest)) = line.split_once(' ') else {
        return false;
    };
    unspin_lex::page_chrome::APPEAL_VERBS.contains(verb)
        && rest.chars().next().is_some_and(|c| c.is_uppercase())
        && !line.trim_end().ends_with('.')
}

pub(super) fn newsletter_cta(lower: &str) -> bool {
    NEWSLETTER_TOPICS.found_in(lower)
        && NEWSLETTER_VERBS.found_in(lower)
        && !lower.contains(" said")
        && !lower.contains(" says")
}

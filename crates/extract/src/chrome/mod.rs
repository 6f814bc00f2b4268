//! Line-level page-chrome rules: ad slots, calls to action, navigation, share
//! buttons, captions and photo credits, legal lines, bylines. General patterns
//! seen across news sites; nothing here is specific to one article.

mod ads;
mod bylines;
mod calls_to_action;
mod captions;
mod legal;
mod navigation;
mod outlets;
mod share;
#[cfg(test)]
mod tests;

use unspin_doc::ChromeKind;

use ads::{AD_EXACT, AD_PREFIX};
pub use bylines::{byline, is_name, looks_outlet, wires, Byline};
pub use calls_to_action::follow_target;
use calls_to_action::{join_or_support, newsletter_cta, CTA_PREFIX};
use captions::{caption, slash_credit};
use legal::legal;
use navigation::{is_breadcrumb, is_counter, NAV_EXACT, NAV_PREFIX};
pub use outlets::{ends_with_outlet_word, outlet_hint};
use share::is_share;

/// Lower-cased line with surrounding punctuation, arrows and bullets removed,
/// for whole-line matches ("Advertisement", "READ MORE »", "Related:").
pub fn key(line: &str) -> String {
    line.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '.'
                    | '!'
                    | '»'
                    | '«'
                    | '›'
                    | '‹'
                    | '>'
                    | '<'
                    | '|'
                    | '-'
                    | '–'
                    | '—'
                    | '…'
                    | '•'
                    | '·'
                    | '*'
                    | '#'
                    | '→'
                    | '←'
                    | '▶'
                    | '►'
                    | '['
                    | ']'
                    | '('
                    | ')'
                    | '+'
            )
    })
    .to_lowercase()
    .replace(['’', '‘'], "'")
}

/// Number of words, counting at most 61 (callers only compare with limits up
/// to 60, so long paragraphs are not scanned to the end).
pub fn word_count(line: &str) -> usize {
    count_words(line, 61)
}

/// Words separated by ASCII whitespace (text is normalised before), stopping
/// once `cap` is reached.
pub fn count_words(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n >= cap {
                return n;
            }
        }
    }
    n
}

/// True when the line starts with an opening quotation mark (quoted speech is
/// never chrome).
pub fn starts_with_quote(line: &str) -> bool {
    line.starts_with(['"', '“', '”', '‘', '\'', '«', '„', '‹', '「'])
}

/// `s` starts with `p` ending at a word boundary ("donate" matches "Donate now"
/// but not "Donated funds …").
fn starts_with_word(s: &str, p: &str) -> bool {
    s.starts_with(p)
        && (p.ends_with(|c: char| !c.is_alphanumeric())
            || !s[p.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// Leaked script: at least this many statements (`;`)…
const CODE_MIN_STATEMENTS: usize = 3;
/// …and this many assignments.
const CODE_MIN_ASSIGNMENTS: usize = 2;
/// A separator line ("* * *") is at most this many "words".
const SEPARATOR_MAX_WORDS: usize = 3;
/// Longest line (words) that any chrome rule looks at…
const CHROME_MAX_WORDS: usize = 60;
/// …and that the rules after ads and legal lines look at.
const SHORT_CHROME_MAX_WORDS: usize = 40;
/// An exact ad label is at most this many words.
const AD_LABEL_MAX_WORDS: usize = 12;
/// Navigation and call-to-action openings and newsletter prompts: at most this
/// many words.
const OPENING_MAX_WORDS: usize = 30;
/// Ad openings and "Follow X on …" lines: at most this many words.
const AD_OPENING_MAX_WORDS: usize = 20;
/// "Join X" / "Support X" appeals: at most this many words.
const APPEAL_MAX_WORDS: usize = 8;
/// Counters ("12 comments"): at most this many words.
const COUNTER_MAX_WORDS: usize = 3;

/// Script source that a broken page leaks as text ("this.prop22 = 'sports'; var
/// theurl=document.location.href; …"): statements, assignments and script words.
fn looks_like_code(line: &str) -> bool {
    let semis = line.matches(';').count();
    let assigns = line.matches(" = ").count() + line.matches("=document").count();
    semis >= CODE_MIN_STATEMENTS
        && assigns >= CODE_MIN_ASSIGNMENTS
        && unspin_lex::page_chrome::SCRIPT_MARKERS.found_in(line)
}

/// Why a line is chrome, from rules that look at the line alone.
pub fn classify(line: &str) -> Option<ChromeKind> {
    if looks_like_code(line) {
        return Some(ChromeKind::Other);
    }
    let words = word_count(line);
    if words > 0
        && words <= SEPARATOR_MAX_WORDS
        && line.chars().all(|c| {
            c == ' '
                || matches!(
                    c,
                    '*' | '_' | '-' | '—' | '–' | '~' | '=' | '+' | '#' | '•' | '·'
                )
        })
    {
        // Decorative separators: "***", "___", "* * *", "———".
        return Some(ChromeKind::Other);
    }
    if words == 0 || words > CHROME_MAX_WORDS || starts_with_quote(line) {
        return None;
    }
    let k = key(line);
    let lower = line.to_lowercase().replace(['’', '‘'], "'");
    if words <= AD_LABEL_MAX_WORDS && AD_EXACT.contains(&k) {
        return Some(ChromeKind::Ad);
    }
    if words <= AD_OPENING_MAX_WORDS
        && AD_PREFIX
            .entries()
            .iter()
            .any(|p| starts_with_word(&lower, p))
    {
        return Some(ChromeKind::Ad);
    }
    if let Some(kind) = legal(&lower, words) {
        return Some(kind);
    }
    if words > SHORT_CHROME_MAX_WORDS {
        return None;
    }
    if is_share(&k, words) {
        return Some(ChromeKind::Share);
    }
    if unspin_lex::page_chrome::CTA_LINES.contains(&k) {
        return Some(ChromeKind::CallToAction);
    }
    if NAV_EXACT.contains(&k) {
        return Some(ChromeKind::Navigation);
    }
    if words <= OPENING_MAX_WORDS
        && NAV_PREFIX
            .entries()
            .iter()
            .any(|p| starts_with_word(&lower, p))
    {
        return Some(ChromeKind::Navigation);
    }

    if words <= OPENING_MAX_WORDS
        && CTA_PREFIX
            .entries()
            .iter()
            .any(|p| starts_with_word(&lower, p))
    {
        return Some(ChromeKind::CallToAction);
    }
    if words <= AD_OPENING_MAX_WORDS && follow_target(line).is_some() {
        return Some(ChromeKind::CallToAction);
    }
    if words <= APPEAL_MAX_WORDS && join_or_support(line) {
        return Some(ChromeKind::CallToAction);
    }
    if words <= OPENING_MAX_WORDS && newsletter_cta(&lower) {
        return Some(ChromeKind::CallToAction);
    }
    if let Some(kind) = caption(line, &lower, words) {
        return Some(kind);
    }
    if words <= COUNTER_MAX_WORDS && is_counter(&k) {
        return Some(ChromeKind::Navigation);
    }
    if slash_credit(line, words) {
        return Some(ChromeKind::Credit);
    }
    if is_breadcrumb(line) {
        return Some(ChromeKind::Navigation);
    }
    None
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn leaked_script_is_chrome_and_prose_with_semicolons_is_not() {
        let js = "this.prop22 = 'sports'; this.server = this.networkid + '.' + this.language; \
                  this.type = ''; var theurl=document.location.href; var a=theurl.indexOf('home');";
        assert_eq!(classify(js), Some(ChromeKind::Other));
        let prose = "The council met at nine; the vote came at noon; the mayor left at one. \
                     Turnout = low, said one aide, and the budget = unchanged.";
        assert_eq!(classify(prose), None);
    }
}

//! Share buttons: rows of share words and networks ("Share | Tweet | Email").

use unspin_lex::page_chrome::{SHARE_LINE_STARTS, SHARE_STRONG_WORDS, SHARE_WORDS as SHARE_TOKENS};

/// A row of share buttons is at most this many words.
const SHARE_ROW_MAX_WORDS: usize = 12;

pub(super) fn is_share(k: &str, words: usize) -> bool {
    if words > SHARE_ROW_MAX_WORDS {
        return false;
    }
    let toks: Vec<&str> = k
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | ',' | '•' | '·' | ':'))
        .filter(|t| !t.is_empty())
        .collect();
    if toks.is_empty() {
        return false;
    }
    if SHARE_LINE_STARTS.prefix_of(k).is_some() || k == "share" {
        return true;
    }
    // A row of share buttons: every token is a share word, with at least one
    // strong share word (share/tweet/print/a network) and at least two tokens
    // unless the only token is a share verb.
    let all = toks
        .iter()
        .all(|t| SHARE_TOKENS.contains(t) || t.chars().all(|c| c.is_ascii_digit()));
    let strong = toks
        .iter()
        .filter(|t| SHARE_STRONG_WORDS.contains(t))
        .count();
    all && strong >= 1
        && (toks.len() >= 2 || strong == 1 && matches!(toks[0], "share" | "tweet" | "print"))
        && !(toks.len() == 1 && toks[0] == "email")
}

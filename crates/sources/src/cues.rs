//! Token cues the rules share: reporting verbs, headline case, closing
//! punctuation and quote marks.

use crate::lexicon::*;
use crate::tok::Tok;

/// The text of a span with whitespace collapsed.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn is_closing_punct(t: &Tok) -> bool {
    !t.word && matches!(&*t.low, "." | ";" | ":" | "?" | "!")
}

pub(crate) fn is_quote_mark(t: &Tok) -> bool {
    !t.word && matches!(&*t.low, "\"" | "“" | "”" | "'" | "‘")
}

/// True for a headline-style unit where most words are capitalised.
pub(crate) fn title_case(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    let caps = toks.iter().filter(|t| t.word && t.cap).count();
    words > 0 && caps * 10 >= words * 6
}

/// True when token `k` reads as a reporting verb here, not as a noun
/// ("the claims", "to reports") or part of a name ("United States").
pub(crate) fn verb_at(toks: &[Tok], k: usize, title_case: bool) -> bool {
    let w = &toks[k];
    if !w.word || !w.is(SPEECH_VERB) {
        return false;
    }
    if w.cap && k > 0 && !title_case {
        return false;
    }
    let prev = k.checked_sub(1).map(|p| &*toks[p].low).unwrap_or("");
    // "hard to believe": an infinitive, not the phrase's verb.
    prev != "to" && !(w.is(NOUN_REPORTING_VERB) && has(NOUN_MARKER, prev))
}

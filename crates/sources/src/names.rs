//! What a source is called and what kind it is: capitalised name runs, and
//! person, organisation or outlet.

use crate::ctx::M;
use crate::lexicon::*;
use crate::tok::Tok;
use unspin_doc::{EntityKind, SourceKind};

/// The source kind of an entity; an organisation named like a publication
/// ("… Post", "… News") counts as an outlet.
pub(crate) fn source_kind(e: &unspin_doc::Entity) -> SourceKind {
    match e.kind {
        EntityKind::Person => SourceKind::Person,
        EntityKind::Outlet => SourceKind::Outlet,
        EntityKind::Org if guess_kind(&e.name) == SourceKind::Outlet => SourceKind::Outlet,
        _ => SourceKind::Org,
    }
}

/// Guesses the kind of a name the entity stage did not resolve.
pub(crate) fn guess_kind(name: &str) -> SourceKind {
    let low = name.to_lowercase();
    let words: Vec<&str> = low.split_whitespace().collect();
    match unspin_lex::attribution::name_kind(&words) {
        Some("outlet") => SourceKind::Outlet,
        Some("org") => SourceKind::Org,
        _ => SourceKind::Person,
    }
}

/// End (exclusive) of the run of capitalised words from token `a`; a title
/// abbreviation's dot ("Mr.") stays inside the run.
pub(crate) fn cap_run_end(toks: &[Tok], a: usize) -> usize {
    let mut b = a;
    while b < toks.len() {
        let t = &toks[b];
        let title_dot = t.low == "."
            && b > a
            && unspin_segment::abbrev::is_title_abbrev_ci(&toks[b - 1].low)
            && toks.get(b + 1).is_some_and(|n| n.word && n.cap);
        if !(t.word && t.cap || title_dot) {
            break;
        }
        b += 1;
    }
    b
}

/// Trims function words off a capitalised run `[a, b)` and checks that what is
/// left can be a name (not "The", "Monday", "Some").
pub(crate) fn name_ok(toks: &[Tok], mut a: usize, b: usize) -> Option<(usize, usize)> {
    while a < b && (toks[a].is(FUNCTION_WORD) || toks[a].is(PRONOUN)) {
        a += 1;
    }
    if a >= b || !toks[a].word {
        return None;
    }
    let all_common = toks[a..b]
        .iter()
        .filter(|t| t.word)
        .all(|t| t.is(NOT_NAME | CALENDAR_NAME | PRONOUN | FUNCTION_WORD));
    (!all_common).then_some((a, b))
}

/// The run of capitalised words starting at `from` (after an optional "the"),
/// as token range `[a, b)`, when no entity mention covers it.
pub(crate) fn cap_run_after(toks: &[Tok], from: usize, mentions: &[M]) -> Option<(usize, usize)> {
    let mut a = from;
    if toks.get(a).is_some_and(|t| t.low == "the") {
        a += 1;
    }
    let b = cap_run_end(toks, a);
    let (a, b) = name_ok(toks, a, b)?;
    let free = !mentions.iter().any(|m| m.first < b && m.last >= a);
    free.then_some((a, b))
}

//! The sourcing rules' view of the token layer, and token-sequence patterns.
//!
//! The rules read `doc.tokens` with one word grouping of their own: contractions
//! stay whole ("isn't", "they're", "I've"), a possessive or contracted "'s" is its
//! own token, a final period belongs only to dotted forms ("U.S.", not "Mr"), and
//! punctuation is one character per token ("..." is three). [`view`] builds that
//! grouping from the segmenter's tokens by joining and splitting them.

use std::borrow::Cow;
use unspin_doc::{Doc, Span, Token};
use unspin_lex::bits::Bits;

/// A word or punctuation token of the sourcing view.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub span: Span,
    /// Lowercased text with typographic apostrophes made straight.
    pub low: Cow<'a, str>,
    /// True for word tokens, "'s" included (false for punctuation).
    pub word: bool,
    /// True when the word starts with an uppercase letter.
    pub cap: bool,
    /// The lexicon lists the token is in (`unspin_lex::bits`, see [`crate::lexicon`]).
    pub mask: Bits,
}

impl Tok<'_> {
    /// True when the token is in a word list with bit `bit`.
    pub fn is(&self, bit: Bits) -> bool {
        self.mask & bit != 0
    }
}

/// A piece of the token layer: a segmenter token as it is, or part of one.
#[derive(Clone, Copy)]
struct Atom<'a> {
    span: Span,
    /// The segmenter token when the atom is all of it.
    whole: Option<&'a Token>,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Characters that join two alphanumeric runs into one word ("well-known", "U.S").
fn is_joiner(c: char) -> bool {
    is_apos(c) || matches!(c, '-' | '.' | '‑')
}

/// The atoms of segmenter token `t` clipped to `span`: punctuation runs ("...",
/// "--", ". . .") one character each, numbers split at "," and ":" ("1,000"),
/// and a final period split off a word without inner periods ("Mr." → "Mr" ".").
fn atoms<'a>(doc: &Doc, t: &'a Token, span: Span, out: &mut Vec<Atom<'a>>) {
    let s = Span::new(t.span.start.max(span.start), t.span.end.min(span.end));
    if s.is_empty() {
        return;
    }
    let text = &doc.text[s.start..s.end];
    let whole = (s == t.span).then_some(t);
    let piece = |a: usize, b: usize, out: &mut Vec<Atom<'a>>| {
        let p = Span::new(s.start + a, s.start + b);
        out.push(Atom {
            span: p,
            whole: whole.filter(|_| p == s),
        });
    };
    let first = text.chars().next().unwrap_or(' ');
    if !first.is_alphanumeric() {
        if text.chars().nth(1).is_some_and(|c| c.is_alphanumeric()) {
            // A clitic ("'s", "'re").
            piece(0, text.len(), out);
        } else {
            for (i, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                piece(i, i + c.len_utf8(), out);
            }
        }
        return;
    }
    let mut a = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, ',' | ':') {
            if a < i {
                piece(a, i, out);
            }
            piece(i, i + 1, out);
            a = i + 1;
        }
    }
    let body = &text[a..];
    match body.strip_suffix('.') {
        Some(stem) if !stem.is_empty() && !stem.contains('.') => {
            piece(a, a + stem.len(), out);
            piece(a + stem.len(), text.len(), out);
        }
        _ if a < text.len() => piece(a, text.len(), out),
        _ => {}
    }
}

/// The token of atoms `run` (adjacent in the text); `word` for word tokens.
fn tok<'a>(doc: &'a Doc, run: &[Atom<'a>], word: bool) -> Tok<'a> {
    let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
    match run {
        [Atom { whole: Some(t), .. }] => {
            let low = doc.form(t);
            Tok {
                span,
                mask: t.lex,
                low: Cow::Borrowed(low),
                word,
                cap: t.shape.cap(),
            }
        }
        _ => {
            let s = doc.slice(span);
            let low = unspin_lex::normalise(s).into_owned();
            Tok {
                span,
                mask: crate::lexicon::mask_of(&low),
                low: Cow::Owned(low),
                word,
                cap: s.chars().next().is_some_and(char::is_uppercase),
            }
        }
    }
}

/// The tokens of `span` (sentence or smaller) in the sourcing view, from `doc.tokens`.
pub fn view<'a>(doc: &'a Doc, span: Span) -> Vec<Tok<'a>> {
    let mut atoms_v: Vec<Atom<'a>> = Vec::new();
    for t in doc.tokens[doc.token_at_or_after(span.start)..]
        .iter()
        .take_while(|t| t.span.start < span.end)
    {
        atoms(doc, t, span, &mut atoms_v);
    }
    let text = &doc.text;
    let first = |a: &Atom| text[a.span.start..].chars().next().unwrap_or(' ');
    let glued = |a: &Atom, b: &Atom| a.span.end == b.span.start;
    let mut out = Vec::with_capacity(atoms_v.len());
    let mut i = 0;
    while i < atoms_v.len() {
        if !first(&atoms_v[i]).is_alphanumeric() {
            out.push(tok(doc, &atoms_v[i..i + 1], false));
            i += 1;
            continue;
        }
        // Join as one word: alphanumeric runs linked by an apostrophe, hyphen or
        // period; a dotted word keeps its final period.
        let mut j = i + 1;
        while j < atoms_v.len() && glued(&atoms_v[j - 1], &atoms_v[j]) {
            let a = &atoms_v[j];
            let t = &text[a.span.start..a.span.end];
            let mut cs = t.chars();
            let c0 = cs.next().unwrap_or(' ');
            // An alphanumeric run, or a clitic ("'re", "n't") that continues the word.
            if c0.is_alphanumeric()
                || (is_joiner(c0) && cs.next().is_some_and(char::is_alphanumeric))
            {
                j += 1;
            } else if is_joiner(c0)
                && t.len() == c0.len_utf8()
                && atoms_v
                    .get(j + 1)
                    .is_some_and(|n| glued(a, n) && first(n).is_alphanumeric())
            {
                j += 2;
            } else {
                let w = &text[atoms_v[i].span.start..atoms_v[j - 1].span.end];
                if t == "." && w.contains('.') && !w.ends_with('.') {
                    j += 1;
                }
                break;
            }
        }
        let run = &atoms_v[i..j];
        let w = &text[run[0].span.start..run[run.len() - 1].span.end];
        // A possessive or contracted "'s" is a token of its own.
        let split = w
            .char_indices()
            .rev()
            .find(|(_, c)| is_apos(*c))
            .filter(|&(ap, c)| ap > 0 && w[ap + c.len_utf8()..].eq_ignore_ascii_case("s"))
            .map(|(ap, _)| run[0].span.start + ap);
        match split {
            Some(at) => match run.iter().position(|a| a.span.start == at) {
                Some(k) => {
                    out.push(tok(doc, &run[..k], true));
                    out.push(tok(doc, &run[k..], true));
                }
                None => {
                    let (a, b) = (run[0].span.start, run[run.len() - 1].span.end);
                    let halves = [Span::new(a, at), Span::new(at, b)];
                    for h in halves {
                        out.push(tok(
                            doc,
                            &[Atom {
                                span: h,
                                whole: None,
                            }],
                            true,
                        ));
                    }
                }
            },
            None => out.push(tok(doc, run, true)),
        }
        i = j;
    }
    out
}

/// One element of a token pattern.
#[derive(Debug, Clone)]
struct El {
    alts: Vec<String>,
    any: bool,
    opt: bool,
}

/// A token-sequence pattern written as space-separated elements: `a|b` for
/// alternatives, a trailing `?` for optional, `*` for any one word.
#[derive(Debug, Clone)]
pub struct Pat {
    els: Vec<El>,
}

/// Patterns tried together: only those that can start at a token are tried there.
#[derive(Debug, Clone)]
pub struct PatSet {
    pats: Vec<Pat>,
    /// For each possible first word, the patterns that must start with it.
    by_first: unspin_lex::hash::FxHashMap<String, Vec<usize>>,
    /// Patterns whose first element is optional or any word.
    always: Vec<usize>,
}

impl PatSet {
    pub fn new(srcs: &[&str]) -> PatSet {
        let pats: Vec<Pat> = srcs.iter().map(|p| Pat::new(p)).collect();
        let mut by_first: unspin_lex::hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut always = Vec::new();
        for (i, p) in pats.iter().enumerate() {
            match p.els.first() {
                Some(e) if !e.opt && !e.any => {
                    for a in &e.alts {
                        by_first.entry(a.clone()).or_default().push(i);
                    }
                }
                _ => always.push(i),
            }
        }
        PatSet {
            pats,
            by_first,
            always,
        }
    }

    /// The longest match of any pattern at token `i` (end token, exclusive).
    pub fn longest_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        let t = toks.get(i)?;
        let firsts = self.by_first.get(&*t.low).map(|v| &v[..]).unwrap_or(&[]);
        firsts
            .iter()
            .chain(&self.always)
            .filter_map(|&k| self.pats[k].match_at(toks, i))
            .max()
    }
}

impl Pat {
    pub fn new(src: &str) -> Pat {
        let els = src
            .split_whitespace()
            .map(|e| {
                let (body, opt) = match e.strip_suffix('?') {
                    Some(b) if !b.is_empty() => (b, true),
                    _ => (e, false),
                };
                El {
                    any: body == "*",
                    alts: body.split('|').map(str::to_string).collect(),
                    opt,
                }
            })
            .collect();
        Pat { els }
    }

    /// Matches at token `i`; returns the end token index (exclusive).
    pub fn match_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        fn go(els: &[El], toks: &[Tok], i: usize) -> Option<usize> {
            let Some(e) = els.first() else {
                return Some(i);
            };
            if let Some(t) = toks.get(i) {
                let ok = if e.any {
                    t.word
                } else {
                    e.alts.iter().any(|a| *a == t.low)
                };
                if ok {
                    if let Some(r) = go(&els[1..], toks, i + 1) {
                        return Some(r);
                    }
                }
            }
            if e.opt {
                return go(&els[1..], toks, i);
            }
            None
        }
        go(&self.els, toks, i).filter(|&e| e > i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Doc {
        let mut d = Doc::new(s);
        unspin_segment::segment(&mut d);
        d
    }

    fn lows(s: &str) -> Vec<String> {
        let d = doc(s);
        view(&d, Span::new(0, s.len()))
            .into_iter()
            .map(|t| t.low.into_owned())
            .collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            lows("The U.S. agency’s report, \"said\" it."),
            ["the", "u.s.", "agency", "'s", "report", ",", "\"", "said", "\"", "it", "."]
        );
        assert_eq!(lows("Jones' well-known"), ["jones", "'", "well-known"]);
        assert_eq!(
            lows("Mr. Roe isn't sure they're 1,000 strong... it's 90's"),
            [
                "mr", ".", "roe", "isn't", "sure", "they're", "1", ",", "000", "strong", ".", ".",
                ".", "it", "'s", "90", "'s"
            ]
        );
        assert_eq!(
            lows("Visit www.cnn.com. Then"),
            ["visit", "www.cnn.com.", "then"]
        );
        let d = doc("The agency's report");
        let t = view(&d, Span::new(0, d.text.len()));
        assert!(t[1].is(crate::lexicon::GENERIC_SUBJECT) && t[2].word && !t[2].cap);
    }

    #[test]
    fn patterns() {
        let s = "It has long been reported that";
        let d = doc(s);
        let t = view(&d, Span::new(0, s.len()));
        let p = Pat::new("it has|is long? been? reported|said");
        assert_eq!(p.match_at(&t, 0), Some(5));
        assert!(p.match_at(&t, 1).is_none());
        assert_eq!(Pat::new("it * * been").match_at(&t, 0), Some(4));
    }

    #[test]
    fn pattern_sets_take_the_longest_match() {
        let s = "Reports have already surfaced that";
        let d = doc(s);
        let t = view(&d, Span::new(0, s.len()));
        let set = PatSet::new(&["reports have", "reports have already? surfaced", "word is"]);
        assert_eq!(set.longest_at(&t, 0), Some(4));
        assert_eq!(set.longest_at(&t, 1), None);
        assert!(t[0].is(crate::lexicon::PLURAL_REPORT_NOUN));
        assert!(!t[1].is(crate::lexicon::PLURAL_REPORT_NOUN));
    }
}

//! A small word tokenizer and token-sequence patterns used by the sourcing rules.
//! Kept local so the rules do not depend on the segmenter's token conventions.

use std::borrow::Cow;
use unspin_doc::Span;

/// A word or punctuation token of one sentence.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub span: Span,
    /// Lowercased text with typographic apostrophes made straight (borrowed
    /// from the text when it already is).
    pub low: Cow<'a, str>,
    /// True for word tokens (false for punctuation).
    pub word: bool,
    /// True when the word starts with an uppercase letter.
    pub cap: bool,
    /// Which word lists the token is in (see [`crate::lexicon::bit`]).
    pub mask: u64,
}

impl Tok<'_> {
    /// True when the token is in the word list with bit `bit`.
    pub fn is(&self, bit: u64) -> bool {
        self.mask & bit != 0
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

fn push<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, start: usize, end: usize, word: bool) {
    let s = &text[start..end];
    let low: Cow<'a, str> = if s.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(s.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(s)
    };
    out.push(Tok {
        span: Span::new(start, end),
        mask: crate::lexicon::mask_of(&low),
        low,
        word,
        cap: s.chars().next().is_some_and(|c| c.is_uppercase()),
    });
}

/// Tokenizes `text[range]`: words (letters/digits with inner apostrophes,
/// hyphens and dots), a possessive `'s` split off, and single-char punctuation.
pub fn tokenize(text: &str, range: Span) -> Vec<Tok<'_>> {
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(range.len());
    chars.extend(
        text[range.start..range.end]
            .char_indices()
            .map(|(b, c)| (b + range.start, c)),
    );
    let at = |j: usize| chars.get(j).map(|x| x.0).unwrap_or(range.end);
    let mut out = Vec::with_capacity(range.len() / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            push(&mut out, text, b, at(i + 1), false);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut dotted = false;
        while j < chars.len() {
            let cj = chars[j].1;
            if cj.is_alphanumeric() {
                j += 1;
            } else if (is_apos(cj) || matches!(cj, '-' | '.' | '‑'))
                && chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric())
            {
                dotted |= cj == '.';
                j += 2;
            } else {
                break;
            }
        }
        // "U.S." keeps its final dot.
        if dotted && chars.get(j).is_some_and(|x| x.1 == '.') {
            j += 1;
        }
        let end = at(j);
        let w = &text[b..end];
        // Split a possessive or contracted "'s".
        match w.char_indices().rev().find(|(_, c)| is_apos(*c)) {
            Some((ap, _))
                if ap > 0
                    && w[ap..]
                        .chars()
                        .skip(1)
                        .collect::<String>()
                        .eq_ignore_ascii_case("s") =>
            {
                push(&mut out, text, b, b + ap, true);
                push(&mut out, text, b + ap, end, true);
            }
            _ => push(&mut out, text, b, end, true),
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
    by_first: crate::lexicon::FnvMap<String, Vec<usize>>,
    /// Patterns whose first element is optional or any word.
    always: Vec<usize>,
}

impl PatSet {
    pub fn new(srcs: &[&str]) -> PatSet {
        let pats: Vec<Pat> = srcs.iter().map(|p| Pat::new(p)).collect();
        let mut by_first: crate::lexicon::FnvMap<String, Vec<usize>> = Default::default();
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

    fn lows(s: &str) -> Vec<String> {
        tokenize(s, Span::new(0, s.len()))
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
    }

    #[test]
    fn patterns() {
        let s = "It has long been reported that";
        let t = tokenize(s, Span::new(0, s.len()));
        let p = Pat::new("it has|is long? been? reported|said");
        assert_eq!(p.match_at(&t, 0), Some(5));
        assert!(p.match_at(&t, 1).is_none());
        assert_eq!(Pat::new("it * * been").match_at(&t, 0), Some(4));
    }

    #[test]
    fn pattern_sets_take_the_longest_match() {
        let s = "Reports have already surfaced that";
        let t = tokenize(s, Span::new(0, s.len()));
        let set = PatSet::new(&["reports have", "reports have already? surfaced", "word is"]);
        assert_eq!(set.longest_at(&t, 0), Some(4));
        assert_eq!(set.longest_at(&t, 1), None);
        assert!(t[0].is(crate::lexicon::bit::PLURAL_REPORTS));
        assert!(!t[1].is(crate::lexicon::bit::PLURAL_REPORTS));
    }
}

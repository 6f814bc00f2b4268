//! Segment: split the paragraphs of a [`Doc`] into sentences and tokens.
//!
//! One pass per paragraph: a hand-written tokenizer (words, numbers, clitics,
//! punctuation) and a sentence splitter over its tokens that knows abbreviations,
//! initials, ellipses and closing quotes. Sentences never cross paragraphs.
//!
//! Every token gets, once, the attributes later stages read: its normalised form
//! (lowercase, straight apostrophes), shape, quotation-mark role, sentence and
//! paragraph, and the lexicon lists its form is in (`unspin_lex::bits`).

pub mod abbrev;

use abbrev::AbbrevClass;
use unspin_doc::{
    Attribution, Doc, FormRef, Paragraph, ParagraphKind, QuoteRole, Sentence, Shape, Span, Token,
};

/// Longest sentence in tokens; longer runs are cut (no real sentence comes close).
pub const MAX_SENTENCE_TOKENS: usize = 500;

/// Adds `doc.sentences` and `doc.tokens` (reads `doc.paragraphs`). When no earlier
/// stage set paragraphs, the text is split on blank lines into body paragraphs first.
pub fn segment(doc: &mut Doc) {
    if doc.paragraphs.is_empty() {
        doc.paragraphs = blank_line_paragraphs(&doc.text);
    }
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut forms = String::with_capacity(doc.text.len());
    let mut buf: Vec<Span> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        buf.clear();
        let (s, e) = (
            p.span.start.min(doc.text.len()),
            p.span.end.min(doc.text.len()),
        );
        if s >= e || !doc.text.is_char_boundary(s) || !doc.text.is_char_boundary(e) {
            continue;
        }
        tokenize_into(&doc.text, s, e, &mut buf);
        split_sentences(&doc.text, &buf, |a, b| {
            // Run-on text with no sentence end (a 5 MB single line) is cut into
            // pieces of at most MAX_SENTENCE_TOKENS so every later stage's
            // per-sentence work stays bounded.
            let mut a = a;
            while a < b {
                let end = b.min(a + MAX_SENTENCE_TOKENS);
                let si = sentences.len();
                sentences.push(Sentence {
                    span: Span::new(buf[a].start, buf[end - 1].end),
                    paragraph: pi,
                    attribution: Attribution::Own,
                    opinion: false,
                    speculation: false,
                });
                for &span in &buf[a..end] {
                    tokens.push(token(&doc.text, span, si, pi, &mut forms));
                }
                a = end;
            }
        });
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
    doc.token_forms = forms;
}

/// A token with its attributes; its normalised form is appended to `forms`.
fn token(text: &str, span: Span, sentence: usize, paragraph: usize, forms: &mut String) -> Token {
    let t = &text[span.start..span.end];
    let start = forms.len();
    let form = unspin_lex::normalise(t);
    forms.push_str(&form);
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    Token {
        span,
        sentence,
        paragraph,
        form: FormRef {
            start: start as u32,
            len: (forms.len() - start) as u32,
        },
        shape: shape(t, before),
        quote: quote_role(t, before, after),
        lex: unspin_lex::bits::of(&form),
    }
}

/// Spelling and spacing flags of token text `t` (`before`: the character before it).
fn shape(t: &str, before: Option<char>) -> Shape {
    let mut f = 0;
    let first = t.chars().next().unwrap_or(' ');
    if first.is_alphanumeric() {
        f |= Shape::WORD;
    }
    if first.is_uppercase() {
        f |= Shape::CAP;
    }
    let (mut letters, mut lower, mut digit) = (0, false, false);
    for c in t.chars() {
        if c.is_alphabetic() {
            letters += 1;
            lower |= c.is_lowercase();
        }
        digit |= c.is_numeric();
    }
    if letters >= 2 && !lower {
        f |= Shape::ALL_CAPS;
    }
    if digit {
        f |= Shape::DIGIT;
    }
    if letters == 0 && !digit {
        f |= Shape::PUNCT;
    }
    if before.is_none_or(char::is_whitespace) {
        f |= Shape::SPACE_BEFORE;
    }
    Shape(f)
}

/// The side a quotation mark takes: curly marks say it; a straight mark opens after
/// a space or bracket and before a non-space, closes the other way round.
fn quote_role(t: &str, before: Option<char>, after: Option<char>) -> QuoteRole {
    match t {
        "\u{201c}" | "\u{2018}" | "\u{ab}" | "\u{201e}" => QuoteRole::Open,
        "\u{201d}" | "\u{2019}" | "\u{bb}" => QuoteRole::Close,
        "\"" | "'" => {
            let open_side = |c: Option<char>| {
                c.is_none_or(|c| {
                    c.is_whitespace()
                        || matches!(c, '(' | '[' | '{' | '-' | '\u{2014}' | '\u{2013}')
                })
            };
            let close_side = |c: Option<char>| {
                c.is_none_or(|c| {
                    c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '"' | '\''))
                })
            };
            match (open_side(before), close_side(after)) {
                (true, false) => QuoteRole::Open,
                (false, true) => QuoteRole::Close,
                _ => QuoteRole::Either,
            }
        }
        _ => QuoteRole::None,
    }
}

/// Body paragraphs of `text` separated by blank (whitespace-only) lines, trimmed.
pub fn blank_line_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let ls = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some((a, b)) = para.take() {
                out.push((a, b));
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let a = ls + lead;
        let b = a + trimmed.len();
        para = Some(match para {
            Some((pa, _)) => (pa, b),
            None => (a, b),
        });
    }
    if let Some(p) = para {
        out.push(p);
    }
    out.into_iter()
        .map(|(a, b)| Paragraph {
            span: Span::new(a, b),
            kind: ParagraphKind::Body,
        })
        .collect()
}

/// Tokens of `text` (absolute byte spans).
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut v = Vec::new();
    tokenize_into(text, 0, text.len(), &mut v);
    v
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

#[inline]
fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Appends the tokens of `text[start..end]` to `out`.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let seg = &text[..end];
    let mut i = start;
    while i < end {
        let c = match char_at(seg, i) {
            Some(c) => c,
            None => break,
        };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if is_word_char(c) {
            i = scan_word(seg, i, out);
            continue;
        }
        // A spaced ellipsis ". . ." is one token.
        if c == '.' {
            let b = seg.as_bytes();
            let (mut k, mut n) = (i + 1, 1);
            while k + 1 < end && b[k] == b' ' && b[k + 1] == b'.' {
                k += 2;
                n += 1;
            }
            if n >= 3 {
                out.push(Span::new(i, k));
                i = k;
                continue;
            }
        }
        // Runs: "..." (ellipsis), "--" (dash), "?!" stay separate.
        if c == '.' || c == '-' {
            let mut j = i + 1;
            while j < end && seg.as_bytes()[j] == c as u8 {
                j += 1;
            }
            out.push(Span::new(i, j));
            i = j;
            continue;
        }
        out.push(Span::new(i, i + cl));
        i += cl;
    }
}

/// Scans a word starting at `i` (a word char), pushes its token(s), returns the end.
fn scan_word(text: &str, i: usize, out: &mut Vec<Span>) -> usize {
    let start = i;
    let len = text.len();
    let mut j = i;
    let mut seg_start = i; // start of the current segment (after the last joiner)
    let mut dotted = false; // joined over an internal period ("U.S", "I.Q")
    loop {
        while let Some(c) = char_at(text, j) {
            if !is_word_char(c) {
                break;
            }
            j += c.len_utf8();
        }
        if j >= len {
            break;
        }
        let c = char_at(text, j).unwrap();
        let cl = c.len_utf8();
        let next = char_at(text, j + cl);
        let prev = text[..j].chars().next_back();
        let next_word = next.is_some_and(is_word_char);
        if is_joining_hyphen(c) && next_word {
            j += cl;
            seg_start = j;
            continue;
        }
        if c == '.' && next_word {
            let n = next.unwrap();
            let p = prev.unwrap_or(' ');
            let seg_chars = text[seg_start..j].chars().count();
            if (p.is_ascii_digit() && n.is_ascii_digit()) || seg_chars <= 2 || n.is_lowercase() {
                if !(p.is_ascii_digit() && n.is_ascii_digit()) {
                    dotted = true;
                }
                j += cl;
                seg_start = j;
                continue;
            }
            break;
        }
        if (c == ',' || c == ':')
            && next.is_some_and(|n| n.is_ascii_digit())
            && prev.is_some_and(|p| p.is_ascii_digit())
        {
            j += cl;
            seg_start = j;
            continue;
        }
        if is_apostrophe(c)
            && next.is_some_and(|n| n.is_alphabetic())
            && prev.is_some_and(|p| p.is_alphabetic())
        {
            // Letters after the apostrophe.
            let rs = j + cl;
            let mut re = rs;
            while let Some(x) = char_at(text, re) {
                if !is_word_char(x) {
                    break;
                }
                re += x.len_utf8();
            }
            let rest = &text[rs..re];
            let clitic = ["s", "re", "ve", "ll", "d", "m"]
                .iter()
                .any(|k| rest.eq_ignore_ascii_case(k));
            if clitic {
                out.push(Span::new(start, j));
                out.push(Span::new(j, re));
                return re;
            }
            if rest.eq_ignore_ascii_case("t") && matches!(prev, Some('n' | 'N')) && j - 1 > start {
                out.push(Span::new(start, j - 1));
                out.push(Span::new(j - 1, re));
                return re;
            }
            // Part of a name ("O'Brien").
            j = re;
            seg_start = j;
            continue;
        }
        break;
    }
    // A final period belongs to abbreviations, initials and dotted forms.
    if text.as_bytes().get(j) == Some(&b'.') && text.as_bytes().get(j + 1) != Some(&b'.') {
        let whole = &text[start..j];
        // "then-Sen.", "27-Feb.": the part after the last hyphen decides.
        let w = if dotted { whole } else { after_hyphen(whole) };
        let last_seg = text[seg_start..j].chars().count();
        let attach = (dotted && last_seg <= 2)
            || abbrev::is_prefix_abbrev(w)
            || abbrev::is_ambiguous_abbrev(w)
            || abbrev::is_final_abbrev(w)
            || abbrev::is_nonfinal_dotted(w)
            || (is_single_upper(w) && w.len() == whole.len())
            // "No. 5" on one line: a number after a line break does not reach back.
            || (abbrev::is_number_abbrev(w)
                && text[j + 1..]
                    .trim_start_matches([' ', '\t', '\u{a0}'])
                    .starts_with(|c: char| c.is_ascii_digit()));
        if attach {
            out.push(Span::new(start, j + 1));
            return j + 1;
        }
    }
    out.push(Span::new(start, j));
    j
}

/// The part of `w` after its last hyphen (all of `w` without one).
fn after_hyphen(w: &str) -> &str {
    match w.rfind(['-', '\u{2010}', '\u{2011}']) {
        Some(h) => &w[h + w[h..].chars().next().map_or(1, char::len_utf8)..],
        None => w,
    }
}

fn is_single_upper(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Stop,
    Ellipsis,
    Abbrev(AbbrevClass),
}

fn terminal(t: &str) -> Option<Term> {
    match t {
        "." | "?" | "!" | "\u{203d}" => Some(Term::Stop),
        "\u{2026}" => Some(Term::Ellipsis),
        _ if t.len() > 1 && t.bytes().all(|b| b == b'.' || b == b' ') => Some(Term::Ellipsis),
        _ if t.len() > 1 && t.ends_with('.') => {
            let w = &t[..t.len() - 1];
            let w = if w.contains('.') { w } else { after_hyphen(w) };
            Some(Term::Abbrev(abbrev::classify(w)))
        }
        _ => None,
    }
}

fn is_terminal_punct(t: &str) -> bool {
    matches!(t, "." | "?" | "!" | "\u{2026}" | "\u{203d}")
        || (t.len() > 1 && t.bytes().all(|b| b == b'.' || b == b' '))
}

fn is_closer(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]" | "}" | "\u{bb}"
    )
}

fn is_opener(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "\u{201c}" | "\u{2018}" | "(" | "[" | "\u{ab}"
    )
}

/// Splits the tokens of one paragraph into sentences; calls `emit(a, b)` with the
/// token range `a..b` of each sentence, in order.
fn split_sentences(text: &str, toks: &[Span], mut emit: impl FnMut(usize, usize)) {
    let n = toks.len();
    let tx = |k: usize| &text[toks[k].start..toks[k].end];
    let mut sent_start = 0;
    let mut k = 0;
    while k < n {
        let Some(term) = terminal(tx(k)) else {
            k += 1;
            continue;
        };
        // Take further terminal marks and adjacent closing quotes/brackets.
        let mut e = k + 1;
        while e < n {
            let t = tx(e);
            let adjacent = toks[e].start == toks[e - 1].end;
            // A spaced ellipsis after a stop belongs to it ("horrendous. . . .").
            let spaced_ellipsis = t.len() > 1 && t.contains(' ');
            if ((is_terminal_punct(t) || is_closer(t)) && adjacent) || spaced_ellipsis {
                e += 1;
            } else {
                break;
            }
        }
        let boundary = e >= n || {
            let nx = tx(e);
            let c = nx.chars().next().unwrap_or(' ');
            // A number alone before "." is a list marker ("1. First").
            let list_marker = term == Term::Stop
                && k == sent_start + 1
                && tx(sent_start).bytes().all(|b| b.is_ascii_digit())
                && tx(k) == ".";
            if c.is_lowercase() || matches!(nx, "," | ";" | ":") || list_marker {
                false
            } else {
                let next_word = if is_opener(nx) && e + 1 < n {
                    tx(e + 1)
                } else {
                    nx
                };
                let opens_caps = matches!(nx, "\"" | "\u{201c}" | "'" | "\u{2018}")
                    && next_word.chars().next().is_some_and(|c| c.is_uppercase());
                match term {
                    Term::Stop | Term::Ellipsis => true,
                    Term::Abbrev(AbbrevClass::Final) => true,
                    Term::Abbrev(AbbrevClass::Prefix) => false,
                    // "Q. Why …": a one-letter label opening a sentence.
                    Term::Abbrev(AbbrevClass::Initial) => {
                        k != sent_start && abbrev::is_sentence_starter(nx)
                    }
                    Term::Abbrev(AbbrevClass::Ambiguous) => {
                        abbrev::is_sentence_starter(nx) || opens_caps
                    }
                }
            }
        };
        if boundary {
            emit(sent_start, e);
            sent_start = e;
        }
        k = e;
    }
    if sent_start < n {
        emit(sent_start, n);
    }
}

#[cfg(test)]
mod tests;

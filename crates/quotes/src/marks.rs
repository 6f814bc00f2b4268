//! Quotation-mark pairing: finds the spans delimited by double (straight, curly, `''`,
//! „“, «») and clearly-delimiting single quotes, paragraph by paragraph, with the
//! newswire convention for quotes that run over several paragraphs.

use unspin_doc::Span;

/// One quoted stretch inside one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the paragraph end when open).
    pub close_end: usize,
    /// The content between the marks, trimmed of whitespace.
    pub content: Span,
    /// Index of the paragraph unit.
    pub para: usize,
    /// The quote continues from the previous paragraph (it reopens there).
    pub cont_prev: bool,
    /// The quote runs on into the next paragraph (no closing mark here).
    pub cont_next: bool,
    /// No closing mark and no continuation: a dangling quote.
    pub unclosed: bool,
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

fn is_space_or_none(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

/// Characters that may stand right before an opening mark.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '"' | '„' | '«' | ':'
                )
        }
    }
}

/// Characters that may stand right after a closing mark.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '”'
                        | '"'
                        | '»'
                        | '…'
                        | '/'
                )
        }
    }
}

fn trim_span(text: &str, start: usize, end: usize) -> Span {
    if start >= end {
        return Span::new(start, start);
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum DKind {
    Open,
    Close,
    Straight,
}

fn dmark(c: char) -> Option<(DKind, char)> {
    match c {
        '“' => Some((DKind::Open, c)),
        '„' => Some((DKind::Open, c)),
        '«' => Some((DKind::Open, c)),
        '”' => Some((DKind::Close, c)),
        '»' => Some((DKind::Close, c)),
        '"' => Some((DKind::Straight, c)),
        _ => None,
    }
}

/// A double pair within one paragraph: (open pos, content start, content end, close end).
#[derive(Debug, Clone, Copy)]
struct DPair {
    open: usize,
    cstart: usize,
    cend: usize,
    close_end: usize,
}

/// A double mark written with two ASCII characters, as archives and wire feeds do
/// (`''quoted''`, or TeX-style ``` ``quoted'' ```): its kind and length in bytes.
fn ascii_double(text: &str, pos: usize) -> Option<(DKind, usize)> {
    match &text.as_bytes()[pos..] {
        [b'\'', b'\'', ..] => Some((DKind::Straight, 2)),
        [b'`', b'`', ..] => Some((DKind::Open, 2)),
        _ => None,
    }
}

/// Whether the apostrophe at `pos` is one half of a two-apostrophe double mark.
fn in_ascii_double(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    b.get(pos) == Some(&b'\'')
        && (b.get(pos + 1) == Some(&b'\'') || (pos > 0 && b[pos - 1] == b'\''))
}

/// Pairs double marks inside `[a, b)`; returns pairs and the pending open (if any).
fn pair_doubles(text: &str, a: usize, b: usize) -> (Vec<DPair>, Option<(usize, usize)>) {
    let mut out = vec![];
    let mut open: Option<(usize, usize, char)> = None; // (pos, after, char)
    let mut skip_to = a;
    for (i, c) in text[a..b].char_indices() {
        let pos = a + i;
        if pos < skip_to {
            continue;
        }
        let (kind, ch, after) = match ascii_double(&text[..b], pos) {
            Some((k, len)) => (k, '"', pos + len),
            None => match dmark(c) {
                Some((k, ch)) => (k, ch, pos + c.len_utf8()),
                None => continue,
            },
        };
        skip_to = after;
        let pc = prev_char(text, pos);
        let nc = next_char(text, after);
        let looks_open = opens_after(pc) && !is_space_or_none(nc);
        let looks_close = !is_space_or_none(pc) && closes_before(nc);
        match (open, kind) {
            (None, DKind::Open) => open = Some((pos, after, ch)),
            (None, DKind::Straight) => {
                if !is_space_or_none(nc) {
                    open = Some((pos, after, ch));
                }
            }
            (None, DKind::Close) => {
                // A closing mark typed as an opener ("”word").
                if looks_open && !looks_close {
                    open = Some((pos, after, ch));
                }
            }
            (Some((o, oa, och)), k) => {
                let closes = match k {
                    DKind::Close => true,
                    DKind::Straight => !is_space_or_none(pc) || is_space_or_none(nc) || oa == pos,
                    // „…“ (German) or a mistyped closing “.
                    DKind::Open => och == '„' || (looks_close && !looks_open),
                };
                // An inch mark inside the quote (`he's 6'2",” Rubio said`): the
                // real close follows right after a comma or period.
                let inch = pc.is_some_and(|c| c.is_ascii_digit())
                    && matches!(nc, Some(',' | '.'))
                    && next_char(text, after + 1)
                        .is_some_and(|x| dmark(x).is_some_and(|d| d.0 != DKind::Open));
                if inch {
                    continue;
                }
                if closes {
                    out.push(DPair {
                        open: o,
                        cstart: oa,
                        cend: pos,
                        close_end: after,
                    });
                    open = None;
                } else {
                    // An opener while one is pending: the earlier one never closed.
                    open = Some((pos, after, ch));
                }
            }
        }
    }
    (out, open.map(|(o, oa, _)| (o, oa)))
}

fn is_elision(text: &str, after: usize) -> bool {
    let rest = &text[after..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    unspin_lex::grammar::ELISIONS.contains(&word)
}

/// Single-quote pairs (UK style or nested) inside `[a, b)`, not crossing `blocked` spans.
fn pair_singles(text: &str, a: usize, b: usize) -> Vec<DPair> {
    let mut out = vec![];
    let seg = &text[a..b];
    let idx: Vec<(usize, char)> = seg.char_indices().map(|(i, c)| (a + i, c)).collect();
    let mut k = 0;
    while k < idx.len() {
        let (pos, c) = idx[k];
        k += 1;
        if c != '‘' && c != '\'' || in_ascii_double(text, pos) {
            continue;
        }
        let after = pos + c.len_utf8();
        let pc = prev_char(text, pos);
        let nc = next_char(text, after);
        if !opens_after(pc) || nc.is_none_or(|n| !(n.is_alphanumeric() || n == '…' || n == '.')) {
            continue;
        }
        if is_elision(text, after) {
            continue;
        }
        // Look for the closing mark.
        let mut best: Option<(usize, usize)> = None;
        let mut weak: Option<(usize, usize)> = None;
        for &(p2, c2) in &idx[k..] {
            if c2 == '“' || c2 == '„' || (c2 == '‘' && c == '‘') {
                // Doubles may nest inside singles; a new single opener ends the search.
                if c2 == '‘' {
                    break;
                }
                continue;
            }
            if c2 != '’' && c2 != '\'' || in_ascii_double(text, p2) {
                continue;
            }
            if c == '‘' && c2 == '\'' || c == '\'' && c2 == '’' {
                continue;
            }
            let a2 = p2 + c2.len_utf8();
            let pc2 = prev_char(text, p2);
            let nc2 = next_char(text, a2);
            if is_space_or_none(pc2) || !closes_before(nc2) {
                continue;
            }
            // "Jones’ book": a possessive; keep looking for a better close.
            let possessive = pc2 == Some('s')
                && nc2 == Some(' ')
                && next_char(text, a2 + 1).is_some_and(|x| x.is_lowercase());
            if possessive {
                if weak.is_none() {
                    weak = Some((p2, a2));
                }
                continue;
            }
            best = Some((p2, a2));
            break;
        }
        if let Some((p2, a2)) = best.or(weak) {
            out.push(DPair {
                open: pos,
                cstart: after,
                cend: p2,
                close_end: a2,
            });
            while k < idx.len() && idx[k].0 < a2 {
                k += 1;
            }
        }
    }
    out
}

/// Whether the paragraph (after leading spaces) starts with an opening mark.
fn starts_with_open(text: &str, p: Span) -> bool {
    let s = text[p.start..p.end].trim_start();
    s.starts_with(['“', '"', '„', '«', '‘']) || s.starts_with("''") || s.starts_with("``")
}

/// Finds the quoted stretches in each paragraph unit (units in text order).
pub fn find(text: &str, paras: &[Span]) -> Vec<Marked> {
    let mut out: Vec<Marked> = vec![];
    let mut carry = false; // previous paragraph left a quote open
    for (pi, p) in paras.iter().enumerate() {
        let (doubles, pending) = pair_doubles(text, p.start, p.end);
        let mut spans: Vec<DPair> = doubles.clone();
        // Singles outside the doubles (or enclosing them entirely).
        let singles = pair_singles(text, p.start, p.end);
        for s in singles {
            let crosses = doubles.iter().any(|d| {
                let inside = d.cstart <= s.open && s.close_end <= d.cend;
                let encloses = s.cstart <= d.open && d.close_end <= s.cend;
                let disjoint = s.close_end <= d.open || d.close_end <= s.open;
                !(inside || encloses || disjoint)
            });
            let nested = doubles
                .iter()
                .any(|d| d.cstart <= s.open && s.close_end <= d.cend);
            let pend_inside = pending.is_some_and(|(o, _)| o < s.open);
            if crosses || nested || pend_inside {
                continue;
            }
            // Doubles nested inside a single pair are dropped.
            spans.retain(|d| !(s.cstart <= d.open && d.close_end <= s.cend));
            spans.push(s);
        }
        spans.sort_by_key(|d| d.open);
        let first_open = spans.first().map(|d| d.open);
        for d in &spans {
            let content = trim_span(text, d.cstart, d.cend);
            if content.is_empty() {
                continue;
            }
            let lead_ws = text[p.start..d.open].trim().is_empty();
            out.push(Marked {
                open: d.open,
                close_end: d.close_end,
                content,
                para: pi,
                cont_prev: carry && lead_ws && Some(d.open) == first_open,
                cont_next: false,
                unclosed: false,
            });
        }
        carry = false;
        if let Some((o, oa)) = pending {
            let content = trim_span(text, oa, p.end);
            let next_opens = paras
                .get(pi + 1)
                .is_some_and(|n| starts_with_open(text, *n));
            let words = text[content.start..content.end].split_whitespace().count();
            if !content.is_empty() && (next_opens || words >= 3) {
                out.push(Marked {
                    open: o,
                    close_end: p.end,
                    content,
                    para: pi,
                    cont_prev: false,
                    cont_next: next_opens,
                    unclosed: !next_opens,
                });
                carry = next_opens;
            }
        }
    }
    // Mark the part after a continuation as continuing from the previous paragraph.
    for i in 1..out.len() {
        if out[i - 1].cont_next && out[i].para == out[i - 1].para + 1 {
            let p = paras[out[i].para];
            if text[p.start..out[i].open].trim().is_empty() {
                out[i].cont_prev = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<String> {
        let paras = vec![Span::new(0, text.len())];
        find(text, &paras)
            .into_iter()
            .map(|m| text[m.content.start..m.content.end].to_string())
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(q("He said \"yes\" and “no”."), vec!["yes", "no"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(q("Jones' movements in the '90s don't matter, rock 'n' roll.").is_empty());
        assert_eq!(q("She called it ‘a farce’ on Monday."), vec!["a farce"]);
        assert_eq!(
            q("They say 'no deal', the minister's aide said."),
            vec!["no deal"]
        );
    }

    #[test]
    fn nested_singles_stay_inside() {
        assert_eq!(
            q("“He told me ‘never again’ twice,” she said."),
            vec!["He told me ‘never again’ twice,"]
        );
    }

    #[test]
    fn inch_marks_inside_a_quote() {
        assert_eq!(
            q("“He is like 6’2”,” Rubio said."),
            vec!["He is like 6’2”,"]
        );
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        assert_eq!(
            q("''It's over,'' Mr. Lee said, and ``we know it'' too."),
            vec!["It's over,", "we know it"]
        );
        assert_eq!(
            q("She called it ''a farce'' and 'a joke' on the '90s."),
            vec!["a farce", "a joke"]
        );
        let text = "''First part, and\n''second part.''";
        let paras = vec![Span::new(0, 17), Span::new(18, text.len())];
        let m = find(text, &paras);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].cont_next && m[1].cont_prev);
    }

    #[test]
    fn unbalanced_never_panics() {
        let _ = q("\"");
        let _ = q("“ ” ‘ ’ ' \" «");
        let _ = q("a \"b");
        let _ = q("'' ' `` ''' ` a''");
        assert_eq!(q("end ” then “open"), Vec::<String>::new());
    }
}

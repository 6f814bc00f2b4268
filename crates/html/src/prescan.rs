//! Linear pre-scan of the page before html5ever parses it, capping the inputs
//! that make the parser super-linear.
//!
//! 1. **Attributes per element** ([`MAX_ATTRS_PER_ELEMENT`]): html5ever checks
//!    every new attribute against all earlier ones of the same tag, so one tag
//!    with 80,000 attributes takes ~24 s. Attributes past the cap are cut out of
//!    the tag (the first ones are kept, as a browser keeps the first of
//!    duplicates). The `<html>` and `<body>` start tags are capped together at
//!    [`MAX_ROOT_ATTRS`] for the whole page: the parser merges every repeat of
//!    them into one element, again checking each attribute against the others.
//!
//!    This pass does not guess the parser's state (raw text, comments, foreign
//!    content, `<select>`…), which a page can trick: it follows *every* `<` that
//!    could open a tag at once (an automaton over the tokenizer's ten tag states,
//!    at most one live thread per state), so no tag the parser can see escapes
//!    the cap. The price is that a "tag" inside script text with over 256
//!    whitespace-separated words before its next `>` is cut too (no such script
//!    in ~1,800 real pages of the evaluation sets).
//! 2. **Tokens per page** ([`MAX_TOKENS`]): start and end tags, attributes,
//!    comments and doctypes, counted by a tokenizer-like scan (comments, quoted
//!    values with `>`, raw-text elements such as `<script>`, unclosed tags at
//!    end of input). Past the cap the page is **cut** before the tag that passes
//!    it: what follows is not read at all (neither as markup nor as text), so the
//!    article text up to there comes out as usual and nothing half-parsed leaks
//!    in. Real pages hold at most ~20,000 tags (largest of ~1,800).
//! 3. **Open formatting elements** ([`MAX_OPEN_FORMATTING`]): `b`, `i`, `font`, …
//!    left open are re-created by the parser at every later paragraph (HTML's
//!    "reconstruct the active formatting elements"), so a 30 kB page of unclosed
//!    `<b id=N>` and `<p>` builds millions of elements. Past the cap further
//!    formatting start tags are dropped (their text is kept). An end tag counts
//!    as closing one only when it surely does (no table/cell/… opened since, and
//!    fewer than 8 other elements).
//!
//! Each cap adds one warning. Everything is a single forward pass per cap
//! (linear in the input), and edits only remove byte ranges that start and end
//! at ASCII bytes, so the output is valid UTF-8.

use std::borrow::Cow;

/// Most attributes kept on one element (later ones are removed before parsing).
pub const MAX_ATTRS_PER_ELEMENT: usize = 256;

/// Most attributes kept on all `<html>` and `<body>` start tags of a page together.
pub const MAX_ROOT_ATTRS: usize = 512;

/// Most tokens (tags, attributes, comments, doctypes) read from one page; the
/// page is cut before the tag that passes it.
pub const MAX_TOKENS: usize = 400_000;

/// Most formatting elements (`b`, `i`, `em`, `font`, …) left open at once;
/// further formatting start tags are dropped, their text kept.
pub const MAX_OPEN_FORMATTING: usize = 64;

/// The page after the caps, and one warning per cap that applied.
pub struct Prescanned<'a> {
    pub html: Cow<'a, str>,
    pub warnings: Vec<String>,
}

/// Applies the three caps (see the module docs). Linear time; never panics.
pub fn prescan(src: &str) -> Prescanned<'_> {
    let mut warnings = Vec::new();
    let a = cap_attrs(src, &mut warnings);
    let b = match cap_tokens(&a, &mut warnings) {
        Some(s) => Cow::Owned(s),
        None => a,
    };
    Prescanned { html: b, warnings }
}

/// A byte of a plausible tag name (or its end).
fn name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, b'-' | b':' | b'_')
        || is_ws(c)
        || c == b'/'
        || c == b'>'
}

fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

// ---------------------------------------------------------------------------
// 1. Attributes: an automaton over every possible tag start.

/// The tokenizer's states inside a tag (HTML spec §13.2.5.8–13.2.5.40).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum St {
    Name = 0,
    BeforeAttr,
    AttrName,
    AfterAttrName,
    BeforeValue,
    Dq,
    Sq,
    Unquoted,
    AfterQuoted,
    SelfClosing,
}

const STATES: [St; 10] = [
    St::Name,
    St::BeforeAttr,
    St::AttrName,
    St::AfterAttrName,
    St::BeforeValue,
    St::Dq,
    St::Sq,
    St::Unquoted,
    St::AfterQuoted,
    St::SelfClosing,
];

/// What one byte does to a thread in a tag state.
enum Step {
    To(St),
    /// A new attribute starts with this byte (the thread is then in `AttrName`).
    Attr,
    /// `>`: the tag ends here.
    End,
}

fn step(s: St, c: u8) -> Step {
    match s {
        St::Name => match c {
            _ if is_ws(c) => Step::To(St::BeforeAttr),
            b'/' => Step::To(St::SelfClosing),
            b'>' => Step::End,
            _ => Step::To(St::Name),
        },
        St::BeforeAttr => match c {
            _ if is_ws(c) => Step::To(St::BeforeAttr),
            b'/' => Step::To(St::SelfClosing),
            b'>' => Step::End,
            _ => Step::Attr,
        },
        St::AttrName => match c {
            _ if is_ws(c) => Step::To(St::AfterAttrName),
            b'/' => Step::To(St::SelfClosing),
            b'>' => Step::End,
            b'=' => Step::To(St::BeforeValue),
            _ => Step::To(St::AttrName),
        },
        St::AfterAttrName => match c {
            _ if is_ws(c) => Step::To(St::AfterAttrName),
            b'/' => Step::To(St::SelfClosing),
            b'=' => Step::To(St::BeforeValue),
            b'>' => Step::End,
            _ => Step::Attr,
        },
        St::BeforeValue => match c {
            _ if is_ws(c) => Step::To(St::BeforeValue),
            b'"' => Step::To(St::Dq),
            b'\'' => Step::To(St::Sq),
            b'>' => Step::End,
            _ => Step::To(St::Unquoted),
        },
        St::Dq => match c {
            b'"' => Step::To(St::AfterQuoted),
            _ => Step::To(St::Dq),
        },
        St::Sq => match c {
            b'\'' => Step::To(St::AfterQuoted),
            _ => Step::To(St::Sq),
        },
        St::Unquoted => match c {
            _ if is_ws(c) => Step::To(St::BeforeAttr),
            b'>' => Step::End,
            _ => Step::To(St::Unquoted),
        },
        St::AfterQuoted | St::SelfClosing => match c {
            _ if is_ws(c) && s == St::AfterQuoted => Step::To(St::BeforeAttr),
            b'/' => Step::To(St::SelfClosing),
            b'>' => Step::End,
            // Reconsumed in the before-attribute-name state.
            _ if is_ws(c) => Step::To(St::BeforeAttr),
            _ => Step::Attr,
        },
    }
}

/// One live interpretation: "a tag is open here, in this state".
#[derive(Clone, Copy, Default)]
struct Thread {
    attrs: u32,
    /// An `<html>`/`<body>` start tag (its attributes count against the page budget).
    root: bool,
    /// In `Name`: where the name starts and whether it is an end tag.
    name_start: usize,
    end_tag: bool,
}

/// The live threads, at most one per state (kept in a small array).
#[derive(Clone, Copy)]
struct Threads {
    st: [St; 10],
    t: [Thread; 10],
    len: usize,
    /// Bit `s` set when a thread is in state `s`.
    mask: u16,
}

impl Threads {
    fn new() -> Self {
        Threads {
            st: [St::Name; 10],
            t: [Thread::default(); 10],
            len: 0,
            mask: 0,
        }
    }

    /// Adds a thread, merging with one in the same state (same future: the
    /// larger count is the binding one).
    fn put(&mut self, s: St, t: Thread) {
        if self.mask & (1 << s as u16) != 0 {
            if let Some(k) = (0..self.len).find(|&k| self.st[k] == s) {
                let o = &mut self.t[k];
                o.attrs = o.attrs.max(t.attrs);
                o.root |= t.root;
                if s == St::Name {
                    // The newest name start is the only one that can be html/body.
                    o.name_start = t.name_start;
                    o.end_tag = t.end_tag;
                }
            }
            return;
        }
        self.st[self.len] = s;
        self.t[self.len] = t;
        self.len += 1;
        self.mask |= 1 << s as u16;
    }
}

/// For each byte, the states it moves a thread out of (or ends, or starts an
/// attribute in), as a bit mask; '<' counts for all (it may open a tag).
fn moves_table() -> [u16; 256] {
    let mut moves = [0u16; 256];
    for (c, m) in moves.iter_mut().enumerate() {
        let c = c as u8;
        for s in STATES {
            let stays = matches!(step(s, c), Step::To(t) if t == s)
                && (s != St::Name || name_byte(c))
                && c != b'<';
            if !stays {
                *m |= 1 << s as u16;
            }
        }
    }
    moves
}

/// The threads after one byte, or the thread that would start an attribute
/// past a cap there.
struct Advanced {
    next: Threads,
    trigger: Option<usize>,
    /// A root (`<html>`/`<body>`) thread started an attribute at this byte.
    root_attr_here: bool,
}

/// The state of the attribute cap's pass over a page.
struct AttrCap<'a> {
    src: &'a str,
    b: &'a [u8],
    th: Threads,
    /// Attributes counted on `<html>`/`<body>` start tags so far.
    root_used: usize,
    /// The page with cuts made, from the first cut on; `src[last..]` is still to copy.
    out: Option<String>,
    last: usize,
    cut_elems: usize,
    cut_attrs: usize,
    root_cut: bool,
    /// A tag name that starts at this index (and whether it is an end tag).
    pending: Option<(usize, bool)>,
    moves: [u16; 256],
}

fn cap_attrs<'a>(src: &'a str, warnings: &mut Vec<String>) -> Cow<'a, str> {
    let mut cap = AttrCap {
        src,
        b: src.as_bytes(),
        th: Threads::new(),
        root_used: 0,
        out: None,
        last: 0,
        cut_elems: 0,
        cut_attrs: 0,
        root_cut: false,
        pending: None,
        moves: moves_table(),
    };
    let n = cap.b.len();
    let mut i = 0usize;
    while i < n {
        cap.join_pending(i);
        if cap.pending.is_none() {
            match cap.next_move(i) {
                Some(j) => i = j,
                None => break,
            }
        }
        let c = cap.b[i];
        let adv = cap.advance(i, c);
        if let Some(k) = adv.trigger {
            // Every thread resumes at the cut's end in the state it had before b[i].
            i = cap.cut(i, k);
            continue;
        }
        // Root attributes are counted once per byte, however many threads.
        if adv.root_attr_here {
            cap.root_used += 1;
        }
        cap.th = adv.next;
        // A '<' may open a tag here too (whatever the threads think): its
        // thread joins at the name's first letter.
        if c == b'<' {
            cap.note_tag_open(i);
        }
        i += 1;
    }
    cap.finish(warnings)
}

impl<'a> AttrCap<'a> {
    /// Starts the thread of a pending tag name once the scan reaches it.
    fn join_pending(&mut self, i: usize) {
        if let Some((start, end_tag)) = self.pending {
            if start <= i {
                self.pending = None;
                if start == i {
                    self.th.put(
                        St::Name,
                        Thread {
                            attrs: 0,
                            root: false,
                            name_start: start,
                            end_tag,
                        },
                    );
                }
            }
        }
    }

    /// The first index from `i` whose byte moves a live thread (or, with none
    /// live, the next '<'); `None` at the end of input.
    fn next_move(&self, mut i: usize) -> Option<usize> {
        let (b, n) = (self.b, self.b.len());
        if self.th.mask == 0 {
            // Fast path: nothing open; jump to the next '<'.
            b[i..].iter().position(|&c| c == b'<').map(|off| i + off)
        } else {
            // Skip bytes that leave every live thread where it is.
            while i < n && self.moves[b[i] as usize] & self.th.mask == 0 {
                i += 1;
            }
            (i < n).then_some(i)
        }
    }

    /// Advances every live thread over `c` at `i`, or finds one that would
    /// start an attribute past a cap.
    fn advance(&self, i: usize, c: u8) -> Advanced {
        let th = &self.th;
        let mut next = Threads::new();
        let mut root_attr_here = false;
        for k in 0..th.len {
            let (s, t) = (th.st[k], th.t[k]);
            if s == St::Name && !name_byte(c) {
                // Not a plausible tag name (`i<n;i++)` in a script): dropped.
                // The parser may still see such a tag; the tokenizer-like scan
                // below caps it in its own view.
                continue;
            }
            match step(s, c) {
                Step::End => {}
                Step::To(to) => {
                    let mut t2 = t;
                    if s == St::Name && to != St::Name {
                        // The name is complete: an `<html>`/`<body>` start tag?
                        let name = &self.b[t.name_start.min(i)..i];
                        t2.root = !t.end_tag
                            && (name.eq_ignore_ascii_case(b"html")
                                || name.eq_ignore_ascii_case(b"body"));
                    }
                    next.put(to, t2);
                }
                Step::Attr => {
                    if t.attrs as usize >= MAX_ATTRS_PER_ELEMENT
                        || (t.root && self.root_used >= MAX_ROOT_ATTRS)
                    {
                        return Advanced {
                            next,
                            trigger: Some(k),
                            root_attr_here,
                        };
                    }
                    root_attr_here |= t.root;
                    let mut t2 = t;
                    t2.attrs += 1;
                    next.put(St::AttrName, t2);
                }
            }
        }
        Advanced {
            next,
            trigger: None,
            root_attr_here,
        }
    }

    /// Cuts thread `k`'s remaining attributes: from `i` to its `>` (keeping a
    /// self-closing `/`), or to the end of input. Returns where the scan resumes.
    fn cut(&mut self, i: usize, k: usize) -> usize {
        let (s, t) = (self.th.st[k], self.th.t[k]);
        let (end, self_closing) = run_to_end(self.b, i, s);
        let stop = if self_closing { end - 1 } else { end };
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.b.len()));
        o.push_str(&self.src[self.last..i]);
        self.last = stop;
        if t.root && self.root_used >= MAX_ROOT_ATTRS {
            self.root_cut = true;
        } else {
            self.cut_elems += 1;
        }
        self.cut_attrs += count_attrs(&self.b[i..stop]);
        stop
    }

    /// A '<' at `i`: a tag name may start after it (after `</` for an end tag).
    fn note_tag_open(&mut self, i: usize) {
        let b = self.b;
        let (start, end_tag) = if b.get(i + 1) == Some(&b'/') {
            (i + 2, true)
        } else {
            (i + 1, false)
        };
        if b.get(start).is_some_and(|x| x.is_ascii_alphabetic()) {
            self.pending = Some((start, end_tag));
        }
    }

    /// The warnings for the caps that applied, and the page after the cuts.
    fn finish(self, warnings: &mut Vec<String>) -> Cow<'a, str> {
        let (cut_elems, cut_attrs) = (self.cut_elems, self.cut_attrs);
        if cut_elems > 0 {
            warnings.push(format!(
                "{cut_elems} element(s) with more than {MAX_ATTRS_PER_ELEMENT} attributes; \
                 {cut_attrs} attributes past the cap were removed before parsing"
            ));
        }
        if self.root_cut {
            warnings.push(format!(
                "<html>/<body> tags with more than {MAX_ROOT_ATTRS} attributes in all; \
                 the rest were removed before parsing"
            ));
        }
        match self.out {
            Some(mut o) => {
                o.push_str(&self.src[self.last..]);
                Cow::Owned(o)
            }
            None => Cow::Borrowed(self.src),
        }
    }
}

/// Runs one thread alone from state `s` at `i` to its tag's end: the index of
/// the `>` (or the input length), and whether a self-closing `/` precedes it.
fn run_to_end(b: &[u8], mut i: usize, mut s: St) -> (usize, bool) {
    while i < b.len() {
        match step(s, b[i]) {
            Step::End => return (i, s == St::SelfClosing),
            Step::To(t) => s = t,
            Step::Attr => s = St::AttrName,
        }
        i += 1;
    }
    (b.len(), false)
}

/// Attributes in a removed stretch (for the warning), starting with one.
fn count_attrs(b: &[u8]) -> usize {
    let mut s = St::BeforeAttr;
    let mut k = 0;
    for &c in b {
        match step(s, c) {
            Step::Attr => {
                k += 1;
                s = St::AttrName;
            }
            Step::To(t) => s = t,
            Step::End => break,
        }
    }
    k
}

// ---------------------------------------------------------------------------
// 2. and 3. Tokens and open formatting elements: a tokenizer-like scan.

use crate::markup::{
    FORMATTING_ELEMENTS as FORMATTING, RAW_TEXT_ELEMENTS as RAW, SCOPE_ELEMENTS as SCOPE,
    SPECIAL_ELEMENTS as SPECIAL,
};

fn one_of(name: &[u8], set: &[&str]) -> Option<usize> {
    set.iter()
        .position(|s| name.eq_ignore_ascii_case(s.as_bytes()))
}

/// A formatting element the scan counts as open.
struct Open {
    kind: usize,
    /// `scope_seq` and `blocks_seq` when it opened.
    scope: usize,
    blocks: usize,
}

/// One scanned tag: name range, attribute count, index after it (past `>`, or
/// the input length when it never ends), self-closing flag.
struct ScannedTag {
    name: (usize, usize),
    attrs: usize,
    end: usize,
    closed: bool,
    /// Attributes past the cap: the byte range that holds them.
    cut: Option<(usize, usize)>,
}

fn scan_tag(b: &[u8], name_start: usize) -> ScannedTag {
    let mut i = name_start;
    while i < b.len() && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = (name_start, i);
    let mut s = St::Name;
    let mut attrs = 0;
    let mut cut_from = None;
    while i < b.len() {
        match step(s, b[i]) {
            Step::End => {
                let stop = if s == St::SelfClosing { i - 1 } else { i };
                return ScannedTag {
                    name,
                    attrs: attrs.min(MAX_ATTRS_PER_ELEMENT),
                    end: i + 1,
                    closed: true,
                    cut: cut_from.map(|a| (a, stop)),
                };
            }
            Step::To(t) => s = t,
            Step::Attr => {
                attrs += 1;
                if attrs == MAX_ATTRS_PER_ELEMENT + 1 {
                    cut_from = Some(i);
                }
                s = St::AttrName;
            }
        }
        i += 1;
    }
    ScannedTag {
        name,
        attrs: attrs.min(MAX_ATTRS_PER_ELEMENT),
        end: b.len(),
        closed: false,
        cut: cut_from.map(|a| (a, b.len())),
    }
}

/// The index of the next `>` at or after `from` plus one (or the input length).
fn past_gt(b: &[u8], from: usize) -> usize {
    match b
        .get(from..)
        .and_then(|t| t.iter().position(|&c| c == b'>'))
    {
        Some(p) => from + p + 1,
        None => b.len(),
    }
}

/// End of a comment whose text starts at `c` (just after `<!--`).
fn comment_end(b: &[u8], c: usize) -> usize {
    if b.get(c) == Some(&b'>') {
        return c + 1;
    }
    if b.get(c..c + 2) == Some(b"->") {
        return c + 2;
    }
    let mut p = c;
    while p < b.len() {
        let Some(off) = b[p..].iter().position(|&x| x == b'>') else {
            return b.len();
        };
        let j = p + off;
        if (j >= c + 2 && &b[j - 2..j] == b"--") || (j >= c + 3 && &b[j - 3..j] == b"--!") {
            return j + 1;
        }
        p = j + 1;
    }
    b.len()
}

/// Where the raw text of element `name` ends: the `<` of its end tag (`</name`
/// followed by whitespace, `/` or `>`), or the input length.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut p = from;
    while p < b.len() {
        let Some(off) = b[p..].iter().position(|&x| x == b'<') else {
            return b.len();
        };
        let lt = p + off;
        let ns = lt + 2;
        let ne = ns + name.len();
        if b.get(lt + 1) == Some(&b'/')
            && ne <= b.len()
            && b[ns..ne].eq_ignore_ascii_case(name)
            && (ne == b.len() || is_ws(b[ne]) || b[ne] == b'/' || b[ne] == b'>')
        {
            return lt;
        }
        p = lt + 1;
    }
    b.len()
}

/// Token cap and open-formatting cap; `None` when the page is left as is.
fn cap_tokens(src: &str, warnings: &mut Vec<String>) -> Option<String> {
    let b = src.as_bytes();
    let n = b.len();
    let mut tokens = 0usize;
    let mut out: Option<String> = None;
    let mut last = 0usize;
    let mut open: Vec<Open> = Vec::new();
    let mut scope_seq = 0usize;
    let mut blocks_seq = 0usize;
    let mut dropped_fmt = 0usize;
    let mut cut_attrs = 0usize;
    let mut cut_at: Option<usize> = None;
    let mut i = 0usize;
    while i < n {
        let Some(off) = b[i..].iter().position(|&c| c == b'<') else {
            break;
        };
        let lt = i + off;
        let next = b.get(lt + 1).copied().unwrap_or(0);
        // Comments, doctypes, processing instructions, bogus comments.
        let (end, tag) = if next == b'!' {
            if b.get(lt + 2..lt + 4) == Some(b"--") {
                (comment_end(b, lt + 4), None)
            } else {
                (past_gt(b, lt + 2), None)
            }
        } else if next == b'?' {
            (past_gt(b, lt + 2), None)
        } else if next == b'/' {
            match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let t = scan_tag(b, lt + 2);
                    (t.end, Some((t, true)))
                }
                Some(b'>') => (lt + 3, None),
                Some(_) => (past_gt(b, lt + 2), None),
                None => (n, None),
            }
        } else if next.is_ascii_alphabetic() {
            let t = scan_tag(b, lt + 1);
            (t.end, Some((t, false)))
        } else {
            // A '<' in text.
            i = lt + 1;
            continue;
        };
        let cost = 1 + tag.as_ref().map_or(0, |(t, _)| t.attrs);
        if tokens + cost > MAX_TOKENS {
            cut_at = Some(lt);
            break;
        }
        tokens += cost;
        i = end;
        let Some((t, closing)) = tag else { continue };
        let name = &b[t.name.0..t.name.1];
        let fmt = one_of(name, FORMATTING);
        if !closing && t.closed && fmt.is_some() && open.len() >= MAX_OPEN_FORMATTING {
            let o = out.get_or_insert_with(|| String::with_capacity(n));
            o.push_str(&src[last..lt]);
            last = end;
            dropped_fmt += 1;
            continue;
        }
        if let Some((a, z)) = t.cut {
            // Attributes past the cap in this scan's view of the page.
            let o = out.get_or_insert_with(|| String::with_capacity(n));
            o.push_str(&src[last..a]);
            last = z;
            cut_attrs += 1;
        }
        if !t.closed {
            // An unclosed tag at the end of input: the parser drops it.
            break;
        }
        if closing {
            if let Some(k) = fmt {
                // Closed surely only with no scope boundary and few elements
                // opened since (else the parser may keep it in its list).
                if let Some(pos) = open.iter().rposition(|o| o.kind == k) {
                    let o = &open[pos];
                    if o.scope == scope_seq && blocks_seq - o.blocks < 8 {
                        open.remove(pos);
                    }
                }
            }
            continue;
        }
        if let Some(k) = fmt {
            open.push(Open {
                kind: k,
                scope: scope_seq,
                blocks: blocks_seq,
            });
            continue;
        }
        if one_of(name, SCOPE).is_some() {
            scope_seq += 1;
        }
        if one_of(name, SPECIAL).is_some() {
            blocks_seq += 1;
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
        if let Some(r) = one_of(name, RAW) {
            i = raw_end(b, end, RAW[r].as_bytes());
        }
    }
    if cut_attrs > 0 {
        warnings.push(format!(
            "{cut_attrs} more element(s) with more than {MAX_ATTRS_PER_ELEMENT} attributes; \
             the attributes past the cap were removed before parsing"
        ));
    }
    if dropped_fmt > 0 {
        warnings.push(format!(
            "more than {MAX_OPEN_FORMATTING} formatting elements (b, i, font, …) left open; \
             {dropped_fmt} later formatting tags were dropped (their text kept)"
        ));
    }
    if let Some(at) = cut_at {
        warnings.push(format!(
            "more than {MAX_TOKENS} tags and attributes; the page was cut at byte {at} \
             (the rest was not read)"
        ));
    }
    if out.is_none() && cut_at.is_none() {
        return None;
    }
    let mut o = out.unwrap_or_default();
    let stop = cut_at.unwrap_or(n).max(last);
    o.push_str(&src[last..stop]);
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"v>{i}\"")).collect()
    }

    #[test]
    fn few_attributes_untouched() {
        let s = format!("<p{}>x</p>", attrs(MAX_ATTRS_PER_ELEMENT));
        let p = prescan(&s);
        assert!(matches!(p.html, Cow::Borrowed(_)));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn attributes_past_the_cap_removed_first_kept() {
        let s = format!("<div{}/>text</div>", attrs(1000));
        let p = prescan(&s);
        assert!(p.html.contains(" a255=\"v>255\""));
        assert!(!p.html.contains("a256"));
        assert!(
            p.html.ends_with("/>text</div>"),
            "{}",
            &p.html[p.html.len() - 30..]
        );
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("744 attributes"), "{:?}", p.warnings);
    }

    #[test]
    fn tags_hidden_from_a_state_guess_are_capped_too() {
        // Inside a comment, a script, an attribute value, an unclosed tag at EOF.
        for (pre, post) in [
            ("<!-- ", " -->"),
            ("<script>", "</script>"),
            ("<a title=\"", "\">"),
            ("<select><style>", "</style></select>"),
            ("", ""),
        ] {
            let s = format!("{pre}<p{}>{post}", attrs(2000));
            let p = prescan(&s);
            assert!(!p.html.contains("a256="), "{pre}");
            assert!(p.html.len() < 10_000);
        }
        let s = format!("<p{}", attrs(2000));
        let p = prescan(&s);
        assert!(!p.html.contains("a256="));
    }

    #[test]
    fn root_attributes_budget() {
        let s: String = (0..10)
            .map(|k| format!("<body{}>", attrs(100).replace(" a", &format!(" b{k}x"))))
            .collect();
        let p = prescan(&s);
        assert!(p.warnings.iter().any(|w| w.contains("<html>/<body>")));
        let kept = p.html.matches('=').count();
        assert!(kept <= MAX_ROOT_ATTRS + 1, "{kept}");
    }

    #[test]
    fn utf8_and_odd_bytes() {
        for s in [
            "<é",
            "<a é=\"ü\" ",
            "</",
            "<!--",
            "<!-->",
            "<!--->x",
            "<a/",
            "<a =x>",
            "<a b='",
            "\u{0}<a\u{0}>",
            "<![CDATA[<p>]]>",
            "<?x>",
            "</>",
            "</ x>",
            "<script>",
            "<title",
        ] {
            let p = prescan(s);
            assert!(p.html.len() <= s.len());
        }
        let s = format!("<p {}>ü</p>", "é ".repeat(1000));
        let p = prescan(&s);
        assert!(p.html.ends_with(">ü</p>"));
    }

    #[test]
    fn token_cap_cuts_the_page() {
        let s = "<br>".repeat(MAX_TOKENS + 10);
        let p = prescan(&s);
        assert_eq!(p.html.len(), MAX_TOKENS * 4);
        assert!(p.warnings[0].contains("cut at byte"));
        // Tags in comments and scripts are not tokens of the page.
        let s = format!(
            "<!--{}--><script>{}</script><p>x",
            "<br>".repeat(MAX_TOKENS),
            "<br>".repeat(MAX_TOKENS)
        );
        assert!(prescan(&s).warnings.is_empty());
    }

    #[test]
    fn open_formatting_capped_closed_ones_not() {
        let s = "<p><b>x</b> <i class=y>z</i></p>".repeat(1000);
        assert!(prescan(&s).warnings.is_empty());
        let s: String = (0..1000).map(|k| format!("<p><b id={k}>x</p>")).collect();
        let p = prescan(&s);
        assert_eq!(p.html.matches("<b ").count(), MAX_OPEN_FORMATTING);
        assert!(p.warnings[0].contains("formatting"));
        // An end tag behind a table does not count as closing.
        let s: String = (0..1000)
            .map(|k| format!("<p><b id={k}><table></b></table></p>"))
            .collect();
        assert_eq!(prescan(&s).html.matches("<b ").count(), MAX_OPEN_FORMATTING);
    }
}

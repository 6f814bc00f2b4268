//! Quotes: find quotations, their kind, the cue that attributes them and their
//! speaker, resolved to an entity.
//!
//! Steps: pair quotation marks per paragraph ([`marks`]: straight and curly double
//! quotes, „“, «», the archive style's `''…''` and ``` ``…'' ```, UK single quotes when
//! they clearly delimit, nested quotes kept in the outer one, quotes run over
//! paragraphs by the newswire convention); read the
//! words around each quote for a reporting verb and its subject (`"…," X said`,
//! `"…," said X, a …`, `X said: "…"`, `As X said, … "…"`, `according to X`,
//! `X …, saying "…"`); inherit speakers for continuation quotes (a mid attribution
//! splitting one quote, a quote paragraph after an attributed one, the parts of a
//! multi-paragraph quote, a quote paragraph after a paragraph of reported speech);
//! classify the kind; add indirect reported speech (`X said (that) …`, `…, X said.`,
//! `…, X said, …`, `according to X`, `…, saying …`, beliefs and findings, `asked
//! whether …`, up to two reports per sentence), block quotes without marks
//! (blockquote paragraphs, embedded-post signatures), interview answers (`Q:`/`A:`)
//! and broadcast transcript turns (`JANE ROE: …`); resolve speakers (names, role
//! phrases such as "the governor", pronouns, "they") to entities. German and French
//! cues are read too (`„…“, sagte X`, `«…», a déclaré X`, `a-t-il ajouté`, `selon X`,
//! `so X`), and `ROLE, Name, said` credits the name.
//!
//! What others can rely on:
//! - `span` is the content without the marks; quotes found from marks never overlap
//!   each other. An `Indirect` span is a reported clause with no marks of its own, but
//!   it may contain a partial or scare quote; an interview answer or transcript turn
//!   (`Direct`, no cue) may contain quoted words.
//! - `Scare` quotes have no speaker and no cue (irony, titles of works and shows,
//!   phrases echoing a headline or teaser).
//! - A rumoured partial ("is rumored to be "…"", "reportedly "…"") has no speaker and
//!   no cue: the sources stage classifies the hearsay.
//! - `Speaker.span` is the words in the text ("reporter Jane Roe", "they"); `entity`
//!   is set when an entity mention overlaps it (a person preferred) or a pronoun /
//!   definite description ("the magazine") resolves to one.

mod lex;
pub mod marks;

use lex::{words, Pronoun, Word};
use marks::Marked;
use unspin_doc::{Doc, EntityKind, ParagraphKind, Quote, QuoteKind, Span, Speaker};

/// Adds `doc.quotes` (reads paragraphs, sentences and entities; works without them).
pub fn detect(doc: &mut Doc) {
    let quotes = Detector::new(doc).run();
    doc.quotes = quotes;
}

/// How far (bytes) from a quote its attribution is looked for.
const WINDOW: usize = 600;

/// A paragraph unit (doc paragraphs split further at blank lines).
#[derive(Debug, Clone, Copy)]
struct Para {
    span: Span,
    kind: ParagraphKind,
}

/// Where an attribution was found relative to its quote.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Before,
    After,
    Inherited,
}

#[derive(Debug, Clone, Copy)]
struct Attr {
    speaker: Option<Span>,
    cue: Option<Span>,
    side: Side,
    /// End of the attribution words in a left window (to test what lies between
    /// it and the quote).
    end: usize,
}

struct Detector<'d> {
    doc: &'d Doc,
    text: &'d str,
    paras: Vec<Para>,
    /// Per paragraph: sentence starts (sorted, first = paragraph start).
    bounds: Vec<Vec<usize>>,
    marked: Vec<Marked>,
    /// Normalised heading, title and chrome lines (computed on first use).
    headings: std::cell::OnceCell<Vec<String>>,
    /// Nesting of `parse_before` looking for an earlier cue (kept shallow).
    depth: std::cell::Cell<u8>,
    /// Every entity mention as (span, entity index), sorted by start: lookups
    /// by position are binary searches, not scans of all mentions.
    mentions: Vec<(Span, usize, usize)>,
    /// The longest mention (bytes), bounding a search for overlapping ones.
    mention_max_len: usize,
    /// Gender per entity (by address), computed on first use.
    genders: std::cell::RefCell<std::collections::HashMap<usize, Option<Pronoun>>>,
    /// Person entity a transcript label names, per lowercased label (computed on
    /// first use: one scan of the entities per distinct label, not per line).
    labels: std::cell::RefCell<std::collections::HashMap<String, Option<usize>>>,
}

/// The ends of the quote marks in `direct` (sorted and disjoint, as quote marks are
/// paired in text order) that contain `s`: only the last marks starting at or before
/// it can.
fn marks_containing(direct: &[Span], s: Span) -> impl Iterator<Item = usize> + '_ {
    let p = direct.partition_point(|m| m.start <= s.start);
    direct[..p]
        .iter()
        .rev()
        .take_while(move |m| m.end >= s.start)
        .filter(move |m| m.contains(&s))
        .map(|m| m.end)
}

/// True when a quote mark span in `direct` (sorted and disjoint) overlaps `s`.
fn mark_overlaps(direct: &[Span], s: Span) -> bool {
    let i = direct.partition_point(|m| m.end <= s.start);
    direct.get(i).is_some_and(|m| m.start < s.end)
}

fn split_units(text: &str, span: Span) -> Vec<Span> {
    let mut out = vec![];
    let s = &text[span.start..span.end];
    let blank = s.contains("\n\n") || s.contains("\r\n\r\n");
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // A break: a blank line, or any newline when the text has no blank lines.
            let mut j = i + 1;
            let mut newlines = 1;
            while j < bytes.len()
                && (bytes[j] == b'\n' || bytes[j] == b'\r' || bytes[j] == b' ' || bytes[j] == b'\t')
            {
                if bytes[j] == b'\n' {
                    newlines += 1;
                }
                j += 1;
            }
            if newlines >= 2 || !blank {
                out.push((start, i));
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push((start, s.len()));
    out.into_iter()
        .filter_map(|(a, b)| {
            let t = &s[a..b];
            let lead = t.len() - t.trim_start().len();
            let tt = t.trim();
            (!tt.is_empty())
                .then(|| Span::new(span.start + a + lead, span.start + a + lead + tt.len()))
        })
        .collect()
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '"' | '„' | '«' | '‘' | '\'')
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

fn norm_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'d> Detector<'d> {
    fn new(doc: &'d Doc) -> Self {
        let text = doc.text.as_str();
        let mut paras = vec![];
        if doc.paragraphs.is_empty() {
            for s in split_units(text, Span::new(0, text.len())) {
                paras.push(Para {
                    span: s,
                    kind: ParagraphKind::Body,
                });
            }
        } else {
            for p in &doc.paragraphs {
                if p.span.end > text.len()
                    || !text.is_char_boundary(p.span.start)
                    || !text.is_char_boundary(p.span.end)
                {
                    continue;
                }
                for s in split_units(text, p.span) {
                    paras.push(Para {
                        span: s,
                        kind: p.kind,
                    });
                }
            }
        }
        let spans: Vec<Span> = paras.iter().map(|p| p.span).collect();
        let marked = marks::find(text, &spans);
        let mut mentions: Vec<(Span, usize, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.mentions
                    .iter()
                    .enumerate()
                    .map(move |(j, m)| (m.span, ei, j))
            })
            .collect();
        mentions.sort_by_key(|&(s, ei, j)| (s.start, ei, j));
        let mention_max_len = mentions
            .iter()
            .map(|(s, _, _)| s.end - s.start)
            .max()
            .unwrap_or(0);
        let mut d = Detector {
            doc,
            text,
            paras,
            bounds: vec![],
            marked,
            headings: std::cell::OnceCell::new(),
            depth: std::cell::Cell::new(0),
            mentions,
            mention_max_len,
            genders: Default::default(),
            labels: Default::default(),
        };
        d.bounds = (0..d.paras.len()).map(|i| d.sentence_bounds(i)).collect();
        d
    }

    /// The quote whose marks enclose `pos` (quotes are sorted and disjoint).
    fn quote_at(&self, pos: usize) -> Option<&Marked> {
        let i = self.marked.partition_point(|m| m.open <= pos);
        i.checked_sub(1)
            .map(|i| &self.marked[i])
            .filter(|m| pos < m.close_end)
    }

    fn in_quote(&self, pos: usize) -> bool {
        self.quote_at(pos).is_some()
    }

    /// Sentence starts inside paragraph `pi`, never inside a quotation.
    fn sentence_bounds(&self, pi: usize) -> Vec<usize> {
        let p = self.paras[pi].span;
        let mut b = vec![p.start];
        let text = self.text;
        if !self.doc.sentences.is_empty() {
            let first = self
                .doc
                .sentences
                .partition_point(|s| s.span.start <= p.start);
            for s in &self.doc.sentences[first..] {
                if s.span.start >= p.end {
                    break;
                }
                let inside = self
                    .quote_at(s.span.start)
                    .is_some_and(|m| m.open < s.span.start);
                if !inside {
                    b.push(s.span.start);
                }
            }
        } else {
            let ws = words(text, p.start, p.end);
            for (i, w) in ws.iter().enumerate() {
                if !matches!(w.text, "." | "!" | "?" | "…") || self.in_quote(w.start) {
                    continue;
                }
                if let Some(n) = ws.get(i + 1) {
                    let c = n.text.chars().next().unwrap_or(' ');
                    if c.is_uppercase() || c.is_ascii_digit() || is_open_mark(c) {
                        b.push(n.start);
                    }
                }
            }
        }
        // A quote ending a sentence ("… away." Next) closes the sentence.
        let (a, z) = (
            self.marked.partition_point(|m| m.para < pi),
            self.marked.partition_point(|m| m.para <= pi),
        );
        for m in self.marked[a..z]
            .iter()
            .filter(|m| !m.cont_next && !m.unclosed)
        {
            let content = &text[m.content.start..m.content.end];
            if content.ends_with(['.', '…']) {
                let rest = &text[m.close_end..p.end];
                let lead = rest.len() - rest.trim_start().len();
                let c = rest.trim_start().chars().next();
                if c.is_some_and(|c| c.is_uppercase() || is_open_mark(c)) {
                    b.push(m.close_end + lead);
                }
            }
        }
        b.sort_unstable();
        b.dedup();
        b
    }

    fn sentence_of(&self, pi: usize, pos: usize) -> (usize, usize) {
        let b = &self.bounds[pi];
        let i = b.partition_point(|&x| x <= pos);
        let start = b[i.saturating_sub(1)];
        let end = b.get(i).copied().unwrap_or(self.paras[pi].span.end);
        (start, end)
    }

    fn run(&self) -> Vec<Quote> {
        let text = self.text;
        let n = self.marked.len();
        let mut attrs: Vec<Option<Attr>> = vec![None; n];
        let mut rumour = vec![false; n];
        // Whether only space separates a quote from the one before it in its sentence.
        let mut left_empty: Vec<bool> = vec![false; n];
        // 1. Own attributions.
        for (i, m) in self.marked.iter().enumerate() {
            let (s0, _) = self.sentence_of(m.para, m.open);
            let prev_end = if i > 0 && self.marked[i - 1].para == m.para {
                self.marked[i - 1].close_end.max(s0)
            } else {
                s0
            };
            let (_, e1) = if m.cont_next || m.unclosed {
                (s0, m.close_end)
            } else {
                self.sentence_of(
                    m.para,
                    m.close_end
                        .min(self.paras[m.para].span.end.saturating_sub(1))
                        .max(m.open),
                )
            };
            // The next quote in the paragraph ends the window, unless it is a short
            // name or phrase inside the attribution (`X, wearing "Cruz" pins, said`).
            let mut j = i + 1;
            while j <= i + 2
                && self.marked.get(j).is_some_and(|x| {
                    let c = &text[x.content.start..x.content.end];
                    x.para == m.para
                        && x.open < m.close_end + WINDOW
                        && word_count(c) <= 3
                        && !c.ends_with(['.', ',', '!', '?'])
                        && !text[m.close_end..x.open].contains(['.', '!', '?'])
                })
            {
                j += 1;
            }
            let next_open = self
                .marked
                .get(j)
                .filter(|x| x.para == m.para)
                .map_or(usize::MAX, |x| x.open);
            let mut right_end = e1.min(next_open).max(m.close_end);
            let content_s = &text[m.content.start..m.content.end];
            if text[m.close_end..right_end].trim().is_empty()
                && content_s.ends_with(['?', '!'])
                && !m.cont_next
                && !m.unclosed
            {
                // `"…?" Hannity said.` split into two sentences by the segmenter.
                let (_, e2) = self.sentence_of(
                    m.para,
                    right_end.min(self.paras[m.para].span.end.saturating_sub(1)),
                );
                right_end = e2.min(next_open).max(right_end);
            }
            left_empty[i] = text[prev_end.min(m.open)..m.open].trim().is_empty();
            let content = &text[m.content.start..m.content.end];
            let right = if m.cont_next || m.unclosed {
                None
            } else {
                self.parse_after(m.close_end, right_end, content)
            };
            let left = self.parse_before(s0, m.open, &mut rumour[i]);
            attrs[i] = right.or(left);
            if attrs[i].is_none() && !rumour[i] && prev_end > s0 {
                // Several quotes in one sentence: the cue may precede an earlier one.
                let mut dummy = false;
                if let Some(a) = self.parse_before(s0, self.marked[i - 1].open, &mut dummy) {
                    attrs[i] = Some(Attr { end: a.end, ..a });
                }
            }
        }
        // 2. Kinds.
        let mut kinds = vec![QuoteKind::Direct; n];
        for (i, m) in self.marked.iter().enumerate() {
            kinds[i] = self.kind(m, attrs[i].as_ref(), rumour[i], left_empty[i]);
        }
        // A sentence split by a mid attribution (`"A," he wrote, "b …"`): the second
        // part is as direct as the first.
        for i in 1..n {
            let (m, prev) = (&self.marked[i], &self.marked[i - 1]);
            if kinds[i] == QuoteKind::Partial
                && kinds[i - 1] == QuoteKind::Direct
                && prev.para == m.para
                && attrs[i - 1].is_some_and(|a| a.side == Side::After && a.end <= m.open)
                && text[prev.close_end..m.open]
                    .trim_end()
                    .ends_with([',', '—', '–'])
                && text[prev.content.start..prev.content.end].ends_with([',', '—', '–'])
            {
                kinds[i] = QuoteKind::Direct;
                attrs[i] = attrs[i - 1].map(|a| Attr {
                    side: Side::Inherited,
                    ..a
                });
            }
        }
        // 3. Continuations.
        for i in 1..n {
            if attrs[i].is_some()
                || rumour[i]
                || !matches!(kinds[i], QuoteKind::Direct | QuoteKind::Block)
            {
                continue;
            }
            let m = &self.marked[i];
            // The last direct quote before (skipping titles and scare quotes in its paragraph).
            let mut pj = i - 1;
            while pj > 0
                && i - pj < 4
                && !matches!(kinds[pj], QuoteKind::Direct | QuoteKind::Block)
                && self.marked[pj].para == m.para
            {
                pj -= 1;
            }
            let prev = &self.marked[pj];
            let Some(pa) = attrs[pj] else { continue };
            if !matches!(kinds[pj], QuoteKind::Direct | QuoteKind::Block) {
                continue;
            }
            let same_para = prev.para == m.para;
            let continued = m.cont_prev && prev.cont_next;
            let next_para = prev.para + 1 == m.para;
            let p = self.paras[m.para].span;
            let pure = text[p.start..m.open].trim().is_empty();
            let prev_p = self.paras[prev.para].span;
            let prev_last = text[prev.close_end..prev_p.end].trim();
            // The previous quote (with its attribution) closes its paragraph.
            let prev_closes_para = pa.side != Side::Before
                && (prev_last.is_empty()
                    || pa.cue.is_some_and(|c| {
                        c.start >= prev.close_end && word_count(&text[c.end..prev_p.end]) <= 12
                    }));
            if same_para || continued || (next_para && pure && prev_closes_para) {
                attrs[i] = Some(Attr {
                    side: Side::Inherited,
                    ..pa
                });
            }
        }
        // A quote run over paragraphs and attributed only at its end: the earlier
        // parts take the attribution of the part that closes it.
        for i in (0..n.saturating_sub(1)).rev() {
            if attrs[i].is_none()
                && !rumour[i]
                && self.marked[i].cont_next
                && self.marked[i + 1].cont_prev
            {
                if let Some(a) = attrs[i + 1] {
                    attrs[i] = Some(Attr {
                        side: Side::Inherited,
                        ..a
                    });
                }
            }
        }
        // A quote paragraph introduced by "X said:" at the end of the previous paragraph.
        for i in 0..n {
            if attrs[i].is_some() || rumour[i] {
                continue;
            }
            let m = &self.marked[i];
            if m.para == 0
                || !text[self.paras[m.para].span.start..m.open]
                    .trim()
                    .is_empty()
            {
                continue;
            }
            let pp = self.paras[m.para - 1].span;
            if !text[pp.start..pp.end].trim_end().ends_with(':') {
                continue;
            }
            let (s0, _) = self.sentence_of(m.para - 1, pp.end.saturating_sub(1));
            let mut dummy = false;
            if let Some(a) = self.parse_before(s0, pp.end, &mut dummy) {
                attrs[i] = Some(a);
                if kinds[i] == QuoteKind::Partial || kinds[i] == QuoteKind::Scare {
                    kinds[i] = QuoteKind::Direct;
                }
                // Its continuation parts get it too.
                let mut j = i + 1;
                while j < n && self.marked[j].cont_prev && attrs[j].is_none() {
                    attrs[j] = attrs[i];
                    j += 1;
                }
            }
        }
        // A quote paragraph right after a paragraph that ends in reported speech
        // (`X said the team had …` / `"…` on the next line): X goes on speaking.
        let mut has_quote = vec![false; self.paras.len()];
        for x in &self.marked {
            if let Some(h) = has_quote.get_mut(x.para) {
                *h = true;
            }
        }
        for i in 0..n {
            let m = &self.marked[i];
            if attrs[i].is_some()
                || rumour[i]
                || m.cont_prev
                || kinds[i] != QuoteKind::Direct
                || m.para == 0
                || !text[self.paras[m.para].span.start..m.open]
                    .trim()
                    .is_empty()
                || self.paras[m.para - 1].kind != ParagraphKind::Body
                || has_quote[m.para - 1]
            {
                continue;
            }
            let pp = self.paras[m.para - 1].span;
            let (s0, _) = self.sentence_of(m.para - 1, pp.end.saturating_sub(1));
            // The sentence's first reporting verb and its subject.
            let ws = self.ws(s0, pp.end);
            let Some(cw) = ws.iter().find(|w| {
                let l = w.lower();
                lex::cue(&l).is_some_and(|c| c.speech && !c.rumour) && !lex::ambiguous_noun(&l)
            }) else {
                continue;
            };
            let mut dummy = false;
            let Some(a) = self.parse_before(s0, cw.end, &mut dummy) else {
                continue;
            };
            let Some(sp) = a.speaker else { continue };
            let person = self
                .resolve(sp)
                .entity
                .is_some_and(|e| self.doc.entities[e].kind == EntityKind::Person);
            if !person {
                continue;
            }
            attrs[i] = Some(Attr {
                side: Side::Inherited,
                ..a
            });
            let mut j = i + 1;
            while j < n && self.marked[j].cont_prev && attrs[j].is_none() {
                attrs[j] = attrs[i];
                j += 1;
            }
        }
        let mut out = vec![];
        for (i, m) in self.marked.iter().enumerate() {
            if !text[m.content.start..m.content.end]
                .chars()
                .any(|c| c.is_alphabetic())
            {
                continue;
            }
            let kind = kinds[i];
            let (speaker, cue) = match (kind, attrs[i]) {
                (QuoteKind::Scare, _) | (_, None) => (None, None),
                (_, Some(a)) => (a.speaker.map(|s| self.resolve(s)), a.cue),
            };
            let cue = if rumour[i] && cue.is_none() {
                None
            } else {
                cue
            };
            // A quoted transcript excerpt (`"ROE: We will …"`): the label names the
            // speaker and is not part of the words.
            let content = &text[m.content.start..m.content.end];
            if speaker.is_none() && kind != QuoteKind::Scare && !m.cont_prev {
                if let Some((label, body)) = transcript_label(content) {
                    let lt = &content[..label];
                    let upper = !lt.chars().any(char::is_lowercase);
                    if upper && body < content.len() {
                        let ls = Span::new(m.content.start, m.content.start + label);
                        out.push(Quote {
                            span: Span::new(m.content.start + body, m.content.end),
                            kind: QuoteKind::Direct,
                            speaker: Some(self.resolve_label(ls)),
                            cue: None,
                        });
                        continue;
                    }
                }
            }
            out.push(Quote {
                span: m.content,
                kind,
                speaker,
                cue,
            });
        }
        out.extend(self.interview());
        out.extend(self.transcript());
        out.extend(self.blocks());
        let direct: Vec<Span> = self
            .marked
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| matches!(k, QuoteKind::Direct | QuoteKind::Block))
            .map(|(m, _)| Span::new(m.open, m.close_end))
            .collect();
        let added = self.indirect(&direct, &out);
        out.extend(added);
        out.sort_by_key(|q| (q.span.start, q.span.end));
        out
    }

    /// The nearest char boundary at or before `pos`.
    fn floor_boundary(&self, pos: usize) -> usize {
        let mut p = pos.min(self.text.len());
        while !self.text.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    /// The words of `[a, b)` (empty when out of order).
    fn ws(&self, a: usize, b: usize) -> Vec<Word<'d>> {
        if a >= b {
            return vec![];
        }
        words(self.text, a, b)
    }

    /// Attribution after a quote: `, X said` / `, said X` / `, according to X`.
    fn parse_after(&self, a: usize, b: usize, content: &str) -> Option<Attr> {
        let b = self.floor_boundary(b.min(a + WINDOW)).max(a);
        if let Some(x) = self.parse_after_at(a, b, content) {
            return Some(x);
        }
        let ws = self.ws(a, b);
        let mut last = ws.len();
        while last > 0 && ws[last - 1].is_punct() {
            last -= 1;
        }
        // `"…" at the rally, he said.`: an attribution closing the sentence.
        if let Some(c) = (1..last).rev().find(|&j| ws[j].text == ",") {
            if last - c <= 8
                && !ws[..c]
                    .iter()
                    .any(|w| matches!(w.text, "." | "!" | "?" | ";" | ":"))
            {
                if let Some(mut x) = self.parse_after_at(ws[c].start, b, ",") {
                    let tail = self.ws(x.end, ws[last - 1].end).len();
                    if tail <= 3 {
                        // `"…," X, a long apposition, said.`: X opens the window.
                        if x.speaker.is_none() {
                            let mut k = 0;
                            while k < ws.len() && ws[k].is_punct() && ws[k].text == "," {
                                k += 1;
                            }
                            let n = ws[k..c].iter().position(|w| w.text == ",").unwrap_or(0);
                            if n > 0 && self.valid_speaker(&ws[k..k + n]) {
                                x.speaker = Some(Span::new(ws[k].start, ws[k + n - 1].end));
                            }
                        }
                        return Some(x);
                    }
                }
            }
        }
        // `"…" — Jane Roe`: a dash and a bare name closing the window.
        if ws
            .first()
            .is_some_and(|w| matches!(w.text, "—" | "–" | "-"))
            && (2..=5).contains(&last)
            && ws[1..last]
                .iter()
                .all(|w| w.capitalised() || matches!(w.text, "." | "'" | "’"))
            && self.valid_speaker(&ws[1..last])
        {
            return Some(Attr {
                speaker: Some(Span::new(ws[1].start, ws[last - 1].end)),
                cue: None,
                side: Side::After,
                end: ws[last - 1].end,
            });
        }
        // `"…!" beamed Donald Hartley, …`: an unlisted past-tense verb, then a name.
        {
            let mut k = 0;
            while k < ws.len() && ws[k].text == "," {
                k += 1;
            }
            if let (Some(v), Some(n)) = (ws.get(k), ws.get(k + 1)) {
                let vl = v.lower();
                let open_end = content.ends_with([',', '?', '!', '—', '–', '-', '…']);
                if (open_end || k > 0)
                    && v.text.chars().all(|c| c.is_lowercase())
                    && vl.ends_with("ed")
                    && n.capitalised()
                {
                    if let Some(sp) = self.np_forward(&ws[k + 1..]) {
                        return Some(Attr {
                            speaker: Some(sp),
                            cue: Some(Span::new(v.start, v.end)),
                            side: Side::After,
                            end: sp.end,
                        });
                    }
                }
            }
        }
        // `"…?" Hannity pressed.`: a name and a past-tense verb closing the sentence.
        let ends_open = content.ends_with([',', '?', '!', '—', '–', '-', '…']);
        let mut k = 0;
        while k < ws.len() && ws[k].is_punct() && ws[k].text == "," {
            k += 1;
        }
        if (ends_open || k > 0) && last >= k + 2 && last - k <= 6 {
            let v = &ws[last - 1];
            let vl = v.lower();
            let verbish = v.text.chars().all(|c| c.is_lowercase())
                && (vl.ends_with("ed") || vl.ends_with("s") && !vl.ends_with("ss"));
            let phrase = &ws[k..last - 1];
            if verbish
                && self.valid_speaker(phrase)
                && ws
                    .get(last)
                    .is_none_or(|w| matches!(w.text, "." | "!" | "?"))
            {
                return Some(Attr {
                    speaker: Some(Span::new(phrase[0].start, phrase[phrase.len() - 1].end)),
                    cue: Some(Span::new(v.start, v.end)),
                    side: Side::After,
                    end: v.end,
                });
            }
        }
        None
    }

    fn parse_after_at(&self, a: usize, b: usize, content: &str) -> Option<Attr> {
        let ws = self.ws(a, b);
        let mut k = 0;
        let mut comma = false;
        while k < ws.len() && ws[k].is_punct() {
            if matches!(ws[k].text, "." | "!" | "?" | ";" | ":" | "(" | "[") {
                return None;
            }
            if matches!(ws[k].text, "," | "—" | "–" | "-") {
                comma = true;
            }
            k += 1;
        }
        let ends_open = content.ends_with([',', '?', '!', '—', '–', '-', '…']);
        if !comma && !ends_open {
            // `"…" he said` without a comma still counts when the cue comes at once.
            let first = ws.get(k)?;
            let lw = first.lower();
            // The cue at once, or a short name then the cue (`"…" Grubbs said.`).
            let cue_at = ws[k..]
                .iter()
                .take(5)
                .position(|w| lex::cue(&w.lower()).is_some_and(|c| !c.rumour));
            let quick = lex::cue(&lw).is_some()
                || cue_at.is_some_and(|c| {
                    c > 0
                        && ws[k..k + c].iter().all(|w| !w.is_punct())
                        && self.valid_speaker(&ws[k..k + c])
                });
            if !quick {
                return None;
            }
        }
        let ws = &ws[k..];
        // according to X
        if ws.len() >= 3 && ws[0].lower() == "according" && ws[1].lower() == "to" {
            let sp = self.np_forward(&ws[2..])?;
            return Some(Attr {
                speaker: Some(sp),
                cue: Some(Span::new(ws[0].start, ws[1].end)),
                side: Side::After,
                end: sp.end,
            });
        }
        // French and German "according to": `«…», selon X` / `„…“, laut X`.
        if ws.len() >= 2 && matches!(ws[0].lower().as_str(), "selon" | "laut") {
            let sp = self.np_forward(&ws[1..])?;
            return Some(Attr {
                speaker: Some(sp),
                cue: Some(Span::new(ws[0].start, ws[0].end)),
                side: Side::After,
                end: sp.end,
            });
        }
        // German `„…“, so X.`: "so" and a name closing the sentence.
        if comma && ws.len() >= 2 && ws[0].text == "so" {
            if let Some(sp) = self.np_forward(&ws[1..]) {
                let n = ws.iter().position(|w| w.end == sp.end).unwrap_or(0);
                let closes = ws
                    .get(n + 1)
                    .is_none_or(|w| matches!(w.text, "." | "!" | "?" | ","));
                let pron = lex::pronoun(&ws[1].lower()).is_some();
                if closes && !pron && ws[1..=n].iter().any(|w| w.capitalised()) {
                    return Some(Attr {
                        speaker: Some(sp),
                        cue: Some(Span::new(ws[0].start, ws[0].end)),
                        side: Side::After,
                        end: sp.end,
                    });
                }
            }
        }
        // French inversion with a glued pronoun: `«…», a-t-il affirmé` / `confie-t-elle`.
        if let Some(w0) = ws.first() {
            if let Some(pl) = lex::french_inverted_pronoun(w0.text) {
                let sp = Span::new(w0.end - pl, w0.end);
                let cue = ws
                    .get(1)
                    .filter(|w| lex::is_foreign_cue(&w.lower()))
                    .map_or_else(
                        || {
                            let stem = w0.text[..w0.text.len() - pl]
                                .trim_end_matches('-')
                                .trim_end_matches("-t");
                            Span::new(w0.start, w0.start + stem.len())
                        },
                        |w| Span::new(w.start, w.end),
                    );
                return Some(Attr {
                    speaker: Some(sp),
                    cue: Some(cue),
                    side: Side::After,
                    end: cue.end.max(sp.end),
                });
            }
        }
        // Find the first cue within the first 12 words, not past a clause break.
        let mut ci = None;
        for (j, w) in ws.iter().enumerate().take(14) {
            if matches!(w.text, "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”") {
                break;
            }
            let lw = w.lower();
            if let Some(c) = lex::cue(&lw) {
                if c.rumour {
                    return None;
                }
                // "…, he added" but not "…, the state said" as noun: require a verb reading.
                if j > 0 && lex::ambiguous_noun(&lw) && !w.text.chars().all(|c| c.is_lowercase()) {
                    continue;
                }
                ci = Some(j);
                break;
            }
            if lw == "according" && ws.get(j + 1).is_some_and(|x| x.lower() == "to") {
                break;
            }
        }
        let ci = ci?;
        let cue = Span::new(ws[ci].start, ws[ci].end);
        // Inversion: `said X`.
        let foreign = lex::is_foreign_cue(&ws[ci].lower());
        let mut pre = ci;
        while pre > 0
            && (adverb_or_aux(&ws[pre - 1]) || foreign && lex::is_foreign_aux(&ws[pre - 1].lower()))
        {
            pre -= 1;
        }
        if pre == 0 {
            let sp = self.np_forward(&ws[ci + 1..]);
            return Some(Attr {
                speaker: sp,
                cue: Some(cue),
                side: Side::After,
                end: sp.map_or(cue.end, |s| s.end),
            });
        }
        if lex::is_be(&ws[pre - 1].lower()) {
            // Passive ("it was said"): no speaker.
            return None;
        }
        let mut phrase = &ws[..pre];
        // `a spokesman, Jane Roe, said`: the name set off after a role.
        if let Some(name) = self.appositive_name(phrase) {
            phrase = name;
        }
        // `X, a senior official, said`: the name before the first comma.
        if let Some(c) = phrase.iter().position(|w| w.text == "," || w.text == "(") {
            if c == 0 {
                return None;
            }
            phrase = &phrase[..c];
        }
        let mut cue = cue;
        // `"…," X weighed in, telling Y`: the finite verb before the participle
        // is the cue, and X alone the speaker.
        if ws[ci].lower().ends_with("ing") {
            if let Some(v) = (1..phrase.len()).find(|&v| {
                let t = phrase[v].text;
                t.chars().all(|c| c.is_lowercase()) && t.ends_with("ed")
            }) {
                cue = Span::new(phrase[v].start, phrase[v].end);
                phrase = &phrase[..v];
            }
        }
        if !self.valid_speaker(phrase) {
            return None;
        }
        let sp = Span::new(phrase[0].start, phrase[phrase.len() - 1].end);
        Some(Attr {
            speaker: Some(sp),
            cue: Some(cue),
            side: Side::After,
            end: cue.end,
        })
    }

    /// `ROLE, Name,` (the words before a cue, ending in a comma): the name when a
    /// role description ("His spokesman", "a commission spokesman", "Le ministre de
    /// l'Agriculture") is followed by a name in commas.
    fn appositive_name<'a, 'w>(&self, phrase: &'a [Word<'w>]) -> Option<&'a [Word<'w>]> {
        if phrase.len() < 4 || phrase[phrase.len() - 1].text != "," {
            return None;
        }
        let inner = &phrase[..phrase.len() - 1];
        let c = inner.iter().rposition(|w| w.text == ",")?;
        let name = &inner[c + 1..];
        // The role phrase: back from the comma to a clause break.
        let mut r = c;
        while r > 0 && c - r < 8 {
            let w = &inner[r - 1];
            let l = w.lower();
            if w.is_punct() && !matches!(w.text, "'" | "’" | "-")
                || lex::is_clause_start(&l) && !matches!(l.as_str(), "of" | "for" | "at" | "de")
            {
                break;
            }
            r -= 1;
        }
        let role = &inner[r..c];
        if role.is_empty() || name.is_empty() || name.len() > 5 {
            return None;
        }
        let is_name = name
            .iter()
            .all(|w| w.capitalised() || matches!(w.text, "." | "-" | "'" | "’"))
            && name.iter().filter(|w| !w.is_punct()).count() >= 2
            && lex::pronoun(&name[0].lower()).is_none();
        // The role part: no comma of its own, and a lower-case word (a role noun).
        let is_role = role.len() <= 8
            && role
                .iter()
                .all(|w| !w.is_punct() || matches!(w.text, "'" | "’" | "-"))
            && role
                .iter()
                .any(|w| w.text.chars().next().is_some_and(|c| c.is_lowercase()))
            && !role.iter().any(|w| {
                let l = w.lower();
                lex::is_clause_start(&l) && !matches!(l.as_str(), "of" | "for" | "at" | "de")
                    || lex::cue(&l).is_some()
            });
        (is_name && is_role).then_some(name)
    }

    /// A speaker phrase: short, and a name, pronoun, role or group.
    fn valid_speaker(&self, phrase: &[Word]) -> bool {
        if phrase.is_empty() || phrase.len() > 10 {
            return false;
        }
        if phrase
            .iter()
            .any(|w| w.is_punct() && !matches!(w.text, "'" | "’" | "." | "-"))
        {
            return false;
        }
        let first = phrase[0].lower();
        if phrase.len() == 1 && lex::pronoun(&first).is_some() {
            return true;
        }
        // "Monday showed …": a day names no one.
        if phrase.len() == 1 && lex::is_weekday(&first) {
            return false;
        }
        // "he did not feel", "the piece I": a clause, not a name.
        if phrase.iter().any(|w| lex::pronoun(&w.lower()).is_some()) {
            return false;
        }
        if phrase.iter().any(|w| {
            let l = w.lower();
            let clause = lex::is_clause_start(&l)
                && !matches!(l.as_str(), "of" | "for" | "at" | "in" | "on" | "from");
            // Capitalised words are names here ("Will Doyle", "May", "Grant").
            let verb = !w.capitalised()
                && (lex::is_be(&l)
                    || matches!(
                        l.as_str(),
                        "can"
                            | "could"
                            | "should"
                            | "must"
                            | "would"
                            | "will"
                            | "may"
                            | "might"
                            | "had"
                            | "has"
                            | "have"
                    ));
            clause || verb
        }) {
            return false;
        }
        phrase.iter().any(|w| w.capitalised())
            || lex::is_determiner(&first)
            || phrase.iter().any(|w| lex::is_group_noun(&w.lower()))
    }

    /// A noun phrase at the start of `ws` (after an inverted cue or "according to").
    fn np_forward(&self, ws: &[Word]) -> Option<Span> {
        // `„…“, fügte er hinzu`: a subject pronoun stands alone (not `said it was`).
        if let Some(w) = ws.first() {
            let verb_next = ws
                .get(1)
                .is_some_and(|n| lex::is_be(&n.lower()) || adverb_or_aux(n));
            if !verb_next
                && lex::pronoun(&w.lower())
                    .is_some_and(|p| !matches!(p, Pronoun::Other | Pronoun::It))
            {
                return Some(Span::new(w.start, w.end));
            }
        }
        let mut end = 0;
        for (j, w) in ws.iter().enumerate() {
            if j >= 10 {
                break;
            }
            let l = w.lower();
            if w.is_punct() && !matches!(w.text, "'" | "’" | "-") {
                break;
            }
            let np_continues = matches!(l.as_str(), "of" | "from" | "at")
                && ws
                    .get(j + 1)
                    .is_some_and(|n| n.capitalised() || lex::is_determiner(&n.lower()));
            if j > 0 && lex::ends_inverted_speaker(&l) && !np_continues {
                break;
            }
            end = j + 1;
        }
        if end == 0 {
            return None;
        }
        let phrase = &ws[..end];
        // `said the mayor, Paul Roe` / `a dit le maire, Paul Roe`: a role in lower
        // case, then the name set off by a comma.
        let role = phrase.iter().all(|w| !w.capitalised())
            && (lex::is_determiner(&phrase[0].lower())
                || lex::is_foreign_article(&phrase[0].lower()));
        if role && ws.get(end).is_some_and(|w| w.text == ",") {
            let rest = &ws[end + 1..];
            let mut n = rest
                .iter()
                .take(5)
                .take_while(|w| w.capitalised() || matches!(w.text, "." | "-" | "'" | "’"))
                .count();
            while n > 0 && rest[n - 1].is_punct() {
                n -= 1;
            }
            let names = rest[..n].iter().filter(|w| w.capitalised()).count();
            if names >= 2 && self.valid_speaker(&rest[..n]) {
                return Some(Span::new(rest[0].start, rest[n - 1].end));
            }
        }
        let foreign_role = lex::is_foreign_article(&phrase[0].lower()) && phrase.len() >= 2;
        if !foreign_role && !self.valid_speaker(phrase) {
            return None;
        }
        if !(foreign_role
            || phrase.iter().any(|w| w.capitalised())
            || lex::pronoun(&phrase[0].lower()).is_some()
            || lex::is_determiner(&phrase[0].lower())
            || phrase.iter().any(|w| lex::is_group_noun(&w.lower())))
        {
            return None;
        }
        Some(Span::new(phrase[0].start, phrase[end - 1].end))
    }

    /// Attribution before a quote, within `[a, b)` (sentence start to the mark).
    fn parse_before(&self, a: usize, b: usize, rumour: &mut bool) -> Option<Attr> {
        // An attribution sits within a few hundred bytes of its quote.
        let a = self.floor_boundary(a.max(b.saturating_sub(WINDOW)));
        let ws = self.ws(a, b);
        if ws.is_empty() {
            return None;
        }
        // according to X, …
        for j in (0..ws.len().saturating_sub(2)).rev() {
            if ws[j].lower() == "according" && ws[j + 1].lower() == "to" {
                if let Some(sp) = self.np_forward(&ws[j + 2..]) {
                    return Some(Attr {
                        speaker: Some(sp),
                        cue: Some(Span::new(ws[j].start, ws[j + 1].end)),
                        side: Side::Before,
                        end: sp.end,
                    });
                }
            }
        }
        // French "selon X, « … »" at the start of the clause.
        for j in (0..ws.len().saturating_sub(1)).rev() {
            if ws[j].lower() == "selon" && (j == 0 || ws[j - 1].is_punct()) {
                if let Some(sp) = self.np_forward(&ws[j + 1..]) {
                    return Some(Attr {
                        speaker: Some(sp),
                        cue: Some(Span::new(ws[j].start, ws[j].end)),
                        side: Side::Before,
                        end: sp.end,
                    });
                }
            }
        }
        // The last cue.
        let mut ci = None;
        for j in (0..ws.len()).rev() {
            let lw = ws[j].lower();
            if let Some(c) = lex::cue(&lw) {
                if c.rumour {
                    *rumour = true;
                    return None;
                }
                // Nouns like "a report", "the statement": need a verb reading.
                // … and after a possessive ("the ministry's claim").
                let prev = if j > 0 {
                    ws[j - 1].lower()
                } else {
                    String::new()
                };
                let possessive = prev.ends_with("'s")
                    || prev.ends_with("’s")
                    || prev.ends_with("s'")
                    || prev.ends_with("s’");
                if j > 0 && (lex::is_determiner(&prev) || possessive) && lex::ambiguous_noun(&lw) {
                    continue;
                }
                if lex::ambiguous_noun(&lw) && ws[j].capitalised() {
                    continue;
                }
                // "to say", "saying" as a non-finite form far from a subject: still a cue.
                ci = Some(j);
                break;
            }
        }
        let Some(ci) = ci else {
            // `She then addressed the crowd: "…"`: the sentence's subject, no cue.
            if ws.last().is_some_and(|w| w.text == ":") {
                let sp = self.subject_np(&ws)?;
                // Only a clear speaker: a pronoun, a known entity or a full name.
                let words_in = self.ws(sp.start, sp.end);
                let clear = words_in.len() == 1 && lex::pronoun(&words_in[0].lower()).is_some()
                    || self.mention_overlaps(sp, |e| e.kind != EntityKind::Place)
                    || words_in.iter().filter(|w| w.capitalised()).count() >= 2
                        && words_in
                            .iter()
                            .any(|w| w.text.chars().any(|c| c.is_lowercase()));
                if !clear {
                    return None;
                }
                return Some(Attr {
                    speaker: Some(sp),
                    cue: None,
                    side: Side::Before,
                    end: ws[ws.len() - 1].end,
                });
            }
            return None;
        };
        let cue = Span::new(ws[ci].start, ws[ci].end);
        let foreign = lex::is_foreign_cue(&ws[ci].lower());
        let mut pre = ci;
        while pre > 0
            && (adverb_or_aux(&ws[pre - 1]) || foreign && lex::is_foreign_aux(&ws[pre - 1].lower()))
        {
            pre -= 1;
        }
        // `X urged …, saying "…"` / `X … and joked, "…"` / `upon saying "…"`: the
        // subject of the sentence.
        if pre > 0 {
            let p = ws[pre - 1].lower();
            let participle = ws[ci].lower().ends_with("ing");
            if (participle
                && (p == ","
                    || matches!(
                        p.as_str(),
                        "upon" | "after" | "before" | "while" | "when" | "by" | "in" | "without"
                    )))
                || (p == "and" && ci + 1 < ws.len())
            {
                // `X said … and added, "…"`: the subject of the earlier cue.
                let mut dummy = false;
                let earlier = if self.depth.get() < 2 {
                    self.depth.set(self.depth.get() + 1);
                    let x = self.parse_before(a, ws[pre - 1].start, &mut dummy);
                    self.depth.set(self.depth.get() - 1);
                    // Only a cue of the same clause: no comma between it and "and"
                    // (`As the crowd began to chant, X … and joked` is X's).
                    x.filter(|x| {
                        x.cue
                            .is_some_and(|c| !self.text[c.end..ws[pre - 1].start].contains(','))
                    })
                    .and_then(|x| x.speaker)
                } else {
                    None
                };
                let sp = earlier.or_else(|| self.subject_np(&ws[..pre - 1]))?;
                return Some(Attr {
                    speaker: Some(sp),
                    cue: Some(cue),
                    side: Side::Before,
                    end: cue.end,
                });
            }
        }
        if pre > 0 && lex::is_be(&ws[pre - 1].lower()) {
            // "is said to be", "was told": no named speaker.
            *rumour = true;
            return None;
        }
        if pre > 0 && ws[pre - 1].lower() == "to" {
            // "went on to say", "wanted to tell": subject further back; skip to verb.
            // Step back over the governing verb group ("went on", "wanted", "has").
            let mut k = pre - 1;
            while k > 0 && ci - k < 5 {
                let l = ws[k - 1].lower();
                let verbish = (l.ends_with("ed") && !ws[k - 1].capitalised())
                    || matches!(
                        l.as_str(),
                        "on" | "went"
                            | "go"
                            | "goes"
                            | "has"
                            | "have"
                            | "had"
                            | "would"
                            | "will"
                            | "like"
                            | "want"
                            | "wants"
                            | "need"
                            | "needs"
                            | "refused"
                            | "declined"
                            | "began"
                            | "begin"
                            | "begins"
                            | "start"
                            | "starts"
                            | "try"
                            | "tries"
                            | "seem"
                            | "seems"
                            | "continue"
                            | "continues"
                    );
                if !verbish {
                    break;
                }
                k -= 1;
            }
            pre = k;
        }
        if pre == 0 {
            // Inversion at sentence start: `Said X: "…"` or a cue with no subject.
            let sp = self.np_forward(&ws[ci + 1..]).filter(|s| s.end <= b);
            return sp.map(|sp| Attr {
                speaker: Some(sp),
                cue: Some(cue),
                side: Side::Before,
                end: sp.end,
            });
        }
        // Walk back over the subject phrase.
        let mut end = pre;
        // `X, who called him "…"`: the name before the relative clause.
        if end >= 2
            && matches!(ws[end - 1].lower().as_str(), "who" | "which")
            && ws[end - 2].text == ","
        {
            end -= 2;
        }
        // `His spokesman, Jane Roe, said`: the name in commas after a role.
        if let Some(name) = self.appositive_name(&ws[..end]) {
            let sp = Span::new(name[0].start, name[name.len() - 1].end);
            return Some(Attr {
                speaker: Some(sp),
                cue: Some(cue),
                side: Side::Before,
                end: cue.end,
            });
        }
        if ws[end - 1].text == "," {
            // appositive: `X, a spokesman, said`
            let mut k = end - 1;
            while k > 0 && ws[k - 1].text != "," {
                k -= 1;
            }
            if k == 0 {
                return None;
            }
            end = k - 1;
        }
        let start = subject_start(&ws, end, 10, true);
        let mut phrase = &ws[start..end];
        // Strip a leading "of X" fragment left by the walk.
        while phrase.first().is_some_and(|w| w.lower() == "of") {
            phrase = &phrase[1..];
        }
        if !self.valid_speaker(phrase) {
            // A cue with no subject we can read: keep the cue only if close.
            return None;
        }
        let sp = Span::new(phrase[0].start, phrase[phrase.len() - 1].end);
        Some(Attr {
            speaker: Some(sp),
            cue: Some(cue),
            side: Side::Before,
            end: cue.end,
        })
    }

    /// The subject at the start of a sentence: a pronoun, or a name (with its title).
    fn subject_np(&self, ws: &[Word]) -> Option<Span> {
        let mut i = 0;
        while i < ws.len()
            && (matches!(
                ws[i].lower().as_str(),
                "but"
                    | "and"
                    | "so"
                    | "then"
                    | "still"
                    | "meanwhile"
                    | "later"
                    | "also"
                    | "yet"
                    | "now"
            ) || ws[i].text == ",")
        {
            i += 1;
        }
        // `In an interview last year, X …`: skip an opening phrase up to its comma.
        if ws.get(i).is_some_and(|w| lex::is_clause_start(&w.lower())) {
            if let Some(c) = ws[i..].iter().position(|w| w.text == ",") {
                if c <= 12 {
                    i += c + 1;
                }
            }
        }
        let w0 = ws.get(i)?;
        let l0 = w0.lower();
        if lex::is_clause_start(&l0)
            || adverb_or_aux(w0)
            || matches!(
                l0.as_str(),
                "alongside"
                    | "among"
                    | "amid"
                    | "despite"
                    | "within"
                    | "across"
                    | "against"
                    | "behind"
                    | "below"
                    | "beyond"
                    | "near"
                    | "outside"
                    | "inside"
                    | "throughout"
                    | "toward"
                    | "towards"
                    | "upon"
                    | "via"
                    | "here"
                    | "there"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "it"
            )
        {
            return None;
        }
        if let Some(p) = lex::pronoun(&l0) {
            return (p != Pronoun::It).then(|| Span::new(w0.start, w0.end));
        }
        let mut j = i;
        if lex::is_determiner(&w0.lower()) {
            j += 1;
            while j < ws.len()
                && j - i < 4
                && !ws[j].is_punct()
                && lex::cue(&ws[j].lower()).is_none()
                && !lex::is_clause_start(&ws[j].lower())
                && !adverb_or_aux(&ws[j])
            {
                j += 1;
            }
        } else {
            while j < ws.len()
                && j - i < 6
                && (ws[j].capitalised()
                    || (j > i
                        && matches!(ws[j].lower().as_str(), "of" | "de" | "van" | "von" | "al"))
                        && ws.get(j + 1).is_some_and(|n| n.capitalised()))
            {
                j += 1;
            }
        }
        if j == i || (j == i + 1 && lex::is_determiner(&l0)) {
            return None;
        }
        let phrase = &ws[i..j];
        if !self.valid_speaker(phrase) {
            return None;
        }
        Some(Span::new(phrase[0].start, phrase[phrase.len() - 1].end))
    }

    fn kind(&self, m: &Marked, attr: Option<&Attr>, rumour: bool, left_empty: bool) -> QuoteKind {
        let text = self.text;
        if self.paras[m.para].kind == ParagraphKind::Blockquote {
            return QuoteKind::Block;
        }
        let content = &text[m.content.start..m.content.end];
        let (s0, _) = self.sentence_of(m.para, m.open);
        let lead = text[s0..m.open].trim();
        let first = content
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '.' || *c == '…');
        let upper =
            first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '…');
        let wc = word_count(content);
        // What lies between the left attribution and the quote.
        let between_attr = match attr {
            Some(a) if a.side == Side::Before && a.end <= m.open => text[a.end..m.open].trim(),
            _ => lead,
        };
        let starts_sentence = lead.is_empty()
            || lead.ends_with(':')
            || between_attr.is_empty()
            || matches!(between_attr, "," | ":" | "that" | ", that" | "—" | "-")
            || left_empty && !lead.is_empty() && lead.ends_with([',', '—'])
            // `X pointed out in December, "…"`: only a short adjunct after the cue.
            || attr.is_some_and(|a| a.side == Side::Before)
                && between_attr.ends_with([',', ':'])
                && word_count(between_attr) <= 5
                && !between_attr.contains(['.', ';']);
        if m.cont_prev {
            return QuoteKind::Direct;
        }
        // A title ("Meet the Press", "The Walking Dead"): named, not quoted.
        let title = is_title_case(content.trim_end_matches(['.', ',']));
        let bare_title = title && attr.is_none() && !content.ends_with(['.', ',']) && wc <= 4;
        if bare_title
            || title
                && (!starts_sentence || lead.ends_with(|c: char| c.is_lowercase()))
                && !(starts_sentence && attr.is_some_and(|a| a.side == Side::After))
        {
            return QuoteKind::Scare;
        }
        if starts_sentence && (upper || wc >= 8) {
            return QuoteKind::Direct;
        }
        if attr.is_some() || rumour {
            return QuoteKind::Partial;
        }
        if self.echoes_heading(content) {
            return QuoteKind::Scare;
        }
        if starts_sentence && wc >= 4 {
            return QuoteKind::Direct;
        }
        if wc <= 4 {
            QuoteKind::Scare
        } else {
            QuoteKind::Partial
        }
    }

    /// The quoted words repeat a title, heading or removed chrome line.
    fn echoes_heading(&self, content: &str) -> bool {
        let n = norm_words(content);
        if word_count(content) < 3 || n.is_empty() {
            return false;
        }
        self.headings
            .get_or_init(|| self.heading_lines())
            .iter()
            .any(|l| l.contains(&n))
    }

    fn heading_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .paras
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading))
            .map(|p| norm_words(&self.text[p.span.start..p.span.end]))
            .collect();
        lines.extend(self.doc.chrome.iter().map(|c| norm_words(&c.text)));
        if let Some(t) = &self.doc.meta.title {
            lines.push(norm_words(t));
        }
        // Title-case lines in the body (teasers kept in the text).
        for p in &self.paras {
            let t = &self.text[p.span.start..p.span.end];
            let ws: Vec<&str> = t.split_whitespace().collect();
            if ws.len() >= 3 && ws.len() <= 20 && !t.contains(['“', '"']) {
                let caps = ws
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                    .count();
                if caps * 10 >= ws.len() * 7 {
                    lines.push(norm_words(t));
                }
            }
        }
        lines
    }

    /// True when a mention of an entity that passes `keep` overlaps `sp` (a binary
    /// search over the sorted mentions, not a scan of every entity).
    fn mention_overlaps(&self, sp: Span, keep: impl Fn(&unspin_doc::Entity) -> bool) -> bool {
        let lo = self
            .mentions
            .partition_point(|(s, _, _)| s.start + self.mention_max_len <= sp.start);
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < sp.end);
        self.mentions[lo..hi.max(lo)]
            .iter()
            .any(|(s, ei, _)| s.overlaps(&sp) && keep(&self.doc.entities[*ei]))
    }

    /// Speaker span → `Speaker` with entity resolution.
    fn resolve(&self, sp: Span) -> Speaker {
        let text = self.text;
        let stext = text[sp.start..sp.end].to_string();
        let ents = &self.doc.entities;
        let lower = stext.to_lowercase();
        let mut entity = None;
        let mut name = stext.clone();
        // A mention inside the phrase (prefer a person, then the last one).
        let mut best: Option<(usize, bool, usize)> = None; // (entity, is_person, start)
        let lo = self
            .mentions
            .partition_point(|(s, _, _)| s.start + self.mention_max_len <= sp.start);
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < sp.end);
        // In (entity, mention) order, as the choice below breaks ties by it.
        let mut near: Vec<(usize, usize, Span)> = self.mentions[lo..hi.max(lo)]
            .iter()
            .filter(|(s, _, _)| s.overlaps(&sp))
            .map(|&(s, ei, j)| (ei, j, s))
            .collect();
        near.sort_unstable_by_key(|&(ei, j, _)| (ei, j));
        for (ei, _, mspan) in near {
            let e = &ents[ei];
            // `A diplomat in Washington`: a place after a preposition only
            // locates the speaker.
            if e.kind == EntityKind::Place && self.after_preposition(sp.start, mspan.start) {
                continue;
            }
            // `a Senate aide`, `one Kremlin official`: a name modifying the head
            // noun of an unnamed speaker.
            // (Only the first and last words matter: short windows keep this
            // linear when a phrase is long.)
            let first_end = self.floor_boundary(mspan.start.min(sp.start + 64));
            let indefinite = self.ws(sp.start, first_end).first().is_some_and(|w| {
                matches!(w.lower().as_str(), "a" | "an" | "one" | "some" | "several")
            });
            let tail_start = mspan
                .end
                .min(sp.end)
                .max(self.floor_boundary(sp.end.saturating_sub(64)));
            let head_after = self
                .ws(tail_start, sp.end)
                .last()
                .is_some_and(|w| w.text.chars().next().is_some_and(char::is_lowercase));
            if e.kind != EntityKind::Person && indefinite && head_after {
                continue;
            }
            let person = e.kind == EntityKind::Person;
            let better = match best {
                None => true,
                Some((_, bp, bs)) => {
                    // The head of an English noun phrase comes last:
                    // "Sanders campaign manager Jeff Weaver" is Weaver.
                    (person && !bp) || (person == bp && mspan.start > bs)
                }
            };
            if better {
                best = Some((ei, person, mspan.start));
            }
        }
        if let Some((ei, _, _)) = best {
            entity = Some(ei);
        } else if let Some(p) = lex::pronoun(&lower) {
            match self.resolve_pronoun(p, sp.start) {
                Some(Ok(ei)) => entity = Some(ei),
                Some(Err(group)) => name = text[group.start..group.end].to_string(),
                None => {}
            }
        } else if let Some(ei) = self.role_entity(&lower, sp.start) {
            entity = Some(ei);
        } else if description_kind(&lower) == Some(false) {
            // "the company" → the nearest org. ("The magazine" is the entities
            // stage's to link to its outlet: a description it left alone was
            // ambiguous.)
            entity = self.nearest_entity(sp.start, |e| e.kind == EntityKind::Org, 3);
        }
        if let Some(ei) = entity {
            name = ents[ei].name.clone();
        }
        Speaker {
            span: sp,
            entity,
            name,
        }
    }

    /// The last word of `[a, b)` is a preposition ("in", "at", "of", …).
    fn after_preposition(&self, a: usize, b: usize) -> bool {
        self.ws(a, b).last().is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "in" | "at" | "from" | "of" | "for" | "near" | "de" | "à" | "aus" | "bei" | "im"
            )
        })
    }

    /// A definite role description ("the governor", "the spokesman", "die Ministerin")
    /// → the last person introduced before `pos` with that title or role next to a
    /// mention ("Gov. Mark Roe", "spokesman Jim Poe", "Wirtschaftsministerin X").
    fn role_entity(&self, lower: &str, pos: usize) -> Option<usize> {
        let mut parts = lower.split_whitespace();
        let det = parts.next()?;
        let role = parts.next()?;
        if parts.next().is_some()
            || !matches!(det, "the" | "der" | "die" | "le" | "la")
            || description_kind(lower).is_some()
            || role.len() < 3
            || !role.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let abbrev = role_abbrev(role);
        let fits = |w: &str| {
            let w = w.trim_end_matches('.').to_lowercase();
            w == role
                || abbrev.is_some_and(|a| w == a)
                || w.chars().count() > role.chars().count() + 3 && w.ends_with(role)
        };
        // The latest titled person mention ending by `pos` (equal starts: the
        // first entity), walking the mention index backwards.
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < pos);
        let mut best: Option<(usize, usize)> = None;
        for &(span, ei, j) in self.mentions[..hi].iter().rev() {
            // (A role names someone introduced in the article's last ~50 kB.)
            if best.is_some_and(|(_, bs)| span.start < bs) || span.start + 50_000 < pos {
                break;
            }
            let e = &self.doc.entities[ei];
            if e.kind != EntityKind::Person
                || e.mentions[j].reference
                || span.end > pos
                || self.in_content(span.start)
                || best.is_some_and(|(bi, _)| ei >= bi)
            {
                continue;
            }
            let a = self.floor_boundary(span.start.saturating_sub(60));
            let before = self.ws(a, span.start);
            let near: Vec<&Word> = before
                .iter()
                .rev()
                .take_while(|w| !matches!(w.text, "." | "!" | "?" | ";"))
                .filter(|w| !w.is_punct())
                .take(3)
                .collect();
            let inside = self.ws(span.start, span.end);
            let titled =
                near.iter().any(|w| fits(w.text)) || inside.iter().take(2).any(|w| fits(w.text));
            if titled {
                best = Some((ei, span.start));
            }
        }
        best.map(|b| b.0)
    }

    fn para_index(&self, pos: usize) -> usize {
        self.paras
            .partition_point(|p| p.span.end < pos)
            .min(self.paras.len().saturating_sub(1))
    }

    /// Nearest entity mention before `pos` (outside quotes) of a fitting kind, within
    /// `max_paras` paragraphs.
    fn nearest_entity(
        &self,
        pos: usize,
        fits: impl Fn(&unspin_doc::Entity) -> bool,
        max_paras: usize,
    ) -> Option<usize> {
        let pi = self.para_index(pos);
        let min_start = self
            .paras
            .get(pi.saturating_sub(max_paras))
            .map_or(0, |p| p.span.start);
        // The latest-starting fitting mention that ends by `pos`; among equal
        // starts the first entity.
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < pos);
        let mut best: Option<(usize, usize)> = None;
        for &(s, ei, _) in self.mentions[..hi].iter().rev() {
            if s.start < min_start || best.is_some_and(|(_, bs)| s.start < bs) {
                break;
            }
            if s.end <= pos
                && !self.in_content(s.start)
                && best.is_none_or(|(bi, _)| ei < bi)
                && fits(&self.doc.entities[ei])
            {
                best = Some((ei, s.start));
            }
        }
        best.map(|b| b.0)
    }

    /// An entity's gender when its mentions show it ("Mr.", "Mrs.", "she").
    fn gender(&self, e: &unspin_doc::Entity) -> Option<Pronoun> {
        let key = e as *const unspin_doc::Entity as usize;
        if let Some(g) = self.genders.borrow().get(&key) {
            return *g;
        }
        let g = self.gender_uncached(e);
        self.genders.borrow_mut().insert(key, g);
        g
    }

    fn gender_uncached(&self, e: &unspin_doc::Entity) -> Option<Pronoun> {
        // Titles and pronoun mentions decide; else the pronouns that follow its
        // mentions in the same sentence vote ("Smith said that he …").
        let (mut he, mut she) = (0, 0);
        for m in &e.mentions {
            let end = self.floor_boundary((m.span.end + 80).min(self.text.len()));
            for w in self.ws(m.span.end, end).iter().take(12) {
                if matches!(w.text, "." | "!" | "?" | "\"" | "“" | "”") {
                    break;
                }
                match w.text {
                    "he" | "his" | "himself" => he += 1,
                    "she" | "her" | "hers" | "herself" => she += 1,
                    _ => continue,
                }
                break;
            }
        }
        // A title just before a mention ("Ms. [Kane]", "Herr [Roe]").
        let (mut he_t, mut she_t) = (0, 0);
        for m in e.mentions.iter().filter(|m| !m.reference) {
            let a = self.floor_boundary(m.span.start.saturating_sub(8));
            if let Some(w) = self.ws(a, m.span.start).last() {
                match w.text.trim_end_matches('.').to_lowercase().as_str() {
                    "mr" | "herr" | "m" => he_t += 1,
                    "ms" | "mrs" | "miss" | "frau" | "mme" => she_t += 1,
                    _ => {}
                }
            }
        }
        match he_t.cmp(&she_t) {
            std::cmp::Ordering::Greater => return Some(Pronoun::He),
            std::cmp::Ordering::Less => return Some(Pronoun::She),
            std::cmp::Ordering::Equal => {}
        }
        for m in &e.mentions {
            let t = self.text[m.span.start..m.span.end].to_lowercase();
            if t.starts_with("mr.")
                || t.starts_with("mr ")
                || matches!(t.as_str(), "he" | "him" | "his")
            {
                return Some(Pronoun::He);
            }
            if ["mrs.", "mrs ", "ms.", "ms ", "miss "]
                .iter()
                .any(|x| t.starts_with(x))
                || matches!(t.as_str(), "she" | "her" | "hers")
            {
                return Some(Pronoun::She);
            }
        }
        match he.cmp(&she) {
            std::cmp::Ordering::Greater => Some(Pronoun::He),
            std::cmp::Ordering::Less => Some(Pronoun::She),
            std::cmp::Ordering::Equal => None,
        }
    }

    fn in_content(&self, pos: usize) -> bool {
        self.quote_at(pos)
            .is_some_and(|m| m.content.start <= pos && pos < m.content.end)
    }

    /// he/she → nearest person; they/it → nearest outlet/org (or a group phrase).
    fn resolve_pronoun(&self, p: Pronoun, pos: usize) -> Option<Result<usize, Span>> {
        match p {
            Pronoun::He | Pronoun::She => self
                .nearest_entity(
                    pos,
                    |e| e.kind == EntityKind::Person && self.gender(e).is_none_or(|g| g == p),
                    6,
                )
                .map(Ok),
            Pronoun::It => self
                .nearest_entity(
                    pos,
                    |e| matches!(e.kind, EntityKind::Outlet | EntityKind::Org),
                    3,
                )
                .map(Ok),
            Pronoun::They => {
                if let Some(e) = self.nearest_entity(
                    pos,
                    |e| matches!(e.kind, EntityKind::Outlet | EntityKind::Org),
                    3,
                ) {
                    return Some(Ok(e));
                }
                // A plural group phrase ("officials", "some advisers").
                let pi = self.para_index(pos);
                let a = self.paras[pi.saturating_sub(2)].span.start;
                // Searched backwards in growing windows (starting at a space), so
                // the usual near hit does not tokenise two whole paragraphs.
                let mut size = 512;
                loop {
                    let from = if pos.saturating_sub(a) > size {
                        let x = self.floor_boundary(pos - size);
                        self.text[x..pos]
                            .find(char::is_whitespace)
                            .map_or(a, |i| x + i)
                    } else {
                        a
                    };
                    let whole = from == a;
                    let ws = self.ws(from, pos);
                    for j in (0..ws.len()).rev() {
                        if self.in_content(ws[j].start) {
                            continue;
                        }
                        if lex::is_group_noun(&ws[j].lower()) {
                            if j < 3 && !whole {
                                break; // its determiners may lie before the window
                            }
                            let mut s = j;
                            while s > 0
                                && j - s < 3
                                && !ws[s - 1].is_punct()
                                && (lex::is_determiner(&ws[s - 1].lower())
                                    || ws[s - 1].capitalised())
                            {
                                s -= 1;
                            }
                            return Some(Err(Span::new(ws[s].start, ws[j].end)));
                        }
                    }
                    if whole {
                        return None;
                    }
                    size *= 4;
                }
            }
            Pronoun::Other => None,
        }
    }

    /// Block quotes without marks (HTML `<blockquote>`): the whole paragraph, credited
    /// to an embedded-post signature (`— Jane Roe (@jroe) May 1`), the attribution
    /// introducing it (`X wrote:` at the end of the previous paragraph) or the block
    /// before it in the same run.
    fn blocks(&self) -> Vec<Quote> {
        let text = self.text;
        let mut out: Vec<Quote> = vec![];
        let mut prev_block: Option<(usize, Option<Speaker>, Option<Span>)> = None;
        for (pi, p) in self.paras.iter().enumerate() {
            if p.kind != ParagraphKind::Blockquote {
                continue;
            }
            // Marked quotes inside are already reported (as blocks).
            let a = self.marked.partition_point(|m| m.para < pi);
            if self.marked.get(a).is_some_and(|m| m.para == pi) {
                prev_block = None;
                continue;
            }
            let t = &text[p.span.start..p.span.end];
            let mut speaker = None;
            let mut cue = None;
            let mut span = p.span;
            // Embedded post signature: "— Name (@handle) date".
            if let Some(dash) = t.rfind(['—', '–']) {
                let after = &t[dash..];
                let name_start =
                    p.span.start + dash + after.chars().next().map_or(0, char::len_utf8);
                let ws = self.ws(name_start, p.span.end);
                let n = ws
                    .iter()
                    .take_while(|w| w.capitalised() || matches!(w.text, "." | "-"))
                    .count();
                if n > 0
                    && ws.get(n).is_some_and(|w| w.text == "(")
                    && ws.get(n + 1).is_some_and(|w| w.text == "@")
                {
                    speaker = Some(self.resolve(Span::new(ws[0].start, ws[n - 1].end)));
                    let body = t[..dash].trim_end();
                    if !body.is_empty() {
                        span = Span::new(p.span.start, p.span.start + body.len());
                    }
                }
            }
            if speaker.is_none() {
                if let Some((ppi, sp, cu)) = &prev_block {
                    if *ppi + 1 == pi {
                        speaker = sp.clone();
                        cue = *cu;
                    }
                }
            }
            if speaker.is_none() && pi > 0 && self.paras[pi - 1].kind != ParagraphKind::Blockquote {
                let pp = self.paras[pi - 1].span;
                let (s0, _) = self.sentence_of(pi - 1, pp.end.saturating_sub(1));
                let mut dummy = false;
                if let Some(at) = self.parse_before(s0, pp.end, &mut dummy) {
                    speaker = at.speaker.map(|s| self.resolve(s));
                    cue = at.cue;
                }
            }
            let q = Quote {
                span,
                kind: QuoteKind::Block,
                speaker: speaker.clone(),
                cue,
            };
            prev_block = Some((pi, speaker, cue));
            out.push(q);
        }
        out
    }

    /// Broadcast transcript turns: paragraphs opening with a speaker label
    /// (`JANE ROE, HOST: …`, `ROE: …`, `Jane Roe: …`). Each turn is a direct quote by
    /// the labelled speaker, resolved to the person introduced with that name. Only
    /// read when the article has at least three such turns by two or more speakers.
    fn transcript(&self) -> Vec<Quote> {
        let text = self.text;
        let mut turns: Vec<(Span, Span)> = vec![]; // (label, content)
        for p in &self.paras {
            if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::Blockquote) {
                continue;
            }
            let t = &text[p.span.start..p.span.end];
            if let Some((label, body)) = transcript_label(t) {
                let b0 = p.span.start + body;
                // A headline after the label ("Jane Roe: Taxes Are Too High") is not
                // a turn.
                if b0 < p.span.end && !headline_like(&text[b0..p.span.end]) {
                    turns.push((
                        Span::new(p.span.start, p.span.start + label),
                        Span::new(b0, p.span.end),
                    ));
                }
            }
        }
        // One label style per transcript: with upper-case labels (`ROE:`), a
        // mixed-case "Jane Roe: …" line is a headline or note.
        let is_upper = |l: &Span| !text[l.start..l.end].chars().any(char::is_lowercase);
        if turns.iter().any(|(l, _)| is_upper(l)) {
            turns.retain(|(l, _)| is_upper(l));
        }
        // Speakers keyed by the last word of the label ("RACHEL ROE" and "ROE").
        let mut names: Vec<String> = turns
            .iter()
            .filter_map(|(l, _)| text[l.start..l.end].split_whitespace().last())
            .map(str::to_lowercase)
            .collect();
        names.sort();
        names.dedup();
        // A conversation: two or more speakers, and someone speaks twice (a list
        // of "Name: position" items has each name once).
        if turns.len() < 3 || names.len() < 2 || names.len() == turns.len() {
            return vec![];
        }
        turns
            .into_iter()
            .filter(|(_, c)| {
                // Turns made of one marked quote are already reported.
                !self
                    .marked
                    .iter()
                    .any(|m| m.open <= c.start && c.end <= m.close_end)
            })
            .map(|(label, content)| Quote {
                span: content,
                kind: QuoteKind::Direct,
                speaker: Some(self.resolve_label(label)),
                cue: None,
            })
            .collect()
    }

    /// A transcript label ("RACHEL ROE", "ROE") → the person whose name holds its words.
    fn resolve_label(&self, label: Span) -> Speaker {
        let lt = self.text[label.start..label.end].to_lowercase();
        let cached = self.labels.borrow().get(&lt).copied();
        let best = match cached {
            Some(b) => b,
            None => {
                let b = self.label_entity(&lt);
                self.labels.borrow_mut().insert(lt, b);
                b
            }
        };
        match best {
            Some(ei) => Speaker {
                span: label,
                entity: Some(ei),
                name: self.doc.entities[ei].name.clone(),
            },
            None => self.resolve(label),
        }
    }

    /// The person entity whose name holds every word of the lowercased label `lt`
    /// (the most mentioned, the first on a tie).
    fn label_entity(&self, lt: &str) -> Option<usize> {
        let lw: Vec<&str> = lt.split_whitespace().collect();
        let mut best: Option<(usize, usize)> = None; // (entity, mentions)
        for (ei, e) in self.doc.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let name = e.name.to_lowercase();
            let nw: Vec<&str> = name
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .filter(|w| !w.is_empty())
                .collect();
            if lw.iter().all(|w| nw.contains(w)) && best.is_none_or(|(_, n)| e.mentions.len() > n) {
                best = Some((ei, e.mentions.len()));
            }
        }
        best.map(|(ei, _)| ei)
    }

    /// Interview answers: paragraphs opening with `A:` after `Q:` ones; the speaker
    /// is the interviewee named in the introduction.
    fn interview(&self) -> Vec<Quote> {
        let text = self.text;
        let is_q = |p: &Para| qa_prefix(&text[p.span.start..p.span.end], true).is_some();
        let is_a = |p: &Para| qa_prefix(&text[p.span.start..p.span.end], false).is_some();
        let Some(first_q) = self.paras.iter().position(is_q) else {
            return vec![];
        };
        if !self.paras.iter().any(is_a) {
            return vec![];
        }
        let intro_end = self.paras[first_q].span.start;
        // The interviewee: "interview with X", "spoke with X", … else the most mentioned person.
        let mut speaker: Option<Span> = None;
        let ws = self.ws(0, intro_end);
        for j in 0..ws.len() {
            let l = ws[j].lower();
            if (l == "with" || l == "to") && j > 0 {
                let prev = ws[j - 1].lower();
                if matches!(
                    prev.as_str(),
                    "interview"
                        | "spoke"
                        | "talked"
                        | "down"
                        | "conversation"
                        | "chat"
                        | "sat"
                        | "q&a"
                        | "speaks"
                        | "talks"
                        | "spoken"
                        | "exchange"
                ) {
                    let mut k = j + 1;
                    let s = k;
                    while k < ws.len()
                        && (ws[k].capitalised() || (k > s && lex::is_abbrev(ws[k].text)))
                        && !ws[k].is_punct()
                    {
                        k += 1;
                    }
                    if k > s {
                        speaker = Some(Span::new(ws[s].start, ws[k - 1].end));
                        break;
                    }
                }
            }
        }
        let mut resolved = speaker.map(|s| self.resolve(s));
        if resolved.is_none() {
            let mut best: Option<(usize, usize)> = None;
            for (ei, e) in self.doc.entities.iter().enumerate() {
                if e.kind != EntityKind::Person {
                    continue;
                }
                let c = e
                    .mentions
                    .iter()
                    .filter(|m| m.span.end <= intro_end)
                    .count();
                if c > 0 && best.is_none_or(|(_, bc)| c > bc) {
                    best = Some((ei, c));
                }
            }
            if let Some((ei, _)) = best {
                let e = &self.doc.entities[ei];
                let m = e.mentions.iter().find(|m| m.span.end <= intro_end).unwrap();
                resolved = Some(Speaker {
                    span: m.span,
                    entity: Some(ei),
                    name: e.name.clone(),
                });
            }
        }
        let mut out = vec![];
        for p in self.paras.iter().skip(first_q) {
            if !is_a(p) {
                continue;
            }
            let t = &text[p.span.start..p.span.end];
            let skip = qa_prefix(t, false).unwrap_or(0);
            let body = &t[skip..];
            let lead = body.len() - body.trim_start().len();
            let start = p.span.start + skip + lead;
            if start >= p.span.end
                || self
                    .marked
                    .iter()
                    .any(|m| m.content.start <= start && start < m.content.end)
            {
                continue;
            }
            out.push(Quote {
                span: Span::new(start, p.span.end),
                kind: QuoteKind::Direct,
                speaker: resolved.clone(),
                cue: None,
            });
        }
        out
    }

    /// Reported speech without quotation marks: `X said (that) …`, `according to X, …`,
    /// `…, X said.`
    fn indirect(&self, direct: &[Span], found: &[Quote]) -> Vec<Quote> {
        let text = self.text;
        let mut out = vec![];
        // Direct quotes with a cue, by start, for `added_after_direct`.
        debug_assert!(direct.windows(2).all(|w| w[0].end <= w[1].start));
        let mut cued: Vec<&Quote> = found
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct && q.cue.is_some())
            .collect();
        cued.sort_by_key(|q| q.span.start);
        for (pi, p) in self.paras.iter().enumerate() {
            if !matches!(
                p.kind,
                ParagraphKind::Body
                    | ParagraphKind::ListItem
                    | ParagraphKind::Blockquote
                    | ParagraphKind::Title
            ) {
                continue;
            }
            let b = &self.bounds[pi];
            for (k, &s0) in b.iter().enumerate() {
                let s1 = b.get(k + 1).copied().unwrap_or(p.span.end);
                // Sentences holding a direct quote, or marks we could not pair, are
                // not reported speech; partial and scare quotes may sit inside.
                let sent = &text[s0..s1];
                let stray = sent.char_indices().any(|(i, c)| {
                    matches!(c, '“' | '”' | '"' | '„' | '«' | '»') && !self.in_quote(s0 + i)
                });
                let sp = Span::new(s0, s1);
                let di = direct.partition_point(|d| d.end <= sp.start);
                if stray {
                    continue;
                }
                if direct.get(di).is_some_and(|d| d.overlaps(&sp)) {
                    out.extend(self.added_after_direct(sp, direct, &cued));
                    continue;
                }
                if let Some(q) = self.indirect_in(s0, s1) {
                    // A clause made mostly of quoted words is reported too (a "mixed"
                    // quote): the clause is the attributed claim, its partial quotes
                    // the exact words.
                    out.extend(self.split_added(q));
                }
            }
        }
        out
    }

    /// "“…,” Lee said, adding that CLAUSE.": after the attribution of the last direct
    /// quote in sentence `sent`, a participle cue reports more, by the same speaker.
    /// `cued`: the direct quotes that have a cue, sorted by start.
    fn added_after_direct(&self, sent: Span, direct: &[Span], cued: &[&Quote]) -> Option<Quote> {
        let hi = cued.partition_point(|q| q.span.start < sent.end);
        let d = cued[..hi]
            .iter()
            .rev()
            .take_while(|q| q.span.start >= sent.start)
            .find(|q| sent.contains(&q.span))?;
        let speaker = d.speaker.clone()?;
        let from = d
            .span
            .end
            .max(speaker.span.end)
            .max(d.cue.map_or(0, |c| c.end));
        // Past the closing mark of the quote itself.
        let from = marks_containing(direct, d.span).fold(from, usize::max);
        let ws = self.ws(from, sent.end);
        let mut last = ws.len();
        while last > 0 && ws[last - 1].is_punct() {
            last -= 1;
        }
        let j = (1..last.saturating_sub(3))
            .find(|&j| ws[j - 1].text == "," && lex::report_participle(&ws[j].lower()))?;
        // Only the attribution may stand between the quote and the participle.
        if j > 6 || ws[..j - 1].iter().any(|w| w.is_punct() && w.text != ",") {
            return None;
        }
        let mut k = j + 1;
        if ws[k].lower() == "that" {
            k += 1;
        }
        if last < k + 3 || ws[k].is_punct() {
            return None;
        }
        let span = Span::new(ws[k].start, ws[last - 1].end);
        if mark_overlaps(direct, span) {
            return None;
        }
        Some(Quote {
            span,
            kind: QuoteKind::Indirect,
            speaker: Some(speaker),
            cue: Some(Span::new(ws[j].start, ws[j].end)),
        })
    }

    /// The subject that opens a sentence, `ws` its words before some later verb: a
    /// pronoun, or a run of capitalised words ("Sen. Ann Lee"), followed by a
    /// lowercase word (its verb).
    fn leading_subject<'a, 'w>(&self, ws: &'a [Word<'w>]) -> Option<&'a [Word<'w>]> {
        let first = ws.first()?;
        let fl = first.lower();
        if lex::is_clause_start(&fl)
            || matches!(
                fl.as_str(),
                "in" | "on" | "at" | "by" | "for" | "from" | "with" | "after" | "before" | "during"
                    // "No media card, no proof, …": a negated list, not a subject.
                    | "no" | "not" | "neither" | "none" | "yes"
            )
        {
            return None;
        }
        let end = if lex::pronoun(&first.lower()).is_some() {
            1
        } else {
            let mut e = 0;
            while e < ws.len()
                && (ws[e].capitalised() || e > 0 && matches!(ws[e].text, "." | "-" | "'" | "’"))
            {
                e += 1;
            }
            e
        };
        // "Other experts welcomed …": a capitalised determiner opens a common noun
        // phrase, not a name; its head noun follows.
        if end == 1 && lex::is_determiner(&first.lower()) {
            let head = ws.get(1).filter(|w| {
                !w.capitalised() && w.text.chars().all(char::is_alphabetic) && w.text.len() > 2
            });
            return head.map(|_| &ws[..2]).filter(|p| self.valid_speaker(p));
        }
        let phrase = &ws[..end];
        let verb_next = ws
            .get(end)
            .is_some_and(|w| !w.capitalised() && !w.is_punct());
        (end > 0 && verb_next && self.valid_speaker(phrase)).then_some(phrase)
    }

    /// "Lee said A, adding that B": two reports by one speaker. Splits an indirect
    /// quote at a comma followed by a participle cue; otherwise returns it whole.
    fn split_added(&self, q: Quote) -> Vec<Quote> {
        let ws = self.ws(q.span.start, q.span.end);
        let at = (3..ws.len().saturating_sub(4))
            .find(|&i| ws[i - 1].text == "," && lex::report_participle(&ws[i].lower()));
        // "Lee said A and said B" / "… and told reporters that B": the same speaker
        // reports twice.
        let again = (3..ws.len().saturating_sub(4)).find(|&i| {
            let l = ws[i + 1].lower();
            ws[i].lower() == "and"
                && lex::cue(&l).is_some_and(|c| c.speech && !c.rumour)
                && (l.ends_with("ed") || l.ends_with('s') || matches!(l.as_str(), "said" | "told"))
        });
        if let Some(i) = again {
            let mut k = i + 2;
            if let Some(t) = ws[k..(k + 4).min(ws.len())]
                .iter()
                .position(|w| w.lower() == "that")
                .filter(|&t| !ws[k..k + t].iter().any(|w| w.is_punct()))
            {
                k += t + 1;
            }
            if ws.len() - k >= 3 && ws[i - 1].end > q.span.start {
                let first = Quote {
                    span: Span::new(q.span.start, ws[i - 1].end),
                    ..q.clone()
                };
                let second = Quote {
                    span: Span::new(ws[k].start, q.span.end),
                    cue: Some(Span::new(ws[i + 1].start, ws[i + 1].end)),
                    ..q
                };
                return vec![first, second];
            }
        }
        let Some(i) = at else {
            // "Lee said A, but Kim said B": a second report with its own speaker.
            for i in 3..ws.len().saturating_sub(4) {
                let conj = ws[i - 1].text == ","
                    && matches!(ws[i].lower().as_str(), "but" | "and" | "while" | "whereas");
                let cue_soon = ws[i + 1..(i + 6).min(ws.len())]
                    .iter()
                    .any(|w| lex::cue(&w.lower()).is_some_and(|c| c.speech && !c.rumour));
                if !conj || !cue_soon {
                    continue;
                }
                if let Some(q2) = self.indirect_in(ws[i + 1].start, q.span.end) {
                    if q2.span.start > ws[i].end {
                        let first = Quote {
                            span: Span::new(q.span.start, ws[i - 2].end),
                            ..q
                        };
                        return vec![first, q2];
                    }
                }
            }
            return vec![q];
        };
        let mut k = i + 1;
        if ws[k].lower() == "that" {
            k += 1;
        }
        let first = Quote {
            span: Span::new(q.span.start, ws[i - 2].end),
            ..q.clone()
        };
        let second = Quote {
            span: Span::new(ws[k].start, q.span.end),
            cue: Some(Span::new(ws[i].start, ws[i].end)),
            ..q
        };
        // "acknowledged the strike, saying …": a short object before the participle
        // is not a report of its own.
        if i - 1 < 4 {
            return vec![second];
        }
        vec![first, second]
    }

    fn indirect_in(&self, s0: usize, s1: usize) -> Option<Quote> {
        if s1 - s0 > 4 * WINDOW {
            return None;
        }
        let ws = self.ws(s0, s1);
        if ws.len() < 4 {
            return None;
        }
        // A question asks; it does not report ("Should I disclose that …?").
        if ws.last().is_some_and(|w| w.text == "?") {
            return None;
        }
        // Content end: before the final punctuation, and before a "|" (a title's
        // site name: "Mayor Denies Rumours | City News, Sport, Weather").
        let mut last = ws.iter().position(|w| w.text == "|").unwrap_or(ws.len());
        while last > 0 && ws[last - 1].is_punct() {
            last -= 1;
        }
        if last == 0 {
            return None;
        }
        let content_span = |a: usize, b: usize| -> Option<Span> {
            if a >= b || b - a < 3 {
                return None;
            }
            let mut end = ws[b - 1].end;
            // Keep a quote that closes the clause whole: `… was "dead on arrival."`
            if let Some(m) = self.quote_at(end.saturating_sub(1)) {
                if m.close_end > end && m.open >= ws[a].start {
                    end = m.close_end;
                }
            }
            Some(Span::new(ws[a].start, end))
        };
        // According to X, CLAUSE. / CLAUSE, according to X.
        for j in 0..ws.len().saturating_sub(2) {
            if ws[j].lower() == "according" && ws[j + 1].lower() == "to" {
                // What follows "according to" is a source by construction, named or
                // not ("exit polls", "recent data from comScore").
                let sp = self.np_forward(&ws[j + 2..]).or_else(|| {
                    let rest = &ws[j + 2..];
                    let mut n = rest
                        .iter()
                        .take(10)
                        .take_while(|w| !w.is_punct() || matches!(w.text, "-" | "." | "'" | "’"))
                        .count();
                    while n > 0 && rest[n - 1].is_punct() {
                        n -= 1;
                    }
                    let phrase = &rest[..n];
                    let clause = phrase.iter().any(|w| {
                        let l = w.lower();
                        lex::pronoun(&l).is_some() || lex::is_be(&l) || lex::is_clause_start(&l)
                    });
                    (n > 0 && !clause).then(|| Span::new(phrase[0].start, phrase[n - 1].end))
                })?;
                let cue = Span::new(ws[j].start, ws[j + 1].end);
                let content = if j == 0 {
                    let c = ws.iter().position(|w| w.start >= sp.end && w.text == ",")?;
                    content_span(c + 1, last)?
                } else if j > 0 && ws[j - 1].text == "," {
                    content_span(0, j - 1)?
                } else {
                    return None;
                };
                return Some(Quote {
                    span: content,
                    kind: QuoteKind::Indirect,
                    speaker: Some(self.resolve(sp)),
                    cue: Some(cue),
                });
            }
        }
        // Whether a finite "said" (or the like) comes before word `c`: then the
        // sentence reports from there, and a later attribution is an aside in it.
        // One inside a relative clause ("Lee, who said …, …") does not count.
        let reported_before = |c: usize| {
            ws[..c]
                .iter()
                .take_while(|w| !matches!(w.lower().as_str(), "who" | "which" | "whom"))
                .any(|w| {
                    !w.capitalised()
                        && matches!(
                            w.lower().as_str(),
                            "said" | "says" | "told" | "argued" | "wrote"
                        )
                })
        };
        // CLAUSE, X said, CLAUSE.: a parenthetical attribution; the reported content
        // is the sentence around it.
        for c1 in 1..last.saturating_sub(4) {
            if ws[c1].text != "," {
                continue;
            }
            let Some(c2) = (c1 + 2..(c1 + 11).min(last.saturating_sub(3)))
                .find(|&i| ws[i].is_punct())
                .filter(|&i| ws[i].text == ",")
            else {
                continue;
            };
            // "…, officials said later, …": a time word may follow the cue.
            let timed = matches!(
                ws[c2 - 1].lower().as_str(),
                "later" | "earlier" | "today" | "yesterday" | "recently"
            ) || lex::is_weekday(&ws[c2 - 1].lower());
            let cj = if timed && c2 >= c1 + 3 {
                c2 - 2
            } else {
                c2 - 1
            };
            let cw = ws[cj].lower();
            // A capitalised cue word mid-sentence is a name ("alias Abou Said",
            // "in the States").
            if ws[cj].capitalised() || !lex::cue(&cw).is_some_and(|c| c.speech && !c.rumour) {
                continue;
            }
            // "(The Times, The Post, and the lamented …)": a list, not a speaker.
            if matches!(ws[c1 + 1].lower().as_str(), "and" | "or") {
                continue;
            }
            // "Lee said A - attacks that, Kim noted, …": the sentence already reports;
            // the aside sits inside its content.
            if reported_before(c1) {
                continue;
            }
            // "…, Lee said, adding that …": a second report follows, not the rest of
            // the first sentence.
            let next = ws[c2 + 1].lower();
            if next.ends_with("ing") && lex::cue(&next).is_some() {
                continue;
            }
            let finite = cw.ends_with("ed")
                || cw.ends_with('s')
                || matches!(cw.as_str(), "said" | "told" | "wrote" | "thought")
                || cw == "say" && present_plural_say(&ws[..cj]);
            let mut pre = cj;
            while pre > c1 + 1 && adverb_or_aux(&ws[pre - 1]) {
                pre -= 1;
            }
            let phrase = &ws[c1 + 1..pre];
            if !finite || phrase.is_empty() || !self.valid_speaker(phrase) {
                continue;
            }
            let content = content_span(0, last)?;
            let sp = Span::new(phrase[0].start, phrase[phrase.len() - 1].end);
            return Some(Quote {
                span: content,
                kind: QuoteKind::Indirect,
                speaker: Some(self.resolve(sp)),
                cue: Some(Span::new(ws[cj].start, ws[cj].end)),
            });
        }
        // CLAUSE, X said. / CLAUSE, said X. The attribution may carry an appositive
        // or a trailing clause of its own ("…, said Ann Lee, a pollster."), so the
        // last three commas are tried, nearest first.
        let commas: Vec<usize> = (0..last)
            .rev()
            .filter(|&j| ws[j].text == ",")
            .take(3)
            .collect();
        for c in commas {
            if c >= 3 && last - c <= 12 && !reported_before(c) {
                if let Some(Attr {
                    speaker: Some(sp),
                    cue: Some(cu),
                    ..
                }) = self.parse_after(ws[c].start, ws[last - 1].end, ",")
                {
                    let cw = self.text[cu.start..cu.end].to_lowercase();
                    if self.text[cu.start..cu.end].starts_with(char::is_uppercase) {
                        // "…, alias Abou Said, …": a name, not a cue.
                        continue;
                    }
                    // A finite reporting verb ("said", "says"), not "would say".
                    let finite = cw.ends_with("ed")
                        || cw.ends_with('s')
                        || cw.ends_with('d')
                        || matches!(cw.as_str(), "told" | "wrote" | "thought")
                        || cw == "say" && {
                            let ci = ws.iter().position(|w| w.start == cu.start);
                            ci.is_some_and(|ci| present_plural_say(&ws[..ci]))
                        };
                    let attr_end = sp.end.max(cu.end);
                    let speech = finite && lex::cue(&cw).is_some_and(|x| x.speech);
                    // "…, said he believed …", "…, said the speeches led her …": words
                    // after an inverted speaker that go on with a verb start the
                    // reported clause; only a comma or a prepositional phrase may follow.
                    // Likewise "…, Jim Poolman, said he was …": a clause right after
                    // the attribution is its content, not this sentence's tail.
                    let inverted_pronoun = attr_end < ws[last - 1].end
                        && self
                            .ws(attr_end, ws[last - 1].end)
                            .first()
                            .is_some_and(|w| {
                                !matches!(
                                    w.lower().as_str(),
                                    "," | "in"
                                        | "on"
                                        | "at"
                                        | "during"
                                        | "after"
                                        | "before"
                                        | "of"
                                        | "for"
                                        | "with"
                                        | "from"
                                        | "last"
                                        | "this"
                                )
                            });
                    let tail_ok = attr_end >= ws[last - 1].end
                        || self.ws(attr_end, ws[last - 1].end).len() <= 6;
                    let after_comma = cu.start > ws[c].start && sp.start > ws[c].start;
                    if speech && tail_ok && !inverted_pronoun && after_comma {
                        let content = content_span(0, c)?;
                        return Some(Quote {
                            span: content,
                            kind: QuoteKind::Indirect,
                            speaker: Some(self.resolve(sp)),
                            cue: Some(cu),
                        });
                    }
                }
            }
        }
        // X said (that) CLAUSE. In a title-case headline the cue is capitalised too, in
        // the present tense of headlines ("Mayor Says Bridge Will Reopen"); a capitalised
        // "Said" there is a name ("Abou Said Arrested").
        let headline = headline_like(&self.text[ws[0].start..ws[last - 1].end]);
        for j in 1..last {
            let lw = ws[j].lower();
            if ws[j].capitalised() && !(headline && (lw.ends_with('s') || lw == "say")) {
                continue;
            }
            let that_only = lex::that_verb(&lw);
            let c = match lex::cue(&lw) {
                Some(c) if c.speech && !c.rumour => c,
                _ if that_only
                    && ws.get(j + 1).is_some_and(|w| {
                        let l = w.lower();
                        l == "that"
                            // "Economists believe this provides …", "polls show Lee
                            // leading": a clause's subject right after the verb.
                            || (lex::is_determiner(&l)
                                || matches!(l.as_str(), "this" | "these" | "those" | "it" | "he" | "she" | "they" | "we")
                                || w.capitalised()
                                || w.text.starts_with(|c: char| c.is_ascii_digit()))
                                // Verbs that mostly take a noun object ("found the
                                // body", "feared the worst") need their "that".
                                && matches!(
                                    lw.as_str(),
                                    "think"
                                        | "thinks"
                                        | "believe"
                                        | "believes"
                                        | "believed"
                                        | "show"
                                        | "shows"
                                        | "showed"
                                        | "indicate"
                                        | "indicates"
                                        | "indicated"
                                )
                                && j + 4 < last
                    }) =>
                {
                    lex::Cue {
                        speech: true,
                        object: false,
                        rumour: false,
                    }
                }
                _ => continue,
            };
            let prev = ws[j - 1].lower();
            // "Some say …", "…, while others say …": a quantifier opening the clause is
            // the subject, not the determiner of a noun ("have some say").
            let quantifier_subject = matches!(
                prev.as_str(),
                "others" | "some" | "many" | "most" | "few" | "several" | "all" | "both"
            ) && (j == 1
                || ws[j - 2].is_punct()
                || matches!(
                    ws[j - 2].lower().as_str(),
                    "and" | "but" | "while" | "whereas" | "though" | "although"
                ));
            if lex::ambiguous_noun(&lw)
                && !quantifier_subject
                && (lex::is_determiner(&prev)
                    || prev.ends_with("'s")
                    || prev.ends_with("’s")
                    // "secretary of state", "in the state"
                    || matches!(prev.as_str(), "of" | "in" | "for" | "to" | "on" | "at" | "by" | "from" | "with")
                    || ws.get(j + 1).is_some_and(|w| w.text == ","))
            {
                continue;
            }
            // "a note of caution", "the warning", "his claim": the cue word as a noun.
            if !quantifier_subject
                && (matches!(prev.as_str(), "of" | "a" | "an" | "the") || lex::is_possessive(&prev))
            {
                continue;
            }
            if lw.ends_with("ing")
                || lw == "say" && !present_plural_say(&ws[..j])
                || lw == "tell"
                || lw == "write"
            {
                continue;
            }
            // Subject.
            let mut pre = j;
            while pre > 0 && adverb_or_aux(&ws[pre - 1]) {
                pre -= 1;
            }
            pre = skip_aside_back(&ws, pre);
            if pre == 0 || lex::is_be(&ws[pre - 1].lower()) {
                continue;
            }
            let mut phrase = &ws[subject_start(&ws, pre, 8, false)..pre];
            // "Jane Roe, a senior adviser to the mayor, said …" / "Roe, who …, said …":
            // the name before the appositive or relative clause is the subject.
            if phrase.is_empty() && pre >= 3 && ws[pre - 1].text == "," {
                // The appositive may hold commas of its own ("a farmer from Ames,
                // Iowa,"): try each earlier comma, nearest first.
                for c0 in (pre.saturating_sub(22).max(1)..pre.saturating_sub(2)).rev() {
                    if ws[c0].text != "," {
                        continue;
                    }
                    let app = &ws[c0 + 1..pre - 1];
                    let closed = app
                        .iter()
                        .all(|w| !matches!(w.text, "." | ";" | ":" | "!" | "?" | "\"" | "“" | "”"));
                    if !closed {
                        break;
                    }
                    let ne = skip_aside_back(&ws, c0);
                    let name = &ws[subject_start(&ws, ne, 8, false)..ne];
                    let f = app[0].lower();
                    // "Chris Cole, state director for the campaign, said": a title
                    // after a short all-capitalised name.
                    let title = app[0].capitalised()
                        && !name.is_empty()
                        && name.len() <= 4
                        && name.iter().all(|w| w.capitalised())
                        && !lex::is_determiner(&name[0].lower());
                    let opens = lex::is_determiner(&f)
                        || matches!(
                            f.as_str(),
                            "who" | "whose" | "which" | "another" | "including"
                        )
                        || app[0].text.chars().all(|c| c.is_ascii_digit())
                        || title;
                    if opens && name.iter().any(|w| w.capitalised()) {
                        phrase = name;
                        break;
                    }
                    // "One of the authors, Ari Fleischer, said …": a description, then
                    // the name in the appositive.
                    if app.len() <= 4
                        && app.iter().all(|w| w.capitalised())
                        && name.first().is_some_and(|w| {
                            lex::is_determiner(&w.lower())
                                || matches!(w.lower().as_str(), "one" | "another")
                        })
                    {
                        phrase = app;
                        break;
                    }
                }
            }
            phrase = trim_subject(phrase);
            // "Lee denounced the plan and said …": the sentence's subject speaks.
            // Verbs that rarely take a noun object ("wrote a book", "announced his
            // bid" are not reports).
            let plain_speech = matches!(
                lw.as_str(),
                "said"
                    | "says"
                    | "told"
                    | "tells"
                    | "argued"
                    | "argues"
                    | "warned"
                    | "warns"
                    | "insisted"
                    | "insists"
            );
            if phrase.is_empty() && plain_speech && pre >= 2 && ws[pre - 1].lower() == "and" {
                if let Some(p) = self.leading_subject(&ws[..pre - 1]) {
                    phrase = p;
                }
            }
            if !self.valid_speaker(phrase) {
                continue;
            }
            // "I think …" in the writer's own voice is the writer's opinion, not a
            // report of someone else's words (inside quotation marks it is the
            // speaker's, and those sentences are not searched here).
            if phrase.len() == 1
                && matches!(phrase[0].lower().as_str(), "i" | "we")
                && lex::that_verb(&lw)
            {
                continue;
            }
            // Clause after the cue.
            let mut k = j + 1;
            // The "that" of this cue, not of a later one ("said A, adding that B").
            let that = ws[k..last.min(k + 8)]
                .iter()
                .position(|w| w.lower() == "that")
                .map(|x| k + x)
                .filter(|&t| !ws[k..t].iter().any(|w| lex::cue(&w.lower()).is_some()))
                // "said she liked it and that …": the "that" of a second, coordinated
                // clause; the report starts right after the cue.
                .filter(|&t| {
                    !ws[k..t]
                        .iter()
                        .any(|w| matches!(w.lower().as_str(), "and" | "but" | "or"))
                })
                // "said Lee's claim that …": after a verb without an object only a
                // time, a place or a medium may come between ("said Tuesday in a
                // statement that", "said on CNN that"); else "that" is a noun's.
                .filter(|&t| {
                    c.object
                        || ws[k..t].iter().all(|w| {
                            w.capitalised()
                                || w.text == ","
                                || lex::is_weekday(&w.lower())
                                || lex::is_possessive(&w.lower())
                                || matches!(
                                    w.lower().as_str(),
                                    "on" | "in"
                                        | "at"
                                        | "during"
                                        | "a"
                                        | "an"
                                        | "the"
                                        | "last"
                                        | "this"
                                        | "earlier"
                                        | "later"
                                        | "recently"
                                        | "again"
                                        | "also"
                                        | "yesterday"
                                        | "today"
                                        | "tonight"
                                        | "week"
                                        | "month"
                                        | "year"
                                        | "morning"
                                        | "afternoon"
                                        | "evening"
                                        | "night"
                                        | "statement"
                                        | "interview"
                                        | "speech"
                                        | "letter"
                                        | "email"
                                        | "memo"
                                        | "post"
                                        | "tweet"
                                        | "conference"
                                        | "call"
                                        | "briefing"
                                        | "release"
                                        | "radio"
                                        | "television"
                                        | "tv"
                                        | "rally"
                                        | "hearing"
                                        | "filing"
                                        | "court"
                                        | "papers"
                                        | "documents"
                                        // "pointed out that", "made clear that"
                                        | "out"
                                        | "clear"
                                )
                        })
                });
            if let Some(t) = that {
                // Only what may sit between: object, time, "in a statement".
                if ws[k..t].iter().any(|w| w.is_punct() && w.text != ",") {
                    continue;
                }
                k = t + 1;
            } else {
                // "The stock added more than 2%", "the index added 20.72 points": a
                // gain, not a remark.
                if matches!(lw.as_str(), "add" | "adds" | "added") {
                    let n = |i: usize| {
                        ws.get(i)
                            .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
                    };
                    let about = ws.get(k).is_some_and(|w| {
                        matches!(
                            w.lower().as_str(),
                            "more" | "less" | "nearly" | "almost" | "about" | "some" | "over"
                        )
                    });
                    if n(k) || about && (n(k + 1) || n(k + 2)) {
                        continue;
                    }
                }
                // "charges $5 for a coffee", "pledged $1m": verbs whose object is
                // mostly a noun report only with their "that".
                if matches!(
                    lw.as_str(),
                    "charge" | "charges" | "charged" | "pledge" | "pledges" | "pledged"
                ) {
                    continue;
                }
                let wh = |w: &Word| {
                    matches!(
                        w.lower().as_str(),
                        "whether" | "if" | "how" | "what" | "why" | "when" | "where" | "who"
                    )
                };
                let asked_object = lw
                    .starts_with("ask")
                    .then(|| (k + 1..(k + 5).min(last)).find(|&i| wh(&ws[i]) || ws[i].is_punct()))
                    .flatten();
                if let Some(q) = asked_object.filter(|&q| wh(&ws[q])) {
                    // asked the senator whether CLAUSE: skip the object.
                    k = q;
                } else if c.object {
                    // told reporters CLAUSE / told me CLAUSE / told Fox News CLAUSE /
                    // told host Ann Lee CLAUSE: skip a short object.
                    let obj = ws.get(k).map(|w| w.lower()).unwrap_or_default();
                    if k < last
                        && (lex::pronoun(&obj).is_some()
                            || lex::is_group_noun(&obj)
                            || matches!(obj.as_str(), "me" | "him" | "us" | "them" | "you"))
                    {
                        k += 1;
                    } else if k < last
                        && (ws[k].capitalised() || k + 1 < last && ws[k + 1].capitalised())
                    {
                        // A name (after at most one lowercase title word).
                        k += 1;
                        while k < last && k - j <= 5 && ws[k].capitalised() {
                            k += 1;
                        }
                    } else {
                        continue;
                    }
                }
                while k < last
                    && (lex::is_weekday(&ws[k].lower())
                        || matches!(
                            ws[k].lower().as_str(),
                            "on" | "yesterday"
                                | "today"
                                | "tonight"
                                | "last"
                                | "week"
                                | "month"
                                | "night"
                                | "morning"
                                | "evening"
                                | "afternoon"
                                | ","
                        ))
                {
                    k += 1;
                }
                // Must look like a clause: subject word then more words.
                let Some(w) = ws.get(k) else { continue };
                let wl = w.lower();
                // "asked Lee whether …": the indirect question is the content.
                let question = lw.starts_with("ask")
                    && matches!(
                        wl.as_str(),
                        "whether" | "if" | "how" | "what" | "why" | "when" | "where" | "who"
                    );
                if !question && lex::is_clause_start(&wl)
                    || w.is_punct()
                    || matches!(
                        wl.as_str(),
                        "it" | "so"
                            | "yes"
                            | "no"
                            | "something"
                            | "nothing"
                            | "anything"
                            | "much"
                            | "little"
                            | "more"
                            | "this"
                            | "a"
                            | "an"
                            | "goodbye"
                            | "hello"
                    ) && ws.get(k + 1).is_none_or(|n| n.is_punct())
                {
                    continue;
                }
                // "the 49ers post a losing season": "post" with a plain object is a
                // result, not a report; a lowercase start must go on like a clause,
                // with an auxiliary or a past form in it. ("Reported a loss",
                // "announced a cut of 5,000 jobs" stay: what the source states.)
                if matches!(lw.as_str(), "post" | "posts" | "posted")
                    && !w.capitalised()
                    && lex::pronoun(&wl).is_none()
                    && !ws[k + 1..last].iter().any(|x| {
                        let l = x.lower();
                        lex::is_be(&l)
                            || l.ends_with("ed")
                            || matches!(
                                l.as_str(),
                                "will"
                                    | "would"
                                    | "can"
                                    | "could"
                                    | "should"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "do"
                                    | "does"
                                    | "did"
                            )
                    })
                {
                    continue;
                }
            }
            // "tweeted a photo and said CLAUSE": the later, coordinated cue reports.
            // After a verb that takes no noun object ("said A and said B") both do:
            // the content goes on whole and `split_added` cuts it in two.
            if !plain_speech
                && (k..last.saturating_sub(1)).any(|i| {
                    ws[i].lower() == "and"
                        && lex::cue(&ws[i + 1].lower()).is_some_and(|c| c.speech && !c.rumour)
                })
            {
                continue;
            }
            let content = content_span(k, last)?;
            let sp = Span::new(phrase[0].start, phrase[phrase.len() - 1].end);
            return Some(Quote {
                span: content,
                kind: QuoteKind::Indirect,
                speaker: Some(self.resolve(sp)),
                cue: Some(Span::new(ws[j].start, ws[j].end)),
            });
        }
        // SUBJECT did something, saying (that) CLAUSE.: the participle reports what
        // the sentence's subject said; the subject is a leading name or pronoun.
        for j in 2..last.saturating_sub(3) {
            let lw = ws[j].lower();
            if ws[j - 1].text != "," || !lex::report_participle(&lw) {
                continue;
            }
            let mut k = j + 1;
            if ws[k].lower() == "that" {
                k += 1;
            }
            // A leading clause ("In Ohio, …") or no name: no speaker to give.
            let phrase = self.leading_subject(&ws[..j - 1])?;
            let content = content_span(k, last)?;
            let sp = Span::new(phrase[0].start, phrase[phrase.len() - 1].end);
            return Some(Quote {
                span: content,
                kind: QuoteKind::Indirect,
                speaker: Some(self.resolve(sp)),
                cue: Some(Span::new(ws[j].start, ws[j].end)),
            });
        }
        None
    }
}

/// `end` moved back over what may stand between a subject and its verb: a short
/// parenthetical ("Rob Portman (R-Ohio) said") or a discourse adverb set off by commas
/// ("Murphy, though, said"; "Lee, for her part, said").
fn skip_aside_back(ws: &[Word], end: usize) -> usize {
    let mut e = end;
    if e >= 2 && ws[e - 1].text == "," {
        if let Some(c0) = (e.saturating_sub(5)..e - 1)
            .rev()
            .find(|&i| ws[i].text == ",")
        {
            let mid: Vec<String> = ws[c0 + 1..e - 1].iter().map(|w| w.lower()).collect();
            if matches!(
                mid.join(" ").as_str(),
                "though"
                    | "however"
                    | "meanwhile"
                    | "too"
                    | "also"
                    | "instead"
                    | "then"
                    | "in turn"
                    | "in response"
                    | "for his part"
                    | "for her part"
                    | "for their part"
                    | "for its part"
            ) {
                e = c0;
            }
        }
    }
    if e >= 3 && ws[e - 1].text == ")" {
        if let Some(o) = (e.saturating_sub(7)..e - 1)
            .rev()
            .find(|&i| ws[i].text == "(")
        {
            if o > 0
                && !ws[o + 1..e - 1]
                    .iter()
                    .any(|w| matches!(w.text, "," | ";" | "("))
            {
                e = o;
            }
        }
    }
    e
}

/// Start of the subject phrase that ends at `end` (a cue's subject): back over at
/// most `max` words to punctuation or a clause break. A place after the head stays in
/// the phrase ("Officials in Washington"; `resolve` keeps the place from being the
/// speaker). "of" breaks the walk only as the phrase's last word when `of_at_end`.
fn subject_start(ws: &[Word], end: usize, max: usize, of_at_end: bool) -> usize {
    let mut start = end;
    // The last place-like preposition crossed ("A diplomat in Washington").
    let mut prep: Option<usize> = None;
    while start > 0 && end - start < max {
        let w = &ws[start - 1];
        let l = w.lower();
        if w.is_punct() && !matches!(w.text, "'" | "’" | "-") {
            break;
        }
        if matches!(l.as_str(), "in" | "at" | "from")
            && start < end
            && prep.is_none()
            && ws[start].capitalised()
        {
            prep = Some(start - 1);
            start -= 1;
            continue;
        }
        let of_breaks = of_at_end && start == end;
        if lex::is_clause_start(&l) && (l != "of" || of_breaks) {
            break;
        }
        start -= 1;
    }
    if prep == Some(start) {
        start += 1;
    }
    start
}

/// The subject proper of a phrase walked back from a cue: after a time or framing
/// phrase ("A year ago the company", "In a statement today Acme Corp"), the words
/// that follow it.
fn trim_subject<'a, 'w>(phrase: &'a [Word<'w>]) -> &'a [Word<'w>] {
    let mut p = phrase;
    if let Some(i) = p.iter().rposition(|w| {
        matches!(
            w.lower().as_str(),
            "ago" | "today" | "yesterday" | "tonight" | "now" | "then" | "later" | "earlier"
        )
    }) {
        if i + 1 < p.len() {
            p = &p[i + 1..];
        }
    }
    // A name after lowercase words that cannot lead into it ("… issued Acme Corp").
    let run = p.iter().rev().take_while(|w| w.capitalised()).count();
    if run > 0 && run < p.len() {
        let before = p[p.len() - run - 1].lower();
        let leads_in = lex::is_determiner(&before)
            || matches!(
                before.as_str(),
                "of" | "and" | "for" | "de" | "van" | "von" | "al" | "former" | "'s" | "’s"
            );
        if !leads_in
            && !p[p.len() - run - 1].is_punct()
            && p[..p.len() - run]
                .iter()
                .any(|w| !w.capitalised() && w.lower().len() > 3 && !lex::is_determiner(&w.lower()))
        {
            p = &p[p.len() - run..];
        }
    }
    p
}

/// An adverb or auxiliary that may stand between a speaker and a cue ("also", "has",
/// "quickly"); a capitalised "-ly" word is a name ("Kelly said"), not an adverb.
fn adverb_or_aux(w: &Word) -> bool {
    let l = w.lower();
    lex::is_listed_adverb_or_aux(&l) || !w.capitalised() && lex::is_adverb_or_aux(&l)
}

/// Whether a bare "say" after the words `before` reports what a group says now
/// ("analysts say", "Clinton advisers say") rather than an infinitive, a modal form or a
/// first- or second-person aside ("to say", "would say", "I say", "you might say").
fn present_plural_say(before: &[Word]) -> bool {
    let Some(prev) = before.last() else {
        return false;
    };
    let l = prev.lower();
    // "I'd say", "we’d say".
    let base = l.split(['\'', '’']).next().unwrap_or("");
    !prev.is_punct()
        && !matches!(base, "i" | "we" | "you")
        && !adverb_or_aux(prev)
        && !matches!(
            l.as_str(),
            "to" | "not"
                | "n't"
                | "never"
                | "can"
                | "cannot"
                | "should"
                | "must"
                | "shall"
                | "let"
                | "i"
                | "you"
                | "we"
                | "'d"
                | "’d"
        )
}

/// Length of an interview question (`Q:`, `Q.`, `Question:`) or answer (`A:`, `A.`,
/// `Answer:`) prefix at the start of a paragraph.
fn qa_prefix(t: &str, question: bool) -> Option<usize> {
    let (short, long) = if question {
        ("Q", "Question")
    } else {
        ("A", "Answer")
    };
    for p in [long, short] {
        if let Some(rest) = t.strip_prefix(p) {
            let c = rest.chars().next()?;
            if c == ':' || (c == '.' && rest[1..].starts_with(' ')) {
                return Some(p.len() + 1);
            }
        }
    }
    None
}

/// A transcript speaker label at the start of a paragraph: `NAME[, ROLE]: text`.
/// Returns the byte length of the name and the offset of the text. The name is one
/// to four words, all upper-case (`RACHEL ROE`) or capitalised (`Rachel Roe`, two or
/// more words); notes such as `UPDATE:` or `Q:` are not speakers.
fn transcript_label(t: &str) -> Option<(usize, usize)> {
    let colon = t.find(':')?;
    if colon == 0 || colon > 60 {
        return None;
    }
    let head = &t[..colon];
    let name = head.split(',').next()?.trim_end();
    let ws: Vec<&str> = name.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 4 || name.len() != name.trim_start().len() {
        return None;
    }
    let wordish = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && w.chars().next().is_some_and(char::is_uppercase)
    };
    if !ws.iter().all(|w| wordish(w)) {
        return None;
    }
    let upper = ws.iter().all(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    });
    // The role after the comma is short and in the same style.
    if let Some(role) = head.get(name.len()..) {
        let role = role.trim_start_matches(',').trim();
        if word_count(role) > 4 || (upper && role.chars().any(char::is_lowercase)) {
            return None;
        }
    }
    let lower = name.to_lowercase();
    if matches!(
        lower.as_str(),
        "q" | "a"
            | "question"
            | "answer"
            | "update"
            | "updated"
            | "correction"
            | "note"
            | "editor's note"
            | "photo"
            | "video"
            | "source"
            | "sources"
            | "read more"
            | "related"
            | "watch"
            | "listen"
            | "read"
            | "see"
            | "more"
            | "also"
            | "breaking"
            | "exclusive"
            | "clarification"
            | "disclosure"
            | "warning"
            | "advertisement"
            | "sponsored"
            | "transcript"
            | "credit"
            | "image"
            | "caption"
            | "pictured"
            | "tags"
            | "topics"
            | "share"
            | "follow"
            | "email"
            | "contact"
            | "subscribe"
    ) || (!upper && ws.len() < 2)
        || (upper
            && ws
                .iter()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() < 2))
    {
        return None;
    }
    let rest = &t[colon + 1..];
    let body = colon + 1 + (rest.len() - rest.trim_start().len());
    Some((name.len(), body))
}

/// A headline or section title: no sentence punctuation anywhere and mostly
/// capitalised words ("Trump Is Trying To Win").
fn headline_like(s: &str) -> bool {
    let s = s.trim();
    if s.contains(['.', '?', '!']) {
        return false;
    }
    let ws: Vec<&str> = s.split_whitespace().collect();
    let caps = ws
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase())
        })
        .count();
    ws.len() >= 3 && caps * 10 >= ws.len() * 6
}

/// Short title-case text without sentence punctuation: a name of a work or show.
fn is_title_case(s: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "by", "or", "from",
        "is", "vs",
    ];
    if s.ends_with(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 8 {
        return false;
    }
    let mut caps = 0;
    for w in &ws {
        let first = w.chars().find(|c| c.is_alphanumeric());
        match first {
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => caps += 1,
            Some(_) if SMALL.contains(&w.to_lowercase().as_str()) => {}
            Some(_) => return false,
            None => {}
        }
    }
    caps >= 1
        && (ws.len() > 1
            || caps == 1
                && ws[0].chars().filter(|c| c.is_uppercase()).count() >= 1
                && ws[0].len() > 1)
}

/// The abbreviated title for a role word ("governor" → "gov").
fn role_abbrev(role: &str) -> Option<&'static str> {
    Some(match role {
        "governor" => "gov",
        "senator" => "sen",
        "representative" | "congressman" | "congresswoman" => "rep",
        "president" => "pres",
        "general" => "gen",
        "professor" => "prof",
        "doctor" => "dr",
        "secretary" => "sec",
        "attorney" => "atty",
        "superintendent" => "supt",
        "lieutenant" => "lt",
        "colonel" => "col",
        "captain" => "capt",
        "sergeant" => "sgt",
        "reverend" => "rev",
        _ => return None,
    })
}

/// Definite descriptions of organisations: `Some(true)` for news outlets ("the
/// magazine"), `Some(false)` for other organisations ("the company").
fn description_kind(s: &str) -> Option<bool> {
    let s = s.strip_prefix("the ")?;
    match s {
        "magazine" | "newspaper" | "paper" | "outlet" | "network" | "agency" | "site"
        | "website" | "publication" | "station" | "broadcaster" | "channel" | "daily"
        | "tabloid" | "wire service" => Some(true),
        "campaign" | "company" | "committee" | "group" | "organization" | "organisation"
        | "firm" | "department" | "ministry" | "party" | "union" | "agency's" | "court" => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;

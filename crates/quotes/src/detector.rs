//! The detector's view of a document: paragraph units, sentence bounds, the quotes
//! found from marks, and where a position lies relative to them.

use super::*;

/// A paragraph unit (doc paragraphs split further at blank lines).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Para {
    pub(crate) span: Span,
    pub(crate) kind: ParagraphKind,
}

pub(crate) struct Detector<'d> {
    pub(crate) doc: &'d Doc,
    pub(crate) text: &'d str,
    pub(crate) paras: Vec<Para>,
    /// Per paragraph: sentence starts (sorted, first = paragraph start).
    pub(crate) bounds: Vec<Vec<usize>>,
    pub(crate) marked: Vec<Marked>,
    /// Normalised heading, title and chrome lines.
    pub(crate) headings: Vec<String>,
    /// Every entity mention as (span, entity index), sorted by start: lookups
    /// by position are binary searches, not scans of all mentions.
    pub(crate) mentions: Vec<(Span, usize, usize)>,
    /// The longest mention (bytes), bounding a search for overlapping ones.
    pub(crate) mention_max_len: usize,
    /// Per entity: a person's gender when its mentions show it (None for others).
    pub(crate) genders: Vec<Option<Pronoun>>,
    /// Every person entity with the lowercased words of its name, for transcript
    /// labels ("ROE" → "Jane Roe").
    pub(crate) person_names: Vec<(usize, Vec<String>)>,
}

impl<'d> Detector<'d> {
    pub(crate) fn new(doc: &'d Doc) -> Self {
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
            headings: vec![],
            mentions,
            mention_max_len,
            genders: vec![],
            person_names: vec![],
        };
        d.bounds = (0..d.paras.len()).map(|i| d.sentence_bounds(i)).collect();
        d.headings = d.heading_lines();
        d.genders = doc
            .entities
            .iter()
            .map(|e| {
                (e.kind == EntityKind::Person)
                    .then(|| d.gender(e))
                    .flatten()
            })
            .collect();
        d.person_names = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .map(|(ei, e)| (ei, name_words(&e.name)))
            .collect();
        d
    }

    /// The quote whose marks enclose `pos` (quotes are sorted and disjoint).
    pub(crate) fn quote_at(&self, pos: usize) -> Option<&Marked> {
        let i = self.marked.partition_point(|m| m.open <= pos);
        i.checked_sub(1)
            .map(|i| &self.marked[i])
            .filter(|m| pos < m.close_end)
    }

    pub(crate) fn in_quote(&self, pos: usize) -> bool {
        self.quote_at(pos).is_some()
    }

    /// Sentence starts inside paragraph `pi`, never inside a quotation.
    pub(crate) fn sentence_bounds(&self, pi: usize) -> Vec<usize> {
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
            let ws = view(self.doc, p.start, p.end);
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

    pub(crate) fn sentence_of(&self, pi: usize, pos: usize) -> (usize, usize) {
        let b = &self.bounds[pi];
        let i = b.partition_point(|&x| x <= pos);
        let start = b[i.saturating_sub(1)];
        let end = b.get(i).copied().unwrap_or(self.paras[pi].span.end);
        (start, end)
    }

    /// The nearest char boundary at or before `pos`.
    pub(crate) fn floor_boundary(&self, pos: usize) -> usize {
        let mut p = pos.min(self.text.len());
        while !self.text.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    /// The words of `[a, b)` (empty when out of order).
    pub(crate) fn ws(&self, a: usize, b: usize) -> Vec<Word<'d>> {
        if a >= b {
            return vec![];
        }
        view(self.doc, a, b)
    }

    pub(crate) fn para_index(&self, pos: usize) -> usize {
        self.paras
            .partition_point(|p| p.span.end < pos)
            .min(self.paras.len().saturating_sub(1))
    }

    pub(crate) fn in_content(&self, pos: usize) -> bool {
        self.quote_at(pos)
            .is_some_and(|m| m.content.start <= pos && pos < m.content.end)
    }
}

/// The ends of the quote marks in `direct` (sorted and disjoint, as quote marks are
/// paired in text order) that contain `s`: only the last marks starting at or before
/// it can.
pub(crate) fn marks_containing(direct: &[Span], s: Span) -> impl Iterator<Item = usize> + '_ {
    let p = direct.partition_point(|m| m.start <= s.start);
    direct[..p]
        .iter()
        .rev()
        .take_while(move |m| m.end >= s.start)
        .filter(move |m| m.contains(&s))
        .map(|m| m.end)
}

/// True when a quote mark span in `direct` (sorted and disjoint) overlaps `s`.
pub(crate) fn mark_overlaps(direct: &[Span], s: Span) -> bool {
    let i = direct.partition_point(|m| m.end <= s.start);
    direct.get(i).is_some_and(|m| m.start < s.end)
}

pub(crate) fn split_units(text: &str, span: Span) -> Vec<Span> {
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

/// The lowercased words of an entity name (hyphens and apostrophes kept inside).
fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub(crate) fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '"' | '„' | '«' | '‘' | '\'')
}

pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

pub(crate) fn norm_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

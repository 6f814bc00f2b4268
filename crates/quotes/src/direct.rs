//! Direct quotes: pairs each marked quote with its own attribution, inherits speakers
//! for continuations, and gathers every kind of quote into the result.

use super::*;

/// The most words of a short name or phrase quoted inside an attribution
/// (`X, wearing "Cruz" pins, said`), which does not end the attribution's window.
const INNER_QUOTE_WORDS: usize = 3;
/// How many quotes after a quote may be skipped as inside its attribution.
const INNER_QUOTES: usize = 2;
/// How many quotes back a continuation looks for the direct quote it goes on from.
const CONTINUATION_REACH: usize = 4;
/// The most words after an attribution that still closes its quote's paragraph.
const PARA_TAIL_WORDS: usize = 12;

/// Per marked quote (same index as `Detector::marked`): what the passes decide.
struct Marks {
    attrs: Vec<Option<Attr>>,
    rumour: Vec<bool>,
    /// Whether only space separates a quote from the one before it in its sentence.
    left_empty: Vec<bool>,
    kinds: Vec<QuoteKind>,
}

impl Marks {
    /// Gives quote `i`'s attribution to the continuation parts after it that have none.
    fn pass_to_parts(&mut self, marked: &[Marked], i: usize) {
        let mut j = i + 1;
        while j < marked.len() && marked[j].cont_prev && self.attrs[j].is_none() {
            self.attrs[j] = self.attrs[i];
            j += 1;
        }
    }
}

/// `a` as an attribution inherited from another quote.
fn inherited(a: Attr) -> Attr {
    Attr {
        side: Side::Inherited,
        ..a
    }
}

impl<'d> Detector<'d> {
    pub(crate) fn run(&self) -> Vec<Quote> {
        let mut st = self.own_attributions();
        self.split_by_mid_attribution(&mut st);
        self.credit_lines(&mut st);
        self.inherit_continuations(&mut st);
        self.inherit_from_closing_part(&mut st);
        self.colon_introductions(&mut st);
        self.after_reported_speech(&mut st);
        let mut out = self.marked_quotes(&st);
        out.extend(self.interview());
        let turns = self.transcript();
        if turns.is_empty() {
            out.extend(self.colon_statements());
        }
        out.extend(turns);
        out.extend(self.blocks());
        let direct: Vec<Span> = self
            .marked
            .iter()
            .zip(&st.kinds)
            .filter(|(_, k)| matches!(k, QuoteKind::Direct | QuoteKind::Block))
            .map(|(m, _)| Span::new(m.open, m.close_end))
            .collect();
        let added = self.indirect(&direct, &out);
        out.extend(added);
        out.sort_by_key(|q| (q.span.start, q.span.end));
        out
    }

    /// Each quote's own attribution (after it, else before it) and its kind.
    fn own_attributions(&self) -> Marks {
        let n = self.marked.len();
        let mut st = Marks {
            attrs: vec![None; n],
            rumour: vec![false; n],
            left_empty: vec![false; n],
            kinds: vec![QuoteKind::Direct; n],
        };
        for i in 0..n {
            self.own_attribution(i, &mut st);
        }
        for (i, m) in self.marked.iter().enumerate() {
            st.kinds[i] = self.kind(m, st.attrs[i].as_ref(), st.rumour[i], st.left_empty[i]);
        }
        st
    }

    /// Quote `i`'s attribution in its own sentence, whether it is rumoured, and
    /// whether only space separates it from the quote before it.
    fn own_attribution(&self, i: usize, st: &mut Marks) {
        let text = self.text;
        let m = &self.marked[i];
        let (s0, _) = self.sentence_of(m.para, m.open);
        let prev_end = if i > 0 && self.marked[i - 1].para == m.para {
            self.marked[i - 1].close_end.max(s0)
        } else {
            s0
        };
        st.left_empty[i] = text[prev_end.min(m.open)..m.open].trim().is_empty();
        let content = &text[m.content.start..m.content.end];
        let right = if m.cont_next || m.unclosed {
            None
        } else {
            self.parse_after(m.close_end, self.right_window_end(i), content)
        };
        let left = self.parse_before(s0, m.open, &mut st.rumour[i]);
        st.attrs[i] = right.or(left);
        if st.attrs[i].is_none() && !st.rumour[i] && prev_end > s0 {
            // Several quotes in one sentence: the cue may precede an earlier one.
            if let Some(a) = self.attribution_before(s0, self.marked[i - 1].open) {
                st.attrs[i] = Some(Attr { end: a.end, ..a });
            }
        }
    }

    /// Where the words after quote `i` searched for its attribution end: its
    /// sentence's end, or the next quote in the paragraph.
    fn right_window_end(&self, i: usize) -> usize {
        let text = self.text;
        let m = &self.marked[i];
        let e1 = if m.cont_next || m.unclosed {
            m.close_end
        } else {
            self.sentence_of(
                m.para,
                m.close_end
                    .min(self.paras[m.para].span.end.saturating_sub(1))
                    .max(m.open),
            )
            .1
        };
        // The next quote in the paragraph ends the window, unless it is a short
        // name or phrase inside the attribution (`X, wearing "Cruz" pins, said`).
        let mut j = i + 1;
        while j <= i + INNER_QUOTES
            && self.marked.get(j).is_some_and(|x| {
                let c = &text[x.content.start..x.content.end];
                x.para == m.para
                    && x.open < m.close_end + WINDOW
                    && word_count(c) <= INNER_QUOTE_WORDS
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
        right_end
    }

    /// A sentence split by a mid attribution (`"A," he wrote, "b …"`): the second
    /// part is as direct as the first.
    fn split_by_mid_attribution(&self, st: &mut Marks) {
        let text = self.text;
        for i in 1..self.marked.len() {
            let (m, prev) = (&self.marked[i], &self.marked[i - 1]);
            if st.kinds[i] == QuoteKind::Partial
                && st.kinds[i - 1] == QuoteKind::Direct
                && prev.para == m.para
                && st.attrs[i - 1].is_some_and(|a| a.side == Side::After && a.end <= m.open)
                && text[prev.close_end..m.open]
                    .trim_end()
                    .ends_with([',', '—', '–'])
                && text[prev.content.start..prev.content.end].ends_with([',', '—', '–'])
            {
                st.kinds[i] = QuoteKind::Direct;
                st.attrs[i] = st.attrs[i - 1].map(inherited);
            }
        }
    }

    /// A quote standing alone and credited on the line after it (`"…"` then `— Jane
    /// Roe` on a new line or as the next paragraph): the name is its speaker, and the
    /// speaker of the quote's earlier parts and of the quotes before it in its paragraph.
    fn credit_lines(&self, st: &mut Marks) {
        for i in 0..self.marked.len() {
            let m = &self.marked[i];
            if st.attrs[i].is_some() || st.rumour[i] || m.cont_next || m.unclosed {
                continue;
            }
            if !m.cont_prev && !self.opens_paragraph(i) {
                continue;
            }
            let Some(sp) = self.credit_after(m.close_end, m.para) else {
                continue;
            };
            let a = Attr {
                speaker: Some(sp),
                cue: None,
                side: Side::After,
                end: sp.end,
            };
            st.attrs[i] = Some(a);
            if matches!(st.kinds[i], QuoteKind::Partial | QuoteKind::Scare) {
                st.kinds[i] = QuoteKind::Direct;
            }
            let mut j = i;
            while j > 0 && st.attrs[j - 1].is_none() && !st.rumour[j - 1] {
                let (prev, cur) = (&self.marked[j - 1], &self.marked[j]);
                let part = prev.cont_next && cur.cont_prev;
                let same_para = prev.para == cur.para
                    && matches!(st.kinds[j - 1], QuoteKind::Direct | QuoteKind::Block);
                if !(part || same_para) {
                    break;
                }
                st.attrs[j - 1] = Some(inherited(a));
                j -= 1;
            }
        }
    }

    /// Whether only quotes (at most [`CONTINUATION_REACH`]) and space stand before
    /// quote `i` in its paragraph.
    fn opens_paragraph(&self, i: usize) -> bool {
        let text = self.text;
        let m = &self.marked[i];
        let p = self.paras[m.para].span;
        let mut start = m.open;
        for k in (i.saturating_sub(CONTINUATION_REACH)..i).rev() {
            if text[p.start..start].trim().is_empty() {
                return true;
            }
            let prev = &self.marked[k];
            if prev.para != m.para || !text[prev.close_end..start].trim().is_empty() {
                return false;
            }
            start = prev.open;
        }
        text[p.start..start].trim().is_empty()
    }

    /// The name on a credit line right after a quote closing at `close_end` in
    /// paragraph `pi`: the rest of its line, else the next paragraph when nothing
    /// but punctuation follows the quote.
    fn credit_after(&self, close_end: usize, pi: usize) -> Option<Span> {
        let text = self.text;
        let p = self.paras[pi].span;
        let rest = &text[close_end.min(p.end)..p.end];
        if rest
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
            .is_empty()
        {
            let np = self.paras.get(pi + 1)?.span;
            return self.credit_line(np.start, np.end);
        }
        let a = close_end + (rest.len() - rest.trim_start().len());
        let line_end = text[a..p.end].find('\n').map_or(p.end, |k| a + k);
        self.credit_line(a, line_end)
    }

    /// Continuations: a quote without attribution takes the last direct quote's when
    /// it is in the same paragraph, continues it, or opens the next paragraph after
    /// one that closes with it.
    fn inherit_continuations(&self, st: &mut Marks) {
        for i in 1..self.marked.len() {
            if st.attrs[i].is_some()
                || st.rumour[i]
                || !matches!(st.kinds[i], QuoteKind::Direct | QuoteKind::Block)
            {
                continue;
            }
            if let Some(a) = self.continued_attribution(i, st) {
                st.attrs[i] = Some(inherited(a));
            }
        }
    }

    /// The attribution quote `i` continues, if any (see [`Self::inherit_continuations`]).
    fn continued_attribution(&self, i: usize, st: &Marks) -> Option<Attr> {
        let text = self.text;
        let m = &self.marked[i];
        // The last direct quote before (skipping titles and scare quotes in its paragraph).
        let mut pj = i - 1;
        while pj > 0
            && i - pj < CONTINUATION_REACH
            && !matches!(st.kinds[pj], QuoteKind::Direct | QuoteKind::Block)
            && self.marked[pj].para == m.para
        {
            pj -= 1;
        }
        let prev = &self.marked[pj];
        let pa = st.attrs[pj]?;
        if !matches!(st.kinds[pj], QuoteKind::Direct | QuoteKind::Block) {
            return None;
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
                    c.start >= prev.close_end
                        && word_count(&text[c.end..prev_p.end]) <= PARA_TAIL_WORDS
                }));
        (same_para || continued || (next_para && pure && prev_closes_para)).then_some(pa)
    }

    /// A quote run over paragraphs and attributed only at its end: the earlier
    /// parts take the attribution of the part that closes it.
    fn inherit_from_closing_part(&self, st: &mut Marks) {
        for i in (0..self.marked.len().saturating_sub(1)).rev() {
            if st.attrs[i].is_none()
                && !st.rumour[i]
                && self.marked[i].cont_next
                && self.marked[i + 1].cont_prev
            {
                if let Some(a) = st.attrs[i + 1] {
                    st.attrs[i] = Some(inherited(a));
                }
            }
        }
    }

    /// A quote paragraph introduced by "X said:" at the end of the previous paragraph.
    fn colon_introductions(&self, st: &mut Marks) {
        let text = self.text;
        for i in 0..self.marked.len() {
            if st.attrs[i].is_some() || st.rumour[i] {
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
            if let Some(a) = self.attribution_before(s0, pp.end) {
                st.attrs[i] = Some(a);
                if st.kinds[i] == QuoteKind::Partial || st.kinds[i] == QuoteKind::Scare {
                    st.kinds[i] = QuoteKind::Direct;
                }
                st.pass_to_parts(&self.marked, i);
            }
        }
    }

    /// A quote paragraph right after a paragraph that ends in reported speech
    /// (`X said the team had …` / `"…` on the next line): X goes on speaking.
    fn after_reported_speech(&self, st: &mut Marks) {
        let text = self.text;
        let mut has_quote = vec![false; self.paras.len()];
        for x in &self.marked {
            if let Some(h) = has_quote.get_mut(x.para) {
                *h = true;
            }
        }
        for i in 0..self.marked.len() {
            let m = &self.marked[i];
            if st.attrs[i].is_some()
                || st.rumour[i]
                || m.cont_prev
                || st.kinds[i] != QuoteKind::Direct
                || m.para == 0
                || !text[self.paras[m.para].span.start..m.open]
                    .trim()
                    .is_empty()
                || self.paras[m.para - 1].kind != ParagraphKind::Body
                || has_quote[m.para - 1]
            {
                continue;
            }
            if let Some(a) = self.reporting_person(m.para - 1) {
                st.attrs[i] = Some(inherited(a));
                st.pass_to_parts(&self.marked, i);
            }
        }
    }

    /// The first reporting verb of paragraph `pi`'s last sentence and its subject,
    /// when the subject is a person.
    fn reporting_person(&self, pi: usize) -> Option<Attr> {
        let pp = self.paras[pi].span;
        let (s0, _) = self.sentence_of(pi, pp.end.saturating_sub(1));
        let ws = self.ws(s0, pp.end);
        let cw = ws.iter().find(|w| {
            let l = w.form();
            lex::cue(l).is_some_and(|c| c.speech && !c.rumour) && !lex::ambiguous_noun(l)
        })?;
        let a = self.attribution_before(s0, cw.end)?;
        let sp = a.speaker?;
        let person = self
            .resolve(sp)
            .entity
            .is_some_and(|e| self.doc.entities[e].kind == EntityKind::Person);
        person.then_some(a)
    }

    /// The quotes found from marks, with their kinds and resolved speakers (a
    /// quoted transcript excerpt's label as its speaker).
    fn marked_quotes(&self, st: &Marks) -> Vec<Quote> {
        let text = self.text;
        let mut out = vec![];
        for (i, m) in self.marked.iter().enumerate() {
            if !text[m.content.start..m.content.end]
                .chars()
                .any(|c| c.is_alphabetic())
            {
                continue;
            }
            let kind = st.kinds[i];
            let (speaker, cue) = match (kind, st.attrs[i]) {
                (QuoteKind::Scare, _) | (_, None) => (None, None),
                (_, Some(a)) => (a.speaker.map(|s| self.resolve_for_cue(s, a.cue)), a.cue),
            };
            let cue = if st.rumour[i] && cue.is_none() {
                None
            } else {
                cue
            };
            if speaker.is_none() && kind != QuoteKind::Scare && !m.cont_prev {
                if let Some(q) = self.labelled_excerpt(m) {
                    out.push(q);
                    continue;
                }
            }
            out.push(Quote {
                span: m.content,
                kind,
                speaker,
                cue,
            });
        }
        out
    }

    /// A quoted transcript excerpt (`"ROE: We will …"`): the label names the
    /// speaker and is not part of the words.
    fn labelled_excerpt(&self, m: &Marked) -> Option<Quote> {
        let content = &self.text[m.content.start..m.content.end];
        let (label, body) = transcript_label(content)?;
        let lt = &content[..label];
        let upper = !lt.chars().any(char::is_lowercase);
        if !upper || body >= content.len() {
            return None;
        }
        let ls = Span::new(m.content.start, m.content.start + label);
        Some(Quote {
            span: Span::new(m.content.start + body, m.content.end),
            kind: QuoteKind::Direct,
            speaker: Some(self.resolve_label(ls)),
            cue: None,
        })
    }
}

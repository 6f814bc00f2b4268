//! Direct quotes: pairs each marked quote with its own attribution, inherits speakers
//! for continuations, and gathers every kind of quote into the result.

use super::*;

impl<'d> Detector<'d> {
    pub(crate) fn run(&self) -> Vec<Quote> {
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
                let l = w.form();
                lex::cue(l).is_some_and(|c| c.speech && !c.rumour) && !lex::ambiguous_noun(l)
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
}

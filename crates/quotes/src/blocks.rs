//! Block quotes without marks: blockquote paragraphs and their signatures or introductions.

use super::*;

impl<'d> Detector<'d> {
    /// Block quotes without marks (HTML `<blockquote>`): the whole paragraph, credited
    /// to an embedded-post signature (`— Jane Roe (@jroe) May 1`), the attribution
    /// introducing it (`X wrote:` at the end of the previous paragraph) or the block
    /// before it in the same run.
    pub(crate) fn blocks(&self) -> Vec<Quote> {
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
            // The credit line of the block before it, not a block of its own.
            if pi > 0
                && self.paras[pi - 1].kind == ParagraphKind::Blockquote
                && self.credit_line(p.span.start, p.span.end).is_some()
            {
                continue;
            }
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
            // A credit line: the block's last line (`— Jane Roe`) or the next paragraph.
            if speaker.is_none() {
                if let Some(nl) = t.trim_end().rfind('\n') {
                    let line = p.span.start + nl + 1;
                    if let Some(sp) = self.credit_line(line, p.span.end) {
                        speaker = Some(self.resolve(sp));
                        let body = t[..nl].trim_end();
                        if !body.is_empty() {
                            span = Span::new(p.span.start, p.span.start + body.len());
                        }
                    }
                }
            }
            if speaker.is_none() {
                speaker = self
                    .paras
                    .get(pi + 1)
                    .and_then(|np| self.credit_line(np.span.start, np.span.end))
                    .map(|sp| self.resolve(sp));
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
                if let Some(at) = self.attribution_before(s0, pp.end) {
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
}

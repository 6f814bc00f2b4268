//! Sentence attribution: how each sentence is sourced, from its credits and quotes.

use crate::ctx::{Credit, Ctx, Via, Who};
use crate::lexicon::*;
use crate::speakers::{minor_clause, speaker_who};
use unspin_doc::{Attribution, Doc, ParagraphKind, QuoteKind, Span};

impl<'a> Ctx<'a> {
    /// The attribution of every sentence (empty when there are no sentences).
    pub(crate) fn attributions(&self) -> Vec<Attribution> {
        let doc = self.doc;
        let mut by_unit: Vec<Vec<&Credit>> = vec![Vec::new(); self.units.len()];
        for c in &self.credits {
            by_unit[c.unit].push(c);
        }
        let by_sentence = quotes_by_sentence(doc);
        let all: Vec<&unspin_doc::Quote> = match by_sentence {
            Some(_) => Vec::new(),
            None => doc.quotes.iter().collect(),
        };
        let mut cands: Vec<&unspin_doc::Quote> = Vec::new();
        let mut out = Vec::with_capacity(doc.sentences.len());
        for (si, s) in doc.sentences.iter().enumerate() {
            // With sentences, units are the sentences in order.
            let here = match self.units.get(si) {
                Some(u) if u.sentence == Some(si) => &by_unit[si][..],
                _ => &[],
            };
            let quotes = match &by_sentence {
                Some(by) => {
                    cands.clear();
                    cands.extend(by[si].iter().map(|&q| &doc.quotes[q]));
                    &cands[..]
                }
                None => &all[..],
            };
            out.push(self.attribution(si, s.span, here, quotes));
        }
        out
    }

    /// The attribution of sentence `si`; `quotes` holds (in document order) at least
    /// every quote that overlaps it.
    pub(crate) fn attribution(
        &self,
        si: usize,
        span: Span,
        here: &[&Credit],
        quotes: &[&unspin_doc::Quote],
    ) -> Attribution {
        let u = here.first().map(|c| c.unit).or_else(|| {
            self.units
                .get(si)
                .filter(|u| u.sentence == Some(si))
                .map(|_| si)
        });
        let doc = self.doc;
        let text = &doc.text;
        let nonspace =
            |a: usize, b: usize| text[a..b].chars().filter(|c| !c.is_whitespace()).count();
        let overlap = |q: &Span| (q.start.max(span.start), q.end.min(span.end));
        // Quoted: most of the sentence is a direct or block quotation.
        let full: Vec<&unspin_doc::Quote> = quotes
            .iter()
            .copied()
            .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Block))
            .filter(|q| q.span.overlaps(&span))
            .collect();
        let total = nonspace(span.start, span.end);
        let qchars: usize = full
            .iter()
            .map(|q| {
                let (a, b) = overlap(&q.span);
                nonspace(a, b)
            })
            .sum();
        if total > 0 && qchars * 2 >= total {
            return Attribution::Quoted;
        }
        // A sentence that is nothing but a quoted fragment reads as a quotation.
        let pchars: usize = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Partial && q.span.overlaps(&span))
            .map(|q| {
                let (a, b) = overlap(&q.span);
                nonspace(a, b)
            })
            .sum();
        if total > 0 && (qchars + pchars) * 100 >= total * 85 {
            return Attribution::Quoted;
        }
        if !full.is_empty() {
            // A quotation with just its cue: "She said: "…""
            let cue_here = full.iter().any(|q| {
                q.cue.is_some_and(|c| span.contains(&c))
                    || q.speaker.as_ref().is_some_and(|s| span.contains(&s.span))
            });
            // What is left besides the quotation, its speaker and its cue.
            let mut qs: Vec<Span> = full
                .iter()
                .flat_map(|q| {
                    [Some(q.span), q.cue, q.speaker.as_ref().map(|s| s.span)]
                        .into_iter()
                        .flatten()
                })
                .filter(|x| x.overlaps(&span))
                .collect();
            qs.sort();
            let mut rest = 0;
            let mut pos = span.start;
            for q in qs {
                let (a, b) = overlap(&q);
                if a > pos {
                    rest += text[pos..a].chars().filter(|c| c.is_alphanumeric()).count();
                }
                pos = pos.max(b);
            }
            if pos < span.end {
                rest += text[pos..span.end]
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .count();
            }
            if cue_here && rest <= 30 {
                return Attribution::Quoted;
            }
        }
        let partial = |c: &Credit| matches!(c.via, Via::Quote(QuoteKind::Partial));
        let named = |c: &Credit| matches!(c.who, Who::Named { .. } | Who::Generic);
        let vague = |c: &Credit| matches!(c.who, Who::Anonymous(_) | Who::Rumour(_));
        // Quotes whose words are in this sentence, credited elsewhere (indirect
        // speech or a partial quote whose speaker sits in another sentence).
        let quote_who = |kind: QuoteKind| -> Option<bool> {
            let mut best = None;
            for q in quotes
                .iter()
                .filter(|q| q.kind == kind && q.span.overlaps(&span))
                // Reported speech sources the sentence when it is most of what the
                // sentence says, not a clause inside the writer's own claim
                // ("Harris is most likely hearing what she wants to be told").
                .filter(|q| kind != QuoteKind::Indirect || !minor_clause(doc, q))
            {
                if let Some(sp) = &q.speaker {
                    let who = match sp.entity {
                        Some(_) => Who::Generic,
                        None => speaker_who(doc, sp.span, self.fallback),
                    };
                    let is_named = matches!(who, Who::Named { .. } | Who::Generic);
                    best = Some(best.unwrap_or(false) || is_named);
                }
            }
            best
        };
        // The first credit of the sentence is its main clause's: "Reports have
        // surfaced indicating Harris has told aides …" is hearsay, even though Harris
        // is credited inside it.
        let first =
            |f: &dyn Fn(&Credit) -> bool| here.iter().filter(|c| f(c)).map(|c| c.span.start).min();
        let first_vague = first(&|c: &Credit| vague(c));
        let first_named = first(&|c: &Credit| named(c) && !partial(c));
        if let (Some(v), Some(n)) = (first_vague, first_named) {
            if v < n {
                return Attribution::Anonymous;
            }
        }
        if first_named.is_some() || quote_who(QuoteKind::Indirect) == Some(true) {
            return Attribution::Attributed;
        }
        if here.iter().any(|c| vague(c)) || quote_who(QuoteKind::Indirect) == Some(false) {
            return Attribution::Anonymous;
        }
        if here.iter().any(|c| named(c)) || quote_who(QuoteKind::Partial) == Some(true) {
            return Attribution::Attributed;
        }
        if quote_who(QuoteKind::Partial) == Some(false) {
            return Attribution::Anonymous;
        }
        // A headline credited to an unnamed report: "Report: …", "Sources: …".
        let para = doc.sentences[si].paragraph;
        let headline = doc
            .paragraphs
            .get(para)
            .is_some_and(|p| matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading));
        if headline {
            if let Some(u) = u {
                let t = &self.units[u].toks;
                let lead = t
                    .iter()
                    .position(|x| x.low == ":")
                    .filter(|&c| c > 0 && c <= 3);
                if let Some(c) = lead {
                    let words: Vec<&str> =
                        t[..c].iter().filter(|x| x.word).map(|x| &*x.low).collect();
                    if VAGUE_HEADLINE_CREDITS.contains(&words.join(" ")) {
                        return Attribution::Anonymous;
                    }
                }
            }
        }
        Attribution::Own
    }
}

/// The indices of the quotes overlapping each sentence, in document order; `None`
/// when the sentences are not in text order and disjoint (binary search needs it).
/// Linear in sentences plus quotes (a quote is listed once per sentence it spans).
pub(crate) fn quotes_by_sentence(doc: &Doc) -> Option<Vec<Vec<usize>>> {
    let sents = &doc.sentences;
    if !sents.windows(2).all(|w| w[0].span.end <= w[1].span.start) {
        return None;
    }
    let mut by = vec![Vec::new(); sents.len()];
    for (qi, q) in doc.quotes.iter().enumerate() {
        let mut si = sents.partition_point(|s| s.span.end <= q.span.start);
        while si < sents.len() && sents[si].span.start < q.span.end {
            if sents[si].span.overlaps(&q.span) {
                by[si].push(qi);
            }
            si += 1;
        }
    }
    Some(by)
}

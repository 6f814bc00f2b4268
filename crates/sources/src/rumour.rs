//! Rumours: claims passed on with no source ("is rumored to", "reportedly").

use crate::ctx::{Ctx, Via, Who};
use crate::cues::collapse;
use crate::lexicon::{HEARSAY_NOUNS, REPORT_BACK_REFERENCES, WORD_NOUN_DETERMINERS};
use crate::tok::PatSet;

impl<'a> Ctx<'a> {
    /// Unsourced hearsay: "is rumored to", "reports have surfaced", "reportedly", …
    pub(crate) fn rumours(&mut self, u: usize, pats: &PatSet) {
        let mentions = self.mentions(u);
        let n = self.units[u].toks.len();
        let mut i = 0;
        while i < n {
            let toks = &self.units[u].toks;
            if !toks[i].word || self.in_quote(toks[i].span.start) {
                i += 1;
                continue;
            }
            let end = pats.longest_at(toks, i);
            let Some(e) = end else {
                i += 1;
                continue;
            };
            let prev = i.checked_sub(1).map(|p| &*toks[p].low).unwrap_or("");
            let first = &*toks[i].low;
            let mut ok = true;
            if HEARSAY_NOUNS.contains(first) {
                // "the reports say" points back at named reports; "CNN reports" is a verb.
                ok &= !REPORT_BACK_REFERENCES.contains(prev);
                ok &= !mentions.iter().any(|m| m.last + 1 == i);
            }
            if first == "word" {
                ok &= !WORD_NOUN_DETERMINERS.contains(prev);
            }
            // "it was reported by X" names its source.
            if toks.get(e).is_some_and(|t| t.low == "by") {
                ok = false;
            }
            if ok {
                let span = self.tok_span(u, i, e);
                let phrase = collapse(self.doc.slice(span)).to_lowercase();
                self.push(Who::Rumour(phrase), span, u, Via::Phrase);
                i = e;
            } else {
                i += 1;
            }
        }
    }
}

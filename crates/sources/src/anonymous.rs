//! Anonymous sources: unnamed sources ("officials said", "a source close to").

use crate::ctx::{Ctx, Via, Who, M};
use crate::cues::{is_closing_punct, is_quote_mark, title_case, verb_at};
use crate::lexicon::*;
use crate::tok::{PatSet, Tok};
use unspin_doc::EntityKind;

impl<'a> Ctx<'a> {
    /// Unnamed sources: "some advisers have suggested", "officials said",
    /// "a source close to", "people familiar with the matter", "said one aide".
    pub(crate) fn anonymous(&mut self, u: usize, postmod: &PatSet, standalone: &PatSet) {
        let mentions = self.mentions(u);
        let toks = &self.units[u].toks;
        let title_case = title_case(toks);
        let n = toks.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut spokes_for: Vec<M> = Vec::new();
        let mut h = 0;
        while h < n {
            let t = &toks[h];
            if !t.word || !t.is(SOURCE_NOUN) || self.in_quote(t.span.start) {
                h += 1;
                continue;
            }
            if found.iter().any(|&(a, b)| a <= h && h < b) {
                h += 1;
                continue;
            }
            let head = &*t.low;
            let partisan = PARTISAN_GROUPS.contains(head);
            // Part of a name: "the Sunday Observer", "Insider Media".
            if t.cap && h > 0 && !partisan && !title_case {
                h += 1;
                continue;
            }
            let in_person = mentions
                .iter()
                .any(|m| m.kind == EntityKind::Person && m.first <= h && h <= m.last);
            if in_person {
                h += 1;
                continue;
            }
            let (start, det) = phrase_start(toks, h);
            // A named person in apposition ("adviser Jane Doe said", "Jane Doe,
            // one of the mayor's advisers, said") is not anonymous.
            let person_ends = |t: usize| {
                mentions
                    .iter()
                    .any(|m| m.kind == EntityKind::Person && m.last == t)
            };
            let appositive = (start.saturating_sub(8)..start)
                .rev()
                .find(|&c| !toks[c].word)
                .is_some_and(|c| toks[c].low == "," && c > 0 && person_ends(c - 1));
            if appositive
                || mentions
                    .iter()
                    .any(|m| m.kind == EntityKind::Person && m.first == h + 1)
            {
                h += 1;
                continue;
            }
            let weak = has(WEAK_SOURCE_NOUN, head);
            // "the official position", "insider trading": the head is a modifier.
            if let Some(nx) = toks.get(h + 1) {
                if nx.word && !nx.cap && !follows_source(&nx.low) {
                    h += 1;
                    continue;
                }
            }
            let prev = start.checked_sub(1).map(|p| &*toks[p].low);
            let prev2 = start.checked_sub(2).map(|p| &*toks[p].low);
            let according = prev == Some("to") && prev2 == Some("according");
            let by_agent = prev == Some("by")
                && prev2.is_some_and(|w| has(AGENT_PARTICIPLE, w) || w == "told");
            if !according && !by_agent && prev.is_some_and(|w| has(OBJECT_MARKER, w)) {
                h += 1;
                continue;
            }
            let (pm_end, end) = phrase_end(toks, h, postmod);
            if !det && !bare_ok(head) && pm_end.is_none() {
                h += 1;
                continue;
            }
            let mut credited = according || by_agent || pm_end.is_some();
            // Inverted: "…, said one aide."
            if !credited && !weak {
                let inverted =
                    prev.is_some_and(|w| has(INVERSION_VERB, w)) && (end >= n || !toks[end].word);
                credited |= inverted;
            }
            // Followed by a reporting verb: "critics of the plan say".
            if !credited && !weak {
                credited = reporting_verb_follows(toks, end, head, title_case);
            }
            if credited {
                // A spokesperson speaks for the organisation named with them
                // ("a Justice Department spokeswoman", "a spokesman for the club").
                let spokes = matches!(
                    head,
                    "spokesperson" | "spokesman" | "spokeswoman" | "representative"
                );
                let org = spokes
                    .then(|| {
                        let after = toks
                            .get(h + 1)
                            .is_some_and(|t| matches!(&*t.low, "for" | "of" | "from" | "at"));
                        mentions.iter().find(|m| {
                            m.kind != EntityKind::Misc
                                && ((m.first >= start && m.last < h)
                                    || (after && (m.first == h + 2 || m.first == h + 3)))
                        })
                    })
                    .flatten();
                // `a commission spokesman, Jane Roe, said`: the role is named at once.
                let named = toks.get(h + 1).is_some_and(|t| t.low == ",")
                    && mentions.iter().any(|m| {
                        m.kind == EntityKind::Person
                            && m.first == h + 2
                            && toks.get(m.last + 1).is_some_and(|t| t.low == ",")
                    });
                match org {
                    _ if named => {}
                    Some(m) => spokes_for.push(*m),
                    None => found.push((start, end)),
                }
            }
            h = end.max(h + 1);
        }
        for m in spokes_for {
            let who = self.named_who(&m);
            self.push(who, m.span, u, Via::Verb);
        }
        for (a, b) in found {
            let span = self.tok_span(u, a, b);
            let name = self.normalise(u, a, b);
            self.push(Who::Anonymous(name), span, u, Via::Phrase);
        }
        self.anonymity_phrase(u, standalone);
    }

    /// "…, speaking on condition of anonymity" with no unnamed-source phrase found
    /// in the unit: the phrase itself is the credit.
    fn anonymity_phrase(&mut self, u: usize, standalone: &PatSet) {
        let toks = &self.units[u].toks;
        let has_anon = self.credits[self.unit_credits_from..]
            .iter()
            .any(|c| c.unit == u && matches!(c.who, Who::Anonymous(_)));
        if !has_anon {
            let hit = (0..toks.len())
                .filter(|&i| !self.in_quote(toks[i].span.start))
                .find_map(|i| standalone.longest_at(toks, i).map(|e| (i, e)));
            if let Some((i, e)) = hit {
                let span = self.tok_span(u, i, e);
                self.push(
                    Who::Anonymous("unnamed source".into()),
                    span,
                    u,
                    Via::Phrase,
                );
            }
        }
    }

    /// The phrase of tokens `a..b` as a source name: common words lowercased,
    /// names kept ("some advisors", "White House officials").
    pub(crate) fn normalise(&self, u: usize, a: usize, b: usize) -> String {
        let toks = &self.units[u].toks;
        let mut out = String::new();
        for (k, t) in toks[a..b].iter().enumerate() {
            let w = self.doc.slice(t.span);
            // Determiners always; a common word only when its capital comes from
            // opening the sentence ("Senior officials", not "State Department").
            let next_cap = toks.get(a + k + 1).is_some_and(|n| n.cap && k + 1 < b - a);
            let mod_like = matches!(&*t.low, "senior" | "top" | "former" | "current");
            let common = t.is(SOURCE_DETERMINER) && !(k == 0 && next_cap && mod_like)
                || (k == 0
                    && !next_cap
                    && (t.is(SOURCE_MODIFIER) || t.is(SOURCE_NOUN))
                    && !PARTISAN_GROUPS.contains(&t.low));
            let glue = k == 0 || t.low == "'s" || (!t.word && t.low != "(");
            if !glue {
                out.push(' ');
            }
            if common {
                out.push_str(&t.low);
            } else {
                out.push_str(w);
            }
        }
        out
    }
}

/// True for a word that may follow the head of a source phrase ("officials
/// said", "a source close to", "aides privately"), as opposed to a noun the
/// head modifies ("the official position").
pub(crate) fn follows_source(w: &str) -> bool {
    has(SPEECH_VERB, w)
        || has(VERB_GAP, w)
        || has(SOURCE_FOLLOWER, w)
        || w.ends_with("ly")
        || w.ends_with("day")
}

/// Where an unnamed-source phrase headed by token `h` starts, walking left over
/// determiners and modifiers ("a senior White House official"); true when a
/// determiner opens it.
fn phrase_start(toks: &[Tok], h: usize) -> (usize, bool) {
    let mut start = h;
    let mut det = false;
    // A determiner a word or two back: "a US embassy official".
    let mut k = h;
    while k > 0 && h - k < 3 {
        let p = &toks[k - 1];
        if !p.word || p.low == "'s" {
            break;
        }
        if SOURCE_PHRASE_OPENERS.contains(&p.low) {
            start = k - 1;
            det = true;
            break;
        }
        if p.is(PHRASE_BOUNDARY)
            || p.is(SPEECH_VERB)
            || p.is(SOURCE_NOUN)
            || (p.low.ends_with('s') && !p.cap)
            || p.low.chars().count() < 2
        {
            break;
        }
        k -= 1;
    }
    while !det && start > 0 && h - start < 4 {
        let p = &toks[start - 1];
        if p.low == "'s" && start >= 2 && toks[start - 2].word {
            start -= 2;
            det = true;
            break;
        }
        if !p.word || (p.low.chars().count() < 2 && !p.is(SOURCE_DETERMINER)) {
            break;
        }
        let w = &*p.low;
        if p.is(SOURCE_DETERMINER) {
            start -= 1;
            det = true;
            continue;
        }
        if det || p.is(PHRASE_BOUNDARY) || p.is(SPEECH_VERB) || p.is(SOURCE_NOUN) {
            break;
        }
        let adj = p.is(SOURCE_MODIFIER)
            || w.contains('-')
            || (p.cap && start - 1 > 0)
            || ["al", "ic", "ary", "ive", "ian", "ish", "ese"]
                .iter()
                .any(|s| w.ends_with(s) && w.len() > 4);
        if !adj {
            break;
        }
        start -= 1;
    }
    (start, det)
}

/// The end of the phrase headed by token `h`: past a sourcing postmodifier and
/// its object ("close to the campaign") when there is one (its end is returned too).
fn phrase_end(toks: &[Tok], h: usize, postmod: &PatSet) -> (Option<usize>, usize) {
    let n = toks.len();
    let pm_end = postmod.longest_at(toks, h + 1);
    let mut end = h + 1;
    if let Some(pe) = pm_end {
        end = pe;
        let mut k = 0;
        while end < n
            && k < 6
            && toks[end].word
            && !toks[end].is(SPEECH_VERB)
            && !toks[end].is(VERB_GAP)
            && !POSTMODIFIER_OBJECT_ENDS.contains(&toks[end].low)
        {
            end += 1;
            k += 1;
        }
    }
    (pm_end, end)
}

/// True when a reporting verb whose subject is the phrase (head `head`, ending at
/// token `end`) follows before another clause begins ("critics of the plan say").
fn reporting_verb_follows(toks: &[Tok], end: usize, head: &str, title_case: bool) -> bool {
    let n = toks.len();
    let mut k = end;
    while k < n && k < end + 10 {
        let w = &toks[k];
        if is_closing_punct(w) || is_quote_mark(w) {
            break;
        }
        // Another clause or subject begins.
        if CLAUSE_OPENERS.contains(&w.low) {
            break;
        }
        if verb_at(toks, k, title_case) {
            let plural = head.ends_with('s') || matches!(head, "people" | "police");
            let third = w.low.ends_with('s') && !w.low.ends_with("ss");
            let base = w.is(BARE_REPORTING_VERB);
            // The verb of another subject: "allies … the state says".
            if (plural && third) || (!plural && base) {
                k += 1;
                continue;
            }
            let passive = k > 0 && PASSIVE_AUXILIARIES.contains(&toks[k - 1].low);
            return !passive;
        }
        k += 1;
    }
    false
}

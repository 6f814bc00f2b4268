//! Named sources: which names a sentence credits ("according to X", "X said",
//! "a report from X") and how.

use crate::ctx::{Ctx, Via, Who, M};
use crate::cues::{collapse, is_quote_mark, title_case, verb_at};
use crate::lexicon::*;
use crate::names::{cap_run_after, guess_kind, name_ok};
use unspin_doc::{EntityKind, SourceKind, Span};

/// A credit found in a unit: who, the words, and how.
type Found = (Who, Span, Via);

/// What the named-source rules share about one unit.
struct Scan {
    mentions: Vec<M>,
    title_case: bool,
    /// Spans already credited in this unit (unnamed sources, rumours).
    anon_here: Vec<Span>,
}

/// The first mention starting in tokens `a..b` that `ok` accepts.
fn first_at(mentions: &[M], a: usize, b: usize, ok: &dyn Fn(&M) -> bool) -> Option<M> {
    mentions
        .iter()
        .find(|m| m.first >= a && m.first < b && ok(m))
        .copied()
}

impl<'a> Ctx<'a> {
    /// Named sources: "according to X", "X said/reported/found", "a report from X",
    /// "X's reporting", "first reported by X", "…, said X", "in an interview with X",
    /// "told <outlet>" (the outlet that carried the words), "published in the
    /// journal X", "The group behind it, X, says".
    pub(crate) fn named(&mut self, u: usize) {
        let scan = Scan {
            mentions: self.mentions(u),
            title_case: title_case(&self.units[u].toks),
            anon_here: self.credits[self.unit_credits_from..]
                .iter()
                .filter(|c| c.unit == u)
                .map(|c| c.span)
                .collect(),
        };
        let mut out: Vec<Found> = Vec::new();
        self.according_to(u, &scan, &mut out);
        self.verb_subjects(u, &scan, &mut out);
        let second = self.report_intros(u, &scan, &mut out);
        self.unresolved_verb_subjects(u, &scan, &mut out);
        self.described_subjects(u, &scan, &mut out);
        self.by_agents(u, &scan, &mut out);
        self.inverted(u, &scan, &mut out);
        self.carried(u, &scan, &mut out);
        self.journals(u, &scan, &mut out);
        self.second_report |= second;
        // A person interviewed counts only when no one else is credited here.
        let others = out
            .iter()
            .any(|(_, _, v)| !matches!(v, Via::Interview | Via::Carried));
        for (who, span, via) in out {
            if via == Via::Interview && others {
                continue;
            }
            self.push(who, span, u, via);
        }
    }

    /// Credits "according to X" (an entity, a capitalised name, or someone already named).
    fn according_to(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let mentions = &scan.mentions[..];
        let first_at =
            |a: usize, b: usize, ok: &dyn Fn(&M) -> bool| first_at(&scan.mentions, a, b, ok);
        let anon_here = &scan.anon_here;
        // according to X
        for i in 0..n.saturating_sub(1) {
            if toks[i].low != "according" || toks[i + 1].low != "to" {
                continue;
            }
            if self.in_quote(toks[i].span.start) {
                continue;
            }
            let mut stop = i + 2;
            while stop < n && stop < i + 11 && (toks[stop].word || toks[stop].low == "'s") {
                stop += 1;
            }
            if stop == i + 2 {
                continue;
            }
            let win = self.tok_span(u, i + 2, stop);
            if anon_here.iter().any(|s| s.overlaps(&win)) {
                continue;
            }
            if let Some(m) = first_at(i + 2, stop, &|m| m.kind != EntityKind::Misc) {
                out.push((self.named_who(&m), m.span, Via::According));
                continue;
            }
            // An unresolved capitalised name (only when there is no entity layer).
            let cue = self.tok_span(u, i, i + 2);
            let run = cap_run_after(toks, i + 2, mentions).filter(|_| self.fallback);
            if let Some((a, b)) = run {
                let span = self.tok_span(u, a, b);
                let name = collapse(self.doc.slice(span));
                let kind = guess_kind(&name);
                out.push((
                    Who::Named {
                        entity: None,
                        name,
                        kind,
                    },
                    span,
                    Via::According,
                ));
            } else {
                out.push((Who::Generic, cue, Via::According));
            }
        }
    }

    /// Credits entity mentions that are the subject of a reporting verb ("X said", "X, who says") or own a report ("X's reporting").
    fn verb_subjects(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let mentions = &scan.mentions[..];
        let title_case = scan.title_case;
        let unnamed_here: Vec<Span> = self.credits[self.unit_credits_from..]
            .iter()
            .filter(|c| c.unit == u && matches!(c.who, Who::Anonymous(_)))
            .map(|c| c.span)
            .collect();
        for m in mentions {
            // "some Republicans say", "Trump's advisers said": the group is unnamed.
            if self.in_quote(m.span.start) || unnamed_here.iter().any(|s| s.overlaps(&m.span)) {
                continue;
            }
            let prev = m.first.checked_sub(1).map(|p| &*toks[p].low);
            // Subject of a reporting verb: "X reported", "X first reported", "X found".
            let object = prev.is_some_and(|w| SUBJECT_ENDING_PREPOSITIONS.contains(w));
            if !object && m.kind != EntityKind::Misc {
                let mut j = m.last + 1;
                // A relative clause: "Rudy Roe, who says he is not worried".
                let mut r = j;
                if toks.get(r).is_some_and(|t| t.low == ",") {
                    r += 1;
                }
                if toks.get(r).is_some_and(|t| t.low == "who")
                    && r + 1 < n
                    && verb_at(toks, r + 1, title_case)
                    && !self.in_quote(toks[r].span.start)
                {
                    out.push((self.named_who(m), m.span, Via::Verb));
                }
                // Skip an appositive: "Jane Doe, a senior fellow, said", "the
                // network, citing officials, reported".
                if toks.get(j).is_some_and(|t| t.low == ",")
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| NAME_APPOSITIVE_OPENERS.contains(&t.low))
                {
                    if let Some(c) = (j + 2..n.min(j + 12)).find(|&k| toks[k].low == ",") {
                        j = c + 1;
                    }
                } else if prev == Some(",")
                    && toks.get(j).is_some_and(|t| t.low == ",")
                    && m.first >= 2
                    && toks[..m.first - 1].iter().all(|t| t.word || t.low == "'s")
                {
                    // The name set off after its description: "The group behind the
                    // plan, Acme Housing, says …".
                    j += 1;
                }
                let mut gap = 0;
                while j < n && gap < 3 && toks[j].is(VERB_GAP) {
                    j += 1;
                    gap += 1;
                }
                if let Some(v) = toks.get(j) {
                    let speech = verb_at(toks, j, title_case);
                    let finding = v.is(FINDING_VERB)
                        && matches!(m.kind, EntityKind::Outlet | EntityKind::Org);
                    let not_verb = matches!(&*v.low, "report" | "reports")
                        && toks.get(j + 1).is_some_and(|t| !t.word || t.low == "of");
                    if (speech || finding) && !not_verb && !self.in_quote(v.span.start) {
                        out.push((self.named_who(m), m.span, Via::Verb));
                    }
                }
            }
            // Possessive: "X's reporting", "X's new study".
            if matches!(
                m.kind,
                EntityKind::Outlet | EntityKind::Org | EntityKind::Person
            ) && toks
                .get(m.last + 1)
                .is_some_and(|t| t.low == "'s" || t.low == "'")
            {
                let k0 = m.last + 2;
                if let Some(k) = (k0..n.min(k0 + 3)).find(|&k| toks[k].is(REPORT_NOUN)) {
                    if toks[k0..k].iter().all(|t| t.word) {
                        out.push((self.named_who(m), m.span, Via::Possessive));
                    }
                }
            }
        }
    }

    /// Credits the author of a report introduced by a report noun ("a new report from X", "an interview with X"); true when it is marked as a second report.
    fn report_intros(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) -> bool {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let mentions = &scan.mentions[..];
        let first_at =
            |a: usize, b: usize, ok: &dyn Fn(&M) -> bool| first_at(&scan.mentions, a, b, ok);
        let mut second = false;
        // "a new report from X", "a study by X", "an interview with X".
        for k in 0..n {
            if !toks[k].is(REPORT_NOUN) || self.in_quote(toks[k].span.start) {
                continue;
            }
            let mut p = k + 1;
            if toks
                .get(p)
                .is_some_and(|t| REPORT_AUTHORING_PARTICIPLES.contains(&t.low))
            {
                p += 1;
            }
            let Some(prep) = toks.get(p).map(|t| &*t.low) else {
                continue;
            };
            let interview = toks[k].low == "interview" && prep == "with";
            if !has(REPORT_PREPOSITION, prep) && !interview {
                continue;
            }
            let ok = |m: &M| match prep {
                "by" | "from" => matches!(
                    m.kind,
                    EntityKind::Outlet | EntityKind::Org | EntityKind::Person
                ),
                "with" => matches!(m.kind, EntityKind::Outlet | EntityKind::Person),
                _ => matches!(m.kind, EntityKind::Outlet | EntityKind::Org),
            };
            let Some(m) = first_at(p + 1, (p + 3).min(n), &ok) else {
                // A name the entity stage did not find: "a report from the Daily Planet".
                let run = cap_run_after(toks, p + 1, mentions).filter(|_| self.fallback);
                if let Some((a, b)) = run {
                    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
                    let name = collapse(self.doc.slice(span));
                    let kind = guess_kind(&name);
                    if kind != SourceKind::Person || (prep == "by" && !interview) {
                        let via = if interview {
                            Via::Interview
                        } else {
                            Via::Intro {
                                indefinite: self.indefinite(u, k).0,
                            }
                        };
                        let who = Who::Named {
                            entity: None,
                            name,
                            kind,
                        };
                        out.push((who, span, via));
                    }
                }
                continue;
            };
            if toks[p + 1..m.first].iter().any(|t| !t.word) {
                continue;
            }
            if interview {
                // A person interviewed is the source; an outlet conducting the
                // interview carried the words (as with "told X").
                match m.kind {
                    EntityKind::Person => out.push((self.named_who(&m), m.span, Via::Interview)),
                    EntityKind::Outlet => out.push((self.named_who(&m), m.span, Via::Carried)),
                    _ => {}
                }
                continue;
            }
            let (indefinite, sec) = self.indefinite(u, k);
            second |= sec;
            out.push((self.named_who(&m), m.span, Via::Intro { indefinite }));
        }
        second
    }

    /// With no entity layer, credits a capitalised name before a reporting verb.
    fn unresolved_verb_subjects(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let mentions = &scan.mentions[..];
        let anon_here = &scan.anon_here;
        let title_case = scan.title_case;
        // A capitalised name the entity stage did not find, before a reporting
        // verb: "…," the Daily Planet writes.
        for j in 1..n {
            if !self.fallback
                || !verb_at(toks, j, title_case)
                || toks[j].is(NOUN_REPORTING_VERB)
                || self.in_quote(toks[j].span.start)
                || title_case
            {
                continue;
            }
            let mut e = j;
            let mut gap = 0;
            while e > 0 && gap < 2 && toks[e - 1].is(VERB_GAP) {
                e -= 1;
                gap += 1;
            }
            let mut a = e;
            while a > 0 && toks[a - 1].word && toks[a - 1].cap {
                a -= 1;
            }
            // "As Jane Doe said": a capitalised function word is not part of the name.
            let Some((a, e)) = name_ok(toks, a, e) else {
                continue;
            };
            if a == e || mentions.iter().any(|m| m.first < e && m.last >= a) {
                continue;
            }
            if anon_here
                .iter()
                .any(|s| s.start < toks[e - 1].span.end && toks[a].span.start < s.end)
            {
                continue;
            }
            // A lone capitalised word opening the sentence is too often not a name.
            if (a == 0 || is_quote_mark(&toks[a - 1])) && e - a == 1 {
                continue;
            }
            if toks[a].is(PRONOUN) || toks[a].low == "the" {
                continue;
            }
            let span = Span::new(toks[a].span.start, toks[e - 1].span.end);
            let name = collapse(self.doc.slice(span));
            let kind = guess_kind(&name);
            if toks[j].is(FINDING_VERB) && kind == SourceKind::Person {
                continue;
            }
            out.push((
                Who::Named {
                    entity: None,
                    name,
                    kind,
                },
                span,
                Via::Verb,
            ));
        }
    }

    /// Credits pronoun and description subjects ("he said", "the agency said") to someone already named.
    fn described_subjects(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let mentions = &scan.mentions[..];
        let anon_here = &scan.anon_here;
        let title_case = scan.title_case;
        // "He said …", "the agency said …", "the report found …": credited to
        // someone already named.
        for j in 1..n {
            if self.in_quote(toks[j].span.start) {
                continue;
            }
            let speech = verb_at(toks, j, title_case);
            let finding = toks[j].is(FINDING_VERB) && !toks[j].cap;
            if !speech && !finding {
                continue;
            }
            let mut e = j;
            let mut gap = 0;
            while e > 0 && gap < 2 && toks[e - 1].is(VERB_GAP) {
                e -= 1;
                gap += 1;
            }
            if e == 0 {
                continue;
            }
            let s_tok = &toks[e - 1];
            let pronoun = speech && matches!(&*s_tok.low, "he" | "she" | "they" | "we");
            let described = e >= 2
                && REFERRING_DETERMINERS.contains(&toks[e - 2].low)
                && s_tok.is(GENERIC_SUBJECT);
            if pronoun || described {
                let a = if described { e - 2 } else { e - 1 };
                let span = Span::new(toks[a].span.start, s_tok.span.end);
                let taken = mentions.iter().any(|m| m.span.overlaps(&span))
                    || anon_here.iter().any(|s| s.overlaps(&span));
                if !taken {
                    out.push((Who::Generic, span, Via::Verb));
                }
            }
        }
    }

    /// Credits the agent of "first reported by X", "documents obtained by X".
    fn by_agents(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let first_at =
            |a: usize, b: usize, ok: &dyn Fn(&M) -> bool| first_at(&scan.mentions, a, b, ok);
        // "first reported by X", "documents obtained by X".
        for j in 1..n {
            if toks[j].low != "by"
                || !toks[j - 1].is(AGENT_PARTICIPLE)
                || self.in_quote(toks[j].span.start)
            {
                continue;
            }
            let ok = |m: &M| {
                matches!(
                    m.kind,
                    EntityKind::Outlet | EntityKind::Org | EntityKind::Person
                )
            };
            if let Some(m) = first_at(j + 1, (j + 3).min(n), &ok) {
                out.push((self.named_who(&m), m.span, Via::By));
            }
        }
    }

    /// Credits the subject of an inverted reporting verb ("…," said X).
    fn inverted(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let first_at =
            |a: usize, b: usize, ok: &dyn Fn(&M) -> bool| first_at(&scan.mentions, a, b, ok);
        // Inverted: "…," said X. / "…," writes the magazine.
        for j in 0..n {
            let v = &toks[j];
            if v.low == "according" || !v.is(INVERSION_VERB) || self.in_quote(v.span.start) {
                continue;
            }
            let after_break = j == 0 || {
                let p = &toks[j - 1];
                p.low == "," || is_quote_mark(p) || self.in_quote(p.span.start)
            };
            if !after_break {
                continue;
            }
            if let Some(m) = first_at(j + 1, (j + 4).min(n), &|m| m.kind != EntityKind::Misc) {
                if toks[j + 1..m.first].iter().all(|t| t.word) {
                    out.push((self.named_who(&m), m.span, Via::Verb));
                }
            }
        }
    }

    /// Credits the outlet that carried a statement ("X told Fox News").
    fn carried(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let first_at =
            |a: usize, b: usize, ok: &dyn Fn(&M) -> bool| first_at(&scan.mentions, a, b, ok);
        // "X told Fox News": the outlet that carried the statement is credited
        // (kind outlet), like the outlet of "an interview with X".
        for j in 0..n {
            if !matches!(&*toks[j].low, "told" | "tells" | "telling")
                || self.in_quote(toks[j].span.start)
            {
                continue;
            }
            let m = first_at(j + 1, (j + 3).min(n), &|m| m.kind == EntityKind::Outlet);
            if let Some(m) = m {
                if toks[j + 1..m.first].iter().all(|t| t.word) {
                    out.push((self.named_who(&m), m.span, Via::Carried));
                }
            }
        }
    }

    /// Credits the journal or publisher of "published in the journal X".
    fn journals(&self, u: usize, scan: &Scan, out: &mut Vec<Found>) {
        let toks = &self.units[u].toks;
        let n = toks.len();
        let mentions = &scan.mentions[..];
        // "published (Wednesday) in the journal Nature": the journal is a source.
        for j in 0..n {
            if toks[j].low != "published" || self.in_quote(toks[j].span.start) {
                continue;
            }
            let Some(p) = (j + 1..n.min(j + 4)).find(|&k| toks[k].low == "in") else {
                continue;
            };
            if toks[j + 1..p].iter().any(|t| !t.word) {
                continue;
            }
            let mut a = p + 1;
            while a < n && matches!(&*toks[a].low, "the" | "journal" | "magazine") && !toks[a].cap {
                a += 1;
            }
            if toks.get(a).is_some_and(|t| t.low == "the") {
                a += 1;
            }
            // The capitalised name after "in (the journal)".
            let mut e = a;
            while e < n.min(a + 10)
                && toks[e].word
                && (toks[e].cap || matches!(&*toks[e].low, "of" | "the" | "and" | "for"))
            {
                e += 1;
            }
            while e > a && !toks[e - 1].cap {
                e -= 1;
            }
            let publisher = |m: &M| {
                matches!(
                    m.kind,
                    EntityKind::Outlet | EntityKind::Org | EntityKind::Misc
                )
            };
            // An entity naming the whole run ("The Lancet", "Nature Geoscience").
            let whole = mentions
                .iter()
                .find(|m| m.first > p && m.first <= a && m.last + 1 >= e && publisher(m));
            if let Some(m) = whole {
                let who = match self.named_who(m) {
                    Who::Named { entity, name, kind } => Who::Named {
                        entity,
                        name,
                        kind: if kind == SourceKind::Outlet {
                            kind
                        } else {
                            SourceKind::Org
                        },
                    },
                    w => w,
                };
                out.push((who, m.span, Via::Intro { indefinite: false }));
                continue;
            }
            // A journal the entity stage did not name, or named only in part
            // ("Journal of the [American Heart Association]"): its capitalised words.
            let other = mentions
                .iter()
                .any(|m| m.first < e && m.last >= a && !publisher(m));
            if e > a && !other && toks[a].cap && (e - a >= 2 || toks[p + 1].low == "journal") {
                let span = self.tok_span(u, a, e);
                let name = collapse(self.doc.slice(span));
                out.push((
                    Who::Named {
                        entity: None,
                        name,
                        kind: SourceKind::Org,
                    },
                    span,
                    Via::Intro { indefinite: false },
                ));
            }
        }
    }

    /// Whether the report noun at token `k` is introduced with a/an/one, and
    /// whether it is marked as another, separate report.
    pub(crate) fn indefinite(&self, u: usize, k: usize) -> (bool, bool) {
        let toks = &self.units[u].toks;
        let mut b = k;
        while b > 0 && k - b < 4 && toks[b - 1].word {
            let w = &*toks[b - 1].low;
            if matches!(w, "a" | "an" | "one") {
                return (true, false);
            }
            if has(SECOND_REPORT_MARKER, w) {
                return (false, true);
            }
            if REFERRING_DETERMINERS.contains(w) {
                break;
            }
            b -= 1;
        }
        (false, false)
    }
}

//! Quote speakers: what each speaker from the quote stage is credited as.

use crate::ctx::{Ctx, Via, Who};
use crate::cues::collapse;
use crate::lexicon::*;
use crate::names::{cap_run_end, guess_kind, name_ok, source_kind};
use crate::tok::{view, Tok};
use unspin_doc::{Doc, QuoteKind, Span};

impl<'a> Ctx<'a> {
    pub(crate) fn unit_of(&self, pos: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.span.end <= pos);
        (i < self.units.len() && self.units[i].span.start <= pos).then_some(i)
    }

    /// Credits from the quote stage: each quote's speaker.
    pub(crate) fn quote_credits(&mut self) {
        let doc = self.doc;
        for q in &doc.quotes {
            if q.kind == QuoteKind::Scare || (q.kind == QuoteKind::Indirect && minor_clause(doc, q))
            {
                continue;
            }
            let Some(sp) = &q.speaker else { continue };
            let Some(u) = self
                .unit_of(sp.span.start)
                .or_else(|| self.unit_of(q.span.start))
            else {
                continue;
            };
            let who = match sp.entity.and_then(|e| doc.entities.get(e).map(|x| (e, x))) {
                Some((e, ent)) => Who::Named {
                    entity: Some(e),
                    name: ent.name.clone(),
                    kind: source_kind(ent),
                },
                None => match speaker_who(doc, sp.span, self.fallback) {
                    // "Others worried about …": a vague group's feelings or beliefs
                    // (reported speech whose cue reports no statement) describe
                    // people, they do not source a claim.
                    Who::Anonymous(_) if q.kind == QuoteKind::Indirect && !states(doc, q.cue) => {
                        Who::Generic
                    }
                    w => w,
                },
            };
            self.push(who, sp.span, u, Via::Quote(q.kind));
        }
    }
}

/// True when reported speech, with its speaker and cue, is a small clause inside the
/// writer's own sentence ("… hearing what she wants to be told"): under a third of
/// the sentence's non-space characters. It credits no source.
pub(crate) fn minor_clause(doc: &Doc, q: &unspin_doc::Quote) -> bool {
    let mut ext = q.span;
    for s in q.cue.iter().chain(q.speaker.as_ref().map(|s| &s.span)) {
        ext = Span::new(ext.start.min(s.start), ext.end.max(s.end));
    }
    let i = doc
        .sentences
        .partition_point(|s| s.span.end <= q.span.start);
    let Some(s) = doc
        .sentences
        .get(i)
        .filter(|s| s.span.start <= q.span.start)
    else {
        return false;
    };
    let t = &doc.text;
    let count = |a: usize, b: usize| t[a..b].chars().filter(|c| !c.is_whitespace()).count();
    let (a, b) = (ext.start.max(s.span.start), ext.end.min(s.span.end));
    b > a && count(a, b) * 3 < count(s.span.start, s.span.end)
}

/// True when the cue (any of its words) reports a statement or a claim ("said",
/// "told", "according to", "believe (that)"), not only a feeling about something
/// ("worried about").
fn states(doc: &Doc, cue: Option<Span>) -> bool {
    let Some(c) = cue else { return false };
    let words = view(doc, c);
    let statement =
        unspin_lex::speech::SPEECH | unspin_lex::speech::RUMOUR | unspin_lex::speech::THAT;
    words.iter().any(|t| {
        t.word && (unspin_lex::speech::kinds(&t.low) & statement != 0 || t.is(INVERSION_VERB))
    })
}

/// What an unresolved quote speaker names: an unnamed source ("some advisers"),
/// someone already named or a pronoun (credited, no new source), or — when
/// there is no entity layer to resolve names — the capitalised name in it.
pub(crate) fn speaker_who(doc: &Doc, span: Span, fallback: bool) -> Who {
    let text = &doc.text;
    let words = view(doc, span);
    let low: Vec<&str> = words.iter().filter(|t| t.word).map(|t| &*t.low).collect();
    // "Some say …", "others argue", "many people believe": a quantifier with no
    // head, or with a head that names no one, is the vaguest source of all.
    let quantifier = |w: &str| VAGUE_QUANTIFIERS.contains(w);
    let vague = match low.as_slice() {
        [q] => quantifier(q),
        [q, h] => quantifier(q) && has(WEAK_SOURCE_NOUN, h),
        _ => false,
    };
    if vague {
        return Who::Anonymous(low.join(" "));
    }
    // "Reports have surfaced …", "media reports said …": reports that name no outlet
    // are hearsay.
    if low.last().is_some_and(|w| has(PLURAL_REPORT_NOUN, w))
        && !words
            .iter()
            .any(|t| t.word && t.cap && !has(PLURAL_REPORT_NOUN, &t.low))
    {
        return Who::Rumour(low.join(" "));
    }
    if low
        .iter()
        .any(|w| has(SOURCE_NOUN, w) && !has(WEAK_SOURCE_NOUN, w))
        || low
            .windows(2)
            .any(|p| has(SOURCE_NOUN, p[0]) && matches!(p[1], "familiar" | "close"))
    {
        let first_low = low
            .first()
            .is_some_and(|w| has(SOURCE_DETERMINER, w) || has(SOURCE_NOUN, w));
        // The phrase up to its head, with a sourcing postmodifier if any:
        // "Officials say consumer" -> "Officials"; a stray leading letter goes.
        let ws: Vec<&Tok> = words.iter().filter(|t| t.word).collect();
        let head = ws
            .iter()
            .rposition(|t| t.is(SOURCE_NOUN) && !t.is(WEAK_SOURCE_NOUN))
            .or_else(|| ws.iter().position(|t| t.is(SOURCE_NOUN)))
            .unwrap_or(ws.len() - 1);
        let keep_all = ws
            .get(head + 1)
            .is_some_and(|t| SOURCE_POSTMODIFIER_STARTS.contains(&t.low));
        let first = ws
            .iter()
            .position(|t| t.low.chars().count() > 1 || matches!(&*t.low, "a" | "i"))
            .unwrap_or(0)
            .min(head);
        let end = if keep_all {
            span.end
        } else {
            ws[head].span.end
        };
        let mut n = collapse(&text[ws[first].span.start..end]);
        if first_low {
            if let Some(c) = n.chars().next() {
                n = c.to_lowercase().collect::<String>() + &n[c.len_utf8()..];
            }
        }
        return Who::Anonymous(n);
    }
    if !fallback {
        return Who::Generic;
    }
    // The capitalised name ending "reporter Jane Doe" / "the Daily Planet"
    // ("a British newspaper" and "Doe's lawyers" name no one).
    let end = words.iter().rposition(|t| t.word).map_or(0, |i| i + 1);
    let mut a = end;
    while a > 0 && (words[a - 1].word && words[a - 1].cap || words[a - 1].low == ".") {
        a -= 1;
    }
    while a < end && !words[a].word {
        a += 1;
    }
    if a >= end || cap_run_end(&words, a) < end {
        return Who::Generic;
    }
    let Some((a, b)) = name_ok(&words, a, end) else {
        return Who::Generic;
    };
    let n = collapse(&text[words[a].span.start..words[b - 1].span.end]);
    let kind = guess_kind(&n);
    Who::Named {
        entity: None,
        name: n,
        kind,
    }
}

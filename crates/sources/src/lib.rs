//! Sources: who claims are credited to (named, anonymous, rumour), how each
//! sentence is sourced, and findings about the sourcing.
//!
//! Every rule works on general news phrasing (reporting verbs, "according to",
//! "a report from X", "sources say", "is rumored to", …) over the sentences,
//! entities and quotes laid down by the earlier stages. Words inside quotations
//! belong to the person quoted, so the rules ignore them. When there is no
//! entity layer at all, capitalised names next to those cues stand in for entities.
//!
//! Findings written (kind: when):
//! - `source_conflict`: a report introduced as one outlet's ("a new report from A",
//!   "according to A") has its words credited later to another outlet B, with no
//!   sign of a second report, and the article goes back to A afterwards.
//! - `unattributed_quote`: a direct quotation in the body with no speaker (not one
//!   the writer introduces with a colon).
//! - `anonymous_sourcing`: each unnamed source ("some advisers", "officials said").
//! - `rumour`: each claim passed on with no source ("is rumored to", "reportedly").
//! - `no_named_sources`: a body of five or more sentences crediting no named source.
//! - `mostly_unsourced`: more than 80% of eight or more body sentences credit no
//!   source, in an article not labelled as opinion.
//! - `caption_credit_not_source`: a photo credit naming someone never cited.

mod findings;
mod lexicon;
mod tok;

use std::collections::HashMap;

use lexicon::*;
use tok::{tokenize, PatSet, Tok};
use unspin_doc::{
    Attribution, Doc, EntityKind, ParagraphKind, QuoteKind, Source, SourceKind, Span,
};

/// Longest unit (sentence) scanned for sourcing cues, in tokens.
const MAX_UNIT_TOKENS: usize = 600;

/// Who a credit names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    Named {
        entity: Option<usize>,
        name: String,
        kind: SourceKind,
    },
    Anonymous(String),
    Rumour(String),
    /// Credited to someone already named or to a pronoun ("according to her",
    /// "according to the report"): the sentence is attributed, no new source.
    Generic,
}

/// How a credit was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    Quote(QuoteKind),
    Verb,
    According,
    /// "a new report from X"; `indefinite` when introduced with a/an/one.
    Intro {
        indefinite: bool,
    },
    Possessive,
    By,
    Interview,
    /// The outlet that carried a person's statement ("told Fox News", "in an
    /// interview with the Herald"): where a fact-checker finds the words.
    Carried,
    Phrase,
}

/// One place where the article credits a claim to someone (or to no one).
#[derive(Debug, Clone)]
pub(crate) struct Credit {
    pub who: Who,
    pub span: Span,
    /// Index into `Ctx::units`.
    pub unit: usize,
    pub via: Via,
}

/// A stretch of text the rules run on: a sentence (or a paragraph or the whole
/// text when there are no sentences yet).
pub(crate) struct Unit<'a> {
    pub span: Span,
    pub sentence: Option<usize>,
    pub toks: Vec<Tok<'a>>,
}

/// An entity mention located in a unit's tokens.
#[derive(Debug, Clone, Copy)]
struct M {
    span: Span,
    entity: usize,
    kind: EntityKind,
    first: usize,
    last: usize,
}

pub(crate) struct Ctx<'a> {
    pub doc: &'a Doc,
    pub units: Vec<Unit<'a>>,
    /// Content spans of quotations (not indirect speech): rules skip their words.
    pub quoted: Vec<Span>,
    pub credits: Vec<Credit>,
    /// Report introductions marked as another/second/separate report.
    pub second_report: bool,
    /// No entity layer: take capitalised names as sources on their own.
    pub fallback: bool,
    /// Every entity mention as (span, entity index), by start.
    all_mentions: Vec<(Span, usize)>,
    /// First credit pushed while scanning the current unit: the unit rules credit
    /// only the unit they scan, so earlier credits belong to earlier units.
    unit_credits_from: usize,
}

/// Adds `doc.sources`, `doc.findings` and each sentence's `attribution`
/// (reads entities and quotes).
pub fn detect(doc: &mut Doc) {
    let (sources, attributions, found) = {
        let mut cx = Ctx::new(doc);
        cx.run();
        let sources = cx.sources();
        let attributions = cx.attributions();
        let found = findings::findings(&cx, &sources, &attributions);
        (sources, attributions, found)
    };
    for (s, a) in doc.sentences.iter_mut().zip(attributions) {
        s.attribution = a;
    }
    doc.sources = sources;
    // Running the stage again replaces its findings instead of repeating them.
    doc.findings
        .retain(|f| !findings::KINDS.contains(&f.kind.as_str()));
    doc.findings.extend(found);
}

/// The source kind of an entity; an organisation named like a publication
/// ("… Post", "… News") counts as an outlet.
fn source_kind(e: &unspin_doc::Entity) -> SourceKind {
    match e.kind {
        EntityKind::Person => SourceKind::Person,
        EntityKind::Outlet => SourceKind::Outlet,
        EntityKind::Org if guess_kind(&e.name) == SourceKind::Outlet => SourceKind::Outlet,
        _ => SourceKind::Org,
    }
}

/// Guesses the kind of a name the entity stage did not resolve.
fn guess_kind(name: &str) -> SourceKind {
    const OUTLET: &[&str] = &[
        "times",
        "post",
        "news",
        "magazine",
        "journal",
        "press",
        "tribune",
        "herald",
        "reuters",
        "associated",
        "gazette",
        "telegraph",
        "guardian",
        "daily",
        "weekly",
        "radio",
        "tv",
        "network",
        "broadcasting",
        "review",
        "chronicle",
        "observer",
    ];
    const PERSON_TITLES: &[&str] = &[
        "secretary",
        "director",
        "judge",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "governor",
        "gov.",
        "mayor",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "ceo",
        "attorney",
        "lawyer",
        "professor",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "reporter",
        "editor",
        "columnist",
        "correspondent",
        "leader",
        "general",
        "officer",
        "sheriff",
        "commissioner",
    ];
    const ORG: &[&str] = &[
        "inc",
        "inc.",
        "corp",
        "corp.",
        "department",
        "ministry",
        "university",
        "institute",
        "agency",
        "committee",
        "office",
        "council",
        "bureau",
        "center",
        "centre",
        "foundation",
        "party",
        "association",
        "commission",
        "court",
        "police",
        "company",
        "group",
        "administration",
        "government",
        "union",
        "board",
    ];
    let low = name.to_lowercase();
    let words: Vec<&str> = low.split_whitespace().collect();
    if words.iter().any(|w| PERSON_TITLES.contains(w)) {
        SourceKind::Person
    } else if words.last().is_some_and(|w| OUTLET.contains(w)) {
        SourceKind::Outlet
    } else if words.iter().any(|w| ORG.contains(w)) {
        SourceKind::Org
    } else {
        SourceKind::Person
    }
}

/// The text of a span with whitespace collapsed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_closing_punct(t: &Tok) -> bool {
    !t.word && matches!(&*t.low, "." | ";" | ":" | "?" | "!")
}

fn is_quote_mark(t: &Tok) -> bool {
    !t.word && matches!(&*t.low, "\"" | "“" | "”" | "'" | "‘")
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(doc: &'a Doc) -> Self {
        let spans: Vec<(Span, Option<usize>)> = if !doc.sentences.is_empty() {
            doc.sentences
                .iter()
                .enumerate()
                .map(|(i, s)| (s.span, Some(i)))
                .collect()
        } else if !doc.paragraphs.is_empty() {
            doc.paragraphs.iter().map(|p| (p.span, None)).collect()
        } else {
            vec![(Span::new(0, doc.text.len()), None)]
        };
        let units = spans
            .into_iter()
            .map(|(span, sentence)| {
                let mut toks = tokenize(&doc.text, span);
                // No real sentence is this long (run-on junk, a 5 MB single line):
                // it is not scanned for cues, which keeps the work linear.
                if toks.len() > MAX_UNIT_TOKENS {
                    toks.clear();
                }
                Unit {
                    span,
                    sentence,
                    toks,
                }
            })
            .collect();
        // Quoted stretches, sorted and merged so that `in_quote` can binary-search.
        let mut spans: Vec<Span> = doc
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| q.span)
            .collect();
        spans.sort();
        let mut quoted: Vec<Span> = Vec::with_capacity(spans.len());
        for q in spans {
            match quoted.last_mut() {
                Some(l) if q.start <= l.end => l.end = l.end.max(q.end),
                _ => quoted.push(q),
            }
        }
        Ctx {
            doc,
            units,
            quoted,
            credits: Vec::new(),
            second_report: false,
            fallback: doc.entities.is_empty(),
            all_mentions: {
                let mut v: Vec<(Span, usize)> = doc
                    .entities
                    .iter()
                    .enumerate()
                    .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
                    .collect();
                v.sort();
                v
            },
            unit_credits_from: 0,
        }
    }

    fn run(&mut self) {
        static PATS: std::sync::OnceLock<[PatSet; 3]> = std::sync::OnceLock::new();
        let [rumour, postmod, standalone] = PATS.get_or_init(|| {
            [
                PatSet::new(RUMOUR),
                PatSet::new(ANON_POSTMOD),
                PatSet::new(ANON_STANDALONE),
            ]
        });
        for u in 0..self.units.len() {
            self.unit_credits_from = self.credits.len();
            self.rumours(u, rumour);
            self.anonymous(u, postmod, standalone);
            self.named(u);
        }
        self.quote_credits();
        // Hearsay words in a sentence that names its source ("…, reportedly,
        // according to the AP") are not unsourced.
        let sourced: std::collections::HashSet<usize> = self
            .credits
            .iter()
            .filter(|c| matches!(c.who, Who::Named { .. }))
            .filter(|c| matches!(c.via, Via::According | Via::By | Via::Intro { .. }))
            .map(|c| c.unit)
            .collect();
        self.credits
            .retain(|c| !(matches!(c.who, Who::Rumour(_)) && sourced.contains(&c.unit)));
        // One credit per (span, who): several rules may find the same words; keep
        // the most telling way of crediting.
        let rank = |v: &Via| match v {
            Via::Intro { indefinite: true } => 0,
            Via::Intro { .. } => 1,
            Via::According => 2,
            Via::Possessive => 3,
            Via::By => 4,
            Via::Quote(_) => 5,
            Via::Verb => 6,
            Via::Interview => 7,
            Via::Carried => 8,
            Via::Phrase => 9,
        };
        self.credits
            .sort_by_key(|c| (c.span.start, c.span.end, rank(&c.via)));
        let mut seen = std::collections::HashSet::new();
        self.credits
            .retain(|c| seen.insert((c.span, c.who.clone())));
        self.credits.sort_by_key(|c| (c.span.start, c.span.end));
    }

    /// True when byte `pos` lies inside quoted words.
    pub(crate) fn in_quote(&self, pos: usize) -> bool {
        // `quoted` is sorted and disjoint: only the last span starting at or before `pos` can hold it.
        let i = self.quoted.partition_point(|q| q.start <= pos);
        i > 0 && pos < self.quoted[i - 1].end
    }

    fn tok_span(&self, u: usize, a: usize, b: usize) -> Span {
        let t = &self.units[u].toks;
        Span::new(t[a].span.start, t[b - 1].span.end)
    }

    fn push(&mut self, who: Who, span: Span, unit: usize, via: Via) {
        self.credits.push(Credit {
            who,
            span,
            unit,
            via,
        });
    }

    /// Entity mentions inside unit `u`, with their token positions.
    fn mentions(&self, u: usize) -> Vec<M> {
        let unit = &self.units[u];
        let lo = self
            .all_mentions
            .partition_point(|(s, _)| s.start < unit.span.start);
        let hi = self
            .all_mentions
            .partition_point(|(s, _)| s.start < unit.span.end);
        let mut out = Vec::new();
        for &(span, entity) in &self.all_mentions[lo..hi.max(lo)] {
            if !unit.span.contains(&span) || span.is_empty() {
                continue;
            }
            // Tokens are in text order: binary search keeps long units linear.
            let f = unit.toks.partition_point(|t| t.span.end <= span.start);
            let first = (f < unit.toks.len()).then_some(f);
            let last = unit
                .toks
                .partition_point(|t| t.span.start < span.end)
                .checked_sub(1);
            if let (Some(first), Some(last)) = (first, last) {
                if first <= last {
                    out.push(M {
                        span,
                        entity,
                        kind: self.doc.entities[entity].kind,
                        first,
                        last,
                    });
                }
            }
        }
        out.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
        out
    }

    fn named_who(&self, m: &M) -> Who {
        let e = &self.doc.entities[m.entity];
        Who::Named {
            entity: Some(m.entity),
            name: e.name.clone(),
            kind: source_kind(e),
        }
    }

    /// Unsourced hearsay: "is rumored to", "reports have surfaced", "reportedly", …
    fn rumours(&mut self, u: usize, pats: &PatSet) {
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
            if matches!(
                first,
                "reports" | "accounts" | "rumors" | "rumours" | "whispers"
            ) {
                // "the reports say" points back at named reports; "CNN reports" is a verb.
                ok &= !matches!(
                    prev,
                    "the" | "these" | "those" | "his" | "her" | "their" | "its" | "'s" | "both"
                );
                ok &= !mentions.iter().any(|m| m.last + 1 == i);
            }
            if first == "word" {
                ok &= !matches!(
                    prev,
                    "the"
                        | "a"
                        | "this"
                        | "that"
                        | "every"
                        | "each"
                        | "one"
                        | "last"
                        | "final"
                        | "no"
                        | "his"
                        | "her"
                        | "my"
                        | "your"
                        | "their"
                        | "whose"
                );
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

    /// Unnamed sources: "some advisers have suggested", "officials said",
    /// "a source close to", "people familiar with the matter", "said one aide".
    fn anonymous(&mut self, u: usize, postmod: &PatSet, standalone: &PatSet) {
        let mentions = self.mentions(u);
        let toks = &self.units[u].toks;
        let title_case = title_case(toks);
        let n = toks.len();
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut spokes_for: Vec<M> = Vec::new();
        let mut h = 0;
        while h < n {
            let t = &toks[h];
            if !t.word || !t.is(bit::ANON_HEADS) || self.in_quote(t.span.start) {
                h += 1;
                continue;
            }
            if found.iter().any(|&(a, b)| a <= h && h < b) {
                h += 1;
                continue;
            }
            let head = &*t.low;
            let partisan = matches!(
                head,
                "democrats" | "republicans" | "conservatives" | "liberals" | "progressives"
            );
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
            // Walk left over determiners and modifiers.
            let mut start = h;
            let mut det = false;
            // A determiner a word or two back: "a US embassy official".
            let mut k = h;
            while k > 0 && h - k < 3 {
                let p = &toks[k - 1];
                if !p.word || p.low == "'s" {
                    break;
                }
                if matches!(
                    &*p.low,
                    "a" | "an"
                        | "one"
                        | "two"
                        | "three"
                        | "several"
                        | "some"
                        | "many"
                        | "the"
                        | "other"
                        | "multiple"
                ) {
                    start = k - 1;
                    det = true;
                    break;
                }
                if p.is(bit::STOP_LEFT)
                    || p.is(bit::SPEECH_VERBS)
                    || p.is(bit::ANON_HEADS)
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
                if !p.word || (p.low.chars().count() < 2 && !p.is(bit::DETS)) {
                    break;
                }
                let w = &*p.low;
                if has(DETS, w) {
                    start -= 1;
                    det = true;
                    continue;
                }
                if det || has(STOP_LEFT, w) || has(SPEECH_VERBS, w) || has(ANON_HEADS, w) {
                    break;
                }
                let adj = has(MODS, w)
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
            let weak = has(WEAK_HEADS, head);
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
            let by_agent =
                prev == Some("by") && prev2.is_some_and(|w| has(BY_PARTICIPLES, w) || w == "told");
            if !according && !by_agent && prev.is_some_and(|w| has(OBJECT_BEFORE, w)) {
                h += 1;
                continue;
            }
            // Extend over a sourcing postmodifier ("close to the campaign").
            let pm_end = postmod.longest_at(toks, h + 1);
            let mut end = h + 1;
            if let Some(pe) = pm_end {
                end = pe;
                let mut k = 0;
                while end < n
                    && k < 6
                    && toks[end].word
                    && !toks[end].is(bit::SPEECH_VERBS)
                    && !toks[end].is(bit::VERB_GAP)
                    && !matches!(
                        &*toks[end].low,
                        "who"
                            | "which"
                            | "that"
                            | "and"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "may"
                            | "might"
                            | "should"
                            | "did"
                            | "do"
                            | "does"
                            | "not"
                            | "say"
                    )
                {
                    end += 1;
                    k += 1;
                }
            }
            if !det && !bare_ok(head) && pm_end.is_none() {
                h += 1;
                continue;
            }
            let mut credited = according || by_agent || pm_end.is_some();
            // Inverted: "…, said one aide."
            if !credited && !weak {
                let inverted =
                    prev.is_some_and(|w| has(INVERSION_VERBS, w)) && (end >= n || !toks[end].word);
                credited |= inverted;
            }
            // Followed by a reporting verb: "critics of the plan say".
            if !credited && !weak {
                let mut k = end;
                while k < n && k < end + 10 {
                    let w = &toks[k];
                    if is_closing_punct(w) || is_quote_mark(w) {
                        break;
                    }
                    // Another clause or subject begins.
                    if matches!(
                        &*w.low,
                        "that"
                            | "whether"
                            | "if"
                            | "because"
                            | "when"
                            | "after"
                            | "before"
                            | "but"
                            | "while"
                            | "than"
                            | "what"
                            | "it"
                            | "he"
                            | "she"
                            | "we"
                            | "i"
                            | "you"
                            | "they"
                    ) {
                        break;
                    }
                    if verb_at(toks, k, title_case) {
                        let plural = head.ends_with('s') || matches!(head, "people" | "police");
                        let third = w.low.ends_with('s') && !w.low.ends_with("ss");
                        let base = w.is(bit::BASE_VERBS);
                        // The verb of another subject: "allies … the state says".
                        if (plural && third) || (!plural && base) {
                            k += 1;
                            continue;
                        }
                        let passive = k > 0
                            && matches!(
                                &*toks[k - 1].low,
                                "been" | "be" | "being" | "is" | "are" | "was" | "were"
                            );
                        credited = !passive;
                        break;
                    }
                    k += 1;
                }
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
        // "…, speaking on condition of anonymity" with no phrase found above.
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
    fn normalise(&self, u: usize, a: usize, b: usize) -> String {
        let toks = &self.units[u].toks;
        let mut out = String::new();
        for (k, t) in toks[a..b].iter().enumerate() {
            let w = self.doc.slice(t.span);
            // Determiners always; a common word only when its capital comes from
            // opening the sentence ("Senior officials", not "State Department").
            let next_cap = toks.get(a + k + 1).is_some_and(|n| n.cap && k + 1 < b - a);
            let mod_like = matches!(&*t.low, "senior" | "top" | "former" | "current");
            let common = t.is(bit::DETS) && !(k == 0 && next_cap && mod_like)
                || (k == 0
                    && !next_cap
                    && (t.is(bit::MODS) || t.is(bit::ANON_HEADS))
                    && !matches!(
                        &*t.low,
                        "democrats" | "republicans" | "conservatives" | "liberals" | "progressives"
                    ));
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

    /// Named sources: "according to X", "X said/reported/found", "a report from X",
    /// "X's reporting", "first reported by X", "…, said X", "in an interview with X",
    /// "told <outlet>" (the outlet that carried the words), "published in the
    /// journal X", "The group behind it, X, says".
    fn named(&mut self, u: usize) {
        let mentions = self.mentions(u);
        let toks = &self.units[u].toks;
        let title_case = title_case(toks);
        let n = toks.len();
        let mut out: Vec<(Who, Span, Via)> = Vec::new();
        let mut second = false;
        let first_at = |a: usize, b: usize, ok: &dyn Fn(&M) -> bool| -> Option<M> {
            mentions
                .iter()
                .find(|m| m.first >= a && m.first < b && ok(m))
                .copied()
        };
        let anon_here: Vec<Span> = self.credits[self.unit_credits_from..]
            .iter()
            .filter(|c| c.unit == u)
            .map(|c| c.span)
            .collect();

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
            let run = cap_run_after(toks, i + 2, &mentions).filter(|_| self.fallback);
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

        let unnamed_here: Vec<Span> = self.credits[self.unit_credits_from..]
            .iter()
            .filter(|c| c.unit == u && matches!(c.who, Who::Anonymous(_)))
            .map(|c| c.span)
            .collect();
        for m in &mentions {
            // "some Republicans say", "Trump's advisers said": the group is unnamed.
            if self.in_quote(m.span.start) || unnamed_here.iter().any(|s| s.overlaps(&m.span)) {
                continue;
            }
            let prev = m.first.checked_sub(1).map(|p| &*toks[p].low);
            // Subject of a reporting verb: "X reported", "X first reported", "X found".
            let object = prev.is_some_and(|w| {
                matches!(
                    w,
                    "of" | "to"
                        | "for"
                        | "with"
                        | "told"
                        | "from"
                        | "by"
                        | "about"
                        | "in"
                        | "at"
                        | "near"
                )
            });
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
                    && toks.get(j + 1).is_some_and(|t| {
                        matches!(
                            &*t.low,
                            "a" | "an" | "the" | "who" | "which" | "one" | "citing" | "quoting"
                        )
                    })
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
                while j < n && gap < 3 && toks[j].is(bit::VERB_GAP) {
                    j += 1;
                    gap += 1;
                }
                if let Some(v) = toks.get(j) {
                    let speech = verb_at(toks, j, title_case);
                    let finding = v.is(bit::FINDING_VERBS)
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
                if let Some(k) = (k0..n.min(k0 + 3)).find(|&k| toks[k].is(bit::REPORT_NOUNS)) {
                    if toks[k0..k].iter().all(|t| t.word) {
                        out.push((self.named_who(m), m.span, Via::Possessive));
                    }
                }
            }
        }

        // "a new report from X", "a study by X", "an interview with X".
        for k in 0..n {
            if !toks[k].is(bit::REPORT_NOUNS) || self.in_quote(toks[k].span.start) {
                continue;
            }
            let mut p = k + 1;
            if toks.get(p).is_some_and(|t| {
                matches!(
                    &*t.low,
                    "published"
                        | "released"
                        | "conducted"
                        | "commissioned"
                        | "written"
                        | "produced"
                        | "authored"
                        | "issued"
                        | "carried"
                        | "aired"
                )
            }) {
                p += 1;
            }
            let Some(prep) = toks.get(p).map(|t| &*t.low) else {
                continue;
            };
            let interview = toks[k].low == "interview" && prep == "with";
            if !has(REPORT_PREPS, prep) && !interview {
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
                let run = cap_run_after(toks, p + 1, &mentions).filter(|_| self.fallback);
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

        // A capitalised name the entity stage did not find, before a reporting
        // verb: "…," the Daily Planet writes.
        for j in 1..n {
            if !self.fallback
                || !verb_at(toks, j, title_case)
                || toks[j].is(bit::NOUN_VERBS)
                || self.in_quote(toks[j].span.start)
                || title_case
            {
                continue;
            }
            let mut e = j;
            let mut gap = 0;
            while e > 0 && gap < 2 && toks[e - 1].is(bit::VERB_GAP) {
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
            if toks[a].is(bit::PRONOUNS) || toks[a].low == "the" {
                continue;
            }
            let span = Span::new(toks[a].span.start, toks[e - 1].span.end);
            let name = collapse(self.doc.slice(span));
            let kind = guess_kind(&name);
            if toks[j].is(bit::FINDING_VERBS) && kind == SourceKind::Person {
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

        // "He said …", "the agency said …", "the report found …": credited to
        // someone already named.
        for j in 1..n {
            if self.in_quote(toks[j].span.start) {
                continue;
            }
            let speech = verb_at(toks, j, title_case);
            let finding = toks[j].is(bit::FINDING_VERBS) && !toks[j].cap;
            if !speech && !finding {
                continue;
            }
            let mut e = j;
            let mut gap = 0;
            while e > 0 && gap < 2 && toks[e - 1].is(bit::VERB_GAP) {
                e -= 1;
                gap += 1;
            }
            if e == 0 {
                continue;
            }
            let s_tok = &toks[e - 1];
            let pronoun = speech && matches!(&*s_tok.low, "he" | "she" | "they" | "we");
            let described = e >= 2
                && matches!(&*toks[e - 2].low, "the" | "this" | "that" | "its" | "their")
                && s_tok.is(bit::GENERIC_SUBJECTS);
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

        // "first reported by X", "documents obtained by X".
        for j in 1..n {
            if toks[j].low != "by"
                || !toks[j - 1].is(bit::BY_PARTICIPLES)
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

        // Inverted: "…," said X. / "…," writes the magazine.
        for j in 0..n {
            let v = &toks[j];
            if v.low == "according" || !v.is(bit::INVERSION_VERBS) || self.in_quote(v.span.start) {
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

    /// Whether the report noun at token `k` is introduced with a/an/one, and
    /// whether it is marked as another, separate report.
    fn indefinite(&self, u: usize, k: usize) -> (bool, bool) {
        let toks = &self.units[u].toks;
        let mut b = k;
        while b > 0 && k - b < 4 && toks[b - 1].word {
            let w = &*toks[b - 1].low;
            if matches!(w, "a" | "an" | "one") {
                return (true, false);
            }
            if has(SECOND_REPORT, w) {
                return (false, true);
            }
            if matches!(w, "the" | "this" | "that" | "its" | "their") {
                break;
            }
            b -= 1;
        }
        (false, false)
    }

    fn unit_of(&self, pos: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.span.end <= pos);
        (i < self.units.len() && self.units[i].span.start <= pos).then_some(i)
    }

    /// Credits from the quote stage: each quote's speaker.
    fn quote_credits(&mut self) {
        let doc = self.doc;
        for q in &doc.quotes {
            if q.kind == QuoteKind::Scare {
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
                None => speaker_who(&doc.text, sp.span, self.fallback),
            };
            self.push(who, sp.span, u, Via::Quote(q.kind));
        }
    }

    /// Distinct sources in order of first credit.
    fn sources(&self) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::new();
        // Where each source is in `out`: by entity, or by kind and ASCII-lowercased
        // name (the match is `eq_ignore_ascii_case`), so that finding it is O(1).
        let mut by_entity: HashMap<usize, usize> = HashMap::new();
        let mut by_name: HashMap<(SourceKind, String), usize> = HashMap::new();
        // Per source, the running maximum of its mentions' ends (in `mentions`
        // order) and their largest start.
        let mut ends: Vec<Vec<usize>> = Vec::new();
        let mut max_start: Vec<usize> = Vec::new();
        for c in &self.credits {
            let (entity, name, kind) = match &c.who {
                Who::Named { entity, name, kind } => (*entity, name.clone(), *kind),
                Who::Anonymous(n) => (None, n.clone(), SourceKind::Anonymous),
                Who::Rumour(n) => (None, n.clone(), SourceKind::Rumour),
                Who::Generic => continue,
            };
            let pos = match entity {
                Some(e) => by_entity.get(&e).copied(),
                None => by_name.get(&(kind, name.to_ascii_lowercase())).copied(),
            };
            match pos {
                Some(i) => {
                    // Overlapping credits ("reporter X" and "X") keep the shorter span.
                    let ms = &mut out[i].mentions;
                    if c.span.is_empty() || c.span.start < max_start[i] {
                        // Not after every mention: the plain scan (credits come in
                        // text order, so this is rare).
                        match ms.iter().position(|m| m.overlaps(&c.span)) {
                            Some(k) if c.span.len() < ms[k].len() => ms[k] = c.span,
                            Some(_) => {}
                            None => ms.push(c.span),
                        }
                        ms.sort();
                        max_start[i] = ms.iter().map(|m| m.start).max().unwrap_or(0);
                        ends[i] = running_max_ends(ms);
                        continue;
                    }
                    // Every mention starts at or before the credit, so the first one
                    // that overlaps it is the first whose end passes its start.
                    let k = ends[i].partition_point(|&e| e <= c.span.start);
                    if k == ms.len() {
                        // `c` sorts last: pushing keeps `mentions` sorted.
                        ms.push(c.span);
                        let e = ends[i].last().copied().unwrap_or(0).max(c.span.end);
                        ends[i].push(e);
                        max_start[i] = c.span.start;
                    } else if c.span.len() < ms[k].len() {
                        ms.remove(k);
                        let at = ms.partition_point(|m| *m <= c.span);
                        ms.insert(at, c.span);
                        max_start[i] = c.span.start;
                        let run = ends[i].get(k.wrapping_sub(1)).copied().unwrap_or(0);
                        ends[i].truncate(k);
                        let mut e = run;
                        for m in &ms[k..] {
                            e = e.max(m.end);
                            ends[i].push(e);
                        }
                    }
                }
                None => {
                    match entity {
                        Some(e) => by_entity.insert(e, out.len()),
                        None => by_name.insert((kind, name.to_ascii_lowercase()), out.len()),
                    };
                    ends.push(vec![c.span.end]);
                    max_start.push(c.span.start);
                    out.push(Source {
                        entity,
                        name,
                        kind,
                        mentions: vec![c.span],
                    });
                }
            }
        }
        out
    }

    /// The attribution of every sentence (empty when there are no sentences).
    fn attributions(&self) -> Vec<Attribution> {
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
    fn attribution(
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
            {
                if let Some(sp) = &q.speaker {
                    let who = match sp.entity {
                        Some(_) => Who::Generic,
                        None => speaker_who(text, sp.span, self.fallback),
                    };
                    let is_named = matches!(who, Who::Named { .. } | Who::Generic);
                    best = Some(best.unwrap_or(false) || is_named);
                }
            }
            best
        };
        if here.iter().any(|c| named(c) && !partial(c))
            || quote_who(QuoteKind::Indirect) == Some(true)
        {
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
                    if has(HEADLINE_VAGUE, &words.join(" ")) {
                        return Attribution::Anonymous;
                    }
                }
            }
        }
        Attribution::Own
    }
}

/// The running maximum of the ends of `ms`.
fn running_max_ends(ms: &[Span]) -> Vec<usize> {
    let mut e = 0;
    ms.iter()
        .map(|m| {
            e = e.max(m.end);
            e
        })
        .collect()
}

/// The indices of the quotes overlapping each sentence, in document order; `None`
/// when the sentences are not in text order and disjoint (binary search needs it).
/// Linear in sentences plus quotes (a quote is listed once per sentence it spans).
fn quotes_by_sentence(doc: &Doc) -> Option<Vec<Vec<usize>>> {
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

/// True for a headline-style unit where most words are capitalised.
fn title_case(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    let caps = toks.iter().filter(|t| t.word && t.cap).count();
    words > 0 && caps * 10 >= words * 6
}

/// True when token `k` reads as a reporting verb here, not as a noun
/// ("the claims", "to reports") or part of a name ("United States").
fn verb_at(toks: &[Tok], k: usize, title_case: bool) -> bool {
    let w = &toks[k];
    if !w.word || !w.is(bit::SPEECH_VERBS) {
        return false;
    }
    if w.cap && k > 0 && !title_case {
        return false;
    }
    let prev = k.checked_sub(1).map(|p| &*toks[p].low).unwrap_or("");
    // "hard to believe": an infinitive, not the phrase's verb.
    prev != "to" && !(w.is(bit::NOUN_VERBS) && has(NOUN_BEFORE, prev))
}

/// True for a word that may follow the head of a source phrase ("officials
/// said", "a source close to", "aides privately"), as opposed to a noun the
/// head modifies ("the official position").
fn follows_source(w: &str) -> bool {
    has(SPEECH_VERBS, w)
        || has(VERB_GAP, w)
        || has(FOLLOW_SOURCE, w)
        || w.ends_with("ly")
        || w.ends_with("day")
}

/// What an unresolved quote speaker names: an unnamed source ("some advisers"),
/// someone already named or a pronoun (credited, no new source), or — when
/// there is no entity layer to resolve names — the capitalised name in it.
fn speaker_who(text: &str, span: Span, fallback: bool) -> Who {
    let words = tokenize(text, span);
    let low: Vec<&str> = words.iter().filter(|t| t.word).map(|t| &*t.low).collect();
    // "Some say …", "others argue", "many people believe": a quantifier with no
    // head, or with a head that names no one, is the vaguest source of all.
    let quantifier = |w: &str| matches!(w, "some" | "others" | "many" | "most" | "few" | "several");
    let vague = match low.as_slice() {
        [q] => quantifier(q),
        [q, h] => quantifier(q) && has(WEAK_HEADS, h),
        _ => false,
    };
    if vague {
        return Who::Anonymous(low.join(" "));
    }
    if low
        .iter()
        .any(|w| has(ANON_HEADS, w) && !has(WEAK_HEADS, w))
        || low
            .windows(2)
            .any(|p| has(ANON_HEADS, p[0]) && matches!(p[1], "familiar" | "close"))
    {
        let first_low = low
            .first()
            .is_some_and(|w| has(DETS, w) || has(ANON_HEADS, w));
        // The phrase up to its head, with a sourcing postmodifier if any:
        // "Officials say consumer" -> "Officials"; a stray leading letter goes.
        let ws: Vec<&Tok> = words.iter().filter(|t| t.word).collect();
        let head = ws
            .iter()
            .rposition(|t| t.is(bit::ANON_HEADS) && !t.is(bit::WEAK_HEADS))
            .or_else(|| ws.iter().position(|t| t.is(bit::ANON_HEADS)))
            .unwrap_or(ws.len() - 1);
        let keep_all = ws
            .get(head + 1)
            .is_some_and(|t| matches!(&*t.low, "familiar" | "close" | "with" | "of" | "for"));
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

/// End (exclusive) of the run of capitalised words from token `a`; a title
/// abbreviation's dot ("Mr.") stays inside the run.
fn cap_run_end(toks: &[Tok], a: usize) -> usize {
    let mut b = a;
    while b < toks.len() {
        let t = &toks[b];
        let title_dot = t.low == "."
            && b > a
            && unspin_segment::abbrev::is_title_abbrev_ci(&toks[b - 1].low)
            && toks.get(b + 1).is_some_and(|n| n.word && n.cap);
        if !(t.word && t.cap || title_dot) {
            break;
        }
        b += 1;
    }
    b
}

/// Trims function words off a capitalised run `[a, b)` and checks that what is
/// left can be a name (not "The", "Monday", "Some").
fn name_ok(toks: &[Tok], mut a: usize, b: usize) -> Option<(usize, usize)> {
    while a < b && (toks[a].is(bit::FUNCTION_WORDS) || toks[a].is(bit::PRONOUNS)) {
        a += 1;
    }
    if a >= b || !toks[a].word {
        return None;
    }
    let all_common = toks[a..b]
        .iter()
        .filter(|t| t.word)
        .all(|t| t.is(bit::NOT_NAMES) || t.is(bit::PRONOUNS) || t.is(bit::FUNCTION_WORDS));
    (!all_common).then_some((a, b))
}

/// The run of capitalised words starting at `from` (after an optional "the"),
/// as token range `[a, b)`, when no entity mention covers it.
fn cap_run_after(toks: &[Tok], from: usize, mentions: &[M]) -> Option<(usize, usize)> {
    let mut a = from;
    if toks.get(a).is_some_and(|t| t.low == "the") {
        a += 1;
    }
    let b = cap_run_end(toks, a);
    let (a, b) = name_ok(toks, a, b)?;
    let free = !mentions.iter().any(|m| m.first < b && m.last >= a);
    free.then_some((a, b))
}

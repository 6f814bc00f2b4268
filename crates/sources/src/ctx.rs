//! The scan: the units (sentences) and their tokens, quoted stretches, entity
//! mentions, and the credits the rules find, kept one per span and source.

use crate::lexicon::*;
use crate::names::source_kind;
use crate::tok::{view, PatSet, Tok};
use unspin_doc::{Doc, EntityKind, QuoteKind, SourceKind, Span};

/// Longest unit (sentence) scanned for sourcing cues, in tokens.
pub(crate) const MAX_UNIT_TOKENS: usize = 600;

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
pub(crate) struct M {
    pub(crate) span: Span,
    pub(crate) entity: usize,
    pub(crate) kind: EntityKind,
    pub(crate) first: usize,
    pub(crate) last: usize,
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
    pub(crate) all_mentions: Vec<(Span, usize)>,
    /// First credit pushed while scanning the current unit: the unit rules credit
    /// only the unit they scan, so earlier credits belong to earlier units.
    pub(crate) unit_credits_from: usize,
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
                let mut toks = view(doc, span);
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

    pub(crate) fn run(&mut self) {
        static PATS: std::sync::OnceLock<[PatSet; 3]> = std::sync::OnceLock::new();
        let [rumour, postmod, standalone] = PATS.get_or_init(|| {
            [
                PatSet::new(HEARSAY_PATTERNS.entries()),
                PatSet::new(ANONYMITY_POSTMODIFIERS.entries()),
                PatSet::new(ANONYMITY_PHRASES.entries()),
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

    pub(crate) fn tok_span(&self, u: usize, a: usize, b: usize) -> Span {
        let t = &self.units[u].toks;
        Span::new(t[a].span.start, t[b - 1].span.end)
    }

    pub(crate) fn push(&mut self, who: Who, span: Span, unit: usize, via: Via) {
        self.credits.push(Credit {
            who,
            span,
            unit,
            via,
        });
    }

    /// Entity mentions inside unit `u`, with their token positions.
    pub(crate) fn mentions(&self, u: usize) -> Vec<M> {
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

    pub(crate) fn named_who(&self, m: &M) -> Who {
        let e = &self.doc.entities[m.entity];
        Who::Named {
            entity: Some(m.entity),
            name: e.name.clone(),
            kind: source_kind(e),
        }
    }
}

//! Findings about sourcing that a fact-checker would want to be told.
//! Messages are neutral: they describe the sourcing, never a side.

use crate::ctx::{Credit, Ctx, Via, Who};
use crate::lexicon::*;
use unspin_doc::{
    Attribution, ChromeKind, Finding, FindingKind, ParagraphKind, QuoteKind, Source, SourceKind,
    Span,
};

/// The finding kinds this stage writes.
pub(crate) const KINDS: &[FindingKind] = &[
    FindingKind::SourceConflict,
    FindingKind::UnattributedQuote,
    FindingKind::AnonymousSourcing,
    FindingKind::Rumour,
    FindingKind::NoNamedSources,
    FindingKind::MostlyUnsourced,
    FindingKind::CaptionCreditNotSource,
];

/// Share of the writer's own statements above which `mostly_unsourced` is noted.
const MOSTLY_OWN: f64 = 0.8;
/// Fewest body sentences for `no_named_sources`.
const MIN_SENTENCES: usize = 5;
/// Fewest body sentences for `mostly_unsourced` (short briefs are left alone).
const MIN_SENTENCES_SHARE: usize = 8;

pub(crate) fn findings(cx: &Ctx, sources: &[Source], attr: &[Attribution]) -> Vec<Finding> {
    let mut out = Vec::new();
    source_conflicts(cx, &mut out);
    unattributed_quotes(cx, &mut out);
    for s in sources.iter().filter(|s| s.kind == SourceKind::Anonymous) {
        let times = match s.mentions.len() {
            1 => String::new(),
            n => format!(" (credited {n} times)"),
        };
        out.push(Finding {
            kind: FindingKind::AnonymousSourcing,
            message: format!("Claim credited to an unnamed source: “{}”{times}", s.name),
            spans: s.mentions.clone(),
        });
    }
    for c in &cx.credits {
        if let Who::Rumour(p) = &c.who {
            out.push(Finding {
                kind: FindingKind::Rumour,
                message: format!("Claim passed on with no source given: “{p}”"),
                spans: vec![c.span],
            });
        }
    }
    article_notes(cx, sources, attr, &mut out);
    caption_credits(cx, sources, &mut out);
    out
}

/// The name credited in a photo caption or credit line ("(Credit: AP)",
/// "Photo by Jane Doe", "AP Photo/John Roe"), if any.
fn photo_credit(line: &str) -> Option<String> {
    let low = line.to_lowercase();
    let (at, len) = PHOTO_CREDIT_MARKERS
        .entries()
        .iter()
        .filter_map(|m| low.find(m).map(|i| (i, m.len())))
        .min_by_key(|&(i, l)| (i, std::cmp::Reverse(l)))
        .or_else(|| {
            low.find(" photo/")
                .map(|i| (line[..i].rfind(['(', ' ']).map_or(0, |p| p + 1), 0))
        })?;
    let rest = &line[at + len..];
    let name: String = rest
        .split([')', '/', '|', ';', ']'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.')
        .trim()
        .to_string();
    let name = name
        .strip_suffix(" Photo")
        .unwrap_or(&name)
        .trim()
        .to_string();
    // Only something that reads as a name: capitalised words, a few connectors.
    let words: Vec<&str> = name.split_whitespace().collect();
    let plausible = !words.is_empty()
        && words.len() <= 6
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !name.contains(['@', '©', ',', ':'])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || CREDIT_NAME_CONNECTORS.contains(w)
        });
    plausible.then_some(name)
}

/// A name credited only for a photo is not a source of the article's claims.
fn caption_credits(cx: &Ctx, sources: &[Source], out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let mut seen: Vec<String> = Vec::new();
    for c in doc
        .chrome
        .iter()
        .filter(|c| matches!(c.kind, ChromeKind::Caption | ChromeKind::Credit))
    {
        let Some(name) = photo_credit(&c.text) else {
            continue;
        };
        let key = bare_name(&name);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        let named_source = sources.iter().any(|s| {
            let names = [
                Some(s.name.as_str()),
                s.entity.map(|e| doc.entities[e].name.as_str()),
            ];
            names.iter().flatten().any(|n| bare_name(n) == key)
        });
        if named_source {
            continue;
        }
        // Point at the name where the article text mentions it, if it does.
        let spans: Vec<Span> = doc
            .entities
            .iter()
            .filter(|e| bare_name(&e.name) == key)
            .flat_map(|e| e.mentions.iter().map(|m| m.span))
            .collect();
        // Only worth a note where the body names the credited party too.
        if spans.is_empty() {
            continue;
        }
        out.push(Finding {
            kind: FindingKind::CaptionCreditNotSource,
            message: format!(
                "“{name}” is credited only for a photo; it is not cited as a source for the article's claims"
            ),
            spans,
        });
    }
}

fn shorten(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{}…", cut.trim_end())
    }
}

fn unattributed_quotes(cx: &Ctx, out: &mut Vec<Finding>) {
    for q in &cx.doc.quotes {
        // Direct quotations in the body (block quotes and headings are often
        // pull-quotes or titles).
        let in_body = cx
            .doc
            .sentence_at(q.span.start)
            .and_then(|i| cx.doc.paragraphs.get(cx.doc.sentences[i].paragraph))
            .is_none_or(|p| matches!(p.kind, ParagraphKind::Body | ParagraphKind::ListItem));
        if q.kind == QuoteKind::Direct && in_body && q.speaker.is_none() && !colon_intro(cx, q.span)
        {
            out.push(Finding {
                kind: FindingKind::UnattributedQuote,
                message: format!(
                    "Quotation with no speaker given: “{}”",
                    shorten(cx.doc.slice(q.span), 60)
                ),
                spans: vec![q.span],
            });
        }
    }
}

/// True when the writer introduces the quotation with a colon after naming what
/// is quoted ("The report went on: \"…\""), so its source is in the sentence.
fn colon_intro(cx: &Ctx, q: Span) -> bool {
    let doc = cx.doc;
    let Some(si) = doc.sentence_at(q.start) else {
        return false;
    };
    let lead = doc.text[doc.sentences[si].span.start..q.start]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘'));
    if lead.ends_with(':') && lead.split_whitespace().count() >= 2 {
        return true;
    }
    // "The statement read:" closing the sentence before.
    lead.trim().is_empty()
        && si > 0
        && doc
            .slice(doc.sentences[si - 1].span)
            .trim_end()
            .ends_with(':')
}

/// An outlet: its entity, or its bare name when the entity stage left it unresolved.
type OutletKey = (Option<usize>, String);

/// A name lowercased without a leading "the".
fn bare_name(s: &str) -> String {
    let l = s.trim().to_lowercase();
    l.strip_prefix("the ").unwrap_or(&l).trim().to_string()
}

/// The same report credited to two different outlets: outlet A introduces or is
/// cited for a report, and later the report's words are credited to outlet B,
/// which the article never introduces as a report of its own and never presents
/// as a second, independent source.
fn source_conflicts(cx: &Ctx, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if cx.second_report || compares_reports(cx) || another_report(cx) {
        return;
    }
    // Indefinite introductions of reports ("a new report from X"): two or more
    // means the article deals with several reports.
    let intros = cx
        .credits
        .iter()
        .filter(|c| matches!(c.via, Via::Intro { indefinite: true }))
        .filter_map(|c| match &c.who {
            Who::Named {
                entity: Some(e), ..
            } => Some((Some(*e), String::new())),
            Who::Named { name, .. } => Some((None, bare_name(name))),
            _ => None,
        })
        .collect::<std::collections::BTreeSet<_>>();
    if intros.len() > 1 {
        return;
    }
    let single_report = cx.units.iter().any(|u| {
        u.toks
            .iter()
            .any(|t| t.is(SINGLE_REPORT_NOUN) && !cx.in_quote(t.span.start))
    });
    if !single_report {
        return;
    }
    let own = doc.meta.outlet.as_deref().map(bare_name);
    // Outlet credits grouped by entity (or by name when unresolved), in text order.
    let mut outlets: Vec<(OutletKey, Vec<&Credit>)> = Vec::new();
    for c in &cx.credits {
        let Who::Named {
            entity,
            kind: SourceKind::Outlet,
            name,
        } = &c.who
        else {
            continue;
        };
        let name = match entity {
            Some(e) => doc.entities[*e].name.clone(),
            None => name.clone(),
        };
        if own.as_deref() == Some(bare_name(&name).as_str()) {
            continue;
        }
        let key = match entity {
            Some(e) => (Some(*e), String::new()),
            None => (None, bare_name(&name)),
        };
        match outlets.iter_mut().find(|(x, _)| *x == key) {
            Some((_, v)) => v.push(c),
            None => outlets.push((key, vec![c])),
        }
    }
    let name_of = |c: &Credit| match &c.who {
        Who::Named {
            entity: Some(e), ..
        } => doc.entities[*e].name.clone(),
        Who::Named { name, .. } => name.clone(),
        _ => String::new(),
    };
    if outlets.len() < 2 {
        return;
    }
    let mut reported: Vec<&OutletKey> = Vec::new();
    for (a, a_credits) in &outlets {
        // Outlet A is presented as the author of a report ("a new report from A",
        // "according to A").
        let Some(anchor) = a_credits
            .iter()
            .find(|c| matches!(c.via, Via::Intro { .. } | Via::According))
        else {
            continue;
        };
        for (b, b_credits) in &outlets {
            if a == b || reported.contains(&b) || reported.contains(&a) {
                continue;
            }
            if b_credits.iter().any(|c| matches!(c.via, Via::Intro { .. })) {
                continue;
            }
            // Named side by side in one sentence: a comparison, not a mix-up.
            if b_credits
                .iter()
                .any(|bc| a_credits.iter().any(|ac| ac.unit == bc.unit))
            {
                continue;
            }
            let later: Vec<&&Credit> = b_credits
                .iter()
                .filter(|c| c.span.start > anchor.span.start)
                .filter(|c| {
                    matches!(
                        c.via,
                        Via::Verb | Via::According | Via::Quote(_) | Via::Possessive
                    )
                })
                .collect();
            let Some(first_b) = later.first() else {
                continue;
            };
            // The article goes back to A after crediting B: one report throughout.
            let back_to_a = a_credits.iter().any(|c| c.span.start > first_b.span.start)
                || a.0.is_some_and(|e| {
                    doc.entities[e]
                        .mentions
                        .iter()
                        .any(|m| m.span.start > first_b.span.start)
                });
            if !back_to_a {
                continue;
            }
            let independent = b_credits.iter().any(|c| {
                cx.units[c.unit]
                    .toks
                    .iter()
                    .any(|t| t.is(INDEPENDENCE_MARKER) && !cx.in_quote(t.span.start))
            });
            if independent {
                continue;
            }
            let a_name = name_of(anchor);
            let b_name = name_of(first_b);
            if bare_name(&a_name) == bare_name(&b_name) {
                continue;
            }
            out.push(Finding {
                kind: FindingKind::SourceConflict,
                message: format!(
                    "The same report is credited to {a_name} and to {b_name}; \
                     check which outlet published it"
                ),
                spans: vec![anchor.span, first_b.span],
            });
            reported.push(a);
            reported.push(b);
        }
    }
}

/// True when the article speaks of another report ("in a separate report",
/// "an earlier story").
fn another_report(cx: &Ctx) -> bool {
    cx.units.iter().any(|u| {
        u.toks.iter().enumerate().any(|(k, t)| {
            t.is(REPORT_NOUN)
                && !cx.in_quote(t.span.start)
                && u.toks[k.saturating_sub(2)..k]
                    .iter()
                    .any(|p| p.is(SECOND_REPORT_MARKER))
        })
    })
}

/// True when the article itself speaks of several reports ("both reports",
/// "the two stories", "competing accounts").
fn compares_reports(cx: &Ctx) -> bool {
    cx.units.iter().any(|u| {
        u.toks.windows(2).any(|w| {
            w[0].is(PLURAL_REPORT_DETERMINER)
                && w[1].is(PLURAL_REPORT_NOUN)
                && !cx.in_quote(w[0].span.start)
                && w[0].low != "the"
        }) || u.toks.windows(3).any(|w| {
            w[0].is(PLURAL_REPORT_DETERMINER)
                && w[1].word
                && w[2].is(PLURAL_REPORT_NOUN)
                && COMPARED_REPORT_DETERMINERS.contains(&w[0].low)
                && !cx.in_quote(w[0].span.start)
        })
    })
}

/// True when the page marks the article as opinion or commentary.
fn marked_opinion(cx: &Ctx) -> bool {
    let doc = cx.doc;
    let label = |s: &str| {
        let l = s.trim().to_lowercase();
        OPINION_LABELS.entries().iter().any(|x| {
            l == *x
                || [":", " |", " -", " —", " –"]
                    .iter()
                    .any(|sep| l.starts_with(&format!("{x}{sep}")))
        })
    };
    let url = doc.meta.url.as_deref().unwrap_or("").to_lowercase();
    doc.meta.title.as_deref().is_some_and(label)
        || doc
            .chrome
            .iter()
            .filter(|c| {
                !matches!(
                    c.kind,
                    ChromeKind::Navigation | ChromeKind::Teaser | ChromeKind::Ad
                )
            })
            .any(|c| label(&c.text))
        || OPINION_URL_PATHS.entries().iter().any(|p| url.contains(p))
        || doc
            .paragraphs
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading))
            .any(|p| label(doc.slice(p.span)))
}

fn article_notes(cx: &Ctx, sources: &[Source], attr: &[Attribution], out: &mut Vec<Finding>) {
    let doc = cx.doc;
    // Body sentences of a few words or more.
    let body: Vec<usize> = (0..doc.sentences.len().min(attr.len()))
        .filter(|&i| {
            let s = &doc.sentences[i];
            let kind_ok = match doc.paragraphs.get(s.paragraph) {
                Some(p) => matches!(
                    p.kind,
                    ParagraphKind::Body | ParagraphKind::Blockquote | ParagraphKind::ListItem
                ),
                None => true,
            };
            let words = doc
                .slice(s.span)
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            kind_ok && words >= 3
        })
        .collect();
    if body.len() < MIN_SENTENCES {
        return;
    }
    let named = sources.iter().any(|s| {
        matches!(
            s.kind,
            SourceKind::Person | SourceKind::Outlet | SourceKind::Org
        )
    });
    let claims = body
        .iter()
        .any(|&i| matches!(attr[i], Attribution::Own | Attribution::Anonymous));
    if !named && claims {
        let vague: Vec<Span> = sources
            .iter()
            .filter(|s| matches!(s.kind, SourceKind::Anonymous | SourceKind::Rumour))
            .flat_map(|s| s.mentions.iter().copied())
            .collect();
        out.push(Finding {
            kind: FindingKind::NoNamedSources,
            message: "No named source: the article credits no person, organisation or \
                      outlet for its claims"
                .into(),
            spans: vague,
        });
    }
    let own = body
        .iter()
        .filter(|&&i| attr[i] == Attribution::Own)
        .count();
    let share = own as f64 / body.len() as f64;
    if body.len() >= MIN_SENTENCES_SHARE && share > MOSTLY_OWN && !marked_opinion(cx) {
        out.push(Finding {
            kind: FindingKind::MostlyUnsourced,
            message: format!(
                "{own} of {} sentences ({:.0}%) give no source: they are the writer's own statements",
                body.len(),
                share * 100.0
            ),
            spans: vec![],
        });
    }
}

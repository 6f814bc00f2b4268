//! Findings about sourcing that a fact-checker would want to be told.
//! Messages are neutral: they describe the sourcing, never a side.

use crate::lexicon::*;
use crate::{Credit, Ctx, Via, Who};
use unspin_doc::{Attribution, Finding, ParagraphKind, QuoteKind, Source, SourceKind, Span};

/// Share of the writer's own statements above which `mostly_unsourced` is noted.
const MOSTLY_OWN: f64 = 0.8;
/// Fewest body sentences for the article-level notes.
const MIN_SENTENCES: usize = 5;

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
            kind: "anonymous_sourcing".into(),
            message: format!("Claim credited to an unnamed source: “{}”{times}", s.name),
            spans: s.mentions.clone(),
        });
    }
    for c in &cx.credits {
        if let Who::Rumour(p) = &c.who {
            out.push(Finding {
                kind: "rumour".into(),
                message: format!("Claim passed on with no source given: “{p}”"),
                spans: vec![c.span],
            });
        }
    }
    article_notes(cx, sources, attr, &mut out);
    out
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
        if matches!(q.kind, QuoteKind::Direct | QuoteKind::Block) && q.speaker.is_none() {
            out.push(Finding {
                kind: "unattributed_quote".into(),
                message: format!(
                    "Quotation with no speaker given: “{}”",
                    shorten(cx.doc.slice(q.span), 60)
                ),
                spans: vec![q.span],
            });
        }
    }
}

/// The outlet an article is published by, lowercased without "the".
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
    if cx.second_report || compares_reports(cx) {
        return;
    }
    // Indefinite introductions of reports ("a new report from X"): two or more
    // means the article deals with several reports.
    let intros = cx
        .credits
        .iter()
        .filter(|c| matches!(c.via, Via::Intro { indefinite: true }))
        .filter_map(|c| match c.who {
            Who::Named { entity, .. } => entity,
            _ => None,
        })
        .collect::<std::collections::BTreeSet<_>>();
    if intros.len() > 1 {
        return;
    }
    let single_report = cx.units.iter().any(|u| {
        u.toks
            .iter()
            .any(|t| has(SINGLE_REPORT_NOUNS, &t.low) && !cx.in_quote(t.span.start))
    });
    if !single_report {
        return;
    }
    let own = doc.meta.outlet.as_deref().map(bare_name);
    // Outlet credits grouped by entity (or by name when unresolved), in text order.
    let mut outlets: Vec<((Option<usize>, String), Vec<&Credit>)> = Vec::new();
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
    let mut reported: Vec<&(Option<usize>, String)> = Vec::new();
    for (a, a_credits) in &outlets {
        let Some(anchor) = a_credits.iter().find(|c| {
            matches!(
                c.via,
                Via::Intro { .. } | Via::According | Via::Possessive | Via::By
            )
        }) else {
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
            let independent = b_credits.iter().any(|c| {
                cx.units[c.unit]
                    .toks
                    .iter()
                    .any(|t| has(INDEPENDENT, &t.low) && !cx.in_quote(t.span.start))
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
                kind: "source_conflict".into(),
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

/// True when the article itself speaks of several reports ("both reports",
/// "the two stories", "competing accounts").
fn compares_reports(cx: &Ctx) -> bool {
    cx.units.iter().any(|u| {
        u.toks.windows(2).any(|w| {
            has(PLURAL_REPORTS_DET, &w[0].low)
                && has(PLURAL_REPORTS, &w[1].low)
                && !cx.in_quote(w[0].span.start)
                && w[0].low != "the"
        }) || u.toks.windows(3).any(|w| {
            has(PLURAL_REPORTS_DET, &w[0].low)
                && w[1].word
                && has(PLURAL_REPORTS, &w[2].low)
                && matches!(w[0].low.as_str(), "both" | "two" | "three" | "competing" | "conflicting")
                && !cx.in_quote(w[0].span.start)
        })
    })
}

/// True when the page marks the article as opinion or commentary.
fn marked_opinion(cx: &Ctx) -> bool {
    let doc = cx.doc;
    let label = |s: &str| {
        let l = s.trim().to_lowercase();
        OPINION_LABELS.iter().any(|x| {
            l == *x
                || [":", " |", " -", " —", " –"]
                    .iter()
                    .any(|sep| l.starts_with(&format!("{x}{sep}")))
        })
    };
    let url = doc.meta.url.as_deref().unwrap_or("").to_lowercase();
    doc.meta.title.as_deref().is_some_and(label)
        || doc.chrome.iter().any(|c| label(&c.text))
        || ["/opinion", "/commentary", "/op-ed", "/editorial", "/column"]
            .iter()
            .any(|p| url.contains(p))
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
            let kind_ok = doc.paragraphs.get(s.paragraph).map_or(true, |p| {
                matches!(
                    p.kind,
                    ParagraphKind::Body | ParagraphKind::Blockquote | ParagraphKind::ListItem
                )
            });
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
            kind: "no_named_sources".into(),
            message: "No named source: the article credits no person, organisation or \
                      outlet for its claims"
                .into(),
            spans: vague,
        });
    }
    let own = body.iter().filter(|&&i| attr[i] == Attribution::Own).count();
    let share = own as f64 / body.len() as f64;
    if share > MOSTLY_OWN && !marked_opinion(cx) {
        out.push(Finding {
            kind: "mostly_unsourced".into(),
            message: format!(
                "{own} of {} sentences ({:.0}%) give no source: they are the writer's own statements",
                body.len(),
                share * 100.0
            ),
            spans: vec![],
        });
    }
}

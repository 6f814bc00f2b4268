//! Definite descriptions that refer back to a news outlet ("the magazine").
//!
//! Rule: a description links to an outlet named earlier in the text, preferring
//! (1) the most recent outlet whose own name contains the description's noun
//! ("the magazine" → "… Magazine"), then (2) the most recent outlet of that type
//! in the shipped list (magazine, newspaper, broadcaster, agency), then (3) the
//! most recent outlet, unless it was named in a list with other outlets. Pronouns
//! are left to the quotes stage.

use unspin_doc::{Doc, Entity, EntityKind, Mention, Span};

use crate::lists::lists;
use crate::words::{description_name_word, outlet_description};

/// Adds `reference: true` mentions to outlet entities.
pub fn link_outlet_descriptions(doc: &Doc, entities: &mut [Entity]) {
    if !entities.iter().any(|e| e.kind == EntityKind::Outlet) {
        return;
    }
    let l = lists();
    let toks = &doc.tokens;
    for i in 1..toks.len() {
        let (a, b) = (toks[i - 1], toks[i]);
        if a.sentence != b.sentence || !matches!(doc.slice(a.span), "the" | "The") {
            continue;
        }
        let noun = doc.slice(b.span);
        let Some(types) = outlet_description(noun) else {
            continue;
        };
        // Followed by a capitalised word: part of a name ("the Daily Mail"), skip.
        let pos = a.span.start;
        // Candidates: outlets with a name mention before `pos`, with their last one.
        let mut best: Option<(u8, usize, usize)> = None; // (preference, last pos, entity)
        for (ei, e) in entities.iter().enumerate() {
            if e.kind != EntityKind::Outlet {
                continue;
            }
            let Some(last) = e
                .mentions
                .iter()
                .filter(|m| !m.reference && m.span.end <= pos)
                .map(|m| m.span.start)
                .max()
            else {
                continue;
            };
            let name_has = description_name_word(noun).iter().any(|w| {
                e.name.split(' ').any(|x| x == *w)
                    || e.mentions
                        .iter()
                        .any(|m| doc.slice(m.span).split(' ').any(|x| x == *w))
            });
            let typed = !types.is_empty()
                && l.gaz_entries.iter().any(|g| {
                    g.canonical == e.name && g.outlet_type.is_some_and(|t| types.contains(&t))
                });
            let pref = if name_has {
                2
            } else if typed {
                1
            } else {
                0
            };
            let key = (pref, last, ei);
            if best.is_none() || best.is_some_and(|b| (b.0, b.1) < (key.0, key.1)) {
                best = Some(key);
            }
        }
        // "the agency" is as often a government agency: only a known news agency.
        if noun == "agency" && best.is_some_and(|b| b.0 == 0) {
            continue;
        }
        // By recency alone, not when the outlet was named in a list with others
        // ("from the Times to CNN to Traveller"): which one is meant is a guess.
        if let Some((0, last, bi)) = best {
            let listed = entities.iter().enumerate().any(|(ei, e)| {
                ei != bi
                    && e.kind == EntityKind::Outlet
                    && e.mentions.iter().any(|m| {
                        !m.reference && m.span.end <= pos && m.span.start.abs_diff(last) <= 200
                    })
            });
            if listed {
                continue;
            }
        }
        if let Some((_, _, ei)) = best {
            entities[ei].mentions.push(Mention {
                span: Span::new(a.span.start, b.span.end),
                reference: true,
            });
        }
    }
    for e in entities.iter_mut() {
        e.mentions.sort_by_key(|m| m.span.start);
    }
}

//! In-document clustering of mention candidates into entities.
//!
//! People: mentions with a given name and a surname form full-name clusters keyed
//! by (first, last). A lone surname or given name ("Clinton", headline "Hillary"),
//! or title + surname ("Mrs. Clinton"), joins a full-name cluster with that
//! surname (else that given name). When several fit, the rule is, in order:
//! (1) gender implied by the title must agree with the cluster's gender (from its
//! titles, else the given-name list); (2) a cluster introduced with the same title
//! word wins ("President Clinton" → "President Bill Clinton"); (3) the cluster
//! with the most full-name mentions wins (the article's main person of that name);
//! (4) ties go to the one named most recently before the mention.
//! Other names cluster by their gazetteer canonical form or exact text (a dateline
//! place in capitals by its ordinary form); a guessed or `Misc` short form made of
//! an organisation's first words ("Ridgeline" for "Ridgeline Energy") joins it when
//! only one organisation or outlet starts so; acronyms join the organisation whose
//! initials they spell.

use unspin_lex::hash::FxHashMap as HashMap;

use unspin_doc::{Doc, Entity, EntityKind, Mention, Span};

use crate::lists::{lists, Gender};
use crate::rules::{token_view, Tk};
use crate::words::*;
use crate::Candidate;

struct M<'d> {
    span: Span,
    kind: EntityKind,
    weak: bool,
    words: Vec<&'d str>,
    gender: Option<Gender>,
    titles: Vec<&'d str>,
    locative: bool,
}

struct Cl<'d> {
    kind: EntityKind,
    strong: bool,
    members: Vec<usize>,
    /// Full-name key for person clusters.
    first: &'d str,
    last: &'d str,
    /// Middle parts seen with the full name ("W." in "George W. Bush").
    middle: &'d [&'d str],
    full: usize,
    gender: Option<Gender>,
    titles: Vec<&'d str>,
    canonical: Option<&'static str>,
}

fn is_initial(w: &str) -> bool {
    w.len() == 2 && w.ends_with('.')
}

fn surname_of<'d>(words: &[&'d str]) -> &'d str {
    words
        .iter()
        .rev()
        .find(|w| !is_name_suffix(w))
        .copied()
        .unwrap_or(words[words.len() - 1])
}

fn canonical(text: &str) -> Option<(&'static str, EntityKind)> {
    let l = lists();
    let m = l.gaz.find(text)?;
    if m.start() == 0 && m.end() == text.len() {
        let e = l.gaz_entries[m.pattern().as_usize()];
        Some((e.canonical, e.kind))
    } else {
        None
    }
}

/// Clusters candidates (in text order, non-overlapping) into entities, without ids.
pub fn cluster(doc: &Doc, cands: &[Candidate]) -> Vec<Entity> {
    let toks = token_view(doc);
    let l = lists();
    let ms: Vec<M> = cands.iter().map(|c| describe(doc, &toks, c)).collect();
    let mut cls: Vec<Cl> = Vec::new();
    let mut assigned: Vec<Option<usize>> = vec![None; ms.len()];

    // 1. Full-name people. Clusters by surname (which never changes), in creation
    // order: the first that fits is the first of its surname's list that fits.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, m) in ms.iter().enumerate() {
        if m.kind != EntityKind::Person || m.weak || m.words.len() < 2 {
            continue;
        }
        let first = m.words[0];
        let last = surname_of(&m.words);
        if first == last {
            continue;
        }
        let li = m.words.iter().rposition(|w| *w == last).unwrap_or(0);
        let middle: &[&str] = if li > 1 { &m.words[1..li] } else { &[] };
        let found = by_last
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .find(|&ci| {
                let c = &cls[ci];
                c.kind == EntityKind::Person
                && c.last == last
                // "George W. Bush" and "George H.W. Bush" are different people.
                && (c.middle.is_empty() || middle.is_empty() || c.middle == middle)
                && (c.first == first
                    || (is_initial(first) && c.first.starts_with(&first[..1]))
                    || (is_initial(c.first) && first.starts_with(&c.first[..1])))
            });
        let ci = found.unwrap_or_else(|| {
            cls.push(Cl {
                kind: EntityKind::Person,
                strong: true,
                members: vec![],
                first,
                last,
                middle: &[],
                full: 0,
                gender: None,
                titles: vec![],
                canonical: None,
            });
            by_last.entry(last).or_default().push(cls.len() - 1);
            cls.len() - 1
        });
        let c = &mut cls[ci];
        if is_initial(c.first) && !is_initial(first) {
            c.first = first;
        }
        if c.middle.is_empty() {
            c.middle = middle;
        }
        c.members.push(i);
        c.full += 1;
        c.gender = c.gender.or(m.gender);
        c.titles.extend(m.titles.iter().copied());
        assigned[i] = Some(ci);
    }
    for c in cls.iter_mut() {
        if c.gender.is_none() {
            c.gender = l.first_name(c.first);
        }
    }
    let n_person = cls.len();
    // Full-name mention starts per person cluster, in text order.
    let full_starts: Vec<Vec<usize>> = cls
        .iter()
        .map(|c| c.members.iter().map(|&k| ms[k].span.start).collect())
        .collect();

    // 2. Single names: link to a person cluster when one fits. Person clusters by
    // first name (as step 1 left it), in index order.
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    for (ci, c) in cls.iter().enumerate() {
        by_first.entry(c.first).or_default().push(ci);
    }
    for (i, m) in ms.iter().enumerate() {
        if assigned[i].is_some() || m.words.len() != 1 {
            continue;
        }
        let w = m.words[0];
        let linkable = match m.kind {
            EntityKind::Person | EntityKind::Misc => true,
            // A listed place after "in"/"at" stays a place; a guessed one may be a person.
            EntityKind::Place => !m.locative || m.weak,
            EntityKind::Org | EntityKind::Outlet => !w.chars().all(|c| !c.is_lowercase()),
        };
        if !linkable {
            continue;
        }
        let mut fit: Vec<usize> = by_last.get(w).cloned().unwrap_or_default();
        if fit.is_empty() {
            fit = by_first.get(w).cloned().unwrap_or_default();
        }
        if fit.is_empty() {
            continue;
        }
        if let Some(g) = m.gender {
            let same: Vec<usize> = fit
                .iter()
                .copied()
                .filter(|&c| matches!(cls[c].gender, Some(x) if x == g || x == Gender::Either))
                .collect();
            if !same.is_empty() {
                fit = same;
            } else {
                fit.retain(|&c| cls[c].gender.is_none());
                if fit.is_empty() {
                    continue;
                }
            }
        }
        let titled: Vec<usize> = fit
            .iter()
            .copied()
            .filter(|&c| {
                m.titles
                    .iter()
                    .any(|t| cap_title(t).is_some() && cls[c].titles.contains(t))
            })
            .collect();
        if !titled.is_empty() {
            fit = titled;
        }
        // Position (+1) of the cluster's last full-name mention before this one.
        let recency = |c: usize| {
            let starts = &full_starts[c];
            let i = starts.partition_point(|&x| x < m.span.start);
            if i == 0 {
                0
            } else {
                starts[i - 1] + 1
            }
        };
        let best = fit
            .into_iter()
            .max_by_key(|&c| (cls[c].full, recency(c), std::cmp::Reverse(c)))
            .expect("non-empty");
        cls[best].members.push(i);
        assigned[i] = Some(best);
    }

    // 3. Everything else: by canonical form or text.
    let mut by_key: HashMap<String, usize> = HashMap::default();
    for (i, m) in ms.iter().enumerate() {
        if assigned[i].is_some() {
            continue;
        }
        let text = doc.slice(m.span);
        // A dateline place in capitals ("NAIROBI") is keyed by its ordinary form.
        let shouted = (m.kind == EntityKind::Place
            && text.chars().filter(|c| c.is_alphabetic()).count() > 3
            && !text.chars().any(char::is_lowercase))
        .then(|| crate::rules::title_case(text));
        let canon = canonical(text).or_else(|| shouted.as_deref().and_then(canonical));
        if m.weak && canon.is_none() && m.words.len() == 1 && l.is_common(m.words[0]) {
            continue; // A capitalised common word that names nobody we know.
        }
        let (key, kind) = match (canon, &shouted) {
            (Some((c, k)), _) => (c.to_string(), k),
            (None, Some(t)) => (t.split_whitespace().collect::<Vec<_>>().join(" "), m.kind),
            (None, None) => (m.words.join(" "), m.kind),
        };
        let ci = *by_key.entry(key).or_insert_with(|| {
            cls.push(Cl {
                kind,
                strong: !m.weak,
                members: vec![],
                first: "",
                last: "",
                middle: &[],
                full: 0,
                gender: None,
                titles: vec![],
                canonical: canon.map(|c| c.0),
            });
            cls.len() - 1
        });
        let c = &mut cls[ci];
        if !m.weak && (!c.strong || m.kind == EntityKind::Person) {
            c.kind = m.kind;
            c.strong = true;
        }
        c.members.push(i);
        assigned[i] = Some(ci);
    }

    // 3b. A short form of an organisation's name, its first word or words
    // ("Ridgeline" for "Ridgeline Energy"), joins it when exactly one organisation or
    // outlet starts so. Only guessed or `Misc` names are moved; a listed name or a
    // place stays what it is.
    let longest = |c: &Cl| -> Option<usize> {
        c.members
            .iter()
            .copied()
            .max_by_key(|&k| (ms[k].words.len(), std::cmp::Reverse(ms[k].span.start)))
    };
    for ci in n_person..cls.len() {
        let c = &cls[ci];
        let movable = c.kind == EntityKind::Misc || !c.strong;
        if c.members.is_empty() || c.canonical.is_some() || !movable || c.kind == EntityKind::Place
        {
            continue;
        }
        let Some(short) = longest(c) else { continue };
        let sw = &ms[short].words;
        // Adjectives ("Panamanian", "Islamic") name no organisation on their own.
        let adjective = sw.len() == 1
            && ["an", "ese", "ic", "ish", "i"]
                .iter()
                .any(|e| sw[0].ends_with(e));
        if !sw[0].starts_with(|ch: char| ch.is_uppercase()) || l.is_common(sw[0]) || adjective {
            continue;
        }
        let targets: Vec<usize> = (n_person..cls.len())
            .filter(|&o| {
                o != ci
                    && cls[o].strong
                    && matches!(cls[o].kind, EntityKind::Org | EntityKind::Outlet)
                    && longest(&cls[o]).is_some_and(|k| {
                        let w = &ms[k].words;
                        w.len() > sw.len() && w[..sw.len()] == sw[..]
                    })
            })
            .collect();
        if let [o] = targets[..] {
            let mem = std::mem::take(&mut cls[ci].members);
            cls[o].members.extend(mem);
        }
    }

    // 4. Acronyms join the organisation whose initials they spell ("FBI").
    let names: Vec<Option<String>> = cls
        .iter()
        .map(|c| {
            (!c.members.is_empty() && matches!(c.kind, EntityKind::Org | EntityKind::Outlet))
                .then(|| display(doc, &ms, c))
        })
        .collect();
    let mut by_initials: HashMap<(String, EntityKind), usize> = HashMap::default();
    for (ci, n) in names.iter().enumerate() {
        if let Some(n) = n.as_ref().filter(|n| n.contains(' ')) {
            let ini: String = n
                .split(' ')
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .filter_map(|w| w.chars().next())
                .collect();
            by_initials.entry((ini, cls[ci].kind)).or_insert(ci);
        }
    }
    for (ci, n) in names.iter().enumerate() {
        let Some(n) = n.as_ref().filter(|n| !n.contains(' ')) else {
            continue;
        };
        let acro: String = n.chars().filter(|c| c.is_alphabetic()).collect();
        if !(2..=6).contains(&acro.len()) || !acro.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        if let Some(&o) = by_initials.get(&(acro, cls[ci].kind)) {
            if o != ci {
                let mem = std::mem::take(&mut cls[ci].members);
                cls[o].members.extend(mem);
            }
        }
    }

    cls.iter()
        .filter(|c| !c.members.is_empty())
        .map(|c| {
            let mut mentions: Vec<Mention> = c
                .members
                .iter()
                .map(|&k| Mention {
                    span: ms[k].span,
                    reference: false,
                })
                .collect();
            mentions.sort_by_key(|m| m.span.start);
            Entity {
                id: String::new(),
                name: display(doc, &ms, c),
                kind: c.kind,
                mentions,
            }
        })
        .collect()
}

/// The fullest form: the list name for outlets and organisations ("AP" is
/// "Associated Press"), else the mention with most words.
fn display(doc: &Doc, ms: &[M], c: &Cl) -> String {
    if let Some(n) = c.canonical {
        if matches!(c.kind, EntityKind::Outlet | EntityKind::Org) {
            return n.to_string();
        }
    }
    let shouted = |k: usize| {
        let t = doc.slice(ms[k].span);
        t.chars().filter(|c| c.is_alphabetic()).count() > 3 && !t.chars().any(char::is_lowercase)
    };
    let best = c
        .members
        .iter()
        .copied()
        .min_by_key(|&k| {
            (
                std::cmp::Reverse(ms[k].words.len()),
                shouted(k),
                ms[k].span.start,
            )
        })
        .expect("members");
    let m = &ms[best];
    if c.kind == EntityKind::Place && shouted(best) {
        return crate::rules::title_case(doc.slice(m.span));
    }
    let text = doc.slice(m.span);
    if text.contains(char::is_whitespace) {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text.to_string()
    }
}

fn describe<'d>(doc: &'d Doc, toks: &[Tk<'d>], c: &Candidate) -> M<'d> {
    let a = toks.partition_point(|t| t.span.start < c.span.start);
    let b = toks.partition_point(|t| t.span.end <= c.span.end);
    let words: Vec<&str> = if a < b {
        toks[a..b].iter().filter(|t| t.word).map(|t| t.s).collect()
    } else {
        vec![doc.slice(c.span)]
    };
    let words = if words.is_empty() {
        vec![doc.slice(c.span)]
    } else {
        words
    };
    let mut titles = Vec::new();
    let mut gender = None;
    let mut k = a;
    let sent = toks.get(a).map(|t| t.sent);
    while k > 0 && Some(toks[k - 1].sent) == sent {
        let w = toks[k - 1].s;
        let g = cap_title(w).or_else(|| lower_person_title(w));
        match g {
            Some(g) => {
                gender = gender.or(g);
                titles.push(w);
                k -= 1;
            }
            None if is_title_companion(w) => k -= 1,
            None => break,
        }
    }
    let locative =
        k > 0 && Some(toks[k - 1].sent) == sent && crate::rules::locative_tok(&toks[k - 1]);
    // People are keyed by their capitalised words ("de Blasio" → "Blasio").
    let words = if c.kind == EntityKind::Person {
        let caps: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| w.starts_with(|ch: char| ch.is_uppercase()))
            .collect();
        if caps.is_empty() {
            words
        } else {
            caps
        }
    } else {
        words
    };
    // A guessed name after a title or before a verb of saying is a person.
    let says = toks
        .get(b)
        .is_some_and(|t| Some(t.sent) == sent && is_speech_verb(t.s));
    let kind = if c.kind == EntityKind::Misc && c.weak && (!titles.is_empty() || says) {
        EntityKind::Person
    } else {
        c.kind
    };
    M {
        span: c.span,
        kind,
        weak: c.weak && titles.is_empty(),
        words,
        gender,
        titles,
        locative,
    }
}

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

/// A name in capitals with more letters than this reads as shouted ("NAIROBI"), not as
/// an acronym ("NATO").
const SHOUTED_OVER_LETTERS: usize = 3;

/// Length of an acronym that may join the organisation whose initials it spells.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// Endings of one-word adjectives ("Panamanian", "Islamic") that name no organisation.
const ADJECTIVE_ENDINGS: [&str; 5] = ["an", "ese", "ic", "ish", "i"];

/// A name written in capitals, too long for an acronym.
fn is_shouted(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() > SHOUTED_OVER_LETTERS
        && !text.chars().any(char::is_lowercase)
}

impl<'d> Cl<'d> {
    /// A cluster with no members yet.
    fn empty(kind: EntityKind, strong: bool) -> Cl<'d> {
        Cl {
            kind,
            strong,
            members: vec![],
            first: "",
            last: "",
            middle: &[],
            full: 0,
            gender: None,
            titles: vec![],
            canonical: None,
        }
    }
}

/// Clusters candidates (in text order, non-overlapping) into entities, without ids.
pub fn cluster(doc: &Doc, cands: &[Candidate]) -> Vec<Entity> {
    let toks = token_view(doc);
    let ms: Vec<M> = cands.iter().map(|c| describe(doc, &toks, c)).collect();
    let mut c = Clusterer {
        doc,
        ms: &ms,
        cls: Vec::new(),
        assigned: vec![None; ms.len()],
        by_last: HashMap::default(),
    };
    c.join_full_names();
    let n_person = c.cls.len();
    c.link_single_names();
    c.group_by_name();
    c.join_short_forms(n_person);
    c.join_acronyms();
    c.into_entities()
}

/// The clustering state: the mentions, the clusters so far and which cluster each
/// mention is in.
struct Clusterer<'m, 'd> {
    doc: &'d Doc,
    ms: &'m [M<'d>],
    cls: Vec<Cl<'m>>,
    assigned: Vec<Option<usize>>,
    /// Person clusters by surname (which never changes), in creation order.
    by_last: HashMap<&'m str, Vec<usize>>,
}

/// The (first, last, middle) parts of a person's full name, when the mention has them.
fn full_name<'m>(m: &'m M) -> Option<(&'m str, &'m str, &'m [&'m str])> {
    if m.kind != EntityKind::Person || m.weak || m.words.len() < 2 {
        return None;
    }
    let first = m.words[0];
    let last = surname_of(&m.words);
    if first == last {
        return None;
    }
    let li = m.words.iter().rposition(|w| *w == last).unwrap_or(0);
    let middle: &[&str] = if li > 1 { &m.words[1..li] } else { &[] };
    Some((first, last, middle))
}

/// Whether two given names can be the same person's: equal, or one an initial of the other.
fn same_first_name(a: &str, b: &str) -> bool {
    a == b || (is_initial(b) && a.starts_with(&b[..1])) || (is_initial(a) && b.starts_with(&a[..1]))
}

/// Whether a one-word mention of this kind may be a person's short name.
fn may_name_person(m: &M) -> bool {
    let w = m.words[0];
    match m.kind {
        EntityKind::Person | EntityKind::Misc => true,
        // A listed place after "in"/"at" stays a place; a guessed one may be a person.
        EntityKind::Place => !m.locative || m.weak,
        EntityKind::Org | EntityKind::Outlet => !w.chars().all(|c| !c.is_lowercase()),
    }
}

/// The key a mention outside any person cluster is grouped by, the kind it gives a new
/// cluster and its canonical name; `None` for a capitalised common word that names nobody
/// we know.
fn name_key(doc: &Doc, m: &M) -> Option<(String, EntityKind, Option<&'static str>)> {
    let text = doc.slice(m.span);
    // A dateline place in capitals ("NAIROBI") is keyed by its ordinary form.
    let shouted =
        (m.kind == EntityKind::Place && is_shouted(text)).then(|| crate::rules::title_case(text));
    let canon = canonical(text).or_else(|| shouted.as_deref().and_then(canonical));
    if m.weak && canon.is_none() && m.words.len() == 1 && lists().is_common(m.words[0]) {
        return None;
    }
    let (key, kind) = match (canon, &shouted) {
        (Some((c, k)), _) => (c.to_string(), k),
        (None, Some(t)) => (t.split_whitespace().collect::<Vec<_>>().join(" "), m.kind),
        (None, None) => (m.words.join(" "), m.kind),
    };
    Some((key, kind, canon.map(|c| c.0)))
}

/// The capitals' initials of a name of several words ("Federal Bureau of Investigation"
/// → "FBI").
fn initials(name: &str) -> String {
    name.split(' ')
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The letters of a one-word name when they make an acronym ("F.B.I." → "FBI").
fn acronym(name: &str) -> Option<String> {
    if name.contains(' ') {
        return None;
    }
    let acro: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    (ACRONYM_LETTERS.contains(&acro.len()) && acro.chars().all(|c| c.is_uppercase()))
        .then_some(acro)
}

impl<'m, 'd> Clusterer<'m, 'd> {
    /// Step 1: mentions with a given name and a surname form full-name person clusters.
    fn join_full_names(&mut self) {
        let ms = self.ms;
        for (i, m) in ms.iter().enumerate() {
            let Some((first, last, middle)) = full_name(m) else {
                continue;
            };
            let ci = match self.full_name_cluster(first, last, middle) {
                Some(ci) => ci,
                None => self.new_person(first, last),
            };
            let c = &mut self.cls[ci];
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
            self.assigned[i] = Some(ci);
        }
        let l = lists();
        for c in self.cls.iter_mut() {
            if c.gender.is_none() {
                c.gender = l.first_name(c.first);
            }
        }
    }

    /// The first person cluster of this surname that the full name fits.
    fn full_name_cluster(&self, first: &str, last: &str, middle: &[&str]) -> Option<usize> {
        self.by_last
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .find(|&ci| {
                let c = &self.cls[ci];
                c.kind == EntityKind::Person
                && c.last == last
                // "George W. Bush" and "George H.W. Bush" are different people.
                && (c.middle.is_empty() || middle.is_empty() || c.middle == middle)
                && same_first_name(c.first, first)
            })
    }

    /// Opens a person cluster for a full name; returns its index.
    fn new_person(&mut self, first: &'m str, last: &'m str) -> usize {
        self.cls.push(Cl {
            first,
            last,
            ..Cl::empty(EntityKind::Person, true)
        });
        let ci = self.cls.len() - 1;
        self.by_last.entry(last).or_default().push(ci);
        ci
    }

    /// Step 2: a lone surname or given name joins the person cluster it fits best.
    fn link_single_names(&mut self) {
        let ms = self.ms;
        // Full-name mention starts per person cluster, in text order.
        let full_starts: Vec<Vec<usize>> = self
            .cls
            .iter()
            .map(|c| c.members.iter().map(|&k| ms[k].span.start).collect())
            .collect();
        // Person clusters by first name (as step 1 left it), in index order.
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
        for (ci, c) in self.cls.iter().enumerate() {
            by_first.entry(c.first).or_default().push(ci);
        }
        for (i, m) in ms.iter().enumerate() {
            if self.assigned[i].is_some() || m.words.len() != 1 || !may_name_person(m) {
                continue;
            }
            let w = m.words[0];
            let mut fit: Vec<usize> = self.by_last.get(w).cloned().unwrap_or_default();
            if fit.is_empty() {
                fit = by_first.get(w).cloned().unwrap_or_default();
            }
            if fit.is_empty() {
                continue;
            }
            let Some(fit) = self.agreeing_gender(m, fit) else {
                continue;
            };
            let fit = self.same_title(m, fit);
            let Some(best) = self.best_fit(m, fit, &full_starts) else {
                continue;
            };
            self.cls[best].members.push(i);
            self.assigned[i] = Some(best);
        }
    }

    /// Rule (1): the clusters whose gender agrees with the mention's title, else those of
    /// unknown gender; `None` when none is left.
    fn agreeing_gender(&self, m: &M, mut fit: Vec<usize>) -> Option<Vec<usize>> {
        let Some(g) = m.gender else {
            return Some(fit);
        };
        let same: Vec<usize> = fit
            .iter()
            .copied()
            .filter(|&c| matches!(self.cls[c].gender, Some(x) if x == g || x == Gender::Either))
            .collect();
        if !same.is_empty() {
            return Some(same);
        }
        fit.retain(|&c| self.cls[c].gender.is_none());
        (!fit.is_empty()).then_some(fit)
    }

    /// Rule (2): the clusters introduced with the same title word, when there are any.
    fn same_title(&self, m: &M, fit: Vec<usize>) -> Vec<usize> {
        let titled: Vec<usize> = fit
            .iter()
            .copied()
            .filter(|&c| {
                m.titles
                    .iter()
                    .any(|t| cap_title(t).is_some() && self.cls[c].titles.contains(t))
            })
            .collect();
        if titled.is_empty() {
            fit
        } else {
            titled
        }
    }

    /// Rules (3) and (4): most full-name mentions, then named most recently before `m`.
    fn best_fit(&self, m: &M, fit: Vec<usize>, full_starts: &[Vec<usize>]) -> Option<usize> {
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
        fit.into_iter()
            .max_by_key(|&c| (self.cls[c].full, recency(c), std::cmp::Reverse(c)))
    }

    /// Step 3: everything else clusters by canonical form or text.
    fn group_by_name(&mut self) {
        let ms = self.ms;
        let mut by_key: HashMap<String, usize> = HashMap::default();
        for (i, m) in ms.iter().enumerate() {
            if self.assigned[i].is_some() {
                continue;
            }
            let Some((key, kind, canonical)) = name_key(self.doc, m) else {
                continue;
            };
            let cls = &mut self.cls;
            let ci = *by_key.entry(key).or_insert_with(|| {
                cls.push(Cl {
                    canonical,
                    ..Cl::empty(kind, !m.weak)
                });
                cls.len() - 1
            });
            let c = &mut cls[ci];
            if !m.weak && (!c.strong || m.kind == EntityKind::Person) {
                c.kind = m.kind;
                c.strong = true;
            }
            c.members.push(i);
            self.assigned[i] = Some(ci);
        }
    }

    /// The member with most words (the earliest of those).
    fn longest(&self, ci: usize) -> Option<usize> {
        let ms = self.ms;
        self.cls[ci]
            .members
            .iter()
            .copied()
            .max_by_key(|&k| (ms[k].words.len(), std::cmp::Reverse(ms[k].span.start)))
    }

    /// The longest mention of cluster `ci` when the cluster may be an organisation's
    /// short form: guessed or `Misc`, not listed, not a place, capitalised, not a common
    /// word or an adjective.
    fn short_form(&self, ci: usize) -> Option<usize> {
        let c = &self.cls[ci];
        let movable = c.kind == EntityKind::Misc || !c.strong;
        if c.members.is_empty() || c.canonical.is_some() || !movable || c.kind == EntityKind::Place
        {
            return None;
        }
        let short = self.longest(ci)?;
        let sw = &self.ms[short].words;
        let adjective = sw.len() == 1 && ADJECTIVE_ENDINGS.iter().any(|e| sw[0].ends_with(e));
        if !sw[0].starts_with(|ch: char| ch.is_uppercase()) || lists().is_common(sw[0]) || adjective
        {
            return None;
        }
        Some(short)
    }

    /// Whether cluster `o` is a named organisation or outlet whose longest name starts
    /// with the words `sw` and goes on.
    fn starts_with_words(&self, o: usize, sw: &[&str]) -> bool {
        let c = &self.cls[o];
        c.strong
            && matches!(c.kind, EntityKind::Org | EntityKind::Outlet)
            && self.longest(o).is_some_and(|k| {
                let w = &self.ms[k].words;
                w.len() > sw.len() && w[..sw.len()] == sw[..]
            })
    }

    /// Step 3b: a short form of an organisation's name, its first word or words
    /// ("Ridgeline" for "Ridgeline Energy"), joins it when exactly one organisation or
    /// outlet starts so. Only guessed or `Misc` names are moved; a listed name or a
    /// place stays what it is.
    fn join_short_forms(&mut self, n_person: usize) {
        let ms = self.ms;
        for ci in n_person..self.cls.len() {
            let Some(short) = self.short_form(ci) else {
                continue;
            };
            let sw = &ms[short].words;
            let targets: Vec<usize> = (n_person..self.cls.len())
                .filter(|&o| o != ci && self.starts_with_words(o, sw))
                .collect();
            if let [o] = targets[..] {
                self.move_members(ci, o);
            }
        }
    }

    /// Step 4: acronyms join the organisation whose initials they spell ("FBI").
    fn join_acronyms(&mut self) {
        let names: Vec<Option<String>> = self
            .cls
            .iter()
            .map(|c| {
                (!c.members.is_empty() && matches!(c.kind, EntityKind::Org | EntityKind::Outlet))
                    .then(|| display(self.doc, self.ms, c))
            })
            .collect();
        let mut by_initials: HashMap<(String, EntityKind), usize> = HashMap::default();
        for (ci, n) in names.iter().enumerate() {
            if let Some(n) = n.as_ref().filter(|n| n.contains(' ')) {
                by_initials
                    .entry((initials(n), self.cls[ci].kind))
                    .or_insert(ci);
            }
        }
        for (ci, n) in names.iter().enumerate() {
            let Some(acro) = n.as_deref().and_then(acronym) else {
                continue;
            };
            if let Some(&o) = by_initials.get(&(acro, self.cls[ci].kind)) {
                if o != ci {
                    self.move_members(ci, o);
                }
            }
        }
    }

    /// Moves every member of cluster `from` into cluster `to`.
    fn move_members(&mut self, from: usize, to: usize) {
        let mem = std::mem::take(&mut self.cls[from].members);
        self.cls[to].members.extend(mem);
    }

    /// The non-empty clusters as entities, mentions in text order.
    fn into_entities(self) -> Vec<Entity> {
        let ms = self.ms;
        self.cls
            .iter()
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
                    name: display(self.doc, ms, c),
                    kind: c.kind,
                    mentions,
                }
            })
            .collect()
    }
}

/// The fullest form: the list name for outlets and organisations ("AP" is
/// "Associated Press"), else the mention with most words.
fn display(doc: &Doc, ms: &[M], c: &Cl) -> String {
    if let Some(n) = c.canonical {
        if matches!(c.kind, EntityKind::Outlet | EntityKind::Org) {
            return n.to_string();
        }
    }
    let shouted = |k: usize| is_shouted(doc.slice(ms[k].span));
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

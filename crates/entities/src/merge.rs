//! Combines the trained tagger's mentions with the rule detector's. The rules are
//! kept where they have evidence the tagger lacks (a title, a shipped list, a name
//! pattern: `weak == false`); the tagger decides everything else: the kind of a
//! rule guess (`weak`), and names the rules missed altogether.

use std::collections::{BTreeMap, HashMap};

use unspin_doc::{Doc, EntityKind, Span};

use crate::{words, Candidate};

/// Merges tagger (`model`) and `rule` candidates. Both in any order; the result is
/// in text order and non-overlapping. Overlap and word lookups go through indexes,
/// so the work grows with the number of candidates, not its square.
pub fn merge(doc: &Doc, model: &[Candidate], rule: &[Candidate]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = rule.iter().filter(|r| !r.weak).copied().collect();
    let mut taken = Intervals::default();
    for c in &out {
        taken.insert(c.span);
    }
    // A rule guess made only of words of names found elsewhere ("Daniel" in a
    // headline, "Stonebrook" for "Stonebrook Energy") is another mention of them.
    let words_of = |c: &Candidate| doc.slice(c.span).split_whitespace().collect::<Vec<_>>();
    let mut where_word: HashMap<&str, Vec<Span>> = HashMap::new();
    for c in out.iter().chain(model) {
        for w in words_of(c) {
            where_word.entry(w).or_default().push(c.span);
        }
    }
    for r in rule.iter().filter(|r| r.weak) {
        let known = words_of(r).iter().all(|w| {
            where_word
                .get(w)
                .is_some_and(|spans| spans.iter().any(|s| !s.overlaps(&r.span)))
        });
        if known {
            let c = Candidate { weak: false, ..*r };
            for w in words_of(&c) {
                where_word.entry(w).or_default().push(c.span);
            }
            taken.insert(c.span);
            out.push(c);
        }
    }
    // Weak rule guesses by start, for "a wider guess containing this mention".
    let mut weak: Vec<Span> = rule.iter().filter(|r| r.weak).map(|r| r.span).collect();
    weak.sort();
    let weak_max_len = weak.iter().map(|s| s.end - s.start).max().unwrap_or(0);
    let model = model.iter().filter(|m| !not_a_name(doc.slice(m.span)));
    for m in model {
        if taken.overlaps(m.span) {
            continue;
        }
        // The tagger's reading replaces the rules' guesses it overlaps, keeping a
        // guess's wider span ("Apollo 11") with the tagger's kind.
        let lo = weak.partition_point(|s| s.start + weak_max_len < m.span.end);
        let hi = weak.partition_point(|s| s.start <= m.span.start);
        let wider = weak[lo..hi.max(lo)]
            .iter()
            .find(|r| r.contains(&m.span) && **r != m.span);
        let c = match wider {
            Some(r) if !taken.overlaps(*r) => Candidate {
                span: *r,
                kind: m.kind,
                weak: false,
            },
            _ => *m,
        };
        taken.insert(c.span);
        out.push(c);
    }
    for r in rule.iter().filter(|r| r.weak) {
        if !taken.overlaps(r.span) {
            taken.insert(r.span);
            out.push(*r);
        }
    }
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut result: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out {
        if result
            .last()
            .is_some_and(|p: &Candidate| p.span.end > c.span.start)
        {
            continue;
        }
        result.push(c);
    }
    result
}

/// Spans taken so far, by start, with the longest length seen: an overlap test
/// looks only at spans that start within that length before the query's end.
#[derive(Default)]
struct Intervals {
    by_start: BTreeMap<usize, Vec<usize>>,
    max_len: usize,
}

impl Intervals {
    fn insert(&mut self, s: Span) {
        self.max_len = self.max_len.max(s.end.saturating_sub(s.start));
        self.by_start.entry(s.start).or_default().push(s.end);
    }

    fn overlaps(&self, q: Span) -> bool {
        let from = q.start.saturating_sub(self.max_len);
        self.by_start
            .range(from..q.end)
            .any(|(&st, ends)| ends.iter().any(|&en| Span::new(st, en).overlaps(&q)))
    }
}

/// Single words the tagger sometimes takes for names: titles and common acronyms
/// ("CEO", "TV").
fn not_a_name(text: &str) -> bool {
    !text.contains(' ')
        && (words::is_non_entity_acronym(text)
            || words::is_never_name(text)
            || words::cap_title(text).is_some())
}

/// Maps the tagger's mentions to candidates (PER → person, ORG → org, LOC → place,
/// MISC → misc) and refines listed outlets.
pub fn from_model(doc: &Doc, mentions: &[unspin_ner::Mention]) -> Vec<Candidate> {
    let mut cands: Vec<Candidate> = mentions
        .iter()
        .map(|m| Candidate {
            span: m.span,
            kind: match m.kind {
                unspin_ner::EntType::Per => EntityKind::Person,
                unspin_ner::EntType::Org => EntityKind::Org,
                unspin_ner::EntType::Loc => EntityKind::Place,
                unspin_ner::EntType::Misc => EntityKind::Misc,
            },
            weak: false,
        })
        .collect();
    // "his store, Bicycle Space, …": a name in apposition to a business noun names
    // the business, whatever the tagger guessed from its shape.
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        let before = doc.text[..c.span.start].trim_end();
        if let Some(b) = before.strip_suffix(',') {
            let noun = b
                .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if unspin_lex::org_cues::is_business_noun(&noun) {
                c.kind = EntityKind::Org;
            }
        }
    }
    crate::refine_outlets(doc, &mut cands);
    cands
}

#[cfg(test)]
mod tests {
    use super::*;
    use unspin_doc::Span;

    fn cand(doc: &Doc, text: &str, nth: usize, kind: EntityKind) -> Candidate {
        let start = doc.text.match_indices(text).nth(nth).unwrap().0;
        Candidate {
            span: Span::new(start, start + text.len()),
            kind,
            weak: false,
        }
    }

    #[test]
    fn rules_with_evidence_win_and_the_tagger_settles_guesses() {
        let doc = Doc::new("Mayor Ana Ruiz told the Valley Gazette that Stormcrest grew.");
        let model = vec![
            cand(&doc, "Mayor Ana Ruiz", 0, EntityKind::Person),
            cand(&doc, "Valley", 0, EntityKind::Place),
            cand(&doc, "Stormcrest", 0, EntityKind::Org),
        ];
        let mut guess = cand(&doc, "Stormcrest", 0, EntityKind::Person);
        guess.weak = true;
        let rule = vec![
            cand(&doc, "Ana Ruiz", 0, EntityKind::Person),
            cand(&doc, "Valley Gazette", 0, EntityKind::Outlet),
            guess,
        ];
        let got: Vec<(&str, EntityKind)> = merge(&doc, &model, &rule)
            .iter()
            .map(|c| (doc.slice(c.span), c.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Ana Ruiz", EntityKind::Person),
                ("Valley Gazette", EntityKind::Outlet),
                ("Stormcrest", EntityKind::Org),
            ]
        );
    }
}

#[cfg(test)]
mod model_tests {
    use unspin_doc::{Doc, EntityKind};

    fn analyse(text: &str, model: &unspin_ner::Model) -> Doc {
        let mut doc = Doc::new(text);
        unspin_segment::segment(&mut doc);
        crate::detect_with(&mut doc, model);
        doc
    }

    fn kind_of(doc: &Doc, name: &str) -> Option<EntityKind> {
        doc.entities.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    /// The shipped model is what decides names the rules can only guess at: a
    /// model that tags nothing (trained on one all-`O` sentence) loses them.
    #[test]
    fn the_trained_model_is_used() {
        let text = "Brandvold beat Kowalczyk in the final at Tbilisi. Brandvold said little.";
        let real = analyse(text, unspin_ner::embedded());
        assert_eq!(
            kind_of(&real, "Kowalczyk"),
            Some(EntityKind::Person),
            "{:?}",
            real.entities
        );
        assert_eq!(
            kind_of(&real, "Tbilisi"),
            Some(EntityKind::Place),
            "{:?}",
            real.entities
        );
        let docs =
            unspin_train::ner::read_conll("the DT O\nfinal NN O\nended VBD O\n. . O\n").unwrap();
        let opts = unspin_train::ner::TrainOptions {
            epochs: 1,
            stack_folds: 0,
            gaz_folds: 0,
            ..Default::default()
        };
        let (tiny_model, _) = unspin_train::ner::train_docs(&docs, None, &opts);
        let fake = analyse(text, &tiny_model);
        assert_ne!(
            real.entities
                .iter()
                .map(|e| (&e.name, e.kind))
                .collect::<Vec<_>>(),
            fake.entities
                .iter()
                .map(|e| (&e.name, e.kind))
                .collect::<Vec<_>>(),
            "entities do not depend on the model"
        );
    }
}

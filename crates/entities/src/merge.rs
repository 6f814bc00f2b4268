//! Combines the trained tagger's mentions with the rule detector's: the tagger
//! decides where names are and what they are; the rules add what the shipped
//! lists know better (listed outlets, "… Gazette" names) and headline or body
//! mentions of a name the tagger found elsewhere in the same document.

use unspin_doc::{Doc, EntityKind};

use crate::Candidate;

/// Merges `rule` candidates into `model` candidates. Both in any order; the result
/// is in text order and non-overlapping.
pub fn merge(doc: &Doc, model: &[Candidate], rule: &[Candidate]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = model.to_vec();
    // Words of every name the model found: a rule mention made only of such words
    // ("Hillary" in a headline, "Clinton" after "Mrs.") is a mention the tagger missed.
    let known: std::collections::HashSet<&str> = model
        .iter()
        .flat_map(|c| doc.slice(c.span).split_whitespace())
        .collect();
    for r in rule {
        let overlapping: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.overlaps(&r.span))
            .map(|(i, _)| i)
            .collect();
        if overlapping.is_empty() {
            let text = doc.slice(r.span);
            let words_known = text.split_whitespace().all(|w| known.contains(w));
            if !r.weak && (r.kind == EntityKind::Outlet || words_known) {
                out.push(*r);
            }
            continue;
        }
        // A listed outlet wider than the tagger's pieces ("New York" + "Magazine").
        if r.kind == EntityKind::Outlet && overlapping.iter().all(|&i| r.span.contains(&out[i].span)) {
            for &i in overlapping.iter().rev() {
                out.remove(i);
            }
            out.push(*r);
        }
    }
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut result: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out {
        if result.last().is_some_and(|p: &Candidate| p.span.end > c.span.start) {
            continue;
        }
        result.push(c);
    }
    result
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
    fn listed_outlet_wins_over_pieces_and_known_names_are_added() {
        let doc = Doc::new("Ana Ruiz Speaks\n\nAna Ruiz told the Valley Gazette on Monday. Ruiz left.");
        let model = vec![
            cand(&doc, "Ana Ruiz", 1, EntityKind::Person),
            cand(&doc, "Valley", 0, EntityKind::Place),
        ];
        let rule = vec![
            cand(&doc, "Ana Ruiz", 0, EntityKind::Person),
            cand(&doc, "Valley Gazette", 0, EntityKind::Outlet),
            cand(&doc, "Ruiz", 2, EntityKind::Person),
            cand(&doc, "Monday", 0, EntityKind::Misc),
        ];
        let got: Vec<(&str, EntityKind)> = merge(&doc, &model, &rule)
            .iter()
            .map(|c| (doc.slice(c.span), c.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Ana Ruiz", EntityKind::Person),
                ("Ana Ruiz", EntityKind::Person),
                ("Valley Gazette", EntityKind::Outlet),
                ("Ruiz", EntityKind::Person),
            ]
        );
    }
}

//! Tests of the attribution model's training on PolNeAR (../shared/data, skipped
//! without it): gold labels follow the annotation, training is deterministic, and a
//! model trained on a slice finds relations in an article it did not see.

use std::path::Path;
use unspin_doc::Doc;
use unspin_quotes::model::decode::{allowed, may_end, roles};
use unspin_train::quotes::polnear::{self, Relation};
use unspin_train::quotes::{analyse, token_labels, train_docs, TrainOptions};

fn data() -> Option<Vec<(Doc, Vec<Relation>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear");
    let arts = match polnear::load(&dir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("SKIP: {e}");
            return None;
        }
    };
    let mut out = vec![];
    for a in arts.iter().filter(|a| !a.ann.trim().is_empty()).take(24) {
        let rels = polnear::relations(&a.text, &a.ann);
        out.push((analyse(&a.name, &a.text).expect("analyse"), rels));
    }
    Some(out)
}

#[test]
fn gold_labels_are_valid_and_cover_the_annotation() {
    let Some(data) = data() else { return };
    for (doc, rels) in &data {
        let labels = token_labels(doc, rels);
        let mut prev = None;
        for (k, &l) in labels.iter().enumerate() {
            // A new paragraph starts a new sequence.
            if k > 0 && doc.tokens[k].paragraph != doc.tokens[k - 1].paragraph {
                assert!(
                    prev.is_none_or(may_end),
                    "{}: span open at a paragraph end",
                    doc.input.path
                );
                prev = None;
            }
            assert!(
                allowed(prev, l),
                "{}: label {l} after {prev:?}",
                doc.input.path
            );
            prev = Some(l);
        }
        let r = roles(&labels);
        let cues: usize = rels.iter().filter(|r| !r.cue.is_empty()).count();
        assert!(r.content.len() >= rels.len() / 2, "{}", doc.input.path);
        assert!(r.cue.len() >= cues / 2, "{}", doc.input.path);
    }
}

#[test]
fn training_is_deterministic_and_learns() {
    let Some(data) = data() else { return };
    let (train, test) = data.split_at(20);
    let refs: Vec<(&Doc, &[Relation])> = train.iter().map(|(d, r)| (d, &r[..])).collect();
    let opts = TrainOptions {
        bits: 12,
        epochs: 3,
        stack_folds: 2,
        ..Default::default()
    };
    let a = train_docs(&refs, &opts, "slice").expect("train");
    let b = train_docs(&refs, &opts, "slice").expect("train");
    assert_eq!(a.to_bytes(), b.to_bytes());
    let found: usize = test.iter().map(|(d, _)| a.relations(d).len()).sum();
    let gold: usize = test.iter().map(|(_, r)| r.len()).sum();
    assert!(
        found * 5 >= gold,
        "{found} relations found, {gold} annotated"
    );
}

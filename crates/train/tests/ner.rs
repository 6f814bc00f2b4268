//! Tests of NER training and scoring: conlleval semantics, the embedded model's dev
//! score and deterministic training (the last two on ../shared/data, skipped without it).

use std::path::Path;
use unspin_ner::{embedded, EntType, Tag};
use unspin_train::ner::{eval_conll, read_conll, score_sentences, train_docs, TrainOptions};

const DATA: &str = "../../../shared/data/conll2003";

fn data_file(name: &str) -> Option<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA).join(name);
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("SKIP: {} not found", p.display());
            None
        }
    }
}

fn t(s: &str) -> Tag {
    Tag::parse(s).unwrap()
}

fn pairs(gold: &str, pred: &str) -> Vec<(Tag, Tag)> {
    gold.split_whitespace()
        .zip(pred.split_whitespace())
        .map(|(g, p)| (t(g), t(p)))
        .collect()
}

#[test]
fn conlleval_boundary_cases() {
    // Exact match of two entities.
    let s = score_sentences(&[pairs("B-PER I-PER O B-LOC", "B-PER I-PER O B-LOC")]);
    assert_eq!(
        (s.overall.gold, s.overall.predicted, s.overall.correct),
        (2, 2, 2)
    );
    assert_eq!(s.overall.f1(), 1.0);
    // A shorter prediction is wrong (exact boundaries), and so is a longer one.
    let s = score_sentences(&[pairs("B-PER I-PER O", "B-PER O O")]);
    assert_eq!(
        (s.overall.gold, s.overall.predicted, s.overall.correct),
        (1, 1, 0)
    );
    let s = score_sentences(&[pairs("B-PER O O", "B-PER I-PER O")]);
    assert_eq!(s.overall.correct, 0);
    // Wrong type: counted as found for ORG, gold for PER, correct for none.
    let s = score_sentences(&[pairs("B-PER I-PER", "B-ORG I-ORG")]);
    assert_eq!(s.of(EntType::Per).gold, 1);
    assert_eq!(s.of(EntType::Org).predicted, 1);
    assert_eq!(s.overall.correct, 0);
    // A stray I-X opens an entity (conlleval), so "I-LOC" matches "B-LOC".
    let s = score_sentences(&[pairs("B-LOC O", "I-LOC O")]);
    assert_eq!(s.overall.correct, 1);
    // Adjacent entities of the same type are two entities.
    let s = score_sentences(&[pairs("B-PER B-PER", "B-PER I-PER")]);
    assert_eq!(
        (s.overall.gold, s.overall.predicted, s.overall.correct),
        (2, 1, 0)
    );
    // A type change inside I- tags splits the entity.
    let s = score_sentences(&[pairs("B-ORG I-ORG", "B-ORG I-MISC")]);
    assert_eq!((s.overall.predicted, s.overall.correct), (2, 0));
    // Sentence boundaries end entities: an entity at the end of one sentence and
    // I- at the start of the next are separate.
    let s = score_sentences(&[pairs("O B-MISC", "O B-MISC"), pairs("I-MISC O", "B-MISC O")]);
    assert_eq!(
        (s.overall.gold, s.overall.predicted, s.overall.correct),
        (2, 2, 2)
    );
    // Entity ending at the very end of the data.
    let s = score_sentences(&[pairs("O B-ORG I-ORG", "O B-ORG I-ORG")]);
    assert_eq!(s.overall.correct, 1);
    // Token accuracy counts tokens, not boundaries.
    let s = score_sentences(&[pairs("O B-PER", "O O")]);
    assert_eq!((s.tokens, s.correct_tags), (2, 1));
    assert_eq!(s.overall.precision(), 0.0);
    assert!(s.to_string().contains("overall"));
}

#[test]
fn embedded_model_scores_on_dev() {
    let Some(dev) = data_file("dev.txt") else {
        return;
    };
    let s = eval_conll(&dev, embedded()).unwrap();
    eprintln!("{s}");
    assert!(s.overall.f1() >= 0.90, "dev F1 {:.4}", s.overall.f1());
}

#[test]
fn training_is_deterministic() {
    let Some(train) = data_file("train.txt") else {
        return;
    };
    let docs = read_conll(&train).unwrap();
    let slice = &docs[..40];
    let opts = TrainOptions {
        epochs: 2,
        stack_folds: 2,
        ..Default::default()
    };
    let (a, ra) = train_docs(slice, None, &opts);
    let (b, _) = train_docs(slice, None, &opts);
    assert!(ra.model_rows > 0);
    assert_eq!(a.to_bytes(), b.to_bytes());
    // The slice model has learnt something.
    let toks: Vec<&str> = slice[0].sentences[0]
        .tokens
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(a.tag(&toks).len(), toks.len());
}

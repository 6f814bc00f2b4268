//! Tests of the NER crate: CoNLL I/O, conlleval scoring, model file round trip,
//! deterministic training and the embedded model itself.

use std::path::Path;
use unspin_ner::{
    embedded, entities, eval_conll, read_conll, score_sentences, tag_conll, train_docs, EntType,
    Model, Tag, TrainOptions,
};

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
fn tag_conll_preserves_line_structure() {
    let input = "-DOCSTART- -X- -X- O\n\nAngela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\n\n  \nvisited\tVBD\r\nParis\t NNP\n.\n\n\n-DOCSTART-\nReuters\n\nlast";
    let out = tag_conll(input);
    let ins: Vec<&str> = input.split_inclusive('\n').collect();
    let outs: Vec<&str> = out.split_inclusive('\n').collect();
    assert_eq!(ins.len(), outs.len(), "{out}");
    for (i, o) in ins.iter().zip(&outs) {
        let (ic, ie) = split(i);
        let (oc, oe) = split(o);
        assert_eq!(ie, oe, "line ending of {i:?}");
        if ic.trim().is_empty() {
            assert_eq!(ic, oc, "blank lines are kept as they are");
            continue;
        }
        let sep = if ic.contains('\t') { '\t' } else { ' ' };
        let (head, tag) = oc.rsplit_once(sep).expect("a tag column");
        assert_eq!(head, ic);
        assert!(Tag::parse(tag).is_some(), "{tag:?}");
        if ic.starts_with("-DOCSTART-") {
            assert_eq!(tag, "O");
        }
    }
    assert!(!out.ends_with('\n'), "no newline added at the end");
    assert_eq!(tag_conll(""), "");
}

fn split(l: &str) -> (&str, &str) {
    if let Some(s) = l.strip_suffix("\r\n") {
        (s, "\r\n")
    } else if let Some(s) = l.strip_suffix('\n') {
        (s, "\n")
    } else {
        (l, "")
    }
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
fn entities_from_tags() {
    let tags: Vec<Tag> = "B-PER I-PER O I-LOC B-ORG B-ORG I-MISC"
        .split(' ')
        .map(t)
        .collect();
    let e: Vec<(usize, usize, EntType)> = entities(&tags)
        .into_iter()
        .map(|e| (e.start, e.end, e.kind))
        .collect();
    assert_eq!(
        e,
        vec![
            (0, 2, EntType::Per),
            (3, 4, EntType::Loc),
            (4, 5, EntType::Org),
            (5, 6, EntType::Org),
            (6, 7, EntType::Misc)
        ]
    );
}

#[test]
fn model_round_trip() {
    let m = embedded();
    let bytes = m.to_bytes();
    assert_eq!(
        bytes,
        unspin_ner::EMBEDDED_MODEL,
        "to_bytes reproduces the file"
    );
    let m2 = Model::load(&bytes).unwrap();
    let sents = [
        "Angela Merkel met Emmanuel Macron in Paris on Tuesday , Reuters reported .",
        "BRUSSELS 1996-08-22",
        "The European Commission said on Thursday it disagreed with German advice .",
        "",
    ];
    for s in sents {
        let toks: Vec<&str> = s.split_whitespace().collect();
        assert_eq!(m.tag(&toks), m2.tag(&toks));
        assert_eq!(m.tag(&toks).len(), toks.len());
    }
}

#[test]
fn bad_model_files_are_refused() {
    assert!(Model::load(b"").is_err());
    assert!(Model::load(b"not a model at all").is_err());
    let good = unspin_ner::EMBEDDED_MODEL;
    assert!(Model::load(&good[..good.len() / 2]).is_err());
    let mut v = good.to_vec();
    v[8] = 99; // format version
    assert!(Model::load(&v).is_err());
}

#[test]
fn embedded_model_tags_a_news_sentence() {
    let toks = [
        "Angela", "Merkel", "met", "Emmanuel", "Macron", "in", "Paris", "on", "Tuesday", ",",
        "Reuters", "reported", ".",
    ];
    let tags: Vec<&str> = embedded().tag(&toks).iter().map(|t| t.as_str()).collect();
    assert_eq!(
        tags,
        ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "B-ORG", "O", "O"]
    );
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

#[test]
fn title_case_headline_words_are_not_entities() {
    let doc: Vec<Vec<&str>> = [
        "Senator Warns of Rising Prices and Empty Shelves in Ohio",
        "Senator John Smith said on Monday that prices were rising across the state .",
        "Shoppers in Columbus reported empty shelves at several stores .",
        "Smith told reporters that the shelves had been empty for weeks .",
    ]
    .iter()
    .map(|s| s.split(' ').collect())
    .collect();
    let m = embedded();
    let with = m.tag_document_headlines(&doc, &[true]);
    let head: Vec<&str> = with[0].iter().map(|t| t.as_str()).collect();
    eprintln!("{head:?}");
    // "Rising Prices", "Empty Shelves": ordinary words, written in lowercase in the body.
    for (w, t) in doc[0].iter().zip(&head) {
        if ["Warns", "Rising", "Prices", "Empty", "Shelves"].contains(w) {
            assert_eq!(*t, "O", "{w} tagged {t}");
        }
    }
    assert_eq!(head[doc[0].len() - 1], "B-LOC", "Ohio");
    assert_eq!(with[1][2], Tag::I(EntType::Per), "John Smith");
    // Without the headline mark the body is tagged the same way.
    let without = m.tag_document(&doc);
    assert_eq!(with[1..], without[1..]);
}

#[test]
fn mentions_on_a_segmented_doc() {
    let mut doc = unspin_doc::Doc::new(
        "Merkel\u{2019}s Visit\n\nAngela Merkel met Emmanuel Macron in Paris on Tuesday, Reuters reported. Merkel\u{2019}s aides said the talks went well.",
    );
    unspin_segment::segment(&mut doc);
    let found: Vec<(String, EntType)> = unspin_ner::mentions(embedded(), &doc)
        .into_iter()
        .map(|m| (doc.slice(m.span).to_string(), m.kind))
        .collect();
    eprintln!("{found:?}");
    for want in [
        ("Angela Merkel", EntType::Per),
        ("Emmanuel Macron", EntType::Per),
        ("Paris", EntType::Loc),
        ("Reuters", EntType::Org),
    ] {
        assert!(
            found.iter().any(|(t, k)| t == want.0 && *k == want.1),
            "{want:?} not in {found:?}"
        );
    }
    // The possessive clitic is not part of the name.
    assert!(found
        .iter()
        .any(|(t, k)| t == "Merkel" && *k == EntType::Per));
    assert!(!found.iter().any(|(t, _)| t.contains('\u{2019}')));
}

/// A title-case teaser left in the body (a one-sentence paragraph, not marked as a
/// heading) is read as a headline; a list of names on one line is not.
#[test]
fn a_teaser_line_in_the_body_is_a_headline() {
    let mut doc = unspin_doc::Doc::new(
        "The environmental group Greenpeace said on Monday it welcomed the climate deal.          It warned of gaps in the plan. Officials said the talks were long.\n\n         Greenpeace Welcomes Deal, But Warns Of Gaps\n\n\
         Delegates: Andrew Collins, Maria Perkey, Barry Wynn, Bob McAlister, Boyd Brown.",
    );
    unspin_segment::segment(&mut doc);
    let found: Vec<String> = unspin_ner::mentions(embedded(), &doc)
        .into_iter()
        .map(|m| doc.slice(m.span).to_string())
        .collect();
    eprintln!("{found:?}");
    assert!(
        !found
            .iter()
            .any(|t| t.contains("Warns") || t.contains("Welcomes")),
        "{found:?}"
    );
    for name in ["Maria Perkey", "Bob McAlister", "Boyd Brown"] {
        assert!(found.iter().any(|t| t == name), "{name} not in {found:?}");
    }
}

#[test]
fn odd_tokens_do_not_panic() {
    let m = embedded();
    let odd = [
        "",
        " ",
        "\u{200b}",
        "ÉCOLE",
        "’s",
        "—",
        "1,000.5",
        "a-b-c-d-e-f",
        "😀",
    ];
    assert_eq!(m.tag(&odd).len(), odd.len());
    let long: Vec<&str> = (0..2000)
        .map(|i| if i % 7 == 0 { "Smith" } else { "the" })
        .collect();
    let tags = m.tag(&long);
    assert_eq!(tags.len(), long.len());
    // Output is always valid IOB2: I-X only after B-X or I-X.
    for w in tags.windows(2) {
        if let Tag::I(t) = w[1] {
            assert_eq!(w[0].entity_type(), Some(t));
        }
    }
    assert!(m.tag(&[]).is_empty());
    assert!(m.tag_document::<&str>(&[]).is_empty());
}

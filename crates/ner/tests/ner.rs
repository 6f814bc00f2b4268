//! Tests of the NER crate: CoNLL tagging output, model file round trip and the embedded
//! model itself (reading gold data, scoring and training: `unspin-train`'s tests).

use unspin_ner::{embedded, entities, tag_conll, EntType, Model, Tag};

fn t(s: &str) -> Tag {
    Tag::parse(s).unwrap()
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

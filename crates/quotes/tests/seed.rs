//! The seed article's ten quotations with the quotes stage on the token layer alone
//! (the segmenter's tokens, but no paragraphs, sentences or entities: the stage
//! must degrade gracefully). Kinds and speaker words as in
//! `EXPECTED.md`; resolving `they` to the outlet needs entities and is checked in
//! `crates/eval/tests/seed_quotes.rs` through the full pipeline. Skips when absent.

use unspin_doc::{Doc, QuoteKind};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_a80840316d5e4c4f.txt"
);

#[test]
fn seed_quotations_without_other_layers() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: seed article not found at {SEED}");
        return;
    };
    let mut doc = Doc::new(text);
    unspin_segment::segment(&mut doc);
    doc.paragraphs.clear();
    doc.sentences.clear();
    unspin_quotes::detect(&mut doc);
    let find = |start: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.span).starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?}"))
    };
    let speaker = |start: &str| {
        find(start)
            .speaker
            .as_ref()
            .map(|s| doc.slice(s.span).to_string())
    };
    let cases: [(&str, QuoteKind, Option<&str>); 10] = [
        (
            "Not long after the election",
            QuoteKind::Direct,
            Some("Debenedetti"),
        ),
        ("frustrated and befuddled", QuoteKind::Partial, None),
        (
            "In her final weeks as VP",
            QuoteKind::Direct,
            Some("New Yorker"),
        ),
        (
            "Among them was Hillary Clinton",
            QuoteKind::Direct,
            Some("New Yorker"),
        ),
        ("a glass of wine, a board game", QuoteKind::Scare, None),
        (
            "a low-I.Q. wine mom",
            QuoteKind::Partial,
            Some("Tucker Carlson"),
        ),
        (
            "a dyslexic poet",
            QuoteKind::Partial,
            Some("Tucker Carlson"),
        ),
        (
            "become some sort of portfolio-free",
            QuoteKind::Partial,
            Some("advisors"),
        ),
        (
            "Other Democrats have less sparing advice",
            QuoteKind::Direct,
            Some("they"),
        ),
        (
            "Maybe she should just go away",
            QuoteKind::Direct,
            Some("they"),
        ),
    ];
    for (i, (start, kind, who)) in cases.iter().enumerate() {
        assert_eq!(find(start).kind, *kind, "#{}", i + 1);
        let got = speaker(start);
        match who {
            None => assert_eq!(got, None, "#{}", i + 1),
            Some(w) => assert!(
                got.as_deref().is_some_and(|g| g.contains(w)),
                "#{}: {got:?}",
                i + 1
            ),
        }
    }
}

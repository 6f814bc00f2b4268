//! The seed article's ten quotations (kinds and speakers as in `EXPECTED.md`), run
//! through the real pipeline. Skips when the seed file is absent.

use unspin_doc::{Doc, QuoteKind};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_a80840316d5e4c4f.txt"
);

fn find<'a>(doc: &'a Doc, start: &str) -> &'a unspin_doc::Quote {
    doc.quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with(start))
        .unwrap_or_else(|| {
            panic!(
                "no quote starting {start:?}; quotes: {:?}",
                doc.quotes
                    .iter()
                    .map(|q| doc.slice(q.span))
                    .collect::<Vec<_>>()
            )
        })
}

fn speaker_name(doc: &Doc, q: &unspin_doc::Quote) -> Option<String> {
    q.speaker
        .as_ref()
        .map(|s| format!("{} | {}", s.name, doc.slice(s.span)))
}

#[test]
fn seed_quotations_match_expected() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: seed article not found at {SEED}");
        return;
    };
    let doc = unspin_pipeline::analyze_text("seed", &text, unspin_pipeline::Options::default())
        .expect("analyses");
    let cases: [(&str, &[QuoteKind], Option<&str>); 10] = [
        (
            "Not long after the election",
            &[QuoteKind::Direct],
            Some("Debenedetti"),
        ),
        ("frustrated and befuddled", &[QuoteKind::Partial], None),
        (
            "In her final weeks as VP",
            &[QuoteKind::Direct],
            Some("New Yorker"),
        ),
        (
            "Among them was Hillary Clinton",
            &[QuoteKind::Direct],
            Some("New Yorker"),
        ),
        ("a glass of wine, a board game", &[QuoteKind::Scare], None),
        (
            "a low-I.Q. wine mom",
            &[QuoteKind::Partial],
            Some("Tucker Carlson"),
        ),
        (
            "a dyslexic poet",
            &[QuoteKind::Partial],
            Some("Tucker Carlson"),
        ),
        (
            "become some sort of portfolio-free",
            &[QuoteKind::Partial],
            Some("advisors"),
        ),
        (
            "Other Democrats have less sparing advice",
            &[QuoteKind::Direct],
            Some("New York Magazine"),
        ),
        (
            "Maybe she should just go away",
            &[QuoteKind::Direct],
            Some("New York Magazine"),
        ),
    ];
    let entities = !doc.entities.is_empty();
    for (i, (start, kinds, speaker)) in cases.iter().enumerate() {
        let q = find(&doc, start);
        assert!(kinds.contains(&q.kind), "#{}: kind {:?}", i + 1, q.kind);
        let got = speaker_name(&doc, q);
        match speaker {
            None => assert!(
                got.is_none(),
                "#{}: expected no speaker, got {got:?}",
                i + 1
            ),
            Some(_) if i == 7 => {
                // "advisors-or-none"
                if let Some(g) = &got {
                    assert!(g.to_lowercase().contains("advis"), "#8: {g}");
                }
            }
            Some(want) if i >= 8 => {
                let g = got.unwrap_or_else(|| panic!("#{}: no speaker", i + 1));
                assert!(g.ends_with("| they"), "#{}: speaker text {g}", i + 1);
                if entities {
                    assert!(g.contains(want), "#{}: {g} should resolve to {want}", i + 1);
                } else {
                    eprintln!("note: no entities yet, `they` not resolved to {want} (got {g})");
                }
            }
            Some(want) => {
                let g = got.unwrap_or_else(|| panic!("#{}: no speaker", i + 1));
                assert!(g.contains(want), "#{}: {g} should name {want}", i + 1);
            }
        }
    }
    // #3 and #4 share the mid attribution.
    assert_eq!(
        find(&doc, "In her final weeks").cue,
        find(&doc, "Among them").cue
    );
}

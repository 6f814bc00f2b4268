//! Acceptance: the seed article analysed as `../shared/seed/EXPECTED.md` reads it.
//!
//! This test checks the reading of that one file; no rule in the library keys on it
//! (held-out articles decide whether the behaviour generalises; see tests/articles/).

use std::path::Path;

use unspin_pipeline::{analyze_path, Doc, Options};

fn seed() -> Option<Doc> {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/000_a80840316d5e4c4f.txt");
    if !p.exists() {
        eprintln!("skipping: {} not present", p.display());
        return None;
    }
    Some(analyze_path(p.to_str().unwrap(), Options::default()).expect("seed analyses"))
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn chrome_is_removed_and_listed() {
    let Some(doc) = seed() else { return };
    assert!(doc
        .meta
        .title
        .as_deref()
        .unwrap_or("")
        .starts_with("Report: Kamala and Hillary"));
    assert_eq!(
        doc.meta.outlet.as_deref(),
        Some("RedState"),
        "outlet inferred from chrome"
    );
    let kinds = |k: &str| doc.chrome.iter().filter(|c| c.kind == k).count();
    assert_eq!(kinds("ad"), 3, "{:#?}", doc.chrome);
    assert!(kinds("teaser") >= 1, "{:#?}", doc.chrome);
    assert!(kinds("caption") + kinds("credit") >= 1, "{:#?}", doc.chrome);
    for gone in [
        "Advertisement",
        "Recommended",
        "Join the conversation",
        "Trending on",
        "(Credit: AP)",
        "A Glass of Wine, a Board Game",
    ] {
        assert!(!doc.text.contains(gone), "{gone:?} still in text");
    }
    for kept in [
        "Perhaps even the presidency.",
        "Maybe she should just go away.",
        "it'd be Hillary Clinton.",
    ] {
        assert!(doc.text.contains(kept), "{kept:?} lost");
    }
}

#[test]
fn the_ten_quotations_with_their_speakers() {
    let Some(doc) = seed() else { return };
    // (start of quoted text, accepted kinds, expected speaker name: None = nobody named)
    let expected: [(&str, &[&str], Option<&str>); 10] = [
        (
            "Not long after the election",
            &["direct"],
            Some("Gabriel Debenedetti"),
        ),
        ("frustrated and befuddled", &["partial"], None),
        (
            "In her final weeks as VP",
            &["direct"],
            Some("The New Yorker"),
        ),
        (
            "Among them was Hillary Clinton",
            &["direct"],
            Some("The New Yorker"),
        ),
        ("a glass of wine, a board game", &["scare"], None),
        ("a low-I.Q. wine mom", &["partial"], Some("Tucker Carlson")),
        ("a dyslexic poet", &["partial"], Some("Tucker Carlson")),
        (
            "become some sort of portfolio-free",
            &["partial"],
            Some("advisors"),
        ),
        (
            "Other Democrats have less sparing advice",
            &["direct"],
            Some("New York Magazine"),
        ),
        (
            "Maybe she should just go away",
            &["direct"],
            Some("New York Magazine"),
        ),
    ];
    let mut problems = vec![];
    for (start, kinds, speaker) in expected {
        let Some(q) = doc
            .quotes
            .iter()
            .find(|q| q.kind.as_str() != "indirect" && norm(doc.slice(q.span)).starts_with(start))
        else {
            problems.push(format!("quote {start:?} not found"));
            continue;
        };
        if !kinds.contains(&q.kind.as_str()) {
            problems.push(format!("{start:?}: kind {} not {kinds:?}", q.kind.as_str()));
        }
        let got = q.speaker.as_ref().map(|s| s.name.as_str());
        let ok = match (speaker, got) {
            (None, None) => true,
            (Some(want), Some(got)) => got.to_lowercase().contains(&want.to_lowercase()),
            _ => false,
        };
        if !ok {
            problems.push(format!("{start:?}: speaker {got:?}, expected {speaker:?}"));
        }
    }
    // Quotes 1, 3, 4, 6, 7, 9, 10 carry their cue.
    for (start, cue) in [
        ("Not long after", "describes"),
        ("Among them", "writes"),
        ("Maybe she should", "add"),
        ("a dyslexic poet", "said"),
    ] {
        if let Some(q) = doc
            .quotes
            .iter()
            .find(|q| norm(doc.slice(q.span)).starts_with(start))
        {
            let c = q.cue.map(|c| doc.slice(c).to_string());
            if c.as_deref() != Some(cue) {
                problems.push(format!("{start:?}: cue {c:?}, expected {cue:?}"));
            }
        }
    }
    let speaker_entity = |start: &str| {
        doc.quotes
            .iter()
            .find(|q| norm(doc.slice(q.span)).starts_with(start))
            .and_then(|q| q.speaker.as_ref()?.entity)
    };
    // "they add" resolves to the outlet entity itself, not just a name.
    let nymag = doc
        .entities
        .iter()
        .position(|e| e.name == "New York Magazine");
    if nymag.is_none() || speaker_entity("Maybe she should") != nymag {
        problems.push("\"they\" is not resolved to the New York Magazine entity".into());
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn clustering_keeps_the_two_clintons_apart() {
    let Some(doc) = seed() else { return };
    let ent = |name: &str| {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no entity {name}: {:?}",
                    doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
    };
    let forms = |name: &str| -> Vec<String> {
        ent(name)
            .mentions
            .iter()
            .map(|m| doc.slice(m.span).to_string())
            .collect()
    };
    let hillary = forms("Hillary Clinton");
    for f in ["Hillary", "Hillary Clinton", "Clinton"] {
        assert!(
            hillary.iter().any(|m| m == f),
            "Hillary Clinton lacks {f:?}: {hillary:?}"
        );
    }
    let bare_clintons =
        doc.text.matches("Clinton").count() - doc.text.matches("Bill Clinton").count();
    assert_eq!(
        hillary.iter().filter(|m| m.contains("Clinton")).count(),
        bare_clintons,
        "every Clinton but Bill's is Hillary's"
    );
    assert_eq!(forms("Bill Clinton"), vec!["Bill Clinton"]);
    let kamala = forms("Kamala Harris");
    assert!(kamala.iter().any(|m| m == "Kamala"), "{kamala:?}");
    assert!(
        kamala.iter().filter(|m| m.as_str() == "Harris").count() >= 10,
        "{kamala:?}"
    );
    assert_eq!(ent("New York Magazine").kind.as_str(), "outlet");
    assert_eq!(ent("The New Yorker").kind.as_str(), "outlet");
    assert_eq!(ent("Donald Trump").kind.as_str(), "person");
    assert!(
        forms("Donald Trump").len() >= 3,
        "every Trump is Donald Trump"
    );
}

#[test]
fn sourcing_and_the_outlet_conflict() {
    let Some(doc) = seed() else { return };
    let conflict = doc
        .findings
        .iter()
        .find(|f| f.kind == "source_conflict")
        .expect("source conflict reported");
    let spans: Vec<&str> = conflict.spans.iter().map(|s| doc.slice(*s)).collect();
    assert!(
        spans.iter().any(|s| s.contains("New York Magazine")),
        "{spans:?}"
    );
    assert!(spans.iter().any(|s| s.contains("New Yorker")), "{spans:?}");
    let vague: Vec<String> = doc
        .sources
        .iter()
        .filter(|s| matches!(s.kind.as_str(), "anonymous" | "rumour"))
        .map(|s| s.name.to_lowercase())
        .collect();
    for v in ["reports have already surfaced", "rumored", "advisors"] {
        assert!(
            vague.iter().any(|s| s.contains(v)),
            "{v:?} not among {vague:?}"
        );
    }
    // The attributing sentences are attributed or quoted; most others are the writer's own.
    for cue in [
        "according to New York Magazine",
        "the New Yorker writes",
        "Debenedetti describes",
    ] {
        let at = doc.text.find(cue).unwrap();
        let s = &doc.sentences[doc.sentence_at(at).unwrap()];
        assert_ne!(
            s.attribution.as_str(),
            "own",
            "{cue:?} sentence is attributed"
        );
    }
    let own = doc
        .sentences
        .iter()
        .filter(|s| s.attribution.as_str() == "own")
        .count();
    assert!(
        own * 2 > doc.sentences.len(),
        "most sentences are the writer's own"
    );
}

#[test]
fn rhetoric_spans_are_flagged() {
    let Some(doc) = seed() else { return };
    let flagged = |phrase: &str, techniques: &[&str]| {
        let at = doc
            .text
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} not in text"));
        doc.techniques.iter().any(|t| {
            t.span.start < at + phrase.len()
                && at < t.span.end
                && techniques.contains(&t.technique.as_str())
        })
    };
    let cases: &[(&str, &[&str])] = &[
        ("humiliation", &["loaded_language"]),
        ("spectacular defeats", &["loaded_language", "exaggeration"]),
        ("shell-shocked", &["loaded_language"]),
        ("election debacle", &["loaded_language"]),
        ("a low-I.Q. wine mom", &["name_calling"]),
        ("a dyslexic poet", &["name_calling"]),
        ("likely not her first or last", &["speculation"]),
        ("One can only imagine", &["speculation"]),
        ("judging by the measurement", &["speculation"]),
        ("most likely hearing", &["speculation"]),
        ("the bulk of America", &["bandwagon"]),
        ("If anybody can relate", &["ridicule"]),
    ];
    let missing: Vec<_> = cases.iter().filter(|(p, t)| !flagged(p, t)).collect();
    assert!(missing.is_empty(), "not flagged: {missing:?}");
}

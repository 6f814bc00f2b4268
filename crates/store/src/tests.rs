use super::*;
use unspin_doc::{Quote, QuoteKind, Span, Speaker};

/// A document with one quotation `quote` (found in `text`) attributed to `speaker`.
fn mk(text: &str, quote: &str, speaker: &str, date: &str) -> Ingested {
    let mut doc = Doc::new(text);
    doc.input.format = "text".into();
    doc.meta.title = Some(format!("Story {}", &text[..12.min(text.len())]));
    doc.meta.published = Some(date.into());
    doc.meta.url = Some(format!("https://www.news-{}.example/a", date));
    let s = text.find(quote).expect("quote in text");
    let sp = text.find(speaker).expect("speaker in text");
    doc.quotes.push(Quote {
        span: Span::new(s, s + quote.len()),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Span::new(sp, sp + speaker.len()),
            entity: None,
            name: speaker.into(),
        }),
        cue: None,
    });
    Ingested {
        hash: content_hash(text.as_bytes()),
        doc,
        source: "test".into(),
        seen: None,
    }
}

const Q: &str = "We will rebuild every bridge in this county before the next winter comes";

#[test]
fn migrates_once_and_reopens() {
    let dir = std::env::temp_dir().join(format!("unspin-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("c.db");
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        s.insert(&mk(
            "Mayor Ann Lee said: \"We will rebuild.\"",
            "We will rebuild.",
            "Ann Lee",
            "2020-01-01",
        ))
        .unwrap()
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.stats().unwrap().documents, 1);
    let mode: String = s
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode.to_lowercase(), "wal");
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.stats().unwrap().quotes, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dedupes_by_hash() {
    let mut s = Store::open_in_memory().unwrap();
    let it = mk(
        "Ann Lee said \"hello there all\" today.",
        "hello there all",
        "Ann Lee",
        "2020-01-01",
    );
    let ids = s.insert_batch(&[it.clone(), it.clone()]).unwrap();
    assert!(ids[0].is_some());
    assert_eq!(ids[1], None);
    assert!(s.has_hash(&it.hash).unwrap());
    assert_eq!(s.hashes().unwrap().len(), 1);
    assert_eq!(s.stats().unwrap().documents, 1);
    assert_eq!(s.stats().unwrap().speakers, 1);
}

#[test]
fn search_and_quote_queries() {
    let mut s = Store::open_in_memory().unwrap();
    s.insert(&mk(
        "The governor, Maria Ortiz, said \"the wine mom vote is real\" at a rally.",
        "the wine mom vote is real",
        "Maria Ortiz",
        "2021-03-01",
    ))
    .unwrap();
    s.insert(&mk(
        "Councillor Ben Ode said \"taxes will fall next year\" on Monday.",
        "taxes will fall next year",
        "Ben Ode",
        "2021-03-02",
    ))
    .unwrap();
    let hits = s.search("wine mom", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.contains("\u{2}wine\u{3}"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(s.search("\"mom wine\"", 10, 0).unwrap().len(), 0);
    // Hostile FTS syntax is neutralised, never an error.
    for q in ["NEAR(", "\"", "*", "a OR", "x:y", "-", "'", "(((", ""] {
        s.search(q, 10, 0).unwrap();
    }
    let q = s
        .quotes(&QuoteFilter {
            speaker: Some("ortiz".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Maria Ortiz"));
    let q = s
        .quotes(&QuoteFilter {
            text: Some("taxes".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "taxes will fall next year");
    let sp = s.speakers(10).unwrap();
    assert_eq!(sp.len(), 2);
    let out = s.outlets(10).unwrap();
    assert_eq!(out.len(), 2);
    assert!(out.iter().any(|o| o.outlet == "news-2021-03-01.example"));
}

#[test]
fn provenance_finds_variants_earliest_first() {
    let mut s = Store::open_in_memory().unwrap();
    // Later exact copy.
    s.insert(&mk(
        &format!("Report B. Lee told reporters: \"{Q}.\""),
        Q,
        "Lee",
        "2022-05-03",
    ))
    .unwrap();
    // Earliest: the full quotation, longer than the query.
    let longer = format!("{Q}, and we will pay for it without new taxes");
    s.insert(&mk(
        &format!("Report A. Governor Ann Lee said \"{longer}.\""),
        &longer,
        "Ann Lee",
        "2022-05-01",
    ))
    .unwrap();
    // Trimmed with an ellipsis.
    let trimmed = "We will rebuild every bridge … before the next winter comes";
    s.insert(&mk(
        &format!("Report C. \"{trimmed}\", the mayor said."),
        trimmed,
        "the mayor",
        "2022-05-02",
    ))
    .unwrap();
    // A small edit.
    let edited = "We will rebuild every single bridge in this county before next winter comes";
    s.insert(&mk(
        &format!("Report D. An aide said \"{edited}\" again."),
        edited,
        "An aide",
        "2022-05-04",
    ))
    .unwrap();
    // Unrelated quotation sharing a few words.
    s.insert(&mk(
        "Report E. Bo Kim said \"we will not rebuild anything this year at all\".",
        "we will not rebuild anything this year at all",
        "Bo Kim",
        "2022-05-05",
    ))
    .unwrap();
    let hits = s.provenance(Q, 20).unwrap();
    let speakers: Vec<_> = hits
        .iter()
        .map(|h| h.quote.speaker.clone().unwrap())
        .collect();
    assert_eq!(
        speakers,
        ["Ann Lee", "the mayor", "Lee", "An aide"],
        "{hits:#?}"
    );
    assert_eq!(hits[0].relation, "longer");
    assert_eq!(hits[2].relation, "exact");
    assert!(hits[3].similarity >= MIN_SIMILARITY_TEST);
    // A short fragment finds the quotations containing it.
    let frag = s.provenance("every bridge", 20).unwrap();
    assert!(frag.len() >= 3, "{frag:#?}");
}

const MIN_SIMILARITY_TEST: f64 = provenance::MIN_SIMILARITY;

#[test]
fn json_round_trip_and_export() {
    let text =
        "Senator Jo Park said \"costs are rising\" on Tuesday, according to the Daily Ledger.";
    let mut it = mk(text, "costs are rising", "Jo Park", "2023-01-01");
    it.doc.quotes[0].cue = Some(Span::new(
        text.find("said").unwrap(),
        text.find("said").unwrap() + 4,
    ));
    it.doc.meta.title = Some("Caf\u{e9} \u{2019}costs\u{2019}".into());
    let mut s = Store::open_in_memory().unwrap();
    let id = s.insert(&it).unwrap().unwrap();
    let back = s.doc(id).unwrap().unwrap();
    assert_eq!(back.to_json(), it.doc.to_json());
    assert_eq!(back.quotes[0].cue, it.doc.quotes[0].cue);
    let mut out = Vec::new();
    assert_eq!(s.export_jsonl(&mut out).unwrap(), 1);
    let line: Value = serde_json::from_slice(out.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["id"], id);
    assert_eq!(line["schema"], "unspin/1");
}

#[test]
fn pipeline_document_stores() {
    let text = "City Hall approves budget\n\nThe council approved the budget on Monday. \"This is a good day for the city,\" Mayor Dana Reyes said after the vote. Critics called the plan reckless.";
    let doc = unspin_pipeline::analyze_text("t.txt", text, Default::default()).unwrap();
    let mut s = Store::open_in_memory().unwrap();
    let id = s
        .insert(&Ingested {
            hash: content_hash(text.as_bytes()),
            doc: doc.clone(),
            source: "t.txt".into(),
            seen: None,
        })
        .unwrap()
        .unwrap();
    assert_eq!(s.doc(id).unwrap().unwrap().to_json(), doc.to_json());
    assert_eq!(s.stats().unwrap().quotes as usize, doc.quotes.len());
}

#[test]
fn hosts_and_hashes() {
    assert_eq!(
        url_host("https://www.Example.com:8080/a?b").as_deref(),
        Some("example.com")
    );
    assert_eq!(url_host("nope"), None);
    assert_ne!(content_hash(b"a"), content_hash(b"b"));
    assert_eq!(content_hash(b"").len(), 32);
    assert_eq!(
        fts_query("wine \"mom x\" y*").as_deref(),
        Some("\"wine\" \"mom x\" \"y\"")
    );
    assert_eq!(
        normalize_words("Don’t … stop, [the] music!"),
        ["don't", "stop", "the", "music"]
    );
}

#[test]
fn newer_schema_is_refused_and_readers_see_commits() {
    let dir = std::env::temp_dir().join(format!("unspin-store-v-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("c.db");
    let mut w = Store::open(&path).unwrap();
    // A reader opened before the write sees it after the commit (WAL).
    let r = Store::open_read_only(&path).unwrap();
    w.insert(&mk(
        "Ann Lee said \"it is done now\".",
        "it is done now",
        "Ann Lee",
        "2020-01-01",
    ))
    .unwrap();
    assert_eq!(r.stats().unwrap().documents, 1);
    w.conn()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop((w, r));
    let e = Store::open(&path).err().expect("newer schema refused");
    assert!(e.to_string().contains("newer"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

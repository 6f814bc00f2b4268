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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
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
    assert_eq!(s.hash_keys().unwrap(), [hash_key(&it.hash)].into());
    assert!(s.id_of_hash(&it.hash).unwrap().is_some());
    assert_eq!(s.id_of_hash("0").unwrap(), None);
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
fn stored_cue_keeps_its_offsets() {
    // The cue is the farther "said", after curly quotes and an é: read back by
    // `cue_start`/`cue_end`, not as the nearest occurrence of its text.
    let text = "Jo Park said \u{201c}the café is closing,\u{201d} and then Ann Lee said it too.";
    let mut it = mk(text, "the café is closing,", "Ann Lee", "2023-02-01");
    let at = text.rfind("said").unwrap();
    it.doc.quotes[0].cue = Some(Span::new(at, at + 4));
    let mut s = Store::open_in_memory().unwrap();
    let id = s.insert(&it).unwrap().unwrap();
    let back = s.doc(id).unwrap().unwrap();
    assert_eq!(back.quotes[0].cue, it.doc.quotes[0].cue);
    assert_eq!(back.to_json(), it.doc.to_json());
    // A report from before the offsets were added still finds its cue nearby.
    let mut old = it.doc.to_json();
    for k in ["cue_start", "cue_end"] {
        old["quotes"][0].as_object_mut().unwrap().remove(k);
    }
    let back = fromjson::doc_from_json(&old).unwrap();
    assert_eq!(
        back.quotes[0].cue.map(|c| &text[c.start..c.end]),
        Some("said")
    );
}

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
        fts_query("wine \"mom x\" yes*").unwrap().as_deref(),
        Some("\"wine\" \"mom x\" \"yes\"*")
    );
    assert_eq!(
        normalize_words("Don’t … stop, [the] music!"),
        ["don't", "stop", "the", "music"]
    );
}

#[test]
fn newer_schema_is_refused_and_readers_see_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
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
}

#[test]
fn query_terms_are_limited() {
    // Repeated terms count once: 200 copies of a word are one term.
    assert_eq!(
        fts_query(&"wine ".repeat(200)).unwrap().as_deref(),
        Some("\"wine\"")
    );
    assert_eq!(fts_query(" *** ").unwrap(), None);
    // `*` inside a phrase is only punctuation.
    assert_eq!(
        fts_query("\"red* wine\"").unwrap().as_deref(),
        Some("\"red wine\"")
    );
    let many: String = (0..=MAX_QUERY_TERMS).map(|i| format!("w{i} ")).collect();
    let e = fts_query(&many).unwrap_err();
    assert!(
        e.is_bad_query() && e.to_string().contains("at most 32"),
        "{e}"
    );
    let prefixes: String = (0..=MAX_PREFIX_TERMS)
        .map(|i| format!("pre{i}* "))
        .collect();
    let e = fts_query(&prefixes).unwrap_err();
    assert!(e.is_bad_query() && e.to_string().contains("prefix"), "{e}");
    // The query of the report: 200 one-letter prefix terms (1.4 KB).
    let e = fts_query(&"a* ".repeat(200)).unwrap_err();
    assert!(
        e.is_bad_query() && e.to_string().contains("at least 3"),
        "{e}"
    );
    // The store refuses them too (and `unspin query search` through it).
    let s = Store::open_in_memory().unwrap();
    assert!(s
        .search(&"a* ".repeat(200), 10, 0)
        .unwrap_err()
        .is_bad_query());
    let f = QuoteFilter {
        text: Some(many),
        limit: 10,
        ..Default::default()
    };
    assert!(s.quotes(&f).unwrap_err().is_bad_query());
}

#[test]
fn prefix_search_and_snippets() {
    let mut s = Store::open_in_memory().unwrap();
    let filler = "Nothing to see here at all. ".repeat(40);
    let text = format!("{filler}The harbour’s wall was rebuilt by the county. {filler}");
    s.insert(&mk(&text, "Nothing to see", "Nothing", "2020-01-01"))
        .unwrap()
        .unwrap();
    let hits = s.search("rebui*", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    let sn = &hits[0].snippet;
    assert!(sn.contains("\u{2}rebuilt\u{3}"), "{sn:?}");
    assert!(sn.starts_with('…') && sn.ends_with('…'), "{sn:?}");
    assert!(sn.split_whitespace().count() <= SNIPPET_WORDS + 1, "{sn:?}");
    let hits = s.search("\"harbour's wall\"", 10, 0).unwrap();
    let sn = &hits[0].snippet;
    assert!(sn.contains("\u{2}harbour’s\u{3} \u{2}wall\u{3}"), "{sn:?}");
    assert!(s.search("rebuilding", 10, 0).unwrap().is_empty());
}

#[test]
fn many_hits_in_big_documents_search_fast() {
    // FTS5's snippet() is quadratic in the hits of a document: 60,000 hits in one
    // article took minutes (3.6e9 steps). Snippets are now made in one pass.
    let mut s = Store::open_in_memory().unwrap();
    let text = "a b c ".repeat(60_000);
    s.insert(&mk(&text, "a b c", "b", "2020-01-01")).unwrap();
    let t0 = std::time::Instant::now();
    let hits = s.search("a", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.starts_with("\u{2}a\u{3} b c"));
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        t0.elapsed()
    );
}

#[test]
fn deadline_stops_a_running_query() {
    let s = Store::open_in_memory().unwrap();
    let count =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) \
                 SELECT count(*) FROM c";
    s.set_deadline(Some(
        std::time::Instant::now() + std::time::Duration::from_millis(50),
    ));
    let e: Error = s
        .conn()
        .query_row(count, [], |r| r.get::<_, i64>(0))
        .unwrap_err()
        .into();
    assert!(e.is_timeout(), "{e}");
    // The handler is lifted: the same connection runs queries to the end again.
    s.set_deadline(None);
    let n: i64 = s
        .conn()
        .query_row(&count.replace("100000000", "1000"), [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1000);
    // An expired deadline stops the store's own queries with the same error.
    let mut w = Store::open_in_memory().unwrap();
    for i in 0..50 {
        let t = format!("Report {i}: the mayor said \"we are ready\" today.");
        w.insert(&mk(&t, "we are ready", "mayor", "2020-01-01"))
            .unwrap();
    }
    w.set_deadline(Some(std::time::Instant::now()));
    assert!(w.search("mayor", 100, 0).unwrap_err().is_timeout());
}

use super::testdata::article_html;
use super::warc::{write_other, write_response};
use super::*;
use flate2::write::GzEncoder;

/// A folder removed when the guard drops (even when the test fails).
fn tmp(name: &str) -> tempfile::TempDir {
    let prefix = format!("unspin-corpus-{name}-");
    tempfile::Builder::new().prefix(&prefix).tempdir().unwrap()
}

fn quiet(threads: usize) -> IngestOptions {
    IngestOptions {
        threads,
        batch: 3,
        progress: false,
        ..Default::default()
    }
}

/// A multi-member WARC.gz (one gzip member per record) with `n` HTML pages and
/// some records that must be skipped.
fn write_warc_gz(path: &Path, n: usize) {
    let mut out = File::create(path).unwrap();
    let mut member = |f: &dyn Fn(&mut dyn Write)| {
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        f(&mut gz);
        out.write_all(&gz.finish().unwrap()).unwrap();
    };
    member(&|w| write_other(w, "warcinfo", "", b"software: test\r\n").unwrap());
    for i in 0..n {
        member(&|w| {
            write_other(
                w,
                "request",
                &format!("https://news.example/{i}"),
                b"GET / HTTP/1.1\r\n\r\n",
            )
            .unwrap()
        });
        member(&|w| {
            write_response(
                w,
                &format!("https://news.example/story/{i}"),
                &format!("2024-02-{:02}T10:00:00Z", 1 + i % 28),
                "text/html; charset=utf-8",
                article_html(i).as_bytes(),
            )
            .unwrap()
        });
    }
    member(&|w| {
        write_response(
            w,
            "https://news.example/logo.png",
            "2024-02-01T00:00:00Z",
            "image/png",
            b"\x89PNG....",
        )
        .unwrap()
    });
    member(&|w| {
        write_response(
            w,
            "https://news.example/app.js",
            "2024-02-01T00:00:00Z",
            "application/javascript",
            b"var x;",
        )
        .unwrap()
    });
}

#[test]
fn warc_gz_ingest_and_resume() {
    let d = tmp("warc");
    let d = d.path();
    let warc = d.join("crawl.warc.gz");
    write_warc_gz(&warc, 12);
    let mut store = Store::open(d.join("c.db")).unwrap();
    let r = ingest(std::slice::from_ref(&warc), &mut store, &quiet(2)).unwrap();
    assert_eq!(r.stored, 12, "{r:?}");
    assert_eq!(r.skipped_non_html, 2, "{r:?}");
    assert_eq!(r.skipped_records, 13, "{r:?}");
    assert_eq!(r.failed, 0, "{r:?}");
    let docs = store.list_docs(100, 0).unwrap();
    assert_eq!(docs.len(), 12);
    assert!(docs.iter().all(|d| d
        .url
        .as_deref()
        .unwrap()
        .starts_with("https://news.example/story/")));
    assert!(docs.iter().all(|d| d.seen.is_some()));
    assert!(store.stats().unwrap().quotes >= 12);
    // Re-running stores nothing new.
    let r2 = ingest(&[warc], &mut store, &quiet(1)).unwrap();
    assert_eq!((r2.stored, r2.known), (0, 12), "{r2:?}");
    assert_eq!(store.stats().unwrap().documents, 12);
}

#[test]
fn jsonl_and_directories() {
    let d = tmp("jsonl");
    let d = d.path();
    let mut f = File::create(d.join("a.jsonl")).unwrap();
    writeln!(
        f,
        "{}",
        serde_json::json!({"url": "https://x.example/1", "html": article_html(1)})
    )
    .unwrap();
    writeln!(f, "{}", serde_json::json!({"url": "https://x.example/2", "text": "Plain <b>text</b> here. \"It works,\" said Ana Reyes."})).unwrap();
    writeln!(f, "not json").unwrap();
    writeln!(f, "{}", serde_json::json!({"url": "https://x.example/3"})).unwrap();
    drop(f);
    let sub = d.join("pages");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("p1.html"), article_html(2)).unwrap();
    std::fs::write(
        sub.join("p2.txt"),
        "A text article. \"Quote here now,\" said Ben Novak.",
    )
    .unwrap();
    std::fs::write(sub.join("skip.png"), b"\x89PNG").unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let r = ingest(&[d.to_path_buf()], &mut store, &quiet(2)).unwrap();
    assert_eq!(r.stored, 4, "{r:?}");
    assert_eq!(r.failed, 2, "{r:?}");
    assert_eq!(r.errors.len(), 2);
    // The JSONL "text" document keeps its markup as text.
    let hits = store.search("plain text", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    let doc = store.doc(hits[0].doc.id).unwrap().unwrap();
    assert!(doc.text.contains("<b>text</b>"), "{}", doc.text);
    assert_eq!(doc.input.format, "text");
}

#[test]
fn limit_and_missing_input() {
    let d = tmp("limit");
    let d = d.path();
    let warc = d.join("c.warc");
    let mut f = File::create(&warc).unwrap();
    for i in 0..20 {
        write_response(
            &mut f,
            &format!("https://l.example/{i}"),
            "2024-01-01T00:00:00Z",
            "text/html",
            article_html(i).as_bytes(),
        )
        .unwrap();
    }
    drop(f);
    let mut store = Store::open_in_memory().unwrap();
    let mut o = quiet(1);
    o.limit = Some(5);
    let r = ingest(std::slice::from_ref(&warc), &mut store, &o).unwrap();
    assert!(r.stored >= 5 && r.stored < 20, "{r:?}");
    // A missing input is a named failure of its own; the other inputs still run.
    let r = ingest(&[d.join("missing.warc")], &mut store, &o).unwrap();
    assert_eq!(r.failed, 1, "{r:?}");
    assert!(r.errors[0].contains("missing.warc"), "{r:?}");
    // A truncated WARC is a failure, with the records before it kept.
    let bytes = std::fs::read(&warc).unwrap();
    std::fs::write(&warc, &bytes[..bytes.len() - 100]).unwrap();
    let r = ingest(&[warc], &mut store, &quiet(1)).unwrap();
    assert_eq!(r.failed, 1, "{r:?}");
    assert_eq!(store.stats().unwrap().documents, 19);
}

#[test]
fn kinds_by_name() {
    assert_eq!(
        input_kind(Path::new("a/CC-NEWS-1.warc.gz")),
        InputKind::Warc
    );
    assert_eq!(input_kind(Path::new("x.jsonl")), InputKind::Jsonl);
    assert_eq!(input_kind(Path::new("x.html.gz")), InputKind::Document);
    assert_eq!(input_kind(Path::new("-")), InputKind::Jsonl);
}

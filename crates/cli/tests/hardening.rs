//! Issue 14 as a careless user or an attacker meets the CLI: exports that would
//! overwrite their own database, FIFOs among the inputs, exit codes that must say
//! when an input failed, and oversized documents. Every command runs as a process.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use unspin_corpus::testdata::article_html;
use unspin_corpus::warc::write_response;
use unspin_store::{Ingested, Store};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unspin"));
    c.env("NO_COLOR", "1").env_remove("UNSPIN_DB");
    c
}

fn run(args: &[&str]) -> Output {
    run_in(args, None)
}

/// Runs with a deadline: a hang (e.g. blocked on a FIFO) fails the test instead
/// of stalling the suite.
fn run_in(args: &[&str], dir: Option<&Path>) -> Output {
    let mut c = bin();
    c.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        c.current_dir(d);
    }
    let child = c.spawn().expect("spawn unspin");
    wait_deadline(child, Duration::from_secs(120), args)
}

fn wait_deadline(mut child: Child, limit: Duration, args: &[&str]) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("unspin {args:?} hung for over {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn tmpdir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("unspin-hardening-{name}-"))
        .tempdir()
        .unwrap()
}

/// A database of `n` small stored documents (analysed once, stored under
/// distinct hashes), built through the store's API for speed.
fn make_db(path: &Path, n: usize) {
    let text = "City Hall approves budget\n\nThe council approved the budget on Monday. \
                \"This is a good day for the city,\" Mayor Dana Reyes said after the vote.";
    let doc = unspin_pipeline::analyze_text("t.txt", text, Default::default()).unwrap();
    let mut s = Store::open(path).unwrap();
    let items: Vec<Ingested> = (0..n)
        .map(|i| Ingested {
            doc: doc.clone(),
            hash: format!("{i:032x}"),
            source: format!("t{i}.txt"),
            seen: None,
        })
        .collect();
    s.insert_batch(&items).unwrap();
}

fn sha(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn export_refuses_to_write_over_its_own_database() {
    let d = tmpdir("export-self");
    let db = d.path().join("v.db");
    make_db(&db, 5);
    let before = sha(&db);
    let link = d.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = d.path().join("hard.jsonl");
    std::fs::hard_link(&db, &hard).unwrap();
    let dbs = db.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--db", dbs, "--format", "jsonl", dbs],
            "the path itself",
        ),
        (
            vec!["--db", "v.db", "--format", "jsonl", "./v.db"],
            "via ./",
        ),
        (
            vec!["--db", dbs, "--format", "jsonl", "link.db"],
            "via a symlink",
        ),
        (
            vec!["--db", "link.db", "--format", "jsonl", "v.db"],
            "db via a symlink",
        ),
        (
            vec!["--db", dbs, "--format", "jsonl", "v.db-wal"],
            "its WAL",
        ),
        (
            vec!["--db", dbs, "--format", "jsonl", "hard.jsonl"],
            "a hard link",
        ),
    ];
    for (args, what) in cases {
        let mut full = vec!["export"];
        full.extend(args);
        let o = run_in(&full, Some(d.path()));
        assert_eq!(code(&o), 2, "{what}: {}", stderr(&o));
        assert!(stderr(&o).contains("refusing"), "{what}: {}", stderr(&o));
        assert_eq!(sha(&db), before, "{what}: the database changed");
    }
    // Still a working corpus.
    let o = run(&["query", "stats", "--db", dbs, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A Parquet export into the database's folder is fine unless a table file
    // would land on the database itself.
    let named = d.path().join("documents.parquet");
    std::fs::copy(&db, &named).unwrap();
    let o = run_in(
        &[
            "export",
            "--db",
            "documents.parquet",
            "--format",
            "parquet",
            ".",
        ],
        Some(d.path()),
    );
    if cfg!(feature = "parquet") {
        assert_eq!(code(&o), 2, "{}", stderr(&o));
        assert_eq!(sha(&named), before);
    }
}

#[test]
fn export_replaces_its_output_whole_or_not_at_all() {
    let d = tmpdir("export-atomic");
    let db = d.path().join("c.db");
    let n = 3000;
    make_db(&db, n);
    let out = d.path().join("out.jsonl");
    let outs = out.to_str().unwrap();
    let dbs = db.to_str().unwrap();
    // A complete export, over an older file of the same name.
    std::fs::write(&out, "old\n").unwrap();
    let o = run(&["export", "--db", dbs, "--format", "jsonl", outs]);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = std::fs::read_to_string(&out).unwrap();
    assert_eq!(full.lines().count(), n);
    // Killed at various moments: the final name holds either the previous
    // complete file or the new complete one, never a truncated one.
    std::fs::write(&out, "previous\n").unwrap();
    for delay_ms in [0u64, 5, 20, 60, 150] {
        let mut child = bin()
            .args(["export", "--db", dbs, "--format", "jsonl", outs])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&out).unwrap();
        assert!(
            now == "previous\n" || now.lines().count() == n,
            "killed after {delay_ms} ms: {} lines under the final name",
            now.lines().count()
        );
        if now != "previous\n" {
            for l in now.lines() {
                serde_json::from_str::<serde_json::Value>(l).expect("complete JSON lines");
            }
            std::fs::write(&out, "previous\n").unwrap();
        }
    }
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    let r = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(r, 0, "mkfifo {}", p.display());
}

#[test]
fn fifos_are_refused_when_named_and_skipped_in_folders() {
    let d = tmpdir("fifo");
    let dir = d.path().join("pages");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "The mayor said on Monday that the bridge would reopen in May.",
    )
    .unwrap();
    std::fs::write(dir.join("b.html"), article_html(1)).unwrap();
    let fifo = dir.join("pipe.txt");
    mkfifo(&fifo);
    let fifos = fifo.to_str().unwrap();
    let dirs = dir.to_str().unwrap();
    let db = d.path().join("c.db");
    let dbs = db.to_str().unwrap();

    // Named directly: refused at once, naming the FIFO.
    for args in [
        vec!["analyze", "--format", "json", fifos],
        vec!["extract", fifos],
        vec!["ingest", "--quiet", "--db", dbs, fifos],
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            e.contains("pipe.txt") && e.contains("FIFO"),
            "{args:?}: {e}"
        );
    }
    // Inside a folder: skipped with its own error; the other files are done.
    let o = run(&["analyze", "--format", "jsonl", dirs]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("pipe.txt"), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let o = run(&["extract", dirs]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let o = run(&["ingest", "--quiet", "--json", "--db", dbs, dirs]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let rep: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rep["stored"], 2, "{rep}");
    assert_eq!(rep["failed"], 1, "{rep}");
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn every_subcommand_exits_1_when_an_input_failed() {
    let d = tmpdir("exit");
    // A truncated WARC.gz: the pages before the cut are stored, and the run says
    // it failed.
    let mut warc = Vec::new();
    for i in 0..60 {
        write_response(
            &mut warc,
            &format!("https://paper.example/story/{i}"),
            "2024-04-01T08:00:00Z",
            "text/html",
            article_html(i).as_bytes(),
        )
        .unwrap();
    }
    let z = gz(&warc);
    let cut = d.path().join("cut.warc.gz");
    std::fs::write(&cut, &z[..z.len() / 2]).unwrap();
    let db = d.path().join("c.db");
    let dbs = db.to_str().unwrap();
    let o = run(&[
        "ingest",
        "--quiet",
        "--json",
        "--db",
        dbs,
        cut.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let rep: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(rep["stored"].as_u64().unwrap() > 0, "{rep}");
    assert!(rep["failed"].as_u64().unwrap() >= 1, "{rep}");

    // A JSONL feed with one broken line among good ones.
    let feed = d.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        "{\"url\": \"https://x.example/1\", \"text\": \"The mayor said the bridge would reopen.\"}\n\
         {not json\n",
    )
    .unwrap();
    let o = run(&["ingest", "--quiet", "--db", dbs, feed.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("feed.jsonl:2"), "{}", stderr(&o));

    // One missing file among good ones: analyze and extract report the good one
    // and exit 1.
    let good = d.path().join("good.html");
    std::fs::write(&good, article_html(3)).unwrap();
    let goods = good.to_str().unwrap();
    for sub in ["analyze", "extract"] {
        let o = run(&[sub, "--format", "jsonl", goods, "missing.html"]);
        assert_eq!(code(&o), 1, "{sub}: {}", stderr(&o));
        assert!(stderr(&o).contains("missing.html"), "{sub}: {}", stderr(&o));
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    }
    // Query and export on a database that is not there: 1, naming it.
    for args in [
        vec!["query", "stats", "--db", "nope.db"],
        vec!["export", "--db", "nope.db", "out.jsonl"],
    ] {
        let o = run_in(&args, Some(d.path()));
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("nope.db"), "{}", stderr(&o));
    }
    // Export into a folder that does not exist: 1, and no file appears.
    let o = run(&["export", "--db", dbs, "/nonexistent-unspin/out.jsonl"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    // Usage errors stay 2.
    assert_eq!(code(&run(&["analyze", "--threads", "0", goods])), 2);
}

#[test]
fn a_document_over_the_text_limit_is_refused_by_name() {
    let d = tmpdir("limit");
    let big = d.path().join("big.txt");
    let para = "The council met on Monday and the mayor said the budget would pass. ";
    let mut text = String::new();
    while text.len() < 1_200_000 {
        text.push_str(para);
        if text.len() % 5000 < para.len() {
            text.push_str("\n\n");
        }
    }
    std::fs::write(&big, &text).unwrap();
    let small = d.path().join("small.txt");
    std::fs::write(&small, para).unwrap();
    let o = run(&[
        "analyze",
        "--format",
        "jsonl",
        "--max-text-mib",
        "1",
        big.to_str().unwrap(),
        small.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("big.txt") && e.contains("limit"), "{e}");
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
}

#[test]
fn an_attribute_bomb_is_capped_with_a_warning() {
    let d = tmpdir("attrs");
    // A real article page whose body tag carries 80,000 attributes (24 s before the cap).
    let html = article_html(2);
    let at = html.find("<body").expect("a body tag") + "<body".len();
    let mut attrs = String::new();
    for i in 0..80_000 {
        attrs.push_str(&format!(" a{i}=\"v\""));
    }
    let page = format!("{}{}{}", &html[..at], attrs, &html[at..]);
    let plain = unspin_html::extract(&html).text;
    assert!(!plain.is_empty());
    let p = d.path().join("bomb.html");
    std::fs::write(&p, page).unwrap();
    for extra in [None, Some("--no-clean")] {
        let mut args = vec!["analyze", "--format", "json"];
        args.extend(extra);
        args.push(p.to_str().unwrap());
        let o = run(&args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let text = v["text"].as_str().unwrap();
        let probe: String = plain.chars().take(60).collect();
        assert!(
            text.contains(&probe),
            "{args:?}: article text lost: {text:.200}"
        );
        assert!(
            stderr(&o).contains("attributes"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

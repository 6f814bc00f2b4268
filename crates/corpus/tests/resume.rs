//! Resumability: a run killed with SIGKILL mid-ingest keeps what it committed,
//! and a second run completes with no duplicates and nothing lost.
//!
//! The child process is this test binary itself, re-run with `--exact child_ingest`
//! and an environment variable naming the WARC and database.

use std::fs::File;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use unspin_corpus::{ingest, testdata::article_html, warc::write_response, IngestOptions};
use unspin_store::Store;

const N: usize = 1000;

#[test]
fn child_ingest() {
    // Only does something when spawned by `killed_run_resumes`.
    let Ok(spec) = std::env::var("UNSPIN_RESUME_CHILD") else {
        return;
    };
    let (warc, db) = spec.split_once('|').unwrap();
    let mut store = Store::open(db).unwrap();
    let opts = IngestOptions {
        threads: 1,
        batch: 5,
        progress: false,
        ..Default::default()
    };
    ingest(&[PathBuf::from(warc)], &mut store, &opts).unwrap();
}

#[test]
fn killed_run_resumes() {
    let guard = tempfile::Builder::new()
        .prefix("unspin-resume-")
        .tempdir()
        .unwrap();
    let dir = guard.path();
    let warc = dir.join("crawl.warc");
    let db = dir.join("corpus.db");
    let mut f = File::create(&warc).unwrap();
    for i in 0..N {
        write_response(
            &mut f,
            &format!("https://resume.example/{i}"),
            "2024-03-01T00:00:00Z",
            "text/html",
            article_html(i).as_bytes(),
        )
        .unwrap();
    }
    drop(f);

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_ingest", "--nocapture", "--test-threads=1"])
        .env(
            "UNSPIN_RESUME_CHILD",
            format!("{}|{}", warc.display(), db.display()),
        )
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then SIGKILL.
    let t0 = Instant::now();
    let mut before = 0;
    while t0.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(s) = Store::open_read_only(&db) {
            before = s.stats().map(|s| s.documents).unwrap_or(0);
            if before >= 20 {
                break;
            }
        }
    }
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        !finished_early,
        "the child finished before it could be killed"
    );
    let after_kill = Store::open(&db).unwrap().stats().unwrap().documents;
    assert!(
        after_kill >= before,
        "committed documents were lost: {after_kill} < {before}"
    );
    assert!((after_kill as usize) < N, "nothing left to resume");

    let mut store = Store::open(&db).unwrap();
    let opts = IngestOptions {
        threads: 2,
        progress: false,
        ..Default::default()
    };
    let t1 = Instant::now();
    let r = ingest(&[warc], &mut store, &opts).unwrap();
    let resume_s = t1.elapsed().as_secs_f64();
    assert_eq!(r.known as i64, after_kill, "{r:?}");
    assert_eq!(r.stored as i64, N as i64 - after_kill, "{r:?}");
    let docs = store.distinct_urls().unwrap();
    assert_eq!(docs as usize, N, "every page stored exactly once");
    assert_eq!(store.stats().unwrap().documents as usize, N);
    eprintln!(
        "killed after {after_kill} committed documents; resumed {} more in {resume_s:.2} s",
        r.stored
    );
}

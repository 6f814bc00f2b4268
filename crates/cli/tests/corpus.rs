//! The corpus commands as a user meets them: `unspin ingest`, `query`, `export` and
//! `serve` run as processes, including an ingest killed with SIGKILL and resumed.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use unspin_corpus::testdata::article_html;
use unspin_corpus::warc::write_response;
use unspin_store::Store;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unspin"));
    c.env("NO_COLOR", "1").env_remove("UNSPIN_DB");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run unspin")
}

/// False (with a message) while `main.rs` does not have the corpus subcommands yet.
fn hooked_up() -> bool {
    let o = run(&["ingest", "--help"]);
    if !o.status.success() {
        eprintln!("SKIP: `unspin ingest` is not wired into main.rs yet (see corpus_cmds.rs)");
        return false;
    }
    true
}

/// A folder removed when the guard drops (even when the test fails).
fn tmpdir(name: &str) -> tempfile::TempDir {
    let prefix = format!("unspin-cli-corpus-{name}-");
    tempfile::Builder::new().prefix(&prefix).tempdir().unwrap()
}

fn write_warc(path: &Path, n: usize) {
    let mut f = File::create(path).unwrap();
    for i in 0..n {
        let date = format!("2024-04-{:02}T08:00:00Z", 1 + i % 28);
        write_response(
            &mut f,
            &format!("https://gazette{}.example/story/{i}", i % 3),
            &date,
            "text/html",
            article_html(i).as_bytes(),
        )
        .unwrap();
    }
    write_response(
        &mut f,
        "https://gazette0.example/logo.png",
        "2024-04-01T00:00:00Z",
        "image/png",
        b"\x89PNG",
    )
    .unwrap();
}

fn json_out(o: &Output) -> Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

#[test]
fn ingest_query_export() {
    if !hooked_up() {
        return;
    }
    let d = tmpdir("iqe");
    let d = d.path();
    let warc = d.join("crawl.warc");
    write_warc(&warc, 40);
    let db = d.join("c.db");
    let dbs = db.to_str().unwrap();
    let r = json_out(&run(&[
        "ingest",
        warc.to_str().unwrap(),
        "--db",
        dbs,
        "--json",
        "--threads",
        "2",
    ]));
    assert_eq!(r["stored"], 40);
    assert_eq!(r["skipped_non_html"], 1);

    let q = json_out(&run(&[
        "query",
        "quotes",
        "--speaker",
        "okafor",
        "--db",
        dbs,
        "--format",
        "json",
    ]));
    assert!(!q.as_array().unwrap().is_empty(), "{q}");
    let o = run(&[
        "query",
        "search",
        "harbour bridge",
        "--db",
        dbs,
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(
        csv.starts_with("doc,title,outlet,date,snippet\n") && csv.lines().count() > 1,
        "{csv}"
    );
    let o = run(&[
        "query", "speakers", "--top", "5", "--db", dbs, "--format", "table",
    ]);
    let t = String::from_utf8_lossy(&o.stdout);
    assert!(t.starts_with("speaker") && t.lines().count() == 7, "{t}");
    let v = json_out(&run(&["query", "outlets", "--db", dbs, "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 3, "{v}");
    let v = json_out(&run(&[
        "query",
        "provenance",
        "We cannot keep delaying repairs",
        "--db",
        dbs,
        "--format",
        "json",
    ]));
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["quote"]["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len(), 40, "{v}");
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "earliest first: {dates:?}"
    );

    let out = d.join("out.jsonl");
    assert!(run(&[
        "export",
        "--db",
        dbs,
        "--format",
        "jsonl",
        out.to_str().unwrap()
    ])
    .status
    .success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 40);
    for l in text.lines() {
        assert_eq!(
            serde_json::from_str::<Value>(l).unwrap()["schema"],
            "unspin/1"
        );
    }
    // JSONL on standard input.
    let mut child = bin()
        .args(["ingest", "-", "--db", dbs, "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = serde_json::json!({"url": "https://stdin.example/1", "text": "\"Piped articles count too,\" said Hana Haddad."});
    writeln!(child.stdin.take().unwrap(), "{line}").unwrap();
    let r = json_out(&child.wait_with_output().unwrap());
    assert_eq!(r["stored"], 1, "{r}");
    // A missing database is an error that names it.
    let o = run(&[
        "query",
        "stats",
        "--db",
        d.join("nope.db").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope.db"));
}

/// Ingests a directory of a few text files and exports it as Parquet (`OUT/<table>.parquet`).
#[cfg(feature = "parquet")]
#[test]
fn export_parquet_writes_one_file_per_table() {
    if !hooked_up() {
        return;
    }
    let d = tmpdir("parquet");
    let d = d.path();
    let pages = d.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    for (i, t) in [
        "\"The new bridge opens in May,\" said Lena Varga, the city engineer. Drivers welcomed the news.",
        "Officials said the budget would grow. \"We cannot wait another year,\" council member Omar Diallo said.",
        "The museum reopened on Sunday after two years of repairs, according to a statement.",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(pages.join(format!("story{i}.txt")), t).unwrap();
    }
    let db = d.join("c.db");
    let o = run(&[
        "ingest",
        pages.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = d.join("export");
    let o = run(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "parquet",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("3 documents"), "{err}");
    for t in [
        "documents",
        "quotes",
        "speakers",
        "entities",
        "sources",
        "findings",
        "techniques",
    ] {
        let b = std::fs::read(out.join(format!("{t}.parquet"))).unwrap();
        assert!(b.len() > 8, "{t}");
        assert_eq!(&b[..4], b"PAR1", "{t}");
        assert_eq!(&b[b.len() - 4..], b"PAR1", "{t}");
    }
    // Parquet is a directory: standard output is refused.
    let o = run(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "parquet",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

/// Without the feature, `--format parquet` fails and names the rebuild command.
#[cfg(not(feature = "parquet"))]
#[test]
fn export_parquet_needs_the_feature() {
    if !hooked_up() {
        return;
    }
    let d = tmpdir("noparquet");
    let d = d.path();
    let db = d.join("c.db");
    Store::open(&db).unwrap();
    let o = run(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "parquet",
        d.join("o").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--features parquet"));
}

#[test]
fn sigkill_then_resume() {
    if !hooked_up() {
        return;
    }
    const N: usize = 1000;
    let d = tmpdir("kill");
    let d = d.path();
    let warc = d.join("crawl.warc");
    write_warc(&warc, N);
    let db = d.join("c.db");
    let dbs = db.to_str().unwrap();
    let mut child = bin()
        .args([
            "ingest",
            warc.to_str().unwrap(),
            "--db",
            dbs,
            "--threads",
            "1",
            "--batch",
            "5",
            "--quiet",
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
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
    assert!(
        child.try_wait().unwrap().is_none(),
        "ingest finished before it could be killed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let kept = Store::open(&db).unwrap().stats().unwrap().documents;
    assert!(
        kept >= before && (kept as usize) < N,
        "kept {kept}, saw {before}"
    );
    let r = json_out(&run(&[
        "ingest",
        warc.to_str().unwrap(),
        "--db",
        dbs,
        "--json",
    ]));
    assert_eq!(r["known"].as_i64().unwrap(), kept, "{r}");
    assert_eq!(r["stored"].as_i64().unwrap(), N as i64 - kept, "{r}");
    let s = Store::open(&db).unwrap();
    let distinct = s.distinct_urls().unwrap();
    assert_eq!(
        (s.stats().unwrap().documents, distinct),
        (N as i64, N as i64)
    );
}

#[test]
fn serve_answers_on_loopback() {
    if !hooked_up() {
        return;
    }
    let d = tmpdir("serve");
    let d = d.path();
    let db = d.join("c.db");
    let mut child = bin()
        .args(["serve", "--db", db.to_str().unwrap(), "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let request = |head: &str, body: &str| -> String {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut resp = String::new();
        s.read_to_string(&mut resp).unwrap();
        resp
    };
    let resp = request(&format!("GET /api/stats HTTP/1.1\r\nHost: {addr}"), "");
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    assert!(resp.contains("\"documents\":0"), "{resp}");
    // DNS rebinding: a foreign Host is refused.
    let resp = request("GET /api/stats HTTP/1.1\r\nHost: attacker.example", "");
    assert!(resp.starts_with("HTTP/1.1 403"), "{resp}");
    // CSRF: a cross-site no-cors text/plain POST stores nothing.
    let article = "{\"text\": \"The mayor said the bridge would reopen.\", \"store\": true}";
    let resp = request(
        &format!(
            "POST /api/analyze?store=1 HTTP/1.1\r\nHost: {addr}\r\nOrigin: https://attacker.example\r\nContent-Type: text/plain"
        ),
        article,
    );
    assert!(resp.starts_with("HTTP/1.1 4"), "{resp}");
    // A same-origin JSON POST stores the document.
    let resp = request(
        &format!(
            "POST /api/analyze HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nContent-Type: application/json"
        ),
        article,
    );
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    // SIGTERM: a clean exit with the WAL checkpointed into the database.
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "serve ignored SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "serve exited with {status}");
    let wal = d.join("c.db-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "WAL left behind after SIGTERM");
    let o = run(&[
        "query",
        "stats",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        json_out(&o)["documents"] == 1,
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

//! Issue 14 (hardening): slow or hostile requests must not take the server down.
//! Each test drives a real server over TCP.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use unspin_doc::Doc;
use unspin_store::{content_hash, Ingested, Store};

/// Stores plain documents (no analysis) with the given texts.
fn corpus(db: &std::path::Path, texts: impl IntoIterator<Item = String>) {
    let mut s = Store::open(db).unwrap();
    let items: Vec<Ingested> = texts
        .into_iter()
        .map(|text| {
            let mut doc = Doc::new(text.clone());
            doc.input.format = "text".into();
            doc.meta.title = Some("Story".into());
            Ingested {
                hash: content_hash(text.as_bytes()),
                doc,
                source: "test".into(),
                seen: None,
            }
        })
        .collect();
    s.insert_batch(&items).unwrap();
}

fn status(addr: SocketAddr) -> Value {
    let r = get(addr, "/api/status");
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

/// Polls `cond` on `/api/status` until it holds (panics after `secs`).
fn wait_status(addr: SocketAddr, secs: u64, what: &str, cond: impl Fn(&Value) -> bool) -> Value {
    let t0 = Instant::now();
    loop {
        let v = status(addr);
        if cond(&v) {
            return v;
        }
        assert!(t0.elapsed() < Duration::from_secs(secs), "{what}: {v}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

// ---- 4. One GET stalls the API ------------------------------------------------

#[test]
fn query_term_limits_give_400() {
    let (_dir, db) = tmp_db();
    corpus(&db, ["the harbour wall was rebuilt".to_string()]);
    let addr = start(db, |_| {});
    // The query of the report: 200 prefix terms, 1.4 KB.
    let q = enc(&"a* ".repeat(200));
    for path in [format!("/api/search?q={q}"), format!("/api/quotes?q={q}")] {
        let r = get(addr, &path);
        assert_eq!(r.status, 400, "{path}: {}", r.text());
        assert!(r.json()["error"].as_str().unwrap().contains("prefix"));
    }
    let many: String = (0..40).map(|i| format!("w{i} ")).collect();
    let r = get(addr, &format!("/api/search?q={}", enc(&many)));
    assert_eq!(r.status, 400);
    assert!(r.json()["error"].as_str().unwrap().contains("at most 32"));
    let nine: String = (0..9).map(|i| format!("wor{i}* ")).collect();
    assert_eq!(
        get(addr, &format!("/api/search?q={}", enc(&nine))).status,
        400
    );
    // Within the limits: prefix search works.
    let v = get(addr, "/api/search?q=harb*+rebuil*").json();
    assert_eq!(v["docs"].as_array().unwrap().len(), 1, "{v}");
}

#[test]
fn heavy_search_does_not_block_other_requests() {
    // Articles with 30,000 hits each: FTS5's snippet() took minutes on them while
    // every other request waited on the one connection.
    let (_dir, db) = tmp_db();
    corpus(
        &db,
        (0..4).map(|i| format!("Story {i}. {}", "a b c ".repeat(30_000))),
    );
    let addr = start(db, |_| {});
    let search = std::thread::spawn(move || {
        let t0 = Instant::now();
        let r = get(addr, "/api/search?q=a");
        (r, t0.elapsed())
    });
    std::thread::sleep(Duration::from_millis(300));
    let t0 = Instant::now();
    let r = get(addr, "/api/stats");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["documents"], 4);
    assert!(
        t0.elapsed() < Duration::from_secs(5),
        "stats waited {:?} behind a search",
        t0.elapsed()
    );
    let (r, took) = search.join().unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    let docs = v["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 4, "{v}");
    assert!(
        docs[0]["snippet"].as_str().unwrap().contains("\u{2}a\u{3}"),
        "{v}"
    );
    assert!(took < Duration::from_secs(30), "search took {took:?}");
}

#[test]
fn query_deadline_gives_503() {
    let (_dir, db) = tmp_db();
    corpus(
        &db,
        (0..300).map(|i| format!("Report {i}: the mayor spoke today.")),
    );
    // A deadline already passed when the query starts: stopped at its first check.
    let addr = start(db.clone(), |c| c.query_timeout = Duration::ZERO);
    let r = get(addr, "/api/search?q=mayor&limit=200");
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.json()["error"].as_str().unwrap().contains("stopped"));
    // With time enough the same query answers, on the same pool.
    let addr = start(db, |_| {});
    let v = get(addr, "/api/search?q=mayor&limit=200").json();
    assert_eq!(v["docs"].as_array().unwrap().len(), 200);
}

// ---- 5. Abandoned analyses keep burning CPU ------------------------------------

#[test]
fn abandoned_analysis_is_cancelled() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |c| c.max_analyses = 1);
    // A long article (several seconds of analysis); the client leaves once it runs.
    let body = text_json(&format!("{ARTICLE}\n\n").repeat(250));
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST /api/analyze HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(&body).unwrap();
    wait_status(addr, 30, "analysis started", |v| {
        v["analyses"]["running"] == 1
    });
    drop(s);
    // It stops at its next stage and gives its core back.
    let v = wait_status(addr, 60, "analysis cancelled", |v| {
        v["analyses"]["running"] == 0
    });
    assert_eq!(v["analyses"]["cancelled"], 1, "{v}");
    assert_eq!(v["analyses"]["done"], 0, "{v}");
    // The single analysis slot is free again.
    let r = http(
        addr,
        "POST",
        "/api/analyze",
        "application/json",
        &text_json(ARTICLE),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(status(addr)["analyses"]["done"], 1);
}

#[test]
fn analysis_deadline_gives_503() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |c| c.analyze_timeout = Duration::ZERO);
    let r = http(
        addr,
        "POST",
        "/api/analyze",
        "application/json",
        &text_json(ARTICLE),
    );
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.json()["error"].as_str().unwrap().contains("longer than"));
    let v = status(addr);
    assert_eq!(v["analyses"]["timed_out"], 1, "{v}");
    assert_eq!(v["analyses"]["running"], 0, "{v}");
}

#[test]
fn analyses_running_at_once_are_bounded() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |c| {
        c.max_analyses = 1;
        c.max_concurrency = 16;
    });
    let hs: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let text = format!("{ARTICLE}\n\nVariant {i}.").repeat(8);
                http(
                    addr,
                    "POST",
                    "/api/analyze",
                    "application/json",
                    &text_json(&text),
                )
                .status
            })
        })
        .collect();
    for h in hs {
        assert_eq!(h.join().unwrap(), 200);
    }
    let v = status(addr);
    assert_eq!(v["analyses"]["done"], 4, "{v}");
    assert_eq!(v["analyses"]["peak"], 1, "{v}");
    assert_eq!(v["analyses"]["limit"], 1, "{v}");
}

// ---- 6. CSRF and DNS rebinding --------------------------------------------------

#[test]
fn foreign_hosts_are_refused() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |c| c.allow_hosts = vec!["corpus.example".into()]);
    let port = addr.port();
    let with_host = |path: &str, host: &str| http_h(addr, "GET", path, &[("Host", host)], b"");
    // DNS rebinding: attacker.example resolves to this machine.
    for path in ["/", "/api/stats", "/api/docs", "/app.js"] {
        for host in ["attacker.example", &format!("attacker.example:{port}")] {
            let r = with_host(path, host);
            assert_eq!(r.status, 403, "{path} {host}: {}", r.text());
        }
    }
    assert!(with_host("/api/stats", "attacker.example")
        .text()
        .contains("--allow-host"));
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "LOCALHOST".to_string(),
        "corpus.example".to_string(),
        format!("Corpus.Example.:{port}"),
    ] {
        assert_eq!(with_host("/api/stats", &host).status, 200, "{host}");
    }
    // A name that merely contains an allowed one is not allowed.
    assert_eq!(
        with_host("/", "corpus.example.attacker.example").status,
        403
    );
    assert_eq!(with_host("/", "localhost.attacker.example").status, 403);
    // No Host at all.
    assert_eq!(http_h(addr, "GET", "/api/stats", &[], b"").status, 400);
}

#[test]
fn cross_origin_and_non_json_posts_are_refused() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |_| {});
    let host = addr.to_string();
    let me = format!("http://{addr}");
    let post = |path: &str, headers: &[(&str, &str)], body: &[u8]| {
        let mut h = vec![("Host", host.as_str())];
        h.extend_from_slice(headers);
        http_h(addr, "POST", path, &h, body)
    };
    // The attack of the report: a no-cors text/plain POST from another origin.
    let r = post(
        "/api/analyze?store=1",
        &[
            ("Content-Type", "text/plain;charset=UTF-8"),
            ("Origin", "http://attacker.example"),
        ],
        ARTICLE.as_bytes(),
    );
    assert!(r.status == 403 || r.status == 415, "{}", r.status);
    let json = text_json(ARTICLE);
    let store_json = serde_json::json!({"text": ARTICLE, "store": true})
        .to_string()
        .into_bytes();
    // Other content types, even without an Origin.
    for ctype in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "text/html",
        "application/jsonp",
    ] {
        let r = post("/api/analyze?store=1", &[("Content-Type", ctype)], &json);
        assert_eq!(r.status, 415, "{ctype}: {}", r.text());
    }
    assert_eq!(post("/api/analyze?store=1", &[], &json).status, 415);
    // JSON from another origin (a CORS preflight would stop it; refused anyway).
    for (k, v) in [
        ("Origin", "http://attacker.example"),
        ("Origin", "null"),
        ("Origin", &format!("https://{addr}")),
        ("Origin", &format!("http://{addr}.attacker.example")),
        ("Sec-Fetch-Site", "cross-site"),
    ] {
        let r = post(
            "/api/analyze",
            &[("Content-Type", "application/json"), (k, v)],
            &store_json,
        );
        assert_eq!(r.status, 403, "{k}: {v}: {}", r.text());
    }
    assert_eq!(
        get(addr, "/api/stats").json()["documents"],
        0,
        "nothing stored"
    );
    // Same origin, and no Origin at all (curl, scripts): served.
    let r = post(
        "/api/analyze",
        &[("Content-Type", "application/json"), ("Origin", &me)],
        &store_json,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json()["id"].is_i64());
    let r = post(
        "/api/analyze",
        &[("Content-Type", "application/json; charset=utf-8")],
        &json,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(get(addr, "/api/stats").json()["documents"], 1);
}

// ---- 9. Slow clients -------------------------------------------------------------

/// True when the server closes `s` within `limit` (whatever it sent first).
fn closed_within(s: &mut TcpStream, limit: Duration) -> (bool, Vec<u8>) {
    s.set_read_timeout(Some(limit)).unwrap();
    let mut got = vec![];
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return (true, got),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return (false, got)
            }
            Err(_) => return (true, got), // reset
        }
    }
}

#[test]
fn slow_clients_are_cut_off() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |c| {
        c.header_timeout = Duration::from_secs(1);
        c.body_timeout = Duration::from_secs(1);
    });
    // Slowloris: headers that never end, and connections that never send a byte.
    let mut partial: Vec<TcpStream> = (0..40)
        .map(|i| {
            let mut s = TcpStream::connect(addr).unwrap();
            if i % 2 == 0 {
                write!(s, "GET /api/stats HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").unwrap();
            }
            s
        })
        .collect();
    // A body that stops half-way.
    let mut body = TcpStream::connect(addr).unwrap();
    write!(
        body,
        "POST /api/analyze HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"text\": \"abc"
    )
    .unwrap();
    for (i, s) in partial.iter_mut().enumerate() {
        let (closed, _) = closed_within(s, Duration::from_secs(20));
        assert!(closed, "connection {i} with partial headers still open");
    }
    let (closed, got) = closed_within(&mut body, Duration::from_secs(20));
    let got = String::from_utf8_lossy(&got);
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    assert!(closed, "connection with a partial body still open");
    // The server still serves.
    assert_eq!(get(addr, "/api/stats").status, 200);
}

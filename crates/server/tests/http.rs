//! The server over real HTTP: spawned on port 0, driven with a raw TcpStream.

mod common;

use common::*;
use unspin_doc::{Doc, Quote, QuoteKind, Span, Speaker};
use unspin_server::Config;
use unspin_store::{content_hash, Ingested, Store};

#[test]
fn api_end_to_end() {
    let (_dir, db) = tmp_db();
    let addr = start(db, |_| {});
    let body = serde_json::json!({"text": ARTICLE, "store": true, "url": "https://port-edda.example/wall"});
    let r = http(
        addr,
        "POST",
        "/api/analyze",
        "application/json",
        body.to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["schema"], "unspin/1");
    let id = v["id"].as_i64().expect("stored id");
    let quotes = v["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 3, "{quotes:#?}");
    assert!(quotes.iter().any(|q| q["speaker"]["name"]
        .as_str()
        .is_some_and(|n| n.contains("Varga"))));

    // Not stored.
    let r = http(
        addr,
        "POST",
        "/api/analyze",
        "application/json; charset=utf-8",
        &text_json(ARTICLE),
    );
    assert_eq!(r.status, 200);
    assert!(r.json().get("id").is_none());

    let r = get(addr, &format!("/api/docs/{id}"));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["id"], id);
    assert_eq!(r.json()["meta"]["url"], "https://port-edda.example/wall");

    let r = get(addr, "/api/search?q=sea+wall");
    let v = r.json();
    assert_eq!(v["docs"][0]["doc"]["id"], id, "{v}");
    let r = get(
        addr,
        &format!("/api/search?q={}", enc("\"next storm will not wait\"")),
    );
    let v = r.json();
    assert!(
        v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("next storm")),
        "{v}"
    );

    let v = get(addr, "/api/quotes?speaker=varga").json();
    assert!(!v["quotes"].as_array().unwrap().is_empty(), "{v}");
    let v = get(
        addr,
        &format!(
            "/api/provenance?q={}",
            enc("the next storm will not wait for us")
        ),
    )
    .json();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{v}");
    assert_eq!(hits[0]["relation"], "longer");
    assert!(get(addr, "/api/provenance").status == 400);
    assert_eq!(get(addr, "/api/stats").json()["documents"], 1);
    assert!(!get(addr, "/api/speakers").json()["speakers"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        get(addr, "/api/outlets").json()["outlets"][0]["outlet"],
        "port-edda.example"
    );
    assert_eq!(get(addr, "/api/docs").json()["docs"][0]["id"], id);

    // Pages.
    let r = get(addr, "/");
    assert_eq!(r.status, 200);
    assert!(r
        .header("content-security-policy")
        .unwrap()
        .contains("script-src 'self'"));
    assert!(r.text().contains("/app.js"));
    assert!(get(addr, "/app.js").text().contains("textContent"));
    let r = get(addr, &format!("/doc/{id}"));
    assert_eq!(r.status, 200);
    assert!(r.text().contains("class=\"q"), "quotes highlighted");
    assert!(r
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    assert_eq!(get(addr, "/doc/999").status, 404);
    assert_eq!(get(addr, "/api/docs/999").status, 404);
    assert_eq!(get(addr, "/api/docs/abc").status, 400);
}

#[test]
fn limits_and_errors() {
    assert!(Config::new("x.db").addr.ip().is_loopback());
    let (_dir, db) = tmp_db();
    let addr = start(db, |c| {
        c.max_body = 10_000;
        c.max_concurrency = 2;
    });
    let big = "word ".repeat(5_000);
    let r = http(
        addr,
        "POST",
        "/api/analyze",
        "application/json",
        &text_json(&big),
    );
    assert_eq!(r.status, 413, "{}", r.text());
    assert_eq!(
        http(addr, "POST", "/api/analyze", "application/json", b"{nope").status,
        400
    );
    assert_eq!(
        http(addr, "POST", "/api/analyze", "application/json", b"{}").status,
        400
    );
    assert_eq!(
        http(
            addr,
            "POST",
            "/api/analyze",
            "application/json",
            &text_json("   ")
        )
        .status,
        400
    );
    // More requests than the concurrency limit still all complete.
    let hs: Vec<_> = (0..6)
        .map(|_| {
            std::thread::spawn(move || {
                http(
                    addr,
                    "POST",
                    "/api/analyze",
                    "application/json",
                    &text_json(ARTICLE),
                )
                .status
            })
        })
        .collect();
    for h in hs {
        assert_eq!(h.join().unwrap(), 200);
    }
}

const XSS: &str = "<script>alert('x')</script>";
const XSS2: &str = "\"><img src=x onerror=alert(1)>";

#[test]
fn script_payloads_are_escaped() {
    let (_dir, db) = tmp_db();
    {
        let text = format!("Headline {XSS}\n\n{XSS2} said \"{XSS} is {XSS2} fine\" today.");
        let mut doc = Doc::new(text.clone());
        doc.input.format = "text".into();
        doc.meta.title = Some(format!("Title {XSS}{XSS2}"));
        doc.meta.outlet = Some(format!("Outlet {XSS}"));
        let qs = text.find(&format!("{XSS} is")).unwrap();
        let qe = text.find(" fine").unwrap() + 5;
        let sp = text.find(XSS2).unwrap();
        doc.quotes.push(Quote {
            span: Span::new(qs, qe),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: Span::new(sp, sp + XSS2.len()),
                entity: None,
                name: format!("{XSS2}{XSS}"),
            }),
            cue: None,
        });
        let mut s = Store::open(&db).unwrap();
        s.insert(&Ingested {
            hash: content_hash(text.as_bytes()),
            doc,
            source: XSS.into(),
            seen: None,
        })
        .unwrap()
        .unwrap();
    }
    let addr = start(db, |_| {});
    let check = |r: &Resp, what: &str| {
        let t = r.text();
        assert!(!t.contains("<script>alert"), "{what}: raw script in {t}");
        assert!(!t.contains("<img src=x"), "{what}: raw img in {t}");
    };
    let page = get(addr, "/doc/1");
    assert_eq!(page.status, 200);
    check(&page, "/doc/1");
    assert!(
        page.text().contains("&lt;script&gt;"),
        "payload shown escaped"
    );
    check(&get(addr, "/api/docs/1?format=html"), "docs html");
    let r = http(
        addr,
        "POST",
        "/api/analyze?format=html",
        "application/json",
        serde_json::json!({"html": format!("<html><head><title>{XSS}</title></head><body><p>\"{XSS}\" said {XSS2}.</p><script>alert(2)</script></body></html>")}).to_string().as_bytes(),
    );
    assert_eq!(r.status, 200);
    check(&r, "analyze html");
    // JSON answers are JSON, never sniffed as HTML.
    for p in [
        "/api/docs/1",
        "/api/quotes",
        "/api/search?q=alert",
        "/api/speakers",
    ] {
        let r = get(addr, p);
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("application/json"),
            "{p}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
}

//! The web page in headless Chromium: paste an article and see its quotes
//! highlighted with speakers; search finds a quotation; screenshots are saved to
//! `target/screenshots/` for review. Skips (with a message) when Chromium is absent;
//! `scripts/install-test-deps.sh` installs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{enc, start, ARTICLE};

fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("UNSPIN_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn screenshots() -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let d = target.join("screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs headless Chromium on `url` with extra flags; returns stdout.
fn chrome(bin: &Path, profile: &Path, extra: &[String], url: &str) -> String {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--virtual-time-budget=20000",
        "--window-size=1280,1800",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url);
    let out = run_with_timeout(cmd, Duration::from_secs(120));
    String::from_utf8_lossy(&out).into_owned()
}

fn run_with_timeout(mut cmd: Command, limit: Duration) -> Vec<u8> {
    use std::io::Read;
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = vec![];
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let t0 = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if t0.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn page_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("SKIP page_in_headless_chromium: no chromium found (run scripts/install-test-deps.sh, or set UNSPIN_CHROMIUM)");
        return;
    };
    let tmp = tempfile::Builder::new()
        .prefix("unspin-browser-")
        .tempdir()
        .unwrap();
    let dir = tmp.path().to_path_buf();
    let addr = start(dir.join("corpus.db"), |_| {});
    // Put the article in the corpus so that search has something to find.
    let body = serde_json::json!({"text": ARTICLE, "store": true});
    let r = common::http(
        addr,
        "POST",
        "/api/analyze",
        "application/json",
        body.to_string().as_bytes(),
    );
    assert_eq!(r.status, 200);
    let shots = screenshots();

    // 1. Paste (prefilled through ?text=, which submits the form) → highlighted report.
    let url = format!("http://{addr}/?text={}", enc(ARTICLE));
    let dom = chrome(&bin, &dir.join("p1"), &["--dump-dom".into()], &url);
    assert!(
        dom.contains("data-analyzed=\"1\""),
        "the analysis did not finish:\n{}",
        &dom[..dom.len().min(3000)]
    );
    let report = &dom[dom.find("id=\"report\"").expect("report box")..];
    assert!(report.contains("class=\"q"), "no quotation highlighted");
    assert!(
        report.contains("data-speaker=\"Tomas Varga\"")
            || report.contains("data-speaker=\"Mayor Tomas Varga\""),
        "quote not attributed to Varga in the page"
    );
    assert!(report.contains("Holloway"), "second speaker missing");
    assert!(dom.contains("quotation highlight"), "status line missing");
    chrome(
        &bin,
        &dir.join("p2"),
        &[format!(
            "--screenshot={}",
            shots.join("analyze.png").display()
        )],
        &url,
    );
    assert!(
        shots
            .join("analyze.png")
            .metadata()
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "no screenshot"
    );

    // 2. Search finds the quotation.
    let url = format!("http://{addr}/?q={}", enc("\"next storm will not wait\""));
    let dom = chrome(&bin, &dir.join("p3"), &["--dump-dom".into()], &url);
    let list = &dom[dom.find("id=\"search-quotes\"").expect("quote list")..];
    let list = &list[..list.find("</ol>").unwrap()];
    assert!(
        list.contains("the next storm will not wait for us"),
        "search did not list the quotation:\n{list}"
    );
    assert!(list.contains("Varga"), "speaker not shown:\n{list}");
    chrome(
        &bin,
        &dir.join("p4"),
        &[format!(
            "--screenshot={}",
            shots.join("search.png").display()
        )],
        &url,
    );

    // 3. Provenance of a trimmed variant.
    let url = format!(
        "http://{addr}/?quote={}",
        enc("the next storm … will not wait")
    );
    let dom = chrome(&bin, &dir.join("p5"), &["--dump-dom".into()], &url);
    assert!(
        dom.contains("1 article carries it"),
        "provenance:\n{}",
        &dom[dom.find("prov-status").unwrap_or(0)..][..400.min(dom.len())]
    );
    chrome(
        &bin,
        &dir.join("p6"),
        &[format!(
            "--screenshot={}",
            shots.join("provenance.png").display()
        )],
        &url,
    );

    // 4. The corpus tab lists the article and its speakers.
    let url = format!("http://{addr}/#browse");
    let dom = chrome(&bin, &dir.join("p7"), &["--dump-dom".into()], &url);
    let sp = &dom[dom.find("id=\"browse-speakers\"").expect("speaker list")..];
    assert!(
        sp[..sp.find("</ol>").unwrap()].contains("Varga"),
        "speakers not listed"
    );
    chrome(
        &bin,
        &dir.join("p8"),
        &[format!(
            "--screenshot={}",
            shots.join("corpus.png").display()
        )],
        &url,
    );
    eprintln!("screenshots in {}", shots.display());
}

/// The seed article pasted into the page: its quotations are highlighted with the
/// speakers a careful reader names (`../shared/seed/EXPECTED.md`).
#[test]
fn seed_article_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("SKIP seed_article_in_headless_chromium: no chromium found");
        return;
    };
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/000_a80840316d5e4c4f.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!(
            "SKIP seed_article_in_headless_chromium: {} not present",
            seed.display()
        );
        return;
    };
    let tmp = tempfile::Builder::new()
        .prefix("unspin-browser-seed-")
        .tempdir()
        .unwrap();
    let dir = tmp.path().to_path_buf();
    let addr = start(dir.join("corpus.db"), |_| {});
    let url = format!("http://{addr}/?text={}", enc(&text));
    let dom = chrome(&bin, &dir.join("p1"), &["--dump-dom".into()], &url);
    assert!(
        dom.contains("data-analyzed=\"1\""),
        "the analysis did not finish"
    );
    let report = &dom[dom.find("id=\"report\"").expect("report box")..];
    for speaker in [
        "Gabriel Debenedetti",
        "The New Yorker",
        "Tucker Carlson",
        "New York Magazine",
    ] {
        assert!(
            report.contains(&format!("data-speaker=\"{speaker}\"")),
            "no quotation highlighted for {speaker}"
        );
    }
    chrome(
        &bin,
        &dir.join("p2"),
        &[format!(
            "--screenshot={}",
            screenshots().join("seed.png").display()
        )],
        &url,
    );
    assert!(screenshots().join("seed.png").exists());
}

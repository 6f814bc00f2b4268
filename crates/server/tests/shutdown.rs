//! `unspin serve` as a process: SIGTERM lets the requests in flight finish, then
//! the server checkpoints the WAL and exits 0. The server process is this test
//! binary run again with `UNSPIN_TEST_SERVE_DB` set (it then runs
//! `unspin_server::run`, what `unspin serve` runs, until a signal).

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use unspin_server::{run, Config};
use unspin_store::Store;

const CHILD_ENV: &str = "UNSPIN_TEST_SERVE_DB";

/// The server process (a no-op in a normal test run).
#[test]
fn child_server_process() {
    let Some(db) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut cfg = Config::new(db);
    cfg.addr = "127.0.0.1:0".parse().unwrap();
    run(cfg, |a| println!("LISTENING {a}")).unwrap();
    println!("STOPPED");
}

/// Kills the server process if the test fails before it exits.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wal_len(db: &std::path::Path) -> u64 {
    let mut w = db.as_os_str().to_owned();
    w.push("-wal");
    std::fs::metadata(w).map_or(0, |m| m.len())
}

#[test]
fn sigterm_finishes_requests_and_checkpoints() {
    let (_dir, db) = tmp_db();
    let mut child = Child(
        Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_server_process",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(CHILD_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    );
    let child = &mut child.0;
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let addr: SocketAddr = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("server start");
        // libtest may print "test child_server_process ... " before it.
        if let Some(i) = line.find("LISTENING ") {
            break line[i + 10..].trim().parse().unwrap();
        }
    };
    let store = move |text: String| {
        let body = serde_json::json!({"text": text, "store": true}).to_string();
        http(
            addr,
            "POST",
            "/api/analyze",
            "application/json",
            body.as_bytes(),
        )
    };
    for i in 0..3 {
        let r = store(format!("{ARTICLE}\n\nUpdate {i}."));
        assert_eq!(r.status, 200, "{}", r.text());
    }
    assert!(wal_len(&db) > 0, "the stores went to the WAL");
    // A request in flight when the signal comes (a second or so of analysis).
    let inflight = std::thread::spawn(move || store(format!("{ARTICLE}\n\n").repeat(100)));
    let t0 = Instant::now();
    while get(addr, "/api/status").json()["analyses"]["running"] != 1 {
        assert!(t0.elapsed() < Duration::from_secs(30), "analysis never ran");
        std::thread::sleep(Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let r = inflight.join().unwrap();
    assert_eq!(r.status, 200, "in-flight request: {}", r.text());
    assert!(r.json()["id"].is_i64());
    let t0 = Instant::now();
    let code = loop {
        if let Some(c) = child.try_wait().unwrap() {
            break c;
        }
        if t0.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the server did not exit after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(code.success(), "exit status {code:?}");
    assert_eq!(wal_len(&db), 0, "the WAL was checkpointed");
    let lines: Vec<String> = rx.try_iter().collect();
    assert!(lines.iter().any(|l| l.contains("STOPPED")), "{lines:?}");
    // Everything stored is in the database.
    assert_eq!(Store::open(&db).unwrap().stats().unwrap().documents, 4);
    // Nobody listens any more.
    assert!(std::net::TcpStream::connect(addr).is_err());
}

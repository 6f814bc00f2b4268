//! A huge standard input is refused while it is read, not after: peak memory
//! stays near the input limit whatever the size of the stream. Alone in its test
//! binary because it reads the peak RSS of this process's children.

use std::io::Write;
use std::process::{Command, Stdio};

/// Peak resident set of the waited-for children, in bytes.
fn children_max_rss() -> u64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) };
    assert_eq!(r, 0);
    ru.ru_maxrss as u64 * 1024
}

#[test]
fn a_huge_stdin_is_refused_without_being_held() {
    let total: usize = 400 * 1024 * 1024;
    let mut child = Command::new(env!("CARGO_BIN_EXE_unspin"))
        .args(["analyze", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = "The mayor said the bridge would reopen in May and the council agreed. "
            .repeat(14)
            + "\n";
        let mut sent = 0;
        while sent < total {
            // The child stops reading once it refuses the input: a broken pipe
            // here is the expected end.
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
            sent += line.len();
        }
        sent
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("-: ") && err.contains("limit"), "{err}");
    let rss = children_max_rss();
    assert!(
        rss < 256 * 1024 * 1024,
        "peak RSS {} MiB while refusing a {} MiB stdin",
        rss >> 20,
        total >> 20
    );
}

//! Issue 14, item 2: every stage is linear (or n·log n) in text length and in the
//! number of quotes and entities. Each shape of input is analysed at size N and 4N and
//! the CPU time (of this thread, not wall clock: other processes may share the machine)
//! of every stage is compared: 4× the input must cost less than 6× the time. A stage
//! that scans the whole document once per token, quote or entity fails this by a wide
//! margin.
//!
//! `bench/scaling.sh` measures the same on the release binary from 1 to 16 MB.

use std::fmt::Write as _;

use unspin_doc::Doc;

/// CPU time this thread has used, in nanoseconds (`/proc/thread-self/schedstat`, else
/// user + system ticks from `/proc/thread-self/stat`).
fn cpu_ns() -> u64 {
    if let Ok(s) = std::fs::read_to_string("/proc/thread-self/schedstat") {
        if let Some(ns) = s.split_whitespace().next().and_then(|x| x.parse().ok()) {
            if ns > 0 {
                return ns;
            }
        }
    }
    let s = std::fs::read_to_string("/proc/thread-self/stat").expect("/proc/thread-self/stat");
    // Fields after the command name (which may hold spaces): utime is the 14th field.
    let rest = &s[s.rfind(')').expect("stat format") + 2..];
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    (f[11] + f[12]) * 10_000_000
}

const STAGES: [&str; 6] = [
    "extract", "segment", "entities", "quotes", "sources", "rhetoric",
];

/// Runs every stage of the pipeline on `text` and returns the CPU time of each.
fn stage_times(text: &str) -> [u64; 6] {
    let mut t = [0u64; 6];
    let start = cpu_ns();
    let mut doc: Doc = unspin_extract::from_text(text, true);
    t[0] = cpu_ns() - start;
    let stages: [fn(&mut Doc); 5] = [
        unspin_segment::segment,
        unspin_entities::detect,
        unspin_quotes::detect,
        unspin_sources::detect,
        unspin_rhetoric::detect,
    ];
    for (i, stage) in stages.iter().enumerate() {
        let start = cpu_ns();
        stage(&mut doc);
        t[i + 1] = cpu_ns() - start;
    }
    t
}

/// Each stage's least CPU time over three runs: interference from other processes
/// only ever adds time, so the minimum is the steadiest estimate.
fn min_times(text: &str) -> [u64; 6] {
    let mut best = [u64::MAX; 6];
    for _ in 0..3 {
        for (b, t) in best.iter_mut().zip(stage_times(text)) {
            *b = (*b).min(t);
        }
    }
    best
}

/// Fails when any stage, or the whole, takes 6× the time or more on 4× the input.
/// Stages that take under 40 ms at 4N are too short to time and are not judged alone
/// (CPU time is counted in scheduler ticks on some kernels).
fn assert_scales(shape: &str, make: impl Fn(usize) -> String, n: usize) {
    // Load models and lexicons before timing.
    stage_times(&make(4096));
    let small = make(n);
    let big = make(4 * n);
    let a = min_times(&small);
    let b = min_times(&big);
    let mut report = format!(
        "{shape}: {} bytes vs {} bytes (CPU ms)\n",
        small.len(),
        big.len()
    );
    let mut bad = Vec::new();
    for i in 0..6 {
        let ratio = b[i] as f64 / a[i].max(1) as f64;
        let _ = writeln!(
            report,
            "  {:<9} {:>8.1} {:>8.1}  x{ratio:.2}",
            STAGES[i],
            a[i] as f64 / 1e6,
            b[i] as f64 / 1e6
        );
        if b[i] > 40_000_000 && b[i] > 6 * a[i] {
            bad.push(STAGES[i]);
        }
    }
    let (ta, tb): (u64, u64) = (a.iter().sum(), b.iter().sum());
    let _ = writeln!(
        report,
        "  {:<9} {:>8.1} {:>8.1}  x{:.2}",
        "total",
        ta as f64 / 1e6,
        tb as f64 / 1e6,
        tb as f64 / ta.max(1) as f64
    );
    if tb >= 6 * ta {
        bad.push("total");
    }
    eprint!("{report}");
    assert!(
        bad.is_empty(),
        "super-linear on {shape} (4x input cost 6x CPU or more): {bad:?}\n{report}"
    );
}

/// Real prose of about `n` bytes: the built-in example article's paragraphs, rotated
/// and numbered so that the copies are not identical.
fn prose(n: usize) -> String {
    const EXAMPLE: &str = include_str!("../../cli/assets/example.txt");
    let paras: Vec<&str> = EXAMPLE
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::with_capacity(n + 4096);
    let mut k = 0usize;
    while out.len() < n {
        let p = paras[k % paras.len()];
        // A different number in every copy keeps the sentences distinct.
        let _ = write!(out, "{p} ({k})\n\n");
        k += 1;
    }
    out
}

/// `"Hello there N," he said.` lines, about `n` bytes.
fn short_quotes(n: usize) -> String {
    let mut out = String::with_capacity(n + 64);
    let mut k = 0usize;
    while out.len() < n {
        let _ = writeln!(out, "\"Hello there {k},\" he said.");
        k += 1;
    }
    out
}

/// Many distinct people, each named in full once and then by surname, with quotes
/// attributed to them: many entities and many repeated names.
fn many_names(n: usize) -> String {
    const FIRST: [&str; 8] = [
        "Maria", "John", "Aisha", "Peter", "Elena", "David", "Sofia", "James",
    ];
    const LAST: [&str; 8] = [
        "Hartley",
        "Okafor",
        "Lindqvist",
        "Moreau",
        "Castillo",
        "Brennan",
        "Yamada",
        "Novak",
    ];
    let mut out = String::with_capacity(n + 256);
    let mut k = 0usize;
    while out.len() < n {
        let (f, l) = (FIRST[k % 8], LAST[(k / 8) % 8]);
        let _ = write!(
            out,
            "{f} {l}{k}, a spokeswoman for the Ministry of Transport, said on Monday that the \
             bridge would reopen. \"We are confident,\" {l}{k} said. Critics of {l}{k} \
             called the plan a disaster, according to a report in The Guardian.\n\n"
        );
        k += 1;
    }
    out
}

/// One paragraph, one line: the example article with its line breaks turned to spaces.
fn one_line(n: usize) -> String {
    prose(n).replace('\n', " ")
}

#[test]
fn real_prose_scales_linearly() {
    assert_scales("concatenated prose", prose, 64 * 1024);
}

#[test]
fn many_short_quotes_scale_linearly() {
    assert_scales("short quote lines", short_quotes, 160 * 1024);
}

#[test]
fn many_names_scale_linearly() {
    assert_scales("many named people", many_names, 48 * 1024);
}

#[test]
fn one_huge_line_scales_linearly() {
    assert_scales("one long line", one_line, 48 * 1024);
}

//! Checks of the workspace's shape that the compiler cannot make: stages depend only
//! on `doc`, `lex`, `segment` and earlier stages; the CLI is a shell over libraries;
//! word lists live only in `crates/lex`. Reads the Cargo manifests and sources.

use std::path::{Path, PathBuf};

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `unspin-*` crates a manifest lists under `[dependencies]` (not dev-dependencies).
fn deps(krate: &str) -> Vec<String> {
    let manifest = std::fs::read_to_string(crates_dir().join(krate).join("Cargo.toml"))
        .unwrap_or_else(|e| panic!("{krate}/Cargo.toml: {e}"));
    let mut out = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            in_deps = l == "[dependencies]";
            continue;
        }
        if in_deps {
            if let Some(name) = l.strip_prefix("unspin-") {
                let name = name.split(['.', ' ', '=']).next();
                out.push(name.unwrap_or_default().to_string());
            }
        }
    }
    out
}

/// The pipeline's stage crates in the order a document flows through them, as the
/// pipeline's crate documentation states it (its "Stage crates in flow order" line).
fn stages() -> Vec<String> {
    let doc = std::fs::read_to_string(crates_dir().join("pipeline/src/lib.rs")).unwrap_or_default();
    let mut lines = doc
        .lines()
        .skip_while(|l| !l.contains("Stage crates in flow order"));
    let order = lines
        .find(|l| l.contains('→') && !l.contains('('))
        .unwrap_or_default();
    let out: Vec<String> = order
        .trim_start_matches("//!")
        .split('→')
        .map(|s| s.trim().to_string())
        .collect();
    assert!(
        out.len() >= 5,
        "pipeline/src/lib.rs must state the stage crates in flow order: {out:?}"
    );
    out
}
/// Crates every stage may read: the document model and word knowledge.
const FOUNDATION: &[&str] = &["doc", "lex"];

#[test]
fn stages_depend_only_on_earlier_stages() {
    let stages = stages();
    for (i, stage) in stages.iter().enumerate() {
        for d in deps(stage) {
            let ok = FOUNDATION.contains(&d.as_str()) || stages[..i].contains(&d);
            assert!(
                ok,
                "stage `{stage}` depends on `{d}`, which is not doc, lex or an earlier stage"
            );
        }
    }
    for f in FOUNDATION {
        let bad: Vec<String> = deps(f)
            .into_iter()
            .filter(|d| !FOUNDATION.contains(&d.as_str()))
            .collect();
        assert!(bad.is_empty(), "`{f}` must not depend on {bad:?}");
    }
}

#[test]
fn cli_is_a_shell_over_libraries() {
    // The CLI parses arguments, reads and writes files and calls libraries that own
    // the work; it does not reach into single stages.
    let stages = stages();
    for d in deps("cli") {
        assert!(
            !stages.contains(&d) || d == "ingest",
            "the CLI depends on stage crate `{d}`: call it through pipeline, report, store, corpus, train or eval"
        );
    }
    let src = rs_files(&crates_dir().join("cli/src"));
    for (path, text) in src {
        for stage in stages.iter().filter(|s| *s != "ingest") {
            assert!(
                !text.contains(&format!("unspin_{stage}::")),
                "{}: uses unspin_{stage} directly",
                path.display()
            );
        }
    }
}

fn rs_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(rs_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push((p.clone(), std::fs::read_to_string(&p).unwrap_or_default()));
        }
    }
    out
}

/// The part of a source file before its unit tests (`#[cfg(test)] mod …`).
fn non_test_part(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// Places outside `crates/lex` where a list of string literals is not word knowledge
/// (path suffix, and a fragment of the line that opens the list; empty: any).
const ALLOWED: &[(&str, &str)] = &[
    // HTML element and attribute names: markup knowledge, kept with the parser.
    ("html/src/markup.rs", ""),
    // File name extensions and magic numbers of input formats.
    ("ingest/src/lib.rs", "TEXT_EXTENSIONS"),
    ("ingest/src/lib.rs", "MAGIC"),
    // Names of the store's tables and of report fields.
    ("store/src/parquet.rs", "TABLES"),
    ("report/src/validate.rs", "ANNOTATIONS"),
];

/// String literals in `s` that look like words or phrases of a language.
fn wordlike_literals(s: &str) -> usize {
    let mut n = 0;
    let mut rest = s;
    while let Some(i) = rest.find('"') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('"') else { break };
        let lit = &after[..j];
        if lit.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && lit
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '-' | '.' | '\u{2019}'))
        {
            n += 1;
        }
        rest = &after[j + 1..];
    }
    n
}

/// The index of the bracket `c` that closes the `o` at `open`, skipping string and
/// char literals (a `"("` or `'['` inside them does not count); `open` if unclosed.
fn closing(code: &str, open: usize, o: char, c: char) -> usize {
    let b: Vec<(usize, char)> = code[open..].char_indices().collect();
    let (mut depth, mut k, mut in_str) = (0, 0, false);
    while k < b.len() {
        let ch = b[k].1;
        if in_str {
            match ch {
                '\\' => k += 1,
                '"' => in_str = false,
                _ => {}
            }
        } else if ch == '"' {
            in_str = true;
        } else if ch == '\'' {
            // A char literal: 'x' or an escape '\x'; otherwise a lifetime.
            if b.get(k + 1).is_some_and(|x| x.1 == '\\') {
                k += 3;
            } else if b.get(k + 2).is_some_and(|x| x.1 == '\'') {
                k += 2;
            }
        } else if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return open + b[k].0;
            }
        }
        k += 1;
    }
    open
}

/// Finds list literals of five or more word-like strings: `&[&str]` arrays and
/// `matches!(…, "a" | "b" | …)` alternatives. Returns (line, item text) per hit.
fn word_lists(text: &str) -> Vec<(usize, String)> {
    let code = non_test_part(text);
    let mut hits = Vec::new();
    let mut search = 0;
    while let Some(k) = code[search..].find(['[', '(']) {
        let open = search + k;
        search = open + 1;
        let is_array = code[..open].ends_with("= &") || code[..open].ends_with("=&");
        let is_matches = code[..open].ends_with("matches!");
        if !is_array && !is_matches {
            continue;
        }
        // The balanced body.
        let (o, c) = if is_array { ('[', ']') } else { ('(', ')') };
        let end = closing(code, open, o, c);
        let body = &code[open..end];
        if wordlike_literals(body) >= 5 {
            let line = code[..open].lines().count();
            let head = code[..open].lines().last().unwrap_or("").trim().to_string();
            hits.push((line, head));
        }
        search = end.max(open + 1);
    }
    hits
}

#[test]
fn word_lists_live_only_in_lex() {
    let root = crates_dir();
    let mut bad = Vec::new();
    let Ok(rd) = std::fs::read_dir(&root) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        // Word knowledge lives in lex; evaluation and training read labelled data.
        if matches!(name.as_str(), "lex" | "eval" | "train") {
            continue;
        }
        for (path, text) in rs_files(&e.path().join("src")) {
            let p = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .to_string_lossy()
                .to_string();
            if p.ends_with("/tests.rs") || p.contains("/tests/") || p.ends_with("testdata.rs") {
                continue;
            }
            for (line, head) in word_lists(&text) {
                let allowed = ALLOWED
                    .iter()
                    .any(|(f, item)| p.ends_with(f) && head.contains(item));
                if !allowed {
                    bad.push(format!("{p}:{line}: {head}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "word lists outside crates/lex (move them to crates/lex/data):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_list_finder_finds_lists() {
    let src = "const X: &[&str] = &[\"said\", \"told\", \"wrote\", \"added\", \"noted\"];\nfn f(w: &str) -> bool { matches!(w, \"a\" | \"b\") }\nfn g(w: &str) -> bool { matches!(w, \"mr\" | \"mrs\" | \"ms\" | \"dr\" | \"prof\") }";
    let hits = word_lists(src);
    assert_eq!(hits.len(), 2, "{hits:?}");
    // A bracket inside a literal does not swallow the code after it.
    let src = "fn f(w: &str) -> bool { matches!(w, \"(\" | \"[\") }\nfn g() { let c = '('; }\nconst X: &[&str] = &[\"a\"];";
    assert!(word_lists(src).is_empty());
    assert_eq!(hits[0].0, 1);
}

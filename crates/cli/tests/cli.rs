//! The CLI as a user meets it: the `unspin` binary run as a process on real files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unspin"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run unspin")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn unspin");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder removed when the guard drops (even when the test fails).
fn tmpdir(name: &str) -> tempfile::TempDir {
    let prefix = format!("unspin-cli-{name}-");
    tempfile::Builder::new().prefix(&prefix).tempdir().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> Option<PathBuf> {
    let p = repo().join("../shared/seed/000_a80840316d5e4c4f.txt");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: seed article {} not present", p.display());
        None
    }
}

/// Every JSON report must validate against schema unspin/1 and its offsets must index `text`.
fn check_json(v: &Value) {
    if let Err(errs) = unspin_report::validate_json(v) {
        panic!("JSON does not validate against schema unspin/1: {errs:#?}");
    }
    if let Err(errs) = unspin_report::check_offsets(v) {
        panic!("JSON offsets do not index text: {errs:#?}");
    }
}

fn json_of(o: &Output) -> Value {
    assert!(o.status.success(), "unspin failed: {}", stderr(o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    check_json(&v);
    v
}

#[test]
fn version_and_help() {
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("unspin "), "{}", stdout(&o));
    let o = run(&["help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("analyze"));
    let o = run(&["analyze", "--help"]);
    assert!(o.status.success());
    for flag in [
        "--format",
        "--no-clean",
        "--min-score",
        "--out-dir",
        "Examples",
    ] {
        assert!(stdout(&o).contains(flag), "analyze --help lacks {flag}");
    }
    let o = run(&["eval", "quotes", "--help"]);
    assert!(o.status.success());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "--format", "yaml", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["analyze", "--min-score", "7", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["analyze", "--threads", "0", "x"]).status.code(),
        Some(2)
    );
}

#[test]
fn example_is_analysed_when_asked() {
    let v = json_of(&run(&["analyze", "--example", "--format", "json"]));
    assert_eq!(v["schema"], "unspin/1");
    assert!(v["text"].as_str().unwrap().len() > 200);
    assert!(
        !v["quotes"].as_array().unwrap().is_empty(),
        "example has quotes"
    );
}

#[test]
fn piped_output_defaults_to_json_and_stdin_works() {
    let text = "A Test Headline About Roads\n\n\"The road will reopen on Monday,\" said Ana Pereira, a spokeswoman for the transport department.\n";
    let o = run_stdin(&["analyze", "-"], text.as_bytes());
    let v = json_of(&o);
    assert_eq!(v["input"]["path"], "-");
    assert_eq!(v["input"]["bytes"], text.len() as u64);
}

#[test]
fn no_clean_keeps_text_verbatim() {
    let text = "Advertisement\n\nShe said \"no\" twice.\n\nRead more\n";
    let o = run_stdin(
        &["analyze", "--no-clean", "--format", "json", "-"],
        text.as_bytes(),
    );
    let v = json_of(&o);
    assert_eq!(v["text"].as_str().unwrap(), text);
    assert!(v["chrome"].as_array().unwrap().is_empty());
}

#[test]
fn gzip_input_is_decompressed() {
    use flate2::write::GzEncoder;
    let d = tmpdir("gz");
    let d = d.path();
    let p = d.join("a.txt.gz");
    let mut e = GzEncoder::new(
        std::fs::File::create(&p).unwrap(),
        flate2::Compression::default(),
    );
    e.write_all("Title Of A Story\n\n\"We won,\" the coach said.\n".as_bytes())
        .unwrap();
    e.finish().unwrap();
    let v = json_of(&run(&["analyze", "--format", "json", p.to_str().unwrap()]));
    assert!(v["text"].as_str().unwrap().contains("We won"));
}

#[test]
fn bad_inputs_fail_with_the_path_named_and_others_still_reported() {
    let d = tmpdir("bad");
    let d = d.path();
    let good = d.join("good.txt");
    std::fs::write(&good, "Nothing to see.\n\nThe council met on Tuesday.\n").unwrap();
    let junk = d.join("junk.bin");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&junk, bytes).unwrap();
    let missing = d.join("missing.txt");
    let o = run(&[
        "analyze",
        "--format",
        "jsonl",
        good.to_str().unwrap(),
        junk.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("junk.bin"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "the good file is still reported");
    check_json(&serde_json::from_str(lines[0]).unwrap());
}

#[test]
fn directories_are_expanded_and_html_needs_out_dir() {
    let d = tmpdir("dir");
    let d = d.path();
    std::fs::write(d.join("a.txt"), "First story.\n\n\"Yes,\" he said.\n").unwrap();
    std::fs::write(
        d.join("b.html"),
        "<html><head><title>B</title></head><body><p>Second story, \"quoted\" here.</p></body></html>",
    )
    .unwrap();
    std::fs::write(d.join("skip.png"), [0u8, 1, 2]).unwrap();
    let o = run(&["analyze", "--format", "jsonl", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    for v in &docs {
        check_json(v);
    }
    assert_eq!(docs[1]["input"]["format"], "html");
    assert!(!docs[1]["text"].as_str().unwrap().contains("<p>"));

    let o = run(&["analyze", "--format", "html", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let out = d.join("out");
    let o = run(&[
        "analyze",
        "--format",
        "html",
        "--out-dir",
        out.to_str().unwrap(),
        d.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("a.txt.html").exists());
    assert!(out.join("b.html.html").exists());
}

#[test]
fn html_report_escapes_article_text() {
    let text = "<script>alert(1)</script> Headline\n\n\"<img src=x onerror=alert(2)>,\" said Jo <b>Bloggs</b>.\n";
    let o = run_stdin(&["analyze", "--format", "html", "-"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains("<html") || page.contains("<!DOCTYPE") || page.contains("<!doctype"));
    assert!(
        !page.contains("<script>alert(1)"),
        "unescaped script in page"
    );
    assert!(!page.contains("<img src=x"), "unescaped img in page");
}

#[test]
fn every_format_renders_the_seed() {
    let Some(seed) = seed() else { return };
    let s = seed.to_str().unwrap();
    let v = json_of(&run(&["analyze", "--format", "json", s]));
    assert!(!v["text"].as_str().unwrap().contains("Advertisement"));
    for f in ["text", "md", "html", "jsonl"] {
        let o = run(&["analyze", "--format", f, s]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        assert!(stdout(&o).len() > 500, "{f} output too short");
    }
    let md = stdout(&run(&["analyze", "--format", "md", s]));
    assert!(md.contains('#'));
}

#[test]
fn several_inputs_as_one_json_array() {
    let d = tmpdir("arr");
    let d = d.path();
    for (n, t) in [("x.txt", "One.\n"), ("y.txt", "Two.\n")] {
        std::fs::write(d.join(n), t).unwrap();
    }
    let o = run(&[
        "analyze",
        "--format",
        "json",
        d.join("x.txt").to_str().unwrap(),
        d.join("y.txt").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 2);
    arr.iter().for_each(check_json);
}

#[test]
fn tag_conll_preserves_lines_and_appends_a_tag() {
    let input = "-DOCSTART- -X- -X- O\n\nAngela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n\nReuters NNP B-NP B-ORG\nreported VBD B-VP O\n";
    let o = run_stdin(&["tag", "--conll", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let (a, b): (Vec<&str>, Vec<&str>) = (input.lines().collect(), out.lines().collect());
    assert_eq!(a.len(), b.len(), "same number of lines");
    for (i, o) in a.iter().zip(&b) {
        if i.is_empty() {
            assert!(o.is_empty());
        } else {
            assert!(o.starts_with(i), "{o:?} does not extend {i:?}");
            let tag = o[i.len()..].trim();
            assert!(
                tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                "{tag:?}"
            );
        }
    }
    assert!(b[2].ends_with("B-PER") && b[3].ends_with("I-PER"), "{out}");
    assert!(b[5].ends_with("B-LOC"), "{out}");
}

#[test]
fn eval_ner_scores_a_conll_file() {
    let d = tmpdir("ner");
    let d = d.path();
    let f = d.join("gold.txt");
    std::fs::write(&f, "Angela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n").unwrap();
    let o = run(&["eval", "ner", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for t in ["PER", "LOC", "overall"] {
        assert!(out.contains(t), "{out}");
    }
    let o = run(&["eval", "ner", d.join("nope.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope.txt"));
}

#[test]
fn jsonl_in_jsonl_out_streaming_filter() {
    let lines = [
        serde_json::json!({"url": "https://example.org/a", "text": "Title One\n\n\"We will appeal,\" said Dana Ortiz, the club's lawyer.\n"}),
        serde_json::json!({"url": "https://example.org/b", "html": "<html><head><title>B</title></head><body><p>\"No comment,\" the minister said.</p></body></html>"}),
        serde_json::json!({"url": "https://example.org/c"}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect::<String>() + "not json\n";
    let o = run_stdin(&["analyze", "--format", "jsonl", "-"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(1),
        "bad lines are reported: {}",
        stderr(&o)
    );
    let err = stderr(&o);
    assert!(err.contains("line 3") && err.contains("line 4"), "{err}");
    let out = stdout(&o);
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2, "one report per good line, in order");
    docs.iter().for_each(check_json);
    assert_eq!(docs[0]["meta"]["url"], "https://example.org/a");
    assert_eq!(docs[1]["input"]["format"], "html");
    assert_eq!(docs[0]["quotes"][0]["speaker"]["name"], "Dana Ortiz");
}

#[test]
fn cue_offsets_count_characters_after_non_ascii() {
    // Curly quotes and accents before the cue: `cue_start`/`cue_end` must be
    // character offsets, so that text[cue_start..cue_end] is the cue.
    let input = "Dock workers in Liège went back to work on Friday.\n\n\
                 \u{201c}We won what we came for,\u{201d} union leader Amélie Durand said on Friday.\n";
    let o = run_stdin(&["analyze", "--format", "json", "-"], input.as_bytes());
    let v = json_of(&o);
    check_json(&v);
    let text = v["text"].as_str().unwrap();
    let mut cued = 0;
    for q in v["quotes"].as_array().unwrap() {
        let (s, e) = (q["cue_start"].as_u64(), q["cue_end"].as_u64());
        match q["cue"].as_str() {
            Some(cue) => {
                let (s, e) = (s.unwrap() as usize, e.unwrap() as usize);
                let got: String = text.chars().skip(s).take(e - s).collect();
                assert_eq!(got, cue, "text[cue_start..cue_end] is not the cue: {q}");
                cued += 1;
            }
            None => assert!(q["cue_start"].is_null() && q["cue_end"].is_null(), "{q}"),
        }
    }
    assert!(cued > 0, "no quote with a cue: {}", v["quotes"]);
}

#[test]
fn extract_prints_article_and_metadata() {
    let d = tmpdir("extract");
    let d = d.path();
    let page = d.join("p.html");
    std::fs::write(
        &page,
        r#"<html lang="en"><head><title>Bridge Reopens | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger"><meta name="author" content="Mina Patel">
<link rel="canonical" href="https://example.org/bridge"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge Reopens</h1>
<p>The Elm Street bridge reopened on Monday after eight months of repairs that cost the city more than it planned.</p>
<blockquote><p>"We are glad to have our shortcut back," said a shop owner who had lost customers.</p></blockquote>
<p>Engineers said the new deck should last for forty years, and the city will inspect it every spring.</p>
</article><footer>Copyright 2025 The Harbor Ledger</footer></body></html>"#,
    )
    .unwrap();
    let o = run(&["extract", "--format", "jsonl", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["path"], page.to_str().unwrap());
    assert_eq!(v["title"], "Bridge Reopens");
    assert_eq!(v["url"], "https://example.org/bridge");
    let text = v["text"].as_str().unwrap();
    assert!(
        text.contains("Elm Street bridge") && text.contains("forty years"),
        "{text}"
    );
    assert!(
        !text.contains("Home") && !text.contains("Copyright"),
        "{text}"
    );
    assert!(v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["kind"] == "blockquote"));
    let o = run(&["extract", "--format", "text", page.to_str().unwrap()]);
    assert!(
        stdout(&o).starts_with("The Elm Street bridge"),
        "{}",
        stdout(&o)
    );
    // The analysed page keeps the block quote as quoted material.
    let v = json_of(&run(&[
        "analyze",
        "--format",
        "json",
        page.to_str().unwrap(),
    ]));
    assert!(v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["kind"] == "blockquote"));
}

/// Writes a tiny corpus in the PTC layout (our own sentences and labels).
fn tiny_ptc(d: &std::path::Path) {
    let sentences = [
        ("The council met on Tuesday and approved the budget.", None),
        (
            "This disgraceful, reckless scheme will destroy the town.",
            Some(("Loaded_Language", 5, 29)),
        ),
        ("Officials said the bridge would reopen in May.", None),
        (
            "Only a fool would believe these clowns.",
            Some(("Name_Calling,Labeling", 30, 38)),
        ),
    ];
    std::fs::create_dir_all(d.join("articles")).unwrap();
    std::fs::create_dir_all(d.join("labels-si")).unwrap();
    std::fs::create_dir_all(d.join("labels-tc")).unwrap();
    let mut ids = String::new();
    for i in 0..12u32 {
        let id = 900000 + i;
        ids.push_str(&format!("article{id}\n"));
        let mut text = String::new();
        let (mut si, mut tc) = (String::new(), String::new());
        for k in 0..4 {
            let (s, lab) = sentences[(i as usize + k) % sentences.len()];
            let at = text.chars().count();
            if let Some((t, a, b)) = lab {
                si.push_str(&format!("{id}\t{}\t{}\n", at + a, at + b));
                tc.push_str(&format!("{id}\t{t}\t{}\t{}\n", at + a, at + b));
            }
            text.push_str(s);
            text.push_str("\n\n");
        }
        std::fs::write(d.join(format!("articles/article{id}.txt")), text).unwrap();
        std::fs::write(d.join(format!("labels-si/article{id}.task1-SI.labels")), si).unwrap();
        std::fs::write(d.join(format!("labels-tc/article{id}.task2-TC.labels")), tc).unwrap();
    }
    std::fs::write(d.join("ids.txt"), ids).unwrap();
}

#[test]
fn train_and_eval_rhetoric_on_a_ptc_layout() {
    let d = tmpdir("ptc");
    let d = d.path();
    let data = d.join("ptc");
    tiny_ptc(&data);
    let model = d.join("rhetoric.bin");
    let o = run(&[
        "train",
        "rhetoric",
        data.to_str().unwrap(),
        "--out",
        model.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::metadata(&model).unwrap().len() > 1000);
    assert!(stdout(&o).contains("held-out"), "{}", stdout(&o));
    let o = run(&["eval", "rhetoric", data.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for row in ["lexicon", "model", "detect", "held-out", "SI F1", "TC F1"] {
        assert!(out.contains(row), "{out}");
    }
    let o = run(&["eval", "rhetoric", data.to_str().unwrap(), "--cv", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("3-fold CV"), "{}", stdout(&o));
    let o = run(&["eval", "rhetoric", data.to_str().unwrap(), "--cv", "1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("at least 2"), "{}", stderr(&o));
    let o = run(&["eval", "rhetoric", d.join("nope").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope"), "{}", stderr(&o));
}

#[test]
fn quote_model_commands_refuse_bad_arguments_clearly() {
    let o = run(&["eval", "quotes", "no-such-dir", "--cv", "1"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("at least 2 folds"), "{}", stderr(&o));
    let dir = tmpdir("quotes-train");
    let out = dir.path().join("m.bin");
    let o = run(&[
        "train",
        "quotes",
        "no-such-dir",
        "--out",
        out.to_str().unwrap_or("m.bin"),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no-such-dir"), "{}", stderr(&o));
    assert!(!out.exists(), "no model written on error");
}

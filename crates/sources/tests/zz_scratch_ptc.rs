// SCRATCH: delete before finishing.
mod common;
use common::*;

#[test]
fn scratch_ptc() {
    let dir = std::env::var("DIR").unwrap_or("/work/shared/data/ptc-semeval2020-task11/articles".into());
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let (from, to): (usize, usize) = std::env::var("R")
        .ok()
        .map(|r| {
            let v: Vec<usize> = r.split(',').map(|x| x.parse().unwrap()).collect();
            (v[0], v[1])
        })
        .unwrap_or((0, 60));
    for p in names.iter().skip(from).take(to - from) {
        let raw = std::fs::read_to_string(p)
            .unwrap()
            .replace('\n', "\n\n")
            .replace("\n\n\n\n", "\n\n");
        let d = B::new(&raw).run();
        for f in &d.findings {
            if f.kind == "mostly_unsourced" || f.kind == "no_named_sources" {
                println!(
                    "{} {}: {}",
                    p.file_name().unwrap().to_string_lossy(),
                    f.kind,
                    f.message
                );
                continue;
            }
            for s in &f.spans {
                let si = d
                    .sentence_at(s.start)
                    .map(|i| {
                        d.slice(d.sentences[i].span)
                            .chars()
                            .take(160)
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                println!(
                    "{} {} [{}] {}",
                    p.file_name().unwrap().to_string_lossy(),
                    f.kind,
                    d.slice(*s),
                    si
                );
            }
        }
    }
}

#[test]
fn scratch_ptc_pipeline() {
    let dir = std::env::var("DIR").unwrap_or("/work/shared/data/ptc-semeval2020-task11/articles".into());
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let (from, to): (usize, usize) = std::env::var("R")
        .ok()
        .map(|r| {
            let v: Vec<usize> = r.split(',').map(|x| x.parse().unwrap()).collect();
            (v[0], v[1])
        })
        .unwrap_or((0, 60));
    let mut counts = std::collections::BTreeMap::new();
    for p in names.iter().skip(from).take(to - from) {
        let raw = std::fs::read_to_string(p).unwrap();
        let d = unspin_pipeline::analyze_text("x", &raw, unspin_pipeline::Options { rhetoric: false, ..Default::default() });
        let f = p.file_name().unwrap().to_string_lossy().to_string();
        for s in &d.sources {
            if std::env::var("SRC").is_ok()
                && !matches!(
                    s.kind,
                    unspin_doc::SourceKind::Anonymous | unspin_doc::SourceKind::Rumour
                )
            {
                println!(
                    "{f} SOURCE {:?} {:?} {:?}",
                    s.kind,
                    s.name,
                    s.mentions.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()
                );
            }
        }
        for x in &d.findings {
            *counts.entry(x.kind.clone()).or_insert(0) += 1;
            if std::env::var("FIND").map(|k| k == x.kind).unwrap_or(false) {
                println!(
                    "{f} FINDING {} | {} | {:?}",
                    x.kind,
                    x.message,
                    x.spans.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()
                );
            }
        }
        let mut a = std::collections::BTreeMap::new();
        for s in &d.sentences {
            *a.entry(s.attribution.as_str()).or_insert(0) += 1;
        }
        if std::env::var("ATTR").is_ok() {
            println!("{f} ATTR {:?}", a);
        }
    }
    println!("COUNTS {:?}", counts);
}

#[test]
fn scratch_html_no_panic() {
    let mut n = 0;
    let mut counts = std::collections::BTreeMap::new();
    for dir in ["/work/shared/data/cleaneval/input", "/work/shared/data/cleanportaleval/input"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let Ok(d) = unspin_pipeline::analyze_path(p.to_str().unwrap(), unspin_pipeline::Options { rhetoric: false, ..Default::default() }) else { continue };
            n += 1;
            for x in &d.findings { *counts.entry(x.kind.clone()).or_insert(0) += 1; if std::env::var("FIND").map(|k| k == x.kind).unwrap_or(false) { println!("{} FINDING {} | {} | {:?}", p.display(), x.kind, x.message, x.spans.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()); } }
        }
    }
    println!("HTML {n} COUNTS {:?}", counts);
}

//! Extraction speed and outputs for the trafilatura comparison: extracts every
//! `.html`/`.html.gz` page under DIR (one thread), writes `{id: text}` JSON to OUT
//! and prints pages per second of `extract` alone (reading and decoding not counted).
//! `cargo run --release -p unspin-html --example bench -- DIR OUT.json`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: bench DIR OUT.json");
        std::process::exit(2);
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&args[0])
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html") || n.ends_with(".html.gz") || n.ends_with(".htm")
        })
        .collect();
    files.sort();
    let mut pages = Vec::new();
    for f in &files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let id = name
            .trim_end_matches(".gz")
            .trim_end_matches(".html")
            .trim_end_matches(".htm")
            .to_string();
        match unspin_ingest::read_path(&f.to_string_lossy()) {
            Ok(raw) => pages.push((id, raw.text)),
            Err(e) => eprintln!("{}: {e:?}", f.display()),
        }
    }
    let mut out = serde_json::Map::new();
    let t0 = Instant::now();
    let mut texts = Vec::with_capacity(pages.len());
    for (_, html) in &pages {
        texts.push(unspin_html::extract(html).text);
    }
    let secs = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    for (_, html) in &pages {
        std::hint::black_box(dom_query::Document::from(html.as_str()));
    }
    let parse = t1.elapsed().as_secs_f64();
    for ((id, _), t) in pages.iter().zip(texts) {
        out.insert(id.clone(), serde_json::Value::String(t));
    }
    std::fs::write(&args[1], serde_json::to_string(&out).unwrap_or_default()).expect("write");
    eprintln!(
        "(html5ever parse alone: {:.1} pages/s)",
        pages.len() as f64 / parse.max(1e-9)
    );
    println!(
        "unspin: {} pages in {:.3}s = {:.1} pages/s",
        pages.len(),
        secs,
        pages.len() as f64 / secs.max(1e-9)
    );
}

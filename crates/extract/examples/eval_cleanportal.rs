//! Body-extraction quality on CleanPortalEval (`../shared/data/cleanportaleval`):
//! bag-of-words precision / recall / F1 of `doc.text` against the gold text.
//! `cargo run -p unspin-extract --example eval_cleanportal [DIR]`
use std::collections::HashMap;

fn bag(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if !w.is_empty() {
            *m.entry(w).or_insert(0) += 1;
        }
    }
    m
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/cleanportaleval"
        )
        .to_string()
    });
    let Ok(entries) = std::fs::read_dir(format!("{dir}/input")) else {
        eprintln!("skipping: {dir} not found");
        return;
    };
    let verbose = std::env::var("VERBOSE").is_ok();
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let (mut sp, mut sr, mut sf, mut n) = (0.0, 0.0, 0.0, 0usize);
    for name in names {
        let stem = name.trim_end_matches(".html.gz");
        let raw = match unspin_ingest::read_path(&format!("{dir}/input/{name}")) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let gold = unspin_ingest::read_path(&format!("{dir}/gold/{stem}.txt.gz"))
            .map(|r| r.text)
            .unwrap_or_default();
        let gold: String = gold
            .lines()
            .filter(|l| !l.starts_with("URL:") && !l.starts_with("<!--"))
            .map(|l| {
                l.trim_start_matches("<p>")
                    .trim_start_matches("<h>")
                    .trim_start_matches("<l>")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let d = unspin_extract::from_html(&raw.text, true);
        let want = bag(&gold);
        let got = bag(&d.text);
        let common: usize = got
            .iter()
            .map(|(w, c)| (*c).min(*want.get(w).unwrap_or(&0)))
            .sum();
        let gs: usize = got.values().sum();
        let ws: usize = want.values().sum();
        let (p, r) = match (gs, ws) {
            (0, 0) => (1.0, 1.0),
            (0, _) => (0.0, 0.0),
            (_, 0) => (0.0, 1.0),
            _ => (common as f64 / gs as f64, common as f64 / ws as f64),
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        if verbose {
            println!("{stem} P={p:.2} R={r:.2} F={f:.2}");
        }
        sp += p;
        sr += r;
        sf += f;
        n += 1;
    }
    let nf = n as f64;
    println!(
        "pages={n} precision={:.3} recall={:.3} F1={:.3}",
        sp / nf,
        sr / nf,
        sf / nf
    );
}

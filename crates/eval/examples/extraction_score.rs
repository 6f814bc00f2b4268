//! Scores extraction outputs (`{id: text}` JSON files, one per system) on one set
//! with the same metric as `unspin eval extraction`, tune and held parts apart.
//! `cargo run --release -p unspin-eval --example extraction_score -- SET DIR NAME=OUT.json...`

use std::path::Path;

use unspin_eval::extraction::{aggregate, held_ids, load, score_page, PageScore, Prf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: extraction_score SET DIR NAME=OUT.json...");
        std::process::exit(2);
    }
    let (set, dir) = (&args[0], Path::new(&args[1]));
    let pages = match load(set, dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let ids: Vec<String> = pages.iter().map(|p| p.id.clone()).collect();
    let held = held_ids(&ids);
    for spec in &args[2..] {
        let (name, file) = spec
            .split_once('=')
            .unwrap_or((spec.as_str(), spec.as_str()));
        let out: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}")),
        )
        .unwrap_or_default();
        let mut scores = Vec::new();
        for p in &pages {
            let text = out.get(&p.id).and_then(|v| v.as_str()).unwrap_or("");
            let (tp, fp, fn_, tn) = score_page(set, p, text);
            scores.push(PageScore {
                id: p.id.clone(),
                held: held.contains(&p.id),
                tp,
                fp,
                fn_,
                tn,
                no_article: text.is_empty(),
            });
        }
        let part = |h: Option<bool>| -> Prf {
            let v: Vec<&PageScore> = scores
                .iter()
                .filter(|s| h.is_none_or(|h| s.held == h))
                .collect();
            if set == "trafilatura-eval" {
                unspin_eval::extraction::segment_prf(&v)
            } else {
                aggregate(&v)
            }
        };
        println!(
            "{set:<17} {name:<12} all: {}\n{:<30} tune: {}\n{:<30} held: {}",
            part(None),
            "",
            part(Some(false)),
            "",
            part(Some(true))
        );
    }
}

//! Scores the HTML extractor on the sets in `../shared/data` (or the given dir).
//! `cargo run --release -p unspin-eval --example extraction_eval -- [SET...] [--worst N]`

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut worst = 0usize;
    let mut sets: Vec<String> = Vec::new();
    let mut data = "../shared/data".to_string();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--worst" => {
                worst = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(10);
                i += 1;
            }
            "--data" => {
                data = args.get(i + 1).cloned().unwrap_or(data);
                i += 1;
            }
            s => sets.push(s.to_string()),
        }
        i += 1;
    }
    if sets.is_empty() {
        sets = unspin_eval::extraction::SETS
            .iter()
            .map(|s| s.to_string())
            .collect();
    }
    for set in sets {
        let dir = Path::new(&data).join(&set);
        match unspin_eval::extraction::evaluate(&set, &dir) {
            Ok(r) => {
                println!("{r}");
                if worst > 0 {
                    let mut v: Vec<_> = r.pages.iter().filter(|p| !p.held).collect();
                    let f = |p: &&unspin_eval::extraction::PageScore| {
                        let pr = if p.tp + p.fp > 0.0 {
                            p.tp / (p.tp + p.fp)
                        } else {
                            0.0
                        };
                        let rc = if p.tp + p.fn_ > 0.0 {
                            p.tp / (p.tp + p.fn_)
                        } else {
                            0.0
                        };
                        (pr, rc)
                    };
                    v.sort_by(|a, b| {
                        let (pa, ra) = f(a);
                        let (pb, rb) = f(b);
                        (pa + ra).partial_cmp(&(pb + rb)).unwrap()
                    });
                    for p in v.iter().take(worst) {
                        let (pr, rc) = f(p);
                        println!(
                            "    {} P={pr:.2} R={rc:.2}{}",
                            p.id,
                            if p.no_article { " NO-ARTICLE" } else { "" }
                        );
                    }
                }
            }
            Err(e) => eprintln!("{set}: {e}"),
        }
    }
}

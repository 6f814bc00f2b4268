//! Sweeps a few extractor parameters on the tune parts of the sets (F1 per set).
//! `cargo run --release -p unspin-eval --example extraction_sweep`

use std::path::Path;

use unspin_eval::extraction::{evaluate_pages, load};
use unspin_html::Options;

fn main() {
    let data = Path::new("../shared/data");
    let sets = [
        "scrapinghub-aeb",
        "trafilatura-eval",
        "l3s-gn1",
        "cleaneval",
        "cleanportaleval",
    ];
    let loaded: Vec<_> = sets
        .iter()
        .filter_map(|s| load(s, &data.join(s)).ok().map(|p| (*s, p)))
        .collect();
    for lead in [1usize, 3, 6, 10] {
        let mut o = Options::default();
        o.params.lead_max = lead;
        let mut line = format!("lead_max={lead}:");
        for (s, pages) in &loaded {
            let r = evaluate_pages(s, pages, &o);
            line.push_str(&format!(
                " {}={:.4}/{:.3}",
                &s[..4],
                r.tune.f1,
                r.tune.precision
            ));
        }
        println!("{line}");
    }
}

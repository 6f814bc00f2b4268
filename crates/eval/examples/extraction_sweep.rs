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
    for share in [0.1f32, 0.2, 0.3] {
        for loose in [80u32, 150] {
            for ld in [0.4f32, 0.5, 0.6] {
                let mut o = Options::default();
                o.params.sibling_share = share;
                o.params.loose_sibling_chars = loose;
                o.params.max_link_density = ld;
                let mut line = format!("share={share} loose={loose} ld={ld}:");
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
    }
}

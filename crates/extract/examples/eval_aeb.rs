//! Body-extraction quality on the Scrapinghub article-extraction benchmark
//! (`../shared/data/scrapinghub-aeb`): bag-of-words precision / recall / F1 of
//! `doc.text` (title excluded) against `articleBody`.
//! `cargo run -p unspin-extract --example eval_aeb [DIR]`
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
            "/../../../shared/data/scrapinghub-aeb"
        )
        .to_string()
    });
    let Ok(gt) = std::fs::read_to_string(format!("{dir}/ground-truth.json")) else {
        eprintln!("skipping: {dir} not found");
        return;
    };
    let gt: serde_json::Value = serde_json::from_str(&gt).unwrap();
    let verbose = std::env::var("VERBOSE").is_ok();
    let (mut sp, mut sr, mut sf, mut n) = (0.0, 0.0, 0.0, 0usize);
    let mut title_ok = 0;
    let (mut bylines, mut dates, mut outlets, mut langs) = (0, 0, 0, 0);
    let t0 = std::time::Instant::now();
    for (id, v) in gt.as_object().unwrap() {
        let path = format!("{dir}/html/{id}.html.gz");
        let raw = match unspin_ingest::read_path(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let d = unspin_extract::from_html(&raw.text, true);
        let body: String = d
            .paragraphs
            .iter()
            .filter(|p| p.kind != unspin_doc::ParagraphKind::Title)
            .map(|p| d.slice(p.span))
            .collect::<Vec<_>>()
            .join("\n");
        let want = bag(v["articleBody"].as_str().unwrap_or(""));
        let got = bag(&body);
        let common: usize = got
            .iter()
            .map(|(w, c)| (*c).min(*want.get(w).unwrap_or(&0)))
            .sum();
        let gs: usize = got.values().sum();
        let ws: usize = want.values().sum();
        let p = if gs == 0 {
            0.0
        } else {
            common as f64 / gs as f64
        };
        let r = if ws == 0 {
            0.0
        } else {
            common as f64 / ws as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        if d.meta.title.is_some() {
            title_ok += 1;
        }
        bylines += usize::from(!d.meta.byline.is_empty());
        dates += usize::from(d.meta.published.is_some());
        outlets += usize::from(d.meta.outlet.is_some());
        langs += usize::from(d.meta.language.is_some());
        if verbose {
            println!("{id} P={p:.2} R={r:.2} F={f:.2} {:?}", d.meta.url);
        }
        sp += p;
        sr += r;
        sf += f;
        n += 1;
    }
    let n_f = n as f64;
    println!(
        "pages={n} precision={:.3} recall={:.3} F1={:.3} titles={title_ok} bylines={bylines} dates={dates} outlets={outlets} languages={langs} time={:?}",
        sp / n_f,
        sr / n_f,
        sf / n_f,
        t0.elapsed()
    );
}

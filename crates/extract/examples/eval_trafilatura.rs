//! Main-text extraction on trafilatura's evaluation set (`../shared/data/trafilatura-eval`):
//! upstream scoring (whitespace-normalised substring match of `with` / `without` segments).
//! `cargo run -p unspin-extract --example eval_trafilatura [DIR]`
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/trafilatura-eval"
        )
        .to_string()
    });
    let Ok(ann) = std::fs::read_to_string(format!("{dir}/annotations.json")) else {
        eprintln!("skipping: {dir} not found");
        return;
    };
    let ann: serde_json::Value = serde_json::from_str(&ann).unwrap();
    let (mut tp, mut fn_, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut empty = 0;
    // Language guess from the text against the page's own <html lang>.
    let (mut lang_n, mut lang_ok, mut lang_none) = (0, 0, 0);
    let t0 = std::time::Instant::now();
    for (_, e) in ann.as_object().unwrap() {
        let id = e["doc_id"].as_str().unwrap();
        let raw = match unspin_ingest::read_path(&format!("{dir}/html/{id}.html.gz")) {
            Ok(r) => r,
            Err(err) => {
                eprintln!("{err}");
                continue;
            }
        };
        let d = unspin_extract::from_html(&raw.text, true);
        if d.text.is_empty() {
            if std::env::var("SHOW_EMPTY").is_ok() {
                println!("EMPTY {id}");
            }
            empty += 1;
        }
        let text = norm(&d.text);
        if let Some(want) = e["html_lang"].as_str() {
            let want = want.to_lowercase();
            if ["en", "de", "fr", "es", "it", "pt", "nl"].contains(&want.as_str())
                && !d.text.is_empty()
            {
                lang_n += 1;
                match unspin_extract::guess_language(&d.text) {
                    Some(g) if g == want => lang_ok += 1,
                    None => lang_none += 1,
                    _ => {}
                }
            }
        }
        for w in e["with"].as_array().into_iter().flatten() {
            if text.contains(&norm(w.as_str().unwrap_or(""))) {
                tp += 1;
            } else {
                fn_ += 1;
            }
        }
        for w in e["without"].as_array().into_iter().flatten() {
            if text.contains(&norm(w.as_str().unwrap_or(""))) {
                if std::env::var("SHOW_FP").is_ok() {
                    println!(
                        "FP {id}: {}",
                        w.as_str()
                            .unwrap_or("")
                            .chars()
                            .take(100)
                            .collect::<String>()
                    );
                }
                fp += 1;
            } else {
                tn += 1;
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = 2.0 * p * r / (p + r).max(1e-9);
    let acc = (tp + tn) as f64 / (tp + tn + fp + fn_).max(1) as f64;
    println!("language guess: {lang_ok}/{lang_n} correct, {lang_none} unsure");
    println!(
        "precision={p:.3} recall={r:.3} F1={f:.3} accuracy={acc:.3} (tp={tp} fn={fn_} fp={fp} tn={tn}) empty={empty} time={:?}",
        t0.elapsed()
    );
}

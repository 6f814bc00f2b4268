//! Where the attribution model's time goes, per part, on the PolNeAR texts (one
//! thread): rules, the model's relations, and the whole quotes stage.
//! `cargo run --release -p unspin-train --example quotes_speed -- ../shared/data/polnear`

use std::path::Path;
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/polnear".into());
    let data = match unspin_train::quotes::prepare(Path::new(&dir)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("quotes_speed: {e}");
            std::process::exit(1);
        }
    };
    let Some(model) = unspin_quotes::model::embedded() else {
        eprintln!("quotes_speed: no embedded model");
        std::process::exit(1);
    };
    let tokens: usize = data.iter().map(|(_, d, _)| d.tokens.len()).sum();
    // Paragraphs with no reporting word, quotation mark or colon: their share of
    // tokens and of gold content tokens.
    let (mut gated, mut gold_all, mut gold_gated) = (0usize, 0usize, 0usize);
    for (_, d, rels) in &data {
        let labels = unspin_train::quotes::token_labels(d, rels);
        let mut i = 0;
        while i < d.tokens.len() {
            let p = d.tokens[i].paragraph;
            let mut j = i;
            while j < d.tokens.len() && d.tokens[j].paragraph == p {
                j += 1;
            }
            let cand = d.tokens[i..j].iter().any(|t| {
                let f = d.form(t);
                unspin_lex::speech::kinds(f) != 0
                    || t.quote != unspin_doc::QuoteRole::None
                    || f == ":"
            });
            let g = labels[i..j].iter().filter(|&&l| l != 0).count();
            gold_all += g;
            if !cand {
                gated += j - i;
                gold_gated += g;
            }
            i = j;
        }
    }
    println!("no-candidate paragraphs: {gated} of {tokens} tokens; gold role tokens there: {gold_gated} of {gold_all}");
    let mut docs: Vec<_> = data.into_iter().map(|(_, d, _)| d).collect();
    for round in 0..5 {
        let t = Instant::now();
        for d in &mut docs {
            unspin_quotes::detect_rules(d);
        }
        let rules = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut n = 0;
        for d in &docs {
            n += model.relations(d).len();
        }
        let rel = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for d in &mut docs {
            unspin_quotes::detect(d);
        }
        let all = t.elapsed().as_secs_f64();
        println!(
            "round {round}: {} docs, {tokens} tokens: rules {rules:.3}s, model relations {rel:.3}s ({n}), detect {all:.3}s",
            docs.len()
        );
    }
}

#[allow(dead_code)]
fn gate_stats() {}

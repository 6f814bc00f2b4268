//! Tagging speed of the embedded model on a CoNLL file (default: the CoNLL-2003 dev set),
//! one thread: `cargo run --release -p unspin-ner --example speed [FILE]`.
use std::time::Instant;
use unspin_ner::{embedded, read_conll, Decode};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/conll2003/dev.txt".into());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("speed: {path} not found; skipping");
        return;
    };
    let docs = read_conll(&text).expect("parse");
    let docs: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.tokens.iter().map(|t| t.as_str()).collect())
                .collect()
        })
        .collect();
    let ntok: usize = docs.iter().flatten().map(|s| s.len()).sum();
    let t = Instant::now();
    let model = embedded();
    println!(
        "load: {:.3}s ({} feature rows)",
        t.elapsed().as_secs_f64(),
        model.num_features()
    );
    for decode in [Decode::Viterbi, Decode::Greedy] {
        let mut m = unspin_ner::Model::load(unspin_ner::EMBEDDED_MODEL).expect("load");
        m.decode = decode;
        let mut best = f64::MAX;
        let mut sink = 0usize;
        for _ in 0..3 {
            let t = Instant::now();
            for d in &docs {
                for s in m.tag_document(d) {
                    sink += s.len();
                }
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        assert!(sink > 0);
        println!(
            "{decode:?}: {ntok} tokens in {best:.3}s = {:.0} tokens/s (one thread, document mode)",
            ntok as f64 / best
        );
    }
}

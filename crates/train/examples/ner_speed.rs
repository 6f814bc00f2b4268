//! Tagging speed of the embedded model on a CoNLL file (default: the CoNLL-2003 dev set),
//! one thread: `cargo run --release -p unspin-train --example ner_speed [FILE]`.
use std::time::Instant;
use unspin_ner::{embedded, Decode};
use unspin_train::ner::read_conll;

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
        m.set_decode(decode);
        let mut best = f64::MAX;
        let mut sink = 0usize;
        let (cpu0, t0) = (cpu_seconds(), Instant::now());
        const REPS: usize = 10;
        for _ in 0..REPS {
            let t = Instant::now();
            for d in &docs {
                for s in m.tag_document(d) {
                    sink += s.len();
                }
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        let wall = t0.elapsed().as_secs_f64();
        assert!(sink > 0);
        let cpu = cpu_seconds().map(|c| c - cpu0.unwrap_or(0.0));
        println!(
            "{decode:?}: {ntok} tokens x {REPS}: best pass {:.0} tokens/s wall; mean {:.0} tokens/s wall, {} (one thread, document mode)",
            ntok as f64 / best,
            (ntok * REPS) as f64 / wall,
            cpu.map_or("CPU time n/a".into(), |c| format!(
                "{:.0} tokens per CPU-second",
                (ntok * REPS) as f64 / c
            ))
        );
    }
}

/// User + system CPU time of this process, from /proc (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

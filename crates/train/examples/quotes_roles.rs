//! Span-level precision/recall/F1 of the attribution tagger's three roles (content,
//! cue, source) on one cross-validation fold of PolNeAR: a development aid.
//! `cargo run --release -p unspin-train --example quotes_roles -- ../shared/data/polnear [FOLDS]`

use std::path::Path;
use unspin_quotes::model::decode::roles;
use unspin_train::quotes::{prepare, token_labels, train_docs, TrainOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map_or("../shared/data/polnear", |s| s.as_str());
    let folds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let data = match prepare(Path::new(dir)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("quotes_roles: {e}");
            std::process::exit(1);
        }
    };
    let mut opts = TrainOptions::default();
    if let Ok(v) = std::env::var("QT_EPOCHS") {
        opts.epochs = v.parse().unwrap_or(opts.epochs);
    }
    if let Ok(v) = std::env::var("QT_BITS") {
        opts.bits = v.parse().unwrap_or(opts.bits);
    }
    if let Ok(v) = std::env::var("QT_STACK") {
        opts.stack_folds = v.parse().unwrap_or(opts.stack_folds);
    }
    let train: Vec<_> = data
        .iter()
        .enumerate()
        .filter(|(i, _)| i % folds != 0)
        .map(|(_, (_, d, r))| (d, &r[..]))
        .collect();
    let model = match train_docs(&train, &opts, "") {
        Ok(m) => m,
        Err(e) => {
            eprintln!("quotes_roles: {e}");
            std::process::exit(1);
        }
    };
    // [content, cue, source] × (gold, pred, exact)
    let mut c = [[0usize; 3]; 3];
    let mut tok = [0usize; 2];
    let mut miss = [[0usize; 2]; 2];
    for (_, doc, rels) in data.iter().step_by(folds) {
        let gold = token_labels(doc, rels);
        let pred = model.doc_labels(doc, &doc.quotes);
        tok[0] += gold.iter().zip(&pred).filter(|(a, b)| a == b).count();
        tok[1] += gold.len();
        let (g, p) = (roles(&gold), roles(&pred));
        let ov = |a: &unspin_quotes::model::decode::RoleSpan,
                  b: &unspin_quotes::model::decode::RoleSpan| {
            a.start < b.end && b.start < a.end
        };
        for r in rels {
            let (ga, gb) = (
                doc.tokens
                    .partition_point(|t| t.span.end <= r.content[0].start),
                doc.tokens
                    .partition_point(|t| t.span.start < r.content[0].end),
            );
            let gs = unspin_quotes::model::decode::RoleSpan { start: ga, end: gb };
            let hit = p.content.iter().any(|x| ov(x, &gs));
            let cue_hit = r.cue.first().is_some_and(|c| {
                let cs = unspin_quotes::model::decode::RoleSpan {
                    start: doc.tokens.partition_point(|t| t.span.end <= c.start),
                    end: doc.tokens.partition_point(|t| t.span.start < c.end),
                };
                p.cue.iter().any(|x| ov(x, &cs))
            });
            miss[hit as usize][cue_hit as usize] += 1;
            if std::env::var("QT_SHOW").is_ok() {
                if let Some(x) = p.content.iter().find(|x| ov(x, &gs) && **x != gs) {
                    let sp = |a: usize, b: usize| {
                        doc.text[doc.tokens[a].span.start..doc.tokens[b - 1].span.end]
                            .replace('\n', "|")
                    };
                    let lo = gs.start.min(x.start);
                    let hi = gs.end.max(x.end);
                    let ctx_a = lo.saturating_sub(6);
                    let ctx_b = (hi + 4).min(doc.tokens.len());
                    let side = format!(
                        "{}{}",
                        if x.start < gs.start {
                            "S<"
                        } else if x.start > gs.start {
                            "S>"
                        } else {
                            "S="
                        },
                        if x.end < gs.end {
                            "E<"
                        } else if x.end > gs.end {
                            "E>"
                        } else {
                            "E="
                        }
                    );
                    println!(
                        "{side} CTX {}\n   G: {}\n   P: {}",
                        sp(ctx_a, ctx_b),
                        sp(gs.start, gs.end),
                        sp(x.start, x.end)
                    );
                }
            }
        }
        for (i, (gs, ps)) in [
            (&g.content, &p.content),
            (&g.cue, &p.cue),
            (&g.source, &p.source),
        ]
        .into_iter()
        .enumerate()
        {
            c[i][0] += gs.len();
            c[i][1] += ps.len();
            c[i][2] += ps.iter().filter(|x| gs.contains(x)).count();
        }
    }
    println!("content found (any overlap) x cue found: {miss:?} ([content missed: [cue missed, cue found]], [content found: …]])");
    println!("token accuracy {:.4}", tok[0] as f64 / tok[1] as f64);
    for (i, name) in ["content", "cue", "source"].iter().enumerate() {
        let p = c[i][2] as f64 / c[i][1].max(1) as f64;
        let r = c[i][2] as f64 / c[i][0].max(1) as f64;
        println!(
            "{name:<8} gold {:>6} pred {:>6}  P {:.3} R {:.3} F1 {:.3}",
            c[i][0],
            c[i][1],
            p,
            r,
            2.0 * p * r / (p + r).max(1e-9)
        );
    }
}

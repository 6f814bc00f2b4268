//! The attribution model's trainer: PolNeAR relations ([`polnear`]) become token labels
//! (content, cue, source; BIO) over the features the quotes stage computes
//! (`unspin_quotes::model::features`), learned by an averaged structured perceptron
//! with the model's own Viterbi decoder. Deterministic: the same data and options give
//! a byte-identical model file.

pub mod polnear;

use polnear::{Article, Relation};
use rayon::prelude::*;
use std::path::Path;
use unspin_doc::Doc;
use unspin_quotes::model::decode::{span_labels, viterbi, CONTENT, CUE, SOURCE};
use unspin_quotes::model::features::{sequences, token_range, Sequence};
use unspin_quotes::model::{Model, L};

/// Training options; the defaults built `models/quotes.bin`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Width of the feature hash (the model holds `1 << bits` rows).
    pub bits: u32,
    pub epochs: usize,
    /// Seed of the order in which sequences are visited each epoch.
    pub seed: u64,
    /// Stacking: a second stage reads the first stage's labels, which are made for
    /// training by this many-fold jackknife (below 2: one stage only).
    pub stack_folds: usize,
    /// Relations scoring below this are not reported (`Model::min_score`; chosen by
    /// `unspin eval quotes --cv 5`: 300 keeps F1 and raises precision 0.47 → 0.51).
    pub min_score: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 14,
            epochs: 10,
            seed: 0x5eed_a77b,
            stack_folds: 5,
            min_score: 300.0,
        }
    }
}

/// One article ready for training: its paragraph sequences and gold labels.
#[derive(Debug, Clone)]
pub struct Example {
    pub seqs: Vec<Sequence>,
    pub labels: Vec<Vec<u8>>,
}

/// The analysed article (text unchanged: no chrome removal, no rhetoric) with the rule
/// detector's quotes in `doc.quotes`, as the model sees it.
pub fn analyse(name: &str, text: &str) -> Result<Doc, String> {
    let mut doc = unspin_pipeline::analyze_text(
        name,
        text,
        unspin_pipeline::Options {
            clean: false,
            rhetoric: false,
            ..Default::default()
        },
    )
    .map_err(|e| e.to_string())?;
    if doc.text != text {
        return Err(format!("{name}: the pipeline changed the text"));
    }
    unspin_quotes::detect_rules(&mut doc);
    Ok(doc)
}

/// Gold labels for every token of `doc` (whose `doc.quotes` hold the rules' quotes).
pub fn token_labels(doc: &Doc, rels: &[Relation]) -> Vec<u8> {
    let mut labels = vec![0u8; doc.tokens.len()];
    for r in rels {
        for (spans, role) in [(&r.content, CONTENT), (&r.cue, CUE), (&r.source, SOURCE)] {
            for s in spans {
                let (a, e) = token_range(doc, *s);
                // Annotations are univocal; a token already labelled (a span
                // boundary inside a token) keeps its label and ends this span.
                let e = (a..e).find(|&k| labels[k] != 0).unwrap_or(e);
                // The tagger reads one paragraph at a time: a span running over
                // paragraphs is one span per paragraph.
                let mut x = a;
                while x < e {
                    let p = doc.tokens[x].paragraph;
                    let y = (x..e).find(|&k| doc.tokens[k].paragraph != p).unwrap_or(e);
                    for (l, v) in labels[x..y].iter_mut().zip(span_labels(role, y - x)) {
                        *l = v;
                    }
                    x = y;
                }
            }
        }
    }
    labels
}

/// The training example of an analysed article: its sequences (with the first
/// stage's labels of every token when given) and gold labels.
pub fn example(doc: &Doc, gold: &[u8], bits: u32, stage1: Option<&[u8]>) -> Example {
    let seqs = sequences(doc, &doc.quotes, bits, stage1);
    let labels = seqs
        .iter()
        .map(|s| s.tokens.iter().map(|&t| gold[t as usize]).collect())
        .collect();
    Example { seqs, labels }
}

/// Trains the model on analysed articles and their relations: one stage, or two
/// with stacking (`opts.stack_folds`).
pub fn train_docs(
    data: &[(&Doc, &[Relation])],
    opts: &TrainOptions,
    info: &str,
) -> Result<Model, String> {
    let gold: Vec<Vec<u8>> = data.iter().map(|(d, r)| token_labels(d, r)).collect();
    let ex1: Vec<Example> = data
        .iter()
        .zip(&gold)
        .map(|((d, _), g)| example(d, g, opts.bits, None))
        .collect();
    let all: Vec<&Example> = ex1.iter().collect();
    let mut first = perceptron(&all, opts, info)?;
    let k = opts.stack_folds;
    if k < 2 || data.len() < k {
        first.min_score = opts.min_score;
        return Ok(first);
    }
    // Each fold's model is independent: trained in parallel, same result.
    let parts: Vec<Vec<(usize, Vec<u8>)>> = (0..k)
        .into_par_iter()
        .map(|f| {
            let part: Vec<&Example> = ex1
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != f)
                .map(|(_, e)| e)
                .collect();
            let m = perceptron(&part, opts, "")?;
            Ok((0..data.len())
                .filter(|i| i % k == f)
                .map(|i| (i, m.doc_labels(data[i].0, &data[i].0.quotes)))
                .collect())
        })
        .collect::<Result<_, String>>()?;
    let mut stage1: Vec<Vec<u8>> = vec![vec![]; data.len()];
    for (i, l) in parts.into_iter().flatten() {
        stage1[i] = l;
    }
    drop(ex1);
    let ex2: Vec<Example> = data
        .iter()
        .zip(&gold)
        .zip(&stage1)
        .map(|(((d, _), g), s)| example(d, g, opts.bits, Some(s)))
        .collect();
    let all: Vec<&Example> = ex2.iter().collect();
    let mut second = perceptron(&all, opts, info)?;
    second.set_first(first);
    second.min_score = opts.min_score;
    Ok(second)
}

/// Every article of `dir` with relations, analysed, with its relations.
pub fn prepare(dir: &Path) -> Result<Vec<(Article, Doc, Vec<Relation>)>, String> {
    let mut out = vec![];
    for a in polnear::load(dir)? {
        let rels = polnear::relations(&a.text, &a.ann);
        if rels.is_empty() {
            continue;
        }
        let doc = analyse(&a.name, &a.text)?;
        out.push((a, doc, rels));
    }
    Ok(out)
}

fn xorshift(s: &mut u64) -> u64 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    *s
}

/// Trains one tagger on `examples` (averaged structured perceptron).
fn perceptron(examples: &[&Example], opts: &TrainOptions, info: &str) -> Result<Model, String> {
    let rows = 1usize << opts.bits;
    let mut w = vec![0f32; rows * L];
    let mut u = vec![0f32; rows * L];
    let mut tw = [[0f32; L]; L + 1];
    let mut tu = [[0f32; L]; L + 1];
    let mut order: Vec<(usize, usize)> = examples
        .iter()
        .enumerate()
        .flat_map(|(e, ex)| (0..ex.seqs.len()).map(move |s| (e, s)))
        .filter(|&(e, s)| !examples[e].seqs[s].is_empty())
        .collect();
    let mut rng = opts.seed | 1;
    let mut c = 1f32;
    let mut scores: Vec<[f32; L]> = vec![];
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &(e, s) in &order {
            let seq = &examples[e].seqs[s];
            let gold = &examples[e].labels[s];
            scores.clear();
            for k in 0..seq.len() {
                let mut acc = [0f32; L];
                for &b in seq.feats(k) {
                    let row = &w[b as usize * L..b as usize * L + L];
                    for l in 0..L {
                        acc[l] += row[l];
                    }
                }
                scores.push(acc);
            }
            let pred = viterbi(&scores, &tw);
            if pred != *gold {
                for k in 0..seq.len() {
                    let (g, p) = (gold[k] as usize, pred[k] as usize);
                    if g != p {
                        for &b in seq.feats(k) {
                            let b = b as usize * L;
                            w[b + g] += 1.0;
                            u[b + g] += c;
                            w[b + p] -= 1.0;
                            u[b + p] -= c;
                        }
                    }
                    let gp = if k == 0 { L } else { gold[k - 1] as usize };
                    let pp = if k == 0 { L } else { pred[k - 1] as usize };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= c;
                    }
                }
            }
            c += 1.0;
        }
    }
    for (x, y) in w.iter_mut().zip(&u) {
        *x -= y / c;
    }
    for (row, urow) in tw.iter_mut().zip(&tu) {
        for (x, y) in row.iter_mut().zip(urow) {
            *x -= y / c;
        }
    }
    Model::from_weights(opts.bits, &w, tw, info.to_string())
}

/// Trains on every article of the PolNeAR folder `dir`; returns the model and a
/// one-line summary.
pub fn train_polnear(dir: &Path, opts: &TrainOptions) -> Result<(Model, String), String> {
    let data = prepare(dir)?;
    let refs: Vec<(&Doc, &[Relation])> = data.iter().map(|(_, d, r)| (d, &r[..])).collect();
    let tokens: usize = data.iter().map(|(_, d, _)| d.tokens.len()).sum();
    let info = format!(
        "unspin quotes model: averaged structured perceptron, BILOU content/cue/source, \
         stacked ({} folds); bits={} epochs={} seed={:#x} min_score={}; PolNeAR train: {} articles, {} tokens",
        opts.stack_folds,
        opts.bits,
        opts.epochs,
        opts.seed,
        opts.min_score,
        data.len(),
        tokens
    );
    let model = train_docs(&refs, opts, &info)?;
    Ok((model, info))
}

//! Training: averaged structured perceptron (Collins 2002) with first-order Viterbi
//! over valid IOB2 sequences. Single-threaded and deterministic: fixed seed, fixed
//! iteration order, feature ids assigned in order of first occurrence.

use super::conll::{read_conll, Document, Sentence};
use super::eval::{eval_docs, NerScores};
use std::path::Path;
use std::time::Instant;
use unspin_ner::features::{
    gaz_step, lex_key, sentence_all_caps, sentence_features, token_hash, DocStats, FeatBuf,
    GazLookup, NonLocal, PassMap, TokInfo, GAZ_MAX_LEN, GAZ_SEED, LEX_LOWER,
};
use unspin_ner::model::{greedy, viterbi};
use unspin_ner::{entities, Decode, Model, Tag, NL};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Gazetteer features in training come from the other folds' entities (jackknife),
    /// so the model does not learn to trust a list that always contains the answer.
    pub gaz_folds: usize,
    /// Rows whose largest |weight| is below this are dropped from the saved model.
    pub prune: f32,
    pub decode: Decode,
    /// Stacking: when ≥ 2, a second model is trained on the first model's labels
    /// (computed by cross-validation over this many folds of the training documents).
    pub stack_folds: usize,
    /// Adds title-case copies of each document's all-capitals headline and of every
    /// tenth ordinary sentence, so that the model sees title case as web articles write
    /// it. Off: it costs about one point of CoNLL dev F1 (see models/README.md).
    pub augment_title_case: bool,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            seed: 0x5EED_2003,
            min_count: 2,
            gaz_folds: 5,
            prune: 0.0,
            decode: Decode::Viterbi,
            stack_folds: 5,
            augment_title_case: false,
            verbose: false,
        }
    }
}

/// One epoch's numbers.
#[derive(Debug, Clone)]
pub struct EpochReport {
    pub epoch: usize,
    /// Training sentences whose predicted sequence was wrong (before the update).
    pub train_errors: usize,
    /// Dev F1 of the averaged model after this epoch.
    pub dev_f1: Option<f64>,
    pub secs: f64,
}

/// What training did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sentences: usize,
    pub tokens: usize,
    /// Distinct feature hashes kept for training.
    pub features: usize,
    /// Feature rows in the saved model.
    pub model_rows: usize,
    pub gazetteer: usize,
    pub epochs: Vec<EpochReport>,
    /// Final model on the dev file.
    pub dev: Option<NerScores>,
    /// First-stage model alone on the dev file (stacked training only).
    pub stage1_dev: Option<NerScores>,
    pub secs: f64,
}

struct FoldGaz<'a> {
    map: &'a PassMap<[u8; 8]>,
    fold: usize,
}

impl GazLookup for FoldGaz<'_> {
    fn mask(&self, key: u64) -> u8 {
        match self.map.get(&key) {
            None => 0,
            Some(m) => m
                .iter()
                .enumerate()
                .filter(|(f, _)| *f != self.fold)
                .fold(0, |a, (_, b)| a | b),
        }
    }
}

/// Trains on a CoNLL file, optionally scoring each epoch on a dev file.
pub fn train(
    train: &Path,
    dev: Option<&Path>,
    opts: &TrainOptions,
) -> Result<(Model, Report), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let tdocs = read_conll(&read(train)?)?;
    let ddocs = match dev {
        Some(p) => Some(read_conll(&read(p)?)?),
        None => None,
    };
    Ok(train_docs(&tdocs, ddocs.as_deref(), opts))
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

const TITLE_EVERY: usize = 10;

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "but", "or", "by", "as", "with",
    "from", "vs", "is",
];

/// The document plus a title-case copy of each all-capitals sentence: each word takes
/// the case it has elsewhere in the document, else small words are lowercased and
/// other words capitalised ("EU REJECTS GERMAN CALL" → "EU Rejects German Call").
fn augment_title_case(d: &Document) -> Document {
    let infos: Vec<Vec<TokInfo>> = d
        .sentences
        .iter()
        .map(|s| s.tokens.iter().map(|t| TokInfo::new(t)).collect())
        .collect();
    let mut forms: std::collections::BTreeMap<String, std::collections::BTreeMap<&str, u32>> =
        Default::default();
    for (s, inf) in d.sentences.iter().zip(&infos) {
        if sentence_all_caps(inf) {
            continue;
        }
        for (tok, t) in s.tokens.iter().zip(inf).skip(1) {
            if t.has_lower {
                *forms
                    .entry(tok.to_lowercase())
                    .or_default()
                    .entry(tok.as_str())
                    .or_default() += 1;
            }
        }
    }
    let mut out = d.clone();
    // The headline (first sentence; later all-capitals lines are mostly tables) and
    // every `TITLE_EVERY`th ordinary sentence of six tokens or more.
    for (si, (s, inf)) in d.sentences.iter().zip(&infos).enumerate() {
        let caps = sentence_all_caps(inf);
        let pick = if caps {
            si == 0 && s.tokens.len() >= 3
        } else {
            TITLE_EVERY > 0 && si % TITLE_EVERY == TITLE_EVERY - 1 && s.tokens.len() >= 6
        };
        if !pick {
            continue;
        }
        let tokens = s
            .tokens
            .iter()
            .zip(inf)
            .enumerate()
            .map(|(i, (tok, t))| {
                let lower = tok.to_lowercase();
                if !caps {
                    // Ordinary sentence: capitalise its lowercase words.
                    if t.first_upper
                        || !t.has_lower
                        || (i > 0 && SMALL_WORDS.contains(&lower.as_str()))
                    {
                        return tok.clone();
                    }
                    let mut c = tok.chars();
                    let first = c.next().map(|c| c.to_uppercase().collect::<String>());
                    return first.unwrap_or_default() + c.as_str();
                }
                if let Some(f) = forms.get(&lower) {
                    // Most frequent form; ties to the smallest string (deterministic).
                    let best = f.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
                    if let Some((form, _)) = best {
                        return form.to_string();
                    }
                }
                if !t.has_alpha || tok.contains('.') || tok.chars().count() < 2 {
                    tok.clone()
                } else if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                    lower
                } else {
                    let mut c = lower.chars();
                    let first = c.next().map(|c| c.to_uppercase().collect::<String>());
                    first.unwrap_or_default() + c.as_str()
                }
            })
            .collect();
        out.sentences.push(Sentence {
            tokens,
            tags: s.tags.clone(),
        });
    }
    out
}

fn doc_tokens(d: &Document) -> Vec<Vec<&str>> {
    d.sentences
        .iter()
        .map(|s| s.tokens.iter().map(|t| t.as_str()).collect())
        .collect()
}

/// Trains on parsed documents (see [`train`]).
pub fn train_docs(
    docs: &[Document],
    dev: Option<&[Document]>,
    opts: &TrainOptions,
) -> (Model, Report) {
    let augmented: Vec<Document>;
    let docs = if opts.augment_title_case {
        augmented = docs.iter().map(augment_title_case).collect();
        &augmented[..]
    } else {
        docs
    };
    let k = opts.stack_folds;
    if k < 2 {
        let (mut m, rep) = train_single(docs, dev, opts, None);
        m.info = describe(opts, &rep);
        return (m, rep);
    }
    let t0 = Instant::now();
    let quiet = TrainOptions {
        verbose: false,
        ..opts.clone()
    };
    let (m1, _) = train_single(docs, None, &quiet, None);
    let stage1_dev = dev.map(|d| eval_docs(d, &m1));
    if let (true, Some(s)) = (opts.verbose, &stage1_dev) {
        eprintln!(
            "ner train: stage 1 dev F1 {:.4} ({:.1}s)",
            s.overall.f1(),
            t0.elapsed().as_secs_f64()
        );
    }
    // Realistic first-stage labels for the training documents: each fold is tagged
    // by a model trained on the other folds.
    let mut preds: Vec<Vec<Vec<Tag>>> = vec![Vec::new(); docs.len()];
    for f in 0..k {
        let sub: Vec<Document> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != f)
            .map(|(_, d)| d.clone())
            .collect();
        let (mf, _) = train_single(&sub, None, &quiet, None);
        for (i, d) in docs.iter().enumerate().filter(|(i, _)| i % k == f) {
            preds[i] = mf.tag_document(&doc_tokens(d));
        }
    }
    if opts.verbose {
        eprintln!(
            "ner train: {k}-fold first-stage labels done ({:.1}s)",
            t0.elapsed().as_secs_f64()
        );
    }
    let (mut m2, mut rep) = train_single(docs, dev, opts, Some((&preds, &m1)));
    m2.set_first(m1);
    rep.stage1_dev = stage1_dev;
    rep.secs = t0.elapsed().as_secs_f64();
    m2.info = describe(opts, &rep);
    (m2, rep)
}

/// The model's info line: options and data sizes (no times, so that files are reproducible).
fn describe(opts: &TrainOptions, rep: &Report) -> String {
    format!(
        "unspin-ner averaged perceptron, Viterbi; epochs={} seed={} min_count={} gaz_folds={} \
         prune={} decode={:?} stack_folds={} augment_title_case={}; {} sentences, {} tokens; \
         {} feature rows; dev F1 {}",
        opts.epochs,
        opts.seed,
        opts.min_count,
        opts.gaz_folds,
        opts.prune,
        opts.decode,
        opts.stack_folds,
        opts.augment_title_case,
        rep.sentences,
        rep.tokens,
        rep.model_rows,
        rep.dev
            .as_ref()
            .map_or("-".to_string(), |d| format!("{:.4}", d.overall.f1()))
    )
}

type Stage1<'a> = Option<(&'a [Vec<Vec<Tag>>], &'a Model)>;

fn train_single(
    docs: &[Document],
    dev: Option<&[Document]>,
    opts: &TrainOptions,
    stage1: Stage1<'_>,
) -> (Model, Report) {
    let t0 = Instant::now();
    let folds = opts.gaz_folds.clamp(1, 8);
    let gaz_folds = fold_gazetteer(docs, folds);
    let mut gaz_final: PassMap<u8> = PassMap::default();
    for (k, m) in &gaz_folds {
        gaz_final.insert(*k, m.iter().fold(0, |a, b| a | b));
    }
    let (sent_feats, gold, counts) = token_features(docs, &gaz_folds, folds, stage1);
    let (data, keys) = feature_ids(sent_feats, counts, opts.min_count);
    let nrows = keys.len();
    let mut report = Report {
        sentences: data.len(),
        tokens: gold.iter().map(|g| g.len()).sum(),
        features: nrows,
        gazetteer: gaz_final.len(),
        ..Default::default()
    };
    if opts.verbose {
        eprintln!(
            "ner train: {} sentences, {} tokens, {} features, {} gazetteer entries ({:.1}s)",
            report.sentences,
            report.tokens,
            nrows,
            gaz_final.len(),
            t0.elapsed().as_secs_f64()
        );
    }
    let mut p = Perceptron::new(nrows);
    let mut rng = XorShift(opts.seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut scores: Vec<[f32; NL]> = Vec::new();
    let mut model = None;
    for epoch in 1..=opts.epochs {
        let te = Instant::now();
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let errors = p.epoch(&data, &gold, &order, opts.decode, &mut scores);
        let want_model = dev.is_some() || epoch == opts.epochs;
        let mut er = EpochReport {
            epoch,
            train_errors: errors,
            dev_f1: None,
            secs: 0.0,
        };
        if want_model {
            let m = p.average(&keys, &gaz_final, opts);
            if let Some(dd) = dev {
                let sc = dev_scores(dd, &m, stage1);
                er.dev_f1 = Some(sc.overall.f1());
                report.dev = Some(sc);
            }
            model = Some(m);
        }
        er.secs = te.elapsed().as_secs_f64();
        if opts.verbose {
            eprintln!(
                "ner train: epoch {epoch}: {errors} wrong sentences, dev F1 {}, {:.1}s",
                er.dev_f1
                    .map(|f| format!("{:.4}", f))
                    .unwrap_or_else(|| "-".into()),
                er.secs
            );
        }
        report.epochs.push(er);
    }
    let model = model.unwrap_or_else(|| p.average(&keys, &gaz_final, opts));
    report.model_rows = model.num_features();
    report.secs = t0.elapsed().as_secs_f64();
    (model, report)
}

/// The gazetteer per fold: the type mask of every entity token sequence, by the
/// fold of its document (`di % folds`), plus the "usually lowercase" lexicon (words
/// seen in lowercase at least three times, all folds: no labels used).
fn fold_gazetteer(docs: &[Document], folds: usize) -> PassMap<[u8; 8]> {
    let mut gaz_folds: PassMap<[u8; 8]> = PassMap::default();
    for (di, d) in docs.iter().enumerate() {
        for s in &d.sentences {
            for e in entities(&s.tags) {
                if e.end - e.start > GAZ_MAX_LEN {
                    continue;
                }
                let mut key = GAZ_SEED;
                for t in &s.tokens[e.start..e.end] {
                    key = gaz_step(key, token_hash(t));
                }
                gaz_folds.entry(key).or_default()[di % folds] |= 1 << e.kind.index();
            }
        }
    }
    let mut lower_counts: PassMap<u32> = PassMap::default();
    for d in docs {
        for s in &d.sentences {
            for t in &s.tokens {
                let ti = TokInfo::new(t);
                if ti.has_lower && !ti.first_upper {
                    *lower_counts.entry(ti.key).or_default() += 1;
                }
            }
        }
    }
    for (k, c) in &lower_counts {
        if *c >= 3 {
            let e = gaz_folds.entry(lex_key(*k)).or_default();
            for m in e.iter_mut() {
                *m |= LEX_LOWER;
            }
        }
    }
    gaz_folds
}

/// Per training sentence, the feature hashes of each token (gazetteer features from
/// the other folds; stacked features when `stage1` is given) and the gold label
/// indices, and how often each hash occurs.
#[allow(clippy::type_complexity)]
fn token_features(
    docs: &[Document],
    gaz_folds: &PassMap<[u8; 8]>,
    folds: usize,
    stage1: Stage1<'_>,
) -> (Vec<Vec<Vec<u64>>>, Vec<Vec<usize>>, PassMap<u32>) {
    let mut sent_feats: Vec<Vec<Vec<u64>>> = Vec::new();
    let mut gold: Vec<Vec<usize>> = Vec::new();
    let mut counts: PassMap<u32> = PassMap::default();
    let mut buf = FeatBuf::default();
    for (di, d) in docs.iter().enumerate() {
        let infos: Vec<Vec<TokInfo>> = d
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| TokInfo::new(t)).collect())
            .collect();
        let stats = DocStats::new(&infos);
        let nl = stage1.map(|(p, _)| NonLocal::new(&infos, &p[di]));
        let fg = FoldGaz {
            map: gaz_folds,
            fold: if folds > 1 { di % folds } else { usize::MAX },
        };
        for (si, (s, inf)) in d.sentences.iter().zip(&infos).enumerate() {
            let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
            let stacked = match (&nl, stage1) {
                (Some(nl), Some((p, _))) => Some((nl, p[di][si].as_slice())),
                _ => None,
            };
            sentence_features(&toks, inf, &stats, &fg, stacked, &mut buf);
            for h in &buf.feats {
                *counts.entry(*h).or_default() += 1;
            }
            sent_feats.push((0..buf.len()).map(|i| buf.token(i).to_vec()).collect());
            gold.push(s.tags.iter().map(|t| t.index()).collect());
        }
    }
    (sent_feats, gold, counts)
}

/// Replaces feature hashes by row ids, in order of first occurrence, dropping
/// hashes seen fewer than `min_count` times. Returns the sentences as ids and the
/// hash of each row.
#[allow(clippy::type_complexity)]
fn feature_ids(
    sent_feats: Vec<Vec<Vec<u64>>>,
    counts: PassMap<u32>,
    min_count: u32,
) -> (Vec<Vec<Vec<u32>>>, Vec<u64>) {
    let mut ids: PassMap<u32> = PassMap::default();
    let mut keys: Vec<u64> = Vec::new();
    let mut data: Vec<Vec<Vec<u32>>> = Vec::with_capacity(sent_feats.len());
    for s in sent_feats {
        let mut sd = Vec::with_capacity(s.len());
        for f in s {
            let mut v = Vec::with_capacity(f.len());
            for h in f {
                if counts[&h] < min_count {
                    continue;
                }
                let id = *ids.entry(h).or_insert_with(|| {
                    keys.push(h);
                    (keys.len() - 1) as u32
                });
                v.push(id);
            }
            sd.push(v);
        }
        data.push(sd);
    }
    (data, keys)
}

/// Dev scores of a freshly averaged model (with its first stage when stacked).
fn dev_scores(dev: &[Document], m: &Model, stage1: Stage1<'_>) -> NerScores {
    match stage1 {
        Some((_, m1)) => {
            let mut full = m.clone();
            full.set_first(m1.clone());
            eval_docs(dev, &full)
        }
        None => eval_docs(dev, m),
    }
}

/// Averaged perceptron: w current, u accumulates c·Δ; average = w − u/c. Rows are
/// feature ids, `NL` labels each; `tw`/`tu` are the transitions (row `NL`: start).
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    tw: [[f32; NL]; NL + 1],
    tu: [[f64; NL]; NL + 1],
    c: f64,
}

impl Perceptron {
    fn new(nrows: usize) -> Self {
        Perceptron {
            w: vec![0f32; nrows * NL],
            u: vec![0f64; nrows * NL],
            tw: [[0f32; NL]; NL + 1],
            tu: [[0f64; NL]; NL + 1],
            c: 1.0,
        }
    }

    /// One pass over the sentences in `order`: decode each, update on a wrong
    /// sequence. Returns the number of wrong sentences.
    fn epoch(
        &mut self,
        data: &[Vec<Vec<u32>>],
        gold: &[Vec<usize>],
        order: &[usize],
        decode: Decode,
        scores: &mut Vec<[f32; NL]>,
    ) -> usize {
        let mut errors = 0;
        for &si in order {
            let sd = &data[si];
            let g = &gold[si];
            scores.clear();
            for f in sd {
                let mut s = [0f32; NL];
                for &id in f {
                    let row = &self.w[id as usize * NL..id as usize * NL + NL];
                    for l in 0..NL {
                        s[l] += row[l];
                    }
                }
                scores.push(s);
            }
            let p = match decode {
                Decode::Viterbi => viterbi(scores, &self.tw),
                Decode::Greedy => greedy(scores, &self.tw),
            };
            if p != *g {
                errors += 1;
                self.update(sd, g, &p);
            }
            self.c += 1.0;
        }
        errors
    }

    /// Moves the weights of every wrong label and transition towards the gold ones.
    fn update(&mut self, sd: &[Vec<u32>], g: &[usize], p: &[usize]) {
        let c = self.c;
        for i in 0..g.len() {
            if p[i] != g[i] {
                for &id in &sd[i] {
                    let b = id as usize * NL;
                    self.w[b + g[i]] += 1.0;
                    self.u[b + g[i]] += c;
                    self.w[b + p[i]] -= 1.0;
                    self.u[b + p[i]] -= c;
                }
            }
            let gp = if i == 0 { NL } else { g[i - 1] };
            let pp = if i == 0 { NL } else { p[i - 1] };
            if (gp, g[i]) != (pp, p[i]) {
                self.tw[gp][g[i]] += 1.0;
                self.tu[gp][g[i]] += c;
                self.tw[pp][p[i]] -= 1.0;
                self.tu[pp][p[i]] -= c;
            }
        }
    }

    /// The averaged weights and transitions, written as a model by
    /// [`Model::from_weights`] (quantisation and pruning are the model format's).
    fn average(&self, keys: &[u64], gaz: &PassMap<u8>, opts: &TrainOptions) -> Model {
        let c = self.c;
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect();
        let mut trans = [[0f32; NL]; NL + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (l, t) in row.iter_mut().enumerate() {
                *t = (self.tw[p][l] as f64 - self.tu[p][l] / c) as f32;
            }
        }
        Model::from_weights(&avg, keys, trans, gaz.clone(), opts.decode, opts.prune)
    }
}

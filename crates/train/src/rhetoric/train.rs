//! Training the rhetoric model on the PTC train part: features of every article as
//! run time computes them (`unspin_rhetoric::features`), averaged perceptrons for the
//! sentence classifier, the two token taggers and the technique classifier, each
//! trained on 5 folds (stacked inputs cross-fitted, shipped tables the fold means),
//! thresholds and epochs chosen by cross-validation. Deterministic.

use super::ptc::{covered, f1, load, score_model, segmented, split, Article, PtcScores, SiSums};
use std::fmt::Write as _;
use std::path::Path;
use unspin_doc::Span;
use unspin_rhetoric::features::{
    calib_index, decode as decode_spans, fhash, sent_stack_features, stack_features, Prepared,
    SI_BITS, TC_BITS,
};
use unspin_rhetoric::model::Model;

/// The articles whose fold is not `k`.
fn outside_fold<'a>(feats: &'a [Feats], fold: &[u64], k: u64) -> Vec<&'a Feats> {
    feats
        .iter()
        .zip(fold)
        .filter(|x| *x.1 != k)
        .map(|x| x.0)
        .collect()
}

/// The best F1 of a binary decision "score above a threshold" over (score, label)
/// pairs, and that threshold.
fn best_f1(pairs: impl Iterator<Item = (f32, bool)>) -> (f64, f32) {
    let mut v: Vec<(f32, bool)> = pairs.collect();
    v.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pos = v.iter().filter(|x| x.1).count();
    let (mut tp, mut best) = (0usize, (0f64, f32::INFINITY));
    for (k, (sc, y)) in v.iter().enumerate() {
        tp += *y as usize;
        let f = f1(tp as f64 / (k + 1) as f64, tp as f64 / pos.max(1) as f64);
        if f > best.0 {
            best = (f, *sc);
        }
    }
    best
}

/// Linear scores of hashed feature rows under weights `w`.
fn margins(rows: &[Vec<u32>], w: &[f32]) -> Vec<f32> {
    rows.iter()
        .map(|x| x.iter().map(|j| w[*j as usize]).sum())
        .collect()
}

/// `acc += k * w` (`acc` grows to `w`'s length).
fn mean_into(acc: &mut Vec<f32>, w: &[f32], k: f32) {
    acc.resize(w.len(), 0.0);
    for (a, v) in acc.iter_mut().zip(w) {
        *a += k * v;
    }
}

/// Averaged perceptron weights (the "lazy average" trick: avg = w - u / c).
struct Avg {
    w: Vec<f32>,
    u: Vec<f64>,
    c: f64,
}

impl Avg {
    fn new(n: usize) -> Self {
        Avg {
            w: vec![0.0; n],
            u: vec![0.0; n],
            c: 1.0,
        }
    }
    fn add(&mut self, i: usize, d: f32) {
        self.w[i] += d;
        self.u[i] += self.c * d as f64;
    }
    fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| (*w as f64 - u / self.c) as f32)
            .collect()
    }
}

/// Deterministic shuffle (xorshift, fixed seed).
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// Precomputed features of one article.
struct Feats {
    /// Per sentence token range, shapes (for span trimming), token spans.
    sent_toks: Vec<(usize, usize)>,
    punct: Vec<bool>,
    toks: Vec<Span>,
    /// Token features (masked to SI_BITS) and gold in-span labels.
    tok: Vec<Vec<u32>>,
    y: Vec<bool>,
    /// Update weight of each token: 1 outside gold spans, 1/n inside a gold span of n
    /// tokens, so that every gold span weighs the same in training as in the metric's
    /// recall (else long spans dominate and short loaded words are under-learned).
    yw: Vec<f32>,
    /// Sentence token range of each token.
    sent: Vec<(usize, usize)>,
    /// Sentence index of each token.
    sent_of: Vec<usize>,
    /// Sentence features (masked to SI_BITS) and labels (overlaps a gold span).
    sents: Vec<Vec<u32>>,
    sent_y: Vec<bool>,
    /// Cross-fold sentence-classifier scores, filled in `train`.
    ss: Vec<f32>,
    /// Gold TC spans: features (masked to TC_BITS) and class.
    tc: Vec<(Vec<u32>, usize)>,
}

fn featurize(a: &Article) -> Feats {
    let d = segmented(&a.text);
    let p = Prepared::new(&d);
    let (sm, tm) = ((1u64 << SI_BITS) - 1, (1u64 << TC_BITS) - 1);
    let mut f = Vec::new();
    let mut tok = Vec::with_capacity(p.tokens().len());
    let mut y = Vec::with_capacity(p.tokens().len());
    let mut yw = Vec::with_capacity(p.tokens().len());
    for (i, t) in p.tokens().iter().enumerate() {
        p.token_features(i, &mut f);
        tok.push(f.iter().map(|h| (h & sm) as u32).collect());
        let mid = (t.start + t.end) / 2;
        let gold = a.si.iter().find(|g| g.start <= mid && mid < g.end);
        y.push(gold.is_some());
        yw.push(gold.map_or(1.0, |g| {
            let (i, j) = p.token_range(*g);
            1.0 / (j - i).max(1) as f32
        }));
    }
    let tc =
        a.tc.iter()
            .map(|(g, c)| {
                p.span_features(*g, &mut f);
                (f.iter().map(|h| (h & tm) as u32).collect(), *c)
            })
            .collect();
    Feats {
        sent_toks: p.sentences().to_vec(),
        punct: (0..p.tokens().len()).map(|i| p.is_punct(i)).collect(),
        toks: p.tokens().to_vec(),
        sent: (0..p.tokens().len()).map(|i| p.sentence_range(i)).collect(),
        sent_of: p.sentence_of().to_vec(),
        sents: (0..p.sentences().len())
            .map(|si| {
                p.sentence_features(si, &mut f);
                f.iter().map(|h| (h & sm) as u32).collect()
            })
            .collect(),
        sent_y: p
            .sentences()
            .iter()
            .map(|&(lo, hi)| (lo..hi).any(|i| y[i]))
            .collect(),
        ss: Vec::new(),
        yw,
        tok,
        y,
        tc,
    }
}

fn train_si(data: &[&Feats], epochs: usize, each: impl FnMut(usize, Vec<f32>)) {
    train_binary(data, false, epochs, each)
}

/// Binary averaged perceptron over tokens, or over sentences when `sentences`.
fn train_binary(
    data: &[&Feats],
    sentences: bool,
    epochs: usize,
    mut each: impl FnMut(usize, Vec<f32>),
) {
    let n = |f: &Feats| {
        if sentences {
            f.sents.len()
        } else {
            f.tok.len()
        }
    };
    let mut order: Vec<(usize, usize)> = data
        .iter()
        .enumerate()
        .flat_map(|(d, f)| (0..n(f)).map(move |i| (d, i)))
        .collect();
    let mut m = Avg::new(1 << SI_BITS);
    for e in 0..epochs {
        shuffle(&mut order, 0x5eed_0001 + e as u64 + 100 * sentences as u64);
        for &(d, i) in &order {
            let (x, y, k) = if sentences {
                (&data[d].sents[i], data[d].sent_y[i], 1.0)
            } else {
                (&data[d].tok[i], data[d].y[i], data[d].yw[i])
            };
            let s: f32 = x.iter().map(|j| m.w[*j as usize]).sum();
            let y = if y { 1.0 } else { -1.0 };
            if y * s <= 0.0 {
                for j in x {
                    m.add(*j as usize, k * y);
                }
            }
            m.c += 1.0;
        }
        each(e + 1, m.averaged());
    }
}

fn train_tc(data: &[&Feats], epochs: usize, mut each: impl FnMut(usize, Vec<f32>)) {
    let mut order: Vec<(usize, usize)> = data
        .iter()
        .enumerate()
        .flat_map(|(d, f)| (0..f.tc.len()).map(move |i| (d, i)))
        .collect();
    let mut m = Avg::new(14 << TC_BITS);
    for e in 0..epochs {
        shuffle(&mut order, 0x5eed_0002 + e as u64);
        for &(d, i) in &order {
            let (x, y) = &data[d].tc[i];
            let mut s = [0f32; 14];
            for j in x {
                for (c, v) in s.iter_mut().enumerate() {
                    *v += m.w[(c << TC_BITS) + *j as usize];
                }
            }
            let mut best = 0;
            for c in 1..14 {
                if s[c] > s[best] {
                    best = c;
                }
            }
            if best != *y {
                for j in x {
                    m.add((*y << TC_BITS) + *j as usize, 1.0);
                    m.add((best << TC_BITS) + *j as usize, -1.0);
                }
            }
            m.c += 1.0;
        }
        each(e + 1, m.averaged());
    }
}

/// SI spans from token margins and sentence scores (the decoding of `Model::spans`).
fn decode(f: &Feats, scores: &[f32], sent_th: f32) -> Vec<Span> {
    decode_spans(&f.sent_toks, |i| f.punct[i], &f.ss, scores, sent_th)
        .into_iter()
        .map(|(a, b, _, _)| Span::new(f.toks[a].start, f.toks[b - 1].end))
        .collect()
}

/// Sentence-score thresholds tried (above: the whole sentence is one span).
const SENT_GRID: [f32; 12] = [
    f32::INFINITY,
    16.0,
    12.0,
    10.0,
    9.0,
    8.0,
    7.0,
    6.0,
    5.0,
    4.0,
    2.0,
    0.0,
];

/// The token and sentence thresholds that give the best SI F1 for these token margins.
fn si_grid(raw: &[Vec<f32>], arts: &[&Article], feats: &[&Feats]) -> (f32, f32, f64) {
    let mut best = (0f32, f32::INFINITY, -1f64);
    for ts in SENT_GRID {
        for k in -40..=8 {
            let th = k as f32 * 0.5;
            let mut s = SiSums::default();
            for ((a, f), r) in arts.iter().zip(feats).zip(raw) {
                let sc: Vec<f32> = r.iter().map(|v| v - th).collect();
                s.add(a, &decode(f, &sc, ts));
            }
            let mut p = PtcScores::default();
            s.fill(&mut p);
            if p.si_f1 > best.2 {
                best = (th, ts, p.si_f1);
            }
        }
    }
    best
}

fn tc_eval(w: &[f32], feats: &[&Feats]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for f in feats {
        for (x, y) in &f.tc {
            let mut s = [0f32; 14];
            for j in x {
                for (c, v) in s.iter_mut().enumerate() {
                    *v += w[(c << TC_BITS) + *j as usize];
                }
            }
            let mut best = 0;
            for c in 1..14 {
                if s[c] > s[best] {
                    best = c;
                }
            }
            n += 1;
            ok += (best == *y) as usize;
        }
    }
    ok as f64 / n.max(1) as f64
}

/// The span-score table ([`Model::calib`]): the mean SI precision (share of the span's
/// characters inside gold spans) of the spans decoded from cross-fold scores, per kind
/// and margin bucket, each pulled towards the overall mean by two spans' weight.
fn calibrate(raw: &[Vec<f32>], arts: &[&Article], feats: &[&Feats], th: f32, ts: f32) -> [f32; 8] {
    let mut sum = [(0f64, 0usize); 8];
    for ((a, f), r) in arts.iter().zip(feats).zip(raw) {
        let sc: Vec<f32> = r.iter().map(|v| v - th).collect();
        let gold: Vec<(usize, usize)> = a.si.iter().map(|s| a.chars(*s)).collect();
        for (i, j, m, whole) in decode_spans(&f.sent_toks, |i| f.punct[i], &f.ss, &sc, ts) {
            let c = a.chars(Span::new(f.toks[i].start, f.toks[j - 1].end));
            let e = &mut sum[calib_index(m, whole)];
            e.0 += covered(c, &gold);
            e.1 += 1;
        }
    }
    let all =
        sum.iter().map(|x| x.0).sum::<f64>() / sum.iter().map(|x| x.1).sum::<usize>().max(1) as f64;
    sum.map(|(s, n)| ((s + 2.0 * all) / (n as f64 + 2.0)) as f32)
}

/// Trains the model on the train part of the PTC split ([`fit`]), writes it to `out` and
/// scores the held-out part; returns a report. Deterministic.
pub fn train(dir: &Path, out: &Path) -> Result<String, String> {
    let t0 = std::time::Instant::now();
    let (train, held) = split(load(dir)?);
    let mut rep = String::new();
    let _ = writeln!(
        rep,
        "PTC {}: {} train-part articles, {} held out",
        dir.display(),
        train.len(),
        held.len()
    );
    let model = fit(&train, &mut rep);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let _ = writeln!(
        rep,
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    let h = score_model(&model, &held);
    let _ = writeln!(
        rep,
        "held-out ({} articles): SI P {:.4} R {:.4} F1 {:.4}; TC micro-F1 {:.4}",
        h.articles,
        h.si_p,
        h.si_r,
        h.si_f1,
        h.tc_f1()
    );
    Ok(rep)
}

/// K-fold cross-validation over every article in `dir` (folds by a hash of the id):
/// each fold is scored by a model [`fit`] on the others, and the sums pooled. A
/// steadier estimate than the 52 held-out articles alone, for comparing variants.
pub fn cross_validate(dir: &Path, folds: u64) -> Result<PtcScores, String> {
    let arts = load(dir)?;
    let mut out = PtcScores::default();
    let (mut p, mut r) = (0f64, 0f64);
    for k in 0..folds {
        let (test, train): (Vec<&Article>, Vec<&Article>) =
            arts.iter().partition(|a| fhash("cv", &a.id) % folds == k);
        let train: Vec<Article> = train.into_iter().cloned().collect();
        let test: Vec<Article> = test.into_iter().cloned().collect();
        let model = fit(&train, &mut String::new());
        let s = score_model(&model, &test);
        p += s.si_p * s.si_pred as f64;
        r += s.si_r * s.si_gold as f64;
        out.articles += s.articles;
        out.si_pred += s.si_pred;
        out.si_gold += s.si_gold;
        out.tc_correct += s.tc_correct;
        out.tc_total += s.tc_total;
    }
    out.si_p = p / out.si_pred.max(1) as f64;
    out.si_r = r / out.si_gold.max(1) as f64;
    out.si_f1 = f1(out.si_p, out.si_r);
    Ok(out)
}

/// Stage-2 SI epochs tried (the best by cross-fold SI F1 is shipped).
const MAX_EPOCHS: usize = 25;
/// Stage-1 token-tagger epochs.
const SI1_EPOCHS: usize = 2;
/// Sentence-classifier epochs.
const SENT_EPOCHS: usize = 3;
/// TC epochs tried (the best by 5-fold CV accuracy is shipped).
const TC_EPOCHS: usize = 30;

/// Fits the model on `train`, appending what it chose to `rep`. Every stage is trained
/// on 5 folds; the stage-2 epochs and the token and sentence thresholds are those with
/// the best SI F1 on the fold models' scores, the TC epochs those with the best 5-fold
/// accuracy; the shipped tables are the fold models' means.
pub fn fit(train: &[Article], rep: &mut String) -> Model {
    let mut feats: Vec<Feats> = train.iter().map(featurize).collect();
    // Every stage is trained on five folds: each article's stacked inputs come from
    // models that did not see it, and the shipped weights are the mean of the five fold
    // models, so that scores at run time have the scale the next stage was trained on.
    let fold: Vec<u64> = train.iter().map(|a| fhash("fold", &a.id) % 5).collect();
    let (si1, s1x) = fit_stage1(&mut feats, &fold);
    let sent = fit_sentences(&mut feats, &fold, &s1x, rep);
    let (si, best_si, calib) = fit_stage2(&feats, &fold, train, rep);
    let (tc, best_tc) = fit_tc(&feats, &fold, rep);
    let info = format!(
        "PTC train part ({} articles, split by hash of id); sentence epochs={}, SI stage-1 epochs={}, stage-2 epochs={} threshold={} sentence threshold={} (5-fold CV F1 {:.4}); TC epochs={} (5-fold CV micro-F1 {:.4}); SI_BITS={SI_BITS} TC_BITS={TC_BITS}",
        train.len(),
        SENT_EPOCHS,
        SI1_EPOCHS,
        best_si.0,
        best_si.1,
        best_si.2,
        best_si.3,
        best_tc.0,
        best_tc.1
    );
    let _ = writeln!(rep, "{info}");
    Model {
        sent,
        si: si1,
        si2: si,
        tc,
        threshold: best_si.1,
        sent_threshold: best_si.2,
        calib,
        info,
    }
}

/// Stage 1: the token tagger on 5 folds. Every article gets the margins of the fold
/// model that did not see it, and its sentences the stacked features made from them.
/// Returns the shipped table (the fold models' mean) and the cross-fold margins.
fn fit_stage1(feats: &mut [Feats], fold: &[u64]) -> (Vec<f32>, Vec<Vec<f32>>) {
    let sm = (1u64 << SI_BITS) - 1;
    // Cross-fold stage-1 scores; their sentence aggregates feed the sentence classifier.
    let mut s1x: Vec<Vec<f32>> = vec![Vec::new(); feats.len()];
    let mut si1_mean = Vec::new();
    for k in 0..5 {
        let tr = outside_fold(feats, fold, k);
        let mut w1 = Vec::new();
        train_si(&tr, SI1_EPOCHS, |e, w| {
            if e == SI1_EPOCHS {
                w1 = w
            }
        });
        mean_into(&mut si1_mean, &w1, 0.2);
        for (d, f) in feats.iter().enumerate().filter(|(d, _)| fold[*d] == k) {
            s1x[d] = margins(&f.tok, &w1);
        }
    }
    let mut h = Vec::new();
    for (f, s1) in feats.iter_mut().zip(&s1x) {
        for (k, x) in f.sents.iter_mut().enumerate() {
            h.clear();
            sent_stack_features(s1, &f.sent_toks, k, &mut h);
            x.extend(h.iter().map(|v| (v & sm) as u32));
        }
    }
    (si1_mean, s1x)
}

/// The sentence classifier on 5 folds. Every article gets the cross-fold sentence
/// scores (`Feats::ss`) and its tokens the stage-2 stacked features (from those and
/// the stage-1 margins `s1x`). Reports the classifier's best CV F1; returns the
/// shipped table.
fn fit_sentences(
    feats: &mut [Feats],
    fold: &[u64],
    s1x: &[Vec<f32>],
    rep: &mut String,
) -> Vec<f32> {
    let sm = (1u64 << SI_BITS) - 1;
    let mut stacks: Vec<Vec<Vec<u32>>> = vec![Vec::new(); feats.len()];
    let mut sscores: Vec<Vec<f32>> = vec![Vec::new(); feats.len()];
    let mut sent_mean = Vec::new();
    let mut h = Vec::new();
    for k in 0..5 {
        let tr = outside_fold(feats, fold, k);
        let mut ws = Vec::new();
        train_binary(&tr, true, SENT_EPOCHS, |e, w| {
            if e == SENT_EPOCHS {
                ws = w
            }
        });
        mean_into(&mut sent_mean, &ws, 0.2);
        for (d, f) in feats.iter().enumerate().filter(|(d, _)| fold[*d] == k) {
            let s1 = &s1x[d];
            let ss = margins(&f.sents, &ws);
            stacks[d] = (0..f.tok.len())
                .map(|i| {
                    h.clear();
                    stack_features(s1, ss[f.sent_of[i]], f.sent[i], i, &mut h);
                    h.iter().map(|x| (x & sm) as u32).collect()
                })
                .collect();
            sscores[d] = ss;
        }
    }
    let (f1s, th) = best_f1(
        feats
            .iter()
            .zip(&sscores)
            .flat_map(|(f, ss)| ss.iter().copied().zip(f.sent_y.iter().copied())),
    );
    let _ = writeln!(
        rep,
        "  sentence classifier (sentence overlaps a gold span): 5-fold CV best F1 {f1s:.4} at score {th:.1}"
    );
    for (f, ss) in feats.iter_mut().zip(sscores) {
        f.ss = ss;
    }
    for (f, st) in feats.iter_mut().zip(stacks) {
        for (t, s) in f.tok.iter_mut().zip(st) {
            t.extend(s);
        }
    }
    sent_mean
}

/// Stage 2: the token tagger on the stacked features, 5 folds, up to [`MAX_EPOCHS`].
/// The epoch and the token and sentence thresholds are those with the best SI F1 on
/// cross-fold scores of the whole train part (every article scored by a stage 2 that
/// did not see it). Returns the shipped table at that epoch, (epoch, token threshold,
/// sentence threshold, F1) and the span-score table.
#[allow(clippy::type_complexity)]
fn fit_stage2(
    feats: &[Feats],
    fold: &[u64],
    train: &[Article],
    rep: &mut String,
) -> (Vec<f32>, (usize, f32, f32, f64), [f32; 8]) {
    let mut raw: Vec<Vec<Vec<f32>>> = vec![vec![Vec::new(); feats.len()]; MAX_EPOCHS];
    let mut si2_mean: Vec<Vec<f32>> = vec![Vec::new(); MAX_EPOCHS];
    for k in 0..5 {
        let tr = outside_fold(feats, fold, k);
        train_si(&tr, MAX_EPOCHS, |e, w| {
            mean_into(&mut si2_mean[e - 1], &w, 0.2);
            for (d, f) in feats.iter().enumerate().filter(|(d, _)| fold[*d] == k) {
                raw[e - 1][d] = margins(&f.tok, &w);
            }
        });
    }
    let arts: Vec<&Article> = train.iter().collect();
    let all_f: Vec<&Feats> = feats.iter().collect();
    let mut best_si = (0usize, 0f32, f32::INFINITY, -1f64);
    for (e, r) in raw.iter().enumerate() {
        let e = e + 1;
        let (th, ts, f1) = si_grid(r, &arts, &all_f);
        let _ = writeln!(
            rep,
            "  SI epoch {e}: 5-fold CV F1 {f1:.4} at threshold {th}, sentence threshold {ts}"
        );
        if f1 > best_si.3 {
            best_si = (e, th, ts, f1);
        }
    }
    let calib = calibrate(&raw[best_si.0 - 1], &arts, &all_f, best_si.1, best_si.2);
    let _ = writeln!(
        rep,
        "  span scores (cross-fold SI precision; runs, then whole sentences, by margin <2, 2-5, 5-10, 10+): {:.3?}",
        calib
    );
    let si = std::mem::take(&mut si2_mean[best_si.0 - 1]);
    (si, best_si, calib)
}

/// TC: the technique classifier on 5 folds, up to [`TC_EPOCHS`]; the epoch is the
/// one with the best 5-fold CV accuracy. Returns the shipped table at that epoch and
/// (epoch, accuracy).
fn fit_tc(feats: &[Feats], fold: &[u64], rep: &mut String) -> (Vec<f32>, (usize, f64)) {
    let mut cv = vec![(0usize, 0usize); TC_EPOCHS];
    let mut tc_mean: Vec<Vec<f32>> = vec![Vec::new(); TC_EPOCHS];
    for k in 0..5 {
        let tr = outside_fold(feats, fold, k);
        let dv: Vec<&Feats> = feats
            .iter()
            .zip(fold)
            .filter(|x| *x.1 == k)
            .map(|x| x.0)
            .collect();
        let n: usize = dv.iter().map(|f| f.tc.len()).sum();
        train_tc(&tr, TC_EPOCHS, |e, w| {
            mean_into(&mut tc_mean[e - 1], &w, 0.2);
            cv[e - 1].0 += (tc_eval(&w, &dv) * n as f64).round() as usize;
            cv[e - 1].1 += n;
        });
    }
    let mut best_tc = (0usize, -1f64);
    for (e, (ok, n)) in cv.iter().enumerate() {
        let acc = *ok as f64 / (*n).max(1) as f64;
        let _ = writeln!(rep, "  TC epoch {}: 5-fold CV micro-F1 {acc:.4}", e + 1);
        if acc > best_tc.1 {
            best_tc = (e + 1, acc);
        }
    }
    let tc = std::mem::take(&mut tc_mean[best_tc.0 - 1]);
    (tc, best_tc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rhetoric::testdata::ptc_dir;

    #[test]
    fn span_scores_are_the_precision_their_bucket_had() {
        let text = "They are vile, and the plan will destroy every town we love.\n";
        let dir = ptc_dir("c", &["8"], text);
        // Gold: "vile" only.
        std::fs::write(dir.join("labels-si/article8.task1-SI.labels"), "8\t9\t13\n").unwrap();
        let arts = load(&dir).unwrap();
        let mut f = featurize(&arts[0]);
        f.ss = vec![f32::NEG_INFINITY; f.sent_toks.len()];
        let at = |w: &str| {
            let b = text.find(w).unwrap();
            f.toks.iter().position(|t| t.start == b).unwrap()
        };
        // "vile": a run of margin 3 inside gold; "town": a run of margin 12 outside it.
        let mut raw = vec![-1.0f32; f.toks.len()];
        raw[at("vile")] = 3.0;
        raw[at("town")] = 12.0;
        let c = calibrate(&[raw], &[&arts[0]], &[&f], 0.0, f32::INFINITY);
        // Overall mean 0.5; each bucket pulled towards it by two spans' weight.
        let want = [0.5, 2.0 / 3.0, 0.5, 1.0 / 3.0, 0.5, 0.5, 0.5, 0.5];
        for (got, want) in c.iter().zip(want) {
            assert!((got - want).abs() < 1e-6, "{c:?}");
        }
    }

    #[test]
    fn every_gold_span_weighs_one_in_token_training() {
        let text = "They are vile, and the plan will destroy every town we love.\n";
        let dir = ptc_dir("w", &["7"], text);
        // "vile" (1 token) and "will destroy every town we love" (6 tokens).
        std::fs::write(
            dir.join("labels-si/article7.task1-SI.labels"),
            "7\t9\t13\n7\t28\t59\n",
        )
        .unwrap();
        let arts = load(&dir).unwrap();
        let f = featurize(&arts[0]);
        let inside: Vec<f32> =
            f.yw.iter()
                .zip(&f.y)
                .filter(|x| *x.1)
                .map(|x| *x.0)
                .collect();
        assert_eq!(inside.len(), 7, "{:?}", f.y);
        assert_eq!(inside[0], 1.0);
        assert!(
            inside[1..].iter().all(|w| (w - 1.0 / 6.0).abs() < 1e-6),
            "{inside:?}"
        );
        let outside = f.yw.iter().zip(&f.y).filter(|x| !*x.1);
        assert!(outside.into_iter().all(|x| *x.0 == 1.0));
    }
}

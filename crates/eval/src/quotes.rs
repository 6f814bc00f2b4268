//! Quotation extraction scored on PolNeAR attribution relations.
//!
//! Data: `DIR/polnear-train.tar.gz` (read in memory with `flate2` and a tiny tar
//! reader; nothing is unpacked to disk), or an unpacked `DIR/polnear-train/` or a
//! `DIR` holding `text/` and `attributions/`. One annotation file per article (the
//! first annotator in name order); articles whose file has no relation are skipped.
//!
//! Gold classes of a `Content` span (its outer extent, earliest segment start to latest
//! segment end, trimmed of whitespace):
//! - **direct**: the text starts with an opening double mark (`"`, `“`, `„`, `«`, `‘`,
//!   or the archive style's two ASCII characters `''` and ``` `` ```) and, after
//!   trailing punctuation, ends with a closing one; or it is wholly enclosed by marks
//!   just outside it (annotator left the marks out);
//! - **mixed**: any other content holding a double mark (paraphrase with an
//!   embedded fragment, `said that he is "a great thing."`);
//! - **indirect**: everything else. Indirect scoring uses indirect + mixed gold.
//!
//! Predictions: quotes of kind direct/partial/block are "direct". Consecutive ones
//! sharing a cue form one *unit* when the cue lies between them (a quote split by a
//! mid attribution, which PolNeAR annotates as ONE discontinuous Content) or only
//! marks and space separate them (a quote run over paragraphs), and the first part is
//! not partial. A gold content is matched against units first, then against the
//! single parts of unmatched units (annotators sometimes split them). Precision counts
//! quotes: a part is right when its unit, or the part alone, matched. Predicted units
//! lying inside a gold *mixed* content are not counted (neither right nor wrong): the
//! fragment is quoted, the gold only annotates the paraphrase around it. The
//! `direct-a` row counts only predicted quotes with a cue or speaker (PolNeAR relations
//! always have a cue). Indirect = kind indirect.
//!
//! Matching, 1:1 greedy: **exact** = equal spans after trimming whitespace, quote
//! marks and punctuation from both ends (and a leading "that" for indirect);
//! **partial** = the word tokens shared cover ≥ 50% of both. Speaker accuracy, over
//! direct units that match a gold content (partial match): the predicted speaker span
//! overlaps the gold Source span, or resolves to an entity with a mention overlapping
//! it; a gold content without Source counts as correct when no speaker is predicted.

use std::fmt;
use std::path::Path;

use rayon::prelude::*;
use unspin_doc::{Doc, QuoteKind, Span};
use unspin_pipeline::{analyze_text, Options};

/// Counts for one class (direct or indirect).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub gold: usize,
    pub pred: usize,
    pub gold_exact: usize,
    pub pred_exact: usize,
    pub gold_partial: usize,
    pub pred_partial: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Prf {
    /// (precision, recall, F1) with exact matching.
    pub fn exact(&self) -> (f64, f64, f64) {
        let p = ratio(self.pred_exact, self.pred);
        let r = ratio(self.gold_exact, self.gold);
        (p, r, f1(p, r))
    }
    /// (precision, recall, F1) with partial (token overlap ≥ 50% of both) matching.
    pub fn partial(&self) -> (f64, f64, f64) {
        let p = ratio(self.pred_partial, self.pred);
        let r = ratio(self.gold_partial, self.gold);
        (p, r, f1(p, r))
    }
    fn add(&mut self, o: &Prf) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.gold_exact += o.gold_exact;
        self.pred_exact += o.pred_exact;
        self.gold_partial += o.gold_partial;
        self.pred_partial += o.pred_partial;
    }
}

/// Scores over a set of articles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Split {
    pub articles: usize,
    pub direct: Prf,
    /// Direct, counting only predicted quotes with a cue or speaker.
    pub direct_attributed: Prf,
    pub indirect: Prf,
    pub speaker_correct: usize,
    pub speaker_total: usize,
}

impl Split {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_total)
    }
    fn add(&mut self, o: &Split) {
        self.articles += o.articles;
        self.direct.add(&o.direct);
        self.direct_attributed.add(&o.direct_attributed);
        self.indirect.add(&o.indirect);
        self.speaker_correct += o.speaker_correct;
        self.speaker_total += o.speaker_total;
    }
    fn json(&self) -> serde_json::Value {
        let prf = |p: &Prf| {
            let (ep, er, ef) = p.exact();
            let (pp, pr, pf) = p.partial();
            serde_json::json!({
                "gold": p.gold, "pred": p.pred,
                "exact": {"precision": ep, "recall": er, "f1": ef},
                "partial": {"precision": pp, "recall": pr, "f1": pf},
            })
        };
        serde_json::json!({
            "articles": self.articles,
            "direct": prf(&self.direct),
            "direct_attributed": prf(&self.direct_attributed),
            "indirect": prf(&self.indirect),
            "speaker": {"correct": self.speaker_correct, "total": self.speaker_total, "accuracy": self.speaker_accuracy()},
        })
    }
}

/// The quote evaluation: all articles, and the halves by sorted index (even = tuning
/// half, odd = check half).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteEval {
    pub all: Split,
    pub even: Split,
    pub odd: Split,
}

impl QuoteEval {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "dataset": "polnear-train",
            "all": self.all.json(),
            "even": self.even.json(),
            "odd": self.odd.json(),
        })
    }
}

impl fmt::Display for QuoteEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PolNeAR (train) quotations: content spans and speakers")?;
        header(f, 6, "split")?;
        for (name, s) in [("all", &self.all), ("even", &self.even), ("odd", &self.odd)] {
            split_rows(f, 6, name, s)?;
        }
        write!(
            f,
            "P/R/F1: exact span match after trimming marks and punctuation; ~: token overlap >= 50% of both.\n\
             direct-a: the same, counting only predicted quotes with a cue or speaker.\n\
             speaker: share of matched direct quotes whose speaker overlaps the gold source."
        )
    }
}

/// Runs the evaluation on every article under `dir`.
pub fn evaluate(dir: &Path) -> Result<QuoteEval, String> {
    evaluate_limit(dir, None)
}

/// Like [`evaluate`], on the first `limit` articles (sorted by name) when given.
/// With `UNSPIN_EVAL_DUMP=FILE` set, writes the misses, false positives and wrong
/// speakers of the even (tuning) half to FILE, for error analysis (`IMISS`: an indirect
/// gold span nothing overlaps, with the words around it, where the cue usually is).
pub fn evaluate_limit(dir: &Path, limit: Option<usize>) -> Result<QuoteEval, String> {
    let articles = unspin_train::quotes::polnear::load(dir)?;
    let dump = std::env::var("UNSPIN_EVAL_DUMP").ok();
    let mut dump_out = String::new();
    let mut ev = QuoteEval::default();
    for (idx, a) in articles.iter().enumerate() {
        if limit.is_some_and(|l| idx >= l) {
            break;
        }
        let (art, text) = (&a.name, &a.text);
        let gold = parse_ann(text, &a.ann);
        if gold.is_empty() {
            continue;
        }
        let doc = analyze_text(
            art,
            text,
            Options {
                clean: false,
                rhetoric: false,
                ..Options::default()
            },
        )
        .map_err(|e| e.to_string())?;
        if doc.text != *text {
            return Err(format!(
                "{art}: the pipeline changed the text with clean=false"
            ));
        }
        // The dump (for tuning) only shows the even half.
        let s = score(
            &doc,
            &gold,
            dump.as_ref()
                .filter(|_| idx % 2 == 0)
                .map(|_| (&mut dump_out, art.as_str())),
        );
        ev.all.add(&s);
        if idx % 2 == 0 {
            ev.even.add(&s);
        } else {
            ev.odd.add(&s);
        }
    }
    if let Some(p) = dump {
        let _ = std::fs::write(p, dump_out);
    }
    Ok(ev)
}

/// Cross-validation of the whole attribution recipe on PolNeAR: every article scored
/// by a model trained (with `opts`) on the other folds; `curve` holds the scores of
/// models trained on the first fraction of each training part (a learning curve).
#[derive(Debug, Clone, Default)]
pub struct CvEval {
    pub folds: usize,
    pub all: Split,
    /// (fraction of the training part, scores over every article).
    pub curve: Vec<(f64, Split)>,
    /// Rules alone on the same articles (the model switched off).
    pub rules: Split,
}

impl CvEval {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "dataset": "polnear-train",
            "folds": self.folds,
            "model": self.all.json(),
            "rules": self.rules.json(),
            "curve": self.curve.iter().map(|(f, s)| serde_json::json!({"fraction": f, "scores": s.json()})).collect::<Vec<_>>(),
        })
    }
}

/// The column header of a score table whose first column is `w` wide.
fn header(f: &mut fmt::Formatter<'_>, w: usize, first: &str) -> fmt::Result {
    writeln!(
        f,
        "{:<w$} {:>5} {:<9} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>8}",
        first, "arts", "class", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~", "speaker"
    )
}

/// The three class rows (direct, direct-a, indirect) of one set of scores.
fn split_rows(f: &mut fmt::Formatter<'_>, w: usize, name: &str, s: &Split) -> fmt::Result {
    for (class, p) in [
        ("direct", &s.direct),
        ("direct-a", &s.direct_attributed),
        ("indirect", &s.indirect),
    ] {
        let (ep, er, ef) = p.exact();
        let (pp, pr, pf) = p.partial();
        let spk = if class == "direct" {
            format!("{:.3}", s.speaker_accuracy())
        } else {
            String::from("-")
        };
        writeln!(
            f,
            "{:<w$} {:>5} {:<9} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}  {:>8}",
            name, s.articles, class, p.gold, p.pred, ep, er, ef, pp, pr, pf, spk
        )?;
    }
    Ok(())
}

impl fmt::Display for CvEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR (train) quotations, {}-fold cross-validation of the attribution model",
            self.folds
        )?;
        header(f, 10, "run")?;
        split_rows(f, 10, "rules", &self.rules)?;
        split_rows(f, 10, "model", &self.all)?;
        for (frac, s) in &self.curve {
            split_rows(f, 10, &format!("train {:.0}%", frac * 100.0), s)?;
        }
        write!(
            f,
            "rules: the rule detector alone; model: what analyze reports, each fold scored by a model\n\
             trained on the other folds; train N%: the same with N% of each training part.\n\
             P/R/F1: exact span match after trimming marks and punctuation; ~: token overlap >= 50% of both."
        )
    }
}

/// Runs the cross-validation (see [`CvEval`]); `fractions` below 1 add learning-curve
/// rows. With `UNSPIN_EVAL_DUMP=FILE`, writes the held-out misses of every fold.
pub fn cross_validate(
    dir: &Path,
    folds: usize,
    opts: &unspin_train::quotes::TrainOptions,
    fractions: &[f64],
) -> Result<CvEval, String> {
    use unspin_train::quotes::{prepare, train_docs};
    if folds < 2 {
        return Err(format!("--cv needs at least 2 folds, got {folds}"));
    }
    let data = prepare(dir)?;
    let golds: Vec<Vec<GoldContent>> = data
        .iter()
        .map(|(a, _, _)| parse_ann(&a.text, &a.ann))
        .collect();
    let dump = std::env::var("UNSPIN_EVAL_DUMP").ok();
    let mut dump_out = String::new();
    let mut ev = CvEval {
        folds,
        ..Default::default()
    };
    for ((_, doc, _), gold) in data.iter().zip(&golds) {
        if !gold.is_empty() {
            ev.rules.add(&score(doc, gold, None));
        }
    }
    let mut runs: Vec<f64> = fractions.iter().copied().filter(|f| *f < 1.0).collect();
    runs.push(1.0);
    for frac in runs {
        // Folds are independent: scored in parallel, summed in fold order.
        let results: Vec<(Split, String)> = (0..folds)
            .into_par_iter()
            .map(|fold| {
                let train_idx: Vec<usize> = (0..data.len()).filter(|i| i % folds != fold).collect();
                let take = ((train_idx.len() as f64 * frac).round() as usize).max(1);
                let refs: Vec<_> = train_idx[..take.min(train_idx.len())]
                    .iter()
                    .map(|&i| (&data[i].1, &data[i].2[..]))
                    .collect();
                let model = train_docs(&refs, opts, "cross-validation fold")?;
                let mut split = Split::default();
                let mut log = String::new();
                for i in (0..data.len()).filter(|i| i % folds == fold) {
                    if golds[i].is_empty() {
                        continue;
                    }
                    let mut doc = data[i].1.clone();
                    unspin_quotes::detect_with(&mut doc, Some(&model));
                    let want_dump = dump.is_some() && frac >= 1.0;
                    let s = score(
                        &doc,
                        &golds[i],
                        want_dump.then_some((&mut log, data[i].0.name.as_str())),
                    );
                    split.add(&s);
                }
                Ok((split, log))
            })
            .collect::<Result<_, String>>()?;
        let mut split = Split::default();
        for (s, log) in results {
            split.add(&s);
            dump_out.push_str(&log);
        }
        if frac >= 1.0 {
            ev.all = split;
        } else {
            ev.curve.push((frac, split));
        }
    }
    if let Some(p) = dump {
        let _ = std::fs::write(p, dump_out);
    }
    Ok(ev)
}

/// Class of a gold content span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldClass {
    Direct,
    Mixed,
    Indirect,
}

/// One gold Content with its Source.
#[derive(Debug, Clone)]
pub struct GoldContent {
    /// Byte span: earliest segment start to latest segment end.
    pub span: Span,
    pub class: GoldClass,
    pub source: Vec<Span>,
}

const OPEN: &[char] = &['"', '“', '„', '«', '‘'];
const CLOSE: &[char] = &['"', '”', '“', '»', '’'];
const MARKS: &[char] = &['"', '“', '”', '„', '«', '»'];
/// Opening double marks typed as two ASCII characters (archive and wire text:
/// `''quoted''`, TeX-style ``` ``quoted'' ```), and the closing one.
const OPEN2: [&str; 2] = ["''", "``"];
const CLOSE2: &str = "''";

/// Classifies a content span (see the module doc).
pub fn classify(text: &str, span: Span) -> GoldClass {
    let s = text[span.start..span.end].trim();
    let body = s.trim_end_matches([',', '.', ';', ':', '!', '?', '—', '–', '-', ')', ' ']);
    let starts = s.starts_with(OPEN) || OPEN2.iter().any(|m| s.starts_with(m));
    let ends = body.ends_with(CLOSE)
        || s.ends_with(CLOSE)
        || body.ends_with(CLOSE2)
        || s.ends_with(CLOSE2);
    if starts && ends && s.chars().count() > 1 {
        return GoldClass::Direct;
    }
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    let enclosed = (before.ends_with(OPEN) || OPEN2.iter().any(|m| before.ends_with(m)))
        && (after.starts_with(CLOSE) || after.starts_with(CLOSE2));
    let marked = s.contains(MARKS) || s.contains("''") || s.contains("``");
    if enclosed && !marked {
        return GoldClass::Direct;
    }
    if marked {
        GoldClass::Mixed
    } else {
        GoldClass::Indirect
    }
}

/// Gold contents (byte spans) of a brat `.ann` file (character offsets), read by the
/// one PolNeAR reader (`unspin_train::quotes::polnear::relations`).
pub fn parse_ann(text: &str, ann: &str) -> Vec<GoldContent> {
    unspin_train::quotes::polnear::relations(text, ann)
        .into_iter()
        .filter_map(|r| {
            // Segments may be listed out of text order.
            let start = r.content.iter().map(|x| x.start).min()?;
            let end = r.content.iter().map(|x| x.end).max().unwrap_or(start);
            let span = Span::new(start, end);
            if text[span.start..span.end].trim().is_empty() {
                return None;
            }
            Some(GoldContent {
                span,
                class: classify(text, span),
                source: r.source,
            })
        })
        .collect()
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '$' | '%' | '#' | '@' | '&'))
}

/// Trims whitespace, quote marks and punctuation from both ends (and a leading
/// "that " when `that` is set).
pub fn normalise(text: &str, span: Span, that: bool) -> Span {
    let mut a = span.start;
    let mut b = span.end.min(text.len()).max(a);
    loop {
        let s = &text[a..b];
        let t = s.trim_start_matches(is_trim);
        a += s.len() - t.len();
        let s = &text[a..b];
        let t = s.trim_end_matches(is_trim);
        b = a + t.len();
        if that && text[a..b].len() > 5 && text[a..b].to_lowercase().starts_with("that ") {
            a += 5;
            continue;
        }
        break;
    }
    Span::new(a, b)
}

/// Word-token starts of `text` (for overlap matching).
fn token_starts(text: &str) -> Vec<usize> {
    let mut v = vec![];
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let a = c.is_alphanumeric();
        if a && !prev_alnum {
            v.push(i);
        }
        prev_alnum = a;
    }
    v
}

fn tokens_in(starts: &[usize], s: Span) -> usize {
    let a = starts.partition_point(|&x| x < s.start);
    let b = starts.partition_point(|&x| x < s.end);
    b.saturating_sub(a)
}

/// True when the shared tokens cover at least half of both spans.
pub fn overlap_match(starts: &[usize], a: Span, b: Span) -> bool {
    let inter = Span::new(
        a.start.max(b.start),
        a.end.min(b.end).max(a.start.max(b.start)),
    );
    let ta = tokens_in(starts, a).max(1);
    let tb = tokens_in(starts, b).max(1);
    let ti = tokens_in(starts, inter);
    ti * 2 >= ta && ti * 2 >= tb && ti > 0
}

/// 1:1 greedy matching; returns (gold matched, pred matched) flags.
pub fn match_spans(
    starts: &[usize],
    gold: &[Span],
    pred: &[Span],
    exact: bool,
) -> (Vec<bool>, Vec<bool>) {
    let mut gm = vec![false; gold.len()];
    let mut pm = vec![false; pred.len()];
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if pm[pi] {
                continue;
            }
            let ok = if exact {
                g == p
            } else {
                overlap_match(starts, *g, *p)
            };
            if ok {
                gm[gi] = true;
                pm[pi] = true;
                break;
            }
        }
    }
    (gm, pm)
}

/// Matches gold spans against predicted units (a unit: a quote and the parts that
/// continue it); a gold span left over may match one part of a unit alone. Returns
/// the gold flags and, per unit, the flags of its parts.
pub fn match_groups(
    starts: &[usize],
    gold: &[Span],
    units: &[Span],
    parts: &[Vec<Span>],
    exact: bool,
) -> (Vec<bool>, Vec<Vec<bool>>) {
    let (mut gm, um) = match_spans(starts, gold, units, exact);
    let mut pm: Vec<Vec<bool>> = parts
        .iter()
        .zip(&um)
        .map(|(p, &u)| vec![u; p.len()])
        .collect();
    for (gi, g) in gold.iter().enumerate() {
        if gm[gi] {
            continue;
        }
        'units: for (ui, p) in parts.iter().enumerate() {
            if um[ui] || p.len() < 2 {
                continue;
            }
            for (k, span) in p.iter().enumerate() {
                if pm[ui][k] {
                    continue;
                }
                let ok = if exact {
                    g == span
                } else {
                    overlap_match(starts, *g, *span)
                };
                if ok {
                    gm[gi] = true;
                    pm[ui][k] = true;
                    break 'units;
                }
            }
        }
    }
    (gm, pm)
}

/// A predicted unit: quote indices (into doc.quotes) and its span.
struct Unit {
    members: Vec<usize>,
    span: Span,
}

/// The direct quotes of one article, gold and predicted, normalised for matching.
struct Direct<'g> {
    /// Gold direct quotes.
    gold: Vec<&'g GoldContent>,
    /// Their normalised spans.
    g_spans: Vec<Span>,
    /// Predicted units (not inside a mixed gold quote).
    units: Vec<Unit>,
    /// The units' normalised spans.
    p_spans: Vec<Span>,
    /// The normalised spans of each unit's quotes.
    groups: Vec<Vec<Span>>,
}

/// Flags of [`match_groups`], exact and partial.
struct GroupMatch {
    gold_exact: Vec<bool>,
    pred_exact: Vec<Vec<bool>>,
    gold_partial: Vec<bool>,
    pred_partial: Vec<Vec<bool>>,
}

/// Indirect (and mixed) quotes, gold and predicted, and the flags of [`match_spans`].
struct IndirectMatch {
    gold: Vec<Span>,
    pred: Vec<Span>,
    gold_exact: Vec<bool>,
    pred_exact: Vec<bool>,
    gold_partial: Vec<bool>,
    pred_partial: Vec<bool>,
}

fn count(v: &[bool]) -> usize {
    v.iter().filter(|x| **x).count()
}

fn score(doc: &Doc, gold: &[GoldContent], dump: Option<(&mut String, &str)>) -> Split {
    let text = doc.text.as_str();
    let starts = token_starts(text);
    let mut s = Split {
        articles: 1,
        ..Default::default()
    };
    let d = direct(doc, gold);
    let m = match_direct(&starts, &d.g_spans, &d.p_spans, &d.groups);
    s.direct = m.prf(d.g_spans.len(), &d.groups);
    s.direct_attributed = attributed_prf(doc, &starts, &d);
    let spk_log = score_speakers(doc, &starts, &d, &m.gold_partial, &mut s);
    let im = match_indirect(doc, gold, &starts);
    s.indirect = Prf {
        gold: im.gold.len(),
        pred: im.pred.len(),
        gold_exact: count(&im.gold_exact),
        pred_exact: count(&im.pred_exact),
        gold_partial: count(&im.gold_partial),
        pred_partial: count(&im.pred_partial),
    };
    if let Some((out, art)) = dump {
        use std::fmt::Write;
        dump_direct(out, art, doc, &d, &m);
        for l in spk_log {
            let _ = writeln!(out, "{l}");
        }
        dump_indirect(out, text, &im);
    }
    s
}

/// Groups the predicted direct quotes into units (a quote split by a mid
/// attribution, or run on over paragraphs, is one unit) and normalises them and
/// the gold direct quotes. Units inside a mixed gold quote are left out.
fn direct<'g>(doc: &Doc, gold: &'g [GoldContent]) -> Direct<'g> {
    let text = doc.text.as_str();
    let mut units = direct_units(doc);
    let mixed: Vec<Span> = gold
        .iter()
        .filter(|g| g.class == GoldClass::Mixed)
        .map(|g| g.span)
        .collect();
    units.retain(|u| !mixed.iter().any(|m| m.contains(&u.span)));
    let gd: Vec<&GoldContent> = gold
        .iter()
        .filter(|g| g.class == GoldClass::Direct)
        .collect();
    let g_spans: Vec<Span> = gd.iter().map(|g| normalise(text, g.span, false)).collect();
    let p_spans: Vec<Span> = units
        .iter()
        .map(|u| normalise(text, u.span, false))
        .collect();
    let groups: Vec<Vec<Span>> = units
        .iter()
        .map(|u| {
            u.members
                .iter()
                .map(|&m| normalise(text, doc.quotes[m].span, false))
                .collect()
        })
        .collect();
    Direct {
        gold: gd,
        g_spans,
        units,
        p_spans,
        groups,
    }
}

/// The predicted direct, partial and block quotes as units: a quote joins the
/// previous one when both are direct with the same cue and only the cue (or no
/// words) lies between them.
fn direct_units(doc: &Doc) -> Vec<Unit> {
    let text = doc.text.as_str();
    let direct_q: Vec<usize> = (0..doc.quotes.len())
        .filter(|&i| {
            matches!(
                doc.quotes[i].kind,
                QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Block
            )
        })
        .collect();
    let mut units: Vec<Unit> = vec![];
    for &i in &direct_q {
        let q = &doc.quotes[i];
        if let Some(u) = units.last_mut() {
            let last = &doc.quotes[*u.members.last().unwrap()];
            // A quote split by a mid attribution, or run on over paragraphs.
            let between = &text[last.span.end.min(q.span.start)..q.span.start];
            let mid = q
                .cue
                .is_some_and(|c| c.start >= last.span.end && c.end <= q.span.start);
            let both_direct = last.kind != QuoteKind::Partial;
            if both_direct
                && q.cue.is_some()
                && last.cue == q.cue
                && (mid || !between.chars().any(|c| c.is_alphanumeric()))
            {
                u.members.push(i);
                u.span.end = q.span.end;
                continue;
            }
        }
        units.push(Unit {
            members: vec![i],
            span: q.span,
        });
    }
    units
}

/// Matches gold spans against predicted units, exactly and partially.
fn match_direct(
    starts: &[usize],
    g_spans: &[Span],
    p_spans: &[Span],
    groups: &[Vec<Span>],
) -> GroupMatch {
    let (gold_exact, pred_exact) = match_groups(starts, g_spans, p_spans, groups, true);
    let (gold_partial, pred_partial) = match_groups(starts, g_spans, p_spans, groups, false);
    GroupMatch {
        gold_exact,
        pred_exact,
        gold_partial,
        pred_partial,
    }
}

impl GroupMatch {
    /// Counts: `gold` gold spans; predictions are the parts of `groups`.
    fn prf(&self, gold: usize, groups: &[Vec<Span>]) -> Prf {
        Prf {
            gold,
            pred: groups.iter().map(Vec::len).sum(),
            gold_exact: count(&self.gold_exact),
            pred_exact: self.pred_exact.iter().map(|v| count(v)).sum(),
            gold_partial: count(&self.gold_partial),
            pred_partial: self.pred_partial.iter().map(|v| count(v)).sum(),
        }
    }
}

/// The direct scores counting only predicted quotes that carry an attribution (cue
/// or speaker): PolNeAR annotates attribution relations, which always have a cue.
fn attributed_prf(doc: &Doc, starts: &[usize], d: &Direct) -> Prf {
    let keep: Vec<usize> = (0..d.units.len())
        .filter(|&u| {
            d.units[u]
                .members
                .iter()
                .any(|&m| doc.quotes[m].cue.is_some() || doc.quotes[m].speaker.is_some())
        })
        .collect();
    let ps: Vec<Span> = keep.iter().map(|&u| d.p_spans[u]).collect();
    let gs: Vec<Vec<Span>> = keep.iter().map(|&u| d.groups[u].clone()).collect();
    match_direct(starts, &d.g_spans, &ps, &gs).prf(d.g_spans.len(), &gs)
}

/// Speaker accuracy over the gold direct quotes that a unit matches partially: the
/// unit's speaker must overlap a gold source (or be an entity mentioned there); no
/// speaker is right only for a quote without source. Returns the misses, for the dump.
fn score_speakers(
    doc: &Doc,
    starts: &[usize],
    d: &Direct,
    gold_partial: &[bool],
    s: &mut Split,
) -> Vec<String> {
    let text = doc.text.as_str();
    let mut spk_log = vec![];
    for (gi, g) in d.gold.iter().enumerate() {
        if !gold_partial[gi] {
            continue;
        }
        let Some(ui) =
            (0..d.units.len()).find(|&ui| overlap_match(starts, d.g_spans[gi], d.p_spans[ui]))
        else {
            continue;
        };
        let speaker = d.units[ui]
            .members
            .iter()
            .find_map(|&i| doc.quotes[i].speaker.as_ref());
        let ok = match speaker {
            None => g.source.is_empty(),
            Some(sp) => {
                g.source.iter().any(|src| src.overlaps(&sp.span))
                    || sp.entity.is_some_and(|e| {
                        doc.entities[e]
                            .mentions
                            .iter()
                            .any(|m| g.source.iter().any(|src| src.overlaps(&m.span)))
                    })
            }
        };
        s.speaker_total += 1;
        if ok {
            s.speaker_correct += 1;
        } else {
            let gsrc: Vec<&str> = g.source.iter().map(|x| &text[x.start..x.end]).collect();
            spk_log.push(format!(
                "SPK gold={:?} pred={:?} | {}",
                gsrc,
                speaker.map(|x| &text[x.span.start..x.span.end]),
                short(&text[g.span.start..g.span.end])
            ));
        }
    }
    spk_log
}

/// Gold indirect and mixed quotes against predicted indirect quotes, both
/// normalised with a leading "that" trimmed.
fn match_indirect(doc: &Doc, gold: &[GoldContent], starts: &[usize]) -> IndirectMatch {
    let text = doc.text.as_str();
    let gi_spans: Vec<Span> = gold
        .iter()
        .filter(|g| g.class != GoldClass::Direct)
        .map(|g| normalise(text, g.span, true))
        .collect();
    let pi_spans: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| normalise(text, q.span, true))
        .collect();
    let (gold_exact, pred_exact) = match_spans(starts, &gi_spans, &pi_spans, true);
    let (gold_partial, pred_partial) = match_spans(starts, &gi_spans, &pi_spans, false);
    IndirectMatch {
        gold: gi_spans,
        pred: pi_spans,
        gold_exact,
        pred_exact,
        gold_partial,
        pred_partial,
    }
}

/// Dump: the article heading, missed gold direct quotes (`MISS`, `MISS~` when
/// matched partially) and every predicted unit (`TP`, `FP~`, `FP`) with its quotes'
/// kinds, speakers and cues.
fn dump_direct(out: &mut String, art: &str, doc: &Doc, d: &Direct, m: &GroupMatch) {
    use std::fmt::Write;
    let text = doc.text.as_str();
    let pe: Vec<bool> = m.pred_exact.iter().map(|v| v.iter().all(|x| *x)).collect();
    let pp: Vec<bool> = m
        .pred_partial
        .iter()
        .map(|v| v.iter().all(|x| *x))
        .collect();
    let _ = writeln!(out, "## {art}");
    for (i, g) in d.g_spans.iter().enumerate() {
        if !m.gold_exact[i] {
            let _ = writeln!(
                out,
                "MISS{} {}",
                if m.gold_partial[i] { "~" } else { "" },
                short(&text[g.start..g.end])
            );
        }
    }
    for (i, p) in d.p_spans.iter().enumerate() {
        let kinds: Vec<String> = d.units[i]
            .members
            .iter()
            .map(|&m| {
                let q = &doc.quotes[m];
                let sp = q
                    .speaker
                    .as_ref()
                    .map_or("-", |x| &text[x.span.start..x.span.end]);
                let cue = q.cue.map_or("-", |c| &text[c.start..c.end]);
                format!("{}:{}:{}", q.kind.as_str(), sp, cue)
            })
            .collect();
        let tag = if pe[i] {
            "TP"
        } else if pp[i] {
            "FP~"
        } else {
            "FP"
        };
        let _ = writeln!(out, "{tag} {:?} {}", kinds, short(&text[p.start..p.end]));
    }
}

/// Dump: predicted indirect quotes (`ITP`, `IFP~`, `IFP`) and missed gold ones
/// (`IMISS~` when matched partially; `IMISS` with some context around it).
fn dump_indirect(out: &mut String, text: &str, im: &IndirectMatch) {
    use std::fmt::Write;
    for (i, p) in im.pred.iter().enumerate() {
        let tag = if im.pred_exact[i] {
            "ITP"
        } else if im.pred_partial[i] {
            "IFP~"
        } else {
            "IFP"
        };
        let _ = writeln!(out, "{tag} {}", short(&text[p.start..p.end]));
    }
    for (i, g) in im.gold.iter().enumerate() {
        if im.gold_partial[i] && !im.gold_exact[i] {
            let _ = writeln!(out, "IMISS~ {}", short(&text[g.start..g.end]));
        }
        if !im.gold_partial[i] {
            let mut a = g.start.saturating_sub(60);
            while !text.is_char_boundary(a) {
                a += 1;
            }
            let mut b = (g.end + 40).min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let _ = writeln!(
                out,
                "IMISS {} [[{}]] {}",
                &text[a..g.start].replace('\n', "|"),
                short(&text[g.start..g.end]),
                &text[g.end..b].replace('\n', "|")
            );
        }
    }
}

fn short(s: &str) -> String {
    let s = s.replace('\n', "|");
    if s.chars().count() > 160 {
        let head: String = s.chars().take(100).collect();
        let tail: String = s
            .chars()
            .rev()
            .take(50)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("{head} … {tail}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_trims_marks_and_punctuation() {
        let t = "He said: “We will win.” And that we go.";
        let a = t.find('“').unwrap();
        let b = t.find('”').unwrap() + '”'.len_utf8();
        let n = normalise(t, Span::new(a, b), false);
        assert_eq!(&t[n.start..n.end], "We will win");
        let c = t.find("that").unwrap();
        let n = normalise(t, Span::new(c, t.len()), true);
        assert_eq!(&t[n.start..n.end], "we go");
    }

    #[test]
    fn classes() {
        let t = "x “A b c,” he said. y said that it is “great.” z said it rains.";
        let a = t.find('“').unwrap();
        let b = t.find(',').unwrap() + 1 + '”'.len_utf8();
        assert_eq!(classify(t, Span::new(a, b)), GoldClass::Direct);
        let m = t.find("that it").unwrap();
        let me = t.find("great.”").unwrap() + "great.”".len();
        assert_eq!(classify(t, Span::new(m, me)), GoldClass::Mixed);
        let i = t.find("it rains").unwrap();
        assert_eq!(classify(t, Span::new(i, i + 8)), GoldClass::Indirect);
        // Archive style: two apostrophes as the double mark, marks inside or outside.
        let t = "''It is over,'' Lee said. Kim said ''no'' twice. Jones' view.";
        let e = t.find("Lee").unwrap() - 1;
        assert_eq!(classify(t, Span::new(0, e)), GoldClass::Direct);
        assert_eq!(classify(t, Span::new(2, e - 2)), GoldClass::Direct);
        let k = t.find("''no").unwrap();
        assert_eq!(classify(t, Span::new(k - 5, k + 6)), GoldClass::Mixed);
        let j = t.find("Jones").unwrap();
        assert_eq!(classify(t, Span::new(j, t.len())), GoldClass::Indirect);
    }

    #[test]
    fn overlap_and_matching() {
        let t = "one two three four five six seven eight";
        let st = token_starts(t);
        let g = [Span::new(0, 13), Span::new(19, 40)];
        // "one two three" exact; "five six seven" vs "four five six seven eight"
        let p = [Span::new(0, 13), Span::new(24, 38)];
        let (gm, pm) = match_spans(&st, &g, &p, true);
        assert_eq!((gm, pm), (vec![true, false], vec![true, false]));
        let (gm, pm) = match_spans(&st, &g, &p, false);
        assert_eq!((gm, pm), (vec![true, true], vec![true, true]));
        // Less than half of the gold: no match.
        assert!(!overlap_match(&st, Span::new(0, 40), Span::new(0, 3)));
    }
}

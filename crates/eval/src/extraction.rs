//! HTML main-content extraction (`unspin-html`) scored on the public sets in
//! `../shared/data`: scrapinghub-aeb, cleaneval, cleanportaleval, l3s-gn1 and
//! trafilatura-eval.
//!
//! Metrics:
//! - **scrapinghub-aeb**: the benchmark's own (`evaluate.py`): `\w+` tokens, multisets
//!   of 4-token shingles, per page TP/FP/FN normalised to sum 1; precision = mean
//!   over pages with a prediction, recall = mean over pages with gold text, F1 from
//!   those means.
//! - **cleaneval, cleanportaleval, l3s-gn1**: the same per-page scheme over single
//!   tokens (bag of words) against the gold text (CleanEval markers `<p>`, `<h>`, `<l>`
//!   and the `URL:` line removed; L3S: the `fulltext` blocks, which excludes the
//!   headline as our body does).
//! - **trafilatura-eval**: upstream's: whitespace-normalised substring match; a
//!   `with` segment found is TP, missing FN; a `without` segment found is FP, absent
//!   TN; plus title / author / date accuracy where annotated.
//!
//! Every set is split by a stable hash of the page id (sorted, first 70% = `tune`,
//! the rest = `held`); tune on `tune` only and report both. Speed: pages per second
//! of `extract` alone on one thread (decoding and file reading not counted).

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use unspin_html::{extract_with, Extracted, Options};

/// The set names `evaluate` accepts.
pub const SETS: &[&str] = &[
    "scrapinghub-aeb",
    "cleaneval",
    "cleanportaleval",
    "l3s-gn1",
    "trafilatura-eval",
];

/// One page of a set: its id, decoded HTML and ground truth.
pub struct Page {
    pub id: String,
    pub html: String,
    pub gold: Gold,
}

pub enum Gold {
    /// Reference body text.
    Text(String),
    /// trafilatura-eval: segments that must / must not appear, and metadata.
    Segments {
        with: Vec<String>,
        without: Vec<String>,
        title: Option<String>,
        author: Option<String>,
        date: Option<String>,
    },
}

/// Precision / recall / F1 (and, for segment scoring, accuracy).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Segment scoring only: (TP + TN) / all.
    pub accuracy: Option<f64>,
}

/// Metadata accuracy: (correct, annotated) per field.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MetaAcc {
    pub title: (usize, usize),
    pub author: (usize, usize),
    pub date: (usize, usize),
}

/// Per-page outcome, for inspection.
#[derive(Debug, Clone)]
pub struct PageScore {
    pub id: String,
    pub held: bool,
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub tn: f64,
    pub no_article: bool,
}

#[derive(Debug, Clone)]
pub struct ExtractionEval {
    pub set: String,
    pub metric: &'static str,
    pub tune: Prf,
    pub held: Prf,
    pub all: Prf,
    pub meta_tune: Option<MetaAcc>,
    pub meta_held: Option<MetaAcc>,
    pub pages_per_sec: f64,
    pub no_article: usize,
    pub pages: Vec<PageScore>,
}

fn read_gz(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// Decodes a page the way `unspin` does (BOM, declared charset, detection).
fn read_html(path: &Path) -> Result<String, String> {
    let p = path.to_string_lossy();
    unspin_ingest::read_path(&p)
        .map(|r| r.text)
        .map_err(|e| format!("{p}: {e:?}"))
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_gz(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

/// Stable 64-bit FNV-1a hash of the id (for the tune / held split).
fn fnv(s: &str) -> u64 {
    unspin_lex::hash::fnv1a64(s.as_bytes())
}

/// The ids in the held-out 30% of a set.
pub fn held_ids(ids: &[String]) -> std::collections::HashSet<String> {
    let mut v: Vec<(u64, &String)> = ids.iter().map(|i| (fnv(i), i)).collect();
    v.sort();
    let cut = ids.len() * 7 / 10;
    v[cut..].iter().map(|(_, i)| (*i).clone()).collect()
}

/// Strips CleanEval markup from a gold file: the URL line, `<p>`/`<h>`/`<l>`
/// markers, HTML comments and a few literal entities.
fn cleaneval_gold(s: &str) -> String {
    let mut out = String::new();
    let mut seen_url = false;
    for line in s.lines() {
        let t = line.trim();
        if !seen_url && t.starts_with("URL:") {
            seen_url = true;
            continue;
        }
        if t.starts_with("<!--") {
            continue;
        }
        let t = t
            .trim_start_matches("<p>")
            .trim_start_matches("<h>")
            .trim_start_matches("<l>")
            .trim();
        out.push_str(t);
        out.push('\n');
    }
    out.replace("&#039;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

fn list(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn stem(p: &Path) -> String {
    let n = p
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    for suf in [".html.gz", ".txt.gz", ".html", ".htm", ".txt", ".gz"] {
        if let Some(s) = n.strip_suffix(suf) {
            return s.to_string();
        }
    }
    n
}

/// Loads a set's pages with their ground truth.
pub fn load(set: &str, dir: &Path) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    match set {
        "scrapinghub-aeb" => {
            let gt: serde_json::Value = serde_json::from_slice(
                &std::fs::read(dir.join("ground-truth.json")).map_err(|e| e.to_string())?,
            )
            .map_err(|e| e.to_string())?;
            let obj = gt.as_object().ok_or("ground-truth.json: not an object")?;
            for (id, v) in obj {
                let body = v["articleBody"].as_str().unwrap_or("").to_string();
                let html = read_html(&dir.join("html").join(format!("{id}.html.gz")))?;
                pages.push(Page {
                    id: id.clone(),
                    html,
                    gold: Gold::Text(body),
                });
            }
        }
        "cleaneval" | "cleanportaleval" => {
            for p in list(&dir.join("input"))? {
                let id = stem(&p);
                let g = dir.join("gold").join(format!("{id}.txt.gz"));
                if !g.exists() {
                    continue;
                }
                pages.push(Page {
                    html: read_html(&p)?,
                    gold: Gold::Text(cleaneval_gold(&read_text(&g)?)),
                    id,
                });
            }
        }
        "l3s-gn1" => {
            let gold = read_text(&dir.join("gold.jsonl.gz"))?;
            for line in gold.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
                let id = v["id"].as_str().unwrap_or("").to_string();
                let full = v["fulltext"].as_str().unwrap_or("").to_string();
                let html = read_html(&dir.join("original").join(format!("{id}.html.gz")))?;
                pages.push(Page {
                    id,
                    html,
                    gold: Gold::Text(full),
                });
            }
        }
        "trafilatura-eval" => {
            let ann: serde_json::Value = serde_json::from_slice(
                &std::fs::read(dir.join("annotations.json")).map_err(|e| e.to_string())?,
            )
            .map_err(|e| e.to_string())?;
            let obj = ann.as_object().ok_or("annotations.json: not an object")?;
            let strs = |v: &serde_json::Value| -> Vec<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let opt = |v: &serde_json::Value| {
                v.as_str()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            for (_, e) in obj {
                let id = e["doc_id"].as_str().unwrap_or("").to_string();
                let html = read_html(&dir.join("html").join(format!("{id}.html.gz")))?;
                pages.push(Page {
                    id,
                    html,
                    gold: Gold::Segments {
                        with: strs(&e["with"]),
                        without: strs(&e["without"]),
                        title: opt(&e["title"]),
                        author: opt(&e["author"]),
                        date: opt(&e["date"]),
                    },
                });
            }
        }
        _ => return Err(format!("unknown set {set}; one of {}", SETS.join(", "))),
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// `\w+` tokens (Unicode letters, digits, underscore), as Python's `re` finds them.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '_' {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The benchmark's shingle matching: normalised (tp, fp, fn) for one page.
pub fn shingle_match(gold: &str, pred: &str, n: usize) -> (f64, f64, f64) {
    fn grams<'a>(toks: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
        let mut m = HashMap::new();
        let count = toks.len().saturating_sub(n) + 1;
        for i in 0..count.max(1) {
            let g: Vec<&str> = toks[i.min(toks.len())..(i + n).min(toks.len())].to_vec();
            if !g.is_empty() {
                *m.entry(g).or_insert(0) += 1;
            }
        }
        m
    }
    let gt = tokens(gold);
    let pt = tokens(pred);
    let g = grams(&gt, n);
    let p = grams(&pt, n);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Mean precision over pages with a prediction, mean recall over pages with
/// gold, F1 of the two means (the benchmark's aggregation).
pub fn aggregate(pages: &[&PageScore]) -> Prf {
    let (mut ps, mut pn, mut rs, mut rn) = (0f64, 0usize, 0f64, 0usize);
    for p in pages {
        let (tp, fp, fn_) = (p.tp, p.fp, p.fn_);
        if tp + fp > 0.0 {
            ps += if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            };
            pn += 1;
        }
        if tp + fn_ > 0.0 {
            rs += if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fn_)
            };
            rn += 1;
        }
    }
    let precision = if pn > 0 { ps / pn as f64 } else { 0.0 };
    let recall = if rn > 0 { rs / rn as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        pages: pages.len(),
        precision,
        recall,
        f1,
        accuracy: None,
    }
}

/// Segment scoring: summed TP/FP/FN/TN over all segments.
pub fn segment_prf(pages: &[&PageScore]) -> Prf {
    let (mut tp, mut fp, mut fn_, mut tn) = (0f64, 0f64, 0f64, 0f64);
    for p in pages {
        tp += p.tp;
        fp += p.fp;
        fn_ += p.fn_;
        tn += p.tn;
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let all = tp + fp + fn_ + tn;
    Prf {
        pages: pages.len(),
        precision,
        recall,
        f1,
        accuracy: Some(if all > 0.0 { (tp + tn) / all } else { 0.0 }),
    }
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

fn meta_score(acc: &mut MetaAcc, ex: &Extracted, gold: &Gold) {
    let Gold::Segments {
        title,
        author,
        date,
        ..
    } = gold
    else {
        return;
    };
    if let Some(t) = title {
        acc.title.1 += 1;
        if ex.title.as_deref().is_some_and(|x| key(x) == key(t)) {
            acc.title.0 += 1;
        }
    }
    if let Some(a) = author {
        acc.author.1 += 1;
        let got: Vec<String> = ex.byline.iter().map(|b| key(b)).collect();
        let ok = a
            .split([';', ',', '&'])
            .flat_map(|x| x.split(" and "))
            .map(key)
            .filter(|k| !k.is_empty())
            .any(|k| {
                got.iter().any(|g| {
                    g == &k
                        || (g.len() > 3 && k.contains(g.as_str()))
                        || (k.len() > 3 && g.contains(k.as_str()))
                })
            });
        if ok {
            acc.author.0 += 1;
        }
    }
    if let Some(d) = date {
        acc.date.1 += 1;
        if ex
            .published
            .as_deref()
            .is_some_and(|p| p.len() >= 10 && d.len() >= 10 && p[..10] == d[..10])
        {
            acc.date.0 += 1;
        }
    }
}

/// Scores one extraction against its gold.
pub fn score_page(set: &str, page: &Page, text: &str) -> (f64, f64, f64, f64) {
    match &page.gold {
        Gold::Text(g) => {
            let n = if set == "scrapinghub-aeb" { 4 } else { 1 };
            let (tp, fp, fn_) = shingle_match(g, text, n);
            (tp, fp, fn_, 0.0)
        }
        Gold::Segments { with, without, .. } => {
            let t = norm_ws(text);
            let (mut tp, mut fp, mut fn_, mut tn) = (0.0, 0.0, 0.0, 0.0);
            for w in with {
                if t.contains(&norm_ws(w)) {
                    tp += 1.0
                } else {
                    fn_ += 1.0
                }
            }
            for w in without {
                if t.contains(&norm_ws(w)) {
                    fp += 1.0
                } else {
                    tn += 1.0
                }
            }
            (tp, fp, fn_, tn)
        }
    }
}

/// Evaluates the extractor on one set with default options.
pub fn evaluate(set: &str, dir: &Path) -> Result<ExtractionEval, String> {
    evaluate_with(set, dir, &Options::default())
}

/// Evaluates the extractor on one set.
pub fn evaluate_with(set: &str, dir: &Path, opts: &Options) -> Result<ExtractionEval, String> {
    let pages = load(set, dir)?;
    Ok(evaluate_pages(set, &pages, opts))
}

/// Evaluates already loaded pages (lets a parameter sweep load once).
pub fn evaluate_pages(set: &str, pages: &[Page], opts: &Options) -> ExtractionEval {
    let ids: Vec<String> = pages.iter().map(|p| p.id.clone()).collect();
    let held = held_ids(&ids);
    let mut scores = Vec::with_capacity(pages.len());
    let mut secs = 0f64;
    let mut no_article = 0;
    let mut meta_t = MetaAcc::default();
    let mut meta_h = MetaAcc::default();
    for page in pages {
        let t0 = Instant::now();
        let ex = extract_with(&page.html, opts);
        secs += t0.elapsed().as_secs_f64();
        let na = ex.warnings.iter().any(|w| w == unspin_html::NO_ARTICLE);
        if na {
            no_article += 1;
        }
        let is_held = held.contains(&page.id);
        meta_score(
            if is_held { &mut meta_h } else { &mut meta_t },
            &ex,
            &page.gold,
        );
        let (tp, fp, fn_, tn) = score_page(set, page, &ex.text);
        scores.push(PageScore {
            id: page.id.clone(),
            held: is_held,
            tp,
            fp,
            fn_,
            tn,
            no_article: na,
        });
    }
    let segs = set == "trafilatura-eval";
    let agg = |f: &dyn Fn(&PageScore) -> bool| {
        let v: Vec<&PageScore> = scores.iter().filter(|p| f(p)).collect();
        if segs {
            segment_prf(&v)
        } else {
            aggregate(&v)
        }
    };
    ExtractionEval {
        set: set.to_string(),
        metric: match set {
            "scrapinghub-aeb" => "4-gram shingles, per-page normalised (evaluate.py)",
            "trafilatura-eval" => "with/without segments (substring), summed",
            _ => "bag of words (\\w+), per-page normalised",
        },
        tune: agg(&|p| !p.held),
        held: agg(&|p| p.held),
        all: agg(&|_| true),
        meta_tune: segs.then_some(meta_t),
        meta_held: segs.then_some(meta_h),
        pages_per_sec: if secs > 0.0 {
            pages.len() as f64 / secs
        } else {
            0.0
        },
        no_article,
        pages: scores,
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "n={:<4} P={:.3} R={:.3} F1={:.3}",
            self.pages, self.precision, self.recall, self.f1
        )?;
        if let Some(a) = self.accuracy {
            write!(f, " acc={a:.3}")?;
        }
        Ok(())
    }
}

impl fmt::Display for MetaAcc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = |(a, b): (usize, usize)| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        write!(
            f,
            "title {:.3} ({}/{})  author {:.3} ({}/{})  date {:.3} ({}/{})",
            r(self.title),
            self.title.0,
            self.title.1,
            r(self.author),
            self.author.0,
            self.author.1,
            r(self.date),
            self.date.0,
            self.date.1
        )
    }
}

impl fmt::Display for ExtractionEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "extraction on {} ({})", self.set, self.metric)?;
        writeln!(f, "  tune (70%): {}", self.tune)?;
        writeln!(f, "  held (30%): {}", self.held)?;
        writeln!(f, "  all:        {}", self.all)?;
        if let (Some(t), Some(h)) = (&self.meta_tune, &self.meta_held) {
            writeln!(f, "  metadata tune: {t}")?;
            writeln!(f, "  metadata held: {h}")?;
        }
        writeln!(f, "  no article found: {} pages", self.no_article)?;
        write!(
            f,
            "  speed: {:.0} pages/s (extract only, one thread)",
            self.pages_per_sec
        )
    }
}

//! The PTC corpus (SemEval-2020 Task 11): loading, the deterministic train / held-out
//! split, and the task's official metrics for the lexicon detector, the model alone and
//! `detect`.

use std::path::Path;
use unspin_doc::offsets::{ByteIndex, CharIndex};
use unspin_doc::{Doc, Span};
use unspin_rhetoric::features::{fhash, Prepared};
use unspin_rhetoric::model::{label_index, snake_index, Model};

/// One PTC article with its gold spans as byte ranges.
#[derive(Clone)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// Gold SI spans (byte ranges).
    pub si: Vec<Span>,
    /// Gold TC spans (byte ranges) with their class index (see `model::PTC_LABELS`).
    pub tc: Vec<(Span, usize)>,
    /// Byte offset → char offset (for the official char-based metric).
    char_of: CharIndex,
}

impl Article {
    /// Char offsets of byte span `s` (the official metric counts chars).
    pub(crate) fn chars(&self, s: Span) -> (usize, usize) {
        (self.char_of.char_of(s.start), self.char_of.char_of(s.end))
    }
}

/// Loads every article listed in `DIR/ids.txt`.
pub fn load(dir: &Path) -> Result<Vec<Article>, String> {
    let ids = std::fs::read_to_string(dir.join("ids.txt"))
        .map_err(|e| format!("no PTC data at {}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for id in ids.split_whitespace() {
        let id = id.trim_start_matches("article").to_string();
        let text = std::fs::read_to_string(dir.join(format!("articles/article{id}.txt")))
            .map_err(|e| format!("article {id}: {e}"))?;
        let char_of = CharIndex::new(&text);
        let byte_at = ByteIndex::new(&text);
        let span = |a: &str, b: &str| -> Option<Span> {
            let a = byte_at.get(a.trim().parse::<usize>().ok()?)?;
            let b = byte_at.get(b.trim().parse::<usize>().ok()?)?;
            (a < b).then(|| Span::new(a, b))
        };
        let tcs =
            std::fs::read_to_string(dir.join(format!("labels-tc/article{id}.task2-TC.labels")))
                .unwrap_or_default();
        let tc = tcs
            .lines()
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                Some((span(c.get(2)?, c.get(3)?)?, label_index(c.get(1)?.trim())?))
            })
            .collect();
        let sis =
            std::fs::read_to_string(dir.join(format!("labels-si/article{id}.task1-SI.labels")))
                .unwrap_or_default();
        let si = sis
            .lines()
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                span(c.get(1)?, c.get(2)?)
            })
            .collect();
        out.push(Article {
            id,
            text,
            si,
            tc,
            char_of,
        });
    }
    Ok(out)
}

/// Deterministic 80/20 split: articles sorted by a stable hash of their id; the first
/// 80% are the train part, the rest held out.
pub fn split(mut arts: Vec<Article>) -> (Vec<Article>, Vec<Article>) {
    arts.sort_by_key(|a| (fhash("split", &a.id), a.id.clone()));
    let n = arts.len() * 4 / 5;
    let held = arts.split_off(n);
    (arts, held)
}

/// Scores on one set of articles: SI with the task's partial-overlap credit and TC
/// micro-F1 on gold spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PtcScores {
    pub articles: usize,
    pub si_p: f64,
    pub si_r: f64,
    pub si_f1: f64,
    pub si_pred: usize,
    pub si_gold: usize,
    pub tc_correct: usize,
    pub tc_total: usize,
}

impl PtcScores {
    pub fn tc_f1(&self) -> f64 {
        self.tc_correct as f64 / self.tc_total.max(1) as f64
    }
}

pub(crate) fn f1(p: f64, r: f64) -> f64 {
    2.0 * p * r / (p + r).max(1e-12)
}

/// The share (0..1) of char span `s` that the (non-overlapping) spans `by` cover.
pub(crate) fn covered(s: (usize, usize), by: &[(usize, usize)]) -> f64 {
    let c: usize = by
        .iter()
        .map(|b| b.1.min(s.1).saturating_sub(b.0.max(s.0)))
        .sum();
    (c as f64 / (s.1 - s.0).max(1) as f64).min(1.0)
}

/// Sums for the SI metric.
#[derive(Default, Clone, Copy)]
pub(crate) struct SiSums {
    p: f64,
    np: usize,
    r: f64,
    nr: usize,
}

impl SiSums {
    /// Adds one article: predictions are merged where they overlap (as the official
    /// scorer does), then each predicted span earns |overlap with gold| / |pred| and each
    /// gold span |overlap with predictions| / |gold| (char offsets).
    pub(crate) fn add(&mut self, art: &Article, pred: &[Span]) {
        let mut p: Vec<(usize, usize)> = pred.iter().map(|s| art.chars(*s)).collect();
        p.sort();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for s in p {
            match merged.last_mut() {
                Some(l) if s.0 < l.1 => l.1 = l.1.max(s.1),
                _ => merged.push(s),
            }
        }
        let gold: Vec<(usize, usize)> = art.si.iter().map(|s| art.chars(*s)).collect();
        for &s in &merged {
            self.np += 1;
            self.p += covered(s, &gold);
        }
        for &g in &gold {
            self.nr += 1;
            self.r += covered(g, &merged);
        }
    }

    pub(crate) fn fill(&self, s: &mut PtcScores) {
        s.si_p = self.p / self.np.max(1) as f64;
        s.si_r = self.r / self.nr.max(1) as f64;
        s.si_f1 = f1(s.si_p, s.si_r);
        s.si_pred = self.np;
        s.si_gold = self.nr;
    }
}

/// `text` as a segmented document (what the rhetoric stage reads).
pub(crate) fn segmented(text: &str) -> Doc {
    let mut d = Doc::new(text);
    unspin_segment::segment(&mut d);
    d
}

/// The first-version lexicon detector on these articles (speculation and ridicule are
/// not PTC techniques and are left out). TC: the technique of the flag overlapping a
/// gold span most, else the majority class (loaded language).
pub fn score_lexicon(arts: &[Article]) -> PtcScores {
    let mut out = PtcScores {
        articles: arts.len(),
        ..Default::default()
    };
    let mut si = SiSums::default();
    for a in arts {
        let mut d = segmented(&a.text);
        unspin_rhetoric::detect_rules(&mut d);
        let pred: Vec<(Span, Option<usize>)> = d
            .techniques
            .iter()
            .filter(|t| t.technique != "speculation" && t.technique != "ridicule")
            .map(|t| (t.span, snake_index(t.technique.as_str())))
            .collect();
        let spans: Vec<Span> = pred.iter().map(|p| p.0).collect();
        si.add(a, &spans);
        for (g, lab) in &a.tc {
            let mut best = (0usize, 0usize);
            for (s, c) in &pred {
                let ov = s.end.min(g.end).saturating_sub(s.start.max(g.start));
                if let Some(c) = c {
                    if ov > best.0 {
                        best = (ov, *c);
                    }
                }
            }
            out.tc_total += 1;
            out.tc_correct += (best.1 == *lab) as usize;
        }
    }
    si.fill(&mut out);
    out
}

/// The trained model alone: its SI spans, and its TC label for each gold span.
pub fn score_model(model: &Model, arts: &[Article]) -> PtcScores {
    let mut out = PtcScores {
        articles: arts.len(),
        ..Default::default()
    };
    let mut si = SiSums::default();
    let mut f = Vec::new();
    for a in arts {
        let d = segmented(&a.text);
        let p = Prepared::new(&d);
        let spans: Vec<Span> = p.spans(model).into_iter().map(|x| x.0).collect();
        si.add(a, &spans);
        // A span annotated with n techniques is listed n times: it gets the model's n
        // best classes, and each gold label is matched at most once.
        let mut groups: Vec<(Span, Vec<usize>)> = Vec::new();
        for (g, lab) in &a.tc {
            match groups.iter_mut().find(|x| x.0 == *g) {
                Some(x) => x.1.push(*lab),
                None => groups.push((*g, vec![*lab])),
            }
        }
        for (g, labs) in &groups {
            p.span_features(*g, &mut f);
            let s = model.tc_scores(&f);
            let mut order: Vec<usize> = (0..s.len()).collect();
            order.sort_by(|x, y| s[*y].total_cmp(&s[*x]).then(x.cmp(y)));
            out.tc_total += labs.len();
            out.tc_correct += order[..labs.len().min(s.len())]
                .iter()
                .filter(|c| labs.contains(c))
                .count();
        }
    }
    si.fill(&mut out);
    out
}

/// `detect` as wired (model and rules together) on these articles: SI only (`detect`
/// does not classify given spans).
pub fn score_detect(arts: &[Article]) -> PtcScores {
    score_detect_at(
        arts,
        unspin_rhetoric::DETECT_THRESHOLD,
        unspin_rhetoric::embedded().sent_threshold,
    )
}

/// [`score_detect`] with an explicit model threshold.
pub fn score_detect_at(arts: &[Article], threshold: f32, sent_threshold: f32) -> PtcScores {
    let mut out = PtcScores {
        articles: arts.len(),
        ..Default::default()
    };
    let mut si = SiSums::default();
    for a in arts {
        let mut d = segmented(&a.text);
        unspin_rhetoric::detect_at(&mut d, threshold, sent_threshold);
        let spans: Vec<Span> = d
            .techniques
            .iter()
            .filter(|t| t.technique != "speculation" && t.technique != "ridicule")
            .map(|t| t.span)
            .collect();
        si.add(a, &spans);
    }
    si.fill(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rhetoric::testdata::ptc_dir;
    use unspin_rhetoric::features::{SI_BITS, TC_BITS};
    use unspin_rhetoric::model::PTC_LABELS;

    /// A model whose TC scores rank every span Doubt > Slogans > the rest, and that
    /// finds no spans.
    fn ranked_model() -> Model {
        let n = 1usize << SI_BITS;
        let mut tc = vec![0f32; 14 << TC_BITS];
        let b = (fhash("b", "") & ((1u64 << TC_BITS) - 1)) as usize;
        tc[(3 << TC_BITS) + b] = 2.0;
        tc[(9 << TC_BITS) + b] = 1.0;
        Model {
            sent: vec![0.0; n],
            si: vec![0.0; n],
            si2: vec![0.0; n],
            tc,
            threshold: 1.0,
            sent_threshold: f32::INFINITY,
            calib: [0.5; 8],
            info: String::new(),
        }
    }

    #[test]
    fn a_span_with_two_techniques_gets_the_two_best_classes() {
        let dir = ptc_dir(
            "tc",
            &["1", "2"],
            "Is this the truth? Make it great again.\n",
        );
        // Article 1: one span with two techniques, both among the two best classes.
        // Article 2: one span listed twice with the same technique: one line can match.
        let (d, s) = (PTC_LABELS[3], PTC_LABELS[9]);
        std::fs::write(
            dir.join("labels-tc/article1.task2-TC.labels"),
            format!("1\t{d}\t0\t18\n1\t{s}\t0\t18\n"),
        )
        .unwrap();
        std::fs::write(
            dir.join("labels-tc/article2.task2-TC.labels"),
            format!("2\t{d}\t0\t18\n2\t{d}\t0\t18\n2\t{s}\t19\t38\n"),
        )
        .unwrap();
        let arts = load(&dir).unwrap();
        let one = score_model(&ranked_model(), &arts[..1]);
        assert_eq!((one.tc_correct, one.tc_total), (2, 2));
        let two = score_model(&ranked_model(), &arts[1..]);
        // The doubled Doubt span: 1 of 2; the Slogans span gets Doubt: 0 of 1.
        assert_eq!((two.tc_correct, two.tc_total), (1, 3));
    }
}

//! Rhetoric scored on the PTC corpus (SemEval-2020 Task 11) with the task's metrics.
//!
//! Data: `DIR` = `../shared/data/ptc-semeval2020-task11` (`ids.txt`, `articles/`,
//! `labels-si/`, `labels-tc/`). Split: articles sorted by a stable hash of their id,
//! the first 80% are the train part (the shipped model was trained on it), the rest
//! held out. Metrics, as the task defines them (char offsets):
//! - **SI** (span identification): predicted spans of an article are merged where they
//!   overlap; precision = mean over predicted spans of |overlap with gold| / |pred|,
//!   recall = mean over gold spans of |overlap with predictions| / |gold|, F1.
//!   Speculation and ridicule flags (not PTC techniques) are left out.
//! - **TC** (technique classification): micro-F1 (= accuracy) of the label given to
//!   each gold span. For the lexicon detector: the technique of the flag overlapping
//!   the span most, else the majority class.
//!
//! Rows: `lexicon` (the rule detector alone), `model` (the trained model alone, at its
//! F1-optimal threshold), `detect` (what `unspin analyze` reports: rules plus the model
//! spans that pass its stricter gate; SI only). With `--cv K`, one more row: the whole
//! training recipe cross-validated over every article (K folds by a hash of the id,
//! each fold scored by a model trained on the others), the steadier number.

use std::fmt;
use std::path::Path;

use unspin_train::rhetoric::ptc::{self, PtcScores};

/// Scores of the three systems on the two parts of the split.
#[derive(Debug, Clone, PartialEq)]
pub struct RhetoricEval {
    pub train_articles: usize,
    pub held_articles: usize,
    /// (system, part, scores); part is `train` or `held-out`.
    pub rows: Vec<(String, String, PtcScores)>,
    /// Training info stored in the model file.
    pub model_info: String,
    /// K-fold cross-validation of the training recipe over all articles, when asked.
    pub cv: Option<(u64, PtcScores)>,
}

impl RhetoricEval {
    /// The scores of `system` on `part`.
    pub fn get(&self, system: &str, part: &str) -> Option<&PtcScores> {
        self.rows
            .iter()
            .find(|r| r.0 == system && r.1 == part)
            .map(|r| &r.2)
    }
}

/// Scores the lexicon detector, the trained model and `detect` on both parts of the
/// PTC split in `dir`.
pub fn evaluate(dir: &Path) -> Result<RhetoricEval, String> {
    evaluate_cv(dir, None)
}

/// [`evaluate`], plus a `folds`-fold cross-validation of the training recipe when
/// `folds` is given (at least 2; minutes on the full set).
pub fn evaluate_cv(dir: &Path, folds: Option<u64>) -> Result<RhetoricEval, String> {
    if folds.is_some_and(|k| k < 2) {
        return Err("--cv needs at least 2 folds".into());
    }
    let (train, held) = ptc::split(ptc::load(dir)?);
    if train.is_empty() || held.is_empty() {
        return Err(format!("too few PTC articles in {}", dir.display()));
    }
    let model = unspin_rhetoric::embedded();
    let mut rows = Vec::new();
    for (part, arts) in [("train", &train), ("held-out", &held)] {
        rows.push(("lexicon".into(), part.into(), ptc::score_lexicon(arts)));
        rows.push(("model".into(), part.into(), ptc::score_model(model, arts)));
        rows.push(("detect".into(), part.into(), ptc::score_detect(arts)));
    }
    let cv = match folds {
        Some(k) => Some((k, unspin_train::rhetoric::cross_validate(dir, k)?)),
        None => None,
    };
    Ok(RhetoricEval {
        train_articles: train.len(),
        held_articles: held.len(),
        rows,
        model_info: model.info.clone(),
        cv,
    })
}

impl fmt::Display for RhetoricEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PTC (SemEval-2020 Task 11): {} train-part articles, {} held out",
            self.train_articles, self.held_articles
        )?;
        writeln!(
            f,
            "{:<8} {:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
            "system", "part", "SI P", "SI R", "SI F1", "pred", "gold", "TC F1"
        )?;
        for (sys, part, s) in &self.rows {
            let tc = if sys == "detect" {
                "-".to_string()
            } else {
                format!("{:.4}", s.tc_f1())
            };
            writeln!(
                f,
                "{sys:<8} {part:<9} {:>6.4} {:>6.4} {:>6.4} {:>6} {:>6} {tc:>8}",
                s.si_p, s.si_r, s.si_f1, s.si_pred, s.si_gold
            )?;
        }
        if let Some((k, s)) = &self.cv {
            let part = format!("{k}-fold CV");
            writeln!(
                f,
                "{:<8} {part:<9} {:>6.4} {:>6.4} {:>6.4} {:>6} {:>6} {:>8.4}  (recipe retrained per fold, all {} articles)",
                "recipe", s.si_p, s.si_r, s.si_f1, s.si_pred, s.si_gold, s.tc_f1(), s.articles
            )?;
        }
        write!(f, "model: {}", self.model_info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On the staged data: the trained model and `detect` beat the lexicon detector on
    /// the held-out part (skips when the data is absent).
    #[test]
    fn model_beats_lexicon_on_held_out() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/ptc-semeval2020-task11");
        if !dir.join("ids.txt").exists() {
            eprintln!("skipped: no PTC data at {}", dir.display());
            return;
        }
        let e = evaluate(&dir).unwrap();
        println!("{e}");
        let lex = e.get("lexicon", "held-out").unwrap();
        let model = e.get("model", "held-out").unwrap();
        let detect = e.get("detect", "held-out").unwrap();
        assert!(model.si_f1 > lex.si_f1 + 0.05, "{e}");
        assert!(model.tc_f1() > lex.tc_f1() + 0.1, "{e}");
        assert!(detect.si_f1 > lex.si_f1, "{e}");
    }

    #[test]
    fn missing_data_is_an_error() {
        assert!(evaluate(Path::new("/nonexistent/ptc")).is_err());
        assert!(evaluate_cv(Path::new("/nonexistent/ptc"), Some(5)).is_err());
    }
}

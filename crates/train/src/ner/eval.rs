//! Entity-level scoring with conlleval semantics: an entity counts as correct only when
//! its type, first and last token all match; a stray `I-X` opens an entity.

use super::conll::{read_conll, Document};
use std::fmt;
use unspin_ner::{EntType, Model, Tag};

/// Counts for one entity type (or all of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold data.
    pub gold: usize,
    /// Entities predicted.
    pub predicted: usize,
    /// Predicted entities that exactly match a gold one.
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Entity-level scores per type and overall, plus token accuracy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    pub tokens: usize,
    pub correct_tags: usize,
    /// Indexed by `EntType as usize` (PER, ORG, LOC, MISC).
    pub per_type: [Counts; 4],
    pub overall: Counts,
}

impl NerScores {
    pub fn of(&self, t: EntType) -> Counts {
        self.per_type[t.index()]
    }
    pub fn accuracy(&self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            self.correct_tags as f64 / self.tokens as f64
        }
    }
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "processed {} tokens with {} gold entities; found {}; correct {}; accuracy {:.2}%",
            self.tokens,
            self.overall.gold,
            self.overall.predicted,
            self.overall.correct,
            100.0 * self.accuracy()
        )?;
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "type", "precision", "recall", "F1", "gold", "found", "correct"
        )?;
        let mut row = |name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<8} {:>8.2}% {:>8.2}% {:>9.2} {:>7} {:>7} {:>7}",
                name,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.predicted,
                c.correct
            )
        };
        for t in EntType::ALL {
            row(t.as_str(), &self.per_type[t.index()])?;
        }
        row("overall", &self.overall)
    }
}

fn end_of_chunk(prev: Tag, cur: Tag) -> bool {
    match (prev, cur) {
        (Tag::O, _) => false,
        (Tag::B(_) | Tag::I(_), Tag::B(_) | Tag::O) => true,
        (Tag::B(p) | Tag::I(p), Tag::I(c)) => p != c,
    }
}

fn start_of_chunk(prev: Tag, cur: Tag) -> bool {
    match (prev, cur) {
        (_, Tag::O) => false,
        (_, Tag::B(_)) => true,
        (Tag::O, Tag::I(_)) => true,
        (Tag::B(p) | Tag::I(p), Tag::I(c)) => p != c,
    }
}

/// Scores sentences of `(gold, predicted)` tag pairs exactly as conlleval does
/// (sentence boundaries act as `O`).
pub fn score_sentences(sentences: &[Vec<(Tag, Tag)>]) -> NerScores {
    let mut s = NerScores::default();
    let mut in_correct = false;
    let (mut last_g, mut last_p) = (Tag::O, Tag::O);
    let boundary = [(Tag::O, Tag::O)];
    for sent in sentences {
        for (k, &(g, p)) in sent.iter().chain(boundary.iter()).enumerate() {
            let is_token = k < sent.len();
            if in_correct {
                let (eg, ep) = (end_of_chunk(last_g, g), end_of_chunk(last_p, p));
                if eg && ep && last_g.entity_type() == last_p.entity_type() {
                    in_correct = false;
                    if let Some(t) = last_g.entity_type() {
                        s.per_type[t.index()].correct += 1;
                    }
                    s.overall.correct += 1;
                } else if eg != ep || g.entity_type() != p.entity_type() {
                    in_correct = false;
                }
            }
            let (sg, sp) = (start_of_chunk(last_g, g), start_of_chunk(last_p, p));
            if sg && sp && g.entity_type() == p.entity_type() {
                in_correct = true;
            }
            if sg {
                if let Some(t) = g.entity_type() {
                    s.per_type[t.index()].gold += 1;
                }
                s.overall.gold += 1;
            }
            if sp {
                if let Some(t) = p.entity_type() {
                    s.per_type[t.index()].predicted += 1;
                }
                s.overall.predicted += 1;
            }
            if is_token {
                s.tokens += 1;
                if g == p {
                    s.correct_tags += 1;
                }
            }
            last_g = g;
            last_p = p;
        }
    }
    if in_correct {
        if let Some(t) = last_g.entity_type() {
            s.per_type[t.index()].correct += 1;
        }
        s.overall.correct += 1;
    }
    s
}

/// Tags the tokens of a gold CoNLL file with `model` (document by document) and scores
/// the predictions against the file's last column.
pub fn eval_conll(gold_file_text: &str, model: &Model) -> Result<NerScores, String> {
    Ok(eval_docs(&read_conll(gold_file_text)?, model))
}

/// Scores `model` on parsed gold documents (the first sentence of each is taken as
/// its headline).
pub fn eval_docs(docs: &[Document], model: &Model) -> NerScores {
    let mut pairs = Vec::new();
    for d in docs {
        let toks: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.as_str()).collect())
            .collect();
        let pred = model.tag_document_headlines(&toks, &[true]);
        for (s, p) in d.sentences.iter().zip(pred) {
            pairs.push(s.tags.iter().copied().zip(p).collect());
        }
    }
    score_sentences(&pairs)
}

/// Scores a conlleval-style file whose last two columns are the gold and the predicted
/// tag (tags of unknown types count as `O`; `-DOCSTART-` and blank lines are boundaries).
pub fn score_columns(text: &str) -> Result<NerScores, String> {
    let mut sents = Vec::new();
    let mut cur: Vec<(Tag, Tag)> = Vec::new();
    for (ln, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if cols.len() < 3 {
            return Err(format!(
                "line {}: need token, gold and predicted tag",
                ln + 1
            ));
        }
        let tag = |s: &str| Tag::parse(s).unwrap_or(Tag::O);
        cur.push((tag(cols[cols.len() - 2]), tag(cols[cols.len() - 1])));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    Ok(score_sentences(&sents))
}

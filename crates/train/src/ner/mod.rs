//! The named-entity tagger (`unspin-ner`): CoNLL-2003 data, training and scoring.
//!
//! `unspin train ner` calls [`train`]; `unspin eval ner` calls [`eval_conll`] with the
//! embedded model.

pub mod conll;
pub mod eval;
mod train;

pub use conll::{read_conll, Document, Sentence};
pub use eval::{eval_conll, eval_docs, score_columns, score_sentences, Counts, NerScores};
pub use train::{train, train_docs, EpochReport, Report, TrainOptions};
/// The shipped model and its CoNLL tagger (`unspin tag --conll`, `unspin eval ner`).
pub use unspin_ner::{embedded, tag_conll};

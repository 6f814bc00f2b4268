//! Training and evaluation of unspin's own models, kept out of the stage crates so that
//! `unspin analyze` links none of it:
//! - [`ner`]: CoNLL-2003 reader, the named-entity tagger's trainer and conlleval scoring
//!   (the model itself, its features and file format are `unspin-ner`'s);
//! - [`rhetoric`]: the PTC corpus (SemEval-2020 Task 11) reader and split, the task's
//!   metrics and the rhetoric model's trainer (the model, its features and decoding are
//!   `unspin-rhetoric`'s).
//!
//! Both trainers are deterministic: the same data and options give byte-identical model
//! files (`models/README.md`).

pub mod ner;
pub mod quotes;
pub mod rhetoric;

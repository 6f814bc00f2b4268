//! Named-entity recognition for unspin: a trained tagger for PER, ORG, LOC and MISC
//! (CoNLL-2003 types, IOB2 labels), shipped inside the binary as `models/ner.bin`.
//!
//! The model is an averaged structured perceptron over hashed sparse features (word,
//! shape, affixes, ±2 context, document case evidence, a gazetteer built from the
//! training entities) with first-order Viterbi decoding restricted to valid IOB2.
//!
//! This crate loads and runs the model. Reading CoNLL data, training and scoring are
//! `unspin-train`'s (`unspin_train::ner`), built on the public [`features`] and
//! [`Model::from_weights`] so that training and tagging share one feature set.

pub mod conll;
pub mod doc;
pub mod features;
pub mod model;
pub mod tags;

pub use doc::{mentions, Mention};
pub use features::FEATURE_VERSION;
pub use model::{Decode, Model};
pub use tags::{entities, EntType, EntitySpan, Tag, NL};

use std::sync::OnceLock;

/// The model file compiled into the binary.
pub static EMBEDDED_MODEL: &[u8] = include_bytes!("../../../models/ner.bin");

/// The embedded model, loaded once on first use.
///
/// Panics if the embedded file is not a valid model for this build (a build error,
/// caught by the crate's tests).
pub fn embedded() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::load(EMBEDDED_MODEL).expect("embedded models/ner.bin is invalid"))
}

/// Tags CoNLL token lines with the embedded model: every input line is written back
/// unchanged with the predicted IOB2 tag appended as a last column (tab-separated when
/// the line uses tabs, else a space). Blank lines stay blank; `-DOCSTART-` lines get `O`.
/// Sentences between `-DOCSTART-` lines form one document; its first sentence is taken
/// as the headline.
pub fn tag_conll(input: &str) -> String {
    embedded().tag_conll(input)
}

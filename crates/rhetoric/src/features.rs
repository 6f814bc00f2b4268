//! The model's inputs and decoding as `detect` computes them, public for the trainer
//! (`unspin-train`, which reads the PTC corpus, trains and scores the model): a trainer
//! must see exactly the features, hashes and span decoding that run time uses, so they
//! are defined once, here and in [`crate::model`], and never copied.

use crate::model::{self, Model, Prep};
use crate::text::Ctx;
use unspin_doc::{Doc, Span};

/// Hash bits of each SI table (sentence classifier, stage-1 and stage-2 taggers).
pub const SI_BITS: u32 = model::SI_BITS;
/// Hash bits of each TC class's table.
pub const TC_BITS: u32 = model::TC_BITS;

/// The feature hash: FNV-1a over `tag 0xff value`, finalised (stable across runs).
pub fn fhash(tag: &str, val: &str) -> u64 {
    model::fhash(tag, val)
}

/// A segmented document prepared for feature extraction: the model's tokens (cut at
/// the model's sentences), lexicon hits, valence and quote state.
pub struct Prepared<'a>(Prep<'a>);

impl<'a> Prepared<'a> {
    /// Prepares a document that `unspin_segment::segment` has run on.
    pub fn new(doc: &'a Doc) -> Self {
        let ctx = Ctx::new(doc);
        let hits = crate::find_hits(&ctx);
        Prepared(Prep::new(&ctx, &hits))
    }

    /// Byte span of every token.
    pub fn tokens(&self) -> &[Span] {
        &self.0.toks
    }

    /// Token range of every model sentence.
    pub fn sentences(&self) -> &[(usize, usize)] {
        &self.0.sent_toks
    }

    /// Sentence index of every token.
    pub fn sentence_of(&self) -> &[usize] {
        &self.0.sent
    }

    /// Whether token `i` is punctuation (trimmed from the ends of decoded spans).
    pub fn is_punct(&self, i: usize) -> bool {
        self.0.raw_shape[i] == "p"
    }

    /// Token range of the sentence of token `i`.
    pub fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.0.sent_range(i)
    }

    /// Token range covered by byte span `span`.
    pub fn token_range(&self, span: Span) -> (usize, usize) {
        self.0.tok_range(span)
    }

    /// Hashed SI features of token `i` (stage 1; stage 2 adds [`stack_features`]).
    pub fn token_features(&self, i: usize, out: &mut Vec<u64>) {
        self.0.token_features(i, out)
    }

    /// Hashed features of sentence `si` for the sentence classifier (before
    /// [`sent_stack_features`]).
    pub fn sentence_features(&self, si: usize, out: &mut Vec<u64>) {
        self.0.sentence_features(si, out)
    }

    /// Hashed TC features of the span `span`.
    pub fn span_features(&self, span: Span, out: &mut Vec<u64>) {
        self.0.span_features(span, out)
    }

    /// The spans `model` predicts here (byte ranges) with their 0..1 scores.
    pub fn spans(&self, model: &Model) -> Vec<(Span, f32)> {
        model.spans(&self.0)
    }
}

/// Stage-2 features of token `i` from the stage-1 token scores `s1`, the score of its
/// sentence and the sentence's token range, appended to `out`.
pub fn stack_features(
    s1: &[f32],
    sent_score: f32,
    sent: (usize, usize),
    i: usize,
    out: &mut Vec<u64>,
) {
    model::stack_features(s1, sent_score, sent, i, out)
}

/// Sentence-classifier features of sentence `k` from the stage-1 token scores of it and
/// its neighbours (`sents`: token range of every sentence), appended to `out`.
pub fn sent_stack_features(s1: &[f32], sents: &[(usize, usize)], k: usize, out: &mut Vec<u64>) {
    model::sent_stack_features(s1, sents, k, out)
}

/// SI spans as token ranges `(start, end, margin, whole)` from sentence scores and
/// token margins, as the model decodes them at run time.
pub fn decode(
    sent_toks: &[(usize, usize)],
    punct: impl Fn(usize) -> bool,
    sent_scores: &[f32],
    margins: &[f32],
    sent_threshold: f32,
) -> Vec<(usize, usize, f32, bool)> {
    model::decode(sent_toks, punct, sent_scores, margins, sent_threshold)
}

/// Index into `Model::calib` of a decoded span (margin bucket; whole sentences in the
/// upper half).
pub fn calib_index(margin: f32, whole: bool) -> usize {
    model::calib_index(margin, whole)
}

//! Segment: split the paragraphs of a [`Doc`] into sentences and tokens.

use unspin_doc::Doc;

/// Adds `doc.sentences` and `doc.tokens` (reads `doc.paragraphs`).
pub fn segment(doc: &mut Doc) {
    let _ = doc;
}

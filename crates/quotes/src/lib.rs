//! Quotes: find quotations, their kind, the cue that attributes them and their
//! speaker, resolved to an entity.

use unspin_doc::Doc;

/// Adds `doc.quotes` (reads sentences, tokens and entities).
pub fn detect(doc: &mut Doc) {
    let _ = doc;
}

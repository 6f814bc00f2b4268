//! Rhetoric: persuasion techniques (loaded language, name calling, speculation,
//! …) as scored spans, and sentence-level opinion and speculation.

use unspin_doc::Doc;

/// Adds `doc.techniques` and each sentence's `opinion` and `speculation`.
pub fn detect(doc: &mut Doc) {
    let _ = doc;
}

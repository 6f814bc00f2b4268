//! Prints the entities the embedded model finds in plain-text files (paragraphs split on
//! blank lines, the first paragraph taken as the title), segmented by `unspin-segment`:
//! `cargo run --release -p unspin-ner --example tag_text -- FILE...`.
use unspin_doc::{Doc, ParagraphKind};

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("read");
        let mut doc = Doc::new(text);
        doc.paragraphs = unspin_segment::blank_line_paragraphs(&doc.text);
        if let Some(p) = doc.paragraphs.first_mut() {
            p.kind = ParagraphKind::Title;
        }
        unspin_segment::segment(&mut doc);
        println!("== {path}");
        for m in unspin_ner::mentions(unspin_ner::embedded(), &doc) {
            println!("{}\t{}", m.kind.as_str(), doc.slice(m.span));
        }
    }
}

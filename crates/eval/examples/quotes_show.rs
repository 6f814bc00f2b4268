//! Prints the quotes unspin finds in a text file: `cargo run -p unspin-eval --example quotes_show -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = unspin_pipeline::analyze_text(
        &path,
        &text,
        unspin_pipeline::Options {
            clean: false,
            rhetoric: false,
            ..Default::default()
        },
    )
    .expect("analyses");
    for q in &doc.quotes {
        let sp = q
            .speaker
            .as_ref()
            .map(|s| format!("{} [{}]", &doc.text[s.span.start..s.span.end], s.name));
        let cue = q.cue.map(|c| &doc.text[c.start..c.end]);
        println!(
            "{:<8} {:?} {:?} | {}",
            q.kind.as_str(),
            sp,
            cue,
            doc.text[q.span.start..q.span.end].replace('\n', "|")
        );
    }
}

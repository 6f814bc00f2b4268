//! Prints the techniques found in a text file: `cargo run -p unspin-rhetoric --example show FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: show FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let mut doc = unspin_doc::Doc::new(text);
    unspin_segment::segment(&mut doc);
    unspin_rhetoric::detect(&mut doc);
    for s in &doc.sentences {
        let flag = |b: bool, c: char| if b { c } else { '.' };
        println!(
            "[{}{}] {}",
            flag(s.opinion, 'O'),
            flag(s.speculation, 'S'),
            doc.slice(s.span).replace('\n', " ")
        );
    }
    for t in &doc.techniques {
        println!(
            "{:<28} {:.2}  {:?}",
            t.technique,
            t.score,
            doc.slice(t.span)
        );
    }
}

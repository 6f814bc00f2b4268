//! conlleval: scores a file whose last two columns are gold and predicted IOB2 tags:
//! `cargo run --release -p unspin-train --example ner_score -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: ner_score FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    print!(
        "{}",
        unspin_train::ner::score_columns(&text).expect("parse")
    );
}

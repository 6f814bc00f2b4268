//! conlleval: scores a file whose last two columns are gold and predicted IOB2 tags:
//! `cargo run --release -p unspin-ner --example score -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: score FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    print!("{}", unspin_ner::score_columns(&text).expect("parse"));
}

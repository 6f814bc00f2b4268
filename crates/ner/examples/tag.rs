//! Appends predicted tags to a CoNLL file with the embedded model (what `unspin tag --conll` does):
//! `cargo run --release -p unspin-ner --example tag -- FILE > OUT`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: tag FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    print!("{}", unspin_ner::tag_conll(&text));
}

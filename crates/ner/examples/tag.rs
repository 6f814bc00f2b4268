//! Appends predicted tags to a CoNLL file (what `unspin tag --conll` does), with the
//! embedded model or a model file: `cargo run --release -p unspin-ner --example tag -- FILE [MODEL] > OUT`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: tag FILE [MODEL]");
    let text = std::fs::read_to_string(&path).expect("read");
    match args.next() {
        None => print!("{}", unspin_ner::tag_conll(&text)),
        Some(m) => {
            let model =
                unspin_ner::Model::load(&std::fs::read(m).expect("read model")).expect("load");
            print!("{}", model.tag_conll(&text));
        }
    }
}

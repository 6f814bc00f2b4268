//! Scores a model (default: the embedded one) on a gold CoNLL file:
//! `cargo run --release -p unspin-train --example ner_eval -- FILE [MODEL] [--greedy]`.
use unspin_ner::{Decode, Model};
use unspin_train::ner::eval_conll;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let greedy = args.iter().any(|a| a == "--greedy");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(file) = pos.first() else {
        eprintln!("usage: ner_eval FILE [MODEL] [--greedy]");
        std::process::exit(2);
    };
    let mut model = match pos.get(1) {
        Some(p) => Model::load(&std::fs::read(p).expect("read model")).expect("load model"),
        None => Model::load(unspin_ner::EMBEDDED_MODEL).expect("embedded model"),
    };
    if greedy {
        model.set_decode(Decode::Greedy);
    }
    let text = std::fs::read_to_string(file).expect("read data");
    print!("{}", eval_conll(&text, &model).expect("parse"));
}

//! Trains the NER model: `cargo run --release -p unspin-train --example ner_train --
//! --data ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt --out models/ner.bin`
use std::path::PathBuf;
use unspin_ner::Decode;
use unspin_train::ner::{train, TrainOptions};

fn main() {
    let mut data = None;
    let mut dev = None;
    let mut out = PathBuf::from("models/ner.bin");
    let mut opts = TrainOptions {
        verbose: true,
        ..Default::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().expect("missing value");
        match a.as_str() {
            "--data" => data = Some(PathBuf::from(val())),
            "--dev" => dev = Some(PathBuf::from(val())),
            "--out" => out = PathBuf::from(val()),
            "--epochs" => opts.epochs = val().parse().expect("--epochs N"),
            "--min-count" => opts.min_count = val().parse().expect("--min-count N"),
            "--prune" => opts.prune = val().parse().expect("--prune X"),
            "--folds" => opts.gaz_folds = val().parse().expect("--folds N"),
            "--seed" => opts.seed = val().parse().expect("--seed N"),
            "--greedy" => opts.decode = Decode::Greedy,
            "--augment-title-case" => opts.augment_title_case = true,
            "--stack-folds" => opts.stack_folds = val().parse().expect("--stack-folds N"),
            _ => panic!("unknown argument {a}"),
        }
    }
    let data = data.expect("--data FILE required");
    let (model, report) = train(&data, dev.as_deref(), &opts).unwrap_or_else(|e| {
        eprintln!("train: {e}");
        std::process::exit(1)
    });
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).expect("write model");
    if let Some(d) = &report.dev {
        println!("{d}");
    }
    println!("{}", model.info);
    println!(
        "wrote {} ({} bytes, {} rows, {} gazetteer entries); training took {:.1}s",
        out.display(),
        bytes.len(),
        report.model_rows,
        report.gazetteer,
        report.secs
    );
}

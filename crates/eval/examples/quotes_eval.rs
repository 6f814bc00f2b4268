//! Runs the PolNeAR quote evaluation: `cargo run -p unspin-eval --example quotes_eval -- DIR [--json]`.
//! Set `UNSPIN_EVAL_DUMP=FILE` to write the misses, false positives and wrong speakers.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .map(String::as_str)
        .unwrap_or("../shared/data/polnear");
    match unspin_eval::quotes::evaluate(std::path::Path::new(dir)) {
        Ok(ev) => {
            if args.iter().any(|a| a == "--json") {
                println!("{}", serde_json::to_string_pretty(&ev.to_json()).unwrap());
            } else {
                println!("{ev}");
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

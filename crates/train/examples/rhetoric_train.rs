//! Trains `models/rhetoric.bin` on the PTC train part:
//! `cargo run --release -p unspin-train --example rhetoric_train -- [DIR] [OUT]`.
fn main() {
    let mut a = std::env::args().skip(1);
    let dir = a
        .next()
        .unwrap_or_else(|| "../shared/data/ptc-semeval2020-task11".into());
    let out = a.next().unwrap_or_else(|| "models/rhetoric.bin".into());
    match unspin_train::rhetoric::train(dir.as_ref(), out.as_ref()) {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

//! Rough speed of `from_text` on a file: `cargo run --release -p unspin-extract --example bench_text -- FILE [N]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let src = std::fs::read_to_string(&args[0]).expect("read");
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let t = std::time::Instant::now();
    let mut chars = 0;
    for _ in 0..n {
        chars += unspin_extract::from_text(&src, true).text.len();
    }
    let e = t.elapsed();
    println!(
        "{n} docs in {e:?}: {:.0} docs/s ({chars} bytes out)",
        n as f64 / e.as_secs_f64()
    );
}

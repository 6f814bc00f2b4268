//! Times extraction of a pathologically nested page (development aid).
//! `cargo run --release -p unspin-html --example deep -- [N]`
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut s = String::from("<html><body>");
    for _ in 0..n {
        s.push_str("<div>");
    }
    s.push_str("<p>Deep text, with commas, that is long enough to be a paragraph.</p>");
    for _ in 0..n {
        s.push_str("</div>");
    }
    let t = std::time::Instant::now();
    let d = dom_query::Document::from(s.as_str());
    println!("parse {:?}", t.elapsed());
    drop(d);
    let t = std::time::Instant::now();
    let ex = unspin_html::extract(&s);
    println!("extract {:?} {:?}", t.elapsed(), ex.warnings);
}

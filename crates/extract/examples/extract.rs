//! Prints what extract makes of a file: `cargo run -p unspin-extract --example extract -- FILE [--html] [--no-clean]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.iter().find(|a| !a.starts_with("--")).expect("FILE");
    let src = std::fs::read_to_string(path).expect("read");
    let clean = !args.iter().any(|a| a == "--no-clean");
    let html = args.iter().any(|a| a == "--html") || path.ends_with(".html");
    let d = if html {
        unspin_extract::from_html(&src, clean)
    } else {
        unspin_extract::from_text(&src, clean)
    };
    println!("META {:?}", d.meta);
    println!("WARN {:?}", d.warnings);
    for c in &d.chrome {
        println!("CHROME [{}] {}", c.kind, c.text);
    }
    for p in &d.paragraphs {
        println!("PARA [{}] {}", p.kind.as_str(), d.slice(p.span));
    }
}

//! Prints the attribution model's relations for one text file (development aid).
//! `cargo run --release -p unspin-train --example quotes_debug -- FILE`
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: quotes_debug FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("quotes_debug: {path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = match unspin_train::quotes::analyse(&path, &text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("quotes_debug: {e}");
            std::process::exit(1);
        }
    };
    let Some(model) = unspin_quotes::model::embedded() else {
        eprintln!("quotes_debug: no embedded model");
        std::process::exit(1);
    };
    for r in model.relations(&doc) {
        let s = |x: unspin_doc::Span| doc.text[x.start..x.end].to_string();
        let segs: Vec<String> = r.content.iter().map(|&x| s(x)).collect();
        println!(
            "content {segs:?}\n  cue {:?} source {:?}",
            r.cue.map(s),
            r.source.map(s)
        );
    }
}

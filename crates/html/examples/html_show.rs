//! Prints the extraction of one page (`.html` or `.html.gz`) as JSON.
//! `cargo run -p unspin-html --example html_show -- PAGE`

fn main() {
    for path in std::env::args().skip(1) {
        match unspin_ingest::read_path(&path) {
            Ok(raw) => {
                let mut opts = unspin_html::Options::default();
                opts.params.debug = std::env::var_os("DEBUG").is_some();
                let ex = unspin_html::extract_with(&raw.text, &opts);
                println!(
                    "{}",
                    serde_json::to_string_pretty(&ex.to_json()).unwrap_or_default()
                );
            }
            Err(e) => eprintln!("{path}: {e:?}"),
        }
    }
}

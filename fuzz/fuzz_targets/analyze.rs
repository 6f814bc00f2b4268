//! Fuzz target: the whole pipeline (`unspin_pipeline::analyze_str`) on
//! arbitrary input must never panic or hang, and every report it returns must
//! pass `unspin_report::check_all`: the `unspin/1` schema, every span inside
//! `text` (in characters, `start <= end`, span texts equal to the slice),
//! paragraphs and sentences in order, entity references that resolve.
//!
//! The first byte chooses the mode: bit 0 = HTML (else plain text, as
//! `analyze_text`), bit 1 = `--no-clean`, bit 2 = no rhetoric stage.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unspin_pipeline::{analyze_str, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let input = String::from_utf8_lossy(rest);
    let opts = Options {
        clean: mode & 2 == 0,
        rhetoric: mode & 4 == 0,
        ..Options::default()
    };
    // Refusals (over the text limit, no text) are answers, not failures.
    let Ok(doc) = analyze_str("fuzz", &input, mode & 1 == 1, opts) else {
        return;
    };
    let json = doc.to_json();
    if let Err(errors) = unspin_report::check_all(&json) {
        panic!("invalid report (mode {mode}): {errors:?}");
    }
    if mode & 3 == 2 {
        // Plain text, no cleaning: the text is the input exactly.
        assert_eq!(doc.text, input, "--no-clean text differs from the input");
    }
});

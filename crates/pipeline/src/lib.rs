//! Pipeline: run every stage on one input, in order:
//! ingest → extract → segment → entities → quotes → sources → rhetoric.

pub use unspin_doc::Doc;
pub use unspin_ingest::{expand_paths_lenient, read_path, Format, IngestError, RawInput};

/// What to run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Remove page chrome (default). Off: `text` equals the input exactly.
    pub clean: bool,
    /// Run the rhetoric stage (default on).
    pub rhetoric: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clean: true,
            rhetoric: true,
        }
    }
}

/// Runs the stages after ingest on decoded input.
pub fn analyze_input(raw: &RawInput, opts: Options) -> Doc {
    let mut doc = match raw.format {
        Format::Html => unspin_extract::from_html(&raw.text, opts.clean),
        Format::Text => unspin_extract::from_text(&raw.text, opts.clean),
    };
    doc.input = unspin_doc::Input {
        path: raw.path.clone(),
        format: raw.format.as_str().to_string(),
        bytes: raw.bytes,
    };
    doc.warnings.extend(raw.warnings.iter().cloned());
    analyze_doc(&mut doc, opts);
    doc
}

/// Runs segment → entities → quotes → sources → rhetoric on an extracted document.
pub fn analyze_doc(doc: &mut Doc, opts: Options) {
    unspin_segment::segment(doc);
    unspin_entities::detect(doc);
    unspin_quotes::detect(doc);
    unspin_sources::detect(doc);
    if opts.rhetoric {
        unspin_rhetoric::detect(doc);
    }
}

/// Analyses plain text given directly (a label names it in `input.path`).
pub fn analyze_text(label: &str, text: &str, opts: Options) -> Doc {
    let raw = RawInput {
        path: label.to_string(),
        bytes: text.len() as u64,
        format: Format::Text,
        text: text.to_string(),
        warnings: vec![],
    };
    analyze_input(&raw, opts)
}

/// Reads, decodes and analyses one file (`-` for stdin).
pub fn analyze_path(path: &str, opts: Options) -> Result<Doc, IngestError> {
    let raw = unspin_ingest::read_path(path)?;
    Ok(analyze_input(&raw, opts))
}

/// Decodes and analyses raw bytes (gzip, any encoding) that came from `label`.
pub fn analyze_bytes(label: &str, bytes: Vec<u8>, opts: Options) -> Result<Doc, IngestError> {
    let raw = unspin_ingest::decode(label, bytes)?;
    Ok(analyze_input(&raw, opts))
}

/// Analyses a page given as a string: HTML when `html`, else plain text.
pub fn analyze_str(label: &str, content: &str, html: bool, opts: Options) -> Doc {
    let raw = RawInput {
        path: label.to_string(),
        bytes: content.len() as u64,
        format: if html { Format::Html } else { Format::Text },
        text: content.to_string(),
        warnings: vec![],
    };
    analyze_input(&raw, opts)
}

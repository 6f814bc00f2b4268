//! Builds a WARC.gz (one gzip member per record, like Common Crawl) of at least
//! `--pages N` HTML responses from the HTML files (`.html`, `.htm`, optionally
//! `.gz`) under the given directories, for the ingest benchmark. Pages are
//! repeated when there are fewer files than N, each copy with its own URL and a
//! marker comment so that content hashes differ. Every 25th page is followed by
//! a request record and an image response, which ingest must skip.
//!
//! `cargo run --release -p unspin-corpus --example make_warc -- OUT.warc.gz --pages 5000 DIR...`

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use unspin_corpus::warc::{write_other, write_response};

fn walk(d: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(d) else { return };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            walk(&p, out);
        } else {
            let n = p.to_string_lossy().to_ascii_lowercase();
            let n = n.strip_suffix(".gz").unwrap_or(&n);
            if n.ends_with(".html") || n.ends_with(".htm") {
                out.push(p);
            }
        }
    }
}

fn read(p: &Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(p)?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut v = vec![];
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut v)?;
        Ok(v)
    } else {
        Ok(raw)
    }
}

fn member(
    out: &mut dyn Write,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    f(&mut gz)?;
    out.write_all(&gz.finish()?)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pages = 5000usize;
    let mut out = None;
    let mut dirs = vec![];
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--pages" {
            pages = it.next().and_then(|n| n.parse().ok()).expect("--pages N");
        } else if out.is_none() {
            out = Some(PathBuf::from(a));
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    let out = out.expect("usage: make_warc OUT.warc.gz [--pages N] DIR...");
    let mut files = vec![];
    for d in &dirs {
        walk(d, &mut files);
    }
    if files.is_empty() {
        eprintln!("make_warc: no HTML files under {dirs:?}");
        std::process::exit(1);
    }
    let mut w = BufWriter::new(File::create(&out)?);
    member(&mut w, |w| {
        write_other(w, "warcinfo", "", b"software: unspin make_warc\r\n")
    })?;
    let mut written = 0;
    let mut bytes = 0u64;
    while written < pages {
        for f in &files {
            if written >= pages {
                break;
            }
            let Ok(mut body) = read(f) else { continue };
            let copy = written / files.len();
            if copy > 0 {
                body.extend_from_slice(format!("\n<!-- copy {copy} -->\n").as_bytes());
            }
            let stem = f.file_name().unwrap().to_string_lossy().replace(".gz", "");
            let uri = format!(
                "https://bench{}.example/{copy}/{written}-{stem}",
                written % 7
            );
            let date = format!("2024-01-{:02}T{:02}:00:00Z", 1 + written % 28, written % 24);
            bytes += body.len() as u64;
            member(&mut w, |w| {
                write_response(w, &uri, &date, "text/html; charset=utf-8", &body)
            })?;
            if written % 25 == 0 {
                member(&mut w, |w| {
                    write_other(w, "request", &uri, b"GET / HTTP/1.1\r\n\r\n")
                })?;
                member(&mut w, |w| {
                    write_response(
                        w,
                        &format!("{uri}.png"),
                        &date,
                        "image/png",
                        b"\x89PNG\r\n\x1a\n",
                    )
                })?;
            }
            written += 1;
        }
    }
    w.flush()?;
    eprintln!(
        "make_warc: {} HTML pages ({} distinct files, {:.1} MB of HTML) -> {}",
        written,
        files.len(),
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

//! Corpus ingestion: streams documents out of WARC / WARC.gz files, JSONL files
//! (`{"url", "html" | "text"}` per line) and directories, analyses them on a
//! rayon pool and writes them to the [`unspin_store::Store`] in batched
//! transactions.
//!
//! Memory stays bounded: one reader thread feeds a bounded channel, analysis
//! workers feed another, and one writer commits every [`IngestOptions::batch`]
//! documents (or every second). Documents are keyed by the hash of their raw
//! content, so a re-run skips what is stored and a killed run loses only the
//! uncommitted batch.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use unspin_ingest::{Format, RawInput};
use unspin_pipeline::Options;
use unspin_store::{content_hash, hash_key, Ingested, Prepared, Store};

mod page;
#[doc(hidden)]
pub mod testdata;
pub mod warc;

pub use page::{Page, PageError};

use warc::{is_html_type, parse_http, WarcReader};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Analysis threads; 0 = all cores.
    pub threads: usize,
    /// Documents per committed transaction.
    pub batch: usize,
    /// Show a progress line on stderr (only when stderr is a terminal).
    pub progress: bool,
    /// Pipeline options.
    pub analyze: Options,
    /// Stop after this many new documents (None: all).
    pub limit: Option<u64>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            threads: 0,
            batch: 128,
            progress: true,
            analyze: Options::default(),
            limit: None,
        }
    }
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    /// Documents read from the inputs (HTML/text records, files, JSONL lines).
    pub read: u64,
    /// Newly analysed and stored.
    pub stored: u64,
    /// Already in the store (same content hash), or repeated in the inputs.
    pub known: u64,
    /// WARC `response` records that were not HTML (images, PDFs, scripts, …).
    pub skipped_non_html: u64,
    /// Other WARC records skipped (requests, metadata, non-2xx responses, oversized).
    pub skipped_records: u64,
    /// Inputs or records that could not be read or decoded.
    pub failed: u64,
    /// `path: reason` for the first failures.
    pub errors: Vec<String>,
    pub seconds: f64,
    /// Time the writer spent committing to the store (the rest overlaps with analysis).
    pub write_seconds: f64,
    /// Stored documents per second.
    pub pages_per_second: f64,
}

/// One document to analyse, as read from an input.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Name for messages and `input.path`: the URL, or `file`, or `file:line`.
    pub label: String,
    pub url: Option<String>,
    /// Crawl date (WARC-Date) when known.
    pub seen: Option<String>,
    /// Known format (from HTTP Content-Type or a JSONL key); `None`: detect.
    pub format: Option<Format>,
    /// True when `bytes` is known UTF-8 text (a JSONL string): no charset detection.
    pub utf8: bool,
    pub bytes: Vec<u8>,
}

/// Events from the reader.
enum Event {
    Doc(RawDoc),
    NonHtml,
    Skipped,
    Failed(String),
}

/// The kind of an input file, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Warc,
    Jsonl,
    Document,
}

/// Classifies a file by its name (`.warc[.gz]`, `.arc`-less; `.jsonl[.gz]`, `.ndjson`).
pub fn input_kind(path: &Path) -> InputKind {
    if path.as_os_str() == "-" {
        return InputKind::Jsonl; // standard input is read as JSONL
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".warc") {
        InputKind::Warc
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        InputKind::Jsonl
    } else {
        InputKind::Document
    }
}

/// Expands inputs (`-` is JSONL on standard input): directories recursively (WARC, JSONL and article files in
/// them, sorted), files as they are. Returns the files and, separately, the
/// inputs that cannot be read: missing paths, unreadable folders, and FIFOs,
/// sockets or devices (named or inside a folder), which could block the run.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut out = vec![];
    let mut errors = vec![];
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => errors.push(format!("{}: {e}", p.display())),
            Ok(m) if m.is_dir() => walk(p, &mut out, &mut errors),
            Ok(_) => match unspin_ingest::require_regular(p) {
                Ok(_) => out.push(p.clone()),
                Err(e) => errors.push(e.to_string()),
            },
        }
    }
    (out, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push(format!("{}: cannot list directory: {e}", dir.display()));
            return;
        }
    };
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, errors);
        } else if input_kind(&p) != InputKind::Document || is_article_file(&p) {
            match unspin_ingest::require_regular(&p) {
                Ok(_) => out.push(p),
                Err(e) => errors.push(format!("{e} (skipped)")),
            }
        }
    }
}

fn is_article_file(p: &Path) -> bool {
    let name = p.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    unspin_ingest::TEXT_EXTENSIONS.contains(&ext)
}

/// Counts bytes read from the underlying (compressed) file, for progress and ETA.
struct Counting<R> {
    inner: R,
    n: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n.fetch_add(k as u64, Ordering::Relaxed);
        Ok(k)
    }
}

/// Opens a file as a decompressed buffered stream (gzip by magic bytes).
fn open_stream(path: &Path, counter: Arc<AtomicU64>) -> io::Result<Box<dyn BufRead + Send>> {
    let f: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    let mut r = BufReader::with_capacity(
        256 * 1024,
        Counting {
            inner: f,
            n: counter,
        },
    );
    let gz = r.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::bufread::MultiGzDecoder::new(r),
        ))
    } else {
        Box::new(r)
    })
}

/// Reads every document of one input file, calling `emit` for each event.
fn read_input(
    path: &Path,
    counter: &Arc<AtomicU64>,
    emit: &mut dyn FnMut(Event) -> bool,
) -> Result<(), String> {
    let label = path.display().to_string();
    match input_kind(path) {
        InputKind::Warc => {
            let r = open_stream(path, counter.clone()).map_err(|e| format!("{label}: {e}"))?;
            let mut w = WarcReader::new(r);
            loop {
                let rec = match w.next_record() {
                    Ok(Some(r)) => r,
                    Ok(None) => return Ok(()),
                    Err(e) => return Err(format!("{label}: {e}")),
                };
                let not_http = !rec
                    .content_type
                    .as_deref()
                    .unwrap_or("application/http")
                    .to_ascii_lowercase()
                    .starts_with("application/http");
                let ev = if rec.kind != "response" || rec.oversized || not_http {
                    Event::Skipped
                } else {
                    match parse_http(&rec.block) {
                        None => Event::Failed(format!(
                            "{}: unreadable HTTP response",
                            rec.target_uri.as_deref().unwrap_or(&label)
                        )),
                        Some(h) if !(200..300).contains(&h.status) => Event::Skipped,
                        Some(h) if !is_html_response(&h) => Event::NonHtml,
                        Some(h) => Event::Doc(RawDoc {
                            label: rec.target_uri.clone().unwrap_or_else(|| label.clone()),
                            url: rec.target_uri,
                            seen: rec.date,
                            format: Some(Format::Html),
                            utf8: false,
                            bytes: h.body,
                        }),
                    }
                };
                if !emit(ev) {
                    return Ok(());
                }
            }
        }
        InputKind::Jsonl => {
            let mut r = open_stream(path, counter.clone()).map_err(|e| format!("{label}: {e}"))?;
            let mut line = Vec::new();
            for i in 0.. {
                line.clear();
                // Each line is capped while reading: one huge line is one failed
                // document, not all of memory.
                let ev = match unspin_ingest::read_line_capped(
                    &mut r,
                    &mut line,
                    unspin_ingest::MAX_INPUT_BYTES,
                ) {
                    Ok(0) => break,
                    Ok(_) if line.iter().all(|b| b.is_ascii_whitespace()) => continue,
                    Ok(_) => jsonl_doc(&line),
                    Err(e) if e.kind() == io::ErrorKind::InvalidData => Err(e.to_string()),
                    Err(e) => return Err(format!("{label}:{}: {e}", i + 1)),
                };
                let ev = match ev {
                    Ok(mut d) => {
                        if d.url.is_none() {
                            d.label = format!("{label}:{}", i + 1);
                        }
                        Event::Doc(d)
                    }
                    Err(e) => Event::Failed(format!("{label}:{}: {e}", i + 1)),
                };
                if !emit(ev) {
                    return Ok(());
                }
            }
            Ok(())
        }
        InputKind::Document => {
            let mut bytes = vec![];
            let limit = unspin_ingest::MAX_INPUT_BYTES;
            File::open(path)
                .and_then(|f| {
                    Counting {
                        inner: f,
                        n: counter.clone(),
                    }
                    .take(limit + 1)
                    .read_to_end(&mut bytes)
                })
                .map_err(|e| format!("{label}: {e}"))?;
            if bytes.len() as u64 > limit {
                return Err(format!(
                    "{label}: larger than the {} MiB input limit; refused",
                    limit / (1024 * 1024)
                ));
            }
            emit(Event::Doc(RawDoc {
                label,
                url: None,
                seen: None,
                format: None,
                utf8: false,
                bytes,
            }));
            Ok(())
        }
    }
}

/// True when an HTTP response is HTML: by its media type, or (when it has none)
/// by an HTML start in its first kilobyte.
fn is_html_response(h: &warc::HttpResponse) -> bool {
    match h.content_type.as_deref() {
        Some(ct) if !ct.trim().is_empty() => is_html_type(ct),
        _ => {
            let head =
                String::from_utf8_lossy(&h.body[..h.body.len().min(1024)]).to_ascii_lowercase();
            let t = head.trim_start_matches('\u{feff}').trim_start();
            t.starts_with("<!doctype html") || t.starts_with("<html") || head.contains("<head")
        }
    }
}

/// Parses one JSONL line, a [`Page`]: `{"url": …, "html": …}` or
/// `{"url": …, "text": …}`, optionally `"date"`.
pub fn jsonl_doc(line: &[u8]) -> Result<RawDoc, String> {
    let p = Page::parse(line).map_err(|e| e.to_string())?;
    Ok(RawDoc {
        label: p.url.clone().unwrap_or_default(),
        url: p.url,
        seen: p.date,
        format: Some(p.format),
        utf8: true,
        bytes: p.body.into_bytes(),
    })
}

/// Decodes and analyses one raw document.
pub fn analyze_raw(d: RawDoc, opts: Options) -> Result<Ingested, String> {
    let hash = content_hash(&d.bytes);
    let mut raw: RawInput = if d.utf8 {
        // JSONL strings are already UTF-8: keep the format the key named.
        match String::from_utf8(d.bytes) {
            Ok(text) => RawInput {
                path: d.label.clone(),
                bytes: text.len() as u64,
                format: d.format.unwrap_or(Format::Text),
                text,
                warnings: vec![],
            },
            Err(e) => unspin_ingest::decode(&d.label, e.into_bytes()).map_err(|e| e.to_string())?,
        }
    } else {
        let mut r = unspin_ingest::decode(&d.label, d.bytes).map_err(|e| e.to_string())?;
        if let Some(f) = d.format {
            r.format = f;
        }
        r
    };
    if raw.path.is_empty() {
        raw.path = "-".into();
    }
    let mut doc = unspin_pipeline::analyze_input(&raw, opts).map_err(|e| e.to_string())?;
    if doc.meta.url.is_none() {
        doc.meta.url = d.url;
    }
    Ok(Ingested {
        doc,
        hash,
        source: d.label,
        seen: d.seen,
    })
}

/// Progress line on a terminal: pages/s, bytes read and ETA.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    total_bytes: u64,
}

impl Progress {
    fn show(&mut self, r: &IngestReport, bytes: u64, force: bool) {
        if !self.on || (!force && self.last.elapsed() < Duration::from_millis(250)) {
            return;
        }
        self.last = Instant::now();
        let t = self.start.elapsed().as_secs_f64().max(1e-3);
        let rate = r.stored as f64 / t;
        let eta = if bytes > 0 && self.total_bytes > bytes {
            let left = (self.total_bytes - bytes) as f64 * t / bytes as f64;
            format!("{}:{:02}", (left as u64) / 60, (left as u64) % 60)
        } else {
            "-".into()
        };
        let pct = (bytes as f64 * 100.0 / self.total_bytes.max(1) as f64).min(100.0);
        let mut e = io::stderr().lock();
        let _ = write!(
            e,
            "\r\x1b[2K{:>5.1}%  {} stored  {:.1} pages/s  ETA {}  (known {}, non-HTML {}, failed {})",
            pct, r.stored, rate, eta, r.known, r.skipped_non_html, r.failed
        );
        if force {
            let _ = writeln!(e);
        }
        let _ = e.flush();
    }
}

/// What the reader and the analysis workers send to the writer.
enum Msg {
    Done(Result<Box<Prepared>, String>),
    Known,
    NonHtml,
    Skipped,
    Failed(String),
}

/// Ingests `inputs` (files or directories) into `store`. Errors only for
/// problems with the store itself; unreadable inputs are counted in the report.
pub fn ingest(
    inputs: &[PathBuf],
    store: &mut Store,
    opts: &IngestOptions,
) -> Result<IngestReport, String> {
    let start = Instant::now();
    let (files, input_errors) = expand_inputs(inputs);
    let total_bytes: u64 = files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    } else {
        opts.threads
    };
    let known = store
        .hash_keys()
        .map_err(|e| format!("reading the store: {e}"))?;
    let counter = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let (raw_tx, raw_rx): (SyncSender<RawDoc>, Receiver<RawDoc>) = sync_channel(threads * 4);
    let (out_tx, out_rx) = sync_channel::<Msg>(threads * 4 + opts.batch);
    let reader = spawn_reader(
        files,
        known,
        counter.clone(),
        stop.clone(),
        raw_tx,
        out_tx.clone(),
    );
    let analyzer = spawn_analyzers(threads, opts.analyze, raw_rx, out_tx)?;

    let mut rep = IngestReport {
        failed: input_errors.len() as u64,
        errors: input_errors.into_iter().take(20).collect(),
        ..Default::default()
    };
    let mut prog = Progress {
        on: opts.progress && io::stderr().is_terminal(),
        start,
        last: start,
        total_bytes,
    };
    let store_err = write_batches(&out_rx, store, opts, &mut rep, &mut prog, &counter).err();
    // Stop the reader and drain so that the other threads can finish.
    stop.store(true, Ordering::Relaxed);
    while out_rx.recv().is_ok() {}
    let _ = reader.join();
    let _ = analyzer.join();
    if let Some(e) = store_err {
        return Err(e);
    }
    rep.seconds = start.elapsed().as_secs_f64();
    rep.pages_per_second = (rep.stored as f64 / rep.seconds.max(1e-9) * 10.0).round() / 10.0;
    prog.show(&rep, total_bytes, true);
    Ok(rep)
}

/// Reader thread: streams the input files, drops content that is already known
/// (stored, or seen earlier in this run) before analysis, and sends the rest to
/// the analysis workers. Stops when `stop` is set or a channel closes.
fn spawn_reader(
    files: Vec<PathBuf>,
    mut known: std::collections::HashSet<u128>,
    counter: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    raw_tx: SyncSender<RawDoc>,
    out_tx: SyncSender<Msg>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        for f in files {
            let mut emit = |ev: Event| -> bool {
                if stop.load(Ordering::Relaxed) {
                    return false;
                }
                let msg = match ev {
                    Event::Doc(d) => {
                        let h = hash_key(&content_hash(&d.bytes));
                        if !known.insert(h) {
                            Msg::Known
                        } else {
                            return raw_tx.send(d).is_ok();
                        }
                    }
                    Event::NonHtml => Msg::NonHtml,
                    Event::Skipped => Msg::Skipped,
                    Event::Failed(e) => Msg::Failed(e),
                };
                out_tx.send(msg).is_ok()
            };
            if let Err(e) = read_input(&f, &counter, &mut emit) {
                if out_tx.send(Msg::Failed(e)).is_err() {
                    return;
                }
            }
            if stop.load(Ordering::Relaxed) {
                return;
            }
        }
    })
}

/// Analysis: a thread running a pool of `threads` workers over the bounded
/// channel, each document analysed and prepared for the store.
fn spawn_analyzers(
    threads: usize,
    aopts: Options,
    raw_rx: Receiver<RawDoc>,
    out_tx: SyncSender<Msg>,
) -> Result<std::thread::JoinHandle<()>, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    Ok(std::thread::spawn(move || {
        pool.install(|| {
            raw_rx
                .into_iter()
                .par_bridge()
                .for_each_with(out_tx, |tx, d| {
                    let r = analyze_raw(d, aopts)
                        .and_then(|it| Prepared::new(&it).map(Box::new).map_err(|e| e.to_string()));
                    let _ = tx.send(Msg::Done(r));
                });
        });
    }))
}

/// Writer (the calling thread): counts every message and commits the analysed
/// documents in batches of `opts.batch` (or every second), until the channel
/// closes or `opts.limit` documents are stored. Errors only from the store.
fn write_batches(
    out_rx: &Receiver<Msg>,
    store: &mut Store,
    opts: &IngestOptions,
    rep: &mut IngestReport,
    prog: &mut Progress,
    counter: &AtomicU64,
) -> Result<(), String> {
    let mut batch: Vec<Prepared> = Vec::with_capacity(opts.batch);
    let mut last_commit = Instant::now();
    loop {
        let msg = match out_rx.recv_timeout(Duration::from_millis(500)) {
            Ok(m) => Some(m),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if let Some(m) = msg {
            tally(m, rep, &mut batch);
        }
        if batch.len() >= opts.batch.max(1)
            || (!batch.is_empty() && last_commit.elapsed() >= Duration::from_secs(1))
        {
            commit(store, &mut batch, rep)?;
            last_commit = Instant::now();
            if opts.limit.is_some_and(|l| rep.stored >= l) {
                break;
            }
        }
        prog.show(rep, counter.load(Ordering::Relaxed), false);
    }
    commit(store, &mut batch, rep)
}

/// Counts one message in the report; an analysed document joins the batch.
fn tally(msg: Msg, rep: &mut IngestReport, batch: &mut Vec<Prepared>) {
    match msg {
        Msg::Done(Ok(it)) => {
            rep.read += 1;
            batch.push(*it);
        }
        Msg::Done(Err(e)) => {
            rep.read += 1;
            rep.failed += 1;
            if rep.errors.len() < 20 {
                rep.errors.push(e);
            }
        }
        Msg::Known => {
            rep.read += 1;
            rep.known += 1;
        }
        Msg::NonHtml => rep.skipped_non_html += 1,
        Msg::Skipped => rep.skipped_records += 1,
        Msg::Failed(e) => {
            rep.failed += 1;
            if rep.errors.len() < 20 {
                rep.errors.push(e);
            }
        }
    }
}

/// Commits a batch in one transaction and counts what was new and what the
/// store already held.
fn commit(
    store: &mut Store,
    batch: &mut Vec<Prepared>,
    rep: &mut IngestReport,
) -> Result<(), String> {
    if batch.is_empty() {
        return Ok(());
    }
    let t = Instant::now();
    let ids = store
        .insert_prepared_batch(batch)
        .map_err(|e| e.to_string())?;
    rep.write_seconds += t.elapsed().as_secs_f64();
    for id in ids {
        if id.is_some() {
            rep.stored += 1;
        } else {
            rep.known += 1;
        }
    }
    batch.clear();
    Ok(())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod sniff_tests {
    use super::*;

    fn resp(ct: Option<&str>, body: &str) -> warc::HttpResponse {
        warc::HttpResponse {
            status: 200,
            content_type: ct.map(str::to_string),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn html_by_type_or_sniffing() {
        assert!(is_html_response(&resp(
            Some("text/html; charset=utf-8"),
            "x"
        )));
        assert!(!is_html_response(&resp(Some("application/pdf"), "<html>")));
        assert!(is_html_response(&resp(None, "\n <!DOCTYPE html><html>")));
        assert!(!is_html_response(&resp(None, "%PDF-1.4")));
    }
}

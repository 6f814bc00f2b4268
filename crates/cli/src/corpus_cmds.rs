//! Corpus subcommands: `ingest`, `query`, `export` and `serve`, over the embedded
//! store (`unspin-store`), the ingester (`unspin-corpus`) and the HTTP server
//! (`unspin-server`). Each `run_*` returns the process exit code:
//! 0 success, 1 failure (named on stderr), 2 usage error.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{json, Value};
use unspin_corpus::{ingest, IngestOptions};
use unspin_store::{check_not_database, default_db_path, QuoteFilter, Store};

/// `unspin ingest INPUT... [--db corpus.db] [--threads N]`
#[derive(Args, Debug)]
#[command(
    long_about = "Analyse documents into a corpus database (SQLite, created when missing).\n\n\
INPUT may be a WARC or WARC.gz file (HTTP `response` records; non-HTML records are skipped and \
counted), a JSONL file (one {\"url\", \"html\"|\"text\"} object per line, optionally .gz), an \
article file, a directory of any of these (recursively), or - for JSONL on standard input. Runs on all cores, commits in batches, \
and is resumable: documents already stored (same content hash) are skipped, so an interrupted run \
can simply be run again.",
    after_help = "Examples:\n  unspin ingest CC-NEWS-20240101.warc.gz --db news.db\n  unspin ingest pages/ feed.jsonl --db news.db --threads 2"
)]
pub struct IngestArgs {
    /// WARC / WARC.gz / JSONL files, article files, directories, or - (JSONL on stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The corpus database [default: $UNSPIN_DB or ~/.local/share/unspin/corpus.db].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Analysis threads [default: all cores].
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// Documents per committed transaction.
    #[arg(long, value_name = "N", default_value_t = 128)]
    pub batch: usize,
    /// Stop after storing about N new documents.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// No chrome removal (text equals the input).
    #[arg(long)]
    pub no_clean: bool,
    /// Largest clean text analysed per document, in MiB; longer documents fail by name.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_text_mib: usize,
    /// No progress line even on a terminal.
    #[arg(long)]
    pub quiet: bool,
    /// Print the run's summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Output format of `query`.
#[derive(Clone, Copy, ValueEnum, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Aligned columns (long text cut) [default on a terminal].
    Table,
    /// A JSON array [default when piped].
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

/// `unspin query quotes|search|speakers|outlets|provenance|stats`
#[derive(Args, Debug)]
pub struct QueryArgs {
    #[command(subcommand)]
    pub what: QueryCommand,
    /// The corpus database [default: $UNSPIN_DB or ~/.local/share/unspin/corpus.db].
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, short, value_enum, global = true)]
    pub format: Option<TableFormat>,
    /// Most rows to print.
    #[arg(long, global = true, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Subcommand, Debug)]
pub enum QueryCommand {
    /// Quotations, earliest article first; filter by speaker, words or kind.
    Quotes {
        /// Speaker name contains this (case-insensitive).
        #[arg(long)]
        speaker: Option<String>,
        /// Words (or a "phrase") in the quotation.
        #[arg(long, short)]
        text: Option<String>,
        /// direct, partial, indirect, block or scare.
        #[arg(long)]
        kind: Option<String>,
    },
    /// Full-text search over articles (words all required; "double quotes" for phrases).
    Search { query: String },
    /// Speakers with the most quotations.
    Speakers {
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Per outlet: articles, share of attributed sentences, technique density.
    Outlets {
        #[arg(long, default_value_t = 50)]
        top: usize,
    },
    /// Every article carrying a quotation or a variant of it (trimmed, ellipses,
    /// small edits), earliest first, with whom it was attributed to.
    Provenance { quote: String },
    /// Row counts.
    Stats,
}

/// Format of `export`.
#[derive(Clone, Copy, ValueEnum, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One unspin/1 JSON report per line (with the store's `id`).
    Jsonl,
    /// A directory of Parquet files, one per table (documents, quotes, speakers,
    /// entities, sources, findings, techniques).
    Parquet,
}

/// `unspin export --db corpus.db --format parquet|jsonl OUT`
#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  unspin export --db news.db --format jsonl news.jsonl\n  \
unspin export --db news.db --format parquet news/   # news/documents.parquet, news/quotes.parquet, …"
)]
pub struct ExportArgs {
    /// Where to write: a file (- for standard output) for jsonl, a directory for parquet.
    pub out: PathBuf,
    /// The corpus database [default: $UNSPIN_DB or ~/.local/share/unspin/corpus.db].
    #[arg(long)]
    pub db: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
}

/// `unspin serve [--db corpus.db] [--port 8080]`
#[derive(Args, Debug)]
#[command(
    long_about = "Serve the web page and JSON API over a corpus database (created when missing). \
Binds 127.0.0.1 unless --bind says otherwise. API: POST /api/analyze, GET /api/docs/{id}, \
/api/search?q=, /api/quotes?speaker=&q=, /api/provenance?q=, /api/speakers, /api/outlets, /api/stats."
)]
pub struct ServeArgs {
    /// The corpus database [default: $UNSPIN_DB or ~/.local/share/unspin/corpus.db].
    #[arg(long)]
    pub db: Option<PathBuf>,
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on (use 0.0.0.0 to accept other machines: the server has no authentication).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = 4 * 1024 * 1024)]
    pub max_body: usize,
    /// Requests handled at once.
    #[arg(long, default_value_t = 16)]
    pub max_concurrency: usize,
    /// A host name the server may be reached by besides its address (and localhost
    /// on loopback); other `Host` headers get 403. Repeatable.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Analyses running at once [default: the number of cores].
    #[arg(long)]
    pub max_analyses: Option<usize>,
    /// Seconds one analysis may take before it is stopped (503).
    #[arg(long, default_value_t = 30.0)]
    pub analyze_timeout: f64,
    /// Seconds one database query may take before it is stopped (503).
    #[arg(long, default_value_t = 10.0)]
    pub query_timeout: f64,
    /// Seconds a client has to send a request's headers (idle connections are closed
    /// after as long); it has three times as long for the body.
    #[arg(long, default_value_t = 10.0)]
    pub read_timeout: f64,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("unspin: {msg}");
    ExitCode::from(1)
}

/// Runs `unspin ingest`.
pub fn run_ingest(a: IngestArgs) -> ExitCode {
    let db = a.db.unwrap_or_else(default_db_path);
    let mut store = match Store::open(&db) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let opts = IngestOptions {
        threads: a.threads,
        batch: a.batch.max(1),
        progress: !a.quiet,
        analyze: unspin_pipeline::Options {
            clean: !a.no_clean,
            max_text_bytes: a.max_text_mib.saturating_mul(1024 * 1024),
            ..Default::default()
        },
        limit: a.limit,
    };
    let r = match ingest(&a.inputs, &mut store, &opts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    for e in &r.errors {
        eprintln!("unspin: {e}");
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    }
    eprintln!(
        "{}: stored {} new, {} already known, skipped {} non-HTML and {} other records, {} failed; {:.1} s, {} pages/s",
        db.display(),
        r.stored,
        r.known,
        r.skipped_non_html,
        r.skipped_records,
        r.failed,
        r.seconds,
        r.pages_per_second
    );
    // Exit 1 when any input or record failed (the rest is stored; a re-run resumes).
    if r.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn open_existing(db: Option<PathBuf>) -> Result<Store, String> {
    let db = db.unwrap_or_else(default_db_path);
    if !db.exists() {
        return Err(format!(
            "{}: no such database (create one with `unspin ingest INPUT --db {}`)",
            db.display(),
            db.display()
        ));
    }
    Store::open_read_only(&db).map_err(|e| e.to_string())
}

fn s(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Rows for printing: headers, cells, and the JSON form.
type Rows = (Vec<&'static str>, Vec<Vec<String>>, Value);

fn query_rows(store: &Store, what: &QueryCommand, limit: usize) -> Result<Rows, String> {
    let e = |e: unspin_store::Error| e.to_string();
    Ok(match what {
        QueryCommand::Quotes {
            speaker,
            text,
            kind,
        } => {
            let rows = store
                .quotes(&QuoteFilter {
                    speaker: speaker.clone(),
                    text: text.clone(),
                    kind: kind.clone(),
                    limit,
                    ..Default::default()
                })
                .map_err(e)?;
            (
                vec!["date", "speaker", "quote", "kind", "outlet", "doc"],
                rows.iter()
                    .map(|q| {
                        vec![
                            s(&q.date),
                            s(&q.speaker),
                            q.text.clone(),
                            q.kind.clone(),
                            s(&q.outlet),
                            q.doc_id.to_string(),
                        ]
                    })
                    .collect(),
                json!(rows),
            )
        }
        QueryCommand::Search { query } => {
            let rows = store.search(query, limit, 0).map_err(e)?;
            (
                vec!["doc", "title", "outlet", "date", "snippet"],
                rows.iter()
                    .map(|h| {
                        vec![
                            h.doc.id.to_string(),
                            s(&h.doc.title),
                            s(&h.doc.outlet),
                            s(&h.doc.published).max(s(&h.doc.seen)),
                            h.snippet.replace(['\u{2}', '\u{3}'], "*"),
                        ]
                    })
                    .collect(),
                json!(rows),
            )
        }
        QueryCommand::Speakers { top } => {
            let rows = store.speakers((*top).min(limit.max(*top))).map_err(e)?;
            (
                vec!["speaker", "quotes", "articles"],
                rows.iter()
                    .map(|r| {
                        vec![
                            r.name.clone(),
                            r.quotes.to_string(),
                            r.documents.to_string(),
                        ]
                    })
                    .collect(),
                json!(rows),
            )
        }
        QueryCommand::Outlets { top } => {
            let rows = store.outlets(*top).map_err(e)?;
            (
                vec![
                    "outlet",
                    "articles",
                    "attributed_share",
                    "techniques_per_1k_words",
                ],
                rows.iter()
                    .map(|r| {
                        vec![
                            r.outlet.clone(),
                            r.articles.to_string(),
                            format!("{:.3}", r.attributed_share),
                            format!("{:.3}", r.technique_density),
                        ]
                    })
                    .collect(),
                json!(rows),
            )
        }
        QueryCommand::Provenance { quote } => {
            let rows = store.provenance(quote, limit).map_err(e)?;
            (
                vec![
                    "date",
                    "speaker",
                    "relation",
                    "similarity",
                    "quote",
                    "outlet",
                    "doc",
                ],
                rows.iter()
                    .map(|h| {
                        vec![
                            s(&h.quote.date),
                            s(&h.quote.speaker),
                            h.relation.clone(),
                            format!("{:.2}", h.similarity),
                            h.quote.text.clone(),
                            s(&h.quote.outlet),
                            h.quote.doc_id.to_string(),
                        ]
                    })
                    .collect(),
                json!(rows),
            )
        }
        QueryCommand::Stats => {
            let st = store.stats().map_err(e)?;
            let v = json!(st);
            let rows = v
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| vec![k.clone(), v.to_string()])
                        .collect()
                })
                .unwrap_or_default();
            (vec!["table", "rows"], rows, v)
        }
    })
}

fn csv_cell(c: &str) -> String {
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

fn cut(c: &str, w: usize) -> String {
    let c = c.replace(['\n', '\r', '\t'], " ");
    if c.chars().count() <= w {
        c
    } else {
        let mut t: String = c.chars().take(w.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_table(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    const MAX: usize = 60;
    let mut w: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(cut(c, MAX).chars().count());
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{:<width$}", c, width = w[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(headers.iter().map(|h| h.to_string()).collect())
    )?;
    writeln!(out, "{}", line(w.iter().map(|n| "-".repeat(*n)).collect()))?;
    for r in rows {
        writeln!(out, "{}", line(r.iter().map(|c| cut(c, MAX)).collect()))?;
    }
    if rows.is_empty() {
        writeln!(out, "(no rows)")?;
    }
    Ok(())
}

/// Runs `unspin query …`.
pub fn run_query(a: QueryArgs) -> ExitCode {
    let store = match open_existing(a.db) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let (headers, rows, v) = match query_rows(&store, &a.what, a.limit.max(1)) {
        Ok(x) => x,
        Err(e) => return fail(e),
    };
    let fmt = a.format.unwrap_or(if std::io::stdout().is_terminal() {
        TableFormat::Table
    } else {
        TableFormat::Json
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let res = match fmt {
        TableFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ),
        TableFormat::Csv => (|| {
            writeln!(out, "{}", headers.join(","))?;
            for r in &rows {
                writeln!(
                    out,
                    "{}",
                    r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",")
                )?;
            }
            Ok(())
        })(),
        TableFormat::Table => print_table(&mut out, &headers, &rows),
    };
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// Runs `unspin export`.
pub fn run_export(a: ExportArgs) -> ExitCode {
    let db = a.db.clone().unwrap_or_else(default_db_path);
    if a.out.as_os_str() != "-" {
        let outs: Vec<PathBuf> = match a.format {
            ExportFormat::Jsonl => vec![a.out.clone()],
            ExportFormat::Parquet => std::iter::once(a.out.clone())
                .chain(
                    parquet_tables()
                        .iter()
                        .map(|t| a.out.join(format!("{t}.parquet"))),
                )
                .collect(),
        };
        for o in outs {
            if let Err(e) = check_not_database(&o, &db) {
                eprintln!("unspin: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let store = match open_existing(Some(db)) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if a.format == ExportFormat::Parquet {
        return export_parquet(&store, &a.out);
    }
    let res = if a.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        store
            .export_jsonl(&mut w)
            .and_then(|n| {
                w.flush()?;
                Ok(n)
            })
            .map_err(|e| e.to_string())
    } else {
        store.export_jsonl_file(&a.out)
    };
    match res {
        Ok(n) => {
            eprintln!("exported {n} documents to {}", a.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// The tables a Parquet export writes (one `<table>.parquet` each).
#[cfg(feature = "parquet")]
fn parquet_tables() -> &'static [&'static str] {
    unspin_store::parquet::PARQUET_TABLES
}

#[cfg(not(feature = "parquet"))]
fn parquet_tables() -> &'static [&'static str] {
    &[]
}

/// Writes `out/<table>.parquet` for every table.
#[cfg(feature = "parquet")]
fn export_parquet(store: &Store, out: &std::path::Path) -> ExitCode {
    if out.as_os_str() == "-" {
        return fail("--format parquet writes a directory of files, not standard output");
    }
    if out.is_file() {
        return fail(format!(
            "{}: is a file; --format parquet writes a directory",
            out.display()
        ));
    }
    match store.export_parquet(out) {
        Ok(files) => {
            let counts: Vec<String> = files
                .iter()
                .map(|f| format!("{} {}", f.rows, f.table))
                .collect();
            eprintln!("exported {} to {}", counts.join(", "), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// This build has no Parquet writer: say how to get one.
#[cfg(not(feature = "parquet"))]
fn export_parquet(_: &Store, _: &std::path::Path) -> ExitCode {
    fail(
        "--format parquet is not in this build (built without the `parquet` feature); \
         rebuild with `cargo build --release --features parquet`, or use --format jsonl",
    )
}

/// Runs `unspin serve` (until the process is stopped).
pub fn run_serve(a: ServeArgs) -> ExitCode {
    let db = a.db.unwrap_or_else(default_db_path);
    let mut cfg = unspin_server::Config::new(&db);
    cfg.addr = std::net::SocketAddr::new(a.bind, a.port);
    cfg.max_body = a.max_body;
    cfg.max_concurrency = a.max_concurrency.max(1);
    cfg.allow_hosts = a.allow_host;
    if let Some(n) = a.max_analyses {
        cfg.max_analyses = n.max(1);
    }
    let secs = |s: f64| std::time::Duration::from_secs_f64(s.clamp(0.001, 86_400.0));
    cfg.analyze_timeout = secs(a.analyze_timeout);
    cfg.query_timeout = secs(a.query_timeout);
    cfg.header_timeout = secs(a.read_timeout);
    cfg.body_timeout = secs(3.0 * a.read_timeout);
    let shown = db.display().to_string();
    match unspin_server::run(cfg, |addr| {
        eprintln!("unspin: serving {shown} on http://{addr}/ (Ctrl-C to stop)");
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

//! `unspin`: the command-line shell around the unspin library.
//!
//! Thin on purpose: it parses arguments, expands inputs, runs the pipeline on all
//! cores and prints the chosen report. Exit codes: 0 ok, 1 some input failed,
//! 2 usage error.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use unspin_corpus::Page;
use unspin_pipeline::{Doc, Options};

mod corpus_cmds;

/// The article analysed when `unspin analyze` is given no input on a terminal.
const EXAMPLE: &str = include_str!("../assets/example.txt");

#[derive(Parser)]
#[command(
    name = "unspin",
    version,
    about = "Reads news the way a careful editor or fact-checker does",
    long_about = "unspin reads a news article (plain text or HTML) and reports checkable evidence: \
the article text without page chrome, its metadata, the people, organisations and outlets in it, \
every quotation with its speaker and cue, how each claim is sourced (named, anonymous, rumour, \
nothing) and problems in that sourcing, and rhetorical techniques such as loaded language, name \
calling and speculation presented as fact.",
    after_help = "Examples:\n  unspin analyze                       analyse the built-in example article\n  unspin analyze article.txt           report on one article (text on a terminal, JSON when piped)\n  unspin analyze --format html page.html > report.html\n  cat article.txt | unspin analyze -   read standard input\n  unspin eval quotes ../shared/data/polnear\n\nExit status: 0 success, 1 when any input failed, 2 on usage errors."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print a report.
    #[command(
        long_about = "Analyse one or more articles and print a report.\n\n\
INPUT may be a file (plain text, HTML, or either compressed as .gz), a directory (every .txt, \
.html, .htm and .md file in it, recursively), or - for standard input. With no INPUT on a \
terminal, the built-in example article is analysed.\n\n\
The JSON report (schema unspin/1, documented in docs/schema.md) gives every span as Unicode \
character offsets into its `text` field, end exclusive.",
        after_help = "Examples:\n  unspin analyze article.txt\n  unspin analyze --format json a.txt b.html.gz > out.json\n  unspin analyze --format jsonl corpus/ > out.jsonl\n  unspin analyze --no-clean --format json clean.txt"
    )]
    Analyze(AnalyzeArgs),
    /// Score unspin against annotated public data sets.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Extract the article (clean text, blocks and metadata) from HTML pages.
    #[command(
        long_about = "Extract the article from HTML pages (.html, .html.gz, a directory, or - for standard input): \
the body text without headline or page chrome (paragraphs separated by a blank line), its blocks \
(paragraph, heading, blockquote, list_item, caption, pre) and metadata (title, byline, published, \
outlet, language, canonical url).",
        after_help = "Examples:\n  unspin extract page.html.gz\n  unspin extract --format jsonl pages/ > articles.jsonl"
    )]
    Extract(ExtractArgs),
    /// Analyse WARC / JSONL / article files into a corpus database (all cores, resumable).
    Ingest(corpus_cmds::IngestArgs),
    /// Query a corpus: quotes, search, speakers, outlets, provenance, stats.
    Query(corpus_cmds::QueryArgs),
    /// Export a corpus as JSONL (one unspin/1 report per line) or Parquet (one file per table).
    Export(corpus_cmds::ExportArgs),
    /// Serve the web page and JSON API (127.0.0.1:8080 by default).
    Serve(corpus_cmds::ServeArgs),
    /// Train the project's own models from annotated data.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Tag tokens with the named-entity model.
    #[command(
        long_about = "Tag tokens with the shipped named-entity model (PER, ORG, LOC, MISC; IOB2).\n\n\
With --conll, FILE holds CoNLL token lines (first column the token, a blank line between \
sentences, -DOCSTART- lines kept); every line is printed back unchanged with the predicted tag \
appended as a last column.",
        after_help = "Example:\n  unspin tag --conll ../shared/data/conll2003/dev.txt > dev.tagged"
    )]
    Tag {
        /// Read CoNLL token lines (the only input format so far).
        #[arg(long, required = true)]
        conll: bool,
        /// CoNLL file, or - for standard input.
        file: String,
    },
}

#[derive(Args)]
struct ExtractArgs {
    /// HTML files, directories, or - for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// jsonl: one JSON object per page; text: the body only.
    #[arg(short, long, value_enum, default_value = "jsonl")]
    format: ExtractFormat,
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum ExtractFormat {
    Jsonl,
    Text,
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity tagger on CoNLL-2003-style data (deterministic).
    #[command(
        after_help = "Example (the command that built models/ner.bin):\n  unspin train ner --data ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt --out models/ner.bin"
    )]
    Ner {
        /// Training file (CoNLL columns, IOB tags in the last column).
        #[arg(long)]
        data: PathBuf,
        /// Development file to score after training.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long, default_value = "models/ner.bin")]
        out: PathBuf,
    },
    /// Train the rhetoric model (propaganda-technique spans and classes) on the PTC corpus.
    #[command(
        long_about = "Train the rhetoric model on the train part of the PTC split in DIR \
(SemEval-2020 Task 11; the split is by a stable hash of each article id, 80% train, 20% held out \
and never trained on). Deterministic: two runs write byte-identical files. Prints the settings \
chosen by 5-fold cross-validation inside the train part and the held-out scores.",
        after_help = "Example (the command that built models/rhetoric.bin):\n  unspin train rhetoric ../shared/data/ptc-semeval2020-task11 --out models/rhetoric.bin"
    )]
    Rhetoric {
        /// PTC folder (ids.txt, articles/, labels-si/, labels-tc/).
        dir: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "models/rhetoric.bin")]
        out: PathBuf,
    },
    /// Train the attribution model (content, cue and source of reported speech) on PolNeAR.
    #[command(
        long_about = "Train the quotes stage's attribution model on every PolNeAR train article in DIR \
(polnear-train.tar.gz, see its README). Deterministic: two runs write byte-identical files. \
`unspin eval quotes DIR --cv 5` scores the same recipe by cross-validation.",
        after_help = "Example (the command that built models/quotes.bin):\n  unspin train quotes ../shared/data/polnear --out models/quotes.bin"
    )]
    Quotes {
        /// Folder with polnear-train.tar.gz (or an unpacked polnear-train/).
        dir: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "models/quotes.bin")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Quotations, speakers and cues on PolNeAR (attribution relations in political news).
    #[command(
        long_about = "Score quotation extraction on PolNeAR (DIR holds polnear-train.tar.gz, see its README): \
content-span precision, recall and F1 for direct and indirect quotes separately, and speaker accuracy. \
Without --cv this scores what analyze reports, whose attribution model was trained on these very \
articles (optimistic); --cv K scores the training recipe on held-out folds.",
        after_help = "Examples:\n  unspin eval quotes ../shared/data/polnear --cv 5\n  unspin eval quotes ../shared/data/polnear --cv 5 --curve 0.25,0.5"
    )]
    Quotes {
        /// Folder with polnear-train.tar.gz (or an unpacked polnear-train/).
        dir: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Cross-validate the attribution model's training recipe with K folds (K ≥ 2):
        /// each article scored by a model trained on the other folds, next to the rules alone.
        #[arg(long, value_name = "K")]
        cv: Option<usize>,
        /// With --cv: also learning-curve rows, training on these fractions of each
        /// training part (comma-separated, e.g. 0.1,0.25,0.5).
        #[arg(long, value_delimiter = ',', requires = "cv")]
        curve: Vec<f64>,
    },
    /// Article extraction from HTML, scored as each data set's README defines it.
    #[command(
        long_about = "Score HTML main-content extraction on one of the development sets in ../shared/data \
(scrapinghub-aeb, cleaneval, cleanportaleval, l3s-gn1, trafilatura-eval): precision, recall and F1 \
on a tuning part and a held-out part of the set, metadata accuracy where annotated, and pages/s.",
        after_help = "Example:\n  unspin eval extraction ../shared/data/scrapinghub-aeb"
    )]
    Extraction {
        /// The set's folder; its name says which set it is unless --set is given.
        dir: PathBuf,
        /// Set name (default: the folder's name).
        #[arg(long)]
        set: Option<String>,
    },
    /// Propaganda techniques on PTC (SemEval-2020 Task 11): span identification and technique classification.
    #[command(
        long_about = "Score the rhetoric stage on the PTC corpus in DIR with the task's metrics: span \
identification (SI) precision, recall and F1 with partial-overlap credit, and technique \
classification (TC) micro-F1 on the gold spans. Rows: the lexicon rules alone, the trained model \
alone, and `detect` (what analyze reports), on the train part and on the held-out part. With \
--cv K, also the whole training recipe cross-validated over every article (K folds; each fold \
scored by a model trained on the others; minutes on the full set).",
        after_help = "Examples:\n  unspin eval rhetoric ../shared/data/ptc-semeval2020-task11\n  unspin eval rhetoric ../shared/data/ptc-semeval2020-task11 --cv 5"
    )]
    Rhetoric {
        /// PTC folder (ids.txt, articles/, labels-si/, labels-tc/).
        dir: PathBuf,
        /// Also cross-validate the training recipe with K folds (K ≥ 2).
        #[arg(long, value_name = "K")]
        cv: Option<u64>,
    },
    /// Named entities: entity-level precision, recall and F1 per type (conlleval semantics).
    Ner {
        /// CoNLL file with gold tags in the last column.
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum Format {
    /// Readable report for a terminal.
    Text,
    /// One JSON document (an array when there are several inputs).
    Json,
    /// One compact JSON document per line.
    Jsonl,
    /// Markdown report.
    Md,
    /// One self-contained HTML page per input, with highlighted spans.
    Html,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

#[derive(Args)]
struct AnalyzeArgs {
    /// Files, directories, or - for standard input.
    inputs: Vec<String>,
    /// Output format [default: text on a terminal, json otherwise].
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// Analyse the input verbatim: no chrome removal, `text` equals the input.
    #[arg(long)]
    no_clean: bool,
    /// Skip the rhetoric stage (techniques, opinion, speculation).
    #[arg(long)]
    no_rhetoric: bool,
    /// Only report technique spans scoring at least this much (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    min_score: f32,
    /// Analyse the built-in example article.
    #[arg(long, conflicts_with = "inputs")]
    example: bool,
    /// Write one report file per input into DIR instead of printing.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Colour in the text report: auto, always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    color: String,
    /// Largest clean text analysed per document, in MiB; longer documents are refused.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    max_text_mib: usize,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Analyze(args) => analyze(args),
        Command::Eval { what } => eval(what),
        Command::Train { what } => train(what),
        Command::Extract(a) => extract(a),
        Command::Ingest(a) => corpus_cmds::run_ingest(a),
        Command::Query(a) => corpus_cmds::run_query(a),
        Command::Export(a) => corpus_cmds::run_export(a),
        Command::Serve(a) => corpus_cmds::run_serve(a),
        Command::Tag { conll: _, file } => tag(&file),
    }
}

fn read_text(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("-: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn tag(file: &str) -> ExitCode {
    match read_text(file) {
        Ok(text) => {
            let out = unspin_train::ner::tag_conll(&text);
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("unspin: tag: {e}");
            ExitCode::from(1)
        }
    }
}

fn train(what: TrainCommand) -> ExitCode {
    match what {
        TrainCommand::Ner { data, dev, out } => {
            let opts = unspin_train::ner::TrainOptions {
                verbose: true,
                ..Default::default()
            };
            let (model, report) = match unspin_train::ner::train(&data, dev.as_deref(), &opts) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("unspin: train ner {}: {e}", data.display());
                    return ExitCode::from(1);
                }
            };
            let bytes = model.to_bytes();
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("unspin: train ner: writing {}: {e}", out.display());
                return ExitCode::from(1);
            }
            if let Some(d) = &report.dev {
                println!("{d}");
            }
            println!(
                "wrote {} ({} bytes); training took {:.1}s",
                out.display(),
                bytes.len(),
                report.secs
            );
            ExitCode::SUCCESS
        }
        TrainCommand::Rhetoric { dir, out } => match unspin_train::rhetoric::train(&dir, &out) {
            Ok(report) => {
                println!("{report}");
                println!("wrote {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("unspin: train rhetoric {}: {e}", dir.display());
                ExitCode::from(1)
            }
        },
        TrainCommand::Quotes { dir, out } => {
            let t0 = std::time::Instant::now();
            let opts = unspin_train::quotes::TrainOptions::default();
            match unspin_train::quotes::train_polnear(&dir, &opts) {
                Ok((model, info)) => {
                    let bytes = model.to_bytes();
                    if let Err(e) = std::fs::write(&out, &bytes) {
                        eprintln!("unspin: train quotes: writing {}: {e}", out.display());
                        return ExitCode::from(1);
                    }
                    println!("{info}");
                    println!(
                        "wrote {} ({} bytes, {} weight rows); training took {:.1}s",
                        out.display(),
                        bytes.len(),
                        model.rows(),
                        t0.elapsed().as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("unspin: train quotes {}: {e}", dir.display());
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn extract(args: ExtractArgs) -> ExitCode {
    if let Some(n) = args.threads {
        if n == 0 {
            eprintln!("unspin: --threads must be at least 1");
            return ExitCode::from(2);
        }
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let mut failed = false;
    let mut paths = Vec::new();
    for input in &args.inputs {
        let (found, errors) = expand(input);
        for e in errors {
            eprintln!("unspin: {e}");
            failed = true;
        }
        paths.extend(found);
    }
    let results: Vec<Result<String, String>> = paths
        .par_iter()
        .map(|p| {
            let raw = unspin_pipeline::read_path(p).map_err(|e| e.to_string())?;
            let x = unspin_pipeline::main_content(&raw.text);
            Ok(match args.format {
                ExtractFormat::Text => {
                    if x.text.is_empty() {
                        String::new()
                    } else {
                        x.text.clone() + "\n"
                    }
                }
                ExtractFormat::Jsonl => {
                    let mut v = x.to_json();
                    if let Some(o) = v.as_object_mut() {
                        let mut with_path = serde_json::Map::new();
                        with_path.insert("path".into(), serde_json::Value::String(p.clone()));
                        with_path.extend(std::mem::take(o));
                        *o = with_path;
                    }
                    serde_json::to_string(&v).unwrap_or_default() + "\n"
                }
            })
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(s) => {
                if args.format == ExtractFormat::Text && i > 0 && !s.is_empty() {
                    let _ = out.write_all(b"\n");
                }
                if out.write_all(s.as_bytes()).is_err() {
                    break;
                }
            }
            Err(e) => {
                eprintln!("unspin: {e}");
                failed = true;
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn eval(what: EvalCommand) -> ExitCode {
    match what {
        EvalCommand::Extraction { dir, set } => {
            let set = set.unwrap_or_else(|| {
                dir.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            if !unspin_eval::extraction::SETS.contains(&set.as_str()) {
                eprintln!(
                    "unspin: eval extraction: unknown set {set:?}; use --set with one of {}",
                    unspin_eval::extraction::SETS.join(", ")
                );
                return ExitCode::from(2);
            }
            match unspin_eval::extraction::evaluate(&set, &dir) {
                Ok(r) => {
                    println!("{r}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("unspin: eval extraction {}: {e}", dir.display());
                    ExitCode::from(1)
                }
            }
        }
        EvalCommand::Ner { file } => {
            let scores = read_text(&file.to_string_lossy())
                .and_then(|t| unspin_train::ner::eval_conll(&t, unspin_train::ner::embedded()));
            match scores {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("unspin: eval ner: {e}");
                    ExitCode::from(1)
                }
            }
        }
        EvalCommand::Rhetoric { dir, cv } => match unspin_eval::rhetoric::evaluate_cv(&dir, cv) {
            Ok(r) => {
                println!("{r}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("unspin: eval rhetoric {}: {e}", dir.display());
                ExitCode::from(1)
            }
        },
        EvalCommand::Quotes {
            dir,
            json,
            cv,
            curve,
        } => {
            // The plain scores, or the cross-validated ones: printed the same way.
            let report = match cv {
                Some(k) => {
                    let opts = unspin_train::quotes::TrainOptions::default();
                    unspin_eval::quotes::cross_validate(&dir, k, &opts, &curve)
                        .map(|r| (r.to_json(), r.to_string()))
                }
                None => unspin_eval::quotes::evaluate(&dir).map(|r| (r.to_json(), r.to_string())),
            };
            match report {
                Ok((as_json, text)) => {
                    if json {
                        println!(
                            "{}",
                            serde_json::to_string_pretty(&as_json).unwrap_or_default()
                        );
                    } else {
                        println!("{text}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("unspin: eval quotes {}: {e}", dir.display());
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// One unit of work: a path to read, input already read, or the embedded example.
enum Job {
    Path(String),
    Raw(unspin_pipeline::RawInput),
    Example,
}

/// `analyze --format jsonl -` with JSON Lines on stdin (`{"url", "html"|"text"}` per
/// line): a streaming filter, one report line out per line in, in order, bounded memory.
fn stream_jsonl(first: Vec<u8>, opts: Options) -> ExitCode {
    // At most BATCH lines or BATCH_BYTES in flight: memory stays bounded whatever
    // the length of the stream or of its lines (each line capped while reading).
    const BATCH: usize = 256;
    const BATCH_BYTES: usize = 64 * 1024 * 1024;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut pending = vec![(1usize, first)];
    let mut pending_bytes = pending[0].1.len();
    let mut next_no = 2usize;
    let mut at_end = false;
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    loop {
        while !at_end && pending.len() < BATCH && pending_bytes < BATCH_BYTES {
            let mut line = Vec::new();
            match unspin_ingest::read_line_capped(
                &mut input,
                &mut line,
                unspin_ingest::MAX_INPUT_BYTES,
            ) {
                Ok(0) => at_end = true,
                Ok(_) => {
                    pending_bytes += line.len();
                    pending.push((next_no, line));
                }
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    eprintln!("unspin: -: line {next_no}: {e}");
                    failed = true;
                }
                Err(e) => {
                    eprintln!("unspin: -: line {next_no}: {e}");
                    failed = true;
                    at_end = true;
                }
            }
            next_no += 1;
        }
        if pending.is_empty() {
            break;
        }
        let results: Vec<Result<String, String>> = pending
            .par_iter()
            .map(|(no, line)| {
                if line.iter().all(u8::is_ascii_whitespace) {
                    return Ok(String::new());
                }
                let page = Page::parse(line).map_err(|e| format!("-: line {no}: {e}"))?;
                let label = page.url.clone().unwrap_or_else(|| format!("-:{no}"));
                let doc = page.analyze(&label, opts).map_err(|e| e.to_string())?;
                Ok(serde_json::to_string(&doc.report()).unwrap_or_default() + "\n")
            })
            .collect();
        pending.clear();
        pending_bytes = 0;
        for r in results {
            match r {
                Ok(s) => {
                    if out.write_all(s.as_bytes()).is_err() {
                        return ExitCode::from(1);
                    }
                }
                Err(e) => {
                    eprintln!("unspin: {e}");
                    failed = true;
                }
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze(args: AnalyzeArgs) -> ExitCode {
    let (format, color) = match output_choice(&args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Err(code) = apply_limits(&args) {
        return code;
    }
    let mut failed = false;
    let stdin_piped = !std::io::stdin().is_terminal();
    let reads_stdin =
        args.inputs == ["-"] || (args.inputs.is_empty() && !args.example && stdin_piped);
    let jobs = if reads_stdin {
        match stdin_job(&args, format) {
            Ok(job) => vec![job],
            Err(code) => return code,
        }
    } else {
        input_jobs(&args, &mut failed)
    };
    if let Err(code) = check_jobs(&jobs, format, &args) {
        return code;
    }
    let docs = analyze_jobs(&jobs, opts_of(&args), &mut failed);
    let written = match &args.out_dir {
        Some(dir) => write_files(dir, &docs, format, color),
        None => print_all(&docs, format, color),
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("unspin: writing output: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The output format (`--format`, else text on a terminal and JSON otherwise) and
/// whether to colour it (`--color`); exit code 2 for a bad `--color`.
fn output_choice(args: &AnalyzeArgs) -> Result<(Format, bool), ExitCode> {
    let stdout_tty = std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if stdout_tty {
        Format::Text
    } else {
        Format::Json
    });
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        "auto" => stdout_tty && std::env::var_os("NO_COLOR").is_none() && args.out_dir.is_none(),
        other => {
            eprintln!("unspin: --color must be auto, always or never, not {other:?}");
            return Err(ExitCode::from(2));
        }
    };
    Ok((format, color))
}

/// Checks `--min-score` and `--threads`, and sizes the global thread pool.
fn apply_limits(args: &AnalyzeArgs) -> Result<(), ExitCode> {
    if !(0.0..=1.0).contains(&args.min_score) {
        eprintln!("unspin: --min-score must be between 0 and 1");
        return Err(ExitCode::from(2));
    }
    if let Some(n) = args.threads {
        if n == 0 {
            eprintln!("unspin: --threads must be at least 1");
            return Err(ExitCode::from(2));
        }
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    Ok(())
}

/// Standard input as one job. JSON Lines of pages with `--format jsonl` (and no
/// `--out-dir`) are instead run through the streaming filter: `Err` then carries its
/// exit code, as it does for a read error.
fn stdin_job(args: &AnalyzeArgs, format: Format) -> Result<Job, ExitCode> {
    // Peek at stdin: JSON Lines of pages make `analyze` a streaming filter.
    // Every read is capped while reading (a huge stream is refused, not held).
    let mut first = Vec::new();
    let peeked = unspin_ingest::read_line_capped(
        &mut std::io::stdin().lock(),
        &mut first,
        unspin_ingest::MAX_INPUT_BYTES,
    );
    match peeked {
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            eprintln!(
                "unspin: -: standard input is larger than the {} MiB input limit; refused",
                unspin_ingest::MAX_INPUT_BYTES >> 20
            );
            return Err(ExitCode::from(1));
        }
        Err(e) => {
            eprintln!("unspin: -: {e}");
            return Err(ExitCode::from(1));
        }
        Ok(_) => {}
    }
    if Page::looks_like(&first) && format == Format::Jsonl && args.out_dir.is_none() {
        return Err(stream_jsonl(first, opts_of(args)));
    }
    match unspin_ingest::read_stdin_capped(first) {
        Ok(raw) => Ok(Job::Raw(raw)),
        Err(e) => {
            eprintln!("unspin: {e}");
            Err(ExitCode::from(1))
        }
    }
}

/// The jobs named on the command line: the example, or every article file of the
/// inputs (directories expanded). Inputs that give nothing are reported and set
/// `failed`.
fn input_jobs(args: &AnalyzeArgs, failed: &mut bool) -> Vec<Job> {
    if args.example {
        return vec![Job::Example];
    }
    if args.inputs.is_empty() {
        eprintln!(
            "unspin: no input given; analysing the built-in example (see `unspin analyze --help`)"
        );
        return vec![Job::Example];
    }
    let mut jobs = Vec::new();
    for input in &args.inputs {
        let (paths, errors) = expand(input);
        for e in &errors {
            eprintln!("unspin: {e}");
            *failed = true;
        }
        if paths.is_empty() && errors.is_empty() {
            eprintln!("unspin: {input}: no article files in this directory");
            *failed = true;
        }
        jobs.extend(paths.into_iter().map(Job::Path));
    }
    jobs
}

/// Refuses job lists that can't be run or written: `-` twice, or several HTML pages
/// without `--out-dir`.
fn check_jobs(jobs: &[Job], format: Format, args: &AnalyzeArgs) -> Result<(), ExitCode> {
    if jobs
        .iter()
        .filter(|j| matches!(j, Job::Path(p) if p == "-"))
        .count()
        > 1
    {
        eprintln!("unspin: standard input (-) can be given only once");
        return Err(ExitCode::from(2));
    }
    if format == Format::Html && jobs.len() > 1 && args.out_dir.is_none() {
        eprintln!(
            "unspin: --format html with several inputs needs --out-dir DIR (one page per input)"
        );
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// Analyses the jobs in parallel and returns the documents in input order; their
/// warnings and the failures are printed (failures set `failed`).
fn analyze_jobs(jobs: &[Job], opts: Options, failed: &mut bool) -> Vec<Doc> {
    let results: Vec<Result<Doc, String>> = jobs
        .par_iter()
        .map(|job| {
            let mut doc = match job {
                Job::Example => unspin_pipeline::analyze_text("example", EXAMPLE, opts)
                    .map_err(|e| e.to_string())?,
                Job::Raw(raw) => {
                    unspin_pipeline::analyze_input(raw, opts).map_err(|e| e.to_string())?
                }
                Job::Path(p) => {
                    unspin_pipeline::analyze_path(p, opts).map_err(|e| e.to_string())?
                }
            };
            // Reports are written once all are done, in input order: keep only what they show.
            doc.drop_tokens();
            Ok(doc)
        })
        .collect();

    let mut docs = Vec::new();
    for r in results {
        match r {
            Ok(d) => {
                for w in &d.warnings {
                    eprintln!("unspin: {}: warning: {w}", d.input.path);
                }
                docs.push(d);
            }
            Err(e) => {
                eprintln!("unspin: {e}");
                *failed = true;
            }
        }
    }
    docs
}

fn opts_of(args: &AnalyzeArgs) -> Options {
    Options {
        clean: !args.no_clean,
        rhetoric: !args.no_rhetoric,
        max_text_bytes: args.max_text_mib.saturating_mul(1024 * 1024),
        min_score: args.min_score,
    }
}

fn render(doc: &Doc, format: Format, color: bool) -> String {
    match format {
        Format::Text => {
            let mut o = unspin_report::TextOptions::for_terminal(color);
            o.color = color;
            unspin_report::text_with(doc, o)
        }
        Format::Md => unspin_report::markdown(doc),
        Format::Html => unspin_report::html(doc),
        Format::Json => serde_json::to_string_pretty(&doc.report()).unwrap_or_default() + "\n",
        Format::Jsonl => serde_json::to_string(&doc.report()).unwrap_or_default() + "\n",
    }
}

fn print_all(docs: &[Doc], format: Format, color: bool) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // JSON is streamed into the output (no tree or string of the whole report).
    if format == Format::Json && docs.len() > 1 {
        let all: Vec<_> = docs.iter().map(|d| d.report()).collect();
        serde_json::to_writer_pretty(&mut out, &all)?;
        writeln!(out)?;
    } else {
        for (i, d) in docs.iter().enumerate() {
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &d.report())?;
                    writeln!(out)?;
                }
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &d.report())?;
                    writeln!(out)?;
                }
                _ => {
                    if i > 0 && matches!(format, Format::Text | Format::Md) {
                        writeln!(out)?;
                    }
                    out.write_all(render(d, format, color).as_bytes())?;
                }
            }
        }
    }
    out.flush()
}

fn write_files(dir: &Path, docs: &[Doc], format: Format, color: bool) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut used = std::collections::HashSet::new();
    for d in docs {
        let stem = Path::new(&d.input.path)
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| s != "-")
            .unwrap_or_else(|| "stdin".into());
        let mut name = format!("{stem}.{}", format.ext());
        let mut n = 1;
        while !used.insert(name.clone()) {
            n += 1;
            name = format!("{stem}-{n}.{}", format.ext());
        }
        std::fs::write(dir.join(&name), render(d, format, color))?;
    }
    Ok(())
}

/// Expands a directory into the article files inside it; a file or `-` stays
/// itself. Returns the files found and, separately, what could not be used (a
/// missing path, an unreadable folder, a FIFO or device inside a folder), so that
/// one bad entry never hides the rest.
fn expand(input: &str) -> (Vec<String>, Vec<String>) {
    if input != "-" {
        if let Err(e) = std::fs::metadata(input) {
            return (vec![], vec![format!("{input}: {e}")]);
        }
    }
    let (files, errors) = unspin_pipeline::expand_paths_lenient(&[input.to_string()]);
    (files, errors.iter().map(|e| e.to_string()).collect())
}

//! The corpus store: an embedded SQLite database (WAL mode) holding analysed
//! documents and their layers as tables, FTS5 full-text search over article text
//! and quotations, and quote provenance (near-duplicate quotations across
//! articles, found by word shingling with bottom-k MinHash sketches).
//!
//! One [`Store`] wraps one connection. Writers insert in batches
//! ([`Store::insert_batch`]), one transaction per batch, so a crash loses at most
//! the batch in flight; documents are keyed by a content hash so re-ingesting is
//! idempotent.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::Value;
use unspin_doc::offsets::CharIndex;
use unspin_doc::{Attribution, Doc};

mod export;
mod fromjson;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod provenance;

pub use export::check_not_database;
pub use fromjson::doc_from_json;
pub use provenance::{content_hash, hash_key, normalize_words, shingles};

/// Most words in a search query (a phrase's words count one each).
pub const MAX_QUERY_TERMS: usize = 32;
/// Most prefix terms (`word*`) in a search query: each expands to every indexed word it begins.
pub const MAX_PREFIX_TERMS: usize = 8;
/// Fewest characters before the `*` of a prefix term.
pub const MIN_PREFIX_CHARS: usize = 3;
/// Virtual-machine steps between two deadline checks ([`Store::set_deadline`]).
const PROGRESS_STEPS: i32 = 100;
/// Characters of an article scanned for a search hit's snippet.
const SNIPPET_SCAN_CHARS: i64 = 200_000;
/// Words in a search hit's snippet.
const SNIPPET_WORDS: usize = 16;

/// The schema version this build writes (SQLite `user_version`).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Schema migrations, applied in order; migration `i` brings `user_version` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the initial schema.
    r#"
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    seen TEXT,
    language TEXT,
    format TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    n_words INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    n_attributed INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL,
    n_techniques INTEGER NOT NULL,
    n_findings INTEGER NOT NULL,
    text TEXT NOT NULL,
    report BLOB NOT NULL,
    added INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    norm TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    eid TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker TEXT,
    speaker_id INTEGER REFERENCES speakers(id),
    cue TEXT
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE TABLE quote_sketch (
    shingle INTEGER NOT NULL,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (shingle, quote_id)
) WITHOUT ROWID;
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX sources_doc ON sources(doc_id);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX findings_doc ON findings(doc_id);
CREATE TABLE techniques (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    technique TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX techniques_doc ON techniques(doc_id);
CREATE VIRTUAL TABLE docs_fts USING fts5(
    title, text, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
"#,
];

/// A store error (SQLite, or a corrupt stored report).
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Starts the message of an error about the query itself (too many terms, …).
const BAD_QUERY: &str = "bad query: ";
/// Starts the message of a query stopped by its deadline ([`Store::set_deadline`]).
const TIMED_OUT: &str = "query timed out: ";

impl Error {
    /// The query was refused (too many terms, too short a prefix…): the caller's fault.
    pub fn is_bad_query(&self) -> bool {
        self.0.starts_with(BAD_QUERY)
    }

    /// The query ran past the deadline set with [`Store::set_deadline`] and was stopped.
    pub fn is_timeout(&self) -> bool {
        self.0.starts_with(TIMED_OUT)
    }

    fn bad_query(msg: impl std::fmt::Display) -> Error {
        Error(format!("{BAD_QUERY}{msg}"))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) {
            return Error(format!(
                "{TIMED_OUT}it ran past its time limit and was stopped"
            ));
        }
        Error(format!("database: {e}"))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(format!("io: {e}"))
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// One analysed document ready to be stored.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub doc: Doc,
    /// Content hash of the raw input ([`content_hash`]); the deduplication key.
    pub hash: String,
    /// Where it came from: file path, or `file.warc.gz#record` style label.
    pub source: String,
    /// When it was fetched (e.g. WARC-Date), ISO 8601, when known.
    pub seen: Option<String>,
}

/// A stored document's summary row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocRow {
    pub id: i64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub seen: Option<String>,
    pub n_words: i64,
    pub n_quotes: i64,
    pub n_techniques: i64,
    pub n_findings: i64,
}

/// One search hit; `snippet` marks matched terms with `\u{2}` … `\u{3}` (escape, then
/// replace the markers when rendering).
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub doc: DocRow,
    pub snippet: String,
    pub rank: f64,
}

/// A stored quotation with its document.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub id: i64,
    pub doc_id: i64,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

/// A speaker with the number of quotations attributed to them.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    pub name: String,
    pub quotes: i64,
    pub documents: i64,
}

/// Per-outlet sourcing profile.
#[derive(Debug, Clone, Serialize)]
pub struct OutletRow {
    pub outlet: String,
    pub articles: i64,
    /// Share of sentences that credit a source (quoted, attributed or anonymous).
    pub attributed_share: f64,
    /// Flagged technique spans per 1,000 words.
    pub technique_density: f64,
}

/// One article carrying a quotation (or a variant of it).
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceHit {
    pub quote: QuoteRow,
    /// Share of the shorter quotation's word shingles found in the other (0..=1).
    pub similarity: f64,
    /// `exact`, `longer` (the article quotes more), `shorter` (a trimmed part) or `variant`.
    pub relation: String,
}

/// Which quotations to list.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Case-insensitive substring of the speaker name.
    pub speaker: Option<String>,
    /// Full-text query over the quotation text.
    pub text: Option<String>,
    /// Quote kind (`direct`, `partial`, …).
    pub kind: Option<String>,
    pub doc_id: Option<i64>,
    pub limit: usize,
    pub offset: usize,
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Stats {
    pub documents: i64,
    pub quotes: i64,
    pub speakers: i64,
    pub entities: i64,
    pub techniques: i64,
    pub findings: i64,
    pub schema_version: i64,
}

/// An open corpus database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, migrated.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let conn = Connection::open(path)
            .map_err(|e| Error(format!("{}: cannot open database: {e}", path.display())))?;
        Self::setup(conn, true)
    }

    /// Opens the database at `path` read-only (it must exist and be migrated).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error(format!("{}: cannot open database: {e}", path.display())))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let s = Store { conn };
        let v = s.schema_version()?;
        if v != SCHEMA_VERSION {
            return Err(Error(format!(
                "{}: schema version {v}, this build reads {SCHEMA_VERSION}; open it once read-write to migrate",
                path.display()
            )));
        }
        Ok(s)
    }

    /// A fresh in-memory store (tests, one-shot analysis).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, false)
    }

    fn setup(conn: Connection, wal: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -32768)?; // 32 MiB page cache
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        let mut s = Store { conn };
        s.migrate()?;
        Ok(s)
    }

    /// The database's schema version.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        let v = self.schema_version()?;
        if v > SCHEMA_VERSION {
            return Err(Error(format!(
                "database schema version {v} is newer than this build ({SCHEMA_VERSION})"
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(v as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Stops any statement still running after `deadline` (an SQLite progress
    /// handler, checked every few hundred virtual-machine steps); `None` lifts it.
    /// A stopped statement fails with an error whose [`Error::is_timeout`] is true.
    pub fn set_deadline(&self, deadline: Option<Instant>) {
        match deadline {
            Some(d) => self
                .conn
                .progress_handler(PROGRESS_STEPS, Some(move || Instant::now() >= d)),
            None => self
                .conn
                .progress_handler(PROGRESS_STEPS, None::<fn() -> bool>),
        }
    }

    /// Makes the WAL file empty (copies its pages into the database and truncates
    /// it): call before closing a long-lived writer.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The underlying connection, for this crate's own tests only: every query
    /// other crates need is a method here, so that SQL stays in this crate.
    #[doc(hidden)]
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// True when a document with this content hash is stored.
    pub fn has_hash(&self, hash: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM documents WHERE hash = ?1",
                [hash],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Every stored content hash as its 128-bit key ([`hash_key`]), to skip known
    /// documents before analysing them (streamed: 16 bytes per document, no strings).
    pub fn hash_keys(&self) -> Result<HashSet<u128>> {
        let mut st = self.conn.prepare("SELECT hash FROM documents")?;
        let mut rows = st.query([])?;
        let mut set = HashSet::new();
        while let Some(r) = rows.next()? {
            let h: String = r.get(0)?;
            set.insert(hash_key(&h));
        }
        Ok(set)
    }

    /// The id of the stored document with this content hash.
    pub fn id_of_hash(&self, hash: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM documents WHERE hash = ?1", [hash], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?)
    }

    /// How many distinct URLs the stored documents have.
    pub fn distinct_urls(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(DISTINCT url) FROM documents", [], |r| {
                r.get(0)
            })?)
    }

    /// Inserts one document in its own transaction; `None` when its hash was already stored.
    pub fn insert(&mut self, item: &Ingested) -> Result<Option<i64>> {
        let tx = self.conn.transaction()?;
        let id = insert_tx(&tx, item)?;
        tx.commit()?;
        Ok(id)
    }

    /// Inserts documents in one transaction (all or nothing); returns the new ids
    /// (`None` for duplicates).
    pub fn insert_batch(&mut self, items: &[Ingested]) -> Result<Vec<Option<i64>>> {
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(items.len());
        for it in items {
            ids.push(insert_tx(&tx, it)?);
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Inserts prepared documents in one transaction (see [`Prepared`]).
    pub fn insert_prepared_batch(&mut self, items: &[Prepared]) -> Result<Vec<Option<i64>>> {
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(items.len());
        for p in items {
            ids.push(insert_prepared(&tx, p)?);
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Table row counts.
    pub fn stats(&self) -> Result<Stats> {
        let c = |t: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?)
        };
        Ok(Stats {
            documents: c("documents")?,
            quotes: c("quotes")?,
            speakers: c("speakers")?,
            entities: c("entities")?,
            techniques: c("techniques")?,
            findings: c("findings")?,
            schema_version: self.schema_version()?,
        })
    }

    /// The summary row of a document.
    pub fn doc_row(&self, id: i64) -> Result<Option<DocRow>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {DOC_COLS} FROM documents d WHERE d.id = ?1"),
                [id],
                doc_row,
            )
            .optional()?)
    }

    /// The stored `unspin/1` JSON report of a document.
    pub fn doc_json(&self, id: i64) -> Result<Option<Value>> {
        let blob: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT report FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        blob.map(|b| unpack(&b)).transpose()
    }

    /// The stored document rebuilt as a [`Doc`] (tokens are not stored).
    pub fn doc(&self, id: i64) -> Result<Option<Doc>> {
        match self.doc_json(id)? {
            Some(v) => doc_from_json(&v).map(Some).map_err(Error),
            None => Ok(None),
        }
    }

    /// Documents, newest first.
    pub fn list_docs(&self, limit: usize, offset: usize) -> Result<Vec<DocRow>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {DOC_COLS} FROM documents d ORDER BY d.id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = st.query_map(params![limit as i64, offset as i64], doc_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Full-text search over titles and article text, best first. `query` is
    /// plain words (all must occur); `"double quoted"` parts are phrases.
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<Vec<SearchHit>> {
        let Some(q) = fts_query(query)? else {
            return Ok(vec![]);
        };
        let mut st = self.conn.prepare(&format!(
            "SELECT {DOC_COLS}, substr(d.text, 1, {SNIPPET_SCAN_CHARS}), h.r \
             FROM (SELECT rowid AS id, bm25(docs_fts) AS r FROM docs_fts \
                   WHERE docs_fts MATCH ?1 ORDER BY r LIMIT ?2 OFFSET ?3) h \
             JOIN documents d ON d.id = h.id ORDER BY h.r"
        ))?;
        let terms: Vec<(String, bool)> = query_terms(query)?
            .into_iter()
            .flat_map(|t| match t {
                Term::Word(w) => vec![(w.to_lowercase(), false)],
                Term::Prefix(w) => vec![(w.to_lowercase(), true)],
                Term::Phrase(p) => p.into_iter().map(|w| (w.to_lowercase(), false)).collect(),
            })
            .collect();
        let rows = st.query_map(params![q, limit as i64, offset as i64], |r| {
            let text: String = r.get(10)?;
            Ok(SearchHit {
                doc: doc_row(r)?,
                snippet: snippet(&text, &terms),
                rank: -r.get::<_, f64>(11)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Quotations matching a filter, earliest article first.
    pub fn quotes(&self, f: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let mut sql =
            format!("SELECT {QUOTE_COLS} FROM quotes q JOIN documents d ON d.id = q.doc_id");
        let mut conds: Vec<String> = vec![];
        let mut args: Vec<rusqlite::types::Value> = vec![];
        if let Some(t) = f.text.as_deref() {
            match fts_query(t)? {
                Some(q) => {
                    sql.push_str(" JOIN quotes_fts ON quotes_fts.rowid = q.id");
                    conds.push("quotes_fts.text MATCH ?".into());
                    args.push(q.into());
                }
                None => return Ok(vec![]),
            }
        }
        if let Some(s) = f.speaker.as_deref() {
            conds.push("q.speaker LIKE ? ESCAPE '\\'".into());
            args.push(format!("%{}%", like_escape(s)).into());
        }
        if let Some(k) = f.kind.as_deref() {
            conds.push("q.kind = ?".into());
            args.push(k.to_string().into());
        }
        if let Some(d) = f.doc_id {
            conds.push("q.doc_id = ?".into());
            args.push(d.into());
        }
        if !conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conds.join(" AND "));
        }
        sql.push_str(" ORDER BY COALESCE(d.published, d.seen) IS NULL, COALESCE(d.published, d.seen), d.id, q.idx LIMIT ? OFFSET ?");
        args.push((f.limit.max(1) as i64).into());
        args.push((f.offset as i64).into());
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), quote_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Speakers with the most quotations.
    pub fn speakers(&self, top: usize) -> Result<Vec<SpeakerRow>> {
        let mut st = self.conn.prepare(
            "SELECT s.name, count(*) AS n, count(DISTINCT q.doc_id) FROM quotes q \
             JOIN speakers s ON s.id = q.speaker_id GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?1",
        )?;
        let rows = st.query_map([top as i64], |r| {
            Ok(SpeakerRow {
                name: r.get(0)?,
                quotes: r.get(1)?,
                documents: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Per outlet: articles, share of attributed sentences, technique density.
    pub fn outlets(&self, top: usize) -> Result<Vec<OutletRow>> {
        let mut st = self.conn.prepare(
            "SELECT COALESCE(outlet, '(unknown)'), count(*), sum(n_attributed), sum(n_sentences), \
             sum(n_techniques), sum(n_words) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?1",
        )?;
        let rows = st.query_map([top as i64], |r| {
            let att: i64 = r.get(2)?;
            let sen: i64 = r.get(3)?;
            let tech: i64 = r.get(4)?;
            let words: i64 = r.get(5)?;
            Ok(OutletRow {
                outlet: r.get(0)?,
                articles: r.get(1)?,
                attributed_share: round3(att as f64 / sen.max(1) as f64),
                technique_density: round3(tech as f64 * 1000.0 / words.max(1) as f64),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Every stored quotation that is the given one or a variant of it (trimmed,
    /// extended, with ellipses or small edits), earliest article first.
    pub fn provenance(&self, quote: &str, limit: usize) -> Result<Vec<ProvenanceHit>> {
        provenance::find(self, quote, limit)
    }

    /// Writes every stored report as one JSON line each, in insertion order; returns the count.
    pub fn export_jsonl(&self, out: &mut dyn Write) -> Result<usize> {
        let mut st = self
            .conn
            .prepare("SELECT id, report FROM documents ORDER BY id")?;
        let mut rows = st.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let blob: Vec<u8> = r.get(1)?;
            let mut v = unpack(&blob)?;
            if let Value::Object(m) = &mut v {
                m.insert("id".into(), id.into());
            }
            serde_json::to_writer(&mut *out, &v).map_err(|e| Error(e.to_string()))?;
            out.write_all(b"\n")?;
            n += 1;
        }
        Ok(n)
    }
}

const DOC_COLS: &str = "d.id, d.url, d.title, d.outlet, d.published, d.seen, d.n_words, \
                        d.n_quotes, d.n_techniques, d.n_findings";

fn doc_row(r: &rusqlite::Row) -> rusqlite::Result<DocRow> {
    Ok(DocRow {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        published: r.get(4)?,
        seen: r.get(5)?,
        n_words: r.get(6)?,
        n_quotes: r.get(7)?,
        n_techniques: r.get(8)?,
        n_findings: r.get(9)?,
    })
}

pub(crate) const QUOTE_COLS: &str = "q.id, q.doc_id, q.kind, q.text, q.speaker, q.cue, d.title, \
                                     d.outlet, d.url, COALESCE(d.published, d.seen)";

pub(crate) fn quote_row(r: &rusqlite::Row) -> rusqlite::Result<QuoteRow> {
    Ok(QuoteRow {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        kind: r.get(2)?,
        text: r.get(3)?,
        speaker: r.get(4)?,
        cue: r.get(5)?,
        title: r.get(6)?,
        outlet: r.get(7)?,
        url: r.get(8)?,
        date: r.get(9)?,
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn like_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// One part of a search query: a word, a `word*` prefix, or a `"quoted phrase"`.
#[derive(Debug, Clone, PartialEq)]
enum Term {
    Word(String),
    Prefix(String),
    Phrase(Vec<String>),
}

/// The words of `chunk`, each with whether a `*` follows it directly.
fn query_words(chunk: &str) -> Vec<(String, bool)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut out = vec![];
    let mut it = chunk.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_word(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if !is_word(d) {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        let star = it.peek().is_some_and(|&(_, d)| d == '*');
        let w = chunk[i..end].trim_matches(|c| c == '\'' || c == '’');
        if !w.is_empty() {
            out.push((w.replace('’', "'"), star));
        }
    }
    out
}

/// Parses a search query into distinct terms, within the limits
/// ([`MAX_QUERY_TERMS`], [`MAX_PREFIX_TERMS`], [`MIN_PREFIX_CHARS`]).
fn query_terms(input: &str) -> Result<Vec<Term>> {
    let mut terms: Vec<Term> = vec![];
    let mut words = 0;
    for (i, chunk) in input.split('"').enumerate() {
        let ws = query_words(chunk);
        if ws.is_empty() {
            continue;
        }
        let new: Vec<Term> = if i % 2 == 1 {
            vec![Term::Phrase(ws.into_iter().map(|(w, _)| w).collect())]
        } else {
            ws.into_iter()
                .map(|(w, star)| {
                    if !star {
                        return Ok(Term::Word(w));
                    }
                    let n = w.chars().count();
                    if n < MIN_PREFIX_CHARS {
                        return Err(Error::bad_query(format!(
                            "a prefix term needs at least {MIN_PREFIX_CHARS} characters before '*' (\"{w}*\")"
                        )));
                    }
                    Ok(Term::Prefix(w))
                })
                .collect::<Result<_>>()?
        };
        for t in new {
            if terms.contains(&t) {
                continue;
            }
            words += match &t {
                Term::Phrase(p) => p.len(),
                _ => 1,
            };
            terms.push(t);
        }
    }
    if words > MAX_QUERY_TERMS {
        return Err(Error::bad_query(format!(
            "{words} words; a query may have at most {MAX_QUERY_TERMS}"
        )));
    }
    let prefixes = terms
        .iter()
        .filter(|t| matches!(t, Term::Prefix(_)))
        .count();
    if prefixes > MAX_PREFIX_TERMS {
        return Err(Error::bad_query(format!(
            "{prefixes} prefix terms (word*); a query may have at most {MAX_PREFIX_TERMS}"
        )));
    }
    Ok(terms)
}

/// Turns user input into a safe FTS5 query: bare words become quoted terms (all
/// required), `word*` a prefix term and `"…"` parts phrases; repeated terms count
/// once. `Ok(None)` when nothing is searchable; an error ([`Error::is_bad_query`])
/// when the query has more than [`MAX_QUERY_TERMS`] words or [`MAX_PREFIX_TERMS`]
/// prefix terms, or a prefix shorter than [`MIN_PREFIX_CHARS`].
pub fn fts_query(input: &str) -> Result<Option<String>> {
    let parts: Vec<String> = query_terms(input)?
        .into_iter()
        .map(|t| match t {
            Term::Word(w) => format!("\"{w}\""),
            Term::Prefix(w) => format!("\"{w}\"*"),
            Term::Phrase(p) => format!("\"{}\"", p.join(" ")),
        })
        .collect();
    Ok((!parts.is_empty()).then(|| parts.join(" ")))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Byte ranges of the words of `text`.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (is_word_char(c), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(s)) => {
                start = None;
                Some((s, i))
            }
            _ => None,
        })
}

/// A window of [`SNIPPET_WORDS`] words of `text` around the first word matching
/// one of `terms` (lower case; `true` for a prefix), each matching word between
/// `\u{2}` and `\u{3}`, with `…` where text was cut; the opening words when no
/// word matches. Linear in the text (FTS5's own `snippet()` takes time quadratic
/// in the number of hits in a document).
fn snippet(text: &str, terms: &[(String, bool)]) -> String {
    let matches = |w: &str| {
        let w = w.to_lowercase().replace('’', "'");
        terms.iter().any(|(t, prefix)| {
            if *prefix {
                w.starts_with(t.as_str())
            } else {
                w == *t
            }
        })
    };
    let before = SNIPPET_WORDS / 4;
    let mut recent = std::collections::VecDeque::with_capacity(before + 1);
    let mut window: Vec<(usize, usize)> = vec![];
    for (s, e) in word_spans(text) {
        if !window.is_empty() {
            window.push((s, e));
        } else if matches(&text[s..e]) {
            window.extend(recent.drain(..));
            window.push((s, e));
        } else {
            recent.push_back((s, e));
            if recent.len() > before {
                recent.pop_front();
            }
        }
        if window.len() >= SNIPPET_WORDS {
            break;
        }
    }
    if window.is_empty() {
        window = word_spans(text).take(SNIPPET_WORDS).collect();
    }
    let (Some(&(first, _)), Some(&(_, last))) = (window.first(), window.last()) else {
        return String::new();
    };
    let mut out = String::new();
    if text[..first].chars().any(char::is_alphanumeric) {
        out.push('…');
    }
    let mut at = first;
    for &(s, e) in &window {
        out.push_str(&text[at..s]);
        if matches(&text[s..e]) {
            out.push('\u{2}');
            out.push_str(&text[s..e]);
            out.push('\u{3}');
        } else {
            out.push_str(&text[s..e]);
        }
        at = e;
    }
    if text[last..].chars().any(char::is_alphanumeric) {
        out.push('…');
    }
    out
}

fn pack(v: &Value) -> Result<Vec<u8>> {
    let mut enc = ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    serde_json::to_writer(&mut enc, v).map_err(|e| Error(e.to_string()))?;
    Ok(enc.finish()?)
}

fn unpack(b: &[u8]) -> Result<Value> {
    let mut s = Vec::new();
    ZlibDecoder::new(b)
        .read_to_end(&mut s)
        .map_err(|e| Error(format!("corrupt stored report: {e}")))?;
    serde_json::from_slice(&s).map_err(|e| Error(format!("corrupt stored report: {e}")))
}

fn norm_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The database used when none is named: `$UNSPIN_DB`, else
/// `$XDG_DATA_HOME/unspin/corpus.db`, else `~/.local/share/unspin/corpus.db`,
/// else `corpus.db` in the working directory.
pub fn default_db_path() -> std::path::PathBuf {
    use std::path::PathBuf;
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(p) = env("UNSPIN_DB") {
        return p;
    }
    if let Some(d) = env("XDG_DATA_HOME") {
        return d.join("unspin").join("corpus.db");
    }
    if let Some(h) = env("HOME") {
        return h.join(".local/share/unspin/corpus.db");
    }
    PathBuf::from("corpus.db")
}

/// Host of a URL (`https://www.example.com/x` → `example.com`).
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_lowercase();
    (!host.is_empty()).then_some(host)
}

/// A document turned into rows, ready to insert: everything that does not need
/// the database (JSON, compression, offsets, sketches) is done here, so that
/// ingest workers can do it in parallel and the single writer only inserts.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub hash: String,
    url: Option<String>,
    source: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    seen: Option<String>,
    language: Option<String>,
    format: String,
    bytes: i64,
    counts: [i64; 6],
    text: String,
    report: Vec<u8>,
    entities: Vec<(String, String, &'static str, i64)>,
    quotes: Vec<PreparedQuote>,
    sources: Vec<(String, &'static str, i64)>,
    findings: Vec<(String, String)>,
    techniques: Vec<(String, String, i64, i64, f64)>,
}

#[derive(Debug, Clone)]
struct PreparedQuote {
    kind: &'static str,
    text: String,
    start: i64,
    end: i64,
    speaker: Option<String>,
    cue: Option<String>,
    sketch: Vec<i64>,
}

impl Prepared {
    /// Builds the rows of one analysed document.
    pub fn new(it: &Ingested) -> Result<Prepared> {
        let doc = &it.doc;
        let url = doc.meta.url.clone();
        let outlet = doc
            .meta
            .outlet
            .clone()
            .or_else(|| url.as_deref().and_then(url_host));
        let n_attr = doc
            .sentences
            .iter()
            .filter(|s| s.attribution != Attribution::Own)
            .count() as i64;
        let ix = CharIndex::new(&doc.text);
        let quotes = doc
            .quotes
            .iter()
            .map(|q| {
                let text = doc.slice(q.span);
                PreparedQuote {
                    kind: q.kind.as_str(),
                    text: text.to_string(),
                    start: ix.char_of(q.span.start) as i64,
                    end: ix.char_of(q.span.end) as i64,
                    speaker: q
                        .speaker
                        .as_ref()
                        .map(|s| s.name.trim().to_string())
                        .filter(|s| !s.is_empty()),
                    cue: q.cue.map(|c| doc.slice(c).to_string()),
                    sketch: if q.kind == unspin_doc::QuoteKind::Scare {
                        vec![]
                    } else {
                        provenance::sketch(text)
                    },
                }
            })
            .collect();
        Ok(Prepared {
            hash: it.hash.clone(),
            url,
            source: it.source.clone(),
            title: doc.meta.title.clone(),
            outlet,
            published: doc.meta.published.clone(),
            seen: it.seen.clone(),
            language: doc.meta.language.clone(),
            format: doc.input.format.clone(),
            bytes: doc.input.bytes as i64,
            counts: [
                doc.text.split_whitespace().count() as i64,
                doc.sentences.len() as i64,
                n_attr,
                doc.quotes.len() as i64,
                doc.techniques.len() as i64,
                doc.findings.len() as i64,
            ],
            text: doc.text.clone(),
            report: pack(&doc.to_json())?,
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    (
                        e.id.clone(),
                        e.name.clone(),
                        e.kind.as_str(),
                        e.mentions.len() as i64,
                    )
                })
                .collect(),
            quotes,
            sources: doc
                .sources
                .iter()
                .map(|s| (s.name.clone(), s.kind.as_str(), s.mentions.len() as i64))
                .collect(),
            findings: doc
                .findings
                .iter()
                .map(|f| (f.kind.to_string(), f.message.clone()))
                .collect(),
            techniques: doc
                .techniques
                .iter()
                .map(|t| {
                    (
                        t.technique.to_string(),
                        doc.slice(t.span).to_string(),
                        ix.char_of(t.span.start) as i64,
                        ix.char_of(t.span.end) as i64,
                        t.score as f64,
                    )
                })
                .collect(),
        })
    }
}

fn insert_tx(tx: &Transaction, it: &Ingested) -> Result<Option<i64>> {
    insert_prepared(tx, &Prepared::new(it)?)
}

fn insert_prepared(tx: &Transaction, p: &Prepared) -> Result<Option<i64>> {
    let exists = tx
        .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?
        .query_row([&p.hash], |_| Ok(()))
        .optional()?
        .is_some();
    if exists {
        return Ok(None);
    }
    let c = &p.counts;
    tx.prepare_cached(
        "INSERT INTO documents (hash, url, source, title, outlet, published, seen, language, format, bytes, \
         n_words, n_sentences, n_attributed, n_quotes, n_techniques, n_findings, text, report) \
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
    )?
    .execute(params![
        p.hash, p.url, p.source, p.title, p.outlet, p.published, p.seen, p.language, p.format,
        p.bytes, c[0], c[1], c[2], c[3], c[4], c[5], p.text, p.report,
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO docs_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![id, p.title, p.text])?;
    let mut ent = tx.prepare_cached(
        "INSERT INTO entities (doc_id, eid, name, kind, mentions) VALUES (?1,?2,?3,?4,?5)",
    )?;
    for (eid, name, kind, n) in &p.entities {
        ent.execute(params![id, eid, name, kind, n])?;
    }
    let mut spk_get = tx.prepare_cached("SELECT id FROM speakers WHERE norm = ?1")?;
    let mut spk_put = tx.prepare_cached("INSERT INTO speakers (norm, name) VALUES (?1, ?2)")?;
    let mut qput = tx.prepare_cached(
        "INSERT INTO quotes (doc_id, idx, kind, text, start, end, speaker, speaker_id, cue) \
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    )?;
    let mut qfts =
        tx.prepare_cached("INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?1,?2,?3)")?;
    let mut sk =
        tx.prepare_cached("INSERT OR IGNORE INTO quote_sketch (shingle, quote_id) VALUES (?1,?2)")?;
    let mut cache: HashMap<String, i64> = HashMap::new();
    for (i, q) in p.quotes.iter().enumerate() {
        let speaker_id = match q.speaker.as_deref() {
            Some(name) => {
                let norm = norm_name(name);
                match cache.get(&norm) {
                    Some(&sid) => Some(sid),
                    None => {
                        let sid = match spk_get
                            .query_row([&norm], |r| r.get::<_, i64>(0))
                            .optional()?
                        {
                            Some(sid) => sid,
                            None => {
                                spk_put.execute(params![norm, name])?;
                                tx.last_insert_rowid()
                            }
                        };
                        cache.insert(norm, sid);
                        Some(sid)
                    }
                }
            }
            None => None,
        };
        qput.execute(params![
            id, i as i64, q.kind, q.text, q.start, q.end, q.speaker, speaker_id, q.cue,
        ])?;
        let qid = tx.last_insert_rowid();
        qfts.execute(params![qid, q.text, q.speaker])?;
        for h in &q.sketch {
            sk.execute(params![h, qid])?;
        }
    }
    let mut src = tx.prepare_cached(
        "INSERT INTO sources (doc_id, name, kind, mentions) VALUES (?1,?2,?3,?4)",
    )?;
    for (name, kind, n) in &p.sources {
        src.execute(params![id, name, kind, n])?;
    }
    let mut fnd =
        tx.prepare_cached("INSERT INTO findings (doc_id, kind, message) VALUES (?1,?2,?3)")?;
    for (kind, msg) in &p.findings {
        fnd.execute(params![id, kind, msg])?;
    }
    let mut tq = tx.prepare_cached(
        "INSERT INTO techniques (doc_id, technique, text, start, end, score) VALUES (?1,?2,?3,?4,?5,?6)",
    )?;
    for (t, text, s, e, score) in &p.techniques {
        tq.execute(params![id, t, text, s, e, score])?;
    }
    Ok(Some(id))
}

#[cfg(test)]
mod tests;

//! Parquet export: one file per table (`documents`, `quotes`, `speakers`, `entities`,
//! `sources`, `findings`, `techniques`) in a directory, for analysis in DuckDB,
//! pandas, Spark and the like. Rows are read from one SQLite snapshot and written in
//! row groups, so memory stays bounded by one row group whatever the corpus size.
//!
//! Spans (`start`, `end`) are Unicode character offsets into `documents.text`, end
//! exclusive, as in the `unspin/1` JSON. Compression is Snappy.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ::parquet::basic::{Compression, ConvertedType, Repetition, Type as PhysicalType};
use ::parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::types::{ColumnPath, Type};
use serde::Serialize;
use serde_json::Value;

use crate::{unpack, Error, Result, Store};

impl From<::parquet::errors::ParquetError> for Error {
    fn from(e: parquet::errors::ParquetError) -> Self {
        Error(format!("parquet: {e}"))
    }
}

/// Limits of one row group (whichever is reached first).
#[derive(Debug, Clone, Copy)]
pub struct ParquetOptions {
    /// Most rows in one row group.
    pub row_group_rows: usize,
    /// Flush a row group once its buffered values reach about this many bytes.
    pub row_group_bytes: usize,
}

impl Default for ParquetOptions {
    fn default() -> Self {
        ParquetOptions {
            row_group_rows: 65_536,
            row_group_bytes: 64 << 20,
        }
    }
}

/// One written file.
#[derive(Debug, Clone, Serialize)]
pub struct ParquetFile {
    pub table: &'static str,
    pub path: PathBuf,
    pub rows: u64,
    pub row_groups: u64,
}

/// The tables exported, in order (`<name>.parquet` each).
pub const PARQUET_TABLES: &[&str] = &[
    "documents",
    "quotes",
    "speakers",
    "entities",
    "sources",
    "findings",
    "techniques",
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Real,
    Text,
    /// The per-document entity id (`e3`) of a quote's speaker or a source, looked up
    /// in the stored report (the SQL tables do not keep it). The query's last two
    /// columns must be the document id and the item's position in its layer (NULL:
    /// nothing to look up).
    EntityOf(&'static str, &'static str),
}

struct Col {
    name: &'static str,
    kind: Kind,
    optional: bool,
}

const fn req(name: &'static str, kind: Kind) -> Col {
    Col {
        name,
        kind,
        optional: false,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Col {
    Col {
        name,
        kind,
        optional: true,
    }
}

struct Table {
    name: &'static str,
    sql: &'static str,
    cols: &'static [Col],
}

use Kind::{Int, Real, Text};

const TABLES: &[Table] = &[
    Table {
        name: "documents",
        sql: "SELECT id, hash, url, source, title, outlet, published, seen, language, format, bytes, \
              n_words, n_sentences, n_attributed, n_quotes, n_techniques, n_findings, text \
              FROM documents ORDER BY id",
        cols: &[
            req("id", Int),
            req("hash", Text),
            opt("url", Text),
            req("source", Text),
            opt("title", Text),
            opt("outlet", Text),
            opt("published", Text),
            opt("seen", Text),
            opt("language", Text),
            req("format", Text),
            req("bytes", Int),
            req("words", Int),
            req("sentences", Int),
            req("attributed_sentences", Int),
            req("quotes", Int),
            req("techniques", Int),
            req("findings", Int),
            req("text", Text),
        ],
    },
    Table {
        name: "quotes",
        sql: "SELECT id, doc_id, idx, start, end, kind, text, speaker, speaker_id, NULL, cue, \
              doc_id, CASE WHEN speaker IS NULL THEN NULL ELSE idx END FROM quotes ORDER BY id",
        cols: &[
            req("id", Int),
            req("doc_id", Int),
            req("idx", Int),
            req("start", Int),
            req("end", Int),
            req("kind", Text),
            req("text", Text),
            opt("speaker", Text),
            opt("speaker_id", Int),
            opt("speaker_entity", Kind::EntityOf("quotes", "speaker")),
            opt("cue", Text),
        ],
    },
    Table {
        name: "speakers",
        sql: "SELECT id, name, norm FROM speakers ORDER BY id",
        cols: &[req("id", Int), req("name", Text), req("norm", Text)],
    },
    Table {
        name: "entities",
        sql: "SELECT id, doc_id, eid, name, kind, mentions FROM entities ORDER BY id",
        cols: &[
            req("id", Int),
            req("doc_id", Int),
            req("entity", Text),
            req("name", Text),
            req("kind", Text),
            req("mentions", Int),
        ],
    },
    Table {
        name: "sources",
        sql: "SELECT id, doc_id, name, kind, mentions, NULL, doc_id, \
              row_number() OVER (PARTITION BY doc_id ORDER BY id) - 1 FROM sources ORDER BY id",
        cols: &[
            req("id", Int),
            req("doc_id", Int),
            req("name", Text),
            req("kind", Text),
            req("mentions", Int),
            opt("entity", Kind::EntityOf("sources", "")),
        ],
    },
    Table {
        name: "findings",
        sql: "SELECT id, doc_id, kind, message FROM findings ORDER BY id",
        cols: &[
            req("id", Int),
            req("doc_id", Int),
            req("kind", Text),
            req("message", Text),
        ],
    },
    Table {
        name: "techniques",
        sql: "SELECT id, doc_id, technique, text, start, end, score FROM techniques ORDER BY id",
        cols: &[
            req("id", Int),
            req("doc_id", Int),
            req("technique", Text),
            req("text", Text),
            req("start", Int),
            req("end", Int),
            req("score", Real),
        ],
    },
];

/// One column's buffered values of the current row group: non-null values and,
/// for optional columns, definition levels (1 = present, 0 = null).
enum Buf {
    Int(Vec<i64>),
    Real(Vec<f64>),
    Text(Vec<ByteArray>),
}

struct ColBuf {
    values: Buf,
    defs: Vec<i16>,
}

impl Store {
    /// Writes every table as `<dir>/<table>.parquet` (creating `dir`), from one
    /// consistent snapshot of the database, with default row-group limits.
    pub fn export_parquet(&self, dir: impl AsRef<Path>) -> Result<Vec<ParquetFile>> {
        self.export_parquet_with(dir, &ParquetOptions::default())
    }

    /// [`Store::export_parquet`] with explicit row-group limits.
    pub fn export_parquet_with(
        &self,
        dir: impl AsRef<Path>,
        opts: &ParquetOptions,
    ) -> Result<Vec<ParquetFile>> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir)
            .map_err(|e| Error(format!("{}: cannot create directory: {e}", dir.display())))?;
        // One read transaction: all files describe the same snapshot (WAL readers
        // do not block the ingest writer).
        let tx = self.conn.unchecked_transaction()?;
        let mut out = Vec::with_capacity(TABLES.len());
        for t in TABLES {
            let path = dir.join(format!("{}.parquet", t.name));
            let (rows, row_groups) = self
                .write_table(t, &path, opts)
                .map_err(|e| Error(format!("{}: {}", path.display(), e.0)))?;
            out.push(ParquetFile {
                table: t.name,
                path,
                rows,
                row_groups,
            });
        }
        tx.finish()?;
        Ok(out)
    }

    fn write_table(&self, t: &Table, path: &Path, opts: &ParquetOptions) -> Result<(u64, u64)> {
        let schema = Arc::new(schema(t)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("unspin {}", env!("CARGO_PKG_VERSION")))
                .set_max_row_group_size(opts.row_group_rows.max(1))
                // Article text and hashes are unique: a dictionary would only be built
                // to be thrown away.
                .set_column_dictionary_enabled(ColumnPath::from("text"), t.name != "documents")
                .set_column_dictionary_enabled(ColumnPath::from("hash"), false)
                .build(),
        );
        // Written under a temporary name in the same folder and renamed at the end:
        // a killed or failed export never leaves a truncated file under `path`.
        let dir = path.parent().unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new()
            .prefix(".unspin-export-")
            .suffix(".tmp")
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .tempfile_in(dir)
            .map_err(|e| Error(format!("cannot create a temporary file: {e}")))?;
        let file = tmp
            .as_file()
            .try_clone()
            .map_err(|e| Error(format!("cannot create: {e}")))?;
        let mut w = SerializedFileWriter::new(BufWriter::new(file), schema, props)?;
        let mut bufs: Vec<ColBuf> = t.cols.iter().map(|c| ColBuf::new(c.kind)).collect();
        let mut cache = ReportCache::default();
        let (mut rows, mut in_group, mut bytes, mut groups) = (0u64, 0usize, 0usize, 0u64);
        let mut st = self.conn.prepare(t.sql)?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            for (i, (c, b)) in t.cols.iter().zip(bufs.iter_mut()).enumerate() {
                let present = match c.kind {
                    Kind::Int => r.get::<_, Option<i64>>(i)?.map(|v| b.push_int(v)),
                    Kind::Real => r.get::<_, Option<f64>>(i)?.map(|v| b.push_real(v)),
                    Kind::Text => r.get::<_, Option<String>>(i)?.map(|v| {
                        bytes += v.len();
                        b.push_text(v)
                    }),
                    Kind::EntityOf(layer, field) => {
                        let n = t.cols.len();
                        let doc: i64 = r.get(n)?;
                        match r.get::<_, Option<i64>>(n + 1)? {
                            Some(pos) => self
                                .entity_of(&mut cache, doc, layer, field, pos)?
                                .map(|v| b.push_text(v)),
                            None => None,
                        }
                    }
                };
                if c.optional {
                    b.defs.push(present.is_some() as i16);
                } else if present.is_none() {
                    return Err(Error(format!("unexpected NULL in column {}", c.name)));
                }
            }
            bytes += 8 * t.cols.len();
            rows += 1;
            in_group += 1;
            if in_group >= opts.row_group_rows.max(1) || bytes >= opts.row_group_bytes {
                flush(&mut w, t, &mut bufs)?;
                groups += 1;
                (in_group, bytes) = (0, 0);
            }
        }
        if in_group > 0 || groups == 0 {
            flush(&mut w, t, &mut bufs)?;
            groups += 1;
        }
        w.into_inner()?
            .flush()
            .map_err(|e| Error(format!("cannot write: {e}")))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| Error(format!("cannot write: {e}")))?;
        tmp.persist(path)
            .map_err(|e| Error(format!("cannot rename into place: {}", e.error)))?;
        Ok((rows, groups))
    }

    /// `layer[pos].field.entity` (or `layer[pos].entity` when `field` is empty) of
    /// a document's stored report.
    fn entity_of(
        &self,
        cache: &mut ReportCache,
        doc: i64,
        layer: &str,
        field: &str,
        pos: i64,
    ) -> Result<Option<String>> {
        if cache.doc != Some(doc) {
            let blob: Vec<u8> =
                self.conn
                    .query_row("SELECT report FROM documents WHERE id = ?1", [doc], |r| {
                        r.get(0)
                    })?;
            cache.report = unpack(&blob)?;
            cache.doc = Some(doc);
        }
        let item = &cache.report[layer][pos as usize];
        let item = if field.is_empty() { item } else { &item[field] };
        Ok(item["entity"].as_str().map(str::to_string))
    }
}

#[derive(Default)]
struct ReportCache {
    doc: Option<i64>,
    report: Value,
}

impl ColBuf {
    fn new(kind: Kind) -> ColBuf {
        ColBuf {
            values: match kind {
                Kind::Int => Buf::Int(vec![]),
                Kind::Real => Buf::Real(vec![]),
                Kind::Text | Kind::EntityOf(..) => Buf::Text(vec![]),
            },
            defs: vec![],
        }
    }

    fn push_int(&mut self, v: i64) {
        if let Buf::Int(x) = &mut self.values {
            x.push(v)
        }
    }

    fn push_real(&mut self, v: f64) {
        if let Buf::Real(x) = &mut self.values {
            x.push(v)
        }
    }

    fn push_text(&mut self, v: String) {
        if let Buf::Text(x) = &mut self.values {
            x.push(ByteArray::from(v.into_bytes()))
        }
    }
}

/// The Parquet schema of a table: INT64, DOUBLE, or BYTE_ARRAY annotated as UTF-8.
fn schema(t: &Table) -> Result<Type> {
    let fields = t
        .cols
        .iter()
        .map(|c| {
            let (phys, conv) = match c.kind {
                Kind::Int => (PhysicalType::INT64, ConvertedType::NONE),
                Kind::Real => (PhysicalType::DOUBLE, ConvertedType::NONE),
                Kind::Text | Kind::EntityOf(..) => (PhysicalType::BYTE_ARRAY, ConvertedType::UTF8),
            };
            let rep = if c.optional {
                Repetition::OPTIONAL
            } else {
                Repetition::REQUIRED
            };
            Type::primitive_type_builder(c.name, phys)
                .with_converted_type(conv)
                .with_repetition(rep)
                .build()
                .map(Arc::new)
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(Type::group_type_builder(t.name)
        .with_fields(fields)
        .build()?)
}

/// Writes the buffered rows as one row group and empties the buffers.
fn flush<W: std::io::Write + Send>(
    w: &mut SerializedFileWriter<W>,
    t: &Table,
    bufs: &mut [ColBuf],
) -> Result<()> {
    let mut rg = w.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = rg.next_column()? {
        let (c, b) = (&t.cols[i], &mut bufs[i]);
        let defs = c.optional.then_some(b.defs.as_slice());
        match &mut b.values {
            Buf::Int(v) => {
                col.typed::<Int64Type>().write_batch(v, defs, None)?;
                v.clear();
            }
            Buf::Real(v) => {
                col.typed::<DoubleType>().write_batch(v, defs, None)?;
                v.clear();
            }
            Buf::Text(v) => {
                col.typed::<ByteArrayType>().write_batch(v, defs, None)?;
                v.clear();
            }
        }
        b.defs.clear();
        col.close()?;
        i += 1;
    }
    rg.close()?;
    Ok(())
}

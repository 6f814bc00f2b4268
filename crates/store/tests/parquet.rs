//! Parquet export: a small store analysed by the real pipeline is exported and
//! read back with the parquet crate's own reader.
#![cfg(feature = "parquet")]

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use unspin_store::parquet::{ParquetOptions, PARQUET_TABLES};
use unspin_store::{content_hash, Ingested, Store};

const ARTICLES: &[&str] = &[
    "The harbour authority approved a new ferry terminal on Tuesday. \
     \"This terminal will carry twice as many passengers by next summer,\" said Marta Okafor, \
     the authority's director. Critics argued the plan was rushed. \
     According to a report by the regional audit office, costs rose by 40 percent.",
    "Farmers in the valley say the drought has cut yields. \
     \"We have never seen the river this low in forty years,\" farmer Tomás Ibáñez told reporters. \
     Officials, who spoke on condition of anonymity, said emergency aid was being discussed. \
     The shocking collapse of the harvest is clearly a disaster.",
    "A school board member, Priya Raman, said the new curriculum would start in autumn. \
     \"Teachers need time to prepare,\" Raman said. \"Nobody wants a chaotic first term.\"",
];

/// A folder removed when the guard drops (even when the test fails).
fn tmpdir(name: &str) -> tempfile::TempDir {
    let prefix = format!("unspin-store-pq-{name}-");
    tempfile::Builder::new().prefix(&prefix).tempdir().unwrap()
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let items: Vec<Ingested> = ARTICLES
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = unspin_pipeline::analyze_text(
                &format!("article{i}.txt"),
                text,
                unspin_pipeline::Options::default(),
            )
            .unwrap();
            doc.meta.url = Some(format!("https://www.paper{i}.example/story/{i}"));
            Ingested {
                hash: content_hash(text.as_bytes()),
                doc,
                source: format!("article{i}.txt"),
                seen: Some(format!("2024-05-0{}T08:00:00Z", i + 1)),
            }
        })
        .collect();
    s.insert_batch(&items).unwrap();
    s
}

/// Every row of a Parquet file as column name → value.
fn read(path: &Path) -> (Vec<HashMap<String, Field>>, usize) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..4], b"PAR1", "{}", path.display());
    assert_eq!(&bytes[bytes.len() - 4..], b"PAR1", "{}", path.display());
    let r = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
    let groups = r.metadata().num_row_groups();
    let n = r.metadata().file_metadata().num_rows() as usize;
    let rows: Vec<HashMap<String, Field>> = r
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), n);
    (rows, groups)
}

fn count(s: &Store, table: &str) -> usize {
    s.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap() as usize
}

fn long(f: &Field) -> i64 {
    match f {
        Field::Long(v) => *v,
        other => panic!("not an INT64: {other:?}"),
    }
}

fn text(f: &Field) -> Option<&str> {
    match f {
        Field::Str(v) => Some(v),
        Field::Null => None,
        other => panic!("not a string: {other:?}"),
    }
}

#[test]
fn exports_every_table_and_reads_back() {
    let s = store();
    let st = s.stats().unwrap();
    assert_eq!(st.documents, 3);
    assert!(st.quotes >= 3, "the pipeline found {} quotes", st.quotes);
    let dir = tmpdir("all");
    let dir = dir.path();
    let out = dir.join("export");
    // Tiny row groups, to exercise flushing mid-table.
    let files = s
        .export_parquet_with(
            &out,
            &ParquetOptions {
                row_group_rows: 2,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        files.iter().map(|f| f.table).collect::<Vec<_>>(),
        PARQUET_TABLES
    );
    for f in &files {
        let (rows, groups) = read(&f.path);
        assert_eq!(rows.len(), count(&s, f.table), "{}", f.table);
        assert_eq!(f.rows as usize, rows.len(), "{}", f.table);
        assert_eq!(groups as u64, f.row_groups, "{}", f.table);
        assert_eq!(groups, rows.len().div_ceil(2).max(1), "{}", f.table);
    }

    // Documents: ids, metadata and text as stored.
    let (docs, _) = read(&out.join("documents.parquet"));
    for (i, d) in docs.iter().enumerate() {
        let id = long(&d["id"]);
        let row = s.doc_row(id).unwrap().unwrap();
        assert_eq!(text(&d["url"]), row.url.as_deref());
        assert_eq!(text(&d["seen"]), row.seen.as_deref());
        assert_eq!(
            text(&d["outlet"]),
            Some(format!("paper{i}.example").as_str())
        );
        assert_eq!(long(&d["words"]), row.n_words);
        assert_eq!(long(&d["quotes"]), row.n_quotes);
        assert!(long(&d["sentences"]) >= 2);
        assert_eq!(text(&d["source"]), Some(format!("article{i}.txt").as_str()));
        let doc = s.doc(id).unwrap().unwrap();
        assert_eq!(text(&d["text"]), Some(doc.text.as_str()));
    }

    // Quotes: text equals the document's characters [start, end); speakers resolve.
    let (quotes, _) = read(&out.join("quotes.parquet"));
    let (ents, _) = read(&out.join("entities.parquet"));
    let texts: HashMap<i64, String> = docs
        .iter()
        .map(|d| (long(&d["id"]), text(&d["text"]).unwrap().to_string()))
        .collect();
    let mut with_entity = 0;
    for q in &quotes {
        let doc = &texts[&long(&q["doc_id"])];
        let (a, b) = (long(&q["start"]) as usize, long(&q["end"]) as usize);
        let slice: String = doc.chars().skip(a).take(b - a).collect();
        assert_eq!(Some(slice.as_str()), text(&q["text"]));
        if let Some(e) = text(&q["speaker_entity"]) {
            with_entity += 1;
            assert!(
                ents.iter()
                    .any(|r| long(&r["doc_id"]) == long(&q["doc_id"])
                        && text(&r["entity"]) == Some(e)),
                "speaker entity {e} is in entities.parquet"
            );
        }
        assert_eq!(
            text(&q["speaker"]).is_some(),
            !matches!(q["speaker_id"], Field::Null)
        );
    }
    let quote_texts: Vec<&str> = quotes.iter().filter_map(|q| text(&q["text"])).collect();
    assert!(
        quote_texts
            .iter()
            .any(|t| t.contains("never seen the river this low")),
        "{quote_texts:?}"
    );
    let okafor = quotes
        .iter()
        .find(|q| text(&q["text"]).is_some_and(|t| t.contains("twice as many passengers")))
        .expect("the ferry quote");
    assert!(
        text(&okafor["speaker"]).is_some_and(|n| n.contains("Okafor")),
        "{okafor:?}"
    );
    assert!(with_entity > 0, "some speakers are resolved entities");

    // Techniques keep their score as a double.
    let (techs, _) = read(&out.join("techniques.parquet"));
    for t in &techs {
        assert!(matches!(t["score"], Field::Double(x) if (0.0..=1.0).contains(&x)));
    }
}

#[test]
fn row_groups_are_bounded_by_bytes() {
    let s = store();
    let dir = tmpdir("bytes");
    let dir = dir.path();
    let files = s
        .export_parquet_with(
            dir,
            &ParquetOptions {
                row_group_rows: 1000,
                row_group_bytes: 1,
            },
        )
        .unwrap();
    let docs = files.iter().find(|f| f.table == "documents").unwrap();
    assert_eq!((docs.rows, docs.row_groups), (3, 3));
    let (rows, groups) = read(&docs.path);
    assert_eq!((rows.len(), groups), (3, 3));
}

#[test]
fn empty_store_writes_empty_files() {
    let s = Store::open_in_memory().unwrap();
    let dir = tmpdir("empty");
    let dir = dir.path();
    let files = s.export_parquet(dir).unwrap();
    assert_eq!(files.len(), PARQUET_TABLES.len());
    for f in &files {
        let (rows, _) = read(&f.path);
        assert!(rows.is_empty());
    }
}

//! Writing exports safely: never over the database's own files, and never a
//! truncated file under the final name.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Store;

/// The files that make up the database at `db`: the file itself and SQLite's
/// `-wal`, `-shm` and `-journal` companions, both as given and as resolved
/// through symlinks (SQLite keeps the companions next to the resolved file).
fn database_files(db: &Path) -> Vec<PathBuf> {
    let mut bases = vec![absolute(db)];
    if let Ok(c) = std::fs::canonicalize(db) {
        bases.push(c);
    }
    let mut out = Vec::new();
    for b in bases {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut s = b.clone().into_os_string();
            s.push(suffix);
            out.push(PathBuf::from(s));
        }
    }
    out
}

/// `p` made absolute and resolved as far as it exists (its folder when the file
/// itself does not exist yet), without touching the file.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(abs),
        _ => abs,
    }
}

/// Refuses an output path that is (or resolves to, or is a hard link of) one of
/// the files of the database at `db`: writing there would destroy the corpus
/// being read.
pub fn check_not_database(out: &Path, db: &Path) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let target = absolute(out);
    let same_file = |a: &Path, b: &Path| match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    };
    for f in database_files(db) {
        if target == f || same_file(out, &f) {
            return Err(format!(
                "{}: refusing to export into the corpus database's own file {} \
                 (that would destroy it); choose another output path",
                out.display(),
                f.display()
            ));
        }
    }
    Ok(())
}

impl Store {
    /// Writes the JSONL export ([`Store::export_jsonl`]) to the file `out`: to a
    /// temporary file beside it first, renamed into place only when complete, so a
    /// failed or killed export never leaves a truncated file under the final name,
    /// and an existing `out` survives a failure. Returns the number of documents.
    pub fn export_jsonl_file(&self, out: &Path) -> Result<usize, String> {
        let shown = out.display();
        let dir = match out.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".unspin-export-")
            .suffix(".tmp")
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .tempfile_in(dir)
            .map_err(|e| {
                format!(
                    "{shown}: cannot create a temporary file in {}: {e}",
                    dir.display()
                )
            })?;
        let file = tmp
            .as_file()
            .try_clone()
            .map_err(|e| format!("{shown}: {e}"))?;
        let mut w = std::io::BufWriter::new(file);
        let n = self
            .export_jsonl(&mut w)
            .map_err(|e| format!("{shown}: {e}"))?;
        w.flush().map_err(|e| format!("{shown}: {e}"))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| format!("{shown}: {e}"))?;
        tmp.persist(out)
            .map_err(|e| format!("{shown}: cannot rename into place: {}", e.error))?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_database_and_its_companions() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        Store::open(&db).unwrap();
        for name in ["c.db", "c.db-wal", "c.db-shm", "c.db-journal"] {
            let e = check_not_database(&dir.path().join(name), &db).unwrap_err();
            assert!(e.contains("refusing"), "{e}");
        }
        let other = dir.path().join("out.jsonl");
        assert!(check_not_database(&other, &db).is_ok());
        let s = Store::open(&db).unwrap();
        assert_eq!(s.export_jsonl_file(&other).unwrap(), 0);
        assert!(other.exists());
    }
}

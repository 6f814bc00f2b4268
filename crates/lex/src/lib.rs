//! Word knowledge for every stage, in one place.
//!
//! Every word list unspin uses is a data file under `crates/lex/data/` (one entry
//! per line, `#` comments, a `# source:` and `# licence:` header), compiled in with
//! `include_str!` and parsed once on first use. Stages ask this crate questions
//! ("is this a speech verb?", "a title?", "a month?") and keep no private lists.
//!
//! - [`WordSet`]: a set of words or phrases, exact match.
//! - [`Table`]: tab-separated rows keyed by their first column.
//! - [`bits`]: a bit per commonly asked list, computed once per token by the
//!   segmenter (`Token::lex`), so later stages test membership with one AND.
//! - [`hash`]: the project's hash functions (FxHash tables, stable FNV-1a ids).

use std::sync::OnceLock;

pub mod hash;

use hash::{FxHashMap, FxHashSet};

/// Declares a [`WordSet`] static read from `crates/lex/data/<file>`.
macro_rules! word_set {
    ($(#[$m:meta])* $vis:vis $name:ident = $file:literal) => {
        $(#[$m])*
        $vis static $name: $crate::WordSet = $crate::WordSet::new(
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)),
        );
    };
}

/// Declares a [`Table`] static read from `crates/lex/data/<file>`.
macro_rules! table {
    ($(#[$m:meta])* $vis:vis $name:ident = $file:literal) => {
        $(#[$m])*
        $vis static $name: $crate::Table = $crate::Table::new(
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)),
        );
    };
}

// Topic modules come after the macros they use.
pub mod abbrev;
pub mod attribution;
pub mod bits;
pub mod capitalisation;
pub mod dates;
pub mod english;
pub mod events;
pub mod function_words;
pub mod gazetteer;
pub mod grammar;
pub mod groups;
pub mod headlines;
pub mod interviews;
pub mod names;
pub mod org_cues;
pub mod orgs;
pub mod outlets;
pub mod page_chrome;
pub mod persuasion;
pub mod places;
pub mod politics;
pub mod punctuation;
pub mod reports;
pub mod sentiment;
pub mod speech;
pub mod stopwords;
pub mod time_words;
pub mod titles;

/// The entries of a data file: trimmed lines, blank lines and `#` comments skipped.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A shipped list of words or phrases (exact, case-sensitive match; lists of
/// lowercase words are asked with lowercase forms).
pub struct WordSet {
    file: &'static str,
    src: &'static str,
    set: OnceLock<(Vec<&'static str>, FxHashSet<&'static str>)>,
}

impl WordSet {
    #[doc(hidden)]
    pub const fn new(file: &'static str, src: &'static str) -> Self {
        WordSet {
            file,
            src,
            set: OnceLock::new(),
        }
    }

    fn get(&self) -> &(Vec<&'static str>, FxHashSet<&'static str>) {
        self.set.get_or_init(|| {
            let list: Vec<&'static str> = entries(self.src).collect();
            let set = list.iter().copied().collect();
            (list, set)
        })
    }

    /// True when `w` is an entry.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.get().1.contains(w)
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[&'static str] {
        &self.get().0
    }

    /// The data file's name under `crates/lex/data/`.
    pub fn file(&self) -> &'static str {
        self.file
    }
}

/// A table's rows and the index of each key's first row.
type Rows = (Vec<Vec<&'static str>>, FxHashMap<&'static str, usize>);

/// A shipped tab-separated table: each row's first column is its key.
pub struct Table {
    file: &'static str,
    src: &'static str,
    rows: OnceLock<Rows>,
}

impl Table {
    #[doc(hidden)]
    pub const fn new(file: &'static str, src: &'static str) -> Self {
        Table {
            file,
            src,
            rows: OnceLock::new(),
        }
    }

    fn get(&self) -> &Rows {
        self.rows.get_or_init(|| {
            let rows: Vec<Vec<&'static str>> = self
                .src
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map(|l| l.split('\t').map(str::trim).collect())
                .collect();
            let mut index = FxHashMap::default();
            for (i, r) in rows.iter().enumerate() {
                index.entry(r[0]).or_insert(i);
            }
            (rows, index)
        })
    }

    /// Every row in file order (columns trimmed).
    pub fn rows(&self) -> &[Vec<&'static str>] {
        &self.get().0
    }

    /// The first row whose key (first column) is `key`.
    #[inline]
    pub fn row(&self, key: &str) -> Option<&[&'static str]> {
        let (rows, index) = self.get();
        index.get(key).map(|&i| &rows[i][..])
    }

    /// The data file's name under `crates/lex/data/`.
    pub fn file(&self) -> &'static str {
        self.file
    }
}

/// The normalised form of a word that lowercase lists are asked with: lowercased,
/// typographic apostrophes made straight. Borrowed when already normal.
pub fn normalise(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(|c| c.is_uppercase() || c == '\u{2019}') {
        std::borrow::Cow::Owned(w.to_lowercase().replace('\u{2019}', "'"))
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

#[cfg(test)]
mod tests;

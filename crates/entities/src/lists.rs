//! Shipped word lists (see `data/README.md` for sources), parsed once on first use.

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use unspin_doc::EntityKind;

const FIRST_NAMES: &str = include_str!("../data/first_names.tsv");
const SURNAMES: &str = include_str!("../data/surnames.txt");
const COMMON: &str = include_str!("../data/common_words.txt");
const PLACES: &str = include_str!("../data/places.txt");
const ORGS: &str = include_str!("../data/orgs.txt");
const MISC: &str = include_str!("../data/misc.txt");

/// Gender implied by a given name or a title.
pub use unspin_lex::titles::Gender;

/// One gazetteer entry: what a matched name is.
#[derive(Debug, Clone, Copy)]
pub struct GazEntry {
    pub kind: EntityKind,
    /// The list's main name for the entry (first alias), e.g. "Associated Press" for "AP".
    pub canonical: &'static str,
    /// For outlets: `agency`, `newspaper`, `magazine`, `broadcaster` or `site`.
    pub outlet_type: Option<&'static str>,
}

/// All lists, built once.
pub struct Lists {
    /// Gazetteer phrases (outlets, places, organisations, misc), case-sensitive.
    pub gaz: AhoCorasick,
    /// Entry for each gazetteer pattern id.
    pub gaz_entries: Vec<GazEntry>,
    pub first_names: HashMap<&'static str, Gender>,
    pub surnames: HashSet<&'static str>,
    pub common: HashSet<&'static str>,
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lists {
    fn build() -> Lists {
        let mut pats: Vec<&'static str> = Vec::new();
        let mut entries = Vec::new();
        let mut add_names =
            |names: &[&'static str], kind: EntityKind, outlet_type: Option<&'static str>| {
                let canonical = names[0];
                for &n in names {
                    // "The New Yorker" is found as "New Yorker" (after "the" or "The").
                    let n = match n.strip_prefix("The ") {
                        Some(rest) if kind == EntityKind::Outlet => rest,
                        _ => n,
                    };
                    pats.push(n);
                    entries.push(GazEntry {
                        kind,
                        canonical,
                        outlet_type,
                    });
                }
            };
        for o in unspin_lex::outlets::all() {
            add_names(&o.names, EntityKind::Outlet, Some(o.kind));
        }
        let mut add = |names: &'static str, kind: EntityKind, outlet_type: Option<&'static str>| {
            add_names(&names.split('|').collect::<Vec<_>>(), kind, outlet_type);
        };
        for l in lines(ORGS) {
            add(l, EntityKind::Org, None);
        }
        for l in lines(PLACES) {
            add(l, EntityKind::Place, None);
        }
        for l in lines(MISC) {
            add(l, EntityKind::Misc, None);
        }
        let gaz = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("gazetteer automaton");
        let mut first_names = HashMap::default();
        for l in lines(FIRST_NAMES) {
            if let Some((n, g)) = l.split_once('\t') {
                let g = match g {
                    "F" => Gender::Female,
                    "M" => Gender::Male,
                    _ => Gender::Either,
                };
                first_names.insert(n, g);
            }
        }
        Lists {
            gaz,
            gaz_entries: entries,
            first_names,
            surnames: lines(SURNAMES).collect(),
            common: lines(COMMON).collect(),
        }
    }

    /// True when the lower-cased `w` is a common English word (SCOWL size ≤ 20).
    pub fn is_common(&self, w: &str) -> bool {
        with_lower(w, |l| self.common.contains(l))
    }

    pub fn first_name(&self, w: &str) -> Option<Gender> {
        self.first_names.get(w).copied()
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }
}

/// The lists, built on first use.
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(Lists::build)
}

/// Calls `f` with the lower-cased `w` without allocating for short ASCII words.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).unwrap_or(""))
    } else {
        f(&w.to_lowercase())
    }
}

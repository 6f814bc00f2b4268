//! The gazetteer automaton over the shipped name lists (`unspin_lex::outlets`,
//! `unspin_lex::gazetteer`), built once on first use, and name-list questions.

use std::sync::OnceLock;
use unspin_lex::{english, gazetteer, names};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use unspin_doc::EntityKind;

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
        for (list, kind) in [
            (&gazetteer::ORG_NAMES, EntityKind::Org),
            (&gazetteer::PLACE_NAMES, EntityKind::Place),
            (&gazetteer::MISC_NAMES, EntityKind::Misc),
        ] {
            for &entry in list.entries() {
                add_names(&gazetteer::names(entry).collect::<Vec<_>>(), kind, None);
            }
        }
        let gaz = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("gazetteer automaton");
        Lists {
            gaz,
            gaz_entries: entries,
        }
    }

    /// True when the lower-cased `w` is a common English word (SCOWL size ≤ 20).
    pub fn is_common(&self, w: &str) -> bool {
        with_lower(w, english::is_common_word)
    }

    pub fn first_name(&self, w: &str) -> Option<Gender> {
        names::given_name(w)
    }

    pub fn is_surname(&self, w: &str) -> bool {
        names::is_surname(w)
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

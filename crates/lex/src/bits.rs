//! One bit per commonly asked word list. The segmenter computes [`of`] once per
//! token from its normalised form (lowercase, straight apostrophes) and stores it in
//! `Token::lex`; later stages test membership with one AND instead of a lookup.
//!
//! A list gets a bit here when stages ask it for many tokens; its entries are
//! matched case-folded. Bits are grouped by the area that asks them most (the
//! ranges only keep additions from colliding; any stage may read any bit).

use crate::hash::FxHashMap;
use crate::WordSet;
use std::sync::OnceLock;

/// A set of lexicon bits.
pub type Bits = u128;

// Bit ranges by the area that asks most: shared 0..16, quotes 16..40,
// sources 40..80, entities and names 80..112, rhetoric 112..128.

// Shared.
/// A sentence starter ("the", "however"): see [`crate::abbrev::SENTENCE_STARTERS`].
pub const SENTENCE_STARTER: Bits = 1 << 0;

/// The registered lists and their bits.
static REGISTRY: &[(Bits, &WordSet)] = &[(SENTENCE_STARTER, &crate::abbrev::SENTENCE_STARTERS)];

fn table() -> &'static FxHashMap<String, Bits> {
    static T: OnceLock<FxHashMap<String, Bits>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: FxHashMap<String, Bits> = FxHashMap::default();
        for (bit, set) in REGISTRY {
            for w in set.entries() {
                *m.entry(crate::normalise(w).into_owned()).or_insert(0) |= bit;
            }
        }
        m
    })
}

/// The bits of every registered list that holds `form` (a normalised form).
#[inline]
pub fn of(form: &str) -> Bits {
    table().get(form).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bits_are_distinct_and_found() {
        let mut seen = 0;
        for (b, _) in super::REGISTRY {
            assert_eq!(b.count_ones(), 1);
            assert_eq!(seen & b, 0, "bit used twice");
            seen |= b;
        }
        assert_ne!(super::of("however") & super::SENTENCE_STARTER, 0);
        assert_eq!(super::of("zebra"), 0);
    }
}

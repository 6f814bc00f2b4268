//! How an abbreviation with a period behaves in sentence splitting. The word lists
//! themselves live in `unspin_lex::abbrev` (re-exported here for the segmenter's
//! callers).

pub use unspin_lex::abbrev::{
    is_ambiguous_abbrev, is_final_abbrev, is_known_abbrev, is_month_abbrev, is_nonfinal_dotted,
    is_number_abbrev, is_prefix_abbrev, is_sentence_starter, is_title_abbrev, is_title_abbrev_ci,
};

/// How an abbreviation behaves before a following capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name or number ("Mr.", "Sen.", "Jan.", "vs.", "e.g."): never ends a sentence
    /// unless the paragraph ends.
    Prefix,
    /// A single capital initial ("J.", "W."): ends a sentence only before a common starter word.
    Initial,
    /// Can end a sentence ("U.S.", "Inc.", "Jr.", "a.m."): ends one before a common starter
    /// word or an opening quote.
    Ambiguous,
    /// Almost always ends a sentence when followed by a capital ("etc.").
    Final,
}

/// Classifies a word token that carries a final period (`w` without the period).
pub fn classify(w: &str) -> AbbrevClass {
    if is_nonfinal_dotted(w) || is_prefix_abbrev(w) || is_number_abbrev(w) {
        return AbbrevClass::Prefix;
    }
    if is_final_abbrev(w) {
        return AbbrevClass::Final;
    }
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return AbbrevClass::Initial;
        }
    }
    AbbrevClass::Ambiguous
}

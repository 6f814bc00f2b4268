//! Very frequent function words per language, for guessing a text's language
//! (data: `stopwords.tsv`).

use crate::hash::FxHashMap;
use std::sync::OnceLock;

table!(
    /// `language<TAB>word` rows; languages in order of first appearance.
    pub STOPWORDS = "stopwords.tsv"
);

struct Index {
    langs: Vec<&'static str>,
    words: FxHashMap<&'static str, u8>,
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let mut langs: Vec<&'static str> = Vec::new();
        let mut words = FxHashMap::default();
        for r in STOPWORDS.rows() {
            let i = match langs.iter().position(|l| *l == r[0]) {
                Some(i) => i,
                None => {
                    langs.push(r[0]);
                    langs.len() - 1
                }
            };
            assert!(i < 8, "stopwords.tsv: at most 8 languages");
            *words.entry(r[1]).or_insert(0u8) |= 1 << i;
        }
        Index { langs, words }
    })
}

/// The languages with stop words (ISO 639-1), in file order: bit `i` of
/// [`stopword_langs`] is `languages()[i]`.
pub fn languages() -> &'static [&'static str] {
    &index().langs
}

/// Bit set of the languages that list lowercase `w` as a stop word (0: none).
#[inline]
pub fn stopword_langs(w: &str) -> u8 {
    index().words.get(w).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_bits() {
        assert_eq!(languages(), ["en", "de", "fr", "es", "it", "pt", "nl"]);
        assert_eq!(stopword_langs("the"), 1);
        let la = stopword_langs("la");
        assert!(la & (1 << 2) != 0 && la & (1 << 3) != 0 && la & (1 << 4) != 0);
        assert_eq!(stopword_langs("zebra"), 0);
    }
}

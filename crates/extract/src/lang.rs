//! A cheap language guess from stop-word counts.
//!
//! The stop words are `unspin_lex::stopwords` (one bit per language).

use unspin_lex::stopwords::{languages, stopword_langs};

/// Guesses a BCP 47 language code (`en`, `de`, `fr`, `es`, `it`, `pt`, `nl`)
/// from stop words in the first 500 words; `None` when unsure.
pub fn guess_language(text: &str) -> Option<String> {
    let langs = languages();
    let mut counts = [0usize; 8];
    let mut words = 0usize;
    let mut buf = String::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(500)
    {
        words += 1;
        if w.len() > 12 {
            continue;
        }
        let key: &str = if w.chars().any(|c| c.is_uppercase()) {
            buf.clear();
            buf.extend(w.chars().flat_map(char::to_lowercase));
            &buf
        } else {
            w
        };
        let bits = stopword_langs(key);
        if bits != 0 {
            for (i, c) in counts.iter_mut().enumerate().take(langs.len()) {
                if bits & (1 << i) != 0 {
                    *c += 1;
                }
            }
        }
    }
    if words < 5 {
        return None;
    }
    let mut scores: Vec<(&str, usize)> = langs
        .iter()
        .enumerate()
        .map(|(i, lang)| (*lang, counts[i]))
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, hits) = scores[0];
    let second = scores[1].1;
    let enough = hits >= 3 && hits * 10 >= words;
    let clear = hits * 2 >= second * 3;
    (enough && clear).then(|| best.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses() {
        assert_eq!(
            guess_language("The minister said that the plan was not ready and would be delayed.")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            guess_language(
                "Der Minister sagte, dass der Plan noch nicht fertig ist und sich verzögern wird."
            )
            .as_deref(),
            Some("de")
        );
        assert_eq!(
            guess_language("Le ministre a dit que le plan n'est pas prêt et qu'il sera retardé pour les élections.").as_deref(),
            Some("fr")
        );
        assert_eq!(
            guess_language(
                "El ministro dijo que el plan no está listo y que se retrasará por las elecciones."
            )
            .as_deref(),
            Some("es")
        );
        assert_eq!(guess_language("12345 67890"), None);
        assert_eq!(
            guess_language("Xyzzy plugh frobnicate quux blorb zorp"),
            None
        );
    }
}

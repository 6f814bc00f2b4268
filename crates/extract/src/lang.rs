//! A cheap language guess from stop-word counts.

const STOP: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "on", "with", "he",
            "she", "as", "his", "her", "they", "be", "at", "by", "this", "had", "not", "are",
            "but", "from", "have", "has", "who", "which", "would", "were", "been", "their", "said",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich",
            "des", "auf", "für", "im", "dem", "auch", "es", "an", "als", "wird", "sie", "wir",
            "bei", "nach", "noch", "wie", "einer", "über", "hat", "aus", "oder", "werden",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "un", "du", "que", "qui", "dans", "pour",
            "pas", "sur", "au", "avec", "il", "elle", "ce", "sont", "mais", "ont", "aux", "par",
            "plus", "été", "cette", "nous", "ses", "leur",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "y", "que", "es", "una", "un", "del", "por", "con", "para",
            "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "este", "ha", "son",
            "está", "también", "entre", "cuando", "muy",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "la", "è", "per", "una", "un", "non", "sono", "della", "del", "le",
            "gli", "con", "si", "nel", "alla", "anche", "come", "più", "ma", "ha", "dei", "delle",
            "questo", "essere", "stato",
        ],
    ),
    (
        "pt",
        &[
            "o", "a", "os", "as", "e", "que", "do", "da", "em", "um", "uma", "para", "com", "não",
            "por", "mais", "dos", "das", "se", "na", "no", "ao", "foi", "seu", "sua", "também",
            "são", "está", "pelo", "pela",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "niet", "met", "voor",
            "die", "ook", "aan", "er", "maar", "om", "als", "bij", "nog", "wordt", "naar", "heeft",
            "hij", "zij", "werd", "worden",
        ],
    ),
];

/// Guesses a BCP 47 language code (`en`, `de`, `fr`, `es`, `it`, `pt`, `nl`)
/// from stop words in the first ~3,000 words; `None` when unsure.
pub fn guess_language(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3000)
        .map(|w| w.to_lowercase())
        .collect();
    if words.len() < 5 {
        return None;
    }
    let mut scores: Vec<(&str, usize)> = STOP
        .iter()
        .map(|(lang, list)| (*lang, words.iter().filter(|w| list.contains(&w.as_str())).count()))
        .collect();
    scores.sort_by(|a, b| b.1.cmp(&a.1));
    let (best, hits) = scores[0];
    let second = scores[1].1;
    let enough = hits >= 3 && hits * 10 >= words.len();
    let clear = hits * 2 >= second * 3;
    (enough && clear).then(|| best.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses() {
        assert_eq!(
            guess_language("The minister said that the plan was not ready and would be delayed.").as_deref(),
            Some("en")
        );
        assert_eq!(
            guess_language("Der Minister sagte, dass der Plan noch nicht fertig ist und sich verzögern wird.").as_deref(),
            Some("de")
        );
        assert_eq!(
            guess_language("Le ministre a dit que le plan n'est pas prêt et qu'il sera retardé pour les élections.").as_deref(),
            Some("fr")
        );
        assert_eq!(
            guess_language("El ministro dijo que el plan no está listo y que se retrasará por las elecciones.").as_deref(),
            Some("es")
        );
        assert_eq!(guess_language("12345 67890"), None);
        assert_eq!(guess_language("Xyzzy plugh frobnicate quux blorb zorp"), None);
    }
}

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
            "de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "niet", "met",
            "voor", "die", "ook", "aan", "er", "maar", "om", "als", "bij", "nog", "wordt", "naar",
            "heeft", "hij", "zij", "werd", "worden",
        ],
    ),
];

/// Stop word → bit set of the languages (indices into `STOP`) that list it.
type Table = std::collections::HashMap<&'static str, u8, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a: stop words are short, so a simple hash beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

fn table() -> &'static Table {
    static T: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut m = Table::default();
        for (i, (_, list)) in STOP.iter().enumerate() {
            for w in *list {
                *m.entry(*w).or_insert(0u8) |= 1 << i;
            }
        }
        m
    })
}

/// Guesses a BCP 47 language code (`en`, `de`, `fr`, `es`, `it`, `pt`, `nl`)
/// from stop words in the first 500 words; `None` when unsure.
pub fn guess_language(text: &str) -> Option<String> {
    let table = table();
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
        if let Some(bits) = table.get(key) {
            for (i, c) in counts.iter_mut().enumerate().take(STOP.len()) {
                if bits & (1 << i) != 0 {
                    *c += 1;
                }
            }
        }
    }
    if words < 5 {
        return None;
    }
    let mut scores: Vec<(&str, usize)> = STOP
        .iter()
        .enumerate()
        .map(|(i, (lang, _))| (*lang, counts[i]))
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

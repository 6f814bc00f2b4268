//! The shipped lexicon (`data/lexicon.txt`) compiled into one Aho-Corasick automaton,
//! plus the derived VADER subset (`data/vader_strong.tsv`). Built once per process.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../data/lexicon.txt");
const VADER: &str = include_str!("../data/vader_strong.tsv");

/// How far a flagged span reaches from its trigger (see `data/lexicon.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Word,
    Np,
    /// The trigger, only when a person or group follows within three words.
    Personal,
    /// Like `Np`, but not before a system noun ("communist party", "socialist economy").
    Label,
    Clause,
    Tail,
    Question,
    IfAny,
    Sentence,
    Belief,
}

/// One lexicon phrase.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub technique: &'static str,
    pub score: f32,
    pub mode: Mode,
    /// `humiliat*`: the match runs on to the end of the word.
    pub stem: bool,
    /// `the worst * ever`: the automaton matches `the worst`; 1–3 words, then this.
    pub gap_suffix: Option<String>,
    /// More than one word (scores a little higher).
    pub multiword: bool,
}

pub(crate) struct Lexicon {
    pub ac: AhoCorasick,
    /// Automaton pattern index → entry index.
    pub pattern_entry: Vec<usize>,
    pub entries: Vec<Entry>,
    /// Adjectives that make an insult of a noun (`set insult_adj`).
    pub insult_adj: HashSet<String>,
    /// Nouns for people and groups (`set person_nouns`).
    pub person_nouns: HashSet<String>,
    /// The other word sets of the lexicon file (`set NAME: …`), by name: whole words,
    /// and prefixes (entries ending in `*`).
    pub sets: HashMap<String, (HashSet<String>, Vec<String>)>,
    /// VADER words with |valence| ≥ 2 (minus factual event words), lowercase → valence.
    pub vader: HashMap<&'static str, f32>,
}

impl Lexicon {
    /// True when `w` (lowercase) is in the named set; entries ending in `*` match as
    /// prefixes. An unknown set name is a programming error.
    pub fn in_set(&self, set: &str, w: &str) -> bool {
        let (whole, prefixes) = self
            .sets
            .get(set)
            .unwrap_or_else(|| panic!("lexicon: no set {set}"));
        whole.contains(w) || prefixes.iter().any(|p| w.starts_with(p.as_str()))
    }

    /// The members of a named set.
    pub fn set(&self, set: &str) -> impl Iterator<Item = &str> {
        self.sets
            .get(set)
            .into_iter()
            .flat_map(|(whole, _)| whole.iter())
            .map(String::as_str)
    }
}

/// The process-wide lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

fn parse_mode(s: &str) -> Mode {
    match s {
        "word" => Mode::Word,
        "np" => Mode::Np,
        "label" => Mode::Label,
        "personal" => Mode::Personal,
        "clause" => Mode::Clause,
        "tail" => Mode::Tail,
        "question" => Mode::Question,
        "ifany" => Mode::IfAny,
        "sentence" => Mode::Sentence,
        "belief" => Mode::Belief,
        other => panic!("lexicon: unknown mode {other:?}"),
    }
}

/// Expands `{a|b}` alternatives and `{@set}` references.
fn expand(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(open) = phrase.find('{') else {
        return vec![phrase.to_string()];
    };
    let close = open + phrase[open..].find('}').expect("lexicon: unclosed {");
    let inner = &phrase[open + 1..close];
    let alts: Vec<String> = match inner.strip_prefix('@') {
        Some(name) => sets
            .get(name)
            .unwrap_or_else(|| panic!("lexicon: unknown set {name}"))
            .clone(),
        None => inner.split('|').map(str::to_string).collect(),
    };
    let rest = expand(&phrase[close + 1..], sets);
    let mut out = Vec::with_capacity(alts.len() * rest.len());
    for a in &alts {
        for r in &rest {
            out.push(format!("{}{a}{r}", &phrase[..open]));
        }
    }
    out
}

fn build() -> Lexicon {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut entries = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut pattern_entry = Vec::new();
    for line in LEXICON.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, body) = line.split_once(':').expect("lexicon: missing ':'");
        let phrases = body
            .split(';')
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty());
        if let Some(name) = head.strip_prefix("set ") {
            sets.insert(name.trim().to_string(), phrases.collect());
            continue;
        }
        let mut h = head.split_whitespace();
        let technique = h.next().expect("lexicon: technique");
        let score: f32 = h
            .next()
            .and_then(|s| s.parse().ok())
            .expect("lexicon: score");
        let mode = parse_mode(h.next().expect("lexicon: mode"));
        for phrase in phrases {
            for p in expand(&phrase, &sets) {
                let (p, gap_suffix) = match p.split_once(" * ") {
                    Some((a, b)) => (a.to_string(), Some(b.to_string())),
                    None => (p, None),
                };
                let stem = p.ends_with('*');
                let p = p.trim_end_matches('*').to_string();
                let idx = entries.len();
                entries.push(Entry {
                    technique,
                    score,
                    mode,
                    stem,
                    multiword: p.contains(' ') || gap_suffix.is_some(),
                    gap_suffix,
                });
                if p.contains('\'') {
                    patterns.push(p.replace('\'', "\u{2019}"));
                    pattern_entry.push(idx);
                }
                patterns.push(p);
                pattern_entry.push(idx);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("lexicon: automaton");
    let insult_adj = sets
        .remove("insult_adj")
        .unwrap_or_default()
        .into_iter()
        .collect();
    let person_nouns = sets
        .remove("person_nouns")
        .unwrap_or_default()
        .into_iter()
        .collect();
    let vader = VADER
        .lines()
        .filter_map(|l| {
            let (w, v) = l.split_once('\t')?;
            Some((w, v.trim().parse().ok()?))
        })
        .collect();
    let sets = sets
        .into_iter()
        .map(|(k, v)| {
            let (pre, whole): (Vec<String>, Vec<String>) =
                v.into_iter().partition(|w| w.ends_with('*'));
            let pre = pre.into_iter().map(|p| p.trim_end_matches('*').to_string());
            (k, (whole.into_iter().collect(), pre.collect()))
        })
        .collect();
    Lexicon {
        sets,
        ac,
        pattern_entry,
        entries,
        insult_adj,
        person_nouns,
        vader,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_builds() {
        let lex = lexicon();
        assert!(lex.entries.len() > 1000, "{}", lex.entries.len());
        assert!(lex.insult_adj.contains("low-iq"));
        assert!(lex.person_nouns.contains("supporters"));
        for set in [
            "intensifiers",
            "literal_next",
            "literal_prev",
            "system_nouns",
            "cues",
            "attitudes",
            "credibility_nouns",
            "person_words",
        ] {
            assert!(lex.set(set).count() > 5, "{set}");
        }
        assert!(lex.in_set("attitudes", "knows") && !lex.in_set("attitudes", "table"));
        assert!(lex.vader.len() > 1000);
        let loaded = lex
            .entries
            .iter()
            .filter(|e| e.technique == "loaded_language")
            .count();
        assert!(loaded >= 300, "{loaded}");
        for e in &lex.entries {
            assert!(
                e.technique.starts_with('_') || crate::TECHNIQUES.contains(&e.technique),
                "unknown technique {}",
                e.technique
            );
        }
    }

    #[test]
    fn no_duplicate_phrases() {
        let mut seen = HashSet::new();
        for line in LEXICON.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') || line.starts_with("set ") {
                continue;
            }
            let (head, body) = line.split_once(':').unwrap();
            let tech = head.split_whitespace().next().unwrap();
            for p in body.split(';').map(|p| p.trim().to_lowercase()) {
                if !p.is_empty() {
                    assert!(seen.insert((tech, p.clone())), "{tech}: {p:?} listed twice");
                }
            }
        }
    }

    /// Neutrality guard: no phrase names a politician or a side's shorthand.
    #[test]
    fn no_names_in_lexicon() {
        let names = [
            "trump",
            "biden",
            "harris",
            "clinton",
            "obama",
            "sanders",
            "desantis",
            "pelosi",
            "mcconnell",
            "starmer",
            "sunak",
            "corbyn",
            "farage",
            "putin",
            "zelensky",
            "netanyahu",
            "maga",
            "gop",
            "rino",
            "dems",
            "libs",
            "repubs",
        ];
        for line in LEXICON.lines().filter(|l| !l.starts_with('#')) {
            for w in line
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                assert!(!names.contains(&w), "lexicon names {w:?}: {line}");
            }
        }
    }

    #[test]
    fn braces_expand() {
        let sets = HashMap::from([("s".to_string(), vec!["x".to_string(), "y".to_string()])]);
        assert_eq!(
            expand("a {b|c} {@s}", &sets),
            ["a b x", "a b y", "a c x", "a c y"]
        );
    }
}

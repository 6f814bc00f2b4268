//! The persuasion lexicon (`unspin_lex::persuasion::PHRASES`) compiled into one
//! Aho-Corasick automaton, plus the strong VADER words (`unspin_lex::sentiment`) and the
//! context rules' word sets. Built once per process.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unspin_doc::TechniqueName;
use unspin_lex::persuasion as words;
use unspin_lex::WordSet;

/// How far a flagged span reaches from its trigger (see `crates/lex/data/persuasion_phrases.tsv`).
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

/// What a lexicon phrase marks: a reported technique, or a feature the rules and the
/// model read but never report (the lexicon's `_`-names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tech {
    Technique(TechniqueName),
    /// `_insult_adj`: an insult adjective, name calling when aimed at a person.
    InsultAdj,
    /// `_opinion`: a stance marker of the writer.
    Opinion,
    /// `_hedge`: a hedge or modal speculation.
    Hedge,
}

impl Tech {
    fn parse(s: &str) -> Tech {
        match s {
            "_insult_adj" => Tech::InsultAdj,
            "_opinion" => Tech::Opinion,
            "_hedge" => Tech::Hedge,
            _ => Tech::Technique(
                TechniqueName::parse(s)
                    .unwrap_or_else(|| panic!("persuasion lexicon: unknown technique {s:?}")),
            ),
        }
    }

    /// The name as the lexicon spells it: a model feature value (the model was trained
    /// on these strings).
    pub fn as_str(self) -> &'static str {
        match self {
            Tech::Technique(t) => t.as_str(),
            Tech::InsultAdj => "_insult_adj",
            Tech::Opinion => "_opinion",
            Tech::Hedge => "_hedge",
        }
    }

    /// True for loaded language, name calling and ridicule.
    pub fn is_loaded(self) -> bool {
        matches!(
            self,
            Tech::Technique(
                TechniqueName::LoadedLanguage
                    | TechniqueName::NameCalling
                    | TechniqueName::Ridicule
            )
        )
    }
}

/// One lexicon phrase.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub technique: Tech,
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
    /// Adjectives that make an insult of a noun.
    pub insult_adj: Words,
    /// Nouns for people and groups an insult is aimed at.
    pub person_nouns: Words,
    pub intensifiers: Words,
    pub literal_next: Words,
    pub literal_prev: Words,
    pub system_nouns: Words,
    /// Verbs and phrases that credit a hedge to a source.
    pub cues: Words,
    pub attitudes: Words,
    pub credibility_nouns: Words,
    pub person_words: Words,
    /// VADER words with |valence| ≥ 2 (minus factual event words), lowercase → valence.
    pub vader: HashMap<&'static str, f32>,
}

/// A lex word set asked lowercase: whole words, and prefixes (entries ending in `*`).
pub(crate) struct Words {
    whole: HashSet<String>,
    prefixes: Vec<String>,
}

impl Words {
    fn new(set: &WordSet) -> Words {
        let (pre, whole): (Vec<String>, Vec<String>) = set
            .entries()
            .iter()
            .map(|w| w.to_lowercase())
            .partition(|w| w.ends_with('*'));
        Words {
            whole: whole.into_iter().collect(),
            prefixes: pre
                .into_iter()
                .map(|p| p.trim_end_matches('*').to_string())
                .collect(),
        }
    }

    /// True when `w` (lowercase) is a word of the set or starts with one of its prefixes.
    pub fn has(&self, w: &str) -> bool {
        self.whole.contains(w) || self.prefixes.iter().any(|p| w.starts_with(p.as_str()))
    }

    /// The whole-word members.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.whole.iter().map(String::as_str)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.whole.len() + self.prefixes.len()
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

/// Set names a phrase may expand with `{@NAME}`, and their word sets.
const PHRASE_SETS: [(&str, &WordSet); 1] = [("insult_adj", &words::INSULT_ADJECTIVES)];

/// The entries of `set`, lowercased, in file order.
fn lowercase_entries(set: &WordSet) -> Vec<String> {
    set.entries().iter().map(|w| w.to_lowercase()).collect()
}

fn build() -> Lexicon {
    let sets: HashMap<String, Vec<String>> = PHRASE_SETS
        .iter()
        .map(|(name, set)| (name.to_string(), lowercase_entries(set)))
        .collect();
    let mut entries = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut pattern_entry = Vec::new();
    for row in words::PHRASES.rows() {
        let [technique, score, mode, phrase] = row[..] else {
            panic!("persuasion lexicon: a row needs 4 columns: {row:?}");
        };
        let technique = Tech::parse(technique);
        let score: f32 = score.parse().expect("persuasion lexicon: score");
        let mode = parse_mode(mode);
        let phrase = phrase.to_lowercase();
        if phrase.is_empty() {
            continue;
        }
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
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("lexicon: automaton");
    let vader = unspin_lex::sentiment::VADER_STRONG
        .rows()
        .iter()
        .filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?)))
        .collect();
    Lexicon {
        ac,
        pattern_entry,
        entries,
        insult_adj: Words::new(&words::INSULT_ADJECTIVES),
        person_nouns: Words::new(&words::INSULT_TARGET_NOUNS),
        intensifiers: Words::new(&words::INTENSIFIERS),
        literal_next: Words::new(&words::LITERAL_SENSE_NEXT),
        literal_prev: Words::new(&words::LITERAL_SENSE_PREV),
        system_nouns: Words::new(&words::POLITICAL_SYSTEM_NOUNS),
        cues: Words::new(&words::HEDGE_ATTRIBUTION_CUES),
        attitudes: Words::new(&words::ATTITUDE_WORDS),
        credibility_nouns: Words::new(&words::CREDIBILITY_NOUNS),
        person_words: Words::new(&words::PERSON_WORDS),
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
        assert!(lex.insult_adj.has("low-iq"));
        assert!(lex.person_nouns.has("supporters"));
        for set in [
            &lex.intensifiers,
            &lex.literal_next,
            &lex.literal_prev,
            &lex.system_nouns,
            &lex.cues,
            &lex.attitudes,
            &lex.credibility_nouns,
            &lex.person_words,
        ] {
            assert!(set.len() > 5);
        }
        assert!(lex.attitudes.has("knows") && !lex.attitudes.has("table"));
        assert!(lex.vader.len() > 1000);
        let loaded = lex
            .entries
            .iter()
            .filter(|e| e.technique == Tech::Technique(TechniqueName::LoadedLanguage))
            .count();
        assert!(loaded >= 300, "{loaded}");
    }

    #[test]
    fn no_duplicate_phrases() {
        let mut seen = HashSet::new();
        for row in words::PHRASES.rows() {
            let (tech, p) = (row[0], row[3].to_lowercase());
            assert!(seen.insert((tech, p.clone())), "{tech}: {p:?} listed twice");
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
        for row in words::PHRASES.rows() {
            let line = row.join("\t");
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

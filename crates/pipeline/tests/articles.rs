//! Hand-written test articles (`tests/articles/NN_slug.txt`) checked against a careful
//! human reading of each (`NN_slug.expected.json`): quotations with kind and speaker,
//! entity clustering, chrome removal and sourcing. One `#[test]` per article so each
//! failure is visible on its own, plus a summary test with the issue's bar
//! (quote recall ≥ 0.9, speaker accuracy ≥ 0.8 over all articles).
//!
//! Expected-file format (all keys but `quotes` optional):
//! ```json
//! { "title": "first line", "outlet": "The Sentinel",
//!   "quotes": [{"text_starts": "first words of the content", "kind": "direct|partial",
//!               "speaker": "Full Name" | null, "optional": false, "may_merge": false,
//!               "speaker_any": false}],
//!   "entities": [{"name": "Maria Lopez", "kind": "person", "mentions_include": ["Maria Lopez", "Lopez"]}],
//!   "distinct": [["Bill Clinton", "Hillary Clinton"]],
//!   "chrome": ["Advertisement"],
//!   "sources": {"anonymous": true, "named": ["Reuters"]} }
//! ```
//! Matching rules:
//! - A predicted quote matches an expected one when its text, with surrounding quotation
//!   marks and whitespace trimmed and whitespace runs collapsed, starts with `text_starts`
//!   (same normalisation). With `may_merge` (the second paragraph of a quote running
//!   over a paragraph break, or the continuation after a mid attribution), a predicted
//!   quote that merely *contains* `text_starts` is accepted too.
//! - `kind` lists the accepted kinds separated by `|`.
//! - Speaker: expected `null` requires no speaker. Otherwise both names are lower-cased,
//!   a leading "the" dropped and punctuation turned into word breaks; they match when
//!   equal, when the predicted name contains the expected one as whole words ("Sen.
//!   Richard Baird" for "Richard Baird"), or when the predicted name is a shorter form
//!   of it: every predicted word other than titles and articles is a word of the
//!   expected name ("Baird", "Ms. Kane" for "Emily Kane", "the official" for "a senior
//!   official"; but not "Harold Kane" for "Emily Kane", nor "the governor" for a name).
//! - `speaker_any`: any speaker (or none) is accepted (e.g. words on a placard).
//! - `optional` quotes (indirect speech, questions in a Q&A) are never counted as
//!   missing; when found, their kind and speaker are still checked.
//! - Extra predicted direct, partial or block quotes that match no expected quote are
//!   failures; extra scare and indirect quotes are only reported.
//! - Entities: one predicted entity must have a mention whose text equals each form in
//!   `mentions_include` (all forms in the same entity), with the expected kind (`|`
//!   separates accepted kinds). A mention may carry titles in front of the form
//!   ("Dr. Samuel Adeyemi" is the form "Samuel Adeyemi", "Ms Marsh" is "Marsh"), and any
//!   words in front of a form of two or more words; a leading "The" is optional.
//!   `distinct` pairs must be mentions of two different entities.
//! - `title` must equal `doc.meta.title`; `outlet` must match `doc.meta.outlet` by the
//!   speaker name rule.
//! - Chrome lines must not occur in `doc.text` and must appear in `doc.chrome`.
//! - Sources: `anonymous` true requires an anonymous source, false forbids one; every
//!   `named` source must be among the non-anonymous sources (same name rule as speakers).

use std::path::PathBuf;

use serde::Deserialize;
use unspin_doc::{Doc, QuoteKind, SourceKind};
use unspin_pipeline::{analyze_text, Options};

#[derive(Debug, Deserialize)]
struct Expected {
    #[serde(default)]
    title: Option<String>,
    /// The outlet a reader infers from the page (chrome naming it).
    #[serde(default)]
    outlet: Option<String>,
    quotes: Vec<ExpQuote>,
    #[serde(default)]
    entities: Vec<ExpEntity>,
    #[serde(default)]
    distinct: Vec<(String, String)>,
    #[serde(default)]
    chrome: Vec<String>,
    #[serde(default)]
    sources: Option<ExpSources>,
}

#[derive(Debug, Deserialize)]
struct ExpQuote {
    text_starts: String,
    kind: String,
    speaker: Option<String>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    may_merge: bool,
    /// Any speaker (or none) is accepted: the reader cannot insist on one.
    #[serde(default)]
    speaker_any: bool,
}

#[derive(Debug, Deserialize)]
struct ExpEntity {
    name: String,
    kind: String,
    #[serde(default)]
    mentions_include: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ExpSources {
    #[serde(default)]
    anonymous: Option<bool>,
    #[serde(default)]
    named: Vec<String>,
}

/// What one article scored, for the summary.
#[derive(Debug, Default)]
struct Score {
    /// Required expected quotes.
    expected: usize,
    /// Required expected quotes that were found.
    found: usize,
    /// Found quotes (required or optional) whose speaker is right.
    speaker_ok: usize,
    /// Found quotes (required or optional) whose speaker was checked.
    speaker_checked: usize,
    /// Every mismatch, one line each.
    problems: Vec<String>,
    /// Notes that are not failures (extra scare or indirect quotes).
    notes: Vec<String>,
}

fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles")
}

/// Every article name (`NN_slug`) in the folder, sorted.
fn article_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(articles_dir())
        .expect("tests/articles exists")
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p.file_name()?.to_str()?.to_string();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

const QUOTE_MARKS: &[char] = &[
    '"', '\'', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201E}', '\u{201A}', '\u{00AB}',
    '\u{00BB}', '\u{2039}', '\u{203A}', '\u{201F}', '\u{201B}',
];

/// Trims quotation marks and whitespace at both ends and collapses whitespace runs.
fn norm_quote(s: &str) -> String {
    let t = s.trim_matches(|c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c));
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased words of a name, with punctuation as separators and a leading "the" dropped.
fn name_words(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.first().map(String::as_str) == Some("the") {
        words.remove(0);
    }
    words
}

fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The speaker/source name rule described in the module docs.
fn name_matches(predicted: &str, expected: &str) -> bool {
    let p = name_words(predicted);
    let e = name_words(expected);
    if p.is_empty() || e.is_empty() {
        return false;
    }
    if p == e || contains_words(&p, &e) {
        return true;
    }
    // A shorter form of the expected name ("Kane", "Ms. Kane", "the official"): every
    // word other than titles and articles is a word of the expected name.
    let core: Vec<&String> = p
        .iter()
        .filter(|w| !matches!(w.as_str(), "a" | "an") && !TITLES.contains(&w.as_str()))
        .collect();
    !core.is_empty() && core.iter().all(|w| e.contains(w))
}

fn kind_name(k: QuoteKind) -> &'static str {
    k.as_str()
}

fn entity_kind_ok(kind: &str, expected: &str) -> bool {
    expected.split('|').any(|k| k.trim() == kind)
}

fn load(name: &str) -> (String, Expected) {
    let dir = articles_dir();
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))
        .unwrap_or_else(|e| panic!("reading {name}.txt: {e}"));
    let json = std::fs::read_to_string(dir.join(format!("{name}.expected.json")))
        .unwrap_or_else(|e| panic!("reading {name}.expected.json: {e}"));
    let exp: Expected =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("parsing {name}.expected.json: {e}"));
    (text, exp)
}

/// Runs the pipeline on one article and compares with its expected reading.
fn score(name: &str) -> Score {
    let (text, exp) = load(name);
    let doc = analyze_text(name, &text, Options::default()).expect("analyses");
    let mut sc = Score::default();
    check_quotes(&doc, &exp, &mut sc);
    check_entities(&doc, &exp, &mut sc);
    check_chrome(&doc, &exp, &mut sc);
    check_sources(&doc, &exp, &mut sc);
    if let Some(o) = &exp.outlet {
        if !doc
            .meta
            .outlet
            .as_deref()
            .is_some_and(|g| name_matches(g, o))
        {
            sc.problems
                .push(format!("outlet: expected {o:?}, got {:?}", doc.meta.outlet));
        }
    }
    if let Some(t) = &exp.title {
        if doc.meta.title.as_deref().map(str::trim) != Some(t.trim()) {
            sc.problems
                .push(format!("title: expected {t:?}, got {:?}", doc.meta.title));
        }
    }
    sc
}

fn check_quotes(doc: &Doc, exp: &Expected, sc: &mut Score) {
    let predicted: Vec<String> = doc
        .quotes
        .iter()
        .map(|q| norm_quote(doc.slice(q.span)))
        .collect();
    let mut used = vec![false; doc.quotes.len()];
    for eq in &exp.quotes {
        let want = norm_quote(&eq.text_starts);
        if !eq.optional {
            sc.expected += 1;
        }
        // Prefer an unused quote that starts with the text; then any that starts with
        // it; then (may_merge) one that contains it.
        let starts = |i: &usize| predicted[*i].starts_with(&want);
        let idx = (0..predicted.len())
            .find(|i| !used[*i] && starts(i))
            .or_else(|| (0..predicted.len()).find(starts))
            .or_else(|| {
                eq.may_merge
                    .then(|| (0..predicted.len()).find(|i| predicted[*i].contains(&want)))
                    .flatten()
            });
        let Some(i) = idx else {
            if !eq.optional {
                sc.problems.push(format!(
                    "missing quote {:?} ({}, speaker {:?})",
                    eq.text_starts, eq.kind, eq.speaker
                ));
            }
            continue;
        };
        used[i] = true;
        if !eq.optional {
            sc.found += 1;
        }
        let q = &doc.quotes[i];
        let got_kind = kind_name(q.kind);
        if !eq.kind.split('|').any(|k| k.trim() == got_kind) {
            sc.problems.push(format!(
                "quote {:?}: kind expected {}, got {}",
                eq.text_starts, eq.kind, got_kind
            ));
        }
        sc.speaker_checked += 1;
        let got_speaker = q.speaker.as_ref().map(|s| s.name.as_str());
        let ok = match (&eq.speaker, got_speaker) {
            _ if eq.speaker_any => true,
            (None, None) => true,
            (Some(e), Some(p)) => name_matches(p, e),
            _ => false,
        };
        if ok {
            sc.speaker_ok += 1;
        } else {
            sc.problems.push(format!(
                "quote {:?}: speaker expected {:?}, got {:?}",
                eq.text_starts, eq.speaker, got_speaker
            ));
        }
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        if used[i] {
            continue;
        }
        let line = format!(
            "extra {} quote {:?} (speaker {:?})",
            kind_name(q.kind),
            predicted[i].chars().take(70).collect::<String>(),
            q.speaker.as_ref().map(|s| s.name.as_str())
        );
        match q.kind {
            QuoteKind::Scare | QuoteKind::Indirect => sc.notes.push(line),
            _ => sc.problems.push(line),
        }
    }
}

/// Honorifics and titles a mention may carry in front of the expected form.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "col",
    "gen",
    "sgt",
    "lt",
    "capt",
    "president",
    "vice",
    "former",
    "secretary",
    "minister",
    "mayor",
    "coach",
    "judge",
    "rev",
    "sir",
    "dame",
    "lord",
    "lady",
    "chancellor",
    "superintendent",
    "chairman",
    "chairwoman",
    "state",
    "health",
    "treasury",
    "council",
    "member",
    "herr",
    "frau",
    "m",
    "mme",
    "wirtschaftsministerin",
    "the",
];

/// True when a mention's text is `form` (a leading "the" optional on either side),
/// allowing title words in front of it
/// ("Dr. Samuel Adeyemi" for "Samuel Adeyemi", "Ms Marsh" for "Marsh"), and any words in
/// front of a form of two or more words.
fn mention_is(mention: &str, form: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s.split_whitespace().map(str::to_string).collect();
        if v.len() > 1 && v[0].eq_ignore_ascii_case("the") {
            v.remove(0);
        }
        v
    };
    let (m, f) = (words(mention), words(form));
    if m == f {
        return true;
    }
    if f.is_empty() || m.len() <= f.len() || m[m.len() - f.len()..] != f[..] {
        return false;
    }
    let prefix = &m[..m.len() - f.len()];
    f.len() >= 2
        || prefix.iter().all(|w| {
            let w = w.trim_end_matches('.').to_lowercase();
            TITLES.contains(&w.as_str())
        })
}

/// The title word right before a mention ("Ms." before "Kane"), if any: mention
/// spans hold the name only, so "Ms. Kane" in an expected form is the title + name.
fn title_before(doc: &Doc, start: usize) -> Option<&str> {
    let before = doc.text[..start].trim_end();
    let word = before.rsplit(char::is_whitespace).next()?;
    let w = word.trim_end_matches('.').to_lowercase();
    (before.len() < start && TITLES.contains(&w.as_str())).then_some(word)
}

/// Entity indices holding a mention whose text is `form` (see [`mention_is`]).
fn entities_with_form(doc: &Doc, form: &str) -> Vec<usize> {
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.mentions.iter().any(|m| {
                let text = doc.slice(m.span);
                mention_is(text, form)
                    || title_before(doc, m.span.start)
                        .is_some_and(|t| mention_is(&format!("{t} {text}"), form))
            })
        })
        .map(|(i, _)| i)
        .collect()
}

fn check_entities(doc: &Doc, exp: &Expected, sc: &mut Score) {
    for ee in &exp.entities {
        let forms: Vec<&str> = if ee.mentions_include.is_empty() {
            vec![ee.name.as_str()]
        } else {
            ee.mentions_include.iter().map(String::as_str).collect()
        };
        // The entity that holds the most of the forms.
        let best = (0..doc.entities.len()).max_by_key(|i| {
            forms
                .iter()
                .filter(|f| entities_with_form(doc, f).contains(i))
                .count()
        });
        let held: Vec<&str> = best
            .map(|i| {
                forms
                    .iter()
                    .copied()
                    .filter(|f| entities_with_form(doc, f).contains(&i))
                    .collect()
            })
            .unwrap_or_default();
        if held.is_empty() {
            sc.problems.push(format!(
                "entity {:?}: no mention found ({forms:?})",
                ee.name
            ));
            continue;
        }
        let e = &doc.entities[best.unwrap()];
        let missing: Vec<&str> = forms
            .iter()
            .copied()
            .filter(|f| !held.contains(f))
            .collect();
        if !missing.is_empty() {
            let where_: Vec<String> = missing
                .iter()
                .map(|f| {
                    let names: Vec<&str> = entities_with_form(doc, f)
                        .into_iter()
                        .map(|i| doc.entities[i].name.as_str())
                        .collect();
                    format!("{f:?} in {names:?}")
                })
                .collect();
            sc.problems.push(format!(
                "entity {:?} (predicted {:?}): not clustered with {}",
                ee.name,
                e.name,
                where_.join(", ")
            ));
        }
        if !entity_kind_ok(e.kind.as_str(), &ee.kind) {
            sc.problems.push(format!(
                "entity {:?}: kind expected {}, got {}",
                ee.name,
                ee.kind,
                e.kind.as_str()
            ));
        }
    }
    for (a, b) in &exp.distinct {
        let ea = entities_with_form(doc, a);
        let eb = entities_with_form(doc, b);
        if ea.is_empty() || eb.is_empty() {
            sc.problems.push(format!(
                "distinct {a:?} / {b:?}: a mention is not an entity"
            ));
        } else if ea.iter().any(|i| eb.contains(i)) {
            sc.problems
                .push(format!("distinct {a:?} / {b:?}: clustered into one entity"));
        }
    }
}

fn check_chrome(doc: &Doc, exp: &Expected, sc: &mut Score) {
    for line in &exp.chrome {
        let l = line.trim();
        if doc.text.lines().any(|t| t.trim() == l) {
            sc.problems
                .push(format!("chrome {l:?} is still in the text"));
        }
        if !doc
            .chrome
            .iter()
            .any(|c| c.text.trim() == l || c.text.contains(l))
        {
            sc.problems
                .push(format!("chrome {l:?} not listed in doc.chrome"));
        }
    }
}

fn check_sources(doc: &Doc, exp: &Expected, sc: &mut Score) {
    let Some(es) = &exp.sources else { return };
    let anon = doc.sources.iter().any(|s| s.kind == SourceKind::Anonymous);
    match es.anonymous {
        Some(true) if !anon => sc
            .problems
            .push("sources: expected anonymous sourcing, none found".into()),
        Some(false) if anon => {
            let names: Vec<&str> = doc
                .sources
                .iter()
                .filter(|s| s.kind == SourceKind::Anonymous)
                .map(|s| s.name.as_str())
                .collect();
            sc.problems.push(format!(
                "sources: no anonymous sourcing expected, got {names:?}"
            ))
        }
        _ => {}
    }
    for n in &es.named {
        let ok = doc.sources.iter().any(|s| {
            !matches!(s.kind, SourceKind::Anonymous | SourceKind::Rumour)
                && name_matches(&s.name, n)
        });
        if !ok {
            let got: Vec<&str> = doc.sources.iter().map(|s| s.name.as_str()).collect();
            sc.problems
                .push(format!("sources: named source {n:?} missing (got {got:?})"));
        }
    }
}

fn run_article(name: &str) {
    let sc = score(name);
    for n in &sc.notes {
        eprintln!("{name}: note: {n}");
    }
    assert!(
        sc.problems.is_empty(),
        "{name}: {} mismatch(es):\n  - {}",
        sc.problems.len(),
        sc.problems.join("\n  - ")
    );
}

macro_rules! articles {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                run_article($name);
            }
        )*
        /// The articles that have a test function of their own.
        const TESTED: &[&str] = &[$($name),*];
    };
}

articles! {
    article_01_wire_reuters => "01_wire_reuters",
    article_02_ap_local_inversion => "02_ap_local_inversion",
    article_03_uk_single_quotes => "03_uk_single_quotes",
    article_04_nested_quotes => "04_nested_quotes",
    article_05_multiparagraph_quote => "05_multiparagraph_quote",
    article_06_interview_qa => "06_interview_qa",
    article_07_french_guillemets => "07_french_guillemets",
    article_08_german_marks => "08_german_marks",
    article_09_scraped_chrome => "09_scraped_chrome",
    article_10_anonymous_sources => "10_anonymous_sources",
    article_11_opinion_partial_scare => "11_opinion_partial_scare",
    article_12_sports_recap => "12_sports_recap",
    article_13_science_curly => "13_science_curly",
    article_14_conservative_outlet => "14_conservative_outlet",
    article_15_international_wire => "15_international_wire",
    article_16_mixed_marks_local => "16_mixed_marks_local",
    article_17_radio_transcript => "17_radio_transcript",
    article_18_same_surname_business => "18_same_surname_business",
    article_19_scraped_colon_intro => "19_scraped_colon_intro",
    article_20_archive_double_apostrophes => "20_archive_double_apostrophes",
}

/// Every article file has an expected file that parses, and a test function above.
#[test]
fn every_article_is_wired() {
    let names = article_names();
    assert!(names.len() >= 14, "only {} articles", names.len());
    for n in &names {
        // The fixtures themselves: every quote start, entity form and chrome line is in
        // the article as written.
        let (text, exp) = load(n);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for q in &exp.quotes {
            let want = norm_quote(&q.text_starts);
            assert!(
                flat.contains(&want),
                "{n}: quote start {want:?} not in the text"
            );
        }
        for e in &exp.entities {
            for f in &e.mentions_include {
                assert!(
                    text.contains(f.as_str()),
                    "{n}: entity form {f:?} not in the text"
                );
            }
        }
        for (a, b) in &exp.distinct {
            assert!(
                text.contains(a.as_str()) && text.contains(b.as_str()),
                "{n}: {a:?}/{b:?}"
            );
        }
        for c in &exp.chrome {
            assert!(
                text.lines().any(|l| l.trim() == c.trim()),
                "{n}: chrome line {c:?} not in the text"
            );
        }
        assert!(
            TESTED.contains(&n.as_str()),
            "{n}.txt has no test function: add it to the articles! list"
        );
    }
    for t in TESTED {
        assert!(names.iter().any(|n| n == t), "{t}.txt is missing");
    }
}

/// Quote recall and speaker accuracy over all articles, with the issue's bar.
#[test]
fn summary_recall_and_speaker_accuracy() {
    let (mut expected, mut found, mut sp_ok, mut sp_n, mut clean) = (0, 0, 0, 0, 0);
    let names = article_names();
    for n in &names {
        let sc = score(n);
        eprintln!(
            "{n:<32} quotes {:>2}/{:<2} speakers {:>2}/{:<2} mismatches {}",
            sc.found,
            sc.expected,
            sc.speaker_ok,
            sc.speaker_checked,
            sc.problems.len()
        );
        expected += sc.expected;
        found += sc.found;
        sp_ok += sc.speaker_ok;
        sp_n += sc.speaker_checked;
        clean += usize::from(sc.problems.is_empty());
    }
    let recall = found as f64 / expected.max(1) as f64;
    let speaker = sp_ok as f64 / sp_n.max(1) as f64;
    eprintln!(
        "articles: {} ({clean} without mismatch); quote recall {recall:.3} ({found}/{expected}); \
         speaker accuracy {speaker:.3} ({sp_ok}/{sp_n})",
        names.len()
    );
    assert!(recall >= 0.9, "quote recall {recall:.3} < 0.9");
    assert!(speaker >= 0.8, "speaker accuracy {speaker:.3} < 0.8");
}

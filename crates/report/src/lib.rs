//! Report: render an analysed [`Doc`] for people: terminal text, Markdown, or one
//! self-contained HTML page. (JSON comes from `Doc::to_json`.)
//!
//! Also home of the `unspin/1` JSON Schema checks ([`validate_json`],
//! [`check_offsets`], [`check_refs`]) so that every crate's tests can validate output.

use unspin_doc::{Attribution, Doc, Finding, Span, TechniqueName};

#[cfg(test)]
mod fixture;
mod html;
mod markdown;
mod text;
pub mod validate;

pub use html::{escape as html_escape, html};
pub use markdown::markdown;
pub use text::{text, text_with, TextOptions};
pub use validate::{
    check_all, check_offsets, check_output, check_refs, validate_json, SCHEMA_JSON,
};

/// Human name of a technique (`loaded_language` → "Loaded language").
pub fn technique_label(t: TechniqueName) -> String {
    match t {
        TechniqueName::BlackAndWhiteFallacy => "Black-and-white fallacy".to_string(),
        TechniqueName::ThoughtTerminatingCliche => "Thought-terminating cliché".to_string(),
        _ => humanize(t.as_str()),
    }
}

/// One-line definition of a technique, from the kind registry (`unspin_doc::kinds`).
pub fn technique_definition(t: TechniqueName) -> &'static str {
    t.description()
}

/// The words that triggered a flagged span, quoted and comma-separated; `None` when
/// there are none or they are the whole span (nothing to add to the span itself).
pub fn trigger_words(doc: &Doc, t: &unspin_doc::Technique) -> Option<String> {
    if t.triggers.is_empty() || t.triggers == [t.span] {
        return None;
    }
    let words = quoted_spans(doc, &t.triggers, 40);
    (!words.is_empty()).then(|| words.join(", "))
}

/// The text of each span, in curly quotes, cut to `max` characters (spans that do not
/// fit the text are skipped).
pub(crate) fn quoted_spans(doc: &Doc, spans: &[Span], max: usize) -> Vec<String> {
    spans
        .iter()
        .filter_map(|s| slice(doc, *s))
        .map(|t| format!("“{}”", truncate(t, max)))
        .collect()
}

/// The techniques of `doc`'s flags, each once, in order of first use.
pub(crate) fn techniques_used(doc: &Doc) -> Vec<TechniqueName> {
    let mut used: Vec<TechniqueName> = Vec::new();
    for t in &doc.techniques {
        if !used.contains(&t.technique) {
            used.push(t.technique);
        }
    }
    used
}

/// "source_conflict" → "Source conflict".
pub(crate) fn humanize(snake: &str) -> String {
    let s = inline(&snake.replace('_', " "));
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Findings, most urgent first: by the registry's rank of their kind
/// ([`unspin_doc::FindingKind::rank`]), stable within one kind.
pub fn ordered_findings(doc: &Doc) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = doc.findings.iter().collect();
    v.sort_by_key(|f| f.kind.rank());
    v
}

/// The headline numbers shown at the top of every report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub words: usize,
    pub sentences: usize,
    pub quotes: usize,
    /// Distinct speakers among the quotes (by entity when resolved, else by name).
    pub speakers: usize,
    pub sources: usize,
    pub findings: usize,
    /// Technique spans.
    pub flagged: usize,
    pub own: usize,
    pub attributed: usize,
    pub anonymous: usize,
    pub quoted: usize,
}

impl Summary {
    /// Share of sentences (0..=100, rounded) with `n` of them.
    pub fn percent(&self, n: usize) -> usize {
        (n * 100 + self.sentences / 2)
            .checked_div(self.sentences)
            .unwrap_or(0)
    }
}

/// Counts for the summary section.
pub fn summary(doc: &Doc) -> Summary {
    let mut s = Summary {
        words: doc
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count(),
        sentences: doc.sentences.len(),
        quotes: doc.quotes.len(),
        sources: doc.sources.len(),
        findings: doc.findings.len(),
        flagged: doc.techniques.len(),
        ..Default::default()
    };
    let mut speakers: Vec<String> = doc
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|sp| match sp.entity {
            Some(e) => format!("#{e}"),
            None => sp.name.to_lowercase(),
        })
        .collect();
    speakers.sort();
    speakers.dedup();
    s.speakers = speakers.len();
    for sent in &doc.sentences {
        match sent.attribution {
            Attribution::Own => s.own += 1,
            Attribution::Attributed => s.attributed += 1,
            Attribution::Anonymous => s.anonymous += 1,
            Attribution::Quoted => s.quoted += 1,
        }
    }
    s
}

/// The text of a span, or `None` when it is out of range or not on char boundaries
/// (renderers never panic on a bad span from an earlier stage).
pub(crate) fn slice(doc: &Doc, span: Span) -> Option<&str> {
    if span.start > span.end {
        return None;
    }
    doc.text.get(span.start..span.end)
}

/// Article text for one line of a report: control characters (terminal escapes
/// included) dropped and runs of whitespace collapsed to one space.
pub(crate) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c.is_control() {
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// `inline(s)` shortened to at most `max` chars, cut at a word boundary when one is
/// near, with "…" marking the cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    let s = inline(s);
    if s.chars().count() <= max || max < 2 {
        return s;
    }
    let keep: String = s.chars().take(max - 1).collect();
    let cut = match keep.rfind(' ') {
        Some(i) if keep[..i].chars().count() * 10 >= (max - 1) * 6 => &keep[..i],
        _ => keep.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// Distinct surface forms of an entity's mentions with their counts, most frequent first.
pub(crate) fn forms(doc: &Doc, e: &unspin_doc::Entity) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = Vec::new();
    for m in &e.mentions {
        let Some(t) = slice(doc, m.span) else {
            continue;
        };
        let t = inline(t);
        match v.iter_mut().find(|(f, _)| *f == t) {
            Some(x) => x.1 += 1,
            None => v.push((t, 1)),
        }
    }
    v.sort_by_key(|f| std::cmp::Reverse(f.1));
    v
}

/// Entity indices ordered by mention count (most first), then first mention.
pub(crate) fn entity_order(doc: &Doc) -> Vec<usize> {
    let mut v: Vec<usize> = (0..doc.entities.len()).collect();
    v.sort_by_key(|&i| std::cmp::Reverse(doc.entities[i].mentions.len()));
    v
}

/// Label of a source kind group.
pub(crate) fn source_group(kind: unspin_doc::SourceKind) -> &'static str {
    use unspin_doc::SourceKind::*;
    match kind {
        Outlet | Person | Org => "Named",
        Anonymous => "Anonymous",
        Rumour => "Rumour",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            technique_label(TechniqueName::LoadedLanguage),
            "Loaded language"
        );
        assert_eq!(
            technique_label(TechniqueName::ThoughtTerminatingCliche),
            "Thought-terminating cliché"
        );
        for t in TechniqueName::ALL {
            assert!(!technique_definition(*t).is_empty(), "{t}");
        }
        assert_eq!(humanize("source_conflict"), "Source conflict");
    }

    #[test]
    fn truncation() {
        assert_eq!(truncate("short", 10), "short");
        let t = truncate("one two three four five six seven", 16);
        assert!(t.ends_with('…') && t.chars().count() <= 16, "{t}");
        assert_eq!(t, "one two three…");
        let t = truncate("“Éclair” ünïcödé text that is quite long", 10);
        assert!(t.chars().count() <= 10);
        assert_eq!(inline("a\n\n b\x1b[31m\tc"), "a b[31m c");
    }

    #[test]
    fn summary_counts() {
        let d = fixture::doc();
        let s = summary(&d);
        assert_eq!(s.sentences, d.sentences.len());
        assert_eq!(s.quotes, d.quotes.len());
        assert_eq!(s.speakers, 2);
        assert_eq!(s.own + s.attributed + s.anonymous + s.quoted, s.sentences);
        assert!(s.words > 50);
    }

    #[test]
    fn findings_ordered() {
        let d = fixture::doc();
        let f = ordered_findings(&d);
        assert_eq!(f[0].kind, unspin_doc::FindingKind::SourceConflict);
        for w in f.windows(2) {
            assert!(w[0].kind.rank() <= w[1].kind.rank());
        }
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let mut d = fixture::doc();
        // An out-of-range span and one inside a multibyte char.
        let bad = Span {
            start: 2,
            end: 100_000,
        };
        let pos = d.text.find('’').unwrap();
        let mid = Span::new(pos + 1, pos + 2);
        d.techniques.push(unspin_doc::Technique {
            span: bad,
            technique: TechniqueName::Doubt,
            score: 0.5,
            triggers: Vec::new(),
        });
        d.techniques.push(unspin_doc::Technique {
            span: mid,
            technique: TechniqueName::Doubt,
            score: 0.5,
            triggers: Vec::new(),
        });
        d.findings[0].spans.push(bad);
        let _ = text(&d);
        let _ = markdown(&d);
        let _ = html(&d);
    }
}

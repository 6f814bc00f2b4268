//! The Markdown report: the terminal report's content as headings, lists and tables,
//! with article text escaped so that it can't form markup, links or raw HTML.

use crate::{
    entity_order, forms, humanize, inline, ordered_findings, slice, source_group, summary,
    technique_definition, technique_label, techniques_used, trigger_words, truncate,
};
use std::fmt::Write;
use unspin_doc::Doc;

/// Escapes text for Markdown (inline or in a table cell): ASCII punctuation that can
/// start markup gets a backslash, `<` and `>` become entities (no raw HTML), and
/// newlines become spaces.
pub(crate) fn md(s: &str) -> String {
    let s = inline(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '&' | '!' | '$'
        ) {
            out.push('\\');
            out.push(c);
        } else if c == '<' {
            out.push_str("&lt;");
        } else if c == '>' {
            out.push_str("&gt;");
        } else {
            out.push(c);
        }
    }
    out
}

/// A Markdown report.
pub fn markdown(doc: &Doc) -> String {
    let mut o = String::new();
    header(&mut o, doc);
    summary_section(&mut o, doc);
    findings_section(&mut o, doc);
    quotes_section(&mut o, doc);
    sources_section(&mut o, doc);
    entities_section(&mut o, doc);
    rhetoric_section(&mut o, doc);
    chrome_section(&mut o, doc);
    warnings_section(&mut o, doc);
    while o.ends_with("\n\n") {
        o.pop();
    }
    o
}

/// The title heading and the metadata lines (outlet, byline, date, input, URL).
fn header(o: &mut String, doc: &Doc) {
    let title = doc
        .meta
        .title
        .as_deref()
        .map(inline)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "(untitled)".into());
    let _ = writeln!(o, "# {}\n", md(&title));
    let mut bits = Vec::new();
    if let Some(x) = doc.meta.outlet.as_deref() {
        bits.push(format!("**Outlet:** {}", md(x)));
    }
    if !doc.meta.byline.is_empty() {
        let b: Vec<String> = doc.meta.byline.iter().map(|b| md(b)).collect();
        bits.push(format!("**By:** {}", b.join(", ")));
    }
    if let Some(x) = doc.meta.published.as_deref() {
        bits.push(format!("**Published:** {}", md(x)));
    }
    bits.push(format!(
        "**Input:** {} ({}, {} bytes)",
        md(&doc.input.path),
        md(&doc.input.format),
        doc.input.bytes
    ));
    if let Some(x) = doc.meta.url.as_deref() {
        bits.push(format!("**URL:** {}", md(x)));
    }
    let _ = writeln!(o, "{}\n", bits.join("  \n"));
}

/// The counts table and the sentence-attribution percentages.
fn summary_section(o: &mut String, doc: &Doc) {
    let s = summary(doc);
    let _ = writeln!(o, "## Summary\n");
    let _ = writeln!(
        o,
        "| Words | Sentences | Quotes | Speakers | Sources | Findings | Flagged spans |"
    );
    let _ = writeln!(o, "|---:|---:|---:|---:|---:|---:|---:|");
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} | {} |\n",
        s.words, s.sentences, s.quotes, s.speakers, s.sources, s.findings, s.flagged
    );
    if s.sentences > 0 {
        let _ = writeln!(
            o,
            "Sentences: {}% own, {}% attributed, {}% anonymous, {}% quoted.\n",
            s.percent(s.own),
            s.percent(s.attributed),
            s.percent(s.anonymous),
            s.percent(s.quoted)
        );
    }
}

/// The numbered list of findings, each with its quoted spans.
fn findings_section(o: &mut String, doc: &Doc) {
    let _ = writeln!(o, "## Findings ({})\n", doc.findings.len());
    if doc.findings.is_empty() {
        let _ = writeln!(o, "None.\n");
        return;
    }
    for (i, f) in ordered_findings(doc).into_iter().enumerate() {
        let _ = write!(
            o,
            "{}. **{}**: {}",
            i + 1,
            md(&humanize(f.kind.as_str())),
            md(&f.message)
        );
        let spans: Vec<String> = f
            .spans
            .iter()
            .filter_map(|sp| slice(doc, *sp))
            .map(|t| format!("“{}”", md(&truncate(t, 80))))
            .collect();
        if !spans.is_empty() {
            let _ = write!(o, " — {}", spans.join(", "));
        }
        o.push('\n');
    }
    o.push('\n');
}

/// The quotes table: text, kind, speaker and cue of every quote.
fn quotes_section(o: &mut String, doc: &Doc) {
    let _ = writeln!(o, "## Quotes ({})\n", doc.quotes.len());
    if doc.quotes.is_empty() {
        let _ = writeln!(o, "None found.\n");
        return;
    }
    let _ = writeln!(o, "| # | Quote | Kind | Speaker | Cue |");
    let _ = writeln!(o, "|---:|---|---|---|---|");
    for (i, q) in doc.quotes.iter().enumerate() {
        let Some(t) = slice(doc, q.span) else {
            continue;
        };
        let speaker = match &q.speaker {
            Some(sp) => speaker_cell(doc, sp),
            None => "*none*".to_string(),
        };
        let cue = q
            .cue
            .and_then(|c| slice(doc, c))
            .map(md)
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "| {} | “{}” | {} | {} | {} |",
            i + 1,
            md(&truncate(t, 140)),
            q.kind.as_str(),
            speaker,
            cue
        );
    }
    o.push('\n');
}

/// A quote's speaker: the entity's name, with the text as written when it differs.
fn speaker_cell(doc: &Doc, sp: &unspin_doc::Speaker) -> String {
    let name = sp
        .entity
        .and_then(|e| doc.entities.get(e))
        .map(|e| e.name.as_str())
        .unwrap_or(&sp.name);
    let mut who = md(name);
    if let Some(st) = slice(doc, sp.span) {
        if inline(st) != inline(name) {
            let _ = write!(who, " (“{}”)", md(&truncate(st, 40)));
        }
    }
    who
}

/// The sources table, named sources first, then anonymous ones, then rumours.
fn sources_section(o: &mut String, doc: &Doc) {
    let _ = writeln!(o, "## Sources ({})\n", doc.sources.len());
    if doc.sources.is_empty() {
        let _ = writeln!(o, "No sources credited.\n");
        return;
    }
    let _ = writeln!(o, "| Source | Group | Kind | Mentions |");
    let _ = writeln!(o, "|---|---|---|---|");
    for group in ["Named", "Anonymous", "Rumour"] {
        for src in doc.sources.iter().filter(|x| source_group(x.kind) == group) {
            let m: Vec<String> = src
                .mentions
                .iter()
                .filter_map(|sp| slice(doc, *sp))
                .map(|t| format!("“{}”", md(&truncate(t, 60))))
                .collect();
            let _ = writeln!(
                o,
                "| {} | {group} | {} | {} |",
                md(&src.name),
                src.kind.as_str(),
                m.join(", ")
            );
        }
    }
    o.push('\n');
}

/// The entities table with the forms each entity was written in.
fn entities_section(o: &mut String, doc: &Doc) {
    let _ = writeln!(o, "## Entities ({})\n", doc.entities.len());
    if doc.entities.is_empty() {
        let _ = writeln!(o, "None found.\n");
        return;
    }
    let _ = writeln!(o, "| Name | Kind | Mentions | Forms seen |");
    let _ = writeln!(o, "|---|---|---:|---|");
    for i in entity_order(doc) {
        let e = &doc.entities[i];
        let f: Vec<String> = forms(doc, e)
            .into_iter()
            .map(|(f, c)| {
                if c > 1 {
                    format!("{} ×{c}", md(&truncate(&f, 40)))
                } else {
                    md(&truncate(&f, 40))
                }
            })
            .collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            md(&e.name),
            e.kind.as_str(),
            e.mentions.len(),
            f.join(", ")
        );
    }
    o.push('\n');
}

/// The flagged-spans table, then the definitions of the techniques used.
fn rhetoric_section(o: &mut String, doc: &Doc) {
    let _ = writeln!(o, "## Rhetoric ({})\n", doc.techniques.len());
    if doc.techniques.is_empty() {
        let _ = writeln!(o, "No flagged spans.\n");
        return;
    }
    let _ = writeln!(o, "| Span | Technique | Score | Triggered by | Sentence |");
    let _ = writeln!(o, "|---|---|---:|---|---|");
    for t in &doc.techniques {
        let Some(st) = slice(doc, t.span) else {
            continue;
        };
        // The sentence around the span, the span in bold.
        let sentence = crate::text::context(doc, t.span, 160)
            .map(|(a, b, c)| format!("{}**{}**{}", md(&a), md(&b), md(&c)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "| “{}” | {} | {:.2} | {} | {} |",
            md(&truncate(st, 80)),
            md(&technique_label(t.technique)),
            t.score,
            md(&trigger_words(doc, t).unwrap_or_default()),
            sentence
        );
    }
    o.push('\n');
    let defs: Vec<String> = techniques_used(doc)
        .iter()
        .map(|&n| {
            let d = technique_definition(n);
            format!("- **{}**: {d}", md(&technique_label(n)))
        })
        .collect();
    if !defs.is_empty() {
        let _ = writeln!(o, "{}\n", defs.join("\n"));
    }
}

/// The table of removed page chrome (ads, navigation, bylines…).
fn chrome_section(o: &mut String, doc: &Doc) {
    let _ = writeln!(o, "## Removed chrome ({})\n", doc.chrome.len());
    if doc.chrome.is_empty() {
        let _ = writeln!(o, "None.\n");
        return;
    }
    let _ = writeln!(o, "| Kind | Text |");
    let _ = writeln!(o, "|---|---|");
    for c in &doc.chrome {
        let _ = writeln!(
            o,
            "| {} | {} |",
            md(c.kind.as_str()),
            md(&truncate(&c.text, 200))
        );
    }
    o.push('\n');
}

/// The pipeline's warnings, if any.
fn warnings_section(o: &mut String, doc: &Doc) {
    if doc.warnings.is_empty() {
        return;
    }
    let _ = writeln!(o, "## Warnings\n");
    for w in &doc.warnings {
        let _ = writeln!(o, "- {}", md(w));
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn sections_tables_and_names() {
        let d = fixture::doc();
        let m = markdown(&d);
        for s in [
            "# Mayor’s “bold” housing plan faces doubts 🏠",
            "## Summary",
            "## Findings (4)",
            "## Quotes (5)",
            "## Sources (5)",
            "## Entities (5)",
            "## Rhetoric (4)",
            "## Removed chrome (3)",
            "## Warnings",
            "| # | Quote | Kind | Speaker | Cue |",
            "| Name | Kind | Mentions | Forms seen |",
            "| Span | Technique | Score | Triggered by | Sentence |",
            "Tom Beck (“Councillor Tom Beck”)",
            "| Elena Ruiz | person | 3 |",
            "“reckless gamble” | Loaded language | 0.82 | “reckless” | Mayor Elena Ruiz unveiled a housing plan on Monday that critics call a “**reckless gamble**.” |",
            "- **Name calling**: ",
            "1. **Source conflict**",
            "“Sources close to the council say”",
            "call\\_to\\_action",
        ] {
            assert!(m.contains(s), "missing {s:?} in\n{m}");
        }
        // Every table row has the same number of unescaped pipes as its header.
        for block in m.split("\n\n").filter(|b| b.starts_with('|')) {
            let cols: Vec<usize> = block.lines().map(pipes).collect();
            assert!(cols.iter().all(|&c| c == cols[0]), "ragged table:\n{block}");
        }
    }

    fn pipes(line: &str) -> usize {
        let mut n = 0;
        let mut esc = false;
        for c in line.chars() {
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '|' {
                n += 1;
            }
        }
        n
    }

    #[test]
    fn article_text_is_escaped() {
        let mut d = fixture::doc();
        d.meta.title = Some("# <script>alert(1)</script> | *bold* [x](javascript:y)".into());
        d.chrome[0].text = "a | b\nc".into();
        let m = markdown(&d);
        assert!(m.starts_with("# \\# &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\* \\[x\\](javascript:y)\n"), "{m}");
        assert!(m.contains("| ad | a \\| b c |"));
        assert!(!m.contains("<script>"));
    }

    #[test]
    fn empty_doc() {
        let m = markdown(&Doc::new(""));
        assert!(m.starts_with("# (untitled)"));
        assert!(m.contains("## Quotes (0)\n\nNone found."));
        assert!(!m.ends_with("\n\n"));
    }
}

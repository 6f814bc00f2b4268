//! The HTML report: one self-contained page (inline CSS, no scripts, no external
//! assets) with the article text highlighted and the report's tables beside it.
//!
//! Highlights may overlap (a technique inside a quote, a source phrase crossing a
//! speaker name). The text is cut into segments at every span boundary and each
//! segment is wrapped in the spans covering it, opened outermost first, so that
//! crossing spans are split into properly nested pieces.

use crate::{
    entity_order, forms, humanize, inline, ordered_findings, slice, summary, technique_definition,
    technique_label, trigger_words, truncate,
};
use std::collections::HashSet;
use std::fmt::Write;
use unspin_doc::{Attribution, Doc, ParagraphKind, Span};

/// HTML-escapes text for element content and double- or single-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab/newline are invalid in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// One highlighted span of the article text.
struct Hl {
    span: Span,
    /// Nesting priority when two spans cover the same range (lower = outer).
    prio: u8,
    /// CSS classes (fixed identifiers only, never article text).
    class: String,
    /// Attributes as (name, raw value); values are escaped on output.
    attrs: Vec<(&'static str, String)>,
    /// `id` for the first piece of the span (a link target).
    id: Option<String>,
    /// Speaker label shown after the span's last piece (quotes).
    who: Option<String>,
}

/// Every highlight of the article, sorted by start: quotes, speakers, sources,
/// findings, techniques, entities and sentences (spans that are empty, out of range or
/// not on char boundaries dropped).
fn layers(doc: &Doc) -> Vec<Hl> {
    let mut v = Vec::new();
    quote_layers(&mut v, doc);
    speaker_layers(&mut v, doc);
    source_layers(&mut v, doc);
    finding_layers(&mut v, doc);
    technique_layers(&mut v, doc);
    entity_layers(&mut v, doc);
    sentence_layers(&mut v, doc);
    // Drop spans that are empty, out of range or not on char boundaries.
    v.retain(|h| h.span.start < h.span.end && slice(doc, h.span).is_some());
    v.sort_by_key(|h| h.span.start);
    v
}

/// Quotes: kind and speaker, a link target each (`q1`, `q2`…).
fn quote_layers(v: &mut Vec<Hl>, doc: &Doc) {
    for (i, q) in doc.quotes.iter().enumerate() {
        let mut attrs = vec![("data-kind", q.kind.as_str().to_string())];
        let title = match &q.speaker {
            Some(sp) => {
                attrs.push(("data-speaker", sp.name.clone()));
                format!("Quote {} ({}): {}", i + 1, q.kind.as_str(), sp.name)
            }
            None => format!("Quote {} ({}): no speaker", i + 1, q.kind.as_str()),
        };
        attrs.push(("title", title));
        v.push(Hl {
            span: q.span,
            prio: 1,
            class: format!("q q-{}", q.kind.as_str()),
            attrs,
            id: Some(format!("q{}", i + 1)),
            who: q.speaker.as_ref().map(|s| s.name.clone()),
        });
    }
}

/// Speaker spans: one highlight per distinct span, naming every quote it speaks.
fn speaker_layers(v: &mut Vec<Hl>, doc: &Doc) {
    let mut speakers: Vec<(Span, String, Vec<usize>)> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        if let Some(sp) = &q.speaker {
            match speakers.iter_mut().find(|s| s.0 == sp.span) {
                Some(s) => s.2.push(i + 1),
                None => speakers.push((sp.span, sp.name.clone(), vec![i + 1])),
            }
        }
    }
    for (span, name, qs) in speakers {
        let qs: Vec<String> = qs.iter().map(|n| n.to_string()).collect();
        v.push(Hl {
            span,
            prio: 3,
            class: "spk".into(),
            attrs: vec![
                ("data-speaker", name.clone()),
                (
                    "title",
                    format!("Speaker: {name} (quote {})", qs.join(", ")),
                ),
            ],
            id: None,
            who: None,
        });
    }
}

/// Every mention of a credited source.
fn source_layers(v: &mut Vec<Hl>, doc: &Doc) {
    for s in &doc.sources {
        for m in &s.mentions {
            v.push(Hl {
                span: *m,
                prio: 2,
                class: format!("src src-{}", s.kind.as_str()),
                attrs: vec![
                    ("data-source", s.name.clone()),
                    ("title", format!("Source: {} ({})", s.name, s.kind.as_str())),
                ],
                id: None,
                who: None,
            });
        }
    }
}

/// The spans of each finding, a link target each (`f1-1`…).
fn finding_layers(v: &mut Vec<Hl>, doc: &Doc) {
    for (i, f) in doc.findings.iter().enumerate() {
        for (k, sp) in f.spans.iter().enumerate() {
            v.push(Hl {
                span: *sp,
                prio: 4,
                class: "fnd".into(),
                attrs: vec![
                    ("data-finding", f.kind.to_string()),
                    (
                        "title",
                        format!("{}: {}", humanize(f.kind.as_str()), f.message),
                    ),
                ],
                id: Some(format!("f{}-{}", i + 1, k + 1)),
                who: None,
            });
        }
    }
}

/// Flagged rhetoric spans with technique, score and definition (`t1`…).
fn technique_layers(v: &mut Vec<Hl>, doc: &Doc) {
    for (i, t) in doc.techniques.iter().enumerate() {
        let title = format!(
            "{} ({:.2}): {}",
            technique_label(t.technique),
            t.score,
            technique_definition(t.technique)
        );
        v.push(Hl {
            span: t.span,
            prio: 5,
            class: "tq".into(),
            attrs: vec![
                ("data-technique", t.technique.to_string()),
                ("data-score", format!("{:.2}", t.score)),
                ("title", title),
            ],
            id: Some(format!("t{}", i + 1)),
            who: None,
        });
    }
}

/// Every entity mention.
fn entity_layers(v: &mut Vec<Hl>, doc: &Doc) {
    for e in &doc.entities {
        for m in &e.mentions {
            v.push(Hl {
                span: m.span,
                prio: 6,
                class: format!("ent ent-{}", e.kind.as_str()),
                attrs: vec![
                    ("data-entity", e.id.clone()),
                    ("title", format!("{} ({})", e.name, e.kind.as_str())),
                ],
                id: None,
                who: None,
            });
        }
    }
}

/// Sentences, outermost: how each is sourced (a layer that starts hidden).
fn sentence_layers(v: &mut Vec<Hl>, doc: &Doc) {
    for (i, st) in doc.sentences.iter().enumerate() {
        let mut class = format!("sen sen-{}", st.attribution.as_str());
        let mut title = format!("Sentence {}: {}", i + 1, attribution_label(st.attribution));
        if st.opinion {
            class.push_str(" sen-op");
            title.push_str(" · opinion");
        }
        if st.speculation {
            class.push_str(" sen-spec");
            title.push_str(" · speculation");
        }
        v.push(Hl {
            span: st.span,
            prio: 0,
            class,
            attrs: vec![
                ("data-attribution", st.attribution.as_str().to_string()),
                ("title", title),
            ],
            id: None,
            who: None,
        });
    }
}

fn attribution_label(a: Attribution) -> &'static str {
    match a {
        Attribution::Own => "the writer's own assertion",
        Attribution::Quoted => "quotation",
        Attribution::Attributed => "credited to a named source",
        Attribution::Anonymous => "credited to an unnamed source or rumour",
    }
}

fn open_tag(out: &mut String, h: &Hl, first: bool) {
    let _ = write!(out, "<span class=\"{}\"", h.class);
    if first {
        if let Some(id) = &h.id {
            let _ = write!(out, " id=\"{}\"", escape(id));
        }
    }
    for (k, val) in &h.attrs {
        let _ = write!(out, " {k}=\"{}\"", escape(val));
    }
    out.push('>');
}

/// Appends the highlighted text of `block` (a byte range of `doc.text`). `live`
/// carries the spans (indices into `hls`, sorted by start) that may reach this block:
/// blocks come in text order, so each call only advances `next` through `hls`.
fn highlight(
    out: &mut String,
    doc: &Doc,
    block: Span,
    hls: &[Hl],
    cursor: &mut (usize, Vec<usize>),
    opened: &mut HashSet<usize>,
) {
    let (next, live) = cursor;
    while *next < hls.len() && hls[*next].span.start < block.end {
        live.push(*next);
        *next += 1;
    }
    live.retain(|&i| hls[i].span.end > block.start);
    let mut inside: Vec<(usize, Span)> = live
        .iter()
        .map(|&i| {
            let h = hls[i].span;
            (i, Span::new(h.start.max(block.start), h.end.min(block.end)))
        })
        .filter(|(_, s)| s.start < s.end)
        .collect();
    inside.sort_by_key(|(i, s)| (s.start, *i));
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for (_, s) in &inside {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut stack: Vec<usize> = Vec::new();
    let mut active: Vec<(usize, Span)> = Vec::new();
    let mut p = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|(_, s)| s.end > a);
        while p < inside.len() && inside[p].1.start <= a {
            active.push(inside[p]);
            p += 1;
        }
        debug_assert!(active.iter().all(|(_, s)| s.start <= a && b <= s.end));
        // Outermost first: earlier start, then longer, then by layer priority.
        active.sort_by_key(|(i, s)| (s.start, std::cmp::Reverse(s.end), hls[*i].prio, *i));
        let keep = stack
            .iter()
            .zip(&active)
            .take_while(|(x, (y, _))| *x == y)
            .count();
        while stack.len() > keep {
            let i = stack.pop().expect("non-empty");
            close_tag(out, &hls[i], a);
        }
        for &(i, _) in &active[keep..] {
            open_tag(out, &hls[i], opened.insert(i));
            stack.push(i);
        }
        let seg = escape(&doc.text[a..b]).replace('\n', "<br>");
        out.push_str(&seg);
    }
    while let Some(i) = stack.pop() {
        close_tag(out, &hls[i], block.end);
    }
}

fn close_tag(out: &mut String, h: &Hl, at: usize) {
    out.push_str("</span>");
    if at == h.span.end {
        if let Some(w) = &h.who {
            let _ = write!(
                out,
                "<span class=\"who\" data-who=\"{}\"></span>",
                escape(w)
            );
        }
    }
}

/// The article's blocks: its paragraphs, plus any non-blank text between them (so no
/// text is lost); blank-line chunks when no paragraphs were found.
fn blocks(doc: &Doc) -> Vec<(Span, Option<ParagraphKind>)> {
    let t = &doc.text;
    let mut out = Vec::new();
    let mut pos = 0;
    let push_gap = |out: &mut Vec<(Span, Option<ParagraphKind>)>, a: usize, b: usize| {
        let mut start = a;
        for chunk in t[a..b].split("\n\n") {
            let end = start + chunk.len();
            if !chunk.trim().is_empty() {
                let lead = chunk.len() - chunk.trim_start().len();
                let trail = chunk.len() - chunk.trim_end().len();
                out.push((Span::new(start + lead, end - trail), None));
            }
            start = end + 2;
        }
    };
    let mut paras: Vec<_> = doc
        .paragraphs
        .iter()
        .filter(|p| p.span.start < p.span.end && slice(doc, p.span).is_some())
        .collect();
    paras.sort_by_key(|p| p.span.start);
    for p in paras {
        if p.span.start < pos {
            continue; // overlapping paragraphs: keep the first
        }
        push_gap(&mut out, pos, p.span.start);
        out.push((p.span, Some(p.kind)));
        pos = p.span.end;
    }
    push_gap(&mut out, pos, t.len());
    out
}

const CSS: &str = r#"
:root{--q:#e3f4e1;--q-b:#6aa867;--spk:#0b5f8a;--src:#2f6fd6;--anon:#c98a00;--rum:#c0392b;--tq:#a02dc2;--fnd:#c0392b;--ink:#1d1d1f;--mute:#666;--line:#ddd}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:#fafaf7}
header,.wrap,.tables,footer{max-width:1200px;margin:0 auto;padding:0 1.2rem}
header{padding-top:1.2rem;border-bottom:1px solid var(--line)}
header h1{margin:.2rem 0;font-size:1.6rem}
.meta,.input,footer{font:14px/1.4 system-ui,sans-serif;color:var(--mute)}
.wrap{display:flex;gap:2rem;align-items:flex-start;flex-wrap:wrap}
main{flex:3 1 520px;min-width:0}
aside{flex:1 1 280px;font:14px/1.45 system-ui,sans-serif;position:sticky;top:0;max-height:100vh;overflow:auto;padding-top:1rem}
h2{font:600 1.1rem system-ui,sans-serif;margin:1.4rem 0 .5rem}
article{background:#fff;border:1px solid var(--line);padding:1rem 1.6rem;border-radius:6px}
article .p-title{font-size:1.35rem;font-weight:bold}
article .p-heading{font-size:1.15rem;font-weight:bold}
article blockquote{margin:1em 0;padding-left:1em;border-left:3px solid var(--q-b)}
article .p-list_item{padding-left:1.2em;text-indent:-.8em}
article .p-list_item::before{content:"\2022  "}
article .p-caption,article .p-extra{color:var(--mute);font-size:.9em}
.q{background:var(--q);border-radius:2px}
.q-scare{background:none;border-bottom:2px dotted var(--q-b)}
.q-indirect{background:none;border-bottom:2px solid var(--q-b)}
.who::after{content:attr(data-who);font:11px/1 system-ui,sans-serif;background:var(--q-b);color:#fff;border-radius:3px;padding:1px 4px;margin-left:3px;vertical-align:super}
.spk{color:var(--spk);font-weight:bold}
.src{box-shadow:inset 0 -2px 0 var(--src)}
.src-anonymous{box-shadow:inset 0 -2px 0 var(--anon)}
.src-rumour{box-shadow:inset 0 -2px 0 var(--rum)}
.tq{text-decoration:underline wavy var(--tq);text-decoration-skip-ink:none;text-underline-offset:3px}
.fnd{outline:1px dashed var(--fnd);outline-offset:1px}
.ent{border-bottom:1px dotted #999}
[title]{cursor:help}
.tg{position:absolute;opacity:0;pointer-events:none}
.legend{font:13px/1.4 system-ui,sans-serif;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
.legend label{cursor:pointer;user-select:none}
.legend label::before{content:"\2611  "}
.sw{display:inline-block;padding:0 .3em;border-radius:2px}
#t-q:not(:checked)~.wrap article .q{background:none;border:0}
#t-q:not(:checked)~.wrap article .who{display:none}
#t-spk:not(:checked)~.wrap article .spk{color:inherit;font-weight:inherit}
#t-src:not(:checked)~.wrap article .src{box-shadow:none}
#t-tq:not(:checked)~.wrap article .tq{text-decoration:none}
#t-fnd:not(:checked)~.wrap article .fnd{outline:none}
#t-ent:not(:checked)~.wrap article .ent{border:0}
#t-q:not(:checked)~.wrap label[for=t-q]::before,#t-spk:not(:checked)~.wrap label[for=t-spk]::before,#t-src:not(:checked)~.wrap label[for=t-src]::before,#t-tq:not(:checked)~.wrap label[for=t-tq]::before,#t-fnd:not(:checked)~.wrap label[for=t-fnd]::before,#t-ent:not(:checked)~.wrap label[for=t-ent]::before,#t-sen:not(:checked)~.wrap label[for=t-sen]::before{content:"\2610  "}
.legend .sen-attributed,#t-sen:checked~.wrap article .sen-attributed{background:#e4eefb}
.legend .sen-anonymous,#t-sen:checked~.wrap article .sen-anonymous{background:#fcefd2}
.legend .sen-op,#t-sen:checked~.wrap article .sen-op,#t-sen:checked~.wrap article .sen-spec{font-style:italic}
.findings ol{padding-left:1.2rem}
.findings li{margin-bottom:.6rem}
.fk{font-weight:600;color:var(--fnd)}
.counts{display:grid;grid-template-columns:auto 1fr;gap:0 .8rem;margin:0}
.counts dt{color:var(--mute)}
.counts dd{margin:0;font-weight:600}
table{border-collapse:collapse;width:100%;font:14px/1.4 system-ui,sans-serif;background:#fff}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0ec}
td.n{text-align:right;white-space:nowrap}
.none{color:var(--mute);font-style:italic}
footer{padding:2rem 1.2rem}
@media print{aside{position:static;max-height:none}.legend{display:none}details{display:block}}
"#;

/// One self-contained HTML page highlighting quotes, speakers, sources and flagged spans.
pub fn html(doc: &Doc) -> String {
    let mut o = String::with_capacity(doc.text.len() * 4 + 8192);
    let title = doc
        .meta
        .title
        .as_deref()
        .map(inline)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "(untitled)".into());
    let lang: String = doc
        .meta
        .language
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(35)
        .collect();
    o.push_str("<!DOCTYPE html>\n");
    if lang.is_empty() {
        o.push_str("<html>\n");
    } else {
        let _ = writeln!(o, "<html lang=\"{lang}\">");
    }
    let _ = write!(
        o,
        "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"unspin\">\n<title>unspin: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    // Layer toggles: checkboxes before the content so CSS `~` can reach it (no script).
    for (id, on) in [
        ("q", true),
        ("spk", true),
        ("src", true),
        ("tq", true),
        ("fnd", true),
        ("ent", true),
        ("sen", false),
    ] {
        let _ = writeln!(
            o,
            "<input type=\"checkbox\" class=\"tg\" id=\"t-{id}\"{} aria-label=\"show {id} highlights\">",
            if on { " checked" } else { "" }
        );
    }
    header(&mut o, doc, &title);
    o.push_str("<div class=\"wrap\">\n<main>\n");
    o.push_str(
        "<div class=\"legend\" aria-label=\"legend (click to toggle)\">\
<label for=\"t-q\"><span class=\"sw q\">Quotation</span> <span class=\"who\" data-who=\"speaker\"></span></label>\
<label for=\"t-spk\"><span class=\"sw spk\">Speaker</span></label>\
<label for=\"t-src\"><span class=\"sw src\">Named source</span> <span class=\"sw src src-anonymous\">anonymous</span> <span class=\"sw src src-rumour\">rumour</span></label>\
<label for=\"t-tq\"><span class=\"sw tq\">Rhetorical technique</span></label>\
<label for=\"t-fnd\"><span class=\"sw fnd\">Finding</span></label>\
<label for=\"t-ent\"><span class=\"sw ent\">Entity mention</span></label>\
<label for=\"t-sen\">Sentence sourcing: <span class=\"sw sen-attributed\">named</span> <span class=\"sw sen-anonymous\">unnamed</span> <span class=\"sw sen-op\">opinion</span></label>\
</div>\n",
    );
    article(&mut o, doc);
    o.push_str("</main>\n<aside>\n");
    aside(&mut o, doc);
    o.push_str("</aside>\n</div>\n<div class=\"tables\">\n");
    tables(&mut o, doc);
    o.push_str("</div>\n");
    let _ = writeln!(
        o,
        "<footer>Generated by unspin · JSON schema {} · hover a highlight for details</footer>\n</body>\n</html>",
        unspin_doc::SCHEMA
    );
    o
}

fn header(o: &mut String, doc: &Doc, title: &str) {
    o.push_str("<header>\n");
    let _ = writeln!(o, "<h1>{}</h1>", escape(title));
    let mut bits = Vec::new();
    if let Some(x) = doc.meta.outlet.as_deref() {
        bits.push(format!(
            "<span class=\"outlet\">{}</span>",
            escape(&inline(x))
        ));
    }
    if !doc.meta.byline.is_empty() {
        let b: Vec<String> = doc.meta.byline.iter().map(|b| escape(&inline(b))).collect();
        bits.push(format!("by {}", b.join(", ")));
    }
    if let Some(x) = doc.meta.published.as_deref() {
        bits.push(format!("<time>{}</time>", escape(&inline(x))));
    }
    if !bits.is_empty() {
        let _ = writeln!(o, "<p class=\"meta\">{}</p>", bits.join(" · "));
    }
    let _ = write!(
        o,
        "<p class=\"input\">Input: {} ({}, {} bytes)",
        escape(&inline(&doc.input.path)),
        escape(&inline(&doc.input.format)),
        doc.input.bytes
    );
    if let Some(u) = doc.meta.url.as_deref() {
        let u = inline(u);
        let lower = u.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            let _ = write!(
                o,
                " · <a href=\"{0}\" rel=\"noopener noreferrer nofollow\">{0}</a>",
                escape(&u)
            );
        } else {
            let _ = write!(o, " · {}", escape(&u));
        }
    }
    o.push_str("</p>\n</header>\n");
}

fn article(o: &mut String, doc: &Doc) {
    let hls = layers(doc);
    let mut opened = HashSet::new();
    let mut cursor = (0, Vec::new());
    o.push_str("<article>\n");
    for (span, kind) in blocks(doc) {
        let (tag, class) = match kind {
            Some(ParagraphKind::Title) => ("p", "p-title"),
            Some(ParagraphKind::Heading) => ("p", "p-heading"),
            Some(ParagraphKind::Body) => ("p", "p-body"),
            Some(ParagraphKind::Blockquote) => ("blockquote", "p-blockquote"),
            Some(ParagraphKind::ListItem) => ("p", "p-list_item"),
            Some(ParagraphKind::Caption) => ("p", "p-caption"),
            None => ("p", "p-extra"),
        };
        let _ = write!(o, "<{tag} class=\"{class}\">");
        highlight(o, doc, span, &hls, &mut cursor, &mut opened);
        let _ = writeln!(o, "</{tag}>");
    }
    o.push_str("</article>\n");
}

fn aside(o: &mut String, doc: &Doc) {
    let s = summary(doc);
    o.push_str("<section class=\"summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">");
    for (k, v) in [
        ("words", s.words),
        ("sentences", s.sentences),
        ("quotes", s.quotes),
        ("speakers", s.speakers),
        ("sources", s.sources),
        ("findings", s.findings),
        ("flagged spans", s.flagged),
    ] {
        let _ = write!(o, "<dt>{k}</dt><dd>{v}</dd>");
    }
    o.push_str("</dl>\n");
    if s.sentences > 0 {
        let _ = writeln!(
            o,
            "<p>Sentences: {}% own · {}% attributed · {}% anonymous · {}% quoted</p>",
            s.percent(s.own),
            s.percent(s.attributed),
            s.percent(s.anonymous),
            s.percent(s.quoted)
        );
    }
    o.push_str("</section>\n<section class=\"findings\">\n");
    let _ = writeln!(o, "<h2>Findings ({})</h2>", doc.findings.len());
    if doc.findings.is_empty() {
        o.push_str("<p class=\"none\">None.</p>\n");
    } else {
        o.push_str("<ol>\n");
        for f in ordered_findings(doc) {
            let i = doc
                .findings
                .iter()
                .position(|x| std::ptr::eq(x, f))
                .unwrap_or(0);
            let _ = write!(
                o,
                "<li data-finding=\"{}\"><span class=\"fk\">{}</span>: {}",
                escape(f.kind.as_str()),
                escape(&humanize(f.kind.as_str())),
                escape(&inline(&f.message))
            );
            let links: Vec<String> = f
                .spans
                .iter()
                .enumerate()
                .filter_map(|(k, sp)| {
                    let t = slice(doc, *sp)?;
                    Some(format!(
                        "<a href=\"#f{}-{}\">“{}”</a>",
                        i + 1,
                        k + 1,
                        escape(&truncate(t, 60))
                    ))
                })
                .collect();
            if !links.is_empty() {
                let _ = write!(o, "<br>{}", links.join(" · "));
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");
}

/// The tables under the article: quotes, sources, rhetoric, entities, removed chrome
/// and warnings, in that order.
fn tables(o: &mut String, doc: &Doc) {
    quotes_table(o, doc);
    sources_table(o, doc);
    techniques_table(o, doc);
    entities_table(o, doc);
    chrome_table(o, doc);
    warnings_list(o, doc);
}

/// The quotes section: text (linked to its highlight), kind, speaker and cue.
fn quotes_table(o: &mut String, doc: &Doc) {
    let _ = writeln!(
        o,
        "<section class=\"quotes\">\n<h2>Quotes ({})</h2>",
        doc.quotes.len()
    );
    if doc.quotes.is_empty() {
        o.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        o.push_str(
            "<table>\n<tr><th>#</th><th>Quote</th><th>Kind</th><th>Speaker</th><th>Cue</th></tr>\n",
        );
        for (i, q) in doc.quotes.iter().enumerate() {
            let Some(t) = slice(doc, q.span) else {
                continue;
            };
            let speaker = match &q.speaker {
                Some(sp) => speaker_cell(doc, sp),
                None => "<span class=\"none\">none</span>".into(),
            };
            let cue = q
                .cue
                .and_then(|c| slice(doc, c))
                .map(|c| escape(&inline(c)))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><td class=\"n\"><a href=\"#q{0}\">{0}</a></td><td>“{1}”</td><td>{2}</td><td>{3}</td><td>{4}</td></tr>",
                i + 1,
                escape(&truncate(t, 200)),
                q.kind.as_str(),
                speaker,
                cue
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("</section>\n");
}

/// A quote's speaker: the name, with the text as written when it differs.
fn speaker_cell(doc: &Doc, sp: &unspin_doc::Speaker) -> String {
    let mut s = escape(&sp.name);
    if let Some(st) = slice(doc, sp.span) {
        if inline(st) != inline(&sp.name) {
            let _ = write!(s, " <small>(“{}”)</small>", escape(&truncate(st, 40)));
        }
    }
    s
}

/// The sources section: named sources first, then anonymous ones, then rumours.
fn sources_table(o: &mut String, doc: &Doc) {
    let _ = writeln!(
        o,
        "<section class=\"sources\">\n<h2>Sources ({})</h2>",
        doc.sources.len()
    );
    if doc.sources.is_empty() {
        o.push_str("<p class=\"none\">No sources credited.</p>\n");
    } else {
        o.push_str(
            "<table>\n<tr><th>Source</th><th>Group</th><th>Kind</th><th>Mentions</th></tr>\n",
        );
        for group in ["Named", "Anonymous", "Rumour"] {
            for s in doc
                .sources
                .iter()
                .filter(|s| crate::source_group(s.kind) == group)
            {
                let m: Vec<String> = s
                    .mentions
                    .iter()
                    .filter_map(|sp| slice(doc, *sp))
                    .map(|t| format!("“{}”", escape(&truncate(t, 80))))
                    .collect();
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{group}</td><td>{}</td><td>{}</td></tr>",
                    escape(&s.name),
                    s.kind.as_str(),
                    m.join("<br>")
                );
            }
        }
        o.push_str("</table>\n");
    }
    o.push_str("</section>\n");
}

/// The rhetoric section: every flagged span (linked to its highlight) with its
/// technique, score, trigger words and the technique's definition.
fn techniques_table(o: &mut String, doc: &Doc) {
    let _ = writeln!(
        o,
        "<section class=\"techniques\">\n<h2>Rhetoric ({})</h2>",
        doc.techniques.len()
    );
    if doc.techniques.is_empty() {
        o.push_str("<p class=\"none\">No flagged spans.</p>\n");
    } else {
        o.push_str(
            "<table>\n<tr><th>Span</th><th>Technique</th><th>Score</th><th>Triggered by</th><th>What it is</th></tr>\n",
        );
        for (i, t) in doc.techniques.iter().enumerate() {
            let Some(st) = slice(doc, t.span) else {
                continue;
            };
            let _ = writeln!(
                o,
                "<tr><td><a href=\"#t{}\">“{}”</a></td><td data-technique=\"{}\">{}</td><td class=\"n\">{:.2}</td><td>{}</td><td>{}</td></tr>",
                i + 1,
                escape(&truncate(st, 100)),
                escape(t.technique.as_str()),
                escape(&technique_label(t.technique)),
                t.score,
                escape(&trigger_words(doc, t).unwrap_or_default()),
                technique_definition(t.technique)
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("</section>\n");
}

/// The entities section with the forms each entity was written in.
fn entities_table(o: &mut String, doc: &Doc) {
    let _ = writeln!(
        o,
        "<section class=\"entities\">\n<h2>Entities ({})</h2>",
        doc.entities.len()
    );
    if doc.entities.is_empty() {
        o.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        o.push_str(
            "<table>\n<tr><th>Name</th><th>Kind</th><th>Mentions</th><th>Forms seen</th></tr>\n",
        );
        for i in entity_order(doc) {
            let e = &doc.entities[i];
            let f: Vec<String> = forms(doc, e)
                .into_iter()
                .map(|(f, c)| {
                    let f = escape(&truncate(&f, 50));
                    if c > 1 {
                        format!("{f} ×{c}")
                    } else {
                        f
                    }
                })
                .collect();
            let _ = writeln!(
                o,
                "<tr data-entity=\"{}\"><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                escape(&e.id),
                escape(&e.name),
                e.kind.as_str(),
                e.mentions.len(),
                f.join(", ")
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("</section>\n");
}

/// The removed page chrome, folded in a `<details>`.
fn chrome_table(o: &mut String, doc: &Doc) {
    let _ = write!(
        o,
        "<section class=\"chrome\">\n<details><summary>Removed page chrome ({})</summary>\n",
        doc.chrome.len()
    );
    if doc.chrome.is_empty() {
        o.push_str("<p class=\"none\">None.</p>\n");
    } else {
        o.push_str("<table>\n<tr><th>Kind</th><th>Text</th></tr>\n");
        for c in &doc.chrome {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(c.kind.as_str()),
                escape(&inline(&c.text))
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("</details>\n</section>\n");
}

/// The pipeline's warnings, if any.
fn warnings_list(o: &mut String, doc: &Doc) {
    if !doc.warnings.is_empty() {
        o.push_str("<section class=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
        for w in &doc.warnings {
            let _ = writeln!(o, "<li>{}</li>", escape(w));
        }
        o.push_str("</ul>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{self, nth};
    use unspin_doc::{Quote, QuoteKind, Speaker, Technique, TechniqueName};

    const VOID: &[&str] = &["meta", "br", "input", "hr", "img", "link"];

    /// Checks that every element is closed in order; returns the tag count.
    fn balanced(html: &str) -> Result<usize, String> {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        let mut n = 0;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').ok_or("unclosed <")?;
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.starts_with('!') {
                continue;
            }
            n += 1;
            if let Some(name) = tag.strip_prefix('/') {
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
            } else {
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if name == "style" {
                    let end = rest.find("</style>").ok_or("unclosed style")?;
                    rest = &rest[end + "</style>".len()..];
                    continue;
                }
                if !VOID.contains(&name.as_str()) {
                    stack.push(name);
                }
            }
        }
        if stack.is_empty() {
            Ok(n)
        } else {
            Err(format!("unclosed: {stack:?}"))
        }
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The article's text recovered from the page: tags stripped, entities decoded.
    fn article_blocks(page: &str) -> Vec<String> {
        let a = page.find("<article>").unwrap() + "<article>".len();
        let b = page.find("</article>").unwrap();
        page[a..b]
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                let l = l.replace("<br>", "\n");
                let mut out = String::new();
                let mut in_tag = false;
                for c in l.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => out.push(c),
                        _ => {}
                    }
                }
                unescape(&out)
            })
            .collect()
    }

    #[test]
    fn page_has_everything() {
        let d = fixture::doc();
        let h = html(&d);
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert!(!h.contains("<script"));
        assert!(!h.contains("src=\"http"));
        assert!(!h.contains("<link"));
        for s in [
            "<title>unspin: Mayor’s “bold” housing plan faces doubts 🏠</title>",
            "<html lang=\"en\">",
            "data-speaker=\"Elena Ruiz\"",
            "data-speaker=\"Tom Beck\"",
            "data-technique=\"loaded_language\"",
            "Loaded language (0.82): Words or phrases with strong emotional",
            "class=\"src src-anonymous\"",
            "class=\"src src-rumour\"",
            "class=\"legend\"",
            "<h2>Findings (4)</h2>",
            "<h2>Quotes (5)</h2>",
            "<h2>Sources (5)</h2>",
            "Removed page chrome (3)",
            "<td>call_to_action</td>",
            "href=\"#f2-1\"",
            "class=\"sen sen-anonymous sen-spec\" data-attribution=\"anonymous\"",
            "id=\"t-sen\" aria-label",
            "id=\"f2-1\"",
            "id=\"q1\"",
            "id=\"t4\"",
            "<span class=\"who\" data-who=\"Tom Beck\"></span>",
            "href=\"https://example.com/news/housing-plan\"",
            "2 invalid UTF-8 sequences replaced",
        ] {
            assert!(h.contains(s), "missing {s:?}");
        }
        // Source conflict is listed first in the findings panel.
        let aside = &h[h.find("<aside>").unwrap()..];
        assert!(aside.find("Source conflict").unwrap() < aside.find("Anonymous sourcing").unwrap());
        balanced(&h).unwrap();
        // Every paragraph's text survives the highlighting exactly.
        let blocks = article_blocks(&h);
        assert_eq!(blocks.len(), d.paragraphs.len());
        for (b, p) in blocks.iter().zip(&d.paragraphs) {
            assert_eq!(b, d.slice(p.span));
        }
        // Each id is used once.
        let mut ids: Vec<&str> = h
            .split(" id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn nested_technique_inside_quote() {
        let d = fixture::doc();
        let h = html(&d);
        // "reckless gamble" (technique) nests inside the quote "reckless gamble."
        let q = h.find("id=\"q1\"").unwrap();
        let t = h.find("id=\"t1\"").unwrap();
        assert!(q < t);
        let between = &h[q..t];
        assert!(!between.contains("</span>"), "{between}");
    }

    #[test]
    fn crossing_spans_are_split_and_balanced() {
        let mut d = fixture::doc();
        // A technique that starts inside the first direct quote and ends after it.
        let a = nth(fixture::TEXT, "2030", 0).start;
        let b = nth(fixture::TEXT, "Ruiz said", 0).end;
        d.techniques.push(Technique {
            span: Span::new(a, b),
            technique: TechniqueName::Exaggeration,
            score: 0.3,
            triggers: Vec::new(),
        });
        let h = html(&d);
        balanced(&h).unwrap();
        let blocks = article_blocks(&h);
        for (b, p) in blocks.iter().zip(&d.paragraphs) {
            assert_eq!(b, d.slice(p.span));
        }
        // The technique was split in two pieces; only the first has the id.
        assert_eq!(h.matches("data-score=\"0.30\"").count(), 2);
        assert_eq!(h.matches("id=\"t5\"").count(), 1);
    }

    #[test]
    fn random_overlaps_stay_balanced() {
        // Deterministic pseudo-random spans over a multibyte text.
        let mut d = fixture::doc();
        let bounds: Vec<usize> = d
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([d.text.len()])
            .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for round in 0..40 {
            let i = next(bounds.len());
            let j = next(bounds.len());
            let (a, b) = (bounds[i.min(j)], bounds[i.max(j)]);
            if round % 2 == 0 {
                d.techniques.push(Technique {
                    span: Span::new(a, b),
                    technique: TechniqueName::Doubt,
                    score: 0.5,
                    triggers: Vec::new(),
                });
            } else {
                d.quotes.push(Quote {
                    span: Span::new(a, b),
                    kind: QuoteKind::Scare,
                    speaker: None,
                    cue: None,
                });
            }
        }
        let h = html(&d);
        balanced(&h).unwrap();
        let blocks = article_blocks(&h);
        for (b, p) in blocks.iter().zip(&d.paragraphs) {
            assert_eq!(b, d.slice(p.span));
        }
    }

    #[test]
    fn injection_payloads_are_escaped() {
        let payload = "<script>alert(1)</script>";
        let attr = "\" onmouseover=\"x";
        let text = format!(
            "Title {payload}\n\nHe said “{payload} {attr} 'x'” & left. Bad{attr} Guy spoke."
        );
        let mut d = Doc::new(text.clone());
        d.meta.title = Some(format!("{payload}{attr}"));
        d.meta.byline = vec![payload.into()];
        d.meta.url = Some(format!("javascript:alert(1)//{attr}"));
        d.input.path = format!("{payload}.txt");
        let q = nth(&text, &format!("{payload} {attr} 'x'"), 0);
        let who = nth(&text, &format!("Bad{attr} Guy"), 0);
        d.quotes.push(Quote {
            span: q,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: who,
                entity: None,
                name: format!("Bad{attr} {payload}"),
            }),
            cue: Some(nth(&text, "spoke", 0)),
        });
        d.techniques.push(Technique {
            span: nth(&text, payload, 1),
            // Kinds are registry names (enums): they cannot carry markup.
            technique: TechniqueName::Doubt,
            score: 1.0,
            triggers: Vec::new(),
        });
        d.findings.push(unspin_doc::Finding {
            kind: unspin_doc::FindingKind::Rumour,
            message: payload.into(),
            spans: vec![q],
        });
        d.chrome.push(unspin_doc::Chrome {
            text: payload.into(),
            kind: unspin_doc::ChromeKind::Ad,
        });
        d.warnings.push(payload.into());
        let h = html(&d);
        assert!(!h.contains("<script"), "raw script tag in page");
        assert!(!h.contains(attr), "raw attribute breakout in page");
        assert!(!h.contains("href=\"javascript"), "javascript: link");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("data-speaker=\"Bad&quot; onmouseover=&quot;x &lt;script&gt;"));
        balanced(&h).unwrap();
        let blocks = article_blocks(&h);
        assert_eq!(blocks.join("\n\n"), text);
        // Markdown and text renderers don't pass raw tags through either.
        assert!(!crate::markdown(&d).contains("<script"));
    }

    #[test]
    fn many_spans_render_fast() {
        // 2,000 paragraphs in one block-free text and 40,000 spans: must stay near-linear.
        let para = "Alpha said “beta gamma” to Delta. ";
        let text = vec![para.repeat(3).trim_end().to_string(); 2000].join("\n\n");
        let mut d = Doc::new(text.clone());
        let mut pos = 0;
        while let Some(i) = text[pos..].find("beta gamma") {
            let at = pos + i;
            d.quotes.push(Quote {
                span: Span::new(at, at + 10),
                kind: QuoteKind::Direct,
                speaker: None,
                cue: None,
            });
            for (k, w) in [(0, 4), (5, 10)] {
                d.techniques.push(Technique {
                    span: Span::new(at + k, at + w),
                    technique: TechniqueName::Doubt,
                    score: 0.5,
                    triggers: Vec::new(),
                });
            }
            pos = at + 10;
        }
        // One span across the whole text, crossing every paragraph.
        d.techniques.push(Technique {
            span: Span::new(3, text.len() - 3),
            technique: TechniqueName::Repetition,
            score: 0.5,
            triggers: Vec::new(),
        });
        let t = std::time::Instant::now();
        let h = html(&d);
        assert!(t.elapsed().as_secs() < 5, "too slow: {:?}", t.elapsed());
        balanced(&h).unwrap();
        assert!(article_blocks(&h).join("\n\n") == text, "text lost");
    }

    #[test]
    fn escape_basics() {
        assert_eq!(escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
        assert_eq!(escape("é’🏠\n"), "é’🏠\n");
        assert_eq!(escape("\u{0}"), "\u{fffd}");
    }

    #[test]
    fn no_paragraphs_and_gaps() {
        // Without paragraphs the text is split on blank lines; nothing is lost.
        let mut d = Doc::new("First block.\n\nSecond\nblock.\n\n\n\nThird.");
        let h = html(&d);
        assert_eq!(
            article_blocks(&h),
            vec!["First block.", "Second\nblock.", "Third."]
        );
        // A paragraph list that misses text still shows the missed text.
        d.paragraphs.push(unspin_doc::Paragraph {
            span: Span::new(14, 27),
            kind: ParagraphKind::Body,
        });
        let h = html(&d);
        assert_eq!(
            article_blocks(&h),
            vec!["First block.", "Second\nblock.", "Third."]
        );
        assert!(h.contains("p-extra"));
        let _ = html(&Doc::new(""));
    }
}

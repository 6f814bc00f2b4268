//! The terminal report: plain text wrapped to a width, optionally with ANSI colour.

use crate::{
    entity_order, forms, humanize, inline, ordered_findings, quoted_spans, slice, source_group,
    summary, technique_definition, technique_label, techniques_used, trigger_words, truncate,
};
use unspin_doc::{Doc, SourceKind, Span};

/// How to lay out the terminal report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// ANSI colour (the CLI turns it on for a terminal when `NO_COLOR` is unset).
    pub color: bool,
    /// Wrap lines at this many characters; 0 = no wrapping.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            width: 80,
        }
    }
}

impl TextOptions {
    /// Options for a terminal: colour when `tty` and `NO_COLOR` is unset, width from
    /// `COLUMNS` (clamped to 40..=160, else 80).
    pub fn for_terminal(tty: bool) -> Self {
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .map(|w| w.clamp(40, 160))
            .unwrap_or(80);
        TextOptions {
            color: tty && std::env::var_os("NO_COLOR").is_none(),
            width,
        }
    }
}

/// A readable terminal report (no colour, 80 columns).
pub fn text(doc: &Doc) -> String {
    text_with(doc, TextOptions::default())
}

/// A readable terminal report laid out as `opts` says.
pub fn text_with(doc: &Doc, opts: TextOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        opts,
    };
    let width = if opts.width == 0 {
        80
    } else {
        opts.width.max(40)
    };
    w.header(doc, width);
    w.summary(doc);
    w.findings(doc);
    w.quotes(doc);
    w.sources(doc);
    w.entities(doc);
    w.rhetoric(doc, width);
    w.chrome(doc);
    w.warnings(doc);
    w.out
}

/// A space that `wrap` does not break at (turned into a plain space after wrapping;
/// `inline` removes control characters from article text, so it cannot come from there).
const NB: &str = "\u{1}";

/// "1 quote", "2 quotes".
fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

const BOLD: &str = "1";
const DIM: &str = "2";
const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";
const BLUE: &str = "34";
const MAGENTA: &str = "35";
const CYAN: &str = "36";

struct Writer {
    out: String,
    opts: TextOptions,
}

impl Writer {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.opts.color && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// Appends `s` wrapped at the width: first line after `first`, the rest after `rest`.
    fn para(&mut self, first: &str, rest: &str, s: &str) {
        let width = if self.opts.width == 0 {
            usize::MAX
        } else {
            self.opts.width
        };
        self.out
            .push_str(&wrap(s, width, first, rest).replace(NB, " "));
        self.out.push('\n');
    }

    fn heading(&mut self, name: &str, count: Option<usize>) {
        self.out.push('\n');
        let h = match count {
            Some(n) => format!("{} ({n})", name.to_uppercase()),
            None => name.to_uppercase(),
        };
        let h = self.paint(BOLD, &h);
        self.out.push_str(&h);
        self.out.push('\n');
    }

    fn none(&mut self, what: &str) {
        let s = self.paint(DIM, &format!("  {what}"));
        self.out.push_str(&s);
        self.out.push('\n');
    }

    fn header(&mut self, doc: &Doc, width: usize) {
        let title = doc
            .meta
            .title
            .as_deref()
            .map(inline)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "(untitled)".into());
        let t = self.paint(BOLD, &title);
        self.para("", "", &t);
        let mut bits = Vec::new();
        if let Some(o) = doc.meta.outlet.as_deref() {
            bits.push(inline(o));
        }
        if !doc.meta.byline.is_empty() {
            let names: Vec<String> = doc.meta.byline.iter().map(|b| inline(b)).collect();
            bits.push(format!("by {}", names.join(", ")));
        }
        if let Some(p) = doc.meta.published.as_deref() {
            bits.push(inline(p));
        }
        if !bits.is_empty() {
            self.para("", "", &bits.join(" · "));
        }
        let mut src = format!(
            "{} ({}, {} bytes)",
            inline(&doc.input.path),
            inline(&doc.input.format),
            doc.input.bytes
        );
        if let Some(u) = doc.meta.url.as_deref() {
            src.push_str(" · ");
            src.push_str(&inline(u));
        }
        let src = self.paint(DIM, &src);
        self.para("", "", &src);
        self.out.push_str(&"─".repeat(width.min(100)));
        self.out.push('\n');
    }

    fn summary(&mut self, doc: &Doc) {
        let s = summary(doc);
        self.heading("Summary", None);
        let line = [
            plural(s.words, "word"),
            plural(s.sentences, "sentence"),
            format!(
                "{} from {}",
                plural(s.quotes, "quote"),
                plural(s.speakers, "speaker")
            ),
            plural(s.sources, "source"),
            plural(s.findings, "finding"),
            plural(s.flagged, "flagged span"),
        ]
        .map(|x| x.replace(' ', NB))
        .join(" · ");
        self.para("  ", "  ", &line);
        if s.sentences > 0 {
            let line = format!(
                "Sentences: {}% own · {}% attributed · {}% anonymous · {}% quoted",
                s.percent(s.own),
                s.percent(s.attributed),
                s.percent(s.anonymous),
                s.percent(s.quoted)
            );
            self.para("  ", "  ", &line);
        }
    }

    fn findings(&mut self, doc: &Doc) {
        self.heading("Findings", Some(doc.findings.len()));
        if doc.findings.is_empty() {
            self.none("none");
        }
        for f in ordered_findings(doc) {
            let kind = self.paint(RED, &format!("[{}]", humanize(f.kind.as_str())));
            self.para("  ! ", "    ", &format!("{kind} {}", inline(&f.message)));
            let spans = quoted_spans(doc, &f.spans, 60);
            if !spans.is_empty() {
                let s = self.paint(DIM, &spans.join(" · "));
                self.para("    → ", "      ", &s);
            }
        }
    }

    fn quotes(&mut self, doc: &Doc) {
        self.heading("Quotes", Some(doc.quotes.len()));
        if doc.quotes.is_empty() {
            self.none("none found");
        }
        let digits = doc.quotes.len().to_string().len();
        for (i, q) in doc.quotes.iter().enumerate() {
            let Some(t) = slice(doc, q.span) else {
                continue;
            };
            let num = format!("{:>digits$}. ", i + 1);
            let pad = " ".repeat(num.chars().count() + 2);
            let quoted = self.paint(GREEN, &format!("“{}”", truncate(t, 110)));
            self.para(&format!("  {num}"), &pad, &quoted);
            let mut bits = vec![q.kind.as_str().to_string()];
            match &q.speaker {
                Some(sp) => {
                    let name = sp
                        .entity
                        .and_then(|e| doc.entities.get(e))
                        .map(|e| e.name.as_str())
                        .unwrap_or(&sp.name);
                    let mut who = self.paint(CYAN, &inline(name));
                    if let Some(st) = slice(doc, sp.span) {
                        let st = inline(st);
                        if st != inline(name) {
                            who.push_str(&format!(" (as{NB}“{}”)", truncate(&st, 40)));
                        }
                    }
                    bits.push(who);
                }
                None => bits.push(self.paint(YELLOW, "no speaker")),
            }
            if let Some(c) = q.cue.and_then(|c| slice(doc, c)) {
                bits.push(format!("cue: {}", inline(c)));
            }
            self.para(&pad, &pad, &bits.join(" · "));
        }
    }

    fn sources(&mut self, doc: &Doc) {
        self.heading("Sources", Some(doc.sources.len()));
        if doc.sources.is_empty() {
            self.none("no sources credited");
        }
        for group in ["Named", "Anonymous", "Rumour"] {
            let items: Vec<_> = doc
                .sources
                .iter()
                .filter(|s| source_group(s.kind) == group)
                .collect();
            if items.is_empty() {
                continue;
            }
            let g = self.paint(BOLD, &format!("{group}:"));
            self.para("  ", "  ", &g);
            for s in items {
                let color = match s.kind {
                    SourceKind::Anonymous => YELLOW,
                    SourceKind::Rumour => RED,
                    _ => BLUE,
                };
                let name = self.paint(color, &inline(&s.name));
                let mentions = quoted_spans(doc, &s.mentions, 50);
                let n = s.mentions.len();
                let line = format!(
                    "{name} ({}) — {n} mention{}{}{}",
                    s.kind.as_str(),
                    if n == 1 { "" } else { "s" },
                    if mentions.is_empty() { "" } else { ": " },
                    mentions.join(", ")
                );
                self.para("    ", "      ", &line);
            }
        }
    }

    fn entities(&mut self, doc: &Doc) {
        self.heading("Entities", Some(doc.entities.len()));
        if doc.entities.is_empty() {
            self.none("none found");
        }
        for i in entity_order(doc) {
            let e = &doc.entities[i];
            let n = e.mentions.len();
            let forms: Vec<String> = forms(doc, e)
                .into_iter()
                .map(|(f, c)| {
                    if c > 1 {
                        format!("{} ×{c}", truncate(&f, 40))
                    } else {
                        truncate(&f, 40)
                    }
                })
                .collect();
            let name = self.paint(CYAN, &inline(&e.name));
            let line = format!(
                "{name} ({}, {n} mention{}) — {}",
                e.kind.as_str(),
                if n == 1 { "" } else { "s" },
                forms.join(", ")
            );
            self.para("  ", "      ", &line);
        }
    }

    fn rhetoric(&mut self, doc: &Doc, width: usize) {
        self.heading("Rhetoric", Some(doc.techniques.len()));
        if doc.techniques.is_empty() {
            self.none("no flagged spans");
        }
        for t in &doc.techniques {
            let Some(span_text) = slice(doc, t.span) else {
                continue;
            };
            let label = self.paint(MAGENTA, &technique_label(t.technique));
            let line = format!(
                "“{}” — {label}{NB}({:.2})",
                truncate(span_text, 60),
                t.score
            );
            self.para("  • ", "    ", &line);
            if let Some(ctx) = context(doc, t.span, width.saturating_sub(12).max(40)) {
                let (a, b, c) = ctx;
                let mid = if self.opts.color {
                    self.paint("4", &b)
                } else {
                    format!("«{b}»")
                };
                let line = format!("{}{mid}{}", self.paint(DIM, &a), self.paint(DIM, &c));
                self.para("    in: ", "        ", &line);
            }
            // The words that made the detector flag the span, when they are not all of it.
            if let Some(words) = trigger_words(doc, t) {
                self.para("    why: ", "         ", &words);
            }
        }
        // What each technique means, once.
        for name in techniques_used(doc) {
            let label = self.paint(MAGENTA, &technique_label(name));
            let d = technique_definition(name);
            self.para("  = ", "    ", &format!("{label}: {d}"));
        }
    }

    fn chrome(&mut self, doc: &Doc) {
        self.heading("Removed chrome", Some(doc.chrome.len()));
        if doc.chrome.is_empty() {
            self.none("none");
        }
        let kw = doc
            .chrome
            .iter()
            .map(|c| inline(c.kind.as_str()).chars().count())
            .max()
            .unwrap_or(0);
        for c in &doc.chrome {
            let kind = inline(c.kind.as_str());
            let pad = " ".repeat(kw - kind.chars().count());
            let first = format!("  {}{pad}  ", self.paint(DIM, &kind));
            let rest = " ".repeat(kw + 4);
            self.para(&first, &rest, &truncate(&c.text, 200));
        }
    }

    fn warnings(&mut self, doc: &Doc) {
        if doc.warnings.is_empty() {
            return;
        }
        self.heading("Warnings", Some(doc.warnings.len()));
        for wn in &doc.warnings {
            let s = self.paint(YELLOW, &inline(wn));
            self.para("  ", "    ", &s);
        }
    }
}

/// The sentence around `span` as (before, span, after), trimmed to about `max` chars.
pub(crate) fn context(doc: &Doc, span: Span, max: usize) -> Option<(String, String, String)> {
    let sent = doc
        .sentence_at(span.start)
        .map(|i| doc.sentences[i].span)
        .filter(|s| s.contains(&span))
        .or_else(|| {
            doc.paragraphs
                .iter()
                .map(|p| p.span)
                .find(|p| p.contains(&span))
        })?;
    let before = inline(slice(doc, Span::new(sent.start, span.start))?);
    let mid = inline(slice(doc, span)?);
    let after = inline(slice(doc, Span::new(span.end, sent.end))?);
    let spare = max.saturating_sub(mid.chars().count()) / 2;
    let before = if before.chars().count() > spare {
        let skip = before.chars().count() - spare + 1;
        let tail: String = before.chars().skip(skip).collect();
        // Start at a word when one begins near the cut.
        let tail = match tail.find(' ') {
            Some(i) if i < 15 && i + 1 < tail.len() => tail[i + 1..].to_string(),
            _ => tail,
        };
        format!("…{tail}")
    } else {
        before
    };
    let after = truncate(&after, spare.max(2));
    let sp = |s: &str, lead: bool| -> String {
        // Keep a space between context and span where the text had one.
        if s.is_empty() {
            String::new()
        } else if lead {
            format!("{s} ")
        } else {
            format!(" {s}")
        }
    };
    let raw_before = slice(doc, Span::new(sent.start, span.start))?;
    let raw_after = slice(doc, Span::new(span.end, sent.end))?;
    let b = if raw_before.ends_with(char::is_whitespace) && before != "…" {
        sp(&before, true)
    } else {
        before
    };
    let a = if raw_after.starts_with(char::is_whitespace) {
        sp(&after, false)
    } else {
        after
    };
    Some((b, mid, a))
}

/// Terminal columns taken by `c`: 0 for combining marks and joiners, 2 for East Asian
/// wide characters and emoji, else 1 (a small table, not full UAX #11).
fn char_width(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Visible width of `s` in terminal columns, not counting ANSI escape sequences.
fn visible(s: &str) -> usize {
    let mut n = 0;
    let mut esc = false;
    for c in s.chars() {
        if esc {
            if c.is_ascii_alphabetic() {
                esc = false;
            }
        } else if c == '\x1b' {
            esc = true;
        } else {
            n += char_width(c);
        }
    }
    n
}

/// Greedy word wrap of one logical line at `width` visible chars; words longer than a
/// line are broken. ANSI escapes count as zero width.
pub(crate) fn wrap(s: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::from(first);
    let mut col = visible(first);
    let mut line_start = true;
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let wl = visible(word);
        if !line_start && col + 1 + wl > width {
            out.push('\n');
            out.push_str(rest);
            col = visible(rest);
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            col += 1;
        }
        if col + wl > width && wl > width.saturating_sub(visible(rest)) && !word.contains('\x1b') {
            // A word longer than any line: break it.
            for c in word.chars() {
                let cw = char_width(c);
                if col + cw > width && col > visible(rest) {
                    out.push('\n');
                    out.push_str(rest);
                    col = visible(rest);
                }
                out.push(c);
                col += cw;
            }
        } else {
            out.push_str(word);
            col += wl;
        }
        line_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn sections_and_names() {
        let d = fixture::doc();
        let t = text(&d);
        for h in [
            "SUMMARY",
            "FINDINGS (4)",
            "QUOTES (5)",
            "SOURCES (5)",
            "ENTITIES (5)",
            "RHETORIC (4)",
            "REMOVED CHROME (3)",
            "WARNINGS (1)",
        ] {
            assert!(t.contains(h), "missing {h} in\n{t}");
        }
        for s in [
            "Mayor’s “bold” housing plan faces doubts 🏠",
            "Harbor Gazette · by Ana Lee · 2025-03-14",
            "fixtures/housing.txt (text,",
            "Elena Ruiz",
            "Tom Beck",
            "(as “Councillor Tom Beck”)",
            "cue: dismissed",
            "no speaker",
            "Loaded language (0.82)",
            "«reckless gamble»",
            "why: “reckless”",
            "Loaded language: Words or phrases with strong emotional",
            "Advertisement",
            "call_to_action",
            "Anonymous:",
            "Rumour:",
            "Mayor Elena Ruiz, Ruiz, the mayor",
            "25% quoted",
        ] {
            assert!(t.contains(s), "missing {s:?} in\n{t}");
        }
        // Most important finding first.
        let conflict = t.find("[Source conflict]").unwrap();
        let anon = t.find("[Anonymous sourcing]").unwrap();
        assert!(conflict < anon);
        assert!(!t.contains('\x1b'));
        for line in t.lines() {
            assert!(visible(line) <= 80, "too long: {line}");
        }
    }

    #[test]
    fn color_and_width() {
        let d = fixture::doc();
        let t = text_with(
            &d,
            TextOptions {
                color: true,
                width: 50,
            },
        );
        assert!(t.contains("\x1b[1m"));
        assert!(t.contains("\x1b[0m"));
        for line in t.lines() {
            assert!(visible(line) <= 50, "too long: {line:?}");
        }
        let plain = text_with(
            &d,
            TextOptions {
                color: false,
                width: 0,
            },
        );
        assert!(plain.lines().any(|l| l.chars().count() > 80));
        let o = TextOptions::for_terminal(false);
        assert!(!o.color && (40..=160).contains(&o.width));
    }

    #[test]
    fn empty_doc() {
        let d = Doc::new("Just one line.");
        let t = text(&d);
        assert!(t.contains("(untitled)"));
        assert!(t.contains("QUOTES (0)"));
        assert!(t.contains("none found"));
    }

    #[test]
    fn terminal_escapes_in_article_are_dropped() {
        let mut d = fixture::doc();
        d.meta.title = Some("Evil \x1b]0;pwned\x07 title".into());
        d.chrome[0].text = "ad\x1b[2J".into();
        let t = text(&d);
        assert!(!t.contains('\x1b'), "{t:?}");
        assert!(!t.contains('\x07'));
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("aa bb cc", 5, "", ""), "aa bb\ncc");
        assert_eq!(wrap("aa bb cc", 6, "> ", "  "), "> aa\n  bb\n  cc");
        assert_eq!(wrap("abcdefghij", 4, "", ""), "abcd\nefgh\nij");
        let colored = "\x1b[1maa\x1b[0m bb";
        assert_eq!(wrap(colored, 5, "", ""), colored);
        // Wide characters take two columns.
        assert_eq!(visible("日本語"), 6);
        assert_eq!(visible("e\u{301}🏠"), 3);
        assert_eq!(wrap("日本 語", 5, "", ""), "日本\n語");
        assert_eq!(wrap("日本語です", 4, "", ""), "日本\n語で\nす");
    }
}

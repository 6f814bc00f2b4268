//! Extract: turn plain text or HTML into a [`Doc`] with clean text, metadata,
//! removed chrome and paragraphs.
//!
//! Plain text is split into blocks (blank-line separated) and lines; line rules in
//! [`chrome`] remove page furniture, then a structural pass finds the headline,
//! teaser headlines of other articles, lists of related links and subheadings.
//! HTML goes through a real parser ([`html`]) into the same block pipeline.

use unspin_doc::{Chrome, ChromeKind, Doc, Meta, Paragraph, ParagraphKind, Span};

pub mod chrome;
pub mod dates;
mod html;
mod lang;

pub use lang::guess_language;
/// Main-content extraction of an HTML page on its own (`unspin extract`): blocks,
/// text and metadata before the chrome rules of [`from_html`].
pub use unspin_html::{extract as main_content, Extracted};

/// Builds a document from scraped plain text. With `clean`, page chrome is removed
/// (and listed in `doc.chrome`) and a headline-like first line becomes the title;
/// without it, `doc.text` equals `text` exactly.
pub fn from_text(text: &str, clean: bool) -> Doc {
    let mut doc = if clean {
        let blocks = text_blocks(text);
        let mut doc = assemble(blocks, Meta::default());
        doc.meta.language = guess_language(&doc.text);
        doc
    } else {
        verbatim(text)
    };
    bound_paragraphs(&mut doc);
    doc
}

/// Longest paragraph (bytes) handed to the later stages.
pub const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;

/// Splits paragraphs longer than [`MAX_PARAGRAPH_BYTES`] at a sentence end (else
/// at whitespace): later stages work paragraph by paragraph, so one megabyte-long
/// line would otherwise make them quadratic. The text itself is unchanged.
pub fn bound_paragraphs(doc: &mut Doc) {
    if doc
        .paragraphs
        .iter()
        .all(|p| p.span.len() <= MAX_PARAGRAPH_BYTES)
    {
        return;
    }
    let text = doc.text.as_str();
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    let mut split = 0;
    for p in doc.paragraphs.drain(..) {
        if p.span.len() <= MAX_PARAGRAPH_BYTES {
            out.push(p);
            continue;
        }
        split += 1;
        let mut pos = p.span.start;
        while p.span.end - pos > MAX_PARAGRAPH_BYTES {
            let mut lim = pos + MAX_PARAGRAPH_BYTES;
            while !text.is_char_boundary(lim) {
                lim -= 1;
            }
            let window = &text[pos..lim];
            let cut = window
                .rmatch_indices(['.', '!', '?'])
                .map(|(i, _)| i + 1)
                .find(|&i| i > window.len() / 2 && window[i..].starts_with(char::is_whitespace))
                .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
                .unwrap_or(window.len());
            let end = pos + window[..cut].trim_end().len();
            if end > pos {
                out.push(Paragraph {
                    span: Span::new(pos, end),
                    kind: p.kind,
                });
            }
            pos += cut;
            pos += text[pos..p.span.end].len() - text[pos..p.span.end].trim_start().len();
        }
        if pos < p.span.end {
            out.push(Paragraph {
                span: Span::new(pos, p.span.end),
                kind: p.kind,
            });
        }
    }
    doc.paragraphs = out;
    doc.warnings.push(format!(
        "{split} paragraph(s) longer than {MAX_PARAGRAPH_BYTES} bytes were split for analysis"
    ));
}

/// Builds a document from an HTML page: a real HTML5 parser, metadata from the
/// head (title, Open Graph, JSON-LD, author, dates, canonical URL, language),
/// then the text of block elements through the same chrome rules as plain text.
pub fn from_html(html_src: &str, clean: bool) -> Doc {
    let mut doc = html::extract(html_src, clean);
    bound_paragraphs(&mut doc);
    doc
}

/// `--no-clean`: the text verbatim; paragraphs are the blank-line separated blocks.
fn verbatim(text: &str) -> Doc {
    let mut doc = Doc::new(text);
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                doc.paragraphs.push(body(s, last_end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_end = pos + content.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        doc.paragraphs.push(body(s, last_end));
    }
    doc.meta.language = guess_language(text);
    doc
}

fn body(start: usize, end: usize) -> Paragraph {
    Paragraph {
        span: Span::new(start, end),
        kind: ParagraphKind::Body,
    }
}

/// One block of input: its lines (whitespace-normalised) and, for HTML, the
/// paragraph kind its element implies.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub lines: Vec<String>,
    pub hint: Option<ParagraphKind>,
    /// HTML: the block is mostly link text (menus, related-story lists).
    pub linky: bool,
    /// Blank lines before the block (plain text), a hint of set-off widgets.
    pub gap: usize,
}

/// Collapses runs of whitespace (including NBSP) to one space and drops
/// zero-width characters and soft hyphens.
pub(crate) fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let zero_width = matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' | '\u{2060}'
        );
        let ws = !zero_width && c.is_whitespace();
        if zero_width || ws {
            if let Some(st) = run.take() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push_str(&s[st..i]);
            }
            if ws {
                space = true;
            }
        } else if run.is_none() {
            run = Some(i);
        }
    }
    if let Some(st) = run {
        if space && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[st..]);
    }
    out
}

fn text_blocks(text: &str) -> Vec<Block> {
    let t = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut blank = 0usize;
    let mut gap = 0usize;
    for line in t.split('\n') {
        let l = normalize_ws(line);
        if l.is_empty() {
            if !cur.is_empty() {
                blocks.push(Block {
                    lines: std::mem::take(&mut cur),
                    hint: None,
                    linky: false,
                    gap,
                });
                blank = 0;
            }
            blank += 1;
        } else {
            if cur.is_empty() {
                gap = blank;
            }
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        blocks.push(Block {
            lines: cur,
            hint: None,
            linky: false,
            gap,
        });
    }
    blocks
}

/// A candidate paragraph after line-level chrome removal.
#[derive(Debug)]
struct Unit {
    text: String,
    /// Stands alone (its own block, or one line of a block of separate lines).
    alone: bool,
    chrome: Option<ChromeKind>,
    kind: ParagraphKind,
    hint: Option<ParagraphKind>,
    /// Blank lines before its block (plain text).
    gap: usize,
}

/// Hard-wrapped prose has no line longer than this (chars).
const WRAPPED_MAX_LINE_CHARS: usize = 120;
/// A headline has this many words…
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=25;
/// …and is all capitals (with at least this many letters)…
const ALL_CAPS_MIN_LETTERS: usize = 4;
/// …or has at least this share of its words capitalised.
const TITLE_CASE_MIN_SHARE: f32 = 0.75;
/// A teaser headline has at least this many words…
const TEASER_MIN_WORDS: usize = 8;
/// …or this many as a question or a two-part headline…
const TEASER_QUESTION_MIN_WORDS: usize = 6;
/// …or this many when set off by blank lines.
const TEASER_SET_OFF_MIN_WORDS: usize = 4;
/// A title that may start the document: this many words…
const TITLE_WORDS: std::ops::RangeInclusive<usize> = 1..=30;
/// …and at most this many bytes.
const TITLE_MAX_BYTES: usize = 300;
/// An entry of a related-links list has this many words.
const LIST_ENTRY_WORDS: std::ops::RangeInclusive<usize> = 2..=20;
/// A list header is at most this many words.
const LIST_HEADER_MAX_WORDS: usize = 6;

/// Hard-wrapped prose (lines end mid-sentence) vs one paragraph per line.
fn is_wrapped(lines: &[String]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    // Bulleted or numbered lines are list items, one per line.
    let bullets = lines
        .iter()
        .filter(|l| {
            l.starts_with(['-', '*', '•', '·', '–', '—', '>'])
                || l.split_once(['.', ')']).is_some_and(|(n, rest)| {
                    !n.is_empty()
                        && n.len() <= 2
                        && n.bytes().all(|b| b.is_ascii_digit())
                        && rest.starts_with(' ')
                })
        })
        .count();
    if bullets * 2 >= lines.len() {
        return false;
    }
    let n = lines.len() - 1;
    let ends = lines[..n]
        .iter()
        .filter(|l| {
            l.trim_end()
                .ends_with(['.', '?', '!', ':', '"', '”', '’', ')', '…'])
        })
        .count();
    let max = lines[..n]
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    ends * 2 < n && max <= WRAPPED_MAX_LINE_CHARS
}

struct Collector {
    meta: Meta,
    outlets: Vec<(String, u8)>,
    published: Option<(String, bool)>,
}

impl Collector {
    fn outlet(&mut self, name: String, prio: u8) {
        let name = name.trim().to_string();
        if !name.is_empty() {
            self.outlets.push((name, prio));
        }
    }
    fn date(&mut self, iso: String, updated: bool) {
        match &self.published {
            None => self.published = Some((iso, updated)),
            Some((_, true)) if !updated => self.published = Some((iso, updated)),
            _ => {}
        }
    }
}

/// Runs the chrome rules and the structural pass over blocks and builds the doc.
pub(crate) fn assemble(blocks: Vec<Block>, meta: Meta) -> Doc {
    let mut col = Collector {
        meta,
        outlets: Vec::new(),
        published: None,
    };
    let mut units: Vec<Unit> = Vec::new();
    let chrome_unit = |text: &str, kind: ChromeKind, gap: usize| Unit {
        text: text.to_string(),
        alone: true,
        chrome: Some(kind),
        kind: ParagraphKind::Body,
        hint: None,
        gap,
    };
    for block in blocks {
        // Blank lines before this block go to its first unit only.
        let mut g = block.gap;
        if block.hint == Some(ParagraphKind::Caption) {
            let text = block.lines.join(" ");
            units.push(chrome_unit(
                &text,
                ChromeKind::Caption,
                std::mem::take(&mut g),
            ));
            continue;
        }
        let mut kept: Vec<String> = Vec::new();
        for line in &block.lines {
            if let Some(kind) = chrome::classify(line) {
                if let Some((o, p)) = chrome::outlet_hint(line, kind) {
                    col.outlet(o, p);
                }
                units.push(chrome_unit(line, kind, std::mem::take(&mut g)));
                continue;
            }
            if let Some(b) = chrome::byline(line) {
                for n in b.names {
                    if !col.meta.byline.contains(&n) {
                        col.meta.byline.push(n);
                    }
                }
                if let Some(o) = b.outlet {
                    col.outlet(o, 3);
                }
                if let Some(d) = b.date {
                    col.date(d, false);
                }
                units.push(chrome_unit(line, ChromeKind::Other, std::mem::take(&mut g)));
                continue;
            }
            if let Some(d) = dates::date_line(line) {
                if let dates::DateLine::Date { iso, updated } = d {
                    col.date(iso, updated);
                }
                units.push(chrome_unit(line, ChromeKind::Other, std::mem::take(&mut g)));
                continue;
            }
            kept.push(line.clone());
        }
        if block.linky && block.hint != Some(ParagraphKind::Heading) {
            for l in kept {
                units.push(chrome_unit(
                    &l,
                    ChromeKind::Navigation,
                    std::mem::take(&mut g),
                ));
            }
            continue;
        }
        let html_block = block.hint.is_some();
        if kept.len() == 1 || is_wrapped(&kept) {
            units.push(Unit {
                text: kept.join(" "),
                alone: kept.len() == 1 || html_block,
                chrome: None,
                kind: ParagraphKind::Body,
                hint: block.hint,
                gap: std::mem::take(&mut g),
            });
        } else {
            for l in kept {
                units.push(Unit {
                    text: l,
                    alone: true,
                    chrome: None,
                    kind: ParagraphKind::Body,
                    hint: block.hint,
                    gap: std::mem::take(&mut g),
                });
            }
        }
    }

    structure(&mut units, &mut col);

    // Outlet: highest priority, earliest first.
    let mut best: Option<(String, u8)> = None;
    for (o, p) in &col.outlets {
        if best.as_ref().is_none_or(|(_, bp)| p > bp) {
            best = Some((o.clone(), *p));
        }
    }
    if col.meta.outlet.is_none() {
        col.meta.outlet = best.map(|(o, _)| o);
    }
    if col.meta.published.is_none() {
        col.meta.published = col.published.map(|(d, _)| d);
    }

    let mut doc = Doc {
        meta: col.meta,
        ..Default::default()
    };
    let mut text = String::new();
    for u in units {
        match u.chrome {
            Some(kind) => doc.chrome.push(Chrome { text: u.text, kind }),
            None => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                text.push_str(&u.text);
                doc.paragraphs.push(Paragraph {
                    span: Span::new(start, text.len()),
                    kind: u.kind,
                });
            }
        }
    }
    doc.text = text;
    doc
}

/// Share of content words that are capitalised, and how many content words.
fn cap_ratio(text: &str) -> (f32, usize) {
    let mut content = 0;
    let mut caps = 0;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !w.chars().any(|c| c.is_alphabetic()) {
            continue;
        }
        if unspin_lex::headlines::HEADLINE_MINOR_WORDS.contains(w) {
            continue;
        }
        content += 1;
        if first.is_uppercase() || first.is_ascii_digit() {
            caps += 1;
        }
    }
    if content == 0 {
        (0.0, 0)
    } else {
        (caps as f32 / content as f32, content)
    }
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with('.') && !t.ends_with("...") && !t.ends_with("..")
}

fn bad_title_end(t: &str) -> bool {
    ends_sentence(t) || t.ends_with([',', ';', ':'])
}

/// Mostly Title Case (or all capitals), headline length, no sentence full stop.
fn headline_like(t: &str) -> bool {
    let wc = chrome::word_count(t);
    if !HEADLINE_WORDS.contains(&wc) || bad_title_end(t) {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps =
        letters.len() >= ALL_CAPS_MIN_LETTERS && letters.iter().all(|c| !c.is_lowercase());
    let (r, n) = cap_ratio(t);
    all_caps || (n >= 2 && r >= TITLE_CASE_MIN_SHARE)
}

/// Content words written in lower case that Title Case would capitalise.
fn lowercase_content_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().next().is_some_and(|c| c.is_lowercase())
                && !unspin_lex::headlines::HEADLINE_MINOR_WORDS.contains(w)
        })
        .count()
}

/// A teaser headline for another article: strict Title Case (no lower-case
/// content word), at least six words, not a list item, transcript line,
/// citation or embed credit.
fn teaser_like(t: &str, set_off: bool) -> bool {
    if !headline_like(t) || chrome::starts_with_quote(t) {
        return false;
    }
    if t.starts_with(['•', '*', '-', '–', '—', '[', '(', '·', '>'])
        || t.contains('@')
        || t.contains("http")
        || t.contains("pic.twitter")
        || t.split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with(':'))
    {
        return false;
    }
    let wc = chrome::word_count(t);
    let inner_break = t.trim_end().char_indices().any(|(i, c)| {
        matches!(c, '.' | '?' | '!') && t[i + 1..].starts_with(' ') && i + 2 < t.len()
    });
    // Long headlines, two-part headlines and questions, or lines set off by extra
    // blank lines; short questions ("Who is she?") are the writer's own.
    let shape = wc >= TEASER_MIN_WORDS
        || (wc >= TEASER_QUESTION_MIN_WORDS && (t.ends_with(['?', '!']) || inner_break))
        || (wc >= TEASER_SET_OFF_MIN_WORDS && set_off);
    // All-capitals lines are emphasis or signs more often than teasers.
    shape && lowercase_content_words(t) == 0 && t.chars().any(|c| c.is_lowercase())
}

/// A headline that may start the document: short, no sentence full stop.
fn title_like(t: &str) -> bool {
    let wc = chrome::word_count(t);
    TITLE_WORDS.contains(&wc)
        && t.len() <= TITLE_MAX_BYTES
        && !bad_title_end(t)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || chrome::starts_with_quote(t))
        && (wc >= 2 || headline_like(t))
}

/// Entries of a related-links list after a "Related" / "More from" marker.
fn list_entry_like(t: &str) -> bool {
    let wc = chrome::word_count(t);
    LIST_ENTRY_WORDS.contains(&wc)
        && !ends_sentence(t)
        && !chrome::starts_with_quote(t)
        && !t.ends_with(':')
}

/// A navigation line that heads a list of links ("Related", "More from X").
/// In HTML any short navigation label heads a list (the page's own furniture);
/// in plain text only labels that announce other stories do.
fn is_list_header(t: &str, html: bool) -> bool {
    let k = chrome::key(t);
    chrome::word_count(&k) <= LIST_HEADER_MAX_WORDS
        && !k.contains(':')
        && (html || unspin_lex::page_chrome::LIST_HEADER_WORDS.found_in(&k))
}

/// "WASHINGTON (Reuters) - …", "NEW YORK, Jan 5 (AP) — …": the agency.
pub fn wire_dateline(t: &str) -> Option<String> {
    // "CNN — …" / "Reuters - …": an agency name leading the first paragraph.
    for w in chrome::wires() {
        if let Some(rest) = t.strip_prefix(w) {
            if rest.starts_with(" —") || rest.starts_with(" –") || rest.starts_with(" - ") {
                return Some(w.to_string());
            }
        }
    }
    let open = t.find('(')?;
    if open == 0 || open > 80 {
        return None;
    }
    let place = t[..open].trim();
    let first = place.split([' ', ',']).next().unwrap_or("");
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    // "WASHINGTON (…)" or a date alone: "Feb 9 (Reuters) -".
    let caps_place = letters.len() >= 2 && !letters.iter().any(|c| c.is_lowercase());
    let date_only = chrome::word_count(place) <= 3
        && place
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || dates::is_month(w));
    if !caps_place && !date_only {
        return None;
    }
    let close = open + t[open..].find(')')?;
    let agency = t[open + 1..close].trim();
    let after = t[close + 1..].trim_start();
    if !after.starts_with(['-', '–', '—', '―']) {
        return None;
    }
    let wc = chrome::word_count(agency);
    ((1..=4).contains(&wc)
        && agency.chars().next().is_some_and(|c| c.is_uppercase())
        && !agency.chars().any(|c| c.is_ascii_digit()))
    .then(|| agency.to_string())
}

fn structure(units: &mut [Unit], col: &mut Collector) {
    let mut title_done = false;
    let mut title: Option<String> = None;
    let mut body_seen = 0usize;
    let mut in_list = false;
    let n = units.len();
    for i in 0..n {
        if let Some(kind) = units[i].chrome {
            if kind == ChromeKind::Navigation
                && is_list_header(
                    &units[i].text,
                    units[i + 1..].first().is_some_and(|u| u.hint.is_some()),
                )
            {
                in_list = true;
            }
            continue;
        }
        let t = units[i].text.clone();
        let html = units[i].hint.is_some();
        if !title_done {
            let next = units[i + 1..].iter().find(|u| u.chrome.is_none());
            // A section label above the headline ("Politics", "EXCLUSIVE").
            let wc = chrome::word_count(&t);
            if !html
                && units[i].alone
                && wc <= 2
                && !t.ends_with(['.', '?', '!', ',', ':', '"', '”'])
                && next.is_some_and(|n| {
                    n.alone && title_like(&n.text) && chrome::word_count(&n.text) > wc + 2
                })
            {
                units[i].chrome = Some(ChromeKind::Navigation);
                continue;
            }
            title_done = true;
            let more_after = units[i + 1..].iter().any(|u| u.chrome.is_none());
            let is_title = if html {
                units[i].hint == Some(ParagraphKind::Title)
            } else {
                units[i].alone && title_like(&t) && more_after
            };
            if is_title {
                // "Headline | Site": the site suffix is page furniture.
                let t = match t.rsplit_once(" | ") {
                    Some((head, tail))
                        if !html
                            && chrome::word_count(tail) <= 4
                            && chrome::word_count(head) >= 3 =>
                    {
                        head.trim().to_string()
                    }
                    _ => t,
                };
                units[i].text = t.clone();
                units[i].kind = ParagraphKind::Title;
                col.meta.title = Some(t.clone());
                title = Some(t);
                continue;
            }
        }
        if title.as_deref().is_some_and(|tt| same_words(tt, &t)) {
            units[i].chrome = Some(ChromeKind::Other);
            continue;
        }
        if in_list {
            if units[i].alone && list_entry_like(&t) && !html_structural(units[i].hint) {
                units[i].chrome = Some(ChromeKind::Teaser);
                continue;
            }
            in_list = false;
        }
        if html
            && units[i].hint != Some(ParagraphKind::Body)
            && units[i].hint != Some(ParagraphKind::Title)
        {
            units[i].kind = hint_kind(units[i].hint);
            continue;
        }
        // Set off by extra blank lines on both sides, as embedded widgets are.
        // In HTML, a Title Case <p> of six words or more is never a subheading
        // (those are <h2>-<h6>), so it counts as set off.
        let set_off = if html {
            chrome::word_count(&t) >= 6
        } else {
            units[i].gap >= 2 && units.get(i + 1).is_some_and(|u| u.gap >= 2)
        };
        if units[i].alone
            && body_seen > 0
            && teaser_like(&t, set_off)
            && units[i].hint != Some(ParagraphKind::Title)
        {
            units[i].chrome = Some(ChromeKind::Teaser);
            continue;
        }
        let wc = chrome::word_count(&t);
        if units[i].alone
            && wc <= 12
            && !ends_sentence(&t)
            && !t.ends_with([',', ';'])
            && (headline_like(&t) || (wc <= 4 && cap_ratio(&t).0 >= 0.99))
        {
            units[i].kind = ParagraphKind::Heading;
            continue;
        }
        if body_seen < 3 {
            if let Some(agency) = wire_dateline(&t) {
                col.outlet(agency, 3);
            }
        }
        units[i].kind = ParagraphKind::Body;
        body_seen += 1;
    }
}

/// Equal up to case, punctuation and spacing (a repeated headline).
fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect()
    };
    a.len().abs_diff(b.len()) < 20 && norm(a) == norm(b)
}

fn html_structural(hint: Option<ParagraphKind>) -> bool {
    matches!(hint, Some(ParagraphKind::Blockquote))
}

fn hint_kind(hint: Option<ParagraphKind>) -> ParagraphKind {
    match hint {
        Some(ParagraphKind::Title) => ParagraphKind::Heading,
        Some(k) => k,
        None => ParagraphKind::Body,
    }
}

#[cfg(test)]
mod tests;

//! HTML main-content extraction and article metadata.
//!
//! A real HTML5 parser (html5ever via `dom_query`), one iterative walk into a
//! flat list of elements and text blocks, container scoring (paragraph votes,
//! link density, class/id names, DOM position), sibling inclusion, then
//! boilerplate filtering. Metadata comes from JSON-LD, OpenGraph, `<meta>`,
//! `<time>` and byline elements, in that order of trust. Never panics; work is
//! bounded (input size and DOM depth are capped, with a warning).

use serde::Serialize;

mod content;
pub mod date;
mod dom;
pub mod markup;
mod meta;
pub mod prescan;

use markup::{DATE_CLASSES, DATE_PUBLISHED_PROP, NOT_NESTING_ELEMENTS, RAW_TEXT_ELEMENTS};

pub use content::Params;
pub use dom::BlockKind;
pub use prescan::{
    prescan, MAX_ATTRS_PER_ELEMENT, MAX_OPEN_FORMATTING, MAX_ROOT_ATTRS, MAX_TOKENS,
};

/// Largest input handled; longer input is cut (at a char boundary) with a warning.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The warning given when a page holds no article text.
pub const NO_ARTICLE: &str = "no article found";

/// One block of the article, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// An extracted article: metadata, the body text and its block structure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    pub outlet: Option<String>,
    /// Primary language subtag (`en`), as declared by the page.
    pub language: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// The article body (no headline, no captions), paragraphs separated by a blank line.
    pub text: String,
    /// Every kept block (captions included) with its kind.
    pub blocks: Vec<Block>,
    pub warnings: Vec<String>,
}

impl Extracted {
    /// The `extract --format jsonl` object (the caller adds `path`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// Extraction options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub params: Params,
}

/// Extracts the article from an HTML page with the default options.
pub fn extract(html: &str) -> Extracted {
    extract_with(html, &Options::default())
}

/// Extracts the article from an HTML page.
pub fn extract_with(html: &str, opts: &Options) -> Extracted {
    extract_depth(html, opts, 0)
}

/// Where to close a `<title>` that has no closing tag anywhere: the end of its first
/// line or the next `<`, whichever comes first. `None` when the title is closed (or
/// there is none). Without this the HTML parser reads the rest of the page as title text.
fn unclosed_title(src: &str) -> Option<usize> {
    let head = &src.as_bytes()[..src.len().min(64 * 1024)];
    let open = find_ci(head, 0, b"<title")?;
    let gt = open + head[open..].iter().position(|&b| b == b'>')? + 1;
    if find_ci(src.as_bytes(), open, b"</title").is_some() {
        return None;
    }
    let rest = &src.as_bytes()[gt..];
    let end = rest
        .iter()
        .position(|&b| b == b'<' || b == b'\n')
        .unwrap_or(rest.len());
    Some(gt + end)
}

fn extract_depth(html: &str, opts: &Options, depth: u8) -> Extracted {
    let mut warnings = Vec::new();
    let mut src = html;
    if src.len() > MAX_INPUT_BYTES {
        let mut cut = MAX_INPUT_BYTES;
        while !src.is_char_boundary(cut) {
            cut -= 1;
        }
        src = &src[..cut];
        warnings.push(format!(
            "input larger than {MAX_INPUT_BYTES} bytes; only the first {cut} bytes were read"
        ));
    }
    // Caps on what makes the parser super-linear (attributes per element,
    // tokens per page, open formatting elements), each with a warning.
    let scanned = prescan::prescan(src);
    warnings.extend(scanned.warnings);
    let mut src: &str = &scanned.html;
    if let Some(cut) = depth_cut(src) {
        src = &src[..cut];
        warnings.push(format!(
            "HTML nested deeper than {MAX_SCAN_DEPTH} elements; the page was cut at byte {cut}"
        ));
    }
    let repaired;
    if let Some(at) = unclosed_title(src) {
        repaired = format!("{}</title>{}", &src[..at], &src[at..]);
        src = &repaired;
        warnings.push(
            "<title> is never closed (the page would read as all title); closed it at its first line"
                .to_string(),
        );
    }
    let doc = dom_query::Document::from(src);
    let walk = dom::walk(&doc);
    warnings.extend(walk.warnings.iter().cloned());
    let m = meta::collect(&walk.meta, &doc);
    let title = if m.title_from_tag {
        // `<title>` usually carries the site name: an `<h1>` it contains is the headline.
        let t = m.title.clone().unwrap_or_default();
        let tk = content::key(&t);
        // Bounded: a megabyte title against 100k headings would be quadratic.
        let headings = if tk.len() <= 4096 { 1_000 } else { 0 };
        walk.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading && b.level <= 2)
            .take(headings)
            .map(|b| b.text.replace('\n', " "))
            .find(|h| {
                let hk = content::key(h);
                hk.len() >= 4 && tk.contains(&hk)
            })
            .or_else(|| Some(meta::strip_site(&t)))
    } else {
        m.title.clone().or_else(|| first_h1(&walk))
    };
    let mut sel = content::select(&walk, title.as_deref(), &opts.params);
    if sel.no_article && depth == 0 {
        // Fallbacks: the post as HTML inside a script template, then JSON-LD articleBody.
        if !walk.meta.templates.is_empty() {
            let inner = extract_depth(&walk.meta.templates.join("\n"), opts, 1);
            if !inner.text.is_empty() {
                sel = content::Selection {
                    blocks: inner
                        .blocks
                        .into_iter()
                        .map(|b| content::Picked {
                            text: b.text,
                            kind: b.kind,
                        })
                        .collect(),
                    no_article: false,
                };
            }
        }
        if sel.no_article {
            if let Some(body) = &m.ld_body {
                sel = content::Selection {
                    blocks: body
                        .split('\n')
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| content::Picked {
                            text: l.to_string(),
                            kind: BlockKind::Paragraph,
                        })
                        .collect(),
                    no_article: false,
                };
            }
        }
    }
    let mut byline = m.byline;
    let mut blocks = Vec::with_capacity(sel.blocks.len());
    let mut text = String::new();
    for b in sel.blocks {
        if byline.is_empty() && content::byline_line(&b.text) {
            byline.push(b.text[3..].trim().to_string());
        }
        if b.kind != BlockKind::Caption {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&b.text);
        }
        blocks.push(Block {
            kind: b.kind,
            text: b.text,
        });
    }
    if sel.no_article {
        warnings.push(NO_ARTICLE.to_string());
    }
    let published = m.published.or_else(|| page_date(&walk, m.url.as_deref()));
    Extracted {
        title,
        byline,
        published,
        outlet: m.outlet,
        language: m.language,
        url: m.url,
        text,
        blocks,
        warnings,
    }
}

fn first_h1(w: &dom::Walk) -> Option<String> {
    w.blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading && b.level == 1)
        .map(|b| b.text.replace('\n', " "))
}

/// Nesting depth at which the page is cut before parsing: the HTML5 tree
/// builder's scope checks are linear in depth, so deep nests are quadratic.
pub const MAX_SCAN_DEPTH: usize = 1_500;

/// A cheap tag scan: the byte offset of the first start tag nested deeper than
/// [`MAX_SCAN_DEPTH`], if any. Void elements, self-closing tags and elements
/// with implied end tags (`p`, `li`, `td`, …) are not counted; comments and
/// raw-text elements (`script`, `style`, …) are skipped.
fn depth_cut(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        let Some(off) = b[i..].iter().position(|&c| c == b'<') else {
            break;
        };
        let at = i + off;
        i = at + 1;
        if b[i..].starts_with(b"!--") {
            match find(b, i + 3, b"-->") {
                Some(e) => i = e + 3,
                None => break,
            }
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let ns = if closing { i + 1 } else { i };
        let mut ne = ns;
        while ne < b.len() && (b[ne].is_ascii_alphanumeric() || b[ne] == b'-') {
            ne += 1;
        }
        if ne == ns || !b[ns].is_ascii_alphabetic() {
            continue;
        }
        let name = src[ns..ne].to_ascii_lowercase();
        let gt = match b[ne..].iter().position(|&c| c == b'>') {
            Some(p) => ne + p,
            None => break,
        };
        i = gt + 1;
        if NOT_NESTING_ELEMENTS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if b[..gt].ends_with(b"/") {
            continue;
        }
        if RAW_TEXT_ELEMENTS.contains(&name.as_str()) {
            let close = format!("</{name}");
            match find_ci(b, i, close.as_bytes()) {
                Some(e) => i = e,
                None => break,
            }
            continue;
        }
        depth += 1;
        if depth > MAX_SCAN_DEPTH {
            return Some(at);
        }
    }
    None
}

fn find(h: &[u8], from: usize, n: &[u8]) -> Option<usize> {
    if from >= h.len() {
        return None;
    }
    h[from..]
        .windows(n.len())
        .position(|w| w == n)
        .map(|p| p + from)
}

fn find_ci(h: &[u8], from: usize, n: &[u8]) -> Option<usize> {
    if from >= h.len() {
        return None;
    }
    h[from..]
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|p| p + from)
}

/// Date fallbacks: a `/2019/11/19/` path in the canonical URL, then a short
/// block inside an element named like a date (`date`, `time`, `posted`, …).
fn page_date(w: &dom::Walk, url: Option<&str>) -> Option<String> {
    if let Some(u) = url {
        let parts: Vec<&str> = u.split('/').collect();
        for win in parts.windows(3) {
            if win[0].len() == 4 && win[1].len() <= 2 && win[2].len() <= 2 {
                if let Some(d) = date::iso(&format!("{}-{:0>2}-{:0>2}", win[0], win[1], win[2])) {
                    return Some(d);
                }
            }
        }
    }
    for b in w.blocks.iter().take(2_000) {
        if b.elem == dom::NONE || b.text.len() > 120 {
            continue;
        }
        let e = &w.elems[b.elem as usize];
        let named = e
            .cls
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| DATE_CLASSES.contains(&t))
            || e.role.contains(DATE_PUBLISHED_PROP);
        if named {
            if let Some(d) = date::iso(&b.text) {
                return Some(d);
            }
        }
    }
    None
}

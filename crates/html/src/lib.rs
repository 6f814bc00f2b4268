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
mod meta;

pub use content::Params;
pub use dom::BlockKind;

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
    let doc = dom_query::Document::from(src);
    let walk = dom::walk(&doc);
    warnings.extend(walk.warnings.iter().cloned());
    let m = meta::collect(&walk.meta, &doc);
    let title = m.title.clone().or_else(|| first_h1(&walk));
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
    Extracted {
        title,
        byline,
        published: m.published,
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

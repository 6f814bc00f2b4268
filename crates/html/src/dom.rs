//! One iterative pass over the parsed DOM (html5ever via `dom_query`): a flat
//! list of elements (document order, parent links) and of text blocks, plus the
//! raw metadata signals. No recursion, so 100k nested elements are fine.

use dom_query::{Document, NodeData, NodeId, NodeRef};

use crate::markup::{is_comment_class, AUTHOR_CLASSES, KEPT_ATTRIBUTES, NEVER_TEXT_ELEMENTS};

pub(crate) const NONE: u32 = u32::MAX;

/// Element tags the extractor distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Body,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    P,
    H(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    Caption,
    Table,
    Tr,
    Td,
    Form,
    Address,
    Br,
    A,
    Time,
    Other,
    /// Inline or unknown elements that do not start a new block.
    Inline,
}

impl Tag {
    fn from_name(n: &str) -> (Tag, bool) {
        // (tag, starts a block)
        let t = match n {
            "html" => Tag::Html,
            "body" => Tag::Body,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" | "hgroup" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" | "menu" => Tag::Nav,
            "aside" => Tag::Aside,
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "caption" => Tag::Caption,
            "table" | "tbody" | "thead" | "tfoot" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "form" | "fieldset" => Tag::Form,
            "address" => Tag::Address,
            "br" => Tag::Br,
            "a" => Tag::A,
            "time" => Tag::Time,
            "center" | "hr" | "details" | "summary" | "legend" | "dialog" | "picture" => Tag::Other,
            _ => Tag::Inline,
        };
        let block = !matches!(t, Tag::Inline | Tag::A | Tag::Time | Tag::Br);
        (t, block)
    }
}

/// Elements whose content is never text a reader sees.
fn skipped(name: &str) -> bool {
    NEVER_TEXT_ELEMENTS.contains(&name)
}

#[derive(Debug)]
pub(crate) struct Elem {
    pub tag: Tag,
    pub parent: u32,
    /// Last element index inside this element's subtree (itself when empty).
    pub end: u32,
    /// Lower-cased `class` and `id` values joined by a space.
    pub cls: String,
    /// `itemprop` / `role` attribute values (lower-cased), for hints.
    pub role: String,
}

/// The kind of an extracted block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Blockquote,
    ListItem,
    Caption,
    Pre,
}

#[derive(Debug)]
pub(crate) struct RawBlock {
    /// Innermost block-level element holding the text.
    pub elem: u32,
    pub text: String,
    pub chars: u32,
    pub link_chars: u32,
    pub kind: BlockKind,
    /// Heading level for headings.
    pub level: u8,
}

#[derive(Debug, Default)]
pub(crate) struct RawMeta {
    /// (key lower-cased: `name`/`property`/`itemprop`/`http-equiv`, content)
    pub metas: Vec<(String, String)>,
    pub title: Option<String>,
    pub ld_json: Vec<String>,
    /// HTML held in `<script type="text/template">` and the like (JS-rendered posts).
    pub templates: Vec<String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    /// (datetime attribute or text, element index, published-like hint)
    pub times: Vec<(String, u32, bool)>,
    /// Elements marked as author/byline: (element index, node id).
    pub authors: Vec<(u32, NodeId, bool)>,
}

pub(crate) struct Walk {
    pub elems: Vec<Elem>,
    pub blocks: Vec<RawBlock>,
    pub meta: RawMeta,
    pub warnings: Vec<String>,
}

/// Deepest element the walk descends into; deeper content is ignored.
pub(crate) const MAX_DEPTH: u32 = 2_000;

struct Ctx {
    elem: u32,
    tag: Tag,
    block: bool,
}

struct Builder {
    elems: Vec<Elem>,
    blocks: Vec<RawBlock>,
    buf: String,
    chars: u32,
    link_chars: u32,
    pending_space: bool,
    /// Open ancestor counts that decide a block's kind.
    in_a: u32,
    in_pre: u32,
    in_caption: u32,
    in_quote: u32,
    in_li: u32,
    in_h: u32,
    h_level: u8,
    cur_elem: u32,
}

impl Builder {
    fn flush(&mut self) {
        let text = self.buf.trim_end();
        if self.chars > 0 && !text.is_empty() {
            let kind = if self.in_pre > 0 {
                BlockKind::Pre
            } else if self.in_caption > 0 {
                BlockKind::Caption
            } else if self.in_h > 0 {
                BlockKind::Heading
            } else if self.in_quote > 0 {
                BlockKind::Blockquote
            } else if self.in_li > 0 {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            self.blocks.push(RawBlock {
                elem: self.cur_elem,
                text: text.to_string(),
                chars: self.chars,
                link_chars: self.link_chars,
                kind,
                level: if kind == BlockKind::Heading {
                    self.h_level
                } else {
                    0
                },
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = false;
    }

    fn push_text(&mut self, s: &str) {
        if self.in_pre > 0 {
            for c in s.chars() {
                if c == '\0' || (c.is_control() && c != '\n' && c != '\t') {
                    continue;
                }
                self.buf.push(c);
                if !c.is_whitespace() {
                    self.chars += 1;
                    if self.in_a > 0 {
                        self.link_chars += 1;
                    }
                }
            }
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if c.is_control()
                || matches!(
                    c,
                    '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' | '\u{2060}'
                )
            {
                continue;
            }
            if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push(c);
            self.chars += 1;
            if self.in_a > 0 {
                self.link_chars += 1;
            }
        }
    }

    fn line_break(&mut self) {
        if self.in_pre > 0 {
            self.buf.push('\n');
        } else if !self.buf.is_empty() && !self.buf.ends_with('\n') {
            // keep the line break; paragraphs split on it later
            let t = self.buf.trim_end().len();
            self.buf.truncate(t);
            self.buf.push('\n');
        }
        self.pending_space = false;
    }
}

fn attr_of(e: &dom_query::Element, name: &str) -> Option<String> {
    e.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| a.value.to_string())
}

fn hidden(e: &dom_query::Element) -> bool {
    for a in &e.attrs {
        match &*a.name.local {
            "hidden" => return true,
            "aria-hidden" if a.value.trim().eq_ignore_ascii_case("true") => {}
            "style" => {
                let v: String = a
                    .value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if v.contains("display:none") || v.contains("visibility:hidden") {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// What the walk needs from one node, read under a single borrow.
enum Info {
    Text(String),
    Elem {
        name: String,
        first: Option<NodeId>,
        attrs: Vec<(String, String)>,
        hidden: bool,
    },
    Container(Option<NodeId>),
    Skip,
}

pub(crate) fn walk(doc: &Document) -> Walk {
    let tree = &doc.tree;
    let mut b = Builder {
        elems: Vec::new(),
        blocks: Vec::new(),
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        pending_space: false,
        in_a: 0,
        in_pre: 0,
        in_caption: 0,
        in_quote: 0,
        in_li: 0,
        in_h: 0,
        h_level: 0,
        cur_elem: NONE,
    };
    let mut meta = RawMeta::default();
    let mut warnings = Vec::new();
    // Stack of open elements (for exit handling) and of nodes to visit.
    let mut open: Vec<Ctx> = Vec::new();
    // (node, depth of the open stack when it is visited)
    let mut todo: Vec<(NodeId, usize)> = Vec::new();
    let root = doc.root();
    todo.push((root.id, 0));
    let mut depth_warned = false;
    // Block element stack for cur_elem restoration.
    let mut block_stack: Vec<u32> = Vec::new();

    while let Some((id, level)) = todo.pop() {
        // Close elements deeper than this node's level.
        while open.len() > level {
            let ctx = open.pop().unwrap();
            close(&mut b, &ctx, &mut block_stack);
            let last = b.elems.len() as u32 - 1;
            b.elems[ctx.elem as usize].end = last;
        }
        let node = NodeRef::new(id, tree);
        let info = node
            .query(|n| match &n.data {
                NodeData::Text { contents } => Info::Text(contents.to_string()),
                NodeData::Element(e) => {
                    let name = e.name.local.to_string();
                    let attrs = match name.as_str() {
                        "meta" | "link" | "html" | "time" | "script" => e
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect(),
                        _ => {
                            let mut v = Vec::new();
                            for k in KEPT_ATTRIBUTES {
                                if let Some(x) = attr_of(e, k) {
                                    v.push((k.to_string(), x));
                                }
                            }
                            v
                        }
                    };
                    Info::Elem {
                        name,
                        first: n.first_child,
                        attrs,
                        hidden: hidden(e),
                    }
                }
                NodeData::Document | NodeData::Fragment => Info::Container(n.first_child),
                _ => Info::Skip,
            })
            .unwrap_or(Info::Skip);
        match info {
            Info::Skip => {}
            Info::Text(t) => {
                if b.cur_elem != NONE {
                    b.push_text(&t);
                }
            }
            Info::Container(first) => push_children(tree, first, level, &mut todo),
            Info::Elem {
                name,
                first,
                attrs,
                hidden,
            } => {
                let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                // Metadata signals, wherever they are.
                match name.as_str() {
                    "meta" => {
                        let key = get("property")
                            .or_else(|| get("name"))
                            .or_else(|| get("itemprop"))
                            .or_else(|| get("http-equiv"));
                        if let (Some(k), Some(c)) = (key, get("content")) {
                            meta.metas
                                .push((k.trim().to_ascii_lowercase(), c.to_string()));
                        }
                        continue;
                    }
                    "link" => {
                        if get("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                            if let Some(h) = get("href") {
                                meta.canonical.get_or_insert_with(|| h.trim().to_string());
                            }
                        }
                        continue;
                    }
                    "html" => {
                        if let Some(l) = get("lang").or_else(|| get("xml:lang")) {
                            meta.html_lang = Some(l.trim().to_string());
                        }
                    }
                    "script" => {
                        if get("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
                            let txt = node.text().to_string();
                            if txt.len() < 2_000_000 {
                                meta.ld_json.push(txt);
                            }
                        } else if get("type").is_some_and(|t| {
                            let t = t.to_ascii_lowercase();
                            t.contains("template") || t == "text/html"
                        }) && meta.templates.len() < 4
                        {
                            let txt = node.text().to_string();
                            if txt.len() > 200 && txt.contains("<p") {
                                meta.templates.push(txt);
                            }
                        }
                        continue;
                    }
                    "title" => {
                        if meta.title.is_none() {
                            meta.title = Some(node.text().to_string());
                        }
                        continue;
                    }
                    _ => {}
                }
                if skipped(&name) || hidden {
                    continue;
                }
                if open.len() as u32 >= MAX_DEPTH {
                    if !depth_warned {
                        warnings.push(format!(
                            "DOM nested deeper than {MAX_DEPTH} elements; deeper content ignored"
                        ));
                        depth_warned = true;
                    }
                    continue;
                }
                let (tag, is_block) = Tag::from_name(&name);
                let idx = b.elems.len() as u32;
                let parent = open.last().map(|c| c.elem).unwrap_or(NONE);
                let mut cls = String::new();
                let mut role = String::new();
                for (k, v) in &attrs {
                    match k.as_str() {
                        "class" | "id" => {
                            if !cls.is_empty() {
                                cls.push(' ');
                            }
                            cls.push_str(&v.to_ascii_lowercase());
                        }
                        "itemprop" | "rel" | "role" => {
                            if !role.is_empty() {
                                role.push(' ');
                            }
                            role.push_str(&v.to_ascii_lowercase());
                        }
                        _ => {}
                    }
                }
                if tag == Tag::Time {
                    let dt = get("datetime").map(str::to_string);
                    let hint = role.contains("datepublished")
                        || cls.contains("publish")
                        || get("pubdate").is_some();
                    if meta.times.len() < 50 {
                        // (the text only when kept: nested <time>s would be quadratic)
                        let v = dt.unwrap_or_else(|| node.text().to_string());
                        meta.times.push((v, idx, hint));
                    }
                }
                let authorish = role.split(' ').any(|r| r == "author")
                    || cls
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|t| AUTHOR_CLASSES.contains(&t));
                // Not a commenter's name or a form label (the ancestors are
                // looked at only while authors are still wanted).
                let in_comments = authorish
                    && meta.authors.len() < 20
                    && open.iter().any(|c| {
                        let e = &b.elems[c.elem as usize];
                        e.tag == Tag::Form
                            || !matches!(e.tag, Tag::Body | Tag::Html)
                                && e.cls
                                    .split(|c: char| !c.is_ascii_alphanumeric())
                                    .any(is_comment_class)
                    });
                if authorish && !in_comments && meta.authors.len() < 20 {
                    meta.authors.push((idx, id, role.contains("author")));
                }
                if tag == Tag::Br {
                    b.line_break();
                    continue;
                }
                if is_block {
                    b.flush();
                }
                b.elems.push(Elem {
                    tag,
                    parent,
                    end: idx,
                    cls,
                    role,
                });
                match tag {
                    Tag::A => b.in_a += 1,
                    Tag::Pre => b.in_pre += 1,
                    Tag::Figcaption | Tag::Caption => b.in_caption += 1,
                    Tag::Blockquote => b.in_quote += 1,
                    Tag::Li | Tag::Dt | Tag::Dd => b.in_li += 1,
                    Tag::H(l) => {
                        b.in_h += 1;
                        b.h_level = l;
                    }
                    _ => {}
                }
                if is_block {
                    block_stack.push(b.cur_elem);
                    b.cur_elem = idx;
                }
                open.push(Ctx {
                    elem: idx,
                    tag,
                    block: is_block,
                });
                push_children(tree, first, open.len(), &mut todo);
            }
        }
    }
    while let Some(ctx) = open.pop() {
        close(&mut b, &ctx, &mut block_stack);
        let last = b.elems.len() as u32 - 1;
        b.elems[ctx.elem as usize].end = last;
    }
    b.flush();
    Walk {
        elems: b.elems,
        blocks: b.blocks,
        meta,
        warnings,
    }
}

fn close(b: &mut Builder, ctx: &Ctx, block_stack: &mut Vec<u32>) {
    if ctx.block {
        b.flush();
        b.cur_elem = block_stack.pop().unwrap_or(NONE);
    }
    match ctx.tag {
        Tag::A => b.in_a = b.in_a.saturating_sub(1),
        Tag::Pre => b.in_pre = b.in_pre.saturating_sub(1),
        Tag::Figcaption | Tag::Caption => b.in_caption = b.in_caption.saturating_sub(1),
        Tag::Blockquote => b.in_quote = b.in_quote.saturating_sub(1),
        Tag::Li | Tag::Dt | Tag::Dd => b.in_li = b.in_li.saturating_sub(1),
        Tag::H(_) => b.in_h = b.in_h.saturating_sub(1),
        _ => {}
    }
}

fn push_children(
    tree: &dom_query::Tree,
    first: Option<NodeId>,
    level: usize,
    todo: &mut Vec<(NodeId, usize)>,
) {
    let start = todo.len();
    let mut cur = first;
    while let Some(id) = cur {
        todo.push((id, level));
        cur = NodeRef::new(id, tree).query(|n| n.next_sibling).flatten();
    }
    todo[start..].reverse();
}

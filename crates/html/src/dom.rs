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

/// Largest JSON-LD script kept (bytes); bigger ones are not metadata.
const MAX_LD_JSON_BYTES: usize = 2_000_000;
/// Most `<script type="text/template">` bodies kept.
const MAX_TEMPLATES: usize = 4;
/// A template shorter than this (bytes) holds no article.
const MIN_TEMPLATE_BYTES: usize = 200;
/// Most `<time>` elements kept.
const MAX_TIMES: usize = 50;
/// Most byline-like elements kept.
const MAX_AUTHORS: usize = 20;

impl Builder {
    fn new() -> Self {
        Builder {
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
        }
    }

    /// Counts an opened element among the ancestors that decide a block's kind.
    fn enter(&mut self, tag: Tag) {
        match tag {
            Tag::A => self.in_a += 1,
            Tag::Pre => self.in_pre += 1,
            Tag::Figcaption | Tag::Caption => self.in_caption += 1,
            Tag::Blockquote => self.in_quote += 1,
            Tag::Li | Tag::Dt | Tag::Dd => self.in_li += 1,
            Tag::H(l) => {
                self.in_h += 1;
                self.h_level = l;
            }
            _ => {}
        }
    }
}

/// Reads what the walk needs from one node, under a single borrow.
fn read_node(node: &NodeRef) -> Info {
    node.query(|n| match &n.data {
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
    .unwrap_or(Info::Skip)
}

/// The value of attribute `k` among the attributes read for an element.
fn get<'a>(attrs: &'a [(String, String)], k: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// Lower-cased `class`/`id` values and `itemprop`/`rel`/`role` values, each
/// joined by spaces.
fn class_and_role(attrs: &[(String, String)]) -> (String, String) {
    let mut cls = String::new();
    let mut role = String::new();
    for (k, v) in attrs {
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
    (cls, role)
}

/// An element read for the walk.
struct ElementNode<'n> {
    id: NodeId,
    node: NodeRef<'n>,
    name: String,
    first: Option<NodeId>,
    attrs: Vec<(String, String)>,
    hidden: bool,
}

/// The walk's state: the builder, the open elements and the nodes to visit.
struct Walker<'d> {
    tree: &'d dom_query::Tree,
    b: Builder,
    meta: RawMeta,
    warnings: Vec<String>,
    /// Stack of open elements (for exit handling).
    open: Vec<Ctx>,
    /// Nodes to visit: (node, depth of the open stack when it is visited).
    todo: Vec<(NodeId, usize)>,
    depth_warned: bool,
    /// Block element stack for cur_elem restoration.
    block_stack: Vec<u32>,
}

pub(crate) fn walk(doc: &Document) -> Walk {
    let mut w = Walker {
        tree: &doc.tree,
        b: Builder::new(),
        meta: RawMeta::default(),
        warnings: Vec::new(),
        open: Vec::new(),
        todo: Vec::new(),
        depth_warned: false,
        block_stack: Vec::new(),
    };
    w.todo.push((doc.root().id, 0));
    while let Some((id, level)) = w.todo.pop() {
        w.close_deeper_than(level);
        let node = NodeRef::new(id, w.tree);
        match read_node(&node) {
            Info::Skip => {}
            Info::Text(t) => {
                if w.b.cur_elem != NONE {
                    w.b.push_text(&t);
                }
            }
            Info::Container(first) => push_children(w.tree, first, level, &mut w.todo),
            Info::Elem {
                name,
                first,
                attrs,
                hidden,
            } => w.element(ElementNode {
                id,
                node,
                name,
                first,
                attrs,
                hidden,
            }),
        }
    }
    w.close_deeper_than(0);
    w.b.flush();
    Walk {
        elems: w.b.elems,
        blocks: w.b.blocks,
        meta: w.meta,
        warnings: w.warnings,
    }
}

impl Walker<'_> {
    /// Closes the open elements deeper than `level`.
    fn close_deeper_than(&mut self, level: usize) {
        while self.open.len() > level {
            let Some(ctx) = self.open.pop() else { break };
            close(&mut self.b, &ctx, &mut self.block_stack);
            let last = self.b.elems.len() as u32 - 1;
            self.b.elems[ctx.elem as usize].end = last;
        }
    }

    /// Visits one element: its metadata, then (when it is shown and not too
    /// deep) the element itself and its children.
    fn element(&mut self, e: ElementNode) {
        if self.metadata_only(&e) {
            return;
        }
        if skipped(&e.name) || e.hidden {
            return;
        }
        if self.too_deep() {
            return;
        }
        let (tag, is_block) = Tag::from_name(&e.name);
        let idx = self.b.elems.len() as u32;
        let parent = self.open.last().map(|c| c.elem).unwrap_or(NONE);
        let (cls, role) = class_and_role(&e.attrs);
        if tag == Tag::Time {
            self.time(&e, &cls, &role, idx);
        }
        self.author(&e, &cls, &role, idx);
        if tag == Tag::Br {
            self.b.line_break();
            return;
        }
        if is_block {
            self.b.flush();
        }
        self.b.elems.push(Elem {
            tag,
            parent,
            end: idx,
            cls,
            role,
        });
        self.b.enter(tag);
        if is_block {
            self.block_stack.push(self.b.cur_elem);
            self.b.cur_elem = idx;
        }
        self.open.push(Ctx {
            elem: idx,
            tag,
            block: is_block,
        });
        push_children(self.tree, e.first, self.open.len(), &mut self.todo);
    }

    /// Records the metadata signals of `<meta>`, `<link>`, `<html>`, `<script>`
    /// and `<title>`, wherever they are; true when the element is nothing else.
    fn metadata_only(&mut self, e: &ElementNode) -> bool {
        let get = |k: &str| get(&e.attrs, k);
        let meta = &mut self.meta;
        match e.name.as_str() {
            "meta" => {
                let key = get("property")
                    .or_else(|| get("name"))
                    .or_else(|| get("itemprop"))
                    .or_else(|| get("http-equiv"));
                if let (Some(k), Some(c)) = (key, get("content")) {
                    meta.metas
                        .push((k.trim().to_ascii_lowercase(), c.to_string()));
                }
                true
            }
            "link" => {
                if get("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                    if let Some(h) = get("href") {
                        meta.canonical.get_or_insert_with(|| h.trim().to_string());
                    }
                }
                true
            }
            "html" => {
                if let Some(l) = get("lang").or_else(|| get("xml:lang")) {
                    meta.html_lang = Some(l.trim().to_string());
                }
                false
            }
            "script" => {
                self.script(e);
                true
            }
            "title" => {
                if meta.title.is_none() {
                    meta.title = Some(e.node.text().to_string());
                }
                true
            }
            _ => false,
        }
    }

    /// Keeps a JSON-LD script, or an HTML template that holds paragraphs.
    fn script(&mut self, e: &ElementNode) {
        let get = |k: &str| get(&e.attrs, k);
        let meta = &mut self.meta;
        if get("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
            let txt = e.node.text().to_string();
            if txt.len() < MAX_LD_JSON_BYTES {
                meta.ld_json.push(txt);
            }
        } else if get("type").is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t.contains("template") || t == "text/html"
        }) && meta.templates.len() < MAX_TEMPLATES
        {
            let txt = e.node.text().to_string();
            if txt.len() > MIN_TEMPLATE_BYTES && txt.contains("<p") {
                meta.templates.push(txt);
            }
        }
    }

    /// True when the open elements are at [`MAX_DEPTH`] (warns once).
    fn too_deep(&mut self) -> bool {
        if self.open.len() as u32 >= MAX_DEPTH {
            if !self.depth_warned {
                self.warnings.push(format!(
                    "DOM nested deeper than {MAX_DEPTH} elements; deeper content ignored"
                ));
                self.depth_warned = true;
            }
            return true;
        }
        false
    }

    /// Records a `<time>` element's date and whether it looks like the
    /// publication date.
    fn time(&mut self, e: &ElementNode, cls: &str, role: &str, idx: u32) {
        let get = |k: &str| get(&e.attrs, k);
        let dt = get("datetime").map(str::to_string);
        let hint =
            role.contains("datepublished") || cls.contains("publish") || get("pubdate").is_some();
        if self.meta.times.len() < MAX_TIMES {
            // (the text only when kept: nested <time>s would be quadratic)
            let v = dt.unwrap_or_else(|| e.node.text().to_string());
            self.meta.times.push((v, idx, hint));
        }
    }

    /// Records an element marked as the author's, unless it sits in comments
    /// or a form.
    fn author(&mut self, e: &ElementNode, cls: &str, role: &str, idx: u32) {
        let authorish = role.split(' ').any(|r| r == "author")
            || cls
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| AUTHOR_CLASSES.contains(&t));
        // Not a commenter's name or a form label (the ancestors are
        // looked at only while authors are still wanted).
        let in_comments = authorish
            && self.meta.authors.len() < MAX_AUTHORS
            && self.open.iter().any(|c| {
                let e = &self.b.elems[c.elem as usize];
                e.tag == Tag::Form
                    || !matches!(e.tag, Tag::Body | Tag::Html)
                        && e.cls
                            .split(|c: char| !c.is_ascii_alphanumeric())
                            .any(is_comment_class)
            });
        if authorish && !in_comments && self.meta.authors.len() < MAX_AUTHORS {
            self.meta.authors.push((idx, e.id, role.contains("author")));
        }
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

//! HTML → blocks with a real HTML5 parser (`dom_query`), iteratively (no
//! recursion, so deeply nested pages cannot overflow the stack).

use dom_query::{Document, NodeRef};
use unspin_doc::{Doc, Meta, Paragraph, ParagraphKind, Span};

use crate::{assemble, chrome, dates, guess_language, normalize_ws, Block};

use unspin_html::markup::{
    BLOCK_ELEMENTS, FULL_PAGE_SKIPPED_ELEMENTS, NEVER_TEXT_ELEMENTS, NOT_NESTING_ELEMENTS,
    RAW_TEXT_ELEMENTS,
};

fn name_of(n: &NodeRef) -> String {
    n.node_name().map(|s| s.to_string()).unwrap_or_default()
}

#[derive(Default)]
struct HeadMeta {
    title_tag: Option<String>,
    og_title: Option<String>,
    ld_headline: Option<String>,
    first_h1: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

fn set(slot: &mut Option<String>, v: &str) {
    let v = normalize_ws(v);
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v);
    }
}

fn iso_date(v: &str) -> Option<String> {
    let v = v.trim();
    if v.len() >= 10 && v.is_char_boundary(10) && dates::parse_date(&v[..10]).is_some() {
        // Already ISO 8601 (date or date-time): keep it whole.
        if v.bytes().all(|b| b.is_ascii_graphic()) && v.len() <= 40 {
            return Some(v.to_string());
        }
        return dates::parse_date(v);
    }
    dates::parse_date(v)
}

fn add_author(hm: &mut HeadMeta, v: &str) {
    let v = normalize_ws(v);
    if v.is_empty() || v.starts_with("http") || v.contains('@') || v.len() > 120 {
        return;
    }
    for part in v
        .split(", ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
    {
        let p = part
            .trim()
            .trim_start_matches("By ")
            .trim_start_matches("by ")
            .trim();
        if !p.is_empty() && chrome::word_count(p) <= 5 && !hm.authors.iter().any(|a| a == p) {
            hm.authors.push(p.to_string());
        }
    }
}

/// Fields of schema.org JSON-LD (Article / NewsArticle / BlogPosting, or any
/// object with a headline, possibly inside `@graph` or an array).
fn read_json_ld(hm: &mut HeadMeta, src: &str) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(src.trim()) else {
        return;
    };
    let mut stack = vec![&v];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 1000 {
            break;
        }
        match v {
            serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                let Some(h) = o.get("headline").and_then(|h| h.as_str()) else {
                    continue;
                };
                set(&mut hm.ld_headline, h);
                if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                    if hm.published.is_none() {
                        hm.published = iso_date(d);
                    }
                }
                match o.get("author") {
                    Some(serde_json::Value::String(s)) => add_author(hm, s),
                    Some(serde_json::Value::Object(a)) => {
                        if let Some(n) = a.get("name").and_then(|n| n.as_str()) {
                            add_author(hm, n);
                        }
                    }
                    Some(serde_json::Value::Array(list)) => {
                        for a in list {
                            match a {
                                serde_json::Value::String(s) => add_author(hm, s),
                                serde_json::Value::Object(a) => {
                                    if let Some(n) = a.get("name").and_then(|n| n.as_str()) {
                                        add_author(hm, n);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
                if let Some(n) = o
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                {
                    set(&mut hm.outlet, n);
                }
            }
            _ => {}
        }
    }
}

/// One `<meta>` field by its (lower-cased) property / name / itemprop.
fn meta_field(hm: &mut HeadMeta, key: &str, content: &str) {
    match key {
        "og:title" | "twitter:title" => set(&mut hm.og_title, content),
        "og:site_name" | "application-name" => set(&mut hm.outlet, content),
        "og:url" => set(&mut hm.url, content),
        "author" | "article:author" | "sailthru.author" | "parsely-author" | "dc.creator"
        | "byl" => add_author(hm, content),
        "article:published_time"
        | "article:published"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.date"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "og:published_time"
            if hm.published.is_none() =>
        {
            hm.published = iso_date(content);
        }
        _ => {}
    }
}

/// Pass 1: metadata from the whole page.
fn scan(root: &NodeRef) -> HeadMeta {
    let mut hm = HeadMeta::default();
    let mut stack = vec![root.clone()];
    while let Some(n) = stack.pop() {
        if n.is_element() {
            let name = name_of(&n);
            match name.as_str() {
                "html" => {
                    if let Some(l) = n.attr("lang").or_else(|| n.attr("xml:lang")) {
                        let primary = l.split(['-', '_']).next().unwrap_or("").to_lowercase();
                        if (2..=3).contains(&primary.len()) {
                            hm.lang.get_or_insert(primary);
                        }
                    }
                }
                "title" => {
                    if hm.title_tag.is_none() {
                        set(&mut hm.title_tag, &n.text());
                    }
                    continue;
                }
                "h1" if hm.first_h1.is_none() => set(&mut hm.first_h1, &n.text()),
                "meta" => {
                    let content = n.attr("content").map(|c| c.to_string()).unwrap_or_default();
                    let mut keys: Vec<String> = Vec::new();
                    for a in ["property", "name", "itemprop"] {
                        if let Some(v) = n.attr(a) {
                            keys.extend(v.split_whitespace().map(|k| k.to_lowercase()));
                        }
                    }
                    for key in keys {
                        meta_field(&mut hm, &key, &content);
                    }
                    continue;
                }
                "time" => {
                    let published = n
                        .attr("itemprop")
                        .is_some_and(|v| v.contains("datePublished"))
                        || n.has_attr("pubdate");
                    if published && hm.published.is_none() {
                        if let Some(dt) = n.attr("datetime") {
                            hm.published = iso_date(&dt);
                        }
                    }
                }
                "link" => {
                    if n.attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        if let Some(h) = n.attr("href") {
                            hm.url = Some(h.trim().to_string());
                        }
                    }
                    continue;
                }
                "script" => {
                    if n.attr("type")
                        .is_some_and(|t| t.to_lowercase().contains("ld+json"))
                    {
                        read_json_ld(&mut hm, &n.text());
                    }
                    continue;
                }
                "style" | "noscript" | "template" | "svg" => continue,
                _ => {}
            }
        }
        let mut child = n.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            stack.push(c);
        }
    }
    hm
}

enum Ev<'a> {
    Enter(NodeRef<'a>),
    ExitBlock,
}

/// Pass 2: the page's text as blocks, each with the paragraph kind of its element.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    buf: String,
    kinds: Vec<ParagraphKind>,
}

impl Walker {
    fn flush(&mut self) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return;
        }
        let lines: Vec<String> = self
            .buf
            .split('\n')
            .map(normalize_ws)
            .filter(|l| !l.is_empty())
            .collect();
        let kind = *self.kinds.last().unwrap_or(&ParagraphKind::Body);
        if !lines.is_empty() {
            self.blocks.push(Block {
                lines,
                hint: Some(kind),
                linky: false,
                gap: 0,
            });
        }
        self.buf.clear();
    }

    fn kind_for(&self, name: &str) -> ParagraphKind {
        let parent = self.kinds.last().copied();
        match name {
            "h1" => ParagraphKind::Title,
            "h2" | "h3" | "h4" | "h5" | "h6" => ParagraphKind::Heading,
            "figcaption" | "caption" => ParagraphKind::Caption,
            "blockquote" => ParagraphKind::Blockquote,
            "li" | "dd" | "dt" => match parent {
                Some(ParagraphKind::Blockquote) => ParagraphKind::Blockquote,
                _ => ParagraphKind::ListItem,
            },
            _ => match parent {
                Some(
                    k @ (ParagraphKind::Blockquote
                    | ParagraphKind::Caption
                    | ParagraphKind::ListItem),
                ) => k,
                _ => ParagraphKind::Body,
            },
        }
    }

    fn walk<'a>(&mut self, root: NodeRef<'a>) {
        let mut stack = vec![Ev::Enter(root)];
        while let Some(ev) = stack.pop() {
            match ev {
                Ev::ExitBlock => {
                    self.flush();
                    self.kinds.pop();
                }
                Ev::Enter(n) => {
                    if n.is_text() {
                        self.buf.push_str(&n.text());
                        continue;
                    }
                    if n.is_element() {
                        let name = name_of(&n);
                        if NEVER_TEXT_ELEMENTS.contains(&name.as_str())
                            || FULL_PAGE_SKIPPED_ELEMENTS.contains(&name.as_str())
                        {
                            continue;
                        }
                        if name == "br" {
                            self.buf.push('\n');
                            continue;
                        }
                        if BLOCK_ELEMENTS.contains(&name.as_str()) {
                            self.flush();
                            let k = self.kind_for(&name);
                            self.kinds.push(k);
                            stack.push(Ev::ExitBlock);
                        } else if matches!(name.as_str(), "img" | "wbr") {
                            continue;
                        } else {
                            // Inline elements: keep words apart across tags like <td>.
                        }
                    } else if !n.is_document() && !n.is_fragment() {
                        continue;
                    }
                    let mut child = n.last_child();
                    while let Some(c) = child {
                        child = c.prev_sibling();
                        stack.push(Ev::Enter(c));
                    }
                }
            }
        }
        self.flush();
    }
}

/// Strips a " | Site Name" / " - Site" suffix from a `<title>`.
fn clean_title_tag(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if chrome::word_count(tail) <= 5 && chrome::word_count(head) >= 3 {
                return head.trim().to_string();
            }
        }
    }
    t.trim().to_string()
}

fn words_lower(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn pick_title(hm: &HeadMeta) -> Option<String> {
    let meta_title = hm
        .og_title
        .clone()
        .or_else(|| hm.ld_headline.clone())
        .or_else(|| hm.title_tag.as_deref().map(clean_title_tag));
    if let Some(h1) = &hm.first_h1 {
        if chrome::word_count(h1) >= 2 {
            match &meta_title {
                Some(m) => {
                    let a = words_lower(h1);
                    let b = words_lower(m);
                    let common = a.intersection(&b).count();
                    if common * 2 >= a.len().min(b.len()).max(1) {
                        return Some(h1.clone());
                    }
                }
                None if chrome::word_count(h1) >= 3 => return Some(h1.clone()),
                None => {}
            }
        }
    }
    meta_title
        .map(|m| clean_title_tag(&m))
        .filter(|m| !m.is_empty())
}

/// Deepest element nesting handed to the HTML parser. html5ever's scope checks
/// make parsing quadratic in nesting depth, so deeper nesting is flattened first.
pub const MAX_NESTING: usize = 512;

/// One tag found by [`scan_tags`]: byte range, lower-cased name, end tag or not.
struct Tag {
    start: usize,
    end: usize,
    name: String,
    closing: bool,
}

/// A cheap tag scanner (no allocation per text byte); skips comments and raw-text
/// element content. Calls `f` for each tag.
fn scan_tags(src: &str, mut f: impl FnMut(Tag)) {
    let b = src.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        if b[lt..].starts_with(b"<!--") {
            i = match src[lt + 4..].find("-->") {
                Some(e) => lt + 4 + e + 3,
                None => b.len(),
            };
            continue;
        }
        let closing = b.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + closing as usize;
        let mut j = name_start;
        while j < b.len()
            && (b[j].is_ascii_alphanumeric() || b[j] == b'!' || b[j] == b'-' || b[j] == b':')
        {
            j += 1;
        }
        if j == name_start || !b[name_start].is_ascii_alphabetic() && b[name_start] != b'!' {
            i = lt + 1;
            continue;
        }
        let name = src[name_start..j].to_ascii_lowercase();
        let end = match src[j..].find('>') {
            Some(e) => j + e + 1,
            None => b.len(),
        };
        let raw = !closing && RAW_TEXT_ELEMENTS.contains(&name.as_str());
        f(Tag {
            start: lt,
            end,
            name: name.clone(),
            closing,
        });
        i = end;
        if raw {
            let close = format!("</{name}");
            let lower_tail = &src[i..];
            i = match find_ci(lower_tail, &close) {
                Some(e) => i + e,
                None => b.len(),
            };
        }
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Removes start/end tags nested deeper than [`MAX_NESTING`] (keeping their
/// text), so that parsing stays fast. `None` when the page is shallow enough.
fn flatten_deep(src: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut max = 0usize;
    scan_tags(src, |t| {
        if NOT_NESTING_ELEMENTS.contains(&t.name.as_str()) || src[t.start..t.end].ends_with("/>") {
            return;
        }
        if t.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    });
    if max <= MAX_NESTING {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut last = 0;
    let mut depth = 0usize;
    let mut suppressed = 0usize;
    scan_tags(src, |t| {
        if NOT_NESTING_ELEMENTS.contains(&t.name.as_str()) || src[t.start..t.end].ends_with("/>") {
            return;
        }
        let drop = if t.closing {
            if suppressed > 0 {
                suppressed -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_NESTING {
            suppressed += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&src[last..t.start]);
            out.push(' ');
            last = t.end;
        }
    });
    out.push_str(&src[last..]);
    Some(out)
}

/// HTML → document. Cleaning (`clean`) goes through the main-content extractor
/// (`unspin-html`); without it every block of text on the page is kept, in order.
pub fn extract(src: &str, clean: bool) -> Doc {
    let flat = flatten_deep(src);
    let deep = flat
        .is_some()
        .then(|| format!("HTML nested deeper than {MAX_NESTING} elements; inner tags ignored"));
    let src = flat.as_deref().unwrap_or(src);
    if clean {
        let mut doc = from_main_content(unspin_html::extract(src));
        doc.warnings.extend(deep);
        return doc;
    }
    unclean(src, deep)
}

/// Every block of text on the page (`--no-clean`): headings and the `<h1>` as
/// headings, everything else as body paragraphs, with the page's metadata.
/// `deep` is the warning that the page was flattened, if it was.
fn unclean(src: &str, deep: Option<String>) -> Doc {
    // The parser's super-linear inputs are capped here too (attributes per
    // element, tokens per page), with their warnings.
    let scanned = unspin_html::prescan(src);
    let src: &str = &scanned.html;
    let document = Document::from(src);
    let root = document.root();
    let hm = scan(&root);
    let title = pick_title(&hm);
    let mut walker = Walker::default();
    walker.walk(root);
    let mut doc = Doc {
        meta: Meta {
            title,
            byline: hm.authors,
            published: hm.published,
            outlet: hm.outlet,
            language: hm.lang,
            url: hm.url,
        },
        ..Default::default()
    };
    let mut text = String::new();
    for b in walker.blocks {
        let kind = match b.hint {
            None => ParagraphKind::Body,
            Some(ParagraphKind::Title) => ParagraphKind::Heading,
            Some(k) => k,
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let s = text.len();
        text.push_str(&b.lines.join(" "));
        doc.paragraphs.push(Paragraph {
            span: Span::new(s, text.len()),
            kind,
        });
    }
    doc.text = text;
    let has_body = doc.paragraphs.iter().any(|p| {
        !matches!(
            p.kind,
            ParagraphKind::Title | ParagraphKind::Heading | ParagraphKind::Caption
        )
    });
    if !has_body {
        doc.text.clear();
        doc.paragraphs.clear();
        doc.warnings.push("no article found".to_string());
    }
    if doc.meta.language.is_none() {
        doc.meta.language = guess_language(&doc.text);
    }
    doc.warnings.extend(deep);
    doc.warnings.extend(scanned.warnings);
    doc
}

/// Builds the document from the main-content extractor's article (`unspin-html`):
/// its headline leads the text as the title paragraph, its blocks keep their kinds
/// (block quotes stay quoted material, captions become chrome), and the chrome
/// rules of the text path still run over every block.
fn from_main_content(x: unspin_html::Extracted) -> Doc {
    use unspin_html::BlockKind;
    let meta = Meta {
        title: x.title.clone(),
        byline: x.byline.clone(),
        published: x.published.clone(),
        outlet: x.outlet.clone(),
        language: x.language.clone(),
        url: x.url.clone(),
    };
    let mut blocks: Vec<Block> = Vec::with_capacity(x.blocks.len() + 1);
    if let Some(t) = &x.title {
        blocks.push(Block {
            lines: vec![t.clone()],
            hint: Some(ParagraphKind::Title),
            linky: false,
            gap: 0,
        });
    }
    for b in &x.blocks {
        let hint = match b.kind {
            BlockKind::Paragraph | BlockKind::Pre => ParagraphKind::Body,
            BlockKind::Heading => ParagraphKind::Heading,
            BlockKind::Blockquote => ParagraphKind::Blockquote,
            BlockKind::ListItem => ParagraphKind::ListItem,
            BlockKind::Caption => ParagraphKind::Caption,
        };
        blocks.push(Block {
            lines: vec![b.text.clone()],
            hint: Some(hint),
            linky: false,
            gap: 0,
        });
    }
    let mut doc = assemble(blocks, meta);
    if let Some(t) = &x.title {
        doc.meta.title = Some(t.clone());
    }
    doc.warnings.extend(x.warnings);
    let has_body = doc.paragraphs.iter().any(|p| {
        !matches!(
            p.kind,
            ParagraphKind::Title | ParagraphKind::Heading | ParagraphKind::Caption
        )
    });
    if !has_body {
        doc.text.clear();
        doc.paragraphs.clear();
        if !doc.warnings.iter().any(|w| w == unspin_html::NO_ARTICLE) {
            doc.warnings.push(unspin_html::NO_ARTICLE.to_string());
        }
    }
    if doc.meta.language.is_none() {
        doc.meta.language = guess_language(&doc.text);
    }
    doc
}

//! Article metadata from JSON-LD (`NewsArticle` & co.), OpenGraph, `<meta>`
//! tags, `<time>` and byline elements, in that order of trust.

use dom_query::{Document, NodeRef};
use serde_json::Value;
use unspin_lex::page_chrome::{AUTHOR_NAME_PREFIXES, NOT_NAME_FIRST_WORDS, NOT_NAME_LAST_WORDS};

use crate::dom::RawMeta;
use crate::markup::{ARTICLE_TYPES, MAX_TITLE_BYTES, TITLE_SEPARATORS, UNCLOSED_TITLE_MARKERS};

#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// The title came from `<title>` only (less trusted than an `<h1>`).
    pub title_from_tag: bool,
    /// JSON-LD `articleBody`, when given.
    pub ld_body: Option<String>,
}

fn type_matches(v: &Value) -> bool {
    let one = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase();
        ARTICLE_TYPES.contains(&s.as_str())
    };
    match v {
        Value::String(s) => one(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(one)),
        _ => false,
    }
}

fn clean(s: &str) -> Option<String> {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = decode_entities(&t);
    (!t.is_empty()).then_some(t)
}

/// The few entities that survive in JSON-LD and meta values.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            for part in split_names(s) {
                push_name(out, &part);
            }
        }
        Value::Array(a) => {
            for x in a.iter().take(20) {
                names(x, out);
            }
        }
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                if let Some(s) = n.as_str() {
                    push_name(out, s);
                }
            }
        }
        _ => {}
    }
}

fn split_names(s: &str) -> Vec<String> {
    let s = strip_by(s);
    s.split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn strip_by(s: &str) -> &str {
    let mut t = s.trim();
    // "Autor: Jane Doe", "Written by: Jane Doe"
    if let Some(i) = t.find(':') {
        if t[..i].split_whitespace().count() <= 2 && t[i + 1..].trim().len() > 2 {
            t = t[i + 1..].trim();
        }
    }
    match AUTHOR_NAME_PREFIXES.prefix_of(t) {
        Some(pre) => t[pre.len()..].trim(),
        None => t,
    }
}

/// Most names kept in a byline (also bounds the duplicate check below).
const MAX_NAMES: usize = 50;

fn push_name(out: &mut Vec<String>, s: &str) {
    if out.len() >= MAX_NAMES {
        return;
    }
    let Some(n) = clean(strip_by(s)) else { return };
    if n.starts_with("http") || n.contains('@') || n.len() > 80 || n.contains('{') {
        return;
    }
    if n.split_whitespace().count() > 6 {
        return;
    }
    if !out.iter().any(|x| x.eq_ignore_ascii_case(&n)) {
        out.push(n);
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name").or_else(|| o.get("@id"))),
        _ => None,
    }
}

/// Walks JSON-LD values (iteratively) and returns the article-typed objects,
/// plus any WebPage/Organization objects for fallbacks.
fn ld_objects(src: &str) -> Vec<serde_json::Map<String, Value>> {
    let Ok(v) = serde_json::from_str::<Value>(src.trim().trim_end_matches(';')) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut stack = vec![v];
    let mut steps = 0;
    while let Some(v) = stack.pop() {
        steps += 1;
        if steps > 10_000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.into_iter().rev()),
            Value::Object(mut o) => {
                if let Some(g) = o.remove("@graph") {
                    stack.push(g);
                }
                if o.get("@type").is_some_and(type_matches) {
                    out.push(o);
                } else if let Some(m) = o.remove("mainEntity") {
                    stack.push(m);
                }
            }
            _ => {}
        }
    }
    out
}

/// A JSON-LD `articleBody` this short (bytes) or shorter is not the article.
const MIN_LD_BODY_BYTES: usize = 200;
/// A byline element with more text than this (bytes) is not a byline.
const MAX_BYLINE_ELEMENT_BYTES: usize = 200;
/// A primary language subtag has this many letters.
const LANGUAGE_SUBTAG_LETTERS: std::ops::RangeInclusive<usize> = 2..=3;

pub(crate) fn collect(raw: &RawMeta, doc: &Document) -> Meta {
    let mut m = Meta::default();
    let mut byline: Vec<String> = Vec::new();
    // 1. JSON-LD
    for src in &raw.ld_json {
        for o in ld_objects(src) {
            fill_from_ld(&mut m, &mut byline, &o);
        }
    }
    // 2. OpenGraph, 3. other meta tags
    fill_from_meta_tags(&mut m, &mut byline, raw);
    m.language = m.language.and_then(|l| primary_language(&l));
    // 4. <time>
    if m.published.is_none() {
        m.published = time_published(raw);
    }
    // 5. byline elements
    if byline.is_empty() {
        element_byline(&mut byline, raw, doc);
    }
    m.byline = byline;
    // <title> last, without the site name suffix.
    if m.title.is_none() {
        m.title = raw
            .title
            .as_deref()
            .filter(|t| !unterminated_title(t))
            .and_then(clean);
        m.title_from_tag = m.title.is_some();
    }
    m
}

/// Fills what is still missing from one article-typed JSON-LD object.
fn fill_from_ld(m: &mut Meta, byline: &mut Vec<String>, o: &serde_json::Map<String, Value>) {
    if m.title.is_none() {
        m.title = str_of(o.get("headline")).or_else(|| str_of(o.get("name")));
    }
    if byline.is_empty() {
        if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
            names(a, byline);
        }
    }
    if m.published.is_none() {
        m.published = str_of(o.get("datePublished"))
            .or_else(|| str_of(o.get("dateCreated")))
            .and_then(|d| crate::date::iso(&d));
    }
    if m.outlet.is_none() {
        m.outlet = o
            .get("publisher")
            .and_then(|p| str_of(Some(p)))
            .filter(|s| !s.starts_with("http") && !s.starts_with('#'));
    }
    if m.language.is_none() {
        m.language = str_of(o.get("inLanguage"));
    }
    if m.url.is_none() {
        m.url = str_of(o.get("url")).filter(|u| u.starts_with("http"));
    }
    if m.ld_body.is_none() {
        m.ld_body = o
            .get("articleBody")
            .and_then(|v| v.as_str())
            .map(|b| decode_entities(b.trim()))
            .filter(|b| b.len() > MIN_LD_BODY_BYTES);
    }
}

/// The first non-empty `<meta>` value under one of `keys`, in the keys' order.
fn meta_value(raw: &RawMeta, keys: &[&str]) -> Option<String> {
    for k in keys {
        if let Some((_, v)) = raw
            .metas
            .iter()
            .find(|(n, v)| n == k && !v.trim().is_empty())
        {
            if let Some(c) = clean(v) {
                return Some(c);
            }
        }
    }
    None
}

/// Fills what is still missing from OpenGraph and other `<meta>` tags, the
/// canonical link and `<html lang>`.
fn fill_from_meta_tags(m: &mut Meta, byline: &mut Vec<String>, raw: &RawMeta) {
    let meta = |keys: &[&str]| meta_value(raw, keys);
    if m.title.is_none() {
        m.title = meta(&["og:title", "twitter:title", "dc.title", "headline", "title"]);
    }
    if byline.is_empty() {
        meta_byline(byline, raw);
    }
    if m.published.is_none() {
        m.published = meta(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "publishdate",
            "publish-date",
            "pubdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "citation_publication_date",
            "citation_date",
            "og:published_time",
            "release_date",
        ])
        .and_then(|d| crate::date::iso(&d));
    }
    if m.outlet.is_none() {
        m.outlet = meta(&[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ]);
    }
    if m.url.is_none() {
        m.url = raw
            .canonical
            .clone()
            .filter(|u| u.starts_with("http"))
            .or_else(|| meta(&["og:url"]));
    }
    if m.language.is_none() {
        m.language = raw
            .html_lang
            .clone()
            .or_else(|| meta(&["og:locale", "content-language", "language", "dc.language"]));
    }
}

/// Names from the first author `<meta>` key that gives any (a `twitter:creator`
/// handle is not a name).
fn meta_byline(byline: &mut Vec<String>, raw: &RawMeta) {
    for k in [
        "author",
        "article:author",
        "byl",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
        "citation_author",
        "twitter:creator",
    ] {
        for (n, v) in &raw.metas {
            if n == k {
                if k == "twitter:creator" && v.starts_with('@') {
                    continue;
                }
                for part in split_names(v) {
                    push_name(byline, &part);
                }
            }
        }
        if !byline.is_empty() {
            break;
        }
    }
}

/// "en_US" → "en": the primary subtag when it is two or three letters.
fn primary_language(l: &str) -> Option<String> {
    let l = l.trim().replace('_', "-");
    let primary = l.split('-').next().unwrap_or("").to_ascii_lowercase();
    LANGUAGE_SUBTAG_LETTERS
        .contains(&primary.len())
        .then_some(primary)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The date of the first `<time>` hinted as the publication date, else of the
/// first `<time>` with a date.
fn time_published(raw: &RawMeta) -> Option<String> {
    let mut best: Option<String> = None;
    for (v, _, hint) in &raw.times {
        if let Some(d) = crate::date::iso(v) {
            if *hint {
                best = Some(d);
                break;
            }
            best.get_or_insert(d);
        }
    }
    best
}

/// Person-like names from the first byline element that gives any.
fn element_byline(byline: &mut Vec<String>, raw: &RawMeta, doc: &Document) {
    for (_, id, _) in &raw.authors {
        let t = NodeRef::new(*id, &doc.tree).text();
        if t.len() > MAX_BYLINE_ELEMENT_BYTES {
            continue;
        }
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        for part in split_names(&t) {
            if person_like(&part) {
                push_name(byline, &part);
            }
        }
        if !byline.is_empty() {
            break;
        }
    }
}

/// A `<title>` whose closing tag is missing swallows the page's markup as text
/// (the parser reads title content as raw text up to `</title>`): no title at all is
/// better than a kilobyte of script.
fn unterminated_title(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    t.len() > MAX_TITLE_BYTES || UNCLOSED_TITLE_MARKERS.iter().any(|m| l.contains(m))
}

/// "Headline | Site" → "Headline" (keeps the longer side).
pub(crate) fn strip_site(t: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let (a, b) = (&t[..i], &t[i + sep.len()..]);
            if a.len() >= b.len() {
                return a.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// A personal name as bylines print it: 2-5 words, capitalised (particles
/// aside), no digits, labels or punctuation such as `:` `*` `(`.
fn person_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 || !s.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    if s.contains(['*', ':', '@']) {
        return false;
    }
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    !NOT_NAME_LAST_WORDS.contains(&last) && !NOT_NAME_FIRST_WORDS.contains(&words[0].to_lowercase())
}

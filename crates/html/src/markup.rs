//! Markup knowledge: HTML element categories, attribute and class-name
//! fragments, schema.org article types and the punctuation of `<title>` lines.
//! These are names of the markup language and of common page templates, not
//! words of a human language, so they stay with the parser (word lists live in
//! `unspin-lex`). Element names are lower case; class-name fragments are matched
//! against the lower-case ASCII-alphanumeric tokens of a `class`/`id` value.

// ---------------------------------------------------------------------------
// Element categories (HTML Living Standard, "Parsing HTML documents").

/// Elements whose content the HTML5 parser reads as text up to their end tag
/// (raw text, escapable raw text, script data, `noscript` with scripting on, and
/// `plaintext`): a cheap tag scan must skip their content.
pub const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
];

/// Elements a nesting-depth count passes over: void elements, elements whose end
/// tag the parser implies (`p`, `li`, `td`, …), and the document's own wrappers.
pub const NOT_NESTING_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot",
    "option", "head", "body", "!doctype",
];

/// Formatting elements the parser re-creates when left open (`a` and `nobr`
/// are left out: the parser closes an open one before opening another).
pub const FORMATTING_ELEMENTS: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that end the "scope" an end tag looks through: an open one can stop
/// `</b>` from closing its `<b>`.
pub const SCOPE_ELEMENTS: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "svg",
    "math",
];

/// Non-void elements of HTML's "special" category: the parser's adoption agency
/// gives up on an end tag after eight of them.
pub const SPECIAL_ELEMENTS: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "iframe",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "xmp",
    "foreignobject",
    "desc",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// Elements whose content is never text a reader sees: scripts and styles,
/// embedded media and graphics, form controls, metadata elements, frames.
pub const NEVER_TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "button", "input", "textarea", "map", "title",
    "link", "meta", "img", "source", "frameset", "frame",
];

/// Elements the full-page text (`--no-clean`) leaves out besides
/// [`NEVER_TEXT_ELEMENTS`]: the document head (the main-content walk enters it
/// for its metadata) and modal dialogs (the main-content extractor judges them
/// by their class names instead).
pub const FULL_PAGE_SKIPPED_ELEMENTS: &[&str] = &["head", "dialog"];

/// Elements that start a new block of text in the full-page walk.
pub const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "form",
    "fieldset",
    "center",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "legend",
];

/// Attributes the walk keeps on an element (class and id names, microdata,
/// link relations, ARIA roles, machine-readable dates).
pub const KEPT_ATTRIBUTES: &[&str] = &["class", "id", "itemprop", "rel", "role", "datetime"];

// ---------------------------------------------------------------------------
// Class and id name fragments of page templates.

/// Class/id tokens that mark furniture (comments, sidebars, navigation, ads,
/// recirculation widgets) when scoring a container.
pub const FURNITURE_CLASSES: &[&str] = &[
    "comment",
    "comments",
    "footer",
    "sidebar",
    "related",
    "social",
    "sponsor",
    "sponsored",
    "menu",
    "nav",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "promo",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "widget",
    "masthead",
    "rail",
    "pagination",
    "pager",
    "popup",
    "modal",
    "newsletter",
    "outbrain",
    "taboola",
    "disqus",
    "recirc",
    "trending",
    "tags",
    "combx",
    "shoutbox",
    "skyscraper",
];

/// Openings of furniture class/id tokens when scoring a container ("related-posts",
/// "sidebar2"); "comment…" is listed apart ([`is_comment_class`]).
pub const FURNITURE_CLASS_STARTS: &[&str] = &["related", "sidebar", "footer", "social", "share"];

/// Class/id tokens that mark an article container ("article", "entry-content").
pub const ARTICLE_CLASSES: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "post",
    "text",
    "blog",
    "story",
    "articlebody",
    "storybody",
    "postbody",
    "entrycontent",
    "postcontent",
    "articletext",
    "storytext",
];

/// Openings of article class/id tokens ("article-body", "storyline").
pub const ARTICLE_CLASS_STARTS: &[&str] = &["article", "story"];

/// Class/id tokens of furniture inside an article container: sharing bars,
/// related links, ads, newsletters, author boxes, tags, comments, captions.
pub const INNER_FURNITURE_CLASSES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "promo",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "adunit",
    "sponsored",
    "subscribe",
    "subscription",
    "signup",
    "popup",
    "modal",
    "gdpr",
    "consent",
    "comments",
    "comment",
    "disqus",
    "toolbar",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "byline",
    "author",
    "bio",
    "outbrain",
    "taboola",
    "recirc",
    "trending",
    "recommended",
    "recommendations",
    "nav",
    "menu",
    "sidebar",
    "caption",
    "credit",
    "credits",
    "dateline",
    "timestamp",
];

/// Openings of inner-furniture class/id tokens; "comment…" is listed apart
/// ([`is_comment_class`]).
pub const INNER_FURNITURE_CLASS_STARTS: &[&str] = &[
    "related",
    "share",
    "social",
    "newsletter",
    "advert",
    "promo",
    "recommend",
    "subscribe",
    "login",
    "cookie",
];

/// Class/id tokens of furniture that disqualifies everything inside it as the
/// article: comments, sidebars, navigation, footers, dialogs, recirculation.
pub const DISQUALIFYING_CLASSES: &[&str] = &[
    "comments",
    "sidebar",
    "footer",
    "nav",
    "navigation",
    "menu",
    "modal",
    "popup",
    "outbrain",
    "taboola",
    "recirc",
    "trending",
    "newsletter",
    "gdpr",
    "consent",
];

/// Openings of disqualifying class/id tokens; "comment…" is listed apart
/// ([`is_comment_class`]).
pub const DISQUALIFYING_CLASS_STARTS: &[&str] = &["related", "login", "cookie", "popmake"];

/// Class/id tokens of an element that holds the publication date or byline.
pub const DATE_CLASSES: &[&str] = &[
    "date",
    "time",
    "posted",
    "published",
    "pubdate",
    "datum",
    "fecha",
    "timestamp",
    "postdate",
    "entry-date",
    "meta",
    "byline",
    "dateline",
];

/// Class/id tokens of an element that holds an author's name.
pub const AUTHOR_CLASSES: &[&str] = &["byline", "author", "byline__name", "authors"];

/// ARIA roles of page furniture.
pub const FURNITURE_ROLES: &[&str] = &["navigation", "complementary"];

/// The `role`/`itemprop` value of an element holding the publication date.
pub const DATE_PUBLISHED_PROP: &str = "datepublished";

/// A class/id token naming a comment box ("comments", "comment-list"), but not
/// commentary.
pub fn is_comment_class(t: &str) -> bool {
    t.starts_with("comment") && !t.starts_with("commentary")
}

/// A class/id token naming a caption box ("caption", "captioned").
pub fn is_caption_class(t: &str) -> bool {
    t.starts_with("caption")
}

/// `t` is in `words` or starts with one of `starts`.
pub(crate) fn class_in(t: &str, words: &[&str], starts: &[&str]) -> bool {
    words.contains(&t) || starts.iter().any(|s| t.starts_with(s))
}

// ---------------------------------------------------------------------------
// Metadata.

/// schema.org types (lower case, without their URL) of a JSON-LD object that
/// describes the article.
pub const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "posting",
];

/// Separators between a headline and the site name in `<title>` ("Headline |
/// Site"), tried in order.
pub const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " : ",
];

/// Lower-case markup that shows a `<title>` swallowed the page because its end
/// tag is missing.
pub const UNCLOSED_TITLE_MARKERS: &[&str] = &[
    "<script", "<style", "<meta", "<link", "</", "-->", "<body", "<div",
];

/// Longest `<title>` text believed (longer: its end tag is missing).
pub const MAX_TITLE_BYTES: usize = 1000;

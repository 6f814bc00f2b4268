//! Main-content selection: score containers by the paragraphs they hold
//! (text length, commas, link density, class/id names, DOM position), take the
//! best one and its like siblings, then drop boilerplate blocks inside it.

use crate::dom::{BlockKind, Elem, RawBlock, Tag, Walk, NONE};

/// Tunable weights (kept together so the eval can sweep them).
#[derive(Debug, Clone)]
pub struct Params {
    /// Shortest paragraph (chars) that votes for its container.
    pub min_vote_chars: u32,
    /// Link density above which a block is dropped.
    pub max_link_density: f32,
    /// A paragraph of this many words that ends a sentence is kept whatever its
    /// link density.
    pub prose_link_words: usize,
    /// Share of the top score a sibling needs to be included.
    pub sibling_share: f32,
    /// A sibling block with prose votes, few links and more characters than
    /// this joins the article even when its score is low.
    pub loose_sibling_chars: u32,
    /// Most prose paragraphs taken from just before (and after) the container.
    pub lead_max: usize,
    /// Short non-prose blocks a lead paragraph may be separated from the body by.
    pub lead_skip: u32,
    /// A sub-heading this long just before the body is taken as its standfirst.
    pub lead_heading_chars: u32,
    /// A lead paragraph this long needs no sentence end (standfirsts often lack one).
    pub lead_unended_chars: u32,
    /// Fewer kept characters than this means "no article found".
    pub min_article_chars: usize,
    /// A container yielding fewer characters than this is compared with the
    /// page-wide prose baseline.
    pub baseline_below: usize,
    /// The baseline replaces the container when it holds this many times more.
    pub baseline_ratio: f32,
    /// A baseline block this long (chars) is prose on its own.
    pub baseline_good_chars: usize,
    /// Widen the chosen boxes when they hold less than this share of the
    /// page's clear prose.
    pub widen_below: f32,
    /// …to an ancestor with at most this link density…
    pub widen_max_links: f32,
    /// …and at most this many characters per character of clear prose.
    pub widen_max_ratio: f32,
    /// Print the candidate scores to stderr (development aid).
    pub debug: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_vote_chars: 25,
            max_link_density: 0.5,
            prose_link_words: 12,
            sibling_share: 0.2,
            loose_sibling_chars: 150,
            lead_max: 3,
            lead_skip: 6,
            lead_heading_chars: 100,
            lead_unended_chars: 100,
            min_article_chars: 120,
            baseline_below: 1000,
            baseline_ratio: 2.0,
            baseline_good_chars: 80,
            widen_below: 0.6,
            widen_max_links: 0.25,
            widen_max_ratio: 3.0,
            debug: false,
        }
    }
}

fn tokens(cls: &str) -> impl Iterator<Item = &str> {
    cls.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// +1 for article-like class/id names, -1 for furniture-like ones, 0 otherwise.
fn class_sign(cls: &str) -> i32 {
    if cls.is_empty() {
        return 0;
    }
    let mut neg = false;
    let mut pos = false;
    for t in tokens(cls) {
        if matches!(
            t,
            "comment"
                | "comments"
                | "footer"
                | "sidebar"
                | "related"
                | "social"
                | "sponsor"
                | "sponsored"
                | "menu"
                | "nav"
                | "navigation"
                | "breadcrumb"
                | "breadcrumbs"
                | "share"
                | "sharing"
                | "promo"
                | "ads"
                | "advert"
                | "advertisement"
                | "banner"
                | "widget"
                | "masthead"
                | "rail"
                | "pagination"
                | "pager"
                | "popup"
                | "modal"
                | "newsletter"
                | "outbrain"
                | "taboola"
                | "disqus"
                | "recirc"
                | "trending"
                | "tags"
                | "combx"
                | "shoutbox"
                | "skyscraper"
        ) || t.starts_with("comment") && !t.starts_with("commentary")
            || t.starts_with("related")
            || t.starts_with("sidebar")
            || t.starts_with("footer")
            || t.starts_with("social")
            || t.starts_with("share")
        {
            neg = true;
        }
        if matches!(
            t,
            "article"
                | "body"
                | "content"
                | "entry"
                | "hentry"
                | "main"
                | "post"
                | "text"
                | "blog"
                | "story"
                | "articlebody"
                | "storybody"
                | "postbody"
                | "entrycontent"
                | "postcontent"
                | "articletext"
                | "storytext"
        ) || t.starts_with("article")
            || t.starts_with("story")
        {
            pos = true;
        }
    }
    match (pos, neg) {
        (_, true) => -1,
        (true, false) => 1,
        _ => 0,
    }
}

/// Furniture inside an article container: sharing bars, related links, ads,
/// newsletters, author boxes, tags, comments.
fn boiler_elem(e: &Elem) -> bool {
    // Page-level classes on <html>/<body> are layout flags ("no-sidebar").
    if matches!(e.tag, Tag::Body | Tag::Html) {
        return false;
    }
    if matches!(e.tag, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header) {
        return true;
    }
    if e.role.contains("navigation") || e.role.contains("complementary") {
        return true;
    }
    if e.cls.is_empty() {
        return false;
    }
    for t in tokens(&e.cls) {
        let bad = matches!(
            t,
            "share"
                | "sharing"
                | "social"
                | "related"
                | "newsletter"
                | "promo"
                | "ads"
                | "advert"
                | "advertisement"
                | "adslot"
                | "adunit"
                | "sponsored"
                | "subscribe"
                | "subscription"
                | "signup"
                | "popup"
                | "modal"
                | "gdpr"
                | "consent"
                | "comments"
                | "comment"
                | "disqus"
                | "toolbar"
                | "breadcrumb"
                | "breadcrumbs"
                | "tags"
                | "byline"
                | "author"
                | "bio"
                | "outbrain"
                | "taboola"
                | "recirc"
                | "trending"
                | "recommended"
                | "recommendations"
                | "nav"
                | "menu"
                | "sidebar"
                | "caption"
                | "credit"
                | "credits"
                | "dateline"
                | "timestamp"
        ) || t.starts_with("related")
            || t.starts_with("share")
            || t.starts_with("social")
            || t.starts_with("newsletter")
            || t.starts_with("advert")
            || t.starts_with("promo")
            || t.starts_with("recommend")
            || t.starts_with("subscribe")
            || t.starts_with("login")
            || t.starts_with("cookie")
            || t.starts_with("comment") && !t.starts_with("commentary");
        if bad {
            return true;
        }
    }
    false
}

/// Furniture that disqualifies everything inside it as the article: comments,
/// sidebars, related links, navigation, footers, dialogs.
fn strong_boiler(e: &Elem) -> bool {
    if matches!(e.tag, Tag::Nav | Tag::Aside | Tag::Footer) {
        return true;
    }
    if matches!(e.tag, Tag::Body | Tag::Html) || e.cls.is_empty() {
        return false;
    }
    tokens(&e.cls).any(|t| {
        matches!(
            t,
            "comments"
                | "sidebar"
                | "footer"
                | "nav"
                | "navigation"
                | "menu"
                | "modal"
                | "popup"
                | "outbrain"
                | "taboola"
                | "recirc"
                | "trending"
                | "newsletter"
                | "gdpr"
                | "consent"
        ) || (t.starts_with("comment") && !t.starts_with("commentary"))
            || t.starts_with("related")
            || t.starts_with("login")
            || t.starts_with("cookie")
            || t.starts_with("popmake")
    })
}

use unspin_lex::page_chrome::{
    is_boilerplate_start, BOILERPLATE_LINES, IMAGE_CREDIT_MARKS, POST_META_STARTS, RELATED_LABELS,
    RELATED_LABEL_STARTS,
};

pub(crate) fn boiler_line(t: &str) -> bool {
    let l = t
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…' || c.is_whitespace())
        .to_lowercase();
    if l.is_empty() {
        return true;
    }
    if BOILERPLATE_LINES.contains(&l) {
        return true;
    }
    let words = l.split_whitespace().count();
    if words <= 8 && IMAGE_CREDIT_MARKS.found_in(&l) {
        return true;
    }
    if words <= 40 && POST_META_STARTS.prefix_of(&l).is_some() {
        return true;
    }
    // A caption line ending in its credit: "… the square. © AFP / Jane Roe",
    // "… in winter. (jroe / iStock.com)".
    if words <= 40 {
        if let Some(i) = l.rfind('©') {
            if l[i..].split_whitespace().count() <= 6 {
                return true;
            }
        }
        let raw = t.trim().to_lowercase();
        if raw.ends_with(')') {
            if let Some(i) = raw.rfind('(') {
                let credit = &raw[i..];
                if credit.split_whitespace().count() <= 6 && IMAGE_CREDIT_MARKS.found_in(credit) {
                    return true;
                }
            }
        }
    }
    words <= 12 && is_boilerplate_start(&l)
}

/// A "related content" box label: "Read also", "Mehr zum Thema:", "Mehr zu X".
pub(crate) fn related_label(t: &str) -> bool {
    let l = t
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…' || c.is_whitespace())
        .to_lowercase();
    let words = l.split_whitespace().count();
    RELATED_LABELS.contains(&l) || (words <= 6 && RELATED_LABEL_STARTS.prefix_of(&l).is_some())
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':'])
}

/// A picked block of the article.
pub(crate) struct Picked {
    pub text: String,
    pub kind: BlockKind,
}

pub(crate) struct Selection {
    pub blocks: Vec<Picked>,
    pub no_article: bool,
}

fn commas(t: &str) -> u32 {
    t.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count() as u32
}

/// Selects the article blocks. `title` is dropped where it repeats as a heading.
/// When the best container yields little text (product pages, video pages,
/// blogs whose post sits in a thin box), the page-wide prose baseline is taken
/// instead if it holds clearly more.
pub(crate) fn select(w: &Walk, title: Option<&str>, p: &Params) -> Selection {
    let main = select_container(w, title, p);
    let main_chars = body_chars(&main.blocks);
    if main_chars >= p.baseline_below {
        return main;
    }
    let base = baseline(w, title, p);
    let base_chars = body_chars(&base);
    if p.debug {
        eprintln!("baseline: main {main_chars} chars, baseline {base_chars} chars");
    }
    if base_chars >= p.min_article_chars
        && base_chars as f32 >= p.baseline_ratio * main_chars as f32
    {
        return Selection {
            blocks: base,
            no_article: false,
        };
    }
    main
}

fn body_chars(blocks: &[Picked]) -> usize {
    blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Caption)
        .map(|b| b.text.chars().count())
        .sum()
}

/// Page-wide prose (jusText-like, language-independent): every block outside
/// navigation, footers, comments and other strong furniture, with few links,
/// that is a long paragraph or a short one between long ones.
fn baseline(w: &Walk, title: Option<&str>, p: &Params) -> Vec<Picked> {
    let elems = &w.elems;
    let n = elems.len();
    let mut strong = vec![false; n];
    for i in 0..n {
        strong[i] = strong_boiler(&elems[i])
            || matches!(elems[i].tag, Tag::Header | Tag::Form)
            || (elems[i].parent != NONE && strong[elems[i].parent as usize]);
    }
    let title_key = title.map(key);
    // (text, kind, good)
    let mut cand: Vec<(String, BlockKind, bool)> = Vec::new();
    // A summary right after a linked headline is a teaser of another page.
    let mut after_link_head = false;
    for b in &w.blocks {
        if b.elem == NONE || strong[b.elem as usize] || b.kind == BlockKind::Caption {
            continue;
        }
        let ld = b.link_chars as f32 / b.chars.max(1) as f32;
        let teaser = after_link_head;
        after_link_head = ld >= 0.8 && b.kind == BlockKind::Heading;
        if ld > 0.3 || teaser {
            continue;
        }
        for line in b.text.split('\n') {
            let line = line.trim();
            if line.is_empty() || boiler_line(line) {
                continue;
            }
            if b.kind == BlockKind::Heading && title_key.as_deref().is_some_and(|k| k == key(line))
            {
                continue;
            }
            let len = line.chars().count();
            let good = b.kind != BlockKind::Heading
                && ld < 0.1
                && (len >= p.baseline_good_chars || (len >= 40 && ends_sentence(line)));
            cand.push((line.to_string(), b.kind, good));
        }
    }
    // Short blocks survive between good ones (within two steps on each side).
    let good: Vec<bool> = cand.iter().map(|c| c.2).collect();
    let near = |i: usize, dir: isize| -> bool {
        (1..=2).any(|d| {
            let j = i as isize + d * dir;
            j >= 0 && (j as usize) < good.len() && good[j as usize]
        })
    };
    let mut out: Vec<Picked> = cand
        .into_iter()
        .enumerate()
        .filter(|(i, c)| {
            c.2 || (near(*i, -1) && near(*i, 1))
                || (c.1 == BlockKind::Heading && near(*i, 1) && near(*i, -1))
        })
        .map(|(_, c)| Picked {
            text: c.0,
            kind: c.1,
        })
        .collect();
    trim_edges(&mut out, false);
    out
}

/// The best-scoring container's blocks (readability-style).
fn select_container(w: &Walk, title: Option<&str>, p: &Params) -> Selection {
    let elems = &w.elems;
    let n = elems.len();
    let empty = Selection {
        blocks: Vec::new(),
        no_article: true,
    };
    if n == 0 || w.blocks.is_empty() {
        return empty;
    }
    // Subtree text and link characters.
    let mut chars = vec![0u32; n];
    let mut links = vec![0u32; n];
    for b in &w.blocks {
        if b.elem != NONE {
            chars[b.elem as usize] += b.chars;
            links[b.elem as usize] += b.link_chars;
        }
    }
    for i in (0..n).rev() {
        let par = elems[i].parent;
        if par != NONE {
            chars[par as usize] += chars[i];
            links[par as usize] += links[i];
        }
    }
    // Blocks attributed to each element, in block order (for subtree texts
    // without scanning every block per sibling).
    let by_elem = BlocksByElem::new(w);
    // Clear prose per subtree (for the widening below).
    let good = |b: &RawBlock, strong: &[bool], boiler: &[u32]| {
        b.elem != NONE
            && matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Blockquote
            )
            && b.chars >= 80
            && (b.link_chars as f32) < 0.1 * b.chars as f32
            && ends_sentence(&b.text)
            && !strong[b.elem as usize]
            && boiler[b.elem as usize] == NONE
    };
    // Nearest boilerplate ancestor-or-self (parents precede children).
    let mut boiler = vec![NONE; n];
    // A box holding half the page's text is the page, not furniture, whatever
    // its compound class says ("content-with-sidebar").
    let total = chars.iter().copied().max().unwrap_or(0) as f32;
    let mut strong = vec![false; n];
    for i in 0..n {
        let small = (chars[i] as f32) < 0.5 * total;
        boiler[i] = if boiler_elem(&elems[i]) && small {
            i as u32
        } else if elems[i].parent != NONE {
            boiler[elems[i].parent as usize]
        } else {
            NONE
        };
        strong[i] = (strong_boiler(&elems[i]) && small)
            || (elems[i].parent != NONE && strong[elems[i].parent as usize]);
    }

    // Paragraph votes.
    let mut score = vec![0f32; n];
    let mut voted = vec![false; n];
    for b in &w.blocks {
        if b.elem == NONE || b.chars < p.min_vote_chars {
            continue;
        }
        if matches!(b.kind, BlockKind::Heading | BlockKind::Caption) {
            continue;
        }
        let ld = b.link_chars as f32 / b.chars as f32;
        if ld > 0.5 {
            continue;
        }
        let s = 1.0 + commas(&b.text) as f32 + (b.chars / 100).min(3) as f32;
        let e = &elems[b.elem as usize];
        let mut anc = match e.tag {
            Tag::P | Tag::Pre | Tag::Li | Tag::Dd | Tag::Dt | Tag::H(_) | Tag::Blockquote => {
                e.parent
            }
            _ => b.elem,
        };
        // A list item votes for the list's parent.
        if anc != NONE && matches!(elems[anc as usize].tag, Tag::Ul | Tag::Ol | Tag::Dl) {
            anc = elems[anc as usize].parent;
        }
        let mut level = 0;
        while anc != NONE && level < 5 {
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc as usize] += s / div;
            voted[anc as usize] = true;
            anc = elems[anc as usize].parent;
            level += 1;
        }
    }
    let fin = |i: usize| -> f32 {
        let e = &elems[i];
        let base = match e.tag {
            Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Address
            | Tag::Ol
            | Tag::Ul
            | Tag::Dl
            | Tag::Dd
            | Tag::Dt
            | Tag::Li
            | Tag::Form => -3.0,
            Tag::H(_) => -5.0,
            _ => 0.0,
        };
        // Class names move a score by at most its own size (so a tiny
        // "post-time" box cannot win on its name alone).
        let sign = if matches!(e.tag, Tag::Body | Tag::Html) {
            0
        } else {
            class_sign(&e.cls)
        };
        let cw = if sign > 0 { score[i].min(25.0) } else { 0.0 };
        let ld = if chars[i] > 0 {
            links[i] as f32 / chars[i] as f32
        } else {
            0.0
        };
        let mut s = (score[i] + base + cw) * (1.0 - ld);
        // Furniture by name (comments, sidebars) or inside furniture.
        if sign < 0 || strong[i] {
            s *= 0.3;
        }
        s
    };
    let mut final_score = vec![f32::MIN; n];
    let mut top = NONE;
    let mut top_s = f32::MIN;
    for i in 0..n {
        if voted[i] && !matches!(elems[i].tag, Tag::Html) {
            let s = fin(i);
            final_score[i] = s;
            if s > top_s {
                top_s = s;
                top = i as u32;
            }
        }
    }
    if p.debug {
        let mut v: Vec<usize> = (0..n).filter(|&i| final_score[i] > f32::MIN).collect();
        v.sort_by(|a, b| final_score[*b].total_cmp(&final_score[*a]));
        for &i in v.iter().take(8) {
            eprintln!(
                "cand {i} {:?} cls={:?} raw={:.1} final={:.1} chars={} links={} parent={} boiler={:?}",
                elems[i].tag, elems[i].cls, score[i], final_score[i], chars[i], links[i], elems[i].parent,
                (boiler[i] != NONE).then(|| (&elems[boiler[i] as usize].cls, elems[boiler[i] as usize].tag))
            );
        }
    }
    if top == NONE {
        return empty;
    }
    // Climb while the parent holds nothing but this element's text, or scores
    // higher (readability's rule).
    let mut cur = top;
    let mut last = top_s;
    loop {
        let par = elems[cur as usize].parent;
        if par == NONE || matches!(elems[par as usize].tag, Tag::Body | Tag::Html) {
            break;
        }
        let ps = final_score[par as usize];
        if chars[par as usize] == chars[cur as usize] {
            // A wrapper with nothing else in it is the same container
            // (its class names the chunk: `div.paragraph > div`).
            if cur == top
                && elems[cur as usize].cls.is_empty()
                && !elems[par as usize].cls.is_empty()
            {
                top = par;
            }
            cur = par;
            continue;
        }
        if ps == f32::MIN || ps < top_s / 3.0 {
            break;
        }
        if ps > last && ps > top_s {
            top = par;
            top_s = ps;
        }
        last = ps;
        cur = par;
    }

    // Siblings of the top candidate.
    let mut roots: Vec<u32> = Vec::new();
    let par = elems[top as usize].parent;
    if par == NONE {
        roots.push(top);
    } else {
        let threshold = (top_s * p.sibling_share).max(10.0);
        let top_cls = &elems[top as usize].cls;
        let mut i = par as usize + 1;
        let end = elems[par as usize].end as usize;
        while i <= end {
            let e = &elems[i];
            if i as u32 == top {
                roots.push(top);
            } else if chars[i] > 0 {
                let mut s = final_score[i];
                if !top_cls.is_empty() && &e.cls == top_cls {
                    s += top_s * 0.2;
                }
                let ld = links[i] as f32 / chars[i] as f32;
                let ok = s >= threshold
                    || (!matches!(e.tag, Tag::P)
                        && boiler[i] == NONE
                        && !strong[i]
                        && chars[i] > p.loose_sibling_chars
                        && ld < 0.2
                        && score[i] > 0.0)
                    || (matches!(e.tag, Tag::P) && !boiler_elem(e) && {
                        chars[i] > 80 && ld < 0.25
                            || chars[i] <= 80 && ld == 0.0 && {
                                let t = by_elem.subtree_text(w, i as u32, e.end);
                                ends_sentence(&t)
                            }
                    });
                if ok {
                    roots.push(i as u32);
                }
            }
            i = e.end as usize + 1;
        }
    }

    // Articles split into chunks: other containers with the top one's exact
    // tag and class, scoring well, outside the chosen roots.
    let top_e = &elems[top as usize];
    let first_class = |c: &str| c.split_whitespace().next().unwrap_or("").to_string();
    let top_first = first_class(&top_e.cls);
    if !top_first.is_empty() {
        let min = (top_s * 0.1).max(8.0);
        // Linear overlap test: elements inside the roots so far, root starts
        // (prefix counts), and the furthest end of the roots added here (they
        // come in document order).
        let covered = cover(elems, &roots);
        let mut starts = vec![0u32; n + 1];
        for &r in &roots {
            starts[r as usize + 1] += 1;
        }
        for k in 0..n {
            starts[k + 1] += starts[k];
        }
        let mut added_until: Option<usize> = None;
        for i in 0..n {
            let e = &elems[i];
            if e.tag != top_e.tag || first_class(&e.cls) != top_first || final_score[i] < min {
                continue;
            }
            let inside = covered[i] != NONE
                || starts[e.end as usize + 1] > starts[i]
                || added_until.is_some_and(|z| i <= z);
            if !inside && links[i] as f32 <= 0.3 * chars[i] as f32 {
                roots.push(i as u32);
                added_until = Some(added_until.map_or(e.end as usize, |z| z.max(e.end as usize)));
            }
        }
    }
    // Prose continuity: when much of the page's clear prose lies outside the
    // chosen boxes (an intro in a sibling box, a body split across wrappers),
    // widen to the nearest ancestor that holds it, if that is not page chrome.
    {
        // Clear prose characters per subtree (an element's subtree is the
        // index range up to its `end`).
        let mut good_sub = vec![0u32; n];
        for b in &w.blocks {
            if good(b, &strong, &boiler) {
                good_sub[b.elem as usize] += b.chars;
            }
        }
        for i in (0..n).rev() {
            let par = elems[i].parent;
            if par != NONE {
                good_sub[par as usize] += good_sub[i];
            }
        }
        let total_good: u32 = w
            .blocks
            .iter()
            .filter(|b| good(b, &strong, &boiler))
            .map(|b| b.chars)
            .sum();
        let inside = |a: u32| -> u32 { good_sub[a as usize] };
        let covered: u32 = roots.iter().map(|&r| inside(r)).sum();
        if total_good > 0 && (covered as f32) < p.widen_below * total_good as f32 {
            let mut a = top;
            loop {
                let par = elems[a as usize].parent;
                if par == NONE || matches!(elems[par as usize].tag, Tag::Body | Tag::Html) {
                    break;
                }
                a = par;
                let g = inside(a);
                if g as f32 >= p.widen_below * total_good as f32 {
                    let ld = links[a as usize] as f32 / chars[a as usize].max(1) as f32;
                    if ld < p.widen_max_links
                        && !strong[a as usize]
                        && (chars[a as usize] as f32) <= p.widen_max_ratio * g as f32
                    {
                        if p.debug {
                            eprintln!(
                                "widen to {a} {:?} cls={:?}",
                                elems[a as usize].tag, elems[a as usize].cls
                            );
                        }
                        roots.retain(|&r| r < a || r > elems[a as usize].end);
                        roots.push(a);
                        roots.sort_unstable();
                    }
                    break;
                }
            }
        }
    }
    if p.debug {
        for &r in &roots {
            eprintln!(
                "root {r} {:?} cls={:?} chars={}",
                elems[r as usize].tag, elems[r as usize].cls, chars[r as usize]
            );
        }
    }
    // A box holding much of the article's text, or several prose paragraphs
    // and few links, is not furniture whatever its class says (BEM names like
    // `section--ads` or `enable-pin-share` mislead), unless named a comment.
    // The root holding each element (the roots are disjoint subtrees).
    let root_of = cover(elems, &roots);
    let root_chars_of = |e: u32| -> u32 {
        match root_of[e as usize] {
            NONE => 0,
            r => chars[r as usize],
        }
    };
    let prose_box = |i: usize| -> bool {
        let root_chars = root_chars_of(i as u32);
        let ld = links[i] as f32 / chars[i].max(1) as f32;
        let cls = &elems[i].cls;
        let commentish =
            tokens(cls).any(|t| t.starts_with("comment") && !t.starts_with("commentary"));
        // A caption box counts as prose only when it holds much of the text.
        let caption = tokens(cls).any(|t| t.starts_with("caption"));
        !commentish
            && (chars[i] as f32 >= 0.4 * root_chars as f32
                || (!caption && score[i] >= 8.0 && ld < 0.15))
    };
    // Paragraph continuity: prose blocks just before the first root (a lead
    // or standfirst set outside the body container) join the article.
    let in_roots = |e: u32| root_of[e as usize] != NONE;
    let mut lead: Vec<usize> = Vec::new();
    if let Some(first) = w
        .blocks
        .iter()
        .position(|b| b.elem != NONE && in_roots(b.elem))
    {
        // Walk back to the headline, skipping a few short non-prose blocks
        // (dates, credits, share labels) between it and the body.
        let mut j = first;
        let mut skipped = 0;
        while j > 0 && lead.len() < p.lead_max {
            j -= 1;
            let b = &w.blocks[j];
            if b.elem == NONE || strong[b.elem as usize] {
                break;
            }
            if b.kind == BlockKind::Heading && b.level == 1 {
                break;
            }
            let ld = b.link_chars as f32 / b.chars.max(1) as f32;
            // A long sub-heading before the body is a standfirst.
            let prose = (b.kind == BlockKind::Paragraph
                || (b.kind == BlockKind::Heading
                    && b.level >= 2
                    && b.chars >= p.lead_heading_chars))
                && b.chars >= 80
                && ld < 0.1
                && (ends_sentence(&b.text) || b.chars >= p.lead_unended_chars)
                && boiler[b.elem as usize] == NONE;
            if prose {
                lead.push(j);
                continue;
            }
            skipped += 1;
            // Captions, credits and link blocks between a lead and the body
            // are passed over whatever their length.
            let passable = b.kind == BlockKind::Caption
                || ld >= 0.5
                || b.text.lines().all(|l| boiler_line(l) || l.contains('©'));
            if skipped > p.lead_skip || (b.chars >= 80 && !passable) {
                break;
            }
        }
    }
    // …and prose right after the last root (a body continued in a sibling box).
    if let Some(last) = w
        .blocks
        .iter()
        .rposition(|b| b.elem != NONE && in_roots(b.elem))
    {
        let mut j = last + 1;
        let mut k = 0;
        while j < w.blocks.len() && k < p.lead_max {
            let b = &w.blocks[j];
            if b.elem == NONE {
                break;
            }
            let ld = b.link_chars as f32 / b.chars.max(1) as f32;
            let prose = b.kind == BlockKind::Paragraph
                && b.chars >= 80
                && ld < 0.1
                && ends_sentence(&b.text)
                && boiler[b.elem as usize] == NONE
                && !strong[b.elem as usize];
            if !prose {
                break;
            }
            lead.push(j);
            j += 1;
            k += 1;
        }
    }
    // Blocks inside the chosen roots, with boilerplate dropped.
    let mut out: Vec<Picked> = Vec::new();
    let title_key = title.map(key);
    // "Related" boxes inside the article, found by their label ("Read also",
    // "Mehr zum Thema"): the label's small enclosing box is dropped whole.
    let mut related: Vec<(u32, u32)> = Vec::new();
    for b in &w.blocks {
        if b.elem == NONE || b.chars > 60 || !in_roots(b.elem) || !related_label(&b.text) {
            continue;
        }
        let root_chars = root_chars_of(b.elem);
        let mut bx = b.elem;
        let par = elems[bx as usize].parent;
        if par != NONE
            && root_of[bx as usize] != bx
            && (chars[par as usize] as f32) < 0.25 * root_chars as f32
            && links[par as usize] as f32 >= 0.3 * chars[par as usize] as f32
        {
            bx = par;
        }
        related.push((bx, elems[bx as usize].end));
    }
    // Elements inside a related box (a difference array over element ranges).
    let mut in_related = vec![0i32; n + 1];
    for &(a, z) in &related {
        in_related[a as usize] += 1;
        in_related[z as usize + 1] -= 1;
    }
    for k in 0..n {
        in_related[k + 1] += in_related[k];
    }
    for (bi, b) in w.blocks.iter().enumerate() {
        if b.elem == NONE {
            continue;
        }
        if in_related[b.elem as usize] > 0 {
            if p.debug {
                eprintln!("  related: {}", b.text.replace('\n', " "));
            }
            continue;
        }
        if lead.contains(&bi) {
            out.push(Picked {
                text: b.text.replace('\n', " "),
                kind: b.kind,
            });
            continue;
        }
        let root = root_of[b.elem as usize];
        if root == NONE {
            if p.debug {
                eprintln!("  outside: {}", b.text.replace('\n', " "));
            }
            continue;
        }
        let ba = boiler[b.elem as usize];
        // Furniture inside the article; an element holding a large share of
        // the article's text is not furniture whatever its class says.
        if ba != NONE && ba > root && !prose_box(ba as usize) {
            if p.debug {
                eprintln!("  boiler: {}", b.text.replace('\n', " "));
            }
            continue;
        }
        if !keep_block(b, p) && p.debug {
            eprintln!("  linky: {}", b.text.replace('\n', " "));
        }
        if keep_block(b, p) {
            for line in b.text.split('\n') {
                let line = line.trim();
                if line.is_empty() || (b.kind != BlockKind::Caption && boiler_line(line)) {
                    continue;
                }
                if b.kind == BlockKind::Heading
                    && title_key.as_deref().is_some_and(|k| k == key(line))
                {
                    continue;
                }
                out.push(Picked {
                    text: line.to_string(),
                    kind: b.kind,
                });
                if b.kind == BlockKind::Pre {
                    break;
                }
            }
            if b.kind == BlockKind::Pre {
                // keep pre text whole
                if let Some(last) = out.last_mut() {
                    last.text = b.text.trim().to_string();
                }
            }
        }
    }
    trim_edges(&mut out, p.debug);
    let body_chars: usize = out
        .iter()
        .filter(|b| b.kind != BlockKind::Caption)
        .map(|b| b.text.len())
        .sum();
    if body_chars < p.min_article_chars {
        return empty;
    }
    Selection {
        blocks: out,
        no_article: false,
    }
}

/// The blocks attributed to each element, in block order (compressed rows).
struct BlocksByElem {
    start: Vec<u32>,
    idx: Vec<u32>,
}

impl BlocksByElem {
    fn new(w: &Walk) -> Self {
        let n = w.elems.len();
        let mut start = vec![0u32; n + 1];
        for b in &w.blocks {
            if b.elem != NONE {
                start[b.elem as usize + 1] += 1;
            }
        }
        for k in 0..n {
            start[k + 1] += start[k];
        }
        let mut fill = start.clone();
        let mut idx = vec![0u32; start[n] as usize];
        for (bi, b) in w.blocks.iter().enumerate() {
            if b.elem != NONE {
                idx[fill[b.elem as usize] as usize] = bi as u32;
                fill[b.elem as usize] += 1;
            }
        }
        BlocksByElem { start, idx }
    }

    /// The text of the blocks in the subtree `start..=end`, in reading order.
    fn subtree_text(&self, w: &Walk, start: u32, end: u32) -> String {
        let mut v: Vec<u32> = Vec::new();
        for e in start as usize..=end as usize {
            let (a, z) = (self.start[e] as usize, self.start[e + 1] as usize);
            v.extend_from_slice(&self.idx[a..z]);
        }
        v.sort_unstable();
        let mut s = String::new();
        for bi in v {
            s.push_str(&w.blocks[bi as usize].text);
            s.push(' ');
        }
        s
    }
}

/// For each element, the first of `roots` (in order) whose subtree holds it,
/// or `NONE`. Linear: a range already claimed is skipped whole.
fn cover(elems: &[Elem], roots: &[u32]) -> Vec<u32> {
    let mut of = vec![NONE; elems.len()];
    for &r in roots {
        let end = elems[r as usize].end as usize;
        let mut e = r as usize;
        while e <= end {
            match of[e] {
                NONE => {
                    of[e] = r;
                    e += 1;
                }
                o => e = elems[o as usize].end as usize + 1,
            }
        }
    }
    of
}

fn keep_block(b: &RawBlock, p: &Params) -> bool {
    let ld = b.link_chars as f32 / b.chars.max(1) as f32;
    // A whole linked sentence inside the article (a blog's linked lede) is text.
    let prose_link = b.kind == BlockKind::Paragraph
        && word_count(&b.text) >= p.prose_link_words
        && ends_sentence(&b.text);
    if ld > p.max_link_density && !prose_link {
        return false;
    }
    if b.kind == BlockKind::ListItem && ld > 0.3 && b.chars < 120 {
        return false;
    }
    true
}

/// Lower-cased alphanumerics only, for comparing headings with the title.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

fn word_count(t: &str) -> usize {
    t.split_whitespace().count()
}

/// Drops short non-sentence lines (dates, bylines, labels) and trailing
/// headings at the start and end of the article.
fn trim_edges(out: &mut Vec<Picked>, debug: bool) {
    let junk = |b: &Picked| {
        let wc = word_count(&b.text);
        (b.kind == BlockKind::Heading && wc <= 12)
            || (wc <= 6 && !ends_sentence(&b.text))
            || byline_line(&b.text)
    };
    // At the start short labels (dates, kickers) and bylines go; a heading
    // introduces the text and stays.
    let head_junk = |b: &Picked| {
        let wc = word_count(&b.text);
        (wc <= 6 && !ends_sentence(&b.text) && b.kind != BlockKind::Heading) || byline_line(&b.text)
    };
    let mut start = 0;
    while start < out.len() && head_junk(&out[start]) && start < 4 {
        start += 1;
    }
    // Never throw away a heading that introduces the text.
    for b in out.drain(..start) {
        if debug {
            eprintln!("  trim: {}", b.text);
        }
    }
    let mut k = 0;
    while let Some(b) = out.last() {
        if k >= 6 || !(junk(b) || b.kind == BlockKind::Caption) {
            break;
        }
        if let Some(b) = out.pop() {
            if debug {
                eprintln!("  trim: {}", b.text);
            }
        }
        k += 1;
    }
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters".
pub(crate) fn byline_line(t: &str) -> bool {
    let l = t.trim();
    let wc = word_count(l);
    wc <= 10 && (l.starts_with("By ") || l.starts_with("BY ") || l.starts_with("by "))
}

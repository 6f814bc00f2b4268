//! Main-content selection: score containers by the paragraphs they hold
//! (text length, commas, link density, class/id names, DOM position), take the
//! best one and its like siblings, then drop boilerplate blocks inside it.

use crate::dom::{BlockKind, Elem, RawBlock, Tag, Walk, NONE};
use crate::markup::{
    class_in, is_caption_class, is_comment_class, ARTICLE_CLASSES, ARTICLE_CLASS_STARTS,
    DISQUALIFYING_CLASSES, DISQUALIFYING_CLASS_STARTS, FURNITURE_CLASSES, FURNITURE_CLASS_STARTS,
    FURNITURE_ROLES, INNER_FURNITURE_CLASSES, INNER_FURNITURE_CLASS_STARTS,
};

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
        if class_in(t, FURNITURE_CLASSES, FURNITURE_CLASS_STARTS) || is_comment_class(t) {
            neg = true;
        }
        if class_in(t, ARTICLE_CLASSES, ARTICLE_CLASS_STARTS) {
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
    if FURNITURE_ROLES.iter().any(|r| e.role.contains(r)) {
        return true;
    }
    if e.cls.is_empty() {
        return false;
    }
    tokens(&e.cls).any(|t| {
        class_in(t, INNER_FURNITURE_CLASSES, INNER_FURNITURE_CLASS_STARTS) || is_comment_class(t)
    })
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
        class_in(t, DISQUALIFYING_CLASSES, DISQUALIFYING_CLASS_STARTS) || is_comment_class(t)
    })
}

use unspin_lex::page_chrome::{
    is_boilerplate_start, BOILERPLATE_LINES, IMAGE_CREDIT_MARKS, POST_META_STARTS, RELATED_LABELS,
    RELATED_LABEL_STARTS,
};

/// Image credits are looked for in lines of at most this many words.
const CREDIT_LINE_WORDS: usize = 8;
/// Post metadata and captions ending in a credit: at most this many words.
const CAPTION_LINE_WORDS: usize = 40;
/// A trailing credit ("© AFP / Jane Roe", "(jroe / iStock.com)"): at most this
/// many words.
const CREDIT_WORDS: usize = 6;
/// Lines opening like boilerplate: at most this many words.
const BOILER_START_WORDS: usize = 12;
/// Short "related" labels: at most this many words.
const RELATED_LABEL_WORDS: usize = 6;

/// A line of page furniture: a widget label, an image credit, post metadata, a
/// caption ending in its credit.
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
    if words <= CREDIT_LINE_WORDS && IMAGE_CREDIT_MARKS.found_in(&l) {
        return true;
    }
    if words <= CAPTION_LINE_WORDS && POST_META_STARTS.prefix_of(&l).is_some() {
        return true;
    }
    // A caption line ending in its credit: "… the square. © AFP / Jane Roe",
    // "… in winter. (jroe / iStock.com)".
    if words <= CAPTION_LINE_WORDS {
        if let Some(i) = l.rfind('©') {
            if l[i..].split_whitespace().count() <= CREDIT_WORDS {
                return true;
            }
        }
        let raw = t.trim().to_lowercase();
        if raw.ends_with(')') {
            if let Some(i) = raw.rfind('(') {
                let credit = &raw[i..];
                if credit.split_whitespace().count() <= CREDIT_WORDS
                    && IMAGE_CREDIT_MARKS.found_in(credit)
                {
                    return true;
                }
            }
        }
    }
    words <= BOILER_START_WORDS && is_boilerplate_start(&l)
}

/// A "related content" box label: "Read also", "Mehr zum Thema:", "Mehr zu X".
pub(crate) fn related_label(t: &str) -> bool {
    let l = t
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…' || c.is_whitespace())
        .to_lowercase();
    let words = l.split_whitespace().count();
    RELATED_LABELS.contains(&l)
        || (words <= RELATED_LABEL_WORDS && RELATED_LABEL_STARTS.prefix_of(&l).is_some())
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

/// A heading with at least this link density is a link to another page.
const LINKED_HEADING_LINKS: f32 = 0.8;
/// Baseline blocks with more link density than this are left out.
const BASELINE_MAX_LINKS: f32 = 0.3;
/// A baseline line this long that ends a sentence is prose.
const BASELINE_SENTENCE_CHARS: usize = 40;
/// A short baseline line survives with prose this many lines away on each side.
const BASELINE_NEIGHBOURS: isize = 2;

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
        after_link_head = ld >= LINKED_HEADING_LINKS && b.kind == BlockKind::Heading;
        if ld > BASELINE_MAX_LINKS || teaser {
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
                && ld < PROSE_MAX_LINKS
                && (len >= p.baseline_good_chars
                    || (len >= BASELINE_SENTENCE_CHARS && ends_sentence(line)));
            cand.push((line.to_string(), b.kind, good));
        }
    }
    // Short blocks survive between good ones (within two steps on each side).
    let good: Vec<bool> = cand.iter().map(|c| c.2).collect();
    let near = |i: usize, dir: isize| -> bool {
        (1..=BASELINE_NEIGHBOURS).any(|d| {
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

// ---------------------------------------------------------------------------
// Container selection: thresholds beyond [`Params`].

/// A paragraph with more link characters than this share casts no vote.
const VOTE_MAX_LINK_DENSITY: f32 = 0.5;
/// A paragraph's vote grows by one per this many characters…
const VOTE_CHARS_PER_POINT: u32 = 100;
/// …by at most this much.
const VOTE_MAX_LENGTH_POINTS: u32 = 3;
/// Ancestors a paragraph votes for (its container and the ones above it).
const VOTE_LEVELS: u32 = 5;
/// Largest amount a class name adds to a container's score (so a tiny
/// "post-time" box cannot win on its name alone).
const CLASS_BONUS_CAP: f32 = 25.0;
/// Factor on the score of furniture by name, or of anything inside furniture.
const FURNITURE_PENALTY: f32 = 0.3;
/// A box holding this share of the page's text is the page, not furniture,
/// whatever its compound class says ("content-with-sidebar").
const PAGE_SHARE: f32 = 0.5;
/// Climbing stops at a parent scoring under the top score divided by this.
const CLIMB_MIN_DIVISOR: f32 = 3.0;
/// Lowest score a sibling needs, whatever the top score.
const SIBLING_MIN_SCORE: f32 = 10.0;
/// A sibling sharing the top container's class gains this share of the top score.
const SIBLING_SAME_CLASS_BONUS: f32 = 0.2;
/// Link density under which a long sibling box joins without a high score.
const LOOSE_SIBLING_MAX_LINKS: f32 = 0.2;
/// A sibling paragraph longer than this (chars) joins when it has few links…
const SIBLING_P_CHARS: u32 = 80;
/// …under this link density (shorter ones: no links, and a sentence end).
const SIBLING_P_MAX_LINKS: f32 = 0.25;
/// A chunk of a split article scores at least this share of the top score…
const CHUNK_MIN_SHARE: f32 = 0.1;
/// …and at least this much…
const CHUNK_MIN_SCORE: f32 = 8.0;
/// …with at most this link density.
const CHUNK_MAX_LINKS: f32 = 0.3;
/// Clear prose: a block of at least this many characters…
const PROSE_CHARS: u32 = 80;
/// …under this link density, ending a sentence.
const PROSE_MAX_LINKS: f32 = 0.1;
/// A box holding this share of its root's text is prose whatever its class says…
const PROSE_BOX_SHARE: f32 = 0.4;
/// …as is a box scoring this much…
const PROSE_BOX_SCORE: f32 = 8.0;
/// …under this link density (captions excepted).
const PROSE_BOX_MAX_LINKS: f32 = 0.15;
/// Blocks between a lead and the body with at least this link density are
/// passed over like captions.
const LEAD_PASSABLE_LINKS: f32 = 0.5;
/// A "related" box label is at most this many characters.
const RELATED_LABEL_CHARS: u32 = 60;
/// A label's parent is the related box when it holds under this share of the
/// root's text…
const RELATED_BOX_SHARE: f32 = 0.25;
/// …and at least this link density.
const RELATED_BOX_MIN_LINKS: f32 = 0.3;

/// Link characters per character (an empty element counts as one character).
fn density(links: u32, chars: u32) -> f32 {
    links as f32 / chars.max(1) as f32
}

/// The divisor of a paragraph's vote for its ancestor `level` steps up
/// (readability's: 1, 2, then 3 per level).
fn vote_divisor(level: u32) -> f32 {
    match level {
        0 => 1.0,
        1 => 2.0,
        l => l as f32 * 3.0,
    }
}

/// A container's score before votes, by its tag: sectioning boxes and cells
/// up, lists, forms and headings down.
fn tag_prior(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H(_) => -5.0,
        _ => 0.0,
    }
}

/// The best-scoring container's blocks (readability-style): score the
/// containers, climb to the best one's real box, add its like siblings and the
/// chunks of a split article, widen to hold the page's clear prose, add lead and
/// trailing paragraphs set outside it, then keep its blocks minus furniture.
fn select_container(w: &Walk, title: Option<&str>, p: &Params) -> Selection {
    let empty = Selection {
        blocks: Vec::new(),
        no_article: true,
    };
    if w.elems.is_empty() || w.blocks.is_empty() {
        return empty;
    }
    let s = Scored::new(w, p);
    let Some((top, top_s)) = s.best(p) else {
        return empty;
    };
    let (top, top_s) = s.climb(top, top_s);
    let mut roots = s.sibling_roots(top, top_s, p);
    s.add_chunks(&mut roots, top, top_s);
    s.widen(&mut roots, top, p);
    if p.debug {
        for &r in &roots {
            eprintln!(
                "root {r} {:?} cls={:?} chars={}",
                s.elems[r as usize].tag, s.elems[r as usize].cls, s.chars[r as usize]
            );
        }
    }
    // The root holding each element (the roots are disjoint subtrees).
    let root_of = cover(s.elems, &roots);
    let mut lead = s.lead_before(&root_of, p);
    lead.extend(s.prose_after(&root_of, p));
    let in_related = s.related_boxes(&root_of);
    let mut out = s.article_blocks(&root_of, &lead, &in_related, title, p);
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

/// Subtree text and link characters of every element.
fn subtree_sizes(w: &Walk) -> (Vec<u32>, Vec<u32>) {
    let elems = &w.elems;
    let n = elems.len();
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
    (chars, links)
}

/// Per element: the nearest furniture ancestor-or-self ([`boiler_elem`]) or
/// `NONE`, and whether it lies inside disqualifying furniture ([`strong_boiler`]).
/// A box holding a large share of the page's text is never furniture.
fn furniture(elems: &[Elem], chars: &[u32]) -> (Vec<u32>, Vec<bool>) {
    let n = elems.len();
    // Parents precede children.
    let mut boiler = vec![NONE; n];
    let total = chars.iter().copied().max().unwrap_or(0) as f32;
    let mut strong = vec![false; n];
    for i in 0..n {
        let small = (chars[i] as f32) < PAGE_SHARE * total;
        let par = elems[i].parent;
        boiler[i] = if boiler_elem(&elems[i]) && small {
            i as u32
        } else if par != NONE {
            boiler[par as usize]
        } else {
            NONE
        };
        strong[i] = (strong_boiler(&elems[i]) && small) || (par != NONE && strong[par as usize]);
    }
    (boiler, strong)
}

/// Paragraph votes: each paragraph of some length and few links votes for its
/// container and the ones above it, less the further up. Returns the votes and
/// which elements got any.
fn paragraph_votes(w: &Walk, p: &Params) -> (Vec<f32>, Vec<bool>) {
    let elems = &w.elems;
    let n = elems.len();
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
        if ld > VOTE_MAX_LINK_DENSITY {
            continue;
        }
        let s = 1.0
            + commas(&b.text) as f32
            + (b.chars / VOTE_CHARS_PER_POINT).min(VOTE_MAX_LENGTH_POINTS) as f32;
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
        while anc != NONE && level < VOTE_LEVELS {
            score[anc as usize] += s / vote_divisor(level);
            voted[anc as usize] = true;
            anc = elems[anc as usize].parent;
            level += 1;
        }
    }
    (score, voted)
}

/// Per-element measures of the walk: subtree text and links, furniture marks,
/// paragraph votes and final container scores.
struct Scored<'a> {
    w: &'a Walk,
    elems: &'a [Elem],
    /// Text characters in each element's subtree.
    chars: Vec<u32>,
    /// Link characters in each element's subtree.
    links: Vec<u32>,
    /// Nearest furniture ancestor-or-self, or `NONE`.
    boiler: Vec<u32>,
    /// Inside furniture that disqualifies its content.
    strong: Vec<bool>,
    /// Paragraph votes received.
    score: Vec<f32>,
    /// Got any vote.
    voted: Vec<bool>,
    /// Final container scores (`f32::MIN`: not a candidate).
    final_score: Vec<f32>,
}

impl<'a> Scored<'a> {
    fn new(w: &'a Walk, p: &Params) -> Self {
        let (chars, links) = subtree_sizes(w);
        let (boiler, strong) = furniture(&w.elems, &chars);
        let (score, voted) = paragraph_votes(w, p);
        let mut s = Scored {
            w,
            elems: &w.elems,
            chars,
            links,
            boiler,
            strong,
            score,
            voted,
            final_score: Vec::new(),
        };
        s.final_score = (0..w.elems.len())
            .map(|i| {
                if s.voted[i] && !matches!(s.elems[i].tag, Tag::Html) {
                    s.container_score(i)
                } else {
                    f32::MIN
                }
            })
            .collect();
        s
    }

    /// Votes plus the tag's prior and the class name's bonus, less the share of
    /// links; furniture by name or inside furniture is marked down.
    fn container_score(&self, i: usize) -> f32 {
        let e = &self.elems[i];
        let sign = if matches!(e.tag, Tag::Body | Tag::Html) {
            0
        } else {
            class_sign(&e.cls)
        };
        let cw = if sign > 0 {
            self.score[i].min(CLASS_BONUS_CAP)
        } else {
            0.0
        };
        let ld = if self.chars[i] > 0 {
            self.links[i] as f32 / self.chars[i] as f32
        } else {
            0.0
        };
        let mut s = (self.score[i] + tag_prior(e.tag) + cw) * (1.0 - ld);
        if sign < 0 || self.strong[i] {
            s *= FURNITURE_PENALTY;
        }
        s
    }

    /// The best-scoring candidate and its score.
    fn best(&self, p: &Params) -> Option<(u32, f32)> {
        let n = self.elems.len();
        let mut top = NONE;
        let mut top_s = f32::MIN;
        for i in 0..n {
            if self.voted[i] && !matches!(self.elems[i].tag, Tag::Html) {
                let s = self.final_score[i];
                if s > top_s {
                    top_s = s;
                    top = i as u32;
                }
            }
        }
        if p.debug {
            self.debug_candidates();
        }
        (top != NONE).then_some((top, top_s))
    }

    fn debug_candidates(&self) {
        let (elems, fs) = (self.elems, &self.final_score);
        let mut v: Vec<usize> = (0..elems.len()).filter(|&i| fs[i] > f32::MIN).collect();
        v.sort_by(|a, b| fs[*b].total_cmp(&fs[*a]));
        for &i in v.iter().take(8) {
            let boiler = self.boiler[i];
            eprintln!(
                "cand {i} {:?} cls={:?} raw={:.1} final={:.1} chars={} links={} parent={} boiler={:?}",
                elems[i].tag, elems[i].cls, self.score[i], fs[i], self.chars[i], self.links[i], elems[i].parent,
                (boiler != NONE).then(|| (&elems[boiler as usize].cls, elems[boiler as usize].tag))
            );
        }
    }

    /// Climbs from the top candidate while the parent holds nothing but its
    /// text, or scores higher (readability's rule).
    fn climb(&self, mut top: u32, mut top_s: f32) -> (u32, f32) {
        let elems = self.elems;
        let mut cur = top;
        let mut last = top_s;
        loop {
            let par = elems[cur as usize].parent;
            if par == NONE || matches!(elems[par as usize].tag, Tag::Body | Tag::Html) {
                break;
            }
            let ps = self.final_score[par as usize];
            if self.chars[par as usize] == self.chars[cur as usize] {
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
            if ps == f32::MIN || ps < top_s / CLIMB_MIN_DIVISOR {
                break;
            }
            if ps > last && ps > top_s {
                top = par;
                top_s = ps;
            }
            last = ps;
            cur = par;
        }
        (top, top_s)
    }

    /// The top container and those of its siblings that score well, are long
    /// prose boxes, or are prose paragraphs.
    fn sibling_roots(&self, top: u32, top_s: f32, p: &Params) -> Vec<u32> {
        let elems = self.elems;
        let par = elems[top as usize].parent;
        if par == NONE {
            return vec![top];
        }
        // Blocks per element, for subtree texts without scanning every block.
        let by_elem = BlocksByElem::new(self.w);
        let threshold = (top_s * p.sibling_share).max(SIBLING_MIN_SCORE);
        let mut roots = Vec::new();
        let mut i = par as usize + 1;
        let end = elems[par as usize].end as usize;
        while i <= end {
            if i as u32 == top {
                roots.push(top);
            } else if self.chars[i] > 0 && self.sibling_joins(i, top, top_s, threshold, p, &by_elem)
            {
                roots.push(i as u32);
            }
            i = elems[i].end as usize + 1;
        }
        roots
    }

    fn sibling_joins(
        &self,
        i: usize,
        top: u32,
        top_s: f32,
        threshold: f32,
        p: &Params,
        by_elem: &BlocksByElem,
    ) -> bool {
        let e = &self.elems[i];
        let top_cls = &self.elems[top as usize].cls;
        let chars = self.chars[i];
        let mut s = self.final_score[i];
        if !top_cls.is_empty() && &e.cls == top_cls {
            s += top_s * SIBLING_SAME_CLASS_BONUS;
        }
        let ld = self.links[i] as f32 / chars as f32;
        s >= threshold
            || (!matches!(e.tag, Tag::P)
                && self.boiler[i] == NONE
                && !self.strong[i]
                && chars > p.loose_sibling_chars
                && ld < LOOSE_SIBLING_MAX_LINKS
                && self.score[i] > 0.0)
            || (matches!(e.tag, Tag::P) && !boiler_elem(e) && {
                chars > SIBLING_P_CHARS && ld < SIBLING_P_MAX_LINKS
                    || chars <= SIBLING_P_CHARS && ld == 0.0 && {
                        let t = by_elem.subtree_text(self.w, i as u32, e.end);
                        ends_sentence(&t)
                    }
            })
    }

    /// Articles split into chunks: adds other containers with the top one's
    /// tag and first class, scoring well, outside the chosen roots.
    fn add_chunks(&self, roots: &mut Vec<u32>, top: u32, top_s: f32) {
        let elems = self.elems;
        let n = elems.len();
        let top_e = &elems[top as usize];
        let first_class = |c: &str| c.split_whitespace().next().unwrap_or("").to_string();
        let top_first = first_class(&top_e.cls);
        if top_first.is_empty() {
            return;
        }
        let min = (top_s * CHUNK_MIN_SHARE).max(CHUNK_MIN_SCORE);
        // Linear overlap test: elements inside the roots so far, root starts
        // (prefix counts), and the furthest end of the roots added here (they
        // come in document order).
        let covered = cover(elems, roots);
        let mut starts = vec![0u32; n + 1];
        for &r in roots.iter() {
            starts[r as usize + 1] += 1;
        }
        for k in 0..n {
            starts[k + 1] += starts[k];
        }
        let mut added_until: Option<usize> = None;
        for i in 0..n {
            let e = &elems[i];
            if e.tag != top_e.tag || first_class(&e.cls) != top_first || self.final_score[i] < min {
                continue;
            }
            let inside = covered[i] != NONE
                || starts[e.end as usize + 1] > starts[i]
                || added_until.is_some_and(|z| i <= z);
            if !inside && self.links[i] as f32 <= CHUNK_MAX_LINKS * self.chars[i] as f32 {
                roots.push(i as u32);
                added_until = Some(added_until.map_or(e.end as usize, |z| z.max(e.end as usize)));
            }
        }
    }

    /// A paragraph-like block of clear prose outside furniture.
    fn clear_prose(&self, b: &RawBlock) -> bool {
        b.elem != NONE
            && matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Blockquote
            )
            && b.chars >= PROSE_CHARS
            && (b.link_chars as f32) < PROSE_MAX_LINKS * b.chars as f32
            && ends_sentence(&b.text)
            && !self.strong[b.elem as usize]
            && self.boiler[b.elem as usize] == NONE
    }

    /// Prose continuity: when much of the page's clear prose lies outside the
    /// chosen boxes (an intro in a sibling box, a body split across wrappers),
    /// widens to the nearest ancestor of `top` that holds it, if that is not
    /// page chrome.
    fn widen(&self, roots: &mut Vec<u32>, top: u32, p: &Params) {
        let elems = self.elems;
        let n = elems.len();
        // Clear prose characters per subtree (an element's subtree is the
        // index range up to its `end`).
        let mut good_sub = vec![0u32; n];
        for b in &self.w.blocks {
            if self.clear_prose(b) {
                good_sub[b.elem as usize] += b.chars;
            }
        }
        for i in (0..n).rev() {
            let par = elems[i].parent;
            if par != NONE {
                good_sub[par as usize] += good_sub[i];
            }
        }
        let total_good: u32 = self
            .w
            .blocks
            .iter()
            .filter(|b| self.clear_prose(b))
            .map(|b| b.chars)
            .sum();
        let covered: u32 = roots.iter().map(|&r| good_sub[r as usize]).sum();
        let too_little = (covered as f32) < p.widen_below * total_good as f32;
        if total_good == 0 || !too_little {
            return;
        }
        let mut a = top;
        loop {
            let par = elems[a as usize].parent;
            if par == NONE || matches!(elems[par as usize].tag, Tag::Body | Tag::Html) {
                break;
            }
            a = par;
            let g = good_sub[a as usize];
            if g as f32 >= p.widen_below * total_good as f32 {
                let (ai, end) = (a as usize, elems[a as usize].end);
                let ld = density(self.links[ai], self.chars[ai]);
                if ld < p.widen_max_links
                    && !self.strong[ai]
                    && (self.chars[ai] as f32) <= p.widen_max_ratio * g as f32
                {
                    if p.debug {
                        eprintln!("widen to {a} {:?} cls={:?}", elems[ai].tag, elems[ai].cls);
                    }
                    roots.retain(|&r| r < a || r > end);
                    roots.push(a);
                    roots.sort_unstable();
                }
                break;
            }
        }
    }

    /// Text characters of the root holding `e` (0 outside the roots).
    fn root_chars(&self, root_of: &[u32], e: u32) -> u32 {
        match root_of[e as usize] {
            NONE => 0,
            r => self.chars[r as usize],
        }
    }

    /// A box holding much of the article's text, or several prose paragraphs
    /// and few links, is not furniture whatever its class says (BEM names like
    /// `section--ads` or `enable-pin-share` mislead), unless named a comment.
    fn prose_box(&self, root_of: &[u32], i: usize) -> bool {
        let root_chars = self.root_chars(root_of, i as u32);
        let ld = density(self.links[i], self.chars[i]);
        let cls = &self.elems[i].cls;
        let commentish = tokens(cls).any(is_comment_class);
        // A caption box counts as prose only when it holds much of the text.
        let caption = tokens(cls).any(is_caption_class);
        !commentish
            && (self.chars[i] as f32 >= PROSE_BOX_SHARE * root_chars as f32
                || (!caption && self.score[i] >= PROSE_BOX_SCORE && ld < PROSE_BOX_MAX_LINKS))
    }

    /// Paragraph continuity: prose blocks just before the first root (a lead or
    /// standfirst set outside the body container), walking back to the headline
    /// past a few short non-prose blocks (dates, credits, share labels).
    fn lead_before(&self, root_of: &[u32], p: &Params) -> Vec<usize> {
        let blocks = &self.w.blocks;
        let mut lead = Vec::new();
        let Some(first) = blocks
            .iter()
            .position(|b| b.elem != NONE && root_of[b.elem as usize] != NONE)
        else {
            return lead;
        };
        let mut j = first;
        let mut skipped = 0;
        while j > 0 && lead.len() < p.lead_max {
            j -= 1;
            let b = &blocks[j];
            if b.elem == NONE || self.strong[b.elem as usize] {
                break;
            }
            if b.kind == BlockKind::Heading && b.level == 1 {
                break;
            }
            let ld = density(b.link_chars, b.chars);
            // A long sub-heading before the body is a standfirst.
            let prose = (b.kind == BlockKind::Paragraph
                || (b.kind == BlockKind::Heading
                    && b.level >= 2
                    && b.chars >= p.lead_heading_chars))
                && b.chars >= PROSE_CHARS
                && ld < PROSE_MAX_LINKS
                && (ends_sentence(&b.text) || b.chars >= p.lead_unended_chars)
                && self.boiler[b.elem as usize] == NONE;
            if prose {
                lead.push(j);
                continue;
            }
            skipped += 1;
            // Captions, credits and link blocks between a lead and the body
            // are passed over whatever their length.
            let passable = b.kind == BlockKind::Caption
                || ld >= LEAD_PASSABLE_LINKS
                || b.text.lines().all(|l| boiler_line(l) || l.contains('©'));
            if skipped > p.lead_skip || (b.chars >= PROSE_CHARS && !passable) {
                break;
            }
        }
        lead
    }

    /// Prose right after the last root (a body continued in a sibling box).
    fn prose_after(&self, root_of: &[u32], p: &Params) -> Vec<usize> {
        let blocks = &self.w.blocks;
        let mut after = Vec::new();
        let Some(last) = blocks
            .iter()
            .rposition(|b| b.elem != NONE && root_of[b.elem as usize] != NONE)
        else {
            return after;
        };
        let mut j = last + 1;
        while j < blocks.len() && after.len() < p.lead_max {
            let b = &blocks[j];
            if b.elem == NONE {
                break;
            }
            let ld = density(b.link_chars, b.chars);
            let prose = b.kind == BlockKind::Paragraph
                && b.chars >= PROSE_CHARS
                && ld < PROSE_MAX_LINKS
                && ends_sentence(&b.text)
                && self.boiler[b.elem as usize] == NONE
                && !self.strong[b.elem as usize];
            if !prose {
                break;
            }
            after.push(j);
            j += 1;
        }
        after
    }

    /// "Related" boxes inside the article, found by their label ("Read also",
    /// "Mehr zum Thema"): the label's small enclosing box is dropped whole.
    /// Returns, per element, how many related boxes hold it.
    fn related_boxes(&self, root_of: &[u32]) -> Vec<i32> {
        let (elems, n) = (self.elems, self.elems.len());
        let mut related: Vec<(u32, u32)> = Vec::new();
        for b in &self.w.blocks {
            if b.elem == NONE
                || b.chars > RELATED_LABEL_CHARS
                || root_of[b.elem as usize] == NONE
                || !related_label(&b.text)
            {
                continue;
            }
            let root_chars = self.root_chars(root_of, b.elem);
            let mut bx = b.elem;
            let par = elems[bx as usize].parent;
            if par != NONE
                && root_of[bx as usize] != bx
                && (self.chars[par as usize] as f32) < RELATED_BOX_SHARE * root_chars as f32
                && self.links[par as usize] as f32
                    >= RELATED_BOX_MIN_LINKS * self.chars[par as usize] as f32
            {
                bx = par;
            }
            related.push((bx, elems[bx as usize].end));
        }
        // A difference array over element ranges.
        let mut in_related = vec![0i32; n + 1];
        for &(a, z) in &related {
            in_related[a as usize] += 1;
            in_related[z as usize + 1] -= 1;
        }
        for k in 0..n {
            in_related[k + 1] += in_related[k];
        }
        in_related
    }

    /// The article's blocks: lead blocks whole, blocks inside the roots line by
    /// line, less related boxes, furniture, link lists, boilerplate lines and
    /// headings that repeat the title.
    fn article_blocks(
        &self,
        root_of: &[u32],
        lead: &[usize],
        in_related: &[i32],
        title: Option<&str>,
        p: &Params,
    ) -> Vec<Picked> {
        let mut out: Vec<Picked> = Vec::new();
        let title_key = title.map(key);
        for (bi, b) in self.w.blocks.iter().enumerate() {
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
            let ba = self.boiler[b.elem as usize];
            // Furniture inside the article; an element holding a large share of
            // the article's text is not furniture whatever its class says.
            if ba != NONE && ba > root && !self.prose_box(root_of, ba as usize) {
                if p.debug {
                    eprintln!("  boiler: {}", b.text.replace('\n', " "));
                }
                continue;
            }
            if !keep_block(b, p) {
                if p.debug {
                    eprintln!("  linky: {}", b.text.replace('\n', " "));
                }
                continue;
            }
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
        out
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

/// A list item with more link density than this…
const LINKED_ITEM_LINKS: f32 = 0.3;
/// …and fewer characters is a link, not text.
const LINKED_ITEM_CHARS: u32 = 120;

/// Not a link block: a block within the link density limit, or a whole linked
/// sentence, and not a short linked list item.
fn keep_block(b: &RawBlock, p: &Params) -> bool {
    let ld = b.link_chars as f32 / b.chars.max(1) as f32;
    // A whole linked sentence inside the article (a blog's linked lede) is text.
    let prose_link = b.kind == BlockKind::Paragraph
        && word_count(&b.text) >= p.prose_link_words
        && ends_sentence(&b.text);
    if ld > p.max_link_density && !prose_link {
        return false;
    }
    if b.kind == BlockKind::ListItem && ld > LINKED_ITEM_LINKS && b.chars < LINKED_ITEM_CHARS {
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

/// A heading of at most this many words is a label at the article's end.
const LABEL_HEADING_WORDS: usize = 12;
/// A line of at most this many words without a sentence end is a label.
const LABEL_WORDS: usize = 6;
/// Most label lines dropped at the start of the article…
const MAX_TRIMMED_HEAD: usize = 4;
/// …and at its end.
const MAX_TRIMMED_TAIL: usize = 6;
/// A byline is at most this many words.
const BYLINE_WORDS: usize = 10;

/// Drops short non-sentence lines (dates, bylines, labels) and trailing
/// headings at the start and end of the article.
fn trim_edges(out: &mut Vec<Picked>, debug: bool) {
    let junk = |b: &Picked| {
        let wc = word_count(&b.text);
        (b.kind == BlockKind::Heading && wc <= LABEL_HEADING_WORDS)
            || (wc <= LABEL_WORDS && !ends_sentence(&b.text))
            || byline_line(&b.text)
    };
    // At the start short labels (dates, kickers) and bylines go; a heading
    // introduces the text and stays.
    let head_junk = |b: &Picked| {
        let wc = word_count(&b.text);
        (wc <= LABEL_WORDS && !ends_sentence(&b.text) && b.kind != BlockKind::Heading)
            || byline_line(&b.text)
    };
    let mut start = 0;
    while start < out.len() && head_junk(&out[start]) && start < MAX_TRIMMED_HEAD {
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
        if k >= MAX_TRIMMED_TAIL || !(junk(b) || b.kind == BlockKind::Caption) {
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
    wc <= BYLINE_WORDS && (l.starts_with("By ") || l.starts_with("BY ") || l.starts_with("by "))
}

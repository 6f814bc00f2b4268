//! Line-level page-chrome rules: ad slots, calls to action, navigation, share
//! buttons, captions and photo credits, legal lines, bylines. General patterns
//! seen across news sites; nothing here is specific to one article.

use unspin_doc::ChromeKind;

/// Lower-cased line with surrounding punctuation, arrows and bullets removed,
/// for whole-line matches ("Advertisement", "READ MORE »", "Related:").
pub fn key(line: &str) -> String {
    line.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '.'
                    | '!'
                    | '»'
                    | '«'
                    | '›'
                    | '‹'
                    | '>'
                    | '<'
                    | '|'
                    | '-'
                    | '–'
                    | '—'
                    | '…'
                    | '•'
                    | '·'
                    | '*'
                    | '#'
                    | '→'
                    | '←'
                    | '▶'
                    | '►'
                    | '['
                    | ']'
                    | '('
                    | ')'
                    | '+'
            )
    })
    .to_lowercase()
    .replace(['’', '‘'], "'")
}

/// Number of words, counting at most 61 (callers only compare with limits up
/// to 60, so long paragraphs are not scanned to the end).
pub fn word_count(line: &str) -> usize {
    count_words(line, 61)
}

/// Words separated by ASCII whitespace (text is normalised before), stopping
/// once `cap` is reached.
pub fn count_words(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n >= cap {
                return n;
            }
        }
    }
    n
}

/// True when the line starts with an opening quotation mark (quoted speech is
/// never chrome).
pub fn starts_with_quote(line: &str) -> bool {
    line.starts_with(['"', '“', '”', '‘', '\'', '«', '„', '‹', '「'])
}

const AD_EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "sponsored links",
    "sponsored stories",
    "sponsored post",
    "paid content",
    "paid post",
    "paid partnership",
    "promoted",
    "promoted content",
    "promoted stories",
    "partner content",
    "ad feedback",
    "skip advertisement",
    "advertise with us",
    "ad choices",
    "adchoices",
    "anzeige",
    "publicité",
    "publicidad",
    "pubblicità",
];

const AD_PREFIX: &[&str] = &[
    "story continues below",
    "article continues below",
    "content continues below",
    "text continues below",
    "continue reading below",
    "article continues after",
    "story continues after",
    "scroll to continue",
    "advertisement -",
    "advertisement:",
    "sponsored by ",
    "this content is sponsored",
    "this article is sponsored",
    "ad -",
];

const NAV_EXACT: &[&str] = &[
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended reading",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related coverage",
    "related news",
    "related topics",
    "related posts",
    "related reading",
    "related links",
    "related video",
    "related videos",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "most commented",
    "popular",
    "popular now",
    "popular stories",
    "trending",
    "trending now",
    "trending stories",
    "trending news",
    "top stories",
    "latest",
    "latest news",
    "latest stories",
    "latest videos",
    "more stories",
    "more news",
    "more videos",
    "more",
    "read more",
    "read next",
    "up next",
    "next up",
    "see also",
    "also read",
    "read also",
    "also on",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "don't miss",
    "do not miss",
    "editor's picks",
    "editors' picks",
    "editors picks",
    "more on this story",
    "more on this topic",
    "more on this",
    "continue reading",
    "keep reading",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "next post",
    "previous post",
    "back to top",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "menu",
    "search",
    "home",
    "comments",
    "view comments",
    "show comments",
    "leave a comment",
    "post a comment",
    "load more",
    "show more",
    "see more",
    "view more",
    "explore more",
    "in other news",
    "what to read next",
    "must read",
    "must reads",
    "top picks",
    "featured",
    "featured stories",
    "watch more",
    "video",
    "videos",
    "watch",
    "watch now",
    "watch live",
    "listen",
    "live updates",
    "sections",
    "topics",
    "tags",
    "full coverage",
    "in case you missed it",
    "icymi",
    "newsletter",
    "newsletters",
    "reuse this content",
    "embedded content",
    "video player",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "show caption",
    "view image in fullscreen",
    "view image",
    "expand image",
    "open image in gallery",
    "view gallery",
    "view all comments",
    "loading",
    "next page",
    "previous page",
    "close",
    "kommentare",
    "weiterlesen",
    "mehr zum thema",
    "lire aussi",
    "à lire aussi",
    "lee también",
    "leggi anche",
];

/// Prefixes that make a short line navigation ("Related: …", "Read more: …").
const NAV_PREFIX: &[&str] = &[
    "related:",
    "related coverage:",
    "related content:",
    "related story:",
    "related article:",
    "related stories:",
    "read more:",
    "read more about",
    "read more from",
    "read more at",
    "read more here",
    "read next:",
    "read the full",
    "read the latest",
    "see also:",
    "also read:",
    "read also:",
    "also see:",
    "more:",
    "more from ",
    "more in ",
    "more on ",
    "more news from",
    "more stories from",
    "trending on ",
    "trending in ",
    "most popular on",
    "most popular in",
    "most read on",
    "watch:",
    "watch |",
    "watch live:",
    "video:",
    "videos:",
    "listen:",
    "podcast:",
    "tags:",
    "topics:",
    "filed under",
    "categories:",
    "category:",
    "posted in ",
    "recommended:",
    "must read:",
    "don't miss:",
    "don’t miss:",
    "icymi:",
    "previously:",
    "explore more",
    "view all",
    "see all",
    "go to ",
    "back to ",
    "return to ",
    "home »",
    "home >",
    "home /",
    "home ›",
    "home |",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "ähnliche artikel",
    "kommentar schreiben",
    "artículos relacionados",
    "contenido relacionado",
    "noticias relacionadas",
    "te puede interesar",
    "le puede interesar",
    "también te puede interesar",
    "lee también",
    "lea también",
    "mire:",
    "mira:",
    "articles similaires",
    "à lire aussi",
    "vous aimerez aussi",
    "sur le même sujet",
    "leggi anche",
    "articoli correlati",
    "lire aussi",
];

const CTA_PREFIX: &[&str] = &[
    "join the conversation",
    "join the discussion",
    "join the debate",
    "join our ",
    "join us ",
    "join today",
    "join now",
    "sign up for",
    "sign up to",
    "sign up now",
    "sign up here",
    "sign up today",
    "sign up and",
    "signup",
    "subscribe",
    "subscribers only",
    "subscriber-only",
    "subscriber only",
    "follow us",
    "click here",
    "tap here",
    "click to ",
    "download the app",
    "download our app",
    "get the app",
    "get our app",
    "get the latest",
    "get our ",
    "get breaking news",
    "get the best of",
    "get email updates",
    "get alerts",
    "get unlimited access",
    "get full access",
    "get access",
    "become a member",
    "become a subscriber",
    "become a vip",
    "become a patron",
    "become a supporter",
    "support our journalism",
    "support independent journalism",
    "support our work",
    "support us",
    "support the ",
    "donate",
    "make a donation",
    "enter your email",
    "already a subscriber",
    "already a member",
    "already have an account",
    "log in",
    "login",
    "sign in",
    "register for free",
    "register now",
    "register to ",
    "create a free account",
    "create an account",
    "unlimited access",
    "try it free",
    "try for free",
    "start your free trial",
    "start your trial",
    "start a free trial",
    "free trial",
    "unlock this",
    "unlock unlimited",
    "listen to this article",
    "listen to this story",
    "turn on notifications",
    "allow notifications",
    "have a tip",
    "got a tip",
    "got a news tip",
    "have a news tip",
    "send us a tip",
    "want more",
    "like this article",
    "like what you",
    "enjoyed this",
    "did you enjoy",
    "stay informed",
    "stay up to date",
    "stay up-to-date",
    "stay in the know",
    "never miss",
    "don't miss out",
    "to continue reading",
    "continue reading with",
    "this article is for subscribers",
    "this story is for subscribers",
    "this content is for subscribers",
    "you have reached",
    "you've reached",
    "you’ve reached",
    "thank you for reading",
    "thanks for reading",
    "we rely on",
    "we need your support",
    "please support",
    "please consider",
    "if you value",
    "if you appreciate",
    "if you appreciated",
    "if you enjoyed",
    "read the digital edition",
    "print subscription",
    "add us on",
    "add as a preferred source",
    "add to your",
    "bookmark",
    "save article",
    "save this article",
    "save for later",
    "thanks for signing up",
    "thank you for signing up",
    "thanks for subscribing",
    "thank you for subscribing",
    "please enter a valid",
    "enter a valid email",
    "something went wrong",
    "please try again",
    "invalid email",
    "jetzt abonnieren",
    "abonnieren sie",
    "abonnez-vous",
    "suscríbete",
    "suscribete",
    "hazte miembro",
    "únete",
    "unete",
    "abonnez-vous",
    "inscrivez-vous",
    "melden sie sich",
    "folgen sie uns",
    "síguenos",
    "siguenos",
    "suivez-nous",
    "seguici",
    "iscriviti",
];

const SOCIAL: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "threads",
    "bluesky",
    "tiktok",
    "youtube",
    "linkedin",
    "google news",
    "flipboard",
    "mastodon",
    "telegram",
    "whatsapp",
    "snapchat",
    "reddit",
    "truth social",
    "gettr",
    "rumble",
    "parler",
    "social media",
    "social",
    "apple news",
    "whatsapp channel",
];

const SHARE_TOKENS: &[&str] = &[
    "share",
    "shares",
    "shared",
    "tweet",
    "email",
    "e-mail",
    "mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "copied",
    "comment",
    "comments",
    "save",
    "messenger",
    "telegram",
    "flipboard",
    "pocket",
    "bluesky",
    "threads",
    "sms",
    "text",
    "gift",
    "article",
    "this",
    "story",
    "on",
    "via",
    "url",
    "more",
    "options",
    "or",
    "and",
    "your",
    "friends",
    "teilen",
    "partager",
    "compartir",
];

/// Words that name a photo credit source inside a caption.
const CREDIT_MARKERS: &[&str] = &[
    "getty images",
    "gettyimages",
    "shutterstock",
    "istock",
    "ap photo",
    "ap images",
    "afp via getty",
    "afp photo",
    "reuters/",
    "/reuters",
    "/ reuters",
    "/afp",
    "/ afp",
    "/ap",
    "/ ap",
    "epa-efe",
    "epa/",
    "/epa",
    "alamy",
    "pa wire",
    "pa images",
    "pa media",
    "sipa usa",
    "zuma press",
    "nurphoto",
    "bloomberg via getty",
    "the washington post via getty",
    "photo illustration",
    "file photo",
    "photo credit",
    "image credit",
    "image source",
    "photograph:",
    "photo:",
    "photos:",
    "image:",
    "credit:",
    "pictured:",
    "picture:",
    "photo by ",
    "photos by ",
    "photographed by",
    "courtesy of",
    "(courtesy",
    "screenshot",
    "screengrab",
    "wikimedia commons",
    "creative commons",
];

/// Parenthesised credit words: "(Credit: AP)", "(Photo: …)", "(AP Photo/…)".
const PAREN_CREDIT_START: &[&str] = &[
    "credit",
    "photo",
    "image",
    "photograph",
    "picture",
    "pic",
    "illustration",
    "video",
    "source:",
    "getty",
    "ap photo",
    "afp",
    "reuters",
    "file",
    "courtesy",
    "screenshot",
    "screengrab",
    "via ",
    "shutterstock",
    "epa",
];

/// Prefixes that start a caption or credit line.
const CAPTION_PREFIX: &[&str] = &[
    "image caption",
    "media caption",
    "caption:",
    "pictured:",
    "pictured above",
    "above:",
    "top:",
    "main image:",
    "featured image",
    "featured photo",
    "header image",
    "lead image",
    "cover image",
    "left:",
    "right:",
    "photo:",
    "photos:",
    "photo by",
    "photos by",
    "photograph:",
    "photograph by",
    "photography:",
    "photography by",
    "image:",
    "images:",
    "image source",
    "image credit",
    "image via",
    "credit:",
    "credits:",
    "photo credit",
    "picture:",
    "pictures:",
    "illustration:",
    "illustration by",
    "photo illustration",
    "file photo",
    "foto:",
    "bild:",
];

/// `s` starts with `p` ending at a word boundary ("donate" matches "Donate now"
/// but not "Donated funds …").
fn starts_with_word(s: &str, p: &str) -> bool {
    s.starts_with(p)
        && (p.ends_with(|c: char| !c.is_alphanumeric())
            || !s[p.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// Script source that a broken page leaks as text ("this.prop22 = 'sports'; var
/// theurl=document.location.href; …"): statements, assignments and script words.
fn looks_like_code(line: &str) -> bool {
    let semis = line.matches(';').count();
    let assigns = line.matches(" = ").count() + line.matches("=document").count();
    semis >= 3
        && assigns >= 2
        && ["var ", "this.", "function", "document.", "window.", "){"]
            .iter()
            .any(|w| line.contains(w))
}

/// Why a line is chrome, from rules that look at the line alone.
pub fn classify(line: &str) -> Option<ChromeKind> {
    if looks_like_code(line) {
        return Some(ChromeKind::Other);
    }
    let words = word_count(line);
    if words > 0
        && words <= 3
        && line.chars().all(|c| {
            c == ' '
                || matches!(
                    c,
                    '*' | '_' | '-' | '—' | '–' | '~' | '=' | '+' | '#' | '•' | '·'
                )
        })
    {
        // Decorative separators: "***", "___", "* * *", "———".
        return Some(ChromeKind::Other);
    }
    if words == 0 || words > 60 || starts_with_quote(line) {
        return None;
    }
    let k = key(line);
    let lower = line.to_lowercase().replace(['’', '‘'], "'");
    if words <= 12 && AD_EXACT.contains(&k.as_str()) {
        return Some(ChromeKind::Ad);
    }
    if words <= 20 && AD_PREFIX.iter().any(|p| starts_with_word(&lower, p)) {
        return Some(ChromeKind::Ad);
    }
    if let Some(kind) = legal(&lower, words) {
        return Some(kind);
    }
    if words > 40 {
        return None;
    }
    if is_share(&k, words) {
        return Some(ChromeKind::Share);
    }
    if matches!(
        k.as_str(),
        "sign up"
            | "subscribe"
            | "subscribe now"
            | "register"
            | "log in"
            | "sign in"
            | "donate"
            | "join"
            | "join now"
            | "follow us"
    ) {
        return Some(ChromeKind::CallToAction);
    }
    if NAV_EXACT.contains(&k.as_str()) {
        return Some(ChromeKind::Navigation);
    }
    if words <= 30 && NAV_PREFIX.iter().any(|p| starts_with_word(&lower, p)) {
        return Some(ChromeKind::Navigation);
    }

    if words <= 30 && CTA_PREFIX.iter().any(|p| starts_with_word(&lower, p)) {
        return Some(ChromeKind::CallToAction);
    }
    if words <= 20 && follow_target(line).is_some() {
        return Some(ChromeKind::CallToAction);
    }
    if words <= 8 && join_or_support(line) {
        return Some(ChromeKind::CallToAction);
    }
    if words <= 30 && newsletter_cta(&lower) {
        return Some(ChromeKind::CallToAction);
    }
    if let Some(kind) = caption(line, &lower, words) {
        return Some(kind);
    }
    if words <= 3 && is_counter(&k) {
        return Some(ChromeKind::Navigation);
    }
    if slash_credit(line, words) {
        return Some(ChromeKind::Credit);
    }
    if is_breadcrumb(line) {
        return Some(ChromeKind::Navigation);
    }
    None
}

/// Gallery counters: "1 of 12", "3/10".
fn is_counter(k: &str) -> bool {
    let num = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    match k.split_once(" of ").or_else(|| k.split_once('/')) {
        Some((a, b)) => num(a.trim()) && num(b.trim()),
        None => false,
    }
}

/// "Jane Doe/Agency" or "J Roe/ESO/Flickr": names joined by slashes without
/// spaces, nothing else on the line.
fn slash_credit(line: &str, words: usize) -> bool {
    if words > 6 || !line.contains('/') || line.contains(" / ") || line.contains("://") {
        return false;
    }
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().next().is_some_and(|c| c.is_uppercase())
                && p.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '&'))
        })
}

fn legal(lower: &str, words: usize) -> Option<ChromeKind> {
    if words > 60 {
        return None;
    }
    let t = lower.trim_start();
    let has_year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    if t.starts_with('©') && !has_year && !t.contains("rights reserved") && words > 4 {
        // "© AFP Protesters gather outside …": a photo credit leading a caption.
        return Some(ChromeKind::Caption);
    }
    if t.starts_with("our standards:")
        || t.starts_with("this article is more than")
        || t.starts_with('©')
        || t.starts_with("(c) ")
        || t.starts_with("copyright ©")
        || t.starts_with("copyright (c)")
        || (t.starts_with("copyright ") && t.chars().any(|c| c.is_ascii_digit()) && words <= 15)
        || t.contains("all rights reserved")
        || t.contains("may not be published, broadcast")
        || t.contains("may not be reproduced")
        || t.contains("may not be republished")
        || t.contains("without prior written permission")
    {
        return Some(ChromeKind::Legal);
    }
    let legalese = [
        "privacy policy",
        "terms of use",
        "terms of service",
        "cookie policy",
        "cookie settings",
        "do not sell my",
        "your privacy choices",
        "terms and conditions",
        "privacy notice",
    ];
    if words <= 40 && legalese.iter().any(|l| t.contains(l)) {
        let sentence = t.trim_end().ends_with('.');
        if !sentence
            || t.contains("agree")
            || t.contains(" | ")
            || t.starts_with("by signing")
            || t.starts_with("by subscribing")
            || t.starts_with("by clicking")
            || t.starts_with("by entering")
            || t.starts_with("by registering")
        {
            return Some(ChromeKind::Legal);
        }
    }
    None
}

fn is_share(k: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let toks: Vec<&str> = k
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | ',' | '•' | '·' | ':'))
        .filter(|t| !t.is_empty())
        .collect();
    if toks.is_empty() {
        return false;
    }
    if k.starts_with("share this")
        || k.starts_with("share on ")
        || k.starts_with("share via ")
        || k == "share"
    {
        return true;
    }
    // A row of share buttons: every token is a share word, with at least one
    // strong share word (share/tweet/print/a network) and at least two tokens
    // unless the only token is a share verb.
    let all = toks
        .iter()
        .all(|t| SHARE_TOKENS.contains(t) || t.chars().all(|c| c.is_ascii_digit()));
    let strong = toks
        .iter()
        .filter(|t| {
            matches!(
                **t,
                "copied"
                    | "share"
                    | "tweet"
                    | "print"
                    | "facebook"
                    | "twitter"
                    | "linkedin"
                    | "whatsapp"
                    | "pinterest"
                    | "reddit"
                    | "email"
                    | "copy"
            )
        })
        .count();
    all && strong >= 1
        && (toks.len() >= 2 || strong == 1 && matches!(toks[0], "share" | "tweet" | "print"))
        && !(toks.len() == 1 && toks[0] == "email")
}

/// "Home > News > Politics", "News / World / Europe".
fn is_breadcrumb(line: &str) -> bool {
    let seps = ['>', '›', '»', '/', '|'];
    let spaced = seps.iter().any(|s| line.contains(&format!(" {s} ")));
    if !spaced {
        return false;
    }
    let parts: Vec<&str> = line.split(|c| seps.contains(&c)).map(str::trim).collect();
    if parts.len() < 3 || parts.iter().any(|p| p.is_empty() || word_count(p) > 4) {
        return false;
    }
    // Every part is a capitalised label without sentence punctuation.
    parts.iter().all(|p| {
        p.chars().next().is_some_and(|c| c.is_uppercase())
            && !p.ends_with('.')
            && !p.chars().any(|c| c.is_ascii_digit())
    })
}

/// "Follow X on Twitter" / "Follow us on …": returns X ("us" included).
pub fn follow_target(line: &str) -> Option<String> {
    // Work on the original string with ASCII-only case folding so that byte
    // offsets stay valid for any script.
    if !line
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("follow "))
    {
        return None;
    }
    let rest = &line[7..];
    // "Follow X on <network>" or "Follow X: @handle"
    if let Some(i) = rfind_ascii_ci(rest, " on ") {
        let net = rest[i + 4..]
            .trim_matches(|c: char| !c.is_alphanumeric() && c != ' ')
            .to_lowercase();
        let net_ok = SOCIAL.iter().any(|s| net.starts_with(s))
            || net.split([',', ' ']).any(|w| SOCIAL.contains(&w));
        if net_ok {
            return Some(rest[..i].trim().to_string());
        }
    }
    if rest.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("us")) && word_count(line) <= 8 {
        return Some("us".to_string());
    }
    if line.contains('@') && word_count(line) <= 8 {
        let target = rest.split([':', '@']).next().unwrap_or("").trim();
        return Some(target.to_string());
    }
    None
}

/// Last position of an ASCII `needle` in `hay`, ignoring ASCII case.
fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// "Join Daily Planet Plus", "Support The Clarion": a short imperative naming
/// the site, without a sentence full stop.
fn join_or_support(line: &str) -> bool {
    let Some((verb, rest)) = line.split_once(' ') else {
        return false;
    };
    matches!(verb, "Join" | "JOIN" | "Support" | "SUPPORT")
        && rest.chars().next().is_some_and(|c| c.is_uppercase())
        && !line.trim_end().ends_with('.')
}

fn newsletter_cta(lower: &str) -> bool {
    let topic = [
        "newsletter",
        "inbox",
        "e-mail alerts",
        "email alerts",
        "breaking news alerts",
    ];
    let verbs = [
        "sign up",
        "subscribe",
        "delivered",
        "straight to",
        "get ",
        "receive",
        "for free",
        "enter your",
        "join ",
    ];
    topic.iter().any(|t| lower.contains(t))
        && verbs.iter().any(|v| lower.contains(v))
        && !lower.contains(" said")
        && !lower.contains(" says")
}

/// Captions and photo credits. A line that is only a credit is `credit`; a
/// description with a credit is `caption`.
fn caption(line: &str, lower: &str, words: usize) -> Option<ChromeKind> {
    if words > 60 {
        return None;
    }
    // Trailing parenthesised credit: "Two leaders meet. (Credit: AP)"
    let trimmed = line.trim_end();
    if trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind('(') {
            let inner = trimmed[open + 1..trimmed.len() - 1].trim().to_lowercase();
            let credit = PAREN_CREDIT_START.iter().any(|p| inner.starts_with(p))
                || CREDIT_MARKERS.iter().any(|m| inner.contains(m));
            if credit && word_count(&inner) <= 12 {
                let before = trimmed[..open].trim();
                return Some(if before.is_empty() {
                    ChromeKind::Credit
                } else {
                    ChromeKind::Caption
                });
            }
        }
    }
    for p in CAPTION_PREFIX {
        if let Some(rest) = lower.strip_prefix(p) {
            // "Image caption, …" and "Pictured: …" describe; "Photo: AP" credits.
            let describes =
                p.contains("caption") || p.starts_with("pictured") || word_count(rest) > 8;
            return Some(if describes {
                ChromeKind::Caption
            } else {
                ChromeKind::Credit
            });
        }
    }
    // A credit marker near the end of a short line: "… Photo: Jane Doe/Getty Images".
    if words <= 45 {
        let tail_start = lower.len().saturating_sub(70);
        let tail_start = (tail_start..=lower.len())
            .find(|&i| lower.is_char_boundary(i))
            .unwrap_or(lower.len());
        let tail = &lower[tail_start..];
        if CREDIT_MARKERS.iter().any(|m| tail.contains(m)) {
            // Body sentences that merely mention a photo agency end in a period
            // after ordinary words; credits end in the agency name.
            let ends_credit = !lower.trim_end().ends_with('.')
                || CREDIT_MARKERS.iter().any(|m| {
                    let m = m.trim_matches(['/', ' ', ':', '(']);
                    !m.is_empty() && lower.trim_end().trim_end_matches('.').ends_with(m)
                });
            if ends_credit {
                return Some(if words <= 6 {
                    ChromeKind::Credit
                } else {
                    ChromeKind::Caption
                });
            }
        }
    }
    None
}

/// A byline: the names it gives and an outlet when it names one.
#[derive(Debug, Default, PartialEq)]
pub struct Byline {
    pub names: Vec<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
}

/// Role words that follow names in bylines ("Jane Doe, Senior Correspondent").
const ROLE_WORDS: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "staff",
    "contributor",
    "columnist",
    "bureau",
    "chief",
    "senior",
    "political",
    "producer",
    "analyst",
    "journalist",
    "reporters",
    "writers",
    "editors",
    "contributors",
    "correspondents",
    "intern",
    "fellow",
    "associate",
    "deputy",
    "managing",
    "national",
    "international",
    "white house",
    "special",
];

/// Wire services and agencies (short list) that appear in bylines and datelines.
pub const WIRES: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "The Associated Press",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "UPI",
    "dpa",
    "PA",
    "PA Media",
    "Press Association",
    "ANI",
    "PTI",
    "IANS",
    "Xinhua",
    "EFE",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "TASS",
    "CNN",
    "BBC",
    "NPR",
    "Axios",
    "Politico",
];

/// Parses "By Jane Doe and John Roe | Reuters", "By JANE DOE, Staff Writer",
/// "Written by …", "Reporting by …; Editing by …".
pub fn byline(line: &str) -> Option<Byline> {
    let words = word_count(line);
    if !(2..=25).contains(&words) {
        return None;
    }
    let line = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .unwrap_or(line);
    let lower = line.to_lowercase();
    let prefixes = [
        "by ",
        "written by ",
        "words by ",
        "story by ",
        "reporting by ",
        "report by ",
        "author: ",
        "authors: ",
        "von ",
        "par ",
        "por ",
    ];
    if words <= 8 && !prefixes.iter().any(|p| lower.starts_with(*p)) {
        // "Jane Doe, CNN" / "Jane Doe | Reuters": a name and a wire service.
        for sep in [", ", " | ", " - ", " — "] {
            if let Some((name, org)) = line.split_once(sep) {
                let org = org.trim().trim_end_matches('.');
                if let Some(w) = WIRES.iter().find(|w| w.eq_ignore_ascii_case(org)) {
                    if is_name(name) && word_count(name) >= 2 {
                        return Some(Byline {
                            names: vec![title_case_if_caps(name.trim())],
                            outlet: Some(w.to_string()),
                            date: None,
                        });
                    }
                }
                // "Jane Smith, Political Editor"
                let role = org.to_lowercase();
                if sep == ", "
                    && is_name(name)
                    && word_count(name) >= 2
                    && is_name(org)
                    && role.split_whitespace().any(|w| ROLE_WORDS.contains(&w))
                {
                    return Some(Byline {
                        names: vec![title_case_if_caps(name.trim())],
                        outlet: None,
                        date: None,
                    });
                }
            }
        }
    }
    let Some(plen) = prefixes
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| p.len())
    else {
        // "Daily Planet Staff" / "The Clarion Staff Writers" on a line of its own.
        let staff = [
            " Staff",
            " Staff Writers",
            " Staff Writer",
            " Staff Report",
            " Newsroom",
            " News Desk",
        ];
        let outlet = staff.iter().find_map(|s| line.strip_suffix(s))?;
        return (looks_outlet(outlet) && word_count(outlet) <= 4 && is_name(outlet)).then(|| {
            Byline {
                outlet: Some(outlet.to_string()),
                ..Default::default()
            }
        });
    };
    let mut rest = line[plen..].trim();
    if !rest.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    // "By Jane Doe Updated 3:45 PM EST, Jan 5, 2025": the stamp is a date part.
    let mut stamp: Option<&str> = None;
    for kw in [
        " Updated",
        " Published",
        " Posted",
        " Last updated",
        " UPDATED",
        " PUBLISHED",
    ] {
        if let Some(i) = rest.find(kw) {
            stamp = Some(&rest[i..]);
            rest = &rest[..i];
            break;
        }
    }
    // A body sentence starting with "By" ("By Tuesday, the rebels had …") has a
    // verb-heavy tail; require name-like parts.
    let mut out = Byline::default();
    let mut parts: Vec<&str> = rest
        .split([';', '|', '•', '·', '—', '–'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let names_part = parts.remove(0);
    let mut bad = 0;
    for chunk in names_part
        .split(", ")
        .flat_map(|c| c.split(" and "))
        .flat_map(|c| c.split(" AND "))
        .flat_map(|c| c.split(" & "))
        .flat_map(|c| c.split(" und "))
        .flat_map(|c| c.split(" et "))
        .flat_map(|c| c.split(" y "))
    {
        let mut c = chunk.trim().trim_end_matches(['.', ',']).trim();
        if c.is_empty() {
            continue;
        }
        // "Jane Doe for Dailymail.com" / "Jane Doe in London"
        if let Some((name, extra)) = split_word(c, " for ").or_else(|| split_word(c, " in ")) {
            let e = extra.trim();
            if e.chars().next().is_some_and(|c| c.is_uppercase())
                && looks_outlet(e)
                && split_word(c, " for ").is_some()
            {
                out.outlet
                    .get_or_insert(e.trim_end_matches('.').to_string());
            }
            c = name.trim();
        }
        let cl = c.to_lowercase();
        if let Some(o) = c
            .strip_suffix(" Staff")
            .or_else(|| c.strip_suffix(" staff"))
            .or_else(|| c.strip_suffix(" Staff Writer"))
        {
            out.outlet.get_or_insert(o.trim().to_string());
            continue;
        }
        if let Some(w) = WIRES.iter().find(|w| w.eq_ignore_ascii_case(c)) {
            out.outlet.get_or_insert(w.to_string());
            continue;
        }
        if cl.split_whitespace().any(|w| ROLE_WORDS.contains(&w)) {
            // "Daily Mail Reporter": an outlet followed by a role.
            let kept: Vec<&str> = c
                .split_whitespace()
                .take_while(|w| !ROLE_WORDS.contains(&w.to_lowercase().as_str()))
                .collect();
            let o = kept.join(" ");
            if !o.is_empty() && ends_with_outlet_word(&o) && is_name(&o) {
                out.outlet.get_or_insert(o);
            }
            continue;
        }
        if is_name(c) {
            out.names.push(title_case_if_caps(c));
        } else if crate::dates::parse_date(c).is_some() {
            out.date = crate::dates::parse_date(c);
        } else {
            bad += 1;
        }
    }
    for p in parts {
        if let Some(d) = crate::dates::parse_date(p) {
            out.date.get_or_insert(d);
            continue;
        }
        let pl = p.to_lowercase();
        if pl.starts_with("editing by")
            || pl.starts_with("additional reporting")
            || pl.starts_with("edited by")
            || pl.contains("contributed")
        {
            continue;
        }
        let name = p.trim_end_matches('.');
        if let Some(w) = WIRES.iter().find(|w| w.eq_ignore_ascii_case(name)) {
            out.outlet.get_or_insert(w.to_string());
        } else if looks_outlet(name) && out.outlet.is_none() && word_count(name) <= 4 {
            out.outlet = Some(name.to_string());
        }
    }
    if let Some(st) = stamp {
        if let Some(d) = crate::dates::parse_date(st) {
            out.date.get_or_insert(d);
        }
    }
    if bad > 0 || (out.names.is_empty() && out.outlet.is_none()) {
        return None;
    }
    Some(out)
}

/// Splits at the first ASCII-case-insensitive occurrence of the ASCII word `w`.
fn split_word<'a>(s: &'a str, w: &str) -> Option<(&'a str, &'a str)> {
    let (h, n) = (s.as_bytes(), w.as_bytes());
    let i = (0..(h.len() + 1).saturating_sub(n.len()))
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))?;
    Some((&s[..i], &s[i + w.len()..]))
}

/// A plausible outlet name: short, capitalised, or a domain.
pub fn looks_outlet(s: &str) -> bool {
    let s = s.trim();
    let wc = word_count(s);
    (1..=5).contains(&wc)
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !s.ends_with('.')
        && !s.contains(['"', '“', '”'])
}

/// "JANE DOE" → "Jane Doe"; other spellings unchanged.
fn title_case_if_caps(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_string() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 1–5 words, each capitalised, an initial, or a name particle.
pub fn is_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 5 {
        return false;
    }
    let particles = [
        "de", "van", "von", "der", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn", "dos",
        "das", "ter", "ten", "y",
    ];
    let caps = ws
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    caps >= 1
        && ws.iter().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            (first.is_uppercase() || particles.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// An outlet that chrome names, with a priority (higher wins).
pub fn outlet_hint(line: &str, kind: ChromeKind) -> Option<(String, u8)> {
    let lower = line.to_lowercase();
    match kind {
        ChromeKind::Legal => {
            let t = line.trim();
            let mut s = t.to_string();
            for p in ["Copyright", "COPYRIGHT", "copyright", "©", "(c)", "(C)"] {
                s = s.replace(p, " ");
            }
            let s = s
                .split(['.', '|', ';', '('])
                .next()
                .unwrap_or("")
                .to_string();
            let words: Vec<&str> = s
                .split_whitespace()
                .filter(|w| {
                    let w = w.trim_matches([',', '-', '–']);
                    !w.is_empty()
                        && !w
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
                })
                .collect();
            let mut name = words.join(" ");
            for suf in [
                ", Inc", " Inc", ", LLC", " LLC", " Ltd", " Limited", " Corp", ", Co", " Co",
                " GmbH", " S.A", " plc", " PLC", ",",
            ] {
                if let Some(n) = name.strip_suffix(suf) {
                    name = n.to_string();
                }
            }
            let name = name.trim().trim_end_matches(',').trim().to_string();
            let has_year = lower
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
            (!name.is_empty()
                && has_year
                && lower.trim_start().starts_with(['©', 'c', '('])
                && looks_outlet(&name)
                && !name.to_lowercase().starts_with("all rights"))
            .then_some((name, 4))
        }
        ChromeKind::Navigation => {
            let rest = [
                "trending on ",
                "most popular on ",
                "most read on ",
                "more from ",
                "more stories from ",
                "more news from ",
            ]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| line[p.len()..].trim())?;
            let prio = if lower.starts_with("more") { 1 } else { 2 };
            let mut name = rest.trim_end_matches([':', '.', '»', '›', ' ']).to_string();
            for suf in [
                " Videos",
                " Video",
                " Now",
                " Today",
                " Right Now",
                " videos",
                " video",
            ] {
                if let Some(n) = name.strip_suffix(suf) {
                    name = n.to_string();
                }
            }
            (looks_outlet(&name) && word_count(&name) <= 3).then_some((name, prio))
        }
        ChromeKind::CallToAction => {
            if let Some(t) = follow_target(line) {
                // "Follow the Daily Ledger on …": the outlet is "Daily Ledger".
                let t = match t.get(..4) {
                    Some(p) if p.eq_ignore_ascii_case("the ") => t[4..].to_string(),
                    _ => t,
                };
                let tl = t.to_lowercase();
                if tl == "us" || tl == "me" || tl.is_empty() || tl.starts_with('@') {
                    return None;
                }
                let outletish = word_count(&t) == 1 || ends_with_outlet_word(&t) || t.contains('.');
                return (looks_outlet(&t) && outletish).then_some((t, 2));
            }
            // "Sign up for The Sentinel's daily newsletter": the outlet owns the newsletter.
            if let Some(rest) = ["sign up for ", "subscribe to "]
                .iter()
                .find(|p| lower.starts_with(*p))
                .map(|p| &line[p.len()..])
            {
                if let Some(i) = rest.find("'s ").or_else(|| rest.find("\u{2019}s ")) {
                    let name = rest[..i].trim();
                    let capitalised = name
                        .split_whitespace()
                        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
                    if capitalised && (1..=4).contains(&word_count(name)) && looks_outlet(name) {
                        return Some((name.to_string(), 2));
                    }
                }
            }
            if lower.starts_with("join ") {
                let rest = line[5..].trim();
                let mut ws: Vec<&str> = rest
                    .split_whitespace()
                    .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                    .collect();
                while let Some(l) = ws.last() {
                    if [
                        "VIP",
                        "Plus",
                        "Premium",
                        "Members",
                        "Member",
                        "Membership",
                        "Today",
                        "Now",
                        "Insider",
                        "Pro",
                    ]
                    .contains(l)
                    {
                        ws.pop();
                    } else {
                        break;
                    }
                }
                let stop = [
                    "The",
                    "Our",
                    "Us",
                    "Now",
                    "Today",
                    "Free",
                    "A",
                    "An",
                    "Me",
                    "Thousands",
                    "Millions",
                    "Over",
                    "More",
                ];
                if ws.is_empty() || stop.contains(&ws[0]) {
                    return None;
                }
                let name = ws.join(" ");
                return (ws.len() == 1 || ends_with_outlet_word(&name)).then_some((name, 1));
            }
            None
        }
        _ => None,
    }
}

/// Names ending like a news outlet ("… News", "… Times", "… Post").
pub fn ends_with_outlet_word(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    [
        "News",
        "Times",
        "Post",
        "Journal",
        "Magazine",
        "Daily",
        "Herald",
        "Tribune",
        "Telegraph",
        "Guardian",
        "Press",
        "Media",
        "Network",
        "Wire",
        "Gazette",
        "Observer",
        "Star",
        "Sun",
        "Mail",
        "Express",
        "Independent",
        "Review",
        "Report",
        "Beacon",
        "Examiner",
        "Chronicle",
        "Insider",
        "Standard",
        "Mirror",
        "Record",
        "Today",
        "Weekly",
        "Monitor",
        "Caller",
        "Blaze",
        "Register",
        "Bulletin",
        "Dispatch",
        "Inquirer",
        "Sentinel",
        "Courier",
        "Globe",
        "Radio",
        "TV",
        "Television",
        "Broadcasting",
    ]
    .contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ads_nav_cta() {
        assert_eq!(classify("Advertisement"), Some(ChromeKind::Ad));
        assert_eq!(classify("ADVERTISEMENT"), Some(ChromeKind::Ad));
        assert_eq!(
            classify("Story continues below advertisement"),
            Some(ChromeKind::Ad)
        );
        assert_eq!(classify("Recommended"), Some(ChromeKind::Navigation));
        assert_eq!(classify("READ MORE:"), Some(ChromeKind::Navigation));
        assert_eq!(
            classify("Related: Senate Passes the Budget Bill"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            classify("Trending on Daily Planet Videos"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            classify("Home > World > Europe"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            classify("Sign up for our morning newsletter"),
            Some(ChromeKind::CallToAction)
        );
        assert_eq!(
            classify("Join the conversation as a member"),
            Some(ChromeKind::CallToAction)
        );
        assert_eq!(
            classify("Follow The Clarion on Twitter"),
            Some(ChromeKind::CallToAction)
        );
        assert_eq!(
            follow_target("Follow the Valley Ledger on social media").as_deref(),
            Some("the Valley Ledger")
        );
        assert_eq!(
            classify("Get the best stories delivered straight to your inbox."),
            Some(ChromeKind::CallToAction)
        );
        assert_eq!(classify("Share this article"), Some(ChromeKind::Share));
        assert_eq!(classify("3 of 12"), Some(ChromeKind::Navigation));
        assert_eq!(classify("hide caption"), Some(ChromeKind::Navigation));
        assert_eq!(classify("Jane Doe/NPR"), Some(ChromeKind::Credit));
        assert_eq!(classify("Facebook Twitter Email"), Some(ChromeKind::Share));
        assert_eq!(
            classify("© 2024 The Clarion. All rights reserved."),
            Some(ChromeKind::Legal)
        );
    }

    #[test]
    fn captions_and_credits() {
        assert_eq!(
            classify("Two senators at the Capitol. (Credit: AP)"),
            Some(ChromeKind::Caption)
        );
        assert_eq!(classify("(AP Photo/Jane Doe)"), Some(ChromeKind::Credit));
        assert_eq!(classify("Photo: Getty Images"), Some(ChromeKind::Credit));
        assert_eq!(
            classify("The mayor speaks at a rally in Ohio on Monday. Jane Doe/Getty Images"),
            Some(ChromeKind::Caption)
        );
        assert_eq!(
            classify("Image source, Getty Images"),
            Some(ChromeKind::Credit)
        );
        assert_eq!(
            classify("Image caption, Protesters gathered outside parliament"),
            Some(ChromeKind::Caption)
        );
    }

    #[test]
    fn body_is_not_chrome() {
        for s in [
            "Perhaps even the presidency.",
            "Getty Images said on Tuesday that it would cut 200 jobs at its offices in Seattle.",
            "The company changed its privacy policy last week.",
            "“Subscribe to nothing,” she said.",
            "Follow the money, investigators say.",
            "Advertisements for the product ran for weeks before the election in several states.",
            "Subscribers to the service reported outages on Monday.",
            "Donated funds were spent on the campaign.",
            "Sign ups rose sharply after the debate.",
            "Related questions remain unanswered.",
            "Share prices fell sharply on Monday.",
            "By Tuesday, the rebels had taken the airport.",
        ] {
            assert_eq!(classify(s), None, "{s}");
            assert!(byline(s).is_none(), "{s}");
        }
    }

    #[test]
    fn bylines() {
        let b = byline("By Jane Doe and John Roe | Reuters").unwrap();
        assert_eq!(b.names, vec!["Jane Doe", "John Roe"]);
        assert_eq!(b.outlet.as_deref(), Some("Reuters"));
        let b = byline("By JANE DOE, Senior Political Correspondent").unwrap();
        assert_eq!(b.names, vec!["Jane Doe"]);
        let b = byline("By Mary-Ann O'Neil for The Daily Courier").unwrap();
        assert_eq!(b.names, vec!["Mary-Ann O'Neil"]);
        assert_eq!(b.outlet.as_deref(), Some("The Daily Courier"));
        let b = byline("By Planet News Staff").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Planet News"));
        let b = byline("By Jane Doe | Published January 5, 2025").unwrap();
        assert_eq!(b.date.as_deref(), Some("2025-01-05"));
        let b = byline("By Jane Doe Updated 3:45 PM EST, Jan 5, 2025").unwrap();
        assert_eq!(b.names, vec!["Jane Doe"]);
        assert_eq!(b.date.as_deref(), Some("2025-01-05"));
        let b = byline("Jane Doe, CNN").unwrap();
        assert_eq!(b.names, vec!["Jane Doe"]);
        assert_eq!(b.outlet.as_deref(), Some("CNN"));
        assert!(byline("Washington, D.C.").is_none());
        let b = byline("By JOHN DOE FOR DAILYMAIL.COM and JANE ROE, US POLITICAL EDITOR").unwrap();
        assert_eq!(b.names, vec!["John Doe", "Jane Roe"]);
        assert_eq!(b.outlet.as_deref(), Some("DAILYMAIL.COM"));
        let b = byline("By Daily Mail Reporter").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Daily Mail"));
        let b = byline("Jane Smith, Political Editor").unwrap();
        assert_eq!(b.names, vec!["Jane Smith"]);
        assert!(byline("Joe Biden, President").is_none());
    }

    #[test]
    fn outlet_hints() {
        assert_eq!(
            outlet_hint("Trending on Daily Planet Videos", ChromeKind::Navigation),
            Some(("Daily Planet".into(), 2))
        );
        assert_eq!(
            outlet_hint(
                "© 2024 The Clarion, Inc. All rights reserved.",
                ChromeKind::Legal
            ),
            Some(("The Clarion".into(), 4))
        );
        assert_eq!(
            outlet_hint(
                "Copyright 2019-2024 Daily Planet Media LLC",
                ChromeKind::Legal
            ),
            Some(("Daily Planet Media".into(), 4))
        );
        assert_eq!(
            outlet_hint("Follow us on Twitter", ChromeKind::CallToAction),
            None
        );
        assert_eq!(
            outlet_hint("Follow Clarion on Facebook", ChromeKind::CallToAction),
            Some(("Clarion".into(), 2))
        );
        assert_eq!(
            outlet_hint(
                "Sign up for The Harbor Ledger's free daily newsletter",
                ChromeKind::CallToAction
            ),
            Some(("The Harbor Ledger".into(), 2))
        );
        assert_eq!(
            outlet_hint("Sign up for our newsletter", ChromeKind::CallToAction),
            None
        );
        assert_eq!(
            outlet_hint(
                "Follow the Valley Courier on social media",
                ChromeKind::CallToAction
            ),
            Some(("Valley Courier".into(), 2))
        );
        assert_eq!(
            outlet_hint(
                "Join the conversation as a VIP Member",
                ChromeKind::CallToAction
            ),
            None
        );
        assert_eq!(
            outlet_hint("Join Clarion VIP", ChromeKind::CallToAction),
            Some(("Clarion".into(), 1))
        );
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn leaked_script_is_chrome_and_prose_with_semicolons_is_not() {
        let js = "this.prop22 = 'sports'; this.server = this.networkid + '.' + this.language; \
                  this.type = ''; var theurl=document.location.href; var a=theurl.indexOf('home');";
        assert_eq!(classify(js), Some(ChromeKind::Other));
        let prose = "The council met at nine; the vote came at noon; the mayor left at one. \
                     Turnout = low, said one aide, and the budget = unchanged.";
        assert_eq!(classify(prose), None);
    }
}

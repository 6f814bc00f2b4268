//! Calls to action: subscribe, sign up, donate, follow, join or support the
//! site, newsletter prompts.

use super::*;

pub(super) const CTA_PREFIX: &[&str] = &[
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

pub(super) const SOCIAL: &[&str] = &[
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
pub(super) fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
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
pub(super) fn join_or_support(line: &str) -> bool {
    let Some((verb, rest)) = line.split_once(' ') else {
        return false;
    };
    matches!(verb, "Join" | "JOIN" | "Support" | "SUPPORT")
        && rest.chars().next().is_some_and(|c| c.is_uppercase())
        && !line.trim_end().ends_with('.')
}

pub(super) fn newsletter_cta(lower: &str) -> bool {
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

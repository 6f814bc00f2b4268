//! Share buttons: rows of share words and networks ("Share | Tweet | Email").

pub(super) const SHARE_TOKENS: &[&str] = &[
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

pub(super) fn is_share(k: &str, words: usize) -> bool {
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

//! Generated test articles (made up; no real people or outlets).

/// Given names and family names used to make distinct speakers.
const FIRST: &[&str] = &[
    "Ana", "Ben", "Carla", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jun",
];
const LAST: &[&str] = &[
    "Moreau",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Reyes",
    "Novak",
    "Haddad",
    "Brennan",
];
const TOPICS: &[&str] = &[
    "the harbour bridge",
    "the school budget",
    "the water plant",
    "the new rail line",
    "the city library",
];

/// The `i`-th article as (title, plain text paragraphs).
pub fn article(i: usize) -> (String, Vec<String>) {
    let who = format!(
        "{} {}",
        FIRST[i % FIRST.len()],
        LAST[(i / FIRST.len()) % LAST.len()]
    );
    let topic = TOPICS[i % TOPICS.len()];
    let title = format!("Council debates {topic} (report {i})");
    let paras = vec![
        format!("The council met on Tuesday to discuss {topic}, item {i} on a long agenda."),
        format!("\"We cannot keep delaying repairs to {topic} while costs rise every year,\" said councillor {who}."),
        format!("Residents filled the hall. {who} added that a vote on {topic} was expected next month."),
        "Critics said the plan was rushed and asked for an independent review of the figures.".to_string(),
    ];
    (title, paras)
}

/// The `i`-th article as an HTML page.
pub fn article_html(i: usize) -> String {
    let (title, paras) = article(i);
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1>\n{body}</article><footer>Copyright Example Gazette</footer></body></html>"
    )
}

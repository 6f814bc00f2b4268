//! Hostile and degenerate pages: the extractor must return (never panic, never
//! overflow the stack), bound its work, and say when there is no article.

use unspin_html::{extract, BlockKind, NO_ARTICLE};

fn article(paras: usize) -> String {
    let mut s = String::from(
        "<html><head><title>A headline here | Site</title></head><body>\
         <nav><a href=/>Home</a> <a href=/x>World</a></nav><article><h1>A headline here</h1>",
    );
    for i in 0..paras {
        s.push_str(&format!(
            "<p>Paragraph {i} tells the story, with a clause, another clause, and a full stop \
             at the end of a reasonably long sentence about the matter.</p>"
        ));
    }
    s.push_str("</article><footer>Copyright 2024 Site</footer></body></html>");
    s
}

#[test]
fn plain_article() {
    let ex = extract(&article(5));
    assert_eq!(ex.title.as_deref(), Some("A headline here"));
    assert!(ex.text.starts_with("Paragraph 0 tells"), "{}", ex.text);
    assert_eq!(ex.text.matches("\n\n").count(), 4);
    assert!(!ex.text.contains("Home"));
    assert!(!ex.text.contains("Copyright"));
    assert!(!ex.text.contains("A headline here"));
    assert!(ex.warnings.is_empty(), "{:?}", ex.warnings);
}

#[test]
fn empty_page() {
    for src in ["", " ", "<html></html>", "<", "<<<>>>", "&&&;"] {
        let ex = extract(src);
        assert!(ex.text.is_empty());
        assert!(ex.warnings.iter().any(|w| w == NO_ARTICLE), "{src:?}");
    }
}

#[test]
fn no_article_page() {
    let mut s = String::from("<html><body><ul>");
    for i in 0..60 {
        s.push_str(&format!(
            "<li><a href=/a{i}>Teaser headline number {i}</a></li>"
        ));
    }
    s.push_str("</ul></body></html>");
    let ex = extract(&s);
    assert_eq!(ex.text, "");
    assert!(ex.warnings.iter().any(|w| w == NO_ARTICLE));
}

#[test]
fn script_style_template_only() {
    let s = "<html><head><style>p{color:red} .x{}</style><script>var a = '<p>not text</p>';\
             for(;;){}</script></head><body><template><p>Template text that is long enough \
             to count as a paragraph of an article, with commas, and more.</p></template>\
             <noscript><p>Enable JavaScript.</p></noscript><script>document.write('x')</script>\
             </body></html>";
    let ex = extract(s);
    assert_eq!(ex.text, "");
    assert!(ex.warnings.iter().any(|w| w == NO_ARTICLE));
}

#[test]
fn ten_megabyte_single_line() {
    let mut s = String::with_capacity(10 * 1024 * 1024 + 100);
    s.push_str("<html><body><p>");
    while s.len() < 10 * 1024 * 1024 {
        s.push_str("word, another word and a third one. ");
    }
    s.push_str("</p></body></html>");
    let ex = extract(&s);
    assert!(ex.warnings.iter().any(|w| w.contains("only the first")));
    assert!(ex.text.len() <= unspin_html::MAX_INPUT_BYTES);
}

#[test]
fn hundred_thousand_nested_divs() {
    let n = 100_000;
    let mut s = String::with_capacity(n * 12 + 1000);
    s.push_str("<html><body>");
    for _ in 0..n {
        s.push_str("<div>");
    }
    s.push_str("<p>Deep text, with commas, that is long enough to be a paragraph.</p>");
    for _ in 0..n {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    // Run on a small stack to prove nothing recurses.
    let h = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract(&s))
        .unwrap();
    let ex = h.join().expect("no stack overflow");
    assert!(!ex.warnings.is_empty());
}

#[test]
fn nested_inline_and_unclosed() {
    let mut s = String::from("<html><body><article>");
    for _ in 0..50_000 {
        s.push_str("<b><i><span>");
    }
    s.push_str("text");
    for i in 0..5 {
        s.push_str(&format!(
            "<p>Unclosed paragraph {i}, with a comma, long enough to count here"
        ));
    }
    let h = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract(&s))
        .unwrap();
    h.join().expect("no stack overflow");
}

#[test]
fn nuls_and_control_chars() {
    let mut s = article(4);
    s = s.replace("tells the story", "tells\0 the\u{1} story\u{7f}\u{feff}");
    s.insert_str(0, "\0\0\u{1b}[31m");
    let ex = extract(&s);
    assert!(!ex.text.contains('\0'));
    assert!(!ex.text.chars().any(|c| c.is_control() && c != '\n'));
    assert!(ex.text.contains("Paragraph 0"));
    // Replacement characters (from invalid bytes upstream) pass through harmlessly.
    let ex = extract(&article(3).replace("story", "st\u{fffd}ry"));
    assert!(ex.text.contains('\u{fffd}'));
}

#[test]
fn block_kinds_and_metadata() {
    let s = r#"<html lang="en-GB"><head>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"Ld headline","datePublished":"2021-03-04T05:06:07Z",
          "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
          "publisher":{"@type":"Organization","name":"The Daily"}}</script>
        <meta property="og:title" content="OG headline">
        <link rel="canonical" href="https://example.com/a">
        </head><body><article>
        <p>First paragraph of the story, with a comma, and a full stop at the end.</p>
        <h2>A subheading</h2>
        <p>Second paragraph of the story, with a comma, and a full stop at the end.</p>
        <blockquote><p>A quoted passage that the article sets off as a block, with commas.</p></blockquote>
        <ul><li>A list item that is part of the article, long enough to be kept here.</li></ul>
        <figure><img src=x><figcaption>A caption under the photo.</figcaption></figure>
        <p>Closing paragraph of the story, with a comma, and a full stop at the end.</p>
        </article></body></html>"#;
    let ex = extract(s);
    assert_eq!(ex.title.as_deref(), Some("Ld headline"));
    assert_eq!(ex.byline, vec!["Jane Roe", "John Doe"]);
    assert_eq!(ex.published.as_deref(), Some("2021-03-04T05:06:07Z"));
    assert_eq!(ex.outlet.as_deref(), Some("The Daily"));
    assert_eq!(ex.language.as_deref(), Some("en"));
    assert_eq!(ex.url.as_deref(), Some("https://example.com/a"));
    let kinds: Vec<BlockKind> = ex.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BlockKind::Heading), "{kinds:?}");
    assert!(kinds.contains(&BlockKind::Blockquote));
    assert!(kinds.contains(&BlockKind::ListItem));
    assert!(kinds.contains(&BlockKind::Caption));
    assert!(!ex.text.contains("A caption under"));
    let j = ex.to_json();
    for k in [
        "title",
        "byline",
        "published",
        "outlet",
        "language",
        "url",
        "text",
        "blocks",
    ] {
        assert!(j.get(k).is_some(), "{k}");
    }
    assert_eq!(j["blocks"][0]["kind"], "paragraph");
}

#[test]
fn hidden_and_boilerplate_inside_article() {
    let mut s = article(4);
    s = s.replace(
        "</article>",
        "<div class=\"share-tools\"><p>Share this story on social media, with friends, now.</p></div>\
         <p style=\"display: none\">Hidden text that nobody sees, with a comma, right here.</p>\
         <div class=related-links><p>Another story you might like, with commas, to read.</p></div>\
         </article>",
    );
    let ex = extract(&s);
    assert!(!ex.text.contains("Share this"));
    assert!(!ex.text.contains("Hidden text"));
    assert!(!ex.text.contains("Another story"));
}

#[test]
fn unclosed_title_is_not_the_whole_page() {
    // No </title>: the parser reads everything after <title> as its text.
    let src = article(4).replace(
        "A headline here | Site</title>",
        "Site library-->\n<script src=x.js></script>",
    );
    let ex = extract(&src);
    let t = ex.title.unwrap_or_default();
    assert!(!t.contains("<script") && t.len() < 200, "{t}");
    // The page after it is still read as a page.
    assert!(ex.text.starts_with("Paragraph 0 tells"), "{}", ex.text);
    assert!(ex.warnings.iter().any(|w| w.contains("never closed")));
}

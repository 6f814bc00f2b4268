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

/// CPU time (user + system) of the calling thread, in clock ticks, from
/// /proc/thread-self/stat (fields 14 and 15). Unlike wall-clock time it does
/// not grow when other processes share the machine.
fn thread_cpu_ticks() -> u64 {
    let s = std::fs::read_to_string("/proc/thread-self/stat").expect("Linux /proc");
    // The command name (field 2) may hold spaces; count from the ')' after it.
    let rest = &s[s.rfind(')').expect("stat format") + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

/// CPU ticks of `f`, run `reps` times on this thread.
fn cpu_of(reps: usize, mut f: impl FnMut()) -> u64 {
    let t = thread_cpu_ticks();
    for _ in 0..reps {
        f();
    }
    thread_cpu_ticks() - t
}

/// The article page with one `<div>` carrying `n` distinct attributes before it.
fn many_attributes(n: usize) -> String {
    let mut attrs = String::with_capacity(n * 10);
    for i in 0..n {
        attrs.push_str(&format!(" data-a{i}=\"v\""));
    }
    article(5).replace("<article>", &format!("<article><div{attrs}>Kicker</div>"))
}

#[test]
fn eighty_thousand_attributes_are_linear() {
    // Quadratic before the cap: 80k attributes cost 16x what 20k do (~24 s).
    let (small, big) = (many_attributes(20_000), many_attributes(80_000));
    let _ = extract(&small); // warm-up (allocator, lazy statics)
    let t_small = cpu_of(3, || drop(extract(&small))).max(1);
    let t_big = cpu_of(3, || drop(extract(&big)));
    assert!(
        t_big < 6 * t_small,
        "80k attributes cost {t_big} ticks, 20k cost {t_small}: not linear"
    );
    let ex = extract(&big);
    assert!(ex.text.starts_with("Paragraph 0 tells"), "{}", ex.text);
    assert_eq!(ex.text.matches("\n\n").count(), 4);
    assert!(
        ex.warnings
            .iter()
            .any(|w| w.contains("more than 256 attributes")),
        "{:?}",
        ex.warnings
    );
    assert!(ex.warnings.iter().any(|w| w.contains("79744 attributes")));
}

#[test]
fn three_hundred_thousand_attributes_in_an_api_sized_body() {
    // ~2.3 MB with short names, as in the issue; spread over several tags too.
    let attrs: String = (0..300_000).map(|i| format!(" a{i}")).collect();
    assert!(attrs.len() < 2_500_000);
    let one_tag = article(3).replace("<article>", &format!("<article><p{attrs}>"));
    let spread = article(3).replace(
        "<article>",
        &format!(
            "<article><body{}><html{}><b{}>",
            &attrs[..attrs.len() / 3],
            &attrs[attrs.len() / 3..2 * attrs.len() / 3],
            &attrs[2 * attrs.len() / 3..]
        ),
    );
    let reference = extract(&article(3)).text;
    let t_ref = cpu_of(5, || drop(extract(&article(3)))).max(1);
    for page in [one_tag, spread] {
        let t = thread_cpu_ticks();
        let ex = extract(&page);
        let used = thread_cpu_ticks() - t;
        assert_eq!(ex.text, reference);
        assert!(
            ex.warnings.iter().any(|w| w.contains("attributes")),
            "{:?}",
            ex.warnings
        );
        // Linear work: well under what 2.3 MB of article text costs.
        let text_page = article(3).replace(
            "<article>",
            &format!("<article><p>{}</p>", "word ".repeat(attrs.len() / 5)),
        );
        let t_text = cpu_of(1, || drop(extract(&text_page))).max(t_ref);
        assert!(
            used < 20 * t_text,
            "{used} ticks vs {t_text} for plain text"
        );
    }
}

#[test]
fn attribute_values_with_angle_brackets_and_comments() {
    // The cap counts what the parser sees: '>' inside quotes does not end the
    // tag, and a tag hidden in a comment or script is cut too (harmless there).
    let attrs: String = (0..5_000).map(|i| format!(" a{i}='x>y'")).collect();
    for wrap in ["{}", "<!-- {} -->", "<script>var s = \"{}\";</script>"] {
        let page = article(3).replace(
            "<article>",
            &format!("<article>{}", wrap.replace("{}", &format!("<p{attrs}>"))),
        );
        let ex = extract(&page);
        assert!(
            ex.text.starts_with("Paragraph 0 tells"),
            "{wrap}: {}",
            ex.text
        );
        assert!(
            ex.warnings.iter().any(|w| w.contains("attributes")),
            "{wrap}"
        );
    }
}

#[test]
fn token_cap_cuts_the_page_with_a_warning() {
    // The article first, then more than MAX_TOKENS empty elements.
    let mut page = article(4).replace("</body></html>", "");
    page.push_str(&"<br>".repeat(unspin_html::MAX_TOKENS + 5));
    page.push_str("<p>After the cap, with a comma, a sentence that is never read.</p>");
    let ex = extract(&page);
    assert!(ex.text.starts_with("Paragraph 0 tells"), "{}", ex.text);
    assert!(!ex.text.contains("After the cap"));
    assert!(
        ex.warnings
            .iter()
            .any(|w| w.contains("the page was cut at byte")),
        "{:?}",
        ex.warnings
    );
}

#[test]
fn unclosed_formatting_elements_are_bounded() {
    // Each <p> re-creates every formatting element left open: 1,400 distinct
    // <b>s times 4,000 paragraphs was 5.6M elements (~8 s) from 30 kB.
    // Here 4x the <b>s and 4x the paragraphs: 16x the work when unbounded.
    let build = |n: usize, p: usize| {
        let b: String = (0..n).map(|i| format!("<b id={i}>")).collect();
        article(3).replace("<article>", &format!("<article><p>{b}{}", "<p>x".repeat(p)))
    };
    let (small, big) = (build(350, 500), build(1_400, 2_000));
    let _ = extract(&small);
    let t_small = cpu_of(2, || drop(extract(&small))).max(1);
    let t_big = cpu_of(2, || drop(extract(&big)));
    assert!(t_big < 8 * t_small, "{t_big} vs {t_small} ticks");
    let ex = extract(&big);
    assert!(ex.warnings.iter().any(|w| w.contains("formatting")));
}

#[test]
fn many_authors_siblings_and_related_boxes_are_linear() {
    // Paths that were quadratic in the extractor itself (not the parser):
    // distinct author <meta>s, short sibling paragraphs, "Read more" boxes.
    let build = |n: usize| {
        let metas: String = (0..n)
            .map(|i| format!("<meta name=author content=\"Name{i} Person\">"))
            .collect();
        let sibs = "<p>Short one.</p>".repeat(n);
        let related = "<div><p>Read more</p></div>".repeat(n);
        let mut s = article(6).replace("<head>", &format!("<head>{metas}"));
        s = s.replace("</article>", &format!("</article>{sibs}"));
        s.replace("<footer>", &format!("{related}<footer>"))
    };
    let (small, big) = (build(4_000), build(16_000));
    let _ = extract(&small);
    let t_small = cpu_of(2, || drop(extract(&small))).max(1);
    let t_big = cpu_of(2, || drop(extract(&big)));
    assert!(t_big < 8 * t_small, "{t_big} vs {t_small} ticks");
    let ex = extract(&big);
    assert!(ex.text.starts_with("Paragraph 0 tells"), "{}", ex.text);
    assert!(ex.byline.len() <= 50);
}

//! Tests on small articles written for these tests in several outlets' styles,
//! plus general properties on the seed article when it is present.

use super::*;

fn chrome_of<'a>(d: &'a Doc, kind: &str) -> Vec<&'a str> {
    d.chrome
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.text.as_str())
        .collect()
}

fn paras(d: &Doc) -> Vec<&str> {
    d.paragraphs.iter().map(|p| d.slice(p.span)).collect()
}

fn check_spans(d: &Doc) {
    let mut prev = 0;
    for p in &d.paragraphs {
        assert!(p.span.start >= prev && p.span.end <= d.text.len());
        assert!(d.text.is_char_boundary(p.span.start) && d.text.is_char_boundary(p.span.end));
        assert!(!d.slice(p.span).is_empty());
        prev = p.span.end;
    }
    // Paragraphs are joined by exactly one blank line.
    let joined: Vec<&str> = paras(d);
    assert_eq!(joined.join("\n\n"), d.text);
}

#[test]
fn no_clean_is_verbatim() {
    let src = "  Headline Here\r\n\r\nFirst para line one\nline two.\n\n\n  Second para.  \n";
    let d = from_text(src, false);
    assert_eq!(d.text, src);
    assert!(d.chrome.is_empty());
    assert_eq!(d.meta.title, None);
    let ps = paras(&d);
    assert_eq!(
        ps,
        vec![
            "Headline Here",
            "First para line one\nline two.",
            "Second para."
        ]
    );
    assert!(d.paragraphs.iter().all(|p| p.kind == ParagraphKind::Body));
}

#[test]
fn wire_story_with_dateline_and_byline() {
    let src = "\
Central Bank Holds Rates Steady as Inflation Cools

By Maria Lopez and Tom Becker

Published 3:45 PM EST, Jan 5, 2025

FRANKFURT (Reuters) - The central bank left interest rates unchanged on Thursday, saying inflation was falling faster than expected.

\"We are not declaring victory,\" the bank's president told reporters.

Advertisement

Markets had priced in a hold. Bond yields edged lower after the decision.

Reporting by Maria Lopez; Editing by Tom Becker
";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Central Bank Holds Rates Steady as Inflation Cools")
    );
    assert_eq!(d.paragraphs[0].kind, ParagraphKind::Title);
    assert_eq!(d.meta.byline, vec!["Maria Lopez", "Tom Becker"]);
    assert_eq!(d.meta.published.as_deref(), Some("2025-01-05"));
    assert_eq!(d.meta.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.meta.language.as_deref(), Some("en"));
    assert!(d.text.contains("FRANKFURT (Reuters) - The central bank"));
    assert!(d.text.contains("\"We are not declaring victory,\""));
    assert!(!d.text.contains("Advertisement"));
    assert!(!d.text.contains("Published"));
    assert!(!d.text.contains("Editing by"));
    assert_eq!(chrome_of(&d, "ad"), vec!["Advertisement"]);
}

#[test]
fn uk_paper_with_captions_and_single_quotes() {
    let src = "\
Ministers urged to rethink housing plan after backlash

Jane Smith, Political Editor

Mon 6 Jan 2025 14.02 GMT

The housing secretary arrives in Downing Street on Monday. Photograph: John Roe/PA

Ministers are facing calls to rethink their flagship housing plan after a backlash from councils.

'This is simply not workable,' said one council leader. 'We were never asked.'

Image caption, Protesters outside the council offices in Leeds

Share this article

The government insists the plan will go ahead.

© 2025 The Daily Clarion. All rights reserved.
";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Ministers urged to rethink housing plan after backlash")
    );
    assert_eq!(d.meta.published.as_deref(), Some("2025-01-06"));
    assert_eq!(d.meta.outlet.as_deref(), Some("The Daily Clarion"));
    assert_eq!(d.meta.byline, vec!["Jane Smith"]);
    assert_eq!(
        chrome_of(&d, "caption"),
        vec![
            "The housing secretary arrives in Downing Street on Monday. Photograph: John Roe/PA",
            "Image caption, Protesters outside the council offices in Leeds"
        ]
    );
    assert_eq!(chrome_of(&d, "share"), vec!["Share this article"]);
    assert_eq!(chrome_of(&d, "legal").len(), 1);
    assert!(d
        .text
        .contains("'This is simply not workable,' said one council leader."));
    assert!(d
        .text
        .ends_with("The government insists the plan will go ahead."));
}

#[test]
fn blog_with_related_lines_and_teasers() {
    let src = "\
Why the Senate Vote Matters More Than You Think

The vote on Tuesday was closer than anyone expected. Several senators switched sides at the last minute.

Related: Five Senators Who Could Decide the Budget

That is not the whole story, though.

Read more

Budget Talks Collapse as Deadline Nears

What the Shutdown Means for Federal Workers

Still, the leadership says it has the votes.

Is This the End of Bipartisan Budgeting in Washington?

Critics say the process is broken.

Short lines ending with a period are body.

Follow Planet Politics on Twitter
";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(
        chrome_of(&d, "navigation"),
        vec![
            "Related: Five Senators Who Could Decide the Budget",
            "Read more"
        ]
    );
    assert_eq!(
        chrome_of(&d, "teaser"),
        vec![
            "Budget Talks Collapse as Deadline Nears",
            "What the Shutdown Means for Federal Workers",
            "Is This the End of Bipartisan Budgeting in Washington?"
        ]
    );
    assert_eq!(
        chrome_of(&d, "call_to_action"),
        vec!["Follow Planet Politics on Twitter"]
    );
    assert_eq!(
        d.meta.outlet.as_deref(),
        None,
        "two-word non-outlet-like follow target"
    );
    for s in [
        "That is not the whole story, though.",
        "Still, the leadership says it has the votes.",
        "Critics say the process is broken.",
        "Short lines ending with a period are body.",
    ] {
        assert!(d.text.contains(s), "{s}");
    }
}

#[test]
fn newsletter_ctas_and_questions_in_body() {
    let src = "\
How a Small Town Saved Its Only Newspaper

Sign up for our free morning newsletter

The paper had been losing money for a decade. Then the readers stepped in.

Who would pay for local news in 2025?

Most people, it turns out, when they are asked directly.

Get the best stories delivered straight to your inbox.

Subscribe today and get 50% off your first year

Story continues below advertisement

The editor said the model could work elsewhere.
";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(chrome_of(&d, "call_to_action").len(), 3);
    assert_eq!(
        chrome_of(&d, "ad"),
        vec!["Story continues below advertisement"]
    );
    // A sentence-case question is body, not a teaser.
    assert!(d.text.contains("Who would pay for local news in 2025?"));
    assert!(chrome_of(&d, "teaser").is_empty());
}

#[test]
fn hard_wrapped_text_is_joined() {
    let src = "A Plain Title\n\nThis paragraph was wrapped at a fixed width by the\nscraper so that its lines end in the middle of a\nsentence.\n\nOne line per paragraph.\nAnother paragraph here.\n";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(
        paras(&d),
        vec![
            "A Plain Title",
            "This paragraph was wrapped at a fixed width by the scraper so that its lines end in the middle of a sentence.",
            "One line per paragraph.",
            "Another paragraph here."
        ]
    );
}

#[test]
fn body_first_line_is_not_a_title() {
    let src = "The mayor resigned on Friday.\n\nShe had been in office for six years.";
    let d = from_text(src, true);
    assert_eq!(d.meta.title, None);
    assert_eq!(
        d.text,
        "The mayor resigned on Friday.\n\nShe had been in office for six years."
    );
}

#[test]
fn empty_and_weird_input() {
    let d = from_text("", true);
    assert!(d.text.is_empty());
    let d = from_text("\n\n \n", true);
    assert!(d.paragraphs.is_empty());
    let long = "word ".repeat(2_000_000);
    let d = from_text(&long, true);
    // One 10 MB line: bounded paragraphs for the later stages, with a warning.
    assert!(d.paragraphs.len() > 1);
    assert!(d
        .paragraphs
        .iter()
        .all(|p| p.span.len() <= crate::MAX_PARAGRAPH_BYTES));
    assert!(d.warnings.iter().any(|w| w.contains("split")));
}

#[test]
fn seed_article_general_properties() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_a80840316d5e4c4f.txt"
    );
    let Ok(src) = std::fs::read_to_string(path) else {
        eprintln!("skipping seed test: {path} not found");
        return;
    };
    let d = from_text(&src, true);
    check_spans(&d);
    let lines: Vec<&str> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // Title from line 1, kept as the first paragraph.
    assert_eq!(d.meta.title.as_deref(), Some(lines[0]));
    assert_eq!(d.paragraphs[0].kind, ParagraphKind::Title);
    assert_eq!(d.slice(d.paragraphs[0].span), lines[0]);
    // Ad slots gone and listed.
    let ads = lines
        .iter()
        .filter(|l| l.eq_ignore_ascii_case("advertisement"))
        .count();
    assert!(ads > 0);
    assert_eq!(chrome_of(&d, "ad").len(), ads);
    assert!(!d
        .text
        .lines()
        .any(|l| l.trim().eq_ignore_ascii_case("advertisement")));
    // The caption (second line, with a parenthesised credit) is removed.
    assert!(d
        .chrome
        .iter()
        .any(|c| c.text == lines[1] && (c.kind == "caption" || c.kind == "credit")));
    // Exactly one teaser, and it is not body.
    let teasers = chrome_of(&d, "teaser");
    assert_eq!(teasers.len(), 1, "{teasers:?}");
    assert!(!d.text.contains(teasers[0]));
    // The last three lines are chrome.
    for l in &lines[lines.len() - 3..] {
        assert!(d.chrome.iter().any(|c| c.text == *l), "{l}");
        assert!(!d.text.contains(l));
    }
    // Outlet inferred from chrome, not from the caption credit.
    let outlet = d.meta.outlet.as_deref().expect("outlet");
    assert!(lines[lines.len() - 3..].iter().any(|l| l.contains(outlet)));
    // Every quotation paragraph kept; no body sentence lost.
    let chrome_lines: Vec<&str> = d.chrome.iter().map(|c| c.text.as_str()).collect();
    for l in &lines[1..] {
        if l.contains('"') || l.contains('“') {
            assert!(d.text.contains(normalize_ws(l).as_str()), "quote lost: {l}");
        }
        if l.ends_with('.') && !chrome_lines.contains(l) {
            assert!(d.text.contains(normalize_ws(l).as_str()), "body lost: {l}");
        }
    }
    let body_lines = lines.len() - d.chrome.len();
    assert_eq!(d.paragraphs.len(), body_lines);
    assert!(d.chrome.len() <= 10, "{:?}", d.chrome);
    assert_eq!(d.meta.language.as_deref(), Some("en"));
}

#[test]
fn html_basic_article() {
    let html = r#"<!doctype html><html lang="en-GB"><head>
<title>Council Approves New Park | The Daily Clarion</title>
<meta property="og:title" content="Council Approves New Park">
<meta property="og:site_name" content="The Daily Clarion">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<link rel="canonical" href="https://example.org/park">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Approves New Park","author":{"@type":"Person","name":"Jane Smith"},"publisher":{"name":"The Daily Clarion"}}</script>
<style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header><h1>Council Approves New Park</h1></header>
<article>
<p>The council voted 7-2 on Tuesday to approve a new park on the former rail yard.</p>
<div class="ad-slot">Advertisement</div>
<figure><img src="x.jpg"><figcaption>The rail yard in 2020. Photo: John Roe</figcaption></figure>
<h2>A long fight</h2>
<p>Residents had campaigned for the park for a decade.<br>Many attended the vote.</p>
<blockquote><p>"This is a great day for the city," said the mayor.</p></blockquote>
<ul><li>The park will cost $4 million, paid for by a state grant and the city's parks fund.</li><li>It is due to open in the spring of 2027, after two years of soil clean-up on the old tracks.</li></ul>
<p>Advertisement</p>
<script>var x = "<p>not text</p>";</script>
</article>
<footer>© 2025 The Daily Clarion</footer>
</body></html>"#;
    let d = from_html(html, true);
    check_spans(&d);
    assert_eq!(d.meta.title.as_deref(), Some("Council Approves New Park"));
    assert_eq!(d.meta.outlet.as_deref(), Some("The Daily Clarion"));
    assert_eq!(d.meta.byline, vec!["Jane Smith"]);
    assert_eq!(d.meta.byline, vec!["Jane Smith"]);
    assert_eq!(d.meta.published.as_deref(), Some("2025-03-04T09:30:00Z"));
    assert_eq!(d.meta.url.as_deref(), Some("https://example.org/park"));
    assert_eq!(d.meta.language.as_deref(), Some("en"));
    let kinds: Vec<(&str, ParagraphKind)> = d
        .paragraphs
        .iter()
        .map(|p| (d.slice(p.span), p.kind))
        .collect();
    assert_eq!(
        kinds[0],
        ("Council Approves New Park", ParagraphKind::Title)
    );
    assert!(kinds.contains(&("A long fight", ParagraphKind::Heading)));
    assert!(kinds.contains(&(
        "\"This is a great day for the city,\" said the mayor.",
        ParagraphKind::Blockquote
    )));
    assert!(kinds.contains(&(
        "The park will cost $4 million, paid for by a state grant and the city's parks fund.",
        ParagraphKind::ListItem
    )));
    assert!(!d.text.contains("not text"));
    assert!(!d.text.contains("Home"));
    assert!(!d.text.contains("Advertisement"));
    assert!(d
        .chrome
        .iter()
        .any(|c| c.kind == "caption" && c.text.starts_with("The rail yard")));
    assert!(d
        .text
        .contains("Residents had campaigned for the park for a decade."));
    assert!(d.warnings.is_empty());
}

#[test]
fn html_without_article_warns() {
    let d = from_html(
        "<html><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>",
        true,
    );
    assert!(d.text.is_empty());
    assert!(d.warnings.iter().any(|w| w == "no article found"));
}

#[test]
fn html_deep_nesting_and_huge_line() {
    let deep = format!(
        "{}<p>Deep text here. The council met on Tuesday evening and voted to approve the budget for the coming year after a long debate about road repairs and library hours.</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let d = from_html(&deep, true);
    assert!(d.text.contains("Deep text here."));
    let huge = format!(
        "<html><body><p>{}</p></body></html>",
        "word ".repeat(2_000_000)
    );
    let d = from_html(&huge, true);
    assert!(d
        .paragraphs
        .iter()
        .all(|p| p.span.len() <= crate::MAX_PARAGRAPH_BYTES));
    assert!(d.warnings.iter().any(|w| w.contains("split")));
}

#[test]
fn html_no_clean_keeps_everything() {
    let html = "<html><body><nav>Menu</nav><h1>Big News Today</h1><p>Advertisement</p><p>Body text.</p></body></html>";
    let d = from_html(html, false);
    check_spans(&d);
    assert!(d.text.contains("Menu"));
    assert!(d.text.contains("Advertisement"));
    assert!(d.chrome.is_empty());
}

#[test]
fn headline_block_without_blank_lines() {
    let src = "Storm Batters Coast as Thousands Lose Power\nBy The Associated Press\nUpdated 10:02 AM ET, Tue March 4, 2025\nNEW YORK (AP) — A powerful storm knocked out power to thousands of homes on Tuesday.\nOfficials said crews would work through the night.\n";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Storm Batters Coast as Thousands Lose Power")
    );
    assert_eq!(d.meta.outlet.as_deref(), Some("The Associated Press"));
    assert_eq!(d.meta.published.as_deref(), Some("2025-03-04"));
    assert!(d.meta.byline.is_empty());
    assert_eq!(paras(&d).len(), 3);
    assert!(d.text.contains("NEW YORK (AP) — A powerful storm"));
}

#[test]
fn staff_line_and_copyright_give_outlet() {
    let src = "Budget Deal Reached\n\nPlanet Herald Staff\n\nLawmakers reached a deal late on Sunday.\n\nCopyright 2025 Planet Herald Media. All rights reserved.\n";
    let d = from_text(src, true);
    // The copyright line outranks the staff line.
    assert_eq!(d.meta.outlet.as_deref(), Some("Planet Herald Media"));
    assert_eq!(chrome_of(&d, "other"), vec!["Planet Herald Staff"]);
    let d = from_text(
        "Budget Deal Reached\n\nPlanet Herald Staff\n\nLawmakers reached a deal.\n",
        true,
    );
    assert_eq!(d.meta.outlet.as_deref(), Some("Planet Herald"));
}

#[test]
fn caption_credit_is_not_the_outlet() {
    let src = "Mayor Wins Second Term\n\nThe mayor celebrates with supporters. (AP Photo/Jane Doe)\n\nThe mayor won a second term on Tuesday.\n";
    let d = from_text(src, true);
    assert_eq!(d.meta.outlet, None);
    assert_eq!(chrome_of(&d, "caption").len(), 1);
}

#[test]
fn title_case_subheading_is_kept() {
    let src = "A Long Read About Cities\n\nCities are growing fast. Planners struggle to keep up.\n\nThe Housing Question\n\nRents have doubled in a decade.\n";
    let d = from_text(src, true);
    let kinds: Vec<(&str, ParagraphKind)> = d
        .paragraphs
        .iter()
        .map(|p| (d.slice(p.span), p.kind))
        .collect();
    assert!(kinds.contains(&("The Housing Question", ParagraphKind::Heading)));
    assert!(d.chrome.is_empty());
}

#[test]
fn html_title_from_metadata_without_h1() {
    let html = r##"<html><head><title>Rail Strike Ends After Talks - Example News</title>
<meta name="author" content="Ann Lee and Bo Chen"></head>
<body><div class="story"><p>Rail workers returned on Monday after a week-long strike ended with a pay deal agreed overnight by unions and operators.</p>
<div>Unions said members would vote on the deal next week.</div></div>
<div class="share-tools"><a href="#">Share</a></div>
<div class="related-links"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></div>
</body></html>"##;
    let d = from_html(html, true);
    check_spans(&d);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Rail Strike Ends After Talks")
    );
    assert_eq!(d.meta.byline, vec!["Ann Lee", "Bo Chen"]);
    assert_eq!(d.paragraphs[0].kind, ParagraphKind::Title);
    assert!(d
        .text
        .contains("Unions said members would vote on the deal next week."));
    assert!(!d.text.contains("Other story"));
    assert!(!d.text.contains("Share"));
}

#[test]
fn html_deep_nesting_warns() {
    let deep = format!(
        "{}<p>Deep text here. The council met on Tuesday evening and voted to approve the budget for the coming year after a long debate about road repairs and library hours.</p>{}",
        "<section>".repeat(2000),
        "</section>".repeat(2000)
    );
    let d = from_html(&deep, true);
    assert!(d.text.contains("Deep text here."));
    assert!(d.warnings.iter().any(|w| w.contains("nested")));
}

#[test]
fn wire_datelines() {
    assert_eq!(
        wire_dateline("WASHINGTON (Reuters) - The Senate voted.").as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        wire_dateline("Feb 9 (Reuters) - Puerto Rico said.").as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        wire_dateline("NEW YORK, Jan. 5 (AP) — Stocks rose.").as_deref(),
        Some("AP")
    );
    assert_eq!(
        wire_dateline("CNN — The president said.").as_deref(),
        Some("CNN")
    );
    assert_eq!(
        wire_dateline("The senator (a Democrat) - who spoke first - said no."),
        None
    );
    assert_eq!(wire_dateline("Harris (left) — and Clinton."), None);
}

#[test]
fn kicker_separator_and_site_ctas() {
    let src = "Politics\n\nGovernor Signs Budget After Marathon Session\n\nThe governor signed the budget on Friday.\n\n* * *\n\nLink Copied!\n\nJoin Daily Planet Plus\n\nLawmakers went home.\n";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Governor Signs Budget After Marathon Session")
    );
    assert_eq!(chrome_of(&d, "navigation"), vec!["Politics"]);
    assert_eq!(chrome_of(&d, "other"), vec!["* * *"]);
    assert_eq!(chrome_of(&d, "share"), vec!["Link Copied!"]);
    assert_eq!(
        chrome_of(&d, "call_to_action"),
        vec!["Join Daily Planet Plus"]
    );
    assert!(d.text.ends_with("Lawmakers went home."));
}

/// Random mixes of chrome words, tricky characters and markup never panic and
/// always give valid spans.
#[test]
fn no_panics_on_random_input() {
    let pieces = [
        "Advertisement",
        "By ",
        "Follow ",
        " on Twitter",
        "İSTANBUL",
        "(Reuters) - ",
        "©",
        "2024",
        "Photo: ",
        "\n",
        "\n\n",
        "“",
        "”",
        "\u{a0}",
        "\u{200b}",
        "Ünïcödé",
        "日本語",
        "<p>",
        "</p>",
        "<div class=ad>",
        "<h1>",
        "Title Case Words Here",
        ".",
        "?",
        "Jan 5, 2025",
        "Read more:",
        "|",
        "(",
        ")",
        "/",
        "Getty Images",
        "—",
        "-",
        "é",
        "\r\n",
        "<script>",
        "<!--",
        "-->",
        "<br>",
        "<blockquote>",
        "<li>",
        "2025-13-45T",
        "Related",
        "Join ",
        "Trending on ",
        " Videos",
        "@x",
    ];
    let mut state: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..400 {
        let mut s = String::new();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let n = (state % 40) as usize;
        for _ in 0..n {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        for clean in [true, false] {
            let d = from_text(&s, clean);
            for p in &d.paragraphs {
                assert!(
                    d.text.is_char_boundary(p.span.start) && d.text.is_char_boundary(p.span.end)
                );
                assert!(p.span.end <= d.text.len());
            }
            let h = from_html(&s, clean);
            for p in &h.paragraphs {
                assert!(
                    h.text.is_char_boundary(p.span.start) && h.text.is_char_boundary(p.span.end)
                );
            }
        }
    }
}

#[test]
fn repeated_title_with_site_suffix() {
    let src = "Senate Passes Farm Bill | Daily Planet\n\nSenate passes farm bill\n\nThe Senate passed the farm bill on Thursday.\n";
    let d = from_text(src, true);
    assert_eq!(d.meta.title.as_deref(), Some("Senate Passes Farm Bill"));
    assert_eq!(chrome_of(&d, "other"), vec!["Senate passes farm bill"]);
    assert_eq!(
        paras(&d),
        vec![
            "Senate Passes Farm Bill",
            "The Senate passed the farm bill on Thursday."
        ]
    );
}

#[test]
fn single_word_ui_label_does_not_start_a_list() {
    let src = "Floods Hit the Valley Again\n\nRivers burst their banks overnight.\n\nVideo\n\nThe Road Ahead for Valley Farmers\n\nFarmers face a long recovery.\n";
    let d = from_text(src, true);
    assert_eq!(chrome_of(&d, "navigation"), vec!["Video"]);
    // A six-word Title Case line in the body is a teaser by rule, but not because
    // of the "Video" label; a shorter subheading stays.
    let src2 = src.replace("The Road Ahead for Valley Farmers", "The Road Ahead");
    let d = from_text(&src2, true);
    assert!(d.text.contains("The Road Ahead"));
    let src3 = src.replace("Video", "Related stories");
    let d = from_text(&src3, true);
    assert_eq!(
        chrome_of(&d, "teaser"),
        vec!["The Road Ahead for Valley Farmers"]
    );
}

#[test]
fn set_off_teasers_versus_subheadings() {
    // Extra blank lines around a Title Case line: a widget (teaser).
    let src = "Council Votes on Budget\n\nThe council met on Monday.\n\n\nFive Things to Know Today\n\n\nThe vote is next week.\n";
    let d = from_text(src, true);
    assert_eq!(chrome_of(&d, "teaser"), vec!["Five Things to Know Today"]);
    // The same line with ordinary spacing is a subheading and stays.
    let src = src.replace("\n\n\n", "\n\n");
    let d = from_text(&src, true);
    assert!(chrome_of(&d, "teaser").is_empty());
    let kinds: Vec<(&str, ParagraphKind)> = d
        .paragraphs
        .iter()
        .map(|p| (d.slice(p.span), p.kind))
        .collect();
    assert!(kinds.contains(&("Five Things to Know Today", ParagraphKind::Heading)));
}

#[test]
fn html_layout_wrappers_are_not_furniture() {
    // A page-wide <form> (ASP.NET) and a layout class naming a sidebar still hold
    // the story; a comment thread is dropped.
    let para = "The river rose two metres overnight and the town's main bridge was closed to traffic by the police. ";
    let html = format!(
        r#"<html><body><form id="aspnetForm"><div class="layoutTwoColumnsRightSidebar"><h1>River Floods Town Centre</h1><p>{p}</p><p>{p}</p><p>{p}</p></div>
<div class="postcomments"><p>First comment here, I think this is terrible news for everyone involved.</p></div>
<div class="rightRail"><p>Some rail text</p></div></form></body></html>"#,
        p = para
    );
    let d = from_html(&html, true);
    assert_eq!(d.meta.title.as_deref(), Some("River Floods Town Centre"));
    assert!(d.text.contains("The river rose two metres"));
    assert!(!d.text.contains("First comment"));
    assert!(!d.text.contains("rail text"));
}

#[test]
fn tabloid_style_header() {
    let src = "\
Senator Caught on Camera Dozing During Marathon Debate

By JOHN DOE FOR EXAMPLENEWS.COM and JANE ROE, US POLITICAL EDITOR

PUBLISHED: 10:02 EST, 5 January 2025 | UPDATED: 12:03 EST, 5 January 2025

A senator was caught on camera apparently asleep during Tuesday's debate.

'He was resting his eyes,' a spokesman said.

Share or comment on this article:
";
    let d = from_text(src, true);
    check_spans(&d);
    assert_eq!(d.meta.byline, vec!["John Doe", "Jane Roe"]);
    assert_eq!(d.meta.published.as_deref(), Some("2025-01-05"));
    assert_eq!(d.meta.outlet.as_deref(), Some("EXAMPLENEWS.COM"));
    assert_eq!(
        paras(&d),
        vec![
            "Senator Caught on Camera Dozing During Marathon Debate",
            "A senator was caught on camera apparently asleep during Tuesday's debate.",
            "'He was resting his eyes,' a spokesman said."
        ]
    );
}

#[test]
fn bulleted_lines_stay_separate() {
    let src = "Key Points From the Report\n\nThe report lists three findings:\n\n- costs rose\n- delays grew\n- oversight was weak\n\n1. first step\n2. second step\n";
    let d = from_text(src, true);
    check_spans(&d);
    assert!(paras(&d).contains(&"- costs rose"));
    assert!(paras(&d).contains(&"2. second step"));
}

// SCRATCH: delete before finishing.
mod common;
use common::*;
use unspin_doc::*;

#[test]
fn scratch_seed() {
    let raw = std::fs::read_to_string("/work/shared/seed/000_a80840316d5e4c4f.txt").unwrap();
    let drop = [
        "Hillary Clinton and Kamala Harris. (Credit: AP)",
        "Advertisement",
        "A Glass of Wine, a Board Game",
        "Recommended",
        "Join the conversation",
        "Trending on",
    ];
    let paras: Vec<String> = raw
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty() && !drop.iter().any(|d| p.starts_with(d)))
        .collect();
    let mut text = paras.join("\n\n");
    text = format!("# {}", text);
    let mut b = B::new(&text);
    let ny = b.ent(
        "New York Magazine",
        EntityKind::Outlet,
        &["New York Magazine"],
        &["the magazine"],
    );
    let nyer = b.ent("The New Yorker", EntityKind::Outlet, &["New Yorker"], &[]);
    let gd = b.ent(
        "Gabriel Debenedetti",
        EntityKind::Person,
        &["Gabriel Debenedetti"],
        &[],
    );
    let tc = b.ent(
        "Tucker Carlson",
        EntityKind::Person,
        &["Tucker Carlson"],
        &[],
    );
    b.ent(
        "Kamala Harris",
        EntityKind::Person,
        &["Former Vice President Kamala Harris", "Harris", "Kamala"],
        &[],
    );
    b.ent(
        "Hillary Clinton",
        EntityKind::Person,
        &["Hillary Clinton", "Mrs. Clinton", "Hillary"],
        &[],
    );
    b.ent(
        "Bill Clinton",
        EntityKind::Person,
        &["President Bill Clinton"],
        &[],
    );
    b.ent(
        "Donald Trump",
        EntityKind::Person,
        &["Donald Trump", "Trump"],
        &[],
    );
    b.ent(
        "Joe Biden",
        EntityKind::Person,
        &["Joe Biden", "Biden"],
        &[],
    );
    b.ent("Democrat Party", EntityKind::Org, &["Democrat Party"], &[]);
    b.ent("Democrats", EntityKind::Org, &["Democrats"], &[]);
    b.quote("Not long after the election, Harris privately began talking with family, longtime friends, and her most devoted aides about the path ahead,", QuoteKind::Direct, Some(("reporter Gabriel Debenedetti", Some(gd))), Some("describes"));
    b.quote(
        "frustrated and befuddled",
        QuoteKind::Partial,
        None,
        Some("rumored"),
    );
    b.quote("In her final weeks as VP, as Harris heard unsolicited advice from donors, she reached out to some carefully selected allies to hear their thoughts, too,", QuoteKind::Direct, Some(("the New Yorker", Some(nyer))), Some("writes"));
    b.quote("Among them was Hillary Clinton, the other would-be first woman president who lost to Trump and who also famously wrestled with how to manage life after her campaign.", QuoteKind::Direct, Some(("the New Yorker", Some(nyer))), Some("writes"));
    b.quote(
        "a glass of wine, a board game, and a huge grin.",
        QuoteKind::Scare,
        None,
        None,
    );
    b.quote(
        "a low-I.Q. wine mom",
        QuoteKind::Partial,
        Some(("Tucker Carlson", Some(tc))),
        Some("said"),
    );
    b.quote(
        "a dyslexic poet with a limited vocabulary.",
        QuoteKind::Partial,
        Some(("Tucker Carlson", Some(tc))),
        Some("said"),
    );
    b.quote("become some sort of portfolio-free stateswoman, or an above-the-fray adviser to Democrats in search of policy or political guidance, or simply a very rich member of many corporate boards.", QuoteKind::Partial, Some(("Some advisors", None)), Some("suggested"));
    b.quote(
        "Other Democrats have less sparing advice,",
        QuoteKind::Direct,
        Some(("they", Some(ny))),
        Some("add"),
    );
    b.quote(
        "Maybe she should just go away.",
        QuoteKind::Direct,
        Some(("they", Some(ny))),
        Some("add"),
    );
    let d = b.run();
    for s in &d.sources {
        println!(
            "SOURCE {:?} {:?} {:?}",
            s.kind,
            s.name,
            s.mentions.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()
        );
    }
    for f in &d.findings {
        println!(
            "FINDING {} | {} | {:?}",
            f.kind,
            f.message,
            f.spans.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()
        );
    }
    for s in &d.sentences {
        let t = d.slice(s.span);
        println!(
            "{:<10} {}",
            s.attribution.as_str(),
            t.chars().take(90).collect::<String>()
        );
    }
}

#[test]
fn scratch_seed_pipeline() {
    let raw = std::fs::read_to_string(
        std::env::var("F").unwrap_or("/work/shared/seed/000_a80840316d5e4c4f.txt".into()),
    )
    .unwrap();
    let d = unspin_pipeline::analyze_text("seed", &raw, unspin_pipeline::Options { rhetoric: false, ..Default::default() });
    println!("CHROME {:?}", d.chrome);
    println!(
        "ENT {:?}",
        d.entities
            .iter()
            .map(|e| (e.name.clone(), e.kind, e.mentions.len()))
            .collect::<Vec<_>>()
    );
    for q in &d.quotes {
        println!(
            "QUOTE {:?} {:?} {:?}",
            q.kind,
            q.speaker.as_ref().map(|s| (d.slice(s.span), s.entity)),
            d.slice(q.span).chars().take(50).collect::<String>()
        );
    }
    for s in &d.sources {
        println!(
            "SOURCE {:?} {:?} {:?}",
            s.kind,
            s.name,
            s.mentions.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()
        );
    }
    for f in &d.findings {
        println!(
            "FINDING {} | {} | {:?}",
            f.kind,
            f.message,
            f.spans.iter().map(|m| d.slice(*m)).collect::<Vec<_>>()
        );
    }
    for s in &d.sentences {
        let t = d.slice(s.span);
        println!(
            "{:<10} {:?} {}",
            s.attribution.as_str(),
            d.paragraphs[s.paragraph].kind,
            t.chars().take(90).collect::<String>()
        );
    }
}

#[test]
fn scratch_timing() {
    let raw = std::fs::read_to_string("/work/shared/seed/000_a80840316d5e4c4f.txt").unwrap();
    let mut d = unspin_pipeline::analyze_text("seed", &raw, unspin_pipeline::Options { rhetoric: false, ..Default::default() });
    d.sources.clear();
    d.findings.clear();
    let t = std::time::Instant::now();
    for _ in 0..500 {
        let mut x = d.clone();
        unspin_sources::detect(&mut x);
    }
    println!("TIMING {:?} per doc", t.elapsed() / 500);
}

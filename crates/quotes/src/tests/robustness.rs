//! That odd, random, huge and pathological inputs never panic and stay near-linear; segmenter sentences work.

use super::*;

#[test]
fn unbalanced_and_odd_marks_never_panic() {
    for t in [
        "\"",
        "“",
        "”",
        "\"\"",
        "a \" b",
        "“open and never closed",
        "closed” then “open",
        "‘ ’ ' \" « » „ “",
        "He said \"x\n\n\"y",
        "é\"ü\"ö „ñ",
        "\"A,\" said",
        "said \"",
        "according to",
        ": \"",
        "Q:\n\nA:",
        "A: yes\n\nQ: no",
    ] {
        let d = run(t);
        for q in &d.quotes {
            assert!(q.span.start <= q.span.end && q.span.end <= t.len());
        }
    }
}

#[test]
fn works_with_sentences_from_a_segmenter() {
    let text = "\"We will win,\" Smith said. Then he left. \"Really,\" Jones added.";
    let mut d = Doc::new(text);
    for (a, b) in [(0, 26), (27, 40), (41, text.len())] {
        d.sentences.push(unspin_doc::Sentence {
            span: Span::new(a, b),
            paragraph: 0,
            attribution: Default::default(),
            opinion: false,
            speculation: false,
        });
    }
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q[0].2, s("Smith"));
    assert_eq!(q[1].2, s("Jones"));
}

#[test]
fn large_documents_scale() {
    // 20,000 paragraphs: the detector must stay near-linear.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "\"Point number {i} stands,\" Smith said. He added that it was fine.\n\n"
        ));
    }
    let t = std::time::Instant::now();
    let d = run(&text);
    let direct = d
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    assert_eq!(direct, 20_000);
    eprintln!("20k paragraphs in {:?}", t.elapsed());
}

#[test]
fn pathological_inputs_stay_fast() {
    // One huge paragraph without sentence ends, full of quotes and cues.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("and said and added \"word {i}\" then "));
    }
    let t = std::time::Instant::now();
    let d = run(&text);
    assert!(!d.quotes.is_empty());
    eprintln!("1 MB paragraph in {:?}", t.elapsed());
    // Only marks.
    let d = run(&"\"' ‘ ’ “ ” ".repeat(50_000));
    let _ = d;
}

#[test]
fn random_texts_never_panic() {
    // Deterministic pseudo-random texts over an alphabet rich in marks.
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "„",
        "«",
        "»",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "?",
        "!",
        "—",
        "said",
        "Smith",
        "he",
        "they",
        "according to",
        "told",
        "and",
        "Q:",
        "A:",
        "é",
        "日本",
        "the",
        "Mr.",
        "reportedly",
        "is",
        "writes",
        "(",
        ")",
        "6’2”",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..1500 {
        let mut t = String::new();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let n = (seed >> 33) % 60;
        for _ in 0..n {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            t.push_str(PIECES[((seed >> 33) as usize) % PIECES.len()]);
            t.push(' ');
        }
        let mut d = Doc::new(t.clone());
        if !t.is_empty() {
            entity(
                &mut d,
                "X",
                EntityKind::Person,
                &[&t[..t.chars().next().unwrap().len_utf8()]],
            );
        }
        lay_tokens(&mut d);
        detect_rules(&mut d);
        for q in &d.quotes {
            assert!(q.span.start <= q.span.end && q.span.end <= t.len());
            assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        }
    }
}

#[test]
fn many_scare_quotes_in_one_paragraph() {
    let text = "The \"so-called\" plan ".repeat(5_000);
    let d = run(&text);
    assert!(d.quotes.iter().all(|q| q.kind == QuoteKind::Scare));
}

use super::*;

fn sents(text: &str) -> Vec<String> {
    let mut d = Doc::new(text);
    segment(&mut d);
    d.sentences
        .iter()
        .map(|s| d.slice(s.span).to_string())
        .collect()
}

fn toks(text: &str) -> Vec<&str> {
    tokenize(text)
        .into_iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[test]
fn tokens_basic() {
    assert_eq!(
        toks("Harris' movements, she's here; it'd be 2028."),
        [
            "Harris",
            "'",
            "movements",
            ",",
            "she",
            "'s",
            "here",
            ";",
            "it",
            "'d",
            "be",
            "2028",
            "."
        ]
    );
    assert_eq!(
        toks("a \"low-I.Q. wine mom\""),
        ["a", "\"", "low-I.Q.", "wine", "mom", "\""]
    );
    assert_eq!(toks("Clinton’s home"), ["Clinton", "’s", "home"]);
    assert_eq!(
        toks("don't can't won't"),
        ["do", "n't", "ca", "n't", "wo", "n't"]
    );
    assert_eq!(toks("O'Brien and D’Angelo"), ["O'Brien", "and", "D’Angelo"]);
    assert_eq!(
        toks("“Yes,” he said."),
        ["“", "Yes", ",", "”", "he", "said", "."]
    );
    assert_eq!(
        toks("$1,000.50 at 3:30 p.m. (approx)"),
        ["$", "1,000.50", "at", "3:30", "p.m.", "(", "approx", ")"]
    );
    assert_eq!(
        toks("wait... what — no -- really"),
        ["wait", "...", "what", "—", "no", "--", "really"]
    );
    assert_eq!(
        toks("Amazon.com sold 4.5% more"),
        ["Amazon.com", "sold", "4.5", "%", "more"]
    );
    assert_eq!(
        toks("Mr. Smith, U.S. Sen. Jones"),
        ["Mr.", "Smith", ",", "U.S.", "Sen.", "Jones"]
    );
    assert_eq!(toks("the end. The"), ["the", "end", ".", "The"]);
    assert_eq!(toks("No. 5 and no."), ["No.", "5", "and", "no", "."]);
    assert_eq!(toks("'90s kids"), ["'", "90s", "kids"]);
}

#[test]
fn tokens_multibyte() {
    let t = "Zoë Ménard’s café — naïve “façade”… 東京 is big. Ça va?";
    let spans = tokenize(t);
    for s in &spans {
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        assert!(!s.is_empty());
    }
    let words: Vec<&str> = spans.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(
        words,
        [
            "Zoë", "Ménard", "’s", "café", "—", "naïve", "“", "façade", "”", "…", "東京", "is",
            "big", ".", "Ça", "va", "?"
        ]
    );
    let s = sents(t);
    assert_eq!(s.len(), 3, "{s:?}");
}

#[test]
fn abbreviations_and_initials() {
    assert_eq!(
        sents("Mr. Smith met Mrs. Jones and Dr. Who. They talked."),
        ["Mr. Smith met Mrs. Jones and Dr. Who.", "They talked."]
    );
    assert_eq!(
        sents("J. K. Rowling wrote it. George W. Bush read it."),
        ["J. K. Rowling wrote it.", "George W. Bush read it."]
    );
    assert_eq!(
        sents("Sen. Warren and Gov. Newsom met Rep. Ocasio-Cortez on Jan. 5 in St. Louis."),
        ["Sen. Warren and Gov. Newsom met Rep. Ocasio-Cortez on Jan. 5 in St. Louis."]
    );
    assert_eq!(
        sents("She moved to the U.S. The move was hard."),
        ["She moved to the U.S.", "The move was hard."]
    );
    assert_eq!(
        sents("The U.S. Senate voted. Then it adjourned."),
        ["The U.S. Senate voted.", "Then it adjourned."]
    );
    assert_eq!(
        sents("He works at Apple Inc. The company grew. Acme Corp. CEO Jane Doe spoke."),
        [
            "He works at Apple Inc.",
            "The company grew.",
            "Acme Corp. CEO Jane Doe spoke."
        ]
    );
    assert_eq!(
        sents("Some fruit, e.g. Apples, i.e. red ones. Also pears, etc. Nothing else."),
        [
            "Some fruit, e.g. Apples, i.e. red ones.",
            "Also pears, etc.",
            "Nothing else."
        ]
    );
    assert_eq!(
        sents("It is No. 1 in sales. No. That is wrong."),
        ["It is No. 1 in sales.", "No.", "That is wrong."]
    );
    assert_eq!(
        sents("Smith vs. Jones ended. Done."),
        ["Smith vs. Jones ended.", "Done."]
    );
    assert_eq!(
        sents("Her I.Q. is high. A low-I.Q. wine mom."),
        ["Her I.Q. is high.", "A low-I.Q. wine mom."]
    );
    assert_eq!(
        sents("Martin Luther King Jr. gave a speech. It was long."),
        ["Martin Luther King Jr. gave a speech.", "It was long."]
    );
    assert_eq!(
        sents("We met at 10 a.m. The meeting ran late."),
        ["We met at 10 a.m.", "The meeting ran late."]
    );
}

#[test]
fn numbers_and_decimals() {
    assert_eq!(
        sents("Growth was 3.5 percent in 2024. It fell to 2.1 percent."),
        ["Growth was 3.5 percent in 2024.", "It fell to 2.1 percent."]
    );
    assert_eq!(
        sents("Prices rose. 2025 was worse."),
        ["Prices rose.", "2025 was worse."]
    );
    assert_eq!(sents("1. First item"), ["1. First item"]);
}

#[test]
fn quotes_and_brackets() {
    assert_eq!(
        sents("\"I'm done,\" he said. \"Really.\" Then he left."),
        ["\"I'm done,\" he said.", "\"Really.\"", "Then he left."]
    );
    assert_eq!(
        sents("“Why?” she asked. “Because,” he said."),
        ["“Why?” she asked.", "“Because,” he said."]
    );
    assert_eq!(sents("\"Why?\" she asked."), ["\"Why?\" she asked."]);
    assert_eq!(
        sents("\"Stop!\" he yelled. Nobody did."),
        ["\"Stop!\" he yelled.", "Nobody did."]
    );
    assert_eq!(
        sents("He said it was \"over.\" Next came the vote."),
        ["He said it was \"over.\"", "Next came the vote."]
    );
    assert_eq!(
        sents("It was late (very late). (Nobody cared.) We left."),
        ["It was late (very late).", "(Nobody cared.)", "We left."]
    );
    assert_eq!(
        sents("She wrote: ‘It ended.’ He agreed."),
        ["She wrote: ‘It ended.’", "He agreed."]
    );
    assert_eq!(sents("Really?! Yes."), ["Really?!", "Yes."]);
    assert_eq!(sents("Why? because."), ["Why? because."]);
}

#[test]
fn ellipses() {
    assert_eq!(
        sents("The answer is this ...\n\nSome say no."),
        ["The answer is this ...", "Some say no."]
    );
    assert_eq!(
        sents("It was ... well, odd. Fine."),
        ["It was ... well, odd.", "Fine."]
    );
    assert_eq!(
        sents("Wait… what happened? Nothing."),
        ["Wait… what happened?", "Nothing."]
    );
    assert_eq!(
        sents("He paused... Then he spoke."),
        ["He paused...", "Then he spoke."]
    );
}

#[test]
fn paragraphs_bound_sentences() {
    let mut d = Doc::new("Title Here\n\nFirst para has no stop\n\nSecond one. Two.");
    segment(&mut d);
    assert_eq!(d.paragraphs.len(), 3);
    let s: Vec<(&str, usize)> = d
        .sentences
        .iter()
        .map(|s| (d.slice(s.span), s.paragraph))
        .collect();
    assert_eq!(
        s,
        [
            ("Title Here", 0),
            ("First para has no stop", 1),
            ("Second one.", 2),
            ("Two.", 2)
        ]
    );
    // Tokens point at their sentence and lie inside it.
    for t in &d.tokens {
        assert!(d.sentences[t.sentence].span.contains(&t.span));
    }
    assert_eq!(d.sentence_tokens(3).len(), 2);
}

#[test]
fn respects_given_paragraphs() {
    let text = "Headline\n\nBody. More.";
    let mut d = Doc::new(text);
    d.paragraphs.push(Paragraph {
        span: Span::new(0, 8),
        kind: ParagraphKind::Title,
    });
    d.paragraphs.push(Paragraph {
        span: Span::new(10, text.len()),
        kind: ParagraphKind::Body,
    });
    segment(&mut d);
    assert_eq!(d.paragraphs.len(), 2);
    assert_eq!(d.sentences.len(), 3);
    assert_eq!(d.sentences[0].paragraph, 0);
    assert_eq!(d.sentences[2].paragraph, 1);
}

#[test]
fn empty_and_whitespace() {
    assert!(sents("").is_empty());
    assert!(sents("   \n\n  \n").is_empty());
    assert_eq!(sents("..."), ["..."]);
    assert_eq!(sents("\"\""), ["\"\""]);
}

#[test]
fn sentences_on_char_boundaries_random() {
    // Deterministic pseudo-random strings of awkward characters.
    let alphabet = [
        "a", "B", ".", " ", "\"", "“", "”", "’", "'", "?", "!", "…", "é", "東", "\n\n", "Mr.",
        "U.S.", "-", "3", ",", "(", ")",
    ];
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..40 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        let mut d = Doc::new(s.clone());
        segment(&mut d);
        let mut last = 0;
        for t in &d.tokens {
            assert!(
                s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end),
                "{s:?}"
            );
            assert!(t.span.start >= last && !t.span.is_empty(), "{s:?}");
            last = t.span.end;
        }
        for w in d.sentences.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }
}

/// The seed article (when present) segments without crossing blank lines and keeps
/// abbreviations inside sentences.
#[test]
fn seed_file_when_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_a80840316d5e4c4f.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: seed article not found at {path}");
        return;
    };
    let mut d = Doc::new(text);
    segment(&mut d);
    for s in &d.sentences {
        let t = d.slice(s.span);
        assert!(!t.contains("\n\n"), "{t:?}");
        assert!(!t.ends_with("Mrs.") && !t.ends_with(" I.Q."), "{t:?}");
        if std::env::var_os("SEGMENT_DUMP").is_some() {
            eprintln!("[{}] {t}", s.paragraph);
        }
    }
    assert!(d.sentences.len() > 30);
}

/// Prints the sentences of `$SEGMENT_FILE` (a debugging aid).
#[test]
#[ignore]
fn dump_file() {
    let Some(p) = std::env::var_os("SEGMENT_FILE") else {
        return;
    };
    let text = std::fs::read_to_string(p).unwrap_or_default();
    let mut d = Doc::new(text);
    segment(&mut d);
    for s in &d.sentences {
        eprintln!("[{}] {}", s.paragraph, d.slice(s.span));
    }
}

#[test]
fn more_tricky_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. and Mrs. Smith arrived. Lt. Gen. Ray Odierno spoke.",
            &["Mr. and Mrs. Smith arrived.", "Lt. Gen. Ray Odierno spoke."],
        ),
        (
            "Sen. Ted Cruz, R-Texas, said no. Rep. Nancy Pelosi, D-Calif., agreed.",
            &[
                "Sen. Ted Cruz, R-Texas, said no.",
                "Rep. Nancy Pelosi, D-Calif., agreed.",
            ],
        ),
        (
            "She earned a Ph.D. in 1999. Then she moved to the U.K. for work.",
            &[
                "She earned a Ph.D. in 1999.",
                "Then she moved to the U.K. for work.",
            ],
        ),
        (
            "Visit example.com. Then write to info@example.org today.",
            &[
                "Visit example.com.",
                "Then write to info@example.org today.",
            ],
        ),
        (
            "He said, \"She told me 'no.' I left.\" Then silence.",
            &["He said, \"She told me 'no.'", "I left.\"", "Then silence."],
        ),
        (
            "The vote — 52 to 48 — passed. Opponents (mostly Democrats) objected.",
            &[
                "The vote — 52 to 48 — passed.",
                "Opponents (mostly Democrats) objected.",
            ],
        ),
        (
            "Prices fell 3.5% on Jan. 3. Analysts were surprised.",
            &["Prices fell 3.5% on Jan. 3.", "Analysts were surprised."],
        ),
        (
            "It costs $4.99! Who knew? Nobody.",
            &["It costs $4.99!", "Who knew?", "Nobody."],
        ),
        (
            "“Are you sure?” asked Lee. “Yes!” said Kim.",
            &["“Are you sure?” asked Lee.", "“Yes!” said Kim."],
        ),
        (
            "Q. Why did you run? A. Because I could.",
            &["Q. Why did you run?", "A. Because I could."],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(sents(text), *want, "{text}");
    }
}

#[test]
fn never_crosses_paragraphs_even_without_stop() {
    let mut d = Doc::new("First line\n\nSecond line\n\n\n  Third line.  ");
    segment(&mut d);
    let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
    assert_eq!(s, ["First line", "Second line", "Third line."]);
    assert_eq!(d.paragraphs.len(), 3);
}

#[test]
fn tokens_carry_their_attributes() {
    let mut d = Doc::new("Officials said \u{201c}NASA\u{2019}s 2 rockets\u{201d} failed.\n\nHowever, \"it works\" now.");
    segment(&mut d);
    let find = |w: &str| {
        d.tokens
            .iter()
            .find(|t| d.slice(t.span) == w)
            .copied()
            .unwrap()
    };
    let nasa = find("NASA");
    assert!(nasa.shape.word() && nasa.shape.cap() && nasa.shape.all_caps());
    assert!(
        !nasa.shape.space_before(),
        "comes right after the opening mark"
    );
    assert_eq!(d.form(&find("Officials")), "officials");
    assert_eq!(d.form(&find("\u{2019}s")), "'s");
    let two = find("2");
    assert!(two.shape.digit() && two.shape.space_before() && !two.shape.cap());
    assert!(find(".").shape.punct());
    assert_eq!(find("\u{201c}").quote, unspin_doc::QuoteRole::Open);
    assert_eq!(find("\u{201d}").quote, unspin_doc::QuoteRole::Close);
    assert_eq!(find("failed").quote, unspin_doc::QuoteRole::None);
    let straight: Vec<_> = d
        .tokens
        .iter()
        .filter(|t| d.slice(t.span) == "\"")
        .map(|t| t.quote)
        .collect();
    assert_eq!(
        straight,
        [unspin_doc::QuoteRole::Open, unspin_doc::QuoteRole::Close]
    );
    assert_eq!(find("Officials").paragraph, 0);
    assert_eq!(find("However").paragraph, 1);
    assert!(find("However").is(unspin_lex::bits::SENTENCE_STARTER));
    assert!(!find("rockets").is(unspin_lex::bits::SENTENCE_STARTER));
    // Forms line up with tokens.
    for t in &d.tokens {
        assert_eq!(d.form(t), unspin_lex::normalise(d.slice(t.span)));
    }
}

#[test]
fn a_number_on_the_next_line_does_not_take_no_s_period() {
    assert_eq!(toks("Version No. 1"), ["Version", "No.", "1"]);
    assert_eq!(toks("Version No.\n1."), ["Version", "No", ".", "1", "."]);
}

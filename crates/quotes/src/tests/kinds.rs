//! Which kind a marked quote is: direct, partial, scare or block.

use super::*;

#[test]
fn partial_quotes_with_a_cue_get_its_speaker() {
    let d = run("As Senator Ray Black once said, the plan is \"a mess\" and \"a waste of money.\"");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    for x in &q {
        assert_eq!(x.0, QuoteKind::Partial);
        assert_eq!(x.2, s("Senator Ray Black"));
    }
    let d = run("The senator called the bill \"a disgrace to democracy\" on Tuesday.");
    assert_eq!(
        marked(&d)[0],
        (
            QuoteKind::Partial,
            "a disgrace to democracy".into(),
            s("The senator"),
            s("called")
        )
    );
}

#[test]
fn rumoured_partial_has_no_speaker() {
    let d = run("The coach is reportedly \"furious\" about the leak. He is rumored to be \"looking for a way out\" of the deal.");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    for x in &q {
        assert_eq!(x.0, QuoteKind::Partial, "{x:?}");
        assert_eq!(x.2, None);
    }
}

#[test]
fn scare_quotes_and_titles() {
    let d =
        run("The so-called \"experts\" disagreed. She appeared on \"Meet the Press\" on Sunday.");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    assert!(
        q.iter().all(|x| x.0 == QuoteKind::Scare && x.2.is_none()),
        "{q:?}"
    );
}

#[test]
fn quote_echoing_a_heading_is_scare() {
    let text = "Tea, Cake and a Long Nap\n\nThe minister denied the claims.\n\nWhat happened next? Perhaps \"tea, cake and a long nap.\"";
    let mut d = Doc::new(text);
    d.paragraphs.push(Paragraph {
        span: Span::new(0, 24),
        kind: ParagraphKind::Title,
    });
    d.paragraphs.push(Paragraph {
        span: Span::new(26, text.len()),
        kind: ParagraphKind::Body,
    });
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(marked(&d)[0].0, QuoteKind::Scare);
}

#[test]
fn block_paragraphs() {
    let text = "He posted a statement.\n\n\"We will appeal the ruling.\"";
    let mut d = Doc::new(text);
    d.paragraphs.push(Paragraph {
        span: Span::new(0, 22),
        kind: ParagraphKind::Body,
    });
    d.paragraphs.push(Paragraph {
        span: Span::new(24, text.len()),
        kind: ParagraphKind::Blockquote,
    });
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(marked(&d)[0].0, QuoteKind::Block);
}

#[test]
fn told_reporters_that_partial() {
    let d = run("Smith told reporters that the economy was \"in fine shape\" despite the slump.");
    let q = marked(&d);
    assert_eq!(q[0].0, QuoteKind::Partial);
    assert_eq!(q[0].2, s("Smith"));
    // The reported clause is an indirect quote holding the fragment.
    let ind: Vec<_> = quotes(&d)
        .into_iter()
        .filter(|q| q.0 == QuoteKind::Indirect)
        .collect();
    assert_eq!(
        ind[0].1,
        "the economy was \"in fine shape\" despite the slump"
    );
}

#[test]
fn blockquotes_without_marks() {
    let text = "The senator wrote on Friday:\n\nWe will not be silenced.\n\nNot now, not ever.\n\nGreat day for the team! — Dana Cruz (@dcruz) May 1, 2019";
    let mut d = Doc::new(text);
    let mut at = 0;
    for (i, part) in text.split("\n\n").enumerate() {
        d.paragraphs.push(Paragraph {
            span: Span::new(at, at + part.len()),
            kind: if i == 0 {
                ParagraphKind::Body
            } else {
                ParagraphKind::Blockquote
            },
        });
        at += part.len() + 2;
    }
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(q.iter().all(|x| x.0 == QuoteKind::Block));
    assert_eq!(q[0].2, s("The senator"));
    assert_eq!(q[1].2, s("The senator"));
    assert_eq!(q[2].2, s("Dana Cruz"));
    assert_eq!(q[2].1, "Great day for the team!");
}

#[test]
fn a_mostly_quoted_clause_is_reported_with_its_partial_quote() {
    // The clause is the attributed claim (a "mixed" quote); the marked words stay a
    // partial quote of their own.
    let d = run("Lee said the program was \u{201c}like a used car lot with worse coffee.\u{201d}");
    let q = quotes(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert!(q[0].1.starts_with("the program was \u{201c}like"), "{q:?}");
    assert_eq!(q[0].2, s("Lee"));
    assert_eq!(q[1].0, QuoteKind::Partial);
    assert_eq!(q[1].2, s("Lee"));
}

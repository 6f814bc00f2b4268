//! Quotation rule tests on texts written for them (none from the seed article); the
//! rule detector alone (`detect_rules`): the attribution model has its own tests.

use super::*;
use unspin_doc::{Entity, Mention, Paragraph};

/// Lays the token layer the detector reads (the segmenter's), keeping the
/// paragraphs and sentences the test set itself (none when it set none).
fn lay_tokens(d: &mut Doc) {
    let (paragraphs, sentences) = (d.paragraphs.clone(), d.sentences.clone());
    unspin_segment::segment(d);
    d.paragraphs = paragraphs;
    d.sentences = sentences;
}

/// The rule detector alone (these tests pin the rules; the model's own tests are in
/// `model/tests.rs`).
fn run(text: &str) -> Doc {
    let mut d = Doc::new(text);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    d
}

/// (kind, quoted text, speaker text, cue text) for every quote.
fn quotes(d: &Doc) -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    d.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                d.slice(q.span).to_string(),
                q.speaker.as_ref().map(|s| d.slice(s.span).to_string()),
                q.cue.map(|c| d.slice(c).to_string()),
            )
        })
        .collect()
}

fn marked(d: &Doc) -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    quotes(d)
        .into_iter()
        .filter(|q| q.0 != QuoteKind::Indirect)
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

/// Adds an entity with mentions at the given substrings (first occurrence after
/// the previous one).
fn entity(d: &mut Doc, name: &str, kind: EntityKind, words: &[&str]) {
    let mut mentions = vec![];
    let mut from = 0;
    for w in words {
        let at = from + d.text[from..].find(w).expect("mention in text");
        mentions.push(Mention {
            span: Span::new(at, at + w.len()),
            reference: false,
        });
        from = at + w.len();
    }
    let id = format!("e{}", d.entities.len());
    d.entities.push(Entity {
        id,
        name: name.to_string(),
        kind,
        mentions,
    });
}

#[test]
fn wire_style_with_continuation_in_same_paragraph() {
    let d = run("\"We will win this state,\" Smith said. \"And then we go to Ohio.\"");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(
        q[0],
        (
            QuoteKind::Direct,
            "We will win this state,".into(),
            s("Smith"),
            s("said")
        )
    );
    assert_eq!(
        q[1],
        (
            QuoteKind::Direct,
            "And then we go to Ohio.".into(),
            s("Smith"),
            s("said")
        )
    );
}

#[test]
fn said_x_inversion_with_apposition() {
    let d = run("\"It is over,\" said John Smith, a spokesman for the party, on Monday.");
    assert_eq!(
        marked(&d),
        vec![(
            QuoteKind::Direct,
            "It is over,".into(),
            s("John Smith"),
            s("said")
        )]
    );
}

#[test]
fn name_then_apposition_then_cue() {
    let d = run("“Nobody saw this coming,” Maria Lopez, a senior official at the ministry, said.");
    assert_eq!(marked(&d)[0].2, s("Maria Lopez"));
}

#[test]
fn uk_single_quotes() {
    let d = run("‘We have done nothing wrong,’ the minister told the BBC. The opposition's leader disagreed.");
    let q = marked(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0],
        (
            QuoteKind::Direct,
            "We have done nothing wrong,".into(),
            s("the minister"),
            s("told")
        )
    );
    let d = run("The union called the offer 'an insult' and walked out.");
    assert_eq!(marked(&d)[0].0, QuoteKind::Partial);
    assert_eq!(marked(&d)[0].1, "an insult");
}

#[test]
fn apostrophes_are_not_quotes() {
    let d = run("Jones' plans for a '90s revival don't matter, and rock 'n' roll isn't dead.");
    assert!(marked(&d).is_empty());
}

#[test]
fn nested_quotes_stay_in_the_outer_quote() {
    let d = run("\"He told me 'never again' and then he left,\" Jones said.");
    let q = marked(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1, "He told me 'never again' and then he left,");
    assert_eq!(q[0].2, s("Jones"));
}

#[test]
fn quote_spanning_paragraphs() {
    let text = "Mayor Ann Reyes said: \"The budget is balanced for the first time in a decade.\n\n\"We did it without raising taxes.\"\n\nThe council meets again in May.";
    let d = run(text);
    let q = marked(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].2, s("Mayor Ann Reyes"));
    assert_eq!(q[1].2, s("Mayor Ann Reyes"));
    assert_eq!(q[1].0, QuoteKind::Direct);
    assert_eq!(q[1].1, "We did it without raising taxes.");
}

#[test]
fn open_paragraph_takes_speaker_from_its_continuation() {
    let text = "\"The first paragraph of the statement goes on for a while.\n\n\"And the second one closes it,\" the company said in a statement.";
    let d = run(text);
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].2, s("the company"));
    assert_eq!(q[1].2, s("the company"));
}

#[test]
fn mid_attribution_split_gives_both_parts_the_speaker() {
    let d = run("\"The economy is strong,\" the Financial Gazette writes. \"But the risks have not gone away.\"");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    assert!(q
        .iter()
        .all(|x| x.2 == s("the Financial Gazette") && x.3 == s("writes")));
    // A sentence split in the middle: the second part is direct too.
    let d = run("\"As a matter of principle,\" he wrote, \"we never settle.\"");
    let q = marked(&d);
    assert_eq!(q[1].0, QuoteKind::Direct);
    assert_eq!(q[1].2, s("he"));
}

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
fn pronoun_speaker_resolves_to_nearest_person() {
    let text = "Mary Jones spoke first at the hearing. \"We are ready,\" she said.";
    let mut d = Doc::new(text);
    entity(&mut d, "Mary Jones", EntityKind::Person, &["Mary Jones"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = &d.quotes[0];
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(d.slice(sp.span), "she");
    assert_eq!(sp.entity, Some(0));
    assert_eq!(sp.name, "Mary Jones");
}

#[test]
fn they_resolves_to_a_cited_outlet() {
    let text = "The plan, according to the Daily Planet, was drawn up in secret.\n\nSome aides wanted it shelved.\n\n\"The mayor knew all along,\" they write.";
    let mut d = Doc::new(text);
    entity(
        &mut d,
        "The Daily Planet",
        EntityKind::Outlet,
        &["Daily Planet"],
    );
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = d
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(d.slice(sp.span), "they");
    assert_eq!(sp.name, "The Daily Planet");
}

#[test]
fn they_without_entities_takes_a_group() {
    let d = run("Officials met on Monday. \"Nothing was decided,\" they said.");
    assert_eq!(d.quotes[0].speaker.as_ref().unwrap().name, "Officials");
}

#[test]
fn speaker_phrase_resolves_to_the_person_inside() {
    let text = "\"The numbers are clear,\" economist Dana Wu writes.";
    let mut d = Doc::new(text);
    entity(&mut d, "Dana Wu", EntityKind::Person, &["Dana Wu"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let sp = d.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(d.slice(sp.span), "economist Dana Wu");
    assert_eq!(sp.entity, Some(0));
}

#[test]
fn according_to_indirect_and_direct() {
    let d = run("According to the ministry, the talks failed after midnight.");
    let q = quotes(&d);
    assert_eq!(
        q,
        vec![(
            QuoteKind::Indirect,
            "the talks failed after midnight".into(),
            s("the ministry"),
            s("According to")
        )]
    );
    let d = run("\"The talks failed,\" according to a statement from the ministry.");
    assert_eq!(marked(&d)[0].2, s("a statement from the ministry"));
}

#[test]
fn indirect_reported_speech() {
    let d = run("The governor said that the budget would be balanced by June. Taxes rose anyway.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0],
        (
            QuoteKind::Indirect,
            "the budget would be balanced by June".into(),
            s("The governor"),
            s("said")
        )
    );
    let d = run("The plant will close next year, the company said.");
    assert_eq!(quotes(&d)[0].1, "The plant will close next year");
    let d = run("Smith told reporters the deal was dead.");
    assert_eq!(quotes(&d)[0].1, "the deal was dead");
}

#[test]
fn names_ending_in_ly_are_speakers() {
    // "-ly" marks adverbs ("quickly said"), not capitalised names.
    let d = run("The vote was close. Kelly said the bill would pass next week.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the bill would pass next week");
    assert_eq!(q[0].2, s("Kelly"));
    let d = run("Officials quickly said the bill was dead.");
    assert_eq!(quotes(&d)[0].2, s("Officials"));
}

#[test]
fn speaker_before_an_appositive_or_relative_clause() {
    let d = run("Mark Lowe, a senior adviser to the mayor, said he believed the plan would pass.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "he believed the plan would pass");
    assert_eq!(q[0].2, s("Mark Lowe"));
    let d = run("Hale, who has opposed the plan for years, said the vote would be close.");
    assert_eq!(quotes(&d)[0].2, s("Hale"));
    // A pronoun after an inverted cue starts the clause, it is not the speaker.
    let d = run("The bill failed on Monday, said he believed nothing would change.");
    assert!(
        quotes(&d).iter().all(|q| q.2 != s("he")),
        "{:?}",
        quotes(&d)
    );
}

#[test]
fn parenthetical_attribution_reports_the_whole_sentence() {
    let d = run("The plan, officials said, would cost three billion dollars.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "The plan, officials said, would cost three billion dollars"
    );
    assert_eq!(
        (q[0].2.clone(), q[0].3.clone()),
        (s("officials"), s("said"))
    );
    let d = run("Smith, Jones and Brown, the three finalists, met on Monday.");
    assert!(quotes(&d).is_empty());
}

#[test]
fn participle_reports_for_the_subject() {
    let d = run("Clinton attacked the plan on Monday, saying it would raise costs for families.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "it would raise costs for families");
    assert_eq!(
        (q[0].2.clone(), q[0].3.clone()),
        (s("Clinton"), s("saying"))
    );
    // A second report after the main one does not swallow the first.
    let d = run("The imam left early, Nefzi said, adding that he was quiet.");
    assert_eq!(quotes(&d)[0].1, "The imam left early");
    // No subject to credit: nothing reported.
    assert!(quotes(&run("In Ohio, the race is tight, saying little about May.")).is_empty());
}

#[test]
fn a_headline_can_report() {
    let d = run("Mayor Says Bridge Will Reopen In May");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Bridge Will Reopen In May");
    assert_eq!((q[0].2.clone(), q[0].3.clone()), (s("Mayor"), s("Says")));
    let d = run("Officials Say Deal On Water Rights Is Close");
    assert_eq!(quotes(&d)[0].1, "Deal On Water Rights Is Close");
    // A capitalised "Said" in a headline is a name; outside headlines capitals stay names.
    assert!(quotes(&run("Abou Said Arrested In Paris Raid")).is_empty());
    assert!(
        quotes(&run(
            "The police say Abou Says arrived in Paris on Monday night."
        ))
        .len()
            == 1
    );
}

#[test]
fn a_quantifier_alone_can_report() {
    let d = run("Some say the dam will not hold through another wet winter.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the dam will not hold through another wet winter");
    assert_eq!(q[0].2, s("Some"));
    // A second report by others, after a comma, does not swallow the first.
    let d = run("Engineers think the dam is safe, while others say it will not hold.");
    let q = quotes(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the dam is safe");
    assert_eq!(
        (q[1].1.as_str(), q[1].2.clone()),
        ("it will not hold", s("others"))
    );
    // "Say" as a noun after its determiner is no report.
    assert!(quotes(&run(
        "The town will have some say in the plans for the dam."
    ))
    .is_empty());
}

#[test]
fn beliefs_findings_and_questions() {
    let d = run("Many economists believe the tax would shift costs to workers.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the tax would shift costs to workers");
    assert_eq!(q[0].2, s("Many economists"));
    let d = run("Exit polls show 60 percent of voters backing the proposal.");
    assert_eq!(quotes(&d)[0].1, "60 percent of voters backing the proposal");
    let d = run("A reporter asked the senator whether the bill would pass this year.");
    let q = quotes(&d);
    assert_eq!(q[0].1, "whether the bill would pass this year");
    assert_eq!(
        (q[0].2.clone(), q[0].3.clone()),
        (s("A reporter"), s("asked"))
    );
    // Hopes and expectations need "that"; "think so" is not a report.
    assert!(quotes(&run(
        "Officials hope the bridge reopens by spring next year."
    ))
    .is_empty());
    assert!(quotes(&run("I think so, but we will see.")).is_empty());
}

#[test]
fn a_report_and_an_added_one() {
    let d = run("Lee said the plan would fail, adding that nobody had read it.");
    let q = quotes(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[0].1.as_str(), q[0].3.clone()),
        ("the plan would fail", s("said"))
    );
    assert_eq!(
        (q[1].1.as_str(), q[1].3.clone()),
        ("nobody had read it", s("adding"))
    );
    assert!(q.iter().all(|x| x.2 == s("Lee")));
}

#[test]
fn coordinated_cue_speaks_for_the_subject() {
    let d = run("Fields tweeted a photograph of her arm and said she had been pulled back.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "she had been pulled back");
    assert_eq!((q[0].2.clone(), q[0].3.clone()), (s("Fields"), s("said")));
    let d = run("He called the filings lawful, and said there was no attempt to hide them.");
    assert_eq!(quotes(&d)[0].2, s("He"));
}

#[test]
fn two_speakers_in_one_sentence() {
    let d = run("Officials said the plan was legal, but Smith said it broke the rules.");
    let q = quotes(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[0].1.as_str(), q[0].2.clone()),
        ("the plan was legal", s("Officials"))
    );
    assert_eq!(
        (q[1].1.as_str(), q[1].2.clone()),
        ("it broke the rules", s("Smith"))
    );
}

#[test]
fn framing_words_are_not_the_speaker() {
    let d = run("A year ago the company announced a cut of 5,000 jobs this year.");
    assert_eq!(quotes(&d)[0].2, s("the company"));
    let d = run("In a statement issued today Acme Corp reported that it had gained subscribers.");
    assert_eq!(quotes(&d)[0].2, s("Acme Corp"));
    let d = run("Former Vice President Joe Biden said the plan would fail.");
    assert_eq!(quotes(&d)[0].2, s("Former Vice President Joe Biden"));
    let d = run("Other experts welcomed the research, saying it was a major effort.");
    assert_eq!(quotes(&d)[0].2, s("Other experts"));
}

#[test]
fn told_with_a_named_or_pronoun_object() {
    for (t, content) in [
        (
            "Murphy told me he had a quiet life before the storm.",
            "he had a quiet life before the storm",
        ),
        (
            "Gates told AP he was working with the campaign in Kyiv.",
            "he was working with the campaign in Kyiv",
        ),
        (
            "Lee told host Chris Cuomo she believed the memo was real.",
            "she believed the memo was real",
        ),
    ] {
        let q = quotes(&run(t));
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(q[0].1, content, "{t}");
        assert_eq!(q[0].3, s("told"), "{t}");
    }
}

#[test]
fn things_that_only_look_like_reports() {
    for t in [
        // Capitalised cue words are names.
        "Police said the key suspect is Moustapha Kader, alias Abou Said, who was convicted in 2003.",
        "Stunkard, one of the senior teachers in the States, had started his study in Tokyo.",
        // Noun objects after verbs of finding and fearing.
        "As the debts grew, the county feared the mounting obligation to its retired employees.",
        // A question does not report.
        "At what point in the process should I disclose that I am seeking part-time work?",
        // An aside in the conditional.
        "If I was being generous I'd say it was fair to all of them.",
    ] {
        let q = quotes(&run(t));
        let named_cue = |x: &(QuoteKind, String, Option<String>, Option<String>)| {
            x.3.as_deref().is_some_and(|c| c.starts_with(char::is_uppercase))
        };
        assert!(
            q.iter().all(|x| x.0 != QuoteKind::Indirect || x.2 == s("Police") && !named_cue(x)),
            "{t}: {q:?}"
        );
    }
    // "acknowledged the strike, saying …": the participle's clause only.
    let d = run("Cheadle also acknowledged the strike, saying it kept him from writing a speech.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "it kept him from writing a speech");
}

#[test]
fn groups_that_say() {
    let d = run("Supporters say the move will reduce poverty in the state.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the move will reduce poverty in the state");
    assert_eq!(
        (q[0].2.clone(), q[0].3.clone()),
        (s("Supporters"), s("say"))
    );
    let d = run("The tax plans would have little effect on the middle class, analysts say.");
    assert_eq!(quotes(&d)[0].2, s("analysts"));
    // Not a report: an infinitive, a modal, a first-person aside.
    for t in [
        "It is fair to say the plan has problems.",
        "Some would say the plan has problems.",
        "I say the plan has problems.",
    ] {
        assert!(quotes(&run(t)).is_empty(), "{t}");
    }
}

#[test]
fn interview_answers_go_to_the_interviewee() {
    let text = "We sat down with Governor Lena Park to talk about the drought.\n\nQ: Will there be rationing?\n\nA: Not this year. We have reserves.\n\nQ: And next year?\n\nA: Ask me in the spring.";
    let d = run(text);
    let a: Vec<_> = marked(&d)
        .into_iter()
        .filter(|q| q.0 == QuoteKind::Direct)
        .collect();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].1, "Not this year. We have reserves.");
    assert!(a.iter().all(|q| q.2 == s("Governor Lena Park")));
}

#[test]
fn colon_intro_paragraph() {
    let d = run("Senator Hale wrote on social media:\n\n\"This is a great day for the state.\"");
    assert_eq!(marked(&d)[0].2, s("Senator Hale"));
}

#[test]
fn question_then_unlisted_verb() {
    let d = run("\"Why now?\" Hannity pressed. \"Why not last year?\"");
    let q = marked(&d);
    assert_eq!(q[0].2, s("Hannity"));
    assert_eq!(q[1].2, s("Hannity"));
}

#[test]
fn participle_cue_takes_the_sentence_subject() {
    let d =
        run("Former minister Eva Stone urged voters to turn out, saying, \"Every vote counts.\"");
    assert_eq!(marked(&d)[0].2, s("Former minister Eva Stone"));
}

#[test]
fn other_marks() {
    let d = run("Er sagte: „Wir schaffen das.“ Elle a dit: «Nous verrons.»");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1, "Wir schaffen das.");
    assert_eq!(q[1].1, "Nous verrons.");
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
fn pronoun_gender_from_titles() {
    let text = "Mrs. Lane met Mr. Reed on Friday. \"It went well,\" she said.";
    let mut d = Doc::new(text);
    entity(&mut d, "Ann Lane", EntityKind::Person, &["Mrs. Lane"]);
    entity(&mut d, "Tom Reed", EntityKind::Person, &["Mr. Reed"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(d.quotes[0].speaker.as_ref().unwrap().name, "Ann Lane");
}

#[test]
fn governing_verb_before_to_say() {
    let d = run("Senator Gray went on to say, \"We will not back down.\"");
    assert_eq!(marked(&d)[0].2, s("Senator Gray"));
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
fn interview_with_long_labels() {
    let text = "Our reporter talked to Mayor Rosa Diaz about the budget.\n\nQuestion: Is the city broke?\n\nAnswer: No. We are careful.";
    let d = run(text);
    let a: Vec<_> = marked(&d)
        .into_iter()
        .filter(|q| q.0 == QuoteKind::Direct)
        .collect();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].1, "No. We are careful.");
    assert_eq!(a[0].2, s("Mayor Rosa Diaz"));
}

#[test]
fn speaker_phrase_head_is_the_last_person() {
    let text = "\"We are confident,\" Lopez campaign manager Sam Ortiz said.";
    let mut d = Doc::new(text);
    entity(&mut d, "Ana Lopez", EntityKind::Person, &["Lopez"]);
    entity(&mut d, "Sam Ortiz", EntityKind::Person, &["Sam Ortiz"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(d.quotes[0].speaker.as_ref().unwrap().name, "Sam Ortiz");
}

#[test]
fn dash_attribution() {
    let d = run("\"Nothing about us without us.\" — Maria Ruiz\n\nThe rally ended at noon.");
    assert_eq!(marked(&d)[0].2, s("Maria Ruiz"));
}

#[test]
fn pronoun_gender_from_following_pronouns() {
    let text = "Tom Reed said he would run again. \"We will win,\" she said.";
    let mut d = Doc::new(text);
    entity(&mut d, "Tom Reed", EntityKind::Person, &["Tom Reed"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = d
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(sp.entity, None, "she is not Tom Reed");
    assert_eq!(sp.name, "she");
}

#[test]
fn long_apposition_with_a_quoted_name_inside() {
    let d = run("\"We have had better weeks,\" delegate Bill Owens, wearing a hat and \"Owens 2020\" pins, said.");
    let q = marked(&d);
    assert_eq!(q[0].2, s("delegate Bill Owens"));
    assert_eq!(q[0].3, s("said"));
}

#[test]
fn many_scare_quotes_in_one_paragraph() {
    let text = "The \"so-called\" plan ".repeat(5_000);
    let d = run(&text);
    assert!(d.quotes.iter().all(|q| q.kind == QuoteKind::Scare));
}

/// Speaker name of the first non-indirect quote whose text starts with `start`.
fn speaker_name(d: &Doc, start: &str) -> Option<String> {
    d.quotes
        .iter()
        .find(|q| d.slice(q.span).starts_with(start))
        .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
}

fn kind_of(d: &Doc, start: &str) -> Option<QuoteKind> {
    d.quotes
        .iter()
        .find(|q| d.slice(q.span).starts_with(start))
        .map(|q| q.kind)
}

#[test]
fn german_cues_inverted_and_pronoun() {
    let t = "„Die Brücke bleibt bis Juni gesperrt“, sagte Bürgermeister Paul Wendt am Montag in Köln.\n\n\
             Wendt verteidigte die Entscheidung. Die Sperrung sei „leider unvermeidbar“, sagte er.";
    let mut d = run(t);
    entity(
        &mut d,
        "Paul Wendt",
        EntityKind::Person,
        &["Paul Wendt", "Wendt"],
    );
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].2, s("Bürgermeister Paul Wendt"));
    assert_eq!(q[0].3, s("sagte"));
    assert_eq!(kind_of(&d, "leider"), Some(QuoteKind::Partial));
    assert_eq!(speaker_name(&d, "leider").as_deref(), Some("Paul Wendt"));
}

#[test]
fn german_so_x_closing_the_sentence() {
    let d = run("„Wir rechnen mit weiteren Streiks“, so Gewerkschafterin Anna Brandt.");
    let q = marked(&d);
    assert_eq!(q[0].2, s("Gewerkschafterin Anna Brandt"));
    assert_eq!(q[0].3, s("so"));
    // English "so" after a quote is no cue.
    let d = run("\"I am tired,\" so he went home early.");
    assert!(marked(&d)[0].2.is_none());
}

#[test]
fn german_role_then_name_in_commas() {
    let d = run("Der Sprecher der Stadtwerke, Lukas Hein, nannte den Plan „völlig überzogen“.");
    let q = marked(&d);
    assert_eq!(q[0].0, QuoteKind::Partial);
    assert_eq!(q[0].2, s("Lukas Hein"));
}

#[test]
fn french_cues_compound_past_and_glued_pronoun() {
    let t = "« Nous ne céderons pas sur les salaires », a déclaré Marie Rolland, secrétaire du syndicat. \
             « La grève continuera lundi », a-t-elle ajouté.";
    let mut d = run(t);
    entity(
        &mut d,
        "Marie Rolland",
        EntityKind::Person,
        &["Marie Rolland"],
    );
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q[0].2, s("Marie Rolland"));
    assert_eq!(q[0].3, s("déclaré"));
    assert_eq!(q[1].2, s("elle"));
    assert_eq!(q[1].3, s("ajouté"));
    assert_eq!(
        speaker_name(&d, "La grève").as_deref(),
        Some("Marie Rolland")
    );
}

#[test]
fn french_partial_with_se_dit_and_confie_t_il() {
    let t = "Au marché, Paul Besson, maraîcher à Lyon, se dit « inquiet ». \
             « Les prix ne couvrent plus nos coûts », confie-t-il.";
    let d = run(t);
    assert_eq!(kind_of(&d, "inquiet"), Some(QuoteKind::Partial));
    let q = marked(&d);
    assert_eq!(q[0].2, s("Paul Besson"));
    assert_eq!(q[1].2, s("il"));
    assert_eq!(q[1].3, s("confie"));
}

#[test]
fn french_selon_and_inverted_dit() {
    let d = run(
        "« Le texte sera voté en mars », selon Hélène Caradec. « C'est trop tard », dit Luc Morin.",
    );
    let q = marked(&d);
    assert_eq!(q[0].2, s("Hélène Caradec"));
    assert_eq!(q[0].3, s("selon"));
    assert_eq!(q[1].2, s("Luc Morin"));
}

#[test]
fn definite_role_resolves_to_the_titled_person() {
    let t = "Gov. Dana Whitcombe signed the budget on Friday.\n\n\
             \"This is a good day,\" the governor said.";
    let mut d = run(t);
    entity(
        &mut d,
        "Dana Whitcombe",
        EntityKind::Person,
        &["Dana Whitcombe"],
    );
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(
        speaker_name(&d, "This is").as_deref(),
        Some("Dana Whitcombe")
    );
    // No titled person: the role stays unresolved.
    let t = "Dana Whitcombe signed the budget.\n\n\"This is a good day,\" the senator said.";
    let mut d = run(t);
    entity(
        &mut d,
        "Dana Whitcombe",
        EntityKind::Person,
        &["Dana Whitcombe"],
    );
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(speaker_name(&d, "This is").as_deref(), Some("the senator"));
}

#[test]
fn role_then_appositive_name_is_the_speaker() {
    let d = run("Her spokeswoman, Nora Lind, said only that the mayor \"has no regrets.\"");
    assert_eq!(marked(&d)[0].2, s("Nora Lind"));
    let d = run("\"We are reviewing it,\" a ministry spokesman, Tomas Berg, said.");
    assert_eq!(marked(&d)[0].2, s("Tomas Berg"));
    // The name first and the role in commas keeps the name.
    let d = run("\"We are reviewing it,\" Tomas Berg, a ministry spokesman, said.");
    assert_eq!(marked(&d)[0].2, s("Tomas Berg"));
}

#[test]
fn unnamed_speaker_with_a_place_is_not_the_place() {
    let t = "An Egyptian official in Cairo, who asked not to be named, said talks sought \"firm guarantees\" on water.";
    let mut d = run(t);
    entity(&mut d, "Cairo", EntityKind::Place, &["Cairo"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q[0].2, s("An Egyptian official in Cairo"));
    assert_eq!(
        speaker_name(&d, "firm").as_deref(),
        Some("An Egyptian official in Cairo")
    );
}

#[test]
fn she_resolves_to_the_woman_titled_ms() {
    let t = "Arthur Penn, the founder, will retire. His niece, Clara Penn, will succeed him.\n\n\
             Ms. Penn joined in 2010. \"We will stay independent,\" she said.";
    let mut d = run(t);
    entity(&mut d, "Arthur Penn", EntityKind::Person, &["Arthur Penn"]);
    entity(
        &mut d,
        "Clara Penn",
        EntityKind::Person,
        &["Clara Penn", "Penn"],
    );
    // The second "Penn" mention is the one after "Ms.".
    let ms = d.text.find("Ms. Penn").unwrap() + 4;
    d.entities[1].mentions[1].span = Span::new(ms, ms + 4);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(speaker_name(&d, "We will").as_deref(), Some("Clara Penn"));
}

#[test]
fn quote_paragraph_after_reported_speech_paragraph() {
    let t = "Dr. Ines Varga, a chemist at the institute who led the work, said the team checked every sample twice.\n\n\
             \"We could not believe the numbers at first. So we ran them again.\"";
    let mut d = run(t);
    entity(&mut d, "Ines Varga", EntityKind::Person, &["Ines Varga"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(speaker_name(&d, "We could").as_deref(), Some("Ines Varga"));
}

#[test]
fn transcript_turns_are_quotes_by_the_labelled_speaker() {
    let t = "NINA COLE, HOST: Good morning. Our guest is Dr. Raj Mehta.\n\n\
             RAJ MEHTA: Thanks for having me.\n\n\
             COLE: Why did the clinic close?\n\n\
             MEHTA: We ran out of money.";
    let mut d = run(t);
    entity(&mut d, "Nina Cole", EntityKind::Person, &["NINA COLE"]);
    entity(&mut d, "Raj Mehta", EntityKind::Person, &["Raj Mehta"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = quotes(&d);
    assert_eq!(q.len(), 4, "{q:?}");
    assert!(q.iter().all(|x| x.0 == QuoteKind::Direct));
    assert_eq!(speaker_name(&d, "Why did").as_deref(), Some("Nina Cole"));
    assert_eq!(speaker_name(&d, "We ran").as_deref(), Some("Raj Mehta"));
}

#[test]
fn name_colon_lists_and_notes_are_not_transcripts() {
    // Each name once: a list of positions, not a conversation.
    let t =
        "Ann Lee: Wants lower taxes.\n\nBo Park: Wants more schools.\n\nCy Diaz: Wants new roads.";
    assert!(run(t).quotes.iter().all(|q| q.kind == QuoteKind::Indirect));
    let t = "UPDATE: The road is open.\n\nNOTE: Times are local.\n\nUPDATE: Rain is expected.";
    assert!(run(t).quotes.is_empty());
}

#[test]
fn german_definite_role_matches_a_compound_title() {
    let t = "Verkehrsministerin Eva Roth stellte den Plan vor.\n\n\
             „Die Bahn bekommt mehr Geld“, sagte die Ministerin.";
    let mut d = run(t);
    entity(&mut d, "Eva Roth", EntityKind::Person, &["Eva Roth"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(speaker_name(&d, "Die Bahn").as_deref(), Some("Eva Roth"));
}

#[test]
fn capitalised_lance_is_a_name_not_a_french_cue() {
    let d = run("\"We ride at dawn,\" Lance Morrow said.");
    assert_eq!(marked(&d)[0].2, s("Lance Morrow"));
}

#[test]
fn quoted_transcript_excerpt_credits_the_label() {
    let t = "Kay Dorsey was asked about the leak at the debate.\n\n\
             \"DORSEY: I regret it, and I have said so many times.\"";
    let mut d = run(t);
    entity(&mut d, "Kay Dorsey", EntityKind::Person, &["Kay Dorsey"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q[0].1, "I regret it, and I have said so many times.");
    assert_eq!(q[0].2, s("DORSEY"));
    assert_eq!(speaker_name(&d, "I regret").as_deref(), Some("Kay Dorsey"));
}

#[test]
fn org_modifying_an_unnamed_speaker_is_not_the_speaker() {
    let t = "\"The vote is close,\" a Senate aide said.";
    let mut d = run(t);
    entity(&mut d, "Senate", EntityKind::Org, &["Senate"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = &d.quotes[0];
    let sp = q.speaker.as_ref().expect("speaker");
    assert_eq!(sp.entity, None);
    assert_eq!(sp.name, "a Senate aide");
}

#[test]
fn group_in_a_place_is_the_speaker() {
    let t = "Officials in Lisbon said the plan was \"fully funded.\"";
    let mut d = run(t);
    entity(&mut d, "Lisbon", EntityKind::Place, &["Lisbon"]);
    lay_tokens(&mut d);
    detect_rules(&mut d);
    assert_eq!(
        speaker_name(&d, "fully").as_deref(),
        Some("Officials in Lisbon")
    );
}

#[test]
fn said_it_was_is_no_pronoun_speaker() {
    let d = run("\"The deal is done,\" said it was a bad day for the firm.");
    assert!(marked(&d)[0].2.is_none());
}

#[test]
fn inverted_role_then_name_after_comma() {
    let d = run("« Nous verrons », a dit le maire, Paul Girard.");
    assert_eq!(marked(&d)[0].2, s("Paul Girard"));
    let d = run("\"We will see,\" said the mayor, Paul Girard, on Monday.");
    assert_eq!(marked(&d)[0].2, s("Paul Girard"));
    // A French role with no name is still a speaker phrase.
    let d = run("« Nous verrons », a dit le maire.");
    assert_eq!(marked(&d)[0].2, s("le maire"));
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

#[test]
fn two_clauses_one_speaker() {
    // "and that …" coordinates a second clause of the same report.
    let d = run("Kim said she welcomed the apology and that she wanted to move on.");
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "she welcomed the apology and that she wanted to move on"
    );
    // "said A and said that B": two reports, neither lost.
    let d = run("Kim said the vote was fair and said that the recount would change nothing.");
    let q = quotes(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the vote was fair");
    assert_eq!(q[1].1, "the recount would change nothing");
    assert_eq!((q[0].2.clone(), q[1].2.clone()), (s("Kim"), s("Kim")));
    // After a verb that takes an object the coordinated cue alone reports.
    let q = quotes(&run("Kim posted a photo and said the crowd was huge."));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the crowd was huge");
}

#[test]
fn a_description_then_the_name_in_commas() {
    // "…, Jo Park, said he was …": the clause after "said" is the content, and the
    // name in the appositive speaks.
    let q = quotes(&run(
        "Another delegate from the county, Jo Park, said he was only leaning toward the mayor.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "he was only leaning toward the mayor");
    assert_eq!(q[0].2, s("Jo Park"));
}

#[test]
fn a_participle_after_a_direct_quote_reports_too() {
    let d = run(
        "\u{201c}That speaks volumes,\u{201d} she said, adding that the campaign will work hard for every vote.",
    );
    let q = quotes(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, QuoteKind::Indirect);
    assert_eq!(q[1].1, "the campaign will work hard for every vote");
    assert_eq!((q[1].2.clone(), q[1].3.clone()), (s("she"), s("adding")));
    // A quoted continuation stays a direct quote.
    let q = quotes(&run(
        "\"It was great,\" Lee said, adding, \"We will be back.\"",
    ));
    assert!(q.iter().all(|x| x.0 == QuoteKind::Direct), "{q:?}");
}

#[test]
fn asides_between_subject_and_cue() {
    // A party tag, a discourse adverb or an appositive between the name and "said".
    for (text, speaker) in [
        (
            "Sen. Jo Park (R-Ohio), another incumbent, said he had not thought about it.",
            "Sen. Jo Park",
        ),
        (
            "Chairman Jo Park (D-Calif.) said he expects a long fight over the budget.",
            "Chairman Jo Park",
        ),
        (
            "Park, though, said he is with the governor on this one.",
            "Park",
        ),
    ] {
        let q = quotes(&run(text));
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0].2, s(speaker), "{text}");
        assert!(q[0].1.starts_with("he "), "{text}: {q:?}");
    }
    // "secretary of state" holds a noun, not the verb "to state".
    let q = quotes(&run(
        "Park said he backs the former secretary of state in the race.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3, s("said"));
}

#[test]
fn the_that_of_a_noun_is_not_the_cues() {
    let q = quotes(&run(
        "Kim said Lee's claim that he is more electable is not borne out by the polls.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "Lee's claim that he is more electable is not borne out by the polls"
    );
    // Time, place and medium may stand between the cue and its "that".
    let q = quotes(&run(
        "Kim said in a statement Tuesday that the plan was dead.",
    ));
    assert_eq!(q[0].1, "the plan was dead");
}

#[test]
fn according_to_takes_any_source() {
    let q = quotes(&run(
        "The senator won most of the rural vote, according to exit polls.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "The senator won most of the rural vote");
    assert_eq!(q[0].2, s("exit polls"));
    // An aside that reports inside a sentence that already reports stays inside it.
    let q = quotes(&run(
        "Jo Park, the campaign chairman, said the ads answer attacks that, Park noted, were unfair.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, s("Jo Park"));
}

#[test]
fn a_price_is_not_a_charge() {
    // "charge" reports only with its "that".
    assert!(quotes(&run(
        "The bar charges Rs 299 for fifteen minutes of clean air."
    ))
    .is_empty());
    let q = quotes(&run("Prosecutors charged that Lee had hidden the money."));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Lee had hidden the money");
}

#[test]
fn a_cue_word_used_as_a_noun_reports_nothing() {
    assert!(quotes(&run(
        "Other experts sound a note of caution about selling online, especially for small firms."
    ))
    .is_empty());
}

#[test]
fn the_writers_own_belief_is_no_report() {
    // "I think …" outside quotation marks is the writer's opinion, not a source's.
    assert!(quotes(&run(
        "I think we see a great performance as the work of one person."
    ))
    .is_empty());
    // A speech verb still reports, even in the first person.
    let q = quotes(&run("I told the mayor that the bridge was unsafe."));
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_result_posted_is_no_report() {
    // "post a losing season": a result, not a post.
    assert!(quotes(&run(
        "The 49ers post a sixth straight losing season in 2008."
    ))
    .is_empty());
    // A clause after "posted" still reports.
    let q = quotes(&run(
        "The senator posted that the vote would be delayed until spring.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the vote would be delayed until spring");
}

#[test]
fn a_site_name_after_a_bar_is_not_reported() {
    let q = quotes(&run(
        "Mayor Says Bridge Will Reopen In Spring | City News, Sport, Weather",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Bridge Will Reopen In Spring");
}

#[test]
fn market_moves_days_and_particles() {
    // A gain is not a remark; a day is not a speaker; "despite" opens no subject.
    for t in [
        "The stock added more than 2% to begin the week.",
        "The Nasdaq added 20.72 points, or 0.24%, to 8,570.66.",
        "Records filed Monday showed the suit was filed by a senior advocate.",
        "Despite parliamentary reports urging new rules, the company did nothing.",
    ] {
        assert!(quotes(&run(t)).is_empty(), "{t}: {:?}", quotes(&run(t)));
    }
    // "pointed out that": the particle sits between the cue and its "that".
    let q = quotes(&run(
        "Pankaj Pandey pointed out that this is a stock-specific market.",
    ));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "this is a stock-specific market");
    let q = quotes(&run(
        "He added that the plan would cost more than expected.",
    ));
    assert_eq!(q[0].1, "the plan would cost more than expected");
}

/// (quoted text, speaker text) of the quotes with marks, in order.
fn said(d: &Doc) -> Vec<(String, Option<String>)> {
    marked(d).into_iter().map(|q| (q.1, q.2)).collect()
}

#[test]
fn credit_line_after_a_quote_names_its_speaker() {
    // As the next paragraph (horizontal bar), on the next line (em dash, a role after
    // the name), and with a hyphen.
    let d = run("Rents rose again this spring.\n\n\"We cannot keep up with these bills. Something has to give.\"\n\n― Maria Delgado\n\nThe council meets on Monday.\n\n\"Nobody at city hall listens to us.\"\n— Tom Hardwick, a retired welder\n\n\"Fix the roads first.\"\n\n- Ana Ruiz");
    let q = said(&d);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].1, s("Maria Delgado"));
    assert_eq!(q[1].1, s("Tom Hardwick"));
    assert_eq!(q[2].1, s("Ana Ruiz"));
    // A dash that goes on into a sentence is no credit line.
    let d = run("\"We are done here.\"\n\n— Later that night the crowd went home.");
    assert_eq!(said(&d)[0].1, None);
    let d = run("The banner showed \"No more cuts\" - Ortiz painted it.");
    assert_eq!(said(&d)[0].1, None);
}

#[test]
fn credit_line_after_a_block_quote() {
    let text = "The letter ended plainly.\n\nWe will not sell the farm, not this year and not ever.\n\n— Ruth Okafor";
    let mut d = Doc::new(text);
    let mut at = 0;
    for (i, part) in text.split("\n\n").enumerate() {
        d.paragraphs.push(Paragraph {
            span: Span::new(at, at + part.len()),
            kind: if i == 1 {
                ParagraphKind::Blockquote
            } else {
                ParagraphKind::Body
            },
        });
        at += part.len() + 2;
    }
    lay_tokens(&mut d);
    detect_rules(&mut d);
    let q = marked(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Block);
    assert_eq!(q[0].2, s("Ruth Okafor"));
}

#[test]
fn party_tags_between_name_and_cue_are_skipped() {
    for (t, who) in [
        (
            "Sen. Rita Vance (R-Fla.) said \"we need answers now\" after the hearing.",
            "Sen. Rita Vance",
        ),
        (
            "\"This bill will hurt farmers,\" said Rep. Omar Petty (D-N.Y.).",
            "Rep. Omar Petty",
        ),
        (
            "Sen. Lou Marsh (I-Vt.) told reporters, \"The system is rigged.\"",
            "Sen. Lou Marsh",
        ),
        (
            "\"We will not back down,\" Rep. Dana Kohl (D-Calif.) said on Monday.",
            "Rep. Dana Kohl",
        ),
        (
            "Gov. Tim Wald (R) said \"the budget is balanced.\"",
            "Gov. Tim Wald",
        ),
    ] {
        let q = said(&run(t));
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(q[0].1, s(who), "{t}");
    }
}

#[test]
fn colon_introductions_credit_the_name() {
    // A marked quote after `Name:` in a headline or a body line.
    let d = run("Vance: 'We will win'\n\nThe rally ran late.\n\nKohl: \"I am the only adult on this stage.\"");
    let q = said(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, s("Vance"));
    assert_eq!(q[1].1, s("Kohl"));
    // Without marks: the label must be a person's mention and the words open in the
    // first person (not a position or a topic line).
    let text = "Petty: I never sent classified emails\n\nOmar Petty spoke in Ohio.\n\nPetty: chief of staff\n\nPetty: Now or never.";
    let mut d = Doc::new(text);
    lay_tokens(&mut d);
    entity(
        &mut d,
        "Omar Petty",
        EntityKind::Person,
        &["Petty", "Omar Petty", "Petty"],
    );
    detect_rules(&mut d);
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0],
        (
            QuoteKind::Direct,
            "I never sent classified emails".into(),
            s("Petty"),
            None
        )
    );
    assert_eq!(
        d.quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Omar Petty")
    );
    // A line label is no speaker.
    assert_eq!(said(&run("Update: \"The road is open again.\""))[0].1, None);
}

#[test]
fn said_of_and_told_name_no_speaker() {
    let text = "Lena Ortiz met Paul Brandt on Monday.\n\n\"He is a liar,\" said Ortiz of Brandt.\n\n\"He lies every day,\" she said of Brandt.\n\n\"You are wrong,\" she told Brandt.\n\n\"She is a crook,\" Brandt said of Ortiz.";
    let mut d = Doc::new(text);
    lay_tokens(&mut d);
    entity(
        &mut d,
        "Lena Ortiz",
        EntityKind::Person,
        &["Lena Ortiz", "Ortiz"],
    );
    entity(
        &mut d,
        "Paul Brandt",
        EntityKind::Person,
        &["Paul Brandt", "Brandt", "Brandt", "Brandt", "Brandt"],
    );
    // Ortiz's last mention is the object of the last quote.
    let at = text.rfind("Ortiz").unwrap_or(0);
    d.entities[0].mentions.push(Mention {
        span: Span::new(at, at + "Ortiz".len()),
        reference: false,
    });
    detect_rules(&mut d);
    let names: Vec<Option<String>> = d
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    assert_eq!(
        names,
        vec![
            s("Lena Ortiz"),
            s("Lena Ortiz"),
            s("Lena Ortiz"),
            s("Paul Brandt")
        ]
    );
}

#[test]
fn gerund_cues_credit_the_subject_of_the_main_clause() {
    for (t, who) in [
        ("Mayor Carla Dunn took the podium on Friday, telling the crowd \"this city is back.\"", "Mayor Carla Dunn"),
        ("Nell Archer hugged her sister, asking her \"how was the flight?\"", "Nell Archer"),
        ("\"It was long,\" Ann Lowe said, adding \"but worth it.\"", "Ann Lowe"),
        ("Tom Reyes backed the measure, noting that \"the numbers speak for themselves.\"", "Tom Reyes"),
        ("After the vote, the governor's spokeswoman, Lisa Holt, hit back, arguing \"the numbers are wrong.\"", "Lisa Holt"),
    ] {
        let q = said(&run(t));
        assert_eq!(q.last().and_then(|x| x.1.clone()), s(who), "{t}: {q:?}");
    }
}

#[test]
fn a_quote_after_she_said_inherits_its_speaker() {
    for t in [
        "\"We have work to do,\" she said. \"Nobody else will do it.\"",
        "\"This is over,\" she said Tuesday. \"We lost.\" She paused. \"But we will be back.\"",
        "“We have to move,” she said. “Time is short,” and she left.",
    ] {
        let q = said(&run(t));
        assert!(q.len() >= 2, "{t}: {q:?}");
        assert!(q.iter().all(|x| x.1 == s("she")), "{t}: {q:?}");
    }
}

#[test]
fn reporting_verbs_outside_the_core_list_are_cues() {
    for (t, cue) in [
        ("\"It is a circus,\" Ravi Shah quipped.", "quipped"),
        ("Ravi Shah likened the hearing to \"a circus.\"", "likened"),
        (
            "Senator Alma Cruz railed against the deal: \"This is theft.\"",
            "railed",
        ),
        ("\"You should know better,\" Dr. Park chided.", "chided"),
        ("\"We are the best,\" Coach Ames bragged.", "bragged"),
        (
            "\"Nothing has changed,\" the mayor reminded reporters.",
            "reminded",
        ),
    ] {
        let q = marked(&run(t));
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(q[0].3, s(cue), "{t}");
        assert!(q[0].2.is_some(), "{t}: {q:?}");
    }
}

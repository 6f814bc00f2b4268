//! Which labelled lines are speech: Q:/A: interviews, transcript turns, `Name:` introductions.

use super::*;

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

//! Which quotes carry on a neighbour's speaker: continuations in a paragraph, across paragraphs, split sentences.

use super::*;

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
fn colon_intro_paragraph() {
    let d = run("Senator Hale wrote on social media:\n\n\"This is a great day for the state.\"");
    assert_eq!(marked(&d)[0].2, s("Senator Hale"));
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

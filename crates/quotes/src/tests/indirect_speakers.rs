//! Who reported speech without marks is credited to: subjects past asides, appositions, coordination.

use super::*;

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

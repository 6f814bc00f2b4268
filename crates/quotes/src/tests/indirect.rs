//! What reported speech without marks covers: the reported clause, its cue, its extent.

use super::*;

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

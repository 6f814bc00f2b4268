//! What only looks like reported speech: cue words as nouns, names, results, the writer's own views.

use super::*;

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

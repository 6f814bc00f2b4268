//! Which quotation marks pair into quotes: straight, curly, UK singles, guillemets, nesting, apostrophes, paragraphs.

use super::*;

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
fn other_marks() {
    let d = run("Er sagte: „Wir schaffen das.“ Elle a dit: «Nous verrons.»");
    let q = marked(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1, "Wir schaffen das.");
    assert_eq!(q[1].1, "Nous verrons.");
}

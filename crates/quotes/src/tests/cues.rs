//! Which words attribute a marked quote: unlisted verbs, participles and gerunds, governing verbs.

use super::*;

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
fn governing_verb_before_to_say() {
    let d = run("Senator Gray went on to say, \"We will not back down.\"");
    assert_eq!(marked(&d)[0].2, s("Senator Gray"));
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

//! Which words are credited as a marked quote's speaker: names, appositions, roles, party tags, credit lines.

use super::*;

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
fn dash_attribution() {
    let d = run("\"Nothing about us without us.\" — Maria Ruiz\n\nThe rally ended at noon.");
    assert_eq!(marked(&d)[0].2, s("Maria Ruiz"));
}

#[test]
fn long_apposition_with_a_quoted_name_inside() {
    let d = run("\"We have had better weeks,\" delegate Bill Owens, wearing a hat and \"Owens 2020\" pins, said.");
    let q = marked(&d);
    assert_eq!(q[0].2, s("delegate Bill Owens"));
    assert_eq!(q[0].3, s("said"));
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

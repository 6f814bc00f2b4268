//! Which entity a speaker phrase resolves to: pronouns and their gender, roles, titles, phrase heads.

use super::*;

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

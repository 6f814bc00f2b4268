//! German and French cues, marks and roles (and English words that only look like them).

use super::*;

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

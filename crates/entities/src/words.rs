//! The closed word classes the rules ask about, answered by `unspin_lex`: titles,
//! name particles, head nouns and affixes of organisation, outlet, place and
//! other names. The lists are data files under `crates/lex/data/`.

use crate::lists::Gender;
use unspin_lex::{events, names, orgs, outlets, places, titles};

/// A title or honorific written before a name ("President", "Mrs.", "Sen.",
/// "Former"), case-sensitive: see [`unspin_lex::titles::title`].
pub fn cap_title(w: &str) -> Option<Option<Gender>> {
    titles::title(w)
}

/// Multiword-title words that only count as titles together ("First Lady").
pub fn is_title_companion(w: &str) -> bool {
    titles::is_title_companion(w)
}

/// A lower-case role word directly before a name that marks a person
/// ("reporter Gabriel X"): see [`unspin_lex::titles::person_role`].
pub fn lower_person_title(w: &str) -> Option<Option<Gender>> {
    titles::person_role(w)
}

/// Lower-case particles allowed inside person names ("de Blasio", "van Gogh").
pub fn is_name_particle(w: &str) -> bool {
    names::is_name_particle(w)
}

/// Lower-case connectors allowed inside organisation and other names after a head
/// noun ("Bank of America", "Committee for …", "Council on …").
pub fn is_org_connector(w: &str) -> bool {
    orgs::is_name_connector(w)
}

/// Head nouns that may be followed by "of"/"for"/"on" inside a name.
pub fn is_head_noun(w: &str) -> bool {
    is_org_suffix(w)
        || is_place_suffix(w)
        || is_misc_head(w)
        || cap_title(w).is_some()
        || names::is_name_head_noun(w)
}

/// Last words that make a name an organisation.
pub fn is_org_suffix(w: &str) -> bool {
    orgs::is_name_suffix(w)
}

/// Last words of news-outlet names ("the X Times", "Y Post").
pub fn is_outlet_suffix(w: &str) -> bool {
    outlets::is_name_suffix(w)
}

/// Last words that make a name a place.
pub fn is_place_suffix(w: &str) -> bool {
    places::is_name_suffix(w)
}

/// Words that make a name an event, award, law or work ("Medal of …", "… Prize").
pub fn is_misc_head(w: &str) -> bool {
    events::is_name_head(w)
}

/// Words that are capitalised but are never entity names on their own: months,
/// weekdays, and the pronoun "I".
pub fn is_never_name(w: &str) -> bool {
    names::is_never_name(w)
}

/// Capitalised acronyms that are not names ("CEO", "TV", "VP").
pub fn is_non_entity_acronym(w: &str) -> bool {
    names::is_non_name_acronym(w)
}

/// Name suffixes that are not surnames ("Jr.", "III").
pub fn is_name_suffix(w: &str) -> bool {
    names::is_person_name_suffix(w)
}

/// Verbs of saying right after a name suggest a person ("Okafor said").
pub fn is_speech_verb(w: &str) -> bool {
    unspin_lex::speech::is_person_cue(w)
}

/// Prepositions after which a place reading is preferred ("in Washington").
pub fn is_locative(w: &str) -> bool {
    places::is_locative(w)
}

/// Nouns in definite descriptions that refer back to a news outlet ("the magazine").
pub fn outlet_description(w: &str) -> Option<&'static [&'static str]> {
    outlets::description_types(w)
}

/// The nouns in an outlet's own name that match a description noun
/// ("the magazine" ↔ "New York Magazine").
pub fn description_name_word(w: &str) -> &'static [&'static str] {
    outlets::description_name_words(w)
}

/// Pronouns, auxiliaries and particles: capitalised mid-sentence only in title case.
pub fn is_function_word(w: &str) -> bool {
    names::is_capitalised_function_word(w)
}

/// First words of place names ("San Bernardino", "Fort Worth", "Lake Tahoe").
pub fn is_place_prefix(w: &str) -> bool {
    places::is_name_prefix(w)
}

/// First words of event and other names ("Hurricane Sandy", "Operation Desert Storm").
pub fn is_misc_prefix(w: &str) -> bool {
    events::is_name_prefix(w)
}

/// First words that make a multi-word name an organisation: "United …" and the
/// head-first organisation nouns of French, Spanish, Italian and German names
/// ("Ministère de …", "Confédération …", "Banco …").
pub fn is_org_prefix(w: &str) -> bool {
    orgs::is_name_prefix(w)
}

/// Shortest German compound taken as an organisation name.
const MIN_GERMAN_ORG_CHARS: usize = 6;

/// A German compound that names an organisation ("Bundesverband", "Wirtschaftsministerium",
/// "Bundesregierung"): federal prefix or an organisation morpheme inside the word.
pub fn is_german_org_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.chars().count() >= MIN_GERMAN_ORG_CHARS
        && orgs::has_german_org_morpheme(&w.to_lowercase())
}

/// A word that makes a name a news agency ("Presse-Agentur", "France-Presse",
/// "Nachrichtenagentur").
pub fn is_outlet_word(w: &str) -> bool {
    outlets::has_agency_morpheme(&w.to_lowercase())
}

/// Compass and size words that make "X Place" a larger or smaller place
/// ("Eastern Europe", "Northern Kenya", "Greater Manchester").
pub fn is_compass(w: &str) -> bool {
    places::is_compass(w)
}

/// Lower-case nouns for organisations ("the San Francisco company", "the union").
pub fn is_org_noun(w: &str) -> bool {
    orgs::is_org_noun(w)
}

/// Words after an organisation's possessive that only companies have
/// ("X's shares", "X's chief executive").
pub fn is_corporate_possession(w: &str) -> bool {
    orgs::is_corporate_possession(w)
}

/// Head nouns of journal titles followed by "of" ("Journal of …", "Annals of …").
pub fn is_outlet_head(w: &str) -> bool {
    outlets::is_name_head(w)
}

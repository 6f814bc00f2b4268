//! Reporting verbs ("said", "told", "slammed", "sagte", "a déclaré") and their
//! inflections, each with the kinds of cue it gives (data: `speech_verbs.tsv`:
//! form, lemma, kinds). Asked with lowercase forms.

use crate::hash::FxHashMap;
use std::sync::OnceLock;

table!(
    /// Form → lemma, kinds (comma-separated; see the file's header).
    pub SPEECH_VERBS = "speech_verbs.tsv"
);
table!(
    /// More forms in the columns of [`SPEECH_VERBS`], taken from the Gender Gap Tracker's
    /// quote-verb list (MIT; kept apart for its notice).
    pub SPEECH_VERBS_GGT = "speech_verbs_ggt.tsv"
);

/// The kinds of one form, as bits (the constants below).
pub type Kinds = u16;

/// Reports speech and can introduce indirect content ("said that …").
pub const SPEECH: Kinds = 1 << 0;
/// Names, labels or reacts ("called it …", "slammed"): a quote cue, not reported speech.
pub const LABEL: Kinds = 1 << 1;
/// Takes an object before the content ("told reporters that …").
pub const OBJECT: Kinds = 1 << 2;
/// A rumour word with no speaker ("rumored", "reportedly").
pub const RUMOUR: Kinds = 1 << 3;
/// A German or French reporting verb ("sagte", "déclaré").
pub const FOREIGN: Kinds = 1 << 4;
/// A German or French label verb ("nannte", "qualifie").
pub const FOREIGN_LABEL: Kinds = 1 << 5;
/// Reports a claim only with "that" ("found that …", "believes that …").
pub const THAT: Kinds = 1 << 6;
/// Reports after a comma ("…, adding that …").
pub const PARTICIPLE: Kinds = 1 << 7;
/// Also common as a noun ("a report", "the state").
pub const NOUN: Kinds = 1 << 8;
/// Credits an opinion to someone ("fear", "worry", "expect").
pub const OPINION: Kinds = 1 << 9;
/// Talking without reported content ("spoke").
pub const TALK: Kinds = 1 << 10;
/// A reliable credit on its own: the subject of this form is a source ("officials
/// said", "critics warn"). Also a per-token bit: [`crate::bits::CORE_SPEECH_VERB`].
pub const CORE: Kinds = 1 << 11;
/// Right after a capitalised word, marks it as a person's name ("Okafor said"): the
/// forms that rarely follow a place, group or title.
pub const PERSON: Kinds = 1 << 12;

/// Any kind that makes a form a quote cue.
pub const CUE: Kinds = SPEECH | LABEL | RUMOUR | FOREIGN | FOREIGN_LABEL;

fn kind_bit(name: &str) -> Kinds {
    match name {
        "speech" => SPEECH,
        "label" => LABEL,
        "object" => OBJECT,
        "rumour" => RUMOUR,
        "foreign" => FOREIGN,
        "foreign-label" => FOREIGN_LABEL,
        "that" => THAT,
        "participle" => PARTICIPLE,
        "noun" => NOUN,
        "opinion" => OPINION,
        "talk" => TALK,
        "core" => CORE,
        "person" => PERSON,
        other => panic!("speech_verbs.tsv: unknown kind {other:?}"),
    }
}

fn map() -> &'static FxHashMap<&'static str, Kinds> {
    static MAP: OnceLock<FxHashMap<&'static str, Kinds>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FxHashMap::default();
        for r in SPEECH_VERBS.rows().iter().chain(SPEECH_VERBS_GGT.rows()) {
            let kinds = r.get(2).map_or(0, |k| {
                k.split(',')
                    .map(|x| kind_bit(x.trim()))
                    .fold(0, |a, b| a | b)
            });
            *m.entry(r[0]).or_insert(0) |= kinds;
        }
        m
    })
}

/// The kinds of a lowercase form (0 when it is not listed).
#[inline]
pub fn kinds(form: &str) -> Kinds {
    map().get(form).copied().unwrap_or(0)
}

/// The lemma of a listed form ("said" → "say").
pub fn lemma(form: &str) -> Option<&'static str> {
    SPEECH_VERBS
        .row(form)
        .or_else(|| SPEECH_VERBS_GGT.row(form))
        .and_then(|r| r.get(1).copied())
}

/// A verb that reports speech ("said", "told", "warned").
pub fn is_speech_verb(form: &str) -> bool {
    kinds(form) & SPEECH != 0
}

/// A form that credits its subject as a source on its own ("said", "warned", "fears").
pub fn is_core_speech_verb(form: &str) -> bool {
    kinds(form) & CORE != 0
}

/// A form that, right after a capitalised word, marks it as a person's name.
pub fn is_person_cue(form: &str) -> bool {
    kinds(form) & PERSON != 0
}

/// The forms of kind `kind` (any of its bits).
pub fn forms_of(kind: Kinds) -> impl Iterator<Item = &'static str> {
    map()
        .iter()
        .filter(move |(_, k)| **k & kind != 0)
        .map(|(f, _)| *f)
}

/// Any quote cue: a reporting, label or rumour word, English, German or French.
pub fn is_cue(form: &str) -> bool {
    kinds(form) & CUE != 0
}

/// A German or French reporting or label verb.
pub fn is_foreign_cue(form: &str) -> bool {
    kinds(form) & (FOREIGN | FOREIGN_LABEL) != 0
}

/// A verb of finding or believing that reports a claim only with "that".
pub fn is_that_verb(form: &str) -> bool {
    kinds(form) & THAT != 0
}

/// A participle that reports after a comma ("adding", "saying").
pub fn is_report_participle(form: &str) -> bool {
    kinds(form) & PARTICIPLE != 0
}

/// A reporting-verb form that is also common as a noun ("report", "claims").
pub fn is_noun_too(form: &str) -> bool {
    kinds(form) & NOUN != 0
}

// Moved from the quotes rules (one list per question a rule asks).
word_set!(
    /// Finite reporting-verb forms after which a sentence reports ("said", "wrote").
    pub FINITE_REPORT_FORMS = "finite_report_forms.txt"
);
word_set!(
    /// Verbs of believing and showing that report a clause without "that" ("polls show Lee leading").
    pub CLAUSE_BELIEF_VERBS = "clause_belief_verbs.txt"
);
word_set!(
    /// Reporting verbs that rarely take a noun object ("said", "warned").
    pub PLAIN_SPEECH_VERBS = "plain_speech_verbs.txt"
);
word_set!(
    /// Time, place and medium words between a reporting verb and its "that" ("said Tuesday in a statement that").
    pub CUE_THAT_GAP_WORDS = "cue_that_gap_words.txt"
);
word_set!(
    /// Cue verbs whose object is mostly a noun; they report only with "that" ("charges $5").
    pub NOUN_OBJECT_VERBS = "noun_object_verbs.txt"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse() {
        assert_eq!(kinds("told") & (SPEECH | OBJECT), SPEECH | OBJECT);
        assert_eq!(kinds("called") & CUE, LABEL);
        assert_eq!(kinds("reportedly"), RUMOUR);
        assert!(is_foreign_cue("sagte") && is_foreign_cue("assure"));
        assert_eq!(lemma("said"), Some("say"));
        assert!(!is_cue("table"));
        assert!(is_core_speech_verb("said") && is_core_speech_verb("fears"));
        assert!(!is_core_speech_verb("slammed") && !is_core_speech_verb("saying"));
        for r in SPEECH_VERBS.rows().iter().chain(SPEECH_VERBS_GGT.rows()) {
            assert_eq!(r.len(), 3, "{r:?}");
            assert_eq!(r[0], crate::normalise(r[0]), "not lowercase: {}", r[0]);
        }
    }
}

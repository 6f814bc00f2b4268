//! Word lists (reporting verbs and their inflections, function words) and a tiny
//! word tokenizer used to read the text around a quotation.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a reporting verb introduces what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Introduces reported speech ("said that …"), usable for indirect quotes.
    pub speech: bool,
    /// Takes an object before the content ("told reporters that …").
    pub object: bool,
    /// A rumour word: no speaker ("is rumored", "reportedly").
    pub rumour: bool,
}

/// Reporting verbs: (base, irregular forms). Regular forms are generated.
const VERBS: &[(&str, &[&str])] = &[
    ("say", &["said", "says", "saying"]),
    ("tell", &["told", "tells", "telling"]),
    ("write", &["wrote", "writes", "writing", "written"]),
    ("add", &[]),
    ("describe", &[]),
    ("explain", &[]),
    ("note", &[]),
    ("claim", &[]),
    ("insist", &[]),
    ("argue", &[]),
    ("warn", &[]),
    ("ask", &[]),
    ("reply", &["replied", "replies", "replying"]),
    ("respond", &[]),
    ("recall", &[]),
    ("state", &[]),
    ("announce", &[]),
    ("acknowledge", &[]),
    ("admit", &["admitted", "admitting"]),
    ("tweet", &[]),
    ("post", &[]),
    ("report", &[]),
    ("continue", &[]),
    ("suggest", &[]),
    ("declare", &[]),
    ("assert", &[]),
    ("contend", &[]),
    ("maintain", &[]),
    ("concede", &[]),
    ("confirm", &[]),
    ("deny", &["denied", "denies", "denying"]),
    ("quip", &["quipped", "quipping"]),
    ("joke", &[]),
    ("remark", &[]),
    ("observe", &[]),
    ("comment", &[]),
    ("predict", &[]),
    ("promise", &[]),
    ("vow", &[]),
    ("urge", &[]),
    ("boast", &[]),
    ("complain", &[]),
    ("lament", &[]),
    ("emphasize", &[]),
    ("emphasise", &[]),
    ("stress", &["stressed", "stresses", "stressing"]),
    ("reiterate", &[]),
    ("testify", &["testified", "testifies", "testifying"]),
    ("shout", &[]),
    ("yell", &[]),
    ("scream", &[]),
    ("exclaim", &[]),
    ("whisper", &[]),
    ("mutter", &[]),
    ("chant", &[]),
    ("agree", &["agreed", "agrees", "agreeing"]),
    ("recount", &[]),
    ("conclude", &[]),
    ("allege", &[]),
    ("charge", &[]),
    ("counter", &[]),
    ("retort", &[]),
    ("tout", &[]),
    ("proclaim", &[]),
    ("pledge", &[]),
    ("reveal", &[]),
    ("disclose", &[]),
    ("hint", &[]),
    ("estimate", &[]),
    ("wonder", &[]),
    ("demand", &[]),
    ("threaten", &[]),
    ("speculate", &[]),
    ("muse", &[]),
    ("inform", &[]),
    ("assure", &[]),
    ("caution", &[]),
    ("advise", &[]),
    ("insist", &[]),
    ("concur", &["concurred", "concurring"]),
    ("cite", &[]),
    ("acknowledge", &[]),
    ("summarize", &[]),
    ("summarise", &[]),
    ("elaborate", &[]),
    ("interject", &[]),
    ("interrupt", &[]),
    ("begin", &["began", "begins", "beginning", "begun"]),
    ("pose", &[]),
    ("preach", &[]),
    ("proclaim", &[]),
    ("recommend", &[]),
    ("repeat", &[]),
    ("quote", &[]),
    ("snap", &["snapped", "snapping"]),
    ("scoff", &[]),
    ("sneer", &[]),
    ("boom", &[]),
    ("thunder", &[]),
    ("rage", &[]),
    ("gush", &[]),
    ("plead", &["pled"]),
    ("beg", &["begged", "begging"]),
    ("opine", &[]),
    ("surmise", &[]),
    ("posit", &[]),
    ("theorize", &[]),
    ("acknowledge", &[]),
    ("point", &[]),
    ("denounce", &[]),
    ("accuse", &[]),
    ("slam", &["slammed", "slamming", "slams"]),
    ("blast", &[]),
    ("decry", &["decried", "decries", "decrying"]),
    ("condemn", &[]),
    ("deride", &[]),
    ("dismiss", &["dismissed", "dismisses", "dismissing"]),
    ("offer", &[]),
    ("press", &["pressed", "presses", "pressing"]),
    ("fume", &[]),
    ("beam", &[]),
    ("crack", &[]),
    ("gripe", &[]),
    ("snipe", &[]),
    ("sigh", &[]),
    ("laugh", &[]),
    ("think", &["thought", "thinks", "thinking"]),
    ("believe", &[]),
    ("call", &[]),
    ("dub", &["dubbed", "dubbing"]),
    ("label", &["labeled", "labelled", "labeling", "labelling"]),
    ("brand", &[]),
    ("term", &[]),
];

/// Verbs that name or label ("called it …"): a cue for quotes, not for indirect speech.
const LABEL_VERBS: &[&str] = &[
    "call", "dub", "label", "brand", "term", "think", "believe", "cite", "quote", "begin",
    "continue", "offer", "press", "fume", "beam", "crack", "gripe", "snipe", "sigh", "laugh",
    "denounce", "accuse", "slam", "blast", "decry", "condemn", "deride", "dismiss",
];

/// Verbs that take an object before the content.
const OBJECT_VERBS: &[&str] = &[
    "tell", "inform", "assure", "warn", "ask", "advise", "remind", "promise", "urge",
];

const RUMOUR: &[&str] = &[
    "rumored",
    "rumoured",
    "reportedly",
    "reputedly",
    "allegedly",
    "purportedly",
];

fn regular_forms(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    let stem_e = base.strip_suffix('e');
    // third person
    if base.ends_with('s') || base.ends_with("sh") || base.ends_with("ch") || base.ends_with('x') {
        v.push(format!("{base}es"));
    } else {
        v.push(format!("{base}s"));
    }
    match stem_e {
        Some(stem) => {
            v.push(format!("{base}d"));
            v.push(format!("{stem}ing"));
        }
        None => {
            v.push(format!("{base}ed"));
            v.push(format!("{base}ing"));
        }
    }
    v
}

fn cue_table() -> &'static HashMap<String, Cue> {
    static T: OnceLock<HashMap<String, Cue>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for (base, irr) in VERBS {
            let cue = Cue {
                speech: !LABEL_VERBS.contains(base),
                object: OBJECT_VERBS.contains(base),
                rumour: false,
            };
            let forms: Vec<String> = if irr.is_empty() {
                regular_forms(base)
            } else {
                let mut f = vec![base.to_string()];
                f.extend(irr.iter().map(|s| s.to_string()));
                if !irr.iter().any(|s| s.ends_with('s')) {
                    f.extend(regular_forms(base));
                }
                f
            };
            for f in forms {
                m.entry(f).or_insert(cue);
            }
        }
        for r in RUMOUR {
            m.insert(
                r.to_string(),
                Cue {
                    speech: false,
                    object: false,
                    rumour: true,
                },
            );
        }
        m
    })
}

/// The cue entry for a (lower-cased) word, if it is a reporting verb.
pub fn cue(word_lower: &str) -> Option<Cue> {
    cue_table()
        .get(word_lower)
        .copied()
        .or_else(|| foreign_cue(word_lower))
}

/// German and French reporting verbs (finite forms and past participles), for quotes
/// in „…“ or «…» styles: `„…“, sagte X`, `«…», a déclaré X`.
const FOREIGN_CUES: &[&str] = &[
    // German
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "erklärten",
    "betonte",
    "betont",
    "kritisierte",
    "kritisiert",
    "warnte",
    "warnt",
    "meinte",
    "meint",
    "fügte",
    "ergänzte",
    "ergänzt",
    "schrieb",
    "schreibt",
    "sprach",
    "forderte",
    "fordert",
    "bekräftigte",
    "unterstrich",
    "versicherte",
    "mahnte",
    "räumte",
    "kündigte",
    "teilte",
    "berichtete",
    "berichtet",
    "bestätigte",
    "widersprach",
    "entgegnete",
    "antwortete",
    "rief",
    // French
    "déclaré",
    "déclare",
    "dit",
    "affirme",
    "affirmé",
    "estime",
    "estimé",
    "explique",
    "expliqué",
    "ajoute",
    "ajouté",
    "souligne",
    "souligné",
    "précise",
    "précisé",
    "confie",
    "confié",
    "lancé",
    "indique",
    "indiqué",
    "assure",
    "assuré",
    "raconte",
    "raconté",
    "poursuit",
    "poursuivi",
    "insiste",
    "insisté",
    "martèle",
    "martelé",
    "regrette",
    "regretté",
    "dénonce",
    "dénoncé",
    "reconnaît",
    "reconnu",
    "répond",
    "répondu",
    "rappelle",
    "rappelé",
    "prévient",
    "averti",
    "avertit",
    "déplore",
    "déploré",
    "annonce",
    "annoncé",
    "résume",
    "résumé",
    "tranche",
    "tranché",
];

/// German and French label verbs ("nannte die Pläne „…“", "qualifie de « … »").
const FOREIGN_LABELS: &[&str] = &["nannte", "nennt", "bezeichnete", "qualifie", "qualifié"];

/// True for a German or French reporting or label verb.
pub fn is_foreign_cue(w: &str) -> bool {
    FOREIGN_CUES.contains(&w) || FOREIGN_LABELS.contains(&w)
}

fn foreign_cue(w: &str) -> Option<Cue> {
    if FOREIGN_CUES.contains(&w) {
        return Some(Cue {
            speech: false,
            object: false,
            rumour: false,
        });
    }
    FOREIGN_LABELS.contains(&w).then_some(Cue {
        speech: false,
        object: false,
        rumour: false,
    })
}

/// A French inverted cue with its subject pronoun glued on (`a-t-il`, `confie-t-elle`,
/// `dit-il`): the byte length of the pronoun at the end of the word.
pub fn french_inverted_pronoun(word: &str) -> Option<usize> {
    let l = word.to_lowercase();
    for p in [
        "-t-il", "-t-elle", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles",
    ] {
        if l.len() > p.len() + 1 && l.ends_with(p) {
            return Some(p.trim_start_matches("-t").trim_start_matches('-').len());
        }
    }
    None
}

/// Words between a subject and a foreign past participle: the French auxiliary and
/// reflexive ("a déclaré", "se dit") and German auxiliaries ("hat gesagt").
pub fn is_foreign_aux(w: &str) -> bool {
    matches!(
        w,
        "a" | "ont" | "avait" | "avaient" | "aurait" | "se" | "s'est" | "hat" | "hatte" | "habe"
    )
}

/// Whether a cue word is a verb form usable in a finite clause (not a bare base used
/// as a noun like "state", "post", "report", "call", "charge" unless clearly verbal).
pub fn ambiguous_noun(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "state"
            | "states"
            | "post"
            | "posts"
            | "report"
            | "reports"
            | "call"
            | "calls"
            | "charge"
            | "charges"
            | "note"
            | "notes"
            | "term"
            | "terms"
            | "brand"
            | "comment"
            | "comments"
            | "promise"
            | "promises"
            | "counter"
            | "tweet"
            | "tweets"
            | "quote"
            | "quotes"
            | "claim"
            | "claims"
            | "demand"
            | "demands"
            | "stress"
            | "estimate"
            | "estimates"
            | "label"
            | "labels"
            | "pledge"
            | "pledges"
            | "remark"
            | "remarks"
            | "boast"
            | "hint"
            | "rage"
            | "muse"
            | "boom"
            | "snap"
            | "rip"
            | "blast"
            | "mock"
            | "praise"
            | "vow"
            | "vows"
            | "dub"
            | "joke"
            | "jokes"
            | "cite"
            | "pose"
            | "chant"
            | "chants"
            | "scream"
            | "shout"
            | "yell"
            | "whisper"
            | "thunder"
            | "begin"
            | "point"
            | "points"
            | "slam"
            | "dismiss"
            | "offer"
            | "offers"
            | "press"
            | "crack"
            | "cracks"
            | "laugh"
            | "sigh"
            | "beam"
            | "add"
            | "ask"
            | "say"
            | "tell"
            | "write"
    )
}

/// A participle that reports after a comma ("…, adding that …", "…, saying …").
pub fn report_participle(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "saying"
            | "adding"
            | "noting"
            | "arguing"
            | "insisting"
            | "claiming"
            | "warning"
            | "explaining"
            | "stating"
            | "declaring"
            | "suggesting"
    )
}

/// Verbs of finding and believing that report a claim only with "that"
/// ("a poll found that …", "he believes that …"): indirect content, never a quote cue.
pub fn that_verb(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "show"
            | "shows"
            | "showed"
            | "shown"
            | "find"
            | "finds"
            | "found"
            | "think"
            | "thinks"
            | "thought"
            | "believe"
            | "believes"
            | "believed"
            | "hope"
            | "hopes"
            | "hoped"
            | "fear"
            | "fears"
            | "feared"
            | "expect"
            | "expects"
            | "expected"
            | "indicate"
            | "indicates"
            | "indicated"
            | "learned"
            | "concluded"
            | "determined"
    )
}

/// Personal pronouns that can be speakers.
pub fn pronoun(word_lower: &str) -> Option<Pronoun> {
    Some(match word_lower {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        // German and French subject pronouns in speaker position ("sagte er").
        "er" | "il" => Pronoun::He,
        "sie" | "elle" => Pronoun::She,
        "ils" | "elles" => Pronoun::They,
        "i" | "we" | "you" => Pronoun::Other,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    Other,
}

/// Words that may sit between a speaker and the cue ("X also said", "X has said").
pub fn is_adverb_or_aux(w: &str) -> bool {
    is_listed_adverb_or_aux(w) || (w.ends_with("ly") && w.len() > 4)
}

/// [`is_adverb_or_aux`] without the "-ly" suffix rule.
pub fn is_listed_adverb_or_aux(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "once"
            | "then"
            | "further"
            | "previously"
            | "recently"
            | "repeatedly"
            | "again"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "could"
            | "might"
            | "may"
            | "did"
            | "does"
            | "do"
            | "often"
            | "frequently"
            | "famously"
            | "publicly"
            | "privately"
            | "reportedly"
            | "simply"
            | "just"
            | "still"
            | "even"
            | "only"
            | "first"
            | "last"
            | "earlier"
            | "openly"
            | "flatly"
            | "bluntly"
            | "quickly"
            | "immediately"
            | "finally"
            | "subsequently"
            | "has been"
            | "not"
            | "never"
            | "always"
            | "ever"
            | "already"
            | "now"
    )
}

/// Forms of "be": a cue after one is passive ("is said to", "was told").
pub fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "are" | "were" | "be" | "been" | "being" | "'s" | "’s"
    )
}

/// Words that end a speaker phrase when walking backwards from a cue.
pub fn is_clause_start(w: &str) -> bool {
    matches!(
        w,
        "despite"
            | "amid"
            | "as"
            | "and"
            | "but"
            | "that"
            | "when"
            | "while"
            | "because"
            | "after"
            | "before"
            | "since"
            | "if"
            | "who"
            | "which"
            | "so"
            | "where"
            | "whom"
            | "whose"
            | "though"
            | "although"
            | "what"
            | "how"
            | "why"
            | "or"
            | "nor"
            | "yet"
            | "than"
            | "unless"
            | "until"
            | "whether"
            | "once"
            | "even"
            | "to"
            | "in"
            | "on"
            | "at"
            | "with"
            | "about"
            | "for"
            | "of"
            | "from"
            | "by"
            | "into"
            | "during"
            | "over"
            | "under"
            | "said"
            | "says"
            | "like"
            | "is"
            | "was"
            | "are"
            | "were"
    )
}

/// Names of the days of the week (lowercased).
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words that end a speaker phrase after an inverted cue ("said Smith on Sunday").
pub fn ends_inverted_speaker(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "to"
            | "of"
            | "when"
            | "while"
            | "after"
            | "before"
            | "as"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "tonight"
            | "earlier"
            | "later"
            | "about"
            | "and"
            | "but"
            | "that"
            | "who"
            | "which"
            | "in a"
            | "with"
            | "from"
            | "for"
            | "recently"
            | "told"
            | "said"
            | "adding"
            | "referring"
            | "speaking"
            | "because"
            | "since"
            | "according"
            | "then"
            // German and French prepositions and conjunctions after an inverted cue
            // ("sagte X am Mittwoch", "a déclaré X lors de …").
            | "am"
            | "im"
            | "auf"
            | "bei"
            | "vor"
            | "nach"
            | "gegenüber"
            | "und"
            | "sur"
            | "à"
            | "au"
            | "aux"
            | "dans"
            | "lors"
            | "devant"
            | "et"
            | "mais"
    ) || is_weekday(w)
}

/// Determiners and quantifiers that may open a speaker phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "one"
            | "some"
            | "many"
            | "several"
            | "two"
            | "three"
            | "few"
            | "other"
            | "others"
            | "another"
            | "this"
            | "that"
            | "these"
            | "those"
            | "most"
            | "all"
            | "both"
            | "each"
            | "every"
            | "senior"
            | "top"
            | "former"
    ) || is_possessive(w)
}

/// Possessive determiners ("his plan", "their claim").
pub fn is_possessive(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "its" | "our" | "my" | "your")
}

/// French and German articles that open a role phrase ("le maire", "der Minister").
/// Kept apart from [`is_determiner`] because "die" and "das" are English words too.
pub fn is_foreign_article(w: &str) -> bool {
    matches!(
        w,
        "le" | "la" | "les" | "l'" | "un" | "une" | "der" | "die" | "das" | "ein" | "eine"
    )
}

/// Plural group nouns that "they" may refer to.
pub fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "advisers"
            | "advisors"
            | "aides"
            | "sources"
            | "people"
            | "analysts"
            | "experts"
            | "critics"
            | "supporters"
            | "democrats"
            | "republicans"
            | "lawmakers"
            | "leaders"
            | "voters"
            | "staffers"
            | "insiders"
            | "observers"
            | "researchers"
            | "scientists"
            | "authors"
            | "reporters"
            | "editors"
            | "investigators"
            | "prosecutors"
            | "lawyers"
            | "attorneys"
            | "police"
            | "residents"
            | "protesters"
            | "organizers"
            | "organisers"
            | "members"
            | "allies"
            | "friends"
            | "donors"
            | "strategists"
            | "operatives"
            | "spokesmen"
            | "spokespeople"
            | "economists"
            | "pollsters"
            | "activists"
            | "witnesses"
            | "students"
            | "parents"
            | "doctors"
            | "conservatives"
            | "liberals"
            | "progressives"
            | "candidates"
            | "senators"
            | "diplomats"
            | "ministers"
            | "executives"
            | "employees"
            | "workers"
            | "campaigners"
    )
}

/// A word token: byte span plus its text.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn is_punct(&self) -> bool {
        !self
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

/// Splits `text[a..b]` into words (letters/digits with inner `.`, `'`, `’`, `-`, `&`)
/// and single punctuation characters; whitespace is dropped.
pub fn words(text: &str, a: usize, b: usize) -> Vec<Word<'_>> {
    let mut out = vec![];
    let s = &text[a..b];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                } else if matches!(cj, '.' | '\'' | '’' | '-' | '&')
                    && chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Abbreviation periods: "U.S." / "Mr." keep a final period when the word
            // already has one inside or is a known title.
            let mut end_off = chars.get(j).map_or(s.len(), |x| x.0);
            let w = &s[off..end_off];
            if chars.get(j).is_some_and(|x| x.1 == '.') && (w.contains('.') || is_abbrev(w)) {
                end_off += 1;
                j += 1;
            }
            out.push(Word {
                start: a + off,
                end: a + end_off,
                text: &text[a + off..a + end_off],
            });
            i = j;
        } else {
            let end_off = off + c.len_utf8();
            out.push(Word {
                start: a + off,
                end: a + end_off,
                text: &text[a + off..a + end_off],
            });
            i += 1;
        }
    }
    out
}

/// Common abbreviations that take a period without ending a sentence (the segmenter's
/// lists), and single capital initials.
pub fn is_abbrev(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    unspin_segment::abbrev::is_known_abbrev(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        for w in [
            "said",
            "says",
            "describes",
            "described",
            "wrote",
            "tweeted",
            "replied",
            "added",
            "noting",
            "admitted",
        ] {
            assert!(cue(w).is_some(), "{w}");
        }
        assert!(cue("rumored").unwrap().rumour);
        assert!(cue("told").unwrap().object);
        assert!(cue("table").is_none());
    }

    #[test]
    fn tokenizer() {
        let t = "Sen. Smith said U.S. aid isn't \"enough.\"";
        let w: Vec<&str> = words(t, 0, t.len()).iter().map(|w| w.text).collect();
        assert_eq!(
            w,
            vec!["Sen.", "Smith", "said", "U.S.", "aid", "isn't", "\"", "enough", ".", "\""]
        );
    }
}

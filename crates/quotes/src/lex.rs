//! The word questions quote rules ask (answered by `unspin_lex`) and a tiny word
//! tokenizer used to read the text around a quotation.

use unspin_lex::{grammar, speech};

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

/// The cue entry for a (lower-cased) word, if it is a reporting, label or rumour
/// word (English, German or French: `lex::speech`).
pub fn cue(word_lower: &str) -> Option<Cue> {
    let k = speech::kinds(word_lower);
    (k & speech::CUE != 0).then_some(Cue {
        speech: k & speech::SPEECH != 0,
        object: k & speech::OBJECT != 0,
        rumour: k & speech::RUMOUR != 0,
    })
}

/// True for a German or French reporting or label verb.
pub fn is_foreign_cue(w: &str) -> bool {
    speech::is_foreign_cue(w)
}

/// A French inverted cue with its subject pronoun glued on (`a-t-il`, `confie-t-elle`,
/// `dit-il`): the byte length of the pronoun at the end of the word.
pub fn french_inverted_pronoun(word: &str) -> Option<usize> {
    grammar::french_inverted_pronoun(&word.to_lowercase())
}

/// Words between a subject and a foreign past participle: the French auxiliary and
/// reflexive ("a déclaré", "se dit") and German auxiliaries ("hat gesagt").
pub fn is_foreign_aux(w: &str) -> bool {
    grammar::FOREIGN_AUXILIARIES.contains(w)
}

/// Whether a cue word is a verb form usable in a finite clause (not a bare base used
/// as a noun like "state", "post", "report", "call", "charge" unless clearly verbal).
pub fn ambiguous_noun(word_lower: &str) -> bool {
    speech::is_noun_too(word_lower)
}

/// A participle that reports after a comma ("…, adding that …", "…, saying …").
pub fn report_participle(word_lower: &str) -> bool {
    speech::is_report_participle(word_lower)
}

/// Verbs of finding and believing that report a claim only with "that"
/// ("a poll found that …", "he believes that …"): indirect content, never a quote cue.
pub fn that_verb(word_lower: &str) -> bool {
    speech::is_that_verb(word_lower)
}

/// Personal pronouns that can be speakers.
pub fn pronoun(word_lower: &str) -> Option<Pronoun> {
    grammar::subject_pronoun(word_lower)
}

/// Who a speaker pronoun refers to.
pub use grammar::Referent as Pronoun;

/// Words that may sit between a speaker and the cue ("X also said", "X has said").
pub fn is_adverb_or_aux(w: &str) -> bool {
    is_listed_adverb_or_aux(w) || (w.ends_with("ly") && w.len() > 4)
}

/// [`is_adverb_or_aux`] without the "-ly" suffix rule.
pub fn is_listed_adverb_or_aux(w: &str) -> bool {
    grammar::SPEAKER_VERB_GAP_WORDS.contains(w)
}

/// Forms of "be": a cue after one is passive ("is said to", "was told").
pub fn is_be(w: &str) -> bool {
    grammar::BE_FORMS.contains(w)
}

/// Words that end a speaker phrase when walking backwards from a cue.
pub fn is_clause_start(w: &str) -> bool {
    grammar::CLAUSE_STARTS.contains(w)
}

/// Names of the days of the week (lowercased).
pub fn is_weekday(w: &str) -> bool {
    unspin_lex::dates::WEEKDAYS
        .row(w)
        .is_some_and(|r| r.get(2) == Some(&"name"))
}

/// Words that end a speaker phrase after an inverted cue ("said Smith on Sunday").
pub fn ends_inverted_speaker(w: &str) -> bool {
    grammar::INVERTED_SPEAKER_ENDS.contains(w) || is_weekday(w)
}

/// Determiners and quantifiers that may open a speaker phrase.
pub fn is_determiner(w: &str) -> bool {
    grammar::DETERMINERS.contains(w) || is_possessive(w)
}

/// Possessive determiners ("his plan", "their claim").
pub fn is_possessive(w: &str) -> bool {
    grammar::POSSESSIVES.contains(w)
}

/// French and German articles that open a role phrase ("le maire", "der Minister").
/// Kept apart from [`is_determiner`] because "die" and "das" are English words too.
pub fn is_foreign_article(w: &str) -> bool {
    grammar::FOREIGN_ARTICLES.contains(w)
}

/// Plural group nouns that "they" may refer to.
pub fn is_group_noun(w: &str) -> bool {
    unspin_lex::groups::is_group_noun(w)
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
    unspin_lex::abbrev::is_known_abbrev(w)
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

//! The word questions quote rules ask (answered by `unspin_lex`) and the rules'
//! view of the token layer ([`view`]), used to read the text around a quotation.

use std::borrow::Cow;
use unspin_doc::{Doc, Span};
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
pub fn french_inverted_pronoun(form: &str) -> Option<usize> {
    grammar::french_inverted_pronoun(form)
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

/// A word of the quote rules' view of the token layer: byte span, text and
/// normalised form (lowercase, straight apostrophes).
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    form: Cow<'a, str>,
    cap: bool,
    punct: bool,
}

impl Word<'_> {
    /// Starts with neither a letter nor a digit.
    pub fn is_punct(&self) -> bool {
        self.punct
    }
    /// The normalised form: lowercase, typographic apostrophes made straight.
    pub fn form(&self) -> &str {
        &self.form
    }
    /// Starts with an uppercase letter.
    pub fn capitalised(&self) -> bool {
        self.cap
    }
}

/// A piece of one segmenter token: the whole token, or a part the quote rules'
/// word grouping splits off (a punctuation run "..." one character at a time, a
/// number's "," or ":", a final period).
#[derive(Debug, Clone, Copy)]
struct Atom {
    span: Span,
    /// Index of the token in `doc.tokens`.
    token: usize,
    /// Starts with a letter or digit.
    alnum: bool,
}

/// Characters that join two alphanumeric runs into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&')
}

/// The atoms of token `ti` clipped to `[a, b)`: the token whole when it is one
/// alphanumeric run or one character, else its alphanumeric runs and each other
/// character (whitespace of a spaced ellipsis dropped).
fn atoms(doc: &Doc, ti: usize, a: usize, b: usize, out: &mut Vec<Atom>) {
    let t = &doc.tokens[ti];
    let span = Span::new(t.span.start.max(a), t.span.end.min(b));
    if span.is_empty() {
        return;
    }
    let s = &doc.text[span.start..span.end];
    let whole = span == t.span;
    if whole && (t.shape.word() && s.bytes().all(|c| c.is_ascii_alphanumeric())) {
        out.push(Atom {
            span,
            token: ti,
            alnum: true,
        });
        return;
    }
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            run.get_or_insert(i);
            continue;
        }
        if let Some(r) = run.take() {
            out.push(Atom {
                span: Span::new(span.start + r, span.start + i),
                token: ti,
                alnum: true,
            });
        }
        if !c.is_whitespace() {
            out.push(Atom {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                token: ti,
                alnum: false,
            });
        }
    }
    if let Some(r) = run {
        out.push(Atom {
            span: Span::new(span.start + r, span.end),
            token: ti,
            alnum: true,
        });
    }
}

/// Where byte `pos` (inside or at an end of token `t`) falls in `doc.token_forms`,
/// when the form lines up with the text there (token ends, or ASCII tokens).
fn form_offset(doc: &Doc, ti: usize, pos: usize) -> Option<usize> {
    let t = &doc.tokens[ti];
    let f = t.form.start as usize;
    if pos == t.span.start {
        Some(f)
    } else if pos == t.span.end {
        Some(f + t.form.len as usize)
    } else {
        doc.slice(t.span)
            .is_ascii()
            .then_some(f + pos - t.span.start)
    }
}

/// The word made of atoms `run` (adjacent in the text).
fn word<'a>(doc: &'a Doc, run: &[Atom]) -> Word<'a> {
    let (first, last) = (run[0], run[run.len() - 1]);
    let span = Span::new(first.span.start, last.span.end);
    let text = doc.slice(span);
    let form = match (
        form_offset(doc, first.token, span.start),
        form_offset(doc, last.token, span.end),
    ) {
        (Some(x), Some(y)) => Cow::Borrowed(&doc.token_forms[x..y]),
        _ => unspin_lex::normalise(text).into_owned().into(),
    };
    let t = &doc.tokens[first.token];
    let cap = if span.start == t.span.start {
        t.shape.cap()
    } else {
        text.starts_with(char::is_uppercase)
    };
    Word {
        start: span.start,
        end: span.end,
        text,
        form,
        cap,
        punct: !first.alnum,
    }
}

/// The words of `doc.text[a..b]` in the quote rules' grouping, read from the token
/// layer: letters and digits joined over an inner `.`, `'`, `’`, `-` or `&`
/// ("isn't", "AT&T", "agency's", "U.S"), a final period kept by a dotted word or an
/// abbreviation ("U.S.", "Sen."), every other character a word of its own.
/// Adjacent segmenter tokens are joined ("is" + "n't") and split ("1,000", "...")
/// to that grouping.
pub fn view(doc: &Doc, a: usize, b: usize) -> Vec<Word<'_>> {
    let mut at: Vec<Atom> = Vec::new();
    let mut ti = doc.token_at_or_after(a);
    while ti < doc.tokens.len() && doc.tokens[ti].span.start < b {
        atoms(doc, ti, a, b, &mut at);
        ti += 1;
    }
    let text = doc.text.as_str();
    let glued = |x: &Atom, y: &Atom| x.span.end == y.span.start;
    let is_char = |x: &Atom, f: fn(char) -> bool| {
        !x.alnum && text[x.span.start..x.span.end].chars().next().is_some_and(f)
    };
    let mut out = Vec::with_capacity(at.len());
    let mut i = 0;
    while i < at.len() {
        if !at[i].alnum {
            out.push(word(doc, &at[i..i + 1]));
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < at.len() && glued(&at[j - 1], &at[j]) {
            if at[j].alnum {
                j += 1;
            } else if is_char(&at[j], is_joiner)
                && at.get(j + 1).is_some_and(|n| n.alnum && glued(&at[j], n))
            {
                j += 2;
            } else {
                break;
            }
        }
        // Abbreviation periods: "U.S." / "Mr." keep a final period when the word
        // already has one inside or is a known title.
        if at
            .get(j)
            .is_some_and(|n| glued(&at[j - 1], n) && is_char(n, |c| c == '.'))
        {
            let w = &text[at[i].span.start..at[j - 1].span.end];
            if w.contains('.') || is_abbrev(w) {
                j += 1;
            }
        }
        out.push(word(doc, &at[i..j]));
        i = j;
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
        let mut d = Doc::new(t);
        unspin_segment::segment(&mut d);
        let w: Vec<&str> = view(&d, 0, t.len()).iter().map(|w| w.text).collect();
        assert_eq!(
            w,
            vec!["Sen.", "Smith", "said", "U.S.", "aid", "isn't", "\"", "enough", ".", "\""]
        );
    }
}

//! Speaker phrases: which words around a cue form its subject or a valid speaker.

use super::*;

impl<'d> Detector<'d> {
    /// `ROLE, Name,` (the words before a cue, ending in a comma): the name when a
    /// role description ("His spokesman", "a commission spokesman", "Le ministre de
    /// l'Agriculture") is followed by a name in commas.
    pub(crate) fn appositive_name<'a, 'w>(&self, phrase: &'a [Word<'w>]) -> Option<&'a [Word<'w>]> {
        if phrase.len() < 4 || phrase[phrase.len() - 1].text != "," {
            return None;
        }
        let inner = &phrase[..phrase.len() - 1];
        let c = inner.iter().rposition(|w| w.text == ",")?;
        let name = &inner[c + 1..];
        // The role phrase: back from the comma to a clause break.
        let mut r = c;
        while r > 0 && c - r < 8 {
            let w = &inner[r - 1];
            let l = w.form();
            if w.is_punct() && !matches!(w.text, "'" | "’" | "-")
                || lex::is_clause_start(l) && !matches!(l, "of" | "for" | "at" | "de")
            {
                break;
            }
            r -= 1;
        }
        let role = &inner[r..c];
        if role.is_empty() || name.is_empty() || name.len() > 5 {
            return None;
        }
        let is_name = name
            .iter()
            .all(|w| w.capitalised() || matches!(w.text, "." | "-" | "'" | "’"))
            && name.iter().filter(|w| !w.is_punct()).count() >= 2
            && lex::pronoun(name[0].form()).is_none();
        // The role part: no comma of its own, and a lower-case word (a role noun).
        let is_role = role.len() <= 8
            && role
                .iter()
                .all(|w| !w.is_punct() || matches!(w.text, "'" | "’" | "-"))
            && role
                .iter()
                .any(|w| w.text.chars().next().is_some_and(|c| c.is_lowercase()))
            && !role.iter().any(|w| {
                let l = w.form();
                lex::is_clause_start(l) && !matches!(l, "of" | "for" | "at" | "de")
                    || lex::cue(l).is_some()
            });
        (is_name && is_role).then_some(name)
    }

    /// A speaker phrase: short, and a name, pronoun, role or group.
    pub(crate) fn valid_speaker(&self, phrase: &[Word]) -> bool {
        if phrase.is_empty() || phrase.len() > 10 {
            return false;
        }
        if phrase
            .iter()
            .any(|w| w.is_punct() && !matches!(w.text, "'" | "’" | "." | "-"))
        {
            return false;
        }
        let first = phrase[0].form();
        if phrase.len() == 1 && lex::pronoun(first).is_some() {
            return true;
        }
        // "Monday showed …": a day names no one.
        if phrase.len() == 1 && lex::is_weekday(first) {
            return false;
        }
        // "he did not feel", "the piece I": a clause, not a name.
        if phrase.iter().any(|w| lex::pronoun(w.form()).is_some()) {
            return false;
        }
        if phrase.iter().any(|w| {
            let l = w.form();
            let clause =
                lex::is_clause_start(l) && !unspin_lex::grammar::PHRASE_PREPOSITIONS.contains(l);
            // Capitalised words are names here ("Will Doyle", "May", "Grant").
            let verb = !w.capitalised()
                && (lex::is_be(l) || unspin_lex::grammar::MODALS_AND_HAVE.contains(l));
            clause || verb
        }) {
            return false;
        }
        phrase.iter().any(|w| w.capitalised())
            || lex::is_determiner(first)
            || phrase.iter().any(|w| lex::is_group_noun(w.form()))
    }

    /// A noun phrase at the start of `ws` (after an inverted cue or "according to").
    pub(crate) fn np_forward(&self, ws: &[Word]) -> Option<Span> {
        // `„…“, fügte er hinzu`: a subject pronoun stands alone (not `said it was`).
        if let Some(w) = ws.first() {
            let verb_next = ws
                .get(1)
                .is_some_and(|n| lex::is_be(n.form()) || adverb_or_aux(n));
            if !verb_next
                && lex::pronoun(w.form())
                    .is_some_and(|p| !matches!(p, Pronoun::Other | Pronoun::It))
            {
                return Some(Span::new(w.start, w.end));
            }
        }
        let mut end = 0;
        for (j, w) in ws.iter().enumerate() {
            if j >= 10 {
                break;
            }
            let l = w.form();
            if w.is_punct() && !matches!(w.text, "'" | "’" | "-") {
                break;
            }
            let np_continues = matches!(l, "of" | "from" | "at")
                && ws
                    .get(j + 1)
                    .is_some_and(|n| n.capitalised() || lex::is_determiner(n.form()));
            if j > 0 && lex::ends_inverted_speaker(l) && !np_continues {
                break;
            }
            end = j + 1;
        }
        if end == 0 {
            return None;
        }
        let phrase = &ws[..end];
        // `said the mayor, Paul Roe` / `a dit le maire, Paul Roe`: a role in lower
        // case, then the name set off by a comma.
        let role = phrase.iter().all(|w| !w.capitalised())
            && (lex::is_determiner(phrase[0].form()) || lex::is_foreign_article(phrase[0].form()));
        if role && ws.get(end).is_some_and(|w| w.text == ",") {
            let rest = &ws[end + 1..];
            let mut n = rest
                .iter()
                .take(5)
                .take_while(|w| w.capitalised() || matches!(w.text, "." | "-" | "'" | "’"))
                .count();
            while n > 0 && rest[n - 1].is_punct() {
                n -= 1;
            }
            let names = rest[..n].iter().filter(|w| w.capitalised()).count();
            if names >= 2 && self.valid_speaker(&rest[..n]) {
                return Some(Span::new(rest[0].start, rest[n - 1].end));
            }
        }
        let foreign_role = lex::is_foreign_article(phrase[0].form()) && phrase.len() >= 2;
        if !foreign_role && !self.valid_speaker(phrase) {
            return None;
        }
        if !(foreign_role
            || phrase.iter().any(|w| w.capitalised())
            || lex::pronoun(phrase[0].form()).is_some()
            || lex::is_determiner(phrase[0].form())
            || phrase.iter().any(|w| lex::is_group_noun(w.form())))
        {
            return None;
        }
        Some(Span::new(phrase[0].start, phrase[end - 1].end))
    }

    /// `the governor's spokeswoman, Jane Roe, …`: the name set off by commas right
    /// after the role phrase `role` (a subject found in `ws`).
    pub(crate) fn name_after_role(&self, ws: &[Word], role: Span) -> Option<Span> {
        let r0 = ws.iter().position(|w| w.start == role.start)?;
        let k = ws.iter().position(|w| w.start >= role.end)?;
        if !lex::is_determiner(ws[r0].form()) || ws[k].text != "," {
            return None;
        }
        let rest = &ws[k + 1..];
        let n = rest
            .iter()
            .take(DASH_NAME_WORDS)
            .take_while(|w| w.capitalised() || matches!(w.text, "." | "-" | "'" | "’"))
            .count();
        let name = &rest[..n];
        let names = name.iter().filter(|w| w.capitalised()).count();
        let closed = rest.get(n).is_some_and(|w| w.text == ",");
        (closed && names >= 2 && self.valid_speaker(name))
            .then(|| Span::new(name[0].start, name[n - 1].end))
    }

    /// The subject at the start of a sentence: a pronoun, or a name (with its title).
    pub(crate) fn subject_np(&self, ws: &[Word]) -> Option<Span> {
        let mut i = 0;
        while i < ws.len()
            && (unspin_lex::grammar::CONNECTIVE_ADVERBS.contains(ws[i].form()) || ws[i].text == ",")
        {
            i += 1;
        }
        // `In an interview last year, X …`: skip an opening phrase up to its comma.
        if ws.get(i).is_some_and(|w| lex::is_clause_start(w.form())) {
            if let Some(c) = ws[i..].iter().position(|w| w.text == ",") {
                if c <= 12 {
                    i += c + 1;
                }
            }
        }
        let w0 = ws.get(i)?;
        let l0 = w0.form();
        if lex::is_clause_start(l0)
            || adverb_or_aux(w0)
            || unspin_lex::grammar::NON_SUBJECT_WORDS.contains(l0)
        {
            return None;
        }
        if let Some(p) = lex::pronoun(l0) {
            return (p != Pronoun::It).then(|| Span::new(w0.start, w0.end));
        }
        let mut j = i;
        if lex::is_determiner(w0.form()) {
            j += 1;
            while j < ws.len()
                && j - i < 4
                && !ws[j].is_punct()
                && lex::cue(ws[j].form()).is_none()
                && !lex::is_clause_start(ws[j].form())
                && !adverb_or_aux(&ws[j])
            {
                j += 1;
            }
        } else {
            while j < ws.len()
                && j - i < 6
                && (ws[j].capitalised()
                    || (j > i
                        && unspin_lex::grammar::SPEAKER_NAME_PARTICLES.contains(ws[j].form()))
                        && ws.get(j + 1).is_some_and(|n| n.capitalised()))
            {
                j += 1;
            }
        }
        if j == i || (j == i + 1 && lex::is_determiner(l0)) {
            return None;
        }
        let phrase = &ws[i..j];
        if !self.valid_speaker(phrase) {
            return None;
        }
        Some(Span::new(phrase[0].start, phrase[phrase.len() - 1].end))
    }
}

/// `end` moved back over what may stand between a subject and its verb: a short
/// parenthetical ("Rob Portman (R-Ohio) said") or a discourse adverb set off by commas
/// ("Murphy, though, said"; "Lee, for her part, said").
pub(crate) fn skip_aside_back(ws: &[Word], end: usize) -> usize {
    let mut e = end;
    if e >= 2 && ws[e - 1].text == "," {
        if let Some(c0) = (e.saturating_sub(5)..e - 1)
            .rev()
            .find(|&i| ws[i].text == ",")
        {
            let mid: Vec<&str> = ws[c0 + 1..e - 1].iter().map(|w| w.form()).collect();
            if unspin_lex::grammar::ASIDE_PHRASES.contains(mid.join(" ").as_str()) {
                e = c0;
            }
        }
    }
    if e >= 3 && ws[e - 1].text == ")" {
        if let Some(o) = (e.saturating_sub(7)..e - 1)
            .rev()
            .find(|&i| ws[i].text == "(")
        {
            if o > 0
                && !ws[o + 1..e - 1]
                    .iter()
                    .any(|w| matches!(w.text, "," | ";" | "("))
            {
                e = o;
            }
        }
    }
    e
}

/// Start of the subject phrase that ends at `end` (a cue's subject): back over at
/// most `max` words to punctuation or a clause break. A place after the head stays in
/// the phrase ("Officials in Washington"; `resolve` keeps the place from being the
/// speaker). "of" breaks the walk only as the phrase's last word when `of_at_end`.
pub(crate) fn subject_start(ws: &[Word], end: usize, max: usize, of_at_end: bool) -> usize {
    let mut start = end;
    // The last place-like preposition crossed ("A diplomat in Washington").
    let mut prep: Option<usize> = None;
    while start > 0 && end - start < max {
        let w = &ws[start - 1];
        let l = w.form();
        if w.is_punct() && !matches!(w.text, "'" | "’" | "-") {
            break;
        }
        if matches!(l, "in" | "at" | "from")
            && start < end
            && prep.is_none()
            && ws[start].capitalised()
        {
            prep = Some(start - 1);
            start -= 1;
            continue;
        }
        let of_breaks = of_at_end && start == end;
        if lex::is_clause_start(l) && (l != "of" || of_breaks) {
            break;
        }
        start -= 1;
    }
    if prep == Some(start) {
        start += 1;
    }
    start
}

/// The subject proper of a phrase walked back from a cue: after a time or framing
/// phrase ("A year ago the company", "In a statement today Acme Corp"), the words
/// that follow it.
pub(crate) fn trim_subject<'a, 'w>(phrase: &'a [Word<'w>]) -> &'a [Word<'w>] {
    let mut p = phrase;
    if let Some(i) = p
        .iter()
        .rposition(|w| unspin_lex::time_words::TIME_ADVERBS.contains(w.form()))
    {
        if i + 1 < p.len() {
            p = &p[i + 1..];
        }
    }
    // A name after lowercase words that cannot lead into it ("… issued Acme Corp").
    let run = p.iter().rev().take_while(|w| w.capitalised()).count();
    if run > 0 && run < p.len() {
        let before = p[p.len() - run - 1].form();
        let leads_in =
            lex::is_determiner(before) || unspin_lex::grammar::NAME_JOINERS.contains(before);
        if !leads_in
            && !p[p.len() - run - 1].is_punct()
            && p[..p.len() - run]
                .iter()
                .any(|w| !w.capitalised() && w.form().len() > 3 && !lex::is_determiner(w.form()))
        {
            p = &p[p.len() - run..];
        }
    }
    p
}

/// An adverb or auxiliary that may stand between a speaker and a cue ("also", "has",
/// "quickly"); a capitalised "-ly" word is a name ("Kelly said"), not an adverb.
pub(crate) fn adverb_or_aux(w: &Word) -> bool {
    let l = w.form();
    lex::is_listed_adverb_or_aux(l) || !w.capitalised() && lex::is_adverb_or_aux(l)
}

/// Whether a bare "say" after the words `before` reports what a group says now
/// ("analysts say", "Clinton advisers say") rather than an infinitive, a modal form or a
/// first- or second-person aside ("to say", "would say", "I say", "you might say").
pub(crate) fn present_plural_say(before: &[Word]) -> bool {
    let Some(prev) = before.last() else {
        return false;
    };
    let l = prev.form();
    // "I'd say", "we’d say".
    let base = l.split(['\'', '’']).next().unwrap_or("");
    !prev.is_punct()
        && !matches!(base, "i" | "we" | "you")
        && !adverb_or_aux(prev)
        && !unspin_lex::grammar::NON_SUBJECT_BEFORE_SAY.contains(l)
}

/// The most words inside the parentheses of a party tag ("(D-N.Y.)" is five).
const PARTY_TAG_WORDS: usize = 8;

/// A party tag opening at word `i` (`(R-Fla.)`, `(D)`, `(I-Vt.)`, `(D-N.Y.)`): the index
/// just past its `)`. Such a tag stands between a name and its cue and is skipped.
pub(crate) fn party_tag_end(ws: &[Word], i: usize) -> Option<usize> {
    if ws.get(i)?.text != "(" {
        return None;
    }
    let first = ws.get(i + 1)?;
    // The party: one to three letters, upper-case first ("R", "D", "Ind", "DFL").
    let party = first.text.split('-').next().unwrap_or("");
    if party.is_empty()
        || party.chars().count() > 3
        || !party.chars().all(char::is_alphabetic)
        || !party.starts_with(char::is_uppercase)
    {
        return None;
    }
    let close = (i + 2..ws.len().min(i + 2 + PARTY_TAG_WORDS)).find(|&k| ws[k].text == ")")?;
    // Between: the state, in capitalised words, periods and hyphens.
    ws[i + 2..close]
        .iter()
        .all(|w| w.capitalised() || matches!(w.text, "." | "-" | "–"))
        .then_some(close + 1)
}

/// `end` moved back over a party tag that ends right before it ("Rubio (R-Fla.) said").
pub(crate) fn skip_party_tag_back(ws: &[Word], end: usize) -> usize {
    if end < 3 || ws[end - 1].text != ")" {
        return end;
    }
    (end.saturating_sub(PARTY_TAG_WORDS + 2)..end - 1)
        .rev()
        .find(|&o| ws[o].text == "(")
        .filter(|&o| o > 0 && party_tag_end(ws, o) == Some(end))
        .unwrap_or(end)
}

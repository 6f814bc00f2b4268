//! Indirect reported speech without marks: `X said (that) …`, `according to X`, `…, X said.`

use super::*;
use std::ops::ControlFlow;

impl<'d> Detector<'d> {
    /// Reported speech without quotation marks: `X said (that) …`, `according to X, …`,
    /// `…, X said.`
    pub(crate) fn indirect(&self, direct: &[Span], found: &[Quote]) -> Vec<Quote> {
        let text = self.text;
        let mut out = vec![];
        // Direct quotes with a cue, by start, for `added_after_direct`.
        debug_assert!(direct.windows(2).all(|w| w[0].end <= w[1].start));
        let mut cued: Vec<&Quote> = found
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct && q.cue.is_some())
            .collect();
        cued.sort_by_key(|q| q.span.start);
        for (pi, p) in self.paras.iter().enumerate() {
            if !matches!(
                p.kind,
                ParagraphKind::Body
                    | ParagraphKind::ListItem
                    | ParagraphKind::Blockquote
                    | ParagraphKind::Title
            ) {
                continue;
            }
            let b = &self.bounds[pi];
            for (k, &s0) in b.iter().enumerate() {
                let s1 = b.get(k + 1).copied().unwrap_or(p.span.end);
                // Sentences holding a direct quote, or marks we could not pair, are
                // not reported speech; partial and scare quotes may sit inside.
                let sent = &text[s0..s1];
                let stray = sent.char_indices().any(|(i, c)| {
                    matches!(c, '“' | '”' | '"' | '„' | '«' | '»') && !self.in_quote(s0 + i)
                });
                let sp = Span::new(s0, s1);
                let di = direct.partition_point(|d| d.end <= sp.start);
                if stray {
                    continue;
                }
                if direct.get(di).is_some_and(|d| d.overlaps(&sp)) {
                    out.extend(self.added_after_direct(sp, direct, &cued));
                    continue;
                }
                if let Some(q) = self.indirect_in(s0, s1) {
                    // A clause made mostly of quoted words is reported too (a "mixed"
                    // quote): the clause is the attributed claim, its partial quotes
                    // the exact words.
                    out.extend(self.split_added(q));
                }
            }
        }
        out
    }

    /// "“…,” Lee said, adding that CLAUSE.": after the attribution of the last direct
    /// quote in sentence `sent`, a participle cue reports more, by the same speaker.
    /// `cued`: the direct quotes that have a cue, sorted by start.
    pub(crate) fn added_after_direct(
        &self,
        sent: Span,
        direct: &[Span],
        cued: &[&Quote],
    ) -> Option<Quote> {
        let hi = cued.partition_point(|q| q.span.start < sent.end);
        let d = cued[..hi]
            .iter()
            .rev()
            .take_while(|q| q.span.start >= sent.start)
            .find(|q| sent.contains(&q.span))?;
        let speaker = d.speaker.clone()?;
        let from = d
            .span
            .end
            .max(speaker.span.end)
            .max(d.cue.map_or(0, |c| c.end));
        // Past the closing mark of the quote itself.
        let from = marks_containing(direct, d.span).fold(from, usize::max);
        let ws = self.ws(from, sent.end);
        let mut last = ws.len();
        while last > 0 && ws[last - 1].is_punct() {
            last -= 1;
        }
        let j = (1..last.saturating_sub(3))
            .find(|&j| ws[j - 1].text == "," && lex::report_participle(ws[j].form()))?;
        // Only the attribution may stand between the quote and the participle.
        if j > 6 || ws[..j - 1].iter().any(|w| w.is_punct() && w.text != ",") {
            return None;
        }
        let mut k = j + 1;
        if ws[k].form() == "that" {
            k += 1;
        }
        if last < k + 3 || ws[k].is_punct() {
            return None;
        }
        let span = Span::new(ws[k].start, ws[last - 1].end);
        if mark_overlaps(direct, span) {
            return None;
        }
        Some(Quote {
            span,
            kind: QuoteKind::Indirect,
            speaker: Some(speaker),
            cue: Some(Span::new(ws[j].start, ws[j].end)),
        })
    }

    /// The subject that opens a sentence, `ws` its words before some later verb: a
    /// pronoun, or a run of capitalised words ("Sen. Ann Lee"), followed by a
    /// lowercase word (its verb).
    pub(crate) fn leading_subject<'a, 'w>(&self, ws: &'a [Word<'w>]) -> Option<&'a [Word<'w>]> {
        let first = ws.first()?;
        let fl = first.form();
        if lex::is_clause_start(fl) || unspin_lex::grammar::NON_SUBJECT_OPENERS.contains(fl) {
            return None;
        }
        let end = if lex::pronoun(first.form()).is_some() {
            1
        } else {
            let mut e = 0;
            while e < ws.len()
                && (ws[e].capitalised() || e > 0 && matches!(ws[e].text, "." | "-" | "'" | "’"))
            {
                e += 1;
            }
            e
        };
        // "Other experts welcomed …": a capitalised determiner opens a common noun
        // phrase, not a name; its head noun follows.
        if end == 1 && lex::is_determiner(first.form()) {
            let head = ws.get(1).filter(|w| {
                !w.capitalised() && w.text.chars().all(char::is_alphabetic) && w.text.len() > 2
            });
            return head.map(|_| &ws[..2]).filter(|p| self.valid_speaker(p));
        }
        let phrase = &ws[..end];
        let verb_next = ws
            .get(end)
            .is_some_and(|w| !w.capitalised() && !w.is_punct());
        (end > 0 && verb_next && self.valid_speaker(phrase)).then_some(phrase)
    }

    /// "Lee said A, adding that B": two reports by one speaker. Splits an indirect
    /// quote at a comma followed by a participle cue; otherwise returns it whole.
    pub(crate) fn split_added(&self, q: Quote) -> Vec<Quote> {
        let ws = self.ws(q.span.start, q.span.end);
        let at = (3..ws.len().saturating_sub(4))
            .find(|&i| ws[i - 1].text == "," && lex::report_participle(ws[i].form()));
        // "Lee said A and said B" / "… and told reporters that B": the same speaker
        // reports twice.
        let again = (3..ws.len().saturating_sub(4)).find(|&i| {
            let l = ws[i + 1].form();
            ws[i].form() == "and"
                && lex::cue(l).is_some_and(|c| c.speech && !c.rumour)
                && (l.ends_with("ed") || l.ends_with('s') || matches!(l, "said" | "told"))
        });
        if let Some(i) = again {
            let mut k = i + 2;
            if let Some(t) = ws[k..(k + 4).min(ws.len())]
                .iter()
                .position(|w| w.form() == "that")
                .filter(|&t| !ws[k..k + t].iter().any(|w| w.is_punct()))
            {
                k += t + 1;
            }
            if ws.len() - k >= 3 && ws[i - 1].end > q.span.start {
                let first = Quote {
                    span: Span::new(q.span.start, ws[i - 1].end),
                    ..q.clone()
                };
                let second = Quote {
                    span: Span::new(ws[k].start, q.span.end),
                    cue: Some(Span::new(ws[i + 1].start, ws[i + 1].end)),
                    ..q
                };
                return vec![first, second];
            }
        }
        let Some(i) = at else {
            // "Lee said A, but Kim said B": a second report with its own speaker.
            for i in 3..ws.len().saturating_sub(4) {
                let conj = ws[i - 1].text == ","
                    && matches!(ws[i].form(), "but" | "and" | "while" | "whereas");
                let cue_soon = ws[i + 1..(i + 6).min(ws.len())]
                    .iter()
                    .any(|w| lex::cue(w.form()).is_some_and(|c| c.speech && !c.rumour));
                if !conj || !cue_soon {
                    continue;
                }
                if let Some(q2) = self.indirect_in(ws[i + 1].start, q.span.end) {
                    if q2.span.start > ws[i].end {
                        let first = Quote {
                            span: Span::new(q.span.start, ws[i - 2].end),
                            ..q
                        };
                        return vec![first, q2];
                    }
                }
            }
            return vec![q];
        };
        let mut k = i + 1;
        if ws[k].form() == "that" {
            k += 1;
        }
        let first = Quote {
            span: Span::new(q.span.start, ws[i - 2].end),
            ..q.clone()
        };
        let second = Quote {
            span: Span::new(ws[k].start, q.span.end),
            cue: Some(Span::new(ws[i].start, ws[i].end)),
            ..q
        };
        // "acknowledged the strike, saying …": a short object before the participle
        // is not a report of its own.
        if i - 1 < 4 {
            return vec![second];
        }
        vec![first, second]
    }

    /// Reported speech in the sentence `[s0, s1)`: the first of the rules below that
    /// decides the sentence gives its quote (or none).
    pub(crate) fn indirect_in(&self, s0: usize, s1: usize) -> Option<Quote> {
        let cl = Clause::new(self, s0, s1)?;
        let rules = [
            Clause::according_to,
            Clause::parenthetical,
            Clause::trailing,
            Clause::said_that,
        ];
        for rule in rules {
            if let ControlFlow::Break(q) = rule(&cl) {
                return q;
            }
        }
        cl.participle_report()
    }
}

/// The longest sentence (bytes) searched for indirect speech.
const MAX_SENTENCE_BYTES: usize = 4 * WINDOW;
/// The fewest words a sentence needs to report anything.
const MIN_SENTENCE_WORDS: usize = 4;
/// The fewest words of a reported clause.
const MIN_CONTENT_WORDS: usize = 3;
/// Words read after "according to" for a source that is no noun phrase.
const ACCORDING_SOURCE_WORDS: usize = 10;
/// Words from the opening comma of a parenthetical attribution ("…, X said, …")
/// within which its closing comma lies (exclusive).
const PARENTHETICAL_REACH: usize = 11;
/// Commas tried, nearest the end first, for a trailing attribution ("…, X said.").
const TRAILING_COMMAS: usize = 3;
/// The most words from a trailing attribution's comma to the sentence end.
const TRAILING_ATTRIBUTION_WORDS: usize = 12;
/// The most words after a trailing attribution ("…, said Ann Lee, a pollster.").
const ATTRIBUTION_TAIL_WORDS: usize = 6;
/// The most words of a subject read back from its verb.
const SUBJECT_WORDS: usize = 8;
/// Words back from a subject's closing comma searched for the comma that opens its
/// appositive ("Jane Roe, a farmer from Ames, Iowa, said").
const APPOSITIVE_REACH: usize = 22;
/// The most words of a short all-capitalised name around an appositive.
const SHORT_NAME_WORDS: usize = 4;
/// Words after a cue searched for its "that".
const THAT_REACH: usize = 8;
/// Words after "asked" (exclusive) searched for the wh-word of its question.
const ASKED_OBJECT_REACH: usize = 5;
/// The most words from a cue to the end of a name object ("told host Ann Lee").
const NAME_OBJECT_WORDS: usize = 5;

/// A rule's verdict on a sentence: `Break` decides it (a quote, or none at all),
/// `Continue` leaves it to the next rule.
type Verdict = ControlFlow<Option<Quote>>;

/// A sentence searched for indirect speech: its words and where its content ends.
struct Clause<'a, 'd> {
    det: &'a Detector<'d>,
    ws: Vec<Word<'d>>,
    /// Content end (word index): before the final punctuation, and before a "|" (a
    /// title's site name: "Mayor Denies Rumours | City News, Sport, Weather").
    last: usize,
}

/// The span of a run of words.
fn phrase_span(phrase: &[Word]) -> Span {
    Span::new(phrase[0].start, phrase[phrase.len() - 1].end)
}

/// The span of one word.
fn word_span(w: &Word) -> Span {
    Span::new(w.start, w.end)
}

/// A reporting verb that reports speech (not a rumour word).
fn speech_cue(form: &str) -> bool {
    lex::cue(form).is_some_and(|c| c.speech && !c.rumour)
}

/// The source after "according to" when it is no noun phrase: the words up to the
/// first punctuation, unless they make a clause.
fn according_source(rest: &[Word]) -> Option<Span> {
    let mut n = rest
        .iter()
        .take(ACCORDING_SOURCE_WORDS)
        .take_while(|w| !w.is_punct() || matches!(w.text, "-" | "." | "'" | "’"))
        .count();
    while n > 0 && rest[n - 1].is_punct() {
        n -= 1;
    }
    let phrase = &rest[..n];
    let clause = phrase.iter().any(|w| {
        let l = w.form();
        lex::pronoun(l).is_some() || lex::is_be(l) || lex::is_clause_start(l)
    });
    (n > 0 && !clause).then(|| phrase_span(phrase))
}

impl<'a, 'd> Clause<'a, 'd> {
    /// The sentence `[s0, s1)`, unless it is too long, too short or a question (a
    /// question asks; it does not report: "Should I disclose that …?").
    fn new(det: &'a Detector<'d>, s0: usize, s1: usize) -> Option<Self> {
        if s1 - s0 > MAX_SENTENCE_BYTES {
            return None;
        }
        let ws = det.ws(s0, s1);
        if ws.len() < MIN_SENTENCE_WORDS {
            return None;
        }
        if ws.last().is_some_and(|w| w.text == "?") {
            return None;
        }
        let mut last = ws.iter().position(|w| w.text == "|").unwrap_or(ws.len());
        while last > 0 && ws[last - 1].is_punct() {
            last -= 1;
        }
        if last == 0 {
            return None;
        }
        Some(Clause { det, ws, last })
    }

    /// The content made of words `[a, b)`, when long enough.
    fn content(&self, a: usize, b: usize) -> Option<Span> {
        let ws = &self.ws;
        if a >= b || b - a < MIN_CONTENT_WORDS {
            return None;
        }
        let mut end = ws[b - 1].end;
        // Keep a quote that closes the clause whole: `… was "dead on arrival."`
        if let Some(m) = self.det.quote_at(end.saturating_sub(1)) {
            if m.close_end > end && m.open >= ws[a].start {
                end = m.close_end;
            }
        }
        Some(Span::new(ws[a].start, end))
    }

    /// An indirect quote of `content`, its speaker resolved.
    fn quote(&self, content: Span, speaker: Span, cue: Span) -> Quote {
        Quote {
            span: content,
            kind: QuoteKind::Indirect,
            speaker: Some(self.det.resolve(speaker)),
            cue: Some(cue),
        }
    }

    /// Whether a finite "said" (or the like) comes before word `c`: then the
    /// sentence reports from there, and a later attribution is an aside in it.
    /// One inside a relative clause ("Lee, who said …, …") does not count.
    fn reported_before(&self, c: usize) -> bool {
        self.ws[..c]
            .iter()
            .take_while(|w| !matches!(w.form(), "who" | "which" | "whom"))
            .any(|w| !w.capitalised() && unspin_lex::speech::FINITE_REPORT_FORMS.contains(w.form()))
    }

    /// "According to X, CLAUSE." / "CLAUSE, according to X.": the first "according
    /// to" decides the sentence.
    fn according_to(&self) -> Verdict {
        let ws = &self.ws;
        match (0..ws.len().saturating_sub(2))
            .find(|&j| ws[j].form() == "according" && ws[j + 1].form() == "to")
        {
            Some(j) => ControlFlow::Break(self.according_to_at(j)),
            None => ControlFlow::Continue(()),
        }
    }

    /// The report around "according to" at word `j`.
    fn according_to_at(&self, j: usize) -> Option<Quote> {
        let ws = &self.ws;
        // What follows "according to" is a source by construction, named or not
        // ("exit polls", "recent data from comScore").
        let sp = self
            .det
            .np_forward(&ws[j + 2..])
            .or_else(|| according_source(&ws[j + 2..]))?;
        let cue = Span::new(ws[j].start, ws[j + 1].end);
        let content = if j == 0 {
            let c = ws.iter().position(|w| w.start >= sp.end && w.text == ",")?;
            self.content(c + 1, self.last)?
        } else if j > 0 && ws[j - 1].text == "," {
            self.content(0, j - 1)?
        } else {
            return None;
        };
        Some(self.quote(content, sp, cue))
    }

    /// "CLAUSE, X said, CLAUSE.": a parenthetical attribution; the reported content
    /// is the sentence around it.
    fn parenthetical(&self) -> Verdict {
        for c1 in 1..self.last.saturating_sub(4) {
            if let Some((phrase, cj)) = self.parenthetical_at(c1) {
                let content = self.content(0, self.last);
                return ControlFlow::Break(content.map(|content| {
                    self.quote(content, phrase_span(phrase), word_span(&self.ws[cj]))
                }));
            }
        }
        ControlFlow::Continue(())
    }

    /// Whether the comma at word `c1` opens a parenthetical attribution "X said,":
    /// its speaker phrase and the index of its cue word.
    fn parenthetical_at(&self, c1: usize) -> Option<(&[Word<'d>], usize)> {
        let ws = &self.ws;
        if ws[c1].text != "," {
            return None;
        }
        let c2 = (c1 + 2..(c1 + PARENTHETICAL_REACH).min(self.last.saturating_sub(3)))
            .find(|&i| ws[i].is_punct())
            .filter(|&i| ws[i].text == ",")?;
        // "…, officials said later, …": a time word may follow the cue.
        let timed = unspin_lex::time_words::AFTER_CUE_TIME_WORDS.contains(ws[c2 - 1].form())
            || lex::is_weekday(ws[c2 - 1].form());
        let cj = if timed && c2 >= c1 + 3 {
            c2 - 2
        } else {
            c2 - 1
        };
        let cw = ws[cj].form();
        // A capitalised cue word mid-sentence is a name ("alias Abou Said",
        // "in the States").
        if ws[cj].capitalised() || !speech_cue(cw) {
            return None;
        }
        // "(The Times, The Post, and the lamented …)": a list, not a speaker.
        if matches!(ws[c1 + 1].form(), "and" | "or") {
            return None;
        }
        // "Lee said A - attacks that, Kim noted, …": the sentence already reports;
        // the aside sits inside its content.
        if self.reported_before(c1) {
            return None;
        }
        // "…, Lee said, adding that …": a second report follows, not the rest of
        // the first sentence.
        let next = ws[c2 + 1].form();
        if next.ends_with("ing") && lex::cue(next).is_some() {
            return None;
        }
        let finite = cw.ends_with("ed")
            || cw.ends_with('s')
            || matches!(cw, "said" | "told" | "wrote" | "thought")
            || cw == "say" && present_plural_say(&ws[..cj]);
        let mut pre = cj;
        while pre > c1 + 1 && adverb_or_aux(&ws[pre - 1]) {
            pre -= 1;
        }
        let phrase = &ws[c1 + 1..pre];
        if !finite || phrase.is_empty() || !self.det.valid_speaker(phrase) {
            return None;
        }
        Some((phrase, cj))
    }

    /// "CLAUSE, X said." / "CLAUSE, said X.": the attribution may carry an appositive
    /// or a trailing clause of its own ("…, said Ann Lee, a pollster."), so the last
    /// commas are tried, nearest first.
    fn trailing(&self) -> Verdict {
        let commas: Vec<usize> = (0..self.last)
            .rev()
            .filter(|&j| self.ws[j].text == ",")
            .take(TRAILING_COMMAS)
            .collect();
        for c in commas {
            if let Some((sp, cu)) = self.trailing_at(c) {
                let content = self.content(0, c);
                return ControlFlow::Break(content.map(|content| self.quote(content, sp, cu)));
            }
        }
        ControlFlow::Continue(())
    }

    /// Whether a finite reporting attribution follows the comma at word `c` and ends
    /// the sentence: its speaker and cue.
    fn trailing_at(&self, c: usize) -> Option<(Span, Span)> {
        let (ws, last) = (&self.ws, self.last);
        if c < 3 || last - c > TRAILING_ATTRIBUTION_WORDS || self.reported_before(c) {
            return None;
        }
        let Some(Attr {
            speaker: Some(sp),
            cue: Some(cu),
            ..
        }) = self.det.parse_after(ws[c].start, ws[last - 1].end, ",")
        else {
            return None;
        };
        let text = self.det.text;
        // The cue's form in the token layer (lowercase, straight apostrophes).
        let cw = self
            .det
            .ws(cu.start, cu.end)
            .iter()
            .map(|w| w.form())
            .collect::<Vec<_>>()
            .join(" ");
        if text[cu.start..cu.end].starts_with(char::is_uppercase) {
            // "…, alias Abou Said, …": a name, not a cue.
            return None;
        }
        // A finite reporting verb ("said", "says"), not "would say".
        let finite = cw.ends_with("ed")
            || cw.ends_with('s')
            || cw.ends_with('d')
            || matches!(cw.as_str(), "told" | "wrote" | "thought")
            || cw == "say" && {
                let ci = ws.iter().position(|w| w.start == cu.start);
                ci.is_some_and(|ci| present_plural_say(&ws[..ci]))
            };
        let attr_end = sp.end.max(cu.end);
        let speech = finite && lex::cue(&cw).is_some_and(|x| x.speech);
        // "…, said he believed …", "…, said the speeches led her …": words
        // after an inverted speaker that go on with a verb start the
        // reported clause; only a comma or a prepositional phrase may follow.
        // Likewise "…, Jim Poolman, said he was …": a clause right after
        // the attribution is its content, not this sentence's tail.
        let inverted_pronoun = attr_end < ws[last - 1].end
            && self
                .det
                .ws(attr_end, ws[last - 1].end)
                .first()
                .is_some_and(|w| {
                    !unspin_lex::grammar::INVERTED_SPEAKER_FOLLOWERS.contains(w.form())
                });
        let tail_ok = attr_end >= ws[last - 1].end
            || self.det.ws(attr_end, ws[last - 1].end).len() <= ATTRIBUTION_TAIL_WORDS;
        let after_comma = cu.start > ws[c].start && sp.start > ws[c].start;
        (speech && tail_ok && !inverted_pronoun && after_comma).then_some((sp, cu))
    }

    /// "X said (that) CLAUSE.": the first cue with a subject before it and a clause
    /// after it.
    fn said_that(&self) -> Verdict {
        let (ws, last) = (&self.ws, self.last);
        // In a title-case headline the cue is capitalised too, in the present tense of
        // headlines ("Mayor Says Bridge Will Reopen"); a capitalised "Said" there is a
        // name ("Abou Said Arrested").
        let headline = headline_like(&self.det.text[ws[0].start..ws[last - 1].end]);
        for j in 1..last {
            let Some(c) = self.reporting_cue(j, headline) else {
                continue;
            };
            let Some(phrase) = self.cue_subject(j) else {
                continue;
            };
            let Some(k) = self.content_start(j, c) else {
                continue;
            };
            // "tweeted a photo and said CLAUSE": the later, coordinated cue reports.
            // After a verb that takes no noun object ("said A and said B") both do:
            // the content goes on whole and `split_added` cuts it in two.
            let plain_speech = unspin_lex::speech::PLAIN_SPEECH_VERBS.contains(ws[j].form());
            if !plain_speech
                && (k..last.saturating_sub(1))
                    .any(|i| ws[i].form() == "and" && speech_cue(ws[i + 1].form()))
            {
                continue;
            }
            let content = self.content(k, last);
            return ControlFlow::Break(
                content.map(|content| self.quote(content, phrase_span(phrase), word_span(&ws[j]))),
            );
        }
        ControlFlow::Continue(())
    }

    /// Whether word `j` is a verb reporting speech here (not a noun, a name, a
    /// participle or a bare infinitive): how it introduces what follows.
    fn reporting_cue(&self, j: usize, headline: bool) -> Option<lex::Cue> {
        let (ws, last) = (&self.ws, self.last);
        let lw = ws[j].form();
        if ws[j].capitalised() && !(headline && (lw.ends_with('s') || lw == "say")) {
            return None;
        }
        let that_only = lex::that_verb(lw);
        let c = match lex::cue(lw) {
            Some(c) if c.speech && !c.rumour => c,
            _ if that_only
                && ws.get(j + 1).is_some_and(|w| {
                    let l = w.form();
                    l == "that"
                        // "Economists believe this provides …", "polls show Lee
                        // leading": a clause's subject right after the verb.
                        || (lex::is_determiner(l)
                            || unspin_lex::grammar::CLAUSE_SUBJECT_WORDS.contains(l)
                            || w.capitalised()
                            || w.text.starts_with(|c: char| c.is_ascii_digit()))
                            // Verbs that mostly take a noun object ("found the
                            // body", "feared the worst") need their "that".
                            && unspin_lex::speech::CLAUSE_BELIEF_VERBS.contains(lw)
                            && j + 4 < last
                }) =>
            {
                lex::Cue {
                    speech: true,
                    object: false,
                    rumour: false,
                }
            }
            _ => return None,
        };
        let prev = ws[j - 1].form();
        // "Some say …", "…, while others say …": a quantifier opening the clause is
        // the subject, not the determiner of a noun ("have some say").
        let quantifier_subject = unspin_lex::grammar::QUANTIFIER_SUBJECTS.contains(prev)
            && (j == 1
                || ws[j - 2].is_punct()
                || unspin_lex::grammar::CLAUSE_CONJUNCTIONS.contains(ws[j - 2].form()));
        if lex::ambiguous_noun(lw)
            && !quantifier_subject
            && (lex::is_determiner(prev)
                || prev.ends_with("'s")
                || prev.ends_with("’s")
                // "secretary of state", "in the state"
                || unspin_lex::grammar::NOUN_PREPOSITIONS.contains(prev)
                || ws.get(j + 1).is_some_and(|w| w.text == ","))
        {
            return None;
        }
        // "a note of caution", "the warning", "his claim": the cue word as a noun.
        if !quantifier_subject
            && (matches!(prev, "of" | "a" | "an" | "the") || lex::is_possessive(prev))
        {
            return None;
        }
        if lw.ends_with("ing")
            || lw == "say" && !present_plural_say(&ws[..j])
            || lw == "tell"
            || lw == "write"
        {
            return None;
        }
        Some(c)
    }

    /// The subject of the cue at word `j`, when it can be a speaker.
    fn cue_subject(&self, j: usize) -> Option<&[Word<'d>]> {
        let ws = &self.ws;
        let lw = ws[j].form();
        let mut pre = j;
        while pre > 0 && adverb_or_aux(&ws[pre - 1]) {
            pre -= 1;
        }
        pre = skip_aside_back(ws, pre);
        if pre == 0 || lex::is_be(ws[pre - 1].form()) {
            return None;
        }
        let mut phrase = &ws[subject_start(ws, pre, SUBJECT_WORDS, false)..pre];
        // "Jane Roe, a senior adviser to the mayor, said …" / "Roe, who …, said …":
        // the name before the appositive or relative clause is the subject.
        if phrase.is_empty() && pre >= 3 && ws[pre - 1].text == "," {
            if let Some(p) = self.appositive_subject(pre) {
                phrase = p;
            }
        }
        phrase = trim_subject(phrase);
        // "Lee denounced the plan and said …": the sentence's subject speaks.
        // Verbs that rarely take a noun object ("wrote a book", "announced his
        // bid" are not reports).
        let plain_speech = unspin_lex::speech::PLAIN_SPEECH_VERBS.contains(lw);
        if phrase.is_empty() && plain_speech && pre >= 2 && ws[pre - 1].form() == "and" {
            if let Some(p) = self.det.leading_subject(&ws[..pre - 1]) {
                phrase = p;
            }
        }
        if !self.det.valid_speaker(phrase) {
            return None;
        }
        // "I think …" in the writer's own voice is the writer's opinion, not a
        // report of someone else's words (inside quotation marks it is the
        // speaker's, and those sentences are not searched here).
        if phrase.len() == 1 && matches!(phrase[0].form(), "i" | "we") && lex::that_verb(lw) {
            return None;
        }
        Some(phrase)
    }

    /// The subject before an appositive that ends with the comma at word `pre - 1`:
    /// the name before it, or the name it holds ("One of the authors, Ari Fleischer,").
    fn appositive_subject(&self, pre: usize) -> Option<&[Word<'d>]> {
        let ws = &self.ws;
        // The appositive may hold commas of its own ("a farmer from Ames,
        // Iowa,"): try each earlier comma, nearest first.
        for c0 in (pre.saturating_sub(APPOSITIVE_REACH).max(1)..pre.saturating_sub(2)).rev() {
            if ws[c0].text != "," {
                continue;
            }
            let app = &ws[c0 + 1..pre - 1];
            let closed = app
                .iter()
                .all(|w| !matches!(w.text, "." | ";" | ":" | "!" | "?" | "\"" | "“" | "”"));
            if !closed {
                return None;
            }
            let ne = skip_aside_back(ws, c0);
            let name = &ws[subject_start(ws, ne, SUBJECT_WORDS, false)..ne];
            let f = app[0].form();
            // "Chris Cole, state director for the campaign, said": a title
            // after a short all-capitalised name.
            let title = app[0].capitalised()
                && !name.is_empty()
                && name.len() <= SHORT_NAME_WORDS
                && name.iter().all(|w| w.capitalised())
                && !lex::is_determiner(name[0].form());
            let opens = lex::is_determiner(f)
                || unspin_lex::grammar::SPEAKER_APPOSITIVE_OPENERS.contains(f)
                || app[0].text.chars().all(|c| c.is_ascii_digit())
                || title;
            if opens && name.iter().any(|w| w.capitalised()) {
                return Some(name);
            }
            // "One of the authors, Ari Fleischer, said …": a description, then
            // the name in the appositive.
            if app.len() <= SHORT_NAME_WORDS
                && app.iter().all(|w| w.capitalised())
                && name.first().is_some_and(|w| {
                    lex::is_determiner(w.form()) || matches!(w.form(), "one" | "another")
                })
            {
                return Some(app);
            }
        }
        None
    }

    /// Where the reported clause after the cue at word `j` starts: after its
    /// "that", or after a short object and time words when it looks like a clause.
    fn content_start(&self, j: usize, c: lex::Cue) -> Option<usize> {
        let ws = &self.ws;
        let k = j + 1;
        if let Some(t) = self.cue_that(j, c) {
            // Only what may sit between: object, time, "in a statement".
            if ws[k..t].iter().any(|w| w.is_punct() && w.text != ",") {
                return None;
            }
            return Some(t + 1);
        }
        self.clause_without_that(j, c)
    }

    /// The "that" of the cue at word `j`, not of a later one ("said A, adding that B").
    fn cue_that(&self, j: usize, c: lex::Cue) -> Option<usize> {
        let ws = &self.ws;
        let k = j + 1;
        ws[k..self.last.min(k + THAT_REACH)]
            .iter()
            .position(|w| w.form() == "that")
            .map(|x| k + x)
            .filter(|&t| !ws[k..t].iter().any(|w| lex::cue(w.form()).is_some()))
            // "said she liked it and that …": the "that" of a second, coordinated
            // clause; the report starts right after the cue.
            .filter(|&t| {
                !ws[k..t]
                    .iter()
                    .any(|w| matches!(w.form(), "and" | "but" | "or"))
            })
            // "said Lee's claim that …": after a verb without an object only a
            // time, a place or a medium may come between ("said Tuesday in a
            // statement that", "said on CNN that"); else "that" is a noun's.
            .filter(|&t| {
                c.object
                    || ws[k..t].iter().all(|w| {
                        w.capitalised()
                            || w.text == ","
                            || lex::is_weekday(w.form())
                            || lex::is_possessive(w.form())
                            || unspin_lex::speech::CUE_THAT_GAP_WORDS.contains(w.form())
                    })
            })
    }

    /// Where the clause after the cue at word `j` starts when it has no "that":
    /// past a short object and time words, when what follows looks like a clause.
    fn clause_without_that(&self, j: usize, c: lex::Cue) -> Option<usize> {
        let (ws, last) = (&self.ws, self.last);
        let lw = ws[j].form();
        let mut k = j + 1;
        // "The stock added more than 2%", "the index added 20.72 points": a
        // gain, not a remark.
        if matches!(lw, "add" | "adds" | "added") {
            let n = |i: usize| {
                ws.get(i)
                    .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
            };
            let about = ws
                .get(k)
                .is_some_and(|w| unspin_lex::grammar::NUMBER_APPROXIMATORS.contains(w.form()));
            if n(k) || about && (n(k + 1) || n(k + 2)) {
                return None;
            }
        }
        // "charges $5 for a coffee", "pledged $1m": verbs whose object is
        // mostly a noun report only with their "that".
        if unspin_lex::speech::NOUN_OBJECT_VERBS.contains(lw) {
            return None;
        }
        k = self.past_object(j, c)?;
        while k < last
            && (lex::is_weekday(ws[k].form())
                || unspin_lex::time_words::CUE_TIME_WORDS.contains(ws[k].form()))
        {
            k += 1;
        }
        // Must look like a clause: subject word then more words.
        let w = ws.get(k)?;
        let wl = w.form();
        // "asked Lee whether …": the indirect question is the content.
        let question = lw.starts_with("ask") && unspin_lex::grammar::WH_WORDS.contains(wl);
        if !question && lex::is_clause_start(wl)
            || w.is_punct()
            || unspin_lex::grammar::NON_CLAUSE_OBJECTS.contains(wl)
                && ws.get(k + 1).is_none_or(|n| n.is_punct())
        {
            return None;
        }
        // "the 49ers post a losing season": "post" with a plain object is a
        // result, not a report; a lowercase start must go on like a clause,
        // with an auxiliary or a past form in it. ("Reported a loss",
        // "announced a cut of 5,000 jobs" stay: what the source states.)
        if matches!(lw, "post" | "posts" | "posted")
            && !w.capitalised()
            && lex::pronoun(wl).is_none()
            && !ws[k + 1..last].iter().any(|x| {
                let l = x.form();
                lex::is_be(l) || l.ends_with("ed") || unspin_lex::grammar::AUXILIARIES.contains(l)
            })
        {
            return None;
        }
        Some(k)
    }

    /// The word after the object of the cue at word `j` (right after the cue when it
    /// takes none); None when a cue that needs an object has none it can skip.
    fn past_object(&self, j: usize, c: lex::Cue) -> Option<usize> {
        let (ws, last) = (&self.ws, self.last);
        let lw = ws[j].form();
        let mut k = j + 1;
        let wh = |w: &Word| unspin_lex::grammar::WH_WORDS.contains(w.form());
        let asked_object = lw
            .starts_with("ask")
            .then(|| {
                (k + 1..(k + ASKED_OBJECT_REACH).min(last))
                    .find(|&i| wh(&ws[i]) || ws[i].is_punct())
            })
            .flatten();
        if let Some(q) = asked_object.filter(|&q| wh(&ws[q])) {
            // asked the senator whether CLAUSE: skip the object.
            k = q;
        } else if c.object {
            // told reporters CLAUSE / told me CLAUSE / told Fox News CLAUSE /
            // told host Ann Lee CLAUSE: skip a short object.
            let obj = ws.get(k).map(|w| w.form()).unwrap_or_default();
            if k < last
                && (lex::pronoun(obj).is_some()
                    || lex::is_group_noun(obj)
                    || unspin_lex::grammar::OBJECT_PRONOUNS.contains(obj))
            {
                k += 1;
            } else if k < last && (ws[k].capitalised() || k + 1 < last && ws[k + 1].capitalised()) {
                // A name (after at most one lowercase title word).
                k += 1;
                while k < last && k - j <= NAME_OBJECT_WORDS && ws[k].capitalised() {
                    k += 1;
                }
            } else {
                return None;
            }
        }
        Some(k)
    }

    /// "SUBJECT did something, saying (that) CLAUSE.": the participle reports what
    /// the sentence's subject said; the subject is a leading name or pronoun. The
    /// first participle decides.
    fn participle_report(&self) -> Option<Quote> {
        let (ws, last) = (&self.ws, self.last);
        let j = (2..last.saturating_sub(3))
            .find(|&j| ws[j - 1].text == "," && lex::report_participle(ws[j].form()))?;
        let mut k = j + 1;
        if ws[k].form() == "that" {
            k += 1;
        }
        // A leading clause ("In Ohio, …") or no name: no speaker to give.
        let phrase = self.det.leading_subject(&ws[..j - 1])?;
        let content = self.content(k, last)?;
        Some(self.quote(content, phrase_span(phrase), word_span(&ws[j])))
    }
}

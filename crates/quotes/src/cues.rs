//! Cues: the attribution (reporting verb and its subject) before or after a quote.

use super::*;
use std::ops::ControlFlow;

/// How far (bytes) from a quote its attribution is looked for.
pub(crate) const WINDOW: usize = 600;
/// How many cues back `parse_before` follows a shared subject ("X said … and added").
const MAX_LOOKBACK_DEPTH: u8 = 2;
/// The most words from a comma closing the sentence after a quote to the sentence
/// end for an attribution there (`"…" at the rally, he said.`).
const CLOSING_ATTRIBUTION_WORDS: usize = 8;
/// The most words after such a closing attribution.
const CLOSING_TAIL_WORDS: usize = 3;
/// The most words (dash included) of `"…" — Jane Roe` closing the window.
pub(crate) const DASH_NAME_WORDS: usize = 5;
/// The most words (leading commas included) of `"…?" Hannity pressed.`.
const NAME_VERB_WORDS: usize = 6;
/// Words after a quote without a comma within which a cue must come (`"…" Grubbs said`).
const QUICK_CUE_WORDS: usize = 5;
/// Words after a quote searched for its cue.
const AFTER_CUE_REACH: usize = 14;
/// The most words from a cue back to the start of the verb group governing its "to"
/// ("went on to say").
const TO_GOVERNOR_REACH: usize = 5;
/// The most words of a role after the name on a credit line (`— Jane Roe, mayor of …`).
const CREDIT_TAIL_WORDS: usize = 12;
/// The most words of a subject read back from its cue before a quote.
const SUBJECT_BEFORE_WORDS: usize = 10;

/// Where an attribution was found relative to its quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Side {
    Before,
    After,
    Inherited,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub(crate) speaker: Option<Span>,
    pub(crate) cue: Option<Span>,
    pub(crate) side: Side,
    /// End of the attribution words in a left window (to test what lies between
    /// it and the quote).
    pub(crate) end: usize,
}

impl<'d> Detector<'d> {
    /// Attribution after a quote: `, X said` / `, said X` / `, according to X`.
    pub(crate) fn parse_after(&self, a: usize, b: usize, content: &str) -> Option<Attr> {
        let b = self.floor_boundary(b.min(a + WINDOW)).max(a);
        if let Some(x) = self.parse_after_at(a, b, content) {
            return Some(x);
        }
        let ws = self.ws(a, b);
        let mut last = ws.len();
        while last > 0 && ws[last - 1].is_punct() {
            last -= 1;
        }
        // `"…" at the rally, he said.`: an attribution closing the sentence.
        if let Some(c) = (1..last).rev().find(|&j| ws[j].text == ",") {
            if last - c <= CLOSING_ATTRIBUTION_WORDS
                && !ws[..c]
                    .iter()
                    .any(|w| matches!(w.text, "." | "!" | "?" | ";" | ":"))
            {
                if let Some(mut x) = self.parse_after_at(ws[c].start, b, ",") {
                    let tail = self.ws(x.end, ws[last - 1].end).len();
                    if tail <= CLOSING_TAIL_WORDS {
                        // `"…," X, a long apposition, said.`: X opens the window.
                        if x.speaker.is_none() {
                            let mut k = 0;
                            while k < ws.len() && ws[k].is_punct() && ws[k].text == "," {
                                k += 1;
                            }
                            let n = ws[k..c].iter().position(|w| w.text == ",").unwrap_or(0);
                            if n > 0 && self.valid_speaker(&ws[k..k + n]) {
                                x.speaker = Some(Span::new(ws[k].start, ws[k + n - 1].end));
                            }
                        }
                        return Some(x);
                    }
                }
            }
        }
        // `"…" — Jane Roe`: a dash and a bare name closing the window.
        if ws
            .first()
            .is_some_and(|w| matches!(w.text, "—" | "–" | "-"))
            && (2..=DASH_NAME_WORDS).contains(&last)
            && ws[1..last]
                .iter()
                .all(|w| w.capitalised() || matches!(w.text, "." | "'" | "’"))
            && self.valid_speaker(&ws[1..last])
        {
            return Some(Attr {
                speaker: Some(Span::new(ws[1].start, ws[last - 1].end)),
                cue: None,
                side: Side::After,
                end: ws[last - 1].end,
            });
        }
        // `"…!" beamed Donald Hartley, …`: an unlisted past-tense verb, then a name.
        {
            let mut k = 0;
            while k < ws.len() && ws[k].text == "," {
                k += 1;
            }
            if let (Some(v), Some(n)) = (ws.get(k), ws.get(k + 1)) {
                let vl = v.form();
                let open_end = content.ends_with([',', '?', '!', '—', '–', '-', '…']);
                if (open_end || k > 0)
                    && v.text.chars().all(|c| c.is_lowercase())
                    && vl.ends_with("ed")
                    && n.capitalised()
                {
                    if let Some(sp) = self.np_forward(&ws[k + 1..]) {
                        return Some(Attr {
                            speaker: Some(sp),
                            cue: Some(Span::new(v.start, v.end)),
                            side: Side::After,
                            end: sp.end,
                        });
                    }
                }
            }
        }
        // `"…?" Hannity pressed.`: a name and a past-tense verb closing the sentence.
        let ends_open = content.ends_with([',', '?', '!', '—', '–', '-', '…']);
        let mut k = 0;
        while k < ws.len() && ws[k].is_punct() && ws[k].text == "," {
            k += 1;
        }
        if (ends_open || k > 0) && last >= k + 2 && last - k <= NAME_VERB_WORDS {
            let v = &ws[last - 1];
            let vl = v.form();
            let verbish = v.text.chars().all(|c| c.is_lowercase())
                && (vl.ends_with("ed") || vl.ends_with("s") && !vl.ends_with("ss"));
            let phrase = &ws[k..last - 1];
            if verbish
                && self.valid_speaker(phrase)
                && ws
                    .get(last)
                    .is_none_or(|w| matches!(w.text, "." | "!" | "?"))
            {
                return Some(Attr {
                    speaker: Some(Span::new(phrase[0].start, phrase[phrase.len() - 1].end)),
                    cue: Some(Span::new(v.start, v.end)),
                    side: Side::After,
                    end: v.end,
                });
            }
        }
        None
    }

    /// A credit line in `[a, b)`, the words after a quote or block quote (`— Jane Roe`,
    /// `― Jane Roe, mayor of Springfield`, `- Roe`): the credited name. The words hold
    /// only the dash, the name and a short role after a comma.
    pub(crate) fn credit_line(&self, a: usize, b: usize) -> Option<Span> {
        let ws = self.ws(a, b);
        let mut k = 0;
        while ws.get(k).is_some_and(|w| is_credit_dash(w.text)) {
            k += 1;
        }
        if k == 0 || k > 2 {
            return None;
        }
        let n = ws[k..]
            .iter()
            .take(DASH_NAME_WORDS)
            .take_while(|w| w.capitalised() || matches!(w.text, "." | "'" | "’" | "-"))
            .count();
        let mut last = k + n;
        while last > k && ws[last - 1].is_punct() {
            last -= 1;
        }
        let name = &ws[k..last];
        let first = name.first()?;
        let ends = match ws.get(k + n) {
            None => true,
            // A role after the name (`— Jane Roe, mayor`), short and not a sentence.
            Some(w) if matches!(w.text, "," | "(") => {
                let tail = &ws[k + n + 1..];
                tail.len() <= CREDIT_TAIL_WORDS
                    && !tail
                        .iter()
                        .any(|w| matches!(w.text, "." | "!" | "?" | "\"" | "“"))
                    && !tail.iter().any(|w| lex::cue(w.form()).is_some())
            }
            Some(w) => matches!(w.text, "." | "!"),
        };
        let is_name = name.iter().any(|w| w.capitalised())
            && lex::pronoun(first.form()).is_none()
            && !lex::is_determiner(first.form());
        (ends && is_name && self.valid_speaker(name))
            .then(|| Span::new(first.start, name[name.len() - 1].end))
    }

    /// An attribution opening the words `[a, b)` right after a quote: a source
    /// phrase, `X said` or `said X`.
    pub(crate) fn parse_after_at(&self, a: usize, b: usize, content: &str) -> Option<Attr> {
        let ws = self.ws(a, b);
        let (k, comma) = self.after_lead(&ws, content)?;
        let ws = &ws[k..];
        if let ControlFlow::Break(x) = self.source_phrase_after(ws, comma) {
            return x;
        }
        let ci = first_cue_after(ws)?;
        let cue = Span::new(ws[ci].start, ws[ci].end);
        // Inversion: `said X`.
        let foreign = lex::is_foreign_cue(ws[ci].form());
        let mut pre = ci;
        while pre > 0
            && (adverb_or_aux(&ws[pre - 1]) || foreign && lex::is_foreign_aux(ws[pre - 1].form()))
        {
            pre -= 1;
        }
        if pre == 0 {
            let sp = self.np_forward(&ws[ci + 1..]);
            return Some(Attr {
                speaker: sp,
                cue: Some(cue),
                side: Side::After,
                end: sp.map_or(cue.end, |s| s.end),
            });
        }
        if lex::is_be(ws[pre - 1].form()) {
            // Passive ("it was said"): no speaker.
            return None;
        }
        let mut phrase = &ws[..pre];
        // `a spokesman, Jane Roe, said`: the name set off after a role.
        if let Some(name) = self.appositive_name(phrase) {
            phrase = name;
        }
        // `X, a senior official, said`: the name before the first comma.
        if let Some(c) = phrase.iter().position(|w| w.text == "," || w.text == "(") {
            if c == 0 {
                return None;
            }
            phrase = &phrase[..c];
        }
        let mut cue = cue;
        // `"…," X weighed in, telling Y`: the finite verb before the participle
        // is the cue, and X alone the speaker.
        if ws[ci].form().ends_with("ing") {
            if let Some(v) = (1..phrase.len()).find(|&v| {
                let t = phrase[v].text;
                t.chars().all(|c| c.is_lowercase()) && t.ends_with("ed")
            }) {
                cue = Span::new(phrase[v].start, phrase[v].end);
                phrase = &phrase[..v];
            }
        }
        if !self.valid_speaker(phrase) {
            return None;
        }
        let sp = Span::new(phrase[0].start, phrase[phrase.len() - 1].end);
        Some(Attr {
            speaker: Some(sp),
            cue: Some(cue),
            side: Side::After,
            end: cue.end,
        })
    }

    /// The punctuation that opens the words after a quote: how many words it is and
    /// whether it holds a comma or dash. None when a sentence break comes first, or
    /// when without a comma (and a quote that ends closed) no cue comes at once.
    fn after_lead(&self, ws: &[Word], content: &str) -> Option<(usize, bool)> {
        let mut k = 0;
        let mut comma = false;
        while k < ws.len() && ws[k].is_punct() {
            if matches!(ws[k].text, "." | "!" | "?" | ";" | ":" | "(" | "[") {
                return None;
            }
            if matches!(ws[k].text, "," | "—" | "–" | "-") {
                comma = true;
            }
            k += 1;
        }
        let ends_open = content.ends_with([',', '?', '!', '—', '–', '-', '…']);
        if !comma && !ends_open {
            // `"…" he said` without a comma still counts when the cue comes at once.
            let first = ws.get(k)?;
            let lw = first.form();
            // The cue at once, or a short name then the cue (`"…" Grubbs said.`).
            let cue_at = ws[k..]
                .iter()
                .take(QUICK_CUE_WORDS)
                .position(|w| lex::cue(w.form()).is_some_and(|c| !c.rumour));
            let quick = lex::cue(lw).is_some()
                || cue_at.is_some_and(|c| {
                    c > 0
                        && ws[k..k + c].iter().all(|w| !w.is_punct())
                        && self.valid_speaker(&ws[k..k + c])
                });
            if !quick {
                return None;
            }
        }
        Some((k, comma))
    }

    /// A source phrase opening the words after a quote instead of a verb: `according
    /// to X`, `selon X`, `laut X`, `so X`, a French inversion `a-t-il affirmé`.
    /// `Break` decides the attribution (or that there is none).
    fn source_phrase_after(&self, ws: &[Word], comma: bool) -> ControlFlow<Option<Attr>> {
        let after = |sp: Span, cue: Span| {
            ControlFlow::Break(Some(Attr {
                speaker: Some(sp),
                cue: Some(cue),
                side: Side::After,
                end: sp.end,
            }))
        };
        // according to X
        if ws.len() >= 3 && ws[0].form() == "according" && ws[1].form() == "to" {
            return match self.np_forward(&ws[2..]) {
                Some(sp) => after(sp, Span::new(ws[0].start, ws[1].end)),
                None => ControlFlow::Break(None),
            };
        }
        // French and German "according to": `«…», selon X` / `„…“, laut X`.
        if ws.len() >= 2 && matches!(ws[0].form(), "selon" | "laut") {
            return match self.np_forward(&ws[1..]) {
                Some(sp) => after(sp, Span::new(ws[0].start, ws[0].end)),
                None => ControlFlow::Break(None),
            };
        }
        // German `„…“, so X.`: "so" and a name closing the sentence.
        if comma && ws.len() >= 2 && ws[0].text == "so" {
            if let Some(sp) = self.np_forward(&ws[1..]) {
                let n = ws.iter().position(|w| w.end == sp.end).unwrap_or(0);
                let closes = ws
                    .get(n + 1)
                    .is_none_or(|w| matches!(w.text, "." | "!" | "?" | ","));
                let pron = lex::pronoun(ws[1].form()).is_some();
                if closes && !pron && ws[1..=n].iter().any(|w| w.capitalised()) {
                    return after(sp, Span::new(ws[0].start, ws[0].end));
                }
            }
        }
        // French inversion with a glued pronoun: `«…», a-t-il affirmé` / `confie-t-elle`.
        if let Some(w0) = ws.first() {
            if let Some(pl) = lex::french_inverted_pronoun(w0.text) {
                let sp = Span::new(w0.end - pl, w0.end);
                let cue = ws
                    .get(1)
                    .filter(|w| lex::is_foreign_cue(w.form()))
                    .map_or_else(
                        || {
                            let stem = w0.text[..w0.text.len() - pl]
                                .trim_end_matches('-')
                                .trim_end_matches("-t");
                            Span::new(w0.start, w0.start + stem.len())
                        },
                        |w| Span::new(w.start, w.end),
                    );
                return ControlFlow::Break(Some(Attr {
                    speaker: Some(sp),
                    cue: Some(cue),
                    side: Side::After,
                    end: cue.end.max(sp.end),
                }));
            }
        }
        ControlFlow::Continue(())
    }

    /// Attribution before a quote, within `[a, b)` (sentence start to the mark).
    pub(crate) fn parse_before(&self, a: usize, b: usize, rumour: &mut bool) -> Option<Attr> {
        self.parse_before_nested(a, b, rumour, 0)
    }

    /// [`Self::parse_before`] where only the attribution matters, not whether the
    /// words before it are a rumour.
    pub(crate) fn attribution_before(&self, a: usize, b: usize) -> Option<Attr> {
        self.parse_before(a, b, &mut false)
    }

    /// [`Self::parse_before`] from inside another one `depth` levels up (a cue that
    /// shares its subject with an earlier one looks back at most [`MAX_LOOKBACK_DEPTH`]).
    fn parse_before_nested(
        &self,
        a: usize,
        b: usize,
        rumour: &mut bool,
        depth: u8,
    ) -> Option<Attr> {
        // An attribution sits within a few hundred bytes of its quote.
        let a = self.floor_boundary(a.max(b.saturating_sub(WINDOW)));
        let ws = self.ws(a, b);
        if ws.is_empty() {
            return None;
        }
        if let Some(x) = self.source_phrase_before(&ws) {
            return Some(x);
        }
        let ci = match last_cue(&ws) {
            Some(CueWord::At(ci)) => ci,
            Some(CueWord::Rumour) => {
                *rumour = true;
                return None;
            }
            None => return self.colon_subject(&ws),
        };
        let cue = Span::new(ws[ci].start, ws[ci].end);
        let foreign = lex::is_foreign_cue(ws[ci].form());
        let mut pre = ci;
        while pre > 0
            && (adverb_or_aux(&ws[pre - 1]) || foreign && lex::is_foreign_aux(ws[pre - 1].form()))
        {
            pre -= 1;
        }
        // `X urged …, saying "…"` / `X … and joked, "…"` / `upon saying "…"`: the
        // subject of the sentence.
        if pre > 0 {
            let p = ws[pre - 1].form();
            let participle = ws[ci].form().ends_with("ing");
            if (participle
                && (p == "," || unspin_lex::grammar::PARTICIPLE_CLAUSE_OPENERS.contains(p)))
                || (p == "and" && ci + 1 < ws.len())
            {
                let sp = self.shared_subject(a, &ws, pre, depth)?;
                return Some(Attr {
                    speaker: Some(sp),
                    cue: Some(cue),
                    side: Side::Before,
                    end: cue.end,
                });
            }
        }
        if pre > 0 && lex::is_be(ws[pre - 1].form()) {
            // "is said to be", "was told": no named speaker.
            *rumour = true;
            return None;
        }
        if pre > 0 && ws[pre - 1].form() == "to" {
            // "went on to say", "wanted to tell": subject further back; skip to verb.
            pre = governing_verb_start(&ws, pre, ci);
        }
        if pre == 0 {
            // Inversion at sentence start: `Said X: "…"` or a cue with no subject.
            let sp = self.np_forward(&ws[ci + 1..]).filter(|s| s.end <= b);
            return sp.map(|sp| Attr {
                speaker: Some(sp),
                cue: Some(cue),
                side: Side::Before,
                end: sp.end,
            });
        }
        let sp = self.subject_before_cue(&ws, pre)?;
        Some(Attr {
            speaker: Some(sp),
            cue: Some(cue),
            side: Side::Before,
            end: cue.end,
        })
    }

    /// `according to X, …` or French `selon X, « … »` before a quote.
    fn source_phrase_before(&self, ws: &[Word]) -> Option<Attr> {
        let before = |sp: Span, cue: Span| Attr {
            speaker: Some(sp),
            cue: Some(cue),
            side: Side::Before,
            end: sp.end,
        };
        for j in (0..ws.len().saturating_sub(2)).rev() {
            if ws[j].form() == "according" && ws[j + 1].form() == "to" {
                if let Some(sp) = self.np_forward(&ws[j + 2..]) {
                    return Some(before(sp, Span::new(ws[j].start, ws[j + 1].end)));
                }
            }
        }
        // French "selon X, « … »" at the start of the clause.
        for j in (0..ws.len().saturating_sub(1)).rev() {
            if ws[j].form() == "selon" && (j == 0 || ws[j - 1].is_punct()) {
                if let Some(sp) = self.np_forward(&ws[j + 1..]) {
                    return Some(before(sp, Span::new(ws[j].start, ws[j].end)));
                }
            }
        }
        None
    }

    /// `She then addressed the crowd: "…"`: with no cue, the subject of a sentence
    /// that ends in a colon, when it is clearly a speaker (a pronoun, a known
    /// entity or a full name).
    fn colon_subject(&self, ws: &[Word]) -> Option<Attr> {
        if ws.last().is_none_or(|w| w.text != ":") {
            return None;
        }
        let sp = self.subject_np(ws)?;
        let words_in = self.ws(sp.start, sp.end);
        // `Roe: "…"` opening a headline or line: the label alone before the colon.
        let label = ws.len() == words_in.len() + 1
            && words_in.len() <= DASH_NAME_WORDS
            && words_in.iter().all(|w| w.capitalised() || w.text == ".")
            && words_in
                .iter()
                .any(|w| w.text.chars().any(char::is_lowercase))
            && !unspin_lex::interviews::NON_SPEAKER_LABELS
                .contains(norm_words(&self.text[sp.start..sp.end]).as_str())
            && !self.mention_overlaps(sp, |e| e.kind == EntityKind::Place);
        let clear = label
            || words_in.len() == 1 && lex::pronoun(words_in[0].form()).is_some()
            || self.mention_overlaps(sp, |e| e.kind != EntityKind::Place)
            || words_in.iter().filter(|w| w.capitalised()).count() >= 2
                && words_in
                    .iter()
                    .any(|w| w.text.chars().any(|c| c.is_lowercase()));
        if !clear {
            return None;
        }
        Some(Attr {
            speaker: Some(sp),
            cue: None,
            side: Side::Before,
            end: ws[ws.len() - 1].end,
        })
    }

    /// The speaker of a participle or coordinated cue (`X urged …, saying`, `X said
    /// … and added`), the word before it at `pre - 1`: the subject of an earlier cue
    /// in the same clause, else the sentence's subject.
    fn shared_subject(&self, a: usize, ws: &[Word], pre: usize, depth: u8) -> Option<Span> {
        // `X said … and added, "…"`: the subject of the earlier cue.
        // Only the inner attribution matters here, not its rumour flag.
        let mut inner_rumour = false;
        let earlier = if depth < MAX_LOOKBACK_DEPTH {
            let x = self.parse_before_nested(a, ws[pre - 1].start, &mut inner_rumour, depth + 1);
            // Only a cue of the same clause: no comma between it and "and"
            // (`As the crowd began to chant, X … and joked` is X's).
            x.filter(|x| {
                x.cue
                    .is_some_and(|c| !self.text[c.end..ws[pre - 1].start].contains(','))
            })
            .and_then(|x| x.speaker)
        } else {
            None
        };
        earlier.or_else(|| {
            let head = &ws[..pre - 1];
            let sp = self.subject_np(head)?;
            Some(self.name_after_role(head, sp).unwrap_or(sp))
        })
    }

    /// The subject phrase that ends at word `pre` before a cue: a name set off after
    /// a role, else the words before an appositive or relative clause.
    fn subject_before_cue(&self, ws: &[Word], pre: usize) -> Option<Span> {
        // Walk back over the subject phrase (and a party tag: `Rubio (R-Fla.) said`).
        let mut end = skip_party_tag_back(ws, pre);
        // `X, who called him "…"`: the name before the relative clause.
        if end >= 2 && matches!(ws[end - 1].form(), "who" | "which") && ws[end - 2].text == "," {
            end -= 2;
        }
        // `His spokesman, Jane Roe, said`: the name in commas after a role.
        if let Some(name) = self.appositive_name(&ws[..end]) {
            return Some(Span::new(name[0].start, name[name.len() - 1].end));
        }
        if ws[end - 1].text == "," {
            // appositive: `X, a spokesman, said`
            let mut k = end - 1;
            while k > 0 && ws[k - 1].text != "," {
                k -= 1;
            }
            if k == 0 {
                return None;
            }
            end = k - 1;
        }
        let start = subject_start(ws, end, SUBJECT_BEFORE_WORDS, true);
        let mut phrase = &ws[start..end];
        // Strip a leading "of X" fragment left by the walk.
        while phrase.first().is_some_and(|w| w.form() == "of") {
            phrase = &phrase[1..];
        }
        if !self.valid_speaker(phrase) {
            // A cue with no subject we can read: keep the cue only if close.
            return None;
        }
        Some(Span::new(phrase[0].start, phrase[phrase.len() - 1].end))
    }
}

/// A dash that opens a credit line (em, en, figure dash, horizontal bar, hyphen).
fn is_credit_dash(t: &str) -> bool {
    matches!(t, "—" | "–" | "―" | "‒" | "-")
}

/// Where the verb group governing "to say" starts ("went on to say", "wanted to
/// tell", "has to"), the "to" at word `pre - 1` and the cue at `ci`.
fn governing_verb_start(ws: &[Word], pre: usize, ci: usize) -> usize {
    let mut k = pre - 1;
    while k > 0 && ci - k < TO_GOVERNOR_REACH {
        let l = ws[k - 1].form();
        let verbish = (l.ends_with("ed") && !ws[k - 1].capitalised())
            || unspin_lex::grammar::TO_INFINITIVE_GOVERNORS.contains(l);
        if !verbish {
            break;
        }
        k -= 1;
    }
    k
}

/// The first cue word read as a verb within the first [`AFTER_CUE_REACH`] words
/// after a quote, not past a clause break; None at a rumour word or "according to".
fn first_cue_after(ws: &[Word]) -> Option<usize> {
    let mut j = 0;
    while j < ws.len().min(AFTER_CUE_REACH) {
        // `"…," Rep. Jane Roe (D-N.Y.) said`: the party tag is no clause break.
        if let Some(e) = party_tag_end(ws, j) {
            j = e;
            continue;
        }
        let i = j;
        j += 1;
        let w = &ws[i];
        if matches!(w.text, "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”") {
            return None;
        }
        let lw = w.form();
        if let Some(c) = lex::cue(lw) {
            if c.rumour {
                return None;
            }
            // "…, he added" but not "…, the state said" as noun: require a verb reading.
            if i > 0 && lex::ambiguous_noun(lw) && !w.text.chars().all(|c| c.is_lowercase()) {
                continue;
            }
            return Some(i);
        }
        if lw == "according" && ws.get(i + 1).is_some_and(|x| x.form() == "to") {
            return None;
        }
    }
    None
}

/// The last cue word before a quote that has a verb reading.
enum CueWord {
    At(usize),
    /// A rumour word ("reportedly", "is rumored"): no speaker.
    Rumour,
}

/// The last cue word of `ws` read as a verb (not "a report", "the ministry's claim").
fn last_cue(ws: &[Word]) -> Option<CueWord> {
    for j in (0..ws.len()).rev() {
        let lw = ws[j].form();
        if let Some(c) = lex::cue(lw) {
            if c.rumour {
                return Some(CueWord::Rumour);
            }
            // Nouns like "a report", "the statement": need a verb reading.
            // … and after a possessive ("the ministry's claim").
            let prev = if j > 0 { ws[j - 1].form() } else { "" };
            let possessive = prev.ends_with("'s")
                || prev.ends_with("’s")
                || prev.ends_with("s'")
                || prev.ends_with("s’");
            if j > 0 && (lex::is_determiner(prev) || possessive) && lex::ambiguous_noun(lw) {
                continue;
            }
            if lex::ambiguous_noun(lw) && ws[j].capitalised() {
                continue;
            }
            // "to say", "saying" as a non-finite form far from a subject: still a cue.
            return Some(CueWord::At(j));
        }
    }
    None
}

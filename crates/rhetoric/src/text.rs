//! Text context for the detector: sentence, quote and token ranges (from the `Doc`
//! layers; quotes fall back to local pairing when the quotes stage has not run) and
//! small span helpers.

use unspin_doc::{Attribution, Doc, ParagraphKind, QuoteKind, Span, Token};

/// How far (bytes) either side of a hit a `( … )` aside's brackets are looked for.
const ASIDE_WINDOW_BYTES: usize = 300;
/// How many words after a hit a person or group may come (`person_follows`,
/// insult adjectives), and how many words a gapped phrase may skip (`gap_then`).
pub(crate) const PERSON_WINDOW_WORDS: usize = 3;
/// Most words a trailing ", officials said." attribution may have.
const ATTRIBUTION_TAIL_WORDS: usize = 8;

/// Running maximum of span ends (spans sorted by start).
fn running_max(spans: &[Span]) -> Vec<usize> {
    spans
        .iter()
        .scan(0, |m, s| {
            *m = (*m).max(s.end);
            Some(*m)
        })
        .collect()
}

/// Whether some span of `spans` (sorted by start, `max` their running end
/// maximum) contains `start..end`.
fn covers(spans: &[Span], max: &[usize], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|q| q.start <= start);
    k > 0 && max[k - 1] >= end
}

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    /// Sentence spans in text order, with the sources stage's attribution when known.
    sents: Vec<(Span, Option<Attribution>)>,
    /// Quotations whose words belong to a speaker (not scare quotes), sorted.
    reported: Vec<Span>,
    /// Every quoted stretch (content without the marks), sorted.
    pub all_quotes: Vec<Span>,
    /// Running maximum of the ends of `reported` / `all_quotes`: containment
    /// tests by binary search, not a scan per word.
    reported_max: Vec<usize>,
    all_max: Vec<usize>,
    /// Scare quotes found by the quotes stage (none without that layer).
    pub scare: Vec<Span>,
    /// The quotes' cues ("said", "is most likely hearing"), sorted.
    cues: Vec<Span>,
    /// Title and heading paragraphs (headline capitalisation is not a name).
    headings: Vec<Span>,
    /// The token layer (`doc.tokens`; the pipeline segments before this stage).
    pub tokens: &'a [Token],
    /// The token layer's normalised forms (`Doc::token_forms`).
    forms: &'a str,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc) -> Self {
        let text = doc.text.as_str();
        let sents = doc
            .sentences
            .iter()
            .map(|s| (s.span, Some(s.attribution)))
            .collect();
        let (mut reported, mut all_quotes): (Vec<Span>, Vec<Span>) = if doc.quotes.is_empty() {
            let q = pair_quotes(text);
            // Without the quotes stage: two words or fewer read as scare quotes.
            let rep = q
                .iter()
                .copied()
                .filter(|s| text[s.start..s.end].split_whitespace().count() > 2)
                .collect();
            (rep, q)
        } else {
            (
                doc.quotes
                    .iter()
                    .filter(|q| q.kind != QuoteKind::Scare)
                    .map(|q| q.span)
                    .collect(),
                doc.quotes
                    .iter()
                    .filter(|q| q.kind != QuoteKind::Indirect)
                    .map(|q| q.span)
                    .collect(),
            )
        };
        reported.sort();
        all_quotes.sort();
        let headings = doc
            .paragraphs
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading))
            .map(|p| p.span)
            .collect();
        let scare = doc
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Scare)
            .map(|q| q.span)
            .collect();
        let mut cues: Vec<Span> = doc.quotes.iter().filter_map(|q| q.cue).collect();
        cues.sort();
        Ctx {
            text,
            cues,
            tokens: &doc.tokens,
            forms: &doc.token_forms,
            scare,
            sents,
            reported_max: running_max(&reported),
            all_max: running_max(&all_quotes),
            reported,
            all_quotes,
            headings,
        }
    }

    /// The normalised form of a token of the layer (`Doc::form`).
    pub fn form(&self, t: &Token) -> &'a str {
        let a = t.form.start as usize;
        &self.forms[a..a + t.form.len as usize]
    }

    /// Token index of the first token of the whitespace-free run (adjacent tokens with
    /// no space before) that token `k` belongs to.
    fn run_start(&self, mut k: usize) -> usize {
        while k > 0 && !self.tokens[k].shape.space_before() {
            k -= 1;
        }
        k
    }

    /// Token index just past the whitespace-free run of tokens from token `k` on.
    pub fn run_end(&self, mut k: usize) -> usize {
        k += 1;
        while k < self.tokens.len() && !self.tokens[k].shape.space_before() {
            k += 1;
        }
        k
    }

    /// The last word before byte `pos` (whitespace skipped): the end of the token run
    /// there, from after its last character that is not a letter, digit, `-`, `.`, `'`
    /// or `’` ("U.S.", "he'll", "said." after a full stop).
    pub fn word_before(&self, pos: usize) -> &'a str {
        let end = self.text[..pos].trim_end().len();
        let k = self.tokens.partition_point(|t| t.span.end < end);
        match self.tokens.get(k) {
            Some(tok) if end > 0 && tok.span.start < end => {
                let run = &self.text[self.tokens[self.run_start(k)].span.start..end];
                let start = run
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !is_word(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                &run[start..]
            }
            _ => "",
        }
    }

    /// The word right after byte `pos` (whitespace skipped): the letters and digits
    /// that open the next token (or the rest of the token `pos` falls in).
    pub fn word_after(&self, pos: usize) -> &'a str {
        let Some(tok) = self.tokens.get(self.token_at_or_after(pos)) else {
            return "";
        };
        let rest = &self.text[tok.span.start.max(pos)..];
        &rest[..rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len())]
    }

    /// Index of the first token that ends after byte `pos` (`Doc::token_at_or_after`).
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
    }

    /// Grows a span leftwards over up to `max` words accepted by `ok` (lowercased,
    /// trailing dots kept), each after a run of spaces on the same line. Returns the
    /// new start and whether it grew.
    pub fn extend_left(
        &self,
        mut start: usize,
        ok: impl Fn(&str) -> bool,
        max: usize,
    ) -> (usize, bool) {
        let mut grew = false;
        for _ in 0..max {
            let before = &self.text[..start];
            let trimmed = before.trim_end_matches(' ');
            if trimmed.len() == before.len() || trimmed.ends_with('\n') {
                break;
            }
            let w = self.word_before(trimmed.len());
            if w.is_empty() || !ok(&w.to_lowercase()) {
                break;
            }
            start = trimmed.len() - w.len();
            grew = true;
        }
        (start, grew)
    }

    /// The words after byte `pos`, up to `n`, each a run of tokens after one or more
    /// spaces: its leading letters, digits, `-`, `'`, `’` (and `.` when `dots`, trailing
    /// dots then dropped), and whether that is the whole run. Stops after a word that
    /// is not its whole run, and at one that is empty or not after spaces.
    pub fn words_after(
        &self,
        pos: usize,
        n: usize,
        dots: bool,
    ) -> impl Iterator<Item = (Span, bool)> + '_ {
        let mut pos = pos;
        let mut k = self.token_at_or_after(pos);
        std::iter::from_fn(move || {
            let tok = self.tokens.get(k)?;
            let gap = &self.text[pos..tok.span.start.max(pos)];
            if gap.is_empty() || gap.bytes().any(|b| b != b' ') {
                return None;
            }
            let next = self.run_end(k);
            let end = self.tokens[next - 1].span.end;
            let run = &self.text[tok.span.start..end];
            let len = run
                .find(|c: char| {
                    !(c.is_alphanumeric()
                        || matches!(c, '-' | '\'' | '\u{2019}')
                        || (dots && c == '.'))
                })
                .unwrap_or(run.len());
            let w = if dots {
                run[..len].trim_end_matches('.')
            } else {
                &run[..len]
            };
            if w.is_empty() {
                return None;
            }
            let whole = w.len() == run.len();
            (k, pos) = if whole {
                (next, end)
            } else {
                (self.tokens.len(), end)
            };
            Some((Span::new(tok.span.start, tok.span.start + w.len()), whole))
        })
        .take(n)
    }

    fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.sents.partition_point(|(s, _)| s.end <= pos);
        (i < self.sents.len() && self.sents[i].0.start <= pos).then_some(i)
    }

    /// Every sentence span, in text order.
    pub fn sentence_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.sents.iter().map(|(s, _)| *s)
    }

    /// The sentence around `pos` (or its line when no sentence covers it).
    pub fn sentence_span(&self, pos: usize) -> Span {
        match self.sentence_index(pos) {
            Some(i) => self.sents[i].0,
            None => {
                let s = self.text[..pos].rfind('\n').map_or(0, |i| i + 1);
                let e = self.text[pos..]
                    .find('\n')
                    .map_or(self.text.len(), |i| pos + i);
                Span::new(s, e)
            }
        }
    }

    pub fn attribution_at(&self, pos: usize) -> Option<Attribution> {
        self.sentence_index(pos).and_then(|i| self.sents[i].1)
    }

    /// True when `start..end` lies inside a quotation that reports someone's words.
    pub fn in_reported_quote(&self, start: usize, end: usize) -> bool {
        covers(&self.reported, &self.reported_max, start, end)
    }

    /// True when `start..end` overlaps a quote's cue (cues are short and rarely
    /// overlap each other: the few cues starting just before `end` are checked).
    pub fn overlaps_cue(&self, start: usize, end: usize) -> bool {
        let k = self.cues.partition_point(|c| c.start < end);
        self.cues[k.saturating_sub(4)..k]
            .iter()
            .any(|c| c.end > start)
    }

    /// True when `start..end` lies inside quotation marks (any quote but indirect speech).
    pub fn in_quote_marks(&self, start: usize, end: usize) -> bool {
        covers(&self.all_quotes, &self.all_max, start, end)
    }

    /// A Titlecase word that is not the first word of its sentence nor in a headline.
    pub fn looks_like_name(&self, pos: usize, sent: Span) -> bool {
        let mut cs = self.text[pos..].chars();
        let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
            return false;
        };
        if !(a.is_uppercase() && b.is_lowercase()) {
            return false;
        }
        if self.headings.iter().any(|h| h.start <= pos && pos < h.end) {
            return false;
        }
        let first_alpha = self.text[sent.start..sent.end]
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| sent.start + i);
        if first_alpha == Some(pos) {
            return false;
        }
        // A capitalised word right after an opening quote mark starts quoted speech.
        if prev_char(self.text, pos)
            .is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}'))
        {
            return false;
        }
        // Followed by another capitalised word: part of a longer name.
        let next = self.word_after(pos + self.text[pos..].find(' ').unwrap_or(0));
        if next.chars().next().is_some_and(char::is_uppercase)
            && self.text[pos..].find(' ').is_some()
        {
            return true;
        }
        // Headline-style sentence (no final full stop, most longer words capitalised).
        if self.text[sent.start..sent.end].trim_end().ends_with('.') {
            return true;
        }
        let (mut caps, mut n) = (0, 0);
        for w in self.text[sent.start..sent.end].split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().count() >= 4 {
                n += 1;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    caps += 1;
                }
            }
        }
        !(n >= 3 && caps * 10 >= n * 7)
    }

    /// The `( … )` aside containing `start..end`, parentheses included, if any.
    pub fn parenthetical(&self, start: usize, end: usize) -> Option<Span> {
        let t = self.text;
        let lo = floor_char(t, start.saturating_sub(ASIDE_WINDOW_BYTES));
        let before = &t[lo..start];
        let open = before.rfind('(')?;
        if before[open..].contains(')') || before[open..].contains('\n') {
            return None;
        }
        let hi = floor_char(t, (end + ASIDE_WINDOW_BYTES).min(t.len()));
        let after = &t[end..hi];
        let close = after.find(')')?;
        if after[..close].contains('(') || after[..close].contains('\n') {
            return None;
        }
        Some(Span::new(lo + open, end + close + 1))
    }
}

fn floor_char(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(crate) fn prev_char(t: &str, i: usize) -> Option<char> {
    t[..i].chars().next_back()
}

pub(crate) fn next_char(t: &str, i: usize) -> Option<char> {
    t[i..].chars().next()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '\u{2019}')
}

/// Lowercase words of an already lowercased string (a lowercased copy of a sentence
/// or quotation, not the document text the token layer covers).
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '\'')))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
}

/// Scans the whitespace-normalised copy `find_hits` matches phrases on (not the
/// document text, so not the token layer).
/// After `i`: 1–3 words, then `suffix` (lowercase) on a word boundary. Returns its end.
pub(crate) fn gap_then(t: &str, i: usize, suffix: &str) -> Option<usize> {
    let mut pos = i;
    for _ in 0..PERSON_WINDOW_WORDS {
        let rest = &t[pos..];
        let ws = rest.len() - rest.trim_start_matches(' ').len();
        if ws == 0 {
            return None;
        }
        let rest = &rest[ws..];
        let wl = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .unwrap_or(rest.len());
        if wl == 0 {
            return None;
        }
        pos += ws + wl;
        let after = &t[pos..];
        let after_trim = after.trim_start_matches(' ');
        if after_trim.len() < after.len()
            && after_trim.len() >= suffix.len()
            && after_trim.is_char_boundary(suffix.len())
            && after_trim[..suffix.len()].eq_ignore_ascii_case(suffix)
            && !after_trim[suffix.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(pos + (after.len() - after_trim.len()) + suffix.len());
        }
    }
    None
}

const CLAUSE_DELIMS: &[char] = &[',', ';', ':', '\u{2014}', '\u{2013}', '(', ')'];

/// The clause around `start..end` within `sent`: between the nearest delimiters.
pub(crate) fn clause(t: &str, sent: Span, start: usize, end: usize) -> Span {
    // Leftwards to a delimiter; a complete ( … ) aside is stepped over, not a boundary.
    let mut s = sent.start;
    let mut depth = 0usize;
    for (i, c) in t[sent.start..start].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            _ if depth == 0 && CLAUSE_DELIMS.contains(&c) => {
                s = sent.start + i + c.len_utf8();
                break;
            }
            _ => {}
        }
    }
    while let Some(c) = next_char(t, s) {
        if c.is_whitespace() && s < start {
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Rightwards likewise.
    let mut e = sent.end;
    let mut depth = 0usize;
    for (i, c) in t[end..sent.end].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 && CLAUSE_DELIMS.contains(&c) => {
                e = end + i;
                break;
            }
            _ => {}
        }
    }
    Span::new(s, trim_end(t, end, e).max(end))
}

/// `e` moved back over whitespace and closing punctuation, not before `floor`.
pub(crate) fn trim_end(t: &str, floor: usize, mut e: usize) -> usize {
    while e > floor {
        let c = prev_char(t, e).unwrap_or(' ');
        if c.is_whitespace() || matches!(c, '.' | '!' | '?' | '"' | '\u{201d}') {
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    e
}

/// A span without its surrounding whitespace.
pub(crate) fn trim_span(t: &str, s: Span) -> Span {
    let x = &t[s.start..s.end];
    let lead = x.len() - x.trim_start().len();
    Span::new(s.start + lead, s.start + x.trim_end().len().max(lead))
}

/// True when the sentence's last non-quote character is `?`.
pub(crate) fn ends_with_question(t: &str, s: Span) -> bool {
    t[s.start..s.end]
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')'])
        .ends_with('?')
}

/// Verbs that attribute what follows (or precedes) to a source.
fn has_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before_ok = !hay[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after_ok = !hay[e..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = e;
    }
    false
}

/// True when a hedge at byte `at` of the lowercased sentence is a source's, not the
/// writer's: a cue verb before it, or a short trailing ", officials said." after it.
pub(crate) fn attributed_hedge(lower_sent: &str, at: usize) -> bool {
    let at = floor_char(lower_sent, at.min(lower_sent.len()));
    let before = &lower_sent[..at];
    let cues: Vec<&str> = crate::lexicon::lexicon().cues.iter().collect();
    if cues.iter().any(|c| has_word(before, c)) {
        return true;
    }
    if let Some(i) = lower_sent.rfind(',') {
        if i > at {
            let tail = &lower_sent[i..];
            if tail.split_whitespace().count() <= ATTRIBUTION_TAIL_WORDS
                && cues.iter().any(|c| has_word(tail, c))
            {
                return true;
            }
        }
    }
    false
}

/// Quoted stretches for documents without a quotes layer: “…” pairs and "…" pairs
/// within one line (content only, marks excluded).
pub(crate) fn pair_quotes(t: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in t.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let mut open: Option<usize> = None;
        for (i, c) in line.char_indices() {
            match c {
                '\u{201c}' => open = Some(i + c.len_utf8()),
                '\u{201d}' => {
                    if let Some(o) = open.take() {
                        out.push(Span::new(base + o, base + i));
                    }
                }
                '"' => match open.take() {
                    Some(o) => out.push(Span::new(base + o, base + i)),
                    None => open = Some(i + 1),
                },
                _ => {}
            }
        }
    }
    out
}

/// True when a person or group follows byte `i` within three words: a pronoun, a
/// person noun (`is_person`), or a capitalised name.
pub(crate) fn person_follows(ctx: &Ctx, i: usize, is_person: impl Fn(&str) -> bool) -> bool {
    ctx.words_after(i, PERSON_WINDOW_WORDS, false)
        .any(|(w, _)| {
            let w = &ctx.text[w.start..w.end];
            let lw = w.to_lowercase();
            let lw = lw
                .strip_suffix("'s")
                .or_else(|| lw.strip_suffix("\u{2019}s"))
                .unwrap_or(&lw);
            crate::lexicon::lexicon().person_words.has(lw)
                || is_person(lw)
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A span that opens a quotation without closing it is extended over the closing
/// mark when the sentence has one (`imagine it involved "a glass of wine."`).
pub(crate) fn balance_quotes(t: &str, span: Span, sent: Span) -> Span {
    let x = &t[span.start..span.end];
    let curly_open = x.matches('\u{201c}').count() > x.matches('\u{201d}').count();
    let straight_open = x.matches('"').count() % 2 == 1;
    if !(curly_open || straight_open) || span.end >= sent.end {
        return span;
    }
    let close = if curly_open { '\u{201d}' } else { '"' };
    match t[span.end..sent.end].find(close) {
        Some(i) => Span::new(span.start, span.end + i + close.len_utf8()),
        None => span,
    }
}

/// `t` with every whitespace run as one space, and a map from each byte offset of the
/// result (plus its end) to the offset in `t`. When only ASCII line breaks and tabs need
/// replacing, the result keeps `t`'s offsets and no map is needed.
pub(crate) fn normalize_spaces(t: &str) -> (std::borrow::Cow<'_, str>, Option<Vec<usize>>) {
    let unusual = t.contains("  ")
        || t.chars()
            .any(|c| c.is_whitespace() && !matches!(c, ' ' | '\n' | '\r' | '\t'));
    if !unusual {
        if t.contains(['\n', '\r', '\t']) {
            return (t.replace(['\n', '\r', '\t'], " ").into(), None);
        }
        return (t.into(), None);
    }
    let mut out = String::with_capacity(t.len());
    let mut map = Vec::with_capacity(t.len() + 1);
    let mut last_space = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if last_space {
                continue;
            }
            out.push(' ');
            map.push(i);
            last_space = true;
        } else {
            out.push(c);
            map.extend((0..c.len_utf8()).map(|k| i + k));
            last_space = false;
        }
    }
    map.push(t.len());
    (out.into(), Some(map))
}

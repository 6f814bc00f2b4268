//! Transcript turns (`JANE ROE: …`) and interview answers (`Q:`/`A:`) as direct quotes.

use super::*;

/// How far into a line (bytes) the colon of a `Name: statement` line is looked for.
const LABEL_BYTES: usize = 40;
/// The most words of a `Name:` label.
const STATEMENT_LABEL_WORDS: usize = 3;
/// The fewest words of an unmarked statement after a `Name:` label.
const STATEMENT_MIN_WORDS: usize = 3;
/// How much of a statement (bytes) is read to count its words.
const CLAUSE_BYTES: usize = 200;

impl<'d> Detector<'d> {
    /// Broadcast transcript turns: paragraphs opening with a speaker label
    /// (`JANE ROE, HOST: …`, `ROE: …`, `Jane Roe: …`). Each turn is a direct quote by
    /// the labelled speaker, resolved to the person introduced with that name. Only
    /// read when the article has at least three such turns by two or more speakers.
    pub(crate) fn transcript(&self) -> Vec<Quote> {
        let text = self.text;
        let mut turns: Vec<(Span, Span)> = vec![]; // (label, content)
        for p in &self.paras {
            if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::Blockquote) {
                continue;
            }
            let t = &text[p.span.start..p.span.end];
            if let Some((label, body)) = transcript_label(t) {
                let b0 = p.span.start + body;
                // A headline after the label ("Jane Roe: Taxes Are Too High") is not
                // a turn.
                if b0 < p.span.end && !headline_like(&text[b0..p.span.end]) {
                    turns.push((
                        Span::new(p.span.start, p.span.start + label),
                        Span::new(b0, p.span.end),
                    ));
                }
            }
        }
        // One label style per transcript: with upper-case labels (`ROE:`), a
        // mixed-case "Jane Roe: …" line is a headline or note.
        let is_upper = |l: &Span| !text[l.start..l.end].chars().any(char::is_lowercase);
        if turns.iter().any(|(l, _)| is_upper(l)) {
            turns.retain(|(l, _)| is_upper(l));
        }
        // Speakers keyed by the last word of the label ("RACHEL ROE" and "ROE").
        let mut names: Vec<String> = turns
            .iter()
            .filter_map(|(l, _)| text[l.start..l.end].split_whitespace().last())
            .map(str::to_lowercase)
            .collect();
        names.sort();
        names.dedup();
        // A conversation: two or more speakers, and someone speaks twice (a list
        // of "Name: position" items has each name once).
        if turns.len() < 3 || names.len() < 2 || names.len() == turns.len() {
            return vec![];
        }
        turns
            .into_iter()
            .filter(|(_, c)| {
                // Turns made of one marked quote are already reported.
                !self
                    .marked
                    .iter()
                    .any(|m| m.open <= c.start && c.end <= m.close_end)
            })
            .map(|(label, content)| Quote {
                span: content,
                kind: QuoteKind::Direct,
                speaker: Some(self.resolve_label(label)),
                cue: None,
            })
            .collect()
    }

    /// Headline and body lines `Name: statement` without marks (`Roe: I never sent
    /// those emails`, a headline's `Roe: Taxes Will Not Rise`): the statement is a
    /// direct quote by the person the label names. The label must be a person's
    /// mention and the statement open in the first person, so topic lines (`Roe:
    /// Student loans`, `Roe: Now or never`) and `Name: position` lists give nothing.
    pub(crate) fn colon_statements(&self) -> Vec<Quote> {
        let text = self.text;
        let mut out = vec![];
        for p in &self.paras {
            if !matches!(
                p.kind,
                ParagraphKind::Title | ParagraphKind::Heading | ParagraphKind::Body
            ) {
                continue;
            }
            let head_end = self.floor_boundary((p.span.start + LABEL_BYTES).min(p.span.end));
            let Some(colon) = text[p.span.start..head_end].find(':') else {
                continue;
            };
            let label_ws = self.ws(p.span.start, p.span.start + colon);
            let Some(label) = self.statement_label(&label_ws) else {
                continue;
            };
            let body = Span::new(p.span.start + colon + 1, p.span.end);
            let lead =
                text[body.start..body.end].len() - text[body.start..body.end].trim_start().len();
            let body = Span::new(body.start + lead, body.end);
            // A marked quote in the line is reported from its marks.
            let a = self.marked.partition_point(|m| m.close_end <= p.span.start);
            if body.is_empty() || self.marked.get(a).is_some_and(|m| m.open < p.span.end) {
                continue;
            }
            if !self.first_person_statement(body) {
                continue;
            }
            out.push(Quote {
                span: body,
                kind: QuoteKind::Direct,
                speaker: Some(self.resolve(label)),
                cue: None,
            });
        }
        out
    }

    /// The label of a `Name: …` line: one to three capitalised words (titles' periods
    /// kept) ending in a person's mention, not a line label such as "Update".
    pub(crate) fn statement_label(&self, ws: &[Word]) -> Option<Span> {
        let first = ws.first()?;
        let last = ws.last()?;
        let words = ws.iter().filter(|w| !w.is_punct()).count();
        let lower = norm_words(&self.text[first.start..last.end]);
        if !(1..=STATEMENT_LABEL_WORDS).contains(&words)
            || !ws.iter().all(|w| w.capitalised() || w.text == ".")
            || unspin_lex::interviews::NON_SPEAKER_LABELS.contains(lower.as_str())
        {
            return None;
        }
        // The label's last word is a person's name ("Clinton Wades In: …" is a headline).
        let head = ws.iter().rev().find(|w| !w.is_punct())?;
        self.mention_overlaps(Span::new(head.start, head.end), |e| {
            e.kind == EntityKind::Person
        })
        .then(|| Span::new(first.start, last.end))
    }

    /// Whether the words of `span` read as a statement in the speaker's voice: at
    /// least [`STATEMENT_MIN_WORDS`] words, the first a first-person pronoun ("I never
    /// sent …", "My plans aren't …"); a topic line ("Student loans", "Now or never")
    /// is not one.
    fn first_person_statement(&self, span: Span) -> bool {
        let end = self.floor_boundary((span.start + CLAUSE_BYTES).min(span.end));
        let ws = self.ws(span.start, end);
        ws.iter().filter(|w| !w.is_punct()).count() >= STATEMENT_MIN_WORDS
            && ws
                .first()
                .is_some_and(|w| unspin_lex::grammar::FIRST_PERSON_WORDS.contains(w.form()))
    }

    /// A transcript label ("RACHEL ROE", "ROE") → the person whose name holds its words.
    pub(crate) fn resolve_label(&self, label: Span) -> Speaker {
        let lt = self.text[label.start..label.end].to_lowercase();
        match self.label_entity(&lt) {
            Some(ei) => Speaker {
                span: label,
                entity: Some(ei),
                name: self.doc.entities[ei].name.clone(),
            },
            None => self.resolve(label),
        }
    }

    /// The person entity whose name holds every word of the lowercased label `lt`
    /// (the most mentioned, the first on a tie).
    pub(crate) fn label_entity(&self, lt: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None; // (entity, mentions)
        for (ei, nw) in &self.person_names {
            let n = self.doc.entities[*ei].mentions.len();
            if lt.split_whitespace().all(|w| nw.iter().any(|x| x == w))
                && best.is_none_or(|(_, b)| n > b)
            {
                best = Some((*ei, n));
            }
        }
        best.map(|(ei, _)| ei)
    }

    /// Interview answers: paragraphs opening with `A:` after `Q:` ones; the speaker
    /// is the interviewee named in the introduction.
    pub(crate) fn interview(&self) -> Vec<Quote> {
        let text = self.text;
        let is_q = |p: &Para| qa_prefix(&text[p.span.start..p.span.end], true).is_some();
        let is_a = |p: &Para| qa_prefix(&text[p.span.start..p.span.end], false).is_some();
        let Some(first_q) = self.paras.iter().position(is_q) else {
            return vec![];
        };
        if !self.paras.iter().any(is_a) {
            return vec![];
        }
        let intro_end = self.paras[first_q].span.start;
        // The interviewee: "interview with X", "spoke with X", … else the most mentioned person.
        let mut speaker: Option<Span> = None;
        let ws = self.ws(0, intro_end);
        for j in 0..ws.len() {
            let l = ws[j].form();
            if (l == "with" || l == "to") && j > 0 {
                let prev = ws[j - 1].form();
                if unspin_lex::interviews::INTERVIEW_WORDS.contains(prev) {
                    let mut k = j + 1;
                    let s = k;
                    while k < ws.len()
                        && (ws[k].capitalised() || (k > s && lex::is_abbrev(ws[k].text)))
                        && !ws[k].is_punct()
                    {
                        k += 1;
                    }
                    if k > s {
                        speaker = Some(Span::new(ws[s].start, ws[k - 1].end));
                        break;
                    }
                }
            }
        }
        let mut resolved = speaker.map(|s| self.resolve(s));
        if resolved.is_none() {
            let mut best: Option<(usize, usize)> = None;
            for (ei, e) in self.doc.entities.iter().enumerate() {
                if e.kind != EntityKind::Person {
                    continue;
                }
                let c = e
                    .mentions
                    .iter()
                    .filter(|m| m.span.end <= intro_end)
                    .count();
                if c > 0 && best.is_none_or(|(_, bc)| c > bc) {
                    best = Some((ei, c));
                }
            }
            if let Some((ei, _)) = best {
                let e = &self.doc.entities[ei];
                resolved = e
                    .mentions
                    .iter()
                    .find(|m| m.span.end <= intro_end)
                    .map(|m| Speaker {
                        span: m.span,
                        entity: Some(ei),
                        name: e.name.clone(),
                    });
            }
        }
        let mut out = vec![];
        for p in self.paras.iter().skip(first_q) {
            if !is_a(p) {
                continue;
            }
            let t = &text[p.span.start..p.span.end];
            let skip = qa_prefix(t, false).unwrap_or(0);
            let body = &t[skip..];
            let lead = body.len() - body.trim_start().len();
            let start = p.span.start + skip + lead;
            if start >= p.span.end
                || self
                    .marked
                    .iter()
                    .any(|m| m.content.start <= start && start < m.content.end)
            {
                continue;
            }
            out.push(Quote {
                span: Span::new(start, p.span.end),
                kind: QuoteKind::Direct,
                speaker: resolved.clone(),
                cue: None,
            });
        }
        out
    }
}

/// Length of an interview question (`Q:`, `Q.`, `Question:`) or answer (`A:`, `A.`,
/// `Answer:`) prefix at the start of a paragraph.
pub(crate) fn qa_prefix(t: &str, question: bool) -> Option<usize> {
    let (short, long) = if question {
        ("Q", "Question")
    } else {
        ("A", "Answer")
    };
    for p in [long, short] {
        if let Some(rest) = t.strip_prefix(p) {
            let c = rest.chars().next()?;
            if c == ':' || (c == '.' && rest[1..].starts_with(' ')) {
                return Some(p.len() + 1);
            }
        }
    }
    None
}

/// A transcript speaker label at the start of a paragraph: `NAME[, ROLE]: text`.
/// Returns the byte length of the name and the offset of the text. The name is one
/// to four words, all upper-case (`RACHEL ROE`) or capitalised (`Rachel Roe`, two or
/// more words); notes such as `UPDATE:` or `Q:` are not speakers.
pub(crate) fn transcript_label(t: &str) -> Option<(usize, usize)> {
    let colon = t.find(':')?;
    if colon == 0 || colon > 60 {
        return None;
    }
    let head = &t[..colon];
    let name = head.split(',').next()?.trim_end();
    let ws: Vec<&str> = name.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 4 || name.len() != name.trim_start().len() {
        return None;
    }
    let wordish = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && w.chars().next().is_some_and(char::is_uppercase)
    };
    if !ws.iter().all(|w| wordish(w)) {
        return None;
    }
    let upper = ws.iter().all(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    });
    // The role after the comma is short and in the same style.
    if let Some(role) = head.get(name.len()..) {
        let role = role.trim_start_matches(',').trim();
        if word_count(role) > 4 || (upper && role.chars().any(char::is_lowercase)) {
            return None;
        }
    }
    let lower = name.to_lowercase();
    if unspin_lex::interviews::NON_SPEAKER_LABELS.contains(lower.as_str())
        || (!upper && ws.len() < 2)
        || (upper
            && ws
                .iter()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() < 2))
    {
        return None;
    }
    let rest = &t[colon + 1..];
    let body = colon + 1 + (rest.len() - rest.trim_start().len());
    Some((name.len(), body))
}

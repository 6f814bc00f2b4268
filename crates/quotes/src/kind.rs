//! Quote kind: full, partial or scare quote, including echoes of headings and titles.

use super::*;

impl<'d> Detector<'d> {
    pub(crate) fn kind(
        &self,
        m: &Marked,
        attr: Option<&Attr>,
        rumour: bool,
        left_empty: bool,
    ) -> QuoteKind {
        let text = self.text;
        if self.paras[m.para].kind == ParagraphKind::Blockquote {
            return QuoteKind::Block;
        }
        let content = &text[m.content.start..m.content.end];
        let (s0, _) = self.sentence_of(m.para, m.open);
        let lead = text[s0..m.open].trim();
        let first = content
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '.' || *c == '…');
        let upper =
            first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '…');
        let wc = word_count(content);
        // What lies between the left attribution and the quote.
        let between_attr = match attr {
            Some(a) if a.side == Side::Before && a.end <= m.open => text[a.end..m.open].trim(),
            _ => lead,
        };
        let starts_sentence = lead.is_empty()
            || lead.ends_with(':')
            || between_attr.is_empty()
            || matches!(between_attr, "," | ":" | "that" | ", that" | "—" | "-")
            || left_empty && !lead.is_empty() && lead.ends_with([',', '—'])
            // `X pointed out in December, "…"`: only a short adjunct after the cue.
            || attr.is_some_and(|a| a.side == Side::Before)
                && between_attr.ends_with([',', ':'])
                && word_count(between_attr) <= 5
                && !between_attr.contains(['.', ';']);
        if m.cont_prev {
            return QuoteKind::Direct;
        }
        // A title ("Meet the Press", "The Walking Dead"): named, not quoted.
        let title = is_title_case(content.trim_end_matches(['.', ',']));
        let bare_title = title && attr.is_none() && !content.ends_with(['.', ',']) && wc <= 4;
        if bare_title
            || title
                && (!starts_sentence || lead.ends_with(|c: char| c.is_lowercase()))
                && !(starts_sentence && attr.is_some_and(|a| a.side == Side::After))
        {
            return QuoteKind::Scare;
        }
        if starts_sentence && (upper || wc >= 8) {
            return QuoteKind::Direct;
        }
        if attr.is_some() || rumour {
            return QuoteKind::Partial;
        }
        if self.echoes_heading(content) {
            return QuoteKind::Scare;
        }
        if starts_sentence && wc >= 4 {
            return QuoteKind::Direct;
        }
        if wc <= 4 {
            QuoteKind::Scare
        } else {
            QuoteKind::Partial
        }
    }

    /// The quoted words repeat a title, heading or removed chrome line.
    pub(crate) fn echoes_heading(&self, content: &str) -> bool {
        let n = norm_words(content);
        if word_count(content) < 3 || n.is_empty() {
            return false;
        }
        self.headings.iter().any(|l| l.contains(&n))
    }

    pub(crate) fn heading_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .paras
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading))
            .map(|p| norm_words(&self.text[p.span.start..p.span.end]))
            .collect();
        lines.extend(self.doc.chrome.iter().map(|c| norm_words(&c.text)));
        if let Some(t) = &self.doc.meta.title {
            lines.push(norm_words(t));
        }
        // Title-case lines in the body (teasers kept in the text).
        for p in &self.paras {
            let t = &self.text[p.span.start..p.span.end];
            let ws: Vec<&str> = t.split_whitespace().collect();
            if ws.len() >= 3 && ws.len() <= 20 && !t.contains(['“', '"']) {
                let caps = ws
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                    .count();
                if caps * 10 >= ws.len() * 7 {
                    lines.push(norm_words(t));
                }
            }
        }
        lines
    }
}

/// A headline or section title: no sentence punctuation anywhere and mostly
/// capitalised words ("Trump Is Trying To Win").
pub(crate) fn headline_like(s: &str) -> bool {
    let s = s.trim();
    if s.contains(['.', '?', '!']) {
        return false;
    }
    let ws: Vec<&str> = s.split_whitespace().collect();
    let caps = ws
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase())
        })
        .count();
    ws.len() >= 3 && caps * 10 >= ws.len() * 6
}

/// Short title-case text without sentence punctuation: a name of a work or show.
pub(crate) fn is_title_case(s: &str) -> bool {
    if s.ends_with(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 8 {
        return false;
    }
    let mut caps = 0;
    for w in &ws {
        let first = w.chars().find(|c| c.is_alphanumeric());
        match first {
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => caps += 1,
            Some(_) if unspin_lex::grammar::TITLE_SMALL_WORDS.contains(&w.to_lowercase()) => {}
            Some(_) => return false,
            None => {}
        }
    }
    caps >= 1
        && (ws.len() > 1
            || caps == 1
                && ws[0].chars().filter(|c| c.is_uppercase()).count() >= 1
                && ws[0].len() > 1)
}

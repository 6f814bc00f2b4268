//! A small hand-built, fully layered [`Doc`] (with curly quotes, accents and an emoji)
//! for this crate's tests of the renderers and the JSON checks, independent of the
//! pipeline stages. Test-only: not part of the crate's API.

use unspin_doc::*;

/// The fixture article's clean text (paragraphs separated by a blank line).
pub const TEXT: &str = "Mayor’s “bold” housing plan faces doubts 🏠\n\n\
Mayor Elena Ruiz unveiled a housing plan on Monday that critics call a “reckless gamble.”\n\n\
“This plan will build 10,000 homes in Valparaíso by 2030,” Ruiz said. “Nobody can stop us now.”\n\n\
The Daily Ledger reported that the budget is short by $40 million, but the Harbor Times credited the same report to city auditors. Sources close to the council say the vote is likely to fail.\n\n\
Councillor Tom Beck dismissed the mayor as “a dreamer with a calculator” and said the plan would bankrupt the city. It is rumored that developers wrote parts of it.";

/// Byte span of the `n`th (0-based) occurrence of `needle` in `text`.
pub fn nth(text: &str, needle: &str, n: usize) -> Span {
    let mut from = 0;
    for i in 0.. {
        let at = from
            + text[from..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} occurrence {n} not in text"));
        if i == n {
            return Span::new(at, at + needle.len());
        }
        from = at + needle.len();
    }
    unreachable!()
}

/// The fixture document: every layer filled by hand.
pub fn doc() -> Doc {
    let t = TEXT;
    let s = |needle: &str| nth(t, needle, 0);
    let mut d = Doc::new(t);
    d.input = Input {
        path: "fixtures/housing.txt".into(),
        format: "text".into(),
        bytes: t.len() as u64 + 64,
    };
    d.meta = Meta {
        title: Some("Mayor’s “bold” housing plan faces doubts 🏠".into()),
        byline: vec!["Ana Lee".into()],
        published: Some("2025-03-14".into()),
        outlet: Some("Harbor Gazette".into()),
        language: Some("en".into()),
        url: Some("https://example.com/news/housing-plan".into()),
    };
    d.chrome = vec![
        Chrome {
            text: "Advertisement".into(),
            kind: ChromeKind::Ad,
        },
        Chrome {
            text: "Sign up for our newsletter".into(),
            kind: ChromeKind::CallToAction,
        },
        Chrome {
            text: "Photo: Harbor Gazette".into(),
            kind: ChromeKind::Credit,
        },
    ];
    // Paragraphs: split on blank lines; the first is the title.
    let mut start = 0;
    for (i, p) in t.split("\n\n").enumerate() {
        let kind = if i == 0 {
            ParagraphKind::Title
        } else {
            ParagraphKind::Body
        };
        d.paragraphs.push(Paragraph {
            span: Span::new(start, start + p.len()),
            kind,
        });
        start += p.len() + 2;
    }
    let sentences = [
        ("Mayor’s “bold” housing plan faces doubts 🏠", Attribution::Own, false, false),
        ("Mayor Elena Ruiz unveiled a housing plan on Monday that critics call a “reckless gamble.”", Attribution::Own, true, false),
        ("“This plan will build 10,000 homes in Valparaíso by 2030,” Ruiz said.", Attribution::Quoted, false, false),
        ("“Nobody can stop us now.”", Attribution::Quoted, false, false),
        ("The Daily Ledger reported that the budget is short by $40 million, but the Harbor Times credited the same report to city auditors.", Attribution::Attributed, false, false),
        ("Sources close to the council say the vote is likely to fail.", Attribution::Anonymous, false, true),
        ("Councillor Tom Beck dismissed the mayor as “a dreamer with a calculator” and said the plan would bankrupt the city.", Attribution::Attributed, true, false),
        ("It is rumored that developers wrote parts of it.", Attribution::Anonymous, false, true),
    ];
    for (text, attribution, opinion, speculation) in sentences {
        let span = s(text);
        let paragraph = d
            .paragraphs
            .iter()
            .position(|p| p.span.contains(&span))
            .expect("sentence inside a paragraph");
        d.sentences.push(Sentence {
            span,
            paragraph,
            attribution,
            opinion,
            speculation,
        });
    }
    // Tokens: words and punctuation, enough for helpers that read them.
    let mut tokens = Vec::new();
    let mut word_start: Option<usize> = None;
    for (b, c) in t.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(b);
            continue;
        }
        if let Some(ws) = word_start.take() {
            tokens.push(Span::new(ws, b));
        }
        if !c.is_whitespace() {
            tokens.push(Span::new(b, b + c.len_utf8()));
        }
    }
    if let Some(ws) = word_start {
        tokens.push(Span::new(ws, t.len()));
    }
    d.tokens = tokens
        .into_iter()
        .filter_map(|span| {
            let sentence = d.sentence_at(span.start)?;
            Some(Token {
                span,
                sentence,
                ..Default::default()
            })
        })
        .collect();

    let mention = |span: Span, reference: bool| Mention { span, reference };
    d.entities = vec![
        Entity {
            id: "e0".into(),
            name: "Elena Ruiz".into(),
            kind: EntityKind::Person,
            mentions: vec![
                mention(s("Mayor Elena Ruiz"), false),
                mention(nth(t, "Ruiz", 1), false),
                mention(s("the mayor"), true),
            ],
        },
        Entity {
            id: "e1".into(),
            name: "Valparaíso".into(),
            kind: EntityKind::Place,
            mentions: vec![mention(s("Valparaíso"), false)],
        },
        Entity {
            id: "e2".into(),
            name: "The Daily Ledger".into(),
            kind: EntityKind::Outlet,
            mentions: vec![mention(s("The Daily Ledger"), false)],
        },
        Entity {
            id: "e3".into(),
            name: "Harbor Times".into(),
            kind: EntityKind::Outlet,
            mentions: vec![mention(s("Harbor Times"), false)],
        },
        Entity {
            id: "e4".into(),
            name: "Tom Beck".into(),
            kind: EntityKind::Person,
            mentions: vec![mention(s("Councillor Tom Beck"), false)],
        },
    ];
    let ruiz = Speaker {
        span: nth(t, "Ruiz", 1),
        entity: Some(0),
        name: "Elena Ruiz".into(),
    };
    let beck = Speaker {
        span: s("Councillor Tom Beck"),
        entity: Some(4),
        name: "Tom Beck".into(),
    };
    d.quotes = vec![
        Quote {
            span: s("reckless gamble."),
            kind: QuoteKind::Partial,
            speaker: None,
            cue: None,
        },
        Quote {
            span: s("This plan will build 10,000 homes in Valparaíso by 2030,"),
            kind: QuoteKind::Direct,
            speaker: Some(ruiz.clone()),
            cue: Some(s("said")),
        },
        Quote {
            span: s("Nobody can stop us now."),
            kind: QuoteKind::Direct,
            speaker: Some(ruiz),
            cue: Some(s("said")),
        },
        Quote {
            span: s("a dreamer with a calculator"),
            kind: QuoteKind::Partial,
            speaker: Some(beck.clone()),
            cue: Some(s("dismissed")),
        },
        Quote {
            span: s("the plan would bankrupt the city"),
            kind: QuoteKind::Indirect,
            speaker: Some(beck),
            cue: Some(nth(t, "said", 1)),
        },
    ];
    d.sources = vec![
        Source {
            entity: Some(2),
            name: "The Daily Ledger".into(),
            kind: SourceKind::Outlet,
            mentions: vec![s("The Daily Ledger reported")],
        },
        Source {
            entity: Some(3),
            name: "Harbor Times".into(),
            kind: SourceKind::Outlet,
            mentions: vec![s("Harbor Times credited")],
        },
        Source {
            entity: Some(0),
            name: "Elena Ruiz".into(),
            kind: SourceKind::Person,
            mentions: vec![s("Ruiz said")],
        },
        Source {
            entity: None,
            name: "Sources close to the council".into(),
            kind: SourceKind::Anonymous,
            mentions: vec![s("Sources close to the council say")],
        },
        Source {
            entity: None,
            name: "rumour".into(),
            kind: SourceKind::Rumour,
            mentions: vec![s("It is rumored")],
        },
    ];
    d.findings = vec![
        Finding {
            kind: FindingKind::AnonymousSourcing,
            message: "A prediction about the vote rests on unnamed sources.".into(),
            spans: vec![s("Sources close to the council say")],
        },
        Finding {
            kind: FindingKind::SourceConflict,
            message: "The same report is credited to The Daily Ledger and to the Harbor Times."
                .into(),
            spans: vec![s("The Daily Ledger reported"), s("Harbor Times credited")],
        },
        Finding {
            kind: FindingKind::UnattributedQuote,
            message: "A quotation has no speaker.".into(),
            spans: vec![s("reckless gamble.")],
        },
        Finding {
            kind: FindingKind::Rumour,
            message: "A claim is passed on as rumour with no source.".into(),
            spans: vec![s("It is rumored")],
        },
    ];
    d.techniques = vec![
        Technique {
            span: s("reckless gamble"),
            technique: TechniqueName::LoadedLanguage,
            score: 0.82,
            triggers: vec![s("reckless")],
        },
        Technique {
            span: s("is likely to fail"),
            technique: TechniqueName::Speculation,
            score: 0.7,
            triggers: vec![s("likely")],
        },
        Technique {
            span: s("a dreamer with a calculator"),
            technique: TechniqueName::NameCalling,
            score: 0.9,
            triggers: vec![s("a dreamer with a calculator")],
        },
        Technique {
            span: s("bankrupt the city"),
            technique: TechniqueName::Exaggeration,
            score: 0.61,
            triggers: vec![s("bankrupt")],
        },
    ];
    d.warnings = vec!["2 invalid UTF-8 sequences replaced".into()];
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_is_consistent() {
        let d = doc();
        assert_eq!(d.paragraphs.len(), 5);
        assert_eq!(d.slice(d.paragraphs[2].span).chars().next(), Some('“'));
        assert!(d.tokens.len() > 80);
        for q in &d.quotes {
            assert!(d.sentence_at(q.span.start).is_some());
        }
        assert_eq!(d.entity_at(nth(TEXT, "Ruiz", 1)), Some(0));
    }
}

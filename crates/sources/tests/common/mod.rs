//! Builds `Doc`s by hand, with the layers the earlier stages would add, so these
//! tests do not depend on the entities and quotes stages (the token layer is the
//! segmenter's).
#![allow(dead_code)]

use unspin_doc::*;

/// A hand-built document.
pub struct B {
    pub doc: Doc,
}

/// Finds `needle` at or after byte `from` at word boundaries.
fn find_word(text: &str, needle: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = text[at..].find(needle) {
        let s = at + i;
        let e = s + needle.len();
        let before = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(s);
        }
        at = s + needle.len().max(1);
    }
    None
}

pub fn span_of(text: &str, needle: &str) -> Span {
    let s = find_word(text, needle, 0).unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(s, s + needle.len())
}

impl B {
    /// Paragraphs split on blank lines (a first paragraph `# …` is a title),
    /// sentences split after `.`, `?` or `!` (and a closing quote) before a space.
    pub fn new(text: &str) -> B {
        let mut doc = Doc::new(text);
        let mut start = 0;
        for part in text.split("\n\n") {
            let s = start;
            let e = s + part.len();
            start = e + 2;
            if part.trim().is_empty() {
                continue;
            }
            let kind = if part.starts_with("# ") {
                ParagraphKind::Title
            } else {
                ParagraphKind::Body
            };
            doc.paragraphs.push(Paragraph {
                span: Span::new(s, e),
                kind,
            });
        }
        let bytes = text.as_bytes();
        for (pi, p) in doc.paragraphs.clone().iter().enumerate() {
            let mut s = p.span.start;
            let mut i = s;
            while i < p.span.end {
                let c = bytes[i];
                if matches!(c, b'.' | b'?' | b'!') {
                    let mut e = i + 1;
                    while e < p.span.end && matches!(bytes[e], b'"') {
                        e += 1;
                    }
                    if e == p.span.end || bytes[e] == b' ' {
                        doc.sentences.push(Sentence {
                            span: Span::new(s, e),
                            paragraph: pi,
                            attribution: Attribution::Own,
                            opinion: false,
                            speculation: false,
                        });
                        s = e;
                        while s < p.span.end && bytes[s] == b' ' {
                            s += 1;
                        }
                        i = s;
                        continue;
                    }
                }
                i += 1;
            }
            if s < p.span.end {
                doc.sentences.push(Sentence {
                    span: Span::new(s, p.span.end),
                    paragraph: pi,
                    attribution: Attribution::Own,
                    opinion: false,
                    speculation: false,
                });
            }
        }
        B { doc }
    }

    /// Adds an entity whose mentions are every word-bounded occurrence of each
    /// name (`refs` are references such as "the magazine"). Returns its index.
    pub fn ent(&mut self, name: &str, kind: EntityKind, names: &[&str], refs: &[&str]) -> usize {
        let text = self.doc.text.clone();
        let mut mentions = Vec::new();
        for (list, reference) in [(names, false), (refs, true)] {
            for n in list.iter() {
                let mut at = 0;
                while let Some(s) = find_word(&text, n, at) {
                    let span = Span::new(s, s + n.len());
                    if mentions.iter().any(|m: &Mention| m.span.overlaps(&span)) {
                        at = s + n.len();
                        continue;
                    }
                    mentions.push(Mention {
                        span: Span::new(s, s + n.len()),
                        reference,
                    });
                    at = s + n.len();
                }
            }
        }
        mentions.sort_by_key(|m| m.span);
        let i = self.doc.entities.len();
        self.doc.entities.push(Entity {
            id: format!("e{i}"),
            name: name.to_string(),
            kind,
            mentions,
        });
        i
    }

    /// Adds a quote of `content` (its first occurrence) with an optional speaker
    /// (the occurrence of its words nearest the quote) and cue.
    pub fn quote(
        &mut self,
        content: &str,
        kind: QuoteKind,
        speaker: Option<(&str, Option<usize>)>,
        cue: Option<&str>,
    ) {
        let text = self.doc.text.clone();
        let q = text
            .find(content)
            .unwrap_or_else(|| panic!("{content:?} not in text"));
        let qspan = Span::new(q, q + content.len());
        let nearest = |w: &str| {
            let mut best: Option<usize> = None;
            let mut at = 0;
            while let Some(s) = find_word(&text, w, at) {
                let d = |x: usize| if x < q { q - x } else { x - qspan.end };
                if best.is_none_or(|b| d(s) < d(b)) && !(s >= q && s < qspan.end) {
                    best = Some(s);
                }
                at = s + w.len();
            }
            let s = best.unwrap_or_else(|| panic!("{w:?} not in text"));
            Span::new(s, s + w.len())
        };
        let speaker = speaker.map(|(w, entity)| Speaker {
            span: nearest(w),
            entity,
            name: match entity {
                Some(e) => self.doc.entities[e].name.clone(),
                None => w.to_string(),
            },
        });
        let cue = cue.map(nearest);
        self.doc.quotes.push(Quote {
            span: qspan,
            kind,
            speaker,
            cue,
        });
        self.doc.quotes.sort_by_key(|q| q.span);
    }

    /// Runs the sources stage.
    pub fn run(mut self) -> Doc {
        // The token layer as the segmenter lays it down (tokens do not depend on
        // where the hand-built sentences end).
        let mut seg = Doc::new(self.doc.text.clone());
        seg.paragraphs = self.doc.paragraphs.clone();
        unspin_segment::segment(&mut seg);
        self.doc.tokens = seg.tokens;
        self.doc.token_forms = seg.token_forms;
        unspin_sources::detect(&mut self.doc);
        self.doc
    }
}

/// The attribution of the sentence containing `needle`.
pub fn attr_of(doc: &Doc, needle: &str) -> Attribution {
    let s = span_of(&doc.text, needle);
    let i = doc.sentence_at(s.start).expect("sentence");
    doc.sentences[i].attribution
}

pub fn kinds<'a>(doc: &'a Doc, kind: &str) -> Vec<&'a Finding> {
    doc.findings.iter().filter(|f| f.kind == kind).collect()
}

pub fn source<'a>(doc: &'a Doc, name: &str) -> Option<&'a Source> {
    doc.sources.iter().find(|s| s.name == name)
}

//! Rebuilds a [`Doc`] from its `unspin/1` JSON (character offsets back to bytes),
//! so that stored reports can be rendered again. Tokens are not in the JSON and
//! stay empty; a cue is placed by `cue_start`/`cue_end`, or, in reports written
//! before those were added, found again as the nearest occurrence of its text.

use serde_json::Value;
use unspin_doc::offsets::ByteIndex;
use unspin_doc::*;

/// The report's character offsets as byte offsets into its text.
struct Bytes(ByteIndex);

impl Bytes {
    fn new(text: &str) -> Self {
        Bytes(ByteIndex::new(text))
    }
    fn at(&self, c: &Value) -> usize {
        self.0.byte_of(c.as_u64().unwrap_or(0) as usize)
    }
    fn span(&self, v: &Value) -> Span {
        let s = self.at(&v["start"]);
        let e = self.at(&v["end"]).max(s);
        Span::new(s, e)
    }
    /// A quote's `cue_start`/`cue_end` as a byte span, when both are offsets in the text.
    fn cue_span(&self, q: &Value) -> Option<Span> {
        let at = |k: &str| self.0.get(q[k].as_u64()? as usize);
        let (s, e) = (at("cue_start")?, at("cue_end")?);
        (s <= e).then(|| Span::new(s, e))
    }
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

// Kind names come from the registry (`unspin_doc::kinds`); a name it does not know
// (a report from another version) reads as the family's catch-all value.

fn entity_kind(k: &str) -> EntityKind {
    EntityKind::parse(k).unwrap_or(EntityKind::Misc)
}

fn quote_kind(k: &str) -> QuoteKind {
    QuoteKind::parse(k).unwrap_or(QuoteKind::Direct)
}

fn source_kind(k: &str) -> SourceKind {
    SourceKind::parse(k).unwrap_or(SourceKind::Rumour)
}

fn para_kind(k: &str) -> ParagraphKind {
    ParagraphKind::parse(k).unwrap_or(ParagraphKind::Body)
}

fn attribution(k: &str) -> Attribution {
    Attribution::parse(k).unwrap_or_default()
}

/// The nearest occurrence of `needle` to `near`, as a span.
fn nearest(text: &str, needle: &str, near: Span) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let lo = near.start.saturating_sub(400);
    let hi = (near.end + 400).min(text.len());
    let lo = (0..=lo).rev().find(|&i| text.is_char_boundary(i))?;
    let hi = (hi..=text.len()).find(|&i| text.is_char_boundary(i))?;
    text[lo..hi]
        .match_indices(needle)
        .map(|(i, m)| Span::new(lo + i, lo + i + m.len()))
        .filter(|sp| !sp.overlaps(&near))
        .min_by_key(|sp| {
            if sp.end <= near.start {
                near.start - sp.end
            } else {
                sp.start.saturating_sub(near.end)
            }
        })
}

/// Rebuilds a document from its `unspin/1` JSON report.
pub fn doc_from_json(v: &Value) -> Result<Doc, String> {
    if v["schema"].as_str() != Some(unspin_doc::SCHEMA) {
        return Err(format!("not an {} report", unspin_doc::SCHEMA));
    }
    let text = v["text"].as_str().ok_or("report has no text")?.to_string();
    let b = Bytes::new(&text);
    let mut doc = Doc::new(text);
    doc.input = Input {
        path: s(&v["input"]["path"]).unwrap_or_default(),
        format: s(&v["input"]["format"]).unwrap_or_default(),
        bytes: v["input"]["bytes"].as_u64().unwrap_or(0),
    };
    let m = &v["meta"];
    doc.meta = Meta {
        title: s(&m["title"]),
        byline: arr(&m["byline"]).iter().filter_map(s).collect(),
        published: s(&m["published"]),
        outlet: s(&m["outlet"]),
        language: s(&m["language"]),
        url: s(&m["url"]),
    };
    doc.chrome = arr(&v["chrome"])
        .iter()
        .map(|c| Chrome {
            text: s(&c["text"]).unwrap_or_default(),
            kind: ChromeKind::parse(c["kind"].as_str().unwrap_or("")).unwrap_or(ChromeKind::Other),
        })
        .collect();
    doc.paragraphs = arr(&v["paragraphs"])
        .iter()
        .map(|p| Paragraph {
            span: b.span(p),
            kind: para_kind(p["kind"].as_str().unwrap_or("")),
        })
        .collect();
    doc.sentences = arr(&v["sentences"])
        .iter()
        .map(|x| {
            let span = b.span(x);
            let paragraph = doc
                .paragraphs
                .iter()
                .position(|p| p.span.contains(&span) || p.span.overlaps(&span))
                .unwrap_or(0);
            Sentence {
                span,
                paragraph,
                attribution: attribution(x["attribution"].as_str().unwrap_or("")),
                opinion: x["opinion"].as_bool().unwrap_or(false),
                speculation: x["speculation"].as_bool().unwrap_or(false),
            }
        })
        .collect();
    doc.entities = arr(&v["entities"])
        .iter()
        .map(|e| Entity {
            id: s(&e["id"]).unwrap_or_default(),
            name: s(&e["name"]).unwrap_or_default(),
            kind: entity_kind(e["kind"].as_str().unwrap_or("")),
            mentions: arr(&e["mentions"])
                .iter()
                .map(|m| Mention {
                    span: b.span(m),
                    reference: false,
                })
                .collect(),
        })
        .collect();
    let eidx = |x: &Value| -> Option<usize> {
        let id = x.as_str()?;
        doc.entities.iter().position(|e| e.id == id)
    };
    let mut quotes = vec![];
    for q in arr(&v["quotes"]) {
        let span = b.span(q);
        let speaker = match &q["speaker"] {
            Value::Object(_) => Some(Speaker {
                span: b.span(&q["speaker"]),
                entity: eidx(&q["speaker"]["entity"]),
                name: s(&q["speaker"]["name"]).unwrap_or_default(),
            }),
            _ => None,
        };
        let cue = q["cue"].as_str().and_then(|c| {
            // `cue_start`/`cue_end` when the report has them and they hold the cue;
            // reports written before they were added: the nearest occurrence.
            let at = b
                .cue_span(q)
                .filter(|&sp| doc.text.get(sp.start..sp.end) == Some(c));
            at.or_else(|| nearest(&doc.text, c, span))
        });
        quotes.push(Quote {
            span,
            kind: quote_kind(q["kind"].as_str().unwrap_or("")),
            speaker,
            cue,
        });
    }
    let sources = arr(&v["sources"])
        .iter()
        .map(|x| Source {
            entity: eidx(&x["entity"]),
            name: s(&x["name"]).unwrap_or_default(),
            kind: source_kind(x["kind"].as_str().unwrap_or("")),
            mentions: arr(&x["mentions"]).iter().map(|m| b.span(m)).collect(),
        })
        .collect();
    doc.quotes = quotes;
    doc.sources = sources;
    doc.findings = arr(&v["findings"])
        .iter()
        // A kind this version does not know (a newer report) is left out.
        .filter_map(|f| {
            Some(Finding {
                kind: FindingKind::parse(f["kind"].as_str()?)?,
                message: s(&f["message"]).unwrap_or_default(),
                spans: arr(&f["spans"]).iter().map(|m| b.span(m)).collect(),
            })
        })
        .collect();
    doc.techniques = arr(&v["techniques"])
        .iter()
        .filter_map(|t| {
            Some(Technique {
                span: b.span(t),
                technique: TechniqueName::parse(t["technique"].as_str()?)?,
                score: t["score"].as_f64().unwrap_or(0.0) as f32,
                // Reports written before triggers were recorded have none.
                triggers: arr(&t["triggers"]).iter().map(|m| b.span(m)).collect(),
            })
        })
        .collect();
    doc.warnings = arr(&v["warnings"]).iter().filter_map(s).collect();
    Ok(doc)
}

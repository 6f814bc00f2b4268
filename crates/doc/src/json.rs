//! The public JSON form of a [`Doc`] (schema `unspin/1`): byte spans become
//! Unicode character offsets into `text`, end exclusive.

use crate::offsets::CharIndex;
use crate::{Doc, Span, SCHEMA};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{json, Value};

fn span_json(doc: &Doc, ix: &CharIndex, s: Span) -> Value {
    json!({"start": ix.char_of(s.start), "end": ix.char_of(s.end), "text": doc.slice(s)})
}

/// Builds the `unspin/1` JSON report of a document as a tree. To write it, prefer
/// [`Report`], which gives the same bytes without holding the whole tree.
pub fn to_json(doc: &Doc) -> Value {
    serde_json::to_value(Report(doc)).unwrap_or(Value::Null)
}

/// The `unspin/1` report of a document as a streaming [`Serialize`]: each array
/// element is built and written on its own, so writing a report costs memory for
/// one element at a time, not for a tree of the whole document (which took more
/// than the document itself on quote-heavy texts).
pub struct Report<'a>(pub &'a Doc);

/// An array written element by element, each built when it is written.
struct Each<'a, T, F: Fn(&T) -> Value>(&'a [T], F);

impl<T, F: Fn(&T) -> Value> Serialize for Each<'_, T, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for x in self.0 {
            seq.serialize_element(&(self.1)(x))?;
        }
        seq.end()
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let ix = CharIndex::new(&doc.text);
        let ix = &ix;
        let eid = |i: Option<usize>| -> Value {
            match i.and_then(|i| doc.entities.get(i)) {
                Some(e) => Value::String(e.id.clone()),
                None => Value::Null,
            }
        };
        let mut m = s.serialize_map(Some(13))?;
        m.serialize_entry("schema", SCHEMA)?;
        m.serialize_entry(
            "input",
            &json!({"path": doc.input.path, "format": doc.input.format, "bytes": doc.input.bytes}),
        )?;
        m.serialize_entry(
            "meta",
            &json!({
                "title": doc.meta.title, "byline": doc.meta.byline, "published": doc.meta.published,
                "outlet": doc.meta.outlet, "language": doc.meta.language, "url": doc.meta.url,
            }),
        )?;
        m.serialize_entry("text", &doc.text)?;
        m.serialize_entry(
            "chrome",
            &Each(
                &doc.chrome,
                |c| json!({"text": c.text, "kind": c.kind.as_str()}),
            ),
        )?;
        m.serialize_entry(
            "paragraphs",
            &Each(&doc.paragraphs, |p| {
                json!({
                    "start": ix.char_of(p.span.start), "end": ix.char_of(p.span.end), "kind": p.kind.as_str(),
                })
            }),
        )?;
        m.serialize_entry(
            "sentences",
            &Each(&doc.sentences, |s| {
                json!({
                    "start": ix.char_of(s.span.start), "end": ix.char_of(s.span.end),
                    "attribution": s.attribution.as_str(), "opinion": s.opinion, "speculation": s.speculation,
                })
            }),
        )?;
        m.serialize_entry(
            "entities",
            &Each(&doc.entities, |e| {
                json!({
                    "id": e.id, "name": e.name, "kind": e.kind.as_str(),
                    "mentions": e.mentions.iter().map(|m| span_json(doc, ix, m.span)).collect::<Vec<_>>(),
                })
            }),
        )?;
        m.serialize_entry(
            "quotes",
            &Each(&doc.quotes, |q| {
                json!({
                    "start": ix.char_of(q.span.start), "end": ix.char_of(q.span.end), "text": doc.slice(q.span),
                    "kind": q.kind.as_str(),
                    "speaker": q.speaker.as_ref().map(|s| json!({
                        "text": doc.slice(s.span), "start": ix.char_of(s.span.start), "end": ix.char_of(s.span.end),
                        "entity": eid(s.entity), "name": s.name,
                    })),
                    "cue": q.cue.map(|c| doc.slice(c).to_string()),
                    // Added to unspin/1 after `cue` (additive): where the cue is, in characters.
                    "cue_start": q.cue.map(|c| ix.char_of(c.start)),
                    "cue_end": q.cue.map(|c| ix.char_of(c.end)),
                })
            }),
        )?;
        m.serialize_entry(
            "sources",
            &Each(&doc.sources, |s| {
                json!({
                    "entity": eid(s.entity), "name": s.name, "kind": s.kind.as_str(),
                    "mentions": s.mentions.iter().map(|m| span_json(doc, ix, *m)).collect::<Vec<_>>(),
                })
            }),
        )?;
        m.serialize_entry(
            "findings",
            &Each(&doc.findings, |f| {
                json!({
                    "kind": f.kind.as_str(), "message": f.message,
                    "spans": f.spans.iter().map(|m| span_json(doc, ix, *m)).collect::<Vec<_>>(),
                })
            }),
        )?;
        m.serialize_entry(
            "techniques",
            &Each(&doc.techniques, |t| {
                json!({
                    "start": ix.char_of(t.span.start), "end": ix.char_of(t.span.end), "text": doc.slice(t.span),
                    "technique": t.technique.as_str(), "score": (t.score as f64 * 1000.0).round() / 1000.0,
                    "triggers": t.triggers.iter().map(|m| span_json(doc, ix, *m)).collect::<Vec<_>>(),
                })
            }),
        )?;
        m.serialize_entry("warnings", &doc.warnings)?;
        m.end()
    }
}

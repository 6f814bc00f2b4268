//! CoNLL column files: appending predicted tags (`unspin tag --conll`). Reading gold
//! data for training and scoring is `unspin-train`'s (`unspin_train::ner::read_conll`).

use crate::model::Model;
use crate::tags::Tag;

/// Whether `line` opens a document (`-DOCSTART-` as its first column).
pub fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some("-DOCSTART-")
}

/// Splits a line into its content and its line ending (`\n`, `\r\n` or none).
fn split_eol(line: &str) -> (&str, &str) {
    if let Some(s) = line.strip_suffix("\r\n") {
        (s, "\r\n")
    } else if let Some(s) = line.strip_suffix('\n') {
        (s, "\n")
    } else {
        (line, "")
    }
}

pub(crate) fn tag_conll_with(model: &Model, input: &str) -> String {
    // Pass 1: group token lines into sentences and documents (by line index).
    let lines: Vec<&str> = input.split_inclusive('\n').collect();
    let mut docs: Vec<Vec<Vec<usize>>> = vec![Vec::new()];
    let mut sent: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let (c, _) = split_eol(l);
        if c.trim().is_empty() {
            if !sent.is_empty() {
                docs.last_mut()
                    .expect("doc")
                    .push(std::mem::take(&mut sent));
            }
        } else if is_docstart(c) {
            if !sent.is_empty() {
                docs.last_mut()
                    .expect("doc")
                    .push(std::mem::take(&mut sent));
            }
            docs.push(Vec::new());
        } else {
            sent.push(i);
        }
    }
    if !sent.is_empty() {
        docs.last_mut().expect("doc").push(sent);
    }
    // Pass 2: tag each document.
    let mut tag_of: Vec<Option<Tag>> = vec![None; lines.len()];
    for doc in &docs {
        let sents: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| {
                s.iter()
                    .map(|&i| {
                        split_eol(lines[i])
                            .0
                            .split_whitespace()
                            .next()
                            .expect("token line")
                    })
                    .collect()
            })
            .collect();
        // The first sentence of a document is its headline (as in Reuters CoNLL files).
        let tags = model.tag_document_headlines(&sents, &[true]);
        for (s, ts) in doc.iter().zip(tags) {
            for (&i, t) in s.iter().zip(ts) {
                tag_of[i] = Some(t);
            }
        }
    }
    // Pass 3: write every line back with the tag appended.
    let mut out = String::with_capacity(input.len() + input.len() / 3);
    for (i, l) in lines.iter().enumerate() {
        let (c, eol) = split_eol(l);
        let tag = match tag_of[i] {
            Some(t) => Some(t.as_str()),
            None if is_docstart(c) => Some("O"),
            None => None,
        };
        out.push_str(c);
        if let Some(t) = tag {
            out.push(if c.contains('\t') { '\t' } else { ' ' });
            out.push_str(t);
        }
        out.push_str(eol);
    }
    out
}

//! CoNLL column files as gold data: token first, gold IOB2 tag last.

use unspin_ner::conll::is_docstart;
use unspin_ner::Tag;

/// One sentence with its gold tags (last column).
#[derive(Debug, Clone)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Reads a CoNLL file (token first, gold IOB2 tag last; whitespace-only lines end a
/// sentence; `-DOCSTART-` opens a document). A file without `-DOCSTART-` is one document.
pub fn read_conll(text: &str) -> Result<Vec<Document>, String> {
    let mut docs = vec![Document::default()];
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    let flush = |docs: &mut Vec<Document>, cur: &mut Sentence| {
        if cur.tokens.is_empty() {
            return;
        }
        let s = std::mem::replace(
            cur,
            Sentence {
                tokens: Vec::new(),
                tags: Vec::new(),
            },
        );
        match docs.last_mut() {
            Some(d) => d.sentences.push(s),
            None => docs.push(Document { sentences: vec![s] }),
        }
    };
    for (ln, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            flush(&mut docs, &mut cur);
            continue;
        }
        if is_docstart(line) {
            flush(&mut docs, &mut cur);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(tok) = cols.next() else { continue };
        let tag = cols.next_back().unwrap_or("O");
        let tag = Tag::parse(tag).ok_or_else(|| format!("line {}: unknown tag {tag:?}", ln + 1))?;
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag);
    }
    flush(&mut docs, &mut cur);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

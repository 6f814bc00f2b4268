//! IOB2 labels over the four CoNLL entity types.

use std::fmt;

/// One of the four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntType {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntType {
    pub const ALL: [EntType; 4] = [EntType::Per, EntType::Org, EntType::Loc, EntType::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntType::Per => "PER",
            EntType::Org => "ORG",
            EntType::Loc => "LOC",
            EntType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntType> {
        match s {
            "PER" => Some(EntType::Per),
            "ORG" => Some(EntType::Org),
            "LOC" => Some(EntType::Loc),
            "MISC" => Some(EntType::Misc),
            _ => None,
        }
    }

    /// Position in [`EntType::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// An IOB2 label: `O`, `B-X` (first token of an entity) or `I-X` (continuation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    O,
    B(EntType),
    I(EntType),
}

/// Number of labels the model scores (O + B/I for each of the four types).
pub const NL: usize = 9;

impl Tag {
    /// All labels in model order.
    pub const ALL: [Tag; NL] = [
        Tag::O,
        Tag::B(EntType::Per),
        Tag::I(EntType::Per),
        Tag::B(EntType::Org),
        Tag::I(EntType::Org),
        Tag::B(EntType::Loc),
        Tag::I(EntType::Loc),
        Tag::B(EntType::Misc),
        Tag::I(EntType::Misc),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::O => "O",
            Tag::B(EntType::Per) => "B-PER",
            Tag::I(EntType::Per) => "I-PER",
            Tag::B(EntType::Org) => "B-ORG",
            Tag::I(EntType::Org) => "I-ORG",
            Tag::B(EntType::Loc) => "B-LOC",
            Tag::I(EntType::Loc) => "I-LOC",
            Tag::B(EntType::Misc) => "B-MISC",
            Tag::I(EntType::Misc) => "I-MISC",
        }
    }

    /// Parses `O`, `B-X`, `I-X` for the four types; anything else is `None`.
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (bi, ty) = s.split_once('-')?;
        let ty = EntType::parse(ty)?;
        match bi {
            "B" => Some(Tag::B(ty)),
            "I" => Some(Tag::I(ty)),
            _ => None,
        }
    }

    pub fn entity_type(self) -> Option<EntType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// Position in [`Tag::ALL`] (the model's label order).
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * t.index(),
            Tag::I(t) => 2 + 2 * t.index(),
        }
    }

    /// The label at position `i` of [`Tag::ALL`].
    pub fn from_index(i: usize) -> Tag {
        Tag::ALL[i]
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// True when label `cur` may follow label `prev` in IOB2 (`prev == None`: sentence start).
pub(crate) fn allowed(prev: Option<usize>, cur: usize) -> bool {
    match Tag::from_index(cur) {
        Tag::I(t) => match prev {
            Some(p) => Tag::from_index(p).entity_type() == Some(t),
            None => false,
        },
        _ => true,
    }
}

/// An entity as a token range `[start, end)` with its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntType,
}

/// Entity spans of an IOB2 tag sequence (a stray `I-X` starts a new entity, as conlleval does).
pub fn entities(tags: &[Tag]) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    let mut cur: Option<EntitySpan> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, cur), (Tag::I(ty), Some(c)) if c.kind == ty);
        if continues {
            if let Some(c) = cur.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        if let Some(c) = cur.take() {
            out.push(c);
        }
        if let Some(kind) = t.entity_type() {
            cur = Some(EntitySpan {
                start: i,
                end: i + 1,
                kind,
            });
        }
    }
    out.extend(cur);
    out
}

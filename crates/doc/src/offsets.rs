//! Byte ↔ character offsets of one text: the only place they are converted.
//!
//! Inside Rust every span is a byte range into the text; the `unspin/1` JSON, the
//! store's columns and external annotations (brat `.ann`, PTC labels) count Unicode
//! characters. For many lookups into one text build a table once ([`CharIndex`]
//! for byte → char, [`ByteIndex`] for char → byte, each O(n) to build and O(1) per
//! lookup); for a single lookup use [`byte_to_char`] or [`char_to_byte`].

/// Maps byte offsets of one text to character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `chars[b]` = number of chars before byte `b` (valid at char boundaries).
    chars: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut chars = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        let mut last = 0usize;
        for (b, _) in text.char_indices() {
            for slot in chars.iter_mut().take(b + 1).skip(last) {
                *slot = n;
            }
            n += 1;
            last = b + 1;
        }
        for slot in chars.iter_mut().skip(last) {
            *slot = n;
        }
        // Byte position text.len() maps to the total char count.
        if let Some(l) = chars.last_mut() {
            *l = n;
        }
        CharIndex { chars }
    }

    /// Character offset of byte offset `b` (clamped to the text). A byte inside a
    /// multi-byte character maps to the character after it.
    pub fn char_of(&self, b: usize) -> usize {
        self.chars[b.min(self.chars.len() - 1)] as usize
    }
}

/// Maps character offsets of one text to byte offsets.
#[derive(Debug, Clone)]
pub struct ByteIndex {
    /// `bytes[c]` = byte offset of char `c`; one extra entry for the end.
    bytes: Vec<usize>,
}

impl ByteIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        ByteIndex { bytes }
    }

    /// Byte offset of character offset `c`; past the end, the text's length.
    pub fn byte_of(&self, c: usize) -> usize {
        self.bytes[c.min(self.bytes.len() - 1)]
    }

    /// Byte offset of character offset `c`, or `None` past the end (`c` equal to
    /// the number of characters is the end, not past it).
    pub fn get(&self, c: usize) -> Option<usize> {
        self.bytes.get(c).copied()
    }

    /// Number of characters in the text.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }
}

/// Character offset of byte offset `b` of `text` (one lookup, O(b); clamped to
/// the text; a byte inside a character maps to the character after it), as
/// [`CharIndex::char_of`].
pub fn byte_to_char(text: &str, b: usize) -> usize {
    text.char_indices().take_while(|&(i, _)| i < b).count()
}

/// Byte offset of character offset `c` of `text` (one lookup, O(c); past the end,
/// the text's length), as [`ByteIndex::byte_of`].
pub fn char_to_byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let t = "a’b é";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_of(0), 0);
        assert_eq!(ix.char_of(1), 1); // ’ starts at byte 1
        assert_eq!(ix.char_of(4), 2); // b at byte 4
        assert_eq!(ix.char_of(t.len()), 5);
        assert_eq!(ix.char_of(t.len() + 10), 5);
    }

    #[test]
    fn byte_offsets() {
        let t = "a’b é";
        let ix = ByteIndex::new(t);
        assert_eq!(ix.chars(), 5);
        assert_eq!(ix.byte_of(1), 1);
        assert_eq!(ix.byte_of(2), 4);
        assert_eq!(ix.byte_of(5), t.len());
        assert_eq!(ix.byte_of(99), t.len());
        assert_eq!(ix.get(5), Some(t.len()));
        assert_eq!(ix.get(6), None);
        assert_eq!(ByteIndex::new("").byte_of(3), 0);
    }

    #[test]
    fn tables_and_single_lookups_agree() {
        for t in ["", "plain", "a’b c", "é€😀x", "“Quote,” she said — ünïcödé"] {
            let (ci, bi) = (CharIndex::new(t), ByteIndex::new(t));
            for b in 0..=t.len() + 2 {
                assert_eq!(ci.char_of(b), byte_to_char(t, b), "{t:?} byte {b}");
            }
            for c in 0..=bi.chars() + 2 {
                assert_eq!(bi.byte_of(c), char_to_byte(t, c), "{t:?} char {c}");
                if c <= bi.chars() {
                    assert_eq!(ci.char_of(bi.byte_of(c)), c);
                }
            }
        }
    }
}

//! Words that mark names of events, awards, laws and works (data:
//! `event_name_heads.txt`, `event_name_prefixes.txt`). Case-sensitive.

word_set!(
    /// Words that make a name an event, award, law or work ("Medal", "Prize", "Act").
    pub EVENT_NAME_HEADS = "event_name_heads.txt"
);
word_set!(
    /// First words of event names ("Hurricane …", "Operation …").
    pub EVENT_NAME_PREFIXES = "event_name_prefixes.txt"
);

/// A word that makes a name an event, award, law or work ("Prize", "Treaty").
pub fn is_name_head(w: &str) -> bool {
    EVENT_NAME_HEADS.contains(w)
}

/// A first word of event names ("Hurricane", "Operation").
pub fn is_name_prefix(w: &str) -> bool {
    EVENT_NAME_PREFIXES.contains(w)
}

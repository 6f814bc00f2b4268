//! Words that mark place names (data: `place_name_suffixes.txt`,
//! `place_name_prefixes.txt`, `compass_words.txt`, `locative_prepositions.txt`, `region_nouns.txt`,
//! `plural_place_words.txt`).
//! Case-sensitive.

word_set!(
    /// Last words that make a name a place ("… Street", "… River", "… County").
    pub PLACE_NAME_SUFFIXES = "place_name_suffixes.txt"
);
word_set!(
    /// First words of place names ("San …", "Fort …", "Lake …").
    pub PLACE_NAME_PREFIXES = "place_name_prefixes.txt"
);
word_set!(
    /// Compass and size words before a place ("Eastern Europe", "Greater Manchester").
    pub COMPASS_WORDS = "compass_words.txt"
);
word_set!(
    /// Prepositions after which a place reading is preferred ("in Washington").
    pub LOCATIVE_PREPOSITIONS = "locative_prepositions.txt"
);

/// A last word that makes a name a place ("Street", "County").
pub fn is_name_suffix(w: &str) -> bool {
    PLACE_NAME_SUFFIXES.contains(w)
}

/// A first word of place names ("San", "Fort").
pub fn is_name_prefix(w: &str) -> bool {
    PLACE_NAME_PREFIXES.contains(w)
}

/// A compass or size word ("Northern", "Greater").
pub fn is_compass(w: &str) -> bool {
    COMPASS_WORDS.contains(w)
}

/// A lower-case preposition after which a place reading is preferred ("in", "near").
pub fn is_locative(w: &str) -> bool {
    LOCATIVE_PREPOSITIONS.contains(w)
}

word_set!(
    /// Lower-case nouns for administrative regions ("province", "county", "oblast").
    pub REGION_NOUNS = "region_nouns.txt"
);
word_set!(
    /// Plural last words of place names ("Keys", "Highlands", "Everglades").
    pub PLURAL_PLACE_WORDS = "plural_place_words.txt"
);

/// A lower-case region noun after a name: "the Guangdong province".
pub fn is_region_noun(w: &str) -> bool {
    REGION_NOUNS.contains(w)
}

/// A plural last word of place names, not of clubs: "Florida Keys", "Outer Banks".
pub fn is_plural_place_word(w: &str) -> bool {
    PLURAL_PLACE_WORDS.contains(w)
}

//! Context around a name that makes it an organisation: the nouns and words next
//! to it ("a spokeswoman for X", "shares of X", "chipmaker X", "X, the company
//! behind …", "X reported quarterly earnings", "his store, X"). Lower case.
//! Data: `org_staff_nouns.txt`, `company_stake_nouns.txt`,
//! `org_nouns_before_name.txt`, `org_nouns_after_name.txt`, `org_noun_followers.txt`,
//! `earnings_words.txt`, `org_description_determiners.txt`,
//! `org_description_breaks.txt`, `business_nouns.txt`.

word_set!(
    /// People who work at or speak for an organisation ("spokeswoman", "analysts").
    pub ORG_STAFF_NOUNS = "org_staff_nouns.txt"
);
word_set!(
    /// Before "of"/"in", they make the next name a company ("shares", "stake").
    pub COMPANY_STAKE_NOUNS = "company_stake_nouns.txt"
);
word_set!(
    /// Nouns right before a name that make it an organisation ("company", "chipmaker").
    pub ORG_NOUNS_BEFORE_NAME = "org_nouns_before_name.txt"
);
word_set!(
    /// Nouns right after a multi-word name that make it an organisation ("union").
    pub ORG_NOUNS_AFTER_NAME = "org_nouns_after_name.txt"
);
word_set!(
    /// Words after an organisation noun that leave it the head ("behind", "based").
    pub ORG_NOUN_FOLLOWERS = "org_noun_followers.txt"
);
word_set!(
    /// Nouns of company results ("earnings", "revenue", "dividend").
    pub EARNINGS_WORDS = "earnings_words.txt"
);
word_set!(
    /// Words opening a description of an organisation ("the", "its").
    pub ORG_DESCRIPTION_DETERMINERS = "org_description_determiners.txt"
);
word_set!(
    /// Prepositions that end a description of an organisation ("of", "at").
    pub ORG_DESCRIPTION_BREAKS = "org_description_breaks.txt"
);
word_set!(
    /// Nouns for a business or venture ("store", "restaurant", "label").
    pub BUSINESS_NOUNS = "business_nouns.txt"
);

/// Someone who works at or speaks for an organisation: "a spokeswoman for X".
pub fn is_staff_noun(w: &str) -> bool {
    ORG_STAFF_NOUNS.contains(w)
}

/// A noun that, before "of"/"in", makes the next name a company: "shares of X".
pub fn is_stake_noun(w: &str) -> bool {
    COMPANY_STAKE_NOUNS.contains(w)
}

/// A noun right before a name that makes it an organisation: "packaging company X",
/// "chipmaker X", and any "-maker".
pub fn is_noun_before_name(w: &str) -> bool {
    ORG_NOUNS_BEFORE_NAME.contains(w) || w.ends_with("-maker")
}

/// A noun right after a multi-word name that makes it an organisation: "X union".
pub fn is_noun_after_name(w: &str) -> bool {
    ORG_NOUNS_AFTER_NAME.contains(w)
}

/// A lower-case word after an organisation noun that leaves the noun the head of
/// its phrase: "the company behind", "a firm based in".
pub fn is_noun_follower(w: &str) -> bool {
    ORG_NOUN_FOLLOWERS.contains(w)
}

/// A noun of company results: "X reported quarterly earnings".
pub fn is_earnings_word(w: &str) -> bool {
    EARNINGS_WORDS.contains(w)
}

/// A word opening a description of an organisation (asked lower-cased): "the", "its".
pub fn is_description_determiner(lower: &str) -> bool {
    ORG_DESCRIPTION_DETERMINERS.contains(lower)
}

/// A preposition that ends a description of an organisation: "the head of …".
pub fn is_description_break(w: &str) -> bool {
    ORG_DESCRIPTION_BREAKS.contains(w)
}

/// A noun for a business or venture: "his store, Bicycle Space".
pub fn is_business_noun(w: &str) -> bool {
    BUSINESS_NOUNS.contains(w)
}

//! Nouns for groups of people (data: `group_nouns.txt`). Lowercase.

word_set!(
    /// Plural nouns for groups of people that "they" may refer to ("officials", "critics").
    pub GROUP_NOUNS = "group_nouns.txt"
);

/// A plural noun for a group of people ("officials", "lawmakers").
pub fn is_group_noun(w: &str) -> bool {
    GROUP_NOUNS.contains(w)
}

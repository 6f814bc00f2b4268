//! Sentiment: word valence from the VADER lexicon (MIT; see the data file's header).

table!(
    /// Strongly valenced words (|mean valence| ≥ 2, lowercase) and their valence
    /// (-4..4), derived from VADER minus factual event words and political ideals.
    pub VADER_STRONG = "vader_strong.tsv"
);

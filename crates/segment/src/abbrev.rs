//! Small shipped word lists for sentence splitting: abbreviations that take a
//! period, and common words that start sentences (used to decide whether a
//! sentence ends after an ambiguous abbreviation like "U.S." or "Inc.").

/// How an abbreviation behaves before a following capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name or number ("Mr.", "Sen.", "Jan.", "vs.", "e.g."): never ends a sentence
    /// unless the paragraph ends.
    Prefix,
    /// A single capital initial ("J.", "W."): ends a sentence only before a common starter word.
    Initial,
    /// Can end a sentence ("U.S.", "Inc.", "Jr.", "a.m."): ends one before a common starter
    /// word or an opening quote.
    Ambiguous,
    /// Almost always ends a sentence when followed by a capital ("etc.").
    Final,
}

/// Titles and name prefixes that take a period ("Mr.", "Sen.", "Gen.", "St."), as written.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Sen", "Sens", "Gov",
    "Govs", "Rep", "Reps", "Gen", "Gens", "Lt", "Col", "Capt", "Cpl", "Sgt", "Maj", "Adm", "Cmdr",
    "Cdr", "Brig", "Rev", "Fr", "Hon", "Pres", "Supt", "Det", "Insp", "Amb", "Atty", "Sec", "St",
    "Ste", "Mt", "Ft",
];

/// A title or name prefix that keeps its period inside a name ("Mr. Smith"), as
/// written (case-sensitive, without the period).
pub fn is_title_abbrev(w: &str) -> bool {
    TITLES.contains(&w)
}

/// [`is_title_abbrev`] in any letter case ("mr", "SEN").
pub fn is_title_abbrev_ci(w: &str) -> bool {
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// Abbreviations that precede names or numbers (without their final period).
/// Matched case-sensitively.
pub fn is_prefix_abbrev(w: &str) -> bool {
    is_title_abbrev(w)
        || is_month_abbrev(w)
        || matches!(
            w,
            "vs" | "v"
                | "cf"
                | "approx"
                | "ca"
                | "Fig"
                | "fig"
                | "Figs"
                | "Art"
                | "Vol"
                | "vol"
                | "pp"
                | "Ch"
                | "ch"
                | "Ave"
                | "Blvd"
                | "Rd"
                | "Ln"
        )
}

/// A month's abbreviation as written ("Jan", "Sept"), without its period.
pub fn is_month_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Any abbreviation these lists know (without its final period, case-sensitive).
pub fn is_known_abbrev(w: &str) -> bool {
    is_prefix_abbrev(w)
        || is_ambiguous_abbrev(w)
        || is_final_abbrev(w)
        || is_nonfinal_dotted(w)
        || matches!(w, "No" | "Nos")
}

/// Abbreviations that can end a sentence (without their final period).
pub fn is_ambiguous_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Inc"
            | "Penn"
            | "est"
            | "Corp"
            | "Ltd"
            | "Co"
            | "Cos"
            | "Bros"
            | "Jr"
            | "Sr"
            | "Esq"
            | "Dept"
            | "Univ"
            | "Assn"
            | "Calif"
            | "Ariz"
            | "Ala"
            | "Ark"
            | "Colo"
            | "Conn"
            | "Del"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Ky"
            | "La"
            | "Md"
            | "Mass"
            | "Mich"
            | "Minn"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Tex"
            | "Va"
            | "Vt"
            | "Wash"
            | "Wis"
            | "Wyo"
    )
}

/// Abbreviations that nearly always end a sentence before a capital.
pub fn is_final_abbrev(w: &str) -> bool {
    matches!(w, "etc" | "al")
}

/// Lower-case multi-part abbreviations that never end a sentence mid-paragraph.
pub fn is_nonfinal_dotted(w: &str) -> bool {
    matches!(w, "e.g" | "i.e" | "viz" | "cf")
}

/// Classifies a word token that carries a final period (`w` without the period).
pub fn classify(w: &str) -> AbbrevClass {
    if is_nonfinal_dotted(w) || is_prefix_abbrev(w) || w == "No" || w == "Nos" {
        return AbbrevClass::Prefix;
    }
    if is_final_abbrev(w) {
        return AbbrevClass::Final;
    }
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return AbbrevClass::Initial;
        }
    }
    AbbrevClass::Ambiguous
}

/// Common words that are capitalised mostly because they start a sentence.
/// A capitalised word from this list after an ambiguous abbreviation starts a new sentence.
pub fn is_sentence_starter(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "For"
            | "With"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Also"
            | "There"
            | "Here"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Which"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Not"
            | "Now"
            | "Then"
            | "Yes"
            | "No"
            | "Last"
            | "Next"
            | "One"
            | "Both"
            | "Each"
            | "Such"
            | "Even"
            | "Despite"
            | "According"
            | "By"
            | "From"
            | "To"
            | "Under"
            | "Over"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Instead"
            | "Indeed"
            | "Perhaps"
            | "Other"
            | "Others"
            | "Several"
            | "Few"
            | "Every"
            | "Neither"
            | "Nor"
            | "Because"
            | "Unlike"
            | "During"
            | "Earlier"
            | "Later"
            | "Critics"
            | "Officials"
    )
}

//! The registry of every kind name an `unspin/1` report can hold.
//!
//! Each family of names (chrome kinds, paragraph kinds, sentence attributions,
//! entity kinds, quote kinds, source kinds, finding kinds, technique names) is an
//! enum declared here once, with its snake_case name and a one-line description per
//! value. [`KINDS`] lists the families with the report field each one fills. The
//! JSON writer, the report's ordering of findings, the schema's `enum` lists
//! (`schema/unspin-1.schema.json`), the tables in `docs/schema.md` and the
//! validator all follow this module; `crates/report/tests/kinds.rs` fails when any
//! of them disagrees with it.
//!
//! To add a kind: add a variant here (with its name and description), then let the
//! failing test tell you the schema and docs lines to add.

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A name that is not in the registry for its family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind {
    /// The family ([`Family::name`]), e.g. `finding`.
    pub family: &'static str,
    /// The name that was not found.
    pub name: String,
}

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} kind {:?}", self.family, self.name)
    }
}

impl std::error::Error for UnknownKind {}

/// One family of kind names and the report field it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Family {
    /// Short name of the family: `chrome`, `paragraph`, `attribution`, `entity`,
    /// `quote`, `source`, `finding`, `technique`.
    pub name: &'static str,
    /// The report field holding one of the names, as `array[].field`.
    pub field: &'static str,
    /// Heading for people ("Chrome kinds"), as in `docs/schema.md`.
    pub title: &'static str,
    /// Every name, in declaration order (the schema's and the docs' order).
    pub names: &'static [&'static str],
    /// One line per name, in the same order.
    pub descriptions: &'static [&'static str],
}

/// Declares a kind enum with its names and descriptions, and everything derived
/// from them: `as_str`, `description`, `parse`/`FromStr`, `ALL`, `NAMES`, `FAMILY`,
/// `Display`, comparison with `&str`, and serde as the snake_case name.
macro_rules! kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($family:literal, $field:literal, $title:literal) {
            $( $(#[$vmeta:meta])* $var:ident = $s:literal : $desc:literal, )+
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( #[doc = $desc] $(#[$vmeta])* $var, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// Every name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($s),+];
            /// One-line descriptions, in declaration order.
            pub const DESCRIPTIONS: &'static [&'static str] = &[$($desc),+];
            /// This family in the registry.
            pub const FAMILY: Family = Family {
                name: $family,
                field: $field,
                title: $title,
                names: Self::NAMES,
                descriptions: Self::DESCRIPTIONS,
            };

            /// The snake_case name written in the JSON report.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $($name::$var => $s,)+
                }
            }

            /// A one-line description for people.
            pub const fn description(&self) -> &'static str {
                match self {
                    $($name::$var => $desc,)+
                }
            }

            /// The value with this snake_case name, if any.
            pub fn parse(name: &str) -> Option<Self> {
                match name {
                    $($s => Some($name::$var),)+
                    _ => None,
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownKind;
            fn from_str(s: &str) -> Result<Self, UnknownKind> {
                Self::parse(s).ok_or_else(|| UnknownKind {
                    family: $family,
                    name: s.to_string(),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&s).ok_or_else(|| {
                    D::Error::unknown_variant(&s, Self::NAMES)
                })
            }
        }
    };
}

kinds! {
    /// The kind of a removed chrome line.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ChromeKind ("chrome", "chrome[].kind", "Chrome kinds") {
        Ad = "ad": "an advertisement or ad slot label",
        Navigation = "navigation": "site navigation: menus, section links, \"read more\", pagination",
        CallToAction = "call_to_action": "a request to the reader: subscribe, sign up, follow, donate",
        Teaser = "teaser": "the headline of another article",
        Caption = "caption": "a photo or video caption",
        Credit = "credit": "a photo credit",
        Share = "share": "share buttons and their labels",
        Legal = "legal": "copyright, terms and privacy notices",
        Other = "other": "anything else that is not article text: script code, decorative separators, a repeat of the headline",
    }
}

kinds! {
    /// Kind of a paragraph block.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ParagraphKind ("paragraph", "paragraphs[].kind", "Paragraph kinds") {
        Title = "title": "the headline, kept as the first paragraph so that its mentions get offsets",
        Heading = "heading": "a heading inside the article",
        Body = "body": "a body paragraph",
        Blockquote = "blockquote": "quoted material set off as a block (HTML `<blockquote>`)",
        ListItem = "list_item": "an item of a list",
        Caption = "caption": "a figure or table caption kept in the text",
    }
}

kinds! {
    /// How a sentence is sourced.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum Attribution ("attribution", "sentences[].attribution", "Sentence attributions") {
        #[default]
        Own = "own": "the writer's own assertion: no source given",
        Quoted = "quoted": "contains (mostly) a quotation",
        Attributed = "attributed": "credited to a named source (\"according to X\", \"X said that …\")",
        Anonymous = "anonymous": "credited to an unnamed or vague source (\"sources say\", \"is rumored\")",
    }
}

kinds! {
    /// Kind of a named entity.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum EntityKind ("entity", "entities[].kind", "Entity kinds") {
        Person = "person": "a person",
        Outlet = "outlet": "a news organisation: newspaper, magazine, broadcaster, agency, site",
        Org = "org": "any other organisation, party, company, agency or institution",
        Place = "place": "a place: country, city, state, building",
        Misc = "misc": "other names: events, awards, works, products, nationalities",
    }
}

kinds! {
    /// Kind of a quotation.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum QuoteKind ("quote", "quotes[].kind", "Quote kinds") {
        Direct = "direct": "a full quoted sentence or more, in quotation marks",
        Partial = "partial": "a quoted fragment inside the writer's sentence",
        Scare = "scare": "quotation marks for distance or irony; nobody is quoted",
        Indirect = "indirect": "reported speech without quotation marks (\"X said that …\")",
        Block = "block": "quoted material set off as a block",
    }
}

kinds! {
    /// Kind of a source of claims.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum SourceKind ("source", "sources[].kind", "Source kinds") {
        Outlet = "outlet": "a named news outlet or its report",
        Person = "person": "a named person",
        Org = "org": "a named organisation, document or report",
        Anonymous = "anonymous": "an unnamed source (\"a senior official\", \"sources\", \"some advisers\")",
        Rumour = "rumour": "hearsay with no source at all (\"is rumored\", \"reports have surfaced\")",
    }
}

kinds! {
    /// What a finding is about. Declared most urgent first: [`FindingKind::rank`]
    /// is the order reports list findings in.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum FindingKind ("finding", "findings[].kind", "Finding kinds") {
        SourceConflict = "source_conflict": "the same report is credited to two different sources",
        UnattributedQuote = "unattributed_quote": "a direct quotation in the body with no speaker given",
        Rumour = "rumour": "a claim passed on as hearsay with no source at all",
        AnonymousSourcing = "anonymous_sourcing": "a claim credited to an unnamed source",
        NoNamedSources = "no_named_sources": "the article credits no named person, organisation or outlet for its claims",
        MostlyUnsourced = "mostly_unsourced": "most sentences are the writer's own statements, with no source given",
        CaptionCreditNotSource = "caption_credit_not_source": "a name credited only for a photo, not cited as a source of the article's claims",
    }
}

impl FindingKind {
    /// How urgent this kind is for a fact-checker: 0 is the most urgent. Reports
    /// list findings by rank (the registry's declaration order).
    pub const fn rank(&self) -> u8 {
        *self as u8
    }
}

kinds! {
    /// A persuasion technique (SemEval-2020 Task 11 names, plus `speculation` and
    /// `ridicule`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TechniqueName ("technique", "techniques[].technique", "Techniques") {
        LoadedLanguage = "loaded_language": "Words or phrases with strong emotional connotations, used to sway the reader rather than inform.",
        NameCalling = "name_calling": "Labelling a person or group with an insulting or loaded name instead of addressing what they do or say.",
        Speculation = "speculation": "A guess, inference or hedge presented as if it were an observed fact.",
        Bandwagon = "bandwagon": "Claiming, without support, that everyone or most people think or feel something, so the reader should too.",
        Doubt = "doubt": "Questioning the credibility of someone or something without evidence (\"so-called\", \"supposedly\").",
        Exaggeration = "exaggeration": "Representing something as much better, worse, larger or more absolute than the facts support.",
        Ridicule = "ridicule": "Mocking or sarcasm that makes a person or idea look foolish instead of arguing against it.",
        AppealToFear = "appeal_to_fear": "Building support for an idea by instilling anxiety or panic about an alternative.",
        FlagWaving = "flag_waving": "Appealing to patriotism or group identity to justify or promote an idea.",
        Slogans = "slogans": "A brief, striking phrase that works as a rallying cry rather than an argument.",
        ThoughtTerminatingCliche = "thought_terminating_cliche": "A stock phrase that discourages further thought or discussion (\"it is what it is\").",
        Whataboutism = "whataboutism": "Deflecting criticism by pointing at someone else's alleged wrongdoing (\"what about …?\").",
        CausalOversimplification = "causal_oversimplification": "Assuming a single cause or reason for an outcome that has many.",
        BlackAndWhiteFallacy = "black_and_white_fallacy": "Presenting two options as the only possibilities when more exist.",
        AppealToAuthority = "appeal_to_authority": "Claiming something is true because unnamed experts or authorities say so, without the evidence.",
        Repetition = "repetition": "Repeating the same word or phrase so that the audience comes to accept it.",
    }
}

/// Every kind family, in the order of the report's fields.
pub const KINDS: &[Family] = &[
    ChromeKind::FAMILY,
    ParagraphKind::FAMILY,
    Attribution::FAMILY,
    EntityKind::FAMILY,
    QuoteKind::FAMILY,
    SourceKind::FAMILY,
    FindingKind::FAMILY,
    TechniqueName::FAMILY,
];

/// The family with this short name (`finding`, `technique`, …).
pub fn family(name: &str) -> Option<&'static Family> {
    KINDS.iter().find(|f| f.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_snake_case() {
        for fam in KINDS {
            assert_eq!(fam.names.len(), fam.descriptions.len(), "{}", fam.name);
            for (i, n) in fam.names.iter().enumerate() {
                assert!(
                    !n.is_empty()
                        && n.starts_with(|c: char| c.is_ascii_lowercase())
                        && n.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{}: {n:?} is not snake_case",
                    fam.name
                );
                assert!(!fam.names[..i].contains(n), "{}: {n} twice", fam.name);
                assert!(!fam.descriptions[i].is_empty(), "{}: {n}", fam.name);
            }
        }
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::parse(k.as_str()), Some(*k));
            assert_eq!(k.as_str().parse::<FindingKind>(), Ok(*k));
            assert_eq!(*k, k.as_str());
        }
        for t in TechniqueName::ALL {
            assert_eq!(TechniqueName::parse(t.as_str()), Some(*t));
            assert_eq!(t.to_string(), t.as_str());
        }
        let e = "no_sources".parse::<FindingKind>().unwrap_err();
        assert_eq!(e.to_string(), "unknown finding kind \"no_sources\"");
        assert_eq!(family("technique"), Some(&TechniqueName::FAMILY));
        assert!(family("nope").is_none());
    }

    #[test]
    fn ranks_follow_declaration_order() {
        for (i, k) in FindingKind::ALL.iter().enumerate() {
            assert_eq!(k.rank() as usize, i);
        }
        assert_eq!(FindingKind::SourceConflict.rank(), 0);
    }

    #[test]
    fn serde_uses_the_names() {
        let j = serde_json::to_string(&ChromeKind::CallToAction).unwrap();
        assert_eq!(j, "\"call_to_action\"");
        let k: ChromeKind = serde_json::from_str("\"teaser\"").unwrap();
        assert_eq!(k, ChromeKind::Teaser);
        assert!(serde_json::from_str::<ChromeKind>("\"advert\"").is_err());
    }
}

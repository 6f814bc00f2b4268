//! Page chrome: the words of lines that are not article text — ad slots,
//! navigation and teaser labels, calls to action, share buttons, captions and
//! photo credits, legal lines, bylines, and the boilerplate widgets of main-content
//! extraction. Phrase lists are lower case unless their doc says otherwise.
//!
//! Lists whose edges matter (openings like "sponsored by ", markers like "/ afp")
//! are [`Phrases`]: a `␣` at either end of an entry stands for a space, since
//! data lines are trimmed.

use std::sync::OnceLock;

/// Declares a [`Phrases`] static read from `crates/lex/data/<file>`.
macro_rules! phrases {
    ($(#[$m:meta])* $vis:vis $name:ident = $file:literal) => {
        $(#[$m])*
        $vis static $name: Phrases = Phrases::new(
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)),
        );
    };
}

/// A shipped list of phrases in file order, `␣` read as a space.
pub struct Phrases {
    file: &'static str,
    src: &'static str,
    list: OnceLock<Vec<String>>,
}

impl Phrases {
    #[doc(hidden)]
    pub const fn new(file: &'static str, src: &'static str) -> Self {
        Phrases {
            file,
            src,
            list: OnceLock::new(),
        }
    }

    /// The entries in file order, with their edge spaces.
    pub fn entries(&self) -> &[String] {
        self.list.get_or_init(|| {
            crate::entries(self.src)
                .map(|e| e.replace('␣', " "))
                .collect()
        })
    }

    /// The first entry that `s` starts with, in file order.
    pub fn prefix_of(&self, s: &str) -> Option<&str> {
        self.entries()
            .iter()
            .find(|p| s.starts_with(p.as_str()))
            .map(String::as_str)
    }

    /// True when some entry occurs in `s`.
    pub fn found_in(&self, s: &str) -> bool {
        self.entries().iter().any(|p| s.contains(p.as_str()))
    }

    /// True when `s` is an entry.
    pub fn contains(&self, s: &str) -> bool {
        self.entries().iter().any(|p| p == s)
    }

    /// The data file's name under `crates/lex/data/`.
    pub fn file(&self) -> &'static str {
        self.file
    }
}

// Ads.
word_set!(
    /// Whole lines that mark an ad slot ("advertisement", "sponsored content").
    pub AD_LINES = "ad_lines.txt"
);
phrases!(
    /// Openings of lines that introduce advertising ("story continues below").
    pub AD_LINE_STARTS = "ad_line_starts.txt"
);

// Navigation.
word_set!(
    /// Whole lines that are navigation or teaser labels ("related stories", "menu").
    pub NAVIGATION_LINES = "navigation_lines.txt"
);
phrases!(
    /// Openings of navigation lines ("related:", "read more:", "more from ").
    pub NAVIGATION_LINE_STARTS = "navigation_line_starts.txt"
);
phrases!(
    /// Fragments of a label heading a list of other stories ("related", "most ").
    pub LIST_HEADER_WORDS = "list_header_words.txt"
);

// Calls to action.
word_set!(
    /// Whole lines that are calls to action ("subscribe now", "sign in").
    pub CTA_LINES = "cta_lines.txt"
);
phrases!(
    /// Openings of calls to action ("sign up for", "join our ", "donate").
    pub CTA_LINE_STARTS = "cta_line_starts.txt"
);
phrases!(
    /// Social networks and apps in "Follow X on …" lines ("twitter", "google news").
    pub SOCIAL_NETWORKS = "social_networks.txt"
);
phrases!(
    /// Words that make a line about a newsletter ("newsletter", "inbox").
    pub NEWSLETTER_TOPICS = "newsletter_topics.txt"
);
phrases!(
    /// Words that make a newsletter line a prompt ("sign up", "get ").
    pub NEWSLETTER_VERBS = "newsletter_verbs.txt"
);

// Share buttons.
word_set!(
    /// Words of share-button rows ("share", "tweet", "whatsapp", "copy", "link").
    pub SHARE_WORDS = "share_words.txt"
);
word_set!(
    /// Share words strong enough to make a row of share words chrome ("share", "tweet").
    pub SHARE_STRONG_WORDS = "share_strong_words.txt"
);

// Legal lines.
phrases!(
    /// Policy and terms links ("privacy policy", "do not sell my").
    pub LEGAL_PHRASES = "legal_phrases.txt"
);

// Captions and credits.
phrases!(
    /// Photo-credit marks inside captions ("getty images", "/ afp", "photo by ").
    pub CREDIT_MARKERS = "credit_markers.txt"
);
phrases!(
    /// Openings of a parenthesised credit ("credit", "ap photo", "via ").
    pub PAREN_CREDIT_STARTS = "paren_credit_starts.txt"
);
phrases!(
    /// Openings of caption and credit lines, first match decides ("image caption",
    /// "photo:").
    pub CAPTION_STARTS = "caption_starts.txt"
);

// Bylines.
phrases!(
    /// Openings of byline lines, in order ("by ", "reporting by ", "von ").
    pub BYLINE_STARTS = "byline_starts.txt"
);
word_set!(
    /// Role words after a byline name ("correspondent", "white house").
    pub BYLINE_ROLES = "byline_roles.txt"
);
phrases!(
    /// Case-sensitive endings of a staff byline, in order (" Staff", " Newsroom").
    pub BYLINE_STAFF_ENDINGS = "byline_staff_endings.txt"
);
phrases!(
    /// Case-sensitive time-stamp words after a byline name, in order (" Updated").
    pub BYLINE_STAMP_WORDS = "byline_stamp_words.txt"
);
word_set!(
    /// Wire services and agencies in bylines and datelines, as written, in order
    /// ("Reuters", "AP", "The Associated Press").
    pub WIRE_SERVICES = "wire_services.txt"
);

phrases!(
    /// Case-sensitive openings stripped from author metadata, in order ("Written by ",
    /// "By ", "Von ").
    pub AUTHOR_NAME_PREFIXES = "author_name_prefixes.txt"
);
word_set!(
    /// Lower-case last words of byline phrases that are not names ("says", "am").
    pub NOT_NAME_LAST_WORDS = "not_name_last_words.txt"
);
word_set!(
    /// Lower-case first words of byline phrases that are not names ("posted").
    pub NOT_NAME_FIRST_WORDS = "not_name_first_words.txt"
);

// Main-content boilerplate (the html crate's line filters).
word_set!(
    /// Whole lines that are page widgets ("share this article", "drucken").
    pub BOILERPLATE_LINES = "boilerplate_lines.txt"
);
phrases!(
    /// Openings of short boilerplate lines ("follow us", "image caption", "©").
    pub BOILERPLATE_LINE_STARTS = "boilerplate_line_starts.txt"
);
phrases!(
    /// Marks of an image credit line ("istock", "afp /", "bildquelle", "©").
    pub IMAGE_CREDIT_MARKS = "image_credit_marks.txt"
);
phrases!(
    /// Openings of post-metadata lines ("this entry was posted", "erstellt am ").
    pub POST_META_STARTS = "post_meta_starts.txt"
);
word_set!(
    /// Labels of "related content" boxes ("read also", "mehr zum thema").
    pub RELATED_LABELS = "related_labels.txt"
);
phrases!(
    /// Openings of short "related content" labels ("mehr zu ", "more from ").
    pub RELATED_LABEL_STARTS = "related_label_starts.txt"
);

// Lines and fragments of the extract stage's chrome rules.
phrases!(
    /// Openings of a line offering to share the article ("share this", "share on ").
    pub SHARE_LINE_STARTS = "share_line_starts.txt"
);
phrases!(
    /// Openings of copyright and standards lines ("©", "copyright (c)", "our standards:").
    pub LEGAL_LINE_STARTS = "legal_line_starts.txt"
);
phrases!(
    /// Reproduction terms anywhere in a legal line ("all rights reserved").
    pub REPRODUCTION_TERMS = "reproduction_terms.txt"
);
phrases!(
    /// Openings of consent lines under sign-up forms ("by signing", "by clicking").
    pub CONSENT_LINE_STARTS = "consent_line_starts.txt"
);
word_set!(
    /// Verbs opening "Join X" / "Support X" appeals, as written ("Join", "SUPPORT").
    pub APPEAL_VERBS = "appeal_verbs.txt"
);
phrases!(
    /// JavaScript fragments that mark a line as leaked script ("var ", "document.").
    pub SCRIPT_MARKERS = "script_markers.txt"
);
word_set!(
    /// Units of a reading-time line ("5 min read"), lower case.
    pub READING_TIME_UNITS = "reading_time_units.txt"
);
phrases!(
    /// Copyright words and signs removed before reading a copyright holder, in
    /// order ("Copyright", "©", "(c)"). Case-sensitive.
    pub COPYRIGHT_MARKS = "copyright_marks.txt"
);
phrases!(
    /// Company-form endings stripped from a copyright holder, in order (", Inc",
    /// " GmbH"). Case-sensitive.
    pub COMPANY_NAME_ENDINGS = "company_name_endings.txt"
);
phrases!(
    /// Openings of navigation lines naming the site, in order ("more from ").
    pub OUTLET_LIST_OPENINGS = "outlet_list_openings.txt"
);
phrases!(
    /// Section words after a site's name in navigation, in order (" Videos").
    /// Case-sensitive.
    pub OUTLET_SECTION_ENDINGS = "outlet_section_endings.txt"
);
word_set!(
    /// Membership words after a site's name in "Join X" appeals ("Plus", "VIP").
    pub MEMBERSHIP_WORDS = "membership_words.txt"
);
word_set!(
    /// Capitalised words after "Join" that do not start a site's name ("Our", "Thousands").
    pub JOIN_NON_NAME_WORDS = "join_non_name_words.txt"
);
word_set!(
    /// Last words of outlet names in chrome that the entity stage's
    /// [`crate::outlets::OUTLET_NAME_SUFFIXES`] lacks ("Network", "Radio", "Mirror").
    pub OUTLET_NAME_EXTRA_SUFFIXES = "outlet_name_extra_suffixes.txt"
);

/// A last word of outlet names as chrome lines print them ("… Times", "… Network").
pub fn is_outlet_name_ending(w: &str) -> bool {
    crate::outlets::is_name_suffix(w) || OUTLET_NAME_EXTRA_SUFFIXES.contains(w)
}

/// A lower-case line that opens like boilerplate ("follow us…", "© …") or holds
/// "all rights reserved" anywhere.
pub fn is_boilerplate_start(l: &str) -> bool {
    BOILERPLATE_LINE_STARTS.prefix_of(l).is_some() || l.contains("all rights reserved")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_spaces_survive() {
        assert!(AD_LINE_STARTS
            .entries()
            .iter()
            .any(|p| p == "sponsored by "));
        assert!(BYLINE_STAFF_ENDINGS.entries()[0] == " Staff");
        assert!(CREDIT_MARKERS.found_in("a rally. jane doe / afp"));
        assert_eq!(CAPTION_STARTS.prefix_of("photo: ap"), Some("photo:"));
        assert!(AD_LINES.contains("advertisement") && WIRE_SERVICES.entries()[0] == "Reuters");
        assert_eq!(COMPANY_NAME_ENDINGS.entries()[1], " Inc");
        assert_eq!(
            OUTLET_LIST_OPENINGS.prefix_of("more from the ledger"),
            Some("more from ")
        );
        assert!(is_outlet_name_ending("Times") && is_outlet_name_ending("Network"));
        assert!(LEGAL_LINE_STARTS.prefix_of("(c) 2020 x").is_some());
    }
}

//! Word lists for sourcing: general English news phrasing, nothing from one article.

/// Hearsay with no source at all. Token patterns (see [`crate::tok::Pat`]).
pub const RUMOUR: &[&str] = &[
    "is|are|was|were|'s|being widely|long|also|now|reportedly|still? rumored|rumoured",
    "rumor|rumour|rumors|rumours has|have it",
    "rumors|rumours|whispers|speculation are|were|is|was|have|has? been? swirling|circulating|flying|spreading|mounting|abound|persist|emerged|surfaced|swirl|circulate",
    "reportedly",
    "allegedly",
    "purportedly",
    "reports|accounts have|had? already|now|also|since|recently? surfaced|emerged|circulated|indicated|suggested|suggest|indicate|claim|claimed|say|said|swirled|appeared",
    "media|news|press|unconfirmed reports have|had? say|said|suggest|suggested|indicate|indicated|claim|claimed|surfaced|emerged",
    "there are|were|is|was|have|had been? also|now|already? unconfirmed|widespread|some|several|multiple|growing|media|news|persistent|numerous? reports|rumors|rumours|whispers",
    "it is|was|'s|has|had long|also|now? been? widely|long|also|now|commonly|generally? said|reported|rumored|rumoured|alleged|believed|claimed|understood|whispered",
    "word is|has it?",
    "word on the street",
    "is|are|was|were said|believed|alleged|understood|reported to",
    "according to media|news|press|unconfirmed|local|published|several|multiple|some|various? reports",
];

/// Heads of noun phrases naming unnamed sources (singular and plural forms).
pub const ANON_HEADS: &[&str] = &[
    "source", "sources", "official", "officials", "aide", "aides", "adviser", "advisers",
    "advisor", "advisors", "insider", "insiders", "critic", "critics", "ally", "allies",
    "staffer", "staffers", "confidant", "confidants", "associate", "associates", "observer",
    "observers", "diplomat", "diplomats", "lawmaker", "lawmakers", "strategist",
    "strategists", "operative", "operatives", "donor", "donors", "expert", "experts",
    "analyst", "analysts", "democrats", "republicans", "conservatives", "liberals",
    "progressives", "spokesperson", "spokesman", "spokeswoman", "representative",
    "investigators", "prosecutors", "witnesses", "residents", "employees", "members",
    "people", "person", "someone", "others", "those", "veterans", "supporters", "detractors",
    "skeptics", "sceptics", "economists", "scientists", "researchers",
];

/// Heads that only count as a source with a sourcing postmodifier
/// ("people familiar with", "someone close to").
pub const WEAK_HEADS: &[&str] = &[
    "people", "person", "someone", "others", "those", "members", "employees", "residents",
    "veterans", "supporters",
];

/// Plural heads that may stand without a determiner ("critics say").
pub fn bare_ok(head: &str) -> bool {
    head.ends_with('s') && !matches!(head, "those" | "others")
}

/// Determiners and quantifiers that open an anonymous-source phrase.
pub const DETS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "several", "some", "many", "few", "other",
    "multiple", "numerous", "various", "most", "the", "his", "her", "their", "its", "two",
    "more", "dozens", "certain", "top", "senior", "former", "current",
];

/// Common modifiers lowercased when normalising a phrase.
pub const MODS: &[&str] = &[
    "senior", "top", "former", "current", "administration", "campaign", "government",
    "party", "military", "intelligence", "federal", "state", "local", "longtime", "close",
    "anonymous", "unnamed", "key", "veteran", "high-ranking", "high", "ranking", "white",
    "house", "congressional", "foreign", "western", "other", "several", "some",
];

/// Words that end the walk left from a head (the phrase cannot extend past them).
pub const STOP_LEFT: &[&str] = &[
    "and", "or", "but", "that", "who", "which", "to", "with", "for", "of", "from", "by",
    "in", "on", "at", "as", "than", "said", "says", "told", "is", "are", "was", "were",
    "has", "have", "had", "be", "been", "not", "if", "when", "while", "because", "it",
    "he", "she", "they", "we", "i", "you", "this", "these", "those", "according",
];

/// Tokens before a phrase that make it an object, not a source ("told aides").
pub const OBJECT_BEFORE: &[&str] = &[
    "to", "with", "for", "of", "among", "told", "tells", "telling", "asked", "urged",
    "instructed", "informed", "met", "meeting", "hired", "fired", "from", "about", "against",
    "than", "like", "by", "into", "at", "on", "over",
];

/// Postmodifiers that make a phrase a source on their own.
pub const ANON_POSTMOD: &[&str] = &[
    "familiar with",
    "close to",
    "with knowledge of",
    "with direct knowledge of",
    "with firsthand knowledge of",
    "briefed on",
    "knowledgeable about",
    "in the know",
    "who spoke on condition",
    "who spoke on the condition",
    "who requested anonymity",
    "who asked not to be",
    "who declined to be",
    "not authorized to",
    "speaking on condition",
    "speaking on the condition",
];

/// Anonymity phrases that mark unnamed sourcing wherever they appear.
pub const ANON_STANDALONE: &[&str] = &[
    "on condition|terms of anonymity",
    "on the condition of anonymity",
    "asked|requested not to be named|identified",
    "requested|requesting|granted anonymity",
    "declined to be named|identified",
    "not authorized to speak|comment",
];

/// Reporting and speech verbs that credit their subject, for any source kind.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "wrote", "writes", "write", "stated", "states",
    "announced", "announces", "claimed", "claims", "claim", "argued", "argues", "argue",
    "noted", "notes", "added", "adds", "add", "explained", "explains", "insisted", "insists",
    "alleged", "alleges", "warned", "warns", "warn", "suggested", "suggests", "suggest",
    "acknowledged", "acknowledges", "admitted", "admits", "testified", "testifies",
    "tweeted", "tweets", "posted", "described", "describes", "reported", "reports",
    "report", "confirmed", "confirms", "revealed", "reveals", "disclosed", "discloses",
    "denied", "denies", "recalled", "recalls", "asserted", "asserts", "maintained",
    "maintains", "contended", "contends", "predicted", "predicts", "estimated",
    "estimates", "declared", "declares", "remarked", "commented", "responded", "replied",
    "countered", "conceded", "concedes", "stressed", "stresses", "emphasized",
    "emphasised", "quipped", "joked", "complained", "complain", "complains", "lamented",
    "boasted", "vowed", "vows", "promised", "reiterated", "cautioned", "speculated",
    "hinted", "charged", "believe", "believes", "believed", "fear", "fears", "feared",
    "worry", "worries", "worried", "contend", "insist", "predict", "expect", "expects",
    "whispered", "grumbled", "tell", "urged", "urges", "urge", "recommended", "advised", "advise", "grumble", "privately", "indicated", "indicates", "indicate",
];

/// Verbs that credit only an outlet or organisation ("the study found").
pub const FINDING_VERBS: &[&str] = &[
    "found", "finds", "concluded", "concludes", "showed", "shows", "show", "published",
    "publishes", "uncovered", "obtained", "detailed", "details", "documented", "calculated",
    "analyzed", "analysed", "identified", "determined", "learned", "learns", "broke",
];

/// Words allowed between a subject and its reporting verb ("X first reported").
pub const VERB_GAP: &[&str] = &[
    "first", "also", "has", "have", "had", "previously", "recently", "exclusively",
    "originally", "later", "once", "then", "earlier", "subsequently", "initially",
    "further", "similarly", "now", "just", "separately", "independently", "publicly",
    "privately", "repeatedly", "famously", "reportedly", "since", "already", "again",
    "last", "week", "month", "year", "often", "long",
];

/// Verbs that, right before a phrase set off by a comma or quote, credit it ("…, said X").
pub const INVERSION_VERBS: &[&str] = &[
    "said", "says", "writes", "wrote", "added", "adds", "noted", "notes", "explained",
    "continued", "recalled", "reported", "reports", "stated", "argued", "insisted",
    "claimed", "asked", "describes", "described", "according",
];

/// Nouns for a report or other published work that can be credited to its author.
pub const REPORT_NOUNS: &[&str] = &[
    "report", "reporting", "study", "survey", "poll", "analysis", "investigation", "story",
    "article", "piece", "profile", "review", "audit", "paper", "memo", "book",
    "documentary", "data", "findings", "statement", "release", "filing", "letter",
    "account", "exposé", "expose", "op-ed", "column", "editorial", "podcast", "broadcast",
    "segment", "episode", "interview", "scoop", "dispatch", "feature", "reports",
    "studies", "polls", "estimates", "figures", "research", "survey",
];

/// Nouns that name a single report when counting reports in an article.
pub const SINGLE_REPORT_NOUNS: &[&str] = &[
    "report", "reporting", "story", "article", "piece", "profile", "investigation",
    "scoop", "exposé", "expose", "feature", "dispatch", "account",
];

/// Prepositions linking a report noun to its author.
pub const REPORT_PREPS: &[&str] = &["from", "by", "in", "at"];

/// Participles that credit an agent in "…by X" ("first reported by X").
pub const BY_PARTICIPLES: &[&str] = &[
    "reported", "revealed", "published", "obtained", "reviewed", "seen", "conducted",
    "released", "commissioned", "compiled", "written", "authored", "produced", "cited",
    "broken", "confirmed", "described", "detailed", "documented", "quoted", "first",
];

/// Words before a report noun that mark a second, distinct report.
pub const SECOND_REPORT: &[&str] = &[
    "another", "second", "separate", "different", "competing", "rival", "earlier",
    "previous", "own", "follow-up", "subsequent", "later", "prior", "other", "additional",
];

/// Words near a credit that say two outlets are independent sources, not one report
/// credited twice.
pub const INDEPENDENT: &[&str] = &[
    "also", "too", "separately", "another", "second", "both", "similarly",
    "independently", "confirmed", "corroborated", "echoed", "meanwhile", "whereas",
    "while", "contrast", "unlike", "compared", "versus", "vs", "own", "earlier", "later",
    "previously", "competing", "rival", "different", "likewise", "first", "differently",
    "contradicted", "disputed", "matched", "followed", "as",
];

/// Plural report words that show an article deals with more than one report.
pub const PLURAL_REPORTS: &[&str] = &[
    "reports", "stories", "accounts", "articles", "outlets", "publications", "papers",
    "networks", "newspapers", "reports", "pieces", "investigations",
];

/// Words before a plural report word that show several reports are compared.
pub const PLURAL_REPORTS_DET: &[&str] = &[
    "both", "two", "three", "the", "these", "those", "separate", "competing",
    "conflicting", "rival", "several", "multiple", "different",
];

/// Pronouns: a speaker given as one of these is not a named source by itself.
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers",
    "their", "this", "that", "these", "those", "who", "one", "someone", "i've", "i'm",
    "some", "many", "others", "everyone", "nobody", "all", "both", "each", "us", "me",
];

/// Labels that mark an article as opinion or commentary.
pub const OPINION_LABELS: &[&str] = &[
    "opinion", "op-ed", "oped", "commentary", "editorial", "column", "columnist",
    "analysis", "perspective", "viewpoint", "essay", "review", "letters", "guest essay",
];

/// Headline prefixes that credit an unnamed report ("Report: …", "Sources: …").
pub const HEADLINE_VAGUE: &[&str] = &["report", "reports", "source", "sources", "exclusive report"];

pub fn has(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Bare verb forms: they need a plural subject ("officials say", not "an official say").
pub const BASE_VERBS: &[&str] = &[
    "say", "claim", "argue", "add", "warn", "suggest", "complain", "believe", "fear",
    "worry", "contend", "insist", "predict", "expect", "grumble", "indicate", "urge",
    "advise", "write", "report", "show", "tell",
];

/// Reporting verbs that are also nouns ("the claims", "to reports").
pub const NOUN_VERBS: &[&str] = &[
    "claim", "claims", "report", "reports", "notes", "fear", "fears", "worry", "worries",
    "estimates", "states", "remarks", "comments", "promises", "vows", "tweets", "posts",
    "details", "charges", "shows", "show", "findings", "documents",
];

/// Words before a noun: a reporting verb after one of these is a noun.
pub const NOUN_BEFORE: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those",
    "this", "that", "such", "to", "about", "of", "for", "with", "by", "on", "in", "new",
    "any", "no", "many", "some", "'s", "and", "or", "false", "unfounded", "recent", "many",
];

/// Words that may follow a source noun besides verbs and adverbs.
pub const FOLLOW_SOURCE: &[&str] = &[
    "familiar", "close", "with", "knowledgeable", "briefed", "in", "at", "from", "on",
    "for", "of", "inside", "within", "across", "around", "near", "involved", "working",
    "who", "which", "that", "whose", "is", "are", "was", "were", "has", "have", "had",
    "will", "would", "could", "can", "may", "might", "should", "did", "do", "does", "not",
    "also", "still", "even", "and", "or", "speaking", "tell", "to", "yet", "all", "both",
    "themselves", "himself", "herself", "there", "here", "this", "last", "earlier",
    "tonight", "say", "insist", "told", "under", "over", "outside", "based",
];

/// Function words that may be capitalised at a sentence start but are never
/// part of a name.
pub const FUNCTION_WORDS: &[&str] = &[
    "as", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after", "before",
    "for", "so", "yet", "with", "by", "from", "of", "to", "since", "because", "although",
    "though", "then", "now", "still", "perhaps", "meanwhile", "however", "also", "even",
    "only", "a", "an", "the", "this", "that", "these", "those", "instead", "later",
    "earlier", "today", "yesterday", "last", "here", "there", "what", "why", "how",
];

/// Title abbreviations whose dot stays inside a name ("Mr. Smith").
pub const TITLE_ABBR: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "prof", "rev",
    "sgt", "capt", "adm", "pres", "jr", "sr", "mt", "ft",
];

/// Capitalised words that are not names on their own.
pub const NOT_NAMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "another", "some", "many", "most", "all", "both",
    "each", "every", "no", "none", "everyone", "nobody", "somebody", "anyone", "i've",
    "i'm", "it's", "mr", "mrs", "ms", "dr", "sir", "madam", "god", "us", "one",
];

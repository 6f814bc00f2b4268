//! Unit tests on sentences written for these tests (none taken from the seed article).

use super::*;

/// Runs segmentation first, as in the pipeline (quotes come from the local fallback).
fn full(text: &str) -> Doc {
    let mut d = Doc::new(text);
    unspin_segment::segment(&mut d);
    detect(&mut d);
    d
}

fn dump(d: &Doc) -> String {
    d.techniques
        .iter()
        .map(|t| format!("{} {:.2} {:?}\n", t.technique, t.score, d.slice(t.span)))
        .collect()
}

/// A technique whose span text contains `needle` (case-insensitive).
fn has(d: &Doc, technique: &str, needle: &str) -> bool {
    d.techniques.iter().any(|t| {
        t.technique == technique
            && d.slice(t.span)
                .to_lowercase()
                .contains(&needle.to_lowercase())
    })
}

fn span_of<'a>(d: &'a Doc, technique: &str, needle: &str) -> Option<&'a str> {
    d.techniques
        .iter()
        .find(|t| {
            t.technique == technique
                && d.slice(t.span)
                    .to_lowercase()
                    .contains(&needle.to_lowercase())
        })
        .map(|t| d.slice(t.span))
}

fn assert_has(text: &str, technique: &str, needle: &str) {
    for d in [full(text), full(text)] {
        assert!(
            has(&d, technique, needle),
            "{technique} {needle:?} missing in {text:?}:\n{}",
            dump(&d)
        );
    }
}

fn assert_none(text: &str) {
    for d in [full(text), full(text)] {
        assert!(
            d.techniques.is_empty(),
            "expected nothing in {text:?}:\n{}",
            dump(&d)
        );
    }
}

#[test]
fn loaded_language() {
    assert_has(
        "The governor suffered a crushing defeat on Tuesday.",
        "loaded_language",
        "crushing defeat",
    );
    assert_has(
        "The rollout was a debacle from start to finish.",
        "loaded_language",
        "debacle",
    );
    assert_has(
        "Critics slammed the plan as reckless.",
        "loaded_language",
        "slammed",
    );
    assert_has(
        "Critics slammed the plan as reckless.",
        "loaded_language",
        "reckless",
    );
    assert_has(
        "The humiliated mayor left the stage.",
        "loaded_language",
        "humiliated",
    );
    assert_has(
        "It was a humiliating evening for the party.",
        "loaded_language",
        "humiliating",
    );
    assert_has(
        "Her utterly disastrous interview ended early.",
        "loaded_language",
        "utterly disastrous",
    );
    // Inflection via stem, word boundaries respected.
    assert_has(
        "The outrageously expensive project stalled.",
        "loaded_language",
        "outrageously",
    );
    let d = full("He radically changed the budget.");
    assert!(!has(&d, "loaded_language", "radical"), "{}", dump(&d));
    // Multiword and intensified phrases score higher than a single word.
    let d = full("It was a spectacular failure. It was disastrous.");
    let s = |n: &str| {
        d.techniques
            .iter()
            .find(|t| d.slice(t.span).contains(n))
            .unwrap()
            .score
    };
    assert!(s("spectacular failure") > s("disastrous"), "{}", dump(&d));
}

#[test]
fn name_calling() {
    // Words that only look like insults: a fire retardant, a currency, a game's loser.
    assert_none("The compound is used in flame retardants for computer housings.");
    assert_none("The strike emptied hotels and weakened the shilling.");
    assert_none("Rashard Lewis scored 22 points for the Magic, losers in three straight.");
    assert_none("The winner gets $231,000 and the loser $168,000.");
    assert_none("He did not stop until he made the leap amid the gathering snowflakes.");
    assert_has(
        "Only a loser would attack a grieving family.",
        "name_calling",
        "loser",
    );
    assert_has(
        "The commentator called the mayor a clown on live radio.",
        "name_calling",
        "clown",
    );
    assert_has(
        "He dismissed the protesters as snowflakes.",
        "name_calling",
        "snowflakes",
    );
    assert_has(
        "Only a low-IQ politician would sign that.",
        "name_calling",
        "a low-iq politician",
    );
    // Not across a comma.
    let d = full("The plan was clueless, voters said, and it failed.");
    assert!(!has(&d, "name_calling", ""), "{}", dump(&d));
    // A quoted label attached to someone: the whole quoted noun phrase.
    let t =
        "The host said the senator is basically \"a washed-up bureaucrat with nothing to say.\"";
    assert_has(
        t,
        "name_calling",
        "a washed-up bureaucrat with nothing to say",
    );
    let t = "A rival once described the governor as \"an arrogant fraud\" and \"a pathetic little man.\"";
    assert_has(t, "name_calling", "an arrogant fraud");
    assert_has(t, "name_calling", "a pathetic little man");
    // Political labels aimed at any side.
    assert_has(
        "Supporters of the bill were branded fascists.",
        "name_calling",
        "fascists",
    );
    assert_has(
        "The ad called the candidate a communist.",
        "name_calling",
        "communist",
    );
    // ...but not a party's proper name.
    let d = full("Delegates of the Communist Party met in Beijing.");
    assert!(!has(&d, "name_calling", "communist"), "{}", dump(&d));
    // A neutral quoted noun phrase is not a label.
    let d = full("The chair described the bill as \"a reasonable compromise.\"");
    assert!(!has(&d, "name_calling", ""), "{}", dump(&d));
}

#[test]
fn speculation() {
    let t = "The minister was probably relieved when the vote was delayed.";
    assert_has(t, "speculation", "probably");
    let t = "The mayor is most likely hoping nobody notices the deficit.";
    let d = full(t);
    assert_eq!(
        span_of(&d, "speculation", "most likely"),
        Some("The mayor is most likely hoping nobody notices the deficit")
    );
    let t = "Judging by his tone, the talks had gone badly.";
    let d = full(t);
    assert_eq!(
        span_of(&d, "speculation", "judging"),
        Some("Judging by his tone, the talks had gone badly")
    );
    let t = "What did they discuss? One can only imagine the arguments behind closed doors.";
    assert_has(t, "speculation", "one can only imagine the arguments");
    // A hedge inside a parenthetical aside: the whole aside.
    let t = "He ordered a second dessert (presumably not his last of the night) before leaving.";
    let d = full(t);
    assert_eq!(
        span_of(&d, "speculation", "presumably"),
        Some("(presumably not his last of the night)")
    );
    assert_has(
        "There is no doubt the coach knew about the payments.",
        "speculation",
        "no doubt",
    );
    // "Clearly" as a claim of certainty, not as the manner of a participle.
    assert_has(
        "Clearly the council never read the report.",
        "speculation",
        "clearly",
    );
    assert_none("The kit ships with all wiring diagrams clearly labeled for each market.");
    // A forecast that shows its uncertainty is not a guess presented as fact.
    assert_none("The coach is likely to start the veteran goalkeeper on Saturday.");
    assert_none("The Bruins will likely counter with their second line.");
    assert_has(
        "The mayor is likely hiding the true cost of the stadium.",
        "speculation",
        "likely",
    );
    assert_none("The exits were clearly visible from the stage.");
    // A span that opens a quotation also closes it.
    let d = full("One can only imagine it involved \u{201c}a long lunch and a nap.\u{201d}");
    assert_eq!(
        span_of(&d, "speculation", "imagine"),
        Some("One can only imagine it involved \u{201c}a long lunch and a nap.\u{201d}")
    );
}

#[test]
fn attributed_hedges_are_reporting() {
    assert_none("Officials said the storm was likely to hit Friday.");
    assert_none("The storm is likely to reach the coast on Friday, forecasters said.");
    assert_none("According to the forecast, rain will probably continue through the weekend.");
    // A source's hedge inside a quote is the source's, not the writer's speculation.
    let d = full("\"We will probably need another week,\" the engineer said.");
    assert!(!has(&d, "speculation", ""), "{}", dump(&d));
    // The sentence is still hedged.
    let d = full("Officials said the storm was likely to hit Friday.");
    assert!(d.sentences[0].speculation);
    assert!(!d.sentences[0].opinion);
}

#[test]
fn bandwagon() {
    assert_has(
        "Most Americans are tired of this circus of a campaign.",
        "bandwagon",
        "most americans",
    );
    assert_has(
        "Everyone knows the deal was rigged from the start.",
        "bandwagon",
        "everyone knows",
    );
    assert_has(
        "The whole country is laughing at the council.",
        "bandwagon",
        "the whole country",
    );
    let t = "The senator kept talking (much to the dismay of the bulk of the nation) for an hour.";
    let d = full(t);
    assert_eq!(
        span_of(&d, "bandwagon", "bulk"),
        Some("(much to the dismay of the bulk of the nation)")
    );
    // Supported by a poll: not bandwagon.
    let d = full("Most Americans support the measure, according to a Gallup poll.");
    assert!(!has(&d, "bandwagon", ""), "{}", dump(&d));
    // No attitude: a plain quantity, not a claim about what people think.
    let d = full("Most Americans live within 50 miles of a coast.");
    assert!(!has(&d, "bandwagon", ""), "{}", dump(&d));
}

#[test]
fn doubt_exaggeration_ridicule() {
    assert_has(
        "The so-called experts were wrong again.",
        "doubt",
        "so-called",
    );
    assert_has(
        "The agency supposedly reviewed every file.",
        "doubt",
        "supposedly",
    );
    assert_has(
        "It was the worst budget ever written.",
        "exaggeration",
        "the worst budget ever",
    );
    assert_has(
        "This is an unprecedented abuse of power.",
        "exaggeration",
        "unprecedented",
    );
    assert_has(
        "He turned to the only person who could possibly help.",
        "exaggeration",
        "the only person who",
    );
    assert_has(
        "If anyone can explain losing a safe seat, it'd be the party chairman.",
        "ridicule",
        "if anyone can explain",
    );
    assert_has(
        "And who better to lecture us on ethics than a convicted lobbyist?",
        "ridicule",
        "who better to",
    );
    // Without the question mark it is not the sarcastic construction.
    let d = full("The committee asked who better to lead the review than the auditor.");
    assert!(!has(&d, "ridicule", ""), "{}", dump(&d));
    assert_has(
        "The plan is bold. What could possibly go wrong?",
        "ridicule",
        "what could possibly go wrong",
    );
}

#[test]
fn sarcasm_and_innuendo() {
    assert_has(
        "The minister blamed the weather. Because of course he did.",
        "ridicule",
        "because of course",
    );
    assert_has(
        "It's no coincidence the report came out on a Friday.",
        "speculation",
        "it's no coincidence the report came out on a friday",
    );
    assert_has(
        "People are saying the deal is already dead.",
        "bandwagon",
        "people are saying",
    );
}

#[test]
fn other_techniques() {
    assert_has(
        "But what about the emails the other side deleted?",
        "whataboutism",
        "what about",
    );
    assert_has(
        "Real patriots would never accept this deal.",
        "flag_waving",
        "real patriots",
    );
    assert_has(
        "Inflation has one cause. The real reason is simple: reckless spending.",
        "causal_oversimplification",
        "the real reason",
    );
    assert_has(
        "This is an existential threat to the republic.",
        "appeal_to_fear",
        "existential threat",
    );
    assert_has(
        "At the end of the day, it is what it is.",
        "thought_terminating_cliche",
        "it is what it is",
    );
    assert_has(
        "The crowd chanted \"lock him up\" for minutes.",
        "slogans",
        "lock him up",
    );
}

#[test]
fn neutral_reporting_is_not_flagged() {
    for t in [
        "The defeat of the bill came after a long debate.",
        "Officials said the storm was likely to hit Friday.",
        "The council approved the budget by a vote of 7 to 2.",
        "The company reported quarterly revenue of $4 billion.",
        "Lawmakers will return to the capital in January.",
        "The senator introduced an amendment on farm subsidies.",
        "The court heard arguments on Tuesday and is expected to rule next month.",
        "Voters in three states head to the polls on Tuesday.",
        "The former governor lost the race by 4 points.",
        "She radically rethought her approach to the campaign.",
        "The likely voters surveyed were split on the measure.",
    ] {
        assert_none(t);
    }
}

#[test]
fn quotes_do_not_count_towards_writer_opinion() {
    let d = full("\"This plan is a disgraceful, pathetic disaster,\" the senator said.");
    assert!(has(&d, "loaded_language", "disgraceful"), "{}", dump(&d));
    assert!(
        !d.sentences[0].opinion,
        "quoted loaded words are the speaker's"
    );
    let d = full("This plan is a disgraceful, pathetic disaster.");
    assert!(d.sentences[0].opinion);
    let d = full("The council met on Monday to discuss the budget.");
    assert!(!d.sentences[0].opinion && !d.sentences[0].speculation);
}

#[test]
fn opinion_and_speculation_flags() {
    let d = full("I think the mayor owes the city an apology. The mayor may have known about the audit. Who could blame them? The meeting ended at noon.");
    let f: Vec<(bool, bool)> = d
        .sentences
        .iter()
        .map(|s| (s.opinion, s.speculation))
        .collect();
    assert_eq!(
        f,
        [(true, false), (false, true), (true, false), (false, false)],
        "{:?}",
        d.sentences
    );
}

/// Side words swapped one for the other: the same flags and scores.
#[test]
fn neutrality_under_side_swaps() {
    let pairs = [
        ("liberals", "conservatives"),
        ("Democrats", "Republicans"),
        ("progressives", "conservatives"),
        ("the left", "the right"),
        ("leftists", "rightists"),
        ("socialists", "nationalists"),
        ("Labour MPs", "Tory MPs"),
        ("left-wing activists", "right-wing activists"),
        ("MAGA supporters", "progressive supporters"),
        ("far-left", "far-right"),
    ];
    let templates = [
        "Clueless {X} have ruined everything.",
        "The radical {X} are in full meltdown (no doubt about it).",
        "Everyone knows {X} are hypocrites.",
        "The so-called experts among {X} were spectacularly wrong.",
        "{X} probably think voters will forget.",
        "Who better to lecture us than {X}?",
    ];
    for tpl in templates {
        for (a, b) in pairs {
            let run_one = |x: &str| {
                let d = full(&tpl.replace("{X}", x));
                let mut v: Vec<(String, u32)> = d
                    .techniques
                    .iter()
                    .map(|t| (t.technique.to_string(), (t.score * 1000.0).round() as u32))
                    .collect();
                v.sort();
                (v, dump(&d))
            };
            let (va, da) = run_one(a);
            let (vb, db) = run_one(b);
            assert_eq!(va, vb, "{tpl:?} with {a:?} vs {b:?}:\n{da}---\n{db}");
        }
    }
}

/// Names swapped across parties and sides: same techniques, same scores.
#[test]
fn neutrality_under_name_swaps() {
    let templates = [
        "{A} suffered a humiliating defeat, and {B} gloated about it.",
        "{A} is probably hoping voters forget the scandal.",
        "Judging by the crowd, {A} had the better night.",
        "The so-called plan from {A} was a disaster, much to the dismay of most Americans.",
        "{B} once called {A} \"a low-IQ clown\" and \"a pathetic loser.\"",
        "If anyone can relate to losing, it'd be {A}.",
        "And who better to explain the {P} platform than {A}?",
        "{A} and the radical {P} wing slammed the bill as reckless.",
        "The {P} leaders are extremists, {B} said.",
        "Everyone knows {A} is the only candidate who can win.",
        "The {S} is in full meltdown, and its so-called leaders are clueless {S2}.",
        "Crazed {S2} want to destroy America, {A} warned.",
        "What about the {S}'s own scandals? {A} probably hopes we forget.",
    ];
    let pairs = [
        (
            "Kamala Harris",
            "Donald Trump",
            "Democratic",
            "left",
            "liberals",
        ),
        (
            "Donald Trump",
            "Kamala Harris",
            "Republican",
            "right",
            "conservatives",
        ),
        (
            "Joe Biden",
            "Donald Trump",
            "Democrat",
            "left",
            "progressives",
        ),
        (
            "Donald Trump",
            "Joe Biden",
            "Republican",
            "right",
            "Republicans",
        ),
        (
            "Rishi Sunak",
            "Keir Starmer",
            "Conservative",
            "right",
            "Tories",
        ),
        (
            "Keir Starmer",
            "Rishi Sunak",
            "Labour",
            "left",
            "socialists",
        ),
        (
            "Bernie Sanders",
            "Ron DeSantis",
            "progressive",
            "left",
            "Democrats",
        ),
        (
            "Ron DeSantis",
            "Bernie Sanders",
            "conservative",
            "right",
            "nationalists",
        ),
    ];
    for tpl in templates {
        let mut reference: Option<Vec<(String, u32)>> = None;
        for (a, b, p, side, group) in pairs {
            let text = tpl
                .replace("{A}", a)
                .replace("{B}", b)
                .replace("{P}", p)
                .replace("{S2}", group)
                .replace("{S}", side);
            for d in [full(&text), full(&text)] {
                let mut got: Vec<(String, u32)> = d
                    .techniques
                    .iter()
                    .map(|t| (t.technique.to_string(), (t.score * 1000.0).round() as u32))
                    .collect();
                got.sort();
                assert!(!got.is_empty(), "nothing found in {text:?}");
                match &reference {
                    None => reference = Some(got),
                    Some(r) => assert_eq!(&got, r, "{text:?}:\n{}", dump(&d)),
                }
            }
        }
    }
}

#[test]
fn definitions_cover_every_technique() {
    for t in TECHNIQUES {
        assert!(!definition(t).is_empty(), "{t}");
    }
    assert_eq!(definition("nope"), "");
}

#[test]
fn empty_and_odd_inputs() {
    let d = full("");
    assert!(d.techniques.is_empty());
    let d = full("“Ünïcödé” — a débâcle? (unclosed paren… and \"unclosed quote");
    for t in &d.techniques {
        assert!(d.text.is_char_boundary(t.span.start) && d.text.is_char_boundary(t.span.end));
        assert!(t.span.start < t.span.end && (0.0..=1.0).contains(&t.score));
    }
}

/// The seed article's reader-flagged spans (EXPECTED.md "Rhetoric") are found with a
/// fitting technique; span boundaries may differ (overlap counts).
#[test]
fn seed_article() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed");
    let Ok(text) = std::fs::read_to_string(format!("{dir}/000_a80840316d5e4c4f.txt")) else {
        eprintln!("skipping seed_article: ../shared/seed/000_a80840316d5e4c4f.txt not found");
        return;
    };
    let Ok(expected) = std::fs::read_to_string(format!("{dir}/EXPECTED.md")) else {
        eprintln!("skipping seed_article: ../shared/seed/EXPECTED.md not found");
        return;
    };
    // Parse the "Rhetoric" table: | `span`, `span` | technique words |
    let table = expected
        .split("## Rhetoric")
        .nth(1)
        .expect("Rhetoric section");
    let mut cases: Vec<(String, Vec<&str>)> = Vec::new();
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let cols: Vec<&str> = line.split('|').collect();
        let desc = cols[2].to_lowercase();
        let fitting: Vec<&str> = [
            ("loaded", "loaded_language"),
            ("name calling", "name_calling"),
            ("speculation", "speculation"),
            ("innuendo", "speculation"),
            ("bandwagon", "bandwagon"),
            ("ridicule", "ridicule"),
        ]
        .iter()
        .filter(|(k, _)| desc.contains(k))
        .map(|(_, v)| *v)
        .collect();
        for span in cols[1].split('`').skip(1).step_by(2) {
            let span = span.trim_end_matches("...").trim_end_matches('…').trim();
            cases.push((span.to_string(), fitting.clone()));
        }
    }
    assert!(cases.len() >= 10, "{cases:?}");
    for doc in [full(&text), full(&text)] {
        for (span, fitting) in &cases {
            let at = doc
                .text
                .find(span.as_str())
                .unwrap_or_else(|| panic!("{span:?} not in text"));
            let want = Span::new(at, at + span.len());
            assert!(
                doc.techniques
                    .iter()
                    .any(|t| t.span.overlaps(&want) && fitting.contains(&t.technique.as_str())),
                "seed span {span:?} ({fitting:?}) not flagged:\n{}",
                dump(&doc)
            );
        }
    }
}

/// Short articles written for this test, from opposite leanings and a neutral wire
/// report: the same kinds of flags on both sides, none on the wire copy.
#[test]
fn articles_of_other_leanings() {
    let left = "Governor Dale Hutchins had another catastrophic week.\n\n\
        The so-called fiscal conservative, who has spent a decade lecturing teachers about budgets, \
        apparently could not balance his own campaign books. Judging by the silence from his office, \
        the auditors found plenty. Most Americans are sick of this kind of hypocrisy.\n\n\
        Critics have called him \"a spineless corporate puppet.\" If anyone knows about creative \
        accounting, it's Dale Hutchins.\n\n\
        The state treasurer said the shortfall was likely to exceed $40 million.";
    let right = "Mayor Lena Ortiz's disastrous housing scheme is collapsing, and her woke allies are in \
        full meltdown.\n\n\
        The radical mayor probably hoped nobody would read the audit (a vain hope, no doubt). \
        Everyone knows the program was a boondoggle. What about the millions her predecessor wasted?\n\n\
        One talk-show host dubbed her \"a clueless socialist.\" Who better to run a city into the \
        ground than a career activist?\n\n\
        The city's housing director said the program would probably be reviewed in March.";
    let wire = "The city council voted 7-2 on Tuesday to approve a $1.2 billion budget for the coming \
        fiscal year.\n\n\
        The measure includes funding for 300 new teachers and road repairs, officials said. Council \
        member Ana Ruiz, who voted against the budget, said she was concerned about rising debt.\n\n\
        The mayor is expected to sign the budget next week. Forecasters said heavy rain would likely \
        delay the start of construction.";

    for (text, expected) in [
        (
            left,
            vec![
                ("loaded_language", "catastrophic"),
                ("doubt", "so-called"),
                ("speculation", "apparently"),
                (
                    "speculation",
                    "judging by the silence from his office, the auditors found plenty",
                ),
                ("bandwagon", "most americans"),
                ("name_calling", "a spineless corporate puppet"),
                ("ridicule", "if anyone knows"),
            ],
        ),
        (
            right,
            vec![
                ("loaded_language", "disastrous"),
                ("loaded_language", "meltdown"),
                ("loaded_language", "radical"),
                ("speculation", "probably hoped"),
                ("speculation", "(a vain hope, no doubt)"),
                ("bandwagon", "everyone knows"),
                ("whataboutism", "what about"),
                ("name_calling", "a clueless socialist"),
                ("ridicule", "who better to"),
            ],
        ),
    ] {
        for d in [full(text), full(text)] {
            for (tech, needle) in &expected {
                assert!(
                    has(&d, tech, needle),
                    "{tech} {needle:?} missing:\n{}",
                    dump(&d)
                );
            }
            // The attributed forecast in the last paragraph is reporting.
            let last = d.text.rfind("\n\n").unwrap();
            assert!(
                !d.techniques
                    .iter()
                    .any(|t| t.span.start > last && t.technique == "speculation"),
                "{}",
                dump(&d)
            );
        }
    }
    for d in [full(wire), full(wire)] {
        assert!(d.techniques.is_empty(), "{}", dump(&d));
        assert!(d.sentences.iter().all(|s| !s.opinion), "{:?}", d.sentences);
    }
}

#[test]
fn hedge_lookalikes() {
    assert_none("Applicants must have a valid licence and two references.");
    assert_none("It is clear from the court record that the deadline passed.");
    assert_has(
        "He must have known about the payments.",
        "speculation",
        "must have known",
    );
    assert_none("She was the only senator who voted against the bill.");
    assert_has(
        "He is the only person who can fix this mess.",
        "exaggeration",
        "the only person who can",
    );
}

#[test]
fn nicknames_dichotomies_authorities() {
    assert_has(
        "At the rally he dubbed her \"Crazy Kim\" twice.",
        "name_calling",
        "crazy kim",
    );
    assert_has(
        "The columnist keeps calling him \"Sleepy Sam.\"",
        "name_calling",
        "sleepy sam",
    );
    // A neutral nickname is not an insult.
    let d = full("Friends dubbed him \"The Professor\" in college.");
    assert!(!has(&d, "name_calling", ""), "{}", dump(&d));
    assert_has(
        "You are either with the workers or against them; there is no middle ground.",
        "black_and_white_fallacy",
        "no middle ground",
    );
    assert_has(
        "Experts agree the policy has failed.",
        "appeal_to_authority",
        "experts agree",
    );
}

/// Random mixes of lexicon phrases, Unicode punctuation and line breaks: no panic,
/// spans on char boundaries, scores in range.
#[test]
fn no_panics_on_random_text() {
    let pieces = [
        "the",
        "so-called",
        "debacle",
        "(",
        ")",
        "\u{201c}",
        "\u{201d}",
        "\"",
        "it\u{2019}d be",
        "if anyone can",
        ", ",
        ". ",
        "? ",
        "!",
        "\n",
        "\n\n",
        "most likely",
        "judging by",
        "İstanbul",
        "ß",
        "—",
        "a low-IQ",
        "clown",
        "who better to",
        "than",
        "Most Americans",
        "hate",
        "é",
        "worst",
        "ever",
        "must have",
        "said",
        "likely",
        "…",
        "\u{2019}",
        "what about",
        "Mr.",
        "U.S.",
        "everyone knows",
        "humiliat",
        "\u{a0}",
        "  ",
        "\t",
        "\u{2003}",
        "ing",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let n: usize = std::env::var("FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    for _ in 0..n {
        let mut s = String::new();
        for _ in 0..40 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
            if x & 3 == 0 {
                s.push(' ');
            }
        }
        for d in [full(&s), full(&s)] {
            for t in &d.techniques {
                assert!(
                    d.text.is_char_boundary(t.span.start) && d.text.is_char_boundary(t.span.end),
                    "{s:?}"
                );
                assert!(
                    t.span.start < t.span.end && t.span.end <= d.text.len(),
                    "{s:?}"
                );
                assert!((0.0..=1.0).contains(&t.score));
                assert!(TECHNIQUES.contains(&t.technique.as_str()));
            }
        }
    }
}

#[test]
fn evaluative_sentences_are_opinion() {
    let d = full("It was a silly, misguided plan. The plan was announced on Monday. Frankly, the delay is unacceptable.");
    let f: Vec<bool> = d.sentences.iter().map(|s| s.opinion).collect();
    assert_eq!(f, [true, false, true], "{:?}", d.sentences);
}

#[test]
fn scare_quotes_cast_doubt() {
    use unspin_doc::{Quote, QuoteKind};
    let text = "The \"experts\" at the agency changed their minds again.";
    let mut d = Doc::new(text);
    unspin_segment::segment(&mut d);
    let at = text.find("experts").unwrap();
    d.quotes.push(Quote {
        span: Span::new(at, at + "experts".len()),
        kind: QuoteKind::Scare,
        speaker: None,
        cue: None,
    });
    detect(&mut d);
    assert!(has(&d, "doubt", "experts"), "{}", dump(&d));
}

#[test]
fn phrases_across_line_wraps() {
    let d = full("The senator suffered a spectacular\ndefeat in the primary.");
    assert!(
        has(&d, "loaded_language", "spectacular\ndefeat"),
        "{}",
        dump(&d)
    );
    // No-break spaces and doubled spaces (HTML-extracted text): offsets still point
    // into the original text.
    let d = full("It was a spectacular\u{a0}defeat.  So-called  experts agreed.");
    assert_eq!(
        span_of(&d, "loaded_language", "spectacular"),
        Some("spectacular\u{a0}defeat"),
        "{}",
        dump(&d)
    );
    assert!(has(&d, "doubt", "so-called"), "{}", dump(&d));
    // Not across a paragraph break.
    let d = full("He was spectacular.\n\nDefeat came later for the other team.");
    assert!(!has(&d, "loaded_language", "spectacular"), "{}", dump(&d));
}

/// Plain news sentences from several beats (written for this test): nothing flagged.
#[test]
fn neutral_news_from_other_beats() {
    for t in [
        "The storm destroyed 40 homes and left 12,000 customers without power, the utility said.",
        "Police said the suspect was arrested Tuesday and charged with burglary.",
        "Shares of the company fell 3 percent after it reported lower-than-expected earnings.",
        "The home team won 3-1, with two goals in the second half.",
        "The car slammed into a utility pole shortly after midnight, officials said.",
        "The museum will reopen in March after a two-year renovation.",
        "The Communist Party of Vietnam opened its congress in Hanoi on Monday.",
        "Forecasters expect the hurricane to make landfall late Thursday.",
        "The bill, which passed the House 220-211, now goes to the Senate.",
        "Researchers at the university published the study in a peer-reviewed journal.",
        "The Socialist Party candidate finished third with 9 percent of the vote.",
        "The minister said the talks would probably resume next week.",
        "Federal disaster relief reached the county on Friday.",
        "The region has suffered three natural disasters since 2019.",
        "The fire gutted a warehouse near the port.",
    ] {
        assert_none(t);
    }
}

#[test]
fn embedded_model_round_trips() {
    let m = embedded();
    assert!(m.info.contains("PTC"), "{}", m.info);
    let again = model::Model::from_bytes(&m.to_bytes()).unwrap();
    assert_eq!(again.to_bytes(), m.to_bytes());
    assert!(model::Model::from_bytes(b"nonsense").is_err());
}

/// The model alone finds and names propaganda; `detect` keeps every rule flag.
#[test]
fn model_spans_and_rules_together() {
    let text = "These treacherous globalist elites will stop at nothing to destroy our great \
                nation, and only a fool would trust a single word they say. Wake up, America!";
    let mut d = Doc::new(text);
    unspin_segment::segment(&mut d);
    let m = detect_model(&d);
    assert!(!m.is_empty(), "model found nothing");
    for t in &m {
        assert!(
            TECHNIQUES.contains(&t.technique.as_str()),
            "{}",
            t.technique
        );
        assert!((0.0..=1.0).contains(&t.score), "{t:?}");
        assert!(!definition(t.technique.as_str()).is_empty());
    }
    let mut rules = d.clone();
    detect_rules(&mut rules);
    let all = full(text);
    for r in &rules.techniques {
        assert!(all.techniques.contains(r), "rule flag dropped: {r:?}");
    }
}

/// The model's own spans and scores do not depend on which side or name is used.
#[test]
fn model_neutrality_under_swaps() {
    let templates = [
        "{A} and the radical {P} wing want to destroy this country, and {S2} cheer them on.",
        "The corrupt {P} establishment lied again, {B} said, and {A} is a disgrace.",
        "{S2} are traitors who hate America and everything it stands for.",
    ];
    let pairs = [
        ("Kamala Harris", "Donald Trump", "Democratic", "liberals"),
        (
            "Donald Trump",
            "Kamala Harris",
            "Republican",
            "conservatives",
        ),
        ("Keir Starmer", "Rishi Sunak", "Labour", "socialists"),
        (
            "Ron DeSantis",
            "Bernie Sanders",
            "conservative",
            "nationalists",
        ),
    ];
    for tpl in templates {
        let mut reference: Option<Vec<(String, u32)>> = None;
        for (a, b, p, g) in pairs {
            let text = tpl
                .replace("{A}", a)
                .replace("{B}", b)
                .replace("{P}", p)
                .replace("{S2}", g);
            let mut d = Doc::new(text.as_str());
            unspin_segment::segment(&mut d);
            let mut got: Vec<(String, u32)> = detect_model(&d)
                .iter()
                .map(|t| (t.technique.to_string(), (t.score * 1000.0).round() as u32))
                .collect();
            got.sort();
            match &reference {
                None => reference = Some(got),
                Some(r) => assert_eq!(&got, r, "{text:?}"),
            }
        }
    }
}

/// Every flag says which words triggered it: words inside its span, in text order,
/// not overlapping; a lexicon flag names its entry, a gated model span its valenced word.
#[test]
fn every_flag_names_its_trigger_words() {
    let texts = [
        "These treacherous globalist elites will stop at nothing to destroy our great \
         nation, and only a fool would trust a single word they say. Wake up, America!",
        "The council's plan is a reckless gamble, and the mayor is likely hiding the costs.",
        "Critics called him \"a spineless coward\" after the vote. Everyone knows the \
         \"experts\" were wrong.",
        "The flood was a horrific, brutal catastrophe for the valley's farmers.",
    ];
    let mut n = 0;
    for text in texts {
        let mut d = Doc::new(text);
        unspin_segment::segment(&mut d);
        let model = detect_model(&d);
        detect(&mut d);
        for t in d.techniques.iter().chain(&model) {
            n += 1;
            assert!(!t.triggers.is_empty(), "no trigger: {t:?}");
            for w in t.triggers.windows(2) {
                assert!(w[0].end <= w[1].start, "unordered or overlapping: {t:?}");
            }
            for g in &t.triggers {
                assert!(t.span.contains(g), "trigger outside the span: {t:?}");
                let s = d.slice(*g);
                assert!(!s.is_empty() && s.trim() == s, "{s:?} in {t:?}");
            }
        }
    }
    assert!(n >= 6, "too few flags to check: {n}");
    let d = full("The council's plan is a reckless gamble that will bankrupt the city.");
    let t = d
        .techniques
        .iter()
        .find(|t| t.technique == "loaded_language")
        .expect("loaded language flagged");
    let words: Vec<&str> = t.triggers.iter().map(|s| d.slice(*s)).collect();
    assert!(
        words.iter().any(|w| w.to_lowercase().contains("reckless")),
        "{words:?}"
    );
}

/// A name that is also a strongly negative word ("Dick") is no trigger; the word is.
#[test]
fn names_do_not_trigger_model_spans() {
    let trig = |text: &str| -> Vec<String> {
        let mut d = Doc::new(text);
        unspin_segment::segment(&mut d);
        let ctx = text::Ctx::new(&d);
        let hits = find_hits(&ctx);
        let p = model::Prep::new(&ctx, &hits);
        p.triggers(Span::new(0, text.len()))
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    };
    assert_eq!(
        trig("The winner was the daughter of former Vice President Dick Cheney."),
        Vec::<String>::new()
    );
    assert_eq!(
        trig("The winner called the vote a dick move by the party."),
        ["dick"]
    );
}

//! Sourcing rules on hand-built documents (sentences written for these tests).

mod common;

use common::*;
use unspin_doc::{Attribution, EntityKind, QuoteKind, SourceKind};

#[test]
fn according_to_outlet_is_attributed() {
    let mut b = B::new(
        "The plant will close in March, according to the Springfield Ledger. Workers were not told.",
    );
    let e = b.ent(
        "Springfield Ledger",
        EntityKind::Outlet,
        &["Springfield Ledger"],
        &[],
    );
    let d = b.run();
    let s = source(&d, "Springfield Ledger").expect("outlet source");
    assert_eq!(s.kind, SourceKind::Outlet);
    assert_eq!(s.entity, Some(e));
    assert_eq!(d.slice(s.mentions[0]), "Springfield Ledger");
    assert_eq!(attr_of(&d, "The plant"), Attribution::Attributed);
    assert_eq!(attr_of(&d, "Workers"), Attribution::Own);
}

#[test]
fn reporting_verb_subjects() {
    let mut b = B::new(
        "The Harbor Courier first reported the merger on Monday. \
         Maria Lopez said the deal was unfair. \
         A study by the Fennimore Institute found rents rose sharply. \
         The Valley Tribune's reporting shows a pattern of delays.",
    );
    b.ent(
        "Harbor Courier",
        EntityKind::Outlet,
        &["Harbor Courier"],
        &[],
    );
    b.ent("Maria Lopez", EntityKind::Person, &["Maria Lopez"], &[]);
    b.ent(
        "Fennimore Institute",
        EntityKind::Org,
        &["Fennimore Institute"],
        &[],
    );
    b.ent(
        "Valley Tribune",
        EntityKind::Outlet,
        &["Valley Tribune"],
        &[],
    );
    let d = b.run();
    assert_eq!(
        source(&d, "Harbor Courier").unwrap().kind,
        SourceKind::Outlet
    );
    assert_eq!(source(&d, "Maria Lopez").unwrap().kind, SourceKind::Person);
    assert_eq!(
        source(&d, "Fennimore Institute").unwrap().kind,
        SourceKind::Org
    );
    assert_eq!(
        source(&d, "Valley Tribune").unwrap().kind,
        SourceKind::Outlet
    );
    for s in &d.sentences {
        assert_eq!(
            s.attribution,
            Attribution::Attributed,
            "{}",
            d.slice(s.span)
        );
    }
}

#[test]
fn person_found_is_not_a_finding_verb() {
    let mut b = B::new("Maria Lopez found herself alone after the vote. She went home.");
    b.ent("Maria Lopez", EntityKind::Person, &["Maria Lopez"], &[]);
    let d = b.run();
    assert!(d.sources.is_empty(), "{:?}", d.sources);
    assert_eq!(attr_of(&d, "Maria Lopez"), Attribution::Own);
}

/// The person speaks; the outlet that carried the interview is credited too (kind
/// outlet), the same as for "told X": it is where a fact-checker finds the words.
#[test]
fn interview_with_outlet_credits_the_speaker_and_the_outlet() {
    let mut b = B::new(
        "Governor Alan Brooks said in an interview with the Coastal Herald that taxes would fall.",
    );
    b.ent("Alan Brooks", EntityKind::Person, &["Alan Brooks"], &[]);
    b.ent(
        "Coastal Herald",
        EntityKind::Outlet,
        &["Coastal Herald"],
        &[],
    );
    let d = b.run();
    assert!(source(&d, "Alan Brooks").is_some());
    let o = source(&d, "Coastal Herald").expect("outlet that carried the interview");
    assert_eq!(o.kind, SourceKind::Outlet);
    assert_eq!(d.sentences[0].attribution, Attribution::Attributed);
}

#[test]
fn told_outlet_is_credited_as_the_outlet_that_carried_it() {
    let mut b = B::new("The mayor told the Daily Sentinel that she would run again.");
    b.ent(
        "Daily Sentinel",
        EntityKind::Outlet,
        &["Daily Sentinel"],
        &[],
    );
    let d = b.run();
    let o = source(&d, "Daily Sentinel").expect("outlet source");
    assert_eq!(o.kind, SourceKind::Outlet);
}

#[test]
fn told_a_person_or_reporters_credits_no_outlet() {
    let mut b = B::new("The mayor told Jim Ross and reporters that she would run again.");
    b.ent("Jim Ross", EntityKind::Person, &["Jim Ross"], &[]);
    let d = b.run();
    assert!(
        d.sources.iter().all(|s| s.kind != SourceKind::Outlet),
        "{:?}",
        d.sources
    );
}

#[test]
fn journal_that_published_a_study_is_a_named_source() {
    let mut b = B::new(
        "Sleep loss raises blood pressure, according to a study published Tuesday in the Journal of Sleep Medicine.          The results, published in the journal Cell Metabolism, surprised doctors.",
    );
    b.ent(
        "Journal of Sleep Medicine",
        EntityKind::Org,
        &["Journal of Sleep Medicine"],
        &[],
    );
    let d = b.run();
    assert!(
        source(&d, "Journal of Sleep Medicine").is_some(),
        "{:?}",
        d.sources
    );
    // Without an entity: the capitalised name after "the journal".
    let s = source(&d, "Cell Metabolism").expect("journal without entity");
    assert_eq!(s.kind, SourceKind::Org);
}

#[test]
fn statement_from_org_is_a_named_source() {
    let mut b =
        B::new("The plant will reopen in May, according to a statement from Norvale Steel.");
    b.ent("Norvale Steel", EntityKind::Org, &["Norvale Steel"], &[]);
    let d = b.run();
    assert!(source(&d, "Norvale Steel").is_some(), "{:?}", d.sources);
    assert_eq!(d.sentences[0].attribution, Attribution::Attributed);
}

#[test]
fn role_named_in_commas_is_not_anonymous() {
    let mut b = B::new("A ministry spokesman, Tomas Berg, said the plan was final.");
    b.ent("Tomas Berg", EntityKind::Person, &["Tomas Berg"], &[]);
    let d = b.run();
    assert!(source(&d, "Tomas Berg").is_some(), "{:?}", d.sources);
    assert!(
        d.sources.iter().all(|s| s.kind != SourceKind::Anonymous),
        "{:?}",
        d.sources
    );
    // Unnamed, it stays anonymous.
    let d = B::new("A ministry spokesman said the plan was final.").run();
    assert!(
        d.sources.iter().any(|s| s.kind == SourceKind::Anonymous),
        "{:?}",
        d.sources
    );
}

#[test]
fn org_named_after_its_description_is_a_source() {
    let mut b =
        B::new("The charity behind the shelter, Harbor Homes Trust, says beds will be ready.");
    b.ent(
        "Harbor Homes Trust",
        EntityKind::Org,
        &["Harbor Homes Trust"],
        &[],
    );
    let d = b.run();
    assert!(
        source(&d, "Harbor Homes Trust").is_some(),
        "{:?}",
        d.sources
    );
}

#[test]
fn anonymous_sources() {
    let mut b = B::new(
        "Some advisers have urged him to wait. \
         Sources say the budget is already spent. \
         A source close to the governor described the mood as tense. \
         People familiar with the matter expect a delay. \
         Critics argue the rule is too vague. \
         The plan will fail, said one aide. \
         Two senior officials said the talks had stalled. \
         Some Republicans say the vote came too soon.",
    );
    b.ent("Republicans", EntityKind::Org, &["Republicans"], &[]);
    let d = b.run();
    let names: Vec<&str> = d
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Anonymous)
        .map(|s| s.name.as_str())
        .collect();
    for want in [
        "some advisers",
        "sources",
        "a source close to the governor",
        "people familiar with the matter",
        "critics",
        "one aide",
        "two senior officials",
        "some Republicans",
    ] {
        assert!(names.contains(&want), "missing {want:?} in {names:?}");
    }
    for s in &d.sentences {
        assert_eq!(s.attribution, Attribution::Anonymous, "{}", d.slice(s.span));
    }
    assert_eq!(kinds(&d, "anonymous_sourcing").len(), names.len());
    assert!(kinds(&d, "anonymous_sourcing")
        .iter()
        .any(|f| f.message.contains("some advisers")));
}

#[test]
fn sourcing_nouns_as_objects_are_not_sources() {
    let d = B::new(
        "She met her advisers and allies to plan the week. \
         The only source of water is the river. \
         He has long distrusted critics.",
    )
    .run();
    assert!(d.sources.is_empty(), "{:?}", d.sources);
    assert!(d
        .sentences
        .iter()
        .all(|s| s.attribution == Attribution::Own));
}

#[test]
fn named_aide_is_not_anonymous() {
    let mut b = B::new("Campaign aide Jordan Reyes said the event was canceled.");
    b.ent("Jordan Reyes", EntityKind::Person, &["Jordan Reyes"], &[]);
    let d = b.run();
    assert!(
        d.sources.iter().all(|s| s.kind != SourceKind::Anonymous),
        "{:?}",
        d.sources
    );
    assert!(source(&d, "Jordan Reyes").is_some());
}

#[test]
fn rumours() {
    let d = B::new(
        "The senator is rumored to be weighing a run. \
         Reports have surfaced that the factory will move. \
         The coach reportedly asked for a trade. \
         It is said that the deal fell apart over dinner. \
         Word is the mayor wants out. \
         There are reports that the bridge is unsafe. \
         It has been reported that prices will rise. \
         The suspect allegedly fled on foot.",
    )
    .run();
    let rumours = kinds(&d, "rumour");
    assert_eq!(rumours.len(), 8, "{rumours:?}");
    for s in &d.sentences {
        assert_eq!(s.attribution, Attribution::Anonymous, "{}", d.slice(s.span));
    }
    assert!(d
        .sources
        .iter()
        .any(|s| s.kind == SourceKind::Rumour && s.name == "is rumored"));
    let f = rumours[0];
    assert_eq!(d.slice(f.spans[0]), "is rumored");
}

#[test]
fn rumour_look_alikes_are_not_rumours() {
    let mut b = B::new(
        "The Daily Sentinel reports that the road is closed. \
         The reports said the road was closed. \
         The last word is hers. \
         It was reported by the Daily Sentinel that the road closed.",
    );
    b.ent(
        "Daily Sentinel",
        EntityKind::Outlet,
        &["Daily Sentinel"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "rumour").is_empty(), "{:?}", d.findings);
}

#[test]
fn words_inside_quotes_are_the_speakers() {
    let mut b = B::new("\"Sources say the budget is spent,\" Maria Lopez said.");
    let e = b.ent("Maria Lopez", EntityKind::Person, &["Maria Lopez"], &[]);
    b.quote(
        "Sources say the budget is spent,",
        QuoteKind::Direct,
        Some(("Maria Lopez", Some(e))),
        Some("said"),
    );
    let d = b.run();
    assert!(
        d.sources.iter().all(|s| s.kind != SourceKind::Anonymous),
        "{:?}",
        d.sources
    );
    assert_eq!(d.sentences[0].attribution, Attribution::Quoted);
}

#[test]
fn quoted_and_partial_quotes() {
    let mut b = B::new(
        "\"We will not back down from this fight, not now and not ever,\" the minister said. \
         The minister called the bill \"a disgrace\" in a speech. \
         Opponents are \"deeply worried\" about the bill. \
         She is rumored to be \"furious\" about it. \
         Some donors have called the plan \"a fantasy\" in private.",
    );
    let e = b.ent(
        "Ana Ruiz",
        EntityKind::Person,
        &[],
        &["the minister", "The minister"],
    );
    b.quote(
        "We will not back down from this fight, not now and not ever,",
        QuoteKind::Direct,
        Some(("the minister", Some(e))),
        Some("said"),
    );
    b.quote(
        "a disgrace",
        QuoteKind::Partial,
        Some(("The minister", Some(e))),
        Some("called"),
    );
    b.quote("deeply worried", QuoteKind::Partial, None, None);
    b.quote("furious", QuoteKind::Partial, None, None);
    b.quote(
        "a fantasy",
        QuoteKind::Partial,
        Some(("Some donors", None)),
        Some("called"),
    );
    let d = b.run();
    assert_eq!(attr_of(&d, "We will not"), Attribution::Quoted);
    assert_eq!(attr_of(&d, "a disgrace"), Attribution::Attributed);
    assert_eq!(attr_of(&d, "Opponents"), Attribution::Own);
    assert_eq!(attr_of(&d, "furious"), Attribution::Anonymous);
    assert_eq!(attr_of(&d, "Some donors"), Attribution::Anonymous);
    assert!(source(&d, "some donors").is_some(), "{:?}", d.sources);
    assert!(source(&d, "Ana Ruiz").is_some());
}

#[test]
fn unattributed_quote_but_not_scare_quotes() {
    let mut b = B::new(
        "\"The numbers simply do not add up, and everyone here knows it.\" \
         The so-called \"reform\" passed anyway.",
    );
    b.quote(
        "The numbers simply do not add up, and everyone here knows it.",
        QuoteKind::Direct,
        None,
        None,
    );
    b.quote("reform", QuoteKind::Scare, None, None);
    let d = b.run();
    let f = kinds(&d, "unattributed_quote");
    assert_eq!(f.len(), 1, "{:?}", d.findings);
    assert!(f[0].message.contains("The numbers simply"));
    assert_eq!(attr_of(&d, "The numbers"), Attribution::Quoted);
    assert_eq!(attr_of(&d, "so-called"), Attribution::Own);
}

/// Outlet A introduces a report; its words are later credited to outlet B.
fn mixup() -> B {
    let mut b = B::new(
        "The council met in secret, a new report from the Northfield Gazette shows.\n\n\
         \"Members arrived one by one after dark and left by the back door,\" \
         the Northfield Times writes.\n\n\
         The meetings went on for months, according to the Gazette.",
    );
    b.ent(
        "Northfield Gazette",
        EntityKind::Outlet,
        &["Northfield Gazette"],
        &["the Gazette"],
    );
    let t = b.ent(
        "Northfield Times",
        EntityKind::Outlet,
        &["Northfield Times"],
        &[],
    );
    b.quote(
        "Members arrived one by one after dark and left by the back door,",
        QuoteKind::Direct,
        Some(("Northfield Times", Some(t))),
        Some("writes"),
    );
    b
}

#[test]
fn source_conflict_same_report_two_outlets() {
    let d = mixup().run();
    eprintln!("{:#?}", d.sources);
    let f = kinds(&d, "source_conflict");
    assert_eq!(f.len(), 1, "{:?}", d.findings);
    assert!(f[0].message.contains("Northfield Gazette"));
    assert!(f[0].message.contains("Northfield Times"));
    let texts: Vec<&str> = f[0].spans.iter().map(|s| d.slice(*s)).collect();
    assert_eq!(texts, ["Northfield Gazette", "Northfield Times"]);
    assert_eq!(attr_of(&d, "The council"), Attribution::Attributed);
    assert_eq!(attr_of(&d, "Members arrived"), Attribution::Quoted);
    assert_eq!(attr_of(&d, "The meetings"), Attribution::Attributed);
}

#[test]
fn two_outlet_comparison_is_not_a_conflict() {
    let mut b = B::new(
        "A new report from the Northfield Gazette says the council met in secret.\n\n\
         The Northfield Times, which ran its own investigation, writes that the meetings were public.\n\n\
         Both reports agree the budget grew.",
    );
    b.ent(
        "Northfield Gazette",
        EntityKind::Outlet,
        &["Northfield Gazette"],
        &[],
    );
    b.ent(
        "Northfield Times",
        EntityKind::Outlet,
        &["Northfield Times"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "source_conflict").is_empty(), "{:?}", d.findings);
    assert!(source(&d, "Northfield Gazette").is_some());
    assert!(source(&d, "Northfield Times").is_some());
}

#[test]
fn outlets_named_side_by_side_are_not_a_conflict() {
    let mut b = B::new(
        "A report from the Northfield Gazette says turnout fell. \
         The Northfield Times also writes that turnout fell. \
         The Gazette and the Coastal Herald both said the count was slow.",
    );
    b.ent(
        "Northfield Gazette",
        EntityKind::Outlet,
        &["Northfield Gazette"],
        &["The Gazette"],
    );
    b.ent(
        "Northfield Times",
        EntityKind::Outlet,
        &["Northfield Times"],
        &[],
    );
    b.ent(
        "Coastal Herald",
        EntityKind::Outlet,
        &["Coastal Herald"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "source_conflict").is_empty(), "{:?}", d.findings);
}

#[test]
fn two_introduced_reports_are_not_a_conflict() {
    let mut b = B::new(
        "A report from the Northfield Gazette says turnout fell. \
         A report from the Coastal Herald says turnout rose. \
         The Coastal Herald writes that lines were short.",
    );
    b.ent(
        "Northfield Gazette",
        EntityKind::Outlet,
        &["Northfield Gazette"],
        &[],
    );
    b.ent(
        "Coastal Herald",
        EntityKind::Outlet,
        &["Coastal Herald"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "source_conflict").is_empty(), "{:?}", d.findings);
}

#[test]
fn own_outlet_is_not_part_of_a_conflict() {
    let mut b = mixup();
    b.doc.meta.outlet = Some("The Northfield Times".into());
    let d = b.run();
    assert!(kinds(&d, "source_conflict").is_empty(), "{:?}", d.findings);
}

#[test]
fn no_named_sources_and_mostly_unsourced() {
    let d = B::new(
        "The city is broke. The budget is a mess. Officials said nothing useful. \
         Taxes will go up next year. Roads are crumbling everywhere. \
         Nobody seems to care about it. The bridge is closed again. \
         Buses are late every day. Parks are full of litter. Schools lack teachers.",
    )
    .run();
    assert_eq!(kinds(&d, "no_named_sources").len(), 1, "{:?}", d.findings);
    let m = kinds(&d, "mostly_unsourced");
    assert_eq!(m.len(), 1, "{:?}", d.findings);
    assert!(
        m[0].message.starts_with("9 of 10 sentences (90%)"),
        "{}",
        m[0].message
    );
    assert_eq!(attr_of(&d, "Officials said"), Attribution::Anonymous);
}

#[test]
fn opinion_label_suppresses_mostly_unsourced() {
    let mut b = B::new(
        "The city is broke. The budget is a mess. Taxes will go up next year. \
         Roads are crumbling everywhere. Nobody seems to care about it. \
         The bridge is closed again. Buses are late every day. Parks are full of litter.",
    );
    b.doc.meta.title = Some("Opinion: The city is broke".into());
    let d = b.run();
    assert!(kinds(&d, "mostly_unsourced").is_empty(), "{:?}", d.findings);
}

#[test]
fn sourced_article_gets_no_article_notes() {
    let mut b = B::new(
        "Maria Lopez said the plant will close. The Harbor Courier reported the same. \
         Prices rose in May, according to the Fennimore Institute. Lopez added that jobs would go. \
         The plant opened in 1990.",
    );
    b.ent(
        "Maria Lopez",
        EntityKind::Person,
        &["Maria Lopez", "Lopez"],
        &[],
    );
    b.ent(
        "Harbor Courier",
        EntityKind::Outlet,
        &["Harbor Courier"],
        &[],
    );
    b.ent(
        "Fennimore Institute",
        EntityKind::Org,
        &["Fennimore Institute"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "no_named_sources").is_empty());
    assert!(kinds(&d, "mostly_unsourced").is_empty());
    let lopez = source(&d, "Maria Lopez").unwrap();
    assert_eq!(lopez.mentions.len(), 2);
}

#[test]
fn inverted_attribution() {
    let mut b = B::new("The bridge will reopen in June, said Mayor Tom Hale.");
    b.ent("Tom Hale", EntityKind::Person, &["Tom Hale"], &[]);
    let d = b.run();
    assert!(source(&d, "Tom Hale").is_some(), "{:?}", d.sources);
    assert_eq!(d.sentences[0].attribution, Attribution::Attributed);
}

#[test]
fn headline_with_vague_report_label() {
    let d = B::new("# Report: Mayor plans to resign\n\nThe mayor has not commented.").run();
    assert_eq!(d.sentences[0].attribution, Attribution::Anonymous);
    assert_eq!(d.sentences[1].attribution, Attribution::Own);
}

#[test]
fn anonymity_phrase_alone() {
    let d =
        B::new("The deal is off, a person who spoke on condition of anonymity confirmed.").run();
    assert!(
        d.sources.iter().any(|s| s.kind == SourceKind::Anonymous),
        "{:?}",
        d.sources
    );
    assert_eq!(d.sentences[0].attribution, Attribution::Anonymous);
}

#[test]
fn pronoun_speaker_is_attributed_without_new_source() {
    let mut b = B::new("\"It will pass,\" he said, and the room went quiet for a long while before anyone in the hall spoke again.");
    b.quote(
        "It will pass,",
        QuoteKind::Direct,
        Some(("he", None)),
        Some("said"),
    );
    let d = b.run();
    assert!(d.sources.is_empty(), "{:?}", d.sources);
    assert_eq!(d.sentences[0].attribution, Attribution::Attributed);
}

#[test]
fn empty_doc_is_fine() {
    let d = B::new("").run();
    assert!(d.sources.is_empty());
    assert!(d.findings.is_empty());
}

#[test]
fn works_without_sentences() {
    // The token layer is always there (the segmenter lays it down); with no
    // sentences the rules run over paragraphs.
    let mut doc = unspin_doc::Doc::new("Sources say the plan is dead. It is rumored to be over.");
    unspin_segment::segment(&mut doc);
    doc.sentences.clear();
    unspin_sources::detect(&mut doc);
    assert!(doc.sources.iter().any(|s| s.kind == SourceKind::Anonymous));
    assert!(doc.sources.iter().any(|s| s.kind == SourceKind::Rumour));
}

#[test]
fn pronoun_and_description_subjects_attribute_without_new_source() {
    let d = B::new(
        "He said the plan would fail within a year. \
         The agency said the figures were accurate. \
         The report found that costs doubled. \
         She wants to be told the truth about it.",
    )
    .run();
    assert!(d.sources.is_empty(), "{:?}", d.sources);
    assert_eq!(attr_of(&d, "He said"), Attribution::Attributed);
    assert_eq!(attr_of(&d, "The agency"), Attribution::Attributed);
    assert_eq!(attr_of(&d, "The report"), Attribution::Attributed);
    assert_eq!(attr_of(&d, "She wants"), Attribution::Own);
}

#[test]
fn appositive_names_the_source() {
    let mut b = B::new(
        "Jane Doe, a senior adviser to the mayor, said the budget was balanced. \
         Tom Hale, one of the council's longtime critics, said it was not.",
    );
    b.ent("Jane Doe", EntityKind::Person, &["Jane Doe"], &[]);
    b.ent("Tom Hale", EntityKind::Person, &["Tom Hale"], &[]);
    let d = b.run();
    assert!(
        d.sources.iter().all(|s| s.kind == SourceKind::Person),
        "{:?}",
        d.sources
    );
    assert!(source(&d, "Jane Doe").is_some());
    assert!(source(&d, "Tom Hale").is_some());
}

#[test]
fn source_words_used_otherwise_are_not_sources() {
    let d = B::new(
        "The official position of the city has not changed. \
         Some allies like Canada and the Gulf states want to help. \
         Critics find it hard to believe the numbers. \
         The insider trading case was dropped.",
    )
    .run();
    assert!(d.sources.is_empty(), "{:?}", d.sources);
}

#[test]
fn vague_according_to() {
    let d = B::new(
        "The talks collapsed, according to media reports. \
         The deal is dead, according to people familiar with the plan.",
    )
    .run();
    assert_eq!(attr_of(&d, "The talks"), Attribution::Anonymous);
    assert_eq!(attr_of(&d, "The deal"), Attribution::Anonymous);
    assert!(d
        .sources
        .iter()
        .any(|s| s.kind == SourceKind::Rumour && s.name == "according to media reports"));
    assert!(
        source(&d, "people familiar with the plan").is_some(),
        "{:?}",
        d.sources
    );
}

#[test]
fn hearsay_word_with_named_source_is_not_a_rumour() {
    let mut b = B::new("The talks reportedly collapsed, according to the Daily Sentinel.");
    b.ent(
        "Daily Sentinel",
        EntityKind::Outlet,
        &["Daily Sentinel"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "rumour").is_empty(), "{:?}", d.findings);
    assert_eq!(d.sentences[0].attribution, Attribution::Attributed);
}

#[test]
fn headline_case_verbs() {
    let d = B::new("# Officials Warn Of Flooding Across The Valley\n\nRain fell all night.").run();
    assert_eq!(d.sentences[0].attribution, Attribution::Anonymous);
}

#[test]
fn by_agent_and_possessive_credits() {
    let mut b = B::new(
        "Documents obtained by the Coastal Herald show the contract was changed. \
         The Daily Sentinel's analysis puts the cost at $4 million.",
    );
    b.ent(
        "Coastal Herald",
        EntityKind::Outlet,
        &["Coastal Herald"],
        &[],
    );
    b.ent(
        "Daily Sentinel",
        EntityKind::Outlet,
        &["Daily Sentinel"],
        &[],
    );
    let d = b.run();
    assert!(source(&d, "Coastal Herald").is_some(), "{:?}", d.sources);
    assert!(source(&d, "Daily Sentinel").is_some(), "{:?}", d.sources);
    assert!(d
        .sentences
        .iter()
        .all(|s| s.attribution == Attribution::Attributed));
}

#[test]
fn unresolved_names_are_used_only_without_an_entity_layer() {
    let text = "\"The vote was rigged from the start,\" the Springfield Times writes.";
    let mut b = B::new(text);
    b.quote(
        "The vote was rigged from the start,",
        QuoteKind::Direct,
        Some(("the Springfield Times", None)),
        Some("writes"),
    );
    let d = b.run();
    let s = source(&d, "Springfield Times").expect("fallback source");
    assert_eq!(s.kind, SourceKind::Outlet);

    // With an entity layer, an unresolved speaker credits the sentence only.
    let mut b = B::new(text);
    b.ent("Springfield", EntityKind::Place, &["Springfield"], &[]);
    b.quote(
        "The vote was rigged from the start,",
        QuoteKind::Direct,
        Some(("the Springfield Times", None)),
        Some("writes"),
    );
    let d = b.run();
    assert!(source(&d, "Springfield Times").is_none(), "{:?}", d.sources);
    assert_eq!(d.sentences[0].attribution, Attribution::Quoted);
}

#[test]
fn second_outlet_before_the_report_is_not_a_conflict() {
    let mut b = B::new(
        "\"Members arrived one by one after dark,\" the Northfield Times wrote last year.\n\n\
         Now a new report from the Northfield Gazette says the meetings went on.",
    );
    b.ent(
        "Northfield Gazette",
        EntityKind::Outlet,
        &["Northfield Gazette"],
        &[],
    );
    let t = b.ent(
        "Northfield Times",
        EntityKind::Outlet,
        &["Northfield Times"],
        &[],
    );
    b.quote(
        "Members arrived one by one after dark,",
        QuoteKind::Direct,
        Some(("Northfield Times", Some(t))),
        Some("wrote"),
    );
    let d = b.run();
    assert!(kinds(&d, "source_conflict").is_empty(), "{:?}", d.findings);
}

#[test]
fn findings_are_neutral_and_point_at_text() {
    let d = mixup().run();
    for f in &d.findings {
        assert!(!f.message.is_empty());
        for s in &f.spans {
            assert!(s.end <= d.text.len() && d.text.is_char_boundary(s.start));
        }
        let low = f.message.to_lowercase();
        for loaded in [
            "liar",
            "fake",
            "biased",
            "propaganda",
            "left-wing",
            "right-wing",
        ] {
            assert!(!low.contains(loaded), "{}", f.message);
        }
    }
}

#[test]
fn photo_credit_is_not_a_source() {
    let mut b = B::new("The mayor spoke at length. Nobody asked questions afterwards at all.");
    b.doc.chrome.push(unspin_doc::Chrome {
        text: "The mayor at the podium. (Credit: Wire Agency)".into(),
        kind: unspin_doc::ChromeKind::Caption,
    });
    b.doc.chrome.push(unspin_doc::Chrome {
        text: "Advertisement".into(),
        kind: unspin_doc::ChromeKind::Ad,
    });
    let d = b.run();
    // The credited agency is not in the body: nothing to warn about.
    assert!(
        kinds(&d, "caption_credit_not_source").is_empty(),
        "{:?}",
        d.findings
    );
    assert!(d.sources.iter().all(|s| s.name != "Wire Agency"));

    let mut b = B::new("Wire Agency covered the speech. The mayor spoke at length.");
    b.ent("Wire Agency", EntityKind::Outlet, &["Wire Agency"], &[]);
    b.doc.chrome.push(unspin_doc::Chrome {
        text: "The mayor at the podium. (Credit: Wire Agency)".into(),
        kind: unspin_doc::ChromeKind::Caption,
    });
    let d = b.run();
    let f = kinds(&d, "caption_credit_not_source");
    assert_eq!(f.len(), 1, "{:?}", d.findings);
    assert!(f[0].message.contains("Wire Agency"));
}

#[test]
fn relative_clause_credits_the_person() {
    let mut b = B::new("The front-runner is Rudy Roe, who says he is not worried about the polls.");
    b.ent("Rudy Roe", EntityKind::Person, &["Rudy Roe"], &[]);
    let d = b.run();
    assert!(source(&d, "Rudy Roe").is_some(), "{:?}", d.sources);
    assert_eq!(d.sentences[0].attribution, Attribution::Attributed);
}

#[test]
fn running_twice_gives_the_same_result() {
    let mut b = mixup();
    unspin_sources::detect(&mut b.doc);
    let once = b.doc.clone();
    unspin_sources::detect(&mut b.doc);
    assert_eq!(once, b.doc);
}

#[test]
fn spokesperson_speaks_for_the_named_organisation() {
    let mut b = B::new(
        "A spokeswoman for the Harbor Authority said the pier would reopen. \
         A Fennimore Institute spokesman declined to comment. \
         A spokesman said the talks went well.",
    );
    b.ent(
        "Harbor Authority",
        EntityKind::Org,
        &["Harbor Authority"],
        &[],
    );
    b.ent(
        "Fennimore Institute",
        EntityKind::Org,
        &["Fennimore Institute"],
        &[],
    );
    let d = b.run();
    assert_eq!(
        source(&d, "Harbor Authority").map(|s| s.kind),
        Some(SourceKind::Org)
    );
    assert_eq!(attr_of(&d, "A spokeswoman"), Attribution::Attributed);
    assert!(source(&d, "a spokesman").is_some(), "{:?}", d.sources);
    assert_eq!(attr_of(&d, "A spokesman said"), Attribution::Anonymous);
}

#[test]
fn conflict_with_according_to_anchor() {
    let mut b = B::new(
        "The governor plans to veto the bill, according to the Capital Ledger.\n\n\
         \"She has told allies she will not sign it under any circumstances,\" the Capital Courier reported.\n\n\
         The Ledger's story adds that aides have drafted a statement.",
    );
    b.ent(
        "Capital Ledger",
        EntityKind::Outlet,
        &["Capital Ledger"],
        &["The Ledger"],
    );
    let c = b.ent(
        "Capital Courier",
        EntityKind::Outlet,
        &["Capital Courier"],
        &[],
    );
    b.quote(
        "She has told allies she will not sign it under any circumstances,",
        QuoteKind::Direct,
        Some(("Capital Courier", Some(c))),
        Some("reported"),
    );
    let d = b.run();
    let f = kinds(&d, "source_conflict");
    assert_eq!(f.len(), 1, "{:?}", d.findings);
    assert!(f[0].message.contains("Capital Ledger") && f[0].message.contains("Capital Courier"));
}

#[test]
fn separate_report_is_not_a_conflict() {
    let mut b = B::new(
        "The governor plans to veto the bill, according to a report in the Capital Ledger.\n\n\
         In a separate report, the Capital Courier wrote that aides disagree.\n\n\
         The Ledger's story adds that a statement is ready.",
    );
    b.ent(
        "Capital Ledger",
        EntityKind::Outlet,
        &["Capital Ledger"],
        &["The Ledger"],
    );
    b.ent(
        "Capital Courier",
        EntityKind::Outlet,
        &["Capital Courier"],
        &[],
    );
    let d = b.run();
    assert!(kinds(&d, "source_conflict").is_empty(), "{:?}", d.findings);
}

#[test]
fn quote_introduced_with_a_colon_is_not_unattributed() {
    let mut b =
        B::new("The inquiry's report went on: \"The engines did not respond to the demand.\"");
    b.quote(
        "The engines did not respond to the demand.",
        QuoteKind::Direct,
        None,
        None,
    );
    let d = b.run();
    assert!(
        kinds(&d, "unattributed_quote").is_empty(),
        "{:?}",
        d.findings
    );
    assert_eq!(d.sentences[0].attribution, Attribution::Quoted);
}

#[test]
fn outlet_citing_unnamed_sources() {
    let mut b =
        B::new("The Evening Wire, citing defense sources, reported that troops would move.");
    b.ent("Evening Wire", EntityKind::Outlet, &["Evening Wire"], &[]);
    let d = b.run();
    assert!(source(&d, "Evening Wire").is_some(), "{:?}", d.sources);
    assert!(source(&d, "defense sources").is_some(), "{:?}", d.sources);
}

#[test]
fn unresolved_speaker_phrase_is_trimmed_to_the_source() {
    let mut b =
        B::new("\"Demand is not driven by technology alone,\" officials say in the brochure.");
    b.quote(
        "Demand is not driven by technology alone,",
        QuoteKind::Direct,
        Some(("officials say in", None)),
        Some("say"),
    );
    let d = b.run();
    assert!(source(&d, "officials").is_some(), "{:?}", d.sources);
    assert!(d.sources.iter().all(|s| s.name != "officials say in"));
}

#[test]
fn organisation_named_like_a_paper_is_an_outlet() {
    let mut b = B::new("The Northfield Post reported that the mill will close.");
    b.ent(
        "Northfield Post",
        EntityKind::Org,
        &["Northfield Post"],
        &[],
    );
    let d = b.run();
    assert_eq!(
        source(&d, "Northfield Post").map(|s| s.kind),
        Some(SourceKind::Outlet)
    );
}

#[test]
fn more_unnamed_and_hearsay_phrasing() {
    let d = B::new(
        "The merger is off, according to sources. \
         A person briefed on the talks said the price was too high. \
         Rumours are swirling that the chief executive will quit. \
         The striker is understood to have asked for a transfer. \
         Insiders claim the board was split. \
         Experts warn the drought will worsen.",
    )
    .run();
    for s in &d.sentences {
        assert_eq!(s.attribution, Attribution::Anonymous, "{}", d.slice(s.span));
    }
    assert_eq!(kinds(&d, "rumour").len(), 2, "{:?}", d.findings);
    assert_eq!(kinds(&d, "anonymous_sourcing").len(), 4, "{:?}", d.findings);
}

#[test]
fn published_in_a_place_is_no_source() {
    let mut b = B::new("The memoir, published in New York last spring, sold well.");
    b.ent("New York", EntityKind::Place, &["New York"], &[]);
    let d = b.run();
    assert!(d.sources.is_empty(), "{:?}", d.sources);
}

#[test]
fn journal_named_in_part_by_an_entity_keeps_its_full_name() {
    let mut b = B::new(
        "Coffee helps, according to a study published in the Journal of the Pacific Heart Society.",
    );
    b.ent(
        "Pacific Heart Society",
        EntityKind::Org,
        &["Pacific Heart Society"],
        &[],
    );
    let d = b.run();
    assert!(
        source(&d, "Journal of the Pacific Heart Society").is_some(),
        "{:?}",
        d.sources
    );
}

#[test]
fn place_after_in_is_not_the_subject() {
    let mut b = B::new("Officials in Washington said the talks were useful.");
    b.ent("Washington", EntityKind::Place, &["Washington"], &[]);
    let d = b.run();
    assert!(source(&d, "Washington").is_none(), "{:?}", d.sources);
}

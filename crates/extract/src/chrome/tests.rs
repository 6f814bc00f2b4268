use super::*;

#[test]
fn ads_nav_cta() {
    assert_eq!(classify("Advertisement"), Some(ChromeKind::Ad));
    assert_eq!(classify("ADVERTISEMENT"), Some(ChromeKind::Ad));
    assert_eq!(
        classify("Story continues below advertisement"),
        Some(ChromeKind::Ad)
    );
    assert_eq!(classify("Recommended"), Some(ChromeKind::Navigation));
    assert_eq!(classify("READ MORE:"), Some(ChromeKind::Navigation));
    assert_eq!(
        classify("Related: Senate Passes the Budget Bill"),
        Some(ChromeKind::Navigation)
    );
    assert_eq!(
        classify("Trending on Daily Planet Videos"),
        Some(ChromeKind::Navigation)
    );
    assert_eq!(
        classify("Home > World > Europe"),
        Some(ChromeKind::Navigation)
    );
    assert_eq!(
        classify("Sign up for our morning newsletter"),
        Some(ChromeKind::CallToAction)
    );
    assert_eq!(
        classify("Join the conversation as a member"),
        Some(ChromeKind::CallToAction)
    );
    assert_eq!(
        classify("Follow The Clarion on Twitter"),
        Some(ChromeKind::CallToAction)
    );
    assert_eq!(
        follow_target("Follow the Valley Ledger on social media").as_deref(),
        Some("the Valley Ledger")
    );
    assert_eq!(
        classify("Get the best stories delivered straight to your inbox."),
        Some(ChromeKind::CallToAction)
    );
    assert_eq!(classify("Share this article"), Some(ChromeKind::Share));
    assert_eq!(classify("3 of 12"), Some(ChromeKind::Navigation));
    assert_eq!(classify("hide caption"), Some(ChromeKind::Navigation));
    assert_eq!(classify("Jane Doe/NPR"), Some(ChromeKind::Credit));
    assert_eq!(classify("Facebook Twitter Email"), Some(ChromeKind::Share));
    assert_eq!(
        classify("© 2024 The Clarion. All rights reserved."),
        Some(ChromeKind::Legal)
    );
}

#[test]
fn captions_and_credits() {
    assert_eq!(
        classify("Two senators at the Capitol. (Credit: AP)"),
        Some(ChromeKind::Caption)
    );
    assert_eq!(classify("(AP Photo/Jane Doe)"), Some(ChromeKind::Credit));
    assert_eq!(classify("Photo: Getty Images"), Some(ChromeKind::Credit));
    assert_eq!(
        classify("The mayor speaks at a rally in Ohio on Monday. Jane Doe/Getty Images"),
        Some(ChromeKind::Caption)
    );
    assert_eq!(
        classify("Image source, Getty Images"),
        Some(ChromeKind::Credit)
    );
    assert_eq!(
        classify("Image caption, Protesters gathered outside parliament"),
        Some(ChromeKind::Caption)
    );
}

#[test]
fn body_is_not_chrome() {
    for s in [
        "Perhaps even the presidency.",
        "Getty Images said on Tuesday that it would cut 200 jobs at its offices in Seattle.",
        "The company changed its privacy policy last week.",
        "“Subscribe to nothing,” she said.",
        "Follow the money, investigators say.",
        "Advertisements for the product ran for weeks before the election in several states.",
        "Subscribers to the service reported outages on Monday.",
        "Donated funds were spent on the campaign.",
        "Sign ups rose sharply after the debate.",
        "Related questions remain unanswered.",
        "Share prices fell sharply on Monday.",
        "By Tuesday, the rebels had taken the airport.",
    ] {
        assert_eq!(classify(s), None, "{s}");
        assert!(byline(s).is_none(), "{s}");
    }
}

#[test]
fn bylines() {
    let b = byline("By Jane Doe and John Roe | Reuters").unwrap();
    assert_eq!(b.names, vec!["Jane Doe", "John Roe"]);
    assert_eq!(b.outlet.as_deref(), Some("Reuters"));
    let b = byline("By JANE DOE, Senior Political Correspondent").unwrap();
    assert_eq!(b.names, vec!["Jane Doe"]);
    let b = byline("By Mary-Ann O'Neil for The Daily Courier").unwrap();
    assert_eq!(b.names, vec!["Mary-Ann O'Neil"]);
    assert_eq!(b.outlet.as_deref(), Some("The Daily Courier"));
    let b = byline("By Planet News Staff").unwrap();
    assert_eq!(b.outlet.as_deref(), Some("Planet News"));
    let b = byline("By Jane Doe | Published January 5, 2025").unwrap();
    assert_eq!(b.date.as_deref(), Some("2025-01-05"));
    let b = byline("By Jane Doe Updated 3:45 PM EST, Jan 5, 2025").unwrap();
    assert_eq!(b.names, vec!["Jane Doe"]);
    assert_eq!(b.date.as_deref(), Some("2025-01-05"));
    let b = byline("Jane Doe, CNN").unwrap();
    assert_eq!(b.names, vec!["Jane Doe"]);
    assert_eq!(b.outlet.as_deref(), Some("CNN"));
    assert!(byline("Washington, D.C.").is_none());
    let b = byline("By JOHN DOE FOR DAILYMAIL.COM and JANE ROE, US POLITICAL EDITOR").unwrap();
    assert_eq!(b.names, vec!["John Doe", "Jane Roe"]);
    assert_eq!(b.outlet.as_deref(), Some("DAILYMAIL.COM"));
    let b = byline("By Daily Mail Reporter").unwrap();
    assert_eq!(b.outlet.as_deref(), Some("Daily Mail"));
    let b = byline("Jane Smith, Political Editor").unwrap();
    assert_eq!(b.names, vec!["Jane Smith"]);
    assert!(byline("Joe Biden, President").is_none());
}

#[test]
fn outlet_hints() {
    assert_eq!(
        outlet_hint("Trending on Daily Planet Videos", ChromeKind::Navigation),
        Some(("Daily Planet".into(), 2))
    );
    assert_eq!(
        outlet_hint(
            "© 2024 The Clarion, Inc. All rights reserved.",
            ChromeKind::Legal
        ),
        Some(("The Clarion".into(), 4))
    );
    assert_eq!(
        outlet_hint(
            "Copyright 2019-2024 Daily Planet Media LLC",
            ChromeKind::Legal
        ),
        Some(("Daily Planet Media".into(), 4))
    );
    assert_eq!(
        outlet_hint("Follow us on Twitter", ChromeKind::CallToAction),
        None
    );
    assert_eq!(
        outlet_hint("Follow Clarion on Facebook", ChromeKind::CallToAction),
        Some(("Clarion".into(), 2))
    );
    assert_eq!(
        outlet_hint(
            "Sign up for The Harbor Ledger's free daily newsletter",
            ChromeKind::CallToAction
        ),
        Some(("The Harbor Ledger".into(), 2))
    );
    assert_eq!(
        outlet_hint("Sign up for our newsletter", ChromeKind::CallToAction),
        None
    );
    assert_eq!(
        outlet_hint(
            "Follow the Valley Courier on social media",
            ChromeKind::CallToAction
        ),
        Some(("Valley Courier".into(), 2))
    );
    assert_eq!(
        outlet_hint(
            "Join the conversation as a VIP Member",
            ChromeKind::CallToAction
        ),
        None
    );
    assert_eq!(
        outlet_hint("Join Clarion VIP", ChromeKind::CallToAction),
        Some(("Clarion".into(), 1))
    );
}

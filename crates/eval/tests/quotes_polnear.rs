//! The PolNeAR quote evaluation on a small subset (first 30 articles). Skips when the
//! data set is absent.

use std::path::Path;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/polnear");

#[test]
fn polnear_subset_scores_are_sane() {
    let dir = Path::new(DATA);
    if !dir.join("polnear-train.tar.gz").is_file() && !dir.join("polnear-train").is_dir() {
        eprintln!("skipping: PolNeAR not found at {DATA}");
        return;
    }
    let ev = unspin_eval::quotes::evaluate_limit(dir, Some(30)).expect("evaluation runs");
    println!("{ev}");
    let all = &ev.all;
    assert!(all.articles >= 25, "articles {}", all.articles);
    assert_eq!(all.articles, ev.even.articles + ev.odd.articles);
    assert!(all.direct.gold > 50 && all.direct.pred > 50);
    let (p, r, f) = all.direct.partial();
    assert!(
        p > 0.7 && r > 0.8 && f > 0.75,
        "direct partial P/R/F1 {p:.3}/{r:.3}/{f:.3}"
    );
    let (_, _, fe) = all.direct.exact();
    assert!(fe > 0.7, "direct exact F1 {fe:.3}");
    assert!(
        all.speaker_accuracy() > 0.7,
        "speaker {:.3}",
        all.speaker_accuracy()
    );
    assert!(all.indirect.pred > 0 && all.indirect.gold > all.direct.gold);
    let j = ev.to_json();
    assert_eq!(j["all"]["articles"], all.articles);
}

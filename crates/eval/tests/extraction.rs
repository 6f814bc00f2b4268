//! Extraction scores on the public sets stay above sane floors (skipped, with a
//! message, when `../shared/data` is absent).

use std::path::PathBuf;

use unspin_eval::extraction::{evaluate, shingle_match, tokens};

fn data(set: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(set);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} not found", dir.display());
        None
    }
}

#[test]
fn metric_matches_the_benchmark() {
    assert_eq!(
        tokens("It's 4-grams, ok?"),
        vec!["It", "s", "4", "grams", "ok"]
    );
    let (tp, fp, fn_) = shingle_match("a b c d e", "a b c d e", 4);
    assert_eq!((tp, fp, fn_), (1.0, 0.0, 0.0));
    let (tp, fp, fn_) = shingle_match("a b c d e", "a b c d x", 4);
    assert!((tp - 1.0 / 3.0).abs() < 1e-9 && (fp - 1.0 / 3.0).abs() < 1e-9);
    assert!((fn_ - 1.0 / 3.0).abs() < 1e-9);
    // Fewer than n tokens: one short shingle.
    assert_eq!(shingle_match("a b", "a b", 4), (1.0, 0.0, 0.0));
    assert_eq!(shingle_match("", "", 4), (0.0, 0.0, 0.0));
}

fn check(set: &str, min_f1: f64, min_p: f64) {
    let Some(dir) = data(set) else { return };
    let r = evaluate(set, &dir).expect("evaluate");
    eprintln!("{r}");
    assert!(r.all.f1 >= min_f1, "{set}: F1 {:.3} < {min_f1}", r.all.f1);
    assert!(
        r.all.precision >= min_p,
        "{set}: P {:.3} < {min_p}",
        r.all.precision
    );
    assert!(
        r.held.f1 >= min_f1 - 0.05,
        "{set}: held F1 {:.3}",
        r.held.f1
    );
}

#[test]
fn scrapinghub_aeb() {
    check("scrapinghub-aeb", 0.96, 0.95);
}

#[test]
fn cleaneval() {
    check("cleaneval", 0.87, 0.92);
}

#[test]
fn cleanportaleval() {
    check("cleanportaleval", 0.90, 0.90);
}

#[test]
fn l3s_gn1() {
    check("l3s-gn1", 0.94, 0.93);
}

#[test]
fn trafilatura_eval() {
    let Some(dir) = data("trafilatura-eval") else {
        return;
    };
    let r = evaluate("trafilatura-eval", &dir).expect("evaluate");
    eprintln!("{r}");
    assert!(r.all.f1 >= 0.88, "F1 {:.3}", r.all.f1);
    let m = r.meta_tune.expect("metadata scored");
    assert!(m.title.0 * 10 >= m.title.1 * 6, "title {:?}", m.title);
    assert!(m.date.0 * 10 >= m.date.1 * 6, "date {:?}", m.date);
}

#[test]
fn unknown_set_is_an_error() {
    assert!(evaluate("nope", std::path::Path::new("/nonexistent")).is_err());
}

//! K-fold cross-validation of the whole training recipe over every staged PTC article:
//! `cargo run --release -p unspin-rhetoric --example ptc_cv -- [DIR] [FOLDS]`.
fn main() {
    let mut a = std::env::args().skip(1);
    let dir = a
        .next()
        .unwrap_or_else(|| "../shared/data/ptc-semeval2020-task11".into());
    let folds = a.next().and_then(|f| f.parse().ok()).unwrap_or(5);
    match unspin_rhetoric::ptc::cross_validate(dir.as_ref(), folds) {
        Ok(s) => println!(
            "{folds}-fold CV over {} articles: SI P {:.4} R {:.4} F1 {:.4} (pred {}, gold {}); TC micro-F1 {:.4} ({} spans)",
            s.articles, s.si_p, s.si_r, s.si_f1, s.si_pred, s.si_gold, s.tc_f1(), s.tc_total
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

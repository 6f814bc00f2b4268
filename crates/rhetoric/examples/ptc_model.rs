//! The trained model on the PTC split at several SI thresholds (precision / recall
//! trade-off): `cargo run --release -p unspin-rhetoric --example ptc_model [DIR]`.
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ptc-semeval2020-task11".into());
    let arts = match unspin_rhetoric::ptc::load(dir.as_ref()) {
        Ok(a) => a,
        Err(e) => return eprintln!("{e}"),
    };
    let (train, held) = unspin_rhetoric::ptc::split(arts);
    let m0 = unspin_rhetoric::embedded();
    println!("{}", m0.info);
    for (name, part) in [("train", &train), ("held", &held)] {
        let s = unspin_rhetoric::ptc::score_lexicon(part);
        println!(
            "lexicon {name:<5} SI P {:.3} R {:.3} F1 {:.3} (pred {}) TC {:.3}",
            s.si_p,
            s.si_r,
            s.si_f1,
            s.si_pred,
            s.tc_f1()
        );
    }
    for th in [-8.0f32, -6.0, -4.0, -2.0, 0.0] {
        for (name, part) in [("train", &train), ("held", &held)] {
            let s = unspin_rhetoric::ptc::score_detect_at(part, th);
            println!(
                "detect th {th:>5} {name:<5} SI P {:.3} R {:.3} F1 {:.3} (pred {})",
                s.si_p, s.si_r, s.si_f1, s.si_pred
            );
        }
    }
    for th in [-8.0f32, -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0] {
        let mut m = m0.clone();
        m.threshold = th;
        for (name, part) in [("train", &train), ("held", &held)] {
            let s = unspin_rhetoric::ptc::score_model(&m, part);
            println!(
                "th {th:>5} {name:<5} SI P {:.3} R {:.3} F1 {:.3} (pred {}) TC {:.3}",
                s.si_p,
                s.si_r,
                s.si_f1,
                s.si_pred,
                s.tc_f1()
            );
        }
    }
}

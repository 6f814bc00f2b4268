//! The lexicon detector, the trained model and `detect` (rules + model at several
//! gates) on the PTC split: `cargo run --release -p unspin-train --example ptc_model [DIR]`.
use unspin_train::rhetoric::ptc::{self, PtcScores};

fn show(label: &str, s: &PtcScores) {
    let tc = if s.tc_total > 0 {
        format!("{:.3}", s.tc_f1())
    } else {
        "-".into()
    };
    println!(
        "{label:<40} SI P {:.3} R {:.3} F1 {:.3} (pred {:>5}) TC {tc}",
        s.si_p, s.si_r, s.si_f1, s.si_pred
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ptc-semeval2020-task11".into());
    let arts = match ptc::load(dir.as_ref()) {
        Ok(a) => a,
        Err(e) => return eprintln!("{e}"),
    };
    let (train, held) = ptc::split(arts);
    let m = unspin_rhetoric::embedded();
    println!("{}", m.info);
    for (name, part) in [("train", &train), ("held", &held)] {
        show(&format!("lexicon {name}"), &ptc::score_lexicon(part));
        show(&format!("model {name}"), &ptc::score_model(m, part));
        for (th, ts) in [
            (-8.0f32, f32::INFINITY),
            (-4.0, f32::INFINITY),
            (-8.0, m.sent_threshold),
            (-8.0, m.sent_threshold + 4.0),
            (m.threshold, m.sent_threshold),
        ] {
            show(
                &format!("detect th {th} ts {ts} {name}"),
                &ptc::score_detect_at(part, th, ts),
            );
        }
    }
}

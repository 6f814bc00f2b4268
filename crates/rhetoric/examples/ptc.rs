//! Development check against the PTC corpus (SemEval-2020 Task 11, ../shared/data):
//! per technique, how many flagged spans overlap a gold span (any technique / the
//! mapped technique). `cargo run -p unspin-rhetoric --example ptc [DIR]`.
use std::collections::BTreeMap;

fn map(gold: &str) -> &'static str {
    match gold {
        "Loaded_Language" => "loaded_language",
        "Name_Calling,Labeling" => "name_calling",
        "Doubt" => "doubt",
        "Exaggeration,Minimisation" => "exaggeration",
        "Appeal_to_fear-prejudice" => "appeal_to_fear",
        "Flag-Waving" => "flag_waving",
        "Causal_Oversimplification" => "causal_oversimplification",
        "Slogans" => "slogans",
        "Thought-terminating_Cliches" => "thought_terminating_cliche",
        "Whataboutism,Straw_Men,Red_Herring" => "whataboutism",
        "Bandwagon,Reductio_ad_hitlerum" => "bandwagon",
        "Black-and-White_Fallacy" => "black_and_white_fallacy",
        "Appeal_to_Authority" => "appeal_to_authority",
        _ => "other",
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ptc-semeval2020-task11".into());
    let Ok(ids) = std::fs::read_to_string(format!("{dir}/ids.txt")) else {
        eprintln!("no PTC data at {dir}");
        return;
    };
    // technique -> (flagged, overlaps any gold, overlaps same technique)
    let mut stats: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut fp_examples: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let (mut gold_n, mut gold_hit) = (0usize, 0usize);
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut words: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let t0 = std::time::Instant::now();
    unspin_rhetoric::detect(&mut unspin_doc::Doc::new("warm up"));
    println!("lexicon build: {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    let mut detect_time = std::time::Duration::ZERO;
    // SemEval-2020 Task 11 SI metric (partial overlap credit), without speculation
    // (not a PTC class): sums of per-span credit and span counts.
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0f64, 0usize, 0f64, 0usize);
    let mut chars = 0usize;
    for id in ids.split_whitespace() {
        let id = id.trim_start_matches("article");
        let text = std::fs::read_to_string(format!("{dir}/articles/article{id}.txt")).unwrap();
        let labels =
            std::fs::read_to_string(format!("{dir}/labels-tc/article{id}.task2-TC.labels"))
                .unwrap_or_default();
        // char offsets -> byte offsets
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let gold: Vec<(&'static str, usize, usize)> = labels
            .lines()
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                Some((
                    map(c[1]),
                    byte_at[c[2].parse::<usize>().ok()?],
                    byte_at[c[3].parse::<usize>().ok()?],
                ))
            })
            .collect();
        let mut doc = unspin_doc::Doc::new(text);
        unspin_segment::segment(&mut doc);
        let t0 = std::time::Instant::now();
        unspin_rhetoric::detect(&mut doc);
        detect_time += t0.elapsed();
        chars += doc.text.len();
        let pred: Vec<(usize, usize)> = doc
            .techniques
            .iter()
            .filter(|t| t.technique != "speculation")
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let si: Vec<(usize, usize, usize)> =
            std::fs::read_to_string(format!("{dir}/labels-si/article{id}.task1-SI.labels"))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| {
                    let c: Vec<&str> = l.split('\t').collect();
                    let a = byte_at[c.get(1)?.parse::<usize>().ok()?];
                    let b = byte_at[c.get(2)?.parse::<usize>().ok()?];
                    Some((0, a, b))
                })
                .collect();
        let inter =
            |a: (usize, usize), b: (usize, usize)| a.1.min(b.1).saturating_sub(a.0.max(b.0));
        for &s in &pred {
            p_n += 1;
            p_sum += si
                .iter()
                .map(|g| inter(s, (g.1, g.2)) as f64 / (s.1 - s.0) as f64)
                .sum::<f64>()
                .min(1.0);
        }
        for g in &si {
            r_n += 1;
            r_sum += pred
                .iter()
                .map(|&s| inter(s, (g.1, g.2)) as f64 / (g.2 - g.1).max(1) as f64)
                .sum::<f64>()
                .min(1.0);
        }
        for t in &doc.techniques {
            let e = stats.entry(t.technique.to_string()).or_default();
            e.0 += 1;
            let any = gold.iter().any(|g| g.1 < t.span.end && t.span.start < g.2);
            let same = gold
                .iter()
                .any(|g| g.1 < t.span.end && t.span.start < g.2 && t.technique == g.0);
            e.1 += any as usize;
            e.2 += same as usize;
            if std::env::var("WORDS").is_ok() {
                let w: String = doc.slice(t.span).to_lowercase().chars().take(30).collect();
                let e = words.entry(format!("{} | {w}", t.technique)).or_default();
                e.0 += 1;
                e.1 += any as usize;
            }
            if !any {
                let w = doc.slice(t.span).to_lowercase();
                let w: String = w.chars().take(40).collect();
                *fp_examples
                    .entry(t.technique.to_string())
                    .or_default()
                    .entry(w)
                    .or_default() += 1;
            }
        }
        for g in &gold {
            gold_n += 1;
            let hit = doc
                .techniques
                .iter()
                .any(|t| g.1 < t.span.end && t.span.start < g.2);
            gold_hit += hit as usize;
            if !hit && std::env::var("MISSED").is_ok_and(|m| m == g.0) {
                let w: String = doc.text[g.1..g.2].to_lowercase().chars().take(40).collect();
                *missed.entry(w).or_default() += 1;
            }
        }
    }
    println!(
        "{:<28} {:>7} {:>9} {:>9}",
        "technique", "flagged", "P(any)", "P(same)"
    );
    for (k, (n, a, s)) in &stats {
        println!(
            "{k:<28} {n:>7} {:>9.2} {:>9.2}",
            *a as f64 / *n as f64,
            *s as f64 / *n as f64
        );
    }
    println!(
        "detect: {:.1} ms for {} articles ({:.1} MB/s)",
        detect_time.as_secs_f64() * 1e3,
        ids.split_whitespace().count(),
        chars as f64 / 1e6 / detect_time.as_secs_f64()
    );
    let (p, r) = (p_sum / p_n.max(1) as f64, r_sum / r_n.max(1) as f64);
    println!(
        "SI (task metric, speculation left out): P {p:.3} R {r:.3} F1 {:.3}",
        2.0 * p * r / (p + r).max(1e-9)
    );
    println!(
        "gold spans overlapped by some flag: {gold_hit}/{gold_n} = {:.2}",
        gold_hit as f64 / gold_n as f64
    );
    if !words.is_empty() {
        let mut v: Vec<_> = words.into_iter().filter(|(_, (n, _))| *n >= 4).collect();
        v.sort_by(|a, b| {
            (a.1 .1 as f64 / a.1 .0 as f64).total_cmp(&(b.1 .1 as f64 / b.1 .0 as f64))
        });
        for (w, (n, a)) in v.iter().take(60) {
            println!("{w:<50} {n:>4} {:.2}", *a as f64 / *n as f64);
        }
    }
    if !missed.is_empty() {
        let mut v: Vec<_> = missed.into_iter().collect();
        v.sort_by_key(|x| std::cmp::Reverse(x.1));
        println!("missed: {:?}", &v[..v.len().min(150)]);
    }
    if std::env::var("FP").is_ok() {
        for (k, m) in fp_examples {
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort_by_key(|x| std::cmp::Reverse(x.1));
            println!("\n{k}: {:?}", &v[..v.len().min(40)]);
        }
    }
}

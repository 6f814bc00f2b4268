//! Development check on neutral wire news (CoNLL-2003 Reuters, ../shared/data): every
//! flag there is suspect. Prints flags per 1,000 sentences and the commonest ones.
//! `cargo run -p unspin-rhetoric --example neutral [FILE]`.
use std::collections::BTreeMap;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/conll2003/dev.txt".into());
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("no CoNLL data at {path}");
        return;
    };
    let mut docs: Vec<String> = vec![];
    let mut sent: Vec<&str> = vec![];
    for line in raw.lines() {
        if line.starts_with("-DOCSTART-") {
            docs.push(String::new());
        } else if line.trim().is_empty() {
            if !sent.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.push_str(&sent.join(" "));
                    d.push_str("\n\n");
                }
                sent.clear();
            }
        } else if let Some(tok) = line.split(' ').next() {
            sent.push(tok);
        }
    }
    let (mut n_sent, mut n_op, mut n_sp) = (0, 0, 0);
    let mut by: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for text in docs {
        let mut doc = unspin_doc::Doc::new(text);
        unspin_segment::segment(&mut doc);
        unspin_rhetoric::detect(&mut doc);
        n_sent += doc.sentences.len();
        n_op += doc.sentences.iter().filter(|s| s.opinion).count();
        if std::env::var("OP").is_ok() {
            for s in doc.sentences.iter().filter(|s| s.opinion) {
                println!("OP: {}", doc.slice(s.span));
            }
        }
        n_sp += doc.sentences.iter().filter(|s| s.speculation).count();
        for t in &doc.techniques {
            let w: String = doc.slice(t.span).to_lowercase().chars().take(50).collect();
            *by.entry(t.technique.to_string())
                .or_default()
                .entry(w)
                .or_default() += 1;
        }
    }
    println!("{n_sent} sentences; opinion {n_op}, speculation {n_sp}");
    for (k, m) in by {
        let total: usize = m.values().sum();
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by_key(|x| std::cmp::Reverse(x.1));
        println!(
            "\n{k}: {total} ({:.1} per 1000 sentences) {:?}",
            total as f64 * 1000.0 / n_sent as f64,
            &v[..v.len().min(30)]
        );
    }
}

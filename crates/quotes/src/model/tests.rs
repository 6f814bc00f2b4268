//! The attribution model's file format, decoder and linker, and what the shipped
//! model does on sentences written for these tests.

use super::decode::*;
use super::*;

fn tiny(bits: u32, seed: u32) -> Model {
    let n = (1usize << bits) * L;
    let w: Vec<f32> = (0..n)
        .map(|i| {
            ((i as u32).wrapping_mul(2654435761).wrapping_add(seed) % 2001) as f32 / 1000.0 - 1.0
        })
        .collect();
    let mut trans = [[0.0f32; L]; L + 1];
    for (p, row) in trans.iter_mut().enumerate() {
        for (c, v) in row.iter_mut().enumerate() {
            *v = ((p * 7 + c * 3) % 5) as f32 * 0.1;
        }
    }
    Model::from_weights(bits, &w, trans, "test model".into()).expect("weights")
}

#[test]
fn file_round_trip_is_exact() {
    let mut m = tiny(8, 1);
    m.set_first(tiny(8, 2));
    let bytes = m.to_bytes();
    let back = Model::load(&bytes).expect("load");
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(back.info, "test model");
    assert_eq!(back.bits(), 8);
}

#[test]
fn bad_files_give_clear_errors() {
    let good = tiny(8, 1).to_bytes();
    assert!(Model::load(b"").unwrap_err().contains("truncated"));
    assert!(Model::load(b"PK\x03\x04 not a model at all")
        .unwrap_err()
        .contains("not an unspin quotes model"));
    let cut = &good[..good.len() / 2];
    assert!(Model::load(cut).unwrap_err().contains("truncated"));
    let mut long = good.clone();
    long.push(0);
    assert!(Model::load(&long).unwrap_err().contains("trailing"));
    let mut old = good.clone();
    old[8..12].copy_from_slice(&99u32.to_le_bytes());
    assert!(Model::load(&old).unwrap_err().contains("retrain"));
}

#[test]
fn shipped_model_loads() {
    let m = embedded().expect("models/quotes.bin loads");
    assert!(m.rows() > 1000, "{m:?}");
    assert!(m.info.contains("PolNeAR"), "{}", m.info);
}

#[test]
fn viterbi_never_leaves_a_span_open() {
    // Scores that want I-content everywhere: the decoder must still open with B
    // and close with L (or use U), never start or end inside a span.
    for n in 1..6 {
        let mut scores = vec![[0.0f32; L]; n];
        for s in &mut scores {
            s[label(CONTENT, INSIDE) as usize] = 5.0;
            s[label(CUE, LAST) as usize] = 4.0;
        }
        let tags = viterbi(&scores, &[[0.0; L]; L + 1]);
        let mut prev = None;
        for &t in &tags {
            assert!(allowed(prev, t), "{tags:?}");
            prev = Some(t);
        }
        assert!(may_end(*tags.last().unwrap()), "{tags:?}");
    }
}

#[test]
fn roles_and_linking() {
    // tokens: 0-2 content, 3 O, 4 source, 5 cue, 6 O, 7-8 content (one sentence),
    // then a second sentence: 9 source, 10 cue, 11-12 content.
    let c = |n: usize| span_labels(CONTENT, n).collect::<Vec<_>>();
    let mut labels = c(3);
    labels.push(O);
    labels.extend(span_labels(SOURCE, 1));
    labels.extend(span_labels(CUE, 1));
    labels.push(O);
    labels.extend(c(2));
    labels.extend(span_labels(SOURCE, 1));
    labels.extend(span_labels(CUE, 1));
    labels.extend(c(2));
    let r = roles(&labels);
    assert_eq!(r.content.len(), 3);
    assert_eq!((r.cue.len(), r.source.len()), (2, 2));
    let sentence = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    let links = link(&r, &sentence);
    // The content split by "source cue" is one relation; the second sentence's another.
    assert_eq!(links.len(), 2, "{links:?}");
    assert_eq!(links[0].content.len(), 2);
    assert_eq!(links[0].cue, Some(RoleSpan { start: 5, end: 6 }));
    assert_eq!(links[0].source, Some(RoleSpan { start: 4, end: 5 }));
    assert_eq!(links[1].source, Some(RoleSpan { start: 9, end: 10 }));
}

fn analyse(text: &str) -> Doc {
    let mut d = Doc::new(text);
    unspin_segment::segment(&mut d);
    crate::detect(&mut d);
    d
}

#[test]
fn reported_speech_is_found_with_its_speaker() {
    let d = analyse(
        "Budget talks stalled again on Monday.\n\n\
         The finance minister said the deficit would be closed by the end of next year.\n",
    );
    let q = d
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .unwrap_or_else(|| panic!("no indirect quote in {:?}", d.quotes));
    let content = d.slice(q.span);
    assert!(content.contains("deficit would be closed"), "{content:?}");
    let sp = q.speaker.as_ref().map(|s| d.slice(s.span));
    assert!(sp.is_some_and(|s| s.contains("minister")), "{sp:?}");
    assert_eq!(q.cue.map(|c| d.slice(c)), Some("said"));
}

#[test]
fn marked_quotes_stay_the_rules() {
    let d = analyse(
        "\"We will not raise taxes,\" the mayor said on Tuesday, \"not this year and not next.\"\n",
    );
    assert!(
        d.quotes.iter().all(|q| q.kind == QuoteKind::Direct),
        "{:?}",
        d.quotes
    );
    assert_eq!(d.quotes.len(), 2);
}

#[test]
fn other_languages_keep_the_rules() {
    let mut d =
        Doc::new("Der Minister sagte, das Defizit werde bis Ende nächsten Jahres geschlossen.\n");
    d.meta.language = Some("de".into());
    unspin_segment::segment(&mut d);
    let mut rules = d.clone();
    crate::detect_rules(&mut rules);
    crate::detect(&mut d);
    assert_eq!(d.quotes, rules.quotes);
}

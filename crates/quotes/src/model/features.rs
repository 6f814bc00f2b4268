//! Token features of the attribution tagger: hashed templates over the token layer,
//! entity mentions, quotation marks, the cue lexicon and the rules' own decisions
//! (the quotes the rule detector found are features, so the model starts where the
//! rules stop).

use super::decode::{role_of, CUE};
use unspin_doc::{Doc, EntityKind, Quote, QuoteKind, QuoteRole, Shape, Span};
use unspin_lex::{grammar, hash::fnv1a64, speech};

/// One paragraph of tokens with the feature buckets of each token.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    /// Indices into `Doc::tokens`, in text order.
    pub tokens: Vec<u32>,
    /// Feature buckets of token `k`: `feats[offs[k]..offs[k + 1]]`.
    pub feats: Vec<u32>,
    pub offs: Vec<u32>,
}

impl Sequence {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
    /// The feature buckets of token `k`.
    pub fn feats(&self, k: usize) -> &[u32] {
        &self.feats[self.offs[k] as usize..self.offs[k + 1] as usize]
    }
}

/// What the tagger knows of one token before looking at its neighbours.
#[derive(Clone, Copy, Default)]
struct Tok {
    form: u64,
    suffix: u64,
    shape: u8,
    kinds: u16,
    lemma: u64,
    /// Entity kind + 1 (0: no mention); +8 for a reference mention; +16 on its first token.
    ent: u8,
    /// Rule quote kind + 1 (0: none); +8 on its first token, +16 on its last.
    rule: u8,
    rule_cue: bool,
    rule_speaker: bool,
    quote: u8,
    pronoun: bool,
    sent_first: bool,
    sent_last: bool,
    lex: u128,
    cue: bool,
}

// Feature hashes: multiplicative (Knuth) hashing, whose top bits are the bucket. The
// template number is folded in by a constant, so a feature costs one or two multiplies.
const K: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0xc2b2_ae3d_27d4_eb4f;
const KT: u64 = 0x1656_67b1_9e37_79f9;

#[inline]
fn h(t: u64, a: u64) -> u64 {
    (a ^ t.wrapping_mul(KT)).wrapping_mul(K)
}

#[inline]
fn h2(t: u64, a: u64, b: u64) -> u64 {
    (a.wrapping_mul(K1) ^ b ^ t.wrapping_mul(KT)).wrapping_mul(K)
}

fn shape_class(s: Shape, form: &str) -> u8 {
    if s.has(Shape::PUNCT) {
        // Punctuation keeps its identity through the form feature; the class says
        // which family it is.
        return match form {
            "," => 1,
            "." | "!" | "?" => 2,
            ":" | ";" => 3,
            "—" | "–" | "-" | "--" => 4,
            "(" | ")" | "[" | "]" => 5,
            _ => 6,
        };
    }
    let mut c = 8;
    if s.has(Shape::CAP) {
        c |= 1;
    }
    if s.has(Shape::ALL_CAPS) {
        c |= 2;
    }
    if s.has(Shape::DIGIT) {
        c |= 4;
    }
    c
}

fn kind_code(k: QuoteKind) -> u8 {
    match k {
        QuoteKind::Direct => 1,
        QuoteKind::Partial => 2,
        QuoteKind::Scare => 3,
        QuoteKind::Indirect => 4,
        QuoteKind::Block => 5,
    }
}

fn entity_code(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 1,
        EntityKind::Outlet => 2,
        EntityKind::Org => 3,
        EntityKind::Place => 4,
        EntityKind::Misc => 5,
    }
}

/// Speech kinds that make a word a possible cue for the long-range features.
const CUE_KINDS: u16 = speech::SPEECH
    | speech::LABEL
    | speech::THAT
    | speech::OPINION
    | speech::PARTICIPLE
    | speech::CORE
    | speech::RUMOUR;

/// Token indices `[a, b)` covered by byte span `s` (linear in the tokens it covers).
pub fn token_range(doc: &Doc, s: Span) -> (usize, usize) {
    let a = doc.tokens.partition_point(|t| t.span.end <= s.start);
    let mut b = a;
    while b < doc.tokens.len() && doc.tokens[b].span.start < s.end {
        b += 1;
    }
    (a, b)
}

fn distance_bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

fn token_attrs(doc: &Doc, rules: &[Quote]) -> Vec<Tok> {
    let n = doc.tokens.len();
    let mut toks: Vec<Tok> = Vec::with_capacity(n);
    let mut prev_sentence = usize::MAX;
    for (i, t) in doc.tokens.iter().enumerate() {
        let form = doc.form(t);
        let kinds = speech::kinds(form);
        let lemma = if kinds != 0 {
            speech::lemma(form).map_or(0, |l| fnv1a64(l.as_bytes()))
        } else {
            0
        };
        let suffix: u64 = form
            .chars()
            .rev()
            .take(3)
            .fold(0u64, |a, c| a.wrapping_mul(0x100000001b3) ^ c as u64);
        toks.push(Tok {
            form: fnv1a64(form.as_bytes()),
            suffix,
            shape: shape_class(t.shape, form),
            kinds,
            lemma,
            quote: match t.quote {
                QuoteRole::None => 0,
                QuoteRole::Open => 1,
                QuoteRole::Close => 2,
                _ => 3,
            },
            pronoun: grammar::subject_pronoun(form).is_some(),
            sent_first: t.sentence != prev_sentence,
            sent_last: doc
                .tokens
                .get(i + 1)
                .is_none_or(|n| n.sentence != t.sentence),
            lex: t.lex,
            cue: kinds & CUE_KINDS != 0,
            ..Tok::default()
        });
        prev_sentence = t.sentence;
    }
    for e in &doc.entities {
        let code = entity_code(e.kind);
        for m in &e.mentions {
            let (a, b) = token_range(doc, m.span);
            for (k, tok) in toks[a..b].iter_mut().enumerate() {
                if tok.ent == 0 {
                    tok.ent = code + if m.reference { 8 } else { 0 } + if k == 0 { 16 } else { 0 };
                }
            }
        }
    }
    for q in rules {
        let code = kind_code(q.kind);
        let (a, b) = token_range(doc, q.span);
        for (k, tok) in toks[a..b].iter_mut().enumerate() {
            let k = a + k;
            if tok.rule == 0 || code != 4 {
                tok.rule = code + if k == a { 8 } else { 0 } + if k + 1 == b { 16 } else { 0 };
            }
        }
        if let Some(c) = q.cue {
            let (a, b) = token_range(doc, c);
            for tok in &mut toks[a..b] {
                tok.rule_cue = true;
                tok.cue = true;
            }
        }
        if let Some(s) = &q.speaker {
            let (a, b) = token_range(doc, s.span);
            for tok in &mut toks[a..b] {
                tok.rule_speaker = true;
            }
        }
    }
    toks
}

/// What the tagger knows of every token of a document before looking at its
/// neighbours: computed once, read by both stages.
#[derive(Clone)]
pub struct Attrs(Vec<Tok>);

/// The token attributes of `doc`, whose rule detector found `rules`.
pub fn attrs(doc: &Doc, rules: &[Quote]) -> Attrs {
    Attrs(token_attrs(doc, rules))
}

/// Hashed feature buckets (`bits` wide) of every paragraph of `doc`; `rules` are the
/// rule detector's quotes. Reads the token layer, entities and sentences. `stage1`
/// (a second-stage model's input) holds the first stage's labels of every token of
/// `doc`: its cues become cue positions, and its labels around a token features; a
/// paragraph where the first stage found nothing is left out (nothing to refine).
pub fn sequences(doc: &Doc, rules: &[Quote], bits: u32, stage1: Option<&[u8]>) -> Vec<Sequence> {
    sequences_of(doc, &attrs(doc, rules), bits, stage1)
}

/// [`sequences`] from attributes already computed.
pub fn sequences_of(doc: &Doc, attrs: &Attrs, bits: u32, stage1: Option<&[u8]>) -> Vec<Sequence> {
    let stage1 = stage1.filter(|l| l.len() == attrs.0.len());
    let mut cued;
    let toks: &[Tok] = match stage1 {
        Some(l) => {
            cued = attrs.0.clone();
            for (t, &l) in cued.iter_mut().zip(l) {
                if role_of(l).is_some_and(|(r, _)| r == CUE) {
                    t.cue = true;
                    if t.lemma == 0 {
                        t.lemma = t.form;
                    }
                }
            }
            &cued
        }
        None => &attrs.0,
    };
    let none: [u8; 0] = [];
    let mut out = vec![];
    let mut i = 0;
    let n = doc.tokens.len();
    while i < n {
        let p = doc.tokens[i].paragraph;
        let mut j = i;
        while j < n && doc.tokens[j].paragraph == p {
            j += 1;
        }
        let l1 = stage1.map_or(&none[..], |l| &l[i..j]);
        if stage1.is_none() || l1.iter().any(|&l| l != 0) {
            out.push(sequence(&toks[i..j], l1, i, bits));
        }
        i = j;
    }
    out
}

const NONE: u64 = 0x5eed;

fn sequence(toks: &[Tok], stage1: &[u8], first: usize, bits: u32) -> Sequence {
    let n = toks.len();
    // Nearest cue word to the left and right within the sentence, and whether a
    // comma lies between.
    let mut left: Vec<Option<usize>> = vec![None; n];
    let mut right: Vec<Option<usize>> = vec![None; n];
    let mut last: Option<usize> = None;
    for k in 0..n {
        if toks[k].sent_first {
            last = None;
        }
        left[k] = last;
        if toks[k].cue {
            last = Some(k);
        }
    }
    last = None;
    for k in (0..n).rev() {
        if toks[k].sent_last {
            last = None;
        }
        right[k] = last;
        if toks[k].cue {
            last = Some(k);
        }
    }
    // Inside marks: a running in-quote flag from the quote roles (open/close).
    let mut in_marks = vec![false; n];
    let mut open = false;
    for k in 0..n {
        match toks[k].quote {
            1 => open = true,
            2 => open = false,
            3 => open = !open,
            _ => {}
        }
        in_marks[k] = open;
    }
    // Running counts (paragraph prefix sums) of commas, "that", quotation marks and
    // clause punctuation, to describe the path between a token and its cue.
    let (comma, that) = (fnv1a64(b","), fnv1a64(b"that"));
    let mut commas = vec![0u32; n + 1];
    let mut thats = vec![0u32; n + 1];
    let mut marks = vec![0u32; n + 1];
    let mut clause = vec![0u32; n + 1];
    for k in 0..n {
        let t = &toks[k];
        commas[k + 1] = commas[k] + (t.form == comma) as u32;
        thats[k + 1] = thats[k] + (t.form == that) as u32;
        marks[k + 1] = marks[k] + (t.quote != 0) as u32;
        clause[k + 1] = clause[k] + (t.shape == 3 || t.shape == 4 || t.shape == 5) as u32;
    }
    let path = |a: usize, b: usize| -> u64 {
        // tokens strictly between a and b (a < b)
        let c = (commas[b] - commas[a + 1]).min(2) as u64;
        let t = (thats[b] - thats[a + 1]).min(1) as u64;
        let m = (marks[b] - marks[a + 1]).min(2) as u64;
        let p = (clause[b] - clause[a + 1]).min(1) as u64;
        c | t << 2 | m << 3 | p << 5
    };
    let shift = 64 - bits;
    let mut seq = Sequence {
        tokens: (first..first + n).map(|x| x as u32).collect(),
        feats: Vec::with_capacity(n * 48),
        offs: Vec::with_capacity(n + 1),
    };
    seq.offs.push(0);
    let at = |k: isize| -> Option<&Tok> {
        if k < 0 {
            None
        } else {
            toks.get(k as usize)
        }
    };
    let form = |k: isize| at(k).map_or(NONE, |t| t.form);
    let shape = |k: isize| at(k).map_or(99, |t| t.shape as u64);
    let mut f: Vec<u64> = Vec::with_capacity(64);
    for k in 0..n {
        f.clear();
        let t = &toks[k];
        let ki = k as isize;
        f.push(h(0, 0));
        f.push(h(1, t.form));
        f.push(h(2, form(ki - 1)));
        f.push(h(3, form(ki + 1)));
        f.push(h(4, form(ki - 2)));
        f.push(h(5, form(ki + 2)));
        f.push(h2(6, form(ki - 1), t.form));
        f.push(h2(7, t.form, form(ki + 1)));
        f.push(h(8, t.shape as u64));
        f.push(h2(9, shape(ki - 1), t.shape as u64));
        f.push(h2(10, t.shape as u64, shape(ki + 1)));
        f.push(h(11, t.suffix));
        if t.kinds != 0 {
            f.push(h(12, t.kinds as u64));
            f.push(h(13, t.lemma));
        }
        f.push(h2(
            14,
            at(ki - 1).map_or(0xffff, |x| x.kinds as u64),
            at(ki + 1).map_or(0xffff, |x| x.kinds as u64),
        ));
        f.push(h(15, t.ent as u64));
        f.push(h2(
            16,
            at(ki - 1).map_or(99, |x| x.ent as u64),
            at(ki + 1).map_or(99, |x| x.ent as u64),
        ));
        f.push(h(17, t.rule as u64));
        f.push(h2(
            18,
            at(ki - 1).map_or(99, |x| x.rule as u64),
            at(ki + 1).map_or(99, |x| x.rule as u64),
        ));
        f.push(h2(19, t.rule_cue as u64, t.rule_speaker as u64));
        f.push(h2(
            20,
            at(ki - 1).map_or(9, |x| x.rule_cue as u64 * 2 + x.rule_speaker as u64),
            at(ki + 1).map_or(9, |x| x.rule_cue as u64 * 2 + x.rule_speaker as u64),
        ));
        f.push(h2(21, t.quote as u64, in_marks[k] as u64));
        f.push(h2(
            22,
            at(ki - 1).map_or(9, |x| x.quote as u64),
            at(ki + 1).map_or(9, |x| x.quote as u64),
        ));
        f.push(h2(23, t.sent_first as u64, t.sent_last as u64));
        f.push(h2(24, t.pronoun as u64, t.shape as u64));
        let mut bits_left = t.lex;
        while bits_left != 0 {
            let b = bits_left.trailing_zeros() as u64;
            bits_left &= bits_left - 1;
            f.push(h(25, b));
        }
        // Long range: the nearest cue word in the sentence on each side.
        let l = left[k].map(|c| (k - c, toks[c].lemma, toks[c].kinds));
        let r = right[k].map(|c| (c - k, toks[c].lemma, toks[c].kinds));
        let lb = l.map_or(99, |(d, _, _)| distance_bucket(d));
        let rb = r.map_or(99, |(d, _, _)| distance_bucket(d));
        f.push(h2(26, lb, rb));
        f.push(h2(27, lb, t.shape as u64));
        f.push(h2(28, rb, t.shape as u64));
        if let Some((_, lemma, kinds)) = l {
            f.push(h(29, lemma));
            f.push(h2(30, kinds as u64, lb));
        }
        if let Some((_, lemma, kinds)) = r {
            f.push(h(31, lemma));
            f.push(h2(32, kinds as u64, rb));
        }
        f.push(h2(33, lb, rb.min(1) * 16 + in_marks[k] as u64));
        f.push(h2(34, lb * 16 + rb, t.rule as u64 & 7));
        // The word right after the left cue ("said that", "told reporters").
        if let Some(c) = left[k] {
            f.push(h2(35, form(c as isize + 1), (k - c).min(3) as u64));
            let p = path(c, k);
            f.push(h2(36, p, lb));
            f.push(h2(37, p, toks[c].lemma));
            f.push(h2(38, p * 256 + lb, t.shape as u64));
            f.push(h2(44, toks[c].lemma, lb));
        }
        if let Some(c) = right[k] {
            let p = path(k, c);
            f.push(h2(39, p, rb));
            f.push(h2(40, p, toks[c].lemma));
            // The word right before the right cue ("…, he said", "…, said").
            f.push(h2(41, form(c as isize - 1), rb.min(3)));
            f.push(h2(45, toks[c].lemma, rb));
        }
        if !stage1.is_empty() {
            let l1 = |k: isize| -> u64 {
                if k < 0 {
                    99
                } else {
                    stage1.get(k as usize).map_or(98, |&x| x as u64)
                }
            };
            f.push(h(50, l1(ki)));
            f.push(h2(51, l1(ki - 1), l1(ki)));
            f.push(h2(52, l1(ki), l1(ki + 1)));
            f.push(h2(53, l1(ki - 2), l1(ki + 2)));
            f.push(h2(54, l1(ki - 1) * 100 + l1(ki), l1(ki + 1)));
            f.push(h2(55, l1(ki), t.form));
        }
        f.push(h(42, form(ki - 3)));
        f.push(h(43, form(ki + 3)));
        seq.feats.extend(f.iter().map(|&x| (x >> shift) as u32));
        seq.offs.push(seq.feats.len() as u32);
    }
    seq
}

//! Feature extraction: every feature is a 64-bit hash of (template id, strings), so the
//! model needs no string table. Changing anything here changes the model's meaning:
//! bump [`FEATURE_VERSION`] so that old model files are refused.
//!
//! Public so that the trainer (`unspin-train`) computes exactly the features that
//! tagging computes: token facts ([`TokInfo`]), document evidence ([`DocStats`],
//! [`NonLocal`] for the stacked stage), gazetteer keys and [`sentence_features`].

use crate::tags::Tag;
use compact_str::CompactString;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Version of the feature set; stored in the model file and checked on load.
pub const FEATURE_VERSION: u32 = 6;

/// Longest gazetteer entry, in tokens.
pub const GAZ_MAX_LEN: usize = 6;

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type PassMap<V> = HashMap<u64, V, BuildHasherDefault<PassHasher>>;

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^ (x >> 33)
}

/// Streaming hash over byte strings (deterministic across platforms and runs).
#[derive(Clone, Copy)]
pub(crate) struct FHash(u64);

impl FHash {
    #[inline]
    pub(crate) fn new(template: u8) -> FHash {
        FHash(mix(template as u64 ^ K1))
    }
    #[inline]
    pub(crate) fn bytes(mut self, b: &[u8]) -> FHash {
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0 ^ v).wrapping_mul(K2).rotate_left(29);
        }
        let rest = chunks.remainder();
        let mut v: u64 = 0;
        for (i, &x) in rest.iter().enumerate() {
            v |= (x as u64) << (8 * i);
        }
        // Length byte separates "ab"+"c" from "a"+"bc".
        v ^= (rest.len() as u64 + 1) << 59;
        self.0 = (self.0 ^ v).wrapping_mul(K2).rotate_left(29);
        self
    }
    #[inline]
    pub(crate) fn str(self, s: &str) -> FHash {
        self.bytes(s.as_bytes())
    }
    #[inline]
    pub(crate) fn u64(mut self, v: u64) -> FHash {
        self.0 = (self.0 ^ v).wrapping_mul(K1).rotate_left(31);
        self
    }
    #[inline]
    pub(crate) fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// Gazetteer bit marking a word that training text often writes in lowercase.
pub const LEX_LOWER: u8 = 0x10;

/// Key of a lowercased word (`TokInfo::key`) in the gazetteer map's lexicon domain.
#[inline]
pub fn lex_key(lower_key: u64) -> u64 {
    FHash::new(252).u64(lower_key).finish()
}

/// Hash of an exact token, used for gazetteer keys.
#[inline]
pub fn token_hash(tok: &str) -> u64 {
    FHash::new(250).str(tok).finish()
}

/// Gazetteer key of a one-token entry.
pub(crate) fn single_token_key(tok: &str) -> u64 {
    gaz_step(GAZ_SEED, token_hash(tok))
}

/// Initial value of a gazetteer key.
pub const GAZ_SEED: u64 = 0x5157;

/// Key of a token sequence in the gazetteer.
#[inline]
pub fn gaz_step(prev: u64, tok_hash: u64) -> u64 {
    mix(prev.wrapping_mul(K2) ^ tok_hash)
}

/// Per-token precomputed strings.
pub struct TokInfo {
    /// Lowercased, digits replaced by `0`. Inline up to 24 bytes (no heap for
    /// almost every token: NER keeps one `TokInfo` per token of the document).
    pub lower: CompactString,
    /// Character-class shape with runs capped at 4 ("Xxxx", "dd-dd").
    pub shape: CompactString,
    /// Shape with runs collapsed ("Xx", "d-d").
    pub short: CompactString,
    pub first_upper: bool,
    pub all_upper: bool,
    pub has_lower: bool,
    pub has_digit: bool,
    pub all_digit: bool,
    pub has_alpha: bool,
    /// Hash of `lower`.
    pub key: u64,
}

impl TokInfo {
    /// The facts of token `w`.
    pub fn new(w: &str) -> TokInfo {
        let mut lower = CompactString::with_capacity(w.len());
        let mut shape = CompactString::default();
        let mut short = CompactString::default();
        let (mut has_upper, mut has_lower, mut has_digit, mut has_alpha) =
            (false, false, false, false);
        let mut all_digit = true;
        let mut last = '\0';
        let mut run = 0;
        let mut first_upper = false;
        for (i, c) in w.chars().enumerate() {
            let cls = if c.is_uppercase() {
                has_upper = true;
                has_alpha = true;
                if i == 0 {
                    first_upper = true;
                }
                'X'
            } else if c.is_lowercase() {
                has_lower = true;
                has_alpha = true;
                'x'
            } else if c.is_ascii_digit() {
                has_digit = true;
                'd'
            } else if c.is_alphabetic() {
                has_alpha = true;
                'x'
            } else if c.is_ascii() {
                c
            } else {
                '?'
            };
            if cls != 'd' {
                all_digit = false;
            }
            if c.is_ascii_digit() {
                lower.push('0');
            } else {
                lower.extend(c.to_lowercase());
            }
            if cls == last {
                run += 1;
            } else {
                run = 1;
                short.push(cls);
            }
            if run <= 4 {
                shape.push(cls);
            }
            last = cls;
        }
        if w.is_empty() {
            all_digit = false;
        }
        TokInfo {
            key: FHash::new(251).str(&lower).finish(),
            lower,
            shape,
            short,
            first_upper,
            all_upper: has_upper && !has_lower,
            has_lower,
            has_digit,
            all_digit,
            has_alpha,
        }
    }
}

/// Document-wide statistics on how each word form is written (case evidence).
#[derive(Default)]
pub struct DocStats {
    map: PassMap<[u16; 3]>,
}

const LOWER_MID: usize = 0;
const CAP_MID: usize = 1;
const TITLE_MID: usize = 2;

impl DocStats {
    /// `sents`: token infos of every sentence of the document.
    pub fn new(sents: &[Vec<TokInfo>]) -> DocStats {
        let mut map: PassMap<[u16; 3]> = PassMap::default();
        for s in sents {
            if sentence_all_caps(s) || sentence_title_case(s) {
                continue;
            }
            for t in s.iter().skip(1) {
                if !t.has_alpha {
                    continue;
                }
                let e = map.entry(t.key).or_default();
                if !t.first_upper && t.has_lower {
                    e[LOWER_MID] = e[LOWER_MID].saturating_add(1);
                } else if t.first_upper {
                    e[CAP_MID] = e[CAP_MID].saturating_add(1);
                    if !t.all_upper {
                        e[TITLE_MID] = e[TITLE_MID].saturating_add(1);
                    }
                }
            }
        }
        DocStats { map }
    }

    /// True when the word is capitalised somewhere in the document's ordinary sentences
    /// (after their first token).
    pub(crate) fn capitalised_mid(&self, key: u64) -> bool {
        self.map.get(&key).is_some_and(|c| c[CAP_MID] > 0)
    }
}

/// A headline or table row written in capitals (at least two tokens with letters, no lowercase).
pub fn sentence_all_caps(s: &[TokInfo]) -> bool {
    let mut n = 0;
    for t in s {
        if t.has_lower {
            return false;
        }
        if t.has_alpha {
            n += 1;
        }
    }
    n >= 2
}

/// A title-case headline: at least three words of four letters or more after the
/// first token, and all of them capitalised.
pub(crate) fn sentence_title_case(s: &[TokInfo]) -> bool {
    let mut n = 0;
    for t in s.iter().skip(1) {
        if t.has_alpha && t.lower.len() >= 4 {
            if !t.first_upper {
                return false;
            }
            n += 1;
        }
    }
    n >= 3
}

/// 0 for `O`, 1 + type index for an entity label.
fn type_slot(t: Tag) -> usize {
    t.entity_type().map_or(0, |e| 1 + e.index())
}

/// First-stage label counts per word form (lowercased) over a whole document.
#[derive(Default)]
pub struct NonLocal {
    map: PassMap<[u16; 5]>,
    /// Types of first-stage entities of two or more tokens containing the word.
    multi: PassMap<u8>,
}

impl NonLocal {
    /// `infos`: token infos of every sentence; `pred`: the first stage's labels of them.
    pub fn new(infos: &[Vec<TokInfo>], pred: &[Vec<Tag>]) -> NonLocal {
        let mut map: PassMap<[u16; 5]> = PassMap::default();
        let mut multi: PassMap<u8> = PassMap::default();
        for (s, p) in infos.iter().zip(pred) {
            for e in crate::tags::entities(p) {
                if e.end - e.start >= 2 {
                    for t in &s[e.start..e.end] {
                        if t.first_upper {
                            *multi.entry(t.key).or_default() |= 1 << e.kind.index();
                        }
                    }
                }
            }
            for (t, &l) in s.iter().zip(p) {
                if t.has_alpha {
                    let e = map.entry(t.key).or_default();
                    let k = type_slot(l);
                    e[k] = e[k].saturating_add(1);
                }
            }
        }
        NonLocal { map, multi }
    }
}

/// Looks up gazetteer type masks for each (start, len) span of a sentence.
pub trait GazLookup {
    /// Bit mask of the entity types (and [`LEX_LOWER`]) stored under gazetteer `key`.
    fn mask(&self, key: u64) -> u8;
}

impl GazLookup for PassMap<u8> {
    fn mask(&self, key: u64) -> u8 {
        self.get(&key).copied().unwrap_or(0)
    }
}

const PAD_L1: &str = "<s>";
const PAD_L2: &str = "<s2>";
const PAD_R1: &str = "</s>";
const PAD_R2: &str = "</s2>";

fn lw(s: &[TokInfo], i: isize) -> &str {
    if i < 0 {
        if i == -1 {
            PAD_L1
        } else {
            PAD_L2
        }
    } else if i as usize >= s.len() {
        if i as usize == s.len() {
            PAD_R1
        } else {
            PAD_R2
        }
    } else {
        &s[i as usize].lower
    }
}

fn sh(s: &[TokInfo], i: isize) -> &str {
    if i < 0 || i as usize >= s.len() {
        "_"
    } else {
        &s[i as usize].short
    }
}

/// Reusable output of [`sentence_features`]: token `i`'s features are
/// `feats[offs[i]..offs[i + 1]]`.
#[derive(Default)]
pub struct FeatBuf {
    pub feats: Vec<u64>,
    pub offs: Vec<usize>,
    gaz: Vec<(usize, u64)>,
    th: Vec<u64>,
}

impl FeatBuf {
    /// Features of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.feats[self.offs[i]..self.offs[i + 1]]
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offs.len().saturating_sub(1)
    }
    /// Whether no token is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Last `k` chars of `s` (all of it when shorter).
fn last_chars(s: &str, k: usize) -> &str {
    match s.char_indices().rev().nth(k - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Gazetteer spans are told apart by length up to this many tokens (longer ones share it).
const GAZ_LEN_BUCKETS: usize = 3;

/// Entity-type bits of a gazetteer mask that give features (PER, ORG, LOC, MISC).
const GAZ_TYPES: u64 = 4;

/// Longest prefix and suffix of a word taken as a feature, in characters.
const MAX_AFFIX: usize = 4;

/// Length of a neighbour's suffix taken as a feature, in characters.
const NEIGHBOUR_SUFFIX: usize = 3;

/// Number of word flags of [`word_flags`].
const N_FLAGS: u64 = 9;

/// How a sentence is written: headline styles where case says little.
#[derive(Clone, Copy)]
struct SentStyle {
    /// Every word in capitals.
    caps: bool,
    /// 0 ordinary, 1 all capitals, 2 title case.
    code: u64,
}

impl SentStyle {
    fn of(infos: &[TokInfo]) -> SentStyle {
        let caps = sentence_all_caps(infos);
        let title = !caps && sentence_title_case(infos);
        let code = if caps { 1u64 } else { 2 * title as u64 };
        SentStyle { caps, code }
    }
}

/// Computes the features of every token of sentence `toks` into `buf`.
pub fn sentence_features<G: GazLookup>(
    toks: &[&str],
    infos: &[TokInfo],
    doc: &DocStats,
    gaz: &G,
    stacked: Option<(&NonLocal, &[Tag])>,
    buf: &mut FeatBuf,
) {
    let n = toks.len();
    buf.feats.clear();
    buf.offs.clear();
    gazetteer_features(toks, gaz, &mut buf.th, &mut buf.gaz);
    let mut gp = 0;
    let style = SentStyle::of(infos);
    let f = &mut buf.feats;
    for i in 0..n {
        buf.offs.push(f.len());
        push_word(f, toks[i], &infos[i], i, n);
        push_case(f, &infos[i], i, style, gaz);
        push_context(f, infos, i);
        push_doc_case(f, doc, &infos[i], i, style);
        // Stacking: first-stage labels here, around here and for the same word elsewhere.
        if let Some((nl, p1)) = stacked {
            push_stacked(f, infos, i, nl, p1);
        }
        while gp < buf.gaz.len() && buf.gaz[gp].0 == i {
            f.push(buf.gaz[gp].1);
            gp += 1;
        }
    }
    buf.offs.push(f.len());
}

/// Gazetteer matches of a sentence as (token, feature), sorted by token: every span found
/// marks the tokens it covers and the tokens just outside it. `th` is scratch space.
fn gazetteer_features<G: GazLookup>(
    toks: &[&str],
    gaz: &G,
    th: &mut Vec<u64>,
    out: &mut Vec<(usize, u64)>,
) {
    let n = toks.len();
    th.clear();
    out.clear();
    th.extend(toks.iter().map(|t| token_hash(t)));
    for i in 0..n {
        let mut key = GAZ_SEED;
        for (j, &h) in th.iter().enumerate().skip(i).take(GAZ_MAX_LEN) {
            key = gaz_step(key, h);
            let m = gaz.mask(key);
            if m != 0 {
                push_gaz_span(out, i, j, n, m);
            }
        }
    }
    out.sort_by_key(|g| g.0);
}

/// Features of gazetteer span `i..=j` (of a sentence of `n` tokens) with type mask `m`.
fn push_gaz_span(out: &mut Vec<(usize, u64)>, i: usize, j: usize, n: usize, m: u8) {
    let len = (j - i + 1).min(GAZ_LEN_BUCKETS) as u64;
    for t in 0..GAZ_TYPES {
        if m & (1 << t) == 0 {
            continue;
        }
        for k in i..=j {
            let pos = if k == i { 0u64 } else { 1 };
            out.push((k, FHash::new(40).u64(t * 2 + pos).finish()));
            out.push((k, FHash::new(41).u64(t * 2 + pos).u64(len).finish()));
        }
        // Whole-span membership, seen from just outside it.
        if i > 0 {
            out.push((i - 1, FHash::new(42).u64(t).finish()));
        }
        if j + 1 < n {
            out.push((j + 1, FHash::new(43).u64(t).finish()));
        }
    }
}

/// The token itself: bias, forms, shapes, affixes, flags, length and position.
fn push_word(f: &mut Vec<u64>, w: &str, t: &TokInfo, i: usize, n: usize) {
    f.push(FHash::new(1).finish());
    f.push(FHash::new(2).str(&t.lower).finish());
    f.push(FHash::new(3).str(w).finish());
    f.push(FHash::new(4).str(&t.shape).finish());
    f.push(FHash::new(5).str(&t.short).finish());
    // Affixes of the lowercased word.
    let nc = t.lower.chars().count();
    let mut ends = t.lower.char_indices().skip(1).map(|(b, _)| b);
    for k in 1..=MAX_AFFIX.min(nc) {
        let end = ends.next().unwrap_or(t.lower.len());
        f.push(FHash::new(6).u64(k as u64).str(&t.lower[..end]).finish());
        f.push(
            FHash::new(7)
                .u64(k as u64)
                .str(last_chars(&t.lower, k))
                .finish(),
        );
    }
    let flags = word_flags(w, t, i, n);
    for b in 0..N_FLAGS {
        if flags & (1 << b) != 0 {
            f.push(FHash::new(8).u64(b).finish());
        }
    }
    let len_bucket = match nc {
        0..=4 => nc as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    };
    f.push(FHash::new(9).u64(len_bucket).finish());
    f.push(FHash::new(10).u64((i == 0) as u64).str(&t.short).finish());
}

/// Bit set of word facts: sentence start and end, digits, punctuation inside, case.
fn word_flags(w: &str, t: &TokInfo, i: usize, n: usize) -> u64 {
    [
        i == 0,
        i + 1 == n,
        t.has_digit,
        t.all_digit,
        w.contains('-'),
        w.contains('.'),
        w.contains('\''),
        t.all_upper,
        t.first_upper,
    ]
    .iter()
    .enumerate()
    .fold(0, |acc, (b, &on)| acc | ((on as u64) << b))
}

/// Case in its sentence's style: the shape under a headline style, a capitalised word
/// that is usually lowercase, and the word itself in an all-capitals sentence.
fn push_case<G: GazLookup>(f: &mut Vec<u64>, t: &TokInfo, i: usize, style: SentStyle, gaz: &G) {
    if style.code != 0 {
        f.push(FHash::new(60).u64(style.code).str(&t.short).finish());
    }
    // A capitalised word that is usually written in lowercase ("Wine", "Losing").
    if t.first_upper && gaz.mask(lex_key(t.key)) & LEX_LOWER != 0 {
        f.push(FHash::new(70).u64(style.code).u64((i == 0) as u64).finish());
        f.push(FHash::new(71).u64(style.code).str(&t.short).finish());
    }
    if style.caps {
        f.push(FHash::new(11).finish());
        f.push(FHash::new(12).str(&t.lower).finish());
    }
}

/// Context: the words and shapes up to two tokens either side, their pairs with this
/// token, and the neighbours' suffixes ("-based", "-born", "ian").
fn push_context(f: &mut Vec<u64>, infos: &[TokInfo], i: usize) {
    let n = infos.len();
    let t = &infos[i];
    let ii = i as isize;
    f.push(FHash::new(13).str(lw(infos, ii - 1)).finish());
    f.push(FHash::new(14).str(lw(infos, ii + 1)).finish());
    f.push(FHash::new(15).str(lw(infos, ii - 2)).finish());
    f.push(FHash::new(16).str(lw(infos, ii + 2)).finish());
    f.push(FHash::new(17).str(sh(infos, ii - 1)).finish());
    f.push(FHash::new(18).str(sh(infos, ii + 1)).finish());
    f.push(FHash::new(19).str(sh(infos, ii - 2)).finish());
    f.push(FHash::new(20).str(sh(infos, ii + 2)).finish());
    f.push(FHash::new(21).str(lw(infos, ii - 1)).str(&t.lower).finish());
    f.push(FHash::new(22).str(&t.lower).str(lw(infos, ii + 1)).finish());
    f.push(
        FHash::new(23)
            .str(sh(infos, ii - 1))
            .str(&t.short)
            .str(sh(infos, ii + 1))
            .finish(),
    );
    f.push(FHash::new(24).str(lw(infos, ii - 1)).str(&t.short).finish());
    f.push(FHash::new(25).str(&t.short).str(lw(infos, ii + 1)).finish());
    if i > 0 {
        let prev = last_chars(&infos[i - 1].lower, NEIGHBOUR_SUFFIX);
        f.push(FHash::new(26).str(prev).finish());
    }
    if i + 1 < n {
        let next = last_chars(&infos[i + 1].lower, NEIGHBOUR_SUFFIX);
        f.push(FHash::new(27).str(next).finish());
    }
}

/// Document-level case evidence: how the same word is written in the document's
/// ordinary sentences.
fn push_doc_case(f: &mut Vec<u64>, doc: &DocStats, t: &TokInfo, i: usize, style: SentStyle) {
    if !t.has_alpha {
        return;
    }
    let Some(c) = doc.map.get(&t.key) else {
        return;
    };
    let mid_here = i > 0 && !style.caps;
    if t.first_upper {
        if c[LOWER_MID] > 0 {
            f.push(FHash::new(30).u64((i == 0) as u64).finish());
            f.push(FHash::new(31).u64(style.code).str(&t.short).finish());
        }
        let others = c[CAP_MID] as i32 - (mid_here as i32);
        if others > 0 {
            f.push(FHash::new(32).u64((i == 0) as u64).finish());
            f.push(FHash::new(33).u64(style.code).str(&t.short).finish());
        }
        if t.all_upper && c[TITLE_MID] > 0 {
            f.push(FHash::new(34).finish());
        }
    } else if c[CAP_MID] > 0 {
        f.push(FHash::new(35).finish());
    }
}

/// Appends the stacking features of token `i`: first-stage labels here, around here and
/// for the same word elsewhere in the document.
fn push_stacked(f: &mut Vec<u64>, infos: &[TokInfo], i: usize, nl: &NonLocal, p1: &[Tag]) {
    let n = infos.len();
    let ii = i as isize;
    let t = &infos[i];
    let lab = |k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            99
        } else {
            p1[k as usize].index() as u64
        }
    };
    f.push(FHash::new(50).u64(lab(ii)).finish());
    f.push(FHash::new(51).u64(lab(ii - 1)).u64(lab(ii)).finish());
    f.push(FHash::new(52).u64(lab(ii)).u64(lab(ii + 1)).finish());
    f.push(FHash::new(53).u64(lab(ii)).str(&t.short).finish());
    if t.has_alpha {
        if let Some(c) = nl.map.get(&t.key) {
            let mut o = *c;
            let own = type_slot(p1[i]);
            o[own] = o[own].saturating_sub(1);
            let total: u32 = o.iter().map(|&x| x as u32).sum();
            if total > 0 {
                let mut best = 0;
                for k in 1..5 {
                    if o[k] > o[best] {
                        best = k;
                    }
                }
                f.push(FHash::new(54).u64(best as u64).finish());
                f.push(
                    FHash::new(55)
                        .u64(best as u64)
                        .u64(type_slot(p1[i]) as u64)
                        .finish(),
                );
                for (k, &x) in o.iter().enumerate() {
                    if x > 0 {
                        f.push(FHash::new(56).u64(k as u64).finish());
                    }
                }
            }
        }
        if let Some(&m) = nl.multi.get(&t.key) {
            let in_multi = (ii > 0 && p1[i - 1] != Tag::O && matches!(p1[i], Tag::I(_)))
                || (i + 1 < n && matches!(p1[i + 1], Tag::I(_)));
            for k in 0..4u64 {
                if m & (1 << k) != 0 {
                    f.push(FHash::new(57).u64(k).finish());
                    f.push(FHash::new(58).u64(k).u64(in_multi as u64).finish());
                }
            }
        }
    }
}

/// The stacking features alone of every token of a sentence (see [`sentence_features`],
/// which interleaves them with the rest): token `i`'s are `buf.token(i)`.
pub(crate) fn stacked_features(infos: &[TokInfo], nl: &NonLocal, p1: &[Tag], buf: &mut FeatBuf) {
    buf.feats.clear();
    buf.offs.clear();
    for i in 0..infos.len() {
        buf.offs.push(buf.feats.len());
        push_stacked(&mut buf.feats, infos, i, nl, p1);
    }
    buf.offs.push(buf.feats.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::EntType;

    /// Inference scores the stacked features apart from the rest (the first stage reuses
    /// the rest): together they must be exactly the features training saw.
    #[test]
    fn split_features_equal_the_whole() {
        let sents = [
            vec![
                "Maria",
                "Lopez",
                "told",
                "the",
                "Springfield",
                "Gazette",
                ".",
            ],
            vec!["Lopez", "said", "Gazette", "editors", "agreed", "."],
        ];
        let infos: Vec<Vec<TokInfo>> = sents
            .iter()
            .map(|s| s.iter().map(|t| TokInfo::new(t)).collect())
            .collect();
        let p1 = vec![
            vec![
                Tag::B(EntType::Per),
                Tag::I(EntType::Per),
                Tag::O,
                Tag::O,
                Tag::B(EntType::Org),
                Tag::I(EntType::Org),
                Tag::O,
            ],
            vec![
                Tag::B(EntType::Per),
                Tag::O,
                Tag::B(EntType::Org),
                Tag::O,
                Tag::O,
                Tag::O,
            ],
        ];
        let stats = DocStats::new(&infos);
        let nl = NonLocal::new(&infos, &p1);
        let mut gaz: PassMap<u8> = PassMap::default();
        gaz.insert(single_token_key("Lopez"), 1);
        let (mut whole, mut base, mut stack) =
            (FeatBuf::default(), FeatBuf::default(), FeatBuf::default());
        for (si, s) in sents.iter().enumerate() {
            sentence_features(
                s,
                &infos[si],
                &stats,
                &gaz,
                Some((&nl, &p1[si])),
                &mut whole,
            );
            sentence_features(s, &infos[si], &stats, &gaz, None, &mut base);
            stacked_features(&infos[si], &nl, &p1[si], &mut stack);
            assert_eq!(whole.len(), s.len());
            for i in 0..s.len() {
                let mut a = whole.token(i).to_vec();
                let mut b = [base.token(i), stack.token(i)].concat();
                assert!(!stack.token(i).is_empty());
                a.sort_unstable();
                b.sort_unstable();
                assert_eq!(a, b, "sentence {si} token {i}");
            }
        }
    }
}

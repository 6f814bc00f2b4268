//! Trained rhetoric model (SemEval-2020 Task 11 / PTC). Spans (SI): stage-1 token tagger
//! → sentence classifier (whole sentence is one span when sure) → stage-2 token tagger
//! (sees stage-1 scores of neighbours and the sentence score); technique (TC): a
//! 14-class span classifier. All averaged perceptrons over hashed features: words with
//! names and political sides masked (neutrality), lexicon hits, VADER valence, quotes,
//! position, repetition in the article.

use crate::lexicon::{lexicon, Tech};
use crate::text::Ctx;
use crate::Hit;
use std::borrow::Cow;
use std::collections::HashMap;
use unspin_doc::{Shape, Span, TechniqueName, Token};
use unspin_lex::capitalisation::{KEPT_CAPITALISED_WORDS, SENTENCE_INITIAL_FUNCTION_WORDS};
use unspin_lex::politics::SIDE_WORDS;

/// The 14 PTC technique labels, as the corpus spells them (model class order).
pub const PTC_LABELS: [&str; 14] = [
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Black-and-White_Fallacy",
    "Whataboutism,Straw_Men,Red_Herring",
    "Thought-terminating_Cliches",
    "Bandwagon,Reductio_ad_hitlerum",
];

/// The same labels as unspin's technique names (model class order).
pub const CLASSES: [TechniqueName; 14] = [
    TechniqueName::LoadedLanguage,
    TechniqueName::NameCalling,
    TechniqueName::Repetition,
    TechniqueName::Doubt,
    TechniqueName::Exaggeration,
    TechniqueName::AppealToFear,
    TechniqueName::FlagWaving,
    TechniqueName::CausalOversimplification,
    TechniqueName::AppealToAuthority,
    TechniqueName::Slogans,
    TechniqueName::BlackAndWhiteFallacy,
    TechniqueName::Whataboutism,
    TechniqueName::ThoughtTerminatingCliche,
    TechniqueName::Bandwagon,
];

/// PTC label → class index.
pub fn label_index(label: &str) -> Option<usize> {
    PTC_LABELS.iter().position(|l| *l == label)
}

/// snake_case name → class index.
pub fn snake_index(name: &str) -> Option<usize> {
    let t = TechniqueName::parse(name)?;
    CLASSES.iter().position(|c| *c == t)
}

pub(crate) const SI_BITS: u32 = 17;
pub(crate) const TC_BITS: u32 = 15;
const MAGIC: &[u8; 8] = b"UNSPRH04";

fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// FNV-1a over a tag and a value, finalised; stable across platforms and runs.
pub(crate) fn fhash(tag: &str, val: &str) -> u64 {
    fhash_n(tag, &[val], "")
}

/// `fhash(tag, parts.join(sep))` without building the string.
pub(crate) fn fhash_n(tag: &str, parts: &[&str], sep: &str) -> u64 {
    let mut h = unspin_lex::hash::Fnv1a64::new();
    h.eat(tag.as_bytes());
    h.eat(&[0xff]);
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h.eat(sep.as_bytes());
        }
        h.eat(p.as_bytes());
    }
    mix(h.finish())
}

fn is_side(lower: &str) -> bool {
    let w = lower
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .trim_matches(|c: char| !c.is_alphanumeric());
    w.split(['-', '\u{2010}', '\u{2011}']).any(|p| {
        let p1 = p.strip_suffix('s').unwrap_or(p);
        SIDE_WORDS.contains(p) || SIDE_WORDS.contains(p1)
    })
}

/// The masked word form a feature sees for token text `tok` (`form`: its normalised
/// form, `shape`: its shape flags): quote marks unified, numbers, political sides,
/// names (capitalised words other than kept ones and sentence-initial function words)
/// and acronyms masked; other words lowercased.
fn norm_token<'a>(
    tok: &'a str,
    form: Cow<'a, str>,
    shape: Shape,
    sentence_initial: bool,
) -> Cow<'a, str> {
    if shape.punct() {
        return Cow::Borrowed(match tok {
            "\u{201c}" | "\u{201d}" | "\u{201e}" | "''" | "``" => "\"",
            "\u{2018}" | "\u{2019}" => "'",
            _ => tok,
        });
    }
    if shape.digit() && tok.bytes().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed("<num>");
    }
    // The normalised form straightens apostrophes; the model's words keep them.
    let lower = if form.contains('\'') && tok.contains('\u{2019}') {
        Cow::Owned(tok.to_lowercase())
    } else {
        form
    };
    if is_side(&lower) {
        return Cow::Borrowed("<side>");
    }
    if shape.cap() {
        if KEPT_CAPITALISED_WORDS.contains(&lower)
            || (sentence_initial && SENTENCE_INITIAL_FUNCTION_WORDS.contains(&lower))
        {
            return lower;
        }
        if tok
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && tok.chars().nth(1).is_some()
        {
            return Cow::Borrowed("<ACAP>");
        }
        return Cow::Borrowed("<Cap>");
    }
    lower
}

/// The model's shape class of token text `tok`: "p" punctuation, "d" digits without
/// letters, "AA" all capitals (two letters or more), "Aa" first letter capital, "a".
/// Read from the token's shape flags; text with digits or beyond ASCII is checked
/// letter by letter (the flags count any numeral, and a first letter after a digit).
fn model_shape(tok: &str, shape: Shape) -> &'static str {
    if shape.punct() {
        return "p";
    }
    if shape.word() && !shape.digit() && tok.is_ascii() {
        // The first character is a letter.
        return if shape.all_caps() {
            "AA"
        } else if shape.cap() {
            "Aa"
        } else {
            "a"
        };
    }
    let mut alpha = tok.chars().filter(|c| c.is_alphabetic());
    let Some(first) = alpha.next() else {
        return if tok.bytes().any(|c| c.is_ascii_digit()) {
            "d"
        } else {
            "p"
        };
    };
    let rest_upper = alpha.clone().all(char::is_uppercase);
    if alpha.next().is_some() && first.is_uppercase() && rest_upper {
        "AA"
    } else if first.is_uppercase() {
        "Aa"
    } else {
        "a"
    }
}

fn tf(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        17..=32 => "17-32",
        _ => "33+",
    }
}

/// A sentence cut at its line breaks where the next line starts like a sentence (a
/// capital, a digit or a quote mark) and the line before does not end in a hyphen:
/// scraped text often has one sentence per line and drops the final period.
fn line_parts(text: &str, s: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start = s.start;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut from = start;
        while let Some(k) = text[from..s.end].find('\n') {
            let nl = from + k;
            let before = text[start..nl].trim_end();
            let next = text[nl + 1..s.end].trim_start().chars().next();
            let starts = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || "\"\u{201c}\u{2018}'".contains(c)
            });
            if starts && !before.is_empty() && !before.ends_with('-') {
                let part = Span::new(start, nl);
                start = nl + 1;
                return Some(part);
            }
            from = nl + 1;
        }
        done = true;
        Some(Span::new(start, s.end))
    })
}

/// The model's tokens (the token layer's, in text order), the layer's token of each,
/// and the token range of each model sentence: every sentence of the layer cut by
/// [`line_parts`] (parts without tokens dropped).
fn model_sentences<'c>(ctx: &'c Ctx) -> (Vec<Span>, Vec<&'c Token>, Vec<(usize, usize)>) {
    let tokens: &[Token] = ctx.tokens;
    let mut toks = Vec::with_capacity(tokens.len());
    let mut refs = Vec::with_capacity(tokens.len());
    let mut sent_toks = Vec::new();
    let mut k = 0;
    for s in ctx.sentence_spans().flat_map(|s| line_parts(ctx.text, s)) {
        while k < tokens.len() && tokens[k].span.start < s.start {
            k += 1;
        }
        let a = toks.len();
        while k < tokens.len() && tokens[k].span.end <= s.end {
            toks.push(tokens[k].span);
            refs.push(&tokens[k]);
            k += 1;
        }
        if toks.len() > a {
            sent_toks.push((a, toks.len()));
        }
    }
    (toks, refs, sent_toks)
}

/// One document prepared for feature extraction: tokens per sentence and their
/// masked forms, lexicon techniques, valence and quote state.
pub(crate) struct Prep<'a> {
    pub text: &'a str,
    pub toks: Vec<Span>,
    /// Sentence index of each token.
    pub sent: Vec<usize>,
    /// Token range of each sentence.
    pub sent_toks: Vec<(usize, usize)>,
    pub norm: Vec<Cow<'a, str>>,
    pub raw_shape: Vec<&'static str>,
    /// The lexicon technique (or feature) of a hit covering each token.
    pub lex: Vec<Option<Tech>>,
    pub val: Vec<f32>,
    pub quoted: Vec<bool>,
    lower_text: String,
    /// How many tokens of the document have each token's masked form (`norm`).
    freq: Vec<u32>,
    /// Occurrences (non-overlapping, as `str::matches` counts them) in `lower_text`
    /// of each span text given to [`Prep::index_reps`]; other spans are counted by a
    /// scan of the text.
    reps: HashMap<String, usize>,
    /// Sentence flags: has '!', has '?', lexicon hits.
    sent_info: Vec<(bool, bool, usize)>,
    /// Lexicon hits per sentence in the document, ×10.
    lex_density: usize,
}

impl<'a> Prep<'a> {
    pub fn new(ctx: &Ctx<'a>, hits: &[Hit]) -> Self {
        let text = ctx.text;
        let lex = lexicon();
        let (toks, tok_refs, sent_toks) = model_sentences(ctx);
        let mut sent = vec![0; toks.len()];
        let mut norm = Vec::with_capacity(toks.len());
        let mut raw_shape = Vec::with_capacity(toks.len());
        let mut val = Vec::with_capacity(toks.len());
        let mut quoted = vec![false; toks.len()];
        let mut lexv: Vec<Option<Tech>> = vec![None; toks.len()];
        for (si, &(a, b)) in sent_toks.iter().enumerate() {
            let mut inq = false;
            for i in a..b {
                sent[i] = si;
                let tok = tok_refs[i];
                let t = &text[toks[i].start..toks[i].end];
                let form = ctx.form(tok);
                // The VADER lexicon holds no apostrophes, so the normalised form finds
                // what the lowercased text would.
                val.push(lex.vader.get(form).copied().unwrap_or(0.0));
                let n = norm_token(t, Cow::Borrowed(form), tok.shape, i == a);
                // A side word's shape (MAGA vs progressive) must not tell sides apart.
                raw_shape.push(if n == "<side>" {
                    "a"
                } else {
                    model_shape(t, tok.shape)
                });
                norm.push(n);
                match t {
                    "\"" => inq = !inq,
                    "\u{201c}" => inq = true,
                    "\u{201d}" => inq = false,
                    _ => quoted[i] = inq,
                }
            }
        }
        for h in hits {
            let tech = lex.entries[h.entry].technique;
            let i = toks.partition_point(|t| t.end <= h.start);
            let j = toks.partition_point(|t| t.start < h.end);
            for l in lexv.iter_mut().take(j).skip(i) {
                *l = Some(tech);
            }
        }
        let sent_info: Vec<(bool, bool, usize)> = sent_toks
            .iter()
            .map(|&(a, b)| {
                let ex = (a..b).any(|i| norm[i] == "!");
                let q = (a..b).any(|i| norm[i] == "?");
                let mut n = 0;
                let mut prev = None;
                for l in &lexv[a..b] {
                    if l.is_some() && *l != prev {
                        n += 1;
                    }
                    prev = *l;
                }
                (ex, q, n)
            })
            .collect();
        let lex_density =
            sent_info.iter().map(|x| x.2).sum::<usize>() * 10 / sent_info.len().max(1);
        let freq = {
            let mut counts: HashMap<&str, u32> = HashMap::with_capacity(norm.len() / 4);
            for w in &norm {
                *counts.entry(w.as_ref()).or_insert(0) += 1;
            }
            norm.iter().map(|w| counts[w.as_ref()]).collect()
        };
        Prep {
            freq,
            reps: HashMap::new(),
            lex_density,
            text,
            toks,
            sent,
            sent_toks,
            norm,
            raw_shape,
            lex: lexv,
            val,
            quoted,
            lower_text: text.to_lowercase(),
            sent_info,
        }
    }

    fn w(&self, i: isize, lo: usize, hi: usize) -> &str {
        if i < lo as isize {
            "<s>"
        } else if i >= hi as isize {
            "</s>"
        } else {
            &self.norm[i as usize]
        }
    }

    /// Hashed SI features of token `i`.
    pub fn token_features(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let (lo, hi) = self.sent_toks[self.sent[i]];
        let ii = i as isize;
        let w0 = self.w(ii, lo, hi);
        let wm1 = self.w(ii - 1, lo, hi);
        let wp1 = self.w(ii + 1, lo, hi);
        out.push(fhash("b", ""));
        out.push(fhash("w0", w0));
        out.push(fhash("w-1", wm1));
        out.push(fhash("w+1", wp1));
        out.push(fhash("w-2", self.w(ii - 2, lo, hi)));
        out.push(fhash("w+2", self.w(ii + 2, lo, hi)));
        out.push(fhash_n("w-1w0", &[wm1, w0], " "));
        out.push(fhash_n("w0w+1", &[w0, wp1], " "));
        if w0.chars().count() > 4 && !w0.starts_with('<') {
            let cs: Vec<char> = w0.chars().collect();
            let suf: String = cs[cs.len() - 3..].iter().collect();
            out.push(fhash("suf3", &suf));
        }
        out.push(fhash("shape", self.raw_shape[i]));
        let lexat = |j: isize| -> &str {
            if j < lo as isize || j >= hi as isize {
                "-"
            } else {
                self.lex[j as usize].map_or("-", Tech::as_str)
            }
        };
        out.push(fhash("lex0", lexat(ii)));
        out.push(fhash("lex-1", lexat(ii - 1)));
        out.push(fhash("lex+1", lexat(ii + 1)));
        out.push(fhash_n("lex0w0", &[lexat(ii), w0], " "));
        let mut near = false;
        for d in -3isize..=3 {
            if lexat(ii + d) != "-" {
                near = true;
            }
        }
        out.push(fhash("lexnear", if near { "y" } else { "n" }));
        let v = self.val[i];
        out.push(fhash(
            "val",
            if v <= -2.0 {
                "neg"
            } else if v >= 2.0 {
                "pos"
            } else {
                "0"
            },
        ));
        let mut vmax = 0f32;
        for j in i.saturating_sub(3).max(lo)..(i + 4).min(hi) {
            vmax = vmax.max(self.val[j].abs());
        }
        out.push(fhash("vwin", if vmax >= 2.0 { "y" } else { "n" }));
        out.push(fhash("q", if self.quoted[i] { "y" } else { "n" }));
        let s = self.sent[i];
        out.push(fhash("sidx", bucket(s)));
        out.push(fhash("tpos", bucket(i - lo)));
        out.push(fhash("tend", bucket(hi - 1 - i)));
        out.push(fhash("slen", bucket(hi - lo)));
        let (ex, q, nl) = self.sent_info[s];
        out.push(fhash_n("sinfo", &[tf(ex), tf(q)], ""));
        out.push(fhash("slex", bucket(nl)));
        out.push(fhash_n("slexw0", &[bucket(nl.min(3)), w0], " "));
    }

    /// The tokens of `span` that are strongly negative words (VADER) that no lexicon
    /// entry covers (lexicon hits are the rule detector's to judge in context), that are
    /// not in a literal collocation ("disaster relief", "natural disaster") and that are
    /// not names (capitalised mid-sentence: "Dick Cheney"); none when a lexicon word is
    /// inside.
    pub fn triggers(&self, span: Span) -> Vec<Span> {
        let (a, b) = self.tok_range(span);
        if (a..b).any(|i| self.lex[i].is_some_and(|l| matches!(l, Tech::Technique(_)))) {
            // A lexicon word the rules did not flag here was judged literal in context.
            return Vec::new();
        }
        let lex = lexicon();
        (a..b)
            .filter(|&i| {
                let (lo, hi) = self.sent_range(i);
                let literal = (i + 1 < hi && lex.literal_next.has(&self.norm[i + 1]))
                    || (i > lo && lex.literal_prev.has(&self.norm[i - 1]));
                let name = self.raw_shape[i] == "Aa" && i > lo;
                self.lex[i].is_none() && self.val[i] <= -2.0 && !literal && !name
            })
            .map(|i| self.toks[i])
            .collect()
    }

    /// Token range of the sentence of token `i`.
    pub fn sent_range(&self, i: usize) -> (usize, usize) {
        self.sent_toks[self.sent[i]]
    }

    /// Hashed features of sentence `si` as a whole (bag of words and bigrams, lexicon
    /// techniques), for the sentence classifier.
    pub fn sentence_features(&self, si: usize, out: &mut Vec<u64>) {
        out.clear();
        let (lo, hi) = self.sent_toks[si];
        out.push(fhash("b", ""));
        out.push(fhash("slen", bucket(hi - lo)));
        out.push(fhash("sidx", bucket(si)));
        let (ex, q, nl) = self.sent_info[si];
        out.push(fhash_n("spunct", &[tf(ex), tf(q)], ""));
        out.push(fhash("snlex", bucket(nl)));
        out.push(fhash("squote", tf((lo..hi).any(|i| self.quoted[i]))));
        // How loaded the article is overall (lexicon hits per sentence, in tenths).
        out.push(fhash("adens", bucket(self.lex_density)));
        out.push(fhash_n(
            "adens_snlex",
            &[bucket(self.lex_density), bucket(nl.min(3))],
            " ",
        ));
        for i in lo..hi {
            out.push(fhash("sw", &self.norm[i]));
            if i + 1 < hi {
                out.push(fhash_n("sb", &[&self.norm[i], &self.norm[i + 1]], " "));
            }
            if let Some(l) = self.lex[i] {
                out.push(fhash("sl", l.as_str()));
            }
            if self.val[i] <= -2.0 {
                out.push(fhash("sv", "neg"));
            } else if self.val[i] >= 2.0 {
                out.push(fhash("sv", "pos"));
            }
        }
    }

    /// Counts, in one pass over the text, the occurrences of the texts of `spans`
    /// that [`Prep::span_features`] reads (instead of one scan of the whole text per
    /// span). Counts are those of `str::matches`: leftmost, non-overlapping.
    pub fn index_reps(&mut self, spans: impl IntoIterator<Item = Span>) {
        let mut pats: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for span in spans {
            let t = self.text[span.start..span.end].trim().to_lowercase();
            if t.len() >= 3 && !self.reps.contains_key(&t) && !seen.contains_key(&t) {
                seen.insert(t.clone(), pats.len());
                pats.push(t);
            }
        }
        if pats.is_empty() {
            return;
        }
        let ac = match aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&pats)
        {
            Ok(ac) => ac,
            // Over the automaton's size limit (a pathological document): count each
            // pattern on its own, the same counts at a higher cost.
            Err(_) => {
                for t in pats {
                    let n = self.lower_text.matches(t.as_str()).count();
                    self.reps.insert(t, n);
                }
                return;
            }
        };
        let mut count = vec![0usize; pats.len()];
        let mut last_end = vec![0usize; pats.len()];
        // Overlapping search reports every occurrence of each pattern in order of its
        // end; taking one only when it starts at or after the previous one's end is
        // the leftmost non-overlapping count.
        for m in ac.find_overlapping_iter(self.lower_text.as_str()) {
            let p = m.pattern().as_usize();
            if m.start() >= last_end[p] {
                count[p] += 1;
                last_end[p] = m.end();
            }
        }
        for (t, n) in pats.into_iter().zip(count) {
            self.reps.insert(t, n);
        }
    }

    /// Token index range covered by a byte span.
    pub fn tok_range(&self, span: Span) -> (usize, usize) {
        let i = self.toks.partition_point(|t| t.end <= span.start);
        let j = self.toks.partition_point(|t| t.start < span.end);
        (i, j.max(i))
    }

    /// Hashed TC features of a byte span.
    pub fn span_features(&self, span: Span, out: &mut Vec<u64>) {
        out.clear();
        let (a, b) = self.tok_range(span);
        out.push(fhash("b", ""));
        let n = b - a;
        out.push(fhash("ntok", bucket(n)));
        if n == 0 {
            return;
        }
        let (lo, hi) = self.sent_toks[self.sent[a]];
        for i in a..b {
            out.push(fhash("u", &self.norm[i]));
            let w = &self.norm[i];
            if w.len() > 5 && !w.starts_with('<') {
                let cut = (0..=5).rev().find(|k| w.is_char_boundary(*k)).unwrap_or(0);
                out.push(fhash("pre5", &w[..cut]));
            }
            if i + 1 < b {
                out.push(fhash_n("bi", &[&self.norm[i], &self.norm[i + 1]], " "));
            }
            if let Some(l) = self.lex[i] {
                out.push(fhash("lex", l.as_str()));
            }
            out.push(fhash("shape", self.raw_shape[i]));
        }
        if n <= 4 {
            out.push(fhash("whole", &self.norm[a..b].join(" ")));
        }
        let content: Vec<&str> = (a..b)
            .filter(|&i| self.raw_shape[i] != "p")
            .map(|i| self.norm[i].as_ref())
            .collect();
        if content.len() <= 8 {
            out.push(fhash("content", &content.join(" ")));
        }
        let caps = (a..b).filter(|&i| self.raw_shape[i] == "Aa").count();
        out.push(fhash("caps", bucket(caps)));
        // How often the span's rarest word occurs among the article's tokens.
        let minfreq = (a..b)
            .filter(|&i| self.raw_shape[i] != "p" && self.norm[i].chars().count() > 3)
            .map(|i| self.freq[i] as usize)
            .min()
            .unwrap_or(0);
        out.push(fhash("minfreq", bucket(minfreq)));
        out.push(fhash_n("minfreqn", &[bucket(minfreq), bucket(n)], " "));
        for j in a.saturating_sub(3).max(lo)..a {
            if let Some(l) = self.lex[j] {
                out.push(fhash("lexp", l.as_str()));
            }
        }
        for j in b..(b + 3).min(hi) {
            if let Some(l) = self.lex[j] {
                out.push(fhash("lexn", l.as_str()));
            }
        }
        out.push(fhash("first", &self.norm[a]));
        out.push(fhash("last", &self.norm[b - 1]));
        let ctx = |j: isize| -> &str { self.w(j, lo, hi) };
        out.push(fhash("p1", ctx(a as isize - 1)));
        out.push(fhash_n(
            "p1n1",
            &[ctx(a as isize - 1), ctx(b as isize)],
            " ",
        ));
        out.push(fhash("n1", ctx(b as isize)));
        // Share of the sentence covered.
        let cover = (n * 4) / (hi - lo).max(1);
        out.push(fhash("cover", bucket(cover)));
        out.push(fhash_n("ncover", &[bucket(n), bucket(cover)], " "));
        // Repetition: other occurrences of the span's words in the article.
        let t = self.text[span.start..span.end].trim().to_lowercase();
        let reps = if t.len() >= 3 {
            match self.reps.get(&t) {
                Some(&n) => n,
                None => self.lower_text.matches(t.as_str()).count(),
            }
            .saturating_sub(1)
        } else {
            0
        };
        out.push(fhash("rep", bucket(reps)));
        out.push(fhash_n("repn", &[bucket(reps), bucket(n)], " "));
        let (mut neg, mut pos) = (0, 0);
        for v in &self.val[a..b] {
            if *v <= -2.0 {
                neg += 1;
            } else if *v >= 2.0 {
                pos += 1;
            }
        }
        out.push(fhash("vneg", bucket(neg)));
        out.push(fhash("vpos", bucket(pos)));
        out.push(fhash("q", if self.quoted[a] { "y" } else { "n" }));
        let (ex, q, _) = self.sent_info[self.sent[a]];
        out.push(fhash_n("sinfo", &[tf(ex), tf(q)], ""));
        out.push(fhash("sidx", bucket(self.sent[a])));
    }
}

/// Stage-2 features of token `i` from the stage-1 token scores `s1` (neighbours and
/// sentence `lo..hi`), appended to `out`.
pub(crate) fn stack_features(
    s1: &[f32],
    sent_score: f32,
    (lo, hi): (usize, usize),
    i: usize,
    out: &mut Vec<u64>,
) {
    const NUMS: [&str; 17] = [
        "-8", "-7", "-6", "-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8",
    ];
    let b = |v: f32| NUMS[((v / 2.0).round().clamp(-8.0, 8.0) as i32 + 8) as usize];
    let at = |j: isize| -> &str {
        if j < lo as isize || j >= hi as isize {
            "x"
        } else {
            b(s1[j as usize])
        }
    };
    let ii = i as isize;
    let c = at(ii);
    out.push(fhash("s0", c));
    out.push(fhash("s-1", at(ii - 1)));
    out.push(fhash("s+1", at(ii + 1)));
    out.push(fhash("s-2", at(ii - 2)));
    out.push(fhash("s+2", at(ii + 2)));
    out.push(fhash_n("s-1s0s+1", &[at(ii - 1), c, at(ii + 1)], " "));
    let sent = &s1[lo..hi];
    let max = sent.iter().copied().fold(f32::MIN, f32::max);
    let mean = sent.iter().sum::<f32>() / sent.len().max(1) as f32;
    out.push(fhash("smax", b(max)));
    out.push(fhash("smean", b(mean)));
    out.push(fhash_n("smeans0", &[b(mean), c], " "));
    let lmax = s1[lo..i].iter().copied().fold(f32::MIN, f32::max);
    let rmax = s1[i + 1..hi].iter().copied().fold(f32::MIN, f32::max);
    out.push(fhash_n("lrmax", &[b(lmax), b(rmax)], " "));
    let ss = b(sent_score / 2.0);
    out.push(fhash("sent", ss));
    out.push(fhash_n("sents0", &[ss, c], " "));
}

/// Sentence-classifier features from the stage-1 token scores of sentence `k` and of
/// its neighbours (`sents`: token range of every sentence).
pub(crate) fn sent_stack_features(
    s1: &[f32],
    sents: &[(usize, usize)],
    k: usize,
    out: &mut Vec<u64>,
) {
    let agg = |k: usize| {
        let (lo, hi) = sents[k];
        let v = &s1[lo..hi];
        let max = v.iter().copied().fold(f32::MIN, f32::max);
        let mean = v.iter().sum::<f32>() / v.len().max(1) as f32;
        (max, mean, v.iter().filter(|x| **x > 0.0).count())
    };
    let (max, mean, pos) = agg(k);
    out.push(fhash("s1max", score_bucket(max)));
    out.push(fhash("s1mean", score_bucket(mean)));
    out.push(fhash("s1pos", bucket(pos)));
    let prev = if k > 0 {
        score_bucket(agg(k - 1).0)
    } else {
        "x"
    };
    let next = if k + 1 < sents.len() {
        score_bucket(agg(k + 1).0)
    } else {
        "x"
    };
    out.push(fhash("s1maxprev", prev));
    out.push(fhash("s1maxnext", next));
}

fn score_bucket(v: f32) -> &'static str {
    const NUMS: [&str; 17] = [
        "-8", "-7", "-6", "-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8",
    ];
    NUMS[((v / 2.0).round().clamp(-8.0, 8.0) as i32 + 8) as usize]
}

/// Runs of positive tokens are joined over gaps of up to this many tokens (the gated
/// `detect` output scores better so; the model alone is the same within noise).
const JOIN_GAP: usize = 2;

/// SI spans as token ranges `(start, end, margin, whole)`: a sentence whose score is
/// above `sent_threshold` is one span (margin: its score above the threshold; `whole`);
/// elsewhere every run of tokens with a positive margin, joined over gaps of up to
/// [`JOIN_GAP`] tokens, is one (margin: the run's mean).
/// Punctuation (`punct`) is trimmed from both ends of each span.
pub(crate) fn decode(
    sent_toks: &[(usize, usize)],
    punct: impl Fn(usize) -> bool,
    sent_scores: &[f32],
    margins: &[f32],
    sent_threshold: f32,
) -> Vec<(usize, usize, f32, bool)> {
    let mut out = Vec::new();
    let mut push = |(mut a, mut b): (usize, usize), margin: Option<f32>| {
        while a < b && punct(a) {
            a += 1;
        }
        while b > a && punct(b - 1) {
            b -= 1;
        }
        if a < b {
            let m = margin.unwrap_or_else(|| margins[a..b].iter().sum::<f32>() / (b - a) as f32);
            out.push((a, b, m, margin.is_some()));
        }
    };
    for (k, &(lo, hi)) in sent_toks.iter().enumerate() {
        if sent_scores[k] > sent_threshold {
            push((lo, hi), Some(sent_scores[k] - sent_threshold));
            continue;
        }
        let mut i = lo;
        while i < hi {
            if margins[i] <= 0.0 {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < hi && (j..(j + 1 + JOIN_GAP).min(hi)).any(|g| margins[g] > 0.0) {
                j += 1;
            }
            push((i, j), None);
            i = j;
        }
    }
    out
}

/// The words of tokens `a..b` that the tagger scored highest: up to three with a positive
/// margin, or the single best one when none is positive (a span the sentence classifier
/// chose); in text order. Punctuation (`punct`) never counts.
fn top_tokens(margins: &[f32], a: usize, b: usize, punct: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut v: Vec<usize> = (a..b).filter(|&i| !punct(i)).collect();
    v.sort_by(|x, y| margins[*y].total_cmp(&margins[*x]).then(x.cmp(y)));
    let n = v
        .iter()
        .take(3)
        .filter(|&&i| margins[i] > 0.0)
        .count()
        .max(1);
    v.truncate(n);
    v.sort_unstable();
    v
}

/// Margin buckets of the score calibration: below 2, 2–5, 5–10, 10 and above.
const CALIB_EDGES: [f32; 3] = [2.0, 5.0, 10.0];

/// Index into [`Model::calib`] of a decoded span: whole sentences in the upper half.
pub(crate) fn calib_index(margin: f32, whole: bool) -> usize {
    4 * whole as usize + CALIB_EDGES.iter().filter(|e| margin >= **e).count()
}

/// The trained weights.
#[derive(Clone)]
pub struct Model {
    /// Sentence classifier, stage-1 and stage-2 token weights.
    pub sent: Vec<f32>,
    pub si: Vec<f32>,
    pub si2: Vec<f32>,
    pub tc: Vec<f32>,
    /// Token score above which a token is inside a span.
    pub threshold: f32,
    /// Sentence score above which the whole sentence is one span (may be infinite).
    pub sent_threshold: f32,
    /// A predicted span's score: the mean SI precision that spans of its kind (token run,
    /// whole sentence) and margin bucket ([`calib_index`]) had on cross-fold predictions.
    pub calib: [f32; 8],
    /// Training options and scores, as text.
    pub info: String,
}

impl Model {
    pub fn si_score(&self, feats: &[u64]) -> f32 {
        let m = (1u64 << SI_BITS) - 1;
        feats.iter().map(|f| self.si[(f & m) as usize]).sum()
    }

    pub fn tc_scores(&self, feats: &[u64]) -> [f32; 14] {
        let m = (1u64 << TC_BITS) - 1;
        let mut s = [0f32; 14];
        for f in feats {
            let idx = (f & m) as usize;
            for (c, v) in s.iter_mut().enumerate() {
                *v += self.tc[(c << TC_BITS) + idx];
            }
        }
        s
    }

    /// Class index and a 0..1 confidence (softmax of the scores).
    pub fn classify(&self, feats: &[u64]) -> (usize, f32) {
        let s = self.tc_scores(feats);
        let mut best = 0;
        for c in 1..14 {
            if s[c] > s[best] {
                best = c;
            }
        }
        let z: f32 = s.iter().map(|v| (v - s[best]).exp()).sum();
        (best, 1.0 / z)
    }

    /// Predicted propaganda spans (byte ranges) with a 0..1 score.
    pub(crate) fn spans(&self, p: &Prep) -> Vec<(Span, f32)> {
        self.spans_at(p, self.threshold, self.sent_threshold)
            .into_iter()
            .map(|(s, v, _)| (s, v))
            .collect()
    }

    /// Predicted spans: whole sentences whose sentence score is above `sent_threshold`,
    /// elsewhere runs of tokens with margin above `threshold`; scored by the calibration
    /// table (how often such spans were right in training).
    /// With each span, its highest-scoring words ([`top_tokens`]).
    pub(crate) fn spans_at(
        &self,
        p: &Prep,
        threshold: f32,
        sent_threshold: f32,
    ) -> Vec<(Span, f32, Vec<Span>)> {
        let mut f = Vec::with_capacity(48);
        let m = (1u64 << SI_BITS) - 1;
        // Per token, the stage-2 weights of its stage-1 features summed in order: the
        // stage-2 score below continues this sum with the stacked features, adding in
        // the same order as summing the two lists chained (the features themselves
        // are not kept: 8 bytes each, some 30 per token).
        let mut base: Vec<f32> = Vec::with_capacity(p.toks.len());
        let s1: Vec<f32> = (0..p.toks.len())
            .map(|i| {
                p.token_features(i, &mut f);
                base.push(f.iter().map(|h| self.si2[(h & m) as usize]).sum::<f32>());
                self.si_score(&f)
            })
            .collect();
        let ss: Vec<f32> = (0..p.sent_toks.len())
            .map(|si| {
                p.sentence_features(si, &mut f);
                sent_stack_features(&s1, &p.sent_toks, si, &mut f);
                f.iter().map(|h| self.sent[(h & m) as usize]).sum()
            })
            .collect();
        let scores: Vec<f32> = (0..p.toks.len())
            .map(|i| {
                f.clear();
                stack_features(&s1, ss[p.sent[i]], p.sent_range(i), i, &mut f);
                f.iter()
                    .map(|h| self.si2[(h & m) as usize])
                    .fold(base[i], |a, w| a + w)
                    - threshold
            })
            .collect();
        decode(
            &p.sent_toks,
            |i| p.raw_shape[i] == "p",
            &ss,
            &scores,
            sent_threshold,
        )
        .into_iter()
        .map(|(a, b, margin, whole)| {
            let score = self.calib[calib_index(margin, whole)];
            let top = top_tokens(&scores, a, b, |i| p.raw_shape[i] == "p")
                .into_iter()
                .map(|i| p.toks[i])
                .collect();
            (Span::new(p.toks[a].start, p.toks[b - 1].end), score, top)
        })
        .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(8 + 4 * (self.si.len() + self.tc.len()) + 64);
        v.extend_from_slice(MAGIC);
        for x in [SI_BITS, TC_BITS, 14, self.info.len() as u32] {
            v.extend_from_slice(&x.to_le_bytes());
        }
        v.extend_from_slice(&self.threshold.to_le_bytes());
        v.extend_from_slice(&self.sent_threshold.to_le_bytes());
        for c in self.calib {
            v.extend_from_slice(&c.to_le_bytes());
        }
        v.extend_from_slice(self.info.as_bytes());
        for w in self
            .sent
            .iter()
            .chain(&self.si)
            .chain(&self.si2)
            .chain(&self.tc)
        {
            v.extend_from_slice(&w.to_le_bytes());
        }
        v
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        if b.len() < 32 || &b[..8] != MAGIC {
            return Err("not a rhetoric model (bad magic)".into());
        }
        let u = |o: usize| u32::from_le_bytes(b[o..o + 4].try_into().unwrap());
        let (sb, tb, nc, il) = (u(8), u(12), u(16) as usize, u(20) as usize);
        if sb != SI_BITS || tb != TC_BITS || nc != 14 {
            return Err("rhetoric model dimensions do not match this build".into());
        }
        let threshold = f32::from_le_bytes(b[24..28].try_into().unwrap());
        let sent_threshold = f32::from_le_bytes(b[28..32].try_into().unwrap());
        let f = |c: &[u8]| f32::from_le_bytes(c.try_into().unwrap());
        let calib_bytes = b.get(32..64).ok_or("truncated")?;
        let mut calib = [0f32; 8];
        for (c, x) in calib.iter_mut().zip(calib_bytes.chunks_exact(4)) {
            *c = f(x);
        }
        let info = String::from_utf8_lossy(b.get(64..64 + il).ok_or("truncated")?).into_owned();
        let ns = 1usize << sb;
        let nt = nc << tb;
        let body = &b[64 + il..];
        if body.len() != 4 * (3 * ns + nt) {
            return Err("rhetoric model has the wrong size".into());
        }
        let all: Vec<f32> = body.chunks_exact(4).map(f).collect();
        Ok(Model {
            sent: all[..ns].to_vec(),
            si: all[ns..2 * ns].to_vec(),
            si2: all[2 * ns..3 * ns].to_vec(),
            tc: all[3 * ns..].to_vec(),
            threshold,
            sent_threshold,
            calib,
            info,
        })
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        line_parts(text, Span::new(0, text.len()))
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_line_that_starts_like_a_sentence_is_one() {
        assert_eq!(
            parts("It ended in Crystal City\nWhen it emerged, he left."),
            ["It ended in Crystal City", "When it emerged, he left."]
        );
        assert_eq!(
            parts("One\n\u{201c}Two\u{201d}"),
            ["One", "\u{201c}Two\u{201d}"]
        );
    }

    #[test]
    fn wrapped_lines_stay_together() {
        assert_eq!(
            parts("a line that wraps\nin the middle."),
            ["a line that wraps\nin the middle."]
        );
        assert_eq!(
            parts("a hyphen-\nWrapped word"),
            ["a hyphen-\nWrapped word"]
        );
        assert_eq!(parts("no break at all"), ["no break at all"]);
    }
}

//! The trained model: hashed feature weights (i16, one row of 9 label scores per
//! feature), IOB2 transition scores, the gazetteer, and the binary file format.

use crate::features::{
    lex_key, sentence_all_caps, sentence_features, sentence_title_case, single_token_key,
    stacked_features, DocStats, FeatBuf, GazLookup, NonLocal, PassMap, TokInfo, FEATURE_VERSION,
    LEX_LOWER,
};
use crate::tags::{allowed, Tag, NL};
use std::io::{Read, Write};

/// Magic bytes opening a model file.
pub const MAGIC: &[u8; 8] = b"UNSPNER\0";
/// Version of the container format (the feature set has its own version inside).
pub const FORMAT_VERSION: u32 = 1;

/// How a sentence's label sequence is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decode {
    /// Best-scoring valid IOB2 sequence (first-order Viterbi).
    Viterbi,
    /// Left to right, best valid label given the previous one.
    Greedy,
}

/// A trained tagger. Cheap to share: tagging takes `&self`.
#[derive(Clone)]
pub struct Model {
    /// Stacking: when set, this first-stage model tags the document first and its
    /// labels (here and for the same word elsewhere in the document) become features.
    pub(crate) first: Option<Box<Model>>,
    pub(crate) weights: PassMap<[i16; NL]>,
    /// Real weight = stored i16 × `scale`.
    pub(crate) scale: f32,
    /// `trans[p][c]`: score of label `c` after label `p`; row `NL` is the sentence start.
    pub(crate) trans: [[f32; NL]; NL + 1],
    /// Gazetteer: token-sequence hash → bit mask of entity types seen in training.
    pub(crate) gaz: PassMap<u8>,
    /// Free text written by the trainer (options, data hashes, scores).
    pub info: String,
    pub decode: Decode,
    /// Whether `first` has this model's gazetteer, so that it can reuse this model's
    /// unstacked features (decided on first use).
    pub(crate) first_shares_gaz: std::sync::OnceLock<bool>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("features", &self.weights.len())
            .field("gazetteer", &self.gaz.len())
            .field("decode", &self.decode)
            .field("stacked", &self.first.is_some())
            .finish()
    }
}

impl Model {
    /// The model writer for trainers: a one-stage model from real-valued weights.
    /// `weights` holds one row of `NL` label scores per feature hash in `keys` (row `r`
    /// is `weights[r * NL..r * NL + NL]`); rows whose every |weight| is below `prune`
    /// are dropped, the rest quantised to i16 with one scale for the whole table (rows
    /// that round to zero are dropped too). `trans[p][c]`: score of label `c` after
    /// `p`, row `NL` the sentence start. `gaz`: gazetteer key → type mask.
    pub fn from_weights(
        weights: &[f32],
        keys: &[u64],
        trans: [[f32; NL]; NL + 1],
        gaz: PassMap<u8>,
        decode: Decode,
        prune: f32,
    ) -> Model {
        assert_eq!(
            weights.len(),
            keys.len() * NL,
            "one row of NL weights per key"
        );
        let max = weights.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-6);
        let scale = max / 32767.0;
        let mut rows = PassMap::default();
        for (r, &k) in keys.iter().enumerate() {
            let row = &weights[r * NL..r * NL + NL];
            if row.iter().all(|v| v.abs() < prune) {
                continue;
            }
            let mut q = [0i16; NL];
            for l in 0..NL {
                q[l] = (row[l] / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            if q.iter().any(|&x| x != 0) {
                rows.insert(k, q);
            }
        }
        Model {
            first: None,
            weights: rows,
            scale,
            trans,
            gaz,
            info: String::new(),
            decode,
            first_shares_gaz: Default::default(),
        }
    }

    /// Makes `first` this model's first stage (stacking: its labels become features).
    pub fn set_first(&mut self, first: Model) {
        self.first = Some(Box::new(first));
        self.first_shares_gaz = Default::default();
    }

    /// Sets the decoder of this model and of its first stage.
    pub fn set_decode(&mut self, decode: Decode) {
        self.decode = decode;
        if let Some(m) = self.first.as_mut() {
            m.set_decode(decode);
        }
    }

    /// Number of feature rows kept in the model.
    pub fn num_features(&self) -> usize {
        self.weights.len()
    }

    /// Number of gazetteer entries.
    pub fn num_gazetteer(&self) -> usize {
        self.gaz.len()
    }

    /// Tags one sentence (treated as a one-sentence document).
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// Tags all sentences of one document: case evidence from the whole document
    /// (a capitalised word seen lowercase elsewhere, headline words) feeds each sentence.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        self.tag_document_headlines(sentences, &[])
    }

    /// Like [`Model::tag_document`], where `headline[i]` marks sentence `i` as a headline
    /// or heading (missing entries: not a headline). In a title-case headline ("A Glass
    /// of Wine, a Board Game") a capitalised word after the first is tagged as if written
    /// in lowercase when the document's ordinary sentences never capitalise it (with at
    /// least three ordinary sentences as evidence) or, lacking that evidence, when it is
    /// a word the training text usually writes in lowercase.
    pub fn tag_document_headlines<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
        headline: &[bool],
    ) -> Vec<Vec<Tag>> {
        let normalized: Vec<Vec<std::borrow::Cow<str>>> = sentences
            .iter()
            .map(|s| s.iter().map(|t| normalize_token(t.as_ref())).collect())
            .collect();
        let toks: Vec<Vec<&str>> = normalized
            .iter()
            .map(|s| s.iter().map(|t| t.as_ref()).collect())
            .collect();
        let mut infos: Vec<Vec<TokInfo>> = toks
            .iter()
            .map(|s| s.iter().map(|t| TokInfo::new(t)).collect())
            .collect();
        let stats = DocStats::new(&infos);
        let title = |si: usize| {
            headline.get(si).copied().unwrap_or(false)
                && !sentence_all_caps(&infos[si])
                && sentence_title_case(&infos[si])
        };
        if !(0..toks.len()).any(title) {
            return self.tag_prepared(&toks, &infos, &stats);
        }
        let ordinary = infos
            .iter()
            .enumerate()
            .filter(|(si, inf)| {
                !headline.get(*si).copied().unwrap_or(false)
                    && !sentence_all_caps(inf)
                    && !sentence_title_case(inf)
            })
            .count();
        // Borrowed unless recased: no copy of every token.
        let mut recased: Vec<Vec<std::borrow::Cow<str>>> = toks
            .iter()
            .map(|s| s.iter().map(|t| std::borrow::Cow::Borrowed(*t)).collect())
            .collect();
        for si in (0..toks.len()).filter(|&si| title(si)) {
            for (i, t) in infos[si].iter().enumerate().skip(1) {
                if !t.first_upper || !t.has_lower || stats.capitalised_mid(t.key) {
                    continue;
                }
                let usually_lower = self.gaz.mask(lex_key(t.key)) & LEX_LOWER != 0;
                let known_name = self.gaz.mask(single_token_key(toks[si][i])) & 0x0F != 0;
                if (ordinary >= 3 && !known_name) || usually_lower {
                    recased[si][i] = std::borrow::Cow::Owned(toks[si][i].to_lowercase());
                }
            }
        }
        let toks2: Vec<Vec<&str>> = recased
            .iter()
            .map(|s| s.iter().map(|t| t.as_ref()).collect())
            .collect();
        for (si, s) in toks2.iter().enumerate() {
            for (i, t) in s.iter().enumerate() {
                if *t != toks[si][i] {
                    infos[si][i] = TokInfo::new(t);
                }
            }
        }
        self.tag_prepared(&toks2, &infos, &stats)
    }

    pub(crate) fn tag_prepared(
        &self,
        toks: &[Vec<&str>],
        infos: &[Vec<TokInfo>],
        stats: &DocStats,
    ) -> Vec<Vec<Tag>> {
        // The models down the `first` chain that share this gazetteer read the
        // same unstacked features: sum each one's weights over them in one pass.
        let mut chain: Vec<&Model> = vec![self];
        while let Some(m) = chain[chain.len() - 1].first.as_deref() {
            let last = chain[chain.len() - 1];
            if !*last.first_shares_gaz.get_or_init(|| m.gaz == last.gaz) {
                break;
            }
            chain.push(m);
        }
        let base = DocFeats::new(toks, infos, stats, &self.gaz, &chain);
        self.tag_with_base(toks, infos, stats, &base, 0)
    }

    /// Tags a document whose unstacked features (`base`, computed with this model's
    /// gazetteer) are given; a first stage with the same gazetteer reuses them.
    fn tag_with_base(
        &self,
        toks: &[Vec<&str>],
        infos: &[Vec<TokInfo>],
        stats: &DocStats,
        base: &DocFeats,
        depth: usize,
    ) -> Vec<Vec<Tag>> {
        let p1 = self.first.as_ref().map(|m| {
            if depth + 1 < base.sums.len() {
                m.tag_with_base(toks, infos, stats, base, depth + 1)
            } else {
                m.tag_prepared(toks, infos, stats)
            }
        });
        let nl = p1.as_ref().map(|p| NonLocal::new(infos, p));
        let mut stack = FeatBuf::default();
        let mut scores = Vec::new();
        let mut out = Vec::with_capacity(toks.len());
        for (si, inf) in infos.iter().enumerate() {
            let first_tok = base.sent[si];
            scores.clear();
            match (&nl, &p1) {
                (Some(nl), Some(p)) => {
                    stacked_features(inf, nl, &p[si], &mut stack);
                    for i in 0..inf.len() {
                        let sum = base.sums[depth][first_tok + i];
                        scores.push(self.emission(sum, stack.token(i)));
                    }
                }
                _ => {
                    for i in 0..inf.len() {
                        scores.push(self.emission(base.sums[depth][first_tok + i], &[]));
                    }
                }
            }
            let labels = match self.decode {
                Decode::Viterbi => viterbi(&scores, &self.trans),
                Decode::Greedy => greedy(&scores, &self.trans),
            };
            out.push(labels.into_iter().map(Tag::from_index).collect());
        }
        out
    }

    /// The unscaled sum of this model's weights over the features `feats`.
    #[inline]
    fn weight_sum(&self, feats: &[u64], mut acc: [i32; NL]) -> [i32; NL] {
        for h in feats {
            if let Some(w) = self.weights.get(h) {
                for l in 0..NL {
                    acc[l] += w[l] as i32;
                }
            }
        }
        acc
    }

    /// Label scores of a token: the weight sum of its unstacked features (`base`,
    /// computed once per document) plus that of its stacked features. Integer sums,
    /// so the order of addition cannot change a score.
    #[inline]
    fn emission(&self, base: [i32; NL], stacked: &[u64]) -> [f32; NL] {
        let acc = self.weight_sum(stacked, base);
        let mut s = [0f32; NL];
        for l in 0..NL {
            s[l] = acc[l] as f32 * self.scale;
        }
        s
    }

    /// Serialises to the own binary format: magic, version, then a zlib body.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::new();
        put_u32(&mut body, FEATURE_VERSION);
        put_u32(&mut body, self.info.len() as u32);
        body.extend_from_slice(self.info.as_bytes());
        body.push(match self.decode {
            Decode::Viterbi => 0,
            Decode::Greedy => 1,
        });
        body.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for v in row {
                body.extend_from_slice(&v.to_le_bytes());
            }
        }
        // Gazetteer, keys sorted and delta-coded.
        let mut gk: Vec<(u64, u8)> = self.gaz.iter().map(|(k, v)| (*k, *v)).collect();
        gk.sort_unstable();
        put_u32(&mut body, gk.len() as u32);
        let mut prev = 0u64;
        for (k, _) in &gk {
            put_varint(&mut body, k - prev);
            prev = *k;
        }
        body.extend(gk.iter().map(|(_, m)| *m));
        // Weights: keys sorted and delta-coded, then label-major i16 columns.
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        put_u32(&mut body, keys.len() as u32);
        let mut prev = 0u64;
        for k in &keys {
            put_varint(&mut body, k - prev);
            prev = *k;
        }
        for l in 0..NL {
            for k in &keys {
                body.extend_from_slice(&self.weights[k][l].to_le_bytes());
            }
        }
        match &self.first {
            None => body.push(0),
            Some(m) => {
                body.push(1);
                let inner = m.to_bytes();
                put_u32(&mut body, inner.len() as u32);
                body.extend_from_slice(&inner);
            }
        }
        let mut out = Vec::with_capacity(body.len() / 2);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FORMAT_VERSION);
        let mut enc = flate2::write::ZlibEncoder::new(out, flate2::Compression::best());
        enc.write_all(&body).expect("write to Vec");
        enc.finish().expect("write to Vec")
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn load(bytes: &[u8]) -> Result<Model, String> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err("not an unspin NER model (bad magic)".into());
        }
        let ver = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if ver != FORMAT_VERSION {
            return Err(format!(
                "NER model format version {ver}, expected {FORMAT_VERSION}"
            ));
        }
        let mut body = Vec::new();
        flate2::read::ZlibDecoder::new(&bytes[12..])
            .read_to_end(&mut body)
            .map_err(|e| format!("NER model: corrupt body: {e}"))?;
        let mut r = Reader { b: &body, p: 0 };
        let fv = r.u32()?;
        if fv != FEATURE_VERSION {
            return Err(format!(
                "NER model built for feature set {fv}, this build uses {FEATURE_VERSION}: retrain"
            ));
        }
        let n = r.u32()? as usize;
        let info = String::from_utf8(r.take(n)?.to_vec()).map_err(|_| "NER model: bad info")?;
        let decode = match r.take(1)?[0] {
            0 => Decode::Viterbi,
            1 => Decode::Greedy,
            d => return Err(format!("NER model: unknown decoder {d}")),
        };
        let scale = r.f32()?;
        let mut trans = [[0f32; NL]; NL + 1];
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let ng = r.u32()? as usize;
        let mut gkeys = Vec::with_capacity(ng);
        let mut prev = 0u64;
        for _ in 0..ng {
            prev = prev.wrapping_add(r.varint()?);
            gkeys.push(prev);
        }
        let masks = r.take(ng)?;
        let mut gaz = PassMap::with_capacity_and_hasher(ng, Default::default());
        for (k, m) in gkeys.into_iter().zip(masks) {
            gaz.insert(k, *m);
        }
        let nw = r.u32()? as usize;
        let mut keys = Vec::with_capacity(nw);
        let mut prev = 0u64;
        for _ in 0..nw {
            prev = prev.wrapping_add(r.varint()?);
            keys.push(prev);
        }
        let mut rows = vec![[0i16; NL]; nw];
        for l in 0..NL {
            let col = r.take(nw * 2)?;
            for (i, row) in rows.iter_mut().enumerate() {
                row[l] = i16::from_le_bytes([col[2 * i], col[2 * i + 1]]);
            }
        }
        let first = match r.take(1)?[0] {
            0 => None,
            1 => {
                let n = r.u32()? as usize;
                Some(Box::new(Model::load(r.take(n)?)?))
            }
            x => return Err(format!("NER model: bad stage flag {x}")),
        };
        if r.p != body.len() {
            return Err("NER model: trailing bytes".into());
        }
        let mut weights = PassMap::with_capacity_and_hasher(nw, Default::default());
        for (k, row) in keys.into_iter().zip(rows) {
            weights.insert(k, row);
        }
        Ok(Model {
            first,
            weights,
            scale,
            trans,
            gaz,
            info,
            decode,
            first_shares_gaz: Default::default(),
        })
    }

    /// Appends a predicted tag column to CoNLL token lines (see [`crate::tag_conll`]).
    pub fn tag_conll(&self, input: &str) -> String {
        crate::conll::tag_conll_with(self, input)
    }
}

/// Typographic quotes and dashes as the (ASCII) training data writes them.
fn normalize_token(t: &str) -> std::borrow::Cow<'_, str> {
    if t.is_ascii() {
        return std::borrow::Cow::Borrowed(t);
    }
    let map = |c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => "-",
        '\u{2026}' => "...",
        _ => "",
    };
    if !t.chars().any(|c| !map(c).is_empty()) {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        match map(c) {
            "" => s.push(c),
            r => s.push_str(r),
        }
    }
    std::borrow::Cow::Owned(s)
}

/// First-order Viterbi restricted to valid IOB2 sequences: label indices
/// ([`Tag::index`]) of the best sequence under per-token `scores` and transition scores
/// `trans` (`trans[p][c]`, row `NL` the sentence start).
pub fn viterbi(scores: &[[f32; NL]], trans: &[[f32; NL]; NL + 1]) -> Vec<usize> {
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    // Transition scores with the invalid IOB2 moves at minus infinity, so the inner
    // loop needs no validity test.
    let mut t = [[f32::NEG_INFINITY; NL]; NL + 1];
    for p in 0..=NL {
        for c in 0..NL {
            if allowed((p < NL).then_some(p), c) {
                t[p][c] = trans[p][c];
            }
        }
    }
    let mut back = vec![[0u8; NL]; n];
    let mut delta = [f32::NEG_INFINITY; NL];
    for (c, d) in delta.iter_mut().enumerate() {
        *d = t[NL][c] + scores[0][c];
    }
    for i in 1..n {
        let mut nd = [f32::NEG_INFINITY; NL];
        for c in 0..NL {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..NL {
                let v = delta[p] + t[p][c];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            if best > f32::NEG_INFINITY {
                nd[c] = best + scores[i][c];
                back[i][c] = arg;
            }
        }
        delta = nd;
    }
    let mut last = 0;
    for c in 1..NL {
        if delta[c] > delta[last] {
            last = c;
        }
    }
    let mut out = vec![0usize; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]] as usize;
    }
    out
}

/// Greedy left-to-right decoding with the same scores (for comparison).
pub fn greedy(scores: &[[f32; NL]], trans: &[[f32; NL]; NL + 1]) -> Vec<usize> {
    let mut out = Vec::with_capacity(scores.len());
    let mut prev: Option<usize> = None;
    for s in scores {
        let row = &trans[prev.unwrap_or(NL)];
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0;
        for c in 0..NL {
            if !allowed(prev, c) {
                continue;
            }
            let v = s[c] + row[c];
            if v > best {
                best = v;
                arg = c;
            }
        }
        out.push(arg);
        prev = Some(arg);
    }
    out
}

fn put_u32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put_varint(v: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        v.push((x as u8) | 0x80);
        x >>= 7;
    }
    v.push(x as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.p + n > self.b.len() {
            return Err("NER model: truncated".into());
        }
        let s = &self.b[self.p..self.p + n];
        self.p += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        let s = self.take(4)?;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut x = 0u64;
        let mut shift = 0;
        loop {
            let b = self.take(1)?[0];
            if shift >= 64 {
                return Err("NER model: bad varint".into());
            }
            x |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(x);
            }
            shift += 7;
        }
    }
}

/// The unstacked features of every token of a document, kept as each model's
/// weight sums over them (36 bytes a token and model instead of ~50 hashes).
struct DocFeats {
    /// `sums[k][g]`: model `k` of the chain (0 = the tagging model, 1 = its first
    /// stage, …) summed over token `g`'s features (document-wide token index).
    sums: Vec<Vec<[i32; NL]>>,
    /// Document-wide index of each sentence's first token.
    sent: Vec<usize>,
}

impl DocFeats {
    fn new(
        toks: &[Vec<&str>],
        infos: &[Vec<TokInfo>],
        stats: &DocStats,
        gaz: &PassMap<u8>,
        chain: &[&Model],
    ) -> DocFeats {
        let mut buf = FeatBuf::default();
        let n: usize = toks.iter().map(Vec::len).sum();
        let mut d = DocFeats {
            sums: chain.iter().map(|_| Vec::with_capacity(n)).collect(),
            sent: Vec::with_capacity(toks.len()),
        };
        let mut g = 0;
        for (s, inf) in toks.iter().zip(infos) {
            d.sent.push(g);
            sentence_features(s, inf, stats, gaz, None, &mut buf);
            for i in 0..buf.len() {
                for (m, sums) in chain.iter().zip(&mut d.sums) {
                    sums.push(m.weight_sum(buf.token(i), [0; NL]));
                }
            }
            g += buf.len();
        }
        d
    }
}

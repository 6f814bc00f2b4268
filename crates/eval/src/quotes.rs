//! Quotation extraction scored on PolNeAR attribution relations.
//!
//! Data: `DIR/polnear-train.tar.gz` (read in memory with `flate2` and a tiny tar
//! reader; nothing is unpacked to disk), or an unpacked `DIR/polnear-train/` or a
//! `DIR` holding `text/` and `attributions/`. One annotation file per article (the
//! first annotator in name order); articles whose file has no relation are skipped.
//!
//! Gold classes of a `Content` span (its outer extent, earliest segment start to latest
//! segment end, trimmed of whitespace):
//! - **direct**: the text starts with an opening double mark (`"`, `“`, `„`, `«`, `‘`,
//!   or the archive style's two ASCII characters `''` and ``` `` ```) and, after
//!   trailing punctuation, ends with a closing one; or it is wholly enclosed by marks
//!   just outside it (annotator left the marks out);
//! - **mixed**: any other content holding a double mark (paraphrase with an
//!   embedded fragment, `said that he is "a great thing."`);
//! - **indirect**: everything else. Indirect scoring uses indirect + mixed gold.
//!
//! Predictions: quotes of kind direct/partial/block are "direct". Consecutive ones
//! sharing a cue form one *unit* when the cue lies between them (a quote split by a
//! mid attribution, which PolNeAR annotates as ONE discontinuous Content) or only
//! marks and space separate them (a quote run over paragraphs), and the first part is
//! not partial. A gold content is matched against units first, then against the
//! single parts of unmatched units (annotators sometimes split them). Precision counts
//! quotes: a part is right when its unit, or the part alone, matched. Predicted units
//! lying inside a gold *mixed* content are not counted (neither right nor wrong): the
//! fragment is quoted, the gold only annotates the paraphrase around it. The
//! `direct-a` row counts only predicted quotes with a cue or speaker (PolNeAR relations
//! always have a cue). Indirect = kind indirect.
//!
//! Matching, 1:1 greedy: **exact** = equal spans after trimming whitespace, quote
//! marks and punctuation from both ends (and a leading "that" for indirect);
//! **partial** = the word tokens shared cover ≥ 50% of both. Speaker accuracy, over
//! direct units that match a gold content (partial match): the predicted speaker span
//! overlaps the gold Source span, or resolves to an entity with a mention overlapping
//! it; a gold content without Source counts as correct when no speaker is predicted.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use unspin_doc::offsets::ByteIndex;
use unspin_doc::{Doc, QuoteKind, Span};
use unspin_pipeline::{analyze_text, Options};

/// Counts for one class (direct or indirect).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub gold: usize,
    pub pred: usize,
    pub gold_exact: usize,
    pub pred_exact: usize,
    pub gold_partial: usize,
    pub pred_partial: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Prf {
    /// (precision, recall, F1) with exact matching.
    pub fn exact(&self) -> (f64, f64, f64) {
        let p = ratio(self.pred_exact, self.pred);
        let r = ratio(self.gold_exact, self.gold);
        (p, r, f1(p, r))
    }
    /// (precision, recall, F1) with partial (token overlap ≥ 50% of both) matching.
    pub fn partial(&self) -> (f64, f64, f64) {
        let p = ratio(self.pred_partial, self.pred);
        let r = ratio(self.gold_partial, self.gold);
        (p, r, f1(p, r))
    }
    fn add(&mut self, o: &Prf) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.gold_exact += o.gold_exact;
        self.pred_exact += o.pred_exact;
        self.gold_partial += o.gold_partial;
        self.pred_partial += o.pred_partial;
    }
}

/// Scores over a set of articles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Split {
    pub articles: usize,
    pub direct: Prf,
    /// Direct, counting only predicted quotes with a cue or speaker.
    pub direct_attributed: Prf,
    pub indirect: Prf,
    pub speaker_correct: usize,
    pub speaker_total: usize,
}

impl Split {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_total)
    }
    fn add(&mut self, o: &Split) {
        self.articles += o.articles;
        self.direct.add(&o.direct);
        self.direct_attributed.add(&o.direct_attributed);
        self.indirect.add(&o.indirect);
        self.speaker_correct += o.speaker_correct;
        self.speaker_total += o.speaker_total;
    }
    fn json(&self) -> serde_json::Value {
        let prf = |p: &Prf| {
            let (ep, er, ef) = p.exact();
            let (pp, pr, pf) = p.partial();
            serde_json::json!({
                "gold": p.gold, "pred": p.pred,
                "exact": {"precision": ep, "recall": er, "f1": ef},
                "partial": {"precision": pp, "recall": pr, "f1": pf},
            })
        };
        serde_json::json!({
            "articles": self.articles,
            "direct": prf(&self.direct),
            "direct_attributed": prf(&self.direct_attributed),
            "indirect": prf(&self.indirect),
            "speaker": {"correct": self.speaker_correct, "total": self.speaker_total, "accuracy": self.speaker_accuracy()},
        })
    }
}

/// The quote evaluation: all articles, and the halves by sorted index (even = tuning
/// half, odd = check half).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteEval {
    pub all: Split,
    pub even: Split,
    pub odd: Split,
}

impl QuoteEval {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "dataset": "polnear-train",
            "all": self.all.json(),
            "even": self.even.json(),
            "odd": self.odd.json(),
        })
    }
}

impl fmt::Display for QuoteEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PolNeAR (train) quotations: content spans and speakers")?;
        writeln!(
            f,
            "{:<6} {:>5} {:<9} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>8}",
            "split", "arts", "class", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~", "speaker"
        )?;
        for (name, s) in [("all", &self.all), ("even", &self.even), ("odd", &self.odd)] {
            for (class, p) in [
                ("direct", &s.direct),
                ("direct-a", &s.direct_attributed),
                ("indirect", &s.indirect),
            ] {
                let (ep, er, ef) = p.exact();
                let (pp, pr, pf) = p.partial();
                let spk = if class == "direct" {
                    format!("{:.3}", s.speaker_accuracy())
                } else {
                    String::from("-")
                };
                writeln!(
                    f,
                    "{:<6} {:>5} {:<9} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}  {:>8}",
                    name, s.articles, class, p.gold, p.pred, ep, er, ef, pp, pr, pf, spk
                )?;
            }
        }
        write!(
            f,
            "P/R/F1: exact span match after trimming marks and punctuation; ~: token overlap >= 50% of both.\n\
             direct-a: the same, counting only predicted quotes with a cue or speaker.\n\
             speaker: share of matched direct quotes whose speaker overlaps the gold source."
        )
    }
}

/// Runs the evaluation on every article under `dir`.
pub fn evaluate(dir: &Path) -> Result<QuoteEval, String> {
    evaluate_limit(dir, None)
}

/// Like [`evaluate`], on the first `limit` articles (sorted by name) when given.
/// With `UNSPIN_EVAL_DUMP=FILE` set, writes the misses, false positives and wrong
/// speakers of the even (tuning) half to FILE, for error analysis (`IMISS`: an indirect
/// gold span nothing overlaps, with the words around it, where the cue usually is).
pub fn evaluate_limit(dir: &Path, limit: Option<usize>) -> Result<QuoteEval, String> {
    let files = load(dir)?;
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut anns: BTreeMap<String, (String, String)> = BTreeMap::new(); // article -> (file name, content)
    for (name, data) in files {
        let base = name.rsplit('/').next().unwrap_or(&name).to_string();
        if name.contains("text/") && base.ends_with(".txt") {
            let art = base.trim_end_matches(".txt").to_string();
            texts.insert(art, String::from_utf8_lossy(&data).into_owned());
        } else if name.contains("attributions/") && base.ends_with(".ann") {
            let stem = base.trim_end_matches(".ann");
            let Some((art, _annot)) = stem.rsplit_once('_') else {
                continue;
            };
            let content = String::from_utf8_lossy(&data).into_owned();
            let keep = match anns.get(art) {
                None => true,
                Some((f, c)) => {
                    (c.trim().is_empty() && !content.trim().is_empty())
                        || (!content.trim().is_empty() && base < *f)
                }
            };
            if keep {
                anns.insert(art.to_string(), (base.clone(), content));
            }
        }
    }
    if texts.is_empty() {
        return Err(format!("no PolNeAR texts found under {}", dir.display()));
    }
    let dump = std::env::var("UNSPIN_EVAL_DUMP").ok();
    let mut dump_out = String::new();
    let mut ev = QuoteEval::default();
    for (idx, (art, text)) in texts.iter().enumerate() {
        if limit.is_some_and(|l| idx >= l) {
            break;
        }
        let Some((_, ann)) = anns.get(art) else {
            continue;
        };
        let gold = parse_ann(text, ann);
        if gold.is_empty() {
            continue;
        }
        let doc = analyze_text(
            art,
            text,
            Options {
                clean: false,
                rhetoric: false,
                ..Options::default()
            },
        )
        .map_err(|e| e.to_string())?;
        if doc.text != *text {
            return Err(format!(
                "{art}: the pipeline changed the text with clean=false"
            ));
        }
        // The dump (for tuning) only shows the even half.
        let s = score(
            &doc,
            &gold,
            dump.as_ref()
                .filter(|_| idx % 2 == 0)
                .map(|_| (&mut dump_out, art.as_str())),
        );
        ev.all.add(&s);
        if idx % 2 == 0 {
            ev.even.add(&s);
        } else {
            ev.odd.add(&s);
        }
    }
    if let Some(p) = dump {
        let _ = std::fs::write(p, dump_out);
    }
    Ok(ev)
}

/// Reads the data set's files (name, bytes) from the tarball or an unpacked tree.
fn load(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let tgz = dir.join("polnear-train.tar.gz");
    if tgz.is_file() {
        let f = std::fs::File::open(&tgz).map_err(|e| format!("{}: {e}", tgz.display()))?;
        let mut gz = flate2::read::GzDecoder::new(f);
        let mut buf = vec![];
        gz.read_to_end(&mut buf)
            .map_err(|e| format!("{}: {e}", tgz.display()))?;
        return untar(&buf).map_err(|e| format!("{}: {e}", tgz.display()));
    }
    let root = if dir.join("polnear-train").is_dir() {
        dir.join("polnear-train")
    } else {
        dir.to_path_buf()
    };
    let mut out = vec![];
    for sub in ["text", "attributions"] {
        let d = root.join(sub);
        let rd = std::fs::read_dir(&d).map_err(|e| {
            format!(
                "{}: {e} (expected polnear-train.tar.gz or {sub}/)",
                d.display()
            )
        })?;
        for e in rd.flatten() {
            let name = format!("{sub}/{}", e.file_name().to_string_lossy());
            let data = std::fs::read(e.path()).map_err(|e2| format!("{name}: {e2}"))?;
            out.push((name, data));
        }
    }
    Ok(out)
}

/// A minimal ustar/GNU tar reader: regular files only.
fn untar(buf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = vec![];
    let mut pos = 0;
    let mut long_name: Option<String> = None;
    while pos + 512 <= buf.len() {
        let h = &buf[pos..pos + 512];
        if h.iter().all(|&b| b == 0) {
            break;
        }
        let field = |a: usize, b: usize| -> String {
            let s = &h[a..b];
            let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
            String::from_utf8_lossy(&s[..end]).into_owned()
        };
        let size_s = field(124, 136);
        let size = usize::from_str_radix(size_s.trim(), 8)
            .map_err(|_| format!("bad tar size {size_s:?}"))?;
        let kind = h[156];
        let mut name = field(0, 100);
        let prefix = field(345, 500);
        if &h[257..262] == b"ustar" && !prefix.is_empty() {
            name = format!("{prefix}/{name}");
        }
        let data_start = pos + 512;
        let data_end = data_start + size;
        if data_end > buf.len() {
            return Err("truncated tar".into());
        }
        let data = &buf[data_start..data_end];
        match kind {
            b'L' => {
                let end = data.iter().position(|&c| c == 0).unwrap_or(data.len());
                long_name = Some(String::from_utf8_lossy(&data[..end]).into_owned());
            }
            b'0' | 0 => {
                let n = long_name.take().unwrap_or(name);
                out.push((n, data.to_vec()));
            }
            _ => {
                long_name = None;
            }
        }
        pos = data_start + size.div_ceil(512) * 512;
    }
    Ok(out)
}

/// Class of a gold content span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldClass {
    Direct,
    Mixed,
    Indirect,
}

/// One gold Content with its Source.
#[derive(Debug, Clone)]
pub struct GoldContent {
    /// Byte span: earliest segment start to latest segment end.
    pub span: Span,
    pub class: GoldClass,
    pub source: Vec<Span>,
}

const OPEN: &[char] = &['"', '“', '„', '«', '‘'];
const CLOSE: &[char] = &['"', '”', '“', '»', '’'];
const MARKS: &[char] = &['"', '“', '”', '„', '«', '»'];
/// Opening double marks typed as two ASCII characters (archive and wire text:
/// `''quoted''`, TeX-style ``` ``quoted'' ```), and the closing one.
const OPEN2: [&str; 2] = ["''", "``"];
const CLOSE2: &str = "''";

/// Classifies a content span (see the module doc).
pub fn classify(text: &str, span: Span) -> GoldClass {
    let s = text[span.start..span.end].trim();
    let body = s.trim_end_matches([',', '.', ';', ':', '!', '?', '—', '–', '-', ')', ' ']);
    let starts = s.starts_with(OPEN) || OPEN2.iter().any(|m| s.starts_with(m));
    let ends = body.ends_with(CLOSE)
        || s.ends_with(CLOSE)
        || body.ends_with(CLOSE2)
        || s.ends_with(CLOSE2);
    if starts && ends && s.chars().count() > 1 {
        return GoldClass::Direct;
    }
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    let enclosed = (before.ends_with(OPEN) || OPEN2.iter().any(|m| before.ends_with(m)))
        && (after.starts_with(CLOSE) || after.starts_with(CLOSE2));
    let marked = s.contains(MARKS) || s.contains("''") || s.contains("``");
    if enclosed && !marked {
        return GoldClass::Direct;
    }
    if marked {
        GoldClass::Mixed
    } else {
        GoldClass::Indirect
    }
}

/// Parses a brat `.ann` file (character offsets) into gold contents (byte spans).
pub fn parse_ann(text: &str, ann: &str) -> Vec<GoldContent> {
    let c2b = ByteIndex::new(text);
    let cb = |c: usize| c2b.byte_of(c);
    let mut tspans: BTreeMap<String, (String, Vec<Span>)> = BTreeMap::new();
    let mut rels = vec![];
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() < 2 {
            continue;
        }
        if parts[0].starts_with('T') {
            let Some((ty, rng)) = parts[1].split_once(' ') else {
                continue;
            };
            let mut segs = vec![];
            for r in rng.split(';') {
                let mut it = r.split_whitespace();
                if let (Some(a), Some(b)) = (it.next(), it.next()) {
                    if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                        if a <= b {
                            segs.push(Span::new(cb(a), cb(b)));
                        }
                    }
                }
            }
            if !segs.is_empty() {
                tspans.insert(parts[0].to_string(), (ty.to_string(), segs));
            }
        } else if parts[0].starts_with('E') {
            let mut content = None;
            let mut source = None;
            for kv in parts[1].split_whitespace() {
                if let Some((k, v)) = kv.split_once(':') {
                    match k {
                        "Content" => content = Some(v.to_string()),
                        "Source" => source = Some(v.to_string()),
                        _ => {}
                    }
                }
            }
            if let Some(c) = content {
                rels.push((c, source));
            }
        }
    }
    let mut out = vec![];
    let mut seen = std::collections::HashSet::new();
    for (c, s) in rels {
        let Some((ty, segs)) = tspans.get(&c) else {
            continue;
        };
        if ty != "Content" || !seen.insert(c.clone()) {
            continue;
        }
        // Segments may be listed out of text order.
        let start = segs.iter().map(|x| x.start).min().unwrap_or(0);
        let end = segs.iter().map(|x| x.end).max().unwrap_or(start);
        let span = Span::new(start, end);
        if text[span.start..span.end].trim().is_empty() {
            continue;
        }
        let source = s
            .and_then(|s| tspans.get(&s))
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        out.push(GoldContent {
            span,
            class: classify(text, span),
            source,
        });
    }
    out
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '$' | '%' | '#' | '@' | '&'))
}

/// Trims whitespace, quote marks and punctuation from both ends (and a leading
/// "that " when `that` is set).
pub fn normalise(text: &str, span: Span, that: bool) -> Span {
    let mut a = span.start;
    let mut b = span.end.min(text.len()).max(a);
    loop {
        let s = &text[a..b];
        let t = s.trim_start_matches(is_trim);
        a += s.len() - t.len();
        let s = &text[a..b];
        let t = s.trim_end_matches(is_trim);
        b = a + t.len();
        if that && text[a..b].len() > 5 && text[a..b].to_lowercase().starts_with("that ") {
            a += 5;
            continue;
        }
        break;
    }
    Span::new(a, b)
}

/// Word-token starts of `text` (for overlap matching).
fn token_starts(text: &str) -> Vec<usize> {
    let mut v = vec![];
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let a = c.is_alphanumeric();
        if a && !prev_alnum {
            v.push(i);
        }
        prev_alnum = a;
    }
    v
}

fn tokens_in(starts: &[usize], s: Span) -> usize {
    let a = starts.partition_point(|&x| x < s.start);
    let b = starts.partition_point(|&x| x < s.end);
    b.saturating_sub(a)
}

/// True when the shared tokens cover at least half of both spans.
pub fn overlap_match(starts: &[usize], a: Span, b: Span) -> bool {
    let inter = Span::new(
        a.start.max(b.start),
        a.end.min(b.end).max(a.start.max(b.start)),
    );
    let ta = tokens_in(starts, a).max(1);
    let tb = tokens_in(starts, b).max(1);
    let ti = tokens_in(starts, inter);
    ti * 2 >= ta && ti * 2 >= tb && ti > 0
}

/// 1:1 greedy matching; returns (gold matched, pred matched) flags.
pub fn match_spans(
    starts: &[usize],
    gold: &[Span],
    pred: &[Span],
    exact: bool,
) -> (Vec<bool>, Vec<bool>) {
    let mut gm = vec![false; gold.len()];
    let mut pm = vec![false; pred.len()];
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if pm[pi] {
                continue;
            }
            let ok = if exact {
                g == p
            } else {
                overlap_match(starts, *g, *p)
            };
            if ok {
                gm[gi] = true;
                pm[pi] = true;
                break;
            }
        }
    }
    (gm, pm)
}

/// Matches gold spans against predicted units (a unit: a quote and the parts that
/// continue it); a gold span left over may match one part of a unit alone. Returns
/// the gold flags and, per unit, the flags of its parts.
pub fn match_groups(
    starts: &[usize],
    gold: &[Span],
    units: &[Span],
    parts: &[Vec<Span>],
    exact: bool,
) -> (Vec<bool>, Vec<Vec<bool>>) {
    let (mut gm, um) = match_spans(starts, gold, units, exact);
    let mut pm: Vec<Vec<bool>> = parts
        .iter()
        .zip(&um)
        .map(|(p, &u)| vec![u; p.len()])
        .collect();
    for (gi, g) in gold.iter().enumerate() {
        if gm[gi] {
            continue;
        }
        'units: for (ui, p) in parts.iter().enumerate() {
            if um[ui] || p.len() < 2 {
                continue;
            }
            for (k, span) in p.iter().enumerate() {
                if pm[ui][k] {
                    continue;
                }
                let ok = if exact {
                    g == span
                } else {
                    overlap_match(starts, *g, *span)
                };
                if ok {
                    gm[gi] = true;
                    pm[ui][k] = true;
                    break 'units;
                }
            }
        }
    }
    (gm, pm)
}

/// A predicted unit: quote indices (into doc.quotes) and its span.
struct Unit {
    members: Vec<usize>,
    span: Span,
}

/// The direct quotes of one article, gold and predicted, normalised for matching.
struct Direct<'g> {
    /// Gold direct quotes.
    gold: Vec<&'g GoldContent>,
    /// Their normalised spans.
    g_spans: Vec<Span>,
    /// Predicted units (not inside a mixed gold quote).
    units: Vec<Unit>,
    /// The units' normalised spans.
    p_spans: Vec<Span>,
    /// The normalised spans of each unit's quotes.
    groups: Vec<Vec<Span>>,
}

/// Flags of [`match_groups`], exact and partial.
struct GroupMatch {
    gold_exact: Vec<bool>,
    pred_exact: Vec<Vec<bool>>,
    gold_partial: Vec<bool>,
    pred_partial: Vec<Vec<bool>>,
}

/// Indirect (and mixed) quotes, gold and predicted, and the flags of [`match_spans`].
struct IndirectMatch {
    gold: Vec<Span>,
    pred: Vec<Span>,
    gold_exact: Vec<bool>,
    pred_exact: Vec<bool>,
    gold_partial: Vec<bool>,
    pred_partial: Vec<bool>,
}

fn count(v: &[bool]) -> usize {
    v.iter().filter(|x| **x).count()
}

fn score(doc: &Doc, gold: &[GoldContent], dump: Option<(&mut String, &str)>) -> Split {
    let text = doc.text.as_str();
    let starts = token_starts(text);
    let mut s = Split {
        articles: 1,
        ..Default::default()
    };
    let d = direct(doc, gold);
    let m = match_direct(&starts, &d.g_spans, &d.p_spans, &d.groups);
    s.direct = m.prf(d.g_spans.len(), &d.groups);
    s.direct_attributed = attributed_prf(doc, &starts, &d);
    let spk_log = score_speakers(doc, &starts, &d, &m.gold_partial, &mut s);
    let im = match_indirect(doc, gold, &starts);
    s.indirect = Prf {
        gold: im.gold.len(),
        pred: im.pred.len(),
        gold_exact: count(&im.gold_exact),
        pred_exact: count(&im.pred_exact),
        gold_partial: count(&im.gold_partial),
        pred_partial: count(&im.pred_partial),
    };
    if let Some((out, art)) = dump {
        use std::fmt::Write;
        dump_direct(out, art, doc, &d, &m);
        for l in spk_log {
            let _ = writeln!(out, "{l}");
        }
        dump_indirect(out, text, &im);
    }
    s
}

/// Groups the predicted direct quotes into units (a quote split by a mid
/// attribution, or run on over paragraphs, is one unit) and normalises them and
/// the gold direct quotes. Units inside a mixed gold quote are left out.
fn direct<'g>(doc: &Doc, gold: &'g [GoldContent]) -> Direct<'g> {
    let text = doc.text.as_str();
    let mut units = direct_units(doc);
    let mixed: Vec<Span> = gold
        .iter()
        .filter(|g| g.class == GoldClass::Mixed)
        .map(|g| g.span)
        .collect();
    units.retain(|u| !mixed.iter().any(|m| m.contains(&u.span)));
    let gd: Vec<&GoldContent> = gold
        .iter()
        .filter(|g| g.class == GoldClass::Direct)
        .collect();
    let g_spans: Vec<Span> = gd.iter().map(|g| normalise(text, g.span, false)).collect();
    let p_spans: Vec<Span> = units
        .iter()
        .map(|u| normalise(text, u.span, false))
        .collect();
    let groups: Vec<Vec<Span>> = units
        .iter()
        .map(|u| {
            u.members
                .iter()
                .map(|&m| normalise(text, doc.quotes[m].span, false))
                .collect()
        })
        .collect();
    Direct {
        gold: gd,
        g_spans,
        units,
        p_spans,
        groups,
    }
}

/// The predicted direct, partial and block quotes as units: a quote joins the
/// previous one when both are direct with the same cue and only the cue (or no
/// words) lies between them.
fn direct_units(doc: &Doc) -> Vec<Unit> {
    let text = doc.text.as_str();
    let direct_q: Vec<usize> = (0..doc.quotes.len())
        .filter(|&i| {
            matches!(
                doc.quotes[i].kind,
                QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Block
            )
        })
        .collect();
    let mut units: Vec<Unit> = vec![];
    for &i in &direct_q {
        let q = &doc.quotes[i];
        if let Some(u) = units.last_mut() {
            let last = &doc.quotes[*u.members.last().unwrap()];
            // A quote split by a mid attribution, or run on over paragraphs.
            let between = &text[last.span.end.min(q.span.start)..q.span.start];
            let mid = q
                .cue
                .is_some_and(|c| c.start >= last.span.end && c.end <= q.span.start);
            let both_direct = last.kind != QuoteKind::Partial;
            if both_direct
                && q.cue.is_some()
                && last.cue == q.cue
                && (mid || !between.chars().any(|c| c.is_alphanumeric()))
            {
                u.members.push(i);
                u.span.end = q.span.end;
                continue;
            }
        }
        units.push(Unit {
            members: vec![i],
            span: q.span,
        });
    }
    units
}

/// Matches gold spans against predicted units, exactly and partially.
fn match_direct(
    starts: &[usize],
    g_spans: &[Span],
    p_spans: &[Span],
    groups: &[Vec<Span>],
) -> GroupMatch {
    let (gold_exact, pred_exact) = match_groups(starts, g_spans, p_spans, groups, true);
    let (gold_partial, pred_partial) = match_groups(starts, g_spans, p_spans, groups, false);
    GroupMatch {
        gold_exact,
        pred_exact,
        gold_partial,
        pred_partial,
    }
}

impl GroupMatch {
    /// Counts: `gold` gold spans; predictions are the parts of `groups`.
    fn prf(&self, gold: usize, groups: &[Vec<Span>]) -> Prf {
        Prf {
            gold,
            pred: groups.iter().map(Vec::len).sum(),
            gold_exact: count(&self.gold_exact),
            pred_exact: self.pred_exact.iter().map(|v| count(v)).sum(),
            gold_partial: count(&self.gold_partial),
            pred_partial: self.pred_partial.iter().map(|v| count(v)).sum(),
        }
    }
}

/// The direct scores counting only predicted quotes that carry an attribution (cue
/// or speaker): PolNeAR annotates attribution relations, which always have a cue.
fn attributed_prf(doc: &Doc, starts: &[usize], d: &Direct) -> Prf {
    let keep: Vec<usize> = (0..d.units.len())
        .filter(|&u| {
            d.units[u]
                .members
                .iter()
                .any(|&m| doc.quotes[m].cue.is_some() || doc.quotes[m].speaker.is_some())
        })
        .collect();
    let ps: Vec<Span> = keep.iter().map(|&u| d.p_spans[u]).collect();
    let gs: Vec<Vec<Span>> = keep.iter().map(|&u| d.groups[u].clone()).collect();
    match_direct(starts, &d.g_spans, &ps, &gs).prf(d.g_spans.len(), &gs)
}

/// Speaker accuracy over the gold direct quotes that a unit matches partially: the
/// unit's speaker must overlap a gold source (or be an entity mentioned there); no
/// speaker is right only for a quote without source. Returns the misses, for the dump.
fn score_speakers(
    doc: &Doc,
    starts: &[usize],
    d: &Direct,
    gold_partial: &[bool],
    s: &mut Split,
) -> Vec<String> {
    let text = doc.text.as_str();
    let mut spk_log = vec![];
    for (gi, g) in d.gold.iter().enumerate() {
        if !gold_partial[gi] {
            continue;
        }
        let Some(ui) =
            (0..d.units.len()).find(|&ui| overlap_match(starts, d.g_spans[gi], d.p_spans[ui]))
        else {
            continue;
        };
        let speaker = d.units[ui]
            .members
            .iter()
            .find_map(|&i| doc.quotes[i].speaker.as_ref());
        let ok = match speaker {
            None => g.source.is_empty(),
            Some(sp) => {
                g.source.iter().any(|src| src.overlaps(&sp.span))
                    || sp.entity.is_some_and(|e| {
                        doc.entities[e]
                            .mentions
                            .iter()
                            .any(|m| g.source.iter().any(|src| src.overlaps(&m.span)))
                    })
            }
        };
        s.speaker_total += 1;
        if ok {
            s.speaker_correct += 1;
        } else {
            let gsrc: Vec<&str> = g.source.iter().map(|x| &text[x.start..x.end]).collect();
            spk_log.push(format!(
                "SPK gold={:?} pred={:?} | {}",
                gsrc,
                speaker.map(|x| &text[x.span.start..x.span.end]),
                short(&text[g.span.start..g.span.end])
            ));
        }
    }
    spk_log
}

/// Gold indirect and mixed quotes against predicted indirect quotes, both
/// normalised with a leading "that" trimmed.
fn match_indirect(doc: &Doc, gold: &[GoldContent], starts: &[usize]) -> IndirectMatch {
    let text = doc.text.as_str();
    let gi_spans: Vec<Span> = gold
        .iter()
        .filter(|g| g.class != GoldClass::Direct)
        .map(|g| normalise(text, g.span, true))
        .collect();
    let pi_spans: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| normalise(text, q.span, true))
        .collect();
    let (gold_exact, pred_exact) = match_spans(starts, &gi_spans, &pi_spans, true);
    let (gold_partial, pred_partial) = match_spans(starts, &gi_spans, &pi_spans, false);
    IndirectMatch {
        gold: gi_spans,
        pred: pi_spans,
        gold_exact,
        pred_exact,
        gold_partial,
        pred_partial,
    }
}

/// Dump: the article heading, missed gold direct quotes (`MISS`, `MISS~` when
/// matched partially) and every predicted unit (`TP`, `FP~`, `FP`) with its quotes'
/// kinds, speakers and cues.
fn dump_direct(out: &mut String, art: &str, doc: &Doc, d: &Direct, m: &GroupMatch) {
    use std::fmt::Write;
    let text = doc.text.as_str();
    let pe: Vec<bool> = m.pred_exact.iter().map(|v| v.iter().all(|x| *x)).collect();
    let pp: Vec<bool> = m
        .pred_partial
        .iter()
        .map(|v| v.iter().all(|x| *x))
        .collect();
    let _ = writeln!(out, "## {art}");
    for (i, g) in d.g_spans.iter().enumerate() {
        if !m.gold_exact[i] {
            let _ = writeln!(
                out,
                "MISS{} {}",
                if m.gold_partial[i] { "~" } else { "" },
                short(&text[g.start..g.end])
            );
        }
    }
    for (i, p) in d.p_spans.iter().enumerate() {
        let kinds: Vec<String> = d.units[i]
            .members
            .iter()
            .map(|&m| {
                let q = &doc.quotes[m];
                let sp = q
                    .speaker
                    .as_ref()
                    .map_or("-", |x| &text[x.span.start..x.span.end]);
                let cue = q.cue.map_or("-", |c| &text[c.start..c.end]);
                format!("{}:{}:{}", q.kind.as_str(), sp, cue)
            })
            .collect();
        let tag = if pe[i] {
            "TP"
        } else if pp[i] {
            "FP~"
        } else {
            "FP"
        };
        let _ = writeln!(out, "{tag} {:?} {}", kinds, short(&text[p.start..p.end]));
    }
}

/// Dump: predicted indirect quotes (`ITP`, `IFP~`, `IFP`) and missed gold ones
/// (`IMISS~` when matched partially; `IMISS` with some context around it).
fn dump_indirect(out: &mut String, text: &str, im: &IndirectMatch) {
    use std::fmt::Write;
    for (i, p) in im.pred.iter().enumerate() {
        let tag = if im.pred_exact[i] {
            "ITP"
        } else if im.pred_partial[i] {
            "IFP~"
        } else {
            "IFP"
        };
        let _ = writeln!(out, "{tag} {}", short(&text[p.start..p.end]));
    }
    for (i, g) in im.gold.iter().enumerate() {
        if im.gold_partial[i] && !im.gold_exact[i] {
            let _ = writeln!(out, "IMISS~ {}", short(&text[g.start..g.end]));
        }
        if !im.gold_partial[i] {
            let mut a = g.start.saturating_sub(60);
            while !text.is_char_boundary(a) {
                a += 1;
            }
            let mut b = (g.end + 40).min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let _ = writeln!(
                out,
                "IMISS {} [[{}]] {}",
                &text[a..g.start].replace('\n', "|"),
                short(&text[g.start..g.end]),
                &text[g.end..b].replace('\n', "|")
            );
        }
    }
}

fn short(s: &str) -> String {
    let s = s.replace('\n', "|");
    if s.chars().count() > 160 {
        let head: String = s.chars().take(100).collect();
        let tail: String = s
            .chars()
            .rev()
            .take(50)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("{head} … {tail}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_trims_marks_and_punctuation() {
        let t = "He said: “We will win.” And that we go.";
        let a = t.find('“').unwrap();
        let b = t.find('”').unwrap() + '”'.len_utf8();
        let n = normalise(t, Span::new(a, b), false);
        assert_eq!(&t[n.start..n.end], "We will win");
        let c = t.find("that").unwrap();
        let n = normalise(t, Span::new(c, t.len()), true);
        assert_eq!(&t[n.start..n.end], "we go");
    }

    #[test]
    fn classes() {
        let t = "x “A b c,” he said. y said that it is “great.” z said it rains.";
        let a = t.find('“').unwrap();
        let b = t.find(',').unwrap() + 1 + '”'.len_utf8();
        assert_eq!(classify(t, Span::new(a, b)), GoldClass::Direct);
        let m = t.find("that it").unwrap();
        let me = t.find("great.”").unwrap() + "great.”".len();
        assert_eq!(classify(t, Span::new(m, me)), GoldClass::Mixed);
        let i = t.find("it rains").unwrap();
        assert_eq!(classify(t, Span::new(i, i + 8)), GoldClass::Indirect);
        // Archive style: two apostrophes as the double mark, marks inside or outside.
        let t = "''It is over,'' Lee said. Kim said ''no'' twice. Jones' view.";
        let e = t.find("Lee").unwrap() - 1;
        assert_eq!(classify(t, Span::new(0, e)), GoldClass::Direct);
        assert_eq!(classify(t, Span::new(2, e - 2)), GoldClass::Direct);
        let k = t.find("''no").unwrap();
        assert_eq!(classify(t, Span::new(k - 5, k + 6)), GoldClass::Mixed);
        let j = t.find("Jones").unwrap();
        assert_eq!(classify(t, Span::new(j, t.len())), GoldClass::Indirect);
    }

    #[test]
    fn overlap_and_matching() {
        let t = "one two three four five six seven eight";
        let st = token_starts(t);
        let g = [Span::new(0, 13), Span::new(19, 40)];
        // "one two three" exact; "five six seven" vs "four five six seven eight"
        let p = [Span::new(0, 13), Span::new(24, 38)];
        let (gm, pm) = match_spans(&st, &g, &p, true);
        assert_eq!((gm, pm), (vec![true, false], vec![true, false]));
        let (gm, pm) = match_spans(&st, &g, &p, false);
        assert_eq!((gm, pm), (vec![true, true], vec![true, true]));
        // Less than half of the gold: no match.
        assert!(!overlap_match(&st, Span::new(0, 40), Span::new(0, 3)));
    }

    #[test]
    fn tar_roundtrip() {
        // One hand-made ustar entry.
        let mut h = vec![0u8; 512];
        h[..10].copy_from_slice(b"text/a.txt");
        h[124..135].copy_from_slice(b"00000000003");
        h[156] = b'0';
        let mut buf = h;
        let mut data = b"abc".to_vec();
        data.resize(512, 0);
        buf.extend(data);
        buf.extend(vec![0u8; 1024]);
        let files = untar(&buf).unwrap();
        assert_eq!(files, vec![("text/a.txt".to_string(), b"abc".to_vec())]);
    }
}

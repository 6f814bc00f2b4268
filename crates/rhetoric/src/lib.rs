//! Rhetoric: persuasion techniques (loaded language, name calling, speculation,
//! …) as scored spans, and sentence-level opinion and speculation.
//!
//! Rules ([`detect_rules`]): one Aho-Corasick pass of the persuasion lexicon
//! (`unspin_lex::persuasion`, `crates/lex/data/persuasion_phrases.tsv`) over the text, then context rules (quotes, attribution, clause
//! and sentence bounds) decide the span and score of every hit.
//! Model ([`detect_model`], `models/rhetoric.bin`, trained by `unspin-train` on the PTC
//! corpus of SemEval-2020 Task 11, see [`model`] and [`features`]): sentence classifier +
//! token tagger for spans, span classifier for the 14 PTC techniques.
//! [`detect`] reports the rule flags plus the model spans that pass a trigger-word gate.

pub mod features;
mod lexicon;
pub mod model;
mod text;

use lexicon::{lexicon, Entry, Mode, Tech};
use text::Ctx;
use unspin_doc::{Attribution, Doc, Span, Technique, TechniqueName};
use unspin_lex::persuasion as words;

/// Every technique name this stage can report (snake_case, SemEval-2020 Task 11
/// names): the registry's [`TechniqueName`] names.
pub const TECHNIQUES: &[&str] = TechniqueName::NAMES;

/// A one-line definition of a technique, for reports ("" for unknown names); the
/// registry's [`TechniqueName::description`].
pub fn definition(technique: &str) -> &'static str {
    TechniqueName::parse(technique).map_or("", |t| t.description())
}

/// Techniques that express the writer's stance (count towards sentence `opinion`):
/// all but speculation (its own flag) and repetition.
fn is_opinion(t: TechniqueName) -> bool {
    !matches!(t, TechniqueName::Speculation | TechniqueName::Repetition)
}

/// A lexicon match on word boundaries.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    entry: usize,
}

/// The trained model shipped in `models/rhetoric.bin` (see `models/README.md`).
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/rhetoric.bin");

/// The embedded trained model, parsed once.
pub fn embedded() -> &'static model::Model {
    static M: std::sync::OnceLock<model::Model> = std::sync::OnceLock::new();
    M.get_or_init(|| model::Model::from_bytes(MODEL_BYTES).expect("models/rhetoric.bin"))
}

/// Stage-2 token margin a model token-run span needs in [`detect`]. Lower than the
/// model's F1-optimal threshold because `detect` also requires a trigger word, which
/// is the stricter gate (the flags are shown to readers).
pub const DETECT_THRESHOLD: f32 = -8.0;

/// Adds `doc.techniques` and each sentence's `opinion` and `speculation`: the rule
/// detector's flags, plus the trained model's spans (token runs, and whole sentences the
/// sentence classifier is sure of) that no rule flag overlaps and that contain a trigger
/// word: a strongly negative VADER word outside any lexicon hit and not in a literal
/// collocation ("disaster relief"). A lexicon word inside the span vetoes it (the rules
/// judged that word in context). Opinion and speculation stay the rules' own.
pub fn detect(doc: &mut Doc) {
    detect_at(doc, DETECT_THRESHOLD, embedded().sent_threshold);
}

/// [`detect`] with explicit model thresholds (token margin, sentence score), for tuning
/// and evaluation.
pub fn detect_at(doc: &mut Doc, threshold: f32, sent_threshold: f32) {
    detect_inner(doc, Some((threshold, sent_threshold)));
}

/// The trained model alone (PTC techniques) at its F1-optimal thresholds: spans from the
/// sentence classifier and token tagger, each named by the span classifier. Score: the
/// span's calibrated score (how often such spans were right in training, `Model::calib`)
/// times (0.5 + 0.5 × label confidence).
pub fn detect_model(doc: &Doc) -> Vec<Technique> {
    let ctx = Ctx::new(doc);
    let hits = find_hits(&ctx);
    let m = embedded();
    detect_model_at(&ctx, &hits, m.threshold, m.sent_threshold, false)
}

fn detect_model_at(
    ctx: &Ctx,
    hits: &[Hit],
    threshold: f32,
    sent_threshold: f32,
    need_trigger: bool,
) -> Vec<Technique> {
    let m = embedded();
    let mut p = model::Prep::new(ctx, hits);
    // Gated: the words that let the span through; else the model's best tokens.
    let spans: Vec<(Span, f32, Vec<Span>)> = m
        .spans_at(&p, threshold, sent_threshold)
        .into_iter()
        .map(|(span, s, top)| {
            let triggers = if need_trigger { p.triggers(span) } else { top };
            (span, s, triggers)
        })
        .filter(|(_, _, triggers)| !triggers.is_empty())
        .collect();
    p.index_reps(spans.iter().map(|x| x.0));
    let mut f = Vec::new();
    let mut out = Vec::new();
    for (span, s, triggers) in spans {
        p.span_features(span, &mut f);
        let (c, conf) = m.classify(&f);
        out.push(Technique {
            span,
            technique: model::CLASSES[c],
            score: s * (0.5 + 0.5 * conf),
            triggers,
        });
    }
    out
}

/// The first-version detector alone: lexicon hits placed by context rules.
pub fn detect_rules(doc: &mut Doc) {
    detect_inner(doc, None);
}

/// Rules, then (with a threshold) the model's spans that the rules missed and that
/// contain a trigger word.
fn detect_inner(doc: &mut Doc, model_threshold: Option<(f32, f32)>) {
    let ctx = Ctx::new(doc);
    let lex = lexicon();
    let hits = find_hits(&ctx);

    let mut out: Vec<Technique> = Vec::new();
    for h in &hits {
        let e = &lex.entries[h.entry];
        match e.technique {
            Tech::InsultAdj => out.extend(insult_np(&ctx, h, e)),
            Tech::Technique(tech) => out.extend(place(&ctx, h, e, tech)),
            Tech::Opinion | Tech::Hedge => {}
        }
    }
    out.extend(label_quotes(&ctx, &hits));
    out.extend(scare_quotes(&ctx));
    let techniques = dedupe(out);

    // Sentence flags.
    let mut flags = vec![(false, false); doc.sentences.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        flags[i] = sentence_flags(&ctx, s.span, s.attribution, &hits, &techniques);
    }
    let extra: Vec<Technique> = match model_threshold {
        Some((th, ts)) => {
            let rules = SpanIndex::new(techniques.iter().map(|r| r.span));
            detect_model_at(&ctx, &hits, th, ts, true)
                .into_iter()
                .filter(|t| !rules.overlaps(t.span))
                .collect()
        }
        None => Vec::new(),
    };
    for (s, (op, sp)) in doc.sentences.iter_mut().zip(flags) {
        s.opinion = op;
        s.speculation = sp;
    }
    doc.techniques.extend(techniques);
    if !extra.is_empty() {
        doc.techniques.extend(extra);
        doc.techniques.sort_by_key(|t| (t.span.start, t.span.end));
    }
}

/// Spans sorted by start with the running maximum of their ends: whether any of them
/// overlaps a span is a binary search.
struct SpanIndex {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.collect();
        v.sort_unstable_by_key(|s| s.start);
        let mut e = 0;
        let max_end = v
            .iter()
            .map(|s| {
                e = e.max(s.end);
                e
            })
            .collect();
        SpanIndex {
            starts: v.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// True when some span overlaps `s` (`Span::overlaps`): among those starting
    /// before `s` ends, one ends after `s` starts.
    fn overlaps(&self, s: Span) -> bool {
        let k = self.starts.partition_point(|&a| a < s.end);
        k > 0 && self.max_end[k - 1] > s.start
    }
}

/// Every lexicon match whose ends fall on word boundaries (stems and gaps resolved).
fn find_hits(ctx: &Ctx) -> Vec<Hit> {
    let lex = lexicon();
    // Phrases are matched on text whose whitespace runs are single spaces (line wraps,
    // no-break spaces); `map` takes offsets back to `doc.text`. Hits that cross a
    // sentence end are dropped later.
    let (norm, map) = text::normalize_spaces(ctx.text);
    let back = |i: usize| map.as_ref().map_or(i, |m| m[i]);
    let t: &str = &norm;
    let b = t.as_bytes();
    let mut hits = Vec::new();
    for m in lex.ac.find_overlapping_iter(t) {
        let idx = lex.pattern_entry[m.pattern().as_usize()];
        let e = &lex.entries[idx];
        let (s, mut end) = (m.start(), m.end());
        if !t.is_char_boundary(s) || !t.is_char_boundary(end) {
            continue;
        }
        let first_word = t[s..].chars().next().is_some_and(char::is_alphanumeric);
        if first_word && text::prev_char(t, s).is_some_and(char::is_alphanumeric) {
            continue;
        }
        let last_word = t[..end]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if e.stem {
            while let Some(c) = text::next_char(t, end) {
                if c.is_alphabetic() {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
        } else if let Some(suf) = &e.gap_suffix {
            match text::gap_then(t, end, suf) {
                Some(x) => end = x,
                None => continue,
            }
        } else if last_word && text::next_char(t, end).is_some_and(char::is_alphanumeric) {
            // Allow a plural -s / -es.
            let rest = &b[end..];
            let n = if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"es") {
                2
            } else if !rest.is_empty() && rest[0].eq_ignore_ascii_case(&b's') {
                1
            } else {
                continue;
            };
            if text::next_char(t, end + n).is_some_and(char::is_alphanumeric) {
                continue;
            }
            end += n;
        }
        hits.push(Hit {
            start: back(s),
            end: back(end),
            entry: idx,
        });
    }
    // Drop hits inside a longer hit of the same technique.
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        let tech = lex.entries[h.entry].technique;
        let covered = kept.iter().rev().take(HIT_DEDUPE_WINDOW).any(|k| {
            k.start <= h.start
                && h.end <= k.end
                && (k.start, k.end) != (h.start, h.end)
                && lex.entries[k.entry].technique == tech
        });
        if !covered {
            kept.push(h);
        }
    }
    kept
}

/// Most score a rule flag can have.
const MAX_RULE_SCORE: f32 = 0.95;
/// Score added for a multi-word lexicon phrase, and for an intensifier or insult
/// adjective taken into the span.
const SCORE_BOOST: f32 = 0.1;
/// Insult adjectives and intensifiers a noun-phrase span may grow over leftwards.
const NP_MODIFIER_WORDS: usize = 3;
/// How many earlier hits (sorted by start) are checked for one that contains a hit.
const HIT_DEDUPE_WINDOW: usize = 16;
/// How many earlier techniques (sorted by start) are checked for one that nests a span.
const TECHNIQUE_DEDUPE_WINDOW: usize = 32;

/// What `place` knows of a hit in its sentence: the rules read these.
struct HitContext<'t> {
    sent: Span,
    /// The sentence, ASCII-lowercased (byte offsets equal to the text's).
    lower_sent: String,
    /// The matched words, lowercased, apostrophes straightened.
    hit: String,
    /// The word before the hit, lowercased.
    before: String,
    /// The word after the hit, lowercased.
    after: std::borrow::Cow<'t, str>,
}

/// Decides whether a hit becomes a technique, and its span and score.
fn place(ctx: &Ctx, h: &Hit, e: &Entry, tech: TechniqueName) -> Option<Technique> {
    let t = ctx.text;
    let sent = ctx.sentence_span(h.start);
    if h.end > sent.end {
        return None;
    }
    let hc = HitContext {
        sent,
        lower_sent: t[sent.start..sent.end].to_ascii_lowercase(),
        hit: t[h.start..h.end].to_lowercase().replace('\u{2019}', "'"),
        before: ctx.word_before(h.start).to_lowercase(),
        after: lowercase(ctx.word_after(h.end)),
    };
    if vetoed(ctx, h, tech, &hc) {
        return None;
    }
    let mut score = e.score + if e.multiword { SCORE_BOOST } else { 0.0 };
    let span = span_by_mode(ctx, h, e, &hc, &mut score)?;
    if span.is_empty() {
        return None;
    }
    let span = text::balance_quotes(t, span, sent);
    Some(Technique {
        span,
        technique: tech,
        score: score.min(MAX_RULE_SCORE),
        triggers: vec![if span.contains(&Span::new(h.start, h.end)) {
            Span::new(h.start, h.end)
        } else {
            span
        }],
    })
}

/// True when context says a hit of `tech` is not rhetoric: part of a name, a literal
/// sense, a source's hedge, a sports result, a currency, the weather, backed by numbers.
fn vetoed(ctx: &Ctx, h: &Hit, tech: TechniqueName, hc: &HitContext) -> bool {
    let (hit, before, lower_sent) = (hc.hit.as_str(), hc.before.as_str(), &hc.lower_sent);
    // A capitalised word mid-sentence is most likely part of a name ("Socialist Party").
    if matches!(
        tech,
        TechniqueName::LoadedLanguage | TechniqueName::NameCalling | TechniqueName::Exaggeration
    ) && ctx.looks_like_name(h.start, hc.sent)
    {
        return true;
    }
    let lex = lexicon();
    match tech {
        // "slammed into", "disaster relief", "natural disaster": physical, not rhetorical.
        TechniqueName::LoadedLanguage => {
            lex.literal_next.has(&hc.after) || lex.literal_prev.has(before)
        }
        TechniqueName::Speculation => speculation_vetoed(ctx, h, hc),
        // "Memphis, losers in seven of its last nine games", "the winner … the loser":
        // the side that lost, not an insult.
        TechniqueName::NameCalling
            if unspin_lex::persuasion::literal_sense(hit) == Some("competition")
                && (lower_sent.contains("winner")
                    || lower_sent.chars().any(|c| c.is_ascii_digit())) =>
        {
            true
        }
        // "weakened the shilling": a currency. (Vetoed here rather than by narrowing
        // the lexicon's "shill*", whose hits are also model features.)
        TechniqueName::NameCalling
            if unspin_lex::persuasion::literal_sense(hit) == Some("currency") =>
        {
            true
        }
        // "amid the gathering snowflakes": weather, not an insult.
        TechniqueName::NameCalling if hit.starts_with("snowflake") => {
            words::SNOWFALL_MODIFIERS.contains(before)
                || words::WEATHER_WORD_STARTS.entries().iter().any(|w| {
                    text::words(lower_sent).any(|x| x.starts_with(w) && !x.starts_with("snowflake"))
                })
        }
        // Backed by numbers: not an unsupported generalisation.
        TechniqueName::Bandwagon => words::EVIDENCE_MARKERS
            .entries()
            .iter()
            .any(|w| lower_sent.contains(w)),
        _ => false,
    }
}

/// True when a speculation hit is not the writer's guess: inside a reported quote or
/// an attributed sentence, a source's hedge, or a fixed use ("likely voters", "must
/// have a licence", "clearly labelled", "it is clear from the record").
fn speculation_vetoed(ctx: &Ctx, h: &Hit, hc: &HitContext) -> bool {
    // A hedge on the cue itself ("is most likely hearing", "probably said") is the
    // writer's guess about the attribution, not the source's words.
    if ctx.in_reported_quote(h.start, h.end)
        || (!ctx.overlaps_cue(h.start, h.end)
            && ctx
                .attribution_at(h.start)
                .is_some_and(|a| matches!(a, Attribution::Attributed | Attribution::Anonymous)))
        || text::attributed_hedge(&hc.lower_sent, h.start - hc.sent.start)
    {
        return true;
    }
    let (hit, before, after) = (hc.hit.as_str(), hc.before.as_str(), &*hc.after);
    match hit {
        // "likely voters" is a polling term; "is likely to start", "will likely
        // win" a forecast that shows its uncertainty (unlike "is likely hiding
        // the costs", a guess at what someone does or thinks).
        "likely" => {
            words::POLLING_NOUNS.contains(after)
                || after == "to"
                || matches!(before, "will" | "would")
                || before.ends_with("'ll")
                || before.ends_with("\u{2019}ll")
        }
        // "must have a licence": an obligation.
        "must have" | "must've" => {
            words::OBLIGATION_OBJECT_STARTS.contains(after)
                || after.chars().next().is_some_and(|c| c.is_ascii_digit())
        }
        // "clearly labelled", "clearly visible": how something is done or seen.
        "clearly" => {
            after.ends_with("ed") || after.ends_with("en") || words::MANNER_WORDS.contains(after)
        }
        // "it is clear from the record" cites its support.
        _ if hit.contains("clear") || hit.contains("obvious") || hit.contains("evident") => {
            after == "from"
        }
        _ => false,
    }
}

/// The span a hit's entry marks (`Mode`), or `None` when the mode's own condition
/// fails (no person after a personal insult, no question mark, …). Boosts `score`
/// for modifiers taken in.
fn span_by_mode(ctx: &Ctx, h: &Hit, e: &Entry, hc: &HitContext, score: &mut f32) -> Option<Span> {
    let t = ctx.text;
    let (sent, lower_sent) = (hc.sent, &hc.lower_sent);
    let lex = lexicon();
    let span = match e.mode {
        Mode::Word => {
            let (s, boosted) = ctx.extend_left(h.start, |w| lex.intensifiers.has(w), 1);
            if boosted {
                *score += SCORE_BOOST;
            }
            Span::new(s, h.end)
        }
        Mode::Personal => {
            if !text::person_follows(ctx, h.end, |w| lex.person_nouns.has(w)) {
                return None;
            }
            Span::new(h.start, h.end)
        }
        Mode::Np | Mode::Label => {
            if e.mode == Mode::Label && lex.system_nouns.has(&hc.after) {
                return None;
            }
            let (mut s, boosted) = ctx.extend_left(
                h.start,
                |w| lex.insult_adj.has(w) || lex.intensifiers.has(w),
                NP_MODIFIER_WORDS,
            );
            if boosted {
                *score += SCORE_BOOST;
            }
            s = ctx.extend_left(s, |w| w == "a" || w == "an", 1).0;
            Span::new(s, h.end)
        }
        Mode::Clause => ctx
            .parenthetical(h.start, h.end)
            .unwrap_or_else(|| text::clause(t, sent, h.start, h.end)),
        Mode::Tail => ctx
            .parenthetical(h.start, h.end)
            .unwrap_or_else(|| Span::new(h.start, text::trim_end(t, h.end, sent.end))),
        Mode::Belief => {
            if !text::words(lower_sent).any(|w| lex.attitudes.has(w)) {
                return None;
            }
            ctx.parenthetical(h.start, h.end)
                .unwrap_or_else(|| text::clause(t, sent, h.start, h.end))
        }
        Mode::Question => {
            if !text::ends_with_question(t, sent) {
                return None;
            }
            text::trim_span(t, sent)
        }
        Mode::IfAny => {
            let rest = lower_sent[h.end - sent.start..].replace('\u{2019}', "'");
            // ", it'd be …": a closer right after some comma of the rest.
            let closed = rest.match_indices(", ").any(|(i, _)| {
                words::RIDICULE_CLOSERS
                    .entries()
                    .iter()
                    .any(|c| rest[i + 2..].starts_with(c))
            });
            if !closed {
                return None;
            }
            text::trim_span(t, sent)
        }
        Mode::Sentence => text::trim_span(t, sent),
    };
    Some(span)
}

/// An insult adjective aimed at a person or group within the next three words
/// ("a low-IQ wine mom", "clueless MAGA supporters"): name calling over the phrase.
fn insult_np(ctx: &Ctx, h: &Hit, e: &Entry) -> Option<Technique> {
    let lex = lexicon();
    let t = ctx.text;
    if ctx.looks_like_name(h.start, ctx.sentence_span(h.start)) {
        return None;
    }
    let mut extra_insult = false;
    for (w, whole) in ctx.words_after(h.end, text::PERSON_WINDOW_WORDS, true) {
        let lw = t[w.start..w.end].to_lowercase();
        let lw = lw
            .strip_suffix("'s")
            .or_else(|| lw.strip_suffix("\u{2019}s"))
            .unwrap_or(&lw);
        if lex.person_nouns.has(lw) {
            let start = ctx.extend_left(h.start, |w| w == "a" || w == "an", 1).0;
            let score = e.score + if extra_insult { SCORE_BOOST } else { 0.0 } + SCORE_BOOST;
            return Some(Technique {
                span: Span::new(start, w.end),
                technique: TechniqueName::NameCalling,
                score: score.min(MAX_RULE_SCORE),
                triggers: vec![Span::new(h.start, h.end), w],
            });
        }
        extra_insult |= lex.insult_adj.has(lw);
        // Stop at punctuation after the word (a clause boundary).
        if !whole {
            return None;
        }
    }
    None
}

/// `w` lowercased, borrowed when it has no uppercase letter.
fn lowercase(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        w.to_lowercase().into()
    } else {
        w.into()
    }
}

/// Words a quoted noun-phrase label ("a low-IQ crank") may have.
const LABEL_WORDS: std::ops::RangeInclusive<usize> = 2..=12;
/// Words a quoted nickname ("Sleepy Sam") may have.
const NICKNAME_WORDS: std::ops::RangeInclusive<usize> = 1..=4;
/// Most bytes between a label's end and a quote chained to it by "and"/"or".
const LABEL_CHAIN_GAP: usize = 20;
/// VADER valence at or below which a word counts as strongly negative.
const STRONG_NEGATIVE_VALENCE: f32 = -2.0;

/// Quoted noun-phrase labels attached to someone: `X is "a low-IQ crank"`, `called
/// her "an arrogant fraud"` — name calling even when every word is ordinary.
fn label_quotes(ctx: &Ctx, hits: &[Hit]) -> Vec<Technique> {
    let lex = lexicon();
    let t = ctx.text;
    let mut out = Vec::new();
    let mut prev_label_end: Option<usize> = None;
    for q in &ctx.all_quotes {
        let content = &t[q.start..q.end];
        let trimmed_end = q.start
            + content
                .trim_end_matches(['.', ',', '!', '?', ';', ' '])
                .len();
        let lc = content.to_lowercase();
        let n_words = lc.split_whitespace().count();
        // The words before the opening quote mark.
        let open = t[..q.start]
            .char_indices()
            .next_back()
            .map(|(i, _)| i)
            .unwrap_or(q.start);
        let prev = ctx.word_before(open).to_lowercase();
        let is_np =
            (lc.starts_with("a ") || lc.starts_with("an ")) && LABEL_WORDS.contains(&n_words);
        // A nickname: dubbed him "Sleepy Sam", calls her "Crazy Kim".
        let nickname = NICKNAME_WORDS.contains(&n_words) && words::NICKNAME_CUES.contains(&prev);
        if !(is_np || nickname) {
            continue;
        }
        let chained = (prev == "and" || prev == "or")
            && prev_label_end.is_some_and(|e| q.start.saturating_sub(e) < LABEL_CHAIN_GAP);
        let cue = words::LABEL_CUES.contains(&prev);
        if !(cue || chained) {
            continue;
        }
        // Some negative evidence inside: a lexicon hit, an insult adjective, or a
        // strongly negative VADER word.
        let lexical = hits.iter().any(|h| {
            h.start >= q.start && h.end <= q.end && lex.entries[h.entry].technique.is_loaded()
        });
        let insult = text::words(&lc).any(|w| lex.insult_adj.has(w));
        let vader_neg = text::words(&lc).any(|w| {
            lex.vader
                .get(w)
                .is_some_and(|v| *v <= STRONG_NEGATIVE_VALENCE)
        });
        if !(lexical || insult || vader_neg || chained) {
            continue;
        }
        let score = 0.5 + if lexical || insult { 0.2 } else { 0.0 };
        let span = Span::new(q.start, trimmed_end);
        // The negative words of the label; a chained label without one is its own trigger.
        let tokens = &ctx.tokens[ctx.token_at_or_after(span.start)..];
        let mut triggers: Vec<Span> = tokens[..tokens.partition_point(|w| w.span.end <= span.end)]
            .iter()
            .filter(|w| !w.shape.punct())
            .filter(|w| {
                let lw = ctx.form(w);
                lex.insult_adj.has(lw)
                    || lex
                        .vader
                        .get(lw)
                        .is_some_and(|v| *v <= STRONG_NEGATIVE_VALENCE)
                    || hits.iter().any(|h| {
                        h.start <= w.span.start
                            && w.span.end <= h.end
                            && lex.entries[h.entry].technique.is_loaded()
                    })
            })
            .map(|w| w.span)
            .collect();
        if triggers.is_empty() {
            triggers.push(span);
        }
        out.push(Technique {
            span,
            technique: TechniqueName::NameCalling,
            score,
            triggers,
        });
        prev_label_end = Some(q.end);
    }
    out
}

/// Scare quotes around a credibility noun after a determiner (the "experts", their
/// "science") cast doubt on it. Only with the quotes stage's layer, which tells scare
/// quotes apart.
fn scare_quotes(ctx: &Ctx) -> Vec<Technique> {
    let t = ctx.text;
    ctx.scare
        .iter()
        .filter(|q| {
            let c = t[q.start..q.end].trim_end_matches(['.', ',', '!', '?', ';', ':']);
            let words: Vec<&str> = c.split_whitespace().collect();
            let open = t[..q.start]
                .char_indices()
                .next_back()
                .map_or(q.start, |(i, _)| i);
            let det = ctx.word_before(open).to_lowercase();
            (1..=2).contains(&words.len())
                && c.chars().next().is_some_and(char::is_lowercase)
                && words
                    .last()
                    .is_some_and(|w| lexicon().credibility_nouns.has(&w.to_lowercase()))
                && words::SCARE_QUOTE_DETERMINERS.contains(&det)
        })
        .map(|q| Technique {
            span: *q,
            technique: TechniqueName::Doubt,
            score: 0.45,
            triggers: vec![*q],
        })
        .collect()
}

/// Same-technique spans: identical or nested ones collapse into the outer span with
/// the best score. Sorted by position.
fn dedupe(mut v: Vec<Technique>) -> Vec<Technique> {
    // By name, not by the enum's order: the output order predates the enum.
    v.sort_by_key(|t| {
        (
            t.span.start,
            std::cmp::Reverse(t.span.end),
            t.technique.as_str(),
        )
    });
    let mut out: Vec<Technique> = Vec::with_capacity(v.len());
    for t in v {
        if let Some(o) = out
            .iter_mut()
            .rev()
            .take(TECHNIQUE_DEDUPE_WINDOW)
            .find(|o| o.technique == t.technique && o.span.contains(&t.span))
        {
            o.score = o.score.max(t.score);
            o.triggers = merge_spans(std::mem::take(&mut o.triggers), t.triggers);
            continue;
        }
        out.push(t);
    }
    out
}

/// The union of two span lists, overlapping spans merged, in text order.
fn merge_spans(mut a: Vec<Span>, b: Vec<Span>) -> Vec<Span> {
    a.extend(b);
    a.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(a.len());
    for s in a {
        match out.last_mut() {
            Some(l) if s.start < l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Shortest word (bytes) whose VADER valence counts towards a sentence's opinion.
const VALENCED_WORD_MIN_LEN: usize = 4;
/// Opinion score at which a sentence is flagged as opinion.
const OPINION_THRESHOLD: f32 = 1.0;

/// (opinion, speculation) for one sentence: only the writer's own words count
/// (reported quotations are the speaker's).
fn sentence_flags(
    ctx: &Ctx,
    span: Span,
    attribution: Attribution,
    hits: &[Hit],
    techniques: &[Technique],
) -> (bool, bool) {
    let lex = lexicon();
    let t = ctx.text;
    let writer = |s: usize, e: usize| !ctx.in_reported_quote(s, e);
    // Both lists are sorted by start: take the ones starting inside the sentence.
    let techniques = &techniques[techniques.partition_point(|x| x.span.start < span.start)
        ..techniques.partition_point(|x| x.span.start < span.end)];
    let hits = &hits[hits.partition_point(|h| h.start < span.start)
        ..hits.partition_point(|h| h.start < span.end)];

    let mut opinion = 0.0f32;
    let mut speculation = false;
    let mut counted: Vec<Span> = Vec::new();
    for tq in techniques {
        // A technique span may start outside a quote and run into it (tail clauses).
        if !writer(tq.span.start, tq.span.start + 1) {
            continue;
        }
        if is_opinion(tq.technique) {
            opinion += 0.5 + tq.score;
            counted.push(tq.span);
        } else if tq.technique == TechniqueName::Speculation {
            speculation = true;
        }
    }
    for h in hits {
        match lex.entries[h.entry].technique {
            Tech::Opinion if writer(h.start, h.end) => opinion += lex.entries[h.entry].score,
            // Reported speech without quotation marks still leaves the sentence hedged.
            Tech::Hedge if !ctx.in_quote_marks(h.start, h.end) => speculation = true,
            _ => {}
        }
    }
    // Strongly valenced words in the writer's voice: the sentence's token runs cut
    // at characters other than letters, digits, `'` and `-`.
    let is_w = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    let toks = ctx.tokens;
    let mut k = ctx.token_at_or_after(span.start);
    let last = toks.partition_point(|x| x.span.end <= span.end);
    // A word at `ws..we` of the text, `lw` its lowercase.
    let mut score_word = |ws: usize, we: usize, lw: &str| {
        if we - ws < VALENCED_WORD_MIN_LEN
            || !writer(ws, we)
            || counted.iter().any(|c| c.start <= ws && ws < c.end)
        {
            return;
        }
        if let Some(v) = lex.vader.get(lw) {
            opinion += if v.abs() >= 3.0 { 0.5 } else { 0.35 };
        }
    };
    while k < last {
        let next = ctx.run_end(k).min(last);
        let run = Span::new(toks[k].span.start, toks[next - 1].span.end);
        let w = &t[run.start..run.end];
        if next == k + 1 && w.chars().all(is_w) {
            // One plain word: its normalised form is its lowercase.
            score_word(run.start, run.end, ctx.form(&toks[k]));
        } else {
            for piece in w.split(|c: char| !is_w(c)).filter(|p| !p.is_empty()) {
                let ws = run.start + (piece.as_ptr() as usize - w.as_ptr() as usize);
                score_word(ws, ws + piece.len(), &piece.to_lowercase());
            }
        }
        k = next;
    }
    // Questions and exclamations in the writer's voice.
    let trimmed = text::trim_span(t, span);
    let body =
        t[trimmed.start..trimmed.end].trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
    if let Some(c) = body.chars().next_back() {
        let at = trimmed.start + body.len() - c.len_utf8();
        if (c == '?' || c == '!') && writer(at, at + 1) {
            opinion += 1.0;
        }
    }
    if matches!(attribution, Attribution::Attributed | Attribution::Quoted) {
        opinion *= 0.5;
    }
    (opinion >= OPINION_THRESHOLD, speculation)
}

#[cfg(test)]
mod tests;

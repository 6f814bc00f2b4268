//! Rule-based mention detector: capitalised-token runs, gazetteers (outlets,
//! places, organisations, misc), titles and suffix patterns. The NER issue swaps
//! this module for a trained tagger that produces the same [`Candidate`]s.

use unspin_lex::hash::FxHashSet as HashSet;
use unspin_lex::{names, org_cues, orgs, places, punctuation};

use unspin_doc::{Doc, EntityKind, ParagraphKind, Span};

use crate::lists::{lists, Lists};
use crate::words::*;
use crate::Candidate;

/// A token as the rules see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tk<'a> {
    pub s: &'a str,
    pub span: Span,
    pub sent: usize,
    /// First letter is upper-case.
    pub cap: bool,
    /// First word of a sentence, or right after an opening quote, bracket, colon or dash.
    pub initial: bool,
    /// Contains a letter or digit.
    pub word: bool,
}

/// The doc's tokens with the flags the rules need.
pub(crate) fn token_view(doc: &Doc) -> Vec<Tk<'_>> {
    let mut out: Vec<Tk> = Vec::with_capacity(doc.tokens.len());
    let mut last_sent = usize::MAX;
    let mut seen_word = false;
    for t in &doc.tokens {
        let s = &doc.text[t.span.start..t.span.end];
        if t.sentence != last_sent {
            last_sent = t.sentence;
            seen_word = false;
        }
        // A letter or digit anywhere (not punctuation); first letter upper-case.
        let word = !t.shape.punct();
        let cap = t.shape.cap();
        let alpha = word && s.chars().any(char::is_alphabetic);
        let after_opener = out
            .last()
            .is_some_and(|p: &Tk| p.sent == t.sentence && punctuation::opens_clause(p.s));
        let initial = word && (!seen_word || after_opener);
        if alpha {
            seen_word = true;
        }
        out.push(Tk {
            s,
            span: t.span,
            sent: t.sentence,
            cap,
            initial,
            word,
        });
    }
    out
}

/// "in", "from" …; capitalised only at a sentence start (not in title case).
pub(crate) fn locative_tok(t: &Tk) -> bool {
    if t.cap {
        t.initial && crate::lists::with_lower(t.s, is_locative)
    } else {
        is_locative(t.s)
    }
}

/// A gazetteer match over tokens `t0..t1`.
#[derive(Debug, Clone, Copy)]
struct Gaz {
    t0: usize,
    t1: usize,
    entry: usize,
}

fn gaz_matches(doc: &Doc, toks: &[Tk], l: &Lists) -> Vec<Gaz> {
    let mut out = Vec::new();
    for m in l.gaz.find_iter(&doc.text) {
        let t0 = toks.partition_point(|t| t.span.start < m.start());
        if t0 >= toks.len() || toks[t0].span.start != m.start() {
            continue;
        }
        let t1 = toks.partition_point(|t| t.span.end <= m.end());
        if t1 <= t0 || toks[t1 - 1].span.end != m.end() || toks[t0].sent != toks[t1 - 1].sent {
            continue;
        }
        out.push(Gaz {
            t0,
            t1,
            entry: m.pattern().as_usize(),
        });
    }
    out
}

struct Ctx<'a, 'd> {
    doc: &'d Doc,
    toks: &'a [Tk<'d>],
    l: &'static Lists,
    /// Words seen capitalised away from the start of a sentence.
    mid: HashSet<&'d str>,
    /// Words of person names and single-word names found in body sentences
    /// (a headline word is kept when it is one of these).
    known: HashSet<&'d str>,
    /// Words of longer non-person names in body sentences (kept in a headline only
    /// as part of a run of two or more such words).
    known_multi: HashSet<&'d str>,
    /// Dateline places in their ordinary form ("Maple Grove" for "MAPLE GROVE").
    places: HashSet<String>,
    out: Vec<Candidate>,
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
}

/// Detects entity mention candidates (names only; no references), in text order.
pub fn detect_mentions(doc: &Doc) -> Vec<Candidate> {
    let toks = token_view(doc);
    if toks.is_empty() {
        return Vec::new();
    }
    let l = lists();
    let gaz = gaz_matches(doc, &toks, l);
    let mid = toks
        .iter()
        .filter(|t| t.cap && t.word && !t.initial)
        .map(|t| t.s)
        .collect();
    let mut cx = Ctx {
        doc,
        toks: &toks,
        l,
        mid,
        known: HashSet::default(),
        known_multi: HashSet::default(),
        places: HashSet::default(),
        out: Vec::new(),
    };
    // Sentence token ranges.
    let mut ranges = Vec::with_capacity(doc.sentences.len());
    let mut a = 0;
    while a < toks.len() {
        let mut b = a + 1;
        while b < toks.len() && toks[b].sent == toks[a].sent {
            b += 1;
        }
        ranges.push((a, b));
        a = b;
    }
    let mut headlines = Vec::new();
    for &(a, b) in &ranges {
        if headline_like(doc, &toks, a, b) {
            headlines.push((a, b));
        } else {
            let before = cx.out.len();
            sentence(&mut cx, &gaz, a, b, false);
            for c in &cx.out[before..] {
                if c.weak {
                    continue;
                }
                let ws = toks[a..b]
                    .iter()
                    .filter(|t| t.word && c.span.contains(&t.span));
                if c.kind == EntityKind::Person || ws.clone().count() == 1 {
                    cx.known.extend(ws.map(|t| t.s));
                } else {
                    cx.known_multi.extend(ws.map(|t| t.s));
                }
            }
        }
    }
    // Weakly detected single names become "known" when they recur mid-sentence.
    let weak_words: Vec<&str> = cx
        .out
        .iter()
        .filter(|c| c.weak)
        .map(|c| &doc.text[c.span.start..c.span.end])
        .collect();
    for w in weak_words {
        if cx.mid.contains(w) && !l.is_common(w) {
            cx.known.insert(w);
        }
    }
    for (a, b) in headlines {
        sentence(&mut cx, &gaz, a, b, true);
    }
    let mut out = cx.out;
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out.dedup_by(|b, a| a.span.overlaps(&b.span));
    out
}

/// Headlines and title-case lines: most longer words are capitalised.
fn headline_like(doc: &Doc, toks: &[Tk], a: usize, b: usize) -> bool {
    let si = toks[a].sent;
    if let Some(s) = doc.sentences.get(si) {
        if let Some(p) = doc.paragraphs.get(s.paragraph) {
            if matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading) {
                return true;
            }
        }
    }
    // Title case: common words are capitalised even mid-sentence. Given names and
    // surnames are not evidence either way; a capitalised pronoun or auxiliary is.
    let l = lists();
    let (mut caps, mut lower, mut func) = (0, 0, 0);
    for t in &toks[a..b] {
        if !t.word || t.initial {
            continue;
        }
        if !t.cap {
            let lowercase_word = t.s.chars().next().is_some_and(char::is_lowercase);
            if lowercase_word && !names::is_title_case_lowercase(t.s) {
                lower += 1;
            }
            continue;
        }
        if is_function_word(t.s) {
            func += 1;
        }
        if t.s.chars().count() >= 4
            && l.is_common(t.s)
            && l.first_name(t.s).is_none()
            && !l.is_surname(t.s)
        {
            caps += 1;
        }
    }
    lower == 0 && ((func >= 1 && caps >= 1) || caps >= 3)
}

fn name_tok(t: &Tk) -> bool {
    t.cap
        && t.word
        && t.s.chars().any(|c| c.is_alphabetic())
        && !is_never_name(t.s)
        // "Texas-based", "Reagan-like": an adjective, not a name.
        && !t
            .s
            .rsplit('-')
            .next()
            .is_some_and(|tail| tail.len() < t.s.len() && tail.starts_with(char::is_lowercase))
}

/// Finds runs of capitalised tokens in sentence `a..b` and classifies them.
fn sentence(cx: &mut Ctx, gaz: &[Gaz], a: usize, b: usize, headline: bool) {
    let toks = cx.toks;
    let g0 = gaz.partition_point(|g| g.t0 < a);
    let g1 = gaz.partition_point(|g| g.t0 < b);
    let sgaz = &gaz[g0..g1];
    let mut used_gaz = vec![false; sgaz.len()];
    // A wire dateline ("NAIROBI (AFP) -", "CEDAR FALLS, Iowa (AP) —"): a place.
    let a = match (!headline).then(|| dateline(cx, a, b)).flatten() {
        Some(e) => {
            let span = Span::new(toks[a].span.start, toks[e - 1].span.end);
            cx.places.insert(title_case(cx.doc.slice(span)));
            cx.out.push(Candidate {
                span,
                kind: EntityKind::Place,
                weak: false,
            });
            e
        }
        None => a,
    };
    // An all-capitals line (a wire headline or dateline): capitals say nothing.
    let upper = toks[a..b]
        .iter()
        .filter(|t| t.word && t.s.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .fold((0, 0), |(u, n), t| {
            (u + usize::from(!t.s.chars().any(char::is_lowercase)), n + 1)
        });
    if upper.0 >= 2 && upper.0 * 2 >= upper.1 {
        for g in sgaz {
            if !suppress_gaz(cx, g, g.t0, g.t1) {
                push_gaz(cx, g);
            }
        }
        return;
    }
    let mut i = a;
    while i < b {
        if !name_tok(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < b && name_tok(&toks[j]) {
                j += 1;
                continue;
            }
            // Connectors: "de Blasio", "Bank of America", "Johnson & Johnson".
            if j < b && toks[j].span.start > toks[j - 1].span.end {
                let c = toks[j].s;
                let prev = toks[j - 1].s;
                let mut k = j;
                let ok = if is_name_particle(c) {
                    k = j + 1;
                    while k < b && k < j + 3 && is_name_particle(toks[k].s) {
                        k += 1;
                    }
                    true
                } else if c == "&" || (matches!(c, "of" | "for") && cap_title(prev).is_some()) {
                    k = j + 1;
                    true
                } else if is_org_connector(c) && c != "and" && is_head_noun(prev) {
                    k = j + 1;
                    if k < b && toks[k].s == "the" {
                        k += 1;
                    }
                    true
                } else {
                    false
                };
                if ok && k < b && name_tok(&toks[k]) {
                    j = k + 1;
                    continue;
                }
            }
            // A short number after a name: "Connect 4", "Apollo 11".
            if j < b
                && j == i + 1
                && cx.l.first_name(toks[i].s).is_none()
                && !cx.l.is_surname(toks[i].s)
                && toks[j].s.len() <= 3
                && toks[j].s.bytes().all(|c| c.is_ascii_digit())
                && !toks[j - 1].s.ends_with('.')
                && toks[j].span.start == toks[j - 1].span.end + 1
                // Not a score in a results table ("Surrey 238 (", "Watford 2 Wigan 0"):
                // prose follows ("Apollo 11 astronauts", "Windows 11.").
                && toks.get(j + 1).is_some_and(|t| {
                    t.sent == toks[j].sent
                        && (t.s.starts_with(char::is_lowercase)
                            || matches!(t.s, "," | "." | ";" | ":" | "!" | "?" | "'s" | "’s"))
                })
            {
                j += 1;
            }
            break;
        }
        run(cx, sgaz, &mut used_gaz, i, j, headline);
        i = j;
    }
    // Gazetteer names that do not start with a capital ("al-Qaeda").
    for (gi, g) in sgaz.iter().enumerate() {
        if !used_gaz[gi] && !name_tok(&toks[g.t0]) && !suppress_gaz(cx, g, g.t0, g.t1) {
            push_gaz(cx, g);
        }
    }
}

fn push_gaz(cx: &mut Ctx, g: &Gaz) {
    let e = cx.l.gaz_entries[g.entry];
    cx.out.push(Candidate {
        span: Span::new(cx.toks[g.t0].span.start, cx.toks[g.t1 - 1].span.end),
        kind: e.kind,
        weak: false,
    });
}

/// True when a gazetteer match inside run `ri..rj` should be ignored.
fn suppress_gaz(cx: &Ctx, g: &Gaz, ri: usize, rj: usize) -> bool {
    let toks = cx.toks;
    let e = cx.l.gaz_entries[g.entry];
    let single = g.t1 == g.t0 + 1;
    let w = toks[g.t0].s;
    // A lone common word at the start of a sentence ("Reason", "Independent").
    if single && toks[g.t0].initial && cx.l.is_common(w) {
        return true;
    }
    // A common-word outlet name needs "the" ("the Guardian").
    if single && e.kind == EntityKind::Outlet && cx.l.is_common(w) {
        let prev = g.t0.checked_sub(1).map(|p| toks[p].s);
        if !matches!(prev, Some("the" | "The")) {
            return true;
        }
    }
    // "Michael Bloomberg", "George Washington": a given name before it.
    if single && g.t0 > ri && g.t1 == rj && !is_acronym(w) {
        let p = toks[g.t0 - 1].s;
        // A given name, or an unknown word before a place that is also a surname.
        let namey = cx.l.first_name(p).is_some()
            || (cx.l.is_surname(w)
                && !cx.l.is_common(p)
                && cap_title(p).is_none()
                && !is_acronym(p)
                && p.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\''));
        if namey {
            return true;
        }
    }
    // "Democrat Party", "Bank of America": the whole run is an organisation/place/etc.
    if (single || matches!(e.kind, EntityKind::Place | EntityKind::Misc)) && rj > g.t1 {
        let last = toks[rj - 1].s;
        if is_org_suffix(last)
            || is_outlet_suffix(last)
            || is_place_suffix(last)
            || is_misc_head(last)
        {
            return true;
        }
    }
    // "Journal of the American Heart Association": the whole run is a journal.
    if g.t1 == rj
        && (ri..g.t0.saturating_sub(1)).any(|k| is_outlet_head(toks[k].s) && toks[k + 1].s == "of")
    {
        return true;
    }
    if matches!(e.kind, EntityKind::Place | EntityKind::Misc) && g.t0 > ri + 1 {
        let before = toks[g.t0 - 1].s;
        let head = toks[g.t0 - 2].s;
        if is_org_connector(before)
            && (is_org_suffix(head) || is_misc_head(head) || is_head_noun(head))
            && cap_title(head).is_none()
        {
            return true;
        }
        // "Banque de France", "Ministerio del Interior": a head-first organisation.
        if orgs::is_head_first_particle(before)
            && is_org_prefix(head)
            && !matches!(head, "United" | "Union")
        {
            return true;
        }
    }
    false
}

/// Splits a run at gazetteer matches and classifies the pieces.
fn run(cx: &mut Ctx, sgaz: &[Gaz], used: &mut [bool], i: usize, j: usize, headline: bool) {
    let toks = cx.toks;
    let kind_of = |g: &Gaz| cx.l.gaz_entries[g.entry].kind;
    // "NHS England", "ETH Zurich", "BBC Scotland": an acronym and a place name is an
    // organisation (or an outlet's branch), not two names.
    if j - i >= 2 && is_acronym(toks[i].s) && !is_non_entity_acronym(toks[i].s) {
        let acro = sgaz
            .iter()
            .find(|g| g.t0 == i && g.t1 == i + 1)
            .map(kind_of);
        let rest = sgaz
            .iter()
            .position(|g| g.t0 == i + 1 && g.t1 == j && kind_of(g) == EntityKind::Place);
        if let (Some(ri), None | Some(EntityKind::Org | EntityKind::Outlet)) = (rest, acro) {
            for (gi, g) in sgaz.iter().enumerate() {
                if g.t0 >= i && g.t1 <= j {
                    used[gi] = true;
                }
            }
            used[ri] = true;
            let kind = if acro == Some(EntityKind::Outlet) {
                EntityKind::Outlet
            } else {
                EntityKind::Org
            };
            cx.out.push(Candidate {
                span: Span::new(toks[i].span.start, toks[j - 1].span.end),
                kind,
                weak: false,
            });
            return;
        }
    }
    let mut k = i;
    let mut end = j;
    for (gi, g) in sgaz.iter().enumerate() {
        if g.t0 < k || g.t0 >= end || used[gi] {
            continue;
        }
        used[gi] = true;
        if suppress_gaz(cx, g, i, end) {
            continue;
        }
        // "Manchester United", "Chicago Bulls", "Kenya Airways": a place name and one or
        // two more name words, the last "United" or a plural, name a club or company.
        let tail = g.t1..end;
        if kind_of(g) == EntityKind::Place
            && g.t0 == k
            && (1..=2).contains(&tail.len())
            && !sgaz.iter().any(|h| h.t0 >= g.t1 && h.t0 < end)
            && tail
                .clone()
                .all(|t| name_tok(&toks[t]) && !is_acronym(toks[t].s))
            && {
                let w = toks[end - 1].s;
                w == "United"
                    || (w.len() > 3
                        && !cx.l.is_surname(w)
                        && cx.l.first_name(w).is_none()
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !is_place_suffix(w)
                        && !is_org_suffix(w)
                        && !is_outlet_suffix(w)
                        && !is_misc_head(w)
                        && !places::is_plural_place_word(w))
            }
        {
            cx.out.push(Candidate {
                span: Span::new(toks[g.t0].span.start, toks[end - 1].span.end),
                kind: EntityKind::Org,
                weak: false,
            });
            k = end;
            continue;
        }
        // "Eastern Europe", "northern Kenya" (capitalised): a compass word joins the place.
        let t0 = if kind_of(g) == EntityKind::Place
            && g.t0 > k
            && is_compass(toks[g.t0 - 1].s)
            && g.t1 == end
        {
            g.t0 - 1
        } else {
            g.t0
        };
        if t0 > k {
            piece(cx, k, t0, headline);
        }
        cx.out.push(Candidate {
            span: Span::new(toks[t0].span.start, toks[g.t1 - 1].span.end),
            kind: kind_of(g),
            weak: false,
        });
        k = g.t1;
        end = end.max(g.t1);
    }
    if k < end {
        piece(cx, k, end, headline);
    }
}

/// A non-gazetteer part of a run. In headlines only known name words are kept.
fn piece(cx: &mut Ctx, a: usize, b: usize, headline: bool) {
    // A particle or connector left at either end by a gazetteer split ("… der").
    let (mut a, mut b) = (a, b);
    let loose = |t: &Tk| !t.cap && !t.s.starts_with(|c: char| c.is_ascii_digit());
    while a < b && loose(&cx.toks[a]) {
        a += 1;
    }
    while b > a && loose(&cx.toks[b - 1]) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    if !headline {
        classify(cx, a, b);
        return;
    }
    let mut s = a;
    while s < b {
        let known = |t: &Tk| {
            cx.known.contains(t.s) || (cx.l.first_name(t.s).is_some() && !cx.l.is_common(t.s))
        };
        let multi = |t: &Tk| known(t) || cx.known_multi.contains(t.s);
        let t = &cx.toks[s];
        let mut e = s;
        while e < b && multi(&cx.toks[e]) {
            e += 1;
        }
        if e - s >= 2 && !(s..e).all(|k| known(&cx.toks[k])) {
            classify(cx, s, e);
            s = e;
            continue;
        }
        if !known(t) {
            s += 1;
            continue;
        }
        let mut e = s + 1;
        while e < b && known(&cx.toks[e]) {
            e += 1;
        }
        classify(cx, s, e);
        s = e;
    }
}

fn strip_initial(cx: &Ctx, a: usize, b: usize) -> usize {
    if a >= b {
        return a;
    }
    let t = &cx.toks[a];
    // "Mark Penn", "Will Smith": a given name before an uncommon name word stays.
    let given = cx.l.first_name(t.s).is_some()
        && a + 1 < b
        && name_tok(&cx.toks[a + 1])
        && !cx.l.is_common(cx.toks[a + 1].s);
    let article = matches!(t.s, "The" | "A" | "An");
    if article
        || (!given
            && t.initial
            && !(b == a + 1 && org_context(cx, a, b))
            && cap_title(t.s).is_none()
            && cx.l.is_common(t.s)
            && !cx.known.contains(t.s))
    {
        a + 1
    } else {
        a
    }
}

/// Looks like a name after a title: not a plain common word unless a given name.
fn name_like(cx: &Ctx, t: &Tk) -> bool {
    !cx.l.is_common(t.s) || cx.l.first_name(t.s).is_some() || cx.known.contains(t.s)
}

fn classify(cx: &mut Ctx, a: usize, b: usize) {
    let toks = cx.toks;
    // Several all-capital words: a dateline or shouting ("NEW YORK (AP)").
    if b - a >= 2
        && toks[a..b]
            .iter()
            .filter(|t| t.word)
            .all(|t| !t.s.chars().any(char::is_lowercase))
    {
        return;
    }
    let a = strip_initial(cx, a, b);
    if a >= b {
        return;
    }
    let last = toks[b - 1].s;
    let head_kind = head_of(toks, a, b);
    let orgish = is_org_suffix(last) || is_outlet_suffix(last) || head_kind.is_some();
    if !orgish {
        // Title block: "Former Vice President", "Mrs.", "Secretary of State".
        if let Some(ts) = (a..b).find(|&k| cap_title(toks[k].s).is_some()) {
            let mut te = ts;
            let mut gender = None;
            while te < b {
                let w = toks[te].s;
                if let Some(g) = cap_title(w) {
                    gender = gender.or(g);
                    te += 1;
                } else if is_title_companion(w) && te + 1 < b {
                    te += 1;
                } else if matches!(w, "of" | "for") && te + 1 < b {
                    // "Secretary of State X": the office is part of the title.
                    te += 2;
                    while te + 2 < b && !name_like(cx, &toks[te]) {
                        te += 1;
                    }
                } else {
                    break;
                }
            }
            let te = te.min(b);
            // After "Mr."/"Dr."/"Sen." any capitalised word is a name ("Dr. West").
            let honorific = te > ts && toks[te - 1].s.ends_with('.');
            if te < b && (honorific || name_like(cx, &toks[te])) {
                if ts > a {
                    plain(cx, a, ts);
                }
                cx.out.push(Candidate {
                    span: Span::new(toks[te].span.start, toks[b - 1].span.end),
                    kind: EntityKind::Person,
                    weak: false,
                });
                let _ = gender;
                return;
            }
            if te >= b {
                // "Howard Dean", "Stephen King": a title word closing a name is a surname.
                let last = toks[b - 1].s;
                if ts > a && (cx.l.is_surname(last) || cx.l.first_name(last).is_some()) {
                    plain(cx, a, b);
                } else if ts > a {
                    plain(cx, a, ts);
                }
                return;
            }
        }
    }
    plain(cx, a, b);
}

/// Kind given by a head noun followed by a connector ("Bank of …", "Medal of …").
fn head_of(toks: &[Tk], a: usize, b: usize) -> Option<EntityKind> {
    for k in a..b.saturating_sub(1) {
        if is_org_connector(toks[k + 1].s) {
            let w = toks[k].s;
            if is_misc_head(w) {
                return Some(EntityKind::Misc);
            }
            if is_outlet_head(w) && toks[k + 1].s == "of" {
                return Some(EntityKind::Outlet);
            }
            if is_place_suffix(w) && !is_org_suffix(w) {
                return Some(EntityKind::Place);
            }
            if is_org_suffix(w) || (is_head_noun(w) && cap_title(w).is_none()) {
                return Some(EntityKind::Org);
            }
        }
    }
    None
}

/// Classifies a run that holds no title: by its own words (affixes and lists),
/// then by its context and shape.
fn plain(cx: &mut Ctx, a: usize, b: usize) {
    let toks = cx.toks;
    let a = strip_initial(cx, a, b);
    if a >= b || !plain_candidate(cx, a, b) {
        return;
    }
    let n = b - a;
    let first = toks[a].s;
    let l = cx.l;
    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
    let push = |cx: &mut Ctx, kind, weak| cx.out.push(Candidate { span, kind, weak });
    // The ordinary form of a dateline place ("in Maple Grove" after "MAPLE GROVE, Minn.").
    if !cx.places.is_empty() && cx.places.contains(cx.doc.slice(span)) {
        return push(cx, EntityKind::Place, false);
    }
    if is_agency(toks, a, b) {
        return push(cx, EntityKind::Outlet, false);
    }
    // "Selon la Banque de France": a particle split the run before a head-first name.
    if let Some(k) = (a + 2..b).find(|&k| {
        is_org_prefix(toks[k].s)
            && !matches!(toks[k].s, "United" | "Union")
            && is_name_particle(toks[k - 1].s)
    }) {
        plain(cx, a, k - 1);
        cx.out.push(Candidate {
            span: Span::new(toks[k].span.start, toks[b - 1].span.end),
            kind: EntityKind::Org,
            weak: false,
        });
        return;
    }
    if let Some(kind) = kind_by_name_words(toks, a, b) {
        return push(cx, kind, false);
    }
    // "Billionaire Donald Trump", "Comedian George Lopez": a role word before a name.
    if n >= 3
        && l.is_common(first)
        && l.first_name(first).is_none()
        && l.first_name(toks[a + 1].s).is_some()
    {
        return plain(cx, a + 1, b);
    }
    if let Some((kind, weak)) = kind_by_context(cx, a, b) {
        push(cx, kind, weak);
    }
}

/// False for runs that are not names at all: a lone letter, all-capital words (a
/// dateline or shouting, "NEW YORK (AP)", unless an acronym), a lone acronym that
/// is not a name ("CEO") or a lone title.
fn plain_candidate(cx: &Ctx, a: usize, b: usize) -> bool {
    let toks = cx.toks;
    let n = b - a;
    let first = toks[a].s;
    if !name_tok(&toks[a]) || (n == 1 && first.chars().count() < 2) {
        return false;
    }
    let shouting = toks[a..b]
        .iter()
        .filter(|t| t.word)
        .all(|t| !t.s.chars().any(char::is_lowercase));
    if shouting && !(n == 1 && is_acronym(first)) {
        return false;
    }
    !(n == 1
        && (is_non_entity_acronym(first)
            || (cap_title(first).is_some() && !cx.known.contains(first))))
}

/// News agencies: "Deutsche Presse-Agentur", "Xinhua News Agency".
fn is_agency(toks: &[Tk], a: usize, b: usize) -> bool {
    toks[a..b].iter().any(|t| t.word && is_outlet_word(t.s))
        || (b - a >= 2 && toks[b - 1].s == "Agency" && matches!(toks[b - 2].s, "News" | "Press"))
}

/// The kind that the run's own words give: a head-first or "United" organisation, a
/// head noun with a connector ("Bank of …"), a last word ("… Party", "… Times",
/// "… Street", "… Prize") or a first word ("Fort …", "Hurricane …").
fn kind_by_name_words(toks: &[Tk], a: usize, b: usize) -> Option<EntityKind> {
    let n = b - a;
    let first = toks[a].s;
    let last = toks[b - 1].s;
    let words = || toks[a..b].iter().filter(|t| t.word);
    // "United Steelworkers", "Drivers United", "Halvorsen & Pike", "Banco Santander",
    // "Bundesverband Wärmepumpe". A head-first organisation word alone ("le
    // Syndicat", "die Stiftung") is one too.
    if (n == 1 && is_org_prefix(first) && !matches!(first, "United" | "Union"))
        || (n >= 2
            && (is_org_prefix(first)
                || words().any(|t| t.s == "United")
                || toks[a..b].iter().any(|t| t.s == "&")))
        || words().any(|t| is_german_org_word(t.s))
    {
        return Some(EntityKind::Org);
    }
    if n < 2 {
        return None;
    }
    let head = head_of(toks, a, b);
    // "Journal of the American Heart Association", "Annals of Internal Medicine".
    if is_outlet_head(first) && head == Some(EntityKind::Outlet) {
        Some(EntityKind::Outlet)
    } else if is_org_suffix(last) || head == Some(EntityKind::Org) {
        Some(EntityKind::Org)
    } else if is_outlet_suffix(last) {
        Some(EntityKind::Outlet)
    } else if is_place_suffix(last) || head == Some(EntityKind::Place) {
        Some(EntityKind::Place)
    } else if is_misc_head(last) || head == Some(EntityKind::Misc) {
        Some(EntityKind::Misc)
    } else if is_place_prefix(first) {
        Some(EntityKind::Place)
    } else if is_misc_prefix(first) {
        Some(EntityKind::Misc)
    } else {
        None
    }
}

/// The kind that context and shape give a run its words leave open, and whether it
/// is a guess (`weak`); `None` drops it (a lone sentence-initial word with nothing
/// to vouch for it).
fn kind_by_context(cx: &Ctx, a: usize, b: usize) -> Option<(EntityKind, bool)> {
    let toks = cx.toks;
    let n = b - a;
    let first = toks[a].s;
    let last = toks[b - 1].s;
    let prev_tok = (a > 0 && toks[a - 1].sent == toks[a].sent).then(|| toks[a - 1]);
    let prev = prev_tok.map(|t| t.s);
    let next = toks.get(b).filter(|t| t.sent == toks[a].sent).map(|t| t.s);
    let l = cx.l;
    let words = || toks[a..b].iter().filter(|t| t.word);
    if prev.is_some_and(|p| lower_person_title(p).is_some()) {
        return Some((EntityKind::Person, false));
    }
    if n == 1 && is_acronym(first) && !l.is_common(first) {
        return Some((EntityKind::Org, false));
    }
    let initial_letter =
        |w: &str| w.len() == 2 && w.ends_with('.') && w.as_bytes()[0].is_ascii_uppercase();
    // "a spokeswoman for X", "X, the San Francisco company": an organisation, unless
    // the name starts with a given name or is a lone surname.
    // Two or three uncommon words read as a person's name even in such a context.
    let person_shape = (2..=3).contains(&n)
        && words().all(|t| {
            !l.is_common(t.s)
                && !is_acronym(t.s)
                && t.s.chars().all(|c| c.is_alphabetic() || c == '-')
        });
    if l.first_name(first).is_none()
        && !initial_letter(first)
        && !(n == 1 && l.is_surname(first))
        && org_cue(cx, a, b).is_some_and(|direct| direct || !person_shape)
    {
        return Some((EntityKind::Org, false));
    }
    // "the Guangdong province", "Marsabit county": a place.
    if next.is_some_and(places::is_region_noun) {
        return Some((EntityKind::Place, false));
    }
    // "in Palo Verde": two or three uncommon words after "in" name a place.
    let possessive = matches!(next, Some("'s" | "’s" | "'" | "’"));
    if (2..=3).contains(&n)
        && matches!(prev, Some("in" | "near" | "outside"))
        && !possessive
        && l.first_name(first).is_none()
        && !initial_letter(first)
        && words().all(|t| {
            !l.is_common(t.s)
                && !is_acronym(t.s)
                && t.s.chars().all(|c| c.is_alphabetic() || c == '-')
        })
    {
        return Some((EntityKind::Place, false));
    }
    if n >= 2 && (l.first_name(first).is_some() || initial_letter(first)) {
        return Some((EntityKind::Person, false));
    }
    let any_common = toks[a..b].iter().any(|t| t.word && l.is_common(t.s));
    if n >= 2 && l.is_surname(last) && !any_common {
        return Some((EntityKind::Person, false));
    }
    // "Condoleezza Rice": an uncommon given name and a listed surname.
    if (2..=3).contains(&n) && l.is_surname(last) && !l.is_common(first) && !is_acronym(first) {
        return Some((EntityKind::Person, false));
    }
    // Two or three capitalised uncommon words: most often a person's name.
    let all_alpha = toks[a..b].iter().all(|t| {
        !t.word
            || (!is_acronym(t.s)
                && t.s
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\''))
    });
    if (2..=3).contains(&n) && !any_common && all_alpha {
        return Some((EntityKind::Person, false));
    }
    if (2..=3).contains(&n) && next.is_some_and(is_speech_verb) {
        return Some((EntityKind::Person, true));
    }
    if n == 1 {
        let named = l.first_name(first).is_some() || l.is_surname(first);
        let says = next.is_some_and(is_speech_verb);
        if toks[a].initial
            && !named
            && !says
            && !cx.mid.contains(first)
            && !cx.known.contains(first)
        {
            return None;
        }
        let kind = if prev_tok.is_some_and(|t| locative_tok(&t)) && !l.is_common(first) {
            EntityKind::Place
        } else if named && !l.is_common(first) {
            EntityKind::Person
        } else {
            EntityKind::Misc
        };
        return Some((kind, true));
    }
    Some((EntityKind::Misc, true))
}

/// The gazetteer entry that `text` matches as a whole, if any.
pub(crate) fn gaz_full(text: &str) -> Option<crate::lists::GazEntry> {
    let l = lists();
    let m = l.gaz.find(text)?;
    (m.start() == 0 && m.end() == text.len()).then(|| l.gaz_entries[m.pattern().as_usize()])
}

/// "CEDAR FALLS" → "Cedar Falls", "WINSTON-SALEM" → "Winston-Salem".
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = matches!(c, ' ' | '-' | '\n' | '\t');
        }
    }
    out
}

/// End of a wire dateline at the start of a paragraph: one to four all-capital words
/// followed by a comma, an opening bracket, a dash or a date ("NAIROBI (AFP) -",
/// "CEDAR FALLS, Iowa (AP) —", "LONDON 1996-08-30"). The words must read as a place:
/// a listed place, a structure that vouches for it (", Iowa (", "(Reuters)"), or at
/// least one uncommon word of four letters or more.
fn dateline(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let toks = cx.toks;
    let gap_start = if a == 0 { 0 } else { toks[a - 1].span.end };
    if a > 0 && !cx.doc.text[gap_start..toks[a].span.start].contains('\n') {
        return None;
    }
    let caps = |t: &Tk| {
        t.word
            && t.s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !t.s.chars().any(char::is_lowercase)
    };
    let mut k = a;
    while k < b && k < a + 4 && caps(&toks[k]) {
        k += 1;
    }
    if k == a || k >= b {
        return None;
    }
    let next = toks[k].s;
    let datey = (next.chars().any(|c| c.is_ascii_digit()) && next.contains(['-', '/']))
        || is_never_name(next);
    if !(datey || matches!(next, "," | "(" | "—" | "–" | "-" | "--" | "―")) {
        return None;
    }
    let raw = &cx.doc.text[toks[a].span.start..toks[k - 1].span.end];
    let title = title_case(raw);
    let l = cx.l;
    match gaz_full(raw).or_else(|| gaz_full(&title)) {
        Some(e) if e.kind == EntityKind::Place => return Some(k),
        Some(_) => return None,
        None => {}
    }
    let after = toks.get(k + 1).filter(|t| t.sent == toks[a].sent);
    let listed = |t: &Tk, kind: EntityKind| gaz_full(t.s).is_some_and(|e| e.kind == kind);
    let structural = match next {
        // "CEDAR FALLS, Iowa (AP)", "MARSABIT, Nov 25 (Reuters)".
        "," => after.is_some_and(|t| {
            listed(t, EntityKind::Place)
                || is_never_name(t.s)
                || unspin_segment::abbrev::is_month_abbrev(t.s)
        }),
        "(" => after.is_some_and(|t| listed(t, EntityKind::Outlet)),
        _ => false,
    };
    let rest_caps = toks[k..b]
        .iter()
        .filter(|t| t.word && t.s.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .fold((0, 0), |(u, n), t| {
            (u + usize::from(!t.s.chars().any(char::is_lowercase)), n + 1)
        });
    let shouting = rest_caps.0 * 2 >= rest_caps.1.max(1);
    let uncommon = toks[a..k]
        .iter()
        .any(|t| t.s.chars().count() >= 4 && !l.is_common(t.s));
    let dash = matches!(next, "—" | "–" | "--" | "―" | "(");
    (structural || (uncommon && !shouting && (datey || dash))).then_some(k)
}

/// Context that marks a name as an organisation: "a spokeswoman for X", "shares of
/// X", "X, the San Francisco company behind …", "The nonprofit behind it, X, …",
/// "the X union", "X's shareholders", "X reported quarterly earnings".
fn org_context(cx: &Ctx, a: usize, b: usize) -> bool {
    org_cue(cx, a, b).is_some()
}

/// How many tokens a description in apposition to a name may run ("X, the San
/// Francisco company behind …", "The nonprofit behind the project, X").
const APPOSITION_WINDOW: usize = 10;

/// How many tokens after "X reported" may hold the results noun ("X reported
/// quarterly earnings").
const EARNINGS_WINDOW: usize = 5;

/// The tokens of one sentence, asked by index (`None` outside the sentence).
#[derive(Clone, Copy)]
struct Sentence<'a, 'd> {
    toks: &'a [Tk<'d>],
    sent: usize,
}

impl<'d> Sentence<'_, 'd> {
    fn at(&self, k: usize) -> Option<&'d str> {
        self.toks
            .get(k)
            .filter(|t| t.sent == self.sent)
            .map(|t| t.s)
    }
}

/// The organisation cue around `a..b`: `Some(true)` for a direct one ("the X union",
/// "shares of X", "X's shareholders"), `Some(false)` for an apposition or "a
/// spokeswoman for X", which a person's name can also fill.
fn org_cue(cx: &Ctx, a: usize, b: usize) -> Option<bool> {
    let s = Sentence {
        toks: cx.toks,
        sent: cx.toks[a].sent,
    };
    if let Some(direct) = staff_or_stake_before(s, a) {
        return Some(direct);
    }
    if org_noun_before(s, a) || org_description_after(s, b) {
        return Some(false);
    }
    if org_noun_after(s, a, b) || corporate_possessive(s, b) || earnings_report(s, b) {
        return Some(true);
    }
    org_description_before(s, a, b).then_some(false)
}

/// "a spokeswoman for X", "analysts at X" (`Some(false)`); "shares of X", "a stake
/// in X" (`Some(true)`).
fn staff_or_stake_before(s: Sentence, a: usize) -> Option<bool> {
    if a < 2 {
        return None;
    }
    let p2 = s.at(a - 2).map(str::to_lowercase).unwrap_or_default();
    match s.at(a - 1) {
        Some("for" | "at") if org_cues::is_staff_noun(&p2) => Some(false),
        Some("of" | "in") if org_cues::is_stake_noun(&p2) => Some(true),
        _ => None,
    }
}

/// "packaging company Cofinec", "tyre giant Pirelli", "chipmaker X".
fn org_noun_before(s: Sentence, a: usize) -> bool {
    a >= 1 && s.at(a - 1).is_some_and(org_cues::is_noun_before_name)
}

/// "X, the … company behind …" (but "X, the head of the company": a person
/// described by the organisation).
fn org_description_after(s: Sentence, b: usize) -> bool {
    if s.at(b) != Some(",") || !matches!(s.at(b + 1), Some("the" | "a" | "an")) {
        return false;
    }
    for k in b + 2..b + APPOSITION_WINDOW {
        let Some(w) = s.at(k) else { break };
        if punctuation::breaks_phrase(w) {
            break;
        }
        if is_org_noun(w) && org_noun_head(s.at(k + 1)) {
            return true;
        }
        if org_cues::is_description_break(w) {
            break;
        }
    }
    false
}

/// "the United Steelworkers union" (a lone word may be an adjective: "Panamanian
/// company").
fn org_noun_after(s: Sentence, a: usize, b: usize) -> bool {
    b - a >= 2 && s.at(b).is_some_and(org_cues::is_noun_after_name) && org_noun_head(s.at(b + 1))
}

/// "X's shareholders", "X's chief executive".
fn corporate_possessive(s: Sentence, b: usize) -> bool {
    if !matches!(s.at(b), Some("'s" | "’s" | "'" | "’")) {
        return false;
    }
    let w = s.at(b + 1).unwrap_or("");
    let chief =
        w == "chief" && matches!(s.at(b + 2), Some("executive" | "financial" | "operating"));
    (w != "chief" && is_corporate_possession(w)) || chief
}

/// "X reported quarterly earnings".
fn earnings_report(s: Sentence, b: usize) -> bool {
    matches!(s.at(b), Some("reported" | "announced" | "posted"))
        && (b + 1..b + 1 + EARNINGS_WINDOW)
            .filter_map(|k| s.at(k))
            .any(org_cues::is_earnings_word)
}

/// "The nonprofit behind the project, X, says" (but "the head of the committee, X":
/// the organisation is not the head noun).
fn org_description_before(s: Sentence, a: usize, b: usize) -> bool {
    if a < 2 || s.at(a - 1) != Some(",") || s.at(b) != Some(",") {
        return false;
    }
    let mut k = a - 1;
    let mut noun = false;
    while k > 0 && a - k < APPOSITION_WINDOW {
        k -= 1;
        let Some(w) = s.at(k) else { break };
        if punctuation::breaks_phrase(w) {
            break;
        }
        if is_org_noun(w) {
            noun = true;
        }
        if noun && org_cues::is_description_break(w) {
            break;
        }
        if noun && org_cues::is_description_determiner(&lower_first(w)) {
            return true;
        }
    }
    false
}

/// `w` with its first letter lower-cased ("The" → "the", "THE" → "tHE").
fn lower_first(w: &str) -> std::borrow::Cow<'_, str> {
    match w.chars().next() {
        Some(c) if c.is_uppercase() => {
            let mut out: String = c.to_lowercase().collect();
            out.push_str(&w[c.len_utf8()..]);
            std::borrow::Cow::Owned(out)
        }
        _ => std::borrow::Cow::Borrowed(w),
    }
}

/// True when the word after an organisation noun leaves it the head of its phrase
/// ("company behind", "company,"), not a modifier ("company spokesman", "company's").
fn org_noun_head(next: Option<&str>) -> bool {
    match next {
        None => true,
        Some("'s" | "’s" | "'" | "’") => false,
        Some(w) if w.starts_with(|c: char| c.is_lowercase()) => org_cues::is_noun_follower(w),
        Some(_) => true,
    }
}

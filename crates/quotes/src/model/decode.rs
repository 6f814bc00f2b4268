//! From tag scores to attribution relations: a first-order Viterbi decoder over
//! valid BILOU sequences, then a linker that ties each content span to its cue and
//! each cue to its source.

// Label-matrix code reads best with explicit indices.
#![allow(clippy::needless_range_loop)]

use super::L;

/// Labels: `O`, then for each role (content, cue, source) the BILOU positions:
/// label = 1 + 4 × role + position (begin, inside, last, unit).
pub const O: u8 = 0;
/// Roles.
pub const CONTENT: u8 = 0;
pub const CUE: u8 = 1;
pub const SOURCE: u8 = 2;
/// Positions inside a span.
pub const BEGIN: u8 = 0;
pub const INSIDE: u8 = 1;
pub const LAST: u8 = 2;
pub const UNIT: u8 = 3;

/// The label of `role` at `pos`.
#[inline]
pub const fn label(role: u8, pos: u8) -> u8 {
    1 + role * 4 + pos
}

/// The (role, position) of a label (`None` for `O`).
#[inline]
pub const fn role_of(l: u8) -> Option<(u8, u8)> {
    if l == 0 {
        None
    } else {
        Some(((l - 1) / 4, (l - 1) % 4))
    }
}

/// The labels of a span of `n` tokens of `role` (BILOU).
pub fn span_labels(role: u8, n: usize) -> impl Iterator<Item = u8> {
    (0..n).map(move |k| {
        let pos = if n == 1 {
            UNIT
        } else if k == 0 {
            BEGIN
        } else if k + 1 == n {
            LAST
        } else {
            INSIDE
        };
        label(role, pos)
    })
}

/// Whether label `cur` may follow label `prev` (`None`: the sequence start).
#[inline]
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    let open = prev
        .and_then(role_of)
        .filter(|&(_, p)| p == BEGIN || p == INSIDE)
        .map(|(r, _)| r);
    match (open, role_of(cur)) {
        (Some(r), Some((c, p))) => c == r && (p == INSIDE || p == LAST),
        (Some(_), None) => false,
        (None, Some((_, p))) => p == BEGIN || p == UNIT,
        (None, None) => true,
    }
}

/// Whether a sequence may end with label `l` (no span left open).
#[inline]
pub fn may_end(l: u8) -> bool {
    role_of(l).is_none_or(|(_, p)| p == LAST || p == UNIT)
}

/// The transition scores with the invalid moves at minus infinity: row `L` is the
/// sequence start, and row `L + 1` holds 0 for the labels a sequence may end with.
pub fn masked(trans: &[[f32; L]; L + 1]) -> [[f32; L]; L + 2] {
    let mut m = [[f32::NEG_INFINITY; L]; L + 2];
    for p in 0..=L {
        let prev = (p < L).then_some(p as u8);
        for c in 0..L {
            if allowed(prev, c as u8) {
                m[p][c] = trans[p][c];
            }
        }
    }
    for c in 0..L {
        if may_end(c as u8) {
            m[L + 1][c] = 0.0;
        }
    }
    m
}

/// The best valid label sequence. `trans[p][c]` scores label `c` after `p`; row `L`
/// is the sequence start. Linear in the sequence length.
pub fn viterbi(scores: &[[f32; L]], trans: &[[f32; L]; L + 1]) -> Vec<u8> {
    viterbi_masked(scores, &masked(trans))
}

/// [`viterbi`] over transitions already [`masked`].
pub fn viterbi_masked(scores: &[[f32; L]], m: &[[f32; L]; L + 2]) -> Vec<u8> {
    let n = scores.len();
    if n == 0 {
        return vec![];
    }
    // The valid predecessors of each label (BILOU allows about a third of the moves).
    let mut preds: [[u8; L]; L] = [[0; L]; L];
    let mut npred = [0usize; L];
    for c in 0..L {
        for p in 0..L {
            if m[p][c] > f32::NEG_INFINITY {
                preds[c][npred[c]] = p as u8;
                npred[c] += 1;
            }
        }
    }
    let mut back: Vec<[u8; L]> = vec![[0; L]; n];
    let mut cur = [0f32; L];
    for c in 0..L {
        cur[c] = m[L][c] + scores[0][c];
    }
    for k in 1..n {
        let mut next = [f32::NEG_INFINITY; L];
        let bk = &mut back[k];
        for c in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for &p in &preds[c][..npred[c]] {
                let x = cur[p as usize] + m[p as usize][c];
                if x > best {
                    best = x;
                    arg = p;
                }
            }
            next[c] = best + scores[k][c];
            bk[c] = arg;
        }
        cur = next;
    }
    let mut last = 0u8;
    let mut best = f32::NEG_INFINITY;
    for c in 0..L {
        let v = cur[c] + m[L + 1][c];
        if v > best {
            best = v;
            last = c as u8;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last;
    for k in (1..n).rev() {
        out[k - 1] = back[k][out[k] as usize];
    }
    out
}

/// A role span in token positions `[start, end)` of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleSpan {
    pub start: usize,
    pub end: usize,
}

/// Content, cue and source spans of a label sequence.
#[derive(Debug, Default)]
pub struct Roles {
    pub content: Vec<RoleSpan>,
    pub cue: Vec<RoleSpan>,
    pub source: Vec<RoleSpan>,
}

/// Reads the spans of a valid label sequence.
pub fn roles(labels: &[u8]) -> Roles {
    let mut r = Roles::default();
    let mut k = 0;
    while k < labels.len() {
        let Some((role, pos)) = role_of(labels[k]) else {
            k += 1;
            continue;
        };
        let start = k;
        k += 1;
        if pos == BEGIN {
            while k < labels.len() && labels[k] == label(role, INSIDE) {
                k += 1;
            }
            if k < labels.len() && labels[k] == label(role, LAST) {
                k += 1;
            }
        }
        let s = RoleSpan { start, end: k };
        match role {
            CONTENT => r.content.push(s),
            CUE => r.cue.push(s),
            _ => r.source.push(s),
        }
    }
    r
}

/// One relation in token positions of a sequence: content segments (in order), the
/// cue and the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub content: Vec<RoleSpan>,
    pub cue: Option<RoleSpan>,
    pub source: Option<RoleSpan>,
}

fn gap(a: RoleSpan, b: RoleSpan) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Ties every content span to its nearest cue (a cue in the same sentence preferred;
/// `sentence[k]` is the sentence of token `k`), joins content spans that one cue splits
/// (`"…," she said, "…"`), and gives each cue its nearest source in its sentence.
pub fn link(r: &Roles, sentence: &[usize]) -> Vec<Link> {
    let sent = |k: usize| sentence.get(k).copied().unwrap_or(usize::MAX);
    let mut cue_of: Vec<Option<usize>> = Vec::with_capacity(r.content.len());
    for c in &r.content {
        let mut best: Option<(usize, usize)> = None; // (cost, cue)
                                                     // Cues are sorted: the nearest ones lie around the content's position.
        let at = r.cue.partition_point(|q| q.start < c.start);
        for qi in at.saturating_sub(3)..(at + 3).min(r.cue.len()) {
            let q = &r.cue[qi];
            let same =
                sent(q.start) == sent(c.start) || sent(q.start) == sent(c.end.saturating_sub(1));
            let cost = gap(*c, *q) + if same { 0 } else { 1000 };
            if best.is_none_or(|(b, _)| cost < b) {
                best = Some((cost, qi));
            }
        }
        cue_of.push(best.filter(|(c, _)| *c < 2000).map(|(_, q)| q));
    }
    let mut links: Vec<Link> = vec![];
    let mut last_for_cue: Vec<Option<usize>> = vec![None; r.cue.len()];
    for (ci, c) in r.content.iter().enumerate() {
        let q = cue_of[ci];
        if let Some(qi) = q {
            // A content after its cue continuing one before it: one relation.
            if let Some(li) = last_for_cue[qi] {
                let prev = links[li].content.last().copied();
                if prev.is_some_and(|p| p.end <= r.cue[qi].start && r.cue[qi].end <= c.start) {
                    links[li].content.push(*c);
                    continue;
                }
            }
            last_for_cue[qi] = Some(links.len());
        }
        links.push(Link {
            content: vec![*c],
            cue: q.map(|qi| r.cue[qi]),
            source: None,
        });
    }
    for l in &mut links {
        let Some(q) = l.cue else { continue };
        let mut best: Option<(usize, RoleSpan)> = None;
        let at = r.source.partition_point(|s| s.start < q.start);
        for s in &r.source[at.saturating_sub(3)..(at + 3).min(r.source.len())] {
            if sent(s.start) != sent(q.start) && sent(s.end.saturating_sub(1)) != sent(q.start) {
                continue;
            }
            let cost = gap(*s, q);
            if best.is_none_or(|(b, _)| cost < b) {
                best = Some((cost, *s));
            }
        }
        l.source = best.map(|(_, s)| s);
    }
    links
}

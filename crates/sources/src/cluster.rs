//! Source clustering: which credits name the same source, merged into the
//! distinct sources in order of first credit.

use crate::ctx::{Ctx, Who};
use std::collections::HashMap;
use unspin_doc::{Source, SourceKind, Span};

impl<'a> Ctx<'a> {
    /// Distinct sources in order of first credit.
    pub(crate) fn sources(&self) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::new();
        // Where each source is in `out`: by entity, or by kind and ASCII-lowercased
        // name (the match is `eq_ignore_ascii_case`), so that finding it is O(1).
        let mut by_entity: HashMap<usize, usize> = HashMap::new();
        let mut by_name: HashMap<(SourceKind, String), usize> = HashMap::new();
        // Per source, the running maximum of its mentions' ends (in `mentions`
        // order) and their largest start.
        let mut ends: Vec<Vec<usize>> = Vec::new();
        let mut max_start: Vec<usize> = Vec::new();
        for c in &self.credits {
            let (entity, name, kind) = match &c.who {
                Who::Named { entity, name, kind } => (*entity, name.clone(), *kind),
                Who::Anonymous(n) => (None, n.clone(), SourceKind::Anonymous),
                Who::Rumour(n) => (None, n.clone(), SourceKind::Rumour),
                Who::Generic => continue,
            };
            let pos = match entity {
                Some(e) => by_entity.get(&e).copied(),
                None => by_name.get(&(kind, name.to_ascii_lowercase())).copied(),
            };
            match pos {
                Some(i) => {
                    // Overlapping credits ("reporter X" and "X") keep the shorter span.
                    let ms = &mut out[i].mentions;
                    if c.span.is_empty() || c.span.start < max_start[i] {
                        // Not after every mention: the plain scan (credits come in
                        // text order, so this is rare).
                        match ms.iter().position(|m| m.overlaps(&c.span)) {
                            Some(k) if c.span.len() < ms[k].len() => ms[k] = c.span,
                            Some(_) => {}
                            None => ms.push(c.span),
                        }
                        ms.sort();
                        max_start[i] = ms.iter().map(|m| m.start).max().unwrap_or(0);
                        ends[i] = running_max_ends(ms);
                        continue;
                    }
                    // Every mention starts at or before the credit, so the first one
                    // that overlaps it is the first whose end passes its start.
                    let k = ends[i].partition_point(|&e| e <= c.span.start);
                    if k == ms.len() {
                        // `c` sorts last: pushing keeps `mentions` sorted.
                        ms.push(c.span);
                        let e = ends[i].last().copied().unwrap_or(0).max(c.span.end);
                        ends[i].push(e);
                        max_start[i] = c.span.start;
                    } else if c.span.len() < ms[k].len() {
                        ms.remove(k);
                        let at = ms.partition_point(|m| *m <= c.span);
                        ms.insert(at, c.span);
                        max_start[i] = c.span.start;
                        let run = ends[i].get(k.wrapping_sub(1)).copied().unwrap_or(0);
                        ends[i].truncate(k);
                        let mut e = run;
                        for m in &ms[k..] {
                            e = e.max(m.end);
                            ends[i].push(e);
                        }
                    }
                }
                None => {
                    match entity {
                        Some(e) => by_entity.insert(e, out.len()),
                        None => by_name.insert((kind, name.to_ascii_lowercase()), out.len()),
                    };
                    ends.push(vec![c.span.end]);
                    max_start.push(c.span.start);
                    out.push(Source {
                        entity,
                        name,
                        kind,
                        mentions: vec![c.span],
                    });
                }
            }
        }
        out
    }
}

/// The running maximum of the ends of `ms`.
pub(crate) fn running_max_ends(ms: &[Span]) -> Vec<usize> {
    let mut e = 0;
    ms.iter()
        .map(|m| {
            e = e.max(m.end);
            e
        })
        .collect()
}

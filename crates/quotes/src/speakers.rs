//! Speaker resolution: a speaker span (name, role phrase, pronoun) to an entity.

use super::*;

/// Bytes read at each end of a speaker phrase for its first and last words.
const PHRASE_END_BYTES: usize = 64;
/// How far back (bytes) a role description looks for the person it names.
const ROLE_REACH_BYTES: usize = 50_000;
/// Bytes before a mention searched for a title or role word ("spokesman Jim Poe").
const TITLE_BEFORE_BYTES: usize = 60;
/// Bytes after a mention searched for a pronoun that shows its gender.
const GENDER_AFTER_BYTES: usize = 80;
/// Words after a mention searched for a pronoun that shows its gender.
const GENDER_AFTER_WORDS: usize = 12;
/// Bytes before a mention searched for a title ("Ms.", "Herr").
const TITLE_BYTES: usize = 8;
/// The first window (bytes) searched backwards for a plural group phrase; it doubles.
const GROUP_WINDOW_BYTES: usize = 512;
/// How far after a cue (bytes) the person it is about or speaks to is read (`said of X`).
const OBJECT_BYTES: usize = 60;
/// How far before a name (bytes) an "of" making it a postmodifier is looked for.
const OF_BYTES: usize = 6;

impl<'d> Detector<'d> {
    /// True when a mention of an entity that passes `keep` overlaps `sp` (a binary
    /// search over the sorted mentions, not a scan of every entity).
    pub(crate) fn mention_overlaps(
        &self,
        sp: Span,
        keep: impl Fn(&unspin_doc::Entity) -> bool,
    ) -> bool {
        let lo = self
            .mentions
            .partition_point(|(s, _, _)| s.start + self.mention_max_len <= sp.start);
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < sp.end);
        self.mentions[lo..hi.max(lo)]
            .iter()
            .any(|(s, ei, _)| s.overlaps(&sp) && keep(&self.doc.entities[*ei]))
    }

    /// Speaker span → `Speaker` with entity resolution.
    pub(crate) fn resolve(&self, sp: Span) -> Speaker {
        self.resolve_excluding(sp, &[])
    }

    /// [`Self::resolve`] for the subject of `cue`: a pronoun is not the person its
    /// cue is about or speaks to (`she said of Roe`, `he told Roe`).
    pub(crate) fn resolve_for_cue(&self, sp: Span, cue: Option<Span>) -> Speaker {
        let objects = cue
            .filter(|c| c.start >= sp.end)
            .map(|c| self.cue_object_entities(c))
            .unwrap_or_default();
        self.resolve_excluding(sp, &objects)
    }

    /// The entities named right after a cue as what it is about or to whom it is
    /// said (`said of Jane Roe`, `told Roe`, `wrote about Acme`).
    fn cue_object_entities(&self, cue: Span) -> Vec<usize> {
        let end = self.floor_boundary((cue.end + OBJECT_BYTES).min(self.text.len()));
        let ws = self.ws(cue.end, end);
        let mut k = 0;
        if ws
            .first()
            .is_some_and(|w| matches!(w.form(), "of" | "about" | "to"))
        {
            k = 1;
        }
        // A name right there: capitalised words (a title keeps its period inside the
        // word), not past the sentence's end.
        let n = ws[k.min(ws.len())..]
            .iter()
            .take_while(|w| w.capitalised() || matches!(w.text, "'" | "’" | "-"))
            .count();
        if ws.get(k).is_none_or(|w| w.is_punct()) {
            return vec![];
        }
        if n == 0 {
            return vec![];
        }
        let obj = Span::new(ws[k].start, ws[k + n - 1].end);
        let lo = self
            .mentions
            .partition_point(|(s, _, _)| s.start + self.mention_max_len <= obj.start);
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < obj.end);
        self.mentions[lo..hi.max(lo)]
            .iter()
            .filter(|(s, _, _)| s.overlaps(&obj))
            .map(|&(_, ei, _)| ei)
            .collect()
    }

    /// [`Self::resolve`], a pronoun never resolving to an entity of `exclude`.
    fn resolve_excluding(&self, sp: Span, exclude: &[usize]) -> Speaker {
        let text = self.text;
        let stext = text[sp.start..sp.end].to_string();
        let ents = &self.doc.entities;
        let lower = stext.to_lowercase();
        let mut entity = None;
        let mut name = stext.clone();
        // A mention inside the phrase (prefer a person, then the last one).
        let mut best: Option<(usize, bool, usize)> = None; // (entity, is_person, start)
        let lo = self
            .mentions
            .partition_point(|(s, _, _)| s.start + self.mention_max_len <= sp.start);
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < sp.end);
        // In (entity, mention) order, as the choice below breaks ties by it.
        let mut near: Vec<(usize, usize, Span)> = self.mentions[lo..hi.max(lo)]
            .iter()
            .filter(|(s, _, _)| s.overlaps(&sp))
            .map(|&(s, ei, j)| (ei, j, s))
            .collect();
        near.sort_unstable_by_key(|&(ei, j, _)| (ei, j));
        for (ei, _, mspan) in near {
            let e = &ents[ei];
            // `A diplomat in Washington`: a place after a preposition only
            // locates the speaker.
            if e.kind == EntityKind::Place && self.after_preposition(sp.start, mspan.start) {
                continue;
            }
            // `a Senate aide`, `one Kremlin official`: a name modifying the head
            // noun of an unnamed speaker.
            // (Only the first and last words matter: short windows keep this
            // linear when a phrase is long.)
            let first_end = self.floor_boundary(mspan.start.min(sp.start + PHRASE_END_BYTES));
            let indefinite = self
                .ws(sp.start, first_end)
                .first()
                .is_some_and(|w| matches!(w.form(), "a" | "an" | "one" | "some" | "several"));
            let tail_start = mspan
                .end
                .min(sp.end)
                .max(self.floor_boundary(sp.end.saturating_sub(PHRASE_END_BYTES)));
            let head_after = self
                .ws(tail_start, sp.end)
                .last()
                .is_some_and(|w| w.text.chars().next().is_some_and(char::is_lowercase));
            if e.kind != EntityKind::Person && indefinite && head_after {
                continue;
            }
            let person = e.kind == EntityKind::Person;
            // `said Roe of Poe`: a name after "of" is what the phrase is about.
            let after_of = mspan.start > sp.start
                && self
                    .ws(
                        self.floor_boundary(mspan.start.saturating_sub(OF_BYTES).max(sp.start)),
                        mspan.start,
                    )
                    .last()
                    .is_some_and(|w| w.form() == "of");
            let better = match best {
                None => true,
                Some((_, bp, bs)) => {
                    // The head of an English noun phrase comes last:
                    // "Sanders campaign manager Jeff Weaver" is Weaver.
                    (person && !bp) || (person == bp && mspan.start > bs && !after_of)
                }
            };
            if better {
                best = Some((ei, person, mspan.start));
            }
        }
        if let Some((ei, _, _)) = best {
            entity = Some(ei);
        } else if let Some(p) = lex::pronoun(&lower) {
            match self.resolve_pronoun(p, sp.start, exclude) {
                Some(Ok(ei)) => entity = Some(ei),
                Some(Err(group)) => name = text[group.start..group.end].to_string(),
                None => {}
            }
        } else if let Some(ei) = self.role_entity(&lower, sp.start) {
            entity = Some(ei);
        } else if description_kind(&lower) == Some(false) {
            // "the company" → the nearest org. ("The magazine" is the entities
            // stage's to link to its outlet: a description it left alone was
            // ambiguous.)
            entity = self.nearest_entity(sp.start, |_, e| e.kind == EntityKind::Org, 3);
        }
        if let Some(ei) = entity {
            name = ents[ei].name.clone();
        }
        Speaker {
            span: sp,
            entity,
            name,
        }
    }

    /// The last word of `[a, b)` is a preposition ("in", "at", "of", …).
    pub(crate) fn after_preposition(&self, a: usize, b: usize) -> bool {
        self.ws(a, b)
            .last()
            .is_some_and(|w| unspin_lex::grammar::PLACE_PREPOSITIONS.contains(w.form()))
    }

    /// A definite role description ("the governor", "the spokesman", "die Ministerin")
    /// → the last person introduced before `pos` with that title or role next to a
    /// mention ("Gov. Mark Roe", "spokesman Jim Poe", "Wirtschaftsministerin X").
    pub(crate) fn role_entity(&self, lower: &str, pos: usize) -> Option<usize> {
        let mut parts = lower.split_whitespace();
        let det = parts.next()?;
        let role = parts.next()?;
        if parts.next().is_some()
            || !unspin_lex::grammar::DEFINITE_ARTICLES.contains(det)
            || description_kind(lower).is_some()
            || role.len() < 3
            || !role.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let abbrev = role_abbrev(role);
        let fits = |w: &Word| {
            let w = w.form().trim_end_matches('.');
            w == role
                || abbrev.is_some_and(|a| w == a)
                || w.chars().count() > role.chars().count() + 3 && w.ends_with(role)
        };
        // The latest titled person mention ending by `pos` (equal starts: the
        // first entity), walking the mention index backwards.
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < pos);
        let mut best: Option<(usize, usize)> = None;
        for &(span, ei, j) in self.mentions[..hi].iter().rev() {
            // (A role names someone introduced in the article's last ~50 kB.)
            if best.is_some_and(|(_, bs)| span.start < bs) || span.start + ROLE_REACH_BYTES < pos {
                break;
            }
            let e = &self.doc.entities[ei];
            if e.kind != EntityKind::Person
                || e.mentions[j].reference
                || span.end > pos
                || self.in_content(span.start)
                || best.is_some_and(|(bi, _)| ei >= bi)
            {
                continue;
            }
            let a = self.floor_boundary(span.start.saturating_sub(TITLE_BEFORE_BYTES));
            let before = self.ws(a, span.start);
            let near: Vec<&Word> = before
                .iter()
                .rev()
                .take_while(|w| !matches!(w.text, "." | "!" | "?" | ";"))
                .filter(|w| !w.is_punct())
                .take(3)
                .collect();
            let inside = self.ws(span.start, span.end);
            let titled = near.iter().any(|w| fits(w)) || inside.iter().take(2).any(fits);
            if titled {
                best = Some((ei, span.start));
            }
        }
        best.map(|b| b.0)
    }

    /// Nearest entity mention before `pos` (outside quotes) of a fitting kind, within
    /// `max_paras` paragraphs.
    pub(crate) fn nearest_entity(
        &self,
        pos: usize,
        fits: impl Fn(usize, &unspin_doc::Entity) -> bool,
        max_paras: usize,
    ) -> Option<usize> {
        let pi = self.para_index(pos);
        let min_start = self
            .paras
            .get(pi.saturating_sub(max_paras))
            .map_or(0, |p| p.span.start);
        // The latest-starting fitting mention that ends by `pos`; among equal
        // starts the first entity.
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < pos);
        let mut best: Option<(usize, usize)> = None;
        for &(s, ei, _) in self.mentions[..hi].iter().rev() {
            if s.start < min_start || best.is_some_and(|(_, bs)| s.start < bs) {
                break;
            }
            if s.end <= pos
                && !self.in_content(s.start)
                && best.is_none_or(|(bi, _)| ei < bi)
                && fits(ei, &self.doc.entities[ei])
            {
                best = Some((ei, s.start));
            }
        }
        best.map(|b| b.0)
    }

    /// An entity's gender when its mentions show it ("Mr.", "Mrs.", "she"); computed
    /// once per person in [`Detector::new`] (`self.genders`).
    pub(crate) fn gender(&self, e: &unspin_doc::Entity) -> Option<Pronoun> {
        // Titles and pronoun mentions decide; else the pronouns that follow its
        // mentions in the same sentence vote ("Smith said that he …").
        let (mut he, mut she) = (0, 0);
        for m in &e.mentions {
            let end = self.floor_boundary((m.span.end + GENDER_AFTER_BYTES).min(self.text.len()));
            for w in self.ws(m.span.end, end).iter().take(GENDER_AFTER_WORDS) {
                if matches!(w.text, "." | "!" | "?" | "\"" | "“" | "”") {
                    break;
                }
                match w.text {
                    "he" | "his" | "himself" => he += 1,
                    "she" | "her" | "hers" | "herself" => she += 1,
                    _ => continue,
                }
                break;
            }
        }
        // A title just before a mention ("Ms. [Kane]", "Herr [Roe]").
        let (mut he_t, mut she_t) = (0, 0);
        for m in e.mentions.iter().filter(|m| !m.reference) {
            let a = self.floor_boundary(m.span.start.saturating_sub(TITLE_BYTES));
            if let Some(w) = self.ws(a, m.span.start).last() {
                match w.form().trim_end_matches('.') {
                    "mr" | "herr" | "m" => he_t += 1,
                    "ms" | "mrs" | "miss" | "frau" | "mme" => she_t += 1,
                    _ => {}
                }
            }
        }
        match he_t.cmp(&she_t) {
            std::cmp::Ordering::Greater => return Some(Pronoun::He),
            std::cmp::Ordering::Less => return Some(Pronoun::She),
            std::cmp::Ordering::Equal => {}
        }
        for m in &e.mentions {
            let t = self.text[m.span.start..m.span.end].to_lowercase();
            if t.starts_with("mr.")
                || t.starts_with("mr ")
                || matches!(t.as_str(), "he" | "him" | "his")
            {
                return Some(Pronoun::He);
            }
            if ["mrs.", "mrs ", "ms.", "ms ", "miss "]
                .iter()
                .any(|x| t.starts_with(x))
                || matches!(t.as_str(), "she" | "her" | "hers")
            {
                return Some(Pronoun::She);
            }
        }
        match he.cmp(&she) {
            std::cmp::Ordering::Greater => Some(Pronoun::He),
            std::cmp::Ordering::Less => Some(Pronoun::She),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// he/she → nearest person not in `exclude`; they/it → nearest outlet/org (or a
    /// group phrase).
    fn resolve_pronoun(
        &self,
        p: Pronoun,
        pos: usize,
        exclude: &[usize],
    ) -> Option<Result<usize, Span>> {
        match p {
            Pronoun::He | Pronoun::She => self
                .nearest_entity(
                    pos,
                    |ei, e| {
                        e.kind == EntityKind::Person
                            && self.genders[ei].is_none_or(|g| g == p)
                            && !exclude.contains(&ei)
                    },
                    6,
                )
                .map(Ok),
            Pronoun::It => self
                .nearest_entity(
                    pos,
                    |_, e| matches!(e.kind, EntityKind::Outlet | EntityKind::Org),
                    3,
                )
                .map(Ok),
            Pronoun::They => {
                if let Some(e) = self.nearest_entity(
                    pos,
                    |_, e| matches!(e.kind, EntityKind::Outlet | EntityKind::Org),
                    3,
                ) {
                    return Some(Ok(e));
                }
                // A plural group phrase ("officials", "some advisers").
                let pi = self.para_index(pos);
                let a = self.paras[pi.saturating_sub(2)].span.start;
                // Searched backwards in growing windows (starting at a space), so
                // the usual near hit does not tokenise two whole paragraphs.
                let mut size = GROUP_WINDOW_BYTES;
                loop {
                    let from = if pos.saturating_sub(a) > size {
                        let x = self.floor_boundary(pos - size);
                        self.text[x..pos]
                            .find(char::is_whitespace)
                            .map_or(a, |i| x + i)
                    } else {
                        a
                    };
                    let whole = from == a;
                    let ws = self.ws(from, pos);
                    for j in (0..ws.len()).rev() {
                        if self.in_content(ws[j].start) {
                            continue;
                        }
                        if lex::is_group_noun(ws[j].form()) {
                            if j < 3 && !whole {
                                break; // its determiners may lie before the window
                            }
                            let mut s = j;
                            while s > 0
                                && j - s < 3
                                && !ws[s - 1].is_punct()
                                && (lex::is_determiner(ws[s - 1].form()) || ws[s - 1].capitalised())
                            {
                                s -= 1;
                            }
                            return Some(Err(Span::new(ws[s].start, ws[j].end)));
                        }
                    }
                    if whole {
                        return None;
                    }
                    size *= 4;
                }
            }
            Pronoun::Other => None,
        }
    }
}

/// The abbreviated title for a role word ("governor" → "gov").
pub(crate) fn role_abbrev(role: &str) -> Option<&'static str> {
    Some(match role {
        "governor" => "gov",
        "senator" => "sen",
        "representative" | "congressman" | "congresswoman" => "rep",
        "president" => "pres",
        "general" => "gen",
        "professor" => "prof",
        "doctor" => "dr",
        "secretary" => "sec",
        "attorney" => "atty",
        "superintendent" => "supt",
        "lieutenant" => "lt",
        "colonel" => "col",
        "captain" => "capt",
        "sergeant" => "sgt",
        "reverend" => "rev",
        _ => return None,
    })
}

/// Definite descriptions of organisations: `Some(true)` for news outlets ("the
/// magazine"), `Some(false)` for other organisations ("the company").
pub(crate) fn description_kind(s: &str) -> Option<bool> {
    let s = s.strip_prefix("the ")?;
    match s {
        "magazine" | "newspaper" | "paper" | "outlet" | "network" | "agency" | "site"
        | "website" | "publication" | "station" | "broadcaster" | "channel" | "daily"
        | "tabloid" | "wire service" => Some(true),
        "campaign" | "company" | "committee" | "group" | "organization" | "organisation"
        | "firm" | "department" | "ministry" | "party" | "union" | "agency's" | "court" => {
            Some(false)
        }
        _ => None,
    }
}

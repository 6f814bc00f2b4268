//! Sources: who claims are credited to (named, anonymous, rumour), how each
//! sentence is sourced, and findings about the sourcing.
//!
//! Every rule works on general news phrasing (reporting verbs, "according to",
//! "a report from X", "sources say", "is rumored to", …) over the sentences,
//! entities and quotes laid down by the earlier stages. Words inside quotations
//! belong to the person quoted, so the rules ignore them. When there is no
//! entity layer at all, capitalised names next to those cues stand in for entities.
//!
//! Findings written (kind: when):
//! - `source_conflict`: a report introduced as one outlet's ("a new report from A",
//!   "according to A") has its words credited later to another outlet B, with no
//!   sign of a second report, and the article goes back to A afterwards.
//! - `unattributed_quote`: a direct quotation in the body with no speaker (not one
//!   the writer introduces with a colon).
//! - `anonymous_sourcing`: each unnamed source ("some advisers", "officials said").
//! - `rumour`: each claim passed on with no source ("is rumored to", "reportedly").
//! - `no_named_sources`: a body of five or more sentences crediting no named source.
//! - `mostly_unsourced`: more than 80% of eight or more body sentences credit no
//!   source, in an article not labelled as opinion.
//! - `caption_credit_not_source`: a photo credit naming someone never cited.

mod anonymous;
mod attribution;
mod cluster;
mod ctx;
mod cues;
mod findings;
mod lexicon;
mod named;
mod names;
mod rumour;
mod speakers;
mod tok;

use ctx::Ctx;
use unspin_doc::Doc;

/// Adds `doc.sources`, `doc.findings` and each sentence's `attribution`
/// (reads entities and quotes).
pub fn detect(doc: &mut Doc) {
    let (sources, attributions, found) = {
        let mut cx = Ctx::new(doc);
        cx.run();
        let sources = cx.sources();
        let attributions = cx.attributions();
        let found = findings::findings(&cx, &sources, &attributions);
        (sources, attributions, found)
    };
    for (s, a) in doc.sentences.iter_mut().zip(attributions) {
        s.attribution = a;
    }
    doc.sources = sources;
    // Running the stage again replaces its findings instead of repeating them.
    doc.findings.retain(|f| !findings::KINDS.contains(&f.kind));
    doc.findings.extend(found);
}

//! Timelines: how formulations, priorities and sections rise and fall across a series of
//! documents (the plenums of one Central Committee, successive work reports).
//!
//! A pair answers "what changed this time"; a series answers "since when" and "how often".
//! The series is taken in the order given (the caller sorts by date and lets the user
//! reorder), and every table is built from the comparisons of *adjacent* documents:
//!
//! - [`formulation_tracks`]: one row per formulation with its count in each document; a
//!   formulation reworded between neighbours (稳健的货币政策 → 适度宽松的货币政策) stays one
//!   row with both forms;
//! - [`priority_tracks`]: enumerated priorities chained through their matches, giving
//!   each one's rank in every document it appears in (a bump chart);
//! - [`lineage`]: for each section of the latest document, the chain of sections it was
//!   aligned with, back to where it first appeared, with how much it changed each time.
//!
//! Each document is segmented, fingerprinted and scanned for formulations once; adjacent
//! pairs are aligned without word diffs (the timeline needs the pairing, not the redline),
//! which keeps a series of eight long documents within a few hundred milliseconds in wasm.

pub mod charts;
pub mod formulation_tracks;
pub mod json;
pub mod lineage;
pub mod presets;
pub mod priority_tracks;
pub mod tables;

use crate::compare::{align_with_priorities, leaf_weights, prepare, rows_without_diffs, Prepared, Relation, Row};
use crate::findings::formulation_changes::{compare_formulations, FormulationChange};
use crate::findings::formulations::{extract, Formulation};
use crate::findings::lexicon::Lexicon;
use crate::findings::priorities::PriorityComparison;

pub use formulation_tracks::FormulationTrack;
pub use lineage::{Lineage, LineageLink};
pub use priority_tracks::{PriorityChain, PriorityTrack};

/// Fewest documents a timeline is drawn for.
pub const MIN_SERIES: usize = 2;
/// Most documents in one timeline (a heat map wider than this stops being readable).
pub const MAX_SERIES: usize = 20;

/// The schema name written into timeline JSON.
pub const SCHEMA: &str = "tifa.timeline/1";

/// One document of the series, as the caller has it.
#[derive(Clone, Copy, Debug)]
pub struct SeriesDoc<'t> {
    /// A short name for column heads (a corpus id or file name).
    pub label: &'t str,
    /// Title.
    pub title: &'t str,
    /// Date (free text, usually ISO); may be empty.
    pub date: &'t str,
    /// Full text.
    pub text: &'t str,
}

/// A document's header in the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct DocInfo {
    /// Short name for column heads.
    pub label: String,
    /// Title.
    pub title: String,
    /// Date as given.
    pub date: String,
    /// Characters of text.
    pub chars: usize,
    /// Leaf sections.
    pub sections: usize,
}

/// What happened between one document and the next.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Index of the earlier document.
    pub from: usize,
    /// Index of the later document.
    pub to: usize,
    /// Sections of the later document paired with one of the earlier.
    pub kept: usize,
    /// Sections only in the later document.
    pub added: usize,
    /// Sections only in the earlier document.
    pub dropped: usize,
    /// Pairs found out of order.
    pub moved: usize,
}

/// Everything the timeline view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// `tifa.timeline/1`.
    pub schema: &'static str,
    /// The documents, in series order.
    pub documents: Vec<DocInfo>,
    /// One step per adjacent pair.
    pub steps: Vec<Step>,
    /// Formulations, one row each (unsorted: in order of first appearance).
    pub formulations: Vec<FormulationTrack>,
    /// Priority lists chained across the series, longest chain first.
    pub priorities: Vec<PriorityChain>,
    /// The sections of the latest document and where they come from.
    pub lineages: Vec<Lineage>,
}

/// One document after the per-document stages.
pub(crate) struct Analysed<'t> {
    pub text: &'t str,
    pub prepared: Prepared,
    pub formulations: Vec<Formulation>,
}

/// One adjacent pair after alignment.
pub(crate) struct PairAnalysis {
    pub rows: Vec<Row>,
    pub formulations: Vec<FormulationChange>,
    pub priorities: PriorityComparison,
}

/// What the timeline needs of one document, worked out on its own (so that a caller can
/// spread a long series over several tasks): its sections and its formulations.
pub struct DocAnalysis {
    prepared: Prepared,
    formulations: Vec<Formulation>,
}

/// Segments and fingerprints `text` and scans it for formulations.
pub fn analyse(text: &str, lexicon: &Lexicon) -> DocAnalysis {
    DocAnalysis { prepared: prepare(text), formulations: extract(text, lexicon) }
}

/// Builds the timeline of `docs` in the order given. Never fails: an empty series gives
/// empty tables, a series of one has no steps.
pub fn build(docs: &[SeriesDoc<'_>], lexicon: &Lexicon) -> Timeline {
    assemble(docs, docs.iter().map(|d| analyse(d.text, lexicon)).collect())
}

/// Builds the timeline of `docs` from their analyses ([`analyse`], one per document, in
/// the same order); the same result as [`build`].
///
/// # Panics
/// When `analyses` is not as long as `docs`.
pub fn assemble(docs: &[SeriesDoc<'_>], analyses: Vec<DocAnalysis>) -> Timeline {
    assert_eq!(docs.len(), analyses.len(), "one analysis per document");
    let analysed: Vec<Analysed<'_>> = docs
        .iter()
        .zip(analyses)
        .map(|(d, a)| Analysed { text: d.text, prepared: a.prepared, formulations: a.formulations })
        .collect();
    let pairs: Vec<PairAnalysis> = analysed
        .windows(2)
        .map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let weights = leaf_weights(&a.prepared, &b.prepared);
            let (groups, priorities) = align_with_priorities((a.text, b.text), (&a.prepared, &b.prepared), &weights);
            let rows = rows_without_diffs(&a.prepared, &b.prepared, groups);
            let outlines = (&a.prepared.outline, &b.prepared.outline);
            let formulations =
                compare_formulations((a.text, b.text), &a.formulations, &b.formulations, &rows, outlines);
            PairAnalysis { rows, formulations, priorities }
        })
        .collect();
    let steps = pairs.iter().enumerate().map(|(i, p)| step(i, &p.rows)).collect();
    Timeline {
        schema: SCHEMA,
        documents: docs
            .iter()
            .zip(&analysed)
            .map(|(d, a)| DocInfo {
                label: d.label.to_string(),
                title: d.title.to_string(),
                date: d.date.to_string(),
                chars: d.text.chars().count(),
                sections: a.prepared.outline.leaves.len(),
            })
            .collect(),
        steps,
        formulations: formulation_tracks::tracks(&analysed, &pairs),
        priorities: priority_tracks::chains(&analysed, &pairs),
        lineages: lineage::lineages(&analysed, &pairs),
    }
}

fn step(from: usize, rows: &[Row]) -> Step {
    let mut s = Step { from, to: from + 1, kept: 0, added: 0, dropped: 0, moved: 0 };
    for r in rows {
        match r.relation {
            Relation::Added => s.added += r.b.len(),
            Relation::Dropped => s.dropped += r.a.len(),
            _ => s.kept += r.b.len(),
        }
        s.moved += usize::from(r.moved);
    }
    s
}

/// Orders series members by date (ISO dates sort as text; undated ones keep their place
/// after the dated ones), stably. Returns the permutation.
pub fn date_order(dates: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..dates.len()).collect();
    crate::util::shared_sort::sort_by(&mut order, |&x, &y| by_date(dates[x], dates[y]));
    order
}

/// The one date order of the product: ISO dates as text, undated (empty) last.
pub fn by_date(x: &str, y: &str) -> std::cmp::Ordering {
    match (x.is_empty(), y.is_empty()) {
        (false, false) => x.cmp(y),
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        (true, true) => std::cmp::Ordering::Equal,
    }
}

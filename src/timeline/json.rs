//! The versioned JSON of a timeline (`tifa timeline … --format json`, schema
//! `tifa.timeline/1`, and the engine library's `timeline()`). Its own types, mirroring
//! [`Timeline`] field for field, so that the timeline can change shape without changing the
//! published schema (`tests/frozen_outputs.rs` pins it).

use crate::findings::formulations::FormulationKind;
use crate::output::records::HistoryReport;
use crate::timeline::formulation_tracks::FormulationTrack;
use crate::timeline::lineage::{Lineage, LineageLink};
use crate::timeline::priority_tracks::{PriorityChain, PriorityTrack};
use crate::timeline::{DocInfo, Step, Timeline};
use serde::Serialize;

/// The whole JSON document.
#[derive(Serialize)]
pub struct TimelineReport {
    /// `tifa.timeline/1`.
    pub schema: &'static str,
    /// The documents, in series order.
    pub documents: Vec<DocReport>,
    /// One step per adjacent pair.
    pub steps: Vec<StepReport>,
    /// Formulations, one row each, in order of first appearance.
    pub slogans: Vec<TrackReport>,
    /// Priority lists chained across the series, longest chain first.
    pub priorities: Vec<ChainReport>,
    /// The sections of the latest document and where they come from.
    pub lineages: Vec<LineageReport>,
}

/// A document of the series.
#[derive(Serialize)]
pub struct DocReport {
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

/// From one document to the next, in sections.
#[derive(Serialize)]
pub struct StepReport {
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

/// One formulation across the series.
#[derive(Serialize)]
pub struct TrackReport {
    /// The latest form printed.
    pub text: String,
    /// Every form, in order of first appearance.
    pub forms: Vec<String>,
    /// How it was found.
    pub kind: FormulationKind,
    /// Lexicon category.
    pub category: Option<&'static str>,
    /// English gloss.
    pub gloss: Option<&'static str>,
    /// Times it stands in each document.
    pub counts: Vec<usize>,
    /// Its key in each document where it stands.
    pub keys: Vec<Option<String>>,
    /// First document where it stands.
    pub first: usize,
    /// Last document where it stands.
    pub last: usize,
    /// Total count over the series.
    pub total: usize,
    /// Steps where its count changed.
    pub changes: usize,
    /// Absent from the first document.
    pub appears: bool,
    /// Absent from the last document.
    pub vanishes: bool,
    /// A gap inside its span.
    pub intermittent: bool,
    /// Its record in seventy years of official texts.
    pub history: Option<HistoryReport>,
}

/// One list followed across the series.
#[derive(Serialize)]
pub struct ChainReport {
    /// How the list is numbered in each document where it stands.
    pub styles: Vec<Option<String>>,
    /// Its length in each document.
    pub lengths: Vec<Option<usize>>,
    /// First and last document where it stands.
    pub span: (usize, usize),
    /// Its priorities.
    pub tracks: Vec<PriorityTrackReport>,
}

/// One priority across the series.
#[derive(Serialize)]
pub struct PriorityTrackReport {
    /// The latest label.
    pub label: String,
    /// Its label in each document.
    pub labels: Vec<Option<String>>,
    /// Its 1-based rank in each document.
    pub ranks: Vec<Option<usize>>,
    /// Byte offset of its section in each document.
    pub at: Vec<Option<usize>>,
    /// New within its chain.
    pub new: bool,
    /// Dropped within its chain.
    pub dropped: bool,
}

/// One section of the latest document and its history.
#[derive(Serialize)]
pub struct LineageReport {
    /// Where it stands in the latest document.
    pub locator: String,
    /// Its opening words.
    pub label: String,
    /// Byte offset of the section (or its counterpart) in each document.
    pub at: Vec<Option<usize>>,
    /// For each document after the first, how the section came from the one before.
    pub links: Vec<Option<LinkReport>>,
    /// Document where it first appears.
    pub since: usize,
}

/// How a section came from the document before.
#[derive(Serialize)]
pub struct LinkReport {
    /// Similarity to its counterpart (1 = unchanged).
    pub similarity: f32,
    /// Found out of order.
    pub moved: bool,
}

/// The JSON document of timeline `t`.
pub fn report(t: &Timeline) -> TimelineReport {
    TimelineReport {
        schema: t.schema,
        documents: t.documents.iter().map(doc).collect(),
        steps: t.steps.iter().map(step).collect(),
        slogans: t.formulations.iter().map(track).collect(),
        priorities: t.priorities.iter().map(chain).collect(),
        lineages: t.lineages.iter().map(lineage).collect(),
    }
}

fn doc(d: &DocInfo) -> DocReport {
    DocReport {
        label: d.label.clone(),
        title: d.title.clone(),
        date: d.date.clone(),
        chars: d.chars,
        sections: d.sections,
    }
}

fn step(s: &Step) -> StepReport {
    StepReport { from: s.from, to: s.to, kept: s.kept, added: s.added, dropped: s.dropped, moved: s.moved }
}

fn track(f: &FormulationTrack) -> TrackReport {
    TrackReport {
        text: f.text.clone(),
        forms: f.forms.clone(),
        kind: f.kind,
        category: f.category,
        gloss: f.gloss,
        counts: f.counts.clone(),
        keys: f.keys.clone(),
        first: f.first,
        last: f.last,
        total: f.total,
        changes: f.changes,
        appears: f.appears,
        vanishes: f.vanishes,
        intermittent: f.intermittent,
        history: f.history.map(HistoryReport::from),
    }
}

fn chain(c: &PriorityChain) -> ChainReport {
    ChainReport {
        styles: c.styles.clone(),
        lengths: c.lengths.clone(),
        span: c.span,
        tracks: c.tracks.iter().map(priority_track).collect(),
    }
}

fn priority_track(p: &PriorityTrack) -> PriorityTrackReport {
    PriorityTrackReport {
        label: p.label.clone(),
        labels: p.labels.clone(),
        ranks: p.ranks.clone(),
        at: p.at.clone(),
        new: p.new,
        dropped: p.dropped,
    }
}

fn lineage(l: &Lineage) -> LineageReport {
    let link = |k: &LineageLink| LinkReport { similarity: k.similarity, moved: k.moved };
    LineageReport {
        locator: l.locator.clone(),
        label: l.label.clone(),
        at: l.at.clone(),
        links: l.links.iter().map(|k| k.as_ref().map(link)).collect(),
        since: l.since,
    }
}

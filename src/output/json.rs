//! The versioned JSON the CLI prints (`tifa compare A B --format json`).
//!
//! These types are a boundary: they mirror the engine's result but are their own structs,
//! so the engine can change shape without breaking readers of the JSON. Byte offsets are
//! UTF-8 offsets into each input file as read. The schema is documented in the README;
//! `schema` changes when a field changes meaning or disappears (new fields may appear).

use crate::compare::{Comparison, Relation};
use crate::diff::significance::Significance;
use crate::diff::OpKind;
use crate::findings::formulation_changes::FormulationStatus;
use crate::findings::formulations::FormulationKind;
use crate::findings::sentence_classes::{SentenceClass, SentenceMark};
use crate::output::records::{ChangeCountsReport, HistoryReport, PrioritiesReport};
use crate::text::segment::{MarkerStyle, SectionKind};
use serde::Serialize;

/// Identifies this format and its version.
pub const SCHEMA: &str = "tifa.comparison/1";

/// The whole JSON document.
#[derive(Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Document A and document B.
    pub documents: Documents,
    /// Aligned pairs (same, reworded, split, merged), in reading order.
    pub pairs: Vec<PairReport>,
    /// Leaf section ids of B with no counterpart in A.
    pub added: Vec<usize>,
    /// Leaf section ids of A with no counterpart in B.
    pub dropped: Vec<usize>,
    /// Every sentence of both documents: kept, reworded, added, dropped or moved.
    pub sentences: SentencesReport,
    /// Summary counts.
    pub stats: StatsReport,
    /// Formulations: added, dropped, reworded, count changed, kept.
    #[serde(rename = "slogans")]
    pub formulations: Vec<FormulationReport>,
    /// Enumerated priority lists of both documents and how their items match.
    pub priorities: PrioritiesReport,
    /// For each dropped section of A (`a`) and added section of B (`b`), the sections of
    /// the other document most like it: where to look for where it went.
    pub closest: ClosestReport,
}

/// The closest sections of the added and dropped ones.
#[derive(Serialize)]
pub struct ClosestReport {
    /// Dropped leaves of A, each with B's closest sections.
    pub a: Vec<NearestReport>,
    /// Added leaves of B, each with A's closest sections.
    pub b: Vec<NearestReport>,
}

/// One added or dropped section and the other side's sections most like it.
#[derive(Serialize)]
pub struct NearestReport {
    /// The added or dropped leaf section id.
    pub section: usize,
    /// Up to three sections of the other document, most alike first.
    pub closest: Vec<LikenessReport>,
}

/// A share from 0 to 1 to three decimals, as a double: the value a reader of the JSON text
/// sees, and the same number when the report goes to JavaScript as an object.
fn three_decimals(share: f32) -> f64 {
    (f64::from(share) * 1000.0).round() / 1000.0
}

/// The summary counts ([`crate::compare::Stats`]), as the schema names them.
#[derive(Serialize)]
pub struct StatsReport {
    /// Rows identical on both sides.
    pub same: usize,
    /// Rows reworded.
    pub reworded: usize,
    /// Rows found out of order.
    pub moved: usize,
    /// Split rows.
    pub split: usize,
    /// Merged rows.
    pub merged: usize,
    /// Sections only in B.
    pub added: usize,
    /// Sections only in A.
    pub dropped: usize,
    /// Share of the two texts' visible characters that is equal, 0 to 1, to three decimals.
    pub similarity: f64,
    /// Changes inside paired rows, by class.
    pub changes: ChangeCountsReport,
    /// Formulations only in B.
    #[serde(rename = "slogans_added")]
    pub formulations_added: usize,
    /// Formulations only in A.
    #[serde(rename = "slogans_dropped")]
    pub formulations_dropped: usize,
    /// Formulations of A replaced by a similar one of B.
    #[serde(rename = "slogans_reworded")]
    pub formulations_reworded: usize,
    /// Formulations in both, a different number of times.
    #[serde(rename = "slogans_count_changed")]
    pub formulations_count_changed: usize,
    /// Priorities whose rank changed.
    pub priorities_moved: usize,
    /// Rows shown coarsely (too large to diff word by word).
    pub coarse_rows: usize,
}

/// A section of the other document and its similarity.
#[derive(Serialize)]
pub struct LikenessReport {
    /// Leaf section id in the other document.
    pub section: usize,
    /// Weighted similarity, 0 to 1, to three decimals.
    pub similarity: f64,
}

/// One formulation of the formulations table.
#[derive(Serialize)]
pub struct FormulationReport {
    /// The formulation as shown.
    pub text: String,
    /// Identity across documents (`lex:<n>` for lexicon entries, `lex:<n>:quoted` for a change
    /// of one's quoted name, `text:<folded>` otherwise).
    pub key: String,
    /// lexicon, numbered, quoted, title, learned (the phrase table) or recurring.
    pub kind: FormulationKind,
    /// Lexicon category: numbered, ideology, stance, formulation, plan.
    pub category: Option<&'static str>,
    /// English gloss of a lexicon entry.
    pub gloss: Option<&'static str>,
    /// The lexicon's Chinese form when the text printed a translation.
    pub canonical: Option<&'static str>,
    /// added, dropped, reworded, count_changed, kept.
    pub status: FormulationStatus,
    /// For reworded: the formulation of A it replaced.
    pub reworded_from: Option<String>,
    /// Occurrences in A.
    pub count_a: usize,
    /// Occurrences in B.
    pub count_b: usize,
    /// `[start, end]` byte ranges in A.
    pub occurrences_a: Vec<[usize; 2]>,
    /// `[start, end]` byte ranges in B.
    pub occurrences_b: Vec<[usize; 2]>,
    /// Its record in the phrase table (first and last year, documents using it), if known.
    pub history: Option<HistoryReport>,
}

/// Both documents.
#[derive(Serialize)]
pub struct Documents {
    /// The first document.
    pub a: DocumentReport,
    /// The second document.
    pub b: DocumentReport,
}

/// One document's outline.
#[derive(Serialize)]
pub struct DocumentReport {
    /// A label for the document (file name or corpus title).
    pub title: String,
    /// Length in bytes.
    pub bytes: usize,
    /// Number of paragraphs (non-blank lines).
    pub paragraphs: usize,
    /// Every section, parents before children.
    pub sections: Vec<SectionReport>,
}

/// One section.
#[derive(Serialize)]
pub struct SectionReport {
    /// Id, referenced by pairs, added and dropped.
    pub id: usize,
    /// title, heading, paragraph, lead or item.
    pub kind: SectionKind,
    /// First byte owned (leaves tile the document).
    pub start: usize,
    /// One past the last byte owned.
    pub end: usize,
    /// First byte of visible text.
    pub body_start: usize,
    /// One past the last byte of visible text.
    pub body_end: usize,
    /// Parent section id for leads and items.
    pub parent: Option<usize>,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// True for leaves (the sections that are aligned).
    pub leaf: bool,
    /// Enumeration marker.
    pub marker: Option<MarkerReport>,
}

/// An enumeration marker.
#[derive(Serialize)]
pub struct MarkerReport {
    /// Numbering style.
    pub style: MarkerStyle,
    /// 1 for the first item.
    pub number: u32,
}

/// One aligned pair.
#[derive(Serialize)]
pub struct PairReport {
    /// Leaf section ids in A.
    pub a: Vec<usize>,
    /// Leaf section ids in B.
    pub b: Vec<usize>,
    /// same, reworded, split or merged.
    pub relation: Relation,
    /// True when found out of order.
    pub moved: bool,
    /// True when part of the pair was too large to diff word by word (shown as replaced).
    pub coarse: bool,
    /// 0 to 1, three decimals.
    pub similarity: f64,
    /// `sure`, or `weak` when the two sides share little (similarity under 0.15): the
    /// alignment's best reading, which a reader should check.
    pub confidence: &'static str,
    /// The weightiest class of the pair's changes: routine, modifier, substantive (null when
    /// unchanged).
    pub significance: Option<Significance>,
    /// Word diff; `a` and `b` are `[start, end]` byte ranges in each document.
    pub ops: Vec<OpReport>,
}

/// Every sentence of both documents with what happened to it.
#[derive(Serialize)]
pub struct SentencesReport {
    /// A's sentences, in text order: kept, reworded, dropped or moved.
    pub a: Vec<SentenceReport>,
    /// B's sentences, in text order: kept, reworded, added or moved.
    pub b: Vec<SentenceReport>,
}

/// One sentence.
#[derive(Serialize)]
pub struct SentenceReport {
    /// `[start, end]` byte range, trailing space included.
    pub range: [usize; 2],
    /// kept, reworded, added, dropped or moved.
    pub class: SentenceClass,
    /// The counterpart in the other document (kept, reworded and moved sentences).
    pub partner: Option<[usize; 2]>,
}

fn sentence_reports<'m>(marks: impl Iterator<Item = &'m SentenceMark>) -> Vec<SentenceReport> {
    let mut out: Vec<SentenceReport> = marks
        .map(|m| SentenceReport {
            range: [m.span.start, m.span.end],
            class: m.class,
            partner: m.partner.map(|p| [p.start, p.end]),
        })
        .collect();
    crate::util::shared_sort::sort_by_key(&mut out, |s| s.range);
    out
}

/// One diff op.
#[derive(Serialize)]
pub struct OpReport {
    /// equal, delete or insert.
    pub op: OpKind,
    /// Byte range in A (empty for insert).
    pub a: [usize; 2],
    /// Byte range in B (empty for delete).
    pub b: [usize; 2],
    /// routine, modifier or substantive (absent for equal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<Significance>,
}

fn document(title: &str, text: &str, outline: &crate::text::segment::Outline) -> DocumentReport {
    DocumentReport {
        title: title.to_string(),
        bytes: text.len(),
        paragraphs: outline.paragraph_count(),
        sections: outline
            .sections
            .iter()
            .map(|s| SectionReport {
                id: s.id,
                kind: s.kind,
                start: s.span.start,
                end: s.span.end,
                body_start: s.body.start,
                body_end: s.body.end,
                parent: s.parent,
                paragraph: s.paragraph,
                leaf: s.leaf,
                marker: s.marker.map(|m| MarkerReport { style: m.style, number: m.number }),
            })
            .collect(),
    }
}

/// Builds the report for a comparison of `(title_a, text_a)` with `(title_b, text_b)`.
pub fn report(c: &Comparison, (title_a, text_a): (&str, &str), (title_b, text_b): (&str, &str)) -> Report {
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    let mut dropped = Vec::new();
    for row in &c.rows {
        match row.relation {
            Relation::Added => added.extend(&row.b),
            Relation::Dropped => dropped.extend(&row.a),
            _ => pairs.push(PairReport {
                a: row.a.clone(),
                b: row.b.clone(),
                relation: row.relation,
                moved: row.moved,
                coarse: row.coarse,
                significance: row.significance,
                similarity: three_decimals(row.similarity),
                confidence: if row.is_weak_match() { "weak" } else { "sure" },
                ops: row
                    .ops
                    .iter()
                    .map(|o| OpReport { op: o.kind, a: [o.a.start, o.a.end], b: [o.b.start, o.b.end], class: o.class })
                    .collect(),
            }),
        }
    }
    added.sort_unstable();
    dropped.sort_unstable();
    let t = &c.stats;
    let stats = StatsReport {
        same: t.same,
        reworded: t.reworded,
        moved: t.moved,
        split: t.split,
        merged: t.merged,
        added: t.added,
        dropped: t.dropped,
        similarity: three_decimals(t.similarity),
        changes: (&t.changes).into(),
        formulations_added: t.formulations_added,
        formulations_dropped: t.formulations_dropped,
        formulations_reworded: t.formulations_reworded,
        formulations_count_changed: t.formulations_count_changed,
        priorities_moved: t.priorities_moved,
        coarse_rows: t.coarse_rows,
    };
    Report {
        schema: SCHEMA,
        documents: Documents { a: document(title_a, text_a, &c.outline_a), b: document(title_b, text_b, &c.outline_b) },
        pairs,
        added,
        dropped,
        sentences: SentencesReport {
            a: sentence_reports(c.rows.iter().flat_map(|r| &r.sentences_a)),
            b: sentence_reports(c.rows.iter().flat_map(|r| &r.sentences_b)),
        },
        stats,
        formulations: c
            .formulations
            .iter()
            .map(|s| FormulationReport {
                text: s.text.clone(),
                key: s.key.clone(),
                kind: s.kind,
                category: s.category,
                gloss: s.gloss,
                canonical: s.canonical,
                status: s.status,
                reworded_from: s.reworded_from.clone(),
                count_a: s.count_a(),
                count_b: s.count_b(),
                occurrences_a: s.occurrences_a.iter().map(|o| [o.start, o.end]).collect(),
                occurrences_b: s.occurrences_b.iter().map(|o| [o.start, o.end]).collect(),
                history: s.history.map(HistoryReport::from),
            })
            .collect(),
        priorities: (&c.priorities).into(),
        closest: ClosestReport { a: nearest_reports(&c.nearest_a), b: nearest_reports(&c.nearest_b) },
    }
}

fn nearest_reports(nearest: &[crate::compare::Nearest]) -> Vec<NearestReport> {
    nearest
        .iter()
        .map(|n| NearestReport {
            section: n.leaf,
            closest: n
                .others
                .iter()
                .map(|o| LikenessReport { section: o.section, similarity: three_decimals(o.similarity) })
                .collect(),
        })
        .collect()
}

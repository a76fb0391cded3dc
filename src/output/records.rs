//! Output types for the parts of a comparison the JSON shares with the timeline's JSON:
//! each formulation's record, the priority lists and their matches, the change counts.
//! They mirror engine types field for field, so that the engine can change shape without
//! changing the published schemas (`tests/frozen_outputs.rs` pins those).

use crate::compare::ChangeCounts;
use crate::findings::phrase_table::{History, Record};
use crate::findings::priorities::{ListMatch, Priority, PriorityComparison, PriorityList, PriorityMatch};
use serde::Serialize;

/// A phrase's record: when it was first and last used, by how many documents of which kind.
#[derive(Serialize)]
pub struct HistoryReport {
    /// The year of the first document that uses it.
    pub first_year: u32,
    /// The year of the last document that uses it.
    pub last_year: u32,
    /// How many documents use it.
    pub documents: u32,
    /// How many documents the record holds (of the kind in `record`).
    pub of_documents: u32,
    /// work_reports, congress_reports, reports (both) or speeches.
    pub record: &'static str,
    /// The form the record counts, when it is not the formulation's own (an English
    /// rendering's record is its Chinese form's); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<&'static str>,
}

impl From<History> for HistoryReport {
    fn from(h: History) -> Self {
        HistoryReport {
            first_year: h.first_year,
            last_year: h.last_year,
            documents: h.documents,
            of_documents: h.of_documents,
            record: match h.record {
                Record::WorkReports => "work_reports",
                Record::CongressReports => "congress_reports",
                Record::Reports => "reports",
                Record::Speeches => "speeches",
            },
            form: h.form,
        }
    }
}

/// Changes of each class.
#[derive(Serialize)]
pub struct ChangeCountsReport {
    /// Routine changes.
    pub routine: usize,
    /// Modifier changes.
    pub modifier: usize,
    /// Substantive changes.
    pub substantive: usize,
}

impl From<&ChangeCounts> for ChangeCountsReport {
    fn from(c: &ChangeCounts) -> Self {
        ChangeCountsReport { routine: c.routine, modifier: c.modifier, substantive: c.substantive }
    }
}

/// Both documents' priority lists and how they match.
#[derive(Serialize)]
pub struct PrioritiesReport {
    /// Lists of A.
    pub lists_a: Vec<PriorityListReport>,
    /// Lists of B.
    pub lists_b: Vec<PriorityListReport>,
    /// Matched lists (and unmatched ones on their own).
    pub matches: Vec<ListMatchReport>,
}

/// One list of priorities.
#[derive(Serialize)]
pub struct PriorityListReport {
    /// How the list is numbered: a marker style, `lead_in` or `dash`.
    pub style: String,
    /// Its items in order.
    pub items: Vec<PriorityReport>,
}

/// One priority.
#[derive(Serialize)]
pub struct PriorityReport {
    /// 1-based rank in its list.
    pub rank: usize,
    /// A short label.
    pub label: String,
    /// The section that holds it.
    pub section: usize,
    /// Its leaf sections.
    pub leaves: Vec<usize>,
}

/// A list of A and its counterpart in B.
#[derive(Serialize)]
pub struct ListMatchReport {
    /// Index into A's lists.
    pub list_a: Option<usize>,
    /// Index into B's lists.
    pub list_b: Option<usize>,
    /// Item matches, in B's order then dropped items.
    pub items: Vec<ItemMatchReport>,
}

/// A priority of A matched to one of B (or standing on one side only).
#[derive(Serialize)]
pub struct ItemMatchReport {
    /// Rank in A's list (null: new in B).
    pub rank_a: Option<usize>,
    /// Rank in B's list (null: dropped).
    pub rank_b: Option<usize>,
    /// Label in A.
    pub label_a: Option<String>,
    /// Label in B.
    pub label_b: Option<String>,
    /// Section id in A.
    pub section_a: Option<usize>,
    /// Section id in B.
    pub section_b: Option<usize>,
    /// Positive when the priority rose (rank_a − rank_b).
    pub rank_change: Option<i64>,
}

impl From<&PriorityComparison> for PrioritiesReport {
    fn from(p: &PriorityComparison) -> Self {
        let lists = |ls: &[PriorityList]| ls.iter().map(PriorityListReport::from).collect();
        PrioritiesReport {
            lists_a: lists(&p.lists_a),
            lists_b: lists(&p.lists_b),
            matches: p.matches.iter().map(ListMatchReport::from).collect(),
        }
    }
}

impl From<&PriorityList> for PriorityListReport {
    fn from(l: &PriorityList) -> Self {
        PriorityListReport { style: l.style.clone(), items: l.items.iter().map(PriorityReport::from).collect() }
    }
}

impl From<&Priority> for PriorityReport {
    fn from(p: &Priority) -> Self {
        PriorityReport { rank: p.rank, label: p.label.clone(), section: p.section, leaves: p.leaves.clone() }
    }
}

impl From<&ListMatch> for ListMatchReport {
    fn from(m: &ListMatch) -> Self {
        ListMatchReport {
            list_a: m.list_a,
            list_b: m.list_b,
            items: m.items.iter().map(ItemMatchReport::from).collect(),
        }
    }
}

impl From<&PriorityMatch> for ItemMatchReport {
    fn from(m: &PriorityMatch) -> Self {
        ItemMatchReport {
            rank_a: m.rank_a,
            rank_b: m.rank_b,
            label_a: m.label_a.clone(),
            label_b: m.label_b.clone(),
            section_a: m.section_a,
            section_b: m.section_b,
            rank_change: m.rank_change,
        }
    }
}

//! What the reader controls about a comparison's view, in one struct.
//!
//! Only `granularity` changes the comparison, and the engine takes only that
//! ([`crate::compare::compare_with`]); the other fields change what the view marks and
//! which rows it shows, so toggling them never recomputes anything. The page, its worker's
//! messages and share links carry this one struct.

use crate::diff::significance::{is_punctuation_only, Significance};
use crate::diff::{Op, OpKind};
use serde::{Deserialize, Serialize};

pub use crate::diff::Granularity;

/// Which sections the view shows in full (the summary strip's counts set it); the others
/// fold into one line per run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowFilter {
    /// Every section.
    #[default]
    All,
    /// Reworded sections.
    Reworded,
    /// Sections found out of order.
    Moved,
    /// Split and merged sections.
    SplitOrMerged,
    /// Sections only in B.
    Added,
    /// Sections only in A.
    Dropped,
    /// Unchanged sections.
    Unchanged,
}

impl RowFilter {
    /// Every filter but `All`, in the summary strip's order.
    pub const ALL: [RowFilter; 6] = [
        RowFilter::Reworded,
        RowFilter::Moved,
        RowFilter::SplitOrMerged,
        RowFilter::Added,
        RowFilter::Dropped,
        RowFilter::Unchanged,
    ];

    /// Whether a row passes the filter.
    pub fn passes(self, row: &crate::model::row::Row) -> bool {
        use crate::model::row::Relation;
        match self {
            RowFilter::All => true,
            RowFilter::Reworded => row.relation == Relation::Reworded,
            RowFilter::Moved => row.moved,
            RowFilter::SplitOrMerged => matches!(row.relation, Relation::Split | Relation::Merged),
            RowFilter::Added => row.relation == Relation::Added,
            RowFilter::Dropped => row.relation == Relation::Dropped,
            RowFilter::Unchanged => row.relation == Relation::Same && !row.moved,
        }
    }

    /// Short name in links.
    pub fn code(self) -> &'static str {
        match self {
            RowFilter::All => "",
            RowFilter::Reworded => "reworded",
            RowFilter::Moved => "moved",
            RowFilter::SplitOrMerged => "split",
            RowFilter::Added => "added",
            RowFilter::Dropped => "dropped",
            RowFilter::Unchanged => "same",
        }
    }

    /// Reads a link's name (unknown names show every section).
    pub fn from_code(code: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.code() == code).unwrap_or_default()
    }
}

/// The comparison options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Unit of the word diff.
    pub granularity: Granularity,
    /// Mark routine changes (numbers, dates, ordinals); when false they show as plain text.
    pub show_routine: bool,
    /// Mark modifier changes (intensifiers, hedges).
    pub show_modifier: bool,
    /// Mark substantive changes.
    pub show_substantive: bool,
    /// Treat changes of punctuation only as unchanged.
    pub ignore_punctuation: bool,
    /// Treat changes of whitespace only as unchanged.
    pub ignore_whitespace: bool,
    /// Fold runs of unchanged sections into one line each.
    pub changes_only: bool,
    /// Show only sections of one kind in full.
    pub only: RowFilter,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            granularity: Granularity::Word,
            show_routine: true,
            show_modifier: true,
            show_substantive: true,
            ignore_punctuation: false,
            ignore_whitespace: true,
            changes_only: false,
            only: RowFilter::All,
        }
    }
}

impl Options {
    /// Whether the view marks this op as a change (equal ops are never marked).
    pub fn marks(&self, op: &Op, text_a: &str, text_b: &str) -> bool {
        if op.kind == OpKind::Equal {
            return false;
        }
        let (deleted, inserted) = (op.a.of(text_a), op.b.of(text_b));
        if self.ignore_whitespace && deleted.trim().is_empty() && inserted.trim().is_empty() {
            return false;
        }
        if self.ignore_punctuation && is_punctuation_only(deleted, inserted) {
            return false;
        }
        match op.class {
            Some(Significance::Routine) => self.show_routine,
            Some(Significance::Modifier) => self.show_modifier,
            Some(Significance::Substantive) | None => self.show_substantive,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::span::Span;

    fn op(kind: OpKind, a: (usize, usize), b: (usize, usize), class: Significance) -> Op {
        Op { kind, a: Span::new(a.0, a.1), b: Span::new(b.0, b.1), class: Some(class) }
    }

    #[test]
    fn routine_changes_can_be_hidden() {
        let o = Options { show_routine: false, ..Options::default() };
        let del = op(OpKind::Delete, (0, 5), (0, 0), Significance::Routine);
        assert!(!o.marks(&del, "Ninth", ""));
        assert!(Options::default().marks(&del, "Ninth", ""));
    }

    #[test]
    fn punctuation_only_changes_can_be_ignored() {
        let o = Options { ignore_punctuation: true, ..Options::default() };
        let ins = op(OpKind::Insert, (0, 0), (0, 3), Significance::Routine);
        assert!(!o.marks(&ins, "", "，"));
    }

    #[test]
    fn equal_is_never_marked() {
        let eq = Op { kind: OpKind::Equal, a: Span::new(0, 1), b: Span::new(0, 1), class: None };
        assert!(!Options::default().marks(&eq, "a", "a"));
    }

    #[test]
    fn missing_fields_take_defaults_when_decoding() {
        let o: Options = serde_json::from_str(r#"{"granularity":"character"}"#).unwrap();
        assert_eq!(o, Options { granularity: Granularity::Character, ..Options::default() });
    }
}

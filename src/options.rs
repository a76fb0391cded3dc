//! What the user controls about a comparison, in one struct.
//!
//! `granularity` changes how the engine diffs; the other fields only change what the view
//! marks, so toggling them never recomputes the comparison. The CLI, the page and (later)
//! share links carry this one struct.

use crate::diff::{Op, OpKind};
use crate::significance::{is_punctuation_only, Significance};
use serde::{Deserialize, Serialize};

/// The unit of the word diff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Words for English, characters (cleaned up into phrases) for Chinese.
    #[default]
    Word,
    /// Single characters everywhere.
    Character,
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
    use crate::span::Span;

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

//! The row model: what the comparison is made of. One row pairs sections of A with
//! sections of B (or stands alone when added or dropped), with how they relate, their word
//! diff and what happened to each of their sentences.
//!
//! It sits below every stage that reads or fills rows (sentence classes, formulations,
//! priorities, the view's filters), so none of them imports the pipeline
//! ([`crate::compare`](mod@crate::compare)) that builds the rows.

use crate::diff::significance::Significance;
use crate::diff::{Op, OpKind};
use crate::util::span::Span;
use serde::Serialize;

/// How a row's sections relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Same text (after folding width and quotes).
    Same,
    /// Same role, different wording.
    Reworded,
    /// One section of A became several in B.
    Split,
    /// Several sections of A became one in B.
    Merged,
    /// Only in B.
    Added,
    /// Only in A.
    Dropped,
}

/// One aligned row of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Leaf section ids in A (empty when added).
    pub a: Vec<usize>,
    /// Leaf section ids in B (empty when dropped).
    pub b: Vec<usize>,
    /// How they relate.
    pub relation: Relation,
    /// True when the pair was found out of order.
    pub moved: bool,
    /// Similarity of the two sides, 0 to 1.
    pub similarity: f32,
    /// The diff, covering the rows' text on both sides.
    pub ops: Vec<Op>,
    /// The weightiest class among the row's changes (None when unchanged).
    pub significance: Option<Significance>,
    /// True when part of the row was too large to diff word by word and is shown as
    /// replaced whole.
    pub coarse: bool,
    /// The sentences of A's side: kept, reworded, dropped or moved (see
    /// [`crate::findings::sentence_classes`]).
    pub sentences_a: Vec<SentenceMark>,
    /// The sentences of B's side: kept, reworded, added or moved.
    pub sentences_b: Vec<SentenceMark>,
}

/// Below this share of equal text, a paired row reads better as two versions side by side
/// than as a word diff (which would be a wall of marks with scattered equal fragments).
pub const REWRITTEN_BELOW: f32 = 0.25;

/// Below this similarity a pair is a weak match: the alignment's best reading, but one a
/// reader should check (the view marks it, the JSON says `"confidence": "weak"`). Gold
/// pairs of restructured speeches often score 0.05–0.15; so do some chance pairs.
pub const WEAK_MATCH_BELOW: f32 = 0.15;

impl Row {
    /// True for a paired row whose two sides share little ([`WEAK_MATCH_BELOW`]).
    pub fn is_weak_match(&self) -> bool {
        !self.a.is_empty() && !self.b.is_empty() && self.similarity < WEAK_MATCH_BELOW
    }

    /// True unless the row is identical on both sides and in place.
    pub fn is_change(&self) -> bool {
        self.relation != Relation::Same || self.moved
    }

    /// True for a paired row whose sides share less than [`REWRITTEN_BELOW`] of their
    /// visible text: the view shows both versions unmarked and calls it rewritten.
    pub fn is_rewritten(&self, text_a: &str, text_b: &str) -> bool {
        self.kept_share(text_a, text_b).is_some_and(|kept| kept < REWRITTEN_BELOW)
    }

    /// For a paired row, the share of the larger side's visible text that its word diff
    /// keeps (what "largely rewritten" is decided on, and what the label then reports).
    pub fn kept_share(&self, text_a: &str, text_b: &str) -> Option<f32> {
        if matches!(self.relation, Relation::Same | Relation::Added | Relation::Dropped) {
            return None;
        }
        let (equal, larger) = self.equal_and_larger_size(text_a, text_b);
        (larger > 0).then(|| equal as f32 / larger as f32)
    }

    /// The share of the larger side's visible text that `marks` cover (the phrases both
    /// sides print in any order, spans of A's text and of B's): what a largely rewritten
    /// row keeps, which its word diff, bound to one order, can count as nothing.
    pub fn marked_share(&self, (text_a, text_b): (&str, &str), (marks_a, marks_b): (&[Span], &[Span])) -> f32 {
        let covered = |text: &str, marks: &[Span]| marks.iter().map(|m| visible_chars(m.of(text))).sum::<usize>();
        let (_, larger) = self.equal_and_larger_size(text_a, text_b);
        let marked = covered(text_a, marks_a).max(covered(text_b, marks_b));
        if larger == 0 {
            0.0
        } else {
            marked as f32 / larger as f32
        }
    }

    /// The visible characters the word diff keeps, and the size of the larger side.
    fn equal_and_larger_size(&self, text_a: &str, text_b: &str) -> (usize, usize) {
        let count = visible_chars;
        let (mut equal, mut size_a, mut size_b) = (0, 0, 0);
        for op in &self.ops {
            match op.kind {
                OpKind::Equal => {
                    let n = count(op.a.of(text_a));
                    equal += n;
                    size_a += n;
                    size_b += count(op.b.of(text_b));
                }
                OpKind::Delete => size_a += count(op.a.of(text_a)),
                OpKind::Insert => size_b += count(op.b.of(text_b)),
            }
        }
        (equal, size_a.max(size_b))
    }
}

/// What happened to a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceClass {
    /// The same on both sides, in place.
    Kept,
    /// Reworded, in place.
    Reworded,
    /// Only in B.
    Added,
    /// Only in A.
    Dropped,
    /// Found elsewhere on the other side (same or reworded).
    Moved,
}

/// One sentence of a row's side, with its class and, when paired, the other side's sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SentenceMark {
    /// The sentence, trailing space included.
    pub span: Span,
    /// What happened to it.
    pub class: SentenceClass,
    /// Its counterpart on the other side, if any.
    pub partner: Option<Span>,
}

/// Fewest Han characters, and fewest words of other scripts, of a run of text two sides of
/// a largely rewritten row share that the view marks as shared: a phrase, not a particle.
pub const SHARED_HAN_MIN: usize = 6;
/// See [`SHARED_HAN_MIN`].
pub const SHARED_WORDS_MIN: usize = 4;

/// Whether an equal run of text is long enough to mark as shared in a largely rewritten row
/// (a phrase or a sentence both versions keep, where the word diff is not shown).
pub fn is_shared_run(text: &str) -> bool {
    let han = text.chars().filter(|&c| crate::text::normalize::is_han(c)).count();
    let words = text
        .split(|c: char| !c.is_alphanumeric() || crate::text::normalize::is_han(c))
        .filter(|w| !w.is_empty())
        .count();
    han >= SHARED_HAN_MIN || (han == 0 && words >= SHARED_WORDS_MIN)
}

/// Characters a reader sees (white space left out).
pub(crate) fn visible_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_run_is_a_phrase_not_a_particle() {
        assert!(is_shared_run("全面建设社会主义现代化国家"));
        assert!(!is_shared_run("，推进"));
        assert!(is_shared_run(" a community with a shared future "));
        assert!(!is_shared_run(" of the "));
    }
}

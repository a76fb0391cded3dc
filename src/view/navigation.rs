//! Which rows count as changes under the current options, stepping between them, and
//! folding runs of unchanged rows: pure functions the view and the keyboard share.

use crate::compare::{Comparison, Relation, Row};
use crate::view::options::{Options, RowFilter};

/// True when a row shows a change the options leave visible: moved, split or merged rows
/// always do; added and dropped rows unless they are routine and routine changes are
/// hidden (a salutation, see `compare`); reworded rows when at least one of their changes
/// is marked.
pub fn is_visible_change(row: &Row, options: &Options, texts: (&str, &str)) -> bool {
    match row.relation {
        Relation::Split | Relation::Merged => true,
        Relation::Added | Relation::Dropped => {
            options.show_routine || row.significance != Some(crate::diff::significance::Significance::Routine)
        }
        Relation::Same => row.moved,
        Relation::Reworded => row.moved || row.ops.iter().any(|op| options.marks(op, texts.0, texts.1)),
    }
}

/// The rows that are visible changes, in order (within the row filter, when one is set).
pub fn change_rows(c: &Comparison, options: &Options, texts: (&str, &str)) -> Vec<usize> {
    (0..c.rows.len())
        .filter(|&k| options.only.passes(&c.rows[k]) && is_visible_change(&c.rows[k], options, texts))
        .collect()
}

/// The next (or previous) change after (before) row `from`, wrapping around; the first (or
/// last) change when there is no current row.
pub fn step(changes: &[usize], from: Option<usize>, forward: bool) -> Option<usize> {
    let (&first, &last) = (changes.first()?, changes.last()?);
    Some(match (from, forward) {
        (None, true) => first,
        (None, false) => last,
        (Some(k), true) => changes.iter().copied().find(|&c| c > k).unwrap_or(first),
        (Some(k), false) => changes.iter().rev().copied().find(|&c| c < k).unwrap_or(last),
    })
}

/// One block of the changes-only view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// A row shown in full.
    Row(usize),
    /// `len` unchanged rows from `start`, folded into one line.
    Fold {
        /// First folded row.
        start: usize,
        /// How many rows.
        len: usize,
    },
}

/// The blocks of the view: every row; or with a row filter, rows that pass it, the others
/// folded (every run, however short); or with `changes_only`, runs of two or more rows
/// that are not changes folded into one block.
pub fn blocks(c: &Comparison, options: &Options, texts: (&str, &str)) -> Vec<Block> {
    let filtered = options.only != RowFilter::All;
    if !options.changes_only && !filtered {
        return (0..c.rows.len()).map(Block::Row).collect();
    }
    let shown = |r: &Row| options.only.passes(r) && (!options.changes_only || is_visible_change(r, options, texts));
    let min_fold = if filtered { 1 } else { 2 };
    let mut out = Vec::new();
    let mut k = 0;
    while k < c.rows.len() {
        let run = c.rows[k..].iter().take_while(|r| !shown(r)).count();
        if run >= min_fold {
            out.push(Block::Fold { start: k, len: run });
            k += run;
        } else {
            out.push(Block::Row(k));
            k += 1;
        }
    }
    out
}

/// Most ticks on the overview ruler: changes closer than one slot share a tick.
pub const RULER_SLOTS: usize = 300;

/// The overview ruler's ticks for the change rows `changes` (ascending) of a comparison of
/// `total` rows: `(first row, changes it stands for)`, one tick per slot of the ruler's
/// height, so that thousands of changes are not thousands of overlapping buttons.
pub fn ruler_ticks(changes: &[usize], total: usize) -> Vec<(usize, usize)> {
    let total = total.max(1);
    let slot = |k: usize| k * RULER_SLOTS / total;
    let mut ticks: Vec<(usize, usize)> = Vec::new();
    for &k in changes {
        match ticks.last_mut() {
            Some((first, n)) if slot(*first) == slot(k) => *n += 1,
            _ => ticks.push((k, 1)),
        }
    }
    ticks
}

/// Where row `k` of `total` stands on the ruler, as a CSS `top` in percent to two decimals.
/// Hundredths in integers: formatting a float would pull the float printer (about 5 KB
/// gzipped) into the page for this one line.
pub fn ruler_top(k: usize, total: usize) -> String {
    let hundredths = k * 10_000 / total.max(1);
    format!("top: {}.{:02}%", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;

    const A: &str = "Title\nOne stays.\nTwo stays.\nThree stays.\nWe must act now.\nFive stays.\n";
    const B: &str = "Title\nOne stays.\nTwo stays.\nThree stays.\nWe should act now.\nFive stays.\n";

    #[test]
    fn stepping_wraps_around() {
        assert_eq!(step(&[2, 5, 9], None, true), Some(2));
        assert_eq!(step(&[2, 5, 9], Some(5), true), Some(9));
        assert_eq!(step(&[2, 5, 9], Some(9), true), Some(2));
        assert_eq!(step(&[2, 5, 9], Some(2), false), Some(9));
        assert_eq!(step(&[], None, true), None);
    }

    #[test]
    fn changes_only_folds_unchanged_runs() {
        let c = compare(A, B, crate::diff::Granularity::default());
        let o = Options { changes_only: true, ..Options::default() };
        assert_eq!(blocks(&c, &o, (A, B)), [Block::Fold { start: 0, len: 4 }, Block::Row(4), Block::Row(5)]);
        assert_eq!(change_rows(&c, &o, (A, B)), [4]);
    }

    #[test]
    fn hidden_classes_are_not_changes() {
        let (a, b) = ("T\nThe ninth session.\n", "T\nThe tenth session.\n");
        let c = compare(a, b, crate::diff::Granularity::default());
        assert_eq!(change_rows(&c, &Options::default(), (a, b)), [1]);
        let quiet = Options { show_routine: false, ..Options::default() };
        assert!(change_rows(&c, &quiet, (a, b)).is_empty());
    }

    #[test]
    fn a_salutation_added_out_of_place_is_a_routine_change() {
        let (a, b) =
            ("T\nColleagues,\nWe act.\nColleagues,\nWe rest.\n", "T\nWe act.\nColleagues,\nWe rest.\nColleagues,\n");
        let c = compare(a, b, crate::diff::Granularity::default());
        assert!(c.rows.iter().any(|r| r.relation == Relation::Added));
        let quiet = Options { show_routine: false, ..Options::default() };
        assert!(change_rows(&c, &quiet, (a, b)).iter().all(|&k| c.rows[k].relation != Relation::Added));
        assert!(!change_rows(&c, &Options::default(), (a, b)).is_empty());
    }

    #[test]
    fn a_row_filter_shows_only_its_rows_and_folds_the_rest() {
        let (a, b) = (
            "T\nOne stays.\nWe must act now.\n",
            "T\nOne stays.\nWe should act now.\nFisheries quotas were discussed at length.\n",
        );
        let c = compare(a, b, crate::diff::Granularity::default());
        let added = c.rows.iter().position(|r| r.relation == Relation::Added).expect("an added row");
        let o = Options { only: RowFilter::Added, ..Options::default() };
        let blocks = blocks(&c, &o, (a, b));
        assert!(blocks.contains(&Block::Row(added)));
        assert_eq!(blocks.iter().filter(|b| matches!(b, Block::Row(_))).count(), 1);
        assert_eq!(change_rows(&c, &o, (a, b)), [added]);
    }

    #[test]
    fn the_ruler_has_one_tick_per_slot_and_places_it_in_percent() {
        assert_eq!(ruler_ticks(&[0, 5, 9], 10), [(0, 1), (5, 1), (9, 1)], "a short comparison: a tick per change");
        let many: Vec<usize> = (0..3_000).collect();
        let ticks = ruler_ticks(&many, 3_000);
        assert_eq!(ticks.len(), RULER_SLOTS);
        assert_eq!(ticks[0], (0, 10));
        assert_eq!(ruler_top(1, 3), "top: 33.33%");
        assert_eq!(ruler_top(0, 0), "top: 0.00%");
    }
}

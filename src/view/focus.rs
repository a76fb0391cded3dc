//! What the focus means on the page: the spans to highlight and the row to scroll to, the
//! stable reference of a row, the next changed formulation, and what a screen reader hears.
//!
//! Pure functions of a [`Comparison`], so the page's navigation is tested natively; the UI
//! only dispatches and draws what they return.

use crate::compare::Comparison;
use crate::findings::formulation_changes::FormulationStatus;
use crate::model::side::Side;
use crate::util::span::Span;
use crate::view::navigation;
use crate::view::options::Options;
use crate::view::workspace::Focus;
use std::rc::Rc;

/// What the focus means for the view: spans to highlight and the row to scroll to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FocusTargets {
    /// Places of the focused formulation in A.
    pub highlights_a: Rc<Vec<Span>>,
    /// Its places in B.
    pub highlights_b: Rc<Vec<Span>>,
    /// The row to scroll to and mark.
    pub row: Option<usize>,
}

/// The targets of `focus` in `c`: a formulation's places and the row of its `step`-th
/// (cycling), or the row showing a byte of one document.
pub fn focus_targets(c: &Comparison, focus: Option<&Focus>) -> FocusTargets {
    match focus {
        Some(Focus::Formulation { key, step }) => {
            let Some(s) = c.formulations.iter().find(|s| s.key == *key) else { return FocusTargets::default() };
            let rows = c.rows_showing(&s.occurrences_a, &s.occurrences_b);
            FocusTargets {
                highlights_a: Rc::new(s.occurrences_a.clone()),
                highlights_b: Rc::new(s.occurrences_b.clone()),
                row: (!rows.is_empty()).then(|| rows[step % rows.len()]),
            }
        }
        Some(Focus::Section { side, at }) => {
            let row = if *side == Side::A { c.row_of_a(*at) } else { c.row_of_b(*at) };
            FocusTargets { row, ..FocusTargets::default() }
        }
        None => FocusTargets::default(),
    }
}

/// The stable reference of a row: a byte of B it shows (or of A for a dropped row).
pub fn section_of_row(c: &Comparison, row: usize) -> Option<(Side, usize)> {
    let r = c.rows.get(row)?;
    match (r.b.first(), r.a.first()) {
        (Some(&id), _) => Some((Side::B, c.outline_b.get(id).body.start)),
        (None, Some(&id)) => Some((Side::A, c.outline_a.get(id).body.start)),
        _ => None,
    }
}

/// The next (`forward`) or previous visible change from `row`, as a focus.
pub fn step_change(
    c: &Comparison,
    options: &Options,
    texts: (&str, &str),
    row: Option<usize>,
    forward: bool,
) -> Option<Focus> {
    let changes = navigation::change_rows(c, options, texts);
    let (side, at) = navigation::step(&changes, row, forward).and_then(|k| section_of_row(c, k))?;
    Some(Focus::Section { side, at })
}

/// The key of the changed formulation after the focused one (the first when none is
/// focused; cycling), or None when no formulation changed.
pub fn next_changed_formulation(c: &Comparison, focus: Option<&Focus>) -> Option<String> {
    let changed: Vec<&str> =
        c.formulations.iter().filter(|s| s.status != FormulationStatus::Kept).map(|s| s.key.as_str()).collect();
    let current = match focus {
        Some(Focus::Formulation { key, .. }) => changed.iter().position(|k| k == key),
        _ => None,
    };
    let next = current.map_or(0, |i| (i + 1) % changed.len().max(1));
    changed.get(next).map(|k| k.to_string())
}

/// What screen readers hear when the focused change moves: "Change 2 of 9: reworded at ¶4".
pub fn announce(c: &Comparison, options: &Options, texts: (&str, &str), row: Option<usize>) -> String {
    let Some((k, r)) = row.and_then(|k| Some((k, c.rows.get(k)?))) else { return String::new() };
    let changes = navigation::change_rows(c, options, texts);
    let (outline, ids) = if r.b.is_empty() { (&c.outline_a, &r.a) } else { (&c.outline_b, &r.b) };
    let place = crate::output::report::locator(outline, ids);
    let label = crate::output::labels::relation_label(r, c);
    match changes.iter().position(|&x| x == k) {
        Some(i) => format!("Change {} of {}: {label} at {place}", i + 1, changes.len()),
        None => format!("{label} at {place}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Title\nWe must act now.\nA paragraph that stays the same.\nThe old ending goes.\n";
    const B: &str = "Title\nWe should act now.\nA paragraph that stays the same.\nA new ending comes.\n";

    fn comparison() -> Comparison {
        crate::compare(A, B, crate::diff::Granularity::default())
    }

    #[test]
    fn stepping_visits_each_change_and_a_row_is_found_again_from_its_reference() {
        let c = comparison();
        let first = step_change(&c, &Options::default(), (A, B), None, true).expect("a first change");
        let row = focus_targets(&c, Some(&first)).row.expect("its row");
        assert!(c.rows[row].is_change());
        let (side, at) = section_of_row(&c, row).unwrap();
        assert_eq!(first, Focus::Section { side, at });
        let second = step_change(&c, &Options::default(), (A, B), Some(row), true).expect("a second change");
        assert_ne!(focus_targets(&c, Some(&second)).row, Some(row));
        let back = step_change(&c, &Options::default(), (A, B), focus_targets(&c, Some(&second)).row, false);
        assert_eq!(back, Some(first));
    }

    #[test]
    fn the_announcement_counts_the_changes_and_names_the_place() {
        let c = comparison();
        let first = step_change(&c, &Options::default(), (A, B), None, true).unwrap();
        let row = focus_targets(&c, Some(&first)).row;
        let said = announce(&c, &Options::default(), (A, B), row);
        assert!(said.starts_with("Change 1 of "), "{said}");
        assert!(said.contains(" at ¶"), "{said}");
        assert_eq!(announce(&c, &Options::default(), (A, B), None), "");
    }

    #[test]
    fn the_next_changed_formulation_cycles_and_none_is_found_when_none_changed() {
        let a = "题\n坚持“两个毫不动摇”。\n";
        let b = "题\n坚持“两个毫不动摇”，落实“四个全面”，推进“五位一体”。\n";
        let c = crate::compare(a, b, crate::diff::Granularity::default());
        let first = next_changed_formulation(&c, None).expect("a changed formulation");
        let mut seen = vec![first.clone()];
        let mut key = first.clone();
        loop {
            key = next_changed_formulation(&c, Some(&Focus::Formulation { key, step: 0 })).unwrap();
            if key == first {
                break;
            }
            seen.push(key.clone());
        }
        assert!(seen.len() >= 2, "{seen:?}");
        let same = crate::compare(a, a, crate::diff::Granularity::default());
        assert_eq!(next_changed_formulation(&same, None), None);
    }
}

//! The summary strip: the comparison in one line of counts, announced to screen readers
//! when it changes. The counts are filters: a section count shows only those sections (the
//! rest fold), a formulation count lists only those formulations in the table, a
//! change-class count shows or hides that class's marks.

use super::comparison_view::percent;
use crate::compare::Stats;
use crate::findings::formulation_changes::FormulationStatus;
use crate::view::formulation_table::{Filter, TableView};
use crate::view::options::{Options, RowFilter};
use yew::prelude::*;

/// Properties of [`SummaryStrip`].
#[derive(Properties, PartialEq)]
pub struct SummaryStripProps {
    /// The comparison's counts.
    pub stats: Stats,
    /// The options (the row filter and the marked classes).
    pub options: Options,
    /// New options.
    pub on_change: Callback<Options>,
    /// How the formulations table is set up (its filter).
    pub table: TableView,
    /// A new setup of the formulations table.
    pub on_table: Callback<TableView>,
}

fn item(value: String, label: &str, class: &str) -> Html {
    html! { <li class={class.to_string()}><strong>{ value }</strong>{ " " }{ label.to_string() }</li> }
}

/// A count that filters: pressed while its filter is on.
fn toggle(value: usize, label: &str, class: &str, pressed: bool, onclick: Callback<MouseEvent>) -> Html {
    toggle_as(value, label, (class, &format!("count-{class}")), pressed, onclick)
}

/// [`toggle`] with a test id of its own.
fn toggle_as(
    value: usize,
    label: &str,
    (class, testid): (&str, &str),
    pressed: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <li class={class.to_string()}>
            <button type="button" class={classes!("count", pressed.then_some("pressed"))} aria-pressed={pressed.to_string()}
                {onclick} data-testid={testid.to_string()}>
                <strong>{ value }</strong>{ " " }{ label.to_string() }
            </button>
        </li>
    }
}

/// The strip.
#[function_component(SummaryStrip)]
pub fn summary_strip(props: &SummaryStripProps) -> Html {
    let s = &props.stats;
    let o = props.options;
    let only = |filter: RowFilter, value: usize, label: &str, class: &str| {
        let on_change = props.on_change.clone();
        let next = if o.only == filter { RowFilter::All } else { filter };
        toggle(
            value,
            label,
            class,
            o.only == filter,
            Callback::from(move |_| on_change.emit(Options { only: next, ..o })),
        )
    };
    let class_toggle = |value: usize, label: &str, shown: bool, set: fn(Options, bool) -> Options| {
        let on_change = props.on_change.clone();
        toggle(value, label, label, shown, Callback::from(move |_| on_change.emit(set(o, !shown))))
    };
    // A formulation count lists only those in the table; pressed again, the changed ones.
    let listed = |value: usize, label: &str, class: &str, status: FormulationStatus| {
        let pressed = props.table.filter == Filter::Only(status);
        let next =
            TableView { filter: if pressed { Filter::Changed } else { Filter::Only(status) }, ..props.table.clone() };
        let on_table = props.on_table.clone();
        let onclick = Callback::from(move |_| on_table.emit(next.clone()));
        toggle_as(value, label, (class, &format!("formulations-{class}")), pressed, onclick)
    };
    html! {
        <section class="summary" aria-label="Summary" data-testid="summary" role="status" aria-live="polite">
            <ul class="summary-sections">
                <li class="similarity" title="Share of both texts that aligned sections keep word for word, in order">
                    <strong>{ format!("{}%", percent(s.similarity)) }</strong>{" kept word for word"}
                </li>
                { only(RowFilter::Reworded, s.reworded, "reworded", "reworded") }
                { only(RowFilter::Moved, s.moved, "moved", "moved") }
                { only(RowFilter::SplitOrMerged, s.split + s.merged, "split or merged", "split") }
                { only(RowFilter::Added, s.added, "added", "added") }
                { only(RowFilter::Dropped, s.dropped, "dropped", "dropped") }
                { only(RowFilter::Unchanged, s.same, "unchanged", "same") }
            </ul>
            <ul class="summary-findings">
                <li class="label">{"Formulations:"}</li>
                { listed(s.formulations_added, "added", "added", FormulationStatus::Added) }
                { listed(s.formulations_dropped, "dropped", "dropped", FormulationStatus::Dropped) }
                { listed(s.formulations_reworded, "reworded", "reworded", FormulationStatus::Reworded) }
                { listed(s.formulations_count_changed, "count changed", "count", FormulationStatus::CountChanged) }
                <li class="label">{"Priorities:"}</li>
                { item(s.priorities_moved.to_string(), "moved", "moved") }
                <li class="label">{"Changes (click to show or hide):"}</li>
                { class_toggle(s.changes.substantive, "substantive", o.show_substantive, |o, v| Options { show_substantive: v, ..o }) }
                { class_toggle(s.changes.modifier, "modifier", o.show_modifier, |o, v| Options { show_modifier: v, ..o }) }
                { class_toggle(s.changes.routine, "routine", o.show_routine, |o, v| Options { show_routine: v, ..o }) }
            </ul>
            if o.only != RowFilter::All {
                <p class="filter-note" data-testid="filter-note">
                    {"Showing only "}{ o.only.code().replace("split", "split or merged").replace("same", "unchanged") }{" sections; the others are folded. "}
                    <button type="button" class="link-button" onclick={
                        let on_change = props.on_change.clone();
                        Callback::from(move |_| on_change.emit(Options { only: RowFilter::All, ..o }))
                    }>{"Show all sections"}</button>
                </p>
            }
            if s.coarse_rows > 0 {
                <p class="coarse-note">{ format!(
                    "{} section(s) were too long and too different to diff word by word; they are shown as replaced whole.",
                    s.coarse_rows
                ) }</p>
            }
        </section>
    }
}

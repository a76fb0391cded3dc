//! The formulations (提法) panel: a sortable, filterable, searchable table of what was
//! added, dropped, reworded, re-counted and kept. Clicking a row focuses the formulation
//! (the comparison scrolls to it and highlights every occurrence); clicking again steps to
//! the next place it stands.

use crate::findings::formulation_changes::{FormulationChange, FormulationStatus};
use crate::findings::formulations::FormulationKind;
use crate::text::normalize::breakable_spaces;
use crate::ui::state::Focus;
use crate::view::formulation_table::{counts, table_rows, Filter, SortBy, TableView};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`FormulationsPanel`].
#[derive(Properties)]
pub struct FormulationsPanelProps {
    /// The comparison's formulations.
    pub formulations: Rc<Vec<FormulationChange>>,
    /// The current focus, to mark the selected row.
    pub focus: Option<Focus>,
    /// Called with a formulation's key when its row is clicked.
    pub on_select: Callback<String>,
    /// Copy a link to a formulation.
    #[prop_or_default]
    pub on_link: Callback<String>,
    /// The year of document B, if its date is known: a dropped formulation's record says
    /// "last seen" only of years before it.
    #[prop_or_default]
    pub year_b: Option<u32>,
    /// How the table is set up (held by the workspace, so that it outlives this panel,
    /// which is drawn again for every new comparison).
    pub table: TableView,
    /// Called with the table's new setup.
    pub on_table: Callback<TableView>,
}

impl PartialEq for FormulationsPanelProps {
    fn eq(&self, other: &Self) -> bool {
        // The table by identity: the page memoizes it per comparison.
        Rc::ptr_eq(&self.formulations, &other.formulations)
            && self.focus == other.focus
            && self.on_select == other.on_select
            && self.on_link == other.on_link
            && self.year_b == other.year_b
            && self.table == other.table
            && self.on_table == other.on_table
    }
}

/// Rows the table shows before "show the others".
pub const FIRST_ROWS: usize = 150;

pub use crate::output::labels::status_label;

fn status_class(status: FormulationStatus) -> &'static str {
    match status {
        FormulationStatus::Added => "added",
        FormulationStatus::Dropped => "dropped",
        FormulationStatus::Reworded => "reworded",
        FormulationStatus::CountChanged => "count-changed",
        FormulationStatus::Kept => "kept",
    }
}

/// The panel.
#[function_component(FormulationsPanel)]
pub fn formulations_panel(props: &FormulationsPanelProps) -> Html {
    let TableView { filter, sort, query } = &props.table;
    let more = use_state(|| FIRST_ROWS);
    // On paper, every formulation, whatever the filter on screen.
    let printing = super::printing::use_printing();
    let shown = table_rows(&props.formulations, (*filter, *sort), query, printing);
    // Each control sends the whole setup with its own part changed.
    let change = |edit: fn(&mut TableView, String)| {
        let (table, on_table) = (props.table.clone(), props.on_table.clone());
        move |value: String| {
            let mut next = table.clone();
            edit(&mut next, value);
            on_table.emit(next);
        }
    };
    let on_filter = {
        let set = change(|t, v| t.filter = Filter::from_code(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_sort = {
        let set = change(|t, v| t.sort = SortBy::from_code(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_query = {
        let set = change(|t, v| t.query = v);
        Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let selected = match &props.focus {
        Some(Focus::Formulation { key, .. }) => Some(key.clone()),
        _ => None,
    };
    // Long documents have hundreds of changed formulations: the table opens with the first
    // ones (and the selected one), and grows on request.
    let selected_at = selected.as_deref().and_then(|k| shown.iter().position(|s| s.key == k));
    let limit = if printing { usize::MAX } else { (*more).max(selected_at.map_or(0, |i| i + 1)) };
    let hidden = shown.len().saturating_sub(limit);
    let on_more = {
        let more = more.clone();
        let total = shown.len();
        Callback::from(move |_: MouseEvent| more.set(total))
    };
    let picker = |value: &'static str, label: &'static str, selected: bool| {
        html! { <option {value} {selected}>{ label }</option> }
    };
    let (filter, sort) = (*filter, *sort);
    html! {
        <section class="panel slogans-panel" aria-labelledby="slogans-heading">
            <h2 id="slogans-heading">{"Formulations "}<span lang="zh">{"提法"}</span></h2>
            { panel_counts(&props.formulations) }
            <div class="panel-controls">
                <label>{"Show "}
                    <select onchange={on_filter} data-testid="slogan-filter">
                        { for Filter::ALL.iter().map(|&(f, code, label)| picker(code, label, filter == f)) }
                    </select>
                </label>
                <label>{"Sort by "}
                    <select onchange={on_sort}>
                        { for SortBy::ALL.iter().map(|&(o, code, label)| picker(code, label, sort == o)) }
                    </select>
                </label>
                <input type="search" placeholder="Search formulations" aria-label="Search formulations" oninput={on_query} value={query.clone()} />
            </div>
            if shown.is_empty() {
                <p class="muted">{"No formulation matches."}</p>
            } else {
                <div class="slogans-scroll">
                <table class="slogans" data-testid="slogans-table">
                    <thead><tr><th scope="col">{"Formulation"}</th><th scope="col">{"Status"}</th><th scope="col" class="num">{"A"}</th><th scope="col" class="num">{"B"}</th><th scope="col"><span class="visually-hidden">{"Link"}</span></th></tr></thead>
                    <tbody>
                        { for shown.into_iter().take(limit).map(|s| table_row(s, selected.as_deref() == Some(s.key.as_str()), props)) }
                    </tbody>
                </table>
                </div>
                if hidden > 0 {
                    <p class="more"><button type="button" onclick={on_more} data-testid="more-slogans">
                        { format!("Show the other {}", crate::output::labels::count_of(hidden, "formulation")) }
                    </button></p>
                }
            }
        </section>
    }
}

/// The counts above the table.
fn panel_counts(formulations: &[FormulationChange]) -> Html {
    let ([added, dropped, reworded, recounted, kept], candidates_changed) = counts(formulations);
    html! {
        <p class="panel-counts" data-testid="slogan-counts">
            { format!("{added} added · {dropped} dropped · {reworded} reworded · {recounted} count changed · {kept} kept") }
            if candidates_changed > 0 {
                { format!(" · {candidates_changed} candidates changed (repeated phrases and series, listed last)") }
            }
        </p>
    }
}

/// One formulation's row: the formulation (a button that focuses it), what it is and its
/// record; its status; its counts; a link to it. A click anywhere on the row focuses the
/// formulation (the button is its keyboard way, and its click reaches the row), except on
/// the link and when it ends a selection of text to copy.
fn table_row(s: &FormulationChange, is_selected: bool, props: &FormulationsPanelProps) -> Html {
    let key = s.key.clone();
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        if !selecting_text() {
            on_select.emit(key.clone());
        }
    });
    let key = s.key.clone();
    let on_link = props.on_link.reform(move |e: MouseEvent| {
        e.stop_propagation();
        key.clone()
    });
    html! {
        <tr class={classes!("clickable", status_class(s.status), is_selected.then_some("selected"))} {onclick}>
            <td>
                <button type="button" class="slogan-link" aria-pressed={is_selected.to_string()}
                    title="Show where it stands; click again for the next place">
                    if let Some(from) = &s.reworded_from {
                        <del class="substantive">{ breakable_spaces(from).into_owned() }</del>{" → "}
                    }
                    <span class="slogan-text">{ breakable_spaces(&s.text).into_owned() }</span>
                </button>
                if let Some(g) = s.gloss {
                    <span class="gloss">{ g }</span>
                }
                // One short line per candidate; what it means is its title (a long sentence
                // repeated on every row would fill the panel).
                if s.kind == FormulationKind::Recurring {
                    <span class="gloss" title="Found because the document repeats it; no lexicon lists it. Not counted above.">{"candidate · repeated phrase"}</span>
                }
                if s.kind == FormulationKind::Series {
                    <span class="gloss" title="A list of parallel phrases, or a member added to or dropped from one. Not counted above.">{"candidate · series"}</span>
                }
                if let Some(record) = s.record(props.year_b) {
                    <span class="history" data-testid="slogan-history"
                        title="Its record in seventy years of official texts: the government work reports 1954–2023, the congress reports, and 36 English speeches of Xi Jinping">
                        { record }
                    </span>
                }
            </td>
            <td><span class={classes!("status", status_class(s.status))}>{ status_label(s.status) }</span></td>
            <td class="num">{ s.count_a() }</td>
            <td class="num">{ s.count_b() }</td>
            <td><button type="button" class="row-link" title="Copy a link to this formulation" aria-label={format!("Copy a link to {}", s.text)} onclick={on_link}>{"link"}</button></td>
        </tr>
    }
}

/// Whether the reader has just selected some text (a click that ends a drag over a row's
/// words is a selection to copy, not a request to jump to the formulation).
fn selecting_text() -> bool {
    gloo::utils::window().get_selection().ok().flatten().is_some_and(|sel| !sel.is_collapsed())
}

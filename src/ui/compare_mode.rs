//! The compare mode's page below the mode tabs: the two document panels, then what stands
//! before the rows (loading, nothing to compare, the other document to choose, the worker
//! at work, a failure) or the options bar and the results.

use super::derived_comparison::{Derived, Shown};
use super::options_bar::OptionsBar;
use super::results::{results, Results};
use super::side_panel::side_panel;
use super::state::{Action, Side, Workspace};
use crate::findings::formulation_changes::FormulationChange;
use crate::input::import::size_label;
use crate::view::focus::{section_of_row, FocusTargets};
use crate::view::gate::Gate;
use crate::view::options::Options;
use crate::view::share::View;
use std::rc::Rc;
use yew::prelude::*;

/// What [`compare_mode`] draws from.
pub struct CompareMode<'r> {
    /// The workspace.
    pub ws: &'r UseReducerHandle<Workspace>,
    /// The comparison, worked out or under way.
    pub derived: &'r Derived,
    /// What the rows draw: the finished comparison, or an empty one.
    pub shown: &'r Shown,
    /// What the focus means on the page.
    pub focus: FocusTargets,
    /// The formulations table.
    pub formulations: Rc<Vec<FormulationChange>>,
    /// What stands before the rows.
    pub gate: Gate,
    /// Set when the user compares with the sample all the same.
    pub with_sample_anyway: &'r UseStateHandle<bool>,
    /// Copy the link to a formulation.
    pub on_link_formulation: Callback<String>,
    /// Copy the link to a row.
    pub on_link_row: Callback<usize>,
    /// Copy a row as a quote.
    pub on_quote: Callback<usize>,
}

/// The documents, then the gate or the comparison.
pub fn compare_mode(m: CompareMode<'_>) -> Html {
    let ws = m.ws;
    let comparison = m.shown.comparison.clone();
    let on_options = {
        let ws = ws.clone();
        Callback::from(move |o: Options| ws.dispatch(Action::SetOptions(o)))
    };
    let on_formulation = {
        let ws = ws.clone();
        Callback::from(move |key: String| ws.dispatch(Action::FocusFormulation(key)))
    };
    let on_table = {
        let ws = ws.clone();
        Callback::from(move |t| ws.dispatch(Action::SetTable(t)))
    };
    let on_row = {
        let (ws, comparison) = (ws.clone(), comparison.clone());
        Callback::from(move |row: usize| {
            if let Some((side, at)) = section_of_row(&comparison, row) {
                ws.dispatch(Action::FocusSection(side, at));
            }
        })
    };
    let options_bar = {
        let ws_view = ws.clone();
        let ws_swap = ws.clone();
        let on_view = Callback::from(move |v: View| ws_view.dispatch(Action::SetView(v)));
        let on_swap = Callback::from(move |()| ws_swap.dispatch(Action::Swap));
        html! {
            <OptionsBar options={ws.options} on_change={on_options.clone()} {on_swap} view={ws.view} {on_view} />
        }
    };
    let below = match (m.gate, m.derived) {
        (Gate::Waiting, _) => html! { <p class="empty-state" role="status">{"Loading the comparison…"}</p> },
        (Gate::BothEmpty, _) => html! {
            <p class="empty-state">{"Pick a document from the corpus or paste text on each side to compare."}</p>
        },
        (Gate::ChooseOther(side), _) => choose_other(ws, side, m.with_sample_anyway),
        (Gate::Open, Derived::Working { stage, percent, sizes }) => html! {
            <>{ options_bar }{ working(stage, *percent, *sizes) }</>
        },
        (Gate::Open, Derived::Failed(why)) => html! {
            <>
                { options_bar }
                <p class="notice" role="alert" data-testid="compare-failed">
                    { format!("The comparison could not be completed ({why}). Both documents are kept: change either one to try again.") }
                </p>
            </>
        },
        (Gate::Open, _) => html! {
            <>
                { options_bar }
                { results(Results {
                    ws,
                    comparison: &comparison,
                    shown: m.shown,
                    focus: m.focus,
                    formulations: m.formulations,
                    on_options,
                    on_formulation,
                    on_table,
                    on_link_formulation: m.on_link_formulation,
                    on_row,
                    on_link_row: m.on_link_row,
                    on_quote: m.on_quote,
                }) }
            </>
        },
    };
    html! {
        <>
            <section class="doc-panels" id="documents" aria-label="Documents">
                { side_panel(ws, Side::A) }
                { side_panel(ws, Side::B) }
            </section>
            { below }
        </>
    }
}

/// The prompt for the other document while one side is still the sample's.
fn choose_other(ws: &Workspace, side: Side, anyway: &UseStateHandle<bool>) -> Html {
    let other = ws.doc(if side == Side::A { Side::B } else { Side::A });
    let on_anyway = {
        let anyway = anyway.clone();
        Callback::from(move |_: MouseEvent| anyway.set(true))
    };
    html! {
                    <div class="empty-state choose-other" role="status" data-testid="choose-other">
                        <p>
                            { format!("Now choose document {}: pick one from the corpus, paste its text or open a file. ", side.label()) }
                            { format!("Until then “{}” is not compared with the sample, which is a different document.",
                                other.title) }
                        </p>
                        <button type="button" class="link-button" data-testid="compare-with-sample"
                            onclick={on_anyway}>
                            {"Compare with the sample anyway"}
                        </button>
                    </div>
    }
}

/// A comparison under way in the worker: what it is doing and how far it got.
fn working(stage: &str, percent: u32, sizes: (usize, usize)) -> Html {
    html! {
                    <div class="working" role="status" data-testid="working">
                        <p>{ format!("Comparing {} with {} in the background: {stage}…", size_label(sizes.0), size_label(sizes.1)) }</p>
                        <progress max="100" value={percent.to_string()} aria-label="Progress of the comparison"></progress>
                        <p class="hint">{"The page stays usable meanwhile: edit either document, change the options or open the timeline."}</p>
                    </div>
    }
}

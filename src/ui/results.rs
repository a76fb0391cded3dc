//! The comparison's results: counts and filters, the jump links, the findings panels and
//! the aligned rows.

use super::comparison_view::ComparisonView;
use super::derived_comparison::Shown;
use super::formulations_panel::FormulationsPanel;
use super::priorities_panel::PrioritiesPanel;
use super::state::{Side, Workspace};
use super::summary_strip::SummaryStrip;
use crate::compare::Comparison;
use crate::findings::formulation_changes::FormulationChange;
use crate::text::normalize::guess_language;
use crate::view::focus::FocusTargets;
use crate::view::formulation_table::TableView;
use crate::view::options::Options;
use std::rc::Rc;
use yew::prelude::*;

/// What [`results`] draws, and what its parts do.
pub struct Results<'r> {
    /// The workspace.
    pub ws: &'r Workspace,
    /// The comparison shown.
    pub comparison: &'r Rc<Comparison>,
    /// The texts it was made of.
    pub shown: &'r Shown,
    /// What the focus means on the page.
    pub focus: FocusTargets,
    /// The formulations table.
    pub formulations: Rc<Vec<FormulationChange>>,
    /// New options (filters in the counts).
    pub on_options: Callback<Options>,
    /// A formulation chosen.
    pub on_formulation: Callback<String>,
    /// The formulations table set up anew.
    pub on_table: Callback<TableView>,
    /// Copy the link to a formulation.
    pub on_link_formulation: Callback<String>,
    /// A row chosen.
    pub on_row: Callback<usize>,
    /// Copy the link to a row.
    pub on_link_row: Callback<usize>,
    /// Copy a row as a quote.
    pub on_quote: Callback<usize>,
}

/// Scrolls to the part of the page with this id.
fn jump_to(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    })
}

/// The results of a finished comparison.
pub fn results(r: Results<'_>) -> Html {
    let Results {
        ws,
        comparison,
        shown,
        focus,
        formulations,
        on_options,
        on_formulation,
        on_table,
        on_link_formulation,
        on_row,
        on_link_row,
        on_quote,
    } = r;
    html! {
        <>
                    <SummaryStrip stats={comparison.stats.clone()} options={ws.options} on_change={on_options.clone()}
                        table={ws.table.clone()} on_table={on_table.clone()} />
                    <nav class="jump-nav" aria-label="Parts of the page">
                        <button type="button" class="link-button" onclick={jump_to("findings")}>{"Formulations and priorities ↓"}</button>
                        <button type="button" class="link-button" onclick={jump_to("options")}>{"Options ↓"}</button>
                        <button type="button" class="link-button" onclick={jump_to("documents")}>{"Documents ↓"}</button>
                    </nav>
                    <div class="results">
                    <aside class="findings" id="findings" aria-label="Formulations and priorities">
                        <FormulationsPanel {formulations} focus={ws.focus.clone()} on_select={on_formulation} on_link={on_link_formulation}
                            table={ws.table.clone()} {on_table}
                            year_b={crate::findings::phrase_table::year_of(&ws.doc(Side::B).date)} />
                        <PrioritiesPanel comparison={comparison.clone()} on_select={on_row.clone()} />
                    </aside>
                    <ComparisonView
                        options={ws.options}
                        highlights_a={focus.highlights_a}
                        highlights_b={focus.highlights_b}
                        focus_row={focus.row}
                        on_link={on_link_row}
                        {on_quote}
                        view={ws.view}
                        on_select={on_row.clone()}
                        comparison={comparison.clone()}
                        text_a={shown.text_a.clone()}
                        text_b={shown.text_b.clone()}
                        title_a={ws.doc(Side::A).title.clone()}
                        title_b={ws.doc(Side::B).title.clone()}
                        lang_a={guess_language(&ws.doc(Side::A).text)}
                        lang_b={guess_language(&ws.doc(Side::B).text)}
                    />
                    </div>
        </>
    }
}

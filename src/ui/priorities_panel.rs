//! The priorities panel: each enumerated list of B beside its counterpart in A, with the
//! rank change of every item (↑2, ↓1, new, dropped). Clicking an item focuses its row.

use crate::compare::Comparison;
use crate::findings::priorities::PriorityMatch;
use crate::output::labels::count_of;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PrioritiesPanel`].
#[derive(Properties)]
pub struct PrioritiesPanelProps {
    /// The comparison.
    pub comparison: Rc<Comparison>,
    /// Called with a row index when an item is clicked.
    pub on_select: Callback<usize>,
}

impl PartialEq for PrioritiesPanelProps {
    fn eq(&self, other: &Self) -> bool {
        // By identity: comparing two large comparisons field by field would cost more than
        // drawing the panel.
        Rc::ptr_eq(&self.comparison, &other.comparison) && self.on_select == other.on_select
    }
}

/// Lists shown before "show the other lists".
pub const FIRST_LISTS: usize = 8;

fn change_badge(m: &PriorityMatch) -> (String, &'static str, String) {
    // The words are the reports' (`output::labels::rank_change`); the class and the
    // spoken form are the panel's own.
    let (class, spoken) = match (m.rank_a, m.rank_b, m.rank_change) {
        (Some(_), Some(_), Some(0)) => ("same", "same rank".to_string()),
        (Some(_), Some(_), Some(c)) if c > 0 => ("up", format!("up {c}")),
        (Some(_), Some(_), Some(c)) => ("down", format!("down {}", -c)),
        (None, Some(_), _) => ("new", "new in B".to_string()),
        _ => ("dropped", "dropped from A".to_string()),
    };
    (crate::output::labels::rank_change(m), class, spoken)
}

/// The panel.
#[function_component(PrioritiesPanel)]
pub fn priorities_panel(props: &PrioritiesPanelProps) -> Html {
    let c = &props.comparison;
    let lists: Vec<_> = c.priorities.matches.iter().filter(|m| m.items.len() >= 2).collect();
    // A long document can hold dozens of lists: the first few open, the rest on request.
    let more = use_state(|| false);
    // On paper, every list.
    let printing = super::printing::use_printing();
    let all = *more || printing;
    let hidden = if all { 0 } else { lists.len().saturating_sub(FIRST_LISTS) };
    let on_more = {
        let more = more.clone();
        Callback::from(move |_: MouseEvent| more.set(true))
    };
    let (rows_a, rows_b) = c.rows_by_section();
    let row_of = |rows: &[Option<usize>], id: Option<usize>| id.and_then(|id| rows.get(id).copied().flatten());
    html! {
        <section class="panel priorities-panel" aria-labelledby="priorities-heading">
            <h2 id="priorities-heading">{"Priorities"}</h2>
            if lists.is_empty() {
                <p class="muted">{"No enumerated priorities found in these documents."}</p>
            }
            { for lists.into_iter().take(if all { usize::MAX } else { FIRST_LISTS }).map(|m| {
                let size = |x: Option<usize>, lists: &Vec<crate::findings::priorities::PriorityList>| x.map_or(0, |i| lists[i].items.len());
                let (in_a, in_b) = (size(m.list_a, &c.priorities.lists_a), size(m.list_b, &c.priorities.lists_b));
                let caption = match (m.list_a, m.list_b) {
                    (None, _) => format!("A new list in B · {}", count_of(in_b, "item")),
                    (_, None) => format!("A list only in A · {}", count_of(in_a, "item")),
                    _ => format!("{} in A · {in_b} in B", count_of(in_a, "item")),
                };
                html! {
                    <table class="priorities" data-testid="priorities-table">
                        <caption>{ caption }</caption>
                        <thead><tr><th scope="col" class="num">{"B"}</th><th scope="col">{"Priority"}</th><th scope="col">{"Change"}</th><th scope="col" class="num">{"A"}</th></tr></thead>
                        <tbody>
                            { for m.items.iter().map(|item| {
                                let (badge, class, spoken) = change_badge(item);
                                let row = row_of(&rows_b, item.section_b).or_else(|| row_of(&rows_a, item.section_a));
                                let onclick = row.map(|r| props.on_select.reform(move |_: MouseEvent| r));
                                let label = item.label_b.clone().or_else(|| item.label_a.clone()).unwrap_or_default();
                                let was = item.label_a.clone().filter(|a| Some(a) != item.label_b.as_ref() && item.label_b.is_some());
                                html! {
                                    <tr class={class}>
                                        <td class="num">{ item.rank_b.map(|r| r.to_string()).unwrap_or_default() }</td>
                                        <td>
                                            <button type="button" class="priority-link" {onclick} disabled={row.is_none()}>{ label }</button>
                                            if let Some(w) = was { <span class="gloss">{ format!("A: {w}") }</span> }
                                        </td>
                                        <td><span class={classes!("rank-change", class)} aria-label={spoken}>{ badge }</span></td>
                                        <td class="num">{ item.rank_a.map(|r| r.to_string()).unwrap_or_default() }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }
            }) }
            if hidden > 0 {
                <p class="more"><button type="button" onclick={on_more} data-testid="more-priorities">
                    { format!("Show the other {}", count_of(hidden, "list")) }
                </button></p>
            }
        </section>
    }
}

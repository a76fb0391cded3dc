//! The formulation heat map as a table: one row per formulation, one cell per document
//! with its count, a sparkline, and marks for formulations that appear or vanish within
//! the series. A cell opens the comparison of that document with the one before it.

use crate::timeline::charts::{column_head, marks, shade, spark_points};
use crate::timeline::Timeline;
use std::rc::Rc;
use yew::prelude::*;

/// Rows drawn before the "show all" button.
const FIRST_ROWS: usize = 300;

/// Properties of [`HeatMap`].
#[derive(Properties, PartialEq)]
pub struct HeatMapProps {
    /// The timeline.
    pub timeline: Rc<Timeline>,
    /// Rows to show, in order (indexes into `timeline.slogans`).
    pub rows: Rc<Vec<usize>>,
    /// Called with (document, formulation row) when a cell is opened.
    pub on_open: Callback<(usize, usize)>,
}

/// The table.
#[function_component(HeatMap)]
pub fn heat_map(props: &HeatMapProps) -> Html {
    let all = use_state(|| false);
    let t = &props.timeline;
    let shown = if *all { props.rows.len() } else { props.rows.len().min(FIRST_ROWS) };
    let head = |i: usize| {
        let d = &t.documents[i];
        html! {
            <th scope="col" title={format!("{} {}", d.date, d.title)}>
                <span class="col-date">{ column_head(t, i) }</span>
                <span class="col-label">{ d.label.clone() }</span>
            </th>
        }
    };
    let row = |&k: &usize| {
        let s = &t.slogans[k];
        let mark = marks(s);
        html! {
            <tr data-testid="heat-row" data-form={s.text.clone()}>
                <th scope="row" class="form" lang={if s.text.chars().any(crate::normalize::is_han) { "zh" } else { "en" }}>
                    { s.text.clone() }
                    if s.forms.len() > 1 {
                        <span class="variants" title="Reworded forms grouped in this row">{ format!(" ← {}", s.forms[..s.forms.len() - 1].join(" ← ")) }</span>
                    }
                    if let Some(g) = s.gloss {
                        <span class="gloss">{ g }</span>
                    }
                </th>
                { for s.counts.iter().enumerate().map(|(i, &count)| {
                    let on_open = props.on_open.clone();
                    let label = format!("{}: {count} in {} — open the comparison", s.text, column_head(t, i));
                    html! {
                        <td class={format!("heat h{}", shade(count))}>
                            <button type="button" aria-label={label.clone()} title={label}
                                onclick={Callback::from(move |_| on_open.emit((i, k)))} data-testid="heat-cell">
                                { if count == 0 { String::new() } else { count.to_string() } }
                            </button>
                        </td>
                    }
                }) }
                <td class="spark">
                    <svg viewBox="0 0 64 18" width="64" height="18" aria-hidden="true">
                        <polyline class="tl-spark" stroke="currentColor" points={spark_points(&s.counts, 0, 0, 64, 18)} />
                    </svg>
                </td>
                <td class={classes!("marks", s.appears.then_some("appears"), s.vanishes.then_some("vanishes"))} data-testid="heat-marks">{ mark }</td>
            </tr>
        }
    };
    html! {
        <div class="heat-map-wrap">
            <table class="heat-map" data-testid="heat-map">
                <caption class="visually-hidden">{"Formulations: count in each document of the series"}</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Formulation"}</th>
                        { for (0..t.documents.len()).map(head) }
                        <th scope="col">{"Trend"}</th>
                        <th scope="col">{"Marks"}</th>
                    </tr>
                </thead>
                <tbody>{ for props.rows[..shown].iter().map(row) }</tbody>
            </table>
            if shown < props.rows.len() {
                <button type="button" class="small" onclick={let all = all.clone(); Callback::from(move |_| all.set(true))}>
                    { format!("Show all {} formulations", props.rows.len()) }
                </button>
            }
        </div>
    }
}

//! The formulation heat map as a table: one row per formulation, one cell per document
//! with its count, a sparkline, and marks for formulations that appear or vanish within
//! the series. A cell opens the comparison of that document with the one before it.
//!
//! A row of a long series costs close to a millisecond to draw, so the table is drawn in
//! blocks of `BLOCK` rows, one block per task: the first block shows at once, the rest
//! follow without any one render holding up the page. A block already drawn is not built
//! again when the next one is added.

use crate::timeline::charts::{column_head, marks, shade, spark_points};
use crate::timeline::Timeline;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Rows drawn before the "show all" button.
const FIRST_ROWS: usize = 300;
/// Rows drawn per task.
const BLOCK: usize = 50;

/// Properties of [`HeatMap`].
#[derive(Properties, PartialEq)]
pub struct HeatMapProps {
    /// The timeline.
    pub timeline: Rc<Timeline>,
    /// Rows to show, in order (indexes into `timeline.formulations`).
    pub rows: Rc<Vec<usize>>,
    /// Called with (document, formulation row) when a cell is opened.
    pub on_open: Callback<(usize, usize)>,
}

/// The table.
#[function_component(HeatMap)]
pub fn heat_map(props: &HeatMapProps) -> Html {
    let all = use_state(|| false);
    // Rows drawn so far, of which list: a new filter or order starts again from one block.
    let painted = use_state(|| (props.rows.clone(), BLOCK));
    let drawn = if painted.0 == props.rows { painted.1 } else { BLOCK };
    let wanted = if *all { props.rows.len() } else { props.rows.len().min(FIRST_ROWS) };
    {
        let painted = painted.clone();
        let rows = props.rows.clone();
        use_effect_with((drawn, wanted, rows), move |(drawn, wanted, rows)| {
            let next = (rows.clone(), drawn + BLOCK);
            let more = (drawn < wanted).then(|| Timeout::new(0, move || painted.set(next)));
            move || drop(more)
        });
    }
    let t = &props.timeline;
    let shown = wanted.min(drawn);
    // One listener for the whole table (a cell says which it is in `data-cell`): a
    // callback per cell made the first render of a long series markedly slower.
    let on_cell = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            let cell = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("button[data-cell]").ok().flatten())
                .and_then(|b| b.get_attribute("data-cell"));
            if let Some((doc, row)) = cell.as_deref().and_then(parse_cell) {
                on_open.emit((doc, row));
            }
        })
    };
    let head = |i: usize| {
        let d = &t.documents[i];
        html! {
            <th scope="col" title={format!("{} {}", d.date, d.title)}>
                <span class="col-date">{ column_head(t, i) }</span>
                <span class="col-label">{ d.label.clone() }</span>
            </th>
        }
    };
    html! {
        <>
        if t.documents.len() > 3 {
            <p class="heat-hint muted">{"Swipe the table sideways for every document: the formulations stay in view."}</p>
        }
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
                <tbody onclick={on_cell}>
                    { for (0..shown).step_by(BLOCK).map(|start| html! {
                        <HeatRows key={start} timeline={t.clone()} rows={props.rows.clone()} start={start} end={(start + BLOCK).min(shown)} />
                    }) }
                </tbody>
            </table>
            if shown < props.rows.len() && !*all && shown == wanted {
                <button type="button" class="small" onclick={let all = all.clone(); Callback::from(move |_| all.set(true))}>
                    { format!("Show all {}", crate::output::labels::count_of(props.rows.len(), "formulation")) }
                </button>
            }
        </div>
        </>
    }
}

/// Properties of [`HeatRows`]: equal when they draw the same rows of the same timeline
/// (the list of rows is rebuilt on every render of the page, so it is compared by value).
#[derive(Properties)]
struct HeatRowsProps {
    timeline: Rc<Timeline>,
    rows: Rc<Vec<usize>>,
    start: usize,
    end: usize,
}

impl PartialEq for HeatRowsProps {
    fn eq(&self, other: &Self) -> bool {
        // By identity: comparing whole timelines on every block's render would cost more
        // than the block.
        Rc::ptr_eq(&self.timeline, &other.timeline)
            && self.rows[self.start..self.end] == other.rows[other.start..other.end]
    }
}

/// One block of rows.
#[function_component(HeatRows)]
fn heat_rows(props: &HeatRowsProps) -> Html {
    let t = &props.timeline;
    let row = |&k: &usize| {
        let s = &t.formulations[k];
        let mark = marks(s);
        html! {
            <tr data-testid="heat-row" data-form={s.text.clone()}>
                <th scope="row" class="form" lang={if s.text.chars().any(crate::text::normalize::is_han) { "zh" } else { "en" }}>
                    { crate::text::normalize::breakable_spaces(&s.text).into_owned() }
                    if s.forms.len() > 1 {
                        <span class="variants" title="Reworded forms grouped in this row">{ format!(" ← {}", s.forms[..s.forms.len() - 1].join(" ← ")) }</span>
                    }
                    if let Some(g) = s.gloss {
                        <span class="gloss">{ g }</span>
                    }
                    if let Some(record) = s.record(&t.documents) {
                        <span class="history" data-testid="heat-history"
                            title="Its record in seventy years of official texts, before and after this series">
                            { record }
                        </span>
                    }
                </th>
                { for s.counts.iter().enumerate().map(|(i, &count)| {
                    let label = format!("{}: {count} in {} — open the comparison", s.text, column_head(t, i));
                    html! {
                        <td class={format!("heat h{}", shade(count))}>
                            <button type="button" aria-label={label.clone()} title={label}
                                data-cell={format!("{i} {k}")} data-testid="heat-cell">
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
    html! { <>{ for props.rows[props.start..props.end].iter().map(row) }</> }
}

/// The (document, row) of a cell's `data-cell` ("3 17").
fn parse_cell(cell: &str) -> Option<(usize, usize)> {
    let (doc, row) = cell.split_once(' ')?;
    Some((doc.parse().ok()?, row.parse().ok()?))
}

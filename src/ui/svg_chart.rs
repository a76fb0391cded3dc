//! A chart drawn by the engine as SVG, shown as is, with its marks opened by click or by
//! keyboard (Enter on a focused mark): marks carry `data-doc` plus `data-at` (a byte offset)
//! or `data-key` (a formulation), which this component turns into a [`ChartPick`].

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A mark the user opened.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPick {
    /// Series position of the document.
    pub doc: usize,
    /// Byte offset in that document, for section and priority marks.
    pub at: Option<usize>,
    /// Formulation key, for heat-map cells.
    pub key: Option<String>,
}

/// Properties of [`SvgChart`].
#[derive(Properties, PartialEq)]
pub struct SvgChartProps {
    /// The SVG text (its own style sheet is dropped: the page's styles the `tl-` classes).
    pub svg: AttrValue,
    /// For tests and styles.
    pub testid: AttrValue,
    /// Called with the mark opened.
    pub on_pick: Callback<ChartPick>,
}

fn pick_of(target: Option<web_sys::EventTarget>) -> Option<ChartPick> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?.closest("[data-doc]").ok()??;
    let doc = element.get_attribute("data-doc")?.parse().ok()?;
    Some(ChartPick {
        doc,
        at: element.get_attribute("data-at").and_then(|a| a.parse().ok()),
        key: element.get_attribute("data-key").filter(|k| !k.is_empty()),
    })
}

/// The chart.
#[function_component(SvgChart)]
pub fn svg_chart(props: &SvgChartProps) -> Html {
    let onclick = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(pick) = pick_of(e.target()) {
                on_pick.emit(pick);
            }
        })
    };
    let onkeydown = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                if let Some(pick) = pick_of(e.target()) {
                    e.prevent_default();
                    on_pick.emit(pick);
                }
            }
        })
    };
    html! {
        <div class="chart" data-testid={props.testid.clone()} {onclick} {onkeydown}>
            { Html::from_html_unchecked(crate::timeline::charts::without_style(&props.svg).into()) }
        </div>
    }
}

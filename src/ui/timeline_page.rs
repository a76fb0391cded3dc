//! The timeline page: the series editor, then one of three views of the series (the
//! formulation heat map, the priority bump chart, section continuity), each with its
//! downloads. Every mark opens the pairwise comparison of two adjacent documents there.

use super::chart_export::{download_png, download_svg};
use super::deferred_timeline::TimelineState;
use super::heat_map::HeatMap;
use super::links::download;
use super::series_editor::{SeriesEditor, SeriesEdits};
use super::state::{CorpusState, Doc, Focus, TimelineTab, TimelineView};
use super::svg_chart::{ChartPick, SvgChart};
use crate::timeline::charts::{bump_chart, column_head, heat_map, lineage_strips};
use crate::timeline::formulation_tracks::{select, FormulationOrder};
use crate::timeline::{tables, Timeline, MIN_SERIES};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`TimelinePage`].
#[derive(Properties, PartialEq)]
pub struct TimelinePageProps {
    /// The timeline of the series, or of the series as it was while the new one is worked out.
    pub timeline: TimelineState,
    /// The series.
    pub series: Vec<Doc>,
    /// The corpus.
    pub corpus: CorpusState,
    /// How it is viewed.
    pub view: TimelineView,
    /// New view settings.
    pub on_view: Callback<TimelineView>,
    /// Open the comparison of series documents (a, b) at a finding.
    pub on_drill: Callback<(usize, usize, Option<Focus>)>,
    /// What the series editor does.
    pub edits: SeriesEdits,
    /// Say something went wrong.
    pub on_notice: Callback<String>,
}

/// The pair a mark in document `doc` opens: that document and the one before it (the
/// first document opens with the second).
pub fn pair_for(doc: usize) -> (usize, usize) {
    if doc == 0 {
        (0, 1)
    } else {
        (doc - 1, doc)
    }
}

/// Sets the view: applies a change to the view as it is and hands the result on.
type ViewSetter = Rc<dyn Fn(&dyn Fn(&mut TimelineView))>;

fn view_setter(view: &TimelineView, on_view: &Callback<TimelineView>) -> ViewSetter {
    let (view, on_view) = (view.clone(), on_view.clone());
    Rc::new(move |change: &dyn Fn(&mut TimelineView)| {
        let mut v = view.clone();
        change(&mut v);
        on_view.emit(v);
    })
}

/// The page.
#[function_component(TimelinePage)]
pub fn timeline_page(props: &TimelinePageProps) -> Html {
    let view = props.view.clone();
    let editor = html! {
        <SeriesEditor series={props.series.clone()} corpus={props.corpus.clone()} edits={props.edits.clone()} />
    };
    // The same shape in every case (editor, then one element), so the editor keeps its state.
    let alone = |message: String, status: bool| {
        html! {
            <div class="timeline" data-testid="timeline">
                { editor.clone() }
                <p class="empty-state" role={status.then_some("status")} data-testid="timeline-working">{ message }</p>
            </div>
        }
    };
    if props.series.len() < MIN_SERIES {
        return alone("Choose at least two documents (a ready-made series, the corpus list or your own files) to see how formulations, priorities and sections change across them.".into(), false);
    }
    let t = match &props.timeline.shown {
        Some(t) if t.documents.len() >= MIN_SERIES => t.clone(),
        _ => return alone(format!("Working out the timeline of {} documents…", props.series.len()), true),
    };
    // An out-of-date timeline stays in view, dimmed and inert (its marks would open the
    // wrong pairs), until the new one replaces it.
    let stale = !props.timeline.current;
    let rows = Rc::new(select(&t.formulations, &view.filter, view.all_kinds, view.order));
    let set = view_setter(&view, &props.on_view);
    let chain = view.chain.min(t.priorities.len().saturating_sub(1));
    let on_pick = {
        let on_drill = props.on_drill.clone();
        Callback::from(move |pick: ChartPick| {
            let (a, b) = pair_for(pick.doc);
            let side = if pick.doc == a { crate::model::side::Side::A } else { crate::model::side::Side::B };
            on_drill.emit((a, b, pick.at.map(|at| Focus::Section { side, at })));
        })
    };
    let body = match view.tab {
        TimelineTab::Formulations => formulations_tab(&t, &rows, &view, &set, &props.on_drill),
        TimelineTab::Priorities => priorities_tab(&t, chain, &set, on_pick),
        TimelineTab::Sections => sections_tab(&t, on_pick),
    };
    html! {
        <div class="timeline" data-testid="timeline">
            { editor }
            <div class={classes!("timeline-views", stale.then_some("stale"))} inert={stale} aria-busy={stale.to_string()}
                data-testid="timeline-views">
            { steps(&t) }
            <div class="tabs">
                { tab_list(view.tab, &set) }
                { downloads(Exports { timeline: t.clone(), rows, tab: view.tab, chain }, &props.on_notice) }
            </div>
            <div role="tabpanel" class="timeline-body">{ body }</div>
            </div>
        </div>
    }
}

/// What changed from each document to the next, in sections.
fn steps(t: &Timeline) -> Html {
    html! {
        <ol class="steps" aria-label="From one document to the next">
            { for t.steps.iter().map(|s| html! {
                <li>{ format!("{} → {}: {} sections kept, {} added, {} dropped",
                    column_head(t, s.from), column_head(t, s.to), s.kept, s.added, s.dropped) }</li>
            }) }
        </ol>
    }
}

/// The three views' tabs.
fn tab_list(shown: TimelineTab, set: &ViewSetter) -> Html {
    let on_tab = |tab: TimelineTab| {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(&|v: &mut TimelineView| v.tab = tab))
    };
    html! {
        <div role="tablist" class="tab-list" aria-label="Timeline views">
        { for TimelineTab::ALL.iter().map(|&tab| html! {
            <button type="button" role="tab" aria-selected={(tab == shown).to_string()}
                class={classes!("tab", (tab == shown).then_some("active"))} onclick={on_tab(tab)}
                data-testid={format!("tab-{}", tab.code())}>{ tab.label() }</button>
        }) }
        </div>
    }
}

/// The formulations tab: the heat map's settings, then the heat map; a cell opens the
/// comparison at the formulation.
fn formulations_tab(
    t: &Rc<Timeline>,
    rows: &Rc<Vec<usize>>,
    view: &TimelineView,
    set: &ViewSetter,
    on_drill: &Callback<(usize, usize, Option<Focus>)>,
) -> Html {
    let on_order = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let order = FormulationOrder::from_code(&e.target_unchecked_into::<HtmlSelectElement>().value());
            set(&|v: &mut TimelineView| v.order = order)
        })
    };
    let on_filter = {
        let set = set.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            set(&|v: &mut TimelineView| v.filter = text.clone())
        })
    };
    let on_kinds = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let all = e.target_unchecked_into::<HtmlInputElement>().checked();
            set(&|v: &mut TimelineView| v.all_kinds = all)
        })
    };
    let on_cell = {
        let on_drill = on_drill.clone();
        let t = t.clone();
        Callback::from(move |(doc, row): (usize, usize)| {
            let (a, b) = pair_for(doc);
            let keys = &t.formulations[row].keys;
            let key = keys[b].clone().or_else(|| keys[a].clone()).or_else(|| keys.iter().flatten().next().cloned());
            on_drill.emit((a, b, key.map(|key| Focus::Formulation { key, step: 0 })));
        })
    };
    html! {
        <>
            <div class="timeline-tools" role="group" aria-label="Heat map settings">
                <label>{"Order "}
                    <select onchange={on_order} data-testid="heat-order">
                        { for FormulationOrder::ALL.iter().map(|o| html! {
                            <option value={o.code()} selected={*o == view.order}>{ o.label() }</option>
                        }) }
                    </select>
                </label>
                <label>{"Filter "}
                    <input type="search" value={view.filter.clone()} oninput={on_filter} placeholder="两个维护, common prosperity…" data-testid="heat-filter" />
                </label>
                <label class="check">
                    <input type="checkbox" checked={view.all_kinds} onchange={on_kinds} data-testid="heat-all-kinds" />
                    {" every quoted phrase too"}
                </label>
                <span class="muted" data-testid="heat-count">{ crate::output::labels::count_of(rows.len(), "formulation") }</span>
            </div>
            if rows.is_empty() {
                <p class="empty-state">{"No formulation matches this filter."}</p>
            } else {
                <HeatMap timeline={t.clone()} rows={rows.clone()} on_open={on_cell} />
            }
        </>
    }
}

/// How list `k` of the bump chart's picker reads: its documents, length and first item.
fn list_label(t: &Timeline, k: usize) -> String {
    let c = &t.priorities[k];
    let longest = c.lengths.iter().flatten().max().copied().unwrap_or(0);
    let first = c.tracks.first().map(|p| p.label.as_str()).unwrap_or("");
    let span = if c.span.0 == c.span.1 {
        column_head(t, c.span.0)
    } else {
        format!("{} → {}", column_head(t, c.span.0), column_head(t, c.span.1))
    };
    format!("List {}: {span}, up to {longest} priorities (“{first}”…)", k + 1)
}

/// The priorities tab: which list, then its bump chart.
fn priorities_tab(t: &Timeline, chain: usize, set: &ViewSetter, on_pick: Callback<ChartPick>) -> Html {
    if t.priorities.is_empty() {
        return html! { <p class="empty-state">{"No enumerated priorities were found in these documents."}</p> };
    }
    let on_chain = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let chain = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0);
            set(&|v: &mut TimelineView| v.chain = chain)
        })
    };
    html! {
        <>
            <div class="timeline-tools">
                <label>{"List "}
                    <select onchange={on_chain} data-testid="chain-pick">
                        { for (0..t.priorities.len()).map(|k| html! {
                            <option value={k.to_string()} selected={k == chain}>{ list_label(t, k) }</option>
                        }) }
                    </select>
                </label>
                <span class="muted">{"Click a point to open that document's comparison with the one before, at the priority."}</span>
            </div>
            <SvgChart svg={AttrValue::from(bump_chart(t, chain))} testid="bump-chart" on_pick={on_pick} />
        </>
    }
}

/// The sections tab: the latest document's sections and where each came from.
fn sections_tab(t: &Timeline, on_pick: Callback<ChartPick>) -> Html {
    html! {
        <>
            <p class="muted">{ format!(
                "Each row is a section of the latest document ({}); each cell, how it came from the document before. Click a cell to open that comparison at the section.",
                column_head(t, t.documents.len() - 1)
            ) }</p>
            <SvgChart svg={AttrValue::from(lineage_strips(t))} testid="lineage-strips" on_pick={on_pick} />
        </>
    }
}

/// What the downloads of the shown tab save.
#[derive(Clone)]
struct Exports {
    timeline: Rc<Timeline>,
    rows: Rc<Vec<usize>>,
    tab: TimelineTab,
    chain: usize,
}

impl Exports {
    /// File stem, CSV and SVG of the tab.
    fn files(&self) -> (&'static str, String, String) {
        let t = &self.timeline;
        match self.tab {
            TimelineTab::Formulations => {
                ("tifa-timeline-formulations", tables::formulations_csv(t, &self.rows), heat_map(t, &self.rows))
            }
            TimelineTab::Priorities => {
                ("tifa-timeline-priorities", tables::priorities_csv(t), bump_chart(t, self.chain))
            }
            TimelineTab::Sections => ("tifa-timeline-sections", tables::lineage_csv(t), lineage_strips(t)),
        }
    }
}

/// The download buttons: the shown tab as CSV, SVG or PNG, and every table as Markdown.
fn downloads(exports: Exports, on_notice: &Callback<String>) -> Html {
    let on_csv = {
        let exports = exports.clone();
        Callback::from(move |_: MouseEvent| {
            let (stem, csv, _) = exports.files();
            download(&format!("{stem}.csv"), &csv, "text/csv");
        })
    };
    let on_svg = {
        let exports = exports.clone();
        Callback::from(move |_: MouseEvent| {
            let (stem, _, svg) = exports.files();
            download_svg(&format!("{stem}.svg"), &svg);
        })
    };
    let on_png = {
        let exports = exports.clone();
        let on_notice = on_notice.clone();
        Callback::from(move |_: MouseEvent| {
            let (stem, _, svg) = exports.files();
            let on_notice = on_notice.clone();
            download_png(&format!("{stem}.png"), &svg, move |msg| on_notice.emit(msg));
        })
    };
    let on_md = {
        let t = exports.timeline.clone();
        Callback::from(move |_: MouseEvent| download("tifa-timeline.md", &tables::markdown(&t), "text/markdown"))
    };
    html! {
        <span class="exports" role="group" aria-label="Download">
            <button type="button" class="small" onclick={on_csv} data-testid="timeline-csv">{"CSV"}</button>
            <button type="button" class="small" onclick={on_svg} data-testid="timeline-svg">{"SVG"}</button>
            <button type="button" class="small" onclick={on_png} data-testid="timeline-png">{"PNG"}</button>
            <button type="button" class="small" onclick={on_md} data-testid="timeline-md">{"Markdown (all)"}</button>
        </span>
    }
}

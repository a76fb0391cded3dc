//! The timeline page's callbacks: editing the series (corpus documents, presets, files),
//! viewing it, and drilling into a pair.

use super::corpus_fetch::fetch_text;
use super::opening::IndexRef;
use super::series_editor::SeriesEdits;
use super::state::{Action, Doc, Focus, Source, TimelineView, Workspace};
use crate::input::import::import_file;
use crate::timeline;
use crate::ui::text_decoder::BrowserDecoder;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The timeline page's callbacks: editing the series, viewing it, drilling into a pair.
pub struct SeriesCallbacks {
    /// A new way of viewing the timeline.
    pub on_view: Callback<TimelineView>,
    /// Open the pair of series documents at a finding.
    pub on_drill: Callback<(usize, usize, Option<Focus>)>,
    /// Changes to the series.
    pub edits: SeriesEdits,
    /// A message to show.
    pub on_notice: Callback<String>,
}

impl SeriesCallbacks {
    /// The callbacks for workspace `ws`.
    pub fn new(ws: &UseReducerHandle<Workspace>, index_ref: &IndexRef) -> Self {
        let dispatch = |make: fn(usize) -> Action| {
            let ws = ws.clone();
            Callback::from(move |k: usize| ws.dispatch(make(k)))
        };
        let on_toggle = {
            let ws = ws.clone();
            let index_ref = index_ref.clone();
            Callback::from(move |(id, add): (String, bool)| {
                if !add {
                    if let Some(k) = ws.series.iter().position(|d| d.source == Source::Corpus(id.clone())) {
                        ws.dispatch(Action::SeriesRemove(k));
                    }
                    return;
                }
                let Some(index) = index_ref.borrow().clone() else { return };
                let Some(entry) = index.documents.iter().find(|d| d.id == id).cloned() else { return };
                let ws = ws.clone();
                spawn_local(async move {
                    match fetch_text(&entry).await {
                        Ok(text) => ws.dispatch(Action::SeriesAdd(Doc::from_corpus(&entry, text))),
                        Err(msg) => ws.dispatch(Action::Notify(msg)),
                    }
                });
            })
        };
        let on_preset = {
            let ws = ws.clone();
            let index_ref = index_ref.clone();
            Callback::from(move |ids: Vec<String>| {
                let Some(index) = index_ref.borrow().clone() else { return };
                let ws = ws.clone();
                spawn_local(async move {
                    let mut docs = Vec::new();
                    for id in ids {
                        let Some(entry) = index.documents.iter().find(|d| d.id == id) else { continue };
                        match fetch_text(entry).await {
                            Ok(text) => docs.push(Doc::from_corpus(entry, text)),
                            Err(msg) => return ws.dispatch(Action::Notify(msg)),
                        }
                    }
                    // Sorted here, so the series changes (and is analysed) once.
                    let dates: Vec<&str> = docs.iter().map(|d: &Doc| d.date.as_ref()).collect();
                    let order = timeline::date_order(&dates);
                    let mut slots: Vec<Option<Doc>> = docs.into_iter().map(Some).collect();
                    ws.dispatch(Action::SeriesSet(order.into_iter().filter_map(|i| slots[i].take()).collect()));
                });
            })
        };
        let on_file = {
            let ws = ws.clone();
            Callback::from(move |(name, bytes): (String, Vec<u8>)| match import_file(&name, &bytes, &BrowserDecoder) {
                Ok(doc) => ws.dispatch(Action::SeriesAdd(Doc::imported(&name, doc))),
                Err(e) => ws.dispatch(Action::Notify(format!("Could not add “{name}”: {e}. The series is unchanged."))),
            })
        };
        let on_move = {
            let ws = ws.clone();
            Callback::from(move |(k, earlier): (usize, bool)| ws.dispatch(Action::SeriesMove(k, earlier)))
        };
        let on_drill = {
            let ws = ws.clone();
            Callback::from(move |(a, b, focus): (usize, usize, Option<Focus>)| {
                ws.dispatch(Action::DrillDown { a, b, focus })
            })
        };
        SeriesCallbacks {
            on_view: {
                let ws = ws.clone();
                Callback::from(move |v| ws.dispatch(Action::SetTimelineView(v)))
            },
            on_drill,
            edits: SeriesEdits {
                on_toggle,
                on_preset,
                on_file,
                on_remove: dispatch(Action::SeriesRemove),
                on_move,
                on_sort: {
                    let ws = ws.clone();
                    Callback::from(move |()| ws.dispatch(Action::SeriesSortByDate))
                },
            },
            on_notice: {
                let ws = ws.clone();
                Callback::from(move |msg| ws.dispatch(Action::Notify(msg)))
            },
        }
    }
}

//! The timeline's series: which documents, in which order.
//!
//! Documents come from the corpus (a checkbox per document, and presets for the series
//! the corpus holds), or from files (several at once, picked or dropped). The order is the
//! series order: new documents slot in by date, and the user can move any of them.

use super::doc_panel::read_file;
use super::state::{CorpusState, Doc, Source};
use crate::input::corpus::CorpusEntry;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the user can do to the series (the editor's callbacks, passed down as one value).
#[derive(Clone, PartialEq)]
pub struct SeriesEdits {
    /// Add (true) or remove (false) a corpus document by id.
    pub on_toggle: Callback<(String, bool)>,
    /// Replace the series with these corpus documents.
    pub on_preset: Callback<Vec<String>>,
    /// A file's name and bytes, to add.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// Remove the document at this position.
    pub on_remove: Callback<usize>,
    /// Move the document at this position earlier (true) or later.
    pub on_move: Callback<(usize, bool)>,
    /// Order by date.
    pub on_sort: Callback<()>,
}

/// Properties of [`SeriesEditor`].
#[derive(Properties, PartialEq)]
pub struct SeriesEditorProps {
    /// The series, in order.
    pub series: Vec<Doc>,
    /// The corpus to pick from.
    pub corpus: CorpusState,
    /// What the editor does.
    pub edits: SeriesEdits,
}

fn read_all(files: Option<web_sys::FileList>, on_file: &Callback<(String, Vec<u8>)>) {
    let Some(files) = files else { return };
    for k in 0..files.length() {
        if let Some(file) = files.get(k) {
            read_file(file, on_file.clone());
        }
    }
}

/// The editor.
#[function_component(SeriesEditor)]
pub fn series_editor(props: &SeriesEditorProps) -> Html {
    // Documents asked for and still being fetched: their boxes stay ticked meanwhile.
    let pending = use_state(std::collections::BTreeSet::<String>::new);
    {
        let pending = pending.clone();
        let loaded: Vec<String> = props
            .series
            .iter()
            .filter_map(|d| match &d.source {
                Source::Corpus(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        use_effect_with(loaded, move |loaded| {
            if pending.iter().any(|id| loaded.contains(id)) {
                // Retained, not collected: collecting a set compiles a copy of the standard
                // sort (see `crate::util::shared_sort`).
                let mut waiting = (*pending).clone();
                waiting.retain(|id| !loaded.contains(id));
                pending.set(waiting);
            }
        });
    }
    let on_files = {
        let on_file = props.edits.on_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            read_all(input.files(), &on_file);
            input.set_value("");
        })
    };
    let ondrop = {
        let on_file = props.edits.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            read_all(e.data_transfer().and_then(|d| d.files()), &on_file);
        })
    };
    let ondragover = Callback::from(|e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
    });
    let corpus = match &props.corpus {
        CorpusState::Loading => html! { <p class="muted">{"Loading the corpus…"}</p> },
        CorpusState::Failed(msg) => html! { <p class="muted">{ msg.clone() }</p> },
        CorpusState::Ready(index) => corpus_choices(index, props, &pending),
    };
    let n = props.series.len();
    html! {
        <section class="series-editor" aria-label="Documents of the timeline" {ondrop} {ondragover} data-testid="series-editor">
            <h2>{ format!("Series: {}", crate::output::labels::count_of(n, "document")) }</h2>
            <ol class="series-list" data-testid="series-list">
                { for props.series.iter().enumerate().map(|(k, d)| series_item(k, d, n, &props.edits)) }
            </ol>
            <div class="series-tools">
                { corpus }
                <label class="file-button small">
                    {"Add files (.txt .md .html .docx)"}
                    <input type="file" multiple=true accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/html" onchange={on_files} data-testid="series-files" />
                </label>
                <button type="button" class="small" onclick={let s = props.edits.on_sort.clone(); Callback::from(move |_| s.emit(()))} disabled={n < 2}>
                    {"Order by date"}
                </button>
            </div>
        </section>
    }
}

/// The corpus part: ready-made series the corpus holds, and a checkbox per document, oldest
/// first, ticked while in the series or on its way.
fn corpus_choices(
    index: &crate::input::corpus::CorpusIndex,
    props: &SeriesEditorProps,
    pending: &UseStateHandle<std::collections::BTreeSet<String>>,
) -> Html {
    let in_series = |id: &str| props.series.iter().any(|d| d.source == Source::Corpus(id.to_string()));
    let has = |id: &str| index.documents.iter().any(|d| d.id == id);
    let presets = crate::timeline::presets::PRESETS.iter().filter(|(_, ids)| ids.iter().all(|id| has(id)));
    // Oldest first, as a series reads.
    let mut by_date: Vec<&CorpusEntry> = index.documents.iter().collect();
    crate::util::shared_sort::sort_by(&mut by_date, |x, y| crate::timeline::by_date(&x.date, &y.date));
    let checkbox = |d: &CorpusEntry| {
        let on_toggle = props.edits.on_toggle.clone();
        let id = d.id.clone();
        let ticked = in_series(&d.id) || pending.contains(&d.id);
        let pending = pending.clone();
        let onchange = Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut waiting = (*pending).clone();
            if checked {
                waiting.insert(id.clone());
            } else {
                waiting.remove(&id);
            }
            pending.set(waiting);
            on_toggle.emit((id.clone(), checked))
        });
        html! {
            <li>
                <label>
                    <input type="checkbox" checked={ticked} {onchange} data-testid={format!("series-pick-{}", d.id)} />
                    <span class="date">{ d.date.clone() }</span>{" "}{ d.title.clone() }
                </label>
            </li>
        }
    };
    html! {
        <>
            <div class="presets" role="group" aria-label="Ready-made series">
                { for presets.map(|(name, ids)| {
                    let on_preset = props.edits.on_preset.clone();
                    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
                    html! {
                        <button type="button" class="small" onclick={Callback::from(move |_| on_preset.emit(ids.clone()))}>
                            { *name }
                        </button>
                    }
                }) }
            </div>
            <details class="series-corpus">
                <summary>{ format!("Choose from the corpus ({} documents)", index.documents.len()) }</summary>
                <ul class="series-checklist">{ for by_date.into_iter().map(checkbox) }</ul>
            </details>
        </>
    }
}

/// The document at position `k` of a series of `n`, with buttons to move or remove it.
fn series_item(k: usize, d: &Doc, n: usize, edits: &SeriesEdits) -> Html {
    let on_up = {
        let m = edits.on_move.clone();
        Callback::from(move |_| m.emit((k, true)))
    };
    let on_down = {
        let m = edits.on_move.clone();
        Callback::from(move |_| m.emit((k, false)))
    };
    let on_remove = {
        let r = edits.on_remove.clone();
        Callback::from(move |_| r.emit(k))
    };
    html! {
        <li data-testid="series-item">
            <span class="date">{ if d.date.is_empty() { "undated".to_string() } else { d.date.to_string() } }</span>
            <span class="series-title">{ d.title.to_string() }</span>
            <span class="series-actions">
                <button type="button" class="icon" onclick={on_up} disabled={k == 0} aria-label={format!("Move “{}” earlier", d.title)}>{"↑"}</button>
                <button type="button" class="icon" onclick={on_down} disabled={k + 1 == n} aria-label={format!("Move “{}” later", d.title)}>{"↓"}</button>
                <button type="button" class="icon" onclick={on_remove} aria-label={format!("Remove “{}” from the series", d.title)}>{"✕"}</button>
            </span>
        </li>
    }
}

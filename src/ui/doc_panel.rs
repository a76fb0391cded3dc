//! One document's panel: its title, a corpus picker and a paste box.
//!
//! Turns DOM events into domain values (`Callback<String>` for a corpus id or pasted text),
//! so the parent never touches web-sys.

use super::state::{CorpusState, Doc, Side, Source};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`DocPanel`].
#[derive(Properties, PartialEq)]
pub struct DocPanelProps {
    /// Which side this panel loads.
    pub side: Side,
    /// The document currently on that side.
    pub doc: Doc,
    /// The corpus to pick from.
    pub corpus: CorpusState,
    /// Called with a corpus id when the user picks one.
    pub on_pick: Callback<String>,
    /// Called with the text when the user compares pasted text.
    pub on_paste: Callback<String>,
    /// Called with a file's name and bytes when the user opens or drops one.
    pub on_file: Callback<(String, Vec<u8>)>,
}

/// Quiet time after the last keystroke in a paste box before the text is compared.
const TYPING_PAUSE_MS: u32 = 700;

/// Corpora larger than this get a search box above the picker.
const SEARCH_FROM: usize = 8;

/// Whether a corpus entry matches a search (title, id, body or date; case-insensitive).
fn matches_search(d: &crate::input::corpus::CorpusEntry, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || [&d.title, &d.id, &d.body, &d.date].iter().any(|f| f.to_lowercase().contains(&q))
}

/// Reads a browser file and emits its name and bytes.
pub fn read_file(file: web_sys::File, on_file: Callback<(String, Vec<u8>)>) {
    let name = file.name();
    yew::platform::spawn_local(async move {
        let bytes = gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await.unwrap_or_default();
        on_file.emit((name, bytes));
    });
}

/// The panel.
#[function_component(DocPanel)]
pub fn doc_panel(props: &DocPanelProps) -> Html {
    let side = props.side.label();
    let draft = use_state(String::new);
    let query = use_state(String::new);
    let selected = match &props.doc.source {
        Source::Corpus(id) => id.clone(),
        _ => String::new(),
    };
    // A picker left on "Choose a document…" while its side shows a corpus document names
    // that document again after a render: an option's `selected` attribute no longer moves a
    // select the reader has changed. A choice still loading (the select ahead of the side)
    // is left alone.
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        let selected = selected.clone();
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                if select.value().is_empty() && !selected.is_empty() {
                    select.set_value(&selected);
                }
            }
        });
    }

    let onchange = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if !id.is_empty() {
                on_pick.emit(id);
            }
        })
    };
    // Typing recompares after a pause; the button compares at once.
    let typing = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let oninput = {
        let draft = draft.clone();
        let on_paste = props.on_paste.clone();
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            draft.set(text.clone());
            let on_paste = on_paste.clone();
            *typing.borrow_mut() = (!text.trim().is_empty())
                .then(|| gloo::timers::callback::Timeout::new(TYPING_PAUSE_MS, move || on_paste.emit(text)));
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        let on_paste = props.on_paste.clone();
        let typing = typing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            typing.borrow_mut().take();
            on_paste.emit((*draft).clone());
        })
    };

    let dragging = use_state(|| false);
    let on_file_input = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, on_file.clone());
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file(file, on_file.clone());
            }
        })
    };
    let picker = match &props.corpus {
        CorpusState::Loading => html! { <p class="muted">{"Loading the corpus…"}</p> },
        CorpusState::Failed(msg) => html! { <p class="muted">{ msg.clone() }</p> },
        CorpusState::Ready(index) => {
            let mut groups: Vec<(&str, Vec<&crate::input::corpus::CorpusEntry>)> = Vec::new();
            for d in index.documents.iter().filter(|d| d.id == selected || matches_search(d, &query)) {
                match groups.iter_mut().find(|(body, _)| *body == d.body) {
                    Some((_, list)) => list.push(d),
                    None => groups.push((&d.body, vec![d])),
                }
            }
            let on_search = {
                let query = query.clone();
                Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
            };
            let found = index.documents.iter().filter(|d| matches_search(d, &query)).count();
            html! {
                <>
                if index.documents.len() > SEARCH_FROM {
                    <label class="picker-search">
                        <span class="visually-hidden">{ format!("Search the corpus for document {side}") }</span>
                        <input type="search" value={(*query).clone()} oninput={on_search} placeholder="Search the corpus: title, year, body…"
                            data-testid={format!("search-{side}")} />
                        if !query.trim().is_empty() {
                            <span class="muted" data-testid={format!("search-count-{side}")}>{ format!("{found} found") }</span>
                        }
                    </label>
                }
                <label class="picker">
                    <span>{"Corpus document"}</span>
                    <select ref={select_ref} {onchange} data-testid={format!("pick-{side}")}>
                        <option value="" selected={selected.is_empty()}>{"Choose a document…"}</option>
                        { for groups.into_iter().map(|(body, docs)| html! {
                            <optgroup label={body.to_string()}>
                                { for docs.into_iter().map(|d| html! {
                                    <option value={d.id.clone()} selected={d.id == selected}>
                                        { format!("{} — {}", d.date, d.title) }
                                    </option>
                                }) }
                            </optgroup>
                        }) }
                    </select>
                </label>
                </>
            }
        }
    };

    html! {
        <section class={classes!("doc-panel", format!("side-{}", side.to_lowercase()), dragging.then_some("dragging"))}
            aria-label={format!("Document {side}")} {ondragover} {ondragleave} {ondrop} data-testid={format!("panel-{side}")}>
            <h2>
                <span class="side-tag" aria-hidden="true">{ side }</span>
                <span class="doc-title" data-testid={format!("title-{side}")}>{ props.doc.title.to_string() }</span>
            </h2>
            <p class="subtitle">
                if props.doc.illustrative {
                    <span class="badge illustrative">{"Illustrative edit, not a real document"}</span>{" "}
                }
                { props.doc.subtitle.to_string() }
            </p>
            { picker }
            <label class="file-button small">
                {"Open a file (.txt .md .html .docx)"}
                <input type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/html" onchange={on_file_input}
                    data-testid={format!("file-{side}")} />
            </label>
            <span class="drop-hint">{"or drop a file here"}</span>
            <details class="paste">
                <summary>{"Paste text instead"}</summary>
                <form {onsubmit}>
                    <label class="visually-hidden" for={format!("paste-{side}")}>{format!("Text of document {side}")}</label>
                    <textarea id={format!("paste-{side}")} rows="6" value={(*draft).clone()} {oninput}
                        placeholder="Paste a communiqué, report or speech (Chinese or English)…" />
                    <button type="submit" disabled={draft.trim().is_empty()}>{ format!("Compare this text as {side}") }</button>
                </form>
            </details>
        </section>
    }
}

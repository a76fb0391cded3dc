//! One document's panel: its title, a corpus picker, a file button, a drop zone and a
//! paste box.
//!
//! Turns DOM events into domain values (`Callback<String>` for a corpus id or pasted text),
//! so the parent never touches web-sys.

use super::corpus_picker::CorpusPicker;
use super::paste_box::PasteBox;
use super::state::{CorpusState, Doc, Side, Source};
use web_sys::HtmlInputElement;
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
    let selected = match &props.doc.source {
        Source::Corpus(id) => id.clone(),
        _ => String::new(),
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
            <CorpusPicker side={props.side} corpus={props.corpus.clone()} {selected} on_pick={props.on_pick.clone()} />
            <label class="file-button small">
                {"Open a file (.txt .md .html .docx)"}
                <input type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/html" onchange={on_file_input}
                    data-testid={format!("file-{side}")} />
            </label>
            <span class="drop-hint">{"or drop a file here"}</span>
            <PasteBox side={props.side} on_paste={props.on_paste.clone()} />
        </section>
    }
}

//! The share bar: copy a link to the comparison (with its length), and save or open a
//! comparison file when a link would be too long for chat apps.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Links longer than this do not survive common chat apps.
pub const CHAT_LINK_LIMIT: usize = 2000;

/// Properties of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// Length of the last copied link, if any.
    pub copied_len: Option<usize>,
    /// Copy a link to the whole comparison.
    pub on_copy: Callback<()>,
    /// Save the comparison as a file.
    pub on_save: Callback<()>,
    /// Open a comparison file: its name and contents.
    pub on_open: Callback<(String, String)>,
    /// Forget the comparison kept in this browser.
    pub on_clear: Callback<()>,
    /// Export a report in a format: `md`, `html`, `json` or `csv`.
    pub on_export: Callback<&'static str>,
    /// False while the timeline is shown (it has its own downloads).
    #[prop_or(true)]
    pub pair_exports: bool,
}

/// The bar.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let copy = props.on_copy.reform(|_: MouseEvent| ());
    let save = props.on_save.reform(|_: MouseEvent| ());
    let onchange = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            let on_open = on_open.clone();
            yew::platform::spawn_local(async move {
                match gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await {
                    Ok(text) => on_open.emit((name, text)),
                    Err(e) => on_open.emit((name, format!("\u{0}{e}"))),
                }
            });
        })
    };
    let status = match props.copied_len {
        None => html! {},
        Some(n) if n > CHAT_LINK_LIMIT => html! {
            <p class="share-status warn" role="status" data-testid="share-status">
                { format!("Link copied: {n} characters, longer than the {CHAT_LINK_LIMIT} most chat apps keep. ") }
                <button type="button" onclick={save.clone()}>{"Save comparison file instead"}</button>
            </p>
        },
        Some(n) => html! {
            <p class="share-status" role="status" data-testid="share-status">{ format!("Link copied: {n} characters.") }</p>
        },
    };
    html! {
        <div class="share-bar">
            <button type="button" onclick={copy} data-testid="copy-link">{"Copy link"}</button>
            <button type="button" onclick={save} data-testid="save-file">{"Save comparison file"}</button>
            <label class="file-button">
                {"Open comparison file"}
                <input type="file" accept=".json,application/json" {onchange} data-testid="open-file" />
            </label>
            if props.pair_exports {
            <label class="export">
                <span class="visually-hidden">{"Export"}</span>
                <select data-testid="export" onchange={
                    let on_export = props.on_export.clone();
                    Callback::from(move |e: Event| {
                        let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
                        let format = match select.value().as_str() {
                            "md" => Some("md"),
                            "html" => Some("html"),
                            "json" => Some("json"),
                            "csv" => Some("csv"),
                            _ => None,
                        };
                        select.set_value("");
                        if let Some(f) = format {
                            on_export.emit(f);
                        }
                    })
                }>
                    <option value="" selected=true>{"Export…"}</option>
                    <option value="md">{"Markdown report"}</option>
                    <option value="html">{"HTML report"}</option>
                    <option value="json">{"JSON (CLI schema)"}</option>
                    <option value="csv">{"Formulations (CSV)"}</option>
                </select>
            </label>
            }
            <button type="button" onclick={props.on_clear.reform(|_: MouseEvent| ())} data-testid="clear"
                title="Forget the comparison kept in this browser and show the sample">{"Clear"}</button>
            { status }
        </div>
    }
}

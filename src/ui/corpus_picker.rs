//! A side's corpus picker: the bundled documents grouped by body, with a search box once
//! the corpus is larger than a glance; the search finds titles at once and, when asked,
//! the documents whose text holds it ([`super::corpus_text_search`]).

use super::corpus_text_search::{text_search, Texts};
use super::state::{CorpusState, Side};
use crate::input::corpus::{matches_search, picker_groups};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Corpora larger than this get a search box above the picker.
const SEARCH_FROM: usize = 8;

/// Properties of [`CorpusPicker`].
#[derive(Properties, PartialEq)]
pub struct CorpusPickerProps {
    /// Which side it loads.
    pub side: Side,
    /// The corpus to pick from.
    pub corpus: CorpusState,
    /// The id of the corpus document the side shows, or empty.
    pub selected: String,
    /// Called with a corpus id when the reader picks one.
    pub on_pick: Callback<String>,
}

/// The picker.
#[function_component(CorpusPicker)]
pub fn corpus_picker(props: &CorpusPickerProps) -> Html {
    let side = props.side.label();
    let query = use_state(String::new);
    let texts = use_state(Texts::default);
    // A picker left on "Choose a document…" while its side shows a corpus document names
    // that document again after a render: an option's `selected` attribute no longer moves a
    // select the reader has changed. A choice still loading (the select ahead of the side)
    // is left alone.
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        let selected = props.selected.clone();
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                if select.value().is_empty() && !selected.is_empty() {
                    select.set_value(&selected);
                }
            }
        });
    }
    let index = match &props.corpus {
        CorpusState::Loading => return html! { <p class="muted">{"Loading the corpus…"}</p> },
        CorpusState::Failed(msg) => return html! { <p class="muted">{ msg.clone() }</p> },
        CorpusState::Ready(index) => index,
    };
    let onchange = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if !id.is_empty() {
                on_pick.emit(id);
            }
        })
    };
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let selected = props.selected.as_str();
    let found = index.documents.iter().filter(|d| matches_search(d, &query)).count();
    html! {
        <>
        if index.documents.len() > SEARCH_FROM {
            <label class="picker-search">
                <span class="visually-hidden">{ format!("Search the corpus for document {side}") }</span>
                <input type="search" value={(*query).clone()} oninput={on_search} placeholder="Search the corpus: title, year, issuing body, or a phrase…"
                    data-testid={format!("search-{side}")} />
                if !query.trim().is_empty() {
                    <span class="muted" data-testid={format!("search-count-{side}")}>{ crate::output::labels::count_of(found, "title") }</span>
                }
            </label>
            { text_search(side, index, &query, &texts, &props.on_pick) }
        }
        <label class="picker">
            <span>{"Corpus document"}</span>
            <select ref={select_ref} {onchange} data-testid={format!("pick-{side}")}>
                <option value="" selected={selected.is_empty()}>{"Choose a document…"}</option>
                { for picker_groups(index, &query, selected).into_iter().map(|(body, docs)| html! {
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

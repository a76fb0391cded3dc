//! A side's paste box: text typed or pasted is compared after a pause, or at once with
//! the button.

use super::state::Side;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Quiet time after the last keystroke in a paste box before the text is compared.
const TYPING_PAUSE_MS: u32 = 700;

/// Text shorter than this (visible characters) is not compared as it is typed: the first
/// keystrokes of a text typed by hand, or a paste that failed, would replace the document
/// on that side with a stub. The button still compares it.
const TYPED_MIN_CHARS: usize = 12;

fn long_enough_to_compare_as_typed(text: &str) -> bool {
    text.chars().filter(|c| !c.is_whitespace()).take(TYPED_MIN_CHARS).count() >= TYPED_MIN_CHARS
}

/// Properties of [`PasteBox`].
#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Which side it loads.
    pub side: Side,
    /// Called with the text to compare.
    pub on_paste: Callback<String>,
}

/// The paste box, folded under "Paste text instead".
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let side = props.side.label();
    let draft = use_state(String::new);
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
            *typing.borrow_mut() = long_enough_to_compare_as_typed(&text)
                .then(|| gloo::timers::callback::Timeout::new(TYPING_PAUSE_MS, move || on_paste.emit(text)));
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            typing.borrow_mut().take();
            on_paste.emit((*draft).clone());
        })
    };
    html! {
        <details class="paste">
            <summary>{"Paste text instead"}</summary>
            <form {onsubmit}>
                <label class="visually-hidden" for={format!("paste-{side}")}>{format!("Text of document {side}")}</label>
                <textarea id={format!("paste-{side}")} rows="6" value={(*draft).clone()} {oninput}
                    placeholder="Paste a communiqué, report or speech (Chinese or English)…" />
                <button type="submit" disabled={draft.trim().is_empty()}>{ format!("Compare this text as {side}") }</button>
                if !draft.trim().is_empty() && !long_enough_to_compare_as_typed(&draft) {
                    <p class="muted paste-hint" data-testid="paste-short">
                        {"Only a few characters: press the button to compare them."}
                    </p>
                }
            </form>
        </details>
    }
}

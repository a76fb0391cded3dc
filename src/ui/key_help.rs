//! The keyboard shortcuts overlay (opened with `?`).

use yew::prelude::*;

/// Properties of [`KeyHelp`].
#[derive(Properties, PartialEq)]
pub struct KeyHelpProps {
    /// Close the overlay.
    pub on_close: Callback<()>,
}

/// The shortcuts, as shown.
pub const SHORTCUTS: [(&str, &str); 7] = [
    ("n  j  F7", "next change (after the focused row, or after where you scrolled to)"),
    ("p  k", "previous change"),
    ("s", "next changed formulation"),
    ("x", "swap documents A and B"),
    ("v", "switch between side by side and inline"),
    ("?", "show or hide this list"),
    ("Esc", "close this list"),
];

/// The overlay.
#[function_component(KeyHelp)]
pub fn key_help(props: &KeyHelpProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="keys-heading" data-testid="key-help">
            <div class="overlay-box">
                <h2 id="keys-heading">{"Keyboard shortcuts"}</h2>
                <dl class="keys">
                    { for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <>
                            <dt>{ for keys.split("  ").map(|k| html! { <kbd>{ k }</kbd> }) }</dt>
                            <dd>{ *what }</dd>
                        </>
                    }) }
                </dl>
                <button type="button" onclick={close} autofocus=true>{"Close"}</button>
            </div>
        </div>
    }
}

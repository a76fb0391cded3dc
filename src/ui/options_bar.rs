//! The options toolbar: which classes of change are marked, punctuation and whitespace,
//! and the diff unit. Emits a whole new `Options` value; never touches the comparison.

use crate::ui::state::Side;
use crate::view::options::{Granularity, Options};
use crate::view::share::View;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`OptionsBar`].
#[derive(Properties, PartialEq)]
pub struct OptionsBarProps {
    /// Current options.
    pub options: Options,
    /// Called with the changed options.
    pub on_change: Callback<Options>,
    /// Called to swap documents A and B.
    pub on_swap: Callback<()>,
    /// Current view.
    pub view: View,
    /// Called with the chosen view.
    pub on_view: Callback<View>,
}

fn checkbox(
    label: &str,
    checked: bool,
    testid: &str,
    set: impl Fn(bool) -> Options + 'static,
    on_change: &Callback<Options>,
) -> Html {
    let on_change = on_change.clone();
    let onchange =
        Callback::from(move |e: Event| on_change.emit(set(e.target_unchecked_into::<HtmlInputElement>().checked())));
    html! {
        <label class="toggle">
            <input type="checkbox" {checked} {onchange} data-testid={testid.to_string()} />
            { label.to_string() }
        </label>
    }
}

/// The toolbar.
#[function_component(OptionsBar)]
pub fn options_bar(props: &OptionsBarProps) -> Html {
    let o = props.options;
    let on_granularity = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let granularity = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "character" => Granularity::Character,
                _ => Granularity::Word,
            };
            on_change.emit(Options { granularity, ..o });
        })
    };
    let swap = props.on_swap.reform(|_: MouseEvent| ());
    html! {
        <div class="options-bar" id="options" role="group" aria-label="Comparison options">
            <fieldset class="classes">
                <legend>{"Mark changes"}</legend>
                { checkbox("Substantive", o.show_substantive, "show-substantive", move |v| Options { show_substantive: v, ..o }, &props.on_change) }
                { checkbox("Modifiers", o.show_modifier, "show-modifier", move |v| Options { show_modifier: v, ..o }, &props.on_change) }
                { checkbox("Routine (numbers, dates)", o.show_routine, "show-routine", move |v| Options { show_routine: v, ..o }, &props.on_change) }
            </fieldset>
            <fieldset class="noise">
                <legend>{"Ignore"}</legend>
                { checkbox("Punctuation", o.ignore_punctuation, "ignore-punctuation", move |v| Options { ignore_punctuation: v, ..o }, &props.on_change) }
                { checkbox("Whitespace", o.ignore_whitespace, "ignore-whitespace", move |v| Options { ignore_whitespace: v, ..o }, &props.on_change) }
            </fieldset>
            <fieldset class="view">
                <legend>{"View"}</legend>
                <label class="toggle"><input type="radio" name="view" checked={props.view == View::SideBySide}
                    onchange={props.on_view.reform(|_: Event| View::SideBySide)} data-testid="view-side" />{"Side by side"}</label>
                <label class="toggle"><input type="radio" name="view" checked={props.view == View::Inline}
                    onchange={props.on_view.reform(|_: Event| View::Inline)} data-testid="view-inline" />{"Inline"}</label>
                { checkbox("Changes only", o.changes_only, "changes-only", move |v| Options { changes_only: v, ..o }, &props.on_change) }
            </fieldset>
            <label class="granularity">
                {"Diff by "}
                <select onchange={on_granularity} data-testid="granularity">
                    <option value="word" selected={o.granularity == Granularity::Word}>{"words"}</option>
                    <option value="character" selected={o.granularity == Granularity::Character}>{"characters"}</option>
                </select>
            </label>
            <button type="button" onclick={swap} data-testid="swap" title="Swap documents A and B">
                { format!("Swap {} ⇄ {}", Side::A.label(), Side::B.label()) }
            </button>
        </div>
    }
}

//! Keyboard shortcuts: one `keydown` listener for the page's life, reading the latest
//! state from a cell refreshed every render. What a key does is decided by
//! [`crate::view::focus`]; this only listens and dispatches.

use super::state::{Action, Focus, Workspace};
use crate::compare::Comparison;
use crate::view::focus::{next_changed_formulation, step_change};
use crate::view::options::Options;
use crate::view::share::View;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the keyboard handler needs to know, refreshed every render.
#[derive(Clone)]
pub struct KeyContext {
    /// The comparison on screen.
    pub comparison: Rc<Comparison>,
    /// The options (which changes are visible).
    pub options: Options,
    /// The two texts the comparison was made of.
    pub texts: (Rc<str>, Rc<str>),
    /// The focused row.
    pub row: Option<usize>,
    /// The focused finding.
    pub focus: Option<Focus>,
    /// Side by side or inline.
    pub view: View,
    /// True while the timeline is shown (only `?` and Escape work there).
    pub timeline: bool,
}

/// Listens to the keyboard for the page's life; `ctx` is this render's context.
#[hook]
pub fn use_keyboard(ws: UseReducerHandle<Workspace>, help: UseStateHandle<bool>, ctx: KeyContext) {
    let latest = use_mut_ref(|| None::<KeyContext>);
    *latest.borrow_mut() = Some(ctx);
    use_effect_with((), move |_| {
        // Not passive (gloo's default): a handled key's default is prevented, which a
        // passive listener cannot do (Chromium logs an error for every key pressed).
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let document = gloo::utils::document();
        let listener = gloo::events::EventListener::new_with_options(&document, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if e.ctrl_key() || e.meta_key() || e.alt_key() || typing_in_a_field(e) {
                return;
            }
            let Some(ctx) = latest.borrow().clone() else { return };
            if ctx.timeline && !matches!(e.key().as_str(), "?" | "Escape") {
                return;
            }
            if on_key(&e.key(), &ctx, &ws, &help) {
                e.prevent_default();
            }
        });
        move || drop(listener)
    });
}

fn typing_in_a_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
    })
}

/// Handles one key; true when it did something.
fn on_key(key: &str, ctx: &KeyContext, ws: &UseReducerHandle<Workspace>, help: &UseStateHandle<bool>) -> bool {
    let c = &ctx.comparison;
    let texts = (ctx.texts.0.as_ref(), ctx.texts.1.as_ref());
    let go = |forward: bool| {
        if let Some(Focus::Section { side, at }) = step_change(c, &ctx.options, texts, ctx.row, forward) {
            ws.dispatch(Action::FocusSection(side, at));
        }
    };
    match key {
        "n" | "j" | "F7" => go(true),
        "p" | "k" => go(false),
        "s" => {
            if let Some(key) = next_changed_formulation(c, ctx.focus.as_ref()) {
                ws.dispatch(Action::FocusFormulation(key));
            }
        }
        "x" => ws.dispatch(Action::Swap),
        "v" => ws.dispatch(Action::SetView(if ctx.view == View::Inline { View::SideBySide } else { View::Inline })),
        "?" => help.set(!**help),
        "Escape" => help.set(false),
        _ => return false,
    }
    true
}

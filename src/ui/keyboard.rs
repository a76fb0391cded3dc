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

/// The row a step to the next (or previous) change starts from: the focused row while it
/// is on screen; else the row the reader has scrolled to, so that "next" after scrolling
/// halfway down goes on from there instead of back to the first change. A row whose top
/// is scrolled past counts as read going forward and as still to come going back.
fn starting_row(focused: Option<usize>, forward: bool) -> Option<usize> {
    let document = gloo::utils::document();
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let on_screen = |k: usize| {
        document.get_element_by_id(&format!("row-{k}")).is_some_and(|el| {
            let r = el.get_bounding_client_rect();
            r.bottom() > 0.0 && r.top() < height
        })
    };
    if focused.is_some_and(on_screen) {
        return focused;
    }
    let Some(rows) = document.query_selector(".rows").ok().flatten() else { return focused };
    let list = rows.get_bounding_client_rect();
    // Just below the sticky column heads, in the rows' own column.
    let heads = document.query_selector(".column-heads").ok().flatten();
    let line = heads.map_or(0.0, |h| h.get_bounding_client_rect().bottom()).max(list.top()).max(0.0) + 4.0;
    let x = list.left() + 8.0;
    // The point may fall between two rows or on a folded run: look a little further down.
    let reading = (0..24).find_map(|step| {
        let el = document.element_from_point(x as f32, (line + 10.0 * f64::from(step)) as f32)?;
        let row = el.closest("li.row").ok().flatten()?;
        let k = row.id().strip_prefix("row-")?.parse::<usize>().ok()?;
        Some((k, row.get_bounding_client_rect().top() < line - 4.0))
    });
    match reading {
        Some((k, scrolled_past)) if forward => {
            if scrolled_past {
                Some(k)
            } else {
                k.checked_sub(1)
            }
        }
        Some((k, scrolled_past)) => Some(if scrolled_past { k + 1 } else { k }),
        None => focused,
    }
}

/// Handles one key; true when it did something.
fn on_key(key: &str, ctx: &KeyContext, ws: &UseReducerHandle<Workspace>, help: &UseStateHandle<bool>) -> bool {
    let c = &ctx.comparison;
    let texts = (ctx.texts.0.as_ref(), ctx.texts.1.as_ref());
    let go = |forward: bool| {
        let from = starting_row(ctx.row, forward);
        if let Some(Focus::Section { side, at }) = step_change(c, &ctx.options, texts, from, forward) {
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

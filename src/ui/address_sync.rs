//! The address bar and the browser's storage follow the workspace: debounced, storage
//! first, then the address once the browser has packed the link (a task of its own); new
//! documents push a history entry, and a link packed after a newer one began is dropped.

use super::link_packing::fragment_of_json;
use super::links::{current_fragment, docs_identity, share_state, write_address};
use super::opening::STORAGE_KEY;
use super::state::{Action, Workspace};
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Keeps the address and storage in step with `ws` once it is ready (an incoming link is
/// never overwritten before it is in place).
#[hook]
pub fn use_address_sync(ws: UseReducerHandle<Workspace>) {
    let timer = use_mut_ref(|| None::<Timeout>);
    let written = use_mut_ref(String::new);
    // Each sync's number: a link packed after a newer one began is not written.
    let latest = use_mut_ref(|| 0_u64);
    let deps = (
        ws.ready,
        ws.docs.clone(),
        ws.options,
        ws.view,
        ws.focus.clone(),
        (ws.mode, ws.series.clone(), ws.timeline.clone(), ws.table.clone()),
    );
    use_effect_with(deps, move |(ready, ..)| {
        if *ready {
            let (written, latest) = (written.clone(), latest.clone());
            *timer.borrow_mut() = Some(Timeout::new(300, move || {
                // Storage first, then the address when its link is packed: with long
                // documents each takes a while, and together they would hold up input.
                let state = share_state(&ws);
                let json = super::js_json::to_json(&state);
                let kept = LocalStorage::raw().set_item(STORAGE_KEY, &json).is_ok();
                *latest.borrow_mut() += 1;
                let this = *latest.borrow();
                yew::platform::spawn_local(async move {
                    let fragment = fragment_of_json(&json).await;
                    if *latest.borrow() != this {
                        return;
                    }
                    let identity = docs_identity(&state);
                    if fragment != current_fragment() {
                        let push = !written.borrow().is_empty() && *written.borrow() != identity;
                        write_address(&fragment, push);
                    }
                    *written.borrow_mut() = identity;
                    if !kept {
                        ws.dispatch(Action::Notify(if fragment.is_empty() {
                            "This comparison is too large for the browser's storage and for a link: use “Save comparison file” to keep it.".to_string()
                        } else {
                            "This comparison could not be kept in the browser's storage; its link still holds it.".to_string()
                        }));
                    }
                });
            }));
        }
    });
}

//! Opening the page: the corpus index, then what the address (or else the browser's
//! storage) names, or else the default pair; and back and forward, which reopen the
//! comparison their address names.

use super::corpus_fetch::{fetch_index, fetch_text};
use super::links::{restore, state_in_address};
use super::state::{Action, Doc, Side, Workspace};
use crate::input::corpus::CorpusIndex;
use crate::view::share::ShareState;
use crate::view::share_state::default_state;
use gloo::storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the last comparison is kept between visits (the same JSON as a share link).
pub const STORAGE_KEY: &str = "tifa.workspace.v1";

/// The corpus index once it arrived, for listeners made once (they must see the latest).
pub type IndexRef = Rc<RefCell<Option<Rc<CorpusIndex>>>>;

/// Fetches the corpus index and, with `open`, opens the initial comparison; listens to
/// back and forward. Returns the index as it arrives.
#[hook]
pub fn use_opening(ws: UseReducerHandle<Workspace>, open: bool) -> IndexRef {
    let index_ref: IndexRef = use_mut_ref(|| None);
    {
        let (ws, index_ref) = (ws.clone(), index_ref.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                let index = match fetch_index().await {
                    Ok(index) => {
                        let index = Rc::new(index);
                        *index_ref.borrow_mut() = Some(index.clone());
                        ws.dispatch(Action::CorpusLoaded(Ok(index.clone())));
                        Some(index)
                    }
                    Err(msg) => {
                        ws.dispatch(Action::CorpusLoaded(Err(msg)));
                        None
                    }
                };
                if open {
                    open_initial(ws, index);
                }
            });
        });
    }
    // Back and forward (and a fragment edited by hand) reopen the comparison they name.
    {
        let index_ref = index_ref.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let handler = move |_: &web_sys::Event| match state_in_address() {
                Some(Ok(state)) => apply_state(ws.clone(), state, index_ref.borrow().clone()),
                Some(Err(e)) => ws.dispatch(Action::Notify(format!("This link could not be opened: {e}"))),
                None => {}
            };
            let pop = gloo::events::EventListener::new(&window, "popstate", handler.clone());
            let hash = gloo::events::EventListener::new(&window, "hashchange", handler);
            move || drop((pop, hash))
        });
    }
    index_ref
}

/// Loads corpus document `id` into `side`, dispatching the result.
pub fn load_from_corpus(ws: UseReducerHandle<Workspace>, index: Rc<CorpusIndex>, side: Side, id: String) {
    let Some(entry) = index.documents.iter().find(|d| d.id == id).cloned() else {
        ws.dispatch(Action::LoadFailed(format!("No document “{id}” in the corpus.")));
        return;
    };
    spawn_local(async move {
        match fetch_text(&entry).await {
            Ok(text) => ws.dispatch(Action::Load(side, Doc::from_corpus(&entry, text))),
            Err(msg) => ws.dispatch(Action::LoadFailed(msg)),
        }
    });
}

/// Restores `state`, dispatching the result; on failure keeps what is shown and says why.
pub fn apply_state(ws: UseReducerHandle<Workspace>, state: ShareState, index: Option<Rc<CorpusIndex>>) {
    spawn_local(async move {
        match restore(state, index).await {
            Ok(restored) => ws.dispatch(Action::Restore(Box::new(restored))),
            Err(msg) => ws.dispatch(Action::Notify(msg)),
        }
    });
}

/// Opens what the address (or else the browser's storage) names, or else the default pair.
/// When that fails, the default pair opens with a banner that says what was wrong.
fn open_initial(ws: UseReducerHandle<Workspace>, index: Option<Rc<CorpusIndex>>) {
    let fallback = index.as_deref().and_then(default_state);
    let wanted = match state_in_address() {
        Some(Ok(state)) => Ok(Some(state)),
        Some(Err(e)) => Err(format!("This link could not be opened: {e}")),
        None => Ok(LocalStorage::raw()
            .get_item(STORAGE_KEY)
            .ok()
            .flatten()
            .and_then(|json| super::js_json::from_json::<ShareState>(&json).ok())),
    };
    spawn_local(async move {
        let problem = match wanted {
            Ok(Some(state)) => match restore(state, index.clone()).await {
                Ok(restored) => {
                    ws.dispatch(Action::Restore(Box::new(restored)));
                    return;
                }
                Err(msg) => Some(format!("This link could not be opened: {msg}")),
            },
            Ok(None) => None,
            Err(msg) => Some(msg),
        };
        let Some(state) = fallback else {
            ws.dispatch(Action::Notify(
                problem.unwrap_or_else(|| "No documents to show: paste text on each side to compare.".into()),
            ));
            return;
        };
        match restore(state, index).await {
            Ok(mut restored) => {
                restored.notice = problem.or(restored.notice);
                ws.dispatch(Action::Restore(Box::new(restored)));
            }
            Err(msg) => ws.dispatch(Action::Notify(problem.unwrap_or(msg))),
        }
    });
}

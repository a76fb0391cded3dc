//! What the share bar and the rows' buttons do: copy a link (to the page, a row or a
//! formulation), save and open a comparison file, export reports, copy a quote, forget the
//! stored comparison, and open a comparison file dropped on the page.

use super::doc_panel::read_file;
use super::links::{copy_link, copy_text, download, share_state};
use super::opening::{apply_state, IndexRef, STORAGE_KEY};
use super::state::{Action, Side, Workspace};
use crate::compare::Comparison;
use crate::output::{json, report};
use crate::view::focus::section_of_row;
use crate::view::share::{FocusRef, ShareState};
use crate::view::share_state::default_state;
use gloo::storage::{LocalStorage, Storage};
use std::rc::Rc;
use yew::prelude::*;

/// The callbacks of the share bar, the rows and the findings panels.
pub struct PageActions {
    /// Copy the link to the page.
    pub on_copy: Callback<()>,
    /// Copy the link to a row.
    pub on_link_row: Callback<usize>,
    /// Copy the link to a formulation.
    pub on_link_formulation: Callback<String>,
    /// Save the comparison as a file.
    pub on_save: Callback<()>,
    /// Download a report: "md", "html", "csv" or JSON.
    pub on_export: Callback<&'static str>,
    /// Copy a row as a quote.
    pub on_quote: Callback<usize>,
    /// Open a saved comparison file (its name and text).
    pub on_open_file: Callback<(String, String)>,
    /// Forget the stored comparison and reopen the default pair.
    pub on_clear: Callback<()>,
    /// A comparison file dropped on the page.
    pub ondrop: Callback<DragEvent>,
}

impl PageActions {
    /// The actions on `comparison` of workspace `ws`; `copied_len` shows the copied link's length.
    pub fn new(
        ws: &UseReducerHandle<Workspace>,
        comparison: &Rc<Comparison>,
        index_ref: &IndexRef,
        copied_len: &UseStateHandle<Option<usize>>,
    ) -> Self {
        let copy = {
            let (ws, copied_len) = (ws.clone(), copied_len.clone());
            move |focus: Option<FocusRef>| {
                let mut state = share_state(&ws);
                if focus.is_some() {
                    state.focus = focus;
                }
                let (ws, copied_len) = (ws.clone(), copied_len.clone());
                copy_link(&state, move |copied| match copied {
                    Ok(length) => copied_len.set(Some(length)),
                    Err(why) => {
                        copied_len.set(None);
                        ws.dispatch(Action::Notify(why));
                    }
                });
            }
        };
        let on_open_file = {
            let (ws, index_ref) = (ws.clone(), index_ref.clone());
            Callback::from(move |(name, text): (String, String)| match super::js_json::from_json::<ShareState>(&text) {
                Ok(state) => apply_state(ws.clone(), state, index_ref.borrow().clone()),
                Err(e) => ws.dispatch(Action::Notify(format!(
                    "“{name}” is not a tifa comparison file ({e}). Nothing was changed."
                ))),
            })
        };
        PageActions {
            on_copy: {
                let copy = copy.clone();
                Callback::from(move |()| copy(None))
            },
            on_link_row: {
                let (copy, comparison) = (copy.clone(), comparison.clone());
                Callback::from(move |row: usize| {
                    if let Some((side, at)) = section_of_row(&comparison, row) {
                        copy(Some(FocusRef::Section { side, at }));
                    }
                })
            },
            on_link_formulation: Callback::from(move |key: String| copy(Some(FocusRef::Formulation { key, step: 0 }))),
            on_save: {
                let ws = ws.clone();
                Callback::from(move |()| {
                    let json = super::js_json::to_json(&share_state(&ws));
                    download("tifa-comparison.json", &json, "application/json");
                })
            },
            on_export: {
                let (ws, comparison) = (ws.clone(), comparison.clone());
                Callback::from(move |format: &'static str| {
                    let (a, b) = (ws.doc(Side::A).label(), ws.doc(Side::B).label());
                    let (name, contents, mime) = match format {
                        "md" => ("tifa-report.md", report::markdown(&comparison, a, b), "text/markdown"),
                        "html" => ("tifa-report.html", report::html(&comparison, a, b), "text/html"),
                        "csv" => ("tifa-formulations.csv", report::formulations_csv(&comparison, b.date), "text/csv"),
                        _ => {
                            let r = json::report(&comparison, (a.title, a.text), (b.title, b.text));
                            let text = super::js_json::to_json(&r);
                            ("tifa-comparison-report.json", text, "application/json")
                        }
                    };
                    download(name, &contents, mime);
                })
            },
            on_quote: {
                let (ws, comparison, copied_len) = (ws.clone(), comparison.clone(), copied_len.clone());
                Callback::from(move |row: usize| {
                    copy_text(&report::quote(&comparison, row, ws.doc(Side::A).label(), ws.doc(Side::B).label()));
                    copied_len.set(None);
                })
            },
            on_clear: {
                let (ws, index_ref) = (ws.clone(), index_ref.clone());
                Callback::from(move |()| {
                    LocalStorage::delete(STORAGE_KEY);
                    if let Some(state) = index_ref.borrow().as_deref().and_then(default_state) {
                        apply_state(ws.clone(), state, index_ref.borrow().clone());
                    }
                    ws.dispatch(Action::Notify(
                        "Cleared: nothing of the previous comparison is kept in this browser.".into(),
                    ));
                })
            },
            ondrop: {
                let on_open = on_open_file.clone();
                Callback::from(move |e: DragEvent| {
                    e.prevent_default();
                    let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) else { return };
                    let on_open = on_open.clone();
                    read_file(
                        file,
                        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
                            on_open.emit((name, String::from_utf8_lossy(&bytes).into_owned()))
                        }),
                    );
                })
            },
            on_open_file,
        }
    }
}

//! One side's document panel with what its picker, paste box and file chooser do.

use super::doc_panel::DocPanel;
use super::opening::load_from_corpus;
use super::state::{Action, CorpusState, Doc, Side, Workspace};
use crate::input::import::{import_file, megabytes, MAX_FILE_BYTES};
use crate::ui::text_decoder::BrowserDecoder;
use yew::prelude::*;

/// The panel of `side`: a corpus pick loads that document, a paste (up to the file cap)
/// or a file replaces the side; a failure says why and leaves the side as it was.
pub fn side_panel(ws: &UseReducerHandle<Workspace>, side: Side) -> Html {
    let on_pick = {
        let ws = ws.clone();
        Callback::from(move |id: String| {
            if let CorpusState::Ready(index) = &ws.corpus {
                load_from_corpus(ws.clone(), index.clone(), side, id);
            }
        })
    };
    let on_paste = {
        let ws = ws.clone();
        Callback::from(move |text: String| {
            // The same cap as files: past it, the paste box keeps the text and says why.
            if text.len() > MAX_FILE_BYTES {
                ws.dispatch(Action::LoadFailed(format!(
                    "The pasted text is {} MB; tifa compares documents of up to {} MB. Document {} is unchanged.",
                    megabytes(text.len()),
                    MAX_FILE_BYTES / 1_048_576,
                    side.label()
                )));
            } else {
                ws.dispatch(Action::Load(side, Doc::pasted(text)));
            }
        })
    };
    let on_file = {
        let ws = ws.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| match import_file(&name, &bytes, &BrowserDecoder) {
            Ok(doc) => ws.dispatch(Action::Load(side, Doc::imported(&name, doc))),
            Err(e) => ws.dispatch(Action::LoadFailed(format!(
                "Could not open “{name}”: {e}. Document {} is unchanged.",
                side.label()
            ))),
        })
    };
    html! { <DocPanel {side} doc={ws.doc(side).clone()} corpus={ws.corpus.clone()} {on_pick} {on_paste} {on_file} /> }
}

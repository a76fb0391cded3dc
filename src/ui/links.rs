//! Share links in the page: building the link for the current state, writing it to the
//! address bar, restoring a state from a link (fetching bundled documents), copying to the
//! clipboard and saving a comparison file. The format itself lives in [`crate::view::share`],
//! the conversion from and to the workspace in [`crate::view::share_state`].

use super::corpus_fetch::fetch_text;
use super::state::{Doc, Mode, Restored, TimelineView};
use crate::input::corpus::CorpusIndex;
use crate::view::share::{check, short_hash, unpack, DocRef, ShareError, ShareState};
pub use crate::view::share_state::{docs_identity, share_state};
use crate::view::share_state::{focus_of, table_view, timeline_view};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Loads one document a link names; `place` says where it goes, for messages.
async fn load_ref(
    doc: DocRef,
    index: Option<&Rc<CorpusIndex>>,
    place: &str,
    warnings: &mut Vec<String>,
) -> Result<Doc, String> {
    match doc {
        DocRef::Embedded { title, text, from_file } => Ok(Doc::embedded(title, text, from_file)),
        DocRef::Corpus { id, hash } => {
            let entry = index.and_then(|i| i.documents.iter().find(|d| d.id == id)).cloned();
            let Some(entry) = entry else {
                return Err(format!(
                    "The link names bundled document “{id}” for {place}, which this site does not have."
                ));
            };
            let text = fetch_text(&entry).await?;
            if short_hash(&text) != hash {
                warnings.push(format!(
                    "“{}” has changed since this link was made; {place} shows the current version.",
                    entry.title
                ));
            }
            Ok(Doc::from_corpus(&entry, text))
        }
    }
}

/// Loads the documents a share state names and returns the workspace to put in place.
pub async fn restore(state: ShareState, index: Option<Rc<CorpusIndex>>) -> Result<Restored, String> {
    let mut warnings = Vec::new();
    let a = load_ref(state.a, index.as_ref(), "side A", &mut warnings).await?;
    let b = load_ref(state.b, index.as_ref(), "side B", &mut warnings).await?;
    let mut series = Vec::new();
    let mut mode = Mode::Compare;
    let mut timeline = TimelineView::default();
    if let Some(mut t) = state.timeline {
        for (k, doc) in std::mem::take(&mut t.docs).into_iter().enumerate() {
            series.push(
                load_ref(doc, index.as_ref(), &format!("document {} of the timeline", k + 1), &mut warnings).await?,
            );
        }
        mode = if t.open { Mode::Timeline } else { Mode::Compare };
        timeline = timeline_view(&t);
    }
    Ok(Restored {
        docs: [a, b],
        options: state.options,
        view: state.view,
        table: table_view(&state.table),
        focus: state.focus.map(focus_of),
        notice: (!warnings.is_empty()).then(|| warnings.join(" ")),
        mode,
        series,
        timeline,
    })
}

/// The fragment of the page's address, without `#`.
pub fn current_fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Decodes the page's fragment: None when there is none.
pub fn state_in_address() -> Option<Result<ShareState, ShareError>> {
    let fragment = current_fragment();
    (!fragment.is_empty()).then(|| decode_in_page(&fragment))
}

/// [`crate::view::share::decode`] with the browser's JSON: unpacked, parsed, checked.
fn decode_in_page(fragment: &str) -> Result<ShareState, ShareError> {
    let json = unpack(fragment)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Invalid("its text is not UTF-8".into()))?;
    check(super::js_json::from_json(&text).map_err(ShareError::Invalid)?)
}

/// The page's address with `fragment`.
pub fn link_for(fragment: &str) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Writes the fragment to the address bar: a new history entry when `push`, else in place.
pub fn write_address(fragment: &str, push: bool) {
    let window = gloo::utils::window();
    let Ok(history) = window.history() else { return };
    // No fragment: the page's address alone (a reload then restores from the storage).
    let url = if fragment.is_empty() {
        let location = window.location();
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
    } else {
        format!("#{fragment}")
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Copies the link to `state` when it is ready ([`super::link_packing`]); `done` hears the
/// copied link's length, or why there is none.
pub fn copy_link(state: &ShareState, done: impl FnOnce(Result<usize, String>) + 'static) {
    let json = super::js_json::to_json(state);
    if json.len() > crate::view::share::MAX_LINKED_STATE_BYTES {
        done(Err(format!(
            "These documents are too long to share as a link ({} MB; links hold up to {} MB). Use \u{201c}Save comparison file\u{201d} and share the file instead.",
            crate::input::import::megabytes(json.len()),
            crate::view::share::MAX_LINKED_STATE_BYTES / (1024 * 1024)
        )));
        return;
    }
    let link = async move {
        let fragment = super::link_packing::fragment_of_json(&json).await;
        (!fragment.is_empty()).then(|| link_for(&fragment))
    };
    super::link_packing::copy_when_ready(link, move |copied| {
        done(copied.ok_or_else(|| {
            "The link could not be copied: this browser refused the clipboard or cannot pack links. Use \u{201c}Save comparison file\u{201d} instead.".to_string()
        }))
    });
}

/// Copies text to the clipboard (best effort: the promise's outcome is not awaited).
pub fn copy_text(text: &str) {
    let _ = gloo::utils::window().navigator().clipboard().write_text(text);
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, contents: &str, mime: &str) {
    if let Some(url) = blob_url(contents, mime) {
        save_url(name, &url);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// An object URL for `contents` of type `mime`, or None when the browser refuses one.
pub fn blob_url(contents: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Saves what `url` holds as a file named `name` (through a link clicked on the reader's
/// behalf).
pub fn save_url(name: &str, url: &str) {
    let document = gloo::utils::document();
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(url);
        a.set_download(name);
        let _ = document.body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
}

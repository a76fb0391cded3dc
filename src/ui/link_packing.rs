//! Packs a state's JSON into a link's fragment with the browser's own zlib
//! (`CompressionStream("deflate")`), so that the page carries no compressor of its own.
//!
//! The fragment is the one [`crate::view::share::encode_json`] makes natively (zlib bytes
//! in URL-safe base64 after the version prefix); only the compressor differs, and a zlib
//! stream from either reads back with the one decoder ([`crate::view::share::unpack`],
//! which the page keeps: `.docx` files need it too). The browser's compressor is
//! asynchronous, so links are made in a task: the address bar follows a moment later and
//! "Copy link" hands the clipboard a promise of the link.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

#[wasm_bindgen]
extern "C" {
    /// The Compression Streams API's compressor (bound here: web-sys marks it unstable).
    type CompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;
}

/// `bytes` as a zlib stream, or why the browser could not make one.
async fn zlib(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let compressor = CompressionStream::new("deflate")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let input = web_sys::Blob::new_with_u8_array_sequence(&parts)?.stream();
    let packed =
        input.pipe_through(&web_sys::ReadableWritablePair::new(&compressor.readable(), &compressor.writable()));
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&packed))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The fragment (without `#`) for a state serialized as JSON: empty when the state is too
/// large for a link ([`crate::view::share::MAX_LINKED_STATE_BYTES`]) or the browser has no
/// compressor (the comparison file and the browser's storage still keep it).
pub async fn fragment_of_json(json: &str) -> String {
    if json.len() > crate::view::share::MAX_LINKED_STATE_BYTES {
        return String::new();
    }
    match zlib(json.as_bytes()).await {
        Ok(packed) => crate::view::share::fragment_of_packed(&packed),
        Err(_) => String::new(),
    }
}

/// Copies the link `link` resolves to (None: no link could be made). The clipboard is
/// handed a promise at once, inside the click (Safari takes a write only there); browsers
/// without clipboard items are given the text once it is ready. `done` hears the copied
/// link's length in characters, or None when nothing was copied.
pub fn copy_when_ready(
    link: impl std::future::Future<Output = Option<String>> + 'static,
    done: impl FnOnce(Option<usize>) + 'static,
) {
    let window = gloo::utils::window();
    let clipboard = window.navigator().clipboard();
    let copied: Rc<RefCell<Option<String>>> = Rc::default();
    let kept = copied.clone();
    let ready = async move {
        let link = link.await;
        kept.borrow_mut().clone_from(&link);
        link.ok_or(JsValue::NULL)
    };
    let written = if js_sys::Reflect::has(&window, &JsValue::from_str("ClipboardItem")).unwrap_or(false) {
        let blob = future_to_promise(async move {
            let bag = web_sys::BlobPropertyBag::new();
            bag.set_type("text/plain");
            let text = js_sys::Array::of1(&JsValue::from_str(&ready.await?));
            web_sys::Blob::new_with_str_sequence_and_options(&text, &bag).map(JsValue::from)
        });
        let record = js_sys::Object::new();
        let item = js_sys::Reflect::set(&record, &JsValue::from_str("text/plain"), &blob)
            .and_then(|_| web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record));
        match item {
            Ok(item) => clipboard.write(&js_sys::Array::of1(&item)),
            Err(e) => js_sys::Promise::reject(&e),
        }
    } else {
        future_to_promise(async move { JsFuture::from(clipboard.write_text(&ready.await?)).await })
    };
    wasm_bindgen_futures::spawn_local(async move {
        let ok = JsFuture::from(written).await.is_ok();
        done(copied.borrow().as_ref().filter(|_| ok).map(|link| link.chars().count()));
    });
}

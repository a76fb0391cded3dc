//! JSON in the page through the browser's own `JSON` object and serde-wasm-bindgen, so the
//! page's wasm carries no JSON library (serde_json and its number printer cost about 12 KB
//! gzipped). Native code (the CLI, the tests) keeps serde_json. The JSON is the same but
//! for numbers: a whole double prints as `1`, where serde_json prints `1.0`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

/// `value` as compact JSON; empty when it cannot be written (a map with keys that are not
/// strings, which tifa's types never have).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Reads `text` as JSON into a `T`; the error says what is wrong, as JSON.parse or the
/// field that does not fit says it.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>().map_or_else(|| "not JSON".to_string(), |e| String::from(e.message()))
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

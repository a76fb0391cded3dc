//! The engine as a JavaScript library (bin `tifa-engine`): a wasm of its own for pages that
//! embed tifa (a China-watch site, a newsroom tool), apart from the page's wasm and its
//! worker's. `language(lexicon, words, phrases)` once, then `compare(a, b, options)` and
//! `timeline(documents)` return plain JS objects in the CLI's JSON schemas
//! (`tifa.comparison/1`, `tifa.timeline/1`), converted by serde-wasm-bindgen. See the README,
//! "Embedding the engine", and `static/embed-example.html`.

/// The engine as a JavaScript library: the exports a page that embeds tifa calls.
#[cfg(target_arch = "wasm32")]
mod library {
    use serde::Deserialize;
    use tifa::findings::lexicon::Lexicon;
    use tifa::{output::json, timeline, Options};
    use wasm_bindgen::prelude::*;

    /// What `compare` takes besides the two texts: the comparison options (as the CLI's
    /// JSON names them; any left out keep their defaults) and the documents' titles.
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct CompareOptions {
        #[serde(flatten)]
        options: Options,
        title_a: Option<String>,
        title_b: Option<String>,
    }

    /// One document of a timeline, as JavaScript passes it.
    #[derive(Deserialize)]
    struct Document {
        label: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        date: String,
        text: String,
    }

    fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
        let serializer =
            serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
        value.serialize(&serializer).map_err(|e| JsValue::from(e.to_string()))
    }

    thread_local! {
        static LEXICON: std::cell::RefCell<Option<&'static Lexicon>> = const { std::cell::RefCell::new(None) };
    }

    fn lexicon() -> &'static Lexicon {
        LEXICON.with(|l| *l.borrow()).unwrap_or_else(Lexicon::empty)
    }

    /// Installs the language data (the texts of `lexicon.tsv`, `zh_words.txt` and
    /// `phrases.tsv`; any may be empty: formulations then come from quotation marks and
    /// numbers only, Chinese is compared by characters, formulations have no record).
    #[wasm_bindgen(js_name = language)]
    pub fn language(lexicon: String, words: String, phrases: String) {
        let parsed = Lexicon::parse_owned(lexicon).with_words_owned(words).with_phrases_owned(phrases);
        let leaked: &'static Lexicon = Box::leak(Box::new(parsed));
        LEXICON.with(|l| *l.borrow_mut() = Some(leaked));
    }

    /// Compares text `a` with text `b`: the CLI's JSON (`tifa.comparison/1`) as a plain
    /// object. `options` may be `undefined` or an object such as
    /// `{granularity: "character", title_a: "2022", title_b: "2023"}`.
    #[wasm_bindgen(js_name = compare)]
    pub fn compare(a: &str, b: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let given: CompareOptions = if options.is_undefined() || options.is_null() {
            CompareOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(|e| JsValue::from(format!("options: {e}")))?
        };
        let c = tifa::compare::compare_with(a, b, given.options.granularity, lexicon());
        let title_a = given.title_a.unwrap_or_else(|| "A".to_string());
        let title_b = given.title_b.unwrap_or_else(|| "B".to_string());
        to_js(&json::report(&c, (&title_a, a), (&title_b, b)))
    }

    /// The timeline of `documents` (an array of `{label, title, date, text}`, in the order
    /// given): the CLI's JSON (`tifa.timeline/1`) as a plain object.
    #[wasm_bindgen(js_name = timeline)]
    pub fn timeline(documents: JsValue) -> Result<JsValue, JsValue> {
        let docs: Vec<Document> =
            serde_wasm_bindgen::from_value(documents).map_err(|e| JsValue::from(format!("documents: {e}")))?;
        let series: Vec<timeline::SeriesDoc<'_>> = docs
            .iter()
            .map(|d| timeline::SeriesDoc { label: &d.label, title: &d.title, date: &d.date, text: &d.text })
            .collect();
        to_js(&timeline::json::report(&timeline::build(&series, lexicon())))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("tifa-engine is the engine as a JavaScript library: build it with `trunk build` (see README).");
}

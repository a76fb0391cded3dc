//! The comparison worker's wasm (bin `tifa-worker`): the engine and nothing of the page.
//!
//! trunk builds it as a separate, speed-optimised wasm (`index.html`, profile `worker`);
//! `static/compare-worker.js` loads it in a dedicated worker and calls these exports when
//! the page hands it a large comparison (see `src/ui/offload.rs`). The page itself is
//! optimised for size; the engine's hot loops run 1.5 to 2 times faster at `opt-level = 3`.
//!
//! The engine as a JavaScript library for other pages is a wasm of its own
//! (`src/engine_main.rs`), so that this one stays small.

#[cfg(target_arch = "wasm32")]
mod exports {
    use std::cell::RefCell;
    use tifa::findings::lexicon::Lexicon;
    use tifa::Granularity;
    use tifa::Options;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static LEXICON: RefCell<Option<&'static Lexicon>> = const { RefCell::new(None) };
        static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    fn lexicon() -> &'static Lexicon {
        LEXICON.with(|l| *l.borrow()).unwrap_or_else(Lexicon::empty)
    }

    /// Installs the lexicon, the Chinese word list and the phrase table (once per worker;
    /// any may be empty) and a panic hook
    /// that keeps the message, so the page can say what went wrong instead of "unreachable".
    #[wasm_bindgen]
    pub fn tifa_worker_lexicon(tsv: String, words: String, phrases: String) {
        std::panic::set_hook(Box::new(|info| PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()))));
        let lexicon: &'static Lexicon =
            Box::leak(Box::new(Lexicon::parse_owned(tsv).with_words_owned(words).with_phrases_owned(phrases)));
        LEXICON.with(|l| *l.borrow_mut() = Some(lexicon));
    }

    /// The message of the panic that stopped the last call, if any.
    #[wasm_bindgen]
    pub fn tifa_worker_panic_message() -> Option<String> {
        PANIC.with(|p| p.borrow().clone())
    }

    /// Compares `a` with `b` (options as JSON), calling `progress(stage, percent)` as it
    /// goes, and returns the comparison in binary form (`tifa::output::wire`).
    #[wasm_bindgen]
    pub fn tifa_worker_compare(
        a: &str,
        b: &str,
        options: &str,
        progress: &js_sys::Function,
    ) -> Result<Vec<u8>, JsValue> {
        let options: Options = serde_json::from_str(options).map_err(|e| JsValue::from(e.to_string()))?;
        let mut report = |stage: &'static str, percent: u32| {
            let _ = progress.call2(&JsValue::NULL, &stage.into(), &percent.into());
        };
        let comparison = tifa::compare::compare_reporting(a, b, options.granularity, lexicon(), &mut report);
        Ok(tifa::output::wire::encode(&comparison))
    }

    /// The whole comparison, for the browser benchmark (`e2e/bench/browser-bench.mjs`):
    /// returns the number of rows, so the call cannot be optimised away.
    #[wasm_bindgen]
    pub fn tifa_worker_bench(a: &str, b: &str) -> usize {
        tifa::compare::compare_with(a, b, Granularity::default(), lexicon()).rows.len()
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("tifa-worker is the browser app's comparison worker: build it with `trunk build` (see README).");
}

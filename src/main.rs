//! The browser app's entry point: mounts the yew UI (built by trunk for wasm32), and exports
//! functions the browser benchmark (`e2e/bench/browser-bench.mjs`) and the end-to-end tests call.

#[cfg(target_arch = "wasm32")]
mod bench_exports {
    use std::cell::RefCell;
    use tifa::findings::lexicon::Lexicon;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static LEXICON: RefCell<Option<&'static Lexicon>> = const { RefCell::new(None) };
    }

    /// Installs the lexicon and word list the benchmark's comparisons use (parsed once).
    #[wasm_bindgen]
    pub fn tifa_bench_prepare(lexicon_tsv: String, words: String, phrases: String) {
        let lexicon: &'static Lexicon =
            Box::leak(Box::new(Lexicon::parse_owned(lexicon_tsv).with_words_owned(words).with_phrases_owned(phrases)));
        LEXICON.with(|l| *l.borrow_mut() = Some(lexicon));
    }

    /// Runs the whole comparison (segment, align, diff, formulations, priorities) and returns
    /// the number of rows, so the call cannot be optimised away.
    #[wasm_bindgen]
    pub fn tifa_bench_compare(a: &str, b: &str) -> usize {
        let lexicon = LEXICON.with(|l| *l.borrow()).unwrap_or_else(Lexicon::empty);
        tifa::compare::compare_with(a, b, tifa::Granularity::default(), lexicon).rows.len()
    }

    /// Panics. The end-to-end tests call it to check that a panic shows the error banner and
    /// that a reload restores the documents (`e2e/tests/hostile.spec.mjs`); nothing in the
    /// page calls it.
    #[wasm_bindgen]
    pub fn tifa_debug_panic() {
        panic!("tifa_debug_panic: a panic forced by a test");
    }

    /// Builds the timeline of a series (texts joined by U+001E, the record separator) and
    /// returns the number of formulation rows.
    #[wasm_bindgen]
    pub fn tifa_bench_timeline(joined: &str) -> usize {
        let lexicon = LEXICON.with(|l| *l.borrow()).unwrap_or_else(Lexicon::empty);
        let docs: Vec<tifa::timeline::SeriesDoc<'_>> = joined
            .split('\u{1e}')
            .map(|text| tifa::timeline::SeriesDoc { label: "", title: "", date: "", text })
            .collect();
        tifa::timeline::build(&docs, lexicon).formulations.len()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    tifa::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tifa-web is the browser app: build it with `trunk build` (see README). For the CLI, run `tifa`.");
}

//! The comparison the page shows, derived from the two texts and never stored: computed on
//! the spot when the texts are short, in the worker ([`super::offload`]) when they are long,
//! so that no comparison holds up the page for more than a frame or two.

use super::offload::{self, WorkerEvent};
use crate::compare::{compare_with, Comparison};
use crate::findings::lexicon::Lexicon;
use crate::view::options::{Granularity, Options};
use std::rc::Rc;
use yew::prelude::*;

/// The formulation lexicon, the Chinese word list and the phrase table, fetched from the
/// site.
#[derive(Clone)]
pub enum LexiconState {
    /// Still coming.
    Loading,
    /// Here (either part may be empty when its file could not be fetched).
    Ready(Rc<Lexicon>),
    /// Not fetched (pages with preset documents, in tests): formulations come from
    /// quotation marks and numbers only, Chinese is compared by characters.
    Unavailable,
}

impl PartialEq for LexiconState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LexiconState::Ready(a), LexiconState::Ready(b)) => Rc::ptr_eq(a, b),
            (LexiconState::Loading, LexiconState::Loading) | (LexiconState::Unavailable, LexiconState::Unavailable) => {
                true
            }
            _ => false,
        }
    }
}

impl LexiconState {
    /// The texts the worker parses: the lexicon's TSV, the word list and the phrase table
    /// (empty unless here).
    fn sources(&self) -> offload::LanguageData {
        match self {
            LexiconState::Ready(l) => (l.source(), l.words_source(), l.phrases().source()),
            _ => ("", "", ""),
        }
    }
}

/// A comparison with the texts it was computed from: the view draws spans of these texts,
/// so it must never pair a comparison with newer texts. Equal by identity (a comparison of
/// two long reports is too large to compare field by field on every render).
#[derive(Clone)]
pub struct Shown {
    /// The comparison.
    pub comparison: Rc<Comparison>,
    /// Text of A.
    pub text_a: Rc<str>,
    /// Text of B.
    pub text_b: Rc<str>,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && Rc::ptr_eq(&self.text_a, &other.text_a)
            && Rc::ptr_eq(&self.text_b, &other.text_b)
    }
}

/// Where the comparison of the current texts stands.
#[derive(Clone, PartialEq)]
pub enum Derived {
    /// Done.
    Ready(Shown),
    /// Running in the worker: its stage and how far it is, in percent.
    Working {
        /// What it is doing.
        stage: String,
        /// How far it is.
        percent: u32,
        /// Bytes of A and of B, to say what is being compared.
        sizes: (usize, usize),
    },
    /// The worker failed (the message says why); the documents are untouched.
    Failed(String),
}

/// A text compared by identity: hooks compare their keys on every render, and comparing
/// two megabytes byte by byte on each progress report would itself hold up the page. A new
/// text object means new text (or at worst one needless recomputation).
#[derive(Clone)]
struct Text(Rc<str>);

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

type Key = (Text, Text, Granularity, LexiconState);

fn compute(key: &Key) -> Shown {
    let (Text(a), Text(b), granularity, lexicon) = key;
    let comparison = match lexicon {
        LexiconState::Ready(l) => compare_with(a, b, *granularity, l),
        _ => compare_with(a, b, *granularity, Lexicon::empty()),
    };
    Shown { comparison: Rc::new(comparison), text_a: a.clone(), text_b: b.clone() }
}

/// The comparison on the main thread when the worker cannot do it, saying why in the console.
fn compute_without_worker(key: &Key, why: &str) -> Shown {
    gloo::console::warn!(format!("tifa: comparing on the page instead of in a worker: {why}"));
    compute(key)
}

/// The comparison of `a` with `b`, by the fastest route that keeps the page responsive.
#[hook]
pub fn use_derived_comparison(a: Rc<str>, b: Rc<str>, granularity: Granularity, lexicon: LexiconState) -> Derived {
    let key: Key = (Text(a), Text(b), granularity, lexicon);
    let large = offload::worth_offloading(key.0 .0.len() + key.1 .0.len());
    let on_main = use_memo((key.clone(), large), |(key, large)| (!large).then(|| compute(key)));
    let from_worker = use_state(|| None::<(Key, Result<Shown, String>)>);
    let progress = use_state(|| ("Starting the comparison".to_string(), 0u32));
    {
        let from_worker = from_worker.clone();
        let progress = progress.clone();
        use_effect_with((key.clone(), large), move |(key, large)| {
            if !*large {
                offload::cancel();
                return;
            }
            progress.set(("Starting the comparison".into(), 0));
            let on_event = {
                let key = key.clone();
                let from_worker = from_worker.clone();
                Callback::from(move |event: WorkerEvent| match event {
                    WorkerEvent::Progress(stage, percent) => progress.set((stage, percent)),
                    WorkerEvent::Done(result) => {
                        let shown = result.map(|comparison| Shown {
                            comparison,
                            text_a: key.0 .0.clone(),
                            text_b: key.1 .0.clone(),
                        });
                        from_worker.set(Some((key.clone(), shown)));
                    }
                    WorkerEvent::Unavailable(why) => {
                        from_worker.set(Some((key.clone(), Ok(compute_without_worker(&key, &why)))));
                    }
                })
            };
            let options = Options { granularity: key.2, ..Options::default() };
            if let Err(why) = offload::compare_in_worker(&key.0 .0, &key.1 .0, options, key.3.sources(), on_event) {
                from_worker.set(Some((key.clone(), Ok(compute_without_worker(key, &why)))));
            }
        });
    }
    if let Some(shown) = on_main.as_ref() {
        return Derived::Ready(shown.clone());
    }
    match from_worker.as_ref() {
        Some((done, Ok(shown))) if *done == key => Derived::Ready(shown.clone()),
        Some((done, Err(why))) if *done == key => Derived::Failed(why.clone()),
        _ => {
            Derived::Working { stage: progress.0.clone(), percent: progress.1, sizes: (key.0 .0.len(), key.1 .0.len()) }
        }
    }
}

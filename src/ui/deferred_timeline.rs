//! The timeline of the series, worked out in tasks of its own.
//!
//! A series of eight long reports takes over a hundred milliseconds to analyse in wasm the
//! first time, and drawing its heat map takes about as long again. Done in the render that
//! shows the new series, the two would hold up the page in one long task. Here the render
//! that changes the series only starts a job that runs a task at a time: one per document
//! (sections and formulations), one for the pairs and tables, and one that hands the result
//! to the page. Meanwhile the page keeps showing the timeline it had, marked as out of date,
//! so editing a series does not make the charts flash away and back.

use super::derived_comparison::LexiconState;
use super::state::{Doc, Source};
use crate::findings::lexicon::Lexicon;
use crate::timeline::{self, DocAnalysis, SeriesDoc, Timeline};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The timeline the page can show.
#[derive(Clone, PartialEq)]
pub struct TimelineState {
    /// The latest timeline worked out, if any (possibly of an earlier series).
    pub shown: Option<Rc<Timeline>>,
    /// True when `shown` is the timeline of the series as it is now.
    pub current: bool,
}

type Key = (Vec<Doc>, LexiconState);

/// The timeline of `docs`, worked out after the render that asks for it while `active`
/// (the timeline is on screen). Leaving the timeline keeps the last one worked out, so
/// coming back to the same series (from a pair opened on it) shows it at once, as it was.
#[hook]
pub fn use_deferred_timeline(docs: Vec<Doc>, lexicon: LexiconState, active: bool) -> TimelineState {
    let done = use_state(|| None::<(Key, Rc<Timeline>)>);
    let key: Key = (docs, lexicon);
    let to_work_out = active && done.as_ref().is_none_or(|(k, _)| *k != key);
    {
        let done = done.clone();
        use_effect_with((key.clone(), to_work_out), move |(key, to_work_out)| {
            let job = to_work_out.then(|| {
                Rc::new(Job {
                    lexicon: match &key.1 {
                        LexiconState::Ready(l) => l.clone(),
                        _ => Rc::new(Lexicon::parse("")),
                    },
                    key: key.clone(),
                    analyses: RefCell::default(),
                    built: RefCell::default(),
                    cancelled: Cell::new(false),
                    done,
                })
            });
            if let Some(job) = &job {
                Job::schedule(job);
            }
            // A newer series (or leaving the timeline) cancels whichever task is pending.
            move || {
                if let Some(job) = job {
                    job.cancelled.set(true);
                }
            }
        });
    }
    match done.as_ref() {
        Some((k, t)) => TimelineState { shown: Some(t.clone()), current: *k == key },
        None => TimelineState { shown: None, current: false },
    }
}

/// The work on one series, a task at a time: each document, then the pairs and tables,
/// then handing the result over (which renders it).
struct Job {
    key: Key,
    lexicon: Rc<Lexicon>,
    analyses: RefCell<Vec<DocAnalysis>>,
    built: RefCell<Option<Timeline>>,
    /// Set when the series has changed since: the pending task then does nothing.
    cancelled: Cell<bool>,
    done: UseStateHandle<Option<(Key, Rc<Timeline>)>>,
}

impl Job {
    fn schedule(job: &Rc<Job>) {
        // Left to run rather than held: a task that replaced its own timer would drop the
        // closure it is running in. A cancelled job's next task just returns.
        let next = job.clone();
        Timeout::new(0, move || Job::step(&next)).forget();
    }

    fn step(job: &Rc<Job>) {
        if job.cancelled.get() {
            return;
        }
        let docs = &job.key.0;
        if let Some(built) = job.built.borrow_mut().take() {
            job.done.set(Some((job.key.clone(), Rc::new(built))));
            return;
        }
        let analysed = job.analyses.borrow().len();
        if analysed < docs.len() {
            let analysis = timeline::analyse(&docs[analysed].text, &job.lexicon);
            job.analyses.borrow_mut().push(analysis);
        } else {
            let labels = labels(docs);
            let series: Vec<SeriesDoc<'_>> = docs
                .iter()
                .zip(&labels)
                .map(|(d, label)| SeriesDoc { label, title: &d.title, date: &d.date, text: &d.text })
                .collect();
            let analyses = std::mem::take(&mut *job.analyses.borrow_mut());
            *job.built.borrow_mut() = Some(timeline::assemble(&series, analyses));
        }
        Job::schedule(job);
    }
}

/// Column labels: a corpus document's id, otherwise the start of its title.
fn labels(docs: &[Doc]) -> Vec<String> {
    docs.iter()
        .map(|d| match &d.source {
            Source::Corpus(id) => id.clone(),
            _ => d.title.chars().take(14).collect(),
        })
        .collect()
}

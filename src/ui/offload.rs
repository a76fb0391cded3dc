//! Large comparisons off the main thread.
//!
//! Comparing two long reports takes longer than a frame, and wasm on the main thread cannot
//! be interrupted: the page would freeze while typing, scrolling or clicking. So past
//! [`OFFLOAD_ABOVE_BYTES`] the page hands the two texts to a dedicated worker
//! (`static/compare-worker.js`) that loads the engine's own wasm (bin `tifa-worker`,
//! `src/worker_main.rs`, built for speed where the page is built for size), runs
//! [`crate::compare::compare_reporting`] and posts back its progress and then the
//! [`Comparison`] in binary form ([`crate::output::wire`]). The page stays usable and shows the
//! progress meanwhile.
//!
//! One worker is kept for the page. A new request while it is busy terminates it (the
//! running comparison is stale) and starts a fresh one, so typing never queues work.
//! When no worker can be made, or it cannot load its wasm (a browser without workers, a
//! page served without the worker's files, a stale worker of another build), the caller
//! is told ([`WorkerEvent::Unavailable`] or an error) and compares on the main thread.

use crate::compare::Comparison;
use crate::view::options::Options;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

/// Above this many bytes of text (both documents together) a comparison runs in the worker.
/// The sample pair (24 KB) compares in about 7 ms in the browser; a pair of congress reports
/// (about 190 KB) takes over 50 ms, a long task that holds up input.
pub const OFFLOAD_ABOVE_BYTES: usize = 96 * 1024;

/// The worker script, relative to the page (so any sub-path works).
const WORKER_SCRIPT: &str = "compare-worker.js";

/// What the worker reports about a job.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerEvent {
    /// It is at this stage, this many percent through.
    Progress(String, u32),
    /// The comparison, or why there is none.
    Done(Result<Rc<Comparison>, String>),
    /// The worker could not be started or loaded (the page compares on its own instead).
    Unavailable(String),
}

/// The page's worker and what is listening to it.
struct Running {
    worker: Worker,
    busy: bool,
    job: u32,
    /// What it was started with: a worker keeps its language data, so new data (the phrase
    /// table arriving after the first comparison) needs a new worker.
    data: LanguageData,
    listener: Rc<RefCell<Callback<WorkerEvent>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// True when the comparison of texts this long should run in the worker, and this browser
/// has workers.
pub fn worth_offloading(bytes: usize) -> bool {
    bytes > OFFLOAD_ABOVE_BYTES && js_sys::Reflect::has(&js_sys::global(), &"Worker".into()).unwrap_or(false)
}

/// The language data a worker is started with: the lexicon's TSV, the Chinese word list and
/// the phrase table.
pub type LanguageData = (&'static str, &'static str, &'static str);

fn start_worker(data: LanguageData) -> Result<Running, String> {
    let (lexicon_tsv, words, phrases) = data;
    let worker = Worker::new(WORKER_SCRIPT).map_err(|e| format!("{e:?}"))?;
    let listener: Rc<RefCell<Callback<WorkerEvent>>> = Rc::new(RefCell::new(Callback::noop()));
    let on_message = {
        let listener = listener.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(event) = read_message(&e.data()) {
                // Cloned out first: the page may start the next job from inside the callback.
                let callback = listener.borrow().clone();
                callback.emit(event);
            }
        })
    };
    let on_error = {
        let listener = listener.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let why = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the comparison worker could not be started".into());
            forget_worker();
            let callback = listener.borrow().clone();
            callback.emit(WorkerEvent::Unavailable(why));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let fields = js_sys::Object::new();
    set(&fields, "lexicon", &lexicon_tsv.into());
    set(&fields, "words", &words.into());
    set(&fields, "phrases", &phrases.into());
    set(&init, "init", &fields);
    worker.post_message(&init).map_err(|e| format!("{e:?}"))?;
    Ok(Running { worker, busy: false, job: 0, data, listener, _on_message: on_message, _on_error: on_error })
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Reads one message of the worker (see `static/compare-worker.js` for the shapes).
fn read_message(data: &JsValue) -> Option<WorkerEvent> {
    let job = get(data, "job").as_f64()? as u32;
    let current = RUNNING.with(|r| r.borrow().as_ref().map(|r| r.job));
    if current != Some(job) {
        return None;
    }
    let progress = get(data, "progress");
    if progress.is_object() {
        let stage = js_sys::Reflect::get_u32(&progress, 0).ok()?.as_string()?;
        let percent = js_sys::Reflect::get_u32(&progress, 1).ok()?.as_f64()? as u32;
        return Some(WorkerEvent::Progress(stage, percent));
    }
    if let Some(why) = get(data, "unavailable").as_string() {
        forget_worker();
        return Some(WorkerEvent::Unavailable(why));
    }
    let bytes = get(data, "bytes");
    let finished = if let Some(bytes) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        match crate::output::wire::decode(&bytes.to_vec()) {
            Ok(c) => Ok(Rc::new(c)),
            // A worker of another build (a stale cached copy): the page compares itself.
            Err(e) => {
                forget_worker();
                return Some(WorkerEvent::Unavailable(format!("the worker's result could not be read ({e})")));
            }
        }
    } else {
        let why = get(data, "error").as_string().unwrap_or_else(|| "the worker stopped".into());
        if get(data, "fatal").is_truthy() {
            forget_worker();
        }
        Err(why)
    };
    RUNNING.with(|r| {
        if let Some(r) = r.borrow_mut().as_mut() {
            r.busy = false;
        }
    });
    Some(WorkerEvent::Done(finished))
}

/// Drops the worker (after it failed): the next job starts a new one.
fn forget_worker() {
    let old = RUNNING.with(|r| r.borrow_mut().take());
    if let Some(old) = old {
        old.worker.terminate();
        // Dropping the closures from inside one of them is not allowed: let them go later.
        let Running { _on_message, _on_error, .. } = old;
        _on_message.forget();
        _on_error.forget();
    }
}

/// Compares `a` with `b` in the worker; `on_event` hears the progress and the result. A job
/// still running is abandoned (its worker is terminated).
pub fn compare_in_worker(
    a: &str,
    b: &str,
    options: Options,
    language_data: LanguageData,
    on_event: Callback<WorkerEvent>,
) -> Result<(), String> {
    cancel();
    let same_data = |d: &LanguageData| {
        std::ptr::eq(d.0, language_data.0) && std::ptr::eq(d.1, language_data.1) && std::ptr::eq(d.2, language_data.2)
    };
    if RUNNING.with(|r| r.borrow().as_ref().is_some_and(|r| !same_data(&r.data))) {
        forget_worker();
    }
    if RUNNING.with(|r| r.borrow().is_none()) {
        let running = start_worker(language_data)?;
        RUNNING.with(|r| *r.borrow_mut() = Some(running));
    }
    RUNNING.with(|r| {
        let mut r = r.borrow_mut();
        let running = r.as_mut().ok_or("no worker")?;
        running.job = running.job.wrapping_add(1);
        running.busy = true;
        *running.listener.borrow_mut() = on_event;
        let message = js_sys::Object::new();
        set(&message, "job", &running.job.into());
        set(&message, "a", &a.into());
        set(&message, "b", &b.into());
        set(&message, "options", &super::js_json::to_json(&options).into());
        running.worker.post_message(&message).map_err(|e| format!("{e:?}"))
    })
}

/// Stops a running job, if any (its result is no longer wanted).
pub fn cancel() {
    let busy = RUNNING.with(|r| r.borrow().as_ref().is_some_and(|r| r.busy));
    if busy {
        forget_worker();
    }
}

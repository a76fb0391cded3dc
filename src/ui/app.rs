//! The root component: owns the workspace reducer, loads the corpus, derives the comparison.

use super::comparison_view::ComparisonView;
use super::corpus_fetch::{fetch_index, fetch_lexicon, fetch_phrases, fetch_text};
use super::deferred_timeline::use_deferred_timeline;
use super::derived_comparison::{use_derived_comparison, Derived, LexiconState, Shown};
use super::doc_panel::{read_file, DocPanel};
use super::key_help::KeyHelp;
use super::links::{
    copy_text, current_fragment, docs_identity, download, fragment_of_json, link_of, restore, share_state,
    state_in_address, write_address,
};
use super::options_bar::OptionsBar;
use super::priorities_panel::PrioritiesPanel;
use super::series_editor::SeriesEdits;
use super::share_bar::ShareBar;
use super::slogans_panel::SlogansPanel;
use super::state::{Action, CorpusState, Doc, Focus, Mode, Side, Source, Workspace};
use super::summary_strip::SummaryStrip;
use super::timeline_page::TimelinePage;
use crate::compare::options::Options;
use crate::compare::{compare_with, Comparison};
use crate::findings::lexicon::Lexicon;
use crate::findings::slogan_changes::SloganStatus;
use crate::input::corpus::CorpusIndex;
use crate::input::import::{import_file, size_label};
use crate::text::normalize::guess_language;
use crate::timeline;
use crate::ui::text_decoder::BrowserDecoder;
use crate::util::span::Span;
use crate::view::navigation;
use crate::view::share::{DocRef, FocusRef, ShareState, View};
use crate::{output::json, output::report};
use gloo::storage::{LocalStorage, Storage};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the last comparison is kept between visits (the same JSON as a share link).
pub const STORAGE_KEY: &str = "tifa.workspace.v1";

/// The pair shown when the page opens with no other state: the sample and its
/// illustrative edit.
pub const DEFAULT_PAIR: [&str; 2] = ["dalian-12-9-en", "dalian-12-9-demo-en"];

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Documents to show instead of fetching the default pair (used by tests and embeds).
    #[prop_or_default]
    pub preset: Option<Rc<[Doc; 2]>>,
}

/// Loads corpus document `id` into `side`, dispatching the result.
fn load_from_corpus(ws: UseReducerHandle<Workspace>, index: Rc<CorpusIndex>, side: Side, id: String) {
    let Some(entry) = index.documents.iter().find(|d| d.id == id).cloned() else {
        ws.dispatch(Action::LoadFailed(format!("No document “{id}” in the corpus.")));
        return;
    };
    spawn_local(async move {
        match fetch_text(&entry).await {
            Ok(text) => ws.dispatch(Action::Load(side, Doc::from_corpus(&entry, text))),
            Err(msg) => ws.dispatch(Action::LoadFailed(msg)),
        }
    });
}

/// The share state of the default pair (or the first two documents of the corpus).
fn default_state(index: &CorpusIndex) -> Option<ShareState> {
    let pick = |id: &str| index.documents.iter().find(|d| d.id == id);
    let (a, b) = match (pick(DEFAULT_PAIR[0]), pick(DEFAULT_PAIR[1])) {
        (Some(a), Some(b)) => (a, b),
        _ => (index.documents.first()?, index.documents.get(1)?),
    };
    let doc =
        |e: &crate::input::corpus::CorpusEntry| DocRef::Corpus { id: e.id.clone(), hash: e.hash[..8].to_string() };
    Some(ShareState {
        a: doc(a),
        b: doc(b),
        options: Options::default(),
        view: View::default(),
        focus: None,
        timeline: None,
    })
}

/// Restores `state`, dispatching the result; on failure keeps what is shown and says why.
fn apply_state(ws: UseReducerHandle<Workspace>, state: ShareState, index: Option<Rc<CorpusIndex>>) {
    spawn_local(async move {
        match restore(state, index).await {
            Ok(restored) => ws.dispatch(Action::Restore(Box::new(restored))),
            Err(msg) => ws.dispatch(Action::Notify(msg)),
        }
    });
}

/// Opens what the address (or else the browser's storage) names, or else the default pair.
/// When that fails, the default pair opens with a banner that says what was wrong.
fn open_initial(ws: UseReducerHandle<Workspace>, index: Option<Rc<CorpusIndex>>) {
    let fallback = index.as_deref().and_then(default_state);
    let wanted = match state_in_address() {
        Some(Ok(state)) => Ok(Some(state)),
        Some(Err(e)) => Err(format!("This link could not be opened: {e}")),
        None => Ok(LocalStorage::get::<ShareState>(STORAGE_KEY).ok()),
    };
    spawn_local(async move {
        let problem = match wanted {
            Ok(Some(state)) => match restore(state, index.clone()).await {
                Ok(restored) => {
                    ws.dispatch(Action::Restore(Box::new(restored)));
                    return;
                }
                Err(msg) => Some(format!("This link could not be opened: {msg}")),
            },
            Ok(None) => None,
            Err(msg) => Some(msg),
        };
        let Some(state) = fallback else {
            ws.dispatch(Action::Notify(
                problem.unwrap_or_else(|| "No documents to show: paste text on each side to compare.".into()),
            ));
            return;
        };
        match restore(state, index).await {
            Ok(mut restored) => {
                restored.notice = problem.or(restored.notice);
                ws.dispatch(Action::Restore(Box::new(restored)));
            }
            Err(msg) => ws.dispatch(Action::Notify(problem.unwrap_or(msg))),
        }
    });
}

/// What the focus means for the view: spans to highlight and the row to scroll to.
#[derive(Default)]
struct FocusTargets {
    highlights_a: Rc<Vec<Span>>,
    highlights_b: Rc<Vec<Span>>,
    row: Option<usize>,
}

fn focus_targets(c: &Comparison, focus: Option<&Focus>) -> FocusTargets {
    match focus {
        Some(Focus::Slogan { key, step }) => {
            let Some(s) = c.slogans.iter().find(|s| s.key == *key) else { return FocusTargets::default() };
            let rows = c.rows_showing(&s.occurrences_a, &s.occurrences_b);
            FocusTargets {
                highlights_a: Rc::new(s.occurrences_a.clone()),
                highlights_b: Rc::new(s.occurrences_b.clone()),
                row: (!rows.is_empty()).then(|| rows[step % rows.len()]),
            }
        }
        Some(Focus::Section { side, at }) => {
            let row = if *side == Side::A { c.row_of_a(*at) } else { c.row_of_b(*at) };
            FocusTargets { row, ..FocusTargets::default() }
        }
        None => FocusTargets::default(),
    }
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let ws = use_reducer({
        let preset = props.preset.clone();
        move || {
            let mut w = Workspace::default();
            if let Some(docs) = preset {
                w.docs = (*docs).clone();
                w.ready = true;
            }
            w
        }
    });
    // The corpus index, for listeners created once (they must see the latest value).
    let index_ref: Rc<std::cell::RefCell<Option<Rc<CorpusIndex>>>> = use_mut_ref(|| None);
    let copied_len = use_state(|| None::<usize>);
    // The lexicon arrives from the site; tests with preset documents go without it.
    let lexicon = use_state(|| if props.preset.is_some() { LexiconState::Unavailable } else { LexiconState::Loading });
    // What is missing of the language data, said for as long as it is missing (a notice
    // would be gone with the next action).
    let language_warning = use_state(|| None::<String>);
    {
        let lexicon = lexicon.clone();
        let language_warning = language_warning.clone();
        let fetch = props.preset.is_none();
        use_effect_with((), move |_| {
            if fetch {
                spawn_local(async move {
                    let (fetched, warning) = fetch_lexicon().await;
                    let (source, words) = (fetched.source(), fetched.words_source());
                    lexicon.set(LexiconState::Ready(Rc::new(fetched)));
                    language_warning.set(warning.clone());
                    // The phrase table comes second: the comparison is drawn without it, then
                    // drawn again with its set phrases and every formulation's record.
                    let warning = match fetch_phrases().await {
                        Ok(phrases) => {
                            // Parsed again with the table (a few milliseconds, once): a clonable
                            // lexicon would cost the page more than that in wasm.
                            let with_phrases = Lexicon::parse(source).with_words(words).with_phrases_owned(phrases);
                            lexicon.set(LexiconState::Ready(Rc::new(with_phrases)));
                            warning
                        }
                        Err(why) => {
                            let missing = format!(
                                "Could not load the phrase table ({why}); formulations are shown without their record in earlier years."
                            );
                            Some(warning.map_or(missing.clone(), |w| format!("{w} {missing}")))
                        }
                    };
                    language_warning.set(warning);
                });
            }
        });
    }

    {
        let ws = ws.clone();
        let index_ref = index_ref.clone();
        let open = props.preset.is_none();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let index = match fetch_index().await {
                    Ok(index) => {
                        let index = Rc::new(index);
                        *index_ref.borrow_mut() = Some(index.clone());
                        ws.dispatch(Action::CorpusLoaded(Ok(index.clone())));
                        Some(index)
                    }
                    Err(msg) => {
                        ws.dispatch(Action::CorpusLoaded(Err(msg)));
                        None
                    }
                };
                if open {
                    open_initial(ws, index);
                }
            });
        });
    }

    // Back and forward (and a fragment edited by hand) reopen the comparison they name.
    {
        let ws = ws.clone();
        let index_ref = index_ref.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let handler = move |_: &web_sys::Event| match state_in_address() {
                Some(Ok(state)) => apply_state(ws.clone(), state, index_ref.borrow().clone()),
                Some(Err(e)) => ws.dispatch(Action::Notify(format!("This link could not be opened: {e}"))),
                None => {}
            };
            let pop = gloo::events::EventListener::new(&window, "popstate", handler.clone());
            let hash = gloo::events::EventListener::new(&window, "hashchange", handler);
            move || drop((pop, hash))
        });
    }

    // The address bar follows the state: debounced; new documents push a history entry.
    {
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let written = use_mut_ref(String::new);
        let ws = ws.clone();
        let deps = (
            ws.ready,
            ws.docs.clone(),
            ws.options,
            ws.view,
            ws.focus.clone(),
            (ws.mode, ws.series.clone(), ws.timeline.clone()),
        );
        use_effect_with(deps, move |(ready, ..)| {
            if *ready {
                let written = written.clone();
                let ws = ws.clone();
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(300, move || {
                    // Storage first, then the address in a task of its own: with long
                    // documents each takes a while, and together they would hold up input.
                    let state = share_state(&ws);
                    let json = serde_json::to_string(&state).unwrap_or_default();
                    let kept = LocalStorage::raw().set_item(STORAGE_KEY, &json).is_ok();
                    gloo::timers::callback::Timeout::new(0, move || {
                        let fragment = fragment_of_json(&json);
                        let identity = docs_identity(&state);
                        if fragment != current_fragment() {
                            let push = !written.borrow().is_empty() && *written.borrow() != identity;
                            write_address(&fragment, push);
                        }
                        *written.borrow_mut() = identity;
                        if !kept {
                            ws.dispatch(Action::Notify(if fragment.is_empty() {
                                "This comparison is too large for the browser's storage and for a link: use “Save comparison file” to keep it.".to_string()
                            } else {
                                "This comparison could not be kept in the browser's storage; its link still holds it.".to_string()
                            }));
                        }
                    })
                    .forget();
                }));
            }
        });
    }

    // Only the texts and the diff unit change the comparison; other options are view-only.
    // The pair is compared only while it is on screen (not behind the timeline).
    let derived = {
        let shown = ws.mode == Mode::Compare;
        let texts: (Rc<str>, Rc<str>) =
            if shown { (ws.doc(Side::A).text.clone(), ws.doc(Side::B).text.clone()) } else { ("".into(), "".into()) };
        use_derived_comparison(texts.0, texts.1, ws.options.granularity, (*lexicon).clone())
    };
    // What the view draws: the finished comparison, or an empty one while it is worked out.
    let nothing = use_memo((), |_| Shown {
        comparison: Rc::new(compare_with("", "", &Options::default(), &Lexicon::parse(""))),
        text_a: "".into(),
        text_b: "".into(),
    });
    let shown = match &derived {
        Derived::Ready(shown) => shown.clone(),
        _ => (*nothing).clone(),
    };
    let comparison = shown.comparison.clone();
    let slogans = use_memo(shown.clone(), |shown| shown.comparison.slogans.clone());
    // The timeline is worked out only while it is on screen, in tasks of its own.
    let timeline = {
        let docs: Vec<Doc> = if ws.mode == Mode::Timeline { ws.series.clone() } else { Vec::new() };
        use_deferred_timeline(docs, (*lexicon).clone())
    };
    let series_callbacks = SeriesCallbacks::new(&ws, &index_ref);
    let on_mode = |mode: Mode| {
        let ws = ws.clone();
        Callback::from(move |_: MouseEvent| ws.dispatch(Action::SetMode(mode)))
    };
    let on_options = {
        let ws = ws.clone();
        Callback::from(move |o: Options| ws.dispatch(Action::SetOptions(o)))
    };
    let on_slogan = {
        let ws = ws.clone();
        Callback::from(move |key: String| ws.dispatch(Action::FocusSlogan(key)))
    };
    let on_row = {
        let ws = ws.clone();
        let comparison = comparison.clone();
        Callback::from(move |row: usize| {
            if let Some((side, at)) = section_of_row(&comparison, row) {
                ws.dispatch(Action::FocusSection(side, at));
            }
        })
    };
    let copy_with_focus = {
        let ws = ws.clone();
        let copied_len = copied_len.clone();
        move |focus: Option<FocusRef>| {
            let mut state = share_state(&ws);
            if focus.is_some() {
                state.focus = focus;
            }
            match link_of(&state) {
                Ok(link) => {
                    copy_text(&link);
                    copied_len.set(Some(link.chars().count()));
                }
                Err(why) => {
                    copied_len.set(None);
                    ws.dispatch(Action::Notify(why));
                }
            }
        }
    };
    let on_copy = {
        let copy = copy_with_focus.clone();
        Callback::from(move |()| copy(None))
    };
    let on_link_row = {
        let copy = copy_with_focus.clone();
        let comparison = comparison.clone();
        Callback::from(move |row: usize| {
            if let Some((side, at)) = section_of_row(&comparison, row) {
                copy(Some(FocusRef::Section { side, at }));
            }
        })
    };
    let on_link_slogan = {
        let copy = copy_with_focus;
        Callback::from(move |key: String| copy(Some(FocusRef::Slogan { key, step: 0 })))
    };
    let on_save = {
        let ws = ws.clone();
        Callback::from(move |()| {
            let json = serde_json::to_string(&share_state(&ws)).unwrap_or_default();
            download("tifa-comparison.json", &json, "application/json");
        })
    };
    let on_export = {
        let ws = ws.clone();
        let comparison = comparison.clone();
        Callback::from(move |format: &'static str| {
            let (a, b) = (ws.doc(Side::A).label(), ws.doc(Side::B).label());
            let (name, contents, mime) = match format {
                "md" => ("tifa-report.md", report::markdown(&comparison, a, b), "text/markdown"),
                "html" => ("tifa-report.html", report::html(&comparison, a, b), "text/html"),
                "csv" => ("tifa-formulations.csv", report::slogans_csv(&comparison), "text/csv"),
                _ => {
                    let r = json::report(&comparison, (a.title, a.text), (b.title, b.text));
                    ("tifa-comparison-report.json", serde_json::to_string(&r).unwrap_or_default(), "application/json")
                }
            };
            download(name, &contents, mime);
        })
    };
    let on_quote = {
        let ws = ws.clone();
        let comparison = comparison.clone();
        let copied_len = copied_len.clone();
        Callback::from(move |row: usize| {
            copy_text(&report::quote(&comparison, row, ws.doc(Side::A).label(), ws.doc(Side::B).label()));
            copied_len.set(None);
        })
    };
    let on_open_file = {
        let ws = ws.clone();
        let index_ref = index_ref.clone();
        Callback::from(move |(name, text): (String, String)| match serde_json::from_str::<ShareState>(&text) {
            Ok(state) => apply_state(ws.clone(), state, index_ref.borrow().clone()),
            Err(e) => ws.dispatch(Action::Notify(format!(
                "“{name}” is not a tifa comparison file ({e}). Nothing was changed."
            ))),
        })
    };
    let on_clear = {
        let ws = ws.clone();
        let index_ref = index_ref.clone();
        Callback::from(move |()| {
            LocalStorage::delete(STORAGE_KEY);
            if let Some(state) = index_ref.borrow().as_deref().and_then(default_state) {
                apply_state(ws.clone(), state, index_ref.borrow().clone());
            }
            ws.dispatch(Action::Notify("Cleared: nothing of the previous comparison is kept in this browser.".into()));
        })
    };
    let ondrop = {
        let on_open = on_open_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) else { return };
            let on_open = on_open.clone();
            read_file(
                file,
                Callback::from(move |(name, bytes): (String, Vec<u8>)| {
                    on_open.emit((name, String::from_utf8_lossy(&bytes).into_owned()))
                }),
            );
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let focus = focus_targets(&comparison, ws.focus.as_ref());
    let help = use_state(|| false);
    // The user asked to compare their document with the sample all the same.
    let with_sample_anyway = use_state(|| false);
    let on_view = {
        let ws = ws.clone();
        Callback::from(move |v: View| ws.dispatch(Action::SetView(v)))
    };

    // Keyboard: the listener is made once and reads the latest state from this cell.
    let latest = use_mut_ref(|| None::<KeyContext>);
    *latest.borrow_mut() = Some(KeyContext {
        comparison: comparison.clone(),
        options: ws.options,
        texts: (shown.text_a.clone(), shown.text_b.clone()),
        row: focus.row,
        focus: ws.focus.clone(),
        view: ws.view,
        timeline: ws.mode == Mode::Timeline,
    });
    {
        let ws = ws.clone();
        let help = help.clone();
        use_effect_with((), move |_| {
            // Not passive (gloo's default): a handled key's default is prevented, which a
            // passive listener cannot do (Chromium logs an error for every key pressed).
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let document = gloo::utils::document();
            let listener = gloo::events::EventListener::new_with_options(&document, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || typing_in_a_field(e) {
                    return;
                }
                let Some(ctx) = latest.borrow().clone() else { return };
                if ctx.timeline && !matches!(e.key().as_str(), "?" | "Escape") {
                    return;
                }
                let handled = on_key(&e.key(), &ctx, &ws, &help);
                if handled {
                    e.prevent_default();
                }
            });
            move || drop(listener)
        });
    }
    let announcement = announce(&comparison, &ws.options, &shown.text_a, &shown.text_b, focus.row);
    let on_swap = {
        let ws = ws.clone();
        Callback::from(move |()| ws.dispatch(Action::Swap))
    };

    let panel = |side: Side| {
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
                if text.len() > crate::input::import::MAX_FILE_BYTES {
                    ws.dispatch(Action::LoadFailed(format!(
                        "The pasted text is {} MB; tifa compares documents of up to {} MB. Document {} is unchanged.",
                        crate::input::import::megabytes(text.len()),
                        crate::input::import::MAX_FILE_BYTES / 1_048_576,
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
    };

    let both_empty = ws.doc(Side::A).text.trim().is_empty() && ws.doc(Side::B).text.trim().is_empty();
    let waiting = *lexicon == LexiconState::Loading || !ws.ready;
    // One side is still a document of the sample pair while the other is the user's: the
    // page asks for the other document rather than compare the user's with the sample.
    let in_sample = |d: &Doc| matches!(&d.source, Source::Corpus(id) if DEFAULT_PAIR.contains(&id.as_str()));
    let still_sample = match (in_sample(ws.doc(Side::A)), in_sample(ws.doc(Side::B))) {
        _ if *with_sample_anyway || !ws.loaded_by_hand => None,
        (true, false) => Some(Side::A),
        (false, true) => Some(Side::B),
        _ => None,
    };
    // The comparison's rows are on the page: on a phone they come first, the controls after.
    let showing_rows = ws.mode == Mode::Compare
        && !waiting
        && !both_empty
        && still_sample.is_none()
        && matches!(derived, Derived::Ready(_));
    let jump_to = |id: &'static str| {
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                el.scroll_into_view();
            }
        })
    };
    html! {
        <>
            <header class="masthead">
                <h1><span class="logo" lang="zh">{"提法"}</span>{" tifa"}</h1>
                <p class="tagline">{"Compare two policy documents section by section. Everything stays in this browser."}</p>
                <ShareBar copied_len={*copied_len} {on_copy} {on_save} on_open={on_open_file} {on_clear} {on_export} pair_exports={ws.mode == Mode::Compare && matches!(derived, Derived::Ready(_))} />
            </header>
            <main {ondrop} {ondragover} class={classes!(showing_rows.then_some("showing-rows"))}>
                if let Some(notice) = &ws.notice {
                    <p class="notice" role="alert" data-testid="notice">{ notice.clone() }</p>
                }
                if let Some(warning) = &*language_warning {
                    <p class="notice" role="status" data-testid="language-warning">{ warning.clone() }</p>
                }
                <nav class="mode-tabs" aria-label="What to look at">
                    <button type="button" class={classes!("mode", (ws.mode == Mode::Compare).then_some("active"))}
                        aria-pressed={(ws.mode == Mode::Compare).to_string()} onclick={on_mode(Mode::Compare)} data-testid="mode-compare">
                        {"Compare two documents"}
                    </button>
                    <button type="button" class={classes!("mode", (ws.mode == Mode::Timeline).then_some("active"))}
                        aria-pressed={(ws.mode == Mode::Timeline).to_string()} onclick={on_mode(Mode::Timeline)} data-testid="mode-timeline">
                        { if ws.series.is_empty() { "Timeline of a series".to_string() } else { format!("Timeline of {} documents", ws.series.len()) } }
                    </button>
                </nav>
                if ws.mode == Mode::Timeline {
                    if waiting {
                        <p class="empty-state" role="status">{"Loading the timeline…"}</p>
                    } else {
                        <TimelinePage timeline={timeline.clone()} series={ws.series.clone()} corpus={ws.corpus.clone()}
                            view={ws.timeline.clone()} on_view={series_callbacks.on_view.clone()} on_drill={series_callbacks.on_drill.clone()}
                            edits={series_callbacks.edits.clone()}
                            on_notice={series_callbacks.on_notice.clone()} />
                    }
                } else {
                <section class="doc-panels" id="documents" aria-label="Documents">
                    { panel(Side::A) }
                    { panel(Side::B) }
                </section>
                if waiting {
                    <p class="empty-state" role="status">{"Loading the comparison…"}</p>
                } else if both_empty {
                    <p class="empty-state">{"Pick a document from the corpus or paste text on each side to compare."}</p>
                } else if let Some(side) = still_sample {
                    <div class="empty-state choose-other" role="status" data-testid="choose-other">
                        <p>
                            { format!("Now choose document {}: pick one from the corpus, paste its text or open a file. ", side.label()) }
                            { format!("Until then “{}” is not compared with the sample, which is a different document.",
                                ws.doc(if side == Side::A { Side::B } else { Side::A }).title) }
                        </p>
                        <button type="button" class="link-button" data-testid="compare-with-sample"
                            onclick={let anyway = with_sample_anyway.clone(); Callback::from(move |_: MouseEvent| anyway.set(true))}>
                            {"Compare with the sample anyway"}
                        </button>
                    </div>
                } else if let Derived::Working { stage, percent, sizes } = &derived {
                    <OptionsBar options={ws.options} on_change={on_options.clone()} {on_swap} view={ws.view} {on_view} />
                    <div class="working" role="status" data-testid="working">
                        <p>{ format!("Comparing {} with {} in the background: {stage}…", size_label(sizes.0), size_label(sizes.1)) }</p>
                        <progress max="100" value={percent.to_string()} aria-label="Progress of the comparison"></progress>
                        <p class="hint">{"The page stays usable meanwhile: edit either document, change the options or open the timeline."}</p>
                    </div>
                } else if let Derived::Failed(why) = &derived {
                    <OptionsBar options={ws.options} on_change={on_options.clone()} {on_swap} view={ws.view} {on_view} />
                    <p class="notice" role="alert" data-testid="compare-failed">
                        { format!("The comparison could not be completed ({why}). Both documents are kept: change either one to try again.") }
                    </p>
                } else {
                    <OptionsBar options={ws.options} on_change={on_options.clone()} {on_swap} view={ws.view} {on_view} />
                    <SummaryStrip stats={comparison.stats.clone()} options={ws.options} on_change={on_options.clone()} />
                    <nav class="jump-nav" aria-label="Parts of the page">
                        <button type="button" class="link-button" onclick={jump_to("findings")}>{"Formulations and priorities ↓"}</button>
                        <button type="button" class="link-button" onclick={jump_to("options")}>{"Options ↓"}</button>
                        <button type="button" class="link-button" onclick={jump_to("documents")}>{"Documents ↓"}</button>
                    </nav>
                    <div class="results">
                    <aside class="findings" id="findings" aria-label="Formulations and priorities">
                        <SlogansPanel {slogans} focus={ws.focus.clone()} on_select={on_slogan} on_link={on_link_slogan} />
                        <PrioritiesPanel comparison={comparison.clone()} on_select={on_row.clone()} />
                    </aside>
                    <ComparisonView
                        options={ws.options}
                        highlights_a={focus.highlights_a}
                        highlights_b={focus.highlights_b}
                        focus_row={focus.row}
                        on_link={on_link_row}
                        {on_quote}
                        view={ws.view}
                        on_select={on_row.clone()}
                        comparison={comparison.clone()}
                        text_a={shown.text_a.clone()}
                        text_b={shown.text_b.clone()}
                        title_a={ws.doc(Side::A).title.clone()}
                        title_b={ws.doc(Side::B).title.clone()}
                        lang_a={guess_language(&ws.doc(Side::A).text)}
                        lang_b={guess_language(&ws.doc(Side::B).text)}
                    />
                    </div>
                }
                }
                <p class="visually-hidden" aria-live="polite" data-testid="announcer">{ announcement }</p>
                if *help {
                    <KeyHelp on_close={let help = help.clone(); Callback::from(move |()| help.set(false))} />
                }
            </main>
            <footer class="footer">
                <button type="button" class="link-button" onclick={let help = help.clone(); Callback::from(move |_: MouseEvent| help.set(true))}>
                    {"Keyboard shortcuts (?)"}
                </button>
            </footer>
        </>
    }
}

/// What the keyboard handler needs to know, refreshed every render.
#[derive(Clone)]
struct KeyContext {
    comparison: Rc<Comparison>,
    options: Options,
    texts: (Rc<str>, Rc<str>),
    row: Option<usize>,
    focus: Option<Focus>,
    view: View,
    timeline: bool,
}

fn typing_in_a_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
    })
}

/// Handles one key; true when it did something.
fn on_key(key: &str, ctx: &KeyContext, ws: &UseReducerHandle<Workspace>, help: &UseStateHandle<bool>) -> bool {
    let c = &ctx.comparison;
    let texts = (ctx.texts.0.as_ref(), ctx.texts.1.as_ref());
    let go = |forward: bool| {
        let changes = navigation::change_rows(c, &ctx.options, texts);
        if let Some((side, at)) = navigation::step(&changes, ctx.row, forward).and_then(|k| section_of_row(c, k)) {
            ws.dispatch(Action::FocusSection(side, at));
        }
    };
    match key {
        "n" | "j" | "F7" => go(true),
        "p" | "k" => go(false),
        "s" => {
            let changed: Vec<&str> =
                c.slogans.iter().filter(|s| s.status != SloganStatus::Kept).map(|s| s.key.as_str()).collect();
            let current = match &ctx.focus {
                Some(Focus::Slogan { key, .. }) => changed.iter().position(|k| k == key),
                _ => None,
            };
            let next = current.map_or(0, |i| (i + 1) % changed.len().max(1));
            if let Some(key) = changed.get(next) {
                ws.dispatch(Action::FocusSlogan(key.to_string()));
            }
        }
        "x" => ws.dispatch(Action::Swap),
        "v" => ws.dispatch(Action::SetView(if ctx.view == View::Inline { View::SideBySide } else { View::Inline })),
        "?" => help.set(!**help),
        "Escape" => help.set(false),
        _ => return false,
    }
    true
}

/// What screen readers hear when the focused change moves.
fn announce(c: &Comparison, options: &Options, a: &str, b: &str, row: Option<usize>) -> String {
    let Some(k) = row else { return String::new() };
    let changes = navigation::change_rows(c, options, (a, b));
    let r = &c.rows[k];
    let (outline, ids) = if r.b.is_empty() { (&c.outline_a, &r.a) } else { (&c.outline_b, &r.b) };
    let place = crate::output::report::locator(outline, ids);
    match changes.iter().position(|&x| x == k) {
        Some(i) => format!(
            "Change {} of {}: {} at {}",
            i + 1,
            changes.len(),
            super::comparison_view::relation_label(r, c),
            place
        ),
        None => format!("{} at {}", super::comparison_view::relation_label(r, c), place),
    }
}

/// The stable reference of a row: a byte of B it shows (or of A for a dropped row).
fn section_of_row(c: &Comparison, row: usize) -> Option<(Side, usize)> {
    let r = c.rows.get(row)?;
    match (r.b.first(), r.a.first()) {
        (Some(&id), _) => Some((Side::B, c.outline_b.get(id).body.start)),
        (None, Some(&id)) => Some((Side::A, c.outline_a.get(id).body.start)),
        _ => None,
    }
}

/// The timeline page's callbacks: editing the series, viewing it, drilling into a pair.
struct SeriesCallbacks {
    on_view: Callback<super::state::TimelineView>,
    on_drill: Callback<(usize, usize, Option<Focus>)>,
    edits: SeriesEdits,
    on_notice: Callback<String>,
}

impl SeriesCallbacks {
    fn new(ws: &UseReducerHandle<Workspace>, index_ref: &Rc<std::cell::RefCell<Option<Rc<CorpusIndex>>>>) -> Self {
        let dispatch = |make: fn(usize) -> Action| {
            let ws = ws.clone();
            Callback::from(move |k: usize| ws.dispatch(make(k)))
        };
        let on_toggle = {
            let ws = ws.clone();
            let index_ref = index_ref.clone();
            Callback::from(move |(id, add): (String, bool)| {
                if !add {
                    if let Some(k) = ws.series.iter().position(|d| d.source == Source::Corpus(id.clone())) {
                        ws.dispatch(Action::SeriesRemove(k));
                    }
                    return;
                }
                let Some(index) = index_ref.borrow().clone() else { return };
                let Some(entry) = index.documents.iter().find(|d| d.id == id).cloned() else { return };
                let ws = ws.clone();
                spawn_local(async move {
                    match fetch_text(&entry).await {
                        Ok(text) => ws.dispatch(Action::SeriesAdd(Doc::from_corpus(&entry, text))),
                        Err(msg) => ws.dispatch(Action::Notify(msg)),
                    }
                });
            })
        };
        let on_preset = {
            let ws = ws.clone();
            let index_ref = index_ref.clone();
            Callback::from(move |ids: Vec<String>| {
                let Some(index) = index_ref.borrow().clone() else { return };
                let ws = ws.clone();
                spawn_local(async move {
                    let mut docs = Vec::new();
                    for id in ids {
                        let Some(entry) = index.documents.iter().find(|d| d.id == id) else { continue };
                        match fetch_text(entry).await {
                            Ok(text) => docs.push(Doc::from_corpus(entry, text)),
                            Err(msg) => return ws.dispatch(Action::Notify(msg)),
                        }
                    }
                    // Sorted here, so the series changes (and is analysed) once.
                    let dates: Vec<&str> = docs.iter().map(|d: &Doc| d.date.as_ref()).collect();
                    let order = timeline::date_order(&dates);
                    let mut slots: Vec<Option<Doc>> = docs.into_iter().map(Some).collect();
                    ws.dispatch(Action::SeriesSet(order.into_iter().filter_map(|i| slots[i].take()).collect()));
                });
            })
        };
        let on_file = {
            let ws = ws.clone();
            Callback::from(move |(name, bytes): (String, Vec<u8>)| match import_file(&name, &bytes, &BrowserDecoder) {
                Ok(doc) => ws.dispatch(Action::SeriesAdd(Doc::imported(&name, doc))),
                Err(e) => ws.dispatch(Action::Notify(format!("Could not add “{name}”: {e}. The series is unchanged."))),
            })
        };
        let on_move = {
            let ws = ws.clone();
            Callback::from(move |(k, earlier): (usize, bool)| ws.dispatch(Action::SeriesMove(k, earlier)))
        };
        let on_drill = {
            let ws = ws.clone();
            Callback::from(move |(a, b, focus): (usize, usize, Option<Focus>)| {
                ws.dispatch(Action::DrillDown { a, b, focus })
            })
        };
        SeriesCallbacks {
            on_view: {
                let ws = ws.clone();
                Callback::from(move |v| ws.dispatch(Action::SetTimelineView(v)))
            },
            on_drill,
            edits: SeriesEdits {
                on_toggle,
                on_preset,
                on_file,
                on_remove: dispatch(Action::SeriesRemove),
                on_move,
                on_sort: {
                    let ws = ws.clone();
                    Callback::from(move |()| ws.dispatch(Action::SeriesSortByDate))
                },
            },
            on_notice: {
                let ws = ws.clone();
                Callback::from(move |msg| ws.dispatch(Action::Notify(msg)))
            },
        }
    }
}

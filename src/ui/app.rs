//! The root component: owns the workspace reducer and lays out the page. What it does is
//! in hooks (`language_data`, `opening`, `address_sync`, `keyboard`) and callbacks
//! (`page_actions`, `series_callbacks`, `side_panel`); what the focus means is in
//! [`crate::view::focus`], every state change in [`crate::view::workspace`].

use super::address_sync::use_address_sync;
use super::compare_mode::{compare_mode, CompareMode};
use super::deferred_timeline::{use_deferred_timeline, TimelineState};
use super::derived_comparison::{use_derived_comparison, Derived, LexiconState, Shown};
use super::key_help::KeyHelp;
use super::keyboard::{use_keyboard, KeyContext};
use super::language_data::use_language_data;
use super::opening::use_opening;
use super::page_actions::PageActions;
use super::series_callbacks::SeriesCallbacks;
use super::share_bar::ShareBar;
use super::state::{Action, Doc, Mode, Side, Workspace};
use super::timeline_page::TimelinePage;
use super::timeline_place::{series_key, use_timeline_place};
use crate::compare::compare_with;
use crate::diff::Granularity;
use crate::findings::lexicon::Lexicon;
use crate::view::focus::{announce, focus_targets};
use crate::view::gate::Gate;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Documents to show instead of fetching the default pair (used by tests and embeds).
    #[prop_or_default]
    pub preset: Option<Rc<[Doc; 2]>>,
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
    let fetch = props.preset.is_none();
    let (lexicon, language_warning) = use_language_data(fetch);
    let index_ref = use_opening(ws.clone(), fetch);
    use_address_sync(ws.clone());
    let copied_len = use_state(|| None::<usize>);
    let help = use_state(|| false);
    // The user asked to compare their document with the sample all the same.
    let with_sample_anyway = use_state(|| false);

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
        comparison: Rc::new(compare_with("", "", Granularity::default(), Lexicon::empty())),
        text_a: "".into(),
        text_b: "".into(),
    });
    let shown = match &derived {
        Derived::Ready(shown) => shown.clone(),
        _ => (*nothing).clone(),
    };
    let comparison = shown.comparison.clone();
    let formulations = use_memo(shown.clone(), |shown| shown.comparison.formulations.clone());
    // The timeline is worked out only while it is on screen, in tasks of its own.
    let timeline = use_deferred_timeline(ws.series.clone(), (*lexicon).clone(), ws.mode == Mode::Timeline);
    let series_key = series_key(ws.series.iter().map(|d| d.text.len()));
    let place = use_timeline_place(ws.mode == Mode::Timeline, timeline.current && timeline.shown.is_some(), series_key);
    let focus = focus_targets(&comparison, ws.focus.as_ref());
    use_keyboard(
        ws.clone(),
        help.clone(),
        KeyContext {
            comparison: comparison.clone(),
            options: ws.options,
            texts: (shown.text_a.clone(), shown.text_b.clone()),
            row: focus.row,
            focus: ws.focus.clone(),
            view: ws.view,
            timeline: ws.mode == Mode::Timeline,
        },
    );
    let mut series_callbacks = SeriesCallbacks::new(&ws, &index_ref);
    // Opening a pair from the timeline keeps the reader's place in it.
    series_callbacks.on_drill = {
        let (place, drill) = (place.clone(), series_callbacks.on_drill.clone());
        Callback::from(move |pair| {
            place.keep(series_key);
            drill.emit(pair);
        })
    };
    let actions = PageActions::new(&ws, &comparison, &index_ref, &copied_len);
    let on_mode = |mode: Mode| {
        let (ws, place) = (ws.clone(), place.clone());
        Callback::from(move |_: MouseEvent| {
            if ws.mode == Mode::Timeline && mode != Mode::Timeline {
                place.keep(series_key);
            }
            ws.dispatch(Action::SetMode(mode))
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let announcement = announce(&comparison, &ws.options, (&shown.text_a, &shown.text_b), focus.row);
    let PageActions {
        on_copy,
        on_link_row,
        on_link_formulation,
        on_save,
        on_export,
        on_quote,
        on_open_file,
        on_clear,
        ondrop,
    } = actions;
    let waiting = *lexicon == LexiconState::Loading || !ws.ready;
    let gate = Gate::of(&ws, waiting, *with_sample_anyway);
    // The comparison's rows are on the page: on a phone they come first, the controls after.
    let showing_rows = ws.mode == Mode::Compare && gate == Gate::Open && matches!(derived, Derived::Ready(_));
    html! {
        <>
            <header class="masthead">
                <h1><span class="logo" lang="zh">{"提法"}</span>{" tifa"}</h1>
                <p class="tagline">{"Compare two policy documents section by section. Everything stays in this browser."}</p>
                <ShareBar copied_len={*copied_len} {on_copy} {on_save} on_open={on_open_file} {on_clear} {on_export} pair_exports={ws.mode == Mode::Compare && matches!(derived, Derived::Ready(_))} />
            </header>
            <main {ondrop} {ondragover} class={classes!(showing_rows.then_some("showing-rows"))}>
                { notices(ws.notice.as_deref(), language_warning.as_deref()) }
                { mode_tabs(&ws, &on_mode) }
                if ws.mode == Mode::Timeline {
                    { timeline_mode(&ws, waiting, &timeline, &series_callbacks) }
                } else {
                    { compare_mode(CompareMode {
                        ws: &ws,
                        derived: &derived,
                        shown: &shown,
                        focus,
                        formulations,
                        gate,
                        with_sample_anyway: &with_sample_anyway,
                        on_link_formulation,
                        on_link_row,
                        on_quote,
                    }) }
                }
                <p class="visually-hidden" aria-live="polite" data-testid="announcer">{ announcement }</p>
                if *help {
                    <KeyHelp on_close={let help = help.clone(); Callback::from(move |()| help.set(false))} />
                }
            </main>
            { footer(&help) }
        </>
    }
}

/// The two modes: one pair, or a timeline over a series.
fn mode_tabs(ws: &Workspace, on_mode: &dyn Fn(Mode) -> Callback<MouseEvent>) -> Html {
    let series = if ws.series.is_empty() {
        "Timeline of a series".to_string()
    } else {
        format!("Timeline of {} documents", ws.series.len())
    };
    html! {
        <nav class="mode-tabs" aria-label="What to look at">
                    <button type="button" class={classes!("mode", (ws.mode == Mode::Compare).then_some("active"))}
                        aria-pressed={(ws.mode == Mode::Compare).to_string()} onclick={on_mode(Mode::Compare)} data-testid="mode-compare">
                        {"Compare two documents"}
                    </button>
                    <button type="button" class={classes!("mode", (ws.mode == Mode::Timeline).then_some("active"))}
                        aria-pressed={(ws.mode == Mode::Timeline).to_string()} onclick={on_mode(Mode::Timeline)} data-testid="mode-timeline">
                        { series }
                    </button>
                    if let Some((a, b)) = ws.pair_in_series().filter(|_| ws.mode == Mode::Compare) {
                        <button type="button" class="link-button back-to-timeline" onclick={on_mode(Mode::Timeline)}
                            data-testid="back-to-timeline"
                            title={format!("This pair is documents {} and {} of the series. The timeline opens where you left it.", a + 1, b + 1)}>
                            {"← Back to the timeline"}
                        </button>
                    }
                </nav>
    }
}

/// The timeline mode: the series and its views, once the language data are in.
fn timeline_mode(ws: &Workspace, waiting: bool, timeline: &TimelineState, callbacks: &SeriesCallbacks) -> Html {
    if waiting {
        return html! { <p class="empty-state" role="status">{"Loading the timeline…"}</p> };
    }
    html! {
        <TimelinePage timeline={timeline.clone()} series={ws.series.clone()} corpus={ws.corpus.clone()}
            view={ws.timeline.clone()} on_view={callbacks.on_view.clone()} on_drill={callbacks.on_drill.clone()}
            edits={callbacks.edits.clone()} on_notice={callbacks.on_notice.clone()} />
    }
}

/// The footer: the way to the keyboard shortcuts.
fn footer(help: &UseStateHandle<bool>) -> Html {
    let help = help.clone();
    html! {
        <footer class="footer">
            <button type="button" class="link-button" onclick={Callback::from(move |_: MouseEvent| help.set(true))}>
                {"Keyboard shortcuts (?)"}
            </button>
        </footer>
    }
}

/// What went wrong (an alert) and what language data are missing (a status).
fn notices(notice: Option<&str>, language_warning: Option<&str>) -> Html {
    html! {
        <>
            if let Some(notice) = notice {
                <p class="notice" role="alert" data-testid="notice">{ notice.to_string() }</p>
            }
            if let Some(warning) = language_warning {
                <p class="notice" role="status" data-testid="language-warning">{ warning.to_string() }</p>
            }
        </>
    }
}

//! The root component: owns the workspace reducer, loads the corpus, derives the comparison.

use super::comparison_view::ComparisonView;
use super::corpus_fetch::{fetch_index, fetch_text};
use super::doc_panel::DocPanel;
use super::options_bar::OptionsBar;
use super::priorities_panel::PrioritiesPanel;
use super::slogans_panel::SlogansPanel;
use super::state::{Action, CorpusState, Doc, Focus, Side, Workspace};
use super::summary_strip::SummaryStrip;
use crate::compare::{compare, Comparison};
use crate::corpus::CorpusIndex;
use crate::normalize::guess_language;
use crate::options::Options;
use crate::span::Span;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

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
        Some(Focus::Row(row)) => FocusTargets { row: Some(*row), ..FocusTargets::default() },
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
            }
            w
        }
    });

    {
        let ws = ws.clone();
        let load_defaults = props.preset.is_none();
        use_effect_with((), move |_| {
            spawn_local(async move {
                match fetch_index().await {
                    Ok(index) => {
                        let index = Rc::new(index);
                        ws.dispatch(Action::CorpusLoaded(Ok(index.clone())));
                        if load_defaults {
                            let ids: Vec<String> =
                                if DEFAULT_PAIR.iter().all(|id| index.documents.iter().any(|d| d.id == *id)) {
                                    DEFAULT_PAIR.iter().map(|s| s.to_string()).collect()
                                } else {
                                    index.documents.iter().take(2).map(|d| d.id.clone()).collect()
                                };
                            for (side, id) in Side::BOTH.into_iter().zip(ids) {
                                load_from_corpus(ws.clone(), index.clone(), side, id);
                            }
                        }
                    }
                    Err(msg) => ws.dispatch(Action::CorpusLoaded(Err(msg))),
                }
            });
        });
    }

    // Only the texts and the diff unit change the comparison; other options are view-only.
    let comparison = {
        let key = (ws.doc(Side::A).text.clone(), ws.doc(Side::B).text.clone(), ws.options.granularity);
        use_memo(key, |(a, b, granularity)| compare(a, b, &Options { granularity: *granularity, ..Options::default() }))
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
        Callback::from(move |row: usize| ws.dispatch(Action::FocusRow(row)))
    };
    let focus = focus_targets(&comparison, ws.focus.as_ref());
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
            Callback::from(move |text: String| ws.dispatch(Action::Load(side, Doc::pasted(text))))
        };
        html! { <DocPanel {side} doc={ws.doc(side).clone()} corpus={ws.corpus.clone()} {on_pick} {on_paste} /> }
    };

    let both_empty = ws.doc(Side::A).text.trim().is_empty() && ws.doc(Side::B).text.trim().is_empty();
    html! {
        <>
            <header class="masthead">
                <h1><span class="logo" lang="zh">{"提法"}</span>{" tifa"}</h1>
                <p class="tagline">{"Compare two policy documents section by section. Everything stays in this browser."}</p>
            </header>
            <main>
                <section class="doc-panels" aria-label="Documents">
                    { panel(Side::A) }
                    { panel(Side::B) }
                </section>
                if let Some(notice) = &ws.notice {
                    <p class="notice" role="alert">{ notice.clone() }</p>
                }
                if both_empty {
                    <p class="empty-state">{"Pick a document from the corpus or paste text on each side to compare."}</p>
                } else {
                    <OptionsBar options={ws.options} on_change={on_options} {on_swap} />
                    <SummaryStrip stats={comparison.stats.clone()} />
                    <div class="findings">
                        <SlogansPanel slogans={Rc::new(comparison.slogans.clone())} focus={ws.focus.clone()} on_select={on_slogan} />
                        <PrioritiesPanel comparison={comparison.clone()} on_select={on_row} />
                    </div>
                    <ComparisonView
                        options={ws.options}
                        highlights_a={focus.highlights_a}
                        highlights_b={focus.highlights_b}
                        focus_row={focus.row}
                        comparison={comparison.clone()}
                        text_a={ws.doc(Side::A).text.clone()}
                        text_b={ws.doc(Side::B).text.clone()}
                        title_a={ws.doc(Side::A).title.clone()}
                        title_b={ws.doc(Side::B).title.clone()}
                        lang_a={guess_language(&ws.doc(Side::A).text)}
                        lang_b={guess_language(&ws.doc(Side::B).text)}
                    />
                }
            </main>
        </>
    }
}

//! Finding a phrase in the texts of the corpus, not only in its titles: which documents
//! say 新质生产力, and how often. The texts are read only when the reader asks (the whole
//! corpus is some 1.5 MB), one at a time with the count read so far on screen, and kept
//! while the picker stays, so that the counts follow the search as it is typed.

use super::corpus_fetch::fetch_text;
use crate::input::corpus::{searchable_text, times_in_text, CorpusIndex, TEXT_SEARCH_MIN_CHARS};
use std::rc::Rc;
use yew::prelude::*;

/// Where the reading of the texts stands (the picker's state).
#[derive(Clone, PartialEq, Default)]
pub enum Texts {
    /// Not asked for.
    #[default]
    Unread,
    /// Being read: how many so far, of how many.
    Reading(usize, usize),
    /// Read: each document's place in the index and searchable text, and the titles of
    /// those that could not be read.
    Read(Rc<Vec<(usize, String)>>, Rc<Vec<String>>),
}

/// Below the picker's search (`query`, side `side`): the button that reads the texts, then
/// the documents whose text holds the search, each of which loads with `on_pick`.
pub fn text_search(
    side: &'static str,
    index: &Rc<CorpusIndex>,
    query: &str,
    texts: &UseStateHandle<Texts>,
    on_pick: &Callback<String>,
) -> Html {
    let query = query.trim();
    if query.chars().count() < TEXT_SEARCH_MIN_CHARS {
        return html! {};
    }
    match &**texts {
        Texts::Unread => {
            let onclick = {
                let (texts, index) = (texts.clone(), index.clone());
                Callback::from(move |_: MouseEvent| read_texts(index.clone(), texts.clone()))
            };
            html! {
                <p class="text-search">
                    <button type="button" class="link-button" {onclick} data-testid={format!("text-search-{side}")}>
                        { format!("Find “{query}” in the texts of the corpus") }
                    </button>
                </p>
            }
        }
        Texts::Reading(done, of) => html! {
            <p class="text-search muted" role="status">
                { format!("Reading the corpus: {done} of {of} documents…") }
            </p>
        },
        Texts::Read(read, failed) => found_list((side, index, on_pick), query, read, failed),
    }
}

/// The documents whose text holds `query`, in date order, each a button that loads it.
fn found_list(
    (side, index, on_pick): (&str, &CorpusIndex, &Callback<String>),
    query: &str,
    read: &[(usize, String)],
    failed: &[String],
) -> Html {
    let mut found: Vec<(&crate::input::corpus::CorpusEntry, usize)> = read
        .iter()
        .filter_map(|(k, text)| {
            let times = times_in_text(text, query);
            (times > 0).then_some((index.documents.get(*k)?, times))
        })
        .collect();
    // In date order: when a phrase came into use is what a reader looks for.
    crate::util::shared_sort::sort_by(&mut found, |(x, _), (y, _)| x.date.cmp(&y.date));
    let latest = index.documents.iter().map(|d| d.date.as_str()).max().unwrap_or("");
    let summary = format!(
        "“{query}” is in {} of {} documents (the corpus runs to {})",
        found.len(),
        read.len(),
        latest.get(..7).unwrap_or(latest)
    );
    html! {
        <div class="text-search" data-testid={format!("text-hits-{side}")}>
            <p class="muted" role="status">{ summary }
                if !failed.is_empty() {
                    { format!(" (could not read {})", failed.join(", ")) }
                }
            </p>
            if !found.is_empty() {
                <ul class="text-hits">
                    { for found.into_iter().map(|(d, times)| {
                        let id = d.id.clone();
                        let onclick = on_pick.reform(move |_: MouseEvent| id.clone());
                        html! {
                            <li>
                                <span class="times" title="Times it stands in this document">{ format!("{times}×") }</span>
                                <button type="button" class="link-button" {onclick} data-testid="text-hit">
                                    { format!("{} — {}", d.date, d.title) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}

/// Reads every text of the corpus, one at a time, saying how far it got.
fn read_texts(index: Rc<CorpusIndex>, texts: UseStateHandle<Texts>) {
    let of = index.documents.len();
    texts.set(Texts::Reading(0, of));
    yew::platform::spawn_local(async move {
        let (mut read, mut failed) = (Vec::with_capacity(of), Vec::new());
        for (k, entry) in index.documents.iter().enumerate() {
            match fetch_text(entry).await {
                Ok(text) => read.push((k, searchable_text(&text))),
                Err(_) => failed.push(entry.title.clone()),
            }
            texts.set(Texts::Reading(k + 1, of));
        }
        texts.set(Texts::Read(Rc::new(read), Rc::new(failed)));
    });
}

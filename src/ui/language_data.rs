//! The language data hook: the lexicon and word list first, the phrase table second (the
//! comparison is drawn without it, then again with every formulation's record), and a
//! warning for as long as something is missing.

use super::corpus_fetch::{fetch_lexicon, fetch_phrases};
use super::derived_comparison::LexiconState;
use crate::findings::lexicon::Lexicon;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The language data and what is missing of it. With `fetch` false (tests with preset
/// documents) nothing is fetched and the lexicon stays unavailable.
#[hook]
pub fn use_language_data(fetch: bool) -> (UseStateHandle<LexiconState>, UseStateHandle<Option<String>>) {
    let lexicon = use_state(|| if fetch { LexiconState::Loading } else { LexiconState::Unavailable });
    // Said for as long as it is missing (a notice would be gone with the next action).
    let warning = use_state(|| None::<String>);
    {
        let (lexicon, warning) = (lexicon.clone(), warning.clone());
        use_effect_with((), move |_| {
            if fetch {
                spawn_local(async move {
                    let (fetched, missing) = fetch_lexicon().await;
                    let (source, words) = (fetched.source(), fetched.words_source());
                    lexicon.set(LexiconState::Ready(Rc::new(fetched)));
                    warning.set(missing.clone());
                    let missing = match fetch_phrases().await {
                        Ok(phrases) => {
                            // Parsed again with the table (a few milliseconds, once): a clonable
                            // lexicon would cost the page more than that in wasm.
                            let with_phrases = Lexicon::parse(source).with_words(words).with_phrases_owned(phrases);
                            lexicon.set(LexiconState::Ready(Rc::new(with_phrases)));
                            missing
                        }
                        Err(why) => {
                            let table = format!(
                                "Could not load the phrase table ({why}); formulations are shown without their record in earlier years."
                            );
                            Some(missing.map_or(table.clone(), |w| format!("{w} {table}")))
                        }
                    };
                    warning.set(missing);
                });
            }
        });
    }
    (lexicon, warning)
}

//! Fetching the bundled corpus and the formulation lexicon from the site, by relative URL
//! (so any sub-path works).

use crate::input::corpus::{CorpusEntry, CorpusIndex, INDEX_SCHEMA};
use gloo::net::http::Request;

/// Where the site build puts the corpus, relative to the page.
const CORPUS_DIR: &str = "corpus";

/// Fetches `corpus/index.json`.
pub async fn fetch_index() -> Result<CorpusIndex, String> {
    let url = format!("{CORPUS_DIR}/index.json");
    let response =
        Request::get(&url).send().await.map_err(|e| format!("Could not fetch the corpus index: {}", why(e)))?;
    if !response.ok() {
        return Err(format!("Could not fetch the corpus index: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| format!("Could not read the corpus index: {}", why(e)))?;
    let index: CorpusIndex =
        super::js_json::from_json(&text).map_err(|e| format!("The corpus index is not valid: {e}"))?;
    if index.schema != INDEX_SCHEMA {
        return Err(format!("The corpus index has format {:?}, expected {INDEX_SCHEMA:?}", index.schema));
    }
    Ok(index)
}

/// What went wrong with a request, for a message. Only the browser's and gloo's own
/// errors are spelled out: writing the JSON error would link serde_json's messages into the
/// page, and the page reads no JSON through gloo.
fn why(e: gloo::net::Error) -> String {
    match e {
        gloo::net::Error::JsError(e) => e.to_string(),
        gloo::net::Error::GlooError(e) => e,
        _ => "the response could not be read".to_string(),
    }
}

/// Fetches one document's text.
pub async fn fetch_text(entry: &CorpusEntry) -> Result<String, String> {
    let url = format!("{CORPUS_DIR}/{}", entry.file);
    let failed = |why: String| format!("Could not load “{}”: {why}", entry.title);
    let response = Request::get(&url).send().await.map_err(|e| failed(why(e)))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response.text().await.map_err(|e| failed(why(e)))
}

/// Fetches a text file of the site; the error says why, for a message.
async fn fetch_site_text(path: &str) -> Result<String, String> {
    let response = Request::get(path).send().await.map_err(why)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(why)
}

/// Fetches the phrase table (`phrases.tsv`, about 60 KB gzipped): asked for only once the
/// first comparison is on screen, so it never holds up the first paint.
pub async fn fetch_phrases() -> Result<String, String> {
    fetch_site_text("phrases.tsv").await
}

/// Fetches and parses the language data kept out of the wasm: `lexicon.tsv` (the formulation
/// lexicon) and `zh_words.txt` (the Chinese word list), in parallel. Either may fail alone:
/// the result then lacks it, and the message says what the comparison does without it.
pub async fn fetch_lexicon() -> (crate::findings::lexicon::Lexicon, Option<String>) {
    let (tsv, words) = futures::future::join(fetch_site_text("lexicon.tsv"), fetch_site_text("zh_words.txt")).await;
    let mut missing = Vec::new();
    let lexicon = match tsv {
        Ok(tsv) => crate::findings::lexicon::Lexicon::parse_owned(tsv),
        Err(why) => {
            missing.push(format!(
                "Could not load the formulation lexicon ({why}); formulations are found from quotation marks and numbers only."
            ));
            crate::findings::lexicon::Lexicon::parse("")
        }
    };
    let lexicon = match words {
        Ok(words) => lexicon.with_words_owned(words),
        Err(why) => {
            missing.push(format!(
                "Could not load the Chinese word list ({why}); Chinese is compared character by character."
            ));
            lexicon
        }
    };
    (lexicon, (!missing.is_empty()).then(|| missing.join(" ")))
}

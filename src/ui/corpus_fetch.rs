//! Fetching the bundled corpus and the formulation lexicon from the site, by relative URL
//! (so any sub-path works).

use crate::corpus::{CorpusEntry, CorpusIndex, INDEX_SCHEMA};
use gloo::net::http::Request;

/// Where the site build puts the corpus, relative to the page.
const CORPUS_DIR: &str = "corpus";

/// Fetches `corpus/index.json`.
pub async fn fetch_index() -> Result<CorpusIndex, String> {
    let url = format!("{CORPUS_DIR}/index.json");
    let response = Request::get(&url).send().await.map_err(|e| format!("Could not fetch the corpus index: {e}"))?;
    if !response.ok() {
        return Err(format!("Could not fetch the corpus index: HTTP {}", response.status()));
    }
    let index: CorpusIndex = response.json().await.map_err(|e| format!("The corpus index is not valid: {e}"))?;
    if index.schema != INDEX_SCHEMA {
        return Err(format!("The corpus index has format {:?}, expected {INDEX_SCHEMA:?}", index.schema));
    }
    Ok(index)
}

/// Fetches one document's text.
pub async fn fetch_text(entry: &CorpusEntry) -> Result<String, String> {
    let url = format!("{CORPUS_DIR}/{}", entry.file);
    let failed = |why: String| format!("Could not load “{}”: {why}", entry.title);
    let response = Request::get(&url).send().await.map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response.text().await.map_err(|e| failed(e.to_string()))
}

/// Fetches and parses `lexicon.tsv` (the formulation lexicon, kept out of the wasm).
pub async fn fetch_lexicon() -> Result<crate::lexicon::Lexicon, String> {
    let failed = |why: String| {
        format!("Could not load the formulation lexicon ({why}); formulations are found from quotation marks and numbers only.")
    };
    let response = Request::get("lexicon.tsv").send().await.map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let text = response.text().await.map_err(|e| failed(e.to_string()))?;
    Ok(crate::lexicon::Lexicon::parse_owned(text))
}

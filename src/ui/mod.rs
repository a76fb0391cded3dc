//! The browser UI (wasm32 only): yew function components that render the engine's result.
//!
//! One reducer ([`state::Workspace`]) holds what the user controls: the two documents and
//! the loaded corpus index. The comparison is derived from the two texts with `use_memo`,
//! never stored. Components render and dispatch; fetching lives in [`corpus_fetch`].

pub mod app;
pub mod comparison_view;
pub mod corpus_fetch;
pub mod doc_panel;
pub mod key_help;
pub mod links;
pub mod options_bar;
pub mod priorities_panel;
pub mod redline;
pub mod share_bar;
pub mod slogans_panel;
pub mod state;
pub mod summary_strip;

pub use app::{App, AppProps};

/// Mounts the app into `#app`, replacing the loading message.
pub fn start() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        gloo::console::error!("tifa: no #app element in the page");
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}

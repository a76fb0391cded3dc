//! The browser UI (wasm32 only): yew function components that render the engine's result.
//!
//! One reducer ([`state::Workspace`]) holds what the user controls: the two documents and
//! the loaded corpus index. The comparison is derived from the two texts, never stored:
//! on the spot for short texts, in a worker for long ones ([`derived_comparison`]). Components render and dispatch; fetching lives in [`corpus_fetch`].

pub mod address_sync;
pub mod app;
pub mod chart_export;
pub mod compare_mode;
pub mod comparison_view;
pub mod corpus_fetch;
pub mod corpus_picker;
pub mod corpus_text_search;
pub mod deferred_timeline;
pub mod derived_comparison;
pub mod doc_panel;
pub mod formulations_panel;
pub mod heat_map;
pub mod js_json;
pub mod key_help;
pub mod keyboard;
pub mod language_data;
pub mod link_packing;
pub mod links;
pub mod offload;
pub mod opening;
pub mod options_bar;
pub mod page_actions;
pub mod paste_box;
pub mod printing;
pub mod priorities_panel;
pub mod redline;
pub mod results;
pub mod row_item;
pub mod series_callbacks;
pub mod series_editor;
pub mod share_bar;
pub mod side_panel;
pub mod state;
pub mod summary_strip;
pub mod svg_chart;
pub mod text_decoder;
pub mod timeline_page;
pub mod timeline_place;

pub use app::{App, AppProps};

/// Shows a banner when the app panics: the page cannot go on (wasm stops), but the
/// documents are kept in the link and the browser's storage, so a reload loses nothing.
///
/// Installed through yew, which otherwise replaces any hook with its own when it renders.
fn install_panic_banner() {
    yew::set_custom_panic_hook(Box::new(move |info| {
        gloo::console::error!(info.to_string());
        let document = gloo::utils::document();
        if document.get_element_by_id("panic-banner").is_some() {
            return;
        }
        if let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) {
            banner.set_id("panic-banner");
            banner.set_attribute("role", "alert").ok();
            banner.set_inner_html(
                "<p><strong>tifa hit an internal error and stopped.</strong> Your documents are kept in this \
                 page's link and in the browser: reloading restores them.</p>\
                 <button type=\"button\">Reload</button>",
            );
            let _ = body.prepend_with_node_1(&banner);
            if let Ok(Some(button)) = banner.query_selector("button") {
                // Inline handlers are barred by the page's Content-Security-Policy.
                gloo::events::EventListener::new(&button, "click", |_| {
                    let _ = gloo::utils::window().location().reload();
                })
                .forget();
            }
        }
    }));
}

/// Mounts the app into `#app`, replacing the loading message.
pub fn start() {
    // The comparison worker loads this same wasm: there is no page to mount there.
    if web_sys::window().is_none() {
        return;
    }
    install_panic_banner();
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        gloo::console::error!("tifa: no #app element in the page");
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}

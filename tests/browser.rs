//! The app mounted in a real browser (wasm-bindgen-test in headless Chromium) marks
//! inserted and deleted words.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use tifa::ui::state::Doc;
use tifa::ui::{App, AppProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(a: &str, b: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let preset = Rc::new([Doc::pasted(a.to_string()), Doc::pasted(b.to_string())]);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { preset: Some(preset) }).render();
    root
}

async fn settle() {
    gloo::timers::future::TimeoutFuture::new(50).await;
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.text_content()).collect()
}

#[wasm_bindgen_test]
async fn english_words_are_marked_inserted_and_deleted() {
    let root = mount("Communiqué\nWe must act now.\n", "Communiqué\nWe should act now.\n");
    settle().await;
    assert_eq!(texts(&root, ".rows del"), ["must"]);
    assert_eq!(texts(&root, ".rows ins"), ["should"]);
}

#[wasm_bindgen_test]
async fn chinese_phrase_is_marked_as_one_replacement() {
    let root = mount("公报\n实施稳健的货币政策。\n", "公报\n实施适度宽松的货币政策。\n");
    settle().await;
    assert!(texts(&root, ".rows del").contains(&"稳健".to_string()));
    assert!(texts(&root, ".rows ins").contains(&"适度宽松".to_string()));
}

#[wasm_bindgen_test]
async fn added_paragraph_is_labelled() {
    let root = mount("Title\nKept paragraph.\n", "Title\nKept paragraph.\nA new paragraph about reform.\n");
    settle().await;
    assert_eq!(texts(&root, ".row.added .relation"), ["added"]);
}

/// The engine in the browser gives, byte for byte, the JSON the native CLI gives for the
/// sample pair (the frozen snapshot of tests/frozen_outputs.rs), once it has the language
/// data the page fetches.
#[wasm_bindgen_test]
fn the_engine_in_the_browser_gives_the_native_json() {
    use tifa::findings::lexicon::Lexicon;
    let lexicon = Lexicon::parse(include_str!("../src/data/lexicon.tsv"))
        .with_words(include_str!("../src/data/zh_words.txt"))
        .with_phrases(include_str!("../src/data/phrases.tsv"));
    let (a, b) =
        (include_str!("../seeds/000_32d0b0de139dc88b.txt"), include_str!("../seeds/001_demo_illustrative_edit.txt"));
    let c = tifa::compare::compare_with(a, b, tifa::Granularity::default(), &lexicon);
    let json = serde_json::to_string_pretty(&tifa::output::json::report(
        &c,
        ("000_32d0b0de139dc88b.txt", a),
        ("001_demo_illustrative_edit.txt", b),
    ))
    .unwrap()
        + "\n";
    let snapshot = include_str!("snapshots/frozen_outputs__the_sample_pair_compares_as_frozen.snap");
    // An insta snapshot: a header between two `---` lines, then the value.
    let native = snapshot.splitn(3, "---\n").nth(2).unwrap();
    assert!(json == native, "the browser's JSON differs from the native snapshot");
}

#[wasm_bindgen_test]
async fn a_link_packed_by_the_browser_reads_back_with_the_page_decoder() {
    let json =
        r#"{"v":1,"a":{"text":"中国共产党第十九届中央委员会第六次全体会议公报"},"b":{"text":"We must act now."}}"#;
    let fragment = tifa::ui::link_packing::fragment_of_json(json).await;
    assert!(fragment.starts_with(tifa::view::share::PREFIX_V1), "{fragment}");
    assert_eq!(tifa::view::share::unpack(&fragment).unwrap(), json.as_bytes());
}

//! Share-link sizes on real documents (the targets of the share-link issue), printed and
//! checked.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use tifa::share::{encode, DocRef, FocusRef, ShareState, View};
use tifa::Options;

fn embedded(title: &str, text: String) -> DocRef {
    DocRef::Embedded { title: title.to_string(), text }
}

fn link_len(a: DocRef, b: DocRef) -> usize {
    let state = ShareState {
        a,
        b,
        options: Options { show_routine: false, ..Options::default() },
        view: View::SideBySide,
        focus: Some(FocusRef::Section { side: 'b', at: 2950 }),
    };
    // A typical deployment address in front of the fragment.
    "https://example.org/tools/tifa/#".len() + encode(&state).len()
}

#[test]
fn link_between_bundled_documents_is_under_200_characters() {
    let n = link_len(
        DocRef::Corpus { id: "cc19-4-zh".into(), hash: "1a2b3c4d".into() },
        DocRef::Corpus { id: "cc19-5-zh".into(), hash: "5e6f7a8b".into() },
    );
    println!("bundled pair with options and focus: {n} characters");
    assert!(n < 200, "{n}");
}

#[test]
fn link_embedding_two_12kb_english_documents_is_under_12000_characters() {
    let (a, b) = common::sample_pair();
    let n = link_len(embedded("A", a), embedded("B", b));
    let zh = link_len(embedded("A", common::corpus("cc19-4-zh")), embedded("B", common::corpus("cc19-5-zh")));
    println!("embedded English sample pair (12.5 KB each): {n} characters");
    println!("embedded cc19-4-zh / cc19-5-zh (17–19 KB each): {zh} characters");
    assert!(n < 12_000, "{n}");
}

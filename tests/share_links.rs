//! Share-link sizes on real documents (the targets of the share-link issue), printed and
//! checked.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use tifa::model::side::Side;
use tifa::view::share::{encode, DocRef, FocusRef, ShareState, TableRef, TimelineRef, View};
use tifa::Options;

fn embedded(title: &str, text: String) -> DocRef {
    DocRef::Embedded { title: title.to_string(), text, from_file: false }
}

fn link_len(a: DocRef, b: DocRef) -> usize {
    let state = ShareState {
        a,
        b,
        options: Options { show_routine: false, ..Options::default() },
        view: View::SideBySide,
        focus: Some(FocusRef::Section { side: Side::B, at: 2950 }),
        timeline: None,
        table: TableRef::default(),
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

fn timeline_state(docs: Vec<DocRef>, view: TimelineRef) -> ShareState {
    ShareState {
        a: docs[0].clone(),
        b: docs[1].clone(),
        options: Options::default(),
        view: View::SideBySide,
        focus: None,
        timeline: Some(TimelineRef { docs, ..view }),
        table: TableRef::default(),
    }
}

#[test]
fn link_to_a_timeline_of_eight_bundled_documents_is_under_500_characters() {
    let docs: Vec<DocRef> = tifa::timeline::presets::EIGHT_CHINESE
        .iter()
        .map(|id| DocRef::Corpus { id: id.to_string(), hash: "1a2b3c4d".into() })
        .collect();
    let view = TimelineRef { open: true, tab: "priorities".into(), chain: 1, ..TimelineRef::default() };
    let state = timeline_state(docs, view);
    let n = "https://example.org/tools/tifa/#".len() + encode(&state).len();
    println!("timeline of eight bundled documents: {n} characters");
    assert!(n < 500, "{n}");
    assert_eq!(tifa::view::share::decode(&encode(&state)), Ok(state));
}

#[test]
fn a_link_with_more_documents_than_a_timeline_holds_is_refused() {
    let docs: Vec<DocRef> = (0..21).map(|i| DocRef::Corpus { id: format!("d{i}"), hash: "1a2b3c4d".into() }).collect();
    let state = timeline_state(docs, TimelineRef { open: true, ..TimelineRef::default() });
    let err = tifa::view::share::decode(&encode(&state)).unwrap_err();
    assert!(err.to_string().contains("at most 20"), "{err}");
}

/// A pasted pair of long reports still makes a link that opens to the same state (it is
/// compressed at a faster level, which the decoder reads like any other).
#[test]
fn link_embedding_two_long_reports_round_trips() {
    let a = common::corpus("congress19-zh").repeat(2);
    let b = common::corpus("congress20-zh").repeat(2);
    let state = ShareState {
        a: embedded("A", a),
        b: embedded("B", b),
        options: Options::default(),
        view: View::SideBySide,
        focus: None,
        timeline: None,
        table: TableRef::default(),
    };
    let fragment = encode(&state);
    println!("link embedding two 390 KB reports: {} characters", fragment.len());
    assert_eq!(tifa::view::share::decode(&fragment).unwrap(), state);
}

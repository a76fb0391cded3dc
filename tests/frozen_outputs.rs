//! The published output formats, frozen: the CLI's JSON (`tifa.comparison/1` and
//! `tifa.timeline/1`) of real documents, checked in as snapshots (tests/snapshots/, with
//! insta). A change of schema (a field renamed, added or dropped) or of results (a row
//! paired differently, a formulation found or lost) fails here and shows as a diff; when it
//! is meant, `cargo insta review` (or INSTA_UPDATE=always) takes the new output and the
//! commit says why.
//!
//! The comparison snapshots are what `tifa compare A B --format json` prints; the timeline's
//! what `tifa timeline A B C` prints. The browser's engine is held to the first one
//! (tests/browser.rs).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use tifa::findings::lexicon::Lexicon;
use tifa::{compare, output::json, timeline, Granularity};

/// The CLI's JSON for a comparison, titled as the CLI titles files (their names).
fn comparison_json(a: (&str, &str), b: (&str, &str)) -> String {
    let c = compare(a.1, b.1, Granularity::default());
    serde_json::to_string_pretty(&json::report(&c, a, b)).expect("JSON") + "\n"
}

#[test]
fn the_sample_pair_compares_as_frozen() {
    let (a, b) = common::sample_pair();
    insta::assert_snapshot!(comparison_json(("000_32d0b0de139dc88b.txt", &a), ("001_demo_illustrative_edit.txt", &b)));
}

#[test]
fn two_plenum_communiques_compare_as_frozen() {
    let (a, b) = (common::corpus("cc19-4-zh"), common::corpus("cc19-5-zh"));
    insta::assert_snapshot!(comparison_json(("cc19-4-zh.txt", &a), ("cc19-5-zh.txt", &b)));
}

#[test]
fn two_english_speeches_compare_as_frozen() {
    let (a, b) = (common::corpus("unga75-2020-en"), common::corpus("unga76-2021-en"));
    insta::assert_snapshot!(comparison_json(("unga75-2020-en.txt", &a), ("unga76-2021-en.txt", &b)));
}

#[test]
fn a_timeline_of_three_plenums_is_frozen() {
    let ids = ["cc19-4-zh", "cc19-5-zh", "cc19-6-zh"];
    let texts: Vec<String> = ids.iter().map(|id| common::corpus(id)).collect();
    let docs: Vec<timeline::SeriesDoc<'_>> =
        ids.iter().zip(&texts).map(|(id, text)| timeline::SeriesDoc { label: id, title: id, date: "", text }).collect();
    let t = timeline::build(&docs, Lexicon::builtin());
    insta::assert_snapshot!(serde_json::to_string_pretty(&tifa::timeline::json::report(&t)).expect("JSON") + "\n");
}

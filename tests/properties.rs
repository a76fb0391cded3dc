//! Property tests over arbitrary Unicode: the comparison never loses a byte, and never cuts
//! inside a character or a grapheme cluster, whatever the text and options.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use std::collections::BTreeSet;
use tifa::diff::OpKind;
use tifa::{compare, Granularity, Options, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Pieces that exercise every hard case: CJK, emoji with modifiers and joiners, combining
/// marks, right-to-left text, control and zero-width characters, enumeration markers,
/// full-width forms and line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("全会".to_string()),
        Just("坚持和完善中国特色社会主义制度".to_string()),
        Just("一是".to_string()),
        Just("（二）".to_string()),
        Just("第三，".to_string()),
        Just("First, ".to_string()),
        Just("Second, ".to_string()),
        Just("the meeting stressed ".to_string()),
        Just("“两个维护”".to_string()),
        Just("👍🏽".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("🇨🇳".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("مرحبا ".to_string()),
        Just("שלום".to_string()),
        Just("\u{200b}\u{200f}\u{202e}".to_string()),
        Just("\u{0}\u{7}\u{1b}".to_string()),
        Just("ＡＢＣ１２３".to_string()),
        Just("。".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(chars, routine, punct, fold)| Options {
        granularity: if chars { Granularity::Character } else { Granularity::Word },
        show_routine: routine,
        ignore_punctuation: punct,
        changes_only: fold,
        ..Options::default()
    })
}

fn grapheme_boundaries(text: &str) -> BTreeSet<usize> {
    let mut set: BTreeSet<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    set.insert(text.len());
    set
}

fn check(a: &str, b: &str, options: &Options) -> Result<(), TestCaseError> {
    let c = compare(a, b, options.granularity);
    let (ga, gb) = (grapheme_boundaries(a), grapheme_boundaries(b));
    for (text, outline, bounds) in [(a, &c.outline_a, &ga), (b, &c.outline_b, &gb)] {
        let mut at = 0;
        for &id in &outline.leaves {
            let s = outline.get(id);
            prop_assert_eq!(s.span.start, at);
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            at = s.span.end;
        }
        if !text.trim().is_empty() {
            prop_assert_eq!(at, text.len());
        }
        let _ = bounds;
    }
    for row in &c.rows {
        let mut rebuilt_a = String::new();
        let mut rebuilt_b = String::new();
        for op in &row.ops {
            for (span, bounds) in [(op.a, &ga), (op.b, &gb)] {
                prop_assert!(
                    bounds.contains(&span.start) && bounds.contains(&span.end),
                    "op {:?} splits a grapheme",
                    op
                );
            }
            if op.kind != OpKind::Insert {
                rebuilt_a.push_str(op.a.of(a));
            }
            if op.kind != OpKind::Delete {
                rebuilt_b.push_str(op.b.of(b));
            }
        }
        let whole = |outline: &tifa::text::segment::Outline, ids: &[usize], text: &str| -> String {
            match (ids.first(), ids.last()) {
                (Some(&f), Some(&l)) => {
                    Span::new(outline.get(f).body.start, outline.get(l).body.end).of(text).to_string()
                }
                _ => String::new(),
            }
        };
        prop_assert_eq!(rebuilt_a, whole(&c.outline_a, &row.a, a));
        prop_assert_eq!(rebuilt_b, whole(&c.outline_b, &row.b, b));
    }
    if let Err(why) = common::check_sentences(&c, a, b) {
        return Err(TestCaseError::fail(why));
    }
    // Every leaf stands in exactly one row.
    for (outline, side) in [(&c.outline_a, 0), (&c.outline_b, 1)] {
        let mut rows_of_leaf: Vec<usize> = vec![0; outline.sections.len()];
        for row in &c.rows {
            for &id in if side == 0 { &row.a } else { &row.b } {
                rows_of_leaf[id] += 1;
            }
        }
        for &id in &outline.leaves {
            prop_assert_eq!(rows_of_leaf[id], 1, "leaf {} of {} is in {} rows", id, ["A", "B"][side], rows_of_leaf[id]);
        }
    }
    Ok(())
}

/// A paragraph of a structured document: numbered task items and lead-ins whose words
/// recur across the two documents in other orders and wordings, so that priority items
/// match where the paragraphs do not.
fn structured_paragraph() -> impl Strategy<Value = String> {
    let marker = prop_oneof![
        Just("（一）"),
        Just("（二）"),
        Just("（三）"),
        Just("（四）"),
        Just("一、"),
        Just("二、"),
        Just("全会提出，"),
        Just("First, "),
        Just("Second, "),
        Just(""),
        Just(""),
    ];
    let clause = prop_oneof![
        Just("推动城乡区域协调发展"),
        Just("扩大国内有效需求，推进区域协调发展"),
        Just("加强生态环境保护"),
        Just("着力保障和改善民生"),
        Just("深入实施创新驱动发展战略"),
        Just("加快建设现代化产业体系"),
        Just("we must revitalize the economy"),
        Just("economic globalization is a trend"),
    ];
    (marker, prop::collection::vec(clause, 1..4)).prop_map(|(m, cs)| format!("{m}{}。\n", cs.join("，")))
}

fn structured_text() -> impl Strategy<Value = String> {
    prop::collection::vec(structured_paragraph(), 0..24).prop_map(|p| format!("题\n{}", p.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn ops_rebuild_both_texts_and_respect_graphemes(a in text(), b in text(), options in options()) {
        check(&a, &b, &options)?;
    }

    #[test]
    fn structured_documents_whose_priorities_match(a in structured_text(), b in structured_text()) {
        check(&a, &b, &Options::default())?;
    }

    #[test]
    fn a_text_against_an_edit_of_itself(a in text(), cut in 0usize..40, insert in piece(), options in options()) {
        let mut b = a.clone();
        let at = (0..=cut.min(b.len())).rev().find(|&i| b.is_char_boundary(i)).unwrap_or(0);
        b.insert_str(at, &insert);
        check(&a, &b, &options)?;
    }
}

/// Text where the ASCII rules of `word_bounds` do their work: letters, digits, the
/// punctuation UAX #29 treats specially, spaces and line breaks, next to characters beyond
/// ASCII that border on them (accents, combining marks, joiners, curly quotes, Han).
fn word_text() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        12 => "[a-zA-Z0-9_:.,;' \"\t\r\n!-]{1,4}",
        1 => Just("\u{301}".to_string()),
        1 => Just("\u{200d}".to_string()),
        1 => Just("\u{ad}".to_string()),
        1 => Just("é".to_string()),
        1 => Just("’".to_string()),
        1 => Just("中".to_string()),
        2 => "[中国共产党两个确立，。、“”《》（）—…　\u{302a}\u{3099}\u{fe0f}ｶﾞ]{1,6}",
        1 => Just("\u{a0}".to_string()),
        1 => Just("🇨🇳".to_string()),
        1 => Just("\u{b}\u{c}".to_string()),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(unit, 0..30).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn word_bounds_are_those_of_unicode_segmentation(s in word_text()) {
        let mut ours = Vec::new();
        tifa::text::word_bounds::for_each_word_bound(&s, |at, piece| ours.push((at, piece.to_string())));
        let theirs: Vec<(usize, String)> = s.split_word_bound_indices().map(|(at, w)| (at, w.to_string())).collect();
        prop_assert_eq!(ours, theirs);
    }
}

mod share_links {
    use super::*;
    use tifa::view::share::{decode, encode, DocRef, FocusRef, ShareState, TableRef, TimelineRef, View};

    fn doc() -> impl Strategy<Value = DocRef> {
        prop_oneof![
            ("[a-z0-9-]{1,20}", "[0-9a-f]{8}").prop_map(|(id, hash)| DocRef::Corpus { id, hash }),
            (text(), text(), any::<bool>()).prop_map(|(title, text, from_file)| DocRef::Embedded {
                title,
                text,
                from_file
            }),
        ]
    }

    fn focus() -> impl Strategy<Value = Option<FocusRef>> {
        prop_oneof![
            Just(None),
            ("\\PC{0,20}", 0usize..50).prop_map(|(key, step)| Some(FocusRef::Formulation { key, step })),
            (prop_oneof![Just(tifa::model::side::Side::A), Just(tifa::model::side::Side::B)], 0usize..100_000)
                .prop_map(|(side, at)| Some(FocusRef::Section { side, at })),
        ]
    }

    fn timeline() -> impl Strategy<Value = Option<TimelineRef>> {
        prop_oneof![
            Just(None),
            (prop::collection::vec(doc(), 0..4), any::<bool>(), "[a-z]{0,8}", "\\PC{0,12}", any::<bool>(), 0usize..9)
                .prop_map(|(docs, open, tab, filter, all_kinds, chain)| Some(TimelineRef {
                    docs,
                    open,
                    tab,
                    order: "total".into(),
                    filter,
                    all_kinds,
                    chain,
                })),
        ]
    }

    fn table() -> impl Strategy<Value = TableRef> {
        ("[a-z]{0,8}", "[a-z]{0,8}", "\\PC{0,12}").prop_map(|(filter, sort, query)| TableRef { filter, sort, query })
    }

    fn state() -> impl Strategy<Value = ShareState> {
        (doc(), doc(), options(), any::<bool>(), focus(), timeline(), table()).prop_map(
            |(a, b, options, inline, focus, timeline, table)| ShareState {
                a,
                b,
                options,
                view: if inline { View::Inline } else { View::SideBySide },
                focus,
                timeline,
                table,
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn decode_inverts_encode(s in state()) {
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }

        #[test]
        fn random_fragments_never_panic(fragment in "\\PC{0,300}") {
            let _ = decode(&fragment);
            let _ = decode(&format!("v1.{fragment}"));
        }

        #[test]
        fn random_bytes_after_the_prefix_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            use base64::Engine;
            let link = format!("v1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes));
            prop_assert!(decode(&link).is_err());
        }

        #[test]
        fn every_truncation_of_a_link_fails_cleanly(s in state(), cut in 0usize..1000) {
            let link = encode(&s);
            let at = cut.min(link.len().saturating_sub(1));
            prop_assert!(decode(&link[..at]).is_err());
        }
    }
}

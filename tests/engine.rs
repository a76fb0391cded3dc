//! Engine invariants on real documents: nothing of either document is lost, and every diff
//! rebuilds its two sides byte for byte.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use tifa::diff::OpKind;
use tifa::{compare, Comparison, Granularity, Relation};

/// Checks the invariants of a comparison of `a` with `b`.
fn check_lossless(a: &str, b: &str) -> Comparison {
    let c = compare(a, b, Granularity::default());
    for (text, outline) in [(a, &c.outline_a), (b, &c.outline_b)] {
        // Leaves tile the text.
        let mut at = 0;
        for &id in &outline.leaves {
            let s = outline.get(id);
            assert_eq!(s.span.start, at, "gap or overlap before section {id}");
            assert!(s.body.start >= s.span.start && s.body.end <= s.span.end);
            at = s.span.end;
        }
        if !text.trim().is_empty() {
            assert_eq!(at, text.len(), "leaves do not reach the end of the text");
        }
    }
    // Each leaf of each document appears in exactly one row.
    let mut seen_a = vec![0; c.outline_a.sections.len()];
    let mut seen_b = vec![0; c.outline_b.sections.len()];
    for row in &c.rows {
        row.a.iter().for_each(|&id| seen_a[id] += 1);
        row.b.iter().for_each(|&id| seen_b[id] += 1);
    }
    for &id in &c.outline_a.leaves {
        assert_eq!(seen_a[id], 1, "leaf {id} of A appears {} times", seen_a[id]);
    }
    for &id in &c.outline_b.leaves {
        assert_eq!(seen_b[id], 1, "leaf {id} of B appears {} times", seen_b[id]);
    }
    // The ops of each row rebuild the row's text on both sides.
    for row in &c.rows {
        let span = |outline: &tifa::text::segment::Outline, ids: &[usize]| {
            ids.first().map(|&f| tifa::Span::new(outline.get(f).body.start, outline.get(*ids.last().unwrap()).body.end))
        };
        let rebuilt_a: String = row.ops.iter().filter(|o| o.kind != OpKind::Insert).map(|o| o.a.of(a)).collect();
        let rebuilt_b: String = row.ops.iter().filter(|o| o.kind != OpKind::Delete).map(|o| o.b.of(b)).collect();
        assert_eq!(rebuilt_a, span(&c.outline_a, &row.a).map_or("", |s| s.of(a)));
        assert_eq!(rebuilt_b, span(&c.outline_b, &row.b).map_or("", |s| s.of(b)));
    }
    common::check_sentences(&c, a, b).unwrap();
    c
}

#[test]
fn sample_pair_is_lossless() {
    let (a, b) = common::sample_pair();
    check_lossless(&a, &b);
}

#[test]
fn sample_pair_shows_every_kind_of_change_of_the_demo() {
    let (a, b) = common::sample_pair();
    let c = check_lossless(&a, &b);
    let s = &c.stats;
    assert_eq!((s.added, s.dropped, s.moved), (1, 1, 1), "{s:?}");
    let dropped: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.relation == Relation::Dropped)
        .map(|r| c.outline_a.get(r.a[0]).body.of(&a))
        .collect();
    assert!(dropped[0].starts_with("The meeting approved the resignation"));
    let added: Vec<&str> =
        c.rows.iter().filter(|r| r.relation == Relation::Added).map(|r| c.outline_b.get(r.b[0]).body.of(&b)).collect();
    assert!(added[0].starts_with("The meeting pointed out"));
    let moved = c.rows.iter().find(|r| r.moved).unwrap();
    assert!(c.outline_b.get(moved.b[0]).body.of(&b).contains("county economy"));
}

#[test]
fn plenum_pair_cc19_4_vs_cc19_5_is_lossless() {
    check_lossless(&common::corpus("cc19-4-zh"), &common::corpus("cc19-5-zh"));
}

#[test]
fn every_corpus_pair_in_sequence_is_lossless() {
    let ids = ["cc19-5-zh", "cc19-6-zh", "ccdi19-6-zh", "gwr2022-zh", "gwr2023-zh", "unga75-2020-en", "unga76-2021-en"];
    for pair in ids.windows(2) {
        check_lossless(&common::corpus(pair[0]), &common::corpus(pair[1]));
    }
}

#[test]
fn a_task_condensed_into_one_paragraph_is_one_row_with_it() {
    // The 2022 work report's innovation task runs over five paragraphs; the 2023 report's
    // industrial-system task condenses it into one, out of order. Paragraph similarity alone
    // left all six apart; the matched priorities put them in one merged, moved row.
    let (a, b) = (common::corpus("gwr2022-zh"), common::corpus("gwr2023-zh"));
    let c = check_lossless(&a, &b);
    let paragraphs = |outline: &tifa::text::segment::Outline, ids: &[usize]| -> Vec<usize> {
        ids.iter().map(|&id| outline.get(id).paragraph).collect()
    };
    let row =
        c.rows.iter().find(|r| paragraphs(&c.outline_b, &r.b) == [82]).expect("a row holds the industrial-system task");
    assert_eq!(paragraphs(&c.outline_a, &row.a), [57, 58, 59, 60, 61]);
    assert_eq!(row.relation, tifa::compare::Relation::Merged);
    assert!(row.moved);
}

#[test]
fn a_document_against_itself_is_unchanged() {
    let a = common::corpus("cc19-4-zh");
    let c = check_lossless(&a, &a);
    assert!(c.rows.iter().all(|r| r.relation == Relation::Same && !r.moved));
}

#[test]
fn odd_inputs_do_not_panic() {
    let cases = [
        "",
        "\n\n\n",
        "no punctuation at all just words going on and on",
        "全会全会全会全会全会全会",
        "\u{0}\u{1}\u{7f}control",
        "emoji 🇨🇳👍🏽 and combining e\u{301}",
        "مرحبا بالعالم. שלום עולם.",
        "First, one. Second, two. First, again.",
        "（一）（二）（三）",
        "一是二是三是",
    ];
    for a in cases {
        for b in cases {
            check_lossless(a, b);
        }
    }
}

#[test]
fn one_giant_paragraph_against_thousands_of_lines() {
    let giant = "全面深化改革，推进国家治理体系和治理能力现代化".repeat(2000);
    let lines: String = (0..3000).map(|i| format!("第{i}行：坚持和完善制度。\n")).collect();
    let c = check_lossless(&giant, &lines);
    assert_eq!(c.outline_a.leaves.len(), 1);
    assert_eq!(c.outline_b.leaves.len(), 3000);
}

#[test]
fn text_without_any_punctuation_or_line_breaks_is_one_section() {
    let a = "the meeting studied the plans and the work ".repeat(500);
    let b = "the meeting studied the plans and the tasks ".repeat(500);
    let c = check_lossless(&a, &b);
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].relation, Relation::Reworded);
}

#[test]
fn unrelated_documents_are_mostly_added_and_dropped() {
    let c = check_lossless(&common::corpus("cc19-4-zh"), &common::corpus("unga75-2020-en"));
    let paired = c.rows.iter().filter(|r| !matches!(r.relation, Relation::Added | Relation::Dropped)).count();
    assert!(paired <= 2, "{paired} forced pairs between a Chinese communiqué and an English speech");
}

#[test]
fn mixed_scripts_in_one_document() {
    let a = "Title 标题\nThe 四个意识 and “two maintains” are stressed.\n全会强调 GDP 增长 6%。";
    let b = "Title 标题\nThe 四个自信 and “two upholds” are stressed.\n全会强调 GDP 增长 5%。";
    let c = check_lossless(a, b);
    assert!(c.rows.iter().all(|r| !matches!(r.relation, Relation::Added | Relation::Dropped)));
}

/// The web app computes large comparisons in a worker and sends the result back in binary
/// form: what arrives must be the comparison that was computed, field for field.
#[test]
fn a_comparison_survives_the_binary_form_the_worker_sends() {
    let (a, b) = common::sample_pair();
    let pairs = [
        (a, b),
        (common::corpus("cc19-4-zh"), common::corpus("cc19-5-zh")),
        (common::corpus("congress19-zh"), common::corpus("congress20-zh")),
        (common::corpus("unga75-2020-en"), common::corpus("unga76-2021-en")),
    ];
    for (a, b) in pairs {
        let c = compare(&a, &b, Granularity::default());
        assert_eq!(tifa::output::wire::decode(&tifa::output::wire::encode(&c)).unwrap(), c);
    }
}

/// The worker reports each stage as it goes; the page shows it as a progress bar.
#[test]
fn progress_goes_through_every_stage_and_only_forward() {
    let (a, b) = (common::corpus("cc19-4-zh"), common::corpus("cc19-5-zh"));
    let mut seen: Vec<(&str, u32)> = Vec::new();
    let c = tifa::compare::compare_reporting(
        &a,
        &b,
        Granularity::default(),
        tifa::findings::lexicon::Lexicon::builtin(),
        &mut |stage, percent| seen.push((stage, percent)),
    );
    assert_eq!(c, compare(&a, &b, Granularity::default()));
    let stages: Vec<&str> = seen.iter().map(|s| s.0).fold(Vec::new(), |mut v, s| {
        if v.last() != Some(&s) {
            v.push(s);
        }
        v
    });
    assert_eq!(
        stages,
        [
            "Reading the sections",
            "Aligning the sections and priorities",
            "Comparing aligned sections word by word",
            "Classifying sentences",
            "Finding formulations"
        ]
    );
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1 || w[0].0 != w[1].0), "percentages go back: {seen:?}");
    assert!(seen.iter().filter(|s| s.0.starts_with("Comparing")).count() > 10, "the word diffs report as they go");
}

/// Every added and dropped section carries the other side's sections most like it (up to
/// three, best first, each a leaf of the other document), so a reader can find where it
/// went; and a paired row under 15% alike is a weak match.
#[test]
fn added_and_dropped_sections_know_their_closest_sections() {
    let (a, b) = (common::corpus("unga75-2020-en"), common::corpus("unga76-2021-en"));
    let c = tifa::compare(&a, &b, tifa::Granularity::default());
    let unpaired = c.rows.iter().filter(|r| matches!(r.relation, tifa::Relation::Added | tifa::Relation::Dropped));
    let with_nearest = unpaired.clone().filter(|r| !c.nearest_to(r).is_empty()).count();
    assert!(with_nearest * 2 >= unpaired.count(), "most unpaired sections have a closest section");
    for n in &c.nearest_a {
        assert!(c.outline_a.leaves.contains(&n.leaf));
        assert!(n.others.len() <= 3 && !n.others.is_empty());
        assert!(n.others.windows(2).all(|w| w[0].similarity >= w[1].similarity));
        assert!(n.others.iter().all(|o| c.outline_b.leaves.contains(&o.section) && o.similarity >= 0.03));
    }
    for n in &c.nearest_b {
        assert!(c.outline_b.leaves.contains(&n.leaf));
        assert!(n.others.iter().all(|o| c.outline_a.leaves.contains(&o.section)));
    }
    assert!(c
        .rows
        .iter()
        .filter(|r| r.is_weak_match())
        .all(|r| r.similarity < 0.15 && !r.a.is_empty() && !r.b.is_empty()));
    // Unrelated documents still give added and dropped sections, not forced pairs.
    let (x, y) = (common::corpus("cpcconst19-2017-en"), common::corpus("cc19-5-zh"));
    let c = tifa::compare(&x, &y, tifa::Granularity::default());
    let paired = c.rows.iter().filter(|r| !r.a.is_empty() && !r.b.is_empty()).count();
    assert_eq!(paired, 0, "an English constitution and a Chinese communiqué share no section");
    // Two speeches on different matters share their salutations ("Dear Colleagues,",
    // "Thank you.") and nothing else: no paragraph of substance is forced into a pair, not
    // even the items of their two numbered lists ("Fifth, …" and "Third, …").
    let (x, y) = (common::corpus("sco21-2021-en"), common::corpus("climate-ambition-2020-en"));
    let c = tifa::compare(&x, &y, tifa::Granularity::default());
    for r in c.rows.iter().filter(|r| !r.a.is_empty() && !r.b.is_empty()) {
        let text = c.outline_a.get(r.a[0]).body.of(&x);
        assert!(r.a.len() == 1 && text.len() < 60 && r.similarity >= 0.25, "forced pair: {text:?} at {}", r.similarity);
    }
}

#[test]
fn the_headings_of_two_parts_paired_by_their_content_pair_with_each_other() {
    // The 2021 work report's third part (the year's work) pairs by content with the 2022
    // report's second (the year's requirements and policies, which opens its tasks). The
    // two headings share little but that role, and text between them moved.
    let (a, b) = (common::corpus("gwr2021-zh"), common::corpus("gwr2022-zh"));
    let c = compare(&a, &b, Granularity::default());
    let heading = |outline: &tifa::text::segment::Outline, text: &str, wanted: &str| {
        outline.leaves.iter().copied().find(|&id| outline.get(id).span.of(text).trim() == wanted).expect(wanted)
    };
    let ha = heading(&c.outline_a, &a, "三、2021年重点工作");
    let hb = heading(&c.outline_b, &b, "二、2022年经济社会发展总体要求和政策取向");
    let row = c.rows.iter().find(|r| r.a.contains(&ha)).expect("a row holds the heading");
    assert_eq!((row.b.as_slice(), row.relation), ([hb].as_slice(), Relation::Reworded));
}

#[test]
fn a_block_of_paragraphs_moved_together_pairs_as_a_moved_block() {
    // gwr2017's fourth task (the real economy) has a paragraph on emerging industries and
    // one on traditional industries; gwr2018 moved both, in the same order, under its
    // first task (supply-side reform). Each pair alone is weak (about 0.15 alike), but two
    // in step are a block that changed place, not two paragraphs dropped and two added.
    let (a, b) = (common::corpus("gwr2017-zh"), common::corpus("gwr2018-zh"));
    let c = compare(&a, &b, Granularity::default());
    let leaf = |outline: &tifa::text::segment::Outline, text: &str, opening: &str| {
        outline.leaves.iter().copied().find(|&id| outline.get(id).span.of(text).starts_with(opening)).expect(opening)
    };
    for (from, to) in [("加快培育壮大新兴产业", "发展壮大新动能"), ("大力改造提升传统产业", "加快制造强国建设")]
    {
        let (la, lb) = (leaf(&c.outline_a, &a, from), leaf(&c.outline_b, &b, to));
        let row = c.rows.iter().find(|r| r.a.contains(&la)).expect("a row holds the paragraph");
        assert_eq!(row.b.as_slice(), [lb].as_slice(), "{from} pairs with {to}");
        assert!(row.moved, "{from} moved");
    }
}

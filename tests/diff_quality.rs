//! Readability of the word diff on real reworded paragraphs: tifa's change runs against a
//! raw character diff's (the confetti the cleanup exists to avoid), plus real before/after
//! examples.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use similar::{capture_diff_slices, Algorithm, DiffTag};
use tifa::diff::OpKind;
use tifa::Granularity;
use tifa::{compare, Options, Relation, Span};

/// Number of change runs (a delete and the insert that follows it count as one).
fn tifa_runs(ops: &[tifa::diff::Op]) -> usize {
    let mut runs = 0;
    let mut previous = OpKind::Equal;
    for op in ops {
        if op.kind != OpKind::Equal && previous == OpKind::Equal {
            runs += 1;
        }
        previous = op.kind;
    }
    runs
}

/// Change runs of a raw diff with one token per character.
fn raw_char_runs(a: &str, b: &str) -> usize {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let ops = capture_diff_slices(Algorithm::Myers, &ca, &cb);
    let mut runs = 0;
    let mut in_change = false;
    for op in ops {
        let change = op.tag() != DiffTag::Equal;
        if change && !in_change {
            runs += 1;
        }
        in_change = change;
    }
    runs
}

fn median(mut v: Vec<usize>) -> f64 {
    v.sort_unstable();
    if v.is_empty() {
        return 0.0;
    }
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m] as f64
    } else {
        (v[m - 1] + v[m]) as f64 / 2.0
    }
}

#[test]
fn reworded_paragraphs_have_at_most_half_the_runs_of_a_raw_character_diff() {
    let pairs = [
        ("cc19-4-zh", "cc19-5-zh"),
        ("cc19-5-zh", "cc19-6-zh"),
        ("gwr2022-zh", "gwr2023-zh"),
        ("unga75-2020-en", "unga76-2021-en"),
        ("sco20-2020-en", "sco21-2021-en"),
    ];
    let (mut ours, mut raw) = (Vec::new(), Vec::new());
    for (a_id, b_id) in pairs {
        let (a, b) = (common::corpus(a_id), common::corpus(b_id));
        let c = compare(&a, &b, Granularity::default());
        for row in c.rows.iter().filter(|r| r.relation == Relation::Reworded) {
            let span = |o: &tifa::text::segment::Outline, ids: &[usize]| {
                Span::new(o.get(ids[0]).body.start, o.get(*ids.last().unwrap()).body.end)
            };
            let (sa, sb) = (span(&c.outline_a, &row.a), span(&c.outline_b, &row.b));
            ours.push(tifa_runs(&row.ops));
            raw.push(raw_char_runs(sa.of(&a), sb.of(&b)));
        }
    }
    let (m_ours, m_raw) = (median(ours.clone()), median(raw.clone()));
    println!("reworded paragraphs: {}; median change runs: tifa {m_ours}, raw character diff {m_raw}", ours.len());
    assert!(m_ours * 2.0 <= m_raw, "tifa {m_ours} vs raw {m_raw}");
}

/// Renders a diff as `equal[-deleted-]{+inserted+}`.
fn redline(a: &str, b: &str) -> String {
    let c = compare(a, b, Granularity::default());
    tifa::diff::plain_redline(c.rows.iter().flat_map(|r| &r.ops), a, b)
}

#[test]
fn real_example_monetary_policy_stance() {
    // 2024 → 2025 work report wording of the monetary policy stance.
    assert_eq!(
        redline("稳健的货币政策要灵活适度、精准有效。", "适度宽松的货币政策要灵活适度、精准有效。"),
        "[-稳健-]{+适度宽松+}的货币政策要灵活适度、精准有效。"
    );
}

#[test]
fn chinese_words_change_whole_not_by_stray_characters() {
    // One token per character would give 坚[-持-]{+定+}, half a word on each side.
    assert_eq!(redline("全会强调，坚持发展经济。", "全会强调，坚定发展经济。"), "全会强调，[-坚持-]{+坚定+}发展经济。");
    // Character granularity, on request, still gives the character.
    let options = Options { granularity: tifa::Granularity::Character, ..Options::default() };
    let (a, b) = ("全会强调，坚持发展经济。", "全会强调，坚定发展经济。");
    let c = compare(a, b, options.granularity);
    assert_eq!(
        tifa::diff::plain_redline(c.rows.iter().flat_map(|r| &r.ops), a, b),
        "全会强调，坚[-持-]{+定+}发展经济。"
    );
}

#[test]
fn real_example_plenum_ordinal_and_date() {
    let a = "中国共产党第十九届中央委员会第四次全体会议，于2019年10月28日至31日在北京举行。";
    let b = "中国共产党第十九届中央委员会第五次全体会议，于2020年10月26日至29日在北京举行。";
    assert_eq!(
        redline(a, b),
        "中国共产党第十九届中央委员会第[-四-]{+五+}次全体会议，于[-2019年10月28日至31-]{+2020年10月26日至29+}日在北京举行。"
    );
}

#[test]
fn real_example_sample_priority_reworded() {
    let a = "First, we must unswervingly promote high-quality economic development.";
    let b = "First, we must comprehensively promote high-quality economic development and cultivate new quality productive forces.";
    assert_eq!(
        redline(a, b),
        "First, we must [-unswervingly-]{+comprehensively+} promote high-quality economic development{+ and cultivate new quality productive forces+}."
    );
}

//! Alignment quality against hand-annotated pairs of real documents (tests/alignment/).
//!
//! Each annotation file says which paragraph of A plays the same role as which paragraph
//! of B, or that a paragraph has no counterpart. This test computes precision, recall and
//! F1 of tifa's paragraph pairs and of its added/dropped paragraphs, prints them beside a
//! baseline (an in-order LCS of paragraphs by near-exact match) and the targets of the
//! alignment issue, and fails when tifa falls below its recorded floor (the score it reached
//! when the floor was set, less 0.02) or does not beat the baseline. Raise a floor when the
//! engine improves; the targets are the goal.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use tifa::{compare, Options, Relation};

/// Paragraph pairs and unpaired paragraphs, 1-based.
#[derive(Default, Debug)]
struct Alignment {
    pairs: BTreeSet<(usize, usize)>,
    /// ('a', n) for dropped paragraphs of A, ('b', n) for added paragraphs of B.
    unpaired: BTreeSet<(char, usize)>,
}

fn parse_annotation(tsv: &str) -> Alignment {
    let mut out = Alignment::default();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        match (cells[0].trim().parse::<usize>(), cells[1].trim().parse::<usize>()) {
            (Ok(a), Ok(b)) => {
                out.pairs.insert((a, b));
            }
            (Ok(a), Err(_)) => {
                out.unpaired.insert(('a', a));
            }
            (Err(_), Ok(b)) => {
                out.unpaired.insert(('b', b));
            }
            _ => panic!("bad annotation line {line:?}"),
        }
    }
    out
}

/// tifa's alignment, reduced to paragraphs.
fn predict(a: &str, b: &str) -> Alignment {
    let c = compare(a, b, &Options::default());
    let mut out = Alignment::default();
    let mut paired_a = BTreeSet::new();
    let mut paired_b = BTreeSet::new();
    for row in c.rows.iter().filter(|r| !matches!(r.relation, Relation::Added | Relation::Dropped)) {
        for &x in &row.a {
            for &y in &row.b {
                let (pa, pb) = (c.outline_a.get(x).paragraph, c.outline_b.get(y).paragraph);
                out.pairs.insert((pa, pb));
                paired_a.insert(pa);
                paired_b.insert(pb);
            }
        }
    }
    for p in 1..=c.outline_a.paragraph_count() {
        if !paired_a.contains(&p) {
            out.unpaired.insert(('a', p));
        }
    }
    for p in 1..=c.outline_b.paragraph_count() {
        if !paired_b.contains(&p) {
            out.unpaired.insert(('b', p));
        }
    }
    out
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

fn bigrams(s: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The baseline: longest common subsequence of paragraphs, where two paragraphs match when
/// their character-bigram Dice similarity is at least 0.9 (exact or near-exact).
fn baseline(a: &str, b: &str) -> Alignment {
    let (pa, pb) = (paragraphs(a), paragraphs(b));
    let (ba, bb): (Vec<_>, Vec<_>) = (pa.iter().map(|p| bigrams(p)).collect(), pb.iter().map(|p| bigrams(p)).collect());
    let near = |i: usize, j: usize| {
        let shared = ba[i].intersection(&bb[j]).count();
        let total = ba[i].len() + bb[j].len();
        pa[i] == pb[j] || (total > 0 && 2.0 * shared as f64 / total as f64 >= 0.9)
    };
    let (n, m) = (pa.len(), pb.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if near(i, j) { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut out = Alignment::default();
    let (mut i, mut j) = (0, 0);
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    while i < n && j < m {
        if near(i, j) {
            out.pairs.insert((i + 1, j + 1));
            used_a.insert(i + 1);
            used_b.insert(j + 1);
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out.unpaired.extend((1..=n).filter(|p| !used_a.contains(p)).map(|p| ('a', p)));
    out.unpaired.extend((1..=m).filter(|p| !used_b.contains(p)).map(|p| ('b', p)));
    out
}

/// (precision, recall, F1); an empty prediction of an empty truth scores 1.
fn score<T: Ord>(predicted: &BTreeSet<T>, truth: &BTreeSet<T>) -> (f64, f64, f64) {
    let hit = predicted.intersection(truth).count() as f64;
    let p = if predicted.is_empty() { 1.0 } else { hit / predicted.len() as f64 };
    let r = if truth.is_empty() { 1.0 } else { hit / truth.len() as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

struct Case {
    a: &'static str,
    b: &'static str,
    /// The target for pair F1 (added/dropped F1 target is 0.90 everywhere).
    pair_target: f64,
    /// Recorded floors: pair F1, added/dropped F1.
    floor: (f64, f64),
}

const CASES: [Case; 5] = [
    Case { a: "cc19-4-zh", b: "cc19-5-zh", pair_target: 0.95, floor: (0.89, 0.86) },
    Case { a: "cc19-5-zh", b: "cc19-6-zh", pair_target: 0.95, floor: (0.83, 0.88) },
    Case { a: "gwr2022-zh", b: "gwr2023-zh", pair_target: 0.90, floor: (0.77, 0.52) },
    // 0.541 / 0.564 → 0.526 / 0.541 when repeated salutations stopped pairing out of place
    // (A¶11 "Mr. President," with B¶25 had held the speeches' middles in step by chance).
    Case { a: "unga75-2020-en", b: "unga76-2021-en", pair_target: 0.90, floor: (0.50, 0.52) },
    Case { a: "sco20-2020-en", b: "sco21-2021-en", pair_target: 0.90, floor: (0.79, 0.74) },
];

#[test]
fn alignment_meets_targets_on_annotated_pairs() {
    let mut failures = Vec::new();
    println!(
        "{:<34} {:>22} {:>22} {:>14} {:>12}",
        "pair", "pairs P/R/F1", "added+dropped P/R/F1", "baseline F1", "targets"
    );
    for case in &CASES {
        let path = common::root().join(format!("tests/alignment/{}__{}.tsv", case.a, case.b));
        let truth = parse_annotation(&std::fs::read_to_string(&path).expect("annotation file"));
        let (a, b) = (common::corpus(case.a), common::corpus(case.b));
        let got = predict(&a, &b);
        let base = baseline(&a, &b);
        let (pp, pr, pf) = score(&got.pairs, &truth.pairs);
        let (up, ur, uf) = score(&got.unpaired, &truth.unpaired);
        let (_, _, bf) = score(&base.pairs, &truth.pairs);
        let (_, _, buf) = score(&base.unpaired, &truth.unpaired);
        println!(
            "{:<34} {:>6.3}/{:>5.3}/{:>5.3}     {:>6.3}/{:>5.3}/{:>5.3}   {:>5.3}/{:>5.3}   {:.2}/0.90",
            format!("{} → {}", case.a, case.b),
            pp,
            pr,
            pf,
            up,
            ur,
            uf,
            bf,
            buf,
            case.pair_target
        );
        if std::env::var_os("TIFA_ALIGN_DEBUG").is_some() {
            println!("  wrong pairs: {:?}", got.pairs.difference(&truth.pairs).collect::<Vec<_>>());
            println!("  missed pairs: {:?}", truth.pairs.difference(&got.pairs).collect::<Vec<_>>());
        }
        if pf < case.floor.0 || pf <= bf {
            failures
                .push(format!("{} → {}: pair F1 {pf:.3} (floor {}, baseline {bf:.3})", case.a, case.b, case.floor.0));
        }
        if uf < case.floor.1 || uf <= buf {
            failures.push(format!(
                "{} → {}: added/dropped F1 {uf:.3} (floor {}, baseline {buf:.3})",
                case.a, case.b, case.floor.1
            ));
        }
    }
    assert!(failures.is_empty(), "alignment quality regressed:\n{}", failures.join("\n"));
}

#[test]
fn annotation_parser_reads_pairs_and_unpaired() {
    let a = parse_annotation("# a\tb\tnote\n1\t1\ttitle\n2\t-\tdropped\n-\t3\tadded\n");
    assert_eq!(a.pairs.into_iter().collect::<Vec<_>>(), [(1, 1)]);
    assert_eq!(a.unpaired.into_iter().collect::<Vec<_>>(), [('a', 2), ('b', 3)]);
}

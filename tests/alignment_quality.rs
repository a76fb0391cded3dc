//! Alignment quality against hand-annotated pairs of real documents (tests/alignment/).
//!
//! Each annotation file says which paragraph of A plays the same part as which paragraph
//! of B, or that a paragraph has no counterpart; `tests/alignment/RULES.md` gives the rules,
//! `SPLIT.tsv` puts each pair in the dev set (tuned on) or the test set (only ever scored),
//! and `second/` holds an independent second annotation of some pairs. For every pair this
//! test prints tifa's paragraph-pair and added/dropped scores beside two baselines and, where
//! a pair was annotated twice, the agreement of the two annotators (the ceiling):
//!
//! - *in-order diff*: the paragraphs of A and B diffed as two sequences (exact equality);
//!   equal runs pair in order, and inside each replaced run every paragraph pairs with its
//!   most similar paragraph on the other side of that run (character diff ratio, no bar).
//!   This is the baseline of issue 24, after Python's `difflib.SequenceMatcher`.
//! - *near-exact LCS*: the longest common subsequence of paragraphs whose character-bigram
//!   Dice similarity is at least 0.9.
//!
//! Scores are *strict* (lines marked `?` count as truth) and *lenient* (unsure lines left
//! out of both the truth and the prediction). The test fails when tifa falls below a
//! recorded floor (the strict score it reached when the floor was set, less 0.02). Raise a
//! floor when the engine improves; lower one only in the change that costs it, and say so
//! in that change (an alignment rule trades some pairs for others).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use tifa::{compare, Granularity, Relation};

type Pair = (usize, usize);
type Unpaired = (char, usize);

/// Paragraph pairs and unpaired paragraphs, 1-based.
#[derive(Default, Debug, Clone)]
struct Alignment {
    pairs: BTreeSet<Pair>,
    /// ('a', n) for dropped paragraphs of A, ('b', n) for added paragraphs of B.
    unpaired: BTreeSet<Unpaired>,
}

/// An annotation: the alignment, and which of its lines the annotator marked unsure.
#[derive(Default, Debug)]
struct Annotation {
    truth: Alignment,
    unsure: Alignment,
}

fn parse_annotation(tsv: &str) -> Annotation {
    let mut out = Annotation::default();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let unsure = cells.get(3).is_some_and(|c| c.trim() == "?");
        let (a, b) = (cells[0].trim().parse::<usize>(), cells[1].trim().parse::<usize>());
        for target in [Some(&mut out.truth), unsure.then_some(&mut out.unsure)].into_iter().flatten() {
            match (&a, &b) {
                (Ok(a), Ok(b)) => {
                    target.pairs.insert((*a, *b));
                }
                (Ok(a), Err(_)) => {
                    target.unpaired.insert(('a', *a));
                }
                (Err(_), Ok(b)) => {
                    target.unpaired.insert(('b', *b));
                }
                _ => panic!("bad annotation line {line:?}"),
            }
        }
    }
    out
}

/// tifa's alignment, reduced to paragraphs.
fn predict(a: &str, b: &str) -> Alignment {
    let c = compare(a, b, Granularity::default());
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
    out.unpaired.extend((1..=c.outline_a.paragraph_count()).filter(|p| !paired_a.contains(p)).map(|p| ('a', p)));
    out.unpaired.extend((1..=c.outline_b.paragraph_count()).filter(|p| !paired_b.contains(p)).map(|p| ('b', p)));
    out
}

/// Debug: each missed and wrong pair with its paragraphs' best leaf similarity and
/// whether tifa paired either paragraph elsewhere.
fn explain(a: &str, b: &str, got: &Alignment, truth: &Annotation) {
    let (pa, pb) = (tifa::model::prepared::prepare(a), tifa::model::prepared::prepare(b));
    let (near_a, _) = tifa::align::nearest_leaves(&pa.prints, &pb.prints, 10_000);
    let mut sim: BTreeMap<Pair, f32> = BTreeMap::new();
    for (i, near) in near_a.iter().enumerate() {
        for &(j, s) in near {
            // Positions in the leaf lists, not section ids.
            let key = (pa.outline.get(pa.outline.leaves[i]).paragraph, pb.outline.get(pb.outline.leaves[j]).paragraph);
            let e = sim.entry(key).or_insert(0.0);
            *e = e.max(s);
        }
    }
    let paired_a: BTreeSet<usize> = got.pairs.iter().map(|p| p.0).collect();
    let paired_b: BTreeSet<usize> = got.pairs.iter().map(|p| p.1).collect();
    let rank = |p: Pair| {
        let better_b = sim.iter().filter(|(k, &s)| k.0 == p.0 && s > sim.get(&p).copied().unwrap_or(0.0)).count();
        let better_a = sim.iter().filter(|(k, &s)| k.1 == p.1 && s > sim.get(&p).copied().unwrap_or(0.0)).count();
        (better_b, better_a)
    };
    for p in truth.truth.pairs.difference(&got.pairs) {
        let (rb, ra) = rank(*p);
        println!(
            "    MISS {:?} sim {:.3} rank {}/{} a:{} b:{}",
            p,
            sim.get(p).copied().unwrap_or(0.0),
            rb,
            ra,
            if paired_a.contains(&p.0) { "paired" } else { "free" },
            if paired_b.contains(&p.1) { "paired" } else { "free" }
        );
    }
    // Candidate extra pairs: a free paragraph and its best match on the other side.
    let best_of_a =
        |x: usize| sim.iter().filter(|(k, _)| k.0 == x).max_by(|p, q| p.1.total_cmp(q.1)).map(|(k, &s)| (k.1, s));
    let best_of_b =
        |y: usize| sim.iter().filter(|(k, _)| k.1 == y).max_by(|p, q| p.1.total_cmp(q.1)).map(|(k, &s)| (k.0, s));
    let mut cands = BTreeSet::new();
    for &(side, n) in &got.unpaired {
        let (p, s) = if side == 'a' {
            match best_of_a(n) {
                Some((y, s)) => ((n, y), s),
                None => continue,
            }
        } else {
            match best_of_b(n) {
                Some((x, s)) => ((x, n), s),
                None => continue,
            }
        };
        let mutual = best_of_a(p.0).map(|b| b.0) == Some(p.1) && best_of_b(p.1).map(|a| a.0) == Some(p.0);
        let free = !paired_a.contains(&p.0) && !paired_b.contains(&p.1);
        if cands.insert(p) {
            println!(
                "    CAND {} {} {} sim {:.3}",
                if truth.truth.pairs.contains(&p) { "T" } else { "F" },
                if mutual { "mutual" } else { "one" },
                if free { "free" } else { "half" },
                s
            );
        }
    }
    for p in got.pairs.difference(&truth.truth.pairs) {
        let (rb, ra) = rank(*p);
        println!("    WRONG {:?} sim {:.3} rank {}/{}", p, sim.get(p).copied().unwrap_or(0.0), rb, ra);
    }
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// Fills in the unpaired paragraphs of an alignment that lists only its pairs.
fn with_unpaired(mut out: Alignment, n: usize, m: usize) -> Alignment {
    let used_a: BTreeSet<usize> = out.pairs.iter().map(|p| p.0).collect();
    let used_b: BTreeSet<usize> = out.pairs.iter().map(|p| p.1).collect();
    out.unpaired.extend((1..=n).filter(|p| !used_a.contains(p)).map(|p| ('a', p)));
    out.unpaired.extend((1..=m).filter(|p| !used_b.contains(p)).map(|p| ('b', p)));
    out
}

/// Baseline 1, the in-order paragraph diff (see the module comment).
fn in_order_diff(a: &str, b: &str) -> Alignment {
    use similar::{capture_diff_slices, Algorithm, DiffOp};
    let (pa, pb) = (paragraphs(a), paragraphs(b));
    let ratios = Ratios::new(&pa, &pb);
    let mut out = Alignment::default();
    for op in capture_diff_slices(Algorithm::Myers, &pa, &pb) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                out.pairs.extend((0..len).map(|k| (old_index + k + 1, new_index + k + 1)));
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let (xs, ys) = (old_index..old_index + old_len, new_index..new_index + new_len);
                for i in xs.clone() {
                    let (_, j) = ratios.best(ys.clone().map(|j| (i, j)));
                    out.pairs.insert((i + 1, j + 1));
                }
                for j in ys {
                    let (i, _) = ratios.best(xs.clone().map(|i| (i, j)));
                    out.pairs.insert((i + 1, j + 1));
                }
            }
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }
    with_unpaired(out, pa.len(), pb.len())
}

/// The ratio of two paragraphs, 2 × matched characters / all characters, with the longest
/// common subsequence of characters as the matched ones (`difflib`'s ratio counts its
/// matching blocks, which the LCS bounds from above and equals on most paragraphs). The best
/// of many candidates is found the way `difflib.get_close_matches` does: candidates in order
/// of an upper bound (the shared multiset of characters), the real ratio computed only while
/// the bound can still beat the best so far.
struct Ratios {
    a: Vec<Vec<char>>,
    b: Vec<Vec<char>>,
    chars_a: Vec<BTreeMap<char, u32>>,
    chars_b: Vec<BTreeMap<char, u32>>,
}

impl Ratios {
    fn new(a: &[&str], b: &[&str]) -> Self {
        let histogram = |p: &Vec<char>| {
            let mut h = BTreeMap::new();
            p.iter().for_each(|&c| *h.entry(c).or_insert(0) += 1);
            h
        };
        let (a, b): (Vec<Vec<char>>, Vec<Vec<char>>) =
            (a.iter().map(|p| p.chars().collect()).collect(), b.iter().map(|p| p.chars().collect()).collect());
        Ratios { chars_a: a.iter().map(histogram).collect(), chars_b: b.iter().map(histogram).collect(), a, b }
    }

    fn quick(&self, (i, j): (usize, usize)) -> f32 {
        let shared: u32 = self.chars_a[i].iter().map(|(c, n)| (*n).min(*self.chars_b[j].get(c).unwrap_or(&0))).sum();
        let total = self.a[i].len() + self.b[j].len();
        if total == 0 {
            1.0
        } else {
            2.0 * shared as f32 / total as f32
        }
    }

    fn ratio(&self, (i, j): (usize, usize)) -> f32 {
        let total = self.a[i].len() + self.b[j].len();
        if total == 0 {
            1.0
        } else {
            2.0 * lcs_len(&self.a[i], &self.b[j]) as f32 / total as f32
        }
    }

    /// The candidate with the highest ratio, the first of equals.
    fn best(&self, candidates: impl Iterator<Item = (usize, usize)>) -> (usize, usize) {
        let mut bounded: Vec<((usize, usize), f32)> = candidates.map(|c| (c, self.quick(c))).collect();
        bounded.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut best: Option<((usize, usize), f32)> = None;
        for (c, bound) in bounded {
            if best.is_some_and(|(_, r)| bound < r) {
                break;
            }
            let r = self.ratio(c);
            if best.is_none_or(|(b, br)| r > br || (r == br && c < b)) {
                best = Some((c, r));
            }
        }
        best.expect("a replaced run has paragraphs on both sides").0
    }
}

/// Length of the longest common subsequence of two character strings, a machine word of
/// `a` at a time (the bit-parallel algorithm of Allison and Dix, in Hyyrö's form).
fn lcs_len(a: &[char], b: &[char]) -> usize {
    let words = a.len().div_ceil(64);
    if words == 0 || b.is_empty() {
        return 0;
    }
    let mut masks: BTreeMap<char, Vec<u64>> = BTreeMap::new();
    for (k, &c) in a.iter().enumerate() {
        masks.entry(c).or_insert_with(|| vec![0; words])[k / 64] |= 1 << (k % 64);
    }
    let mut v = vec![u64::MAX; words];
    let none = vec![0u64; words];
    for c in b {
        let m = masks.get(c).unwrap_or(&none);
        let mut carry = 0u64;
        for w in 0..words {
            let u = v[w] & m[w];
            let (sum, c1) = v[w].overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(carry);
            carry = u64::from(c1 || c2);
            v[w] = sum | (v[w] & !m[w]);
        }
    }
    // Bits past `a.len()` start set and stay set (their mask bits are clear), so the zero
    // bits are exactly the matched positions.
    v.iter().map(|w| w.count_zeros() as usize).sum()
}

fn bigrams(s: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Baseline 2: longest common subsequence of paragraphs, where two paragraphs match when
/// their character-bigram Dice similarity is at least 0.9 (exact or near-exact).
fn near_exact_lcs(a: &str, b: &str) -> Alignment {
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
    while i < n && j < m {
        if near(i, j) {
            out.pairs.insert((i + 1, j + 1));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    with_unpaired(out, n, m)
}

/// F1 of a prediction against a truth; an empty prediction of an empty truth scores 1.
fn f1<T: Ord>(predicted: &BTreeSet<T>, truth: &BTreeSet<T>) -> f64 {
    prf(predicted, truth).2
}

/// (precision, recall, F1).
fn prf<T: Ord>(predicted: &BTreeSet<T>, truth: &BTreeSet<T>) -> (f64, f64, f64) {
    let hit = predicted.intersection(truth).count() as f64;
    let p = if predicted.is_empty() { 1.0 } else { hit / predicted.len() as f64 };
    let r = if truth.is_empty() { 1.0 } else { hit / truth.len() as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Pair and added/dropped F1, strict and lenient.
#[derive(Clone, Copy, Debug)]
struct Scores {
    pair: f64,
    pair_lenient: f64,
    unpaired: f64,
    unpaired_lenient: f64,
}

fn scores(predicted: &Alignment, annotation: &Annotation) -> Scores {
    let drop_unsure =
        |set: &BTreeSet<Pair>| -> BTreeSet<Pair> { set.difference(&annotation.unsure.pairs).copied().collect() };
    let drop_unsure_u = |set: &BTreeSet<Unpaired>| -> BTreeSet<Unpaired> {
        set.difference(&annotation.unsure.unpaired).copied().collect()
    };
    Scores {
        pair: f1(&predicted.pairs, &annotation.truth.pairs),
        pair_lenient: f1(&drop_unsure(&predicted.pairs), &drop_unsure(&annotation.truth.pairs)),
        unpaired: f1(&predicted.unpaired, &annotation.truth.unpaired),
        unpaired_lenient: f1(&drop_unsure_u(&predicted.unpaired), &drop_unsure_u(&annotation.truth.unpaired)),
    }
}

/// One line of SPLIT.tsv.
struct Case {
    a: String,
    b: String,
    set: String,
}

fn split() -> Vec<Case> {
    let path = common::root().join("tests/alignment/SPLIT.tsv");
    std::fs::read_to_string(path)
        .expect("tests/alignment/SPLIT.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Case { a: c[0].into(), b: c[1].into(), set: c[2].into() }
        })
        .collect()
}

/// Recorded floors (strict pair F1, strict added/dropped F1) per pair: the score when the
/// floor was set, less 0.02.
const FLOORS: [(&str, f64, f64); 21] = [
    ("cc19-4-zh", 0.92, 0.90),
    ("cc19-5-zh", 0.76, 0.85),
    ("gwr2022-zh", 0.77, 0.56),
    ("unga75-2020-en", 0.69, 0.59),
    ("sco20-2020-en", 0.81, 0.70),
    ("cc18-3-zh", 0.79, 0.78),
    // 0.903 → 0.867: the item match no longer pairs two items' first paragraphs that share
    // nothing (under LONE_MIN), which here was right once (the personnel paragraphs).
    ("cc19-3-zh", 0.84, 0.85),
    ("ccdi19-3-zh", 0.81, 0.78),
    ("ccdi19-5-zh", 0.89, 0.00),
    ("gwr2017-zh", 0.80, 0.32),
    ("gwr2021-zh", 0.77, 0.44),
    ("apec27-2020-en", 0.69, 0.26),
    ("cpcconst19-2017-zh", 0.97, 0.64),
    ("cc18-4-zh", 0.81, 0.69),
    ("cc19-6-zh", 0.62, 0.82),
    ("ccdi19-4-zh", 0.89, 0.38),
    ("ccdi19-6-zh", 0.85, 0.38),
    ("gwr2018-zh", 0.77, 0.35),
    ("congress19-zh", 0.64, 0.45),
    ("g20-15-2020-en", 0.57, 0.46),
    ("climate-ambition-2020-en", 0.52, 0.41),
];

fn read_annotation(dir: &str, case: &Case) -> Option<Annotation> {
    let path = common::root().join(format!("tests/alignment/{dir}{}__{}.tsv", case.a, case.b));
    std::fs::read_to_string(path).ok().map(|t| parse_annotation(&t))
}

#[test]
fn alignment_quality_on_the_dev_and_test_sets() {
    let floors: BTreeMap<&str, (f64, f64)> = FLOORS.iter().map(|&(a, p, u)| (a, (p, u))).collect();
    let mut failures = Vec::new();
    let debug = std::env::var_os("TIFA_ALIGN_DEBUG").is_some();
    for set in ["dev", "test"] {
        println!("\n{set} set: pair F1 strict (lenient) · added/dropped F1 strict (lenient) · baselines' pair F1 · agreement");
        println!(
            "{:<46} {:>15} {:>15} {:>9} {:>9} {:>20}",
            "pair", "tifa pairs", "tifa add/drop", "in-order", "LCS", "2nd annot. / tifa"
        );
        let mut sums = [0.0f64; 5];
        let mut n = 0.0;
        for case in split().iter().filter(|c| c.set == set) {
            let first = read_annotation("", case).expect("annotation file");
            let (a, b) = (common::corpus(&case.a), common::corpus(&case.b));
            let got = predict(&a, &b);
            let s = scores(&got, &first);
            let in_order = scores(&in_order_diff(&a, &b), &first);
            let lcs = scores(&near_exact_lcs(&a, &b), &first);
            let agreement = read_annotation("second/", case).map(|second| {
                let both_ways = |x: &Annotation, y: &Annotation| f1(&x.truth.pairs, &y.truth.pairs);
                (both_ways(&second, &first), scores(&got, &second).pair)
            });
            println!(
                "{:<46} {:>6.3} ({:.3}) {:>6.3} ({:.3}) {:>9.3} {:>9.3} {:>20}",
                format!("{} → {}", case.a, case.b),
                s.pair,
                s.pair_lenient,
                s.unpaired,
                s.unpaired_lenient,
                in_order.pair,
                lcs.pair,
                agreement.map_or(String::new(), |(agree, vs)| format!("{agree:.3} / {vs:.3}")),
            );
            if debug {
                let (p, r, _) = prf(&got.pairs, &first.truth.pairs);
                println!("  pairs P {p:.3} R {r:.3}");
                println!("  wrong pairs: {:?}", got.pairs.difference(&first.truth.pairs).collect::<Vec<_>>());
                println!("  missed pairs: {:?}", first.truth.pairs.difference(&got.pairs).collect::<Vec<_>>());
                let (up, ur, _) = prf(&got.unpaired, &first.truth.unpaired);
                println!("  added/dropped P {up:.3} R {ur:.3}");
                println!(
                    "  wrongly unpaired: {:?}",
                    got.unpaired.difference(&first.truth.unpaired).collect::<Vec<_>>()
                );
                println!("  wrongly paired: {:?}", first.truth.unpaired.difference(&got.unpaired).collect::<Vec<_>>());
                let baseline = in_order_diff(&a, &b);
                let only_baseline: Vec<_> =
                    first.truth.pairs.intersection(&baseline.pairs).filter(|p| !got.pairs.contains(p)).collect();
                let baseline_wrong = baseline.pairs.difference(&first.truth.pairs).count();
                println!("  in-order baseline: right where tifa misses {only_baseline:?}, {baseline_wrong} wrong");
                explain(&a, &b, &got, &first);
            }
            for (k, v) in [s.pair, s.unpaired, in_order.pair, lcs.pair, in_order.unpaired].into_iter().enumerate() {
                sums[k] += v;
            }
            n += 1.0;
            let (pair_floor, unpaired_floor) = floors[case.a.as_str()];
            if s.pair < pair_floor {
                failures.push(format!("{} → {}: pair F1 {:.3} under its floor {pair_floor}", case.a, case.b, s.pair));
            }
            if s.unpaired < unpaired_floor {
                failures.push(format!(
                    "{} → {}: added/dropped F1 {:.3} under its floor {unpaired_floor}",
                    case.a, case.b, s.unpaired
                ));
            }
        }
        println!(
            "{:<46} {:>6.3}         {:>6.3}         {:>9.3} {:>9.3}   (in-order add/drop {:.3})",
            format!("mean of {n} pairs"),
            sums[0] / n,
            sums[1] / n,
            sums[2] / n,
            sums[3] / n,
            sums[4] / n
        );
    }
    assert!(failures.is_empty(), "alignment quality regressed:\n{}", failures.join("\n"));
}

#[test]
fn every_pair_of_the_split_is_annotated_and_every_annotation_is_in_the_split() {
    let cases = split();
    let named: BTreeSet<String> = cases.iter().map(|c| format!("{}__{}.tsv", c.a, c.b)).collect();
    let dir = common::root().join("tests/alignment");
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.contains("__"))
        .collect();
    assert_eq!(named, files);
    assert_eq!(cases.len(), FLOORS.len());
    assert!(cases.iter().filter(|c| c.set == "test").count() >= 8);
    for second in std::fs::read_dir(dir.join("second")).unwrap() {
        let name = second.unwrap().file_name().to_string_lossy().into_owned();
        assert!(named.contains(&name), "second annotation {name} of a pair outside the split");
    }
}

#[test]
fn annotation_parser_reads_pairs_unpaired_and_unsure_lines() {
    let a = parse_annotation("# a\tb\tnote\n1\t1\ttitle\n2\t-\tdropped\n-\t3\tadded\n4\t4\tmaybe\t?\n");
    assert_eq!(a.truth.pairs.into_iter().collect::<Vec<_>>(), [(1, 1), (4, 4)]);
    assert_eq!(a.truth.unpaired.into_iter().collect::<Vec<_>>(), [('a', 2), ('b', 3)]);
    assert_eq!(a.unsure.pairs.into_iter().collect::<Vec<_>>(), [(4, 4)]);
}

#[test]
fn in_order_baseline_pairs_equal_runs_and_the_best_match_inside_a_replaced_run() {
    let a = "Title\nSame one.\nThe meeting discussed the economy at length.\nEnd.\n";
    let b = "Title\nSame one.\nA new paragraph about nothing.\nThe meeting discussed the economy.\nEnd.\n";
    let got = in_order_diff(a, b);
    assert_eq!(got.pairs.into_iter().collect::<Vec<_>>(), [(1, 1), (2, 2), (3, 3), (3, 4), (4, 5)]);
    assert!(got.unpaired.is_empty());
}

#[test]
fn lcs_length_is_right_across_machine_words() {
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    assert_eq!(lcs_len(&chars("ABCBDAB"), &chars("BDCABA")), 4);
    assert_eq!(lcs_len(&chars(""), &chars("abc")), 0);
    let long_a: Vec<char> = "全会认为形势很好".chars().cycle().take(150).collect();
    let long_b: Vec<char> = long_a.iter().copied().filter(|&c| c != '很').collect();
    assert_eq!(lcs_len(&long_a, &long_b), long_b.len());
    assert_eq!(lcs_len(&long_b, &long_a), long_b.len());
}

#[test]
fn scores_leave_unsure_lines_out_when_lenient() {
    let truth = parse_annotation("1\t1\tx\n2\t2\ty\t?\n");
    let predicted = Alignment { pairs: [(1, 1)].into(), unpaired: [('a', 2), ('b', 2)].into() };
    let s = scores(&predicted, &truth);
    assert!((s.pair - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(s.pair_lenient, 1.0);
}

//! Prints, for an annotated pair, the similarity of every gold pair and the best competing
//! candidate of each paragraph: `cargo run --release --example align_debug -- A B`.
//!
//! Then what wording alone can tell about the pair: how many gold pairs are each other's
//! best match, and the best F1 any similarity bar reaches with four simple rules (every
//! pair over the bar; pairs where one side is the other's best match; pairs that are each
//! other's best; the heaviest chain of pairs in order on both sides).
//! `scripts/embedding-ceiling.py` prints the same for a sentence-embedding model's
//! similarity, on the English pairs. When these stay far under the targets, the missing pairs are ones
//! whose similarity does not set them apart from pairs that are not gold.
#![allow(clippy::disallowed_methods)] // not in the wasm: the standard sort is fine here

use std::collections::BTreeSet;
use tifa::text::fingerprint::fingerprint;
use tifa::text::segment::segment;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("seeds/corpus");
    let a = std::fs::read_to_string(dir.join(format!("{}.txt", args[0]))).unwrap();
    let b = std::fs::read_to_string(dir.join(format!("{}.txt", args[1]))).unwrap();
    let ann = std::fs::read_to_string(format!("tests/alignment/{}__{}.tsv", args[0], args[1])).unwrap();
    let gold: BTreeSet<(usize, usize)> = ann
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Some((c[0].parse().ok()?, c[1].parse().ok()?))
        })
        .collect();
    // Paragraph-level fingerprints.
    let (oa, ob) = (segment(&a), segment(&b));
    let para = |o: &tifa::text::segment::Outline, t: &str| -> Vec<Vec<u64>> {
        o.sections.iter().filter(|s| s.parent.is_none()).map(|s| fingerprint(t, s.body)).collect()
    };
    let (pa, pb) = (para(&oa, &a), para(&ob, &b));
    let mut df = std::collections::HashMap::new();
    for f in pa.iter().chain(&pb).flatten() {
        *df.entry(*f).or_insert(0u32) += 1;
    }
    let n = (pa.len() + pb.len()) as f32;
    let w = |f: &u64| {
        let d = df[f] as f32;
        if d > n / 4.0 {
            0.0
        } else {
            (1.0 + n / d).ln()
        }
    };
    let sim = |i: usize, j: usize| {
        let (x, y) = (&pa[i], &pb[j]);
        let sx: BTreeSet<_> = x.iter().collect();
        let shared: f32 = y.iter().filter(|f| sx.contains(f)).map(&w).sum();
        let tot: f32 = x.iter().map(&w).sum::<f32>() + y.iter().map(&w).sum::<f32>();
        2.0 * shared / tot.max(1e-6)
    };
    let all: Vec<(usize, usize, f32)> =
        (0..pa.len()).flat_map(|i| (0..pb.len()).map(move |j| (i, j))).map(|(i, j)| (i, j, sim(i, j))).collect();
    print_rows(&all, &gold, pa.len(), pb.len());
    print_wording_ceiling(&all, &gold, pa.len(), pb.len());
}

/// Each paragraph of A: its gold partners and its three best matches (1-based).
fn print_rows(all: &[(usize, usize, f32)], gold: &BTreeSet<(usize, usize)>, na: usize, nb: usize) {
    for i in 0..na {
        let mut best: Vec<(f32, usize)> = all[i * nb..(i + 1) * nb].iter().map(|&(_, j, s)| (s, j)).collect();
        best.sort_by(|x, y| y.0.total_cmp(&x.0));
        let golds: Vec<String> =
            gold.iter().filter(|g| g.0 == i + 1).map(|g| format!("{}:{:.2}", g.1, all[i * nb + g.1 - 1].2)).collect();
        let top: Vec<String> = best.iter().take(3).map(|(s, j)| format!("{}:{:.2}", j + 1, s)).collect();
        println!("A{:<3} gold [{}]  top [{}]", i + 1, golds.join(" "), top.join(" "));
    }
}

/// Which pairs (of 0-based paragraphs) a rule keeps.
type Rule<'r> = &'r dyn Fn(usize, usize) -> bool;
/// The pairs a rule predicts at a similarity bar.
type Prediction<'r> = &'r dyn Fn(f32) -> Vec<(usize, usize)>;

/// The one-to-one pairs, in order on both sides, that score over `bar` and have the
/// largest total excess over it (a weighted longest common subsequence).
fn in_order_chain(sim: &dyn Fn(usize, usize) -> f32, na: usize, nb: usize, bar: f32) -> Vec<(usize, usize)> {
    let mut best = vec![vec![0f32; nb + 1]; na + 1];
    for i in 1..=na {
        for j in 1..=nb {
            let gain = sim(i - 1, j - 1) - bar;
            let diagonal = if gain > 0.0 { best[i - 1][j - 1] + gain } else { f32::MIN };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(diagonal);
        }
    }
    let (mut chain, mut i, mut j) = (Vec::new(), na, nb);
    while i > 0 && j > 0 {
        let gain = sim(i - 1, j - 1) - bar;
        if gain > 0.0 && best[i][j] == best[i - 1][j - 1] + gain {
            chain.push((i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    chain
}

/// How far paragraph similarity alone gets on this pair (see the module's doc).
fn print_wording_ceiling(all: &[(usize, usize, f32)], gold: &BTreeSet<(usize, usize)>, na: usize, nb: usize) {
    let sim = |i: usize, j: usize| all[i * nb + j].2;
    let row_best: Vec<usize> =
        (0..na).map(|i| (0..nb).rev().max_by(|&x, &y| sim(i, x).total_cmp(&sim(i, y))).unwrap()).collect();
    let column_best: Vec<usize> =
        (0..nb).map(|j| (0..na).rev().max_by(|&x, &y| sim(x, j).total_cmp(&sim(y, j))).unwrap()).collect();
    let mutual = |i: usize, j: usize| row_best[i] == j && column_best[j] == i;
    let one_sided = |i: usize, j: usize| row_best[i] == j || column_best[j] == i;
    let is_gold = |i: usize, j: usize| gold.contains(&(i + 1, j + 1));
    let count = |keep: &dyn Fn(usize, usize) -> bool| {
        (0..na).flat_map(|i| (0..nb).map(move |j| (i, j))).filter(|&(i, j)| keep(i, j)).count()
    };
    println!(
        "\ngold pairs {}: each other's best match {}, one side's best match {}",
        gold.len(),
        count(&|i, j| is_gold(i, j) && mutual(i, j)),
        count(&|i, j| is_gold(i, j) && one_sided(i, j)),
    );
    let mut gold_similarities: Vec<f32> = gold.iter().map(|&(i, j)| sim(i - 1, j - 1)).collect();
    gold_similarities.sort_by(f32::total_cmp);
    let median = gold_similarities[gold_similarities.len() / 2];
    println!(
        "half the gold pairs score under {median:.2}; {} pairs that are not gold score at least that",
        all.iter().filter(|&&(i, j, s)| s >= median && !is_gold(i, j)).count()
    );
    let over = |bar: f32, keep: Rule| -> Vec<(usize, usize)> {
        all.iter().filter(|&&(i, j, s)| s >= bar && keep(i, j)).map(|&(i, j, _)| (i, j)).collect()
    };
    let rules: [(&str, Prediction); 4] = [
        ("every pair", &|bar| over(bar, &|_, _| true)),
        ("one side's best", &|bar| over(bar, &one_sided)),
        ("each other's best", &|bar| over(bar, &mutual)),
        ("an in-order chain", &|bar| in_order_chain(&sim, na, nb, bar)),
    ];
    for (name, predict) in rules {
        let mut best = (0.0, 0.0, 0.0, 0.0);
        for bar in (1..60).map(|k| k as f32 / 100.0) {
            let predicted = predict(bar);
            let hits = predicted.iter().filter(|&&(i, j)| is_gold(i, j)).count() as f32;
            if hits == 0.0 {
                continue;
            }
            let (p, r) = (hits / predicted.len() as f32, hits / gold.len() as f32);
            let f1 = 2.0 * p * r / (p + r);
            if f1 > best.0 {
                best = (f1, p, r, bar);
            }
        }
        println!(
            "best bar for {name:<18} F1 {:.3} (P {:.2} R {:.2} at similarity {:.2})",
            best.0, best.1, best.2, best.3
        );
    }
}

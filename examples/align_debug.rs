//! Prints, for an annotated pair, the similarity of every gold pair and the best competing
//! candidate of each paragraph: `cargo run --release --example align_debug -- A B`.
#![allow(clippy::disallowed_methods)] // not in the wasm: the standard sort is fine here

use std::collections::BTreeSet;
use tifa::fingerprint::fingerprint;
use tifa::segment::segment;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new("../shared/corpus");
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
    let para = |o: &tifa::segment::Outline, t: &str| -> Vec<Vec<u64>> {
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
    for i in 0..pa.len() {
        let mut best: Vec<(f32, usize)> = (0..pb.len()).map(|j| (sim(i, j), j)).collect();
        best.sort_by(|x, y| y.0.total_cmp(&x.0));
        let golds: Vec<String> =
            gold.iter().filter(|g| g.0 == i + 1).map(|g| format!("{}:{:.2}", g.1, sim(i, g.1 - 1))).collect();
        let top: Vec<String> = best.iter().take(3).map(|(s, j)| format!("{}:{:.2}", j + 1, s)).collect();
        println!("A{:<3} gold [{}]  top [{}]", i + 1, golds.join(" "), top.join(" "));
    }
}

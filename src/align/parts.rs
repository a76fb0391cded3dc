//! Numbered parts (`一、…`, `二、…`) paired first, so that leaves pair in order only within
//! paired parts.

use super::*;

/// Which parts of A may pair in order with which parts of B.
pub(super) struct PartBands {
    /// For each part of A, the range of B's parts it may pair with.
    pub(super) a_to_b: Vec<(usize, usize)>,
    /// For each part of B, the range of A's parts it may pair with.
    pub(super) b_to_a: Vec<(usize, usize)>,
}

impl PartBands {
    pub(super) fn new(
        a: &[Vec<Feature>],
        b: &[Vec<Feature>],
        parts_a: &[usize],
        parts_b: &[usize],
        weights: &Weights,
    ) -> Self {
        let count = |parts: &[usize]| parts.last().map_or(1, |p| p + 1);
        let (na, nb) = (count(parts_a), count(parts_b));
        if na < 2 || nb < 2 {
            return PartBands { a_to_b: vec![(0, nb - 1); na], b_to_a: vec![(0, na - 1); nb] };
        }
        let union = |leaves: &[Vec<Feature>], parts: &[usize], n: usize| -> Vec<Vec<Feature>> {
            let mut out = vec![Vec::new(); n];
            for (features, &p) in leaves.iter().zip(parts) {
                out[p].extend_from_slice(features);
            }
            for f in &mut out {
                f.sort_unstable();
                f.dedup();
            }
            out
        };
        let (ua, ub) = (union(a, parts_a, na), union(b, parts_b, nb));
        // Shared weight of every pair of parts through the parts of B that hold each weighted
        // feature (not a merge per pair of parts: long reports have dozens of parts, each with
        // thousands of features).
        let mut holders: HashMap<Feature, Vec<usize>> = HashMap::default();
        for (y, fy) in ub.iter().enumerate() {
            for f in fy.iter().filter(|f| weights.of(f) > 0.0) {
                holders.entry(*f).or_default().push(y);
            }
        }
        let total_b: Vec<f32> = ub.iter().map(|f| weights.total(f)).collect();
        let mut part_pairs = Vec::new();
        let mut shared = vec![0f32; nb];
        for (x, fx) in ua.iter().enumerate() {
            shared.iter_mut().for_each(|s| *s = 0.0);
            for f in fx {
                if let Some(ys) = holders.get(f) {
                    let w = weights.of(f);
                    ys.iter().for_each(|&y| shared[y] += w);
                }
            }
            let total_x = weights.total(fx);
            for (y, &sh) in shared.iter().enumerate() {
                let total = total_x + total_b[y];
                let sim = if total > 0.0 { 2.0 * sh / total } else { 0.0 };
                if sim >= GAP_MIN {
                    part_pairs.push((x, y, sim));
                }
            }
        }
        let chain = heaviest_chain(&part_pairs, nb);
        let band = |n: usize, m: usize, chain: &[(usize, usize)]| -> Vec<(usize, usize)> {
            (0..n)
                .map(|x| match chain.iter().find(|c| c.0 == x) {
                    Some(&(_, y)) => (y, y),
                    None => {
                        let lo = chain.iter().rev().find(|c| c.0 < x).map_or(0, |c| c.1);
                        let hi = chain.iter().find(|c| c.0 > x).map_or(m - 1, |c| c.1);
                        (lo, hi)
                    }
                })
                .collect()
        };
        let forward: Vec<(usize, usize)> = chain.iter().map(|c| (c.0, c.1)).collect();
        let backward: Vec<(usize, usize)> = chain.iter().map(|c| (c.1, c.0)).collect();
        PartBands { a_to_b: band(na, nb, &forward), b_to_a: band(nb, na, &backward) }
    }

    /// Whether leaves of A's part `x` may pair in order with leaves of B's part `y`: paired
    /// parts with each other, and a part left without a partner with the parts between its
    /// neighbours' partners, from either side. (A part merged into the next one, as when a
    /// work report's targets open its tasks, has lost the pairing of parts to the larger
    /// part; its leaves still belong there.)
    pub(super) fn allows(&self, x: usize, y: usize) -> bool {
        let (lo, hi) = self.a_to_b[x];
        let (lo2, hi2) = self.b_to_a[y];
        (lo..=hi).contains(&y) || (lo2..=hi2).contains(&x)
    }
}

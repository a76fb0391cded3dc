//! Similarity of leaves: rarity weights of fingerprint features, the bounded candidate
//! search through an inverted index, and the heaviest in-order chain of candidates.

use super::*;

/// Rarity weights of features over all leaves of both documents, and each leaf's total
/// weight. Built once per pair of documents ([`Weights::new`]) and shared by the alignment,
/// the pairs that matched priority items add to it, and the search for the closest sections
/// of added and dropped leaves: the three read the same weights.
pub struct Weights {
    pub(super) weight: HashMap<Feature, f32>,
    /// The total weight of each leaf of A (and of B): the denominators of the similarities.
    pub(super) total_a: Vec<f32>,
    pub(super) total_b: Vec<f32>,
    /// The leaves of A (and of B) that hold each weighted feature ([`Postings`]), made when
    /// a candidate search first needs them.
    postings_a: std::cell::OnceCell<Postings>,
    postings_b: std::cell::OnceCell<Postings>,
}

/// For each weighted feature, the positions of the leaves that hold it, ascending: the
/// inverted index of a candidate search.
pub(super) type Postings = HashMap<Feature, Vec<u32>>;

impl Weights {
    /// The weights of the features of leaves `a` and `b` (fingerprints, see
    /// [`crate::text::fingerprint`]).
    pub fn new(a: &[Vec<Feature>], b: &[Vec<Feature>]) -> Self {
        // Document frequencies first, turned into weights in place (one map, not two).
        let mut weight: HashMap<Feature, f32> = HashMap::default();
        for f in a.iter().chain(b).flatten() {
            *weight.entry(*f).or_insert(0.0) += 1.0;
        }
        let n = (a.len() + b.len()) as f32;
        let stop = if n >= 20.0 { ((n / 4.0).ceil() as u32).min(COMMON_ABOVE) as f32 } else { f32::INFINITY };
        weight.retain(|_, df| *df <= stop);
        // Document frequencies are small whole numbers: one logarithm per frequency.
        let most = weight.values().fold(0.0f32, |m, &df| m.max(df)) as usize;
        let by_frequency: Vec<f32> = (0..=most).map(|df| (1.0 + n / df as f32).ln()).collect();
        weight.values_mut().for_each(|w| *w = by_frequency[*w as usize]);
        let totals = |leaves: &[Vec<Feature>]| -> Vec<f32> {
            leaves.iter().map(|l| l.iter().map(|f| weight.get(f).copied().unwrap_or(0.0)).sum()).collect()
        };
        let (total_a, total_b) = (totals(a), totals(b));
        Weights { weight, total_a, total_b, postings_a: Default::default(), postings_b: Default::default() }
    }

    /// The [`Postings`] of `leaves`, which are the leaves of B when `of_b`, else those of A
    /// (the ones the weights were made from).
    pub(super) fn postings(&self, leaves: &[Vec<Feature>], of_b: bool) -> &Postings {
        let index = || {
            let mut postings: Postings = HashMap::default();
            for (j, features) in leaves.iter().enumerate() {
                for f in features.iter().filter(|f| self.weight.contains_key(f)) {
                    postings.entry(*f).or_default().push(j as u32);
                }
            }
            postings
        };
        if of_b {
            self.postings_b.get_or_init(index)
        } else {
            self.postings_a.get_or_init(index)
        }
    }

    pub(super) fn of(&self, f: &Feature) -> f32 {
        self.weight.get(f).copied().unwrap_or(0.0)
    }

    pub(super) fn total(&self, features: &[Feature]) -> f32 {
        features.iter().map(|f| self.of(f)).sum()
    }

    /// The similarity of a group of leaves of A (`xs`) with leaves of B (`ys`): Dice over
    /// the pairs of leaves, the weight every pair shares against the weight of all.
    pub(super) fn group_similarity(
        &self,
        (a, b): (&[Vec<Feature>], &[Vec<Feature>]),
        (xs, ys): (&[usize], &[usize]),
    ) -> f32 {
        let shared: f32 = xs.iter().flat_map(|&i| ys.iter().map(move |&j| self.shared(&a[i], &b[j]))).sum();
        let total: f32 =
            xs.iter().map(|&i| self.total_a[i]).sum::<f32>() + ys.iter().map(|&j| self.total_b[j]).sum::<f32>();
        if total > 0.0 {
            (2.0 * shared / total).min(1.0)
        } else {
            0.0
        }
    }

    /// Rarity-weighted Dice similarity of two sorted feature sets.
    pub(super) fn dice(&self, x: &[Feature], y: &[Feature]) -> f32 {
        let total = self.total(x) + self.total(y);
        if total > 0.0 {
            2.0 * self.shared(x, y) / total
        } else {
            0.0
        }
    }

    /// For each leaf of `a` and of `b`, its weighted features that the other document has
    /// too, in order: the only ones two leaves of the two documents can share.
    pub(super) fn near(&self, a: &[Vec<Feature>], b: &[Vec<Feature>]) -> (Vec<Vec<Feature>>, Vec<Vec<Feature>>) {
        let weighted = |leaves: &[Vec<Feature>]| -> HashSet<Feature> {
            leaves.iter().flatten().copied().filter(|f| self.weight.contains_key(f)).collect()
        };
        let (in_a, in_b) = (weighted(a), weighted(b));
        let keep = |leaves: &[Vec<Feature>], other: &HashSet<Feature>| -> Vec<Vec<Feature>> {
            leaves.iter().map(|l| l.iter().copied().filter(|f| other.contains(f)).collect()).collect()
        };
        (keep(a, &in_b), keep(b, &in_a))
    }

    /// Weight of the features two sorted sets share.
    pub(super) fn shared(&self, x: &[Feature], y: &[Feature]) -> f32 {
        let mut sum = 0.0;
        crate::util::sorted::for_each_shared(x, y, |i, _| sum += self.of(&x[i]));
        sum
    }
}

/// `(i, j, similarity)` for every pair from `floor` on whose leaf of A is `wanted` (B's
/// leaves given by their [`Postings`] and total weights), at most
/// [`MAX_CANDIDATES_PER_LEAF`] per leaf of A among `allowed` pairs and as many among the rest.
pub(super) fn candidate_pairs(
    a: &[Vec<Feature>],
    postings: &Postings,
    weights: &Weights,
    (weight_a, weight_b): (&[f32], &[f32]),
    floor: f32,
    allowed: impl Fn(usize, usize) -> bool,
    wanted: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, f32)> {
    let mut shared = vec![0f32; weight_b.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, features) in a.iter().enumerate().filter(|&(i, _)| wanted(i)) {
        for f in features {
            let Some(list) = postings.get(f) else { continue };
            let w = weights.of(f);
            for &j in list {
                let j = j as usize;
                if shared[j] == 0.0 {
                    touched.push(j);
                }
                shared[j] += w;
            }
        }
        let mut row: Vec<(usize, usize, f32)> = touched
            .iter()
            .map(|&j| {
                let total = weight_a[i] + weight_b[j];
                let sim = if total > 0.0 { (2.0 * shared[j] / total).min(1.0) } else { 0.0 };
                (i, j, sim)
            })
            .filter(|c| c.2 >= floor)
            .collect();
        // Best first; i is the same throughout the row, so ties go by j.
        crate::util::shared_sort::best_first_candidates(&mut row);
        // Keep the best candidates in order (allowed) and out of order separately, so that
        // strong matches elsewhere never crowd out the in-order ones.
        let (inside, outside): (Vec<_>, Vec<_>) = row.into_iter().partition(|c| allowed(c.0, c.1));
        out.extend(inside.into_iter().take(MAX_CANDIDATES_PER_LEAF));
        out.extend(outside.into_iter().take(MAX_CANDIDATES_PER_LEAF));
        for j in touched.drain(..) {
            shared[j] = 0.0;
        }
    }
    out
}

/// The chain of candidates, increasing in both `i` and `j`, with the largest total
/// similarity. Fenwick tree over `j` holding the best chain ending at or before `j`.
pub(super) fn heaviest_chain(candidates: &[(usize, usize, f32)], b_len: usize) -> Vec<(usize, usize, f32)> {
    // By A's leaf, and B's leaf downwards within it (stable: equal pairs keep their order).
    // The shared sort, not a copy of the standard one for this closure (about 5 KB).
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    crate::util::shared_sort::sort_by(&mut order, |&x, &y| {
        let (cx, cy) = (candidates[x], candidates[y]);
        cx.0.cmp(&cy.0).then(cy.1.cmp(&cx.1))
    });
    let mut tree: Vec<(f32, Option<usize>)> = vec![(0.0, None); b_len + 1];
    let mut back: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut best: (f32, Option<usize>) = (0.0, None);
    for &c in &order {
        let (_, j, sim) = candidates[c];
        // Best chain ending strictly before column j.
        let mut prev: (f32, Option<usize>) = (0.0, None);
        let mut k = j;
        while k > 0 {
            if tree[k].0 > prev.0 {
                prev = tree[k];
            }
            k &= k - 1;
        }
        let score = prev.0 + sim;
        back[c] = prev.1;
        if score > best.0 {
            best = (score, Some(c));
        }
        let mut k = j + 1;
        while k <= b_len {
            if score > tree[k].0 {
                tree[k] = (score, Some(c));
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut chain = Vec::new();
    let mut at = best.1;
    while let Some(c) = at {
        chain.push(candidates[c]);
        at = back[c];
    }
    chain.reverse();
    chain
}

//! Alignment: which section of document A plays the same role as which section of B.
//!
//! The leaves of both outlines are compared by weighted overlap of their fingerprints
//! (Dice over features, each feature weighted by its rarity across both documents, so
//! formulaic phrases that every paragraph shares count for little). Then:
//!
//! 1. **In-order pairs**: the heaviest chain of candidate pairs that is increasing in both
//!    documents (a weighted longest-increasing-subsequence, `O(c log c)` for `c` candidates).
//!    A lone leftover leaf on each side between two consecutive pairs is paired too when
//!    they share anything at all ([`GAP_MIN`]): they stand in the same place.
//! 2. **Moved pairs**: leaves left over on both sides that still look clearly alike.
//! 3. **Split and merged**: a leftover leaf next to a paired one whose text is mostly
//!    contained in that pair's other side joins the pair (one-to-many or many-to-one).
//! 4. Whatever is still unpaired is added (only in B) or dropped (only in A).
//!
//! Candidates come from an inverted index of features, skipping features that occur in
//! more than a quarter of all leaves, so the cost grows with the number of shared rare
//! features, not with the product of the section counts. The worst case (every leaf
//! sharing rare features with every other) is bounded by [`MAX_CANDIDATES_PER_LEAF`] per
//! leaf after scoring, and by the postings walk before it.

use crate::fingerprint::Feature;
use std::collections::HashMap;

/// Below this similarity two leaves are never paired in order.
pub const PAIR_MIN: f32 = 0.25;
/// A lone leaf on each side between two in-order pairs is paired from this similarity on.
pub const GAP_MIN: f32 = 0.1;
/// A pair out of order needs more evidence than one in order.
pub const MOVE_MIN: f32 = 0.4;
/// Share of a leftover leaf's weight that must lie in its neighbour's partner to join it.
pub const CONTAINMENT_MIN: f32 = 0.6;
/// Candidates kept per leaf of A, best first.
pub const MAX_CANDIDATES_PER_LEAF: usize = 12;

/// How the leaves of a group relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// Leaves of A paired with leaves of B (one-to-one, one-to-many or many-to-one).
    Paired,
    /// Leaves only in B.
    Added,
    /// Leaves only in A.
    Dropped,
}

/// One row of the alignment, in leaf positions (indexes into the leaf lists).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Positions of A's leaves, ascending.
    pub a: Vec<usize>,
    /// Positions of B's leaves, ascending.
    pub b: Vec<usize>,
    /// Paired, added or dropped.
    pub kind: GroupKind,
    /// True for a pair found out of order.
    pub moved: bool,
    /// Weighted Dice similarity of the two sides, 0 for added and dropped.
    pub similarity: f32,
}

/// Aligns two documents given the fingerprints of their leaves, and returns the groups
/// in reading order (B's order, with dropped leaves after what preceded them in A).
pub fn align(a: &[Vec<Feature>], b: &[Vec<Feature>]) -> Vec<Group> {
    let weights = Weights::new(a, b);
    let weight_a: Vec<f32> = a.iter().map(|f| weights.total(f)).collect();
    let weight_b: Vec<f32> = b.iter().map(|f| weights.total(f)).collect();
    let shared = |i: usize, j: usize| weights.shared(&a[i], &b[j]);
    let dice = |shared: f32, wa: f32, wb: f32| if wa + wb > 0.0 { 2.0 * shared / (wa + wb) } else { 0.0 };

    let candidates = candidate_pairs(a, b, &weights, &weight_a, &weight_b);

    let mut partner_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut partner_b: Vec<Option<usize>> = vec![None; b.len()];
    let mut groups: Vec<Group> = Vec::new();

    for (i, j, sim) in heaviest_chain(&candidates, b.len()) {
        partner_a[i] = Some(groups.len());
        partner_b[j] = Some(groups.len());
        groups.push(Group { a: vec![i], b: vec![j], kind: GroupKind::Paired, moved: false, similarity: sim });
    }

    // A lone leaf of A and a lone leaf of B between two in-order pairs play the same role
    // unless they have almost nothing in common.
    let chain: Vec<(usize, usize)> = groups.iter().map(|g| (g.a[0], g.b[0])).collect();
    let bounds = std::iter::once((-1i64, -1i64))
        .chain(chain.iter().map(|&(i, j)| (i as i64, j as i64)))
        .chain(std::iter::once((a.len() as i64, b.len() as i64)))
        .collect::<Vec<_>>();
    for w in bounds.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        if i1 - i0 == 2 && j1 - j0 == 2 {
            let (i, j) = ((i0 + 1) as usize, (j0 + 1) as usize);
            let sim = dice(shared(i, j), weight_a[i], weight_b[j]);
            if sim >= GAP_MIN {
                partner_a[i] = Some(groups.len());
                partner_b[j] = Some(groups.len());
                groups.push(Group { a: vec![i], b: vec![j], kind: GroupKind::Paired, moved: false, similarity: sim });
            }
        }
    }

    let mut leftovers: Vec<&(usize, usize, f32)> = candidates
        .iter()
        .filter(|(i, j, sim)| *sim >= MOVE_MIN && partner_a[*i].is_none() && partner_b[*j].is_none())
        .collect();
    leftovers.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    for &(i, j, sim) in leftovers {
        if partner_a[i].is_none() && partner_b[j].is_none() {
            partner_a[i] = Some(groups.len());
            partner_b[j] = Some(groups.len());
            groups.push(Group { a: vec![i], b: vec![j], kind: GroupKind::Paired, moved: true, similarity: sim });
        }
    }

    // Split (one A, several B) and merged (several A, one B): grow groups by neighbours.
    let mut grew = true;
    while grew {
        grew = false;
        for j in 0..b.len() {
            if partner_b[j].is_some() {
                continue;
            }
            for n in [j.wrapping_sub(1), j + 1] {
                let Some(g) = partner_b.get(n).copied().flatten() else { continue };
                if groups[g].a.len() != 1 {
                    continue;
                }
                let i = groups[g].a[0];
                if weight_b[j] > 0.0 && shared(i, j) / weight_b[j] >= CONTAINMENT_MIN {
                    groups[g].b.push(j);
                    groups[g].b.sort_unstable();
                    partner_b[j] = Some(g);
                    grew = true;
                    break;
                }
            }
        }
        for i in 0..a.len() {
            if partner_a[i].is_some() {
                continue;
            }
            for n in [i.wrapping_sub(1), i + 1] {
                let Some(g) = partner_a.get(n).copied().flatten() else { continue };
                if groups[g].b.len() != 1 {
                    continue;
                }
                let j = groups[g].b[0];
                if weight_a[i] > 0.0 && shared(i, j) / weight_a[i] >= CONTAINMENT_MIN {
                    groups[g].a.push(i);
                    groups[g].a.sort_unstable();
                    partner_a[i] = Some(g);
                    grew = true;
                    break;
                }
            }
        }
    }
    for g in groups.iter_mut().filter(|g| g.a.len() + g.b.len() > 2) {
        let s: f32 = g.a.iter().flat_map(|&i| g.b.iter().map(move |&j| (i, j))).map(|(i, j)| shared(i, j)).sum();
        let wa: f32 = g.a.iter().map(|&i| weight_a[i]).sum();
        let wb: f32 = g.b.iter().map(|&j| weight_b[j]).sum();
        g.similarity = dice(s, wa, wb).min(1.0);
    }

    for (j, p) in partner_b.iter().enumerate() {
        if p.is_none() {
            groups.push(Group { a: vec![], b: vec![j], kind: GroupKind::Added, moved: false, similarity: 0.0 });
        }
    }
    for (i, p) in partner_a.iter().enumerate() {
        if p.is_none() {
            groups.push(Group { a: vec![i], b: vec![], kind: GroupKind::Dropped, moved: false, similarity: 0.0 });
        }
    }
    reading_order(groups, a.len())
}

/// Sorts groups by B's order; a dropped leaf follows the in-order group that holds the
/// nearest earlier leaf of A.
fn reading_order(groups: Vec<Group>, a_len: usize) -> Vec<Group> {
    let mut anchor_of_a: Vec<Option<usize>> = vec![None; a_len];
    for g in groups.iter().filter(|g| g.kind == GroupKind::Paired && !g.moved) {
        let last_b = *g.b.last().expect("paired group has B");
        for &i in &g.a {
            anchor_of_a[i] = Some(last_b);
        }
    }
    let mut keyed: Vec<((i64, u8, usize), Group)> = groups
        .into_iter()
        .map(|g| {
            let key = match g.b.first() {
                Some(&j) => (j as i64, 0, g.a.first().copied().unwrap_or(0)),
                None => {
                    let i = g.a[0];
                    let anchor = (0..i).rev().find_map(|k| anchor_of_a[k]).map_or(-1, |b| b as i64);
                    (anchor, 1, i)
                }
            };
            (key, g)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, g)| g).collect()
}

/// Rarity weights of features over all leaves of both documents.
struct Weights {
    weight: HashMap<Feature, f32>,
}

impl Weights {
    fn new(a: &[Vec<Feature>], b: &[Vec<Feature>]) -> Self {
        let mut df: HashMap<Feature, u32> = HashMap::new();
        for f in a.iter().chain(b).flatten() {
            *df.entry(*f).or_insert(0) += 1;
        }
        let n = (a.len() + b.len()) as f32;
        let stop = if n >= 20.0 { (n / 4.0).ceil() as u32 } else { u32::MAX };
        let weight = df.into_iter().filter(|(_, d)| *d <= stop).map(|(f, d)| (f, (1.0 + n / d as f32).ln())).collect();
        Weights { weight }
    }

    fn of(&self, f: &Feature) -> f32 {
        self.weight.get(f).copied().unwrap_or(0.0)
    }

    fn total(&self, features: &[Feature]) -> f32 {
        features.iter().map(|f| self.of(f)).sum()
    }

    /// Weight of the features two sorted sets share.
    fn shared(&self, x: &[Feature], y: &[Feature]) -> f32 {
        let (mut p, mut q, mut sum) = (0, 0, 0.0);
        while p < x.len() && q < y.len() {
            match x[p].cmp(&y[q]) {
                std::cmp::Ordering::Less => p += 1,
                std::cmp::Ordering::Greater => q += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.of(&x[p]);
                    p += 1;
                    q += 1;
                }
            }
        }
        sum
    }
}

/// `(i, j, similarity)` for every pair sharing enough weight, at most
/// [`MAX_CANDIDATES_PER_LEAF`] per leaf of A.
fn candidate_pairs(
    a: &[Vec<Feature>],
    b: &[Vec<Feature>],
    weights: &Weights,
    weight_a: &[f32],
    weight_b: &[f32],
) -> Vec<(usize, usize, f32)> {
    let mut postings: HashMap<Feature, Vec<u32>> = HashMap::new();
    for (j, features) in b.iter().enumerate() {
        for f in features {
            if weights.weight.contains_key(f) {
                postings.entry(*f).or_default().push(j as u32);
            }
        }
    }
    let mut shared = vec![0f32; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, features) in a.iter().enumerate() {
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
            .filter(|c| c.2 >= PAIR_MIN)
            .collect();
        row.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.1.cmp(&y.1)));
        row.truncate(MAX_CANDIDATES_PER_LEAF);
        out.extend(row);
        for j in touched.drain(..) {
            shared[j] = 0.0;
        }
    }
    out
}

/// The chain of candidates, increasing in both `i` and `j`, with the largest total
/// similarity. Fenwick tree over `j` holding the best chain ending at or before `j`.
fn heaviest_chain(candidates: &[(usize, usize, f32)], b_len: usize) -> Vec<(usize, usize, f32)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&x, &y| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::fingerprint;
    use crate::span::Span;

    fn fps(paragraphs: &[&str]) -> Vec<Vec<Feature>> {
        paragraphs.iter().map(|p| fingerprint(p, Span::new(0, p.len()))).collect()
    }

    fn summary(groups: &[Group]) -> Vec<(Vec<usize>, Vec<usize>, GroupKind, bool)> {
        groups.iter().map(|g| (g.a.clone(), g.b.clone(), g.kind, g.moved)).collect()
    }

    #[test]
    fn identical_documents_pair_in_order() {
        let docs = fps(&["全面深化改革开放", "坚持党的全面领导", "推进国家治理现代化"]);
        let got = summary(&align(&docs, &docs));
        assert_eq!(
            got,
            [
                (vec![0], vec![0], GroupKind::Paired, false),
                (vec![1], vec![1], GroupKind::Paired, false),
                (vec![2], vec![2], GroupKind::Paired, false),
            ]
        );
    }

    #[test]
    fn a_swapped_pair_is_one_moved_not_added_and_dropped() {
        let a = fps(&["加快建设现代化经济体系", "坚定不移推进全面从严治党", "持续改善人民生活品质"]);
        let b = fps(&["持续改善人民生活品质", "加快建设现代化经济体系", "坚定不移推进全面从严治党"]);
        let got = align(&a, &b);
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|g| g.kind == GroupKind::Paired));
        assert_eq!(got.iter().filter(|g| g.moved).count(), 1);
    }

    #[test]
    fn unrelated_paragraphs_are_added_and_dropped() {
        let a = fps(&["the meeting was held in the city hall"]);
        let b = fps(&["港口集团发展壮大"]);
        let kinds: Vec<GroupKind> = align(&a, &b).iter().map(|g| g.kind).collect();
        assert_eq!(kinds, [GroupKind::Dropped, GroupKind::Added]);
    }

    #[test]
    fn a_split_paragraph_pairs_one_to_two() {
        let a = fps(&["加快建设现代化经济体系推动高质量发展，坚定不移推进全面从严治党建设廉洁政治"]);
        let b = fps(&["加快建设现代化经济体系推动高质量发展", "坚定不移推进全面从严治党建设廉洁政治"]);
        let got = summary(&align(&a, &b));
        assert_eq!(got, [(vec![0], vec![0, 1], GroupKind::Paired, false)]);
    }

    #[test]
    fn dropped_leaf_stays_where_it_was_in_a() {
        let a = fps(&["全面深化改革开放", "这一段被删除了没有对应", "推进国家治理现代化"]);
        let b = fps(&["全面深化改革开放", "推进国家治理现代化"]);
        let got = summary(&align(&a, &b));
        assert_eq!(got[1], (vec![1], vec![], GroupKind::Dropped, false));
    }

    #[test]
    fn empty_inputs() {
        assert!(align(&[], &[]).is_empty());
        assert_eq!(align(&fps(&["x y z"]), &[]).len(), 1);
    }
}

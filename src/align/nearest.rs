//! The closest sections of each leaf on the other side, shown beside added and dropped
//! rows.

use super::*;

/// Documents with more leaves than this together list no closest sections
/// ([`nearest_leaves`]): the search would cost as much again as the alignment's, and two
/// reports of thousands of sections are read by their rows, not by where each went.
pub const NEAREST_MAX_LEAVES: usize = 2_000;

/// For each leaf of A, the leaves of B most like it, and for each leaf of B those of A
/// (see [`nearest_leaves_for`]), for documents up to [`NEAREST_MAX_LEAVES`] leaves together;
/// none beyond.
pub fn nearest_leaves(a: &[Vec<Feature>], b: &[Vec<Feature>], k: usize) -> (Vec<NearLeaves>, Vec<NearLeaves>) {
    nearest_leaves_for(a, b, k, (&vec![true; a.len()], &vec![true; b.len()]), &Weights::new(a, b))
}

/// [`nearest_leaves`] for the leaves `wanted` only (the added and dropped ones; the others
/// get none): for each wanted leaf of A, the leaves of B most like it, best first, at most
/// `k` (and at most [`MAX_CANDIDATES_PER_LEAF`]) and from [`NEAREST_MIN`] on; and the same
/// for each wanted leaf of B, searched from its side. Shown beside added and dropped sections,
/// so a reader of two restructured documents can find where a paragraph went when the
/// alignment found it no partner. The same bounded candidate search as the alignment's (an
/// inverted index of rare features), so it costs what the wanted leaves cost. `weights` are
/// those of `a` and `b` ([`Weights::new`]).
pub fn nearest_leaves_for(
    a: &[Vec<Feature>],
    b: &[Vec<Feature>],
    k: usize,
    wanted: (&[bool], &[bool]),
    weights: &Weights,
) -> (Vec<NearLeaves>, Vec<NearLeaves>) {
    if a.len() + b.len() > NEAREST_MAX_LEAVES {
        return (vec![Vec::new(); a.len()], vec![Vec::new(); b.len()]);
    }
    let (wanted_a, wanted_b) = wanted;
    let nearest = |x: &[Vec<Feature>], y: &Postings, wx: &[f32], wy: &[f32], wanted: &[bool]| {
        let mut candidates = candidate_pairs(x, y, weights, (wx, wy), NEAREST_MIN, |_, _| true, |i| wanted[i]);
        crate::util::shared_sort::best_first_candidates(&mut candidates);
        let mut near: Vec<NearLeaves> = vec![Vec::new(); x.len()];
        for (i, j, sim) in candidates {
            if near[i].len() < k {
                near[i].push((j, sim));
            }
        }
        near
    };
    (
        nearest(a, weights.postings(b, true), &weights.total_a, &weights.total_b, wanted_a),
        nearest(b, weights.postings(a, false), &weights.total_b, &weights.total_a, wanted_b),
    )
}

/// The leaves of the other side most like one leaf, best first: `(position, similarity)`.
pub type NearLeaves = Vec<(usize, f32)>;

/// Below this similarity a leaf of the other side is no help in finding where a section
/// went ([`nearest_leaves`]).
pub const NEAREST_MIN: f32 = 0.03;

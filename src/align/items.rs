//! Completing the alignment with matched priority items: an item rewritten beyond what
//! paragraph similarity finds is still the same task when its list says so.

use super::*;

/// Brings the alignment in line with the priority items matched across the documents
/// (see [`crate::compare::align_with_priorities`]); `items` holds the leaf positions of
/// each matched pair of items, each side ascending and contiguous. For each pair of items:
///
/// - their unpaired leaves that are each other's best match pair from [`LONE_MIN`] on
///   (`pair_within`): the two items are one place, as a small gap between pairs is;
/// - when both items' first leaves are still unpaired, these start a pair: the runs of
///   unpaired leaves from each first leaf, or only the first leaves when both runs are
///   longer than one (two runs would pair each paragraph with every paragraph of the
///   other run);
/// - when one pair lies within the two items and one item is a single leaf, the pair takes
///   in the unpaired leaves of the other item next to it: a task that ran over five
///   paragraphs and now runs over one is one merged row, not one pair and four drops; so
///   it does when one item's opening paragraph alone is the pair's side (the task
///   condensed there, further paragraphs of its own after it) and the row stays as alike.
///
/// A new pair out of order with the in-order pairs is marked moved. `weights` are those of
/// `a` and `b` ([`Weights::new`]).
pub fn pair_matched_items(
    groups: Vec<Group>,
    items: &[(Vec<usize>, Vec<usize>)],
    (a, b): (&[Vec<Feature>], &[Vec<Feature>]),
    weights: &Weights,
) -> Vec<Group> {
    let mut pairing = ItemPairing::new(groups, (a, b), weights);
    for (x, y) in items.iter().filter(|(x, y)| !x.is_empty() && !y.is_empty()) {
        pairing.pair_best_matches(x, y);
        if !pairing.start_from_first_leaves(x, y) {
            pairing.grow_inside(x, y);
        }
    }
    pairing.finish()
}

/// The state of [`pair_matched_items`]: the groups, the group of every leaf, and which
/// groups were taken into others or made or grown.
pub(super) struct ItemPairing<'f> {
    pub(super) groups: Vec<Group>,
    pub(super) group_a: Vec<usize>,
    pub(super) group_b: Vec<usize>,
    /// Groups taken into another (added and dropped leaves that now pair).
    pub(super) absorbed: Vec<bool>,
    /// The number of groups the alignment made: groups from here on are new.
    pub(super) first_new: usize,
    /// Groups made or grown.
    pub(super) changed: Vec<usize>,
    pub(super) a: &'f [Vec<Feature>],
    pub(super) b: &'f [Vec<Feature>],
    pub(super) weights: &'f Weights,
}

impl<'f> ItemPairing<'f> {
    pub(super) fn new(
        groups: Vec<Group>,
        (a, b): (&'f [Vec<Feature>], &'f [Vec<Feature>]),
        weights: &'f Weights,
    ) -> Self {
        let (mut group_a, mut group_b) = (vec![usize::MAX; a.len()], vec![usize::MAX; b.len()]);
        for (g, group) in groups.iter().enumerate() {
            group.a.iter().for_each(|&i| group_a[i] = g);
            group.b.iter().for_each(|&j| group_b[j] = g);
        }
        let first_new = groups.len();
        ItemPairing {
            absorbed: vec![false; first_new],
            groups,
            group_a,
            group_b,
            first_new,
            changed: Vec::new(),
            a,
            b,
            weights,
        }
    }

    /// Whether leaf `i` of A is still dropped.
    pub(super) fn free_a(&self, i: usize) -> bool {
        !self.absorbed[self.group_a[i]] && self.groups[self.group_a[i]].kind == GroupKind::Dropped
    }

    /// Whether leaf `j` of B is still added.
    pub(super) fn free_b(&self, j: usize) -> bool {
        !self.absorbed[self.group_b[j]] && self.groups[self.group_b[j]].kind == GroupKind::Added
    }

    /// Makes a pair of leaves `take_a` and `take_b` (each still added or dropped), or grows
    /// group `into` by them.
    pub(super) fn take(&mut self, take_a: Vec<usize>, take_b: Vec<usize>, into: Option<usize>) {
        for &i in &take_a {
            self.absorbed[self.group_a[i]] = true;
        }
        for &j in &take_b {
            self.absorbed[self.group_b[j]] = true;
        }
        let g = match into {
            Some(g) => {
                self.groups[g].a.extend(take_a);
                self.groups[g].b.extend(take_b);
                self.groups[g].a.sort_unstable();
                self.groups[g].b.sort_unstable();
                g
            }
            None => {
                self.groups.push(Group {
                    a: take_a,
                    b: take_b,
                    kind: GroupKind::Paired,
                    moved: false,
                    similarity: 0.0,
                });
                self.absorbed.push(false);
                self.groups.len() - 1
            }
        };
        for k in 0..self.groups[g].a.len() {
            let i = self.groups[g].a[k];
            self.group_a[i] = g;
        }
        for k in 0..self.groups[g].b.len() {
            let j = self.groups[g].b[k];
            self.group_b[j] = g;
        }
        self.changed.push(g);
    }

    /// Pairs the unpaired leaves of items `x` and `y` that are each other's best match.
    pub(super) fn pair_best_matches(&mut self, x: &[usize], y: &[usize]) {
        let free_x: Vec<usize> = x.iter().copied().filter(|&i| self.free_a(i)).collect();
        let free_y: Vec<usize> = y.iter().copied().filter(|&j| self.free_b(j)).collect();
        if free_x.is_empty() || free_y.is_empty() {
            return;
        }
        for (i, j) in pair_within(&free_x, &free_y, self.a, self.b, self.weights) {
            self.take(vec![i], vec![j], None);
        }
    }

    /// When the first leaves of both items are unpaired: pairs the runs of unpaired leaves
    /// from them (only the first leaves when both runs are longer than one). Says whether
    /// it did.
    pub(super) fn start_from_first_leaves(&mut self, x: &[usize], y: &[usize]) -> bool {
        if !self.free_a(x[0]) || !self.free_b(y[0]) {
            return false;
        }
        let run = |leaves: &[usize], free: &dyn Fn(usize) -> bool| -> Vec<usize> {
            leaves.iter().enumerate().take_while(|&(k, &l)| l == leaves[0] + k && free(l)).map(|(_, &l)| l).collect()
        };
        let run_a = run(x, &|i| self.free_a(i));
        let run_b = run(y, &|j| self.free_b(j));
        let (take_a, take_b) =
            if run_a.len() > 1 && run_b.len() > 1 { (vec![x[0]], vec![y[0]]) } else { (run_a, run_b) };
        // The item match is evidence of place, never of content: two items that share
        // nothing (a speech's "Fifth, … equity and justice" and another's "Third, … climate")
        // stay added and dropped.
        if self.weights.group_similarity((self.a, self.b), (&take_a, &take_b)) < LONE_MIN {
            return false;
        }
        self.take(take_a, take_b, None);
        true
    }

    /// When exactly one pair lies within items `x` and `y` and one item stands condensed in
    /// the pair (it is a single leaf, or its opening paragraph alone is the pair's side
    /// while the other item's opening is not in the pair): the pair takes in the other
    /// item's unpaired leaves beside it; in the second case only when the grown row is no
    /// less alike. (Taking only the leaves that share something with the pair was tried:
    /// the items' headings share too little with the condensed paragraph and were left
    /// out, dropped beside their own task.)
    pub(super) fn grow_inside(&mut self, x: &[usize], y: &[usize]) {
        // The items' leaves are contiguous: a range check stands for a search.
        let (span_x, span_y) = (x[0]..=x[x.len() - 1], y[0]..=y[y.len() - 1]);
        let mut inside: Vec<usize> = x
            .iter()
            .map(|&i| self.group_a[i])
            .filter(|&g| {
                let group = &self.groups[g];
                group.kind == GroupKind::Paired
                    && group.a.iter().all(|i| span_x.contains(i))
                    && group.b.iter().all(|j| span_y.contains(j))
            })
            .collect();
        inside.sort_unstable();
        inside.dedup();
        let [g] = inside[..] else { return };
        let group = &self.groups[g];
        // The item that stands condensed in one paragraph: a single leaf, or one whose
        // opening paragraph (its task's headline) alone is the pair's side, while the other
        // item's opening paragraph is not in the pair.
        let condensed_a = x.len() == 1 || (group.a[..] == [x[0]] && group.b[0] != y[0]);
        let condensed_b = y.len() == 1 || (group.b[..] == [y[0]] && group.a[0] != x[0]);
        if !condensed_a && !condensed_b {
            return;
        }
        let take_a = if condensed_b { beside(&group.a, x, &|i| self.free_a(i)) } else { Vec::new() };
        let take_b = if condensed_a { beside(&group.b, y, &|j| self.free_b(j)) } else { Vec::new() };
        if take_a.is_empty() && take_b.is_empty() {
            return;
        }
        // A condensed opening paragraph of a longer item may be followed by paragraphs of
        // its own: the rest of the other item joins only when the row as a whole is then no
        // less alike, that is when the opening paragraph covers it.
        if x.len() > 1 && y.len() > 1 {
            let grown = |side: &[usize], take: &[usize]| -> Vec<usize> {
                let mut all: Vec<usize> = side.iter().chain(take).copied().collect();
                all.sort_unstable();
                all
            };
            let (a, b) = (self.a, self.b);
            let before = self.weights.group_similarity((a, b), (&group.a, &group.b));
            let after = self.weights.group_similarity((a, b), (&grown(&group.a, &take_a), &grown(&group.b, &take_b)));
            if after < before {
                return;
            }
        }
        self.take(take_a, take_b, Some(g));
    }

    /// Scores the groups made or grown, marks the new ones moved when out of order with the
    /// in-order pairs, and returns the groups in reading order.
    pub(super) fn finish(mut self) -> Vec<Group> {
        if self.changed.is_empty() {
            return self.groups;
        }
        // The in-order pairs, by their first leaf of A: `(first of A, last of A, first of
        // B, last of B)`.
        let mut anchors: Vec<(usize, usize, usize, usize)> = self.groups[..self.first_new]
            .iter()
            .zip(&self.absorbed)
            .filter(|(g, gone)| !**gone && g.kind == GroupKind::Paired && !g.moved)
            .map(|(g, _)| (g.a[0], g.a[g.a.len() - 1], g.b[0], g.b[g.b.len() - 1]))
            .collect();
        crate::util::shared_sort::sort_by_key(&mut anchors, |x| x.0);
        self.changed.sort_unstable();
        self.changed.dedup();
        let (a, b) = (self.a, self.b);
        let weights = self.weights;
        for &g in &self.changed {
            let (x, y) = (&self.groups[g].a, &self.groups[g].b);
            let similarity = weights.group_similarity((a, b), (x, y));
            // A grown group keeps its place; a new one is moved when out of order.
            if g >= self.first_new {
                let k = anchors.partition_point(|anchor| anchor.1 < x[0]);
                let in_order =
                    (k == 0 || anchors[k - 1].3 < y[0]) && anchors.get(k).is_none_or(|next| y[y.len() - 1] < next.2);
                self.groups[g].moved = !in_order;
            }
            self.groups[g].similarity = similarity;
        }
        let a_len = a.len();
        let kept: Vec<Group> =
            self.groups.into_iter().zip(self.absorbed).filter(|(_, gone)| !gone).map(|(g, _)| g).collect();
        reading_order(kept, a_len)
    }
}

/// The leaves of `item` next to `side` (a group's leaves within it), before and after,
/// while `joins` says they may join and they stay contiguous.
pub(super) fn beside(side: &[usize], item: &[usize], joins: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let (first, last) = (side[0], side[side.len() - 1]);
    let mut out: Vec<usize> = Vec::new();
    let mut expect = first;
    for k in item.iter().rev().copied().filter(|&k| k < first) {
        if k + 1 != expect || !joins(k) {
            break;
        }
        out.push(k);
        expect = k;
    }
    let mut expect = last;
    for k in item.iter().copied().filter(|&k| k > last) {
        if k != expect + 1 || !joins(k) {
            break;
        }
        out.push(k);
        expect = k;
    }
    out
}

/// Most leaf comparisons `pair_within` makes for one pair of items (past it, two long
/// items, the pairing of their first leaves and the growth of a pair stand alone).
pub const MAX_ITEM_COMPARISONS: usize = 4_096;

/// The unpaired leaves `free_x` of one item and `free_y` of its match that are each other's
/// best match, from [`LONE_MIN`] on: the two items are one place, as a small gap between
/// two in-order pairs is. `(leaf of A, leaf of B)`.
pub(super) fn pair_within(
    free_x: &[usize],
    free_y: &[usize],
    a: &[Vec<Feature>],
    b: &[Vec<Feature>],
    weights: &Weights,
) -> Vec<(usize, usize)> {
    if free_x.is_empty() || free_y.is_empty() || free_x.len() * free_y.len() > MAX_ITEM_COMPARISONS {
        return Vec::new();
    }
    let mut sims: Vec<(f32, usize, usize)> = Vec::with_capacity(free_x.len() * free_y.len());
    for (p, &i) in free_x.iter().enumerate() {
        for (q, &j) in free_y.iter().enumerate() {
            sims.push((weights.dice(&a[i], &b[j]), p, q));
        }
    }
    let (mut best_x, mut best_y) = (vec![0f32; free_x.len()], vec![0f32; free_y.len()]);
    for &(sim, p, q) in &sims {
        best_x[p] = best_x[p].max(sim);
        best_y[q] = best_y[q].max(sim);
    }
    sims.iter()
        .filter(|&&(sim, p, q)| sim >= LONE_MIN && sim >= best_x[p] && sim >= best_y[q])
        .map(|&(_, p, q)| (free_x[p], free_y[q]))
        .fold(Vec::new(), |mut out: Vec<(usize, usize)>, (i, j)| {
            // Ties: each leaf pairs once.
            if !out.iter().any(|&(x, y)| x == i || y == j) {
                out.push((i, j));
            }
            out
        })
}

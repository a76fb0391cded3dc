//! Alignment: which section of document A plays the same role as which section of B.
//!
//! The leaves of both outlines are compared by weighted overlap of their fingerprints
//! (Dice over features, each feature weighted by its rarity across both documents, so
//! formulaic phrases that every paragraph shares count for little). Then:
//!
//! 1. **In-order pairs**: the heaviest chain of candidate pairs that is increasing in both
//!    documents (a weighted longest-increasing-subsequence, `O(c log c)` for `c` candidates).
//!    Each gap between two consecutive pairs is then aligned by dynamic programming
//!    (`gap_alignment`): the order-keeping set of pairs with the greatest total
//!    similarity less [`GAP_DP_BAR`] a pair, so a leaf pairs where the gap's order and its
//!    content agree, not only with its own best match ([`LONE_MIN`] for one leaf on each
//!    side). Gaps over [`GAP_DP_CELLS`] cells, or past the document pair's [`GAP_DP_BUDGET`],
//!    keep the older rule: leaves that are each other's best match pair from [`GAP_MIN`]
//!    on ([`LOPSIDED_GAP_MIN`] when one side of the gap is far longer; [`LONE_MIN`] in a
//!    gap of [`SMALL_GAP`] leaves or fewer a side). Rounds repeat until nothing changes.
//!    A pair with a line its document repeats (各位代表！) weighs in the chain by how well
//!    the leaves beside it match ([`LONE_CONTEXT`] at least), so the copy in the same place
//!    wins.
//! 2. **Moved pairs**: leaves left over on both sides that still look clearly alike, and, in
//!    a restructured pair of documents ([`RESTRUCTURED_BELOW`]: speeches that regroup their
//!    points), leftovers that are each other's best match. Never a line its document
//!    repeats word for word (a salutation such as 各位代表！): which copy went where says
//!    nothing, so such lines pair only in order.
//! 3. **Split and merged**: a leftover leaf next to a paired one whose text is mostly
//!    contained in that pair's other side joins the pair (one-to-many or many-to-one).
//! 4. Whatever is still unpaired is added (only in B) or dropped (only in A).
//!
//! Afterwards the priority items matched across the documents can complete the alignment
//! ([`pair_matched_items`]): a task rewritten beyond what paragraph similarity finds is
//! still the same task when its list says so.
//!
//! Candidates come from an inverted index of features, skipping features that occur in
//! more than a quarter of all leaves, so the cost grows with the number of shared rare
//! features, not with the product of the section counts. The worst case (every leaf
//! sharing rare features with every other) is bounded by [`MAX_CANDIDATES_PER_LEAF`] per
//! leaf after scoring, and by the postings walk before it.

use crate::fingerprint::Feature;
use rustc_hash::FxHashMap as HashMap;

/// A repeated line (a salutation) weighs in the in-order chain as much as the leaves beside
/// it match, and at least this share of its own similarity: a copy whose neighbours were
/// rewritten still anchors where nothing heavier disputes its place.
pub const LONE_CONTEXT: f32 = 0.1;
/// Below this similarity two leaves are never paired in order.
pub const PAIR_MIN: f32 = 0.25;
/// Leaves that are each other's best match between two in-order pairs are paired from
/// this similarity on.
pub const GAP_MIN: f32 = 0.1;
/// A gap whose one side has more than this many times the leaves of the other is lopsided:
/// a block was added or dropped there, most of the long side has no partner, and each leaf
/// of the short side finds a best match among many by chance more easily.
pub const LOPSIDED: usize = 3;
/// The bar of [`GAP_MIN`] in a lopsided gap ([`LOPSIDED`]). On the annotated pairs it
/// leaves out one pair: the plenum's livelihood task against the next plenum's closing
/// exhortation on the people (0.111, in a gap of fifteen leaves against three), while the
/// true pairs of lopsided gaps in the work reports score 0.123 and up.
pub const LOPSIDED_GAP_MIN: f32 = 0.12;
/// Leaves of a small gap between two in-order pairs ([`SMALL_GAP`]), a lone leaf on each
/// side included, are paired from this similarity on.
pub const LONE_MIN: f32 = 0.05;
/// A gap of at most this many leaves on each side between two in-order pairs is "small":
/// its leaves that are each other's best match pair from [`LONE_MIN`] on.
pub const SMALL_GAP: usize = 4;
/// A gap of at most this many cells (its leaves of A times its leaves of B) is aligned by
/// dynamic programming ([`GAP_DP_BAR`]); a larger one by each leaf's best match.
pub const GAP_DP_CELLS: usize = 40_000;
/// All gaps of one document pair aligned by dynamic programming hold at most this many
/// cells together, so the alignment stays linear in the leaves however they fall.
pub const GAP_DP_BUDGET: usize = 40_000;
/// In a gap aligned by dynamic programming, a pair is worth its similarity less this.
pub const GAP_DP_BAR: f32 = 0.08;

/// A document pair whose in-order pairs cover less than this share of the shorter side's
/// leaves was restructured (a speech that regroups its points): there, leftover leaves that
/// are each other's best match pair out of order from [`GAP_MIN`] on.
pub const RESTRUCTURED_BELOW: f32 = 0.42;
/// A pair out of order needs more evidence than one in order.
pub const MOVE_MIN: f32 = 0.5;
/// A leftover leaf squeezed between two pairs joins one only when that pair's similarity is
/// below this (see `join_squeezed`): a closer pair has no room for another paragraph.
pub const ROOMY_PAIR_BELOW: f32 = 0.5;
/// A leftover leaf whose best match is its neighbour's partner joins that pair from this
/// similarity on.
pub const JOIN_MIN: f32 = 0.2;
/// Share of a leftover leaf's weight that must lie in its neighbour's partner to join it.
pub const CONTAINMENT_MIN: f32 = 0.6;
/// Candidates kept per leaf of A, best first.
pub const MAX_CANDIDATES_PER_LEAF: usize = 12;
/// A feature found in more leaves than this (of both documents) carries no weight, however
/// long the documents: besides a quarter of the leaves, which rules out the commonest
/// words of short documents, this bounds the candidate search of long ones, whose posting
/// lists would otherwise grow with the document and the search with its square.
pub const COMMON_ABOVE: u32 = 256;

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
    align_in_parts(a, b, &vec![0; a.len()], &vec![0; b.len()])
}

/// Like [`align`], for documents divided into numbered parts (`一、…`, `二、…`): the parts
/// are paired first, in order, by their whole content; then leaves pair in order only within
/// paired parts (or between the neighbours of an unpaired part). So the tasks of one work
/// report pair with the tasks of the next, not with a review that covers the same topics.
/// `parts_a[i]` is the part of A's leaf `i` (non-decreasing); moved pairs ignore parts.
pub fn align_in_parts(a: &[Vec<Feature>], b: &[Vec<Feature>], parts_a: &[usize], parts_b: &[usize]) -> Vec<Group> {
    let weights = Weights::new(a, b);
    let mut state = Aligner {
        weight_a: a.iter().map(|f| weights.total(f)).collect(),
        weight_b: b.iter().map(|f| weights.total(f)).collect(),
        a,
        b,
        partner_a: vec![None; a.len()],
        partner_b: vec![None; b.len()],
        repeated_a: repeated_lines(a),
        repeated_b: repeated_lines(b),
        groups: Vec::new(),
        weights,
        dp_cells_left: GAP_DP_BUDGET,
    };
    let bands = PartBands::new(a, b, parts_a, parts_b, &state.weights);
    let candidates = candidate_pairs(a, b, &state.weights, (&state.weight_a, &state.weight_b), GAP_MIN, |i, j| {
        bands.allows(parts_a[i], parts_b[j])
    });
    let in_order: Vec<Candidate> =
        candidates.iter().copied().filter(|&(i, j, _)| bands.allows(parts_a[i], parts_b[j])).collect();
    let strong: Vec<Candidate> = in_order.iter().copied().filter(|c| c.2 >= PAIR_MIN).collect();
    let weighed: Vec<Candidate> = strong.iter().map(|&c| state.weighed_in_context(c)).collect();
    // The chain comes back in order of A's leaves, as `strong` is: one walk finds each
    // link's similarity again.
    let mut k = 0;
    for (i, j, _) in heaviest_chain(&weighed, b.len()) {
        while (strong[k].0, strong[k].1) != (i, j) {
            k += 1;
        }
        state.pair(strong[k], false);
    }
    // Each round of gap pairs cuts gaps into smaller ones, which the next round reads with
    // less evidence (a small gap is a stronger hint of the same place); at most one round
    // per leaf, in practice two or three.
    loop {
        let before = state.groups.len();
        state.fill_gaps(&in_order, &|i, j| bands.allows(parts_a[i], parts_b[j]));
        if state.groups.len() == before {
            break;
        }
    }
    state.pair_moved(&candidates);
    state.pair_restructured(&candidates);
    state.grow_split_and_merged(&candidates);
    state.join_squeezed();
    state.finish()
}

/// `(leaf of A, leaf of B, similarity)`.
type Candidate = (usize, usize, f32);

/// The alignment under construction.
struct Aligner<'f> {
    a: &'f [Vec<Feature>],
    b: &'f [Vec<Feature>],
    weights: Weights,
    weight_a: Vec<f32>,
    weight_b: Vec<f32>,
    /// The group each leaf belongs to, once paired.
    partner_a: Vec<Option<usize>>,
    partner_b: Vec<Option<usize>>,
    /// Leaves whose fingerprint another leaf of the same document has too.
    repeated_a: Vec<bool>,
    repeated_b: Vec<bool>,
    groups: Vec<Group>,
    /// What is left of [`GAP_DP_BUDGET`].
    dp_cells_left: usize,
}

impl Aligner<'_> {
    fn similarity(&self, i: usize, j: usize) -> f32 {
        let total = self.weight_a[i] + self.weight_b[j];
        if total > 0.0 {
            (2.0 * self.weights.shared(&self.a[i], &self.b[j]) / total).min(1.0)
        } else {
            0.0
        }
    }

    /// Candidate `c` weighed for the in-order chain: as it is, unless one of its leaves is a
    /// line its document repeats. Every copy of 各位代表！ matches a copy on the other side
    /// equally, so such a pair counts as much as the leaves beside it match (the paragraph
    /// a salutation introduces, or the one it closes), and at least [`LONE_CONTEXT`] of
    /// itself: the copy that stands in the same place wins.
    fn weighed_in_context(&self, c: Candidate) -> Candidate {
        let (i, j, similarity) = c;
        if !(self.repeated_a[i] || self.repeated_b[j]) {
            return c;
        }
        // Neighbours are often copies too (a document repeated whole): equal fingerprints
        // are alike without weighing them.
        let alike = |x: usize, y: usize| {
            if !self.a[x].is_empty() && self.a[x] == self.b[y] {
                1.0
            } else {
                self.similarity(x, y)
            }
        };
        let after = if i + 1 < self.a.len() && j + 1 < self.b.len() { alike(i + 1, j + 1) } else { 0.0 };
        let before = if after < 1.0 && i > 0 && j > 0 { alike(i - 1, j - 1) } else { 0.0 };
        (i, j, similarity * after.max(before).max(LONE_CONTEXT))
    }

    fn pair(&mut self, (i, j, similarity): Candidate, moved: bool) {
        self.partner_a[i] = Some(self.groups.len());
        self.partner_b[j] = Some(self.groups.len());
        self.groups.push(Group { a: vec![i], b: vec![j], kind: GroupKind::Paired, moved, similarity });
    }

    fn free(&self, (i, j, _): &Candidate) -> bool {
        self.partner_a[*i].is_none() && self.partner_b[*j].is_none()
    }

    /// Pairs the leaves of each gap between two consecutive in-order pairs: by dynamic
    /// programming (`gap_alignment`) while the gap and the document pair's budget allow
    /// ([`GAP_DP_CELLS`], [`GAP_DP_BUDGET`]); past them, leaves that are each other's best
    /// match in the gap pair in order from [`GAP_MIN`] on, and in a small gap ([`SMALL_GAP`]
    /// leaves or fewer a side) every pair is scored and the bar is [`LONE_MIN`].
    fn fill_gaps(&mut self, candidates: &[Candidate], allowed: &dyn Fn(usize, usize) -> bool) {
        let mut anchors: Vec<(usize, usize)> = self.groups.iter().map(|g| (g.a[0], g.b[0])).collect();
        anchors.sort_unstable();
        let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
        bounds.extend(anchors.iter().map(|&(i, j)| (i as isize, j as isize)));
        bounds.push((self.a.len() as isize, self.b.len() as isize));
        for w in bounds.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            let (rows, columns) = ((i0 + 1) as usize..i1 as usize, (j0 + 1) as usize..j1 as usize);
            if rows.is_empty() || columns.is_empty() {
                continue;
            }
            let cells = rows.len() * columns.len();
            if cells <= GAP_DP_CELLS && cells <= self.dp_cells_left {
                self.dp_cells_left -= cells;
                for c in self.gap_alignment(rows, columns, allowed) {
                    self.pair(c, false);
                }
                continue;
            }
            let in_gap: Vec<Candidate> = if rows.len() <= SMALL_GAP && columns.len() <= SMALL_GAP {
                // At most SMALL_GAP² pairs: all of them are scored.
                rows.flat_map(|i| columns.clone().map(move |j| (i, j)))
                    .map(|(i, j)| (i, j, self.similarity(i, j)))
                    .filter(|c| c.2 >= LONE_MIN)
                    .collect()
            } else {
                // Candidates come in order of their leaf of A: the gap's are one run.
                let from = candidates.partition_point(|c| c.0 < rows.start);
                let to = candidates.partition_point(|c| c.0 < rows.end);
                let (long, short) = (rows.len().max(columns.len()), rows.len().min(columns.len()));
                let bar = if long > LOPSIDED * short { LOPSIDED_GAP_MIN } else { GAP_MIN };
                candidates[from..to].iter().filter(|c| columns.contains(&c.1) && c.2 >= bar).copied().collect()
            };
            // Each leaf's best similarity in the gap, in one pass (not a scan per candidate).
            let mut best_i: HashMap<usize, f32> = HashMap::default();
            let mut best_j: HashMap<usize, f32> = HashMap::default();
            for &(i, j, sim) in &in_gap {
                let bi = best_i.entry(i).or_insert(sim);
                *bi = bi.max(sim);
                let bj = best_j.entry(j).or_insert(sim);
                *bj = bj.max(sim);
            }
            let mutual: Vec<Candidate> =
                in_gap.iter().copied().filter(|&(i, j, sim)| sim >= best_i[&i] && sim >= best_j[&j]).collect();
            for c in heaviest_chain(&mutual, self.b.len()) {
                self.pair(c, false);
            }
        }
    }

    /// The best in-order alignment of a gap between two in-order pairs, by dynamic
    /// programming over its leaves: each pair made scores its similarity less
    /// [`GAP_DP_BAR`], a leaf left out scores nothing, so a pair is made only where it is
    /// worth more than leaving both leaves added and dropped, and the pairs chosen are the
    /// heaviest order-keeping set, not each leaf's best match on its own. Lines a document
    /// repeats pair only with each other (a salutation with a salutation).
    fn gap_alignment(
        &self,
        rows: std::ops::Range<usize>,
        columns: std::ops::Range<usize>,
        allowed: &dyn Fn(usize, usize) -> bool,
    ) -> Vec<Candidate> {
        // One leaf on each side between two pairs stands in the same place: the bar of a
        // lone leaf applies.
        let lone = rows.len() == 1 && columns.len() == 1;
        let bar = if lone { LONE_MIN } else { GAP_DP_BAR };
        let (r, c) = (rows.len(), columns.len());
        let (i0, j0) = (rows.start, columns.start);
        // score[x][y]: best total over the first x rows and y columns; step: how it was reached.
        let mut score = vec![0f32; (r + 1) * (c + 1)];
        let mut step = vec![0u8; (r + 1) * (c + 1)];
        let at = |x: usize, y: usize| x * (c + 1) + y;
        let mut gain = vec![0f32; r * c];
        for x in 0..r {
            for y in 0..c {
                let (i, j) = (i0 + x, j0 + y);
                let eligible = allowed(i, j) && self.repeated_a[i] == self.repeated_b[j];
                gain[x * c + y] = if eligible { self.similarity(i, j) - bar } else { f32::NEG_INFINITY };
            }
        }
        for x in 0..=r {
            for y in 0..=c {
                if x == 0 && y == 0 {
                    continue;
                }
                let mut best = (f32::NEG_INFINITY, 0u8);
                if x > 0 && score[at(x - 1, y)] > best.0 {
                    best = (score[at(x - 1, y)], 1);
                }
                if y > 0 && score[at(x, y - 1)] > best.0 {
                    best = (score[at(x, y - 1)], 2);
                }
                if x > 0 && y > 0 {
                    let g = gain[(x - 1) * c + (y - 1)];
                    if g > 0.0 && score[at(x - 1, y - 1)] + g > best.0 {
                        best = (score[at(x - 1, y - 1)] + g, 3);
                    }
                }
                score[at(x, y)] = best.0;
                step[at(x, y)] = best.1;
            }
        }
        let mut out = Vec::new();
        let (mut x, mut y) = (r, c);
        while x > 0 || y > 0 {
            match step[at(x, y)] {
                1 => x -= 1,
                2 => y -= 1,
                _ => {
                    let (i, j) = (i0 + x - 1, j0 + y - 1);
                    out.push((i, j, self.similarity(i, j)));
                    x -= 1;
                    y -= 1;
                }
            }
        }
        out.reverse();
        out
    }

    /// In a restructured pair of documents ([`RESTRUCTURED_BELOW`]), leftover leaves that
    /// are each other's best match among the leftovers pair, out of order: where two
    /// speeches regroup the same points, order says little and content decides, though
    /// weakly (the annotated gold pairs of such speeches score 0.1 and up, but are most
    /// often each other's best match). Elsewhere order is the stronger evidence, and such
    /// pairs would more often be chance.
    fn pair_restructured(&mut self, candidates: &[Candidate]) {
        let paired = self.partner_a.iter().filter(|p| p.is_some()).count();
        if paired as f32 >= RESTRUCTURED_BELOW * self.a.len().min(self.b.len()) as f32 {
            return;
        }
        let mut best_a: Vec<Option<Candidate>> = vec![None; self.a.len()];
        let mut best_b: Vec<Option<Candidate>> = vec![None; self.b.len()];
        for &c in candidates.iter().filter(|c| self.free(c) && !self.repeated_a[c.0] && !self.repeated_b[c.1]) {
            if best_a[c.0].is_none_or(|b| c.2 > b.2) {
                best_a[c.0] = Some(c);
            }
            if best_b[c.1].is_none_or(|b| c.2 > b.2) {
                best_b[c.1] = Some(c);
            }
        }
        for c in best_a.into_iter().flatten() {
            if best_b[c.1].is_some_and(|b| b.0 == c.0) && self.free(&c) {
                self.pair(c, true);
            }
        }
    }

    /// Leftover leaves on both sides that still look clearly alike are paired out of order,
    /// except lines their document repeats (see the module's doc).
    fn pair_moved(&mut self, candidates: &[Candidate]) {
        let mut leftovers: Vec<Candidate> = candidates
            .iter()
            .copied()
            .filter(|c| c.2 >= MOVE_MIN && self.free(c) && !self.repeated_a[c.0] && !self.repeated_b[c.1])
            .collect();
        crate::shared_sort::best_first_candidates(&mut leftovers);
        for c in leftovers {
            if self.free(&c) {
                self.pair(c, true);
            }
        }
    }

    /// Split (one A, several B) and merged (several A, one B): a leftover leaf next to a
    /// paired one joins that pair when most of its text lies in the pair's other side
    /// ([`CONTAINMENT_MIN`]), or when that other side is its best match ([`JOIN_MIN`]).
    fn grow_split_and_merged(&mut self, candidates: &[Candidate]) {
        let mut best_a: Vec<Option<Candidate>> = vec![None; self.a.len()];
        let mut best_b: Vec<Option<Candidate>> = vec![None; self.b.len()];
        for &c in candidates {
            if best_a[c.0].is_none_or(|b| c.2 > b.2) {
                best_a[c.0] = Some(c);
            }
            if best_b[c.1].is_none_or(|b| c.2 > b.2) {
                best_b[c.1] = Some(c);
            }
        }
        let mut grew = true;
        while grew {
            grew = false;
            for (j, best) in best_b.iter().enumerate() {
                grew |= self.partner_b[j].is_none() && self.join_neighbour(j, true, *best);
            }
            for (i, best) in best_a.iter().enumerate() {
                grew |= self.partner_a[i].is_none() && self.join_neighbour(i, false, *best);
            }
        }
    }

    /// Joins leftover leaf `x` (of B when `side_b`, else of A) to the pair of a neighbour
    /// whose other side is a single leaf, when `x` is mostly contained in that leaf or has it
    /// as its best match. True when it joined.
    fn join_neighbour(&mut self, x: usize, side_b: bool, best: Option<Candidate>) -> bool {
        for n in [x.wrapping_sub(1), x + 1] {
            let partners = if side_b { &self.partner_b } else { &self.partner_a };
            let Some(g) = partners.get(n).copied().flatten() else { continue };
            let other = if side_b { &self.groups[g].a } else { &self.groups[g].b };
            let [y] = other[..] else { continue };
            let (i, j) = if side_b { (y, x) } else { (x, y) };
            let own_weight = if side_b { self.weight_b[x] } else { self.weight_a[x] };
            let contained =
                own_weight > 0.0 && self.weights.shared(&self.a[i], &self.b[j]) / own_weight >= CONTAINMENT_MIN;
            let is_best = best.is_some_and(|c| (c.0, c.1) == (i, j) && c.2 >= JOIN_MIN);
            if contained || is_best {
                self.join(x, side_b, g);
                return true;
            }
        }
        false
    }

    /// A leftover leaf whose neighbours are paired in order with two adjacent leaves of the
    /// other side has no place of its own: it joins the neighbouring pair whose other side
    /// it resembles more, from [`LONE_MIN`] on (a paragraph split off or folded in), when
    /// that pair is rewritten ([`ROOMY_PAIR_BELOW`]): a pair that is nearly the same leaves
    /// no room for another paragraph, which is then dropped or added indeed.
    fn join_squeezed(&mut self) {
        for side_b in [false, true] {
            let len = if side_b { self.b.len() } else { self.a.len() };
            for x in 1..len.saturating_sub(1) {
                let partners = if side_b { &self.partner_b } else { &self.partner_a };
                let (Some(before), None, Some(after)) = (partners[x - 1], partners[x], partners[x + 1]) else {
                    continue;
                };
                let single = |g: usize| -> Option<usize> {
                    let group = &self.groups[g];
                    let other = if side_b { &group.a } else { &group.b };
                    (!group.moved && other.len() == 1).then(|| other[0])
                };
                let (Some(y0), Some(y1)) = (single(before), single(after)) else { continue };
                if y1 != y0 + 1 {
                    continue;
                }
                let sim = |y: usize| if side_b { self.similarity(y, x) } else { self.similarity(x, y) };
                let (s0, s1) = (sim(y0), sim(y1));
                let (g, best) = if s0 >= s1 { (before, s0) } else { (after, s1) };
                if best >= LONE_MIN && self.groups[g].similarity < ROOMY_PAIR_BELOW {
                    self.join(x, side_b, g);
                }
            }
        }
    }

    /// Adds leftover leaf `x` (of B when `side_b`, else of A) to group `g`.
    fn join(&mut self, x: usize, side_b: bool, g: usize) {
        let (members, partners) = if side_b {
            (&mut self.groups[g].b, &mut self.partner_b)
        } else {
            (&mut self.groups[g].a, &mut self.partner_a)
        };
        members.push(x);
        members.sort_unstable();
        partners[x] = Some(g);
    }

    /// Scores grown groups, adds added and dropped leaves, and sorts into reading order.
    fn finish(mut self) -> Vec<Group> {
        for k in 0..self.groups.len() {
            let g = &self.groups[k];
            if g.a.len() + g.b.len() > 2 {
                self.groups[k].similarity = self.weights.group_similarity((self.a, self.b), (&g.a, &g.b));
            }
        }
        let mut groups = self.groups;
        for (j, p) in self.partner_b.iter().enumerate() {
            if p.is_none() {
                groups.push(Group { a: vec![], b: vec![j], kind: GroupKind::Added, moved: false, similarity: 0.0 });
            }
        }
        for (i, p) in self.partner_a.iter().enumerate() {
            if p.is_none() {
                groups.push(Group { a: vec![i], b: vec![], kind: GroupKind::Dropped, moved: false, similarity: 0.0 });
            }
        }
        reading_order(groups, self.a.len())
    }
}

/// Documents with more leaves than this together list no closest sections
/// ([`nearest_leaves`]): the search would cost as much again as the alignment's, and two
/// reports of thousands of sections are read by their rows, not by where each went.
pub const NEAREST_MAX_LEAVES: usize = 2_000;

/// For each leaf of A, the leaves of B most like it, and for each leaf of B those of A
/// (see `nearest_leaves_of`), for documents up to [`NEAREST_MAX_LEAVES`] leaves together;
/// none beyond.
pub fn nearest_leaves(a: &[Vec<Feature>], b: &[Vec<Feature>], k: usize) -> (Vec<NearLeaves>, Vec<NearLeaves>) {
    if a.len() + b.len() > NEAREST_MAX_LEAVES {
        return (vec![Vec::new(); a.len()], vec![Vec::new(); b.len()]);
    }
    nearest_leaves_of(a, b, k)
}

/// The leaves of the other side most like one leaf, best first: `(position, similarity)`.
pub type NearLeaves = Vec<(usize, f32)>;

/// Below this similarity a leaf of the other side is no help in finding where a section
/// went ([`nearest_leaves`]).
pub const NEAREST_MIN: f32 = 0.03;

/// For each leaf of A, the leaves of B most like it, best first, at most `k` and from
/// [`NEAREST_MIN`] on; and the same for each leaf of B. Shown beside added and dropped
/// sections, so a reader of two restructured documents can find where a paragraph went
/// when the alignment found it no partner. The same bounded candidate search as the
/// alignment's (an inverted index of rare features), so it costs what that costs.
fn nearest_leaves_of(a: &[Vec<Feature>], b: &[Vec<Feature>], k: usize) -> (Vec<NearLeaves>, Vec<NearLeaves>) {
    let weights = Weights::new(a, b);
    let weight_a: Vec<f32> = a.iter().map(|f| weights.total(f)).collect();
    let weight_b: Vec<f32> = b.iter().map(|f| weights.total(f)).collect();
    let mut candidates = candidate_pairs(a, b, &weights, (&weight_a, &weight_b), NEAREST_MIN, |_, _| true);
    crate::shared_sort::best_first_candidates(&mut candidates);
    let (mut near_a, mut near_b) = (vec![Vec::new(); a.len()], vec![Vec::new(); b.len()]);
    for (i, j, sim) in candidates {
        if near_a[i].len() < k {
            near_a[i].push((j, sim));
        }
        if near_b[j].len() < k {
            near_b[j].push((i, sim));
        }
    }
    (near_a, near_b)
}

/// For each leaf, whether another leaf of the same document has the same non-empty
/// fingerprint: a line the document repeats.
pub fn repeated_lines(leaves: &[Vec<Feature>]) -> Vec<bool> {
    let mut copies: HashMap<&[Feature], u32> = HashMap::default();
    for f in leaves.iter().filter(|f| !f.is_empty()) {
        *copies.entry(f).or_default() += 1;
    }
    leaves.iter().map(|f| !f.is_empty() && copies[f.as_slice()] > 1).collect()
}

/// Brings the alignment in line with the priority items matched across the documents
/// (see [`crate::compare::align_with_priorities`]); `items` holds the leaf positions of
/// each matched pair of items, each side ascending and contiguous. For each pair of items:
///
/// - their unpaired leaves that are each other's best match pair from [`LONE_MIN`] on
///   ([`pair_within`]): the two items are one place, as a small gap between pairs is;
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
/// A new pair out of order with the in-order pairs is marked moved.
pub fn pair_matched_items(
    groups: Vec<Group>,
    items: &[(Vec<usize>, Vec<usize>)],
    a: &[Vec<Feature>],
    b: &[Vec<Feature>],
) -> Vec<Group> {
    let mut pairing = ItemPairing::new(groups, a, b);
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
struct ItemPairing<'f> {
    groups: Vec<Group>,
    group_a: Vec<usize>,
    group_b: Vec<usize>,
    /// Groups taken into another (added and dropped leaves that now pair).
    absorbed: Vec<bool>,
    /// The number of groups the alignment made: groups from here on are new.
    first_new: usize,
    /// Groups made or grown.
    changed: Vec<usize>,
    a: &'f [Vec<Feature>],
    b: &'f [Vec<Feature>],
    /// Made when first needed (most comparisons pair no item this way).
    weights: std::cell::OnceCell<Weights>,
}

impl<'f> ItemPairing<'f> {
    fn new(groups: Vec<Group>, a: &'f [Vec<Feature>], b: &'f [Vec<Feature>]) -> Self {
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
            weights: std::cell::OnceCell::new(),
        }
    }

    fn weights(&self) -> &Weights {
        self.weights.get_or_init(|| Weights::new(self.a, self.b))
    }

    /// Whether leaf `i` of A is still dropped.
    fn free_a(&self, i: usize) -> bool {
        !self.absorbed[self.group_a[i]] && self.groups[self.group_a[i]].kind == GroupKind::Dropped
    }

    /// Whether leaf `j` of B is still added.
    fn free_b(&self, j: usize) -> bool {
        !self.absorbed[self.group_b[j]] && self.groups[self.group_b[j]].kind == GroupKind::Added
    }

    /// Makes a pair of leaves `take_a` and `take_b` (each still added or dropped), or grows
    /// group `into` by them.
    fn take(&mut self, take_a: Vec<usize>, take_b: Vec<usize>, into: Option<usize>) {
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
    fn pair_best_matches(&mut self, x: &[usize], y: &[usize]) {
        let free_x: Vec<usize> = x.iter().copied().filter(|&i| self.free_a(i)).collect();
        let free_y: Vec<usize> = y.iter().copied().filter(|&j| self.free_b(j)).collect();
        if free_x.is_empty() || free_y.is_empty() {
            return;
        }
        for (i, j) in pair_within(&free_x, &free_y, self.a, self.b, self.weights()) {
            self.take(vec![i], vec![j], None);
        }
    }

    /// When the first leaves of both items are unpaired: pairs the runs of unpaired leaves
    /// from them (only the first leaves when both runs are longer than one). Says whether
    /// it did.
    fn start_from_first_leaves(&mut self, x: &[usize], y: &[usize]) -> bool {
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
        if self.weights().group_similarity((self.a, self.b), (&take_a, &take_b)) < LONE_MIN {
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
    fn grow_inside(&mut self, x: &[usize], y: &[usize]) {
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
            let before = self.weights().group_similarity((a, b), (&group.a, &group.b));
            let after = self.weights().group_similarity((a, b), (&grown(&group.a, &take_a), &grown(&group.b, &take_b)));
            if after < before {
                return;
            }
        }
        self.take(take_a, take_b, Some(g));
    }

    /// Scores the groups made or grown, marks the new ones moved when out of order with the
    /// in-order pairs, and returns the groups in reading order.
    fn finish(mut self) -> Vec<Group> {
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
        crate::shared_sort::sort_by_key(&mut anchors, |x| x.0);
        self.changed.sort_unstable();
        self.changed.dedup();
        let (a, b) = (self.a, self.b);
        let weights = self.weights.get_or_init(|| Weights::new(a, b));
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
fn beside(side: &[usize], item: &[usize], joins: &dyn Fn(usize) -> bool) -> Vec<usize> {
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

/// Most leaf comparisons [`pair_within`] makes for one pair of items (past it, two long
/// items, the pairing of their first leaves and the growth of a pair stand alone).
pub const MAX_ITEM_COMPARISONS: usize = 4_096;

/// The unpaired leaves `free_x` of one item and `free_y` of its match that are each other's
/// best match, from [`LONE_MIN`] on: the two items are one place, as a small gap between
/// two in-order pairs is. `(leaf of A, leaf of B)`.
fn pair_within(
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

/// Which parts of A may pair in order with which parts of B.
struct PartBands {
    /// For each part of A, the range of B's parts it may pair with.
    a_to_b: Vec<(usize, usize)>,
    /// For each part of B, the range of A's parts it may pair with.
    b_to_a: Vec<(usize, usize)>,
}

impl PartBands {
    fn new(a: &[Vec<Feature>], b: &[Vec<Feature>], parts_a: &[usize], parts_b: &[usize], weights: &Weights) -> Self {
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
    fn allows(&self, x: usize, y: usize) -> bool {
        let (lo, hi) = self.a_to_b[x];
        let (lo2, hi2) = self.b_to_a[y];
        (lo..=hi).contains(&y) || (lo2..=hi2).contains(&x)
    }
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
    // The anchor of the nearest earlier leaf of A, for every leaf (one pass, not a search
    // per dropped leaf: documents with no pairs at all have every leaf dropped).
    let mut before: Vec<i64> = Vec::with_capacity(a_len);
    let mut last = -1i64;
    for anchor in &anchor_of_a {
        before.push(last);
        if let Some(b) = anchor {
            last = *b as i64;
        }
    }
    let mut keyed: Vec<((i64, u8, usize), Group)> = groups
        .into_iter()
        .map(|g| {
            let key = match g.b.first() {
                Some(&j) => (j as i64, 0, g.a.first().copied().unwrap_or(0)),
                None => (before[g.a[0]], 1, g.a[0]),
            };
            (key, g)
        })
        .collect();
    crate::shared_sort::sort_by_key(&mut keyed, |(k, _)| *k);
    keyed.into_iter().map(|(_, g)| g).collect()
}

/// Rarity weights of features over all leaves of both documents.
struct Weights {
    weight: HashMap<Feature, f32>,
}

impl Weights {
    fn new(a: &[Vec<Feature>], b: &[Vec<Feature>]) -> Self {
        // Document frequencies first, turned into weights in place (one map, not two).
        let mut weight: HashMap<Feature, f32> = HashMap::default();
        for f in a.iter().chain(b).flatten() {
            *weight.entry(*f).or_insert(0.0) += 1.0;
        }
        let n = (a.len() + b.len()) as f32;
        let stop = if n >= 20.0 { ((n / 4.0).ceil() as u32).min(COMMON_ABOVE) as f32 } else { f32::INFINITY };
        weight.retain(|_, df| *df <= stop);
        weight.values_mut().for_each(|w| *w = (1.0 + n / *w).ln());
        Weights { weight }
    }

    fn of(&self, f: &Feature) -> f32 {
        self.weight.get(f).copied().unwrap_or(0.0)
    }

    fn total(&self, features: &[Feature]) -> f32 {
        features.iter().map(|f| self.of(f)).sum()
    }

    /// The similarity of a group of leaves of A (`xs`) with leaves of B (`ys`): Dice over
    /// the pairs of leaves, the weight every pair shares against the weight of all.
    fn group_similarity(&self, (a, b): (&[Vec<Feature>], &[Vec<Feature>]), (xs, ys): (&[usize], &[usize])) -> f32 {
        let shared: f32 = xs.iter().flat_map(|&i| ys.iter().map(move |&j| self.shared(&a[i], &b[j]))).sum();
        let total: f32 =
            xs.iter().map(|&i| self.total(&a[i])).sum::<f32>() + ys.iter().map(|&j| self.total(&b[j])).sum::<f32>();
        if total > 0.0 {
            (2.0 * shared / total).min(1.0)
        } else {
            0.0
        }
    }

    /// Rarity-weighted Dice similarity of two sorted feature sets.
    fn dice(&self, x: &[Feature], y: &[Feature]) -> f32 {
        let total = self.total(x) + self.total(y);
        if total > 0.0 {
            2.0 * self.shared(x, y) / total
        } else {
            0.0
        }
    }

    /// Weight of the features two sorted sets share.
    fn shared(&self, x: &[Feature], y: &[Feature]) -> f32 {
        let mut sum = 0.0;
        crate::sorted::for_each_shared(x, y, |i, _| sum += self.of(&x[i]));
        sum
    }
}

/// `(i, j, similarity)` for every pair from `floor` on, at most
/// [`MAX_CANDIDATES_PER_LEAF`] per leaf of A among `allowed` pairs and as many among the rest.
fn candidate_pairs(
    a: &[Vec<Feature>],
    b: &[Vec<Feature>],
    weights: &Weights,
    (weight_a, weight_b): (&[f32], &[f32]),
    floor: f32,
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f32)> {
    let mut postings: HashMap<Feature, Vec<u32>> = HashMap::default();
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
            .filter(|c| c.2 >= floor)
            .collect();
        // Best first; i is the same throughout the row, so ties go by j.
        crate::shared_sort::best_first_candidates(&mut row);
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
fn heaviest_chain(candidates: &[(usize, usize, f32)], b_len: usize) -> Vec<(usize, usize, f32)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Hot on long documents: unstable, with the index as the last key (a total order).
    order.sort_unstable_by(|&x, &y| {
        let (cx, cy) = (candidates[x], candidates[y]);
        cx.0.cmp(&cy.0).then(cy.1.cmp(&cx.1)).then(x.cmp(&y))
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

    /// Groups given as `(a, b)` leaf lists: paired when both are non-empty, in-order.
    fn groups(pairs: &[(&[usize], &[usize])]) -> Vec<Group> {
        pairs
            .iter()
            .map(|(a, b)| Group {
                a: a.to_vec(),
                b: b.to_vec(),
                kind: match (a.is_empty(), b.is_empty()) {
                    (false, false) => GroupKind::Paired,
                    (true, _) => GroupKind::Added,
                    (_, true) => GroupKind::Dropped,
                },
                moved: false,
                similarity: if a.is_empty() || b.is_empty() { 0.0 } else { 0.5 },
            })
            .collect()
    }

    #[test]
    fn matched_items_left_apart_become_one_row_and_a_move_when_out_of_order() {
        // A: opening, a task over three paragraphs (1–3), closing. B: opening, closing,
        // the task in one paragraph after the closing: out of order.
        let a = fps(&["开幕", "创新驱动 科技", "科技自立 创新", "数字经济 创新", "闭幕"]);
        let b = fps(&["开幕", "闭幕", "产业体系 创新驱动 科技自立 数字经济"]);
        let aligned = groups(&[(&[0], &[0]), (&[1], &[]), (&[2], &[]), (&[3], &[]), (&[4], &[1]), (&[], &[2])]);
        let got = pair_matched_items(aligned, &[(vec![1, 2, 3], vec![2])], &a, &b);
        assert_eq!(
            summary(&got),
            [
                (vec![0], vec![0], GroupKind::Paired, false),
                (vec![4], vec![1], GroupKind::Paired, false),
                (vec![1, 2, 3], vec![2], GroupKind::Paired, true),
            ]
        );
    }

    #[test]
    fn a_pair_inside_matched_items_takes_in_the_rest_of_the_longer_item() {
        // The alignment paired the second paragraph of A's task with B's one-paragraph task;
        // the task's other paragraphs join that row. A leaf outside the item stays dropped.
        let a = fps(&["创新驱动 科技自立", "科技自立", "数字经济 科技自立", "外交政策"]);
        let b = fps(&["产业体系 科技自立 数字经济 创新驱动"]);
        let aligned = groups(&[(&[0], &[]), (&[1], &[0]), (&[2], &[]), (&[3], &[])]);
        let got = pair_matched_items(aligned, &[(vec![0, 1, 2], vec![0])], &a, &b);
        assert_eq!(
            summary(&got),
            [(vec![0, 1, 2], vec![0], GroupKind::Paired, false), (vec![3], vec![], GroupKind::Dropped, false)]
        );
    }

    #[test]
    fn inside_matched_items_a_leaf_pairs_with_its_best_match_not_the_first() {
        // A's green item opens on a green revolution; B's development item opens on the
        // economy and speaks of carbon in its third paragraph, which is where A's goes.
        let a = fps(&["开幕", "绿色革命 碳达峰 碳中和", "生物多样性"]);
        let b = fps(&["开幕", "振兴经济 发展优先", "以人民为中心", "人与自然和谐 碳达峰 碳中和"]);
        let aligned = groups(&[(&[0], &[0]), (&[1], &[]), (&[2], &[]), (&[], &[1]), (&[], &[2]), (&[], &[3])]);
        let got = pair_matched_items(aligned, &[(vec![1, 2], vec![1, 2, 3])], &a, &b);
        let pairs: Vec<_> =
            summary(&got).into_iter().filter(|g| g.2 == GroupKind::Paired).map(|g| (g.0, g.1)).collect();
        assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![3])]);
    }

    #[test]
    fn two_long_matched_items_pair_only_their_first_paragraphs() {
        let a = fps(&["一是创新", "科技", "数字"]);
        let b = fps(&["一是产业", "制造", "链条"]);
        let aligned = groups(&[(&[0], &[]), (&[1], &[]), (&[2], &[]), (&[], &[0]), (&[], &[1]), (&[], &[2])]);
        let got = pair_matched_items(aligned, &[(vec![0, 1, 2], vec![0, 1, 2])], &a, &b);
        assert!(summary(&got).contains(&(vec![0], vec![0], GroupKind::Paired, false)));
        assert_eq!(got.iter().filter(|g| g.kind == GroupKind::Paired).count(), 1);
    }

    #[test]
    fn of_a_repeated_salutation_the_copy_before_the_same_paragraph_pairs() {
        // A addresses the delegates twice; B once, before the paragraph that follows A's
        // second salutation. Both copies match B's equally; the second one stands in place.
        let a = fps(&["各位代表", "经济 成就 巨大 稳定", "各位代表", "外交 和平 合作 共赢"]);
        let b = fps(&["各位代表", "外交 和平 合作 共赢"]);
        let got = summary(&align(&a, &b));
        assert!(got.contains(&(vec![2], vec![0], GroupKind::Paired, false)), "{got:?}");
        assert!(got.contains(&(vec![0], vec![], GroupKind::Dropped, false)), "{got:?}");
    }

    #[test]
    fn a_repeated_salutation_out_of_place_is_added_not_moved() {
        // B closes with a salutation where A has none; A's other copy stands elsewhere.
        // Pairing the two would report a move of a line that says nothing.
        let a = fps(&["各位代表", "经济 成就 巨大 稳定", "各位代表", "外交 和平 合作 共赢"]);
        let b = fps(&["各位代表", "经济 成就 巨大 稳定", "外交 和平 合作 共赢", "各位代表"]);
        let got = summary(&align(&a, &b));
        assert!(got.contains(&(vec![2], vec![], GroupKind::Dropped, false)), "{got:?}");
        assert!(got.contains(&(vec![], vec![3], GroupKind::Added, false)), "{got:?}");
        assert!(got.iter().all(|g| !g.3), "{got:?}");
    }

    #[test]
    fn a_condensed_opening_paragraph_takes_in_the_other_task_when_it_covers_it() {
        // A's livelihood task runs over three paragraphs; B condenses it into its opening
        // paragraph and follows with a paragraph on the government itself. The alignment
        // paired A's middle paragraph with B's opening one: A's other paragraphs join that
        // row, and B's second paragraph, which they do not share, stays apart.
        let a = fps(&["民生 教育 就业", "民生 医疗 社保", "民生 住房 文化"]);
        let b = fps(&["民生 教育 就业 医疗 社保 住房 文化", "政府 自身 建设"]);
        let aligned = groups(&[(&[0], &[]), (&[1], &[0]), (&[2], &[]), (&[], &[1])]);
        let got = pair_matched_items(aligned, &[(vec![0, 1, 2], vec![0, 1])], &a, &b);
        assert_eq!(
            summary(&got),
            [(vec![0, 1, 2], vec![0], GroupKind::Paired, false), (vec![], vec![1], GroupKind::Added, false)]
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
    fn a_part_merged_into_the_next_pairs_in_order_with_it() {
        // A work report in three parts (review, targets, tasks); its successor opens its
        // tasks part with the targets. The tasks parts pair; the targets part, left without
        // a partner of its own, still pairs in order inside its neighbour's partner instead
        // of being reported as moved.
        let review = "过去一年经济运行总体平稳，发展质量稳步提升";
        let targets = [
            "今年发展主要预期目标是国内生产总值增长左右",
            "城镇新增就业人以上，城镇调查失业率控制在以内",
            "居民消费价格涨幅左右，居民收入增长与经济增长基本同步",
            "粮食产量保持在万亿斤以上，生态环境质量持续改善",
            "单位国内生产总值能耗和主要污染物排放量继续下降",
        ];
        let tasks = [
            "提升积极的财政政策效能，赤字率拟按左右安排",
            "稳健的货币政策要灵活适度，保持流动性合理充裕",
            "强化就业优先政策，多渠道稳定和扩大就业",
            "深入实施创新驱动发展战略，巩固壮大实体经济根基",
            "坚定实施扩大内需战略，培育国内市场",
            "大力抓好农业生产，促进乡村全面振兴",
        ];
        let doc: Vec<&str> = std::iter::once(review).chain(targets).chain(tasks).collect();
        let (a, b) = (fps(&doc), fps(&doc));
        let parts_a: Vec<usize> = [0].into_iter().chain([1; 5]).chain([2; 6]).collect();
        let parts_b: Vec<usize> = (0..doc.len()).map(|k| usize::from(k > 0)).collect();
        let got = summary(&align_in_parts(&a, &b, &parts_a, &parts_b));
        let expected: Vec<_> = (0..doc.len()).map(|k| (vec![k], vec![k], GroupKind::Paired, false)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_paragraph_squeezed_beside_a_rewritten_pair_joins_it_unless_the_pair_is_unchanged() {
        let intro = "The plenary session was held in Beijing from October 26 to 29";
        let end = "The session called on the whole Party to unite and strive";
        let x1 = "We must win the fight against the epidemic and protect the lives of the people";
        let x2 = "Vaccines must reach developing countries quickly and at fair prices";
        let rewritten = "We must win the fight against the epidemic, oppose politicizing it, support the \
            World Health Organization, and share vaccines with developing countries";
        let a = fps(&[intro, x1, x2, end]);
        let got = summary(&align(&a, &fps(&[intro, rewritten, end])));
        assert!(got.contains(&(vec![1, 2], vec![1], GroupKind::Paired, false)), "{got:?}");
        // Beside an unchanged pair there is no room: the paragraph was dropped.
        let got = summary(&align(&a, &fps(&[intro, x1, end])));
        assert!(got.contains(&(vec![2], vec![], GroupKind::Dropped, false)), "{got:?}");
    }

    #[test]
    fn empty_inputs() {
        assert!(align(&[], &[]).is_empty());
        assert_eq!(align(&fps(&["x y z"]), &[]).len(), 1);
    }
}

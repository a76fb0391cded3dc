//! The alignment proper ([`super::align_in_parts`]): the in-order chain, the gaps between
//! its pairs, moved pairs, split and merged rows, in the state that builds them.

use super::*;

/// The alignment under construction.
pub(super) struct Aligner<'f> {
    pub(super) a: &'f [Vec<Feature>],
    pub(super) b: &'f [Vec<Feature>],
    pub(super) weights: &'f Weights,
    /// Each leaf's weighted features that the other document has too: all that two leaves
    /// can share, so similarities walk these shorter lists (the totals of `weights` count all).
    pub(super) near_a: Vec<Vec<Feature>>,
    pub(super) near_b: Vec<Vec<Feature>>,
    /// The group each leaf belongs to, once paired.
    pub(super) partner_a: Vec<Option<usize>>,
    pub(super) partner_b: Vec<Option<usize>>,
    /// Leaves whose fingerprint another leaf of the same document has too.
    pub(super) repeated_a: Vec<bool>,
    pub(super) repeated_b: Vec<bool>,
    pub(super) groups: Vec<Group>,
    /// What is left of [`GAP_DP_BUDGET`].
    pub(super) dp_cells_left: usize,
}

impl Aligner<'_> {
    pub(super) fn similarity(&self, i: usize, j: usize) -> f32 {
        let total = self.weights.total_a[i] + self.weights.total_b[j];
        if total > 0.0 {
            (2.0 * self.weights.shared(&self.near_a[i], &self.near_b[j]) / total).min(1.0)
        } else {
            0.0
        }
    }

    /// Whether a pair of leaves `i` of A and `j` of B would cross a pair made in order: it
    /// stands out of order, moved.
    pub(super) fn crosses(&self, i: usize, j: usize) -> bool {
        self.groups.iter().filter(|g| g.kind == GroupKind::Paired && !g.moved).any(|g| {
            let (a0, a1, b0, b1) = (g.a[0], g.a[g.a.len() - 1], g.b[0], g.b[g.b.len() - 1]);
            (a1 < i && b0 > j) || (a0 > i && b1 < j)
        })
    }

    /// How many weighted features leaves `i` of A and `j` of B share.
    pub(super) fn shared_count(&self, i: usize, j: usize) -> usize {
        crate::util::sorted::shared_count(&self.near_a[i], &self.near_b[j])
    }

    /// Candidate `c` weighed for the in-order chain: as it is, unless one of its leaves is a
    /// line its document repeats. Every copy of 各位代表！ matches a copy on the other side
    /// equally, so such a pair counts as much as the leaves beside it match (the paragraph
    /// a salutation introduces, or the one it closes), and at least [`LONE_CONTEXT`] of
    /// itself: the copy that stands in the same place wins.
    pub(super) fn weighed_in_context(&self, c: Candidate) -> Candidate {
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

    pub(super) fn pair(&mut self, (i, j, similarity): Candidate, moved: bool) {
        self.partner_a[i] = Some(self.groups.len());
        self.partner_b[j] = Some(self.groups.len());
        self.groups.push(Group { a: vec![i], b: vec![j], kind: GroupKind::Paired, moved, similarity });
    }

    pub(super) fn free(&self, (i, j, _): &Candidate) -> bool {
        self.partner_a[*i].is_none() && self.partner_b[*j].is_none()
    }

    /// Pairs the leaves of each gap between two consecutive in-order pairs: by dynamic
    /// programming (`gap_alignment`) while the gap and the document pair's budget allow
    /// ([`GAP_DP_CELLS`], [`GAP_DP_BUDGET`]); past them, leaves that are each other's best
    /// match in the gap pair in order from [`GAP_MIN`] on, and in a small gap ([`SMALL_GAP`]
    /// leaves or fewer a side) every pair is scored and the bar is [`LONE_MIN`].
    pub(super) fn fill_gaps(&mut self, candidates: &[Candidate], allowed: &dyn Fn(usize, usize) -> bool) {
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
    pub(super) fn gap_alignment(
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
    pub(super) fn pair_restructured(&mut self, candidates: &[Candidate]) {
        let paired = self.partner_a.iter().filter(|p| p.is_some()).count();
        if paired as f32 >= RESTRUCTURED_BELOW * self.a.len().min(self.b.len()) as f32 {
            return;
        }
        let leftovers = candidates.iter().filter(|c| self.free(c) && !self.repeated_a[c.0] && !self.repeated_b[c.1]);
        let (best_a, best_b) = best_of_each_leaf(leftovers, (self.a.len(), self.b.len()));
        for c in best_a.into_iter().filter_map(|best| best.0) {
            if best_b[c.1].0.is_some_and(|b| b.0 == c.0) && self.free(&c) {
                self.pair(c, true);
            }
        }
    }

    /// Leftover leaves that are each other's best match among all leaves of the other side,
    /// paired or not, and clearly so ([`MUTUAL_MARGIN`]), sharing more than a word or two
    /// ([`MUTUAL_SHARED_MIN`]), pair from [`GAP_MIN`] on wherever
    /// they stand within parts that may pair (`allowed`): neither has a likelier partner
    /// anywhere, which chance seldom arranges. A work report that reviews five years instead
    /// of one regroups its review by theme; the paragraph on reform still has one likeliest
    /// counterpart. Across parts (this year's tasks against next year's review of them) the
    /// likeliest counterpart plays another role, and the pair is left out.
    pub(super) fn pair_mutual_best(&mut self, candidates: &[Candidate], allowed: &dyn Fn(usize, usize) -> bool) {
        let unrepeated = candidates.iter().filter(|c| !self.repeated_a[c.0] && !self.repeated_b[c.1]);
        let (best_a, best_b) = best_of_each_leaf(unrepeated, (self.a.len(), self.b.len()));
        for (c, second_a) in best_a.into_iter().filter_map(|(c, s)| Some((c?, s))) {
            let (theirs, second_b) = best_b[c.1];
            if c.2 >= GAP_MIN
                && theirs.is_some_and(|b| b.0 == c.0)
                && second_a.max(second_b) <= MUTUAL_MARGIN * c.2
                && self.shared_count(c.0, c.1) >= MUTUAL_SHARED_MIN
                && self.free(&c)
                && allowed(c.0, c.1)
            {
                self.pair(c, self.crosses(c.0, c.1));
            }
        }
    }

    /// A block of paragraphs moved as a whole: leftover leaves that pair, two or more in a
    /// row, with leftover leaves in the same order on the other side, each pair at least
    /// [`GAP_MIN`] alike and the best match among the leftovers of one of its two leaves.
    /// One such pair alone is as often chance as not; a run of them in step is a section
    /// that changed place (gwr2017's paragraphs on emerging and on traditional industries,
    /// under its fourth task, stand in the same order under gwr2018's first). "In a row"
    /// skips leaves already paired, which a moved block often carries along with it.
    pub(super) fn pair_moved_runs(&mut self, candidates: &[Candidate], allowed: &dyn Fn(usize, usize) -> bool) {
        let mut leftovers: Vec<Candidate> = Vec::new();
        for &c in candidates {
            if self.free(&c) && !self.repeated_a[c.0] && !self.repeated_b[c.1] && allowed(c.0, c.1) {
                leftovers.push(c);
            }
        }
        let (best_a, best_b) = best_of_each_leaf(leftovers.iter(), (self.a.len(), self.b.len()));
        // Each free leaf's place among the free leaves of its document: the next free leaf
        // is the next in a run.
        let (rank_a, rank_b) = (free_ranks(&self.partner_a), free_ranks(&self.partner_b));
        let mut steps: Vec<(usize, usize, Candidate)> = Vec::new();
        for &c in &leftovers {
            let best_of_either = best_a[c.0].0.is_some_and(|b| b.1 == c.1) || best_b[c.1].0.is_some_and(|b| b.0 == c.0);
            if c.2 >= GAP_MIN && best_of_either {
                steps.push((rank_a[c.0], rank_b[c.1], c));
            }
        }
        crate::util::shared_sort::sort_by(&mut steps, |p, q| (p.0, p.1).cmp(&(q.0, q.1)));
        let step_at = |x: usize, y: usize| steps.binary_search_by(|s| (s.0, s.1).cmp(&(x, y))).ok().map(|k| steps[k].2);
        for &(x, y, _) in &steps {
            if x > 0 && y > 0 && step_at(x - 1, y - 1).is_some() {
                continue; // inside a run that began earlier
            }
            let mut run = Vec::new();
            while let Some(c) = step_at(x + run.len(), y + run.len()) {
                run.push(c);
            }
            if run.len() >= 2 && run.iter().all(|c| self.free(c)) {
                for c in run {
                    self.pair(c, self.crosses(c.0, c.1));
                }
            }
        }
    }

    /// The headings of two parts paired by their whole content ([`PartBands`]) are the
    /// same part's title, however short and reworded (三、2021年重点工作, 三、2022年政府工作
    /// 任务): left free by the in-order passes, they pair when they share anything at all,
    /// out of order if the text around them moved.
    pub(super) fn pair_part_headings(&mut self, bands: &PartBands, parts_a: &[usize], parts_b: &[usize]) {
        // Parts never decrease along the leaves: a part's first leaf is found by bisection.
        let first_leaf = |parts: &[usize], p: usize| {
            let k = parts.partition_point(|&q| q < p);
            (parts.get(k) == Some(&p)).then_some(k)
        };
        for (x, &(y, last)) in bands.a_to_b.iter().enumerate().skip(1) {
            if y != last || y == 0 || bands.b_to_a.get(y) != Some(&(x, x)) {
                continue;
            }
            let (Some(i), Some(j)) = (first_leaf(parts_a, x), first_leaf(parts_b, y)) else { continue };
            let similarity = self.similarity(i, j);
            let c = (i, j, similarity);
            if similarity >= LONE_MIN && self.free(&c) && !self.repeated_a[i] && !self.repeated_b[j] {
                self.pair(c, self.crosses(i, j));
            }
        }
    }

    /// Leftover leaves on both sides that still look clearly alike are paired out of order,
    /// except lines their document repeats (see the module's doc).
    pub(super) fn pair_moved(&mut self, candidates: &[Candidate]) {
        let mut leftovers: Vec<Candidate> = candidates
            .iter()
            .copied()
            .filter(|c| c.2 >= MOVE_MIN && self.free(c) && !self.repeated_a[c.0] && !self.repeated_b[c.1])
            .collect();
        crate::util::shared_sort::best_first_candidates(&mut leftovers);
        for c in leftovers {
            if self.free(&c) {
                self.pair(c, true);
            }
        }
    }

    /// Split (one A, several B) and merged (several A, one B): a leftover leaf next to a
    /// paired one joins that pair when most of its text lies in the pair's other side
    /// ([`CONTAINMENT_MIN`]), or when that other side is its best match ([`JOIN_MIN`]).
    pub(super) fn grow_split_and_merged(&mut self, candidates: &[Candidate]) {
        let (best_a, best_b) = best_of_each_leaf(candidates.iter(), (self.a.len(), self.b.len()));
        let mut grew = true;
        while grew {
            grew = false;
            for (j, best) in best_b.iter().enumerate() {
                grew |= self.partner_b[j].is_none() && self.join_neighbour(j, true, best.0);
            }
            for (i, best) in best_a.iter().enumerate() {
                grew |= self.partner_a[i].is_none() && self.join_neighbour(i, false, best.0);
            }
        }
    }

    /// Joins leftover leaf `x` (of B when `side_b`, else of A) to the pair of a neighbour
    /// whose other side is a single leaf, when `x` is mostly contained in that leaf or has it
    /// as its best match. True when it joined.
    pub(super) fn join_neighbour(&mut self, x: usize, side_b: bool, best: Option<Candidate>) -> bool {
        for n in [x.wrapping_sub(1), x + 1] {
            let partners = if side_b { &self.partner_b } else { &self.partner_a };
            let Some(g) = partners.get(n).copied().flatten() else { continue };
            let other = if side_b { &self.groups[g].a } else { &self.groups[g].b };
            let [y] = other[..] else { continue };
            let (i, j) = if side_b { (y, x) } else { (x, y) };
            let own_weight = if side_b { self.weights.total_b[x] } else { self.weights.total_a[x] };
            let contained = own_weight > 0.0
                && self.weights.shared(&self.near_a[i], &self.near_b[j]) / own_weight >= CONTAINMENT_MIN;
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
    pub(super) fn join_squeezed(&mut self) {
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
    pub(super) fn join(&mut self, x: usize, side_b: bool, g: usize) {
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
    pub(super) fn finish(mut self) -> Vec<Group> {
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

/// Each leaf's place among the leaves not yet paired (`usize::MAX` for a paired one).
fn free_ranks(partners: &[Option<usize>]) -> Vec<usize> {
    let mut ranks = vec![usize::MAX; partners.len()];
    for (next, (rank, _)) in ranks.iter_mut().zip(partners).filter(|(_, p)| p.is_none()).enumerate() {
        *rank = next;
    }
    ranks
}

/// A leaf's best candidate (the first of equals) and the similarity of its second best (0
/// when it has none).
type Best = (Option<Candidate>, f32);

/// The [`Best`] of each leaf of A and of each leaf of B among `candidates`, for documents of
/// `lengths` leaves.
fn best_of_each_leaf<'c>(
    candidates: impl Iterator<Item = &'c Candidate>,
    (a_len, b_len): (usize, usize),
) -> (Vec<Best>, Vec<Best>) {
    let keep = |best: &mut Best, c: Candidate| match best.0 {
        Some(b) if c.2 <= b.2 => best.1 = best.1.max(c.2),
        Some(b) => *best = (Some(c), b.2),
        None => best.0 = Some(c),
    };
    let (mut best_a, mut best_b): (Vec<Best>, Vec<Best>) = (vec![(None, 0.0); a_len], vec![(None, 0.0); b_len]);
    for &c in candidates {
        keep(&mut best_a[c.0], c);
        keep(&mut best_b[c.1], c);
    }
    (best_a, best_b)
}

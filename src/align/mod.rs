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
//! 2. **Part headings**: the first leaves (the headings) of two parts paired by their whole
//!    content pair with each other when both are still free and share anything
//!    ([`LONE_MIN`]), out of order if the text around them moved.
//! 3. **Moved pairs**: leaves left over on both sides that still look clearly alike
//!    ([`MOVE_MIN`]); then moved blocks: leftovers that pair two or more in a row, in step
//!    with leftovers of the other side (the next free leaf with the next free leaf), each
//!    pair from [`GAP_MIN`] and the best leftover match of one of its leaves, weak pairs
//!    that back each other up; in a restructured pair of documents ([`RESTRUCTURED_BELOW`]:
//!    speeches that regroup their points), leftovers that are each other's best match among
//!    the leftovers; in any pair, leftovers that are each other's clear best match among
//!    all leaves ([`MUTUAL_MARGIN`], [`MUTUAL_SHARED_MIN`]) within parts that may pair.
//!    Never a line its document repeats word for word (a salutation such as 各位代表！):
//!    which copy went where says nothing, so such lines pair only in order.
//! 4. **Split and merged**: a leftover leaf next to a paired one whose text is mostly
//!    contained in that pair's other side joins the pair (one-to-many or many-to-one).
//! 5. Whatever is still unpaired is added (only in B) or dropped (only in A).
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

mod aligner;
mod items;
mod nearest;
mod parts;
mod weights;

use crate::text::fingerprint::Feature;
use aligner::Aligner;
pub use items::{pair_matched_items, MAX_ITEM_COMPARISONS};
pub use nearest::{nearest_leaves, nearest_leaves_for, NearLeaves, NEAREST_MAX_LEAVES, NEAREST_MIN};
use parts::PartBands;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
pub use weights::Weights;
use weights::{candidate_pairs, heaviest_chain, Postings};

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
/// Leftover leaves that are each other's best match over all leaves pair out of order only
/// when neither has a second best above this share of their similarity (see
/// `pair_mutual_best`): a clear match, not the top of several alike.
pub const MUTUAL_MARGIN: f32 = 0.8;
/// ... and only when they share at least this many features: two short lines that share
/// one word (第一段, 新的一段话) are each other's best match by chance.
pub const MUTUAL_SHARED_MIN: usize = 4;
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
    align_weighed(a, b, (parts_a, parts_b), &Weights::new(a, b))
}

/// [`align_in_parts`] with the documents' [`Weights`] already built (`Weights::new(a, b)`).
pub fn align_weighed(
    a: &[Vec<Feature>],
    b: &[Vec<Feature>],
    (parts_a, parts_b): (&[usize], &[usize]),
    weights: &Weights,
) -> Vec<Group> {
    let (near_a, near_b) = weights.near(a, b);
    let mut state = Aligner {
        near_a,
        near_b,
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
    let bands = PartBands::new(a, b, parts_a, parts_b, weights);
    let candidates = candidate_pairs(
        a,
        weights.postings(b, true),
        weights,
        (&weights.total_a, &weights.total_b),
        GAP_MIN,
        |i, j| bands.allows(parts_a[i], parts_b[j]),
        |_| true,
    );
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
    state.pair_part_headings(&bands, parts_a, parts_b);
    state.pair_moved(&candidates);
    state.pair_moved_runs(&candidates, &|i, j| bands.allows(parts_a[i], parts_b[j]));
    state.pair_restructured(&candidates);
    state.pair_mutual_best(&candidates, &|i, j| bands.allows(parts_a[i], parts_b[j]));
    state.grow_split_and_merged(&candidates);
    state.join_squeezed();
    state.finish()
}

/// `(leaf of A, leaf of B, similarity)`.
type Candidate = (usize, usize, f32);

/// For each leaf, whether another leaf of the same document has the same non-empty
/// fingerprint: a line the document repeats.
pub fn repeated_lines(leaves: &[Vec<Feature>]) -> Vec<bool> {
    let mut copies: HashMap<&[Feature], u32> = HashMap::default();
    for f in leaves.iter().filter(|f| !f.is_empty()) {
        *copies.entry(f).or_default() += 1;
    }
    leaves.iter().map(|f| !f.is_empty() && copies[f.as_slice()] > 1).collect()
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
    crate::util::shared_sort::sort_by_key(&mut keyed, |(k, _)| *k);
    keyed.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fingerprint::fingerprint;
    use crate::util::span::Span;

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
        let got = pair_matched_items(aligned, &[(vec![1, 2, 3], vec![2])], (&a, &b), &Weights::new(&a, &b));
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
        let got = pair_matched_items(aligned, &[(vec![0, 1, 2], vec![0])], (&a, &b), &Weights::new(&a, &b));
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
        let got = pair_matched_items(aligned, &[(vec![1, 2], vec![1, 2, 3])], (&a, &b), &Weights::new(&a, &b));
        let pairs: Vec<_> =
            summary(&got).into_iter().filter(|g| g.2 == GroupKind::Paired).map(|g| (g.0, g.1)).collect();
        assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![3])]);
    }

    #[test]
    fn two_long_matched_items_pair_only_their_first_paragraphs() {
        let a = fps(&["一是创新", "科技", "数字"]);
        let b = fps(&["一是产业", "制造", "链条"]);
        let aligned = groups(&[(&[0], &[]), (&[1], &[]), (&[2], &[]), (&[], &[0]), (&[], &[1]), (&[], &[2])]);
        let got = pair_matched_items(aligned, &[(vec![0, 1, 2], vec![0, 1, 2])], (&a, &b), &Weights::new(&a, &b));
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
        let got = pair_matched_items(aligned, &[(vec![0, 1, 2], vec![0, 1])], (&a, &b), &Weights::new(&a, &b));
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
    fn a_rewritten_paragraph_moved_far_pairs_with_its_one_clear_counterpart() {
        // The rural paragraph moves from last to first and is rewritten: too unlike its old
        // self to pair as a plain move, but each is the other's only likely partner.
        let a = fps(&[
            "Growth held steady and jobs were created across the country.",
            "We cut taxes and fees for small firms by a large margin.",
            "Exports rose and foreign investment reached a new high.",
            "The rural revitalization drive brought new roads, clean water and broadband to remote villages, \
             and farm incomes grew faster than urban incomes for the fifth year.",
        ]);
        let b = fps(&[
            "Remote villages now have broadband and clean water, and new rural roads, thanks to the revitalization drive.",
            "Growth held steady and jobs were created across the country.",
            "We cut taxes and fees for small firms by a large margin.",
            "Exports rose and foreign investment reached a new high.",
        ]);
        let moved = align(&a, &b).into_iter().find(|g| g.a == [3]).expect("a row for the rural paragraph");
        assert!(moved.similarity < MOVE_MIN, "a rewritten paragraph, not a plain move: {}", moved.similarity);
        assert_eq!((moved.b, moved.kind, moved.moved), (vec![0], GroupKind::Paired, true));
    }

    #[test]
    fn two_short_lines_that_share_one_word_stay_added_and_dropped() {
        let a = fps(&["题", "第一段。", "第二段落的内容很长。"]);
        let b = fps(&["题", "第二段落的内容很长。", "新的一段话，完全不同。"]);
        let got = summary(&align(&a, &b));
        assert!(got.contains(&(vec![1], vec![], GroupKind::Dropped, false)), "{got:?}");
        assert!(got.contains(&(vec![], vec![2], GroupKind::Added, false)), "{got:?}");
    }

    #[test]
    fn empty_inputs() {
        assert!(align(&[], &[]).is_empty());
        assert_eq!(align(&fps(&["x y z"]), &[]).len(), 1);
    }
}

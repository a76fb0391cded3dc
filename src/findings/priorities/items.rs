//! Matching the items of two lists that the rows left apart: by headline, by content, and
//! along runs of matched items.

use super::lists::after_marker;
use super::{Priority, PriorityList, ITEM_CONTENT_MIN, ITEM_HEADLINE_MIN, ITEM_RUN_MIN, MAX_CONTENT_ITEMS};
use crate::model::prepared::Prepared;
use std::borrow::Cow;

/// Pairs the items of two matched lists that the rows left unmatched: first by their
/// headlines, items that are each other's best match from [`ITEM_HEADLINE_MIN`] on; then, the
/// same way, items still unmatched by content from [`ITEM_CONTENT_MIN`] on. Headlines go
/// first because they name the task: a long item's content also touches its neighbours'
/// (the work report's 推动城乡区域协调发展 shares more words with the next year's grain and
/// rural item than with the regional item its headline continues).
pub(super) fn match_unlinked_items(
    texts: (&str, &str),
    docs: (&Prepared, &Prepared),
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
) {
    let (a, b) = (ItemFeatures::new(texts.0, docs.0), ItemFeatures::new(texts.1, docs.1));
    match_items(
        lists,
        matched_a,
        partner_of_b,
        (&|p| Cow::Owned(a.headline(p)), &|p| Cow::Owned(b.headline(p))),
        (&|p| Cow::Owned(a.content(p)), &|p| Cow::Owned(b.content(p))),
    );
}

/// The passes of [`match_unlinked_items`] over features read by `by_headline` and
/// `by_content`.
pub(super) fn match_items(
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
    by_headline: Features<'_>,
    by_content: Features<'_>,
) {
    pair_mutual_best(lists, matched_a, partner_of_b, (ITEM_HEADLINE_MIN, dice), by_headline);
    pair_mutual_best(lists, matched_a, partner_of_b, (ITEM_CONTENT_MIN, overlap), by_content);
    extend_runs(lists, matched_a, partner_of_b, ITEM_RUN_MIN, by_content);
}

/// How one document's items are read for matching.
pub(super) struct ItemFeatures<'d> {
    text: &'d str,
    doc: &'d Prepared,
}

impl ItemFeatures<'_> {
    pub(super) fn new<'d>(text: &'d str, doc: &'d Prepared) -> ItemFeatures<'d> {
        ItemFeatures { text, doc }
    }

    /// The fingerprints of an item's headline.
    pub(super) fn headline(&self, item: &Priority) -> Vec<u64> {
        let h = headline_of(after_marker(self.text, &self.doc.outline, item.section));
        crate::text::fingerprint::fingerprint(h, crate::util::span::Span::new(0, h.len()))
    }

    /// An item's content: the union of its first [`MAX_ITEM_LEAVES`] leaves' fingerprints
    /// (leaves are in id order, so a leaf's place is found by binary search).
    pub(super) fn content(&self, item: &Priority) -> Vec<u64> {
        let mut f: Vec<u64> = item
            .leaves
            .iter()
            .take(MAX_ITEM_LEAVES)
            .filter_map(|l| self.doc.outline.leaves.binary_search(l).ok())
            .flat_map(|k| self.doc.prints[k].iter().copied())
            .collect();
        f.sort_unstable();
        f.dedup();
        f
    }
}

/// Most leaves of an item read as its content. A list's last item runs to the end of its
/// part, which in a document without headings is the rest of the document: thousands of
/// leaves in a long paste, read again for every list it is compared with. The longest task
/// of the corpus runs over a dozen paragraphs.
const MAX_ITEM_LEAVES: usize = 24;

/// Two weighted feature sets' similarity from what they share and their totals: Dice, for
/// headlines (short, of like length).
fn dice(shared: f32, total_a: f32, total_b: f32) -> f32 {
    2.0 * shared / (total_a + total_b)
}

/// The share of the smaller set found in the larger: for contents, whose lengths differ
/// by up to seven times (one year's task runs over five paragraphs, the next year's over
/// one), so that Dice would mostly measure the difference in length.
fn overlap(shared: f32, total_a: f32, total_b: f32) -> f32 {
    shared / total_a.min(total_b)
}

/// An item's headline: its text after the marker up to the end of its first sentence or
/// clause list (`扩大国内有效需求，推进区域协调发展和新型城镇化`).
fn headline_of(text: &str) -> &str {
    let end = text.find(['。', '；', ';', '\n']).unwrap_or(text.len());
    let line = &text[..end];
    line.find(". ").map_or(line, |k| &line[..k])
}

/// How an item's features are read, for A's items and for B's (a function each, behind a
/// reference: the passes share one copy of the code that reads them). Read on the spot
/// (owned) or lent from features read once for many pairs of lists (borrowed).
type Features<'f> = (&'f dyn Fn(&Priority) -> Cow<'f, [u64]>, &'f dyn Fn(&Priority) -> Cow<'f, [u64]>);

/// Pairs unmatched items of two lists that are each other's best match from `min` on, in
/// order of similarity: `measure` over the rarity-weighted features `features` gives them
/// (the first function for A's items, the second for B's).
fn pair_mutual_best(
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
    (min, measure): (f32, fn(f32, f32, f32) -> f32),
    features: Features<'_>,
) {
    let sims = free_similarities(lists, matched_a, partner_of_b, measure, features);
    // Each item's best similarity, in one pass (not a scan of all pairs per pair).
    let (mut best_a, mut best_b) = (vec![0f32; lists.0.items.len()], vec![0f32; lists.1.items.len()]);
    for &(sim, p, q) in &sims {
        best_a[p] = best_a[p].max(sim);
        best_b[q] = best_b[q].max(sim);
    }
    let mut mutual: Vec<(f32, usize, usize)> =
        sims.iter().copied().filter(|&(sim, p, q)| sim >= min && sim >= best_a[p] && sim >= best_b[q]).collect();
    crate::util::shared_sort::best_first(&mut mutual);
    for (_, p, q) in mutual {
        if !matched_a[p] && partner_of_b[q].is_none() {
            matched_a[p] = true;
            partner_of_b[q] = Some(p);
        }
    }
}

/// Extends the runs of matched items: an unmatched item next to a matched one pairs with the
/// unmatched item on the same side of its partner (the one after it, or before it) when
/// the two are each other's best match among the unmatched items, from `min` on. Tasks
/// move in blocks: the plenum's livelihood and social-governance items, fifth and sixth
/// from the end, became the next plenum's livelihood and security items, in the same
/// order; the second pair shares less than strangers are asked to, but it continues the
/// first.
fn extend_runs(
    lists: (&PriorityList, &PriorityList),
    matched_a: &mut [bool],
    partner_of_b: &mut [Option<usize>],
    min: f32,
    features: Features<'_>,
) {
    let sims = free_similarities(lists, matched_a, partner_of_b, overlap, features);
    let sim_of = |p: usize, q: usize| sims.iter().find(|s| s.1 == p && s.2 == q).map_or(0.0, |s| s.0);
    loop {
        let free = |p: usize, q: usize, matched_a: &[bool], partner_of_b: &[Option<usize>]| {
            p < matched_a.len() && q < partner_of_b.len() && !matched_a[p] && partner_of_b[q].is_none()
        };
        // The best similarity each item still has to an unmatched item.
        let (mut best_a, mut best_b) = (vec![0f32; lists.0.items.len()], vec![0f32; lists.1.items.len()]);
        for &(sim, p, q) in sims.iter().filter(|s| free(s.1, s.2, matched_a, partner_of_b)) {
            best_a[p] = best_a[p].max(sim);
            best_b[q] = best_b[q].max(sim);
        }
        let next = partner_of_b.iter().enumerate().filter_map(|(q, p)| p.map(|p| (p, q))).find_map(|(p, q)| {
            [(p + 1, q + 1), (p.wrapping_sub(1), q.wrapping_sub(1))].into_iter().find(|&(x, y)| {
                free(x, y, matched_a, partner_of_b) && {
                    let sim = sim_of(x, y);
                    sim >= min && sim >= best_a[x] && sim >= best_b[y]
                }
            })
        });
        let Some((p, q)) = next else { break };
        matched_a[p] = true;
        partner_of_b[q] = Some(p);
    }
}

/// The similarities of every unmatched item of A to every unmatched item of B:
/// `(similarity, A item, B item)`, `measure` over the rarity-weighted features
/// `features` gives them. Empty when either side has none or more than
/// [`MAX_CONTENT_ITEMS`].
fn free_similarities(
    (la, lb): (&PriorityList, &PriorityList),
    matched_a: &[bool],
    partner_of_b: &[Option<usize>],
    measure: fn(f32, f32, f32) -> f32,
    features: Features<'_>,
) -> Vec<(f32, usize, usize)> {
    let free_a: Vec<usize> = (0..la.items.len()).filter(|&p| !matched_a[p]).collect();
    let free_b: Vec<usize> = (0..lb.items.len()).filter(|&q| partner_of_b[q].is_none()).collect();
    if free_a.is_empty() || free_b.is_empty() || free_a.len() > MAX_CONTENT_ITEMS || free_b.len() > MAX_CONTENT_ITEMS {
        return Vec::new();
    }
    // Only the unmatched items are read (indexes below are into `free_a` and `free_b`).
    let fa: Vec<Cow<[u64]>> = free_a.iter().map(|&p| features.0(&la.items[p])).collect();
    let fb: Vec<Cow<[u64]>> = free_b.iter().map(|&q| features.1(&lb.items[q])).collect();
    // Rarity among those items: what most of them say counts for nothing (of two or three
    // items left, a word two share is no commonplace). Each item's features get their
    // weights once, in the same order.
    let mut all: Vec<u64> = fa.iter().chain(&fb).flat_map(|f| f.iter()).copied().collect();
    all.sort_unstable();
    let n = (fa.len() + fb.len()) as f32;
    // Each distinct feature with its weight, from the length of its run in `all`.
    let mut weighed: Vec<(u64, f32)> = Vec::new();
    for run in all.chunk_by(|x, y| x == y) {
        let df = run.len() as f32;
        weighed.push((run[0], if n >= 4.0 && df > n / 2.0 { 0.0 } else { (1.0 + n / df).ln() }));
    }
    let weight = |f: &u64| -> f32 { weighed[weighed.partition_point(|(x, _)| x < f)].1 };
    let (wa, wb): (Vec<Vec<f32>>, Vec<Vec<f32>>) = (
        fa.iter().map(|f| f.iter().map(weight).collect()).collect(),
        fb.iter().map(|f| f.iter().map(weight).collect()).collect(),
    );
    let (ta, tb): (Vec<f32>, Vec<f32>) =
        (wa.iter().map(|w| w.iter().sum()).collect(), wb.iter().map(|w| w.iter().sum()).collect());
    let mut sims: Vec<(f32, usize, usize)> = Vec::new();
    for p in 0..fa.len() {
        for q in 0..fb.len() {
            let mut shared = 0.0f32;
            crate::util::sorted::for_each_shared(&fa[p], &fb[q], |i, _| shared += wa[p][i]);
            if ta[p] > 0.0 && tb[q] > 0.0 {
                sims.push((measure(shared, ta[p], tb[q]), free_a[p], free_b[q]));
            }
        }
    }
    sims
}

#[cfg(test)]
mod tests {
    use super::super::lists::find_lists;
    use super::*;
    use crate::text::segment::segment;

    #[test]
    fn items_unlike_in_content_pair_when_their_headlines_share_the_task() {
        // The review lists of two work reports: B's regional item is long and about much
        // else, so only its headline says it continues A's.
        let a = "题\n（一）推动城乡区域协调发展。\n（二）加强生态环境保护。\n（三）着力保障和改善民生。\n";
        let b = "题\n（一）切实保障和改善民生。\n（二）持续加强生态环境保护。\n（三）扩大国内有效需求，推进区域协调发展和新型城镇化。\
            扩大消费，增加投资，稳定外贸，发展服务业，完善收入分配，建设现代流通体系，促进居民消费升级。\n";
        assert_eq!(item_partners(a, b), [Some(2), Some(1), Some(0)]);
    }

    /// Runs the item passes over the first lists of `a` and `b`, with nothing matched
    /// before: B's partner in A for each of B's items.
    fn item_partners(a: &str, b: &str) -> Vec<Option<usize>> {
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        let (la, lb) = (find_lists(a, &pa.outline), find_lists(b, &pb.outline));
        let (mut matched_a, mut partner_of_b) = (vec![false; la[0].items.len()], vec![None; lb[0].items.len()]);
        match_unlinked_items((a, b), (&pa, &pb), (&la[0], &lb[0]), &mut matched_a, &mut partner_of_b);
        partner_of_b
    }

    #[test]
    fn a_short_item_pairs_with_the_long_item_it_condenses() {
        // A's innovation task runs over seven paragraphs; B keeps a few of its phrases in one
        // short item under a new headline. Measured against the long item's length (Dice)
        // they share too little; measured against the short one's, most of it.
        let a = "题\n（一）深入实施创新驱动发展战略。\n强化国家战略科技力量，实施科技体制改革三年攻坚方案。\n\
            加大企业创新激励力度，提高研发费用加计扣除比例。\n推动数字经济发展，建设数字信息基础设施。\n\
            培育壮大战略性新兴产业，促进平台经济健康发展。\n完善人才发展体制机制，弘扬科学家精神。\n\
            深化基础研究，实施基础研究十年规划，加强知识产权保护和运用。\n\
            健全科技成果转化机制，扩大国际科技交流合作，建设开放创新生态。\n\
            （二）持续改善生态环境。\n加强污染治理和生态保护修复，推进大气污染联防联控。\n";
        let b = "题\n（一）推动发展方式绿色转型。\n加强污染治理和生态保护修复，推进大气污染联防联控。\n\
            （二）加快建设现代化产业体系。\n强化国家战略科技力量，推动数字经济发展。\n\
            推进制造业高端化智能化，提升产业链供应链韧性和安全水平。\n";
        assert_eq!(item_partners(a, b), [Some(1), Some(0)]);
    }

    #[test]
    fn headlines_pair_before_content_does() {
        // A's regional item shares its rural words with B's grain item, but its headline
        // continues in B's demand and regional item.
        let a = "题\n（一）推动城乡区域协调发展。全面推进乡村振兴，促进农民增收，巩固拓展脱贫攻坚成果。\n\
            （二）加强生态环境保护。\n";
        let b = "题\n（一）保障国家粮食安全，大力实施乡村振兴战略。促进农民增收，巩固拓展脱贫攻坚成果。\n\
            （二）扩大国内有效需求，推进区域协调发展和新型城镇化。扩大消费，增加投资。\n\
            （三）持续加强生态环境保护。\n";
        assert_eq!(item_partners(a, b), [None, Some(0), Some(1)]);
    }

    #[test]
    fn the_items_after_a_matched_pair_continue_its_run_on_less_evidence() {
        let text = "题\n（一）甲。\n（二）乙。\n（三）丙。\n";
        let list = find_lists(text, &segment(text)).remove(0);
        // A's second item and B's third share two features of sixteen: too little for
        // strangers, enough for the items after a matched pair (A's first, B's second).
        let own = |from: u64, n: u64| (from..from + n).collect::<Vec<u64>>();
        let features_a = [own(100, 5), [vec![1, 2], own(200, 12)].concat(), own(300, 12)];
        let features_b = [own(400, 12), own(500, 5), [vec![1, 2], own(600, 14)].concat()];
        let features: Features = (&|item: &Priority| Cow::Borrowed(&features_a[item.rank - 1]), &|item: &Priority| {
            Cow::Borrowed(&features_b[item.rank - 1])
        });
        let (mut matched_a, mut partner_of_b) = (vec![false; 3], vec![None; 3]);
        pair_mutual_best((&list, &list), &mut matched_a, &mut partner_of_b, (ITEM_CONTENT_MIN, overlap), features);
        assert_eq!(partner_of_b, [None, None, None]);
        extend_runs((&list, &list), &mut matched_a, &mut partner_of_b, ITEM_RUN_MIN, features);
        assert_eq!(partner_of_b, [None, None, None], "no run to continue");
        matched_a[0] = true;
        partner_of_b[1] = Some(0);
        extend_runs((&list, &list), &mut matched_a, &mut partner_of_b, ITEM_RUN_MIN, features);
        assert_eq!(partner_of_b, [None, Some(0), Some(1)]);
    }
}

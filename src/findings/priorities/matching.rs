//! Matching two documents' lists: through the rows first, then lists no row links by their
//! items' content.

use super::items::{match_items, match_unlinked_items, ItemFeatures};
use super::lists::find_lists;
use super::{ListMatch, Priority, PriorityComparison, PriorityList, PriorityMatch, DASH_STYLE, LIST_CONTENT_MIN_ITEMS};
use crate::model::prepared::Prepared;
use crate::model::row::{Relation, Row};
use crate::text::segment::Outline;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// (list index, item index).
type ItemRef = (usize, usize);

/// Finds and matches the priority lists of A and B through the comparison's rows.
/// `docs` are the two documents prepared for alignment (their outlines, and the leaves'
/// fingerprints that the content pass reads).
pub fn compare_priorities(texts: (&str, &str), docs: (&Prepared, &Prepared), rows: &[Row]) -> PriorityComparison {
    let outlines = (&docs.0.outline, &docs.1.outline);
    let lists_a = find_lists(texts.0, outlines.0);
    let lists_b = find_lists(texts.1, outlines.1);
    // Which B leaf each A leaf is paired with, and how much text the pair stands for: the
    // row's similarity times the shorter leaf's length. A salutation both speeches repeat
    // ("Colleagues,", "Thank you.") pairs at 1.0 but stands for a few bytes; counted as
    // much as a paragraph, the ones after a speech's last item tied that item to the
    // other speech's last item, whatever the two said. A row out of order (moved) links
    // nothing: it says where one paragraph went, not which task became which. The 2022
    // work report's special-bonds paragraph, in its first task (stabilise the economy),
    // went to the 2023 report's first task (expand demand), whose forerunner is the 2022
    // report's fifth task.
    let length = |outline: &Outline, leaf: usize| outline.get(leaf).body.len() as f32;
    let mut partners: Vec<(usize, usize, f32)> = Vec::new();
    let linking = |r: &&Row| !r.moved && !matches!(r.relation, Relation::Added | Relation::Dropped);
    for row in rows.iter().filter(linking) {
        for &x in &row.a {
            for &y in &row.b {
                let text = length(outlines.0, x).min(length(outlines.1, y)).max(1.0);
                partners.push((x, y, row.similarity.max(0.01) * text));
            }
        }
    }
    // How strongly two priorities are linked: the text of the pairs linking their leaves,
    // summed in one pass over the pairs: ((list A, item), (list B, item)) → weight.
    let item_of = |lists: &[PriorityList]| -> BTreeMap<usize, Vec<ItemRef>> {
        let mut map: BTreeMap<usize, Vec<ItemRef>> = BTreeMap::new();
        for (l, list) in lists.iter().enumerate() {
            for (i, item) in list.items.iter().enumerate() {
                for &leaf in &item.leaves {
                    map.entry(leaf).or_default().push((l, i));
                }
            }
        }
        map
    };
    let (items_a, items_b) = (item_of(&lists_a), item_of(&lists_b));
    let mut weights: BTreeMap<(ItemRef, ItemRef), f32> = BTreeMap::new();
    for (x, y, w) in &partners {
        if let (Some(ia), Some(ib)) = (items_a.get(x), items_b.get(y)) {
            for &pa in ia {
                for &pb in ib {
                    *weights.entry((pa, pb)).or_insert(0.0) += w;
                }
            }
        }
    }
    let link = |la: usize, p: usize, lb: usize, q: usize| weights.get(&((la, p), (lb, q))).copied().unwrap_or(0.0);
    // Pair lists by the number of linked items, best first.
    let mut linked_items: BTreeMap<(usize, usize), std::collections::BTreeSet<usize>> = BTreeMap::new();
    for (pa, pb) in weights.keys() {
        linked_items.entry((pa.0, pb.0)).or_default().insert(pa.1);
    }
    // Numbered and lead-in lists pair among themselves first, dashed ones after: a dashed
    // passage is often a list within a point (a speech's "First, …" point and the dashed
    // proposals under it), so that the numbered points pair with numbered points when
    // both are there.
    let dashed = |x: usize, y: usize| lists_a[x].style == DASH_STYLE || lists_b[y].style == DASH_STYLE;
    // Two lists are one enumeration in two editions when rows link at least half the items
    // of the longer one, or any when both are numbered alike (第一/第二…, （一）（二）…,
    // 全会提出 runs): two different enumerations (a speech's dashed points on the pandemic,
    // the next speech's dashed development principles) share a paragraph or two that the
    // alignment pairs, and their items' ranks mean nothing across. Dashes say only that
    // paragraphs are parallel, not which enumeration they make.
    let same_enumeration = |x: usize, y: usize, linked: usize| {
        let longer = lists_a[x].items.len().max(lists_b[y].items.len());
        let style = &lists_a[x].style;
        (*style == lists_b[y].style && style != DASH_STYLE) || 2 * linked >= longer
    };
    let mut scores: Vec<(bool, usize, usize, usize)> = linked_items
        .iter()
        .filter(|(&(x, y), items)| same_enumeration(x, y, items.len()))
        .map(|(&(x, y), items)| (dashed(x, y), items.len(), x, y))
        .collect();
    crate::util::shared_sort::sort_by(&mut scores, |p, q| {
        p.0.cmp(&q.0).then(q.1.cmp(&p.1)).then(p.2.cmp(&q.2)).then(p.3.cmp(&q.3))
    });
    let (mut used_a, mut used_b) = (vec![false; lists_a.len()], vec![false; lists_b.len()]);
    let mut matches = Vec::new();
    for (_, _, x, y) in scores {
        if used_a[x] || used_b[y] {
            continue;
        }
        used_a[x] = true;
        used_b[y] = true;
        let (la, lb) = (&lists_a[x], &lists_b[y]);
        // Items pair greedily, strongest link first.
        let mut links: Vec<(f32, usize, usize)> = Vec::new();
        for p in 0..la.items.len() {
            for q in 0..lb.items.len() {
                let w = link(x, p, y, q);
                if w > 0.0 {
                    links.push((w, p, q));
                }
            }
        }
        crate::util::shared_sort::best_first(&mut links);
        let mut matched_a = vec![false; la.items.len()];
        let mut partner_of_b: Vec<Option<usize>> = vec![None; lb.items.len()];
        for (_, p, q) in links {
            if !matched_a[p] && partner_of_b[q].is_none() {
                matched_a[p] = true;
                partner_of_b[q] = Some(p);
            }
        }
        match_unlinked_items(texts, docs, (la, lb), &mut matched_a, &mut partner_of_b);
        matches.push(list_match((x, la), (y, lb), &matched_a, &partner_of_b));
    }
    matches.extend(lists_a.iter().enumerate().filter(|(x, _)| !used_a[*x]).map(|(x, l)| list_alone(true, x, l)));
    matches.extend(lists_b.iter().enumerate().filter(|(y, _)| !used_b[*y]).map(|(y, l)| list_alone(false, y, l)));
    PriorityComparison { lists_a, lists_b, matches }
}

/// Pairs the lists that no row links, by their items: each pair of such lists has its
/// items matched as `match_unlinked_items` matches them, and the pairs with the most
/// matched items pair first, from [`LIST_CONTENT_MIN_ITEMS`] and half the longer list on (two items of a four-item list do not make it the six-item list of another speech).
/// The alignment, which keeps order, leaves a regrouped speech's points apart more often
/// than a list's items, read together, do. Called after the alignment has followed the
/// lists that rows link ([`crate::compare::align_with_priorities`]): lists matched by
/// content alone are shown as one list, but they do not move rows (on the annotated pairs,
/// following them loses more true pairs than it finds).
pub fn match_unlinked_lists(comparison: &mut PriorityComparison, texts: (&str, &str), docs: (&Prepared, &Prepared)) {
    let mut used_a = vec![true; comparison.lists_a.len()];
    let mut used_b = vec![true; comparison.lists_b.len()];
    for m in &comparison.matches {
        match (m.list_a, m.list_b) {
            (Some(x), None) => used_a[x] = false,
            (None, Some(y)) => used_b[y] = false,
            _ => {}
        }
    }
    let found =
        match_lists_by_content(texts, docs, (&comparison.lists_a, &comparison.lists_b), (&mut used_a, &mut used_b));
    if found.is_empty() {
        return;
    }
    // The lists now matched leave their one-sided entries; the new matches go after the
    // matches rows made, before the lists still on their own.
    comparison.matches.retain(|m| match (m.list_a, m.list_b) {
        (Some(x), None) => !used_a[x],
        (None, Some(y)) => !used_b[y],
        _ => true,
    });
    let at = comparison.matches.iter().position(|m| m.list_a.is_none() || m.list_b.is_none());
    let at = at.unwrap_or(comparison.matches.len());
    comparison.matches.splice(at..at, found);
}

fn match_lists_by_content(
    texts: (&str, &str),
    docs: (&Prepared, &Prepared),
    (lists_a, lists_b): (&[PriorityList], &[PriorityList]),
    (used_a, used_b): (&mut [bool], &mut [bool]),
) -> Vec<ListMatch> {
    // (matched items, list of A, list of B, A's matched items, B's partners).
    type Found = (usize, usize, usize, Vec<bool>, Vec<Option<usize>>);
    let mut found: Vec<Found> = Vec::new();
    // Lists longer than a priority list is are enumerations of something else (see
    // `MAX_CONTENT_ITEMS`), and matching them item by item is what costs.
    let open = |l: &PriorityList| (2..=super::MAX_CONTENT_ITEMS).contains(&l.items.len());
    // Each item's headline and content, read once for all the pairs of lists it is part of
    // (by list, then by rank); none for lists that take no part.
    let read = |text: &str, doc: &Prepared, lists: &[PriorityList], used: &[bool]| -> Vec<ListFeatures> {
        let reader = ItemFeatures::new(text, doc);
        let of = |l: &PriorityList| l.items.iter().map(|p| (reader.headline(p), reader.content(p))).collect();
        lists.iter().zip(used).map(|(l, &u)| if u || !open(l) { Vec::new() } else { of(l) }).collect()
    };
    let (read_a, read_b) = (read(texts.0, docs.0, lists_a, used_a), read(texts.1, docs.1, lists_b, used_b));
    let open_a: Vec<usize> = (0..lists_a.len()).filter(|&x| !used_a[x] && open(&lists_a[x])).collect();
    let open_b: Vec<usize> = (0..lists_b.len()).filter(|&y| !used_b[y] && open(&lists_b[y])).collect();
    for (x, y) in list_pairs_to_compare((&open_a, &open_b), (&read_a, &read_b)) {
        let (la, lb) = (&lists_a[x], &lists_b[y]);
        let mut matched_a = vec![false; la.items.len()];
        let mut partner_of_b = vec![None; lb.items.len()];
        let (fa, fb) = (&read_a[x], &read_b[y]);
        match_items(
            (la, lb),
            &mut matched_a,
            &mut partner_of_b,
            (&|p: &Priority| Cow::Borrowed(&fa[p.rank - 1].0), &|p: &Priority| Cow::Borrowed(&fb[p.rank - 1].0)),
            (&|p: &Priority| Cow::Borrowed(&fa[p.rank - 1].1), &|p: &Priority| Cow::Borrowed(&fb[p.rank - 1].1)),
        );
        let count = partner_of_b.iter().flatten().count();
        if count >= LIST_CONTENT_MIN_ITEMS && 2 * count >= la.items.len().max(lb.items.len()) {
            found.push((count, x, y, matched_a, partner_of_b));
        }
    }
    crate::util::shared_sort::sort_by(&mut found, |p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let mut out = Vec::new();
    for (_, x, y, matched_a, partner_of_b) in found {
        if used_a[x] || used_b[y] {
            continue;
        }
        used_a[x] = true;
        used_b[y] = true;
        out.push(list_match((x, &lists_a[x]), (y, &lists_b[y]), &matched_a, &partner_of_b));
    }
    out
}

/// Each item of a list: its headline's features and its content's.
type ListFeatures = Vec<(Vec<u64>, Vec<u64>)>;

/// The pairs of unmatched lists (`open`, with their items' headline and content features
/// `read`) whose items are worth matching: every pair, unless there are more than
/// [`MAX_LIST_PAIRS`]; then each list's [`LIST_CANDIDATES`] likeliest partners by the Dice
/// of all their items' features. Documents of many repeated lists (a long report pasted
/// twice, two unrelated 1 MB texts) would otherwise match every list with every other,
/// item by item: a second and more where the alignment itself takes a fifth of that.
fn list_pairs_to_compare(
    (open_a, open_b): (&[usize], &[usize]),
    (read_a, read_b): (&[ListFeatures], &[ListFeatures]),
) -> Vec<(usize, usize)> {
    if open_a.len() * open_b.len() <= MAX_LIST_PAIRS {
        return open_a.iter().flat_map(|&x| open_b.iter().map(move |&y| (x, y))).collect();
    }
    let features = |items: &[(Vec<u64>, Vec<u64>)]| -> Vec<u64> {
        let mut all: Vec<u64> = items.iter().flat_map(|(h, c)| h.iter().chain(c)).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let fa: Vec<Vec<u64>> = open_a.iter().map(|&x| features(&read_a[x])).collect();
    let fb: Vec<Vec<u64>> = open_b.iter().map(|&y| features(&read_b[y])).collect();
    // The Dice of every pair of lists, from what they share counted through an index of B's
    // features (which lists hold each): the cost follows the features the lists share, not
    // the product of the lists and their lengths, which a merge walk per pair pays.
    let mut holders: rustc_hash::FxHashMap<u64, Vec<u32>> = rustc_hash::FxHashMap::default();
    for (j, b) in fb.iter().enumerate() {
        for &f in b {
            holders.entry(f).or_default().push(j as u32);
        }
    }
    let mut likeness = vec![0f32; open_a.len() * open_b.len()];
    let mut shared = vec![0u32; open_b.len()];
    for (i, a) in fa.iter().enumerate() {
        shared.iter_mut().for_each(|n| *n = 0);
        for list in a.iter().filter_map(|f| holders.get(f)) {
            list.iter().for_each(|&j| shared[j as usize] += 1);
        }
        for (j, b) in fb.iter().enumerate() {
            let total = a.len() + b.len();
            likeness[i * open_b.len() + j] = if total == 0 { 0.0 } else { 2.0 * shared[j] as f32 / total as f32 };
        }
    }
    // The LIST_CANDIDATES likeliest of `n` partners by `score`, best first, none at 0.
    let best = |n: usize, score: &dyn Fn(usize) -> f32| -> Vec<usize> {
        let mut top: Vec<(f32, usize)> = Vec::with_capacity(LIST_CANDIDATES + 1);
        for k in 0..n {
            let s = score(k);
            if s > 0.0 && (top.len() < LIST_CANDIDATES || s > top[top.len() - 1].0) {
                let at = top.iter().position(|t| s > t.0).unwrap_or(top.len());
                top.insert(at, (s, k));
                top.truncate(LIST_CANDIDATES);
            }
        }
        top.into_iter().map(|t| t.1).collect()
    };
    let (na, nb) = (open_a.len(), open_b.len());
    let mut chosen = vec![false; na * nb];
    for i in 0..na {
        best(nb, &|j| likeness[i * nb + j]).into_iter().for_each(|j| chosen[i * nb + j] = true);
    }
    for j in 0..nb {
        best(na, &|i| likeness[i * nb + j]).into_iter().for_each(|i| chosen[i * nb + j] = true);
    }
    (0..na * nb).filter(|&k| chosen[k]).map(|k| (open_a[k / nb], open_b[k % nb])).collect()
}

/// Most pairs of unmatched lists whose items are all matched with each other; past it, only
/// each list's likeliest partners are (see [`list_pairs_to_compare`]). Real documents stay
/// far under it: on the 21 annotated pairs at most 1 × 8 lists are left to match by content.
const MAX_LIST_PAIRS: usize = 400;

/// How many likeliest partners of each list are matched item by item when there are more
/// than [`MAX_LIST_PAIRS`] pairs.
const LIST_CANDIDATES: usize = 2;

/// Two matched lists' item matches: B's items in order, each with its partner in A, then
/// A's items left unmatched.
fn list_match(
    (x, la): (usize, &PriorityList),
    (y, lb): (usize, &PriorityList),
    matched_a: &[bool],
    partner_of_b: &[Option<usize>],
) -> ListMatch {
    let mut items: Vec<PriorityMatch> =
        lb.items.iter().zip(partner_of_b).map(|(pb, pa)| item_match(pa.map(|k| &la.items[k]), Some(pb))).collect();
    items.extend(la.items.iter().zip(matched_a).filter(|(_, m)| !**m).map(|(pa, _)| item_match(Some(pa), None)));
    ListMatch { list_a: Some(x), list_b: Some(y), items }
}

/// A list that only document A (`in_a`) or only B has, its items unmatched.
fn list_alone(in_a: bool, k: usize, list: &PriorityList) -> ListMatch {
    let item = |p: &Priority| if in_a { item_match(Some(p), None) } else { item_match(None, Some(p)) };
    ListMatch { list_a: in_a.then_some(k), list_b: (!in_a).then_some(k), items: list.items.iter().map(item).collect() }
}

fn item_match(a: Option<&Priority>, b: Option<&Priority>) -> PriorityMatch {
    PriorityMatch {
        rank_a: a.map(|p| p.rank),
        rank_b: b.map(|p| p.rank),
        label_a: a.map(|p| p.label.clone()),
        label_b: b.map(|p| p.label.clone()),
        section_a: a.map(|p| p.section),
        section_b: b.map(|p| p.section),
        rank_change: a.zip(b).map(|(a, b)| a.rank as i64 - b.rank as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dashed_list_pairs_with_the_numbered_list_whose_points_it_keeps() {
        // B regroups A's points under dashes and in another order, with a new opening
        // paragraph: the rows alone need not link the two lists, their items do.
        let a = "Speech\nFirst, we need to uphold multilateralism and reject unilateralism and hegemony.\n\
            Second, we need to pursue green development, protect biodiversity and cut carbon emissions.\n\
            Third, we need to support open trade, resilient supply chains and the WTO.\n";
        let b = "Speech\nA new opening on the pandemic and vaccines for all.\n\
            — We need to champion green development, protect biodiversity and cut carbon emissions.\n\
            — We need to practice true multilateralism and reject unilateralism and hegemony.\n\
            — We need to keep supply chains resilient and trade open under the WTO.\n";
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        let mut comparison = compare_priorities((a, b), (&pa, &pb), &[]);
        match_unlinked_lists(&mut comparison, (a, b), (&pa, &pb));
        assert_eq!(comparison.matches.len(), 1, "{:#?}", comparison.matches);
        let ranks: Vec<(Option<usize>, Option<usize>)> =
            comparison.matches[0].items.iter().map(|m| (m.rank_a, m.rank_b)).collect();
        assert_eq!(ranks, [(Some(2), Some(1)), (Some(1), Some(2)), (Some(3), Some(3))]);
    }

    #[test]
    fn lists_that_share_one_chance_item_stay_apart() {
        let a = "Speech\nFirst, we need to uphold multilateralism and reject hegemony.\n\
            Second, we need to build roads.\nThird, we need to plant trees.\n";
        let b = "Speech\n— We need to uphold multilateralism and reject hegemony.\n\
            — Ports will be dredged.\n— Rivers will be cleaned.\n— Schools will open.\n";
        let (pa, pb) = (crate::compare::prepare(a), crate::compare::prepare(b));
        let mut comparison = compare_priorities((a, b), (&pa, &pb), &[]);
        match_unlinked_lists(&mut comparison, (a, b), (&pa, &pb));
        assert!(
            comparison.matches.iter().all(|m| m.list_a.is_none() || m.list_b.is_none()),
            "{:#?}",
            comparison.matches
        );
    }

    #[test]
    fn two_dashed_enumerations_that_share_two_paragraphs_are_not_one_list() {
        // A's dashed points on the pandemic and B's dashed development principles: the
        // alignment pairs two paragraphs across them, but ranks across the two mean nothing.
        let a = "Speech\n— Facing the virus, we should put people and their lives first.\n\
            — Facing the virus, we should enhance solidarity between nations.\n\
            — Facing the virus, we should restore growth, keep supply chains stable and support small firms with tax relief and credit lines.\n\
            — Facing the virus, we should help developing countries with debt relief, development aid and the 2030 Agenda.\n";
        let b = "Speech\n— Staying committed to restoring growth, keeping supply chains stable and supporting small firms with tax relief and credit lines.\n\
            — Staying committed to a people-centred approach in all we do.\n\
            — Staying committed to helping developing countries with debt relief, development aid and the 2030 Agenda.\n\
            — Staying committed to innovation-driven development.\n\
            — Staying committed to harmony between man and nature.\n\
            — Staying committed to results-oriented actions.\n";
        let c = crate::compare::compare(a, b, crate::Granularity::default());
        let linked = c.rows.iter().filter(|r| !r.a.is_empty() && !r.b.is_empty() && r.a[0] > 0).count();
        assert!(linked >= 2, "the alignment pairs the shared paragraphs: {:#?}", c.rows);
        assert!(
            c.priorities.matches.iter().all(|m| m.list_a.is_none() || m.list_b.is_none()),
            "{:#?}",
            c.priorities.matches
        );
    }

    #[test]
    fn salutations_after_the_last_items_do_not_tie_them_together() {
        // Each speech's last item runs to its end, over the salutations both repeat. A's
        // second item continues in B's second, not in B's third, which only shares them.
        let a = "Title\nFirst, we need to step up health cooperation and build a community of health.\n\
            Second, we need to nourish people-to-people amity, cultural exchanges and mutual learning among our peoples.\n\
            Colleagues,\nThank you.\n";
        let b = "Title\nFirst, we need to enhance solidarity and health cooperation against the pandemic.\n\
            Second, we need to boost interactions and mutual learning, cultural exchanges and amity among our peoples.\n\
            Third, we need to uphold equity and justice in international affairs.\n\
            Colleagues,\nThank you.\n";
        let c = crate::compare(a, b, crate::Granularity::default());
        let ranks: Vec<(usize, usize)> =
            c.priorities.matches.iter().flat_map(|m| &m.items).filter_map(|i| Some((i.rank_a?, i.rank_b?))).collect();
        assert!(ranks.contains(&(2, 2)), "{ranks:?}");
        assert!(!ranks.contains(&(2, 3)), "{ranks:?}");
    }

    #[test]
    fn many_unmatched_lists_are_compared_only_with_their_likeliest_partners() {
        // 30 lists a side: 900 pairs, more than are matched item by item. List k of A
        // shares its items' words with list k of B only.
        let lists = |side: u64| -> Vec<ListFeatures> {
            (0..30u64).map(|k| vec![(vec![k * 10], vec![k * 10 + 1, 1_000 + side]); 3]).collect()
        };
        let (read_a, read_b) = (lists(0), lists(1));
        let open: Vec<usize> = (0..30).collect();
        let pairs = list_pairs_to_compare((&open, &open), (&read_a, &read_b));
        assert!((0..30).all(|k| pairs.contains(&(k, k))), "every true partner is compared");
        assert!(pairs.len() <= 2 * 30 * LIST_CANDIDATES, "{} pairs", pairs.len());
        // Few lists: every pair, as before.
        let few: Vec<usize> = (0..5).collect();
        assert_eq!(list_pairs_to_compare((&few, &few), (&read_a, &read_b)).len(), 25);
    }
}

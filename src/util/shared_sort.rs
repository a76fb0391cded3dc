//! Sorts that share compiled copies of the standard library's sorts.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site with
//! its own closure compiles a fresh copy of the standard library's stable sort (driftsort,
//! about 4 KB of wasm each). The page had 33 of them: close to a tenth of its code. These
//! functions instead sort a permutation of `u32` indices with one shared, non-generic
//! sort that calls the comparator through a `dyn` reference, then move the elements into
//! place along the permutation's cycles. Each call site then costs a few hundred bytes.
//!
//! The order is exactly that of `sort_by`: stable, elements that compare equal keep their
//! relative order. The price is an index vector and an indirect call per comparison, which
//! is noise for short lists (rows, formulations, lists of priorities).
//!
//! Candidate lists, long and sorted often, go through [`best_first`] instead: one unstable
//! sort of `(similarity, i, j)` triples, whose order is total (pairs are unique), so the
//! result is as deterministic as a stable sort. Sorts of plain numbers keep `sort_unstable`,
//! but only on the few element types the page already sorts (`u64`, `usize`, `(usize,
//! usize)`): each further type is another copy of about 5 KB. So characters and pairs of
//! characters are sorted as their `u64` codes, spans as `(start, end)` pairs.
//!
//! Collecting into a `BTreeSet` or `BTreeMap` sorts the collected items with the standard
//! stable sort, one copy per item type: such sets and maps are filled by insertion
//! instead, and small sets are not built at all where a pairwise check does. Together with the
//! chain of `align::weights` and [`best_first_candidates`] going through the shared sorts,
//! these took six copies of the stable sort and five of the unstable one out of the page
//! (-12.0 KB gzipped): the page now holds one stable sort and four unstable ones.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    {
        let view: &[T] = items;
        sort_indices(&mut order, &mut |i, j| compare(&view[i as usize], &view[j as usize]));
    }
    permute(items, &mut order);
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |x, y| key(x).cmp(&key(y)));
}

/// Sorts candidate pairs `(similarity, i, j)` best first: higher similarity first, then by
/// `i`, then by `j`. Sentence pairs, formulation pairs and priority links all share this copy.
pub fn best_first(pairs: &mut [(f32, usize, usize)]) {
    pairs.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
}

/// [`best_first`] for candidates laid out as `(i, j, similarity)`, as the alignment keeps them:
/// rearranged into [`best_first`]'s layout and back, which costs less than the 5 KB of a
/// second copy of the sort.
pub fn best_first_candidates(pairs: &mut [(usize, usize, f32)]) {
    let mut laid_out: Vec<(f32, usize, usize)> = pairs.iter().map(|&(i, j, s)| (s, i, j)).collect();
    best_first(&mut laid_out);
    for (pair, (s, i, j)) in pairs.iter_mut().zip(laid_out) {
        *pair = (i, j, s);
    }
}

/// The one compiled copy of the standard stable sort: indices, compared through `compare`.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one sanctioned use
fn sort_indices(order: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|&i, &j| compare(i, j));
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`, by walking each
/// cycle of the permutation once with swaps. `order` is used up (overwritten as visited).
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for start in 0..items.len() {
        if order[start] == DONE {
            continue;
        }
        // Position `at` holds the element that started the cycle; it moves along the cycle
        // while each position receives the element it asked for.
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        let mut mine = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut mine, |p| p.0);
        assert_eq!(mine, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut none: Vec<String> = Vec::new();
        sort_by(&mut none, |x, y| x.cmp(y));
        assert!(none.is_empty());
        let mut one = vec![String::from("x")];
        sort_by(&mut one, |x, y| x.cmp(y));
        assert_eq!(one, vec!["x"]);
    }

    #[test]
    fn moves_owned_values_without_losing_or_copying_any() {
        let mut words: Vec<String> =
            ["pear", "fig", "apple", "kiwi", "date", "plum"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut words, |x, y| x.len().cmp(&y.len()).then(x.cmp(y)));
        assert_eq!(words, vec!["fig", "date", "kiwi", "pear", "plum", "apple"]);
    }

    #[test]
    fn best_first_puts_the_most_similar_first_and_breaks_ties_by_position() {
        let mut pairs = vec![(0.5, 2, 1), (0.9, 3, 3), (0.5, 1, 4), (0.5, 1, 2)];
        best_first(&mut pairs);
        assert_eq!(pairs, vec![(0.9, 3, 3), (0.5, 1, 2), (0.5, 1, 4), (0.5, 2, 1)]);
    }

    /// proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    mod arbitrary_lists {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            #[allow(clippy::disallowed_methods)] // the reference it is checked against
            fn agrees_with_slice_sort_by_on_any_list(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
                let mut expected = items.clone();
                expected.sort_by_key(|x| x.0);
                let mut got = items;
                sort_by(&mut got, |x, y| x.0.cmp(&y.0));
                prop_assert_eq!(got, expected);
            }
        }
    }
}

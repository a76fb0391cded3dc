//! Sorted, de-duplicated slices as sets: the one merge walk that fingerprints, bigram sets
//! and item features all use to find what two sets share (no hash set per comparison).

use std::cmp::Ordering;

/// Calls `shared(i, j)` for every element that `x[i]` and `y[j]` have in common, in order.
/// Both slices must be sorted ascending without repeats. Linear in `x.len() + y.len()`.
pub fn for_each_shared<T: Ord>(x: &[T], y: &[T], mut shared: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared(i, j);
                i += 1;
                j += 1;
            }
        }
    }
}

/// How many elements two sorted sets share.
pub fn shared_count<T: Ord>(x: &[T], y: &[T]) -> usize {
    let mut n = 0;
    for_each_shared(x, y, |_, _| n += 1);
    n
}

/// Dice similarity of two sorted sets: twice what they share over their sizes (0 for two
/// empty sets).
pub fn dice<T: Ord>(x: &[T], y: &[T]) -> f32 {
    let total = x.len() + y.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * shared_count(x, y) as f32 / total as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_elements_are_found_in_one_walk() {
        let mut seen = Vec::new();
        for_each_shared(&[1, 3, 5, 7], &[3, 4, 7, 9], |i, j| seen.push((i, j)));
        assert_eq!(seen, [(1, 0), (3, 2)]);
        assert_eq!(shared_count(&[1, 2], &[3]), 0);
        assert_eq!(dice(&[1, 2], &[2, 3]), 0.5);
        assert_eq!(dice::<u8>(&[], &[]), 0.0);
    }
}

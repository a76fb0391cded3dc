//! Sentence classes: what happened to each sentence of an aligned row.
//!
//! The word diff says which words changed; analysts also ask which sentences are new, which
//! vanished and which only moved. Within each row, sentences are paired:
//!
//! 1. equal sentences (compared folded, ignoring spaces and punctuation) in order are
//!    **kept**; equal sentences out of order are **moved**;
//! 2. the remaining sentences pair by similarity (character-bigram Dice of at least
//!    [`REWORDED_MIN`], best pairs first): **reworded** in order, **moved** (and reworded)
//!    out of order;
//! 3. the rest are **added** (only in B) or **dropped** (only in A).
//!
//! Then across rows: a dropped sentence equal to an added sentence of another row moved
//! there, and both become **moved**, each with the other's place as its partner (not in
//! routine rows: a salutation added here and dropped there did not move).
//!
//! Rows with more than [`MAX_SENTENCE_PAIRS`] pairs of unpaired sentences skip step 2 (their
//! leftovers stay added and dropped), and rows of more than [`MAX_ORDERED_SENTENCES`]
//! sentences a side pair equal sentences by key without looking at their order: the cost
//! stays near linear in the text for any input.

use crate::model::row::{Relation, Row};
pub use crate::model::row::{SentenceClass, SentenceMark};
use crate::text::normalize::{fold_char, is_han};
use crate::text::segment::Outline;
use crate::text::sentences::sentences;
use crate::util::sorted::dice;
use crate::util::span::Span;

/// Below this similarity two sentences are not the same sentence reworded.
pub const REWORDED_MIN: f32 = 0.5;
/// Most pairs of leftover sentences one row compares by similarity.
pub const MAX_SENTENCE_PAIRS: usize = 4_096;
/// Rows with at most this many pairs of leftover sentences compare them all; longer rows
/// compare only leftovers between the same two kept sentences.
pub const MAX_WHOLE_ROW_PAIRS: usize = 256;
/// Most sentences a side for the in-order pass (a Myers diff of sentence keys); past this,
/// equal sentences pair by key alone and count as kept.
pub const MAX_ORDERED_SENTENCES: usize = 3_000;

/// What happened to the sentences of one row, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceCounts {
    /// Sentences of A kept in place.
    pub kept: usize,
    /// Sentences of A reworded in place.
    pub reworded: usize,
    /// Sentences only in B.
    pub added: usize,
    /// Sentences only in A.
    pub dropped: usize,
    /// Sentences of A that moved within the row.
    pub moved_within: usize,
    /// Sentences of A that moved to another row: where each went (its place in B).
    pub moved_out: Vec<Span>,
    /// Sentences of B that came from another row: where each was (its place in A).
    pub moved_in: Vec<Span>,
}

impl SentenceCounts {
    /// True when every sentence is kept in place.
    pub fn all_kept(&self) -> bool {
        self.reworded + self.added + self.dropped + self.moved_within == 0
            && self.moved_out.is_empty()
            && self.moved_in.is_empty()
    }
}

/// Counts the marks of one row's sides (as in [`crate::compare::Row::sentences_a`] and
/// `sentences_b`).
pub fn counts(a: &[SentenceMark], b: &[SentenceMark]) -> SentenceCounts {
    let within =
        |partner: Option<Span>, other: &[SentenceMark]| partner.is_some_and(|p| other.iter().any(|m| m.span == p));
    let mut out = SentenceCounts::default();
    for m in a {
        match m.class {
            SentenceClass::Kept => out.kept += 1,
            SentenceClass::Reworded => out.reworded += 1,
            SentenceClass::Dropped => out.dropped += 1,
            SentenceClass::Moved if within(m.partner, b) => out.moved_within += 1,
            SentenceClass::Moved => out.moved_out.extend(m.partner),
            SentenceClass::Added => {}
        }
    }
    for m in b {
        match m.class {
            SentenceClass::Added => out.added += 1,
            SentenceClass::Moved if !within(m.partner, a) => out.moved_in.extend(m.partner),
            _ => {}
        }
    }
    out
}

/// The folded content of a sentence: letters, digits and Han characters only, lower case.
fn key_chars(text: &str, span: Span) -> impl Iterator<Item = char> + '_ {
    // ASCII and Han first: most characters are one or the other, and neither needs the
    // Unicode tables.
    span.of(text).chars().map(fold_char).flat_map(|c| {
        let (one, more) = if c.is_ascii() {
            (c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase()), None)
        } else if is_han(c) {
            (Some(c), None)
        } else if c.is_alphanumeric() {
            (None, Some(c.to_lowercase()))
        } else {
            (None, None)
        };
        one.into_iter().chain(more.into_iter().flatten())
    })
}

/// A sentence's key as a 64-bit hash (FNV-1a over its characters) and its length in
/// characters: equal keys, equal hashes; no string is built.
fn key(text: &str, span: Span) -> (u64, usize) {
    key_chars(text, span)
        .fold((0xcbf2_9ce4_8422_2325, 0), |(h, n), c| ((h ^ c as u64).wrapping_mul(0x100_0000_01b3), n + 1))
}

/// The distinct character bigrams of a key, each packed in a number, sorted.
fn bigrams(text: &str, span: Span) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::with_capacity(span.len() / 2);
    let mut previous: Option<char> = None;
    for c in key_chars(text, span) {
        if let Some(p) = previous.replace(c) {
            out.push((p as u64) << 32 | c as u64);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The span from the first to the last leaf's body of a row's side.
fn side_span(o: &Outline, leaves: &[usize]) -> Option<Span> {
    Some(Span::new(o.get(*leaves.first()?).body.start, o.get(*leaves.last()?).body.end))
}

/// One side's sentences with their keys.
struct Side {
    spans: Vec<Span>,
    /// Folded content of each sentence (filled only for rows that changed).
    keys: Vec<(u64, usize)>,
    marks: Vec<Option<(SentenceClass, usize)>>,
}

impl Side {
    fn new(text: &str, span: Option<Span>) -> Side {
        let spans: Vec<Span> = span
            .map(|s| sentences(text, s))
            .unwrap_or_default()
            .into_iter()
            .filter(|s| !s.of(text).trim().is_empty())
            .collect();
        let marks = vec![None; spans.len()];
        Side { spans, keys: Vec::new(), marks }
    }
}

/// Classes of the sentences of one row, side A then side B.
fn classify_row(texts: (&str, &str), a: &mut Side, b: &mut Side) {
    // 1. Equal keys: the longest in-order run of equal sentences is kept; other equal
    //    sentences are moved.
    // Each distinct key gets a small number: its place among the sorted distinct hashes.
    let (ha, hb): (Vec<u64>, Vec<u64>) = (a.keys.iter().map(|k| k.0).collect(), b.keys.iter().map(|k| k.0).collect());
    let mut distinct: Vec<u64> = ha.iter().chain(&hb).copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let id = |h: &u64| distinct.binary_search(h).unwrap_or(0) as u32;
    let (ka, kb): (Vec<u32>, Vec<u32>) = (ha.iter().map(id).collect(), hb.iter().map(id).collect());
    let ordered = ka.len() <= MAX_ORDERED_SENTENCES && kb.len() <= MAX_ORDERED_SENTENCES;
    let ops = if ordered { crate::diff::myers_ops(&ka, &kb) } else { Vec::new() };
    for op in ops {
        if let similar::DiffOp::Equal { old_index, new_index, len } = op {
            for k in 0..len {
                a.marks[old_index + k] = Some((SentenceClass::Kept, new_index + k));
                b.marks[new_index + k] = Some((SentenceClass::Kept, old_index + k));
            }
        }
    }
    // Unpaired sentences of B by key, each key's in text order; the first free one of a key
    // goes to the next sentence of A with that key.
    // (Key and place packed in one number: sorting plain numbers adds no code to the wasm.)
    let mut free_b: Vec<u64> = (0..kb.len())
        .filter(|&j| b.marks[j].is_none() && b.keys[j].1 > 0)
        .map(|j| (kb[j] as u64) << 32 | j as u64)
        .collect();
    free_b.sort_unstable();
    let mut taken = vec![false; free_b.len()];
    for (i, &k) in ka.iter().enumerate() {
        if a.marks[i].is_some() || a.keys[i].1 == 0 {
            continue;
        }
        let from = free_b.partition_point(|&x| x >> 32 < k as u64);
        let Some(slot) = (from..free_b.len()).take_while(|&s| free_b[s] >> 32 == k as u64).find(|&s| !taken[s]) else {
            continue;
        };
        taken[slot] = true;
        let j = (free_b[slot] & 0xffff_ffff) as usize;
        let class = if ordered { SentenceClass::Moved } else { SentenceClass::Kept };
        a.marks[i] = Some((class, j));
        b.marks[j] = Some((class, i));
    }
    // 2. Similar sentences, best pairs first. In a long row only sentences between the same
    //    two kept sentences are compared (a reworded sentence usually stays in place), which
    //    keeps the work near linear; a short row compares all its leftovers.
    let left_a: Vec<usize> = (0..ka.len()).filter(|&i| a.marks[i].is_none()).collect();
    let left_b: Vec<usize> = (0..kb.len()).filter(|&j| b.marks[j].is_none()).collect();
    if left_a.is_empty() || left_b.is_empty() {
        return;
    }
    let gaps = |side: &Side| -> Vec<usize> {
        let mut kept = 0;
        side.marks
            .iter()
            .map(|m| {
                kept += usize::from(m.is_some_and(|m| m.0 == SentenceClass::Kept));
                kept
            })
            .collect()
    };
    let whole_row = left_a.len() * left_b.len() <= MAX_WHOLE_ROW_PAIRS;
    let (gap_a, gap_b) = (gaps(a), gaps(b));
    let comparable = |i: usize, j: usize| whole_row || gap_a[i] == gap_b[j];
    let candidates = left_a.iter().map(|&i| left_b.iter().filter(|&&j| comparable(i, j)).count()).sum::<usize>();
    if candidates > MAX_SENTENCE_PAIRS {
        return;
    }
    let grams_a: Vec<_> = left_a.iter().map(|&i| bigrams(texts.0, a.spans[i])).collect();
    let grams_b: Vec<_> = left_b.iter().map(|&j| bigrams(texts.1, b.spans[j])).collect();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (x, ga) in grams_a.iter().enumerate() {
        for (y, gb) in grams_b.iter().enumerate() {
            if !comparable(left_a[x], left_b[y]) {
                continue;
            }
            let sim = dice(ga, gb);
            if sim >= REWORDED_MIN {
                pairs.push((sim, left_a[x], left_b[y]));
            }
        }
    }
    // Hot (every row): unstable, with a total order ((i, j) is unique).
    crate::util::shared_sort::best_first(&mut pairs);
    for (_, i, j) in pairs {
        if a.marks[i].is_none() && b.marks[j].is_none() {
            a.marks[i] = Some((SentenceClass::Reworded, j));
            b.marks[j] = Some((SentenceClass::Reworded, i));
        }
    }
    // A reworded pair out of order with the kept and reworded pairs around it moved.
    let paired: Vec<(usize, usize)> = a
        .marks
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.filter(|m| m.0 != SentenceClass::Moved).map(|m| (i, m.1)))
        .collect();
    for w in 0..paired.len() {
        let (i, j) = paired[w];
        let before_ok = paired[..w].iter().all(|&(_, jj)| jj < j);
        let after_ok = paired[w + 1..].iter().all(|&(_, jj)| jj > j);
        if !(before_ok && after_ok) && a.marks[i].is_some_and(|m| m.0 == SentenceClass::Reworded) {
            a.marks[i] = Some((SentenceClass::Moved, j));
            b.marks[j] = Some((SentenceClass::Moved, i));
        }
    }
}

/// The sentence marks of every row: `(side A, side B)` per row, in row order.
pub fn sentence_marks(
    texts: (&str, &str),
    outlines: (&Outline, &Outline),
    rows: &[Row],
) -> Vec<(Vec<SentenceMark>, Vec<SentenceMark>)> {
    let sides: Vec<(Side, Side)> = rows
        .iter()
        .map(|row| {
            let mut a = Side::new(texts.0, side_span(outlines.0, &row.a));
            let mut b = Side::new(texts.1, side_span(outlines.1, &row.b));
            if row.relation == Relation::Same && a.spans.len() == b.spans.len() {
                // Identical sides: every sentence kept, no keys needed.
                for k in 0..a.spans.len() {
                    a.marks[k] = Some((SentenceClass::Kept, k));
                    b.marks[k] = Some((SentenceClass::Kept, k));
                }
            } else {
                a.keys = a.spans.iter().map(|&s| key(texts.0, s)).collect();
                b.keys = b.spans.iter().map(|&s| key(texts.1, s)).collect();
                classify_row(texts, &mut a, &mut b);
            }
            (a, b)
        })
        .collect();
    let mut out: Vec<(Vec<SentenceMark>, Vec<SentenceMark>)> = sides
        .iter()
        .map(|(a, b)| {
            let marks = |side: &Side, other: &Side, unpaired: SentenceClass| -> Vec<SentenceMark> {
                side.spans
                    .iter()
                    .zip(&side.marks)
                    .map(|(&span, m)| match m {
                        Some((class, k)) => SentenceMark { span, class: *class, partner: Some(other.spans[*k]) },
                        None => SentenceMark { span, class: unpaired, partner: None },
                    })
                    .collect()
            };
            (marks(a, b, SentenceClass::Dropped), marks(b, a, SentenceClass::Added))
        })
        .collect();
    // 3. Across rows: a dropped sentence equal to an added one elsewhere moved there.
    // Added sentences, (row, place) in text order, and their key hashes' upper half packed
    // with their index in that list, sorted: a 32-bit clash only costs a key comparison.
    let mut places: Vec<(usize, usize)> = Vec::new();
    let mut added: Vec<u64> = Vec::new();
    // A routine row (an added or dropped salutation) moves nothing: its copies are alike.
    let routine = |r: usize| rows[r].significance == Some(crate::diff::significance::Significance::Routine);
    for (r, (_, b)) in out.iter().enumerate().filter(|&(r, _)| !routine(r)) {
        for (k, _) in b.iter().enumerate().filter(|(_, m)| m.class == SentenceClass::Added) {
            let (hash, size) = sides[r].1.keys[k];
            if size >= 4 {
                added.push(hash >> 32 << 32 | places.len() as u64);
                places.push((r, k));
            }
        }
    }
    added.sort_unstable();
    let mut taken = vec![false; added.len()];
    for r in (0..out.len()).filter(|&r| !routine(r)) {
        for k in 0..out[r].0.len() {
            if out[r].0[k].class != SentenceClass::Dropped {
                continue;
            }
            let key = sides[r].0.keys[k];
            let h = key.0 >> 32;
            let place = |s: usize| places[(added[s] & 0xffff_ffff) as usize];
            let from = added.partition_point(|&x| x >> 32 < h);
            let slot = (from..added.len()).take_while(|&s| added[s] >> 32 == h).find(|&s| {
                let (rb, kb) = place(s);
                !taken[s] && sides[rb].1.keys[kb] == key
            });
            if let Some(slot) = slot {
                taken[slot] = true;
                let (rb, kb) = place(slot);
                let (span_a, span_b) = (out[r].0[k].span, out[rb].1[kb].span);
                out[r].0[k] = SentenceMark { span: span_a, class: SentenceClass::Moved, partner: Some(span_b) };
                out[rb].1[kb] = SentenceMark { span: span_b, class: SentenceClass::Moved, partner: Some(span_a) };
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::diff::Granularity;
    use SentenceClass::*;

    /// The classes of the first changed row's sentences, side A then side B.
    fn classes(a: &str, b: &str) -> (Vec<SentenceClass>, Vec<SentenceClass>) {
        let c = compare(a, b, Granularity::default());
        let marks = sentence_marks((a, b), (&c.outline_a, &c.outline_b), &c.rows);
        let (ma, mb) = marks.into_iter().zip(&c.rows).find(|(_, r)| r.is_change()).expect("a changed row").0;
        (ma.iter().map(|m| m.class).collect(), mb.iter().map(|m| m.class).collect())
    }

    #[test]
    fn kept_reworded_added_and_dropped_sentences() {
        let a = "T\n全会认为，形势总体很好。全会强调，必须坚持稳中求进工作总基调。全会要求加强党的领导。\n";
        let b = "T\n全会认为，形势总体很好。全会强调，必须始终坚持稳中求进工作总基调。全会号召全党团结奋斗。\n";
        assert_eq!(classes(a, b), (vec![Kept, Reworded, Dropped], vec![Kept, Reworded, Added]));
    }

    #[test]
    fn a_sentence_that_changed_place_within_a_section_moved() {
        let a = "T\nReform must deepen. Opening up must widen. Growth must be steady.\n";
        let b = "T\nGrowth must be steady. Reform must deepen. Opening up must widen.\n";
        let (ma, mb) = classes(a, b);
        assert_eq!(ma.iter().filter(|&&c| c == Moved).count(), 1, "{ma:?}");
        assert_eq!(mb.iter().filter(|&&c| c == Moved).count(), 1, "{mb:?}");
        assert_eq!(ma.iter().filter(|&&c| c == Kept).count(), 2);
    }

    #[test]
    fn a_sentence_that_went_to_another_section_moved_there() {
        let a = "T\n全会认为，形势总体很好。要坚决维护国家安全。\n全会提出，推动高质量发展。\n";
        let b = "T\n全会认为，形势总体很好。\n全会提出，推动高质量发展。要坚决维护国家安全。\n";
        let c = compare(a, b, Granularity::default());
        let marks = sentence_marks((a, b), (&c.outline_a, &c.outline_b), &c.rows);
        let moved_a: Vec<&str> =
            marks.iter().flat_map(|m| &m.0).filter(|m| m.class == Moved).map(|m| m.span.of(a)).collect();
        let moved_b: Vec<&str> =
            marks.iter().flat_map(|m| &m.1).filter(|m| m.class == Moved).map(|m| m.span.of(b)).collect();
        assert_eq!(moved_a, ["要坚决维护国家安全。"]);
        assert_eq!(moved_b, ["要坚决维护国家安全。"]);
    }

    #[test]
    fn counts_tell_moves_within_a_row_from_moves_between_rows() {
        let a = "T\n全会认为，形势总体很好。要坚决维护国家安全。\n全会提出，推动高质量发展。\n";
        let b = "T\n全会认为，形势总体很好。\n全会提出，推动高质量发展。要坚决维护国家安全。\n";
        let c = compare(a, b, Granularity::default());
        let marks = sentence_marks((a, b), (&c.outline_a, &c.outline_b), &c.rows);
        let all: Vec<SentenceCounts> = marks.iter().map(|(x, y)| counts(x, y)).collect();
        let out: Vec<&str> = all.iter().flat_map(|n| &n.moved_out).map(|s| s.of(b)).collect();
        let came: Vec<&str> = all.iter().flat_map(|n| &n.moved_in).map(|s| s.of(a)).collect();
        assert_eq!((out, came), (vec!["要坚决维护国家安全。"], vec!["要坚决维护国家安全。"]));
        assert!(all.iter().all(|n| n.moved_within == 0));
        assert!(all[0].all_kept(), "the title row");
    }

    #[test]
    fn very_long_rows_pair_equal_sentences_without_ordering_them() {
        let a: String = (0..MAX_ORDERED_SENTENCES + 10).map(|i| format!("Sentence number {i} stays. ")).collect();
        let b = a.replace("number 7 stays", "number 7 changed entirely today");
        let (ta, tb) = (format!("T\n{a}\n"), format!("T\n{b}\n"));
        let c = compare(&ta, &tb, Granularity::default());
        let marks = sentence_marks((&ta, &tb), (&c.outline_a, &c.outline_b), &c.rows);
        let body = counts(&marks[1].0, &marks[1].1);
        assert_eq!((body.kept, body.reworded), (MAX_ORDERED_SENTENCES + 9, 1));
    }

    #[test]
    fn added_and_dropped_rows_have_added_and_dropped_sentences() {
        let c = compare("", "T\nOne. Two.\n", Granularity::default());
        let marks = sentence_marks(("", "T\nOne. Two.\n"), (&c.outline_a, &c.outline_b), &c.rows);
        assert!(marks.iter().flat_map(|m| &m.1).all(|m| m.class == Added && m.partner.is_none()));
        assert!(marks.iter().all(|m| m.0.is_empty()));
    }
}

//! Phrases the two sides of a largely rewritten row share, wherever each side prints them.
//!
//! A row whose sides keep less than a quarter of their text is shown as two versions
//! without its word diff (a wall of marks with scattered equal words reads worse than
//! none), with what both versions keep marked instead. The word diff's equal runs are a
//! poor guide to that: a diff keeps one order, so "a global public good" early in A and
//! late in B is no equal run of it, and neither is a sentence that moved within the row.
//! Here the sides are matched without regard to order: every run of words both print, of
//! at least [`SHARED_WORDS_MIN`] words (or [`SHARED_HAN_MIN`] Han characters), compared in
//! the folded form the diff compares and regardless of case, is marked on both sides.
//!
//! [`SHARED_WORDS_MIN`]: crate::model::row::SHARED_WORDS_MIN
//! [`SHARED_HAN_MIN`]: crate::model::row::SHARED_HAN_MIN

use crate::model::row::is_shared_run;
use crate::text::fingerprint::hash_folded;
use crate::text::token::{tokenize, TokenClass};
use crate::util::span::Span;
use std::hash::{Hash, Hasher};

/// Units a run starts from: fewer than any shared run has (four words; six Han characters
/// are six units).
const SEED: usize = 4;

/// Places of one seed on B's side whose runs are measured: a seed printed more often than
/// this is boilerplate, and measuring every run from it would make repetitive rows slow.
const PLACES_TRIED: usize = 16;

/// Most pairs of units compared (the two sides' lengths multiplied): beyond it (two sides
/// of some five thousand words or characters each) nothing is marked rather than the page
/// kept waiting.
const WORK_MAX: usize = 25_000_000;

/// A word, number or Han character: where it stands, its folded form's hash, and which of
/// the side's spans it is in (a run never crosses from one paragraph into the next).
#[derive(Clone, Copy)]
struct Unit {
    span: Span,
    key: u64,
    part: usize,
}

fn units(text: &str, spans: &[Span]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (part, &span) in spans.iter().enumerate() {
        for token in tokenize(text, span) {
            if matches!(token.class, TokenClass::Word | TokenClass::Han | TokenClass::Number) {
                out.push(Unit { span: token.span, key: hash_folded(token.span.of(text)), part });
            }
        }
    }
    out
}

/// The hash of the [`SEED`] units from `at`, when they lie in one part.
fn seed_at(units: &[Unit], at: usize) -> Option<u64> {
    let window = units.get(at..at + SEED)?;
    if window[SEED - 1].part != window[0].part {
        return None;
    }
    let mut hasher = rustc_hash::FxHasher::default();
    for u in window {
        u.key.hash(&mut hasher);
    }
    Some(hasher.finish())
}

/// How many units from `i` in A and `j` in B are equal, in one part on each side.
fn run_length(a: &[Unit], i: usize, b: &[Unit], j: usize) -> usize {
    let mut n = 0;
    while i + n < a.len()
        && j + n < b.len()
        && a[i + n].key == b[j + n].key
        && a[i + n].part == a[i].part
        && b[j + n].part == b[j].part
    {
        n += 1;
    }
    n
}

/// Sorts spans and joins those that overlap or touch.
fn merged(mut spans: Vec<Span>) -> Vec<Span> {
    crate::util::shared_sort::sort_by_key(&mut spans, |s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The phrases `spans_a` of `text_a` and `spans_b` of `text_b` both print, in any order:
/// the marks of A's side and of B's, each sorted, covering words (never the spaces or
/// punctuation around a phrase).
pub fn shared_phrases(text_a: &str, spans_a: &[Span], text_b: &str, spans_b: &[Span]) -> (Vec<Span>, Vec<Span>) {
    let (a, b) = (units(text_a, spans_a), units(text_b, spans_b));
    if a.len().saturating_mul(b.len()) > WORK_MAX {
        return (Vec::new(), Vec::new());
    }
    // From each side in turn, so that a phrase one side prints twice is marked at both.
    let (mut marks_a, mut marks_b) = runs_found((text_a, &a), &b);
    let (more_b, more_a) = runs_found((text_b, &b), &a);
    marks_a.extend(more_a);
    marks_b.extend(more_b);
    (merged(marks_a), merged(marks_b))
}

/// Each run of `a` (with its text) that `b` also prints, once, with the place in `b` where
/// it is longest: the marks of `a`'s side and of `b`'s.
fn runs_found((text_a, a): (&str, &[Unit]), b: &[Unit]) -> (Vec<Span>, Vec<Span>) {
    // B's seeds, compared with each of A's in turn: rows are short enough that an index
    // (which would cost the page a hash map or a sort of its own) does not pay.
    let seeds_b: Vec<Option<u64>> = (0..b.len()).map(|j| seed_at(b, j)).collect();
    let (mut marks_a, mut marks_b) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < a.len() {
        let Some(seed) = seed_at(a, i) else {
            i += 1;
            continue;
        };
        let best = (0..b.len())
            .filter(|&j| seeds_b[j] == Some(seed))
            .take(PLACES_TRIED)
            .map(|j| (run_length(a, i, b, j), j))
            .filter(|&(n, _)| n >= SEED)
            .max_by_key(|&(n, j)| (n, std::cmp::Reverse(j)));
        match best {
            Some((n, j)) if is_shared_run(Span::new(a[i].span.start, a[i + n - 1].span.end).of(text_a)) => {
                marks_a.push(Span::new(a[i].span.start, a[i + n - 1].span.end));
                marks_b.push(Span::new(b[j].span.start, b[j + n - 1].span.end));
                i += n;
            }
            _ => i += 1,
        }
    }
    (marks_a, marks_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(s: &str) -> Vec<Span> {
        vec![Span::new(0, s.len())]
    }

    fn marked<'t>(text: &'t str, marks: &[Span]) -> Vec<&'t str> {
        marks.iter().map(|m| m.of(text)).collect()
    }

    #[test]
    fn a_phrase_is_shared_wherever_each_side_prints_it() {
        let a = "We will make vaccines a global public good, and step up cooperation with the WHO.";
        let b = "Cooperation matters. At the outset I called for COVID-19 vaccines to be made a global public good.";
        let (ma, mb) = shared_phrases(a, &whole(a), b, &whole(b));
        assert_eq!(marked(a, &ma), ["a global public good"]);
        assert_eq!(marked(b, &mb), ["a global public good"]);
    }

    #[test]
    fn sentences_that_changed_places_are_shared_whole() {
        let a = "Growth held up. Prices were stable. Jobs grew fast.";
        let b = "Jobs grew fast, we think. Prices were stable this year. Growth held up well.";
        let (ma, _) = shared_phrases(a, &whole(a), b, &whole(b));
        // Three-word runs are too short to mark: a phrase, not a few words in common.
        assert!(ma.is_empty(), "{:?}", marked(a, &ma));
        let a = "Growth held up in the first half. Prices were stable across the whole year.";
        let b = "Prices were stable across the whole year, while growth held up in the first half.";
        let (ma, mb) = shared_phrases(a, &whole(a), b, &whole(b));
        assert_eq!(marked(a, &ma), ["Growth held up in the first half", "Prices were stable across the whole year"]);
        assert_eq!(marked(b, &mb), ["Prices were stable across the whole year", "growth held up in the first half"]);
    }

    #[test]
    fn chinese_shares_runs_of_six_characters_or_more() {
        let a = "全面建设社会主义现代化国家，坚持稳中求进。";
        let b = "要坚持稳中求进，向着全面建设社会主义现代化国家迈进。";
        let (ma, mb) = shared_phrases(a, &whole(a), b, &whole(b));
        assert_eq!(marked(a, &ma), ["全面建设社会主义现代化国家", "坚持稳中求进"]);
        assert_eq!(marked(b, &mb), ["坚持稳中求进", "全面建设社会主义现代化国家"]);
        // Five characters are a word or two, not a phrase.
        let (ma, _) = shared_phrases("稳中求进。", &whole("稳中求进。"), "要稳中求进", &whole("要稳中求进"));
        assert!(ma.is_empty());
    }

    #[test]
    fn a_phrase_printed_twice_on_one_side_is_marked_twice() {
        let a = "We will build a community with a shared future.";
        let b = "A community with a shared future for mankind; a community with a shared future in Asia.";
        let (_, mb) = shared_phrases(a, &whole(a), b, &whole(b));
        assert_eq!(marked(b, &mb), ["A community with a shared future", "a community with a shared future"]);
    }

    #[test]
    fn no_run_crosses_from_one_paragraph_into_the_next() {
        let a = "we will keep the economy\nstable and growing";
        let b = "we will keep the economy stable and growing";
        let spans_a = [Span::new(0, 24), Span::new(25, a.len())];
        let (ma, _) = shared_phrases(a, &spans_a, b, &whole(b));
        assert_eq!(marked(a, &ma), ["we will keep the economy"]);
    }
}

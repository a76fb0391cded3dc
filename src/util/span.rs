//! Byte ranges into a document's text.
//!
//! Every engine result points back into the original text with a [`Span`], so the view can
//! show the original characters (never a normalized copy) and the CLI can report exact
//! UTF-8 byte offsets.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// A half-open byte range `start..end` into one document's text.
///
/// Engine code only builds spans on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `at`.
    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// `self` with surrounding whitespace of `text` removed, whole grapheme clusters at a
    /// time (a space that carries a combining mark is kept with it).
    ///
    /// `"  ab \n"` (0..6) → 2..4. An all-whitespace span shrinks to an empty span at its end.
    pub fn trim(self, text: &str) -> Span {
        let s = self.of(text);
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut graphemes = s.grapheme_indices(true).filter(|(_, g)| !blank(g));
        let Some((first, _)) = graphemes.next() else {
            return Span::empty(self.end);
        };
        let last_end = s.grapheme_indices(true).rev().find(|(_, g)| !blank(g)).map_or(s.len(), |(i, g)| i + g.len());
        Span::new(self.start + first, self.start + last_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_removes_ascii_and_ideographic_space() {
        let text = " \u{3000}全会\n";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.of(text), "全会");
    }

    #[test]
    fn trim_keeps_a_space_that_carries_a_combining_mark() {
        let text = " \u{301}x ";
        assert_eq!(Span::new(0, text.len()).trim(text).of(text), " \u{301}x");
    }

    #[test]
    fn trim_of_blank_is_empty_at_end() {
        assert_eq!(Span::new(0, 3).trim(" \n "), Span::empty(3));
    }
}

//! The text layer: from a string to what the later stages read.
//!
//! Normalization and numerals, tokens (words, Chinese by a word list), the outline of
//! sections (`segment`), sentences, roles and the fingerprints the alignment compares. It
//! imports only [`crate::util`].

pub mod fingerprint;
pub mod normalize;
pub mod numerals;
pub mod roles;
pub mod segment;
pub mod sentences;
pub mod token;
pub mod word_bounds;
pub mod zh_words;

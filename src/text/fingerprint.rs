//! Fingerprints: the features that make two sections look alike.
//!
//! A section's fingerprint is the set of its token bigrams (two Han characters, or two
//! words) plus its single words, after folding width, quotes and case and replacing
//! every number by one placeholder. Character bigrams need no word boundaries, so the same
//! measure works for Chinese and English, and they survive rewording better than whole
//! sentences do. Numbers fold so that `202人 → 204人` does not make two attendance
//! paragraphs look unrelated.

use crate::text::normalize::fold_char;
use crate::text::token::{tokenize, Token, TokenClass};
use crate::util::span::Span;

/// A feature: a 64-bit hash of a unit bigram or a word.
pub type Feature = u64;

/// The sorted, de-duplicated features of `span` in `text`.
///
/// `"Reform deepens"` → {h("reform"), h("deepens"), h("reform","deepens")};
/// `"改革深化"` → {h("改","革"), h("革","深"), h("深","化")}.
pub fn fingerprint(text: &str, span: Span) -> Vec<Feature> {
    fingerprint_tokens(text, &tokenize(text, span))
}

/// [`fingerprint`] from the [`tokenize`] tokens of a span, already at hand.
pub fn fingerprint_tokens(text: &str, tokens: &[Token]) -> Vec<Feature> {
    let mut units: Vec<u64> = Vec::new();
    let mut features: Vec<Feature> = Vec::new();
    for &token in tokens {
        let unit = match token.class {
            TokenClass::Space | TokenClass::Punct => continue,
            TokenClass::Number => hash_str("#", 0),
            TokenClass::Han | TokenClass::Word => {
                let word = token.span.of(text);
                let h = hash_folded(word);
                if token.class == TokenClass::Word {
                    features.push(h ^ 0x9e37_79b9_7f4a_7c15);
                }
                h
            }
        };
        if let Some(prev) = units.last() {
            features.push(mix(*prev, unit));
        }
        units.push(unit);
    }
    if units.len() == 1 {
        features.push(units[0]);
    }
    features.sort_unstable();
    features.dedup();
    features
}

/// The feature of a numbered place in an outline (the `n`th part), distinct from every
/// feature of text.
pub fn place_feature(n: u32) -> Feature {
    mix(hash_str("\u{0}place", 0), u64::from(n))
}

/// The feature of a paragraph's lead-in role (`全会强调`, "The meeting stressed"), distinct
/// from every feature of text and of place.
pub fn role_feature(role: crate::text::roles::Role) -> Feature {
    mix(hash_str("\u{0}role", 0), role as u64)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A hash of a word's comparison form: folded ([`fold_char`]) and lower-cased. Recurring
/// phrases ([`crate::findings::recurring`]) hash their words with it too.
pub(crate) fn hash_folded(word: &str) -> u64 {
    let step = |h: u64, c: char| (h ^ c as u64).wrapping_mul(FNV_PRIME);
    if word.is_ascii() {
        // The same hash without the Unicode tables: folding leaves ASCII alone.
        word.bytes().fold(FNV_OFFSET, |h, b| step(h, b.to_ascii_lowercase() as char))
    } else {
        let mut h = FNV_OFFSET;
        word.chars().map(fold_char).for_each(|c| crate::text::normalize::push_lowercase(c, |l| h = step(h, l)));
        h
    }
}

fn hash_str(s: &str, seed: u64) -> u64 {
    s.bytes().fold(FNV_OFFSET ^ seed, |h, b| (h ^ b as u64).wrapping_mul(FNV_PRIME))
}

fn mix(a: u64, b: u64) -> u64 {
    let x = a.rotate_left(21) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(text: &str) -> Vec<Feature> {
        fingerprint(text, Span::new(0, text.len()))
    }

    #[test]
    fn width_quotes_and_case_do_not_matter() {
        assert_eq!(fp("“Two Leading Areas”"), fp("\"two leading areas\""));
        assert_eq!(fp("（一）改革"), fp("(一)改革"));
    }

    #[test]
    fn numbers_are_one_placeholder() {
        assert_eq!(fp("中央委员202人"), fp("中央委员198人"));
    }

    #[test]
    fn order_matters_through_bigrams() {
        assert_ne!(fp("改革开放"), fp("开放改革"));
    }

    #[test]
    fn a_single_character_still_has_a_feature() {
        assert_eq!(fp("党").len(), 1);
    }
}

//! A document prepared for comparison: its outline (sections, leaves) and, for each leaf,
//! its word-boundary tokens, its fingerprint and whether the document repeats it. Each
//! document is prepared once, whatever it is compared with (a timeline compares each
//! document twice).

use crate::text::fingerprint::fingerprint_tokens;
use crate::text::segment::{segment, MarkerStyle, Outline, SectionKind};
use crate::text::token::{tokenize, Token};

/// A document ready to be aligned: its outline and the fingerprints of its leaves.
/// Preparing each document once lets a series of comparisons (a timeline) reuse them.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// Its sections.
    pub outline: Outline,
    /// One fingerprint per leaf, in leaf order.
    pub prints: Vec<Vec<crate::text::fingerprint::Feature>>,
    /// The word-boundary tokens of each leaf's body, in leaf order (the fingerprints are
    /// made from them, and the word diff starts from them instead of tokenizing again).
    pub tokens: Vec<Vec<Token>>,
    /// For each leaf, whether it is a line the document repeats (a salutation; see
    /// [`crate::align::repeated_lines`]).
    pub repeated: Vec<bool>,
}

/// The feature a part's heading (`二、…`) has for its number: two reports' second parts
/// open at the same place in their outlines however their headings are worded, and a
/// heading is short enough for its words alone to miss that.
fn part_heading_place(section: &crate::text::segment::Section) -> Option<crate::text::fingerprint::Feature> {
    let marker = section.marker.filter(|m| section.kind == SectionKind::Heading && m.style == MarkerStyle::ZhDun)?;
    Some(crate::text::fingerprint::place_feature(marker.number))
}

/// Segments `text` and fingerprints its leaves.
pub fn prepare(text: &str) -> Prepared {
    let outline = segment(text);
    let tokens: Vec<Vec<Token>> = outline.leaves.iter().map(|&id| tokenize(text, outline.get(id).body)).collect();
    let prints: Vec<Vec<crate::text::fingerprint::Feature>> = outline
        .leaves
        .iter()
        .zip(&tokens)
        .map(|(&id, t)| {
            let mut features = fingerprint_tokens(text, t);
            let section = outline.get(id);
            let role = crate::text::roles::role_of(section.body.of(text)).map(crate::text::fingerprint::role_feature);
            for extra in part_heading_place(section).into_iter().chain(role) {
                if let Err(k) = features.binary_search(&extra) {
                    features.insert(k, extra);
                }
            }
            features
        })
        .collect();
    let repeated = crate::align::repeated_lines(&prints);
    Prepared { outline, prints, tokens, repeated }
}

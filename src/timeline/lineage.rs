//! Section lineage: for each section of the latest document, the sections it was aligned
//! with in the documents before, back to where it first appeared.
//!
//! The chain follows the adjacent alignments backwards. A section split from one earlier
//! section follows that section; one merged from several follows the first of them. The
//! chain stops at the first document where the section was added.

use super::{Analysed, PairAnalysis};
use crate::compare::Relation;
use crate::text::segment::SectionKind;

/// Characters of a section's opening shown as its label.
const LABEL_CHARS: usize = 28;

/// How one section came from the document before.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineageLink {
    /// Similarity to its counterpart in the document before (1 = unchanged).
    pub similarity: f32,
    /// True when it was found out of order (moved).
    pub moved: bool,
}

/// One section of the latest document and its history.
#[derive(Clone, Debug, PartialEq)]
pub struct Lineage {
    /// `¶12` or `¶12·3`: where it stands in the latest document.
    pub locator: String,
    /// Its opening words.
    pub label: String,
    /// Byte offset of the section (or its counterpart) in each document, where the chain
    /// reaches.
    pub at: Vec<Option<usize>>,
    /// For each document after the first: how the section came from the one before
    /// (None before the section existed, or where it was added).
    pub links: Vec<Option<LineageLink>>,
    /// Index of the document where it first appears.
    pub since: usize,
}

/// The lineage of every section of the latest document, in its reading order (titles and
/// headings included: a heading that appears says a part is new).
pub(crate) fn lineages(docs: &[Analysed<'_>], pairs: &[PairAnalysis]) -> Vec<Lineage> {
    let Some(last) = docs.last() else { return Vec::new() };
    let n = docs.len();
    let outline = &last.prepared.outline;
    // For each pair, the leaf of A that each leaf of B comes from.
    let origins: Vec<std::collections::BTreeMap<usize, (usize, LineageLink)>> = pairs
        .iter()
        .map(|p| {
            let mut map = std::collections::BTreeMap::new();
            for r in p.rows.iter().filter(|r| !matches!(r.relation, Relation::Added | Relation::Dropped)) {
                let Some(&from) = r.a.first() else { continue };
                for &to in &r.b {
                    map.insert(to, (from, LineageLink { similarity: r.similarity, moved: r.moved }));
                }
            }
            map
        })
        .collect();
    outline
        .leaves
        .iter()
        .filter(|&&id| !last.prepared.outline.get(id).body.is_empty())
        .map(|&id| {
            let section = outline.get(id);
            let mut at = vec![None; n];
            let mut links = vec![None; n];
            at[n - 1] = Some(section.body.start);
            let (mut doc, mut leaf) = (n - 1, id);
            while doc > 0 {
                let Some(&(from, link)) = origins[doc - 1].get(&leaf) else { break };
                links[doc] = Some(link);
                doc -= 1;
                leaf = from;
                at[doc] = Some(docs[doc].prepared.outline.get(leaf).body.start);
            }
            let label: String = section.body.of(last.text).chars().take(LABEL_CHARS).collect();
            let more = section.body.of(last.text).chars().count() > LABEL_CHARS;
            Lineage {
                locator: match section.kind {
                    SectionKind::Title => "title".to_string(),
                    _ => crate::output::report::locator(outline, &[id]),
                },
                label: if more { format!("{label}…") } else { label },
                at,
                links,
                since: doc,
            }
        })
        .collect()
}

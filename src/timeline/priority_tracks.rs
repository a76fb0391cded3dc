//! Priority rows of a timeline: enumerated priorities followed through the series.
//!
//! Each adjacent comparison pairs the lists of the two documents and the items within
//! them ([`crate::findings::priorities::compare_priorities`]). Those pairings are one-to-one, so
//! following them from document to document gives chains: a chain of lists (the task list
//! of each work report) and, within it, one track per priority with its rank in every
//! document it appears in.

use super::{Analysed, PairAnalysis};
use crate::findings::formulation_changes::bigram_dice;
use std::collections::{BTreeMap, BTreeSet};

/// One priority across the series.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityTrack {
    /// The label to show: the latest one.
    pub label: String,
    /// Its label in each document (None where it does not stand).
    pub labels: Vec<Option<String>>,
    /// Its 1-based rank in each document.
    pub ranks: Vec<Option<usize>>,
    /// Byte offset of its section in each document (to open a comparison at it).
    pub at: Vec<Option<usize>>,
    /// True when it first stands after the first document of its chain (a new priority).
    pub new: bool,
    /// True when it stands no more before the last document of its chain (dropped).
    pub dropped: bool,
}

/// One list followed across the series.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityChain {
    /// How the list is numbered in each document where it stands (marker style or `lead_in`).
    pub styles: Vec<Option<String>>,
    /// Its length in each document.
    pub lengths: Vec<Option<usize>>,
    /// Index of the first and the last document where the list stands.
    pub span: (usize, usize),
    /// Its priorities, ordered by rank in the latest document, then dropped ones by their
    /// last rank.
    pub tracks: Vec<PriorityTrack>,
}

/// Lowest strength of a link between two priorities of neighbouring documents for them to
/// be one track, when their lists otherwise hardly pair: the similarity of their aligned sections plus the likeness of their labels
/// (character bigrams). Either alone misleads: a review list's headings recur while the text
/// under them is new each year, and the lists of unrelated documents (a discipline plenum,
/// a work report) pair through a faint likeness of their sections. Set on the corpus series
/// (`tests/timeline.rs`), where true links score 0.5 and more and chance ones below.
pub const LINK_MIN: f32 = 0.5;

/// The strongest similarity of a row pairing any of `a`'s leaves with any of `b`'s.
fn pair_similarity(rows: &[crate::compare::Row]) -> impl Fn(&[usize], &[usize]) -> f32 + '_ {
    move |a: &[usize], b: &[usize]| {
        rows.iter()
            .filter(|r| r.a.iter().any(|x| a.contains(x)) && r.b.iter().any(|y| b.contains(y)))
            .map(|r| r.similarity)
            .fold(0.0, f32::max)
    }
}

/// The priority chains of a series: those spanning the most documents first, then the
/// longest lists.
pub(crate) fn chains(docs: &[Analysed<'_>], pairs: &[PairAnalysis]) -> Vec<PriorityChain> {
    let n = docs.len();
    // The lists of document i: from the pair where it is B, or else where it is A.
    let lists_of = |i: usize| {
        if i > 0 {
            &pairs[i - 1].priorities.lists_b
        } else {
            &pairs[0].priorities.lists_a
        }
    };
    if pairs.is_empty() {
        return Vec::new();
    }
    // next[(doc, list)] = list of doc + 1; same for items (doc, list, rank).
    let mut next_list: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut next_item: BTreeMap<(usize, usize, usize), (usize, usize)> = BTreeMap::new();
    let mut has_prev_list = BTreeSet::new();
    let mut has_prev_item = BTreeSet::new();
    for (i, pair) in pairs.iter().enumerate() {
        let similarity = pair_similarity(&pair.rows);
        for m in &pair.priorities.matches {
            let (Some(la), Some(lb)) = (m.list_a, m.list_b) else { continue };
            let (items_a, items_b) = (&lists_of(i)[la].items, &lists_of(i + 1)[lb].items);
            // Lists whose items mostly pair are one list in two editions: every pairing
            // stands. Otherwise each link must be strong on its own.
            let paired = m.items.iter().filter(|p| p.rank_a.is_some() && p.rank_b.is_some()).count();
            let coherent = 2 * paired >= items_a.len().min(items_b.len()).max(1);
            let mut linked = false;
            for item in &m.items {
                let (Some(ra), Some(rb)) = (item.rank_a, item.rank_b) else { continue };
                let leaves = |items: &[crate::findings::priorities::Priority], rank: usize| {
                    items.iter().find(|p| p.rank == rank).map(|p| p.leaves.clone()).unwrap_or_default()
                };
                // Lists of unrelated documents (a discipline plenum, a work report) can pair
                // through a faint likeness; a track only follows a real one.
                let body = similarity(&leaves(items_a, ra), &leaves(items_b, rb));
                let label = match (&item.label_a, &item.label_b) {
                    (Some(x), Some(y)) => bigram_dice(x, y),
                    _ => 0.0,
                };
                if !coherent && body + label < LINK_MIN {
                    continue;
                }
                linked = true;
                next_item.insert((i, la, ra), (lb, rb));
                has_prev_item.insert((i + 1, lb, rb));
            }
            if linked {
                next_list.insert((i, la), lb);
                has_prev_list.insert((i + 1, lb));
            }
        }
    }
    let mut out = Vec::new();
    for start in 0..n {
        for l in 0..lists_of(start).len() {
            if has_prev_list.contains(&(start, l)) {
                continue;
            }
            // Follow the list forward.
            let mut members = vec![None; n];
            let (mut doc, mut list) = (start, l);
            loop {
                members[doc] = Some(list);
                match next_list.get(&(doc, list)) {
                    Some(&lb) if doc + 1 < n => (doc, list) = (doc + 1, lb),
                    _ => break,
                }
            }
            out.push(chain_of(docs, &members, &next_item, &has_prev_item, &lists_of));
        }
    }
    crate::util::shared_sort::sort_by(&mut out, |x, y| {
        (y.span.1 - y.span.0)
            .cmp(&(x.span.1 - x.span.0))
            .then(y.tracks.len().cmp(&x.tracks.len()))
            .then(x.span.0.cmp(&y.span.0))
    });
    out
}

fn chain_of<'p>(
    docs: &[Analysed<'_>],
    members: &[Option<usize>],
    next_item: &BTreeMap<(usize, usize, usize), (usize, usize)>,
    has_prev_item: &BTreeSet<(usize, usize, usize)>,
    lists_of: &impl Fn(usize) -> &'p Vec<crate::findings::priorities::PriorityList>,
) -> PriorityChain {
    let n = docs.len();
    let first = members.iter().position(Option::is_some).unwrap_or(0);
    let last = members.iter().rposition(Option::is_some).unwrap_or(0);
    let mut tracks = Vec::new();
    for (doc, list) in members.iter().enumerate().filter_map(|(d, l)| l.map(|l| (d, l))) {
        for item in &lists_of(doc)[list].items {
            if has_prev_item.contains(&(doc, list, item.rank)) {
                continue;
            }
            let mut track = PriorityTrack {
                label: String::new(),
                labels: vec![None; n],
                ranks: vec![None; n],
                at: vec![None; n],
                new: doc > first,
                dropped: false,
            };
            let (mut d, mut l, mut rank) = (doc, list, item.rank);
            loop {
                let list_here = &lists_of(d)[l];
                if let Some(p) = list_here.items.iter().find(|p| p.rank == rank) {
                    track.labels[d] = Some(p.label.clone());
                    track.ranks[d] = Some(rank);
                    track.at[d] = Some(docs[d].prepared.outline.get(p.section).body.start);
                    track.label = p.label.clone();
                }
                match next_item.get(&(d, l, rank)) {
                    Some(&(lb, rb)) if d + 1 < n => (d, l, rank) = (d + 1, lb, rb),
                    _ => break,
                }
            }
            track.dropped = d < last;
            tracks.push(track);
        }
    }
    // Latest rank first; tracks that end earlier follow, by the rank they last had.
    crate::util::shared_sort::sort_by_key(&mut tracks, |t| {
        let end = t.ranks.iter().rposition(Option::is_some).unwrap_or(0);
        (std::cmp::Reverse(end), t.ranks[end].unwrap_or(usize::MAX))
    });
    PriorityChain {
        styles: members.iter().enumerate().map(|(d, l)| l.map(|l| lists_of(d)[l].style.clone())).collect(),
        lengths: members.iter().enumerate().map(|(d, l)| l.map(|l| lists_of(d)[l].items.len())).collect(),
        span: (first, last),
        tracks,
    }
}

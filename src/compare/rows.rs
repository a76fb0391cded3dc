//! From alignment to rows: the alignment of two prepared documents, followed by the
//! priorities it matched, and the rows it makes before any word diff.

use crate::align::{align_in_parts, align_weighed, GroupKind, Weights};
use crate::findings::priorities::{compare_priorities, match_unlinked_lists, PriorityComparison, DASH_STYLE};
use crate::model::prepared::Prepared;
use crate::model::row::{Relation, Row};

/// Aligns two prepared documents (groups in leaf positions, see [`crate::align::Group`]).
pub fn align_prepared(a: &Prepared, b: &Prepared) -> Vec<crate::align::Group> {
    align_in_parts(&a.prints, &b.prints, &a.parts, &b.parts)
}

/// The rarity weights of two prepared documents' leaves, shared by their alignment and the
/// search for the closest sections of added and dropped ones.
pub fn leaf_weights(a: &Prepared, b: &Prepared) -> Weights {
    Weights::new(&a.prints, &b.prints)
}

/// Aligns two prepared documents and matches their priorities; the alignment then follows
/// the matched items it had left apart (see [`crate::align::pair_matched_items`]). The rows
/// show the two versions of a task side by side, where they would show one dropped and the
/// other added (a work report's innovation task, five paragraphs, and the next year's
/// industrial-system task that condenses it into one). `weights` are those of the two
/// documents' leaves ([`leaf_weights`]).
pub fn align_with_priorities(
    texts: (&str, &str),
    docs: (&Prepared, &Prepared),
    weights: &Weights,
) -> (Vec<crate::align::Group>, PriorityComparison) {
    let parts = (&docs.0.parts[..], &docs.1.parts[..]);
    let groups = align_weighed(&docs.0.prints, &docs.1.prints, parts, weights);
    let rows = rows_without_diffs(docs.0, docs.1, groups.clone());
    let mut priorities = compare_priorities(texts, docs, &rows);
    let items = matched_item_leaves(&priorities, docs);
    let groups = if items.is_empty() {
        groups
    } else {
        crate::align::pair_matched_items(groups, &items, (&docs.0.prints, &docs.1.prints), weights)
    };
    match_unlinked_lists(&mut priorities, texts, docs);
    (groups, priorities)
}

/// The leaf positions of each matched pair of priority items, each item's up to the first
/// line its document repeats after its opening leaf. A list's last item runs to the end of
/// its part, and in a speech that takes in the closing passages after a salutation
/// (各位代表！, "Colleagues,"): they count as the item's for linking the two lists (the
/// passages after two speeches' lists correspond too), but they are no paragraphs of the
/// task to fold into its row.
fn matched_item_leaves(priorities: &PriorityComparison, docs: (&Prepared, &Prepared)) -> Vec<(Vec<usize>, Vec<usize>)> {
    let positions = |doc: &Prepared, leaves: &[usize]| -> Vec<usize> {
        let mut at: Vec<usize> = leaves.iter().filter_map(|id| doc.outline.leaves.binary_search(id).ok()).collect();
        if let Some(end) = at.iter().skip(1).position(|&k| doc.repeated[k]) {
            at.truncate(end + 1);
        }
        at
    };
    let mut out = Vec::new();
    for m in &priorities.matches {
        let (Some(la), Some(lb)) = (m.list_a, m.list_b) else { continue };
        // A dashed point is one paragraph, which the alignment has already judged by its
        // content: its list adds no evidence (on the annotated UN speeches, following the
        // dashed lists cost a quarter of the true pairs).
        if priorities.lists_a[la].style == DASH_STYLE || priorities.lists_b[lb].style == DASH_STYLE {
            continue;
        }
        for item in &m.items {
            let (Some(ra), Some(rb)) = (item.rank_a, item.rank_b) else { continue };
            out.push((
                positions(docs.0, &priorities.lists_a[la].items[ra - 1].leaves),
                positions(docs.1, &priorities.lists_b[lb].items[rb - 1].leaves),
            ));
        }
    }
    out
}

pub(super) fn relation_of(g: &crate::align::Group, unchanged: bool) -> Relation {
    match g.kind {
        GroupKind::Added => Relation::Added,
        GroupKind::Dropped => Relation::Dropped,
        GroupKind::Paired if g.b.len() > 1 => Relation::Split,
        GroupKind::Paired if g.a.len() > 1 => Relation::Merged,
        GroupKind::Paired if unchanged => Relation::Same,
        GroupKind::Paired => Relation::Reworded,
    }
}

/// Whether a group adds or drops nothing but lines its document repeats word for word:
/// salutations (各位代表！, "Colleagues,") that mark the passages of a speech. Which copies
/// two speeches share says nothing, so such a row is routine, like a changed date.
pub(super) fn only_repeated_lines(g: &crate::align::Group, (in_a, in_b): (&[bool], &[bool])) -> bool {
    match g.kind {
        GroupKind::Added => g.b.iter().all(|&j| in_b[j]),
        GroupKind::Dropped => g.a.iter().all(|&i| in_a[i]),
        GroupKind::Paired => false,
    }
}

/// The rows of an alignment without word diffs (for series, where only the pairing and
/// its similarity matter): a pair counts as the same when its similarity is 1.
pub fn rows_without_diffs(a: &Prepared, b: &Prepared, groups: Vec<crate::align::Group>) -> Vec<Row> {
    groups
        .into_iter()
        .map(|g| {
            let relation = relation_of(&g, g.similarity >= 1.0);
            Row {
                a: g.a.iter().map(|&i| a.outline.leaves[i]).collect(),
                b: g.b.iter().map(|&j| b.outline.leaves[j]).collect(),
                relation,
                moved: g.moved,
                similarity: if relation == Relation::Same { 1.0 } else { g.similarity },
                ops: Vec::new(),
                significance: None,
                coarse: false,
                sentences_a: Vec::new(),
                sentences_b: Vec::new(),
            }
        })
        .collect()
}

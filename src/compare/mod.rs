//! The whole comparison: segment both documents, align their sections, diff each pair.
//!
//! `compare_with(a, b, granularity, lexicon)` is the one entry point the CLI and the
//! browser share, so the JSON the CLI prints and the view the page draws come from the same
//! [`Comparison`]. It takes only what changes the comparison, the diff's unit: what the
//! view marks and filters is the view's ([`crate::view::options`]).

mod rows;

pub use rows::{align_prepared, align_with_priorities, leaf_weights, rows_without_diffs};
use rows::{only_repeated_lines, relation_of};

use crate::diff::significance::Significance;
use crate::diff::Granularity;
use crate::diff::{diff_tokens, is_unchanged, OpKind};
use crate::findings::formulation_changes::{compare_formulations, FormulationChange, FormulationStatus};
use crate::findings::formulations::extract;
use crate::findings::lexicon::Lexicon;
use crate::findings::priorities::PriorityComparison;
use crate::findings::recurring::add_recurring;
use crate::findings::sentence_classes::sentence_marks;
use crate::text::segment::Outline;
use crate::text::token::{tokenize, Token};
use crate::util::span::Span;

pub use crate::model::prepared::{prepare, Prepared};
use crate::model::row::visible_chars;
pub use crate::model::row::{Relation, Row, REWRITTEN_BELOW, WEAK_MATCH_BELOW};

/// Counts for the summary strip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Rows identical on both sides.
    pub same: usize,
    /// Rows reworded.
    pub reworded: usize,
    /// Rows found out of order.
    pub moved: usize,
    /// Split rows.
    pub split: usize,
    /// Merged rows.
    pub merged: usize,
    /// Sections only in B.
    pub added: usize,
    /// Sections only in A.
    pub dropped: usize,
    /// Share of the two texts' visible characters that is equal, 0 to 1.
    pub similarity: f32,
    /// Changes (a deleted and/or inserted phrase) inside paired rows, by class.
    pub changes: ChangeCounts,
    /// Formulations only in B.
    pub formulations_added: usize,
    /// Formulations only in A.
    pub formulations_dropped: usize,
    /// Formulations of A replaced by a similar one of B.
    pub formulations_reworded: usize,
    /// Formulations in both, a different number of times.
    pub formulations_count_changed: usize,
    /// Priorities whose rank changed.
    pub priorities_moved: usize,
    /// Rows shown coarsely (too large to diff word by word).
    pub coarse_rows: usize,
}

/// Number of changes of each class.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeCounts {
    /// Routine changes.
    pub routine: usize,
    /// Modifier changes.
    pub modifier: usize,
    /// Substantive changes.
    pub substantive: usize,
}

/// The result of comparing document A with document B.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Sections of A.
    pub outline_a: Outline,
    /// Sections of B.
    pub outline_b: Outline,
    /// Aligned rows in reading order.
    pub rows: Vec<Row>,
    /// Summary counts.
    pub stats: Stats,
    /// The formulations table.
    pub formulations: Vec<FormulationChange>,
    /// Priority lists and their matches.
    pub priorities: PriorityComparison,
    /// For each dropped leaf of A, the sections of B most like it.
    pub nearest_a: Vec<Nearest>,
    /// For each added leaf of B, the sections of A most like it.
    pub nearest_b: Vec<Nearest>,
}

/// Where an added or dropped section may have gone: the sections of the other document
/// most like it (up to [`NEAREST_SHOWN`], best first). Alignment leaves a section unpaired
/// when no partner is sure enough; a reader of two restructured speeches still wants to
/// know where its words are now.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearest {
    /// The added or dropped leaf (section id).
    pub leaf: usize,
    /// The other side's leaves most like it.
    pub others: Vec<Likeness>,
}

/// A section of the other document and how alike it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Likeness {
    /// Leaf section id.
    pub section: usize,
    /// Weighted similarity, 0 to 1 (the alignment's measure).
    pub similarity: f32,
}

/// How many of the closest sections an added or dropped one lists.
pub const NEAREST_SHOWN: usize = 3;

impl Comparison {
    /// The sections of the other document closest to an added or dropped row's leaves
    /// (see [`Nearest`]), best first, each section once.
    pub fn nearest_to(&self, row: &Row) -> Vec<Likeness> {
        let (leaves, nearest) = match row.relation {
            Relation::Dropped => (&row.a, &self.nearest_a),
            Relation::Added => (&row.b, &self.nearest_b),
            _ => return Vec::new(),
        };
        let mut out: Vec<Likeness> =
            nearest.iter().filter(|n| leaves.contains(&n.leaf)).flat_map(|n| n.others.iter().copied()).collect();
        crate::util::shared_sort::sort_by(&mut out, |x, y| {
            y.similarity.total_cmp(&x.similarity).then(x.section.cmp(&y.section))
        });
        let mut seen = Vec::new();
        out.retain(|l| {
            let new = !seen.contains(&l.section);
            seen.push(l.section);
            new
        });
        out.truncate(NEAREST_SHOWN);
        out
    }

    /// The row that shows leaf section `id` of A (`side_a`) or of B.
    pub fn row_of_leaf(&self, side_a: bool, id: usize) -> Option<usize> {
        self.rows.iter().position(|r| if side_a { r.a.contains(&id) } else { r.b.contains(&id) })
    }

    /// The row showing byte `at` of A (through the leaf that contains it).
    pub fn row_of_a(&self, at: usize) -> Option<usize> {
        Self::row_of(&self.outline_a, at, |r| &r.a, &self.rows)
    }

    /// The row showing byte `at` of B.
    pub fn row_of_b(&self, at: usize) -> Option<usize> {
        Self::row_of(&self.outline_b, at, |r| &r.b, &self.rows)
    }

    fn row_of(outline: &Outline, at: usize, side: impl Fn(&Row) -> &Vec<usize>, rows: &[Row]) -> Option<usize> {
        let leaf = outline.leaf_at(at)?;
        rows.iter().position(|r| side(r).contains(&leaf))
    }

    /// For each section id of A and of B, the first row that shows it; a parent section
    /// (a paragraph split into items) is shown from the first row of any of its children.
    /// Linear in rows and sections, for panels that link many sections to their rows.
    pub fn rows_by_section(&self) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
        let index = |outline: &Outline, side: fn(&Row) -> &Vec<usize>| {
            let mut first = vec![None; outline.sections.len()];
            for (k, row) in self.rows.iter().enumerate() {
                for &id in side(row) {
                    if let Some(slot @ None) = first.get_mut(id) {
                        *slot = Some(k);
                    }
                }
            }
            // Children come after their parents: walking backwards lifts rows up the tree.
            for s in outline.sections.iter().rev() {
                if let (Some(parent), Some(row)) = (s.parent, first[s.id]) {
                    if let Some(slot) = first.get_mut(parent) {
                        *slot = Some(slot.map_or(row, |r: usize| r.min(row)));
                    }
                }
            }
            first
        };
        (index(&self.outline_a, |r| &r.a), index(&self.outline_b, |r| &r.b))
    }

    /// The rows, in reading order and without repeats, that show any of these spans.
    pub fn rows_showing(&self, spans_a: &[Span], spans_b: &[Span]) -> Vec<usize> {
        let mut rows: Vec<usize> = spans_a
            .iter()
            .filter_map(|s| self.row_of_a(s.start))
            .chain(spans_b.iter().filter_map(|s| self.row_of_b(s.start)))
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }
}

/// Compares two texts with the built-in lexicon. Never fails: empty or odd input gives an
/// empty or coarse result. Native builds only: in wasm, [`compare_with`] names its lexicon
/// (fetched language data, or [`Lexicon::empty`]).
#[cfg(any(not(target_arch = "wasm32"), test))]
pub fn compare(text_a: &str, text_b: &str, granularity: Granularity) -> Comparison {
    compare_with(text_a, text_b, granularity, Lexicon::builtin())
}

/// The word-boundary tokens of a group's side (leaf positions `leaves`, ascending): the
/// leaves' own tokens, with the text between consecutive leaves tokenized on its own. They
/// tile the span from the first leaf's body to the last one's.
fn group_tokens(text: &str, doc: &Prepared, leaves: &[usize]) -> Vec<Token> {
    let body = |k: usize| doc.outline.get(doc.outline.leaves[k]).body;
    let mut out = Vec::new();
    for (n, &k) in leaves.iter().enumerate() {
        if n > 0 {
            out.extend(tokenize(text, Span::new(body(leaves[n - 1]).end, body(k).start)));
        }
        out.extend_from_slice(&doc.tokens[k]);
    }
    out
}

/// Compares two texts, finding lexicon formulations with `lexicon`.
pub fn compare_with(text_a: &str, text_b: &str, granularity: Granularity, lexicon: &Lexicon) -> Comparison {
    compare_reporting(text_a, text_b, granularity, lexicon, &mut |_, _| {})
}

/// [`compare_with`], telling `progress` what it is doing and roughly how far it is, in
/// percent (the web app's worker shows this while a large comparison runs). Percentages
/// only grow; each stage is reported at least once.
pub fn compare_reporting(
    text_a: &str,
    text_b: &str,
    granularity: Granularity,
    lexicon: &Lexicon,
    progress: &mut dyn FnMut(&'static str, u32),
) -> Comparison {
    progress("Reading the sections", 0);
    let prepared_a = prepare(text_a);
    let prepared_b = prepare(text_b);
    progress("Aligning the sections and priorities", 20);
    let weights = leaf_weights(&prepared_a, &prepared_b);
    let (groups, priorities) = align_with_priorities((text_a, text_b), (&prepared_a, &prepared_b), &weights);
    progress("Comparing aligned sections word by word", 30);
    let (total_rows, mut last_percent) = (groups.len().max(1), 30);
    let (outline_a, outline_b) = (&prepared_a.outline, &prepared_b.outline);
    let body_of = |o: &Outline, leaves: &[usize], text_len: usize| -> Span {
        match (leaves.first(), leaves.last()) {
            (Some(&f), Some(&l)) => Span::new(o.get(o.leaves[f]).body.start, o.get(o.leaves[l]).body.end),
            _ => Span::empty(text_len),
        }
    };
    let mut rows: Vec<Row> = groups
        .into_iter()
        .enumerate()
        .map(|(k, g)| {
            let percent = 30 + (60 * k / total_rows) as u32;
            if percent > last_percent {
                last_percent = percent;
                progress("Comparing aligned sections word by word", percent);
            }
            let span_a = body_of(outline_a, &g.a, text_a.len());
            let span_b = body_of(outline_b, &g.b, text_b.len());
            let (ops, coarse) = diff_tokens(
                (text_a, span_a, group_tokens(text_a, &prepared_a, &g.a)),
                (text_b, span_b, group_tokens(text_b, &prepared_b, &g.b)),
                granularity,
                lexicon.words(),
            );
            let relation = relation_of(&g, is_unchanged(&ops));
            let mut ops = ops;
            if only_repeated_lines(&g, (&prepared_a.repeated, &prepared_b.repeated)) {
                ops.iter_mut().filter(|o| o.class.is_some()).for_each(|o| o.class = Some(Significance::Routine));
            }
            let significance = ops.iter().filter_map(|o| o.class).max();
            Row {
                coarse,
                significance,
                a: g.a.iter().map(|&i| outline_a.leaves[i]).collect(),
                b: g.b.iter().map(|&j| outline_b.leaves[j]).collect(),
                relation,
                moved: g.moved,
                similarity: if relation == Relation::Same { 1.0 } else { g.similarity },
                ops,
                sentences_a: Vec::new(),
                sentences_b: Vec::new(),
            }
        })
        .collect();
    progress("Classifying sentences", 88);
    let marks = sentence_marks((text_a, text_b), (outline_a, outline_b), &rows);
    for (row, (a, b)) in rows.iter_mut().zip(marks) {
        row.sentences_a = a;
        row.sentences_b = b;
    }
    progress("Finding formulations", 90);
    let (mut found_a, mut found_b) = (extract(text_a, lexicon), extract(text_b, lexicon));
    crate::findings::series::add_series((text_a, text_b), (&mut found_a, &mut found_b), lexicon.words());
    add_recurring((text_a, text_b), (&prepared_a.tokens, &prepared_b.tokens), (&mut found_a, &mut found_b), lexicon);
    let formulations = compare_formulations((text_a, text_b), &found_a, &found_b, &rows, (outline_a, outline_b));
    let mut stats = stats(&rows, text_a, text_b);
    // Phrases found by repetition are candidates: listed in the panel, not counted here.
    for s in formulations.iter().filter(|s| !s.kind.is_candidate()) {
        match s.status {
            FormulationStatus::Added => stats.formulations_added += 1,
            FormulationStatus::Dropped => stats.formulations_dropped += 1,
            FormulationStatus::Reworded => stats.formulations_reworded += 1,
            FormulationStatus::CountChanged => stats.formulations_count_changed += 1,
            FormulationStatus::Kept => {}
        }
    }
    stats.priorities_moved =
        priorities.matches.iter().flat_map(|m| &m.items).filter(|i| i.rank_change.is_some_and(|c| c != 0)).count();
    let (nearest_a, nearest_b) = nearest_of_unpaired(&rows, (&prepared_a, &prepared_b), &weights);
    Comparison {
        outline_a: prepared_a.outline,
        outline_b: prepared_b.outline,
        rows,
        stats,
        formulations,
        priorities,
        nearest_a,
        nearest_b,
    }
}

/// The closest sections of every added and dropped leaf ([`Nearest`]), leaves with none
/// left out.
fn nearest_of_unpaired(
    rows: &[Row],
    (a, b): (&Prepared, &Prepared),
    weights: &crate::align::Weights,
) -> (Vec<Nearest>, Vec<Nearest>) {
    // The dropped leaves of A and the added leaves of B, as `(section id, leaf position)`:
    // only they show their closest sections, so only they are searched.
    let unpaired = |relation: Relation, own: &Prepared| -> Vec<(usize, usize)> {
        rows.iter()
            .filter(|r| r.relation == relation)
            .flat_map(|r| if relation == Relation::Dropped { &r.a } else { &r.b })
            .filter_map(|&leaf| Some((leaf, own.outline.leaves.binary_search(&leaf).ok()?)))
            .collect()
    };
    let (dropped, added) = (unpaired(Relation::Dropped, a), unpaired(Relation::Added, b));
    let mask = |leaves: &[(usize, usize)], len: usize| {
        let mut wanted = vec![false; len];
        leaves.iter().for_each(|&(_, position)| wanted[position] = true);
        wanted
    };
    let (near_a, near_b) = crate::align::nearest_leaves_for(
        &a.prints,
        &b.prints,
        NEAREST_SHOWN,
        (&mask(&dropped, a.prints.len()), &mask(&added, b.prints.len())),
        weights,
    );
    let collect = |leaves: &[(usize, usize)], other: &Prepared, near: &[crate::align::NearLeaves]| -> Vec<Nearest> {
        leaves
            .iter()
            .filter_map(|&(leaf, position)| {
                let others: Vec<Likeness> = near[position]
                    .iter()
                    .map(|&(k, similarity)| Likeness { section: other.outline.leaves[k], similarity })
                    .collect();
                (!others.is_empty()).then_some(Nearest { leaf, others })
            })
            .collect()
    };
    (collect(&dropped, b, &near_a), collect(&added, a, &near_b))
}

fn stats(rows: &[Row], text_a: &str, text_b: &str) -> Stats {
    let mut s = Stats::default();
    let mut equal = 0;
    for row in rows {
        match row.relation {
            Relation::Same => s.same += 1,
            Relation::Reworded => s.reworded += 1,
            Relation::Split => s.split += 1,
            Relation::Merged => s.merged += 1,
            Relation::Added => s.added += row.b.len(),
            Relation::Dropped => s.dropped += row.a.len(),
        }
        s.moved += usize::from(row.moved);
        s.coarse_rows += usize::from(row.coarse && !matches!(row.relation, Relation::Added | Relation::Dropped));
        if !matches!(row.relation, Relation::Added | Relation::Dropped) {
            let mut previous = OpKind::Equal;
            for op in &row.ops {
                // A delete followed by its insert is one change.
                if op.kind != OpKind::Equal && previous == OpKind::Equal || op.kind == OpKind::Delete {
                    match op.class {
                        Some(Significance::Routine) => s.changes.routine += 1,
                        Some(Significance::Modifier) => s.changes.modifier += 1,
                        _ => s.changes.substantive += 1,
                    }
                }
                previous = op.kind;
            }
        }
        equal +=
            row.ops.iter().filter(|o| o.kind == OpKind::Equal).map(|o| visible_chars(o.a.of(text_a))).sum::<usize>();
    }
    let total = visible_chars(text_a) + visible_chars(text_b);
    s.similarity = if total == 0 { 1.0 } else { (2 * equal) as f32 / total as f32 };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_are_all_same() {
        let text = "标题\n全会认为，形势很好。\n全会强调，必须坚持。";
        let c = compare(text, text, Granularity::default());
        assert!(c.rows.iter().all(|r| r.relation == Relation::Same));
        assert_eq!(c.stats.similarity, 1.0);
    }

    #[test]
    fn empty_against_text_is_all_added() {
        let c = compare("", "Title\nOne paragraph.", Granularity::default());
        assert_eq!(c.stats.added, 2);
        assert!(c.rows.iter().all(|r| r.relation == Relation::Added));
    }

    #[test]
    fn a_mostly_new_paragraph_in_place_reads_as_rewritten() {
        let a = "T\n全会提出，坚持创新驱动发展，全面塑造发展新优势。\n";
        let b = "T\n全会提出，优先发展农业农村，全面推进乡村振兴战略实施。\n";
        let c = compare(a, b, Granularity::default());
        let row = c.rows.iter().find(|r| r.relation == Relation::Reworded).expect("paired in place");
        assert!(row.is_rewritten(a, b));
        assert!(row.kept_share(a, b).is_some_and(|kept| kept < REWRITTEN_BELOW));
        let small = compare("T\nWe must act now.\n", "T\nWe should act now.\n", Granularity::default());
        assert!(!small.rows[1].is_rewritten("T\nWe must act now.\n", "T\nWe should act now.\n"));
    }

    #[test]
    fn part_headings_of_the_same_number_pair_however_worded() {
        let a = "报告\n一、过去一年工作回顾\n经济运行总体平稳，发展质量稳步提升。\n二、2022年经济社会发展总体要求和政策取向\n做好政府工作要坚持稳中求进工作总基调。\n";
        let b = "报告\n一、过去一年工作回顾\n经济运行总体平稳，发展质量稳步提升。\n二、对今年政府工作的建议\n做好政府工作要坚持稳中求进工作总基调。\n";
        let c = compare(a, b, Granularity::default());
        let second =
            |o: &Outline, text: &str| o.leaves.iter().copied().find(|&l| o.get(l).body.of(text).starts_with("二、"));
        let (ha, hb) = (second(&c.outline_a, a).unwrap(), second(&c.outline_b, b).unwrap());
        let row = c.rows.iter().find(|r| r.a.contains(&ha)).expect("a row holds A's heading");
        assert_eq!((row.relation, row.b.as_slice()), (Relation::Reworded, &[hb][..]));
    }

    /// Three task paragraphs of a work report, for speeches built around them.
    const THREE_TASKS: [&str; 3] = [
        "坚持创新驱动发展，全面塑造发展新优势。",
        "加快发展现代产业体系，推动经济体系优化升级。",
        "全面推进乡村振兴，加快农业农村现代化。",
    ];

    #[test]
    fn a_repeated_salutation_paired_across_the_document_is_not_a_move() {
        // The third task moved to the front; the salutations between the tasks stay.
        let [p1, p2, p3] = THREE_TASKS;
        let a = format!("报告\n各位代表！\n{p1}\n各位代表！\n{p2}\n各位代表！\n{p3}\n");
        let b = format!("报告\n各位代表！\n{p3}\n各位代表！\n{p1}\n各位代表！\n{p2}\n");
        let c = compare(&a, &b, Granularity::default());
        let moved: Vec<&str> = c.rows.iter().filter(|r| r.moved).map(|r| c.outline_a.get(r.a[0]).body.of(&a)).collect();
        assert_eq!(moved, [p3]);
    }

    #[test]
    fn a_salutation_added_in_one_place_and_dropped_in_another_is_routine_not_a_move() {
        let [p1, p2, p3] = THREE_TASKS;
        let a = format!("报告\n各位代表！\n{p1}\n{p2}\n各位代表！\n{p3}\n");
        let b = format!("报告\n{p1}\n各位代表！\n{p2}\n各位代表！\n{p3}\n");
        let c = compare(&a, &b, Granularity::default());
        let unpaired: Vec<(Relation, Option<Significance>)> = c
            .rows
            .iter()
            .filter(|r| matches!(r.relation, Relation::Added | Relation::Dropped))
            .map(|r| (r.relation, r.significance))
            .collect();
        assert_eq!(
            unpaired,
            [(Relation::Dropped, Some(Significance::Routine)), (Relation::Added, Some(Significance::Routine))]
        );
        let moved = c.rows.iter().flat_map(|r| r.sentences_a.iter().chain(&r.sentences_b));
        assert!(moved.into_iter().all(|m| m.class != crate::findings::sentence_classes::SentenceClass::Moved));
    }

    #[test]
    fn a_condensed_last_task_takes_in_its_paragraphs_but_not_the_closing_passages() {
        // A's livelihood task runs over three paragraphs, then the speech turns to the
        // government itself after a salutation; B condenses the task into one paragraph.
        let a = "报告\n（一）稳定宏观经济大盘，扩大有效投资。\n（二）切实保障和改善民生，加强和创新社会治理。\n\
                 促进教育公平与质量提升，办好学前教育。\n提高医疗卫生服务能力，深化医保支付方式改革。\n\
                 各位代表！\n各级政府要加强自身建设，坚持依法行政。\n各位代表！\n让我们团结奋斗。\n";
        let b = "报告\n（一）稳定宏观经济大盘，扩大有效投资。\n\
                 （二）保障基本民生和发展社会事业，办好学前教育，深化医保支付方式改革，加强和创新社会治理。\n\
                 各位代表！\n各级政府要加强自身建设。\n各位代表！\n让我们团结奋斗。\n";
        let c = compare(a, b, Granularity::default());
        let body = |id: usize| c.outline_a.get(id).body.of(a);
        let task =
            c.rows.iter().find(|r| r.a.iter().any(|&id| body(id).starts_with("（二）"))).expect("the task's row");
        let bodies: Vec<&str> = task.a.iter().map(|&id| body(id)).collect();
        assert_eq!(bodies.len(), 3, "{bodies:?}");
        assert!(bodies.iter().all(|t| !t.contains("各位代表") && !t.contains("自身建设")), "{bodies:?}");
    }

    #[test]
    fn paragraphs_opening_with_the_same_lead_in_share_its_role() {
        let p = prepare(
            "全会强调，坚持党的全面领导。\n全会强调，保持同人民群众的血肉联系。\n全会提出，改善人民生活品质。\n",
        );
        let stresses = crate::text::fingerprint::role_feature(crate::text::roles::Role::Stresses);
        let has = |k: usize| p.prints[k].binary_search(&stresses).is_ok();
        assert_eq!((has(0), has(1), has(2)), (true, true, false));
    }

    #[test]
    fn both_empty_is_empty() {
        let c = compare("", " \n", Granularity::default());
        assert!(c.rows.is_empty());
    }
}

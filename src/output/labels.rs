//! The words the page and the exports use: what happened to a row (its relation label,
//! "reworded · 92% alike", "moved from ¶5·5 · …", "largely rewritten · 20% of the text
//! kept"; its sentence line; its CSS class), to a formulation (added, dropped…), to a
//! priority (↑2, new), and where a section is (¶4·3). One place, so the page, the reports
//! and the CLI cannot drift apart; pure functions, checked natively by `cargo test`.

use crate::compare::Comparison;
use crate::diff::significance::Significance;
use crate::findings::formulation_changes::FormulationStatus;
use crate::findings::priorities::PriorityMatch;
use crate::model::row::{Relation, Row};
use crate::text::segment::{Outline, SectionKind};
use crate::util::span::Span;

/// A share from 0 to 1 as a whole percentage (integer formatting keeps float printing
/// code out of the wasm).
pub fn percent(share: f32) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// A count with its noun, singular for one: `1 formulation`, `3 formulations`.
pub fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The label of a row's relation: `reworded · 92% alike`, `moved from ¶5·5 · …`.
pub fn relation_label(row: &Row, c: &Comparison) -> String {
    relation_label_in(row, c, None, None)
}

/// [`relation_label`], saying "largely rewritten" when the texts are given and the row is,
/// with the share of its text kept (the figure that decided it, not the similarity of
/// words that paired it, which can be higher: "49% alike" beside "largely rewritten" read
/// as a contradiction). With the phrases both sides print in any order (`shared`, the
/// marks the row shows), the share they cover when it is larger: "0% kept" beside three
/// marked phrases read as a contradiction too.
pub fn relation_label_in(
    row: &Row,
    c: &Comparison,
    texts: Option<(&str, &str)>,
    shared: Option<(&[Span], &[Span])>,
) -> String {
    let kept = texts.and_then(|(a, b)| {
        let kept = row.kept_share(a, b).filter(|&k| k < crate::compare::REWRITTEN_BELOW)?;
        Some(shared.map_or(kept, |marks| kept.max(row.marked_share((a, b), marks))))
    });
    let base = match (row.relation, kept) {
        (Relation::Reworded, Some(kept)) => format!("largely rewritten · {}% of the text kept", percent(kept)),
        _ => match row.relation {
            Relation::Same => "unchanged".to_string(),
            Relation::Reworded if row.significance == Some(Significance::Routine) => "routine update".to_string(),
            Relation::Reworded if row.significance == Some(Significance::Modifier) => "emphasis changed".to_string(),
            Relation::Reworded => format!("reworded · {}% alike", percent(row.similarity)),
            Relation::Split => format!("split into {}", how_many(&c.outline_b, &row.b)),
            Relation::Merged => format!("merged from {}", how_many(&c.outline_a, &row.a)),
            Relation::Added => "added".to_string(),
            Relation::Dropped => "dropped".to_string(),
        },
    };
    let base = if row.coarse && !matches!(row.relation, Relation::Added | Relation::Dropped) {
        format!("{base} · too long and too different to diff word by word: shown as replaced")
    } else {
        base
    };
    let base =
        if row.is_weak_match() && row.relation != Relation::Same { format!("{base} · weak match") } else { base };
    if row.moved {
        format!("moved from {} · {base}", locator(&c.outline_a, &row.a))
    } else {
        base
    }
}

/// What happened to a row's sentences, in words, or `None` when there is nothing to add to
/// the relation label: `sentences: 3 kept · 1 reworded · 1 added · 1 moved in from ¶7`.
/// Rows that are one sentence a side say nothing unless a sentence moved between rows.
pub fn sentence_line(row: &Row, c: &Comparison) -> Option<String> {
    let n = crate::findings::sentence_classes::counts(&row.sentences_a, &row.sentences_b);
    let paired = !row.a.is_empty() && !row.b.is_empty();
    let short = row.sentences_a.len() <= 1 && row.sentences_b.len() <= 1;
    if n.all_kept() || (short && n.moved_in.is_empty() && n.moved_out.is_empty()) {
        return None;
    }
    let place = |outline: &crate::text::segment::Outline, at: Span| {
        outline.leaf_at(at.start).map(|leaf| locator(outline, &[leaf])).unwrap_or_default()
    };
    let mut parts = Vec::new();
    if paired {
        for (count, what) in [(n.kept, "kept"), (n.reworded, "reworded"), (n.added, "added"), (n.dropped, "dropped")] {
            if count > 0 {
                parts.push(format!("{count} {what}"));
            }
        }
        if n.moved_within > 0 {
            parts.push(format!("{} reordered", n.moved_within));
        }
    }
    for at in &n.moved_in {
        parts.push(format!("1 moved in from {}", place(&c.outline_a, *at)));
    }
    for at in &n.moved_out {
        parts.push(format!("1 moved out to {}", place(&c.outline_b, *at)));
    }
    (!parts.is_empty()).then(|| format!("sentences: {}", parts.join(" · ")))
}

/// The CSS class of a row's relation.
pub fn relation_class(row: &Row) -> &'static str {
    match row.relation {
        Relation::Same => "same",
        Relation::Reworded if row.significance == Some(Significance::Routine) => "routine-only",
        Relation::Reworded => "reworded",
        Relation::Split => "split",
        Relation::Merged => "merged",
        // A salutation added or dropped: marked as such, but quiet (see `compare`).
        Relation::Added if row.significance == Some(Significance::Routine) => "added routine-only",
        Relation::Dropped if row.significance == Some(Significance::Routine) => "dropped routine-only",
        Relation::Added => "added",
        Relation::Dropped => "dropped",
    }
}

/// `¶4` or `¶4·3` for a row's side.
pub fn locator(outline: &Outline, ids: &[usize]) -> String {
    let one = |id: usize| {
        let s = outline.get(id);
        match (s.kind, s.marker) {
            (SectionKind::Item, Some(m)) => format!("¶{}·{}", s.paragraph, m.number),
            _ => format!("¶{}", s.paragraph),
        }
    };
    match ids {
        [] => String::new(),
        [only] => one(*only),
        [first, .., last] => format!("{}–{}", one(*first), one(*last)),
    }
}

/// How many sections a split or merged row spreads over, in the reader's units: the
/// paragraphs its locator names, and the parts when a paragraph was itself cut into items
/// ("3 paragraphs, 9 parts" beside ¶5–¶7, where "9" alone did not match what the reader sees).
fn how_many(outline: &Outline, ids: &[usize]) -> String {
    let mut paragraphs: Vec<usize> = ids.iter().map(|&id| outline.get(id).paragraph).collect();
    paragraphs.dedup();
    if paragraphs.len() == ids.len() || paragraphs.len() < 2 {
        ids.len().to_string()
    } else {
        format!("{} paragraphs, {} parts", paragraphs.len(), ids.len())
    }
}

/// The relation of a row in words.
pub fn relation_words(row: &Row) -> &'static str {
    match (row.relation, row.moved) {
        (_, true) => "moved",
        (Relation::Same, _) => "unchanged",
        (Relation::Reworded, _) => "reworded",
        (Relation::Split, _) => "split",
        (Relation::Merged, _) => "merged",
        (Relation::Added, _) => "added",
        (Relation::Dropped, _) => "dropped",
    }
}

/// A formulation's status in words: added, dropped, reworded, count changed, kept.
pub fn status_label(s: FormulationStatus) -> &'static str {
    match s {
        FormulationStatus::Added => "added",
        FormulationStatus::Dropped => "dropped",
        FormulationStatus::Reworded => "reworded",
        FormulationStatus::CountChanged => "count changed",
        FormulationStatus::Kept => "kept",
    }
}

/// A priority's change of rank in words: `=`, `↑2`, `↓1`, `new`, `dropped`.
pub fn rank_change(m: &PriorityMatch) -> String {
    match (m.rank_a, m.rank_b, m.rank_change) {
        (Some(_), Some(_), Some(0)) => "=".to_string(),
        (Some(_), Some(_), Some(d)) if d > 0 => format!("↑{d}"),
        (Some(_), Some(_), Some(d)) => format!("↓{}", -d),
        (None, _, _) => "new".to_string(),
        _ => "dropped".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Granularity};

    fn rows(a: &str, b: &str) -> (Comparison, Vec<String>) {
        let c = compare(a, b, Granularity::default());
        let labels = c.rows.iter().map(|r| relation_label_in(r, &c, Some((a, b)), None)).collect();
        (c, labels)
    }

    #[test]
    fn a_largely_rewritten_row_counts_the_phrases_it_keeps_in_another_order() {
        // Two phrases both versions print, in the other order: a word diff keeps one.
        let a = "T\n会议指出，各地要全面推进乡村振兴战略实施，同时还要切实保障国家粮食安全，做好各项相关工作。\n";
        let b = "T\n切实保障国家粮食安全是头等大事，必须毫不动摇坚持，全面推进乡村振兴战略实施并抓好落实。\n";
        let c = compare(a, b, Granularity::default());
        let row = c.rows.iter().find(|r| r.relation == Relation::Reworded).expect("paired in place");
        assert!(row.is_rewritten(a, b));
        let span =
            |outline: &Outline, ids: &[usize]| -> Vec<Span> { ids.iter().map(|&i| outline.get(i).span).collect() };
        let (marks_a, marks_b) = crate::model::shared_phrases::shared_phrases(
            a,
            &span(&c.outline_a, &row.a),
            b,
            &span(&c.outline_b, &row.b),
        );
        let marked: Vec<&str> = marks_b.iter().map(|m| m.of(b)).collect();
        assert_eq!(marked, ["切实保障国家粮食安全", "全面推进乡村振兴战略实施"]);
        let kept = row.kept_share(a, b).unwrap();
        let covered = row.marked_share((a, b), (&marks_a, &marks_b));
        assert!(covered > kept, "{covered} > {kept}");
        let label = |shared| relation_label_in(row, &c, Some((a, b)), shared);
        assert_eq!(label(None), format!("largely rewritten · {}% of the text kept", percent(kept)));
        assert_eq!(
            label(Some((&marks_a[..], &marks_b[..]))),
            format!("largely rewritten · {}% of the text kept", percent(covered))
        );
    }

    #[test]
    fn one_of_a_thing_is_singular() {
        assert_eq!(count_of(1, "formulation"), "1 formulation");
        assert_eq!(count_of(0, "list"), "0 lists");
        assert_eq!(count_of(12, "item"), "12 items");
    }

    #[test]
    fn a_percentage_is_whole_and_clamped() {
        assert_eq!(percent(0.926), 93);
        assert_eq!(percent(1.7), 100);
        assert_eq!(percent(-0.2), 0);
    }

    #[test]
    fn rows_say_what_happened_in_words() {
        let (c, labels) = rows(
            "Title\nWe will deepen reform and opening up this year.\n",
            "Title\nWe will deepen reform and widen opening up this year.\nGrain output stays above 650 million tonnes.\n",
        );
        assert_eq!(labels, ["unchanged", "reworded · 85% alike", "added"]);
        assert_eq!(relation_class(&c.rows[0]), "same");
        assert_eq!(relation_class(&c.rows[2]), "added");
    }

    #[test]
    fn a_split_over_items_counts_the_paragraphs_the_reader_sees_and_the_parts() {
        let a = "Title\nWe will fight the pandemic together and build a global firewall against the virus. We will share vaccines fairly, support the WHO and help developing countries with vaccines and medicines and funds.\n";
        let b = "Title\nWe will fight the pandemic together and build a global firewall against the virus.\nFirst, share vaccines fairly. Second, support the WHO. Third, help developing countries with vaccines and medicines and funds.\n";
        let c = compare(a, b, Granularity::default());
        let split: Vec<String> =
            c.rows.iter().filter(|r| r.relation == Relation::Split).map(|r| relation_label(r, &c)).collect();
        // B ¶2 and the three items of B ¶3: two paragraphs, four parts.
        assert_eq!(split, ["split into 2 paragraphs, 4 parts"]);
    }

    #[test]
    fn a_priority_says_how_its_rank_moved_in_the_words_of_every_export() {
        let m = |a: Option<usize>, b: Option<usize>| PriorityMatch {
            rank_a: a,
            rank_b: b,
            label_a: None,
            label_b: None,
            section_a: None,
            section_b: None,
            rank_change: a.zip(b).map(|(a, b)| a as i64 - b as i64),
        };
        let words: Vec<String> =
            [m(Some(2), Some(2)), m(Some(4), Some(2)), m(Some(1), Some(3)), m(None, Some(1)), m(Some(5), None)]
                .iter()
                .map(rank_change)
                .collect();
        assert_eq!(words, ["=", "↑2", "↓2", "new", "dropped"]);
        assert_eq!(status_label(FormulationStatus::CountChanged), "count changed");
    }
}

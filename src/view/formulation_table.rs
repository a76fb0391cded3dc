//! What the formulations table shows: which rows pass the filter and the search, in which
//! order, and the counts above it. The panel only draws what this decides.

use crate::findings::formulation_changes::{FormulationChange, FormulationStatus};

/// How the reader set the table up: kept in the workspace, so that a comparison computed
/// again (new options, the other document) shows the same rows, and written into links.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableView {
    /// Which formulations it lists.
    pub filter: Filter,
    /// In which order.
    pub sort: SortBy,
    /// The search (empty: none).
    pub query: String,
}

/// The longest search a link restores, in characters: a search longer than any formulation
/// finds nothing, and a tampered link must not fill the search box with a book.
pub const MAX_QUERY: usize = 200;

impl TableView {
    /// The table set up from a link's codes; unknown codes read as the defaults and an
    /// overlong search is cut.
    pub fn from_codes(filter: &str, sort: &str, query: &str) -> TableView {
        TableView {
            filter: Filter::from_code(filter),
            sort: SortBy::from_code(sort),
            query: query.chars().take(MAX_QUERY).collect(),
        }
    }
}

/// Which formulations the table lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// Every one not kept as it was (the default).
    #[default]
    Changed,
    /// Every one.
    All,
    /// One status.
    Only(FormulationStatus),
    /// Phrases found by repetition and series (candidates), whatever their status.
    Repeated,
}

impl Filter {
    /// The filters with their codes (the picker's values) and labels, in the picker's order.
    pub const ALL: [(Filter, &'static str, &'static str); 8] = [
        (Filter::Changed, "changed", "changed"),
        (Filter::All, "all", "all"),
        (Filter::Only(FormulationStatus::Added), "added", "added"),
        (Filter::Only(FormulationStatus::Dropped), "dropped", "dropped"),
        (Filter::Only(FormulationStatus::Reworded), "reworded", "reworded"),
        (Filter::Only(FormulationStatus::CountChanged), "count", "count changed"),
        (Filter::Only(FormulationStatus::Kept), "kept", "kept"),
        (Filter::Repeated, "repeated", "candidates: repeated phrases, series"),
    ];

    /// The filter of a picker value; an unknown one is the default.
    pub fn from_code(code: &str) -> Filter {
        Filter::ALL.iter().find(|f| f.1 == code).map_or(Filter::Changed, |f| f.0)
    }

    /// The filter's picker value.
    pub fn code(self) -> &'static str {
        Filter::ALL.iter().find(|f| f.0 == self).map_or("changed", |f| f.1)
    }

    fn admits(self, s: &FormulationChange) -> bool {
        match self {
            Filter::Changed => s.status != FormulationStatus::Kept,
            Filter::All => true,
            Filter::Only(status) => s.status == status,
            Filter::Repeated => s.kind.is_candidate(),
        }
    }
}

/// The table's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// As the comparison lists them: by status, then where they stand (the default).
    #[default]
    Status,
    /// Largest change of count first.
    Change,
    /// Most frequent in B first.
    CountB,
    /// Alphabetical.
    Text,
}

impl SortBy {
    /// The orders with their codes and labels, in the picker's order.
    pub const ALL: [(SortBy, &'static str, &'static str); 4] = [
        (SortBy::Status, "status", "status"),
        (SortBy::Change, "change", "count change"),
        (SortBy::CountB, "count", "count in B"),
        (SortBy::Text, "text", "text"),
    ];

    /// The order of a picker value; an unknown one is the default.
    pub fn from_code(code: &str) -> SortBy {
        SortBy::ALL.iter().find(|s| s.1 == code).map_or(SortBy::Status, |s| s.0)
    }

    /// The order's picker value.
    pub fn code(self) -> &'static str {
        SortBy::ALL.iter().find(|s| s.0 == self).map_or("status", |s| s.1)
    }
}

/// The rows the table lists for `filter`, `sort` and the search `query` (case-insensitive,
/// in the text, the gloss or the reworded form). On paper (`printing`) every row is listed.
pub fn table_rows<'c>(
    formulations: &'c [FormulationChange],
    (filter, sort): (Filter, SortBy),
    query: &str,
    printing: bool,
) -> Vec<&'c FormulationChange> {
    let q = query.to_lowercase();
    let found = |s: &FormulationChange| {
        q.is_empty()
            || s.text.to_lowercase().contains(&q)
            || s.gloss.is_some_and(|g| g.to_lowercase().contains(&q))
            || s.reworded_from.as_ref().is_some_and(|r| r.to_lowercase().contains(&q))
    };
    let mut rows: Vec<&FormulationChange> =
        formulations.iter().filter(|s| printing || (filter.admits(s) && found(s))).collect();
    use crate::util::shared_sort::{sort_by, sort_by_key};
    match sort {
        SortBy::Status => {}
        SortBy::Change => sort_by_key(&mut rows, |s| std::cmp::Reverse(s.count_a().abs_diff(s.count_b()))),
        SortBy::CountB => sort_by_key(&mut rows, |s| std::cmp::Reverse((s.count_b(), s.count_a()))),
        SortBy::Text => sort_by(&mut rows, |x, y| x.text.cmp(&y.text)),
    }
    rows
}

/// The counts above the table: formulations of each status (added, dropped, reworded,
/// count changed, kept), and apart, the candidates that changed. Candidates are left out of
/// the five counts, as in the summary strip.
pub fn counts(formulations: &[FormulationChange]) -> ([usize; 5], usize) {
    use FormulationStatus::*;
    let mut by_status = [0; 5];
    let mut candidates_changed = 0;
    for s in formulations {
        if s.kind.is_candidate() {
            candidates_changed += usize::from(s.status != Kept);
            continue;
        }
        let at = match s.status {
            Added => 0,
            Dropped => 1,
            Reworded => 2,
            CountChanged => 3,
            Kept => 4,
        };
        by_status[at] += 1;
    }
    (by_status, candidates_changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::formulations::FormulationKind;
    use crate::util::span::Span;

    fn change(
        text: &str,
        status: FormulationStatus,
        kind: FormulationKind,
        counts: (usize, usize),
    ) -> FormulationChange {
        let at = |n: usize| (0..n).map(|i| Span::new(i, i + 1)).collect();
        FormulationChange {
            key: text.into(),
            text: text.into(),
            reworded_from: None,
            kind,
            category: None,
            gloss: None,
            canonical: None,
            status,
            occurrences_a: at(counts.0),
            occurrences_b: at(counts.1),
            history: None,
        }
    }

    fn table() -> Vec<FormulationChange> {
        use FormulationKind::*;
        use FormulationStatus::*;
        vec![
            change("新质生产力", Added, Lexicon, (0, 2)),
            change("三大攻坚战", Dropped, Lexicon, (3, 0)),
            change("高质量发展", CountChanged, Lexicon, (1, 6)),
            change("共同富裕", Kept, Lexicon, (2, 2)),
            change("稳就业、稳企业", Added, Series, (0, 1)),
        ]
    }

    fn texts(rows: &[&FormulationChange]) -> Vec<String> {
        rows.iter().map(|s| s.text.clone()).collect()
    }

    #[test]
    fn the_table_opens_on_what_changed_in_the_comparisons_order() {
        let t = table();
        let rows = table_rows(&t, (Filter::Changed, SortBy::Status), "", false);
        assert_eq!(texts(&rows), ["新质生产力", "三大攻坚战", "高质量发展", "稳就业、稳企业"]);
    }

    #[test]
    fn filters_sorts_and_search_narrow_and_order_it() {
        let t = table();
        let only = |f| texts(&table_rows(&t, (f, SortBy::Status), "", false));
        assert_eq!(only(Filter::Only(FormulationStatus::Kept)), ["共同富裕"]);
        assert_eq!(only(Filter::Repeated), ["稳就业、稳企业"]);
        assert_eq!(only(Filter::All).len(), 5);
        let by = |s| texts(&table_rows(&t, (Filter::All, s), "", false));
        assert_eq!(by(SortBy::Change)[0], "高质量发展", "5 more in B");
        assert_eq!(by(SortBy::CountB)[..3], ["高质量发展", "共同富裕", "新质生产力"], "ties by count in A");
        assert_eq!(texts(&table_rows(&t, (Filter::All, SortBy::Status), "攻坚", false)), ["三大攻坚战"]);
    }

    #[test]
    fn on_paper_every_row_is_listed_whatever_the_filter_and_search() {
        let t = table();
        assert_eq!(table_rows(&t, (Filter::Only(FormulationStatus::Kept), SortBy::Status), "zzz", true).len(), 5);
    }

    #[test]
    fn every_filter_and_order_reads_back_from_its_code_and_unknown_codes_are_the_defaults() {
        for (f, code, _) in Filter::ALL {
            assert_eq!(Filter::from_code(f.code()), f, "{code}");
        }
        for (s, code, _) in SortBy::ALL {
            assert_eq!(SortBy::from_code(s.code()), s, "{code}");
        }
        assert_eq!(TableView::from_codes("nonsense", "", ""), TableView::default());
        let long = "改".repeat(MAX_QUERY + 50);
        assert_eq!(TableView::from_codes("dropped", "text", &long).query.chars().count(), MAX_QUERY);
    }

    #[test]
    fn counts_leave_candidates_apart() {
        assert_eq!(counts(&table()), ([1, 1, 0, 1, 1], 1));
    }

    #[test]
    fn picker_codes_read_back_and_unknown_ones_are_the_default() {
        for (f, code, _) in Filter::ALL {
            assert_eq!(Filter::from_code(code), f);
        }
        for (s, code, _) in SortBy::ALL {
            assert_eq!(SortBy::from_code(code), s);
        }
        assert_eq!(Filter::from_code("bogus"), Filter::Changed);
        assert_eq!(SortBy::from_code(""), SortBy::Status);
    }
}

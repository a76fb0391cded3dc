//! Formulation rows of a timeline: the count of each formulation in every document.
//!
//! Formulations are identified by their key ([`crate::findings::formulations::Formulation::key`]), so a lexicon
//! entry printed in Chinese in one document and in English in another is one row. A
//! formulation that an adjacent comparison reads as reworded into another joins that
//! other's row: the row's forms list both, and its counts add up both.

use super::{Analysed, PairAnalysis};
use crate::findings::formulation_changes::FormulationStatus;
use crate::findings::formulations::FormulationKind;
use std::collections::BTreeMap;

/// One formulation across the series.
#[derive(Clone, Debug, PartialEq)]
pub struct FormulationTrack {
    /// The form to show: the latest one printed.
    pub text: String,
    /// Every form of the row, in order of first appearance (one unless reworded).
    pub forms: Vec<String>,
    /// How it was found (the strongest way in any document).
    pub kind: FormulationKind,
    /// Lexicon category, if a lexicon entry.
    pub category: Option<&'static str>,
    /// English gloss, if a lexicon entry.
    pub gloss: Option<&'static str>,
    /// Times it stands in each document.
    pub counts: Vec<usize>,
    /// Its key in each document where it stands (for opening that document's comparison
    /// at it).
    pub keys: Vec<Option<String>>,
    /// Index of the first document where it stands.
    pub first: usize,
    /// Index of the last document where it stands.
    pub last: usize,
    /// Total count over the series.
    pub total: usize,
    /// Steps from one document to the next where its count changed.
    pub changes: usize,
    /// True when it is absent from the first document (it appears within the series).
    pub appears: bool,
    /// True when it is absent from the last document (it vanishes within the series).
    pub vanishes: bool,
    /// True when it appears, vanishes and comes back (a gap inside its span).
    pub intermittent: bool,
    /// Its record in seventy years of work and congress reports (and English speeches),
    /// which carries the series back before its first document.
    pub history: Option<crate::findings::phrase_table::History>,
}

impl FormulationTrack {
    /// Its record as a reader reads it ([`crate::findings::phrase_table::History::describe`]):
    /// for a row that vanishes, "last seen" measured against the year of the document it is
    /// missing from first (`documents`: the series'). None when the phrase table has no record.
    pub fn record(&self, documents: &[super::DocInfo]) -> Option<String> {
        let vanished_in = || documents.get(self.last + 1).and_then(|d| crate::findings::phrase_table::year_of(&d.date));
        self.history.map(|h| h.describe(self.vanishes.then(vanished_in)))
    }
}

/// Union-find over formulation keys.
#[derive(Default)]
struct Groups {
    index: BTreeMap<String, usize>,
    parent: Vec<usize>,
}

impl Groups {
    fn id(&mut self, key: &str) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let i = self.parent.len();
        self.parent.push(i);
        self.index.insert(key.to_string(), i);
        i
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, x: &str, y: &str) {
        let (x, y) = (self.id(x), self.id(y));
        let (rx, ry) = (self.root(x), self.root(y));
        if rx != ry {
            self.parent[ry.max(rx)] = ry.min(rx);
        }
    }
}

/// The formulation rows of a series, in order of first appearance (then first place).
pub(crate) fn tracks(docs: &[Analysed<'_>], pairs: &[PairAnalysis]) -> Vec<FormulationTrack> {
    let n = docs.len();
    let mut groups = Groups::default();
    // Every key gets its group in order of first appearance, so row order is stable.
    for d in docs {
        for s in d.formulations.iter().filter(|s| s.kind != FormulationKind::Title) {
            groups.id(&s.key);
        }
    }
    for (i, pair) in pairs.iter().enumerate() {
        for change in pair.formulations.iter().filter(|c| c.status == FormulationStatus::Reworded) {
            let Some(from) = &change.reworded_from else { continue };
            // The comparison names the replaced formulation by its text; find its key.
            let earlier = docs[i].formulations.iter().find(|s| s.text == *from && s.kind != FormulationKind::Title);
            if let Some(earlier) = earlier {
                groups.join(&earlier.key, &change.key);
            }
        }
    }
    let mut rows: BTreeMap<usize, FormulationTrack> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for s in d.formulations.iter().filter(|s| s.kind != FormulationKind::Title) {
            let id = groups.id(&s.key);
            let root = groups.root(id);
            let row = rows.entry(root).or_insert_with(|| FormulationTrack {
                text: s.text.clone(),
                forms: Vec::new(),
                kind: s.kind,
                category: s.category,
                gloss: s.gloss,
                counts: vec![0; n],
                keys: vec![None; n],
                first: i,
                last: i,
                total: 0,
                changes: 0,
                appears: false,
                vanishes: false,
                intermittent: false,
                history: None,
            });
            row.counts[i] += s.occurrences.len();
            // Two keys of one group in one document: the one standing more often names it.
            if row.keys[i].is_none() {
                row.keys[i] = Some(s.key.clone());
            }
            if !row.forms.contains(&s.text) {
                row.forms.push(s.text.clone());
            }
            row.text = s.text.clone();
            row.kind = row.kind.min(s.kind);
            row.category = row.category.or(s.category);
            row.gloss = row.gloss.or(s.gloss);
            row.history = row.history.or(s.history);
        }
    }
    rows.into_values().map(|row| summarise(row, n)).collect()
}

fn summarise(mut row: FormulationTrack, n: usize) -> FormulationTrack {
    let present: Vec<usize> = (0..n).filter(|&i| row.counts[i] > 0).collect();
    row.first = present.first().copied().unwrap_or(0);
    row.last = present.last().copied().unwrap_or(0);
    row.total = row.counts.iter().sum();
    row.changes = row.counts.windows(2).filter(|w| w[0] != w[1]).count();
    row.appears = row.first > 0;
    row.vanishes = row.last + 1 < n;
    row.intermittent = present.len() < row.last - row.first + 1;
    row
}

/// How the heat map may be ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FormulationOrder {
    /// Earliest first appearance first.
    #[default]
    FirstAppearance,
    /// Latest last appearance first (what is current on top).
    LastAppearance,
    /// Most occurrences over the series first.
    Total,
    /// Most count changes from one document to the next first.
    Volatility,
}

impl FormulationOrder {
    /// Every order, in menu order.
    pub const ALL: [FormulationOrder; 4] = [
        FormulationOrder::FirstAppearance,
        FormulationOrder::LastAppearance,
        FormulationOrder::Total,
        FormulationOrder::Volatility,
    ];

    /// Short name used in links and menus' values.
    pub fn code(self) -> &'static str {
        match self {
            FormulationOrder::FirstAppearance => "first",
            FormulationOrder::LastAppearance => "last",
            FormulationOrder::Total => "total",
            FormulationOrder::Volatility => "volatility",
        }
    }

    /// Reads a code back (unknown codes give the default).
    pub fn from_code(code: &str) -> Self {
        Self::ALL.into_iter().find(|o| o.code() == code).unwrap_or_default()
    }

    /// Words for a menu.
    pub fn label(self) -> &'static str {
        match self {
            FormulationOrder::FirstAppearance => "First appearance",
            FormulationOrder::LastAppearance => "Last appearance",
            FormulationOrder::Total => "Total count",
            FormulationOrder::Volatility => "Volatility",
        }
    }
}

/// Headline formulations: lexicon entries and number + 个 formulations, not every quoted
/// phrase (which in a congress report run to hundreds).
pub fn is_headline(t: &FormulationTrack) -> bool {
    matches!(t.kind, FormulationKind::Lexicon | FormulationKind::Numbered) || t.category.is_some()
}

/// The rows to show: those whose forms or gloss contain `filter` (case-insensitive),
/// headline ones only unless `all_kinds`, in `order`. Returns indexes into `tracks`.
pub fn select(tracks: &[FormulationTrack], filter: &str, all_kinds: bool, order: FormulationOrder) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let mut picked: Vec<usize> = (0..tracks.len())
        .filter(|&i| all_kinds || is_headline(&tracks[i]))
        .filter(|&i| {
            let t = &tracks[i];
            needle.is_empty()
                || t.forms.iter().any(|f| f.to_lowercase().contains(&needle))
                || t.gloss.is_some_and(|g| g.to_lowercase().contains(&needle))
        })
        .collect();
    // Ties keep the order of first appearance (the order of `tracks`).
    match order {
        FormulationOrder::FirstAppearance => crate::util::shared_sort::sort_by_key(&mut picked, |&i| tracks[i].first),
        FormulationOrder::LastAppearance => {
            crate::util::shared_sort::sort_by_key(&mut picked, |&i| std::cmp::Reverse(tracks[i].last))
        }
        FormulationOrder::Total => {
            crate::util::shared_sort::sort_by_key(&mut picked, |&i| std::cmp::Reverse(tracks[i].total))
        }
        FormulationOrder::Volatility => {
            crate::util::shared_sort::sort_by_key(&mut picked, |&i| std::cmp::Reverse(tracks[i].changes))
        }
    }
    picked
}

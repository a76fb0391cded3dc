//! What the user controls: the two documents, the timeline's series, and the corpus they
//! can pick from; and the one function that changes it ([`Workspace::apply`]).
//!
//! The page keeps a [`Workspace`] in a yew reducer (`ui/state` wraps [`Workspace::apply`]);
//! here it is plain data, so that every transition is tested natively by `cargo test`.

use crate::input::corpus::{CorpusEntry, CorpusIndex};
pub use crate::model::side::Side;
use crate::timeline::formulation_tracks::FormulationOrder;
use crate::view::formulation_table::TableView;
use crate::view::options::Options;
use crate::view::share::View;
use std::rc::Rc;

/// Where a document's text came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Nothing loaded yet.
    Empty,
    /// The bundled corpus document with this id.
    Corpus(String),
    /// Pasted by the user.
    Pasted,
    /// Opened from a file by the user.
    File,
}

/// One loaded document.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Title shown above it.
    pub title: Rc<str>,
    /// Its text.
    pub text: Rc<str>,
    /// Where it came from.
    pub source: Source,
    /// Extra context (date, body) shown under the title.
    pub subtitle: Rc<str>,
    /// True for illustrative (made-up) documents, which the UI labels as such.
    pub illustrative: bool,
    /// Date of a bundled document (empty otherwise), for quotes and reports.
    pub date: Rc<str>,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        // The same text object is the common case (hooks compare the documents on every
        // render); only different objects are compared byte by byte.
        let same = |x: &Rc<str>, y: &Rc<str>| Rc::ptr_eq(x, y) || x == y;
        same(&self.text, &other.text)
            && same(&self.title, &other.title)
            && self.source == other.source
            && same(&self.subtitle, &other.subtitle)
            && self.illustrative == other.illustrative
            && same(&self.date, &other.date)
    }
}

impl Doc {
    /// Its label for reports and quotes.
    pub fn label(&self) -> crate::output::report::DocLabel<'_> {
        crate::output::report::DocLabel { title: &self.title, date: &self.date, text: &self.text }
    }

    /// An empty document.
    pub fn empty() -> Self {
        Doc {
            title: "No document".into(),
            text: "".into(),
            source: Source::Empty,
            subtitle: "".into(),
            illustrative: false,
            date: "".into(),
        }
    }

    /// A document from the corpus.
    pub fn from_corpus(entry: &CorpusEntry, text: String) -> Self {
        Doc {
            title: entry.title.as_str().into(),
            text: text.into(),
            source: Source::Corpus(entry.id.clone()),
            subtitle: format!("{} · {}", entry.body, entry.date).into(),
            illustrative: entry.illustrative,
            date: entry.date.as_str().into(),
        }
    }

    /// A document read from a file: its title, date and body from its own text where it
    /// states them ([`crate::input::doc_meta`]), else the file's name.
    pub fn imported(file_name: &str, file: crate::input::import::Imported) -> Self {
        let read_as = match file.encoding {
            crate::input::encoding::Encoding::Utf8 => String::new(),
            other => format!(", read as {}", other.name()),
        };
        let accepted = if file.tracked_changes { ", its tracked changes accepted" } else { "" };
        let origin = format!("from the file {file_name}{read_as}{accepted}");
        Doc::described(file.text, Source::File, &file.title, &origin)
    }

    /// A document that came embedded in a link or the browser's storage: what it says of
    /// itself, and how it was brought (pasted, or opened from a file).
    pub fn embedded(title: String, text: String, from_file: bool) -> Self {
        let origin = if from_file { "opened from a file" } else { "pasted" };
        let mut d = Doc::described(text, if from_file { Source::File } else { Source::Pasted }, "Pasted text", origin);
        if !title.is_empty() {
            d.title = title.into();
        }
        d
    }

    /// A document the user brought: title, date and body from its text
    /// ([`crate::input::doc_meta::describe`]), `fallback_title` when it states none; the subtitle
    /// says what it is, its date, its length and `origin`.
    fn described(text: String, source: Source, fallback_title: &str, origin: &str) -> Self {
        let meta = crate::input::doc_meta::describe(&text);
        let chars = text.chars().count();
        let about: Vec<&str> = [meta.body.as_deref(), meta.date.as_deref()].into_iter().flatten().collect();
        let about = if about.is_empty() { String::new() } else { format!("{} · ", about.join(" · ")) };
        Doc {
            title: meta.title.as_deref().unwrap_or(fallback_title).into(),
            text: text.into(),
            source,
            subtitle: format!("{about}{}, {origin}", crate::output::labels::count_of(chars, "character")).into(),
            illustrative: false,
            date: meta.date.unwrap_or_default().into(),
        }
    }

    /// A pasted document.
    pub fn pasted(text: String) -> Self {
        Doc::described(text, Source::Pasted, "Pasted text", "pasted in this browser")
    }
}

/// What the page shows: one pair, or a timeline over a series.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Two documents compared section by section.
    #[default]
    Compare,
    /// A series of documents, with formulations, priorities and sections over time.
    Timeline,
}

/// The timeline's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TimelineTab {
    /// The formulation heat map.
    #[default]
    Formulations,
    /// The priority bump chart.
    Priorities,
    /// Section continuity strips.
    Sections,
}

impl TimelineTab {
    /// The tabs in order.
    pub const ALL: [TimelineTab; 3] = [TimelineTab::Formulations, TimelineTab::Priorities, TimelineTab::Sections];

    /// Name in links.
    pub fn code(self) -> &'static str {
        match self {
            TimelineTab::Formulations => "slogans",
            TimelineTab::Priorities => "priorities",
            TimelineTab::Sections => "sections",
        }
    }

    /// Reads a link's name (unknown names give the default).
    pub fn from_code(code: &str) -> Self {
        Self::ALL.into_iter().find(|t| t.code() == code).unwrap_or_default()
    }

    /// Words on the tab.
    pub fn label(self) -> &'static str {
        match self {
            TimelineTab::Formulations => "Formulations",
            TimelineTab::Priorities => "Priority ranks",
            TimelineTab::Sections => "Section continuity",
        }
    }
}

/// How the timeline is being viewed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineView {
    /// The open tab.
    pub tab: TimelineTab,
    /// The heat map's order.
    pub order: FormulationOrder,
    /// The heat map's text filter.
    pub filter: String,
    /// True to list quoted phrases too, not only headline formulations.
    pub all_kinds: bool,
    /// The priority chain in the bump chart.
    pub chain: usize,
}

/// The corpus index as far as it is known.
#[derive(Clone, Debug, PartialEq)]
pub enum CorpusState {
    /// Still being fetched.
    Loading,
    /// Fetched.
    Ready(Rc<CorpusIndex>),
    /// Could not be fetched; the message says why.
    Failed(String),
}

/// The workspace: everything the user controls.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// Documents A and B.
    pub docs: [Doc; 2],
    /// The corpus to pick from.
    pub corpus: CorpusState,
    /// A message about the last failed action, shown until the next action.
    pub notice: Option<String>,
    /// Comparison options.
    pub options: Options,
    /// What the user is looking at: a formulation's occurrences or a priority.
    pub focus: Option<Focus>,
    /// Side by side or inline.
    pub view: View,
    /// How the formulations table is set up: it outlives the comparison it was set on.
    pub table: TableView,
    /// False until the first comparison (from a link, storage or the defaults) is in place;
    /// the address bar is not written before, so an incoming link is never overwritten.
    pub ready: bool,
    /// One pair or the timeline.
    pub mode: Mode,
    /// The timeline's documents, in series order.
    pub series: Vec<Doc>,
    /// How the timeline is being viewed.
    pub timeline: TimelineView,
    /// A document was loaded by hand since the page opened (not from a link, a comparison
    /// file or the browser's storage): a sample document still opposite it is asked to be
    /// replaced rather than compared.
    pub loaded_by_hand: bool,
    /// Sides the reader loaded before the first comparison was in place: the opening
    /// documents (a link, storage, the sample), arriving later, do not replace them.
    pub early_loads: [bool; 2],
}

/// Everything needed to put a comparison on screen at once (from a link or the defaults).
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// Documents A and B.
    pub docs: [Doc; 2],
    /// Options.
    pub options: Options,
    /// View.
    pub view: View,
    /// The formulations table.
    pub table: TableView,
    /// Focus.
    pub focus: Option<Focus>,
    /// Warnings to show (a bundled document changed since the link was made…).
    pub notice: Option<String>,
    /// One pair or the timeline.
    pub mode: Mode,
    /// The timeline's documents.
    pub series: Vec<Doc>,
    /// How the timeline is viewed.
    pub timeline: TimelineView,
}

/// The focused finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A formulation (by key); `step` counts clicks, to step through its occurrences.
    Formulation {
        /// [`crate::findings::formulations::Formulation::key`].
        key: String,
        /// Which of its rows to scroll to (modulo their number).
        step: usize,
    },
    /// The row showing byte `at` of document `side`: stable across option changes and
    /// share links, unlike a row index.
    Section {
        /// Which document `at` is in.
        side: Side,
        /// Byte offset in that document.
        at: usize,
    },
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            docs: [Doc::empty(), Doc::empty()],
            corpus: CorpusState::Loading,
            notice: None,
            options: Options::default(),
            focus: None,
            view: View::default(),
            table: TableView::default(),
            ready: false,
            mode: Mode::default(),
            series: Vec::new(),
            timeline: TimelineView::default(),
            loaded_by_hand: false,
            early_loads: [false; 2],
        }
    }
}

impl Workspace {
    /// The document on `side`.
    pub fn doc(&self, side: Side) -> &Doc {
        &self.docs[side.index()]
    }

    /// Where the pair on screen stands in the timeline's series (positions of A and B), when
    /// both of its documents are in it: the pair was opened from the timeline, or could
    /// have been, and the page offers the way back to it.
    pub fn pair_in_series(&self) -> Option<(usize, usize)> {
        let at = |side: Side| {
            let doc = self.doc(side);
            self.series.iter().position(|d| d.text == doc.text && d.title == doc.title)
        };
        Some((at(Side::A)?, at(Side::B)?))
    }

    /// The side the page asks the reader to choose: one side still shows a document of
    /// the opening `sample` pair while the reader loaded the other, so comparing them
    /// would compare the reader's document with an unrelated one. None once the reader
    /// asked to compare with the sample `anyway`.
    pub fn side_to_choose(&self, sample: &[&str], anyway: bool) -> Option<Side> {
        let in_sample = |d: &Doc| matches!(&d.source, Source::Corpus(id) if sample.contains(&id.as_str()));
        match (in_sample(self.doc(Side::A)), in_sample(self.doc(Side::B))) {
            _ if anyway || !self.loaded_by_hand => None,
            (true, false) => Some(Side::A),
            (false, true) => Some(Side::B),
            _ => None,
        }
    }
}

/// Everything that changes the workspace.
pub enum Action {
    /// The corpus index arrived (or failed).
    CorpusLoaded(Result<Rc<CorpusIndex>, String>),
    /// A document was loaded into a side.
    Load(Side, Doc),
    /// Loading a document failed; the other side and the comparison stay.
    LoadFailed(String),
    /// New options.
    SetOptions(Options),
    /// Exchange documents A and B.
    Swap,
    /// Focus a formulation: a second click on the same one steps to its next occurrence.
    FocusFormulation(String),
    /// Focus the row showing a byte of one document.
    FocusSection(Side, usize),
    /// Put a whole comparison in place.
    Restore(Box<Restored>),
    /// Show a message (an error opening a link or a file); nothing else changes.
    Notify(String),
    /// Switch between side by side and inline.
    SetView(View),
    /// Set up the formulations table (filter, order, search).
    SetTable(TableView),
    /// Switch between the pair and the timeline.
    SetMode(Mode),
    /// Add a document to the series (in date order when it has a date).
    SeriesAdd(Doc),
    /// Take the series document at this position out.
    SeriesRemove(usize),
    /// Move the series document at this position one place earlier (true) or later.
    SeriesMove(usize, bool),
    /// Order the series by date.
    SeriesSortByDate,
    /// Replace the series (a preset).
    SeriesSet(Vec<Doc>),
    /// Change how the timeline is viewed.
    SetTimelineView(TimelineView),
    /// Open the pairwise comparison of two series documents at a finding.
    DrillDown {
        /// Series position of document A.
        a: usize,
        /// Series position of document B.
        b: usize,
        /// What to focus.
        focus: Option<Focus>,
    },
}

/// Where a document with `date` goes in a series kept in date order: after every document
/// dated no later, so equal dates keep their order of arrival; undated documents go last.
fn date_slot(series: &[Doc], date: &str) -> usize {
    if date.is_empty() {
        return series.len();
    }
    series
        .iter()
        .position(|d| !d.date.is_empty() && d.date.as_ref() > date)
        .unwrap_or_else(|| series.iter().rposition(|d| !d.date.is_empty()).map_or(0, |k| k + 1).min(series.len()))
}

impl Workspace {
    /// The workspace after `action`: every change of what the user controls goes through
    /// here. A notice lasts one action.
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        next.notice = None;
        match action {
            Action::CorpusLoaded(Ok(index)) => next.corpus = CorpusState::Ready(index),
            Action::CorpusLoaded(Err(msg)) => next.corpus = CorpusState::Failed(msg),
            Action::Load(side, doc) => {
                next.docs[side.index()] = doc;
                next.focus = None;
                next.loaded_by_hand = true;
                if !self.ready {
                    next.early_loads[side.index()] = true;
                }
            }
            Action::LoadFailed(msg) => next.notice = Some(msg),
            Action::SetOptions(options) => next.options = options,
            Action::Swap => {
                next.docs.swap(0, 1);
                next.focus = None;
            }
            Action::FocusFormulation(key) => {
                let step = match &self.focus {
                    Some(Focus::Formulation { key: k, step }) if *k == key => step + 1,
                    _ => 0,
                };
                next.focus = Some(Focus::Formulation { key, step });
            }
            Action::FocusSection(side, at) => next.focus = Some(Focus::Section { side, at }),
            Action::Restore(r) => {
                let r = *r;
                next.docs = r.docs;
                // The first restore (the opening documents) keeps what the reader loaded
                // while it was on its way.
                let kept = if self.ready { [false; 2] } else { self.early_loads };
                for (k, &keep) in kept.iter().enumerate() {
                    if keep {
                        next.docs[k] = self.docs[k].clone();
                    }
                }
                next.early_loads = [false; 2];
                next.options = r.options;
                next.view = r.view;
                next.table = r.table;
                next.focus = if kept.contains(&true) { None } else { r.focus };
                next.notice = r.notice;
                next.ready = true;
                // A reader who loaded a document by hand and then goes Back to the state
                // where it stood opposite a sample document is asked again for the other
                // side: that state was never a comparison they made.
                next.loaded_by_hand = kept.contains(&true) || (self.ready && self.loaded_by_hand);
                // A timeline opened before the first comparison arrived stays open.
                let switched_early = !self.ready && self.mode == Mode::Timeline && r.series.is_empty();
                next.mode = if switched_early { Mode::Timeline } else { r.mode };
                next.series = r.series;
                next.timeline = r.timeline;
            }
            Action::Notify(msg) => next.notice = Some(msg),
            Action::SetView(view) => next.view = view,
            Action::SetTable(table) => next.table = table,
            Action::SetMode(mode) => next.mode = mode,
            Action::SeriesAdd(doc) => {
                if next.series.len() >= crate::timeline::MAX_SERIES {
                    next.notice = Some(format!(
                        "A timeline holds at most {} documents; “{}” was not added.",
                        crate::timeline::MAX_SERIES,
                        doc.title
                    ));
                } else if next.series.iter().any(|d| d.source == doc.source && d.text == doc.text) {
                    next.notice = Some(format!("“{}” is already in the series.", doc.title));
                } else {
                    let at = date_slot(&next.series, &doc.date);
                    next.series.insert(at, doc);
                }
            }
            Action::SeriesRemove(k) => {
                if k < next.series.len() {
                    next.series.remove(k);
                }
            }
            Action::SeriesMove(k, earlier) => {
                let other = if earlier { k.checked_sub(1) } else { Some(k + 1) };
                if let Some(j) = other.filter(|&j| j < next.series.len() && k < next.series.len()) {
                    next.series.swap(k, j);
                }
            }
            Action::SeriesSortByDate => {
                let dates: Vec<&str> = self.series.iter().map(|d| d.date.as_ref()).collect();
                let order = crate::timeline::date_order(&dates);
                next.series = order.into_iter().map(|i| self.series[i].clone()).collect();
            }
            Action::SeriesSet(docs) => next.series = docs,
            Action::SetTimelineView(view) => next.timeline = view,
            Action::DrillDown { a, b, focus } => {
                if let (Some(da), Some(db)) = (self.series.get(a), self.series.get(b)) {
                    next.docs = [da.clone(), db.clone()];
                    next.focus = focus;
                    next.mode = Mode::Compare;
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, date: &str) -> Doc {
        Doc { title: title.into(), text: format!("{title}\ntext").into(), date: date.into(), ..Doc::empty() }
    }

    fn restored(a: &str, b: &str) -> Box<Restored> {
        Box::new(Restored {
            docs: [doc(a, ""), doc(b, "")],
            options: Options::default(),
            view: View::default(),
            table: TableView::default(),
            focus: Some(Focus::Section { side: Side::B, at: 7 }),
            notice: None,
            mode: Mode::Compare,
            series: Vec::new(),
            timeline: TimelineView::default(),
        })
    }

    fn titles(docs: &[Doc]) -> Vec<&str> {
        docs.iter().map(|d| d.title.as_ref()).collect()
    }

    #[test]
    fn loading_a_side_replaces_only_that_side_and_clears_the_focus() {
        let ws = Workspace::default().apply(Action::Restore(restored("A0", "B0")));
        let ws = ws.apply(Action::Load(Side::A, doc("A1", "")));
        assert_eq!(titles(&ws.docs), ["A1", "B0"]);
        assert_eq!(ws.focus, None);
        assert!(ws.loaded_by_hand);
    }

    #[test]
    fn a_failed_load_only_says_why_and_the_notice_lasts_one_action() {
        let ws = Workspace::default().apply(Action::Restore(restored("A0", "B0")));
        let failed = ws.apply(Action::LoadFailed("not a text file".into()));
        assert_eq!(titles(&failed.docs), ["A0", "B0"]);
        assert_eq!(failed.notice.as_deref(), Some("not a text file"));
        assert_eq!(failed.apply(Action::Swap).notice, None);
    }

    #[test]
    fn documents_picked_before_the_opening_comparison_arrives_are_kept() {
        let ws = Workspace::default().apply(Action::Load(Side::B, doc("mine", "")));
        let ws = ws.apply(Action::Restore(restored("sample A", "sample B")));
        assert_eq!(titles(&ws.docs), ["sample A", "mine"]);
        assert_eq!(ws.focus, None, "the sample's focus does not apply to the reader's document");
        assert!(ws.ready);
        // Later restores (a link opened in the page) replace both sides.
        let ws = ws.apply(Action::Restore(restored("link A", "link B")));
        assert_eq!(titles(&ws.docs), ["link A", "link B"]);
        assert_eq!(ws.focus, Some(Focus::Section { side: Side::B, at: 7 }));
    }

    #[test]
    fn with_one_document_of_the_readers_the_page_asks_for_the_other() {
        let sample = |id: &str| Doc { source: Source::Corpus(id.into()), ..doc(id, "") };
        let opening = Restored { docs: [sample("s-a"), sample("s-b")], ..*restored("", "") };
        let ws = Workspace::default().apply(Action::Restore(Box::new(opening)));
        assert_eq!(ws.side_to_choose(&["s-a", "s-b"], false), None, "the opening pair itself");
        let ws = ws.apply(Action::Load(Side::A, Doc::pasted("Mine".into())));
        assert_eq!(ws.side_to_choose(&["s-a", "s-b"], false), Some(Side::B));
        assert_eq!(ws.side_to_choose(&["s-a", "s-b"], true), None, "compare with the sample anyway");
        let ws = ws.apply(Action::Load(Side::B, Doc::pasted("Theirs".into())));
        assert_eq!(ws.side_to_choose(&["s-a", "s-b"], false), None);
        // The browser's Back to the state with one document of the reader's: asked again.
        let half = Restored { docs: [Doc::pasted("Mine".into()), sample("s-b")], ..*restored("", "") };
        let back = ws.apply(Action::Restore(Box::new(half)));
        assert_eq!(back.side_to_choose(&["s-a", "s-b"], false), Some(Side::B));
    }

    #[test]
    fn the_formulations_table_keeps_its_setup_across_new_documents_and_options_and_a_link_sets_it() {
        use crate::view::formulation_table::{Filter, SortBy};
        let dropped = TableView {
            filter: Filter::Only(crate::findings::formulation_changes::FormulationStatus::Dropped),
            sort: SortBy::Text,
            query: "发展".into(),
        };
        let ws =
            Workspace::default().apply(Action::Restore(restored("A0", "B0"))).apply(Action::SetTable(dropped.clone()));
        let ws = ws.apply(Action::Load(Side::B, doc("B1", ""))).apply(Action::Swap);
        let ws = ws.apply(Action::SetOptions(Options {
            ignore_punctuation: !Options::default().ignore_punctuation,
            ..Options::default()
        }));
        assert_eq!(ws.table, dropped);
        let ws = ws.apply(Action::Restore(restored("link A", "link B")));
        assert_eq!(ws.table, TableView::default(), "the link's own setup");
    }

    #[test]
    fn swapping_exchanges_the_documents() {
        let ws = Workspace::default().apply(Action::Restore(restored("A0", "B0"))).apply(Action::Swap);
        assert_eq!(titles(&ws.docs), ["B0", "A0"]);
    }

    #[test]
    fn a_second_click_on_a_formulation_steps_to_its_next_place() {
        let ws = Workspace::default().apply(Action::FocusFormulation("k".into()));
        let ws = ws.apply(Action::FocusFormulation("k".into()));
        assert_eq!(ws.focus, Some(Focus::Formulation { key: "k".into(), step: 1 }));
        let ws = ws.apply(Action::FocusFormulation("other".into()));
        assert_eq!(ws.focus, Some(Focus::Formulation { key: "other".into(), step: 0 }));
    }

    #[test]
    fn the_series_keeps_date_order_refuses_copies_and_stops_at_its_limit() {
        let mut ws = Workspace::default();
        for (t, d) in [("2019", "2019-03-05"), ("undated", ""), ("2017", "2017-03-05")] {
            ws = ws.apply(Action::SeriesAdd(doc(t, d)));
        }
        assert_eq!(titles(&ws.series), ["2017", "2019", "undated"]);
        let again = ws.apply(Action::SeriesAdd(doc("2017", "2017-03-05")));
        assert_eq!(again.series.len(), 3);
        assert!(again.notice.as_deref().is_some_and(|n| n.contains("already in the series")));
        let moved = ws.apply(Action::SeriesMove(2, true));
        assert_eq!(titles(&moved.series), ["2017", "undated", "2019"]);
        assert_eq!(titles(&moved.apply(Action::SeriesSortByDate).series), ["2017", "2019", "undated"]);
        assert_eq!(
            titles(&ws.apply(Action::SeriesMove(0, true)).series),
            titles(&ws.series),
            "nothing before the first"
        );
        assert_eq!(titles(&ws.apply(Action::SeriesRemove(9)).series), titles(&ws.series), "no such document");
        let mut full = Workspace::default();
        for k in 0..crate::timeline::MAX_SERIES + 1 {
            full = full.apply(Action::SeriesAdd(doc(&format!("d{k}"), "")));
        }
        assert_eq!(full.series.len(), crate::timeline::MAX_SERIES);
        assert!(full.notice.as_deref().is_some_and(|n| n.contains("at most")));
    }

    #[test]
    fn drilling_down_opens_the_pair_of_series_documents_at_the_finding() {
        let mut ws = Workspace::default().apply(Action::SetMode(Mode::Timeline));
        for (t, d) in [("2017", "2017"), ("2018", "2018"), ("2019", "2019")] {
            ws = ws.apply(Action::SeriesAdd(doc(t, d)));
        }
        let focus = Some(Focus::Section { side: Side::A, at: 3 });
        let ws = ws.apply(Action::DrillDown { a: 1, b: 2, focus: focus.clone() });
        assert_eq!((titles(&ws.docs), ws.mode, ws.focus.clone()), (vec!["2018", "2019"], Mode::Compare, focus));
        let unchanged = ws.apply(Action::DrillDown { a: 1, b: 5, focus: None });
        assert_eq!(titles(&unchanged.docs), ["2018", "2019"], "a position past the series changes nothing");
        assert_eq!(unchanged.pair_in_series(), Some((1, 2)), "the way back to the timeline");
        let elsewhere = unchanged.apply(Action::Load(Side::B, doc("2020", "2020")));
        assert_eq!(elsewhere.pair_in_series(), None, "a document from outside the series");
    }

    #[test]
    fn a_timeline_opened_before_the_first_comparison_stays_open() {
        let ws = Workspace::default().apply(Action::SetMode(Mode::Timeline));
        assert_eq!(ws.apply(Action::Restore(restored("A", "B"))).mode, Mode::Timeline);
    }
}

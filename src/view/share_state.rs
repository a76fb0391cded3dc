//! A workspace as a share state and back: what a link (or a saved comparison file) holds of
//! what the user sees. The page builds links from [`share_state`] and restores them through
//! [`focus_of`] and [`timeline_view`]; the format itself is [`crate::view::share`].

use crate::input::corpus::content_hash;
use crate::timeline::formulation_tracks::FormulationOrder;
use crate::view::formulation_table::{Filter, SortBy, TableView};
use crate::view::share::{short_hash, DocRef, FocusRef, ShareState, TableRef, TimelineRef};
use crate::view::workspace::{Doc, Focus, Mode, Source, TimelineTab, TimelineView, Workspace};

/// The share state of a workspace.
pub fn share_state(ws: &Workspace) -> ShareState {
    let doc_ref = |d: &Doc| match &d.source {
        Source::Corpus(id) => DocRef::Corpus { id: id.clone(), hash: short_hash(&d.text) },
        Source::Pasted | Source::File | Source::Empty => DocRef::Embedded {
            title: d.title.to_string(),
            text: d.text.to_string(),
            from_file: d.source == Source::File,
        },
    };
    let timeline = (!ws.series.is_empty() || ws.mode == Mode::Timeline).then(|| TimelineRef {
        docs: ws.series.iter().map(doc_ref).collect(),
        open: ws.mode == Mode::Timeline,
        tab: match ws.timeline.tab {
            TimelineTab::Formulations => String::new(),
            tab => tab.code().to_string(),
        },
        order: match ws.timeline.order {
            FormulationOrder::FirstAppearance => String::new(),
            order => order.code().to_string(),
        },
        filter: ws.timeline.filter.clone(),
        all_kinds: ws.timeline.all_kinds,
        chain: ws.timeline.chain,
    });
    ShareState {
        timeline,
        a: doc_ref(&ws.docs[0]),
        b: doc_ref(&ws.docs[1]),
        options: ws.options,
        view: ws.view,
        focus: ws.focus.as_ref().map(|f| match f {
            Focus::Formulation { key, step } => FocusRef::Formulation { key: key.clone(), step: *step },
            Focus::Section { side, at } => FocusRef::Section { side: *side, at: *at },
        }),
        table: table_ref(&ws.table),
    }
}

/// The formulations table in a link: defaults left out.
fn table_ref(t: &TableView) -> TableRef {
    let unless_default = |code: &str, default: &str| if code == default { String::new() } else { code.to_string() };
    TableRef {
        filter: unless_default(t.filter.code(), Filter::default().code()),
        sort: unless_default(t.sort.code(), SortBy::default().code()),
        query: t.query.clone(),
    }
}

/// How a link's formulations table is set up (unknown codes read as the defaults).
pub fn table_view(t: &TableRef) -> TableView {
    TableView::from_codes(&t.filter, &t.sort, &t.query)
}

/// The identity of the two documents (a new identity pushes a history entry).
pub fn docs_identity(state: &ShareState) -> String {
    let one = |d: &DocRef| match d {
        DocRef::Corpus { id, hash } => format!("c:{id}:{hash}"),
        DocRef::Embedded { text, .. } => format!("x:{}", content_hash(text)),
    };
    let series = state.timeline.as_ref().map_or(String::new(), |t| {
        let docs: Vec<String> = t.docs.iter().map(one).collect();
        format!("|{}:{}", if t.open { "timeline" } else { "pair" }, docs.join(","))
    });
    format!("{}|{}{series}", one(&state.a), one(&state.b))
}

/// The pair shown when the page opens with no other state: the sample and its
/// illustrative edit.
pub const DEFAULT_PAIR: [&str; 2] = ["dalian-12-9-en", "dalian-12-9-demo-en"];

/// The share state of the default pair (or the first two documents of the corpus).
pub fn default_state(index: &crate::input::corpus::CorpusIndex) -> Option<ShareState> {
    let pick = |id: &str| index.documents.iter().find(|d| d.id == id);
    let (a, b) = match (pick(DEFAULT_PAIR[0]), pick(DEFAULT_PAIR[1])) {
        (Some(a), Some(b)) => (a, b),
        _ => (index.documents.first()?, index.documents.get(1)?),
    };
    let doc =
        |e: &crate::input::corpus::CorpusEntry| DocRef::Corpus { id: e.id.clone(), hash: e.hash[..8].to_string() };
    Some(ShareState {
        a: doc(a),
        b: doc(b),
        options: crate::view::options::Options::default(),
        view: crate::view::share::View::default(),
        focus: None,
        timeline: None,
        table: TableRef::default(),
    })
}

/// A link's focus as the workspace's.
pub fn focus_of(focus: FocusRef) -> Focus {
    match focus {
        FocusRef::Formulation { key, step } => Focus::Formulation { key, step },
        FocusRef::Section { side, at } => Focus::Section { side, at },
    }
}

/// How a link's timeline is viewed (unknown codes read as the defaults).
pub fn timeline_view(t: &TimelineRef) -> TimelineView {
    TimelineView {
        tab: TimelineTab::from_code(&t.tab),
        order: FormulationOrder::from_code(&t.order),
        filter: t.filter.clone(),
        all_kinds: t.all_kinds,
        chain: t.chain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::side::Side;
    use crate::view::share::{decode, encode};
    use crate::view::workspace::Action;

    fn workspace() -> Workspace {
        let corpus = Doc { source: Source::Corpus("cc19-4-zh".into()), text: "公报".into(), ..Doc::empty() };
        let pasted = Doc::pasted("My notes\nA paragraph.".into());
        let ws = Workspace::default().apply(Action::Load(crate::model::side::Side::A, corpus));
        let ws = ws.apply(Action::Load(Side::B, pasted.clone()));
        let ws = ws.apply(Action::FocusSection(Side::B, 12));
        ws.apply(Action::SeriesAdd(pasted))
    }

    #[test]
    fn a_corpus_document_is_named_and_a_pasted_one_carried_whole() {
        let state = share_state(&workspace());
        assert!(matches!(&state.a, DocRef::Corpus { id, .. } if id == "cc19-4-zh"));
        assert!(matches!(&state.b, DocRef::Embedded { text, from_file: false, .. } if text.starts_with("My notes")));
        assert_eq!(state.focus, Some(FocusRef::Section { side: Side::B, at: 12 }));
        assert!(state.timeline.as_ref().is_some_and(|t| t.docs.len() == 1 && !t.open));
    }

    #[test]
    fn a_share_state_survives_its_link_and_gives_back_the_focus_and_timeline_view() {
        let mut ws = workspace();
        ws.timeline.tab = TimelineTab::Priorities;
        ws.timeline.filter = "强国".into();
        ws.table = TableView { filter: Filter::Repeated, sort: SortBy::Change, query: "开放".into() };
        let state = share_state(&ws);
        let back = decode(&encode(&state)).expect("a link of our own decodes");
        assert_eq!(back, state);
        assert_eq!(back.focus.map(focus_of), ws.focus);
        assert_eq!(timeline_view(back.timeline.as_ref().unwrap()), ws.timeline);
        assert_eq!(table_view(&back.table), ws.table);
    }

    #[test]
    fn a_table_left_as_it_opens_adds_nothing_to_the_link() {
        let ws = workspace();
        assert_eq!(share_state(&ws).table, TableRef::default());
        let plain = encode(&share_state(&ws));
        let mut searched = ws.clone();
        searched.table.query = "x".into();
        assert_ne!(encode(&share_state(&searched)), plain);
    }

    #[test]
    fn the_identity_changes_with_a_document_not_with_the_focus() {
        let ws = workspace();
        let moved = ws.apply(Action::FocusSection(Side::A, 1));
        assert_eq!(docs_identity(&share_state(&ws)), docs_identity(&share_state(&moved)));
        let other = ws.apply(Action::Load(Side::B, Doc::pasted("Other".into())));
        assert_ne!(docs_identity(&share_state(&ws)), docs_identity(&share_state(&other)));
    }
}

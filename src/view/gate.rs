//! What stands between the two documents and their compared rows: the page shows rows only
//! when both sides are ready and the pair is one the reader chose.

use crate::model::side::Side;
use crate::view::share_state::DEFAULT_PAIR;
use crate::view::workspace::Workspace;

/// What stands between the documents and their compared rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// The language data or the opening documents are still on their way.
    Waiting,
    /// Neither side has text.
    BothEmpty,
    /// One side is still the sample's while the other is the user's: the page asks for
    /// the other document rather than compare the user's with the sample.
    ChooseOther(Side),
    /// Nothing: the comparison is shown (or worked out).
    Open,
}

impl Gate {
    /// The gate of workspace `ws`; `anyway` when the user asked to compare with the sample
    /// all the same.
    pub fn of(ws: &Workspace, waiting: bool, anyway: bool) -> Gate {
        if waiting {
            Gate::Waiting
        } else if ws.doc(Side::A).text.trim().is_empty() && ws.doc(Side::B).text.trim().is_empty() {
            Gate::BothEmpty
        } else if let Some(side) = ws.side_to_choose(&DEFAULT_PAIR, anyway) {
            Gate::ChooseOther(side)
        } else {
            Gate::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::workspace::{Action, Doc};

    fn with(a: &str, b: &str) -> Workspace {
        Workspace { docs: [Doc::pasted(a.into()), Doc::pasted(b.into())], ..Workspace::default() }
    }

    #[test]
    fn rows_wait_for_the_language_data_and_the_opening_documents() {
        assert_eq!(Gate::of(&with("甲", "乙"), true, false), Gate::Waiting);
    }

    #[test]
    fn two_blank_sides_ask_for_documents_and_one_blank_side_is_compared() {
        assert_eq!(Gate::of(&with(" \n", ""), false, false), Gate::BothEmpty);
        assert_eq!(Gate::of(&with("甲", ""), false, false), Gate::Open);
    }

    #[test]
    fn a_readers_document_beside_the_sample_asks_for_the_other() {
        let sample = |id: &str| Doc {
            source: crate::view::workspace::Source::Corpus(id.into()),
            ..Doc::pasted("样本".into())
        };
        let ws = Workspace { docs: [sample(DEFAULT_PAIR[0]), sample(DEFAULT_PAIR[1])], ..Workspace::default() };
        assert_eq!(Gate::of(&ws, false, false), Gate::Open, "the sample pair itself is shown");
        let ws = ws.apply(Action::Load(Side::B, Doc::pasted("Mine".into())));
        assert_eq!(Gate::of(&ws, false, false), Gate::ChooseOther(Side::A));
        assert_eq!(Gate::of(&ws, false, true), Gate::Open, "compared with the sample anyway");
    }
}

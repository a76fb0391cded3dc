//! The workspace in a yew reducer: [`crate::view::workspace`] holds the data and its
//! transitions (tested natively); this only lets `use_reducer` drive them.

pub use crate::view::workspace::*;
use std::rc::Rc;
use yew::Reducible;

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

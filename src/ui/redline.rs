//! Renders one side of a diff: equal text as is, changed words marked with `<del>` (A) or
//! `<ins>` (B). Marks never rely on colour alone: the stylesheet strikes deletions and
//! underlines insertions.

use crate::diff::{Op, OpKind};
use crate::span::Span;
use yew::prelude::*;

/// Which side of the diff to draw.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DiffSide {
    /// A: equal and deleted text.
    A,
    /// B: equal and inserted text.
    B,
}

/// The marked-up text of one side of `ops`.
pub fn side_html(ops: &[Op], side: DiffSide, text: &str) -> Html {
    let pieces = ops.iter().filter_map(|op| {
        let span: Span = match side {
            DiffSide::A => op.a,
            DiffSide::B => op.b,
        };
        match (op.kind, side) {
            (OpKind::Equal, _) => Some(html! { { span.of(text).to_string() } }),
            (OpKind::Delete, DiffSide::A) => Some(html! { <del>{ span.of(text).to_string() }</del> }),
            (OpKind::Insert, DiffSide::B) => Some(html! { <ins>{ span.of(text).to_string() }</ins> }),
            _ => None,
        }
    });
    pieces.collect::<Html>()
}

//! Renders one side of a diff: equal text as is, changed words marked with `<del>` (A) or
//! `<ins>` (B), each with its significance as a class. Marks never rely on colour alone: the
//! stylesheet strikes deletions and underlines insertions, thick for substantive changes,
//! wavy for modifiers and dotted for routine ones. Changes the options hide render as plain
//! text.

use crate::diff::{Op, OpKind};
use crate::options::Options;
use crate::significance::Significance;
use yew::prelude::*;

/// Which side of the diff to draw.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DiffSide {
    /// A: equal and deleted text.
    A,
    /// B: equal and inserted text.
    B,
}

/// The CSS class and the screen-reader word for a significance.
pub fn class_name(class: Option<Significance>) -> &'static str {
    match class {
        Some(Significance::Routine) => "routine",
        Some(Significance::Modifier) => "modifier",
        Some(Significance::Substantive) | None => "substantive",
    }
}

/// The marked-up text of one side of `ops`.
pub fn side_html(ops: &[Op], side: DiffSide, texts: (&str, &str), options: &Options) -> Html {
    let (text_a, text_b) = texts;
    ops.iter()
        .filter_map(|op| {
            let text = match side {
                DiffSide::A => op.a.of(text_a),
                DiffSide::B => op.b.of(text_b),
            };
            let marked = options.marks(op, text_a, text_b);
            let class = class_name(op.class);
            match (op.kind, side, marked) {
                (OpKind::Equal, _, _) => Some(html! { { text.to_string() } }),
                (OpKind::Delete, DiffSide::A, true) => Some(html! { <del class={class}>{ text.to_string() }</del> }),
                (OpKind::Insert, DiffSide::B, true) => Some(html! { <ins class={class}>{ text.to_string() }</ins> }),
                (OpKind::Delete, DiffSide::A, false) | (OpKind::Insert, DiffSide::B, false) => {
                    Some(html! { { text.to_string() } })
                }
                _ => None,
            }
        })
        .collect::<Html>()
}

//! Renders one side of a diff: equal text as is, changed words marked with `<del>` (A) or
//! `<ins>` (B), each with its significance as a class. Marks never rely on colour alone: the
//! stylesheet strikes deletions (in Chinese, rules them above the glyphs, since a line
//! through 二 reads as 三) and underlines insertions, thick for substantive changes, wavy
//! for modifiers and dotted for routine ones. Changes the options hide render as plain
//! text.

use crate::diff::significance::Significance;
use crate::diff::{Op, OpKind};
use crate::util::span::Span;
use crate::view::options::Options;
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

/// Pieces of `span` inside and outside the sorted, non-overlapping `highlights`.
///
/// `0..10` with highlight `3..5` → `[(0..3, false), (3..5, true), (5..10, false)]`.
pub fn split_highlights(span: Span, highlights: &[Span]) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    let mut at = span.start;
    let first = highlights.partition_point(|h| h.end <= span.start);
    for h in highlights[first..].iter().take_while(|h| h.start < span.end) {
        let (s, e) = (h.start.max(span.start), h.end.min(span.end));
        if s > at {
            out.push((Span::new(at, s), false));
        }
        if e > s.max(at) {
            out.push((Span::new(s.max(at), e), true));
            at = e;
        }
    }
    if at < span.end || out.is_empty() {
        out.push((Span::new(at, span.end), false));
    }
    out
}

fn text_with_highlights(text: &str, span: Span, highlights: &[Span]) -> Html {
    split_highlights(span, highlights)
        .into_iter()
        .map(|(piece, marked)| {
            let t = crate::text::normalize::breakable_spaces(piece.of(text)).into_owned();
            if marked {
                html! { <mark class="occurrence">{ t }</mark> }
            } else {
                html! { { t } }
            }
        })
        .collect::<Html>()
}

/// `span` of `text` with `highlights`, the parts inside `shared` (sorted spans) wrapped in
/// a mark that says both versions keep them.
fn text_with_shared(text: &str, span: Span, shared: &[Span], highlights: &[Span]) -> Html {
    split_highlights(span, shared)
        .into_iter()
        .map(|(piece, kept)| {
            if kept {
                html! { <mark class="shared" title="Both versions keep this">{ text_with_highlights(text, piece, highlights) }</mark> }
            } else {
                text_with_highlights(text, piece, highlights)
            }
        })
        .collect::<Html>()
}

/// The marked-up text of one side of `ops`, with `highlights` (sorted spans of this side,
/// such as a focused formulation's occurrences) wrapped in `<mark>`. With `shared` (a
/// largely rewritten row, shown without its word diff: the phrases both sides print, from
/// [`crate::model::shared_phrases`]), those phrases are marked as shared instead.
pub fn side_html(
    ops: &[Op],
    side: DiffSide,
    texts: (&str, &str),
    options: &Options,
    highlights: &[Span],
    shared: Option<&[Span]>,
) -> Html {
    let (text_a, text_b) = texts;
    if let Some(shared) = shared {
        // No word diff: the side's text as one run (its ops tile it), so that a shared
        // phrase is one mark even where two ops meet inside it.
        let text = if side == DiffSide::A { text_a } else { text_b };
        let mut runs: Vec<Span> = Vec::new();
        for op in ops {
            let span = if side == DiffSide::A { op.a } else { op.b };
            match runs.last_mut() {
                _ if span.is_empty() => {}
                Some(last) if last.end == span.start => last.end = span.end,
                _ => runs.push(span),
            }
        }
        return runs.into_iter().map(|run| text_with_shared(text, run, shared, highlights)).collect::<Html>();
    }
    ops.iter()
        .filter_map(|op| {
            let (text, span) = match side {
                DiffSide::A => (text_a, op.a),
                DiffSide::B => (text_b, op.b),
            };
            let marked = options.marks(op, text_a, text_b);
            let class = class_name(op.class);
            let inner = || text_with_highlights(text, span, highlights);
            match (op.kind, side, marked) {
                (OpKind::Equal, _, _) => Some(inner()),
                (OpKind::Delete, DiffSide::A, true) => Some(html! { <del class={class}>{ inner() }</del> }),
                (OpKind::Insert, DiffSide::B, true) => Some(html! { <ins class={class}>{ inner() }</ins> }),
                (OpKind::Delete, DiffSide::A, false) | (OpKind::Insert, DiffSide::B, false) => Some(inner()),
                _ => None,
            }
        })
        .collect::<Html>()
}

/// One column: A's deletions struck and B's insertions underlined, in reading order.
pub fn inline_html(ops: &[Op], texts: (&str, &str), options: &Options, highlights: (&[Span], &[Span])) -> Html {
    let (text_a, text_b) = texts;
    ops.iter()
        .map(|op| {
            let marked = options.marks(op, text_a, text_b);
            let class = class_name(op.class);
            match (op.kind, marked) {
                (OpKind::Equal, _) => text_with_highlights(text_b, op.b, highlights.1),
                (OpKind::Delete, true) => {
                    html! { <del class={class}>{ text_with_highlights(text_a, op.a, highlights.0) }</del> }
                }
                (OpKind::Insert, true) => {
                    html! { <ins class={class}>{ text_with_highlights(text_b, op.b, highlights.1) }</ins> }
                }
                // A hidden change reads as B's text.
                (OpKind::Delete, false) => html! {},
                (OpKind::Insert, false) => text_with_highlights(text_b, op.b, highlights.1),
            }
        })
        .collect::<Html>()
}

//! One row of the comparison as its own component, so a change of options, focus or
//! highlights re-renders only the rows it touches: its properties hold what this row shows
//! (the options reduced to the classes its changes have, the highlights inside it), and
//! compare the comparison and texts by pointer.

use super::redline::{inline_html, side_html, DiffSide};
use crate::compare::{Comparison, Relation, Row};
use crate::diff::significance::Significance;
use crate::model::shared_phrases::shared_phrases;
use crate::output::labels::{percent, relation_class, relation_label_in, sentence_line};
use crate::output::report::locator;
use crate::util::span::Span;
use crate::view::options::{Options, RowFilter};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RowItem`].
#[derive(Properties, Clone)]
pub struct RowItemProps {
    /// The comparison (compared by pointer).
    pub comparison: Rc<Comparison>,
    /// The row's index.
    pub k: usize,
    /// Text of A (compared by pointer).
    pub text_a: Rc<str>,
    /// Text of B (compared by pointer).
    pub text_b: Rc<str>,
    /// Languages of A and B.
    pub langs: (&'static str, &'static str),
    /// The options as they bear on this row ([`row_options`]).
    pub options: Options,
    /// Highlighted spans of A and B inside this row.
    pub highlights: (Rc<Vec<Span>>, Rc<Vec<Span>>),
    /// One column instead of two.
    pub inline: bool,
    /// Outlined as the focused change.
    pub focused: bool,
    /// Copy a link to the row.
    pub on_link: Callback<usize>,
    /// Copy the row as a quotation.
    pub on_quote: Callback<usize>,
    /// Go to another row (a closest section of an added or dropped one).
    pub on_go: Callback<usize>,
}

impl PartialEq for RowItemProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && self.k == other.k
            && Rc::ptr_eq(&self.text_a, &other.text_a)
            && Rc::ptr_eq(&self.text_b, &other.text_b)
            && self.langs == other.langs
            && self.options == other.options
            && self.highlights == other.highlights
            && self.inline == other.inline
            && self.focused == other.focused
            && self.on_link == other.on_link
            && self.on_quote == other.on_quote
            && self.on_go == other.on_go
    }
}

/// The options as they bear on one row: classes of change the row has none of, and the
/// fields that only decide which rows show, take one value, so toggling them leaves the
/// row as it is.
pub fn row_options(options: &Options, row: &Row) -> Options {
    let has = |class: Significance| row.ops.iter().any(|op| op.class == Some(class));
    let substantive = row
        .ops
        .iter()
        .any(|op| matches!(op.class, Some(Significance::Substantive) | None) && op.kind != crate::diff::OpKind::Equal);
    Options {
        show_routine: options.show_routine || !has(Significance::Routine),
        show_modifier: options.show_modifier || !has(Significance::Modifier),
        show_substantive: options.show_substantive || !substantive,
        changes_only: false,
        only: RowFilter::All,
        ..*options
    }
}

/// The spans of `all` (sorted) that overlap `range`.
pub fn spans_within(all: &[Span], range: Span) -> Vec<Span> {
    let first = all.partition_point(|s| s.end <= range.start);
    all[first..].iter().take_while(|s| s.start < range.end).copied().collect()
}

/// The closest sections of an added or dropped row on the side where it is absent, each a
/// button to its row: "closest in A: ¶7 · 18% alike".
fn closest_html(c: &Comparison, row: &Row, absent: DiffSide, on_go: &Callback<usize>) -> Html {
    let nearest = c.nearest_to(row);
    if nearest.is_empty() {
        return Html::default();
    }
    let (outline, side_a, name) =
        if absent == DiffSide::A { (&c.outline_a, true, "A") } else { (&c.outline_b, false, "B") };
    // A line both documents repeat word for word (各位代表！): the other copies are not
    // "100% alike" places it went, but copies that pair in order; one more here is added.
    let repeated = nearest.iter().all(|l| percent(l.similarity) == 100);
    let heading = if repeated {
        format!("the same words stand in {name} as a repeated line, whose copies pair in order:")
    } else {
        format!("closest in {name}:")
    };
    html! {
        <span class="closest" data-testid="closest">
            { heading }
            { for nearest.iter().filter_map(|l| {
                let target = c.row_of_leaf(side_a, l.section)?;
                let place = locator(outline, &[l.section]);
                let alike = if repeated { String::new() } else { format!(" · {}% alike", percent(l.similarity)) };
                Some(html! {
                    <button type="button" class="closest-link" data-testid="closest-link"
                        title={format!("Go to {place} of {name}")}
                        onclick={on_go.reform(move |_: MouseEvent| target)}>
                        { format!("{place}{alike}") }
                    </button>
                })
            }) }
        </span>
    }
}

/// The row.
#[function_component(RowItem)]
pub fn row_item(props: &RowItemProps) -> Html {
    let c = &props.comparison;
    let k = props.k;
    let row = &c.rows[k];
    let texts = (&*props.text_a, &*props.text_b);
    let rewritten = row.is_rewritten(texts.0, texts.1);
    // A rewritten row shows no word diff; what both versions print, in any order, is marked.
    let shared = rewritten.then(|| {
        let spans = |ids: &[usize], outline: &crate::text::segment::Outline| -> Vec<Span> {
            ids.iter().map(|&id| outline.get(id).span).collect()
        };
        shared_phrases(texts.0, &spans(&row.a, &c.outline_a), texts.1, &spans(&row.b, &c.outline_b))
    });
    let cell = |side: DiffSide| -> Html {
        let (ids, outline, highlights, lang, marks) = match side {
            DiffSide::A => {
                (&row.a, &c.outline_a, &props.highlights.0, props.langs.0, shared.as_ref().map(|s| &s.0[..]))
            }
            DiffSide::B => {
                (&row.b, &c.outline_b, &props.highlights.1, props.langs.1, shared.as_ref().map(|s| &s.1[..]))
            }
        };
        let side_name = if side == DiffSide::A { "A" } else { "B" };
        if ids.is_empty() {
            let note = if side == DiffSide::A { "not in A" } else { "not in B" };
            return html! {
                <div class={classes!("cell", "absent", format!("cell-{}", side_name.to_lowercase()))}>
                    <span class="absent-note">{ note }</span>
                    { closest_html(c, row, side, &props.on_go) }
                </div>
            };
        }
        let whole = matches!(row.relation, Relation::Added | Relation::Dropped);
        // Added, dropped and rewritten rows show their text unmarked: the label says it all.
        let unmarked = Options { show_substantive: false, show_modifier: false, show_routine: false, ..props.options };
        let options = if whole || rewritten { &unmarked } else { &props.options };
        html! {
            <div class={classes!("cell", format!("cell-{}", side_name.to_lowercase()))}>
                <span class="loc"><span class="loc-side">{ side_name }</span>{ locator(outline, ids) }</span>
                <p class={classes!("text", whole.then_some("whole"))} {lang}>{ side_html(&row.ops, side, texts, options, highlights, marks) }</p>
            </div>
        }
    };
    let label = relation_label_in(row, c, Some(texts), shared.as_ref().map(|(a, b)| (&a[..], &b[..])));
    let body = if let (true, Some((marks_a, marks_b))) = (props.inline, &shared) {
        // Largely rewritten, in one column: the old version, then the new, each whole and
        // with what both keep marked (no confetti of a word diff, as beside each other).
        html! {
            <div class="cell cell-inline">
                <span class="loc"><span class="loc-side">{"A"}</span>{ locator(&c.outline_a, &row.a) }</span>
                <p class="text rewritten-old" lang={props.langs.0}>{ side_html(&row.ops, DiffSide::A, texts, &props.options, &props.highlights.0, Some(marks_a)) }</p>
                <span class="loc"><span class="loc-side">{"B"}</span>{ locator(&c.outline_b, &row.b) }</span>
                <p class="text rewritten-new" lang={props.langs.1}>{ side_html(&row.ops, DiffSide::B, texts, &props.options, &props.highlights.1, Some(marks_b)) }</p>
            </div>
        }
    } else if props.inline {
        let lang = if row.b.is_empty() { props.langs.0 } else { props.langs.1 };
        // One column shows both versions: it names the place in each document it has.
        let place = |ids: &[usize], outline, side: &'static str| {
            (!ids.is_empty())
                .then(|| html! { <><span class="loc-side">{ side }</span>{ locator(outline, ids) }{" "}</> })
        };
        html! {
            <div class="cell cell-inline">
                <span class="loc">{ place(&row.a, &c.outline_a, "A") }{ place(&row.b, &c.outline_b, "B") }</span>
                <p class="text" {lang}>{ inline_html(&row.ops, texts, &props.options, (&props.highlights.0, &props.highlights.1)) }</p>
            </div>
        }
    } else {
        html! { <>{ cell(DiffSide::A) }{ cell(DiffSide::B) }</> }
    };
    html! {
        <li id={format!("row-{k}")} class={classes!("row", relation_class(row), row.moved.then_some("moved"), row.is_weak_match().then_some("weak"), props.focused.then_some("focused"))}>
            <div class="row-label">
                <span class="relation">{ label.clone() }</span>
                if let Some(line) = sentence_line(row, c) {
                    <span class="sentences" data-testid="sentence-line">{ line }</span>
                }
                <button type="button" class="row-link" title="Copy a link to this change"
                    aria-label={format!("Copy a link to this change ({label})")} data-testid="row-link"
                    onclick={props.on_link.reform(move |_: MouseEvent| k)}>{"link"}</button>
                <button type="button" class="row-link" title="Copy both versions as a quotation"
                    aria-label={format!("Copy as quote ({label})")} data-testid="quote"
                    onclick={props.on_quote.reform(move |_: MouseEvent| k)}>{"quote"}</button>
            </div>
            { body }
        </li>
    }
}

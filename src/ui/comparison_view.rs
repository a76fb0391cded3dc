//! The side-by-side view: one row per aligned group, A on the left, B on the right.

use super::row_item::{self, RowItem};
use crate::compare::Comparison;
use crate::util::span::Span;
use crate::view::navigation;
use crate::view::options::Options;
use crate::view::share::View;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ComparisonView`].
#[derive(Properties)]
pub struct ComparisonViewProps {
    /// The derived comparison.
    pub comparison: Rc<Comparison>,
    /// Text of A.
    pub text_a: Rc<str>,
    /// Text of B.
    pub text_b: Rc<str>,
    /// Title of A.
    pub title_a: Rc<str>,
    /// Title of B.
    pub title_b: Rc<str>,
    /// Language of A (`zh` or `en`), for fonts and line breaking.
    pub lang_a: &'static str,
    /// Language of B.
    pub lang_b: &'static str,
    /// What to mark.
    pub options: Options,
    /// Spans of A to highlight (sorted).
    #[prop_or_default]
    pub highlights_a: Rc<Vec<Span>>,
    /// Spans of B to highlight (sorted).
    #[prop_or_default]
    pub highlights_b: Rc<Vec<Span>>,
    /// The row to scroll to and outline.
    #[prop_or_default]
    pub focus_row: Option<usize>,
    /// Copy a link to a row.
    #[prop_or_default]
    pub on_link: Callback<usize>,
    /// Copy a row as a quotation.
    #[prop_or_default]
    pub on_quote: Callback<usize>,
    /// Side by side or inline.
    #[prop_or_default]
    pub view: View,
    /// Focus a row (from the overview ruler).
    #[prop_or_default]
    pub on_select: Callback<usize>,
}

impl PartialEq for ComparisonViewProps {
    fn eq(&self, other: &Self) -> bool {
        // The comparison and texts by identity: field by field they cost more than a render.
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && Rc::ptr_eq(&self.text_a, &other.text_a)
            && Rc::ptr_eq(&self.text_b, &other.text_b)
            && self.title_a == other.title_a
            && self.title_b == other.title_b
            && self.lang_a == other.lang_a
            && self.lang_b == other.lang_b
            && self.options == other.options
            && self.highlights_a == other.highlights_a
            && self.highlights_b == other.highlights_b
            && self.focus_row == other.focus_row
            && self.on_link == other.on_link
            && self.on_quote == other.on_quote
            && self.view == other.view
            && self.on_select == other.on_select
    }
}

/// Rows (or folds) rendered at first, and added by each "show more".
pub const PAGE_BLOCKS: usize = 200;

pub use crate::output::labels::{percent, relation_class, relation_label, relation_label_in, sentence_line};
use crate::output::report::locator;

/// Scrolls the focused row into view whenever the focus (row or highlights) changes.
#[hook]
fn use_scroll_to_focus(focus_row: Option<usize>, highlights: (Rc<Vec<Span>>, Rc<Vec<Span>>)) {
    use_effect_with((focus_row, highlights), move |(row, _)| {
        let mut settle = None;
        if let Some(row) = *row {
            let scroll = move || {
                if let Some(el) = gloo::utils::document().get_element_by_id(&format!("row-{row}")) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            };
            scroll();
            // Once more when the page has settled: rows above that were laid out at their
            // estimated height (content-visibility) or fonts that arrived late can move
            // the row after the first scroll, most of all when a link opens the page. A
            // newer focus cancels it (the timer is dropped with this effect).
            settle = Some(gloo::timers::callback::Timeout::new(400, scroll));
        }
        move || drop(settle)
    });
}

/// The comparison, with a summary above the rows.
#[function_component(ComparisonView)]
pub fn comparison_view(props: &ComparisonViewProps) -> Html {
    let c = &props.comparison;
    let texts = (&*props.text_a, &*props.text_b);
    use_scroll_to_focus(props.focus_row, (props.highlights_a.clone(), props.highlights_b.clone()));
    let inline = props.view == View::Inline;
    let expanded = use_state(Vec::<usize>::new);
    let page_limit = use_state(|| PAGE_BLOCKS);
    // Callbacks that stay the same object across renders (a new one would re-render every
    // row), forwarding to the latest ones the parent gave.
    let latest = use_mut_ref(|| (Callback::<usize>::noop(), Callback::<usize>::noop(), Callback::<usize>::noop()));
    *latest.borrow_mut() = (props.on_link.clone(), props.on_quote.clone(), props.on_select.clone());
    let on_link = {
        let latest = latest.clone();
        use_callback((), move |k: usize, _| latest.borrow().0.emit(k))
    };
    let on_quote = {
        let latest = latest.clone();
        use_callback((), move |k: usize, _| latest.borrow().1.emit(k))
    };
    let on_go = use_callback((), move |k: usize, _| latest.borrow().2.emit(k));
    let row_html = |k: usize| -> Html {
        let row = &c.rows[k];
        let range = |ids: &[usize], outline: &crate::text::segment::Outline| match (ids.first(), ids.last()) {
            (Some(&f), Some(&l)) => Span::new(outline.get(f).body.start, outline.get(l).body.end),
            _ => Span::empty(0),
        };
        let highlights = (
            Rc::new(row_item::spans_within(&props.highlights_a, range(&row.a, &c.outline_a))),
            Rc::new(row_item::spans_within(&props.highlights_b, range(&row.b, &c.outline_b))),
        );
        html! {
            <RowItem comparison={c.clone()} {k} text_a={props.text_a.clone()} text_b={props.text_b.clone()}
                langs={(props.lang_a, props.lang_b)} options={row_item::row_options(&props.options, row)}
                {highlights} {inline} focused={props.focus_row == Some(k)}
                on_link={on_link.clone()} on_quote={on_quote.clone()} on_go={on_go.clone()} />
        }
    };
    let blocks = navigation::blocks(c, &props.options, texts);
    // Very long comparisons render in pages, so the page stays responsive; a focused row
    // beyond the page extends it.
    let wanted = props.focus_row.and_then(|row| {
        blocks.iter().position(|b| match *b {
            navigation::Block::Row(k) => k == row,
            navigation::Block::Fold { start, len } => (start..start + len).contains(&row),
        })
    });
    // On paper, every row: nothing there can be clicked to see more.
    let printing = super::printing::use_printing();
    let shown = if printing { blocks.len() } else { (*page_limit).max(wanted.map_or(0, |w| w + 50)).min(blocks.len()) };
    let hidden = blocks.len() - shown;
    let more = {
        let page_limit = page_limit.clone();
        Callback::from(move |_: MouseEvent| page_limit.set(shown + PAGE_BLOCKS))
    };
    let changes = navigation::change_rows(c, &props.options, texts);
    html! {
        <section class={classes!("comparison", inline.then_some("inline"))} aria-label="Comparison">
            { legend(c.rows.iter().any(|r| r.is_rewritten(&props.text_a, &props.text_b))) }
            if !inline {
                <div class="column-heads" aria-hidden="true">
                    <div><span class="side-tag">{"A"}</span>{ props.title_a.to_string() }</div>
                    <div><span class="side-tag">{"B"}</span>{ props.title_b.to_string() }</div>
                </div>
            }
            { ruler(c, &changes, &props.on_select) }
            <ol class="rows">
                { for blocks.into_iter().take(shown).map(|block| match block {
                    navigation::Block::Row(k) => row_html(k),
                    navigation::Block::Fold { start, len } if expanded.contains(&start) => (start..start + len).map(row_html).collect::<Html>(),
                    navigation::Block::Fold { start, len } => fold(start, len, props.options.only, &expanded),
                }) }
            </ol>
            if hidden > 0 {
                <p class="more"><button type="button" onclick={more} data-testid="more-rows">
                    { format!("Show {} more of {hidden} remaining sections", PAGE_BLOCKS.min(hidden)) }
                </button></p>
            }
        </section>
    }
}

/// What the marks mean; the mark of shared phrases only when a row is largely rewritten.
fn legend(with_shared: bool) -> Html {
    html! {
        <div class="legend" aria-hidden="true">
            <span><ins class="substantive">{"inserted in B"}</ins></span>
            <span><del class="substantive">{"deleted from A"}</del></span>
            <span><ins class="modifier">{"modifier"}</ins></span>
            <span><ins class="routine">{"routine (number, date)"}</ins></span>
            if with_shared {
                <span><mark class="shared">{"kept in a largely rewritten row"}</mark></span>
            }
        </div>
    }
}

/// The overview ruler: a tick per change (or per slot of changes), each a button to it.
fn ruler(c: &Comparison, changes: &[usize], on_select: &Callback<usize>) -> Html {
    let total = c.rows.len();
    html! {
        <nav class="ruler" aria-label="Overview of changes">
            { for navigation::ruler_ticks(changes, total).into_iter().map(|(k, n)| {
                let row = &c.rows[k];
                let (outline, ids) = if row.b.is_empty() { (&c.outline_a, &row.a) } else { (&c.outline_b, &row.b) };
                let place = locator(outline, ids);
                let label = relation_label(row, c);
                let (title, spoken) = if n == 1 {
                    (format!("{place} {label}"), format!("Go to change: {label}"))
                } else {
                    (format!("{n} changes from {place}: {label}, …"), format!("Go to {n} changes from {place}"))
                };
                html! {
                    <button type="button" class={classes!("tick", relation_class(row), row.moved.then_some("moved"))}
                        style={navigation::ruler_top(k, total)} {title} aria-label={spoken}
                        onclick={on_select.reform(move |_: MouseEvent| k)}></button>
                }
            }) }
        </nav>
    }
}

/// A run of `len` rows from row `start` folded away (unchanged, or hidden by the filter
/// `only`), with a button that opens it.
fn fold(
    start: usize,
    len: usize,
    only: crate::view::options::RowFilter,
    expanded: &UseStateHandle<Vec<usize>>,
) -> Html {
    let expanded = expanded.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let mut open = (*expanded).clone();
        open.push(start);
        expanded.set(open);
    });
    html! {
        <li class="fold">
            <button type="button" {onclick} data-testid="fold">
                { if only == crate::view::options::RowFilter::All {
                    format!("{len} unchanged sections — show")
                } else {
                    format!("{} — show", crate::output::labels::count_of(len, "other section"))
                } }
            </button>
        </li>
    }
}

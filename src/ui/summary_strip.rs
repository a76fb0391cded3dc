//! The summary strip: the comparison in one line of counts, announced to screen readers
//! when it changes.

use super::comparison_view::percent;
use crate::compare::Stats;
use yew::prelude::*;

/// Properties of [`SummaryStrip`].
#[derive(Properties, PartialEq)]
pub struct SummaryStripProps {
    /// The comparison's counts.
    pub stats: Stats,
}

fn item(value: String, label: &str, class: &str) -> Html {
    html! { <li class={class.to_string()}><strong>{ value }</strong>{ " " }{ label.to_string() }</li> }
}

/// The strip.
#[function_component(SummaryStrip)]
pub fn summary_strip(props: &SummaryStripProps) -> Html {
    let s = &props.stats;
    html! {
        <section class="summary" aria-label="Summary" data-testid="summary" role="status" aria-live="polite">
            <ul class="summary-sections">
                { item(format!("{}%", percent(s.similarity)), "alike", "similarity") }
                { item(s.reworded.to_string(), "reworded", "reworded") }
                { item(s.moved.to_string(), "moved", "moved") }
                { item((s.split + s.merged).to_string(), "split or merged", "split") }
                { item(s.added.to_string(), "added", "added") }
                { item(s.dropped.to_string(), "dropped", "dropped") }
                { item(s.same.to_string(), "unchanged", "same") }
            </ul>
            <ul class="summary-findings">
                <li class="label">{"Formulations:"}</li>
                { item(s.slogans_added.to_string(), "added", "added") }
                { item(s.slogans_dropped.to_string(), "dropped", "dropped") }
                { item(s.slogans_reworded.to_string(), "reworded", "reworded") }
                { item(s.slogans_count_changed.to_string(), "count changed", "count") }
                <li class="label">{"Priorities:"}</li>
                { item(s.priorities_moved.to_string(), "moved", "moved") }
                <li class="label">{"Changes:"}</li>
                { item(s.changes.substantive.to_string(), "substantive", "substantive") }
                { item(s.changes.modifier.to_string(), "modifier", "modifier") }
                { item(s.changes.routine.to_string(), "routine", "routine") }
            </ul>
            if s.coarse_rows > 0 {
                <p class="coarse-note">{ format!(
                    "{} section(s) were too long and too different to diff word by word; they are shown as replaced whole.",
                    s.coarse_rows
                ) }</p>
            }
        </section>
    }
}

//! Where the reader was in the timeline, kept while they look at a pair opened from it.
//!
//! A series of seven work reports has some three hundred formulation rows. A reader who
//! opens one cell's pair and comes back (with the browser's Back, the tab or the link back)
//! expects the row they left, not the top of the page: the page is drawn anew for the other
//! mode, so the browser's own scroll restoration has nothing to restore to. The position is
//! kept per series, and put back once the same series is shown again.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The series a position belongs to: a fingerprint of its documents' lengths in order
/// (see [`series_key`]).
pub type SeriesKey = usize;

/// The fingerprint of a series made of texts of these lengths, in order.
pub fn series_key(lengths: impl Iterator<Item = usize>) -> SeriesKey {
    lengths.fold(1, |key, len| key.wrapping_mul(1_000_003).wrapping_add(len))
}

#[derive(Clone, Copy)]
struct Place {
    series: SeriesKey,
    into_view: f64,
    heat_map_across: Option<i32>,
}

#[derive(Default)]
struct Kept {
    /// Where the reader was when they last left the timeline of a series: how far they had
    /// scrolled the window into the timeline's view (its heat map, chart or strips),
    /// measured from the view, not the page (the series editor above it may be drawn open
    /// or closed on return), and how far the heat map's own box was scrolled across (on a
    /// phone; it never scrolls down).
    at: Option<Place>,
    /// Whether the position was put back since the timeline came on screen.
    restored: bool,
}

/// The reader's place in the timeline: kept when they leave it, put back when they return.
#[derive(Clone, Default)]
pub struct TimelinePlace(Rc<RefCell<Kept>>);

impl TimelinePlace {
    /// Keeps the window's scroll position as the place in the timeline of `series`: called
    /// as the reader leaves the timeline (opening a pair from it, or the other tab).
    pub fn keep(&self, series: SeriesKey) {
        let heat_map_across = heat_map_box().map(|b| b.scroll_left());
        self.0.borrow_mut().at = view_top().map(|top| Place { series, into_view: -top, heat_map_across });
    }
}

/// The reader's place in the timeline: put back once the timeline of the same series is
/// drawn again (`drawn`) after the reader came back to it (`active`).
#[hook]
pub fn use_timeline_place(active: bool, drawn: bool, series: SeriesKey) -> TimelinePlace {
    let place = use_memo((), |()| TimelinePlace::default());
    {
        let kept = place.0.clone();
        use_effect_with((active, drawn, series), move |&(active, drawn, series)| {
            let mut kept = kept.borrow_mut();
            if !active {
                kept.restored = false;
            } else if drawn && !kept.restored {
                kept.restored = true;
                if let Some(place) = kept.at.filter(|p| p.series == series) {
                    put_back(place, PUT_BACK_TRIES);
                }
            }
        });
    }
    (*place).clone()
}

/// How many times (every 100 ms) the place is put back until the page is long enough for
/// it: the heat map draws its rows a block at a time after it comes on screen.
const PUT_BACK_TRIES: u32 = 20;

/// Scrolls back to `place`, again a little later while the page is still too short for it.
fn put_back(place: Place, tries: u32) {
    if let (Some(across), Some(b)) = (place.heat_map_across, heat_map_box()) {
        b.set_scroll_left(across);
    }
    let Some(top) = view_top() else { return };
    gloo::utils::window().scroll_by_with_x_and_y(0.0, top + place.into_view);
    let short = view_top().is_some_and(|now| (now + place.into_view).abs() > 2.0);
    if short && tries > 1 {
        gloo::timers::callback::Timeout::new(100, move || put_back(place, tries - 1)).forget();
    }
}

/// Where the top of the timeline's view is, from the top of the window (negative when
/// scrolled past).
fn view_top() -> Option<f64> {
    let view = gloo::utils::document().query_selector(".timeline-body").ok()??;
    Some(view.get_bounding_client_rect().top())
}

/// The heat map's box, which scrolls sideways on a phone, when the heat map is the view on
/// screen.
fn heat_map_box() -> Option<web_sys::Element> {
    gloo::utils::document().query_selector(".heat-map-wrap").ok()?
}

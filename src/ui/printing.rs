//! Whether the page is being printed: true between the browser's `beforeprint` and
//! `afterprint` events. Lists that show their first rows on screen (formulations, priority
//! lists, long comparisons) show every row on paper, where nothing can be clicked to see
//! more; the print stylesheet alone cannot add rows that were never drawn.

use yew::prelude::*;

/// True while the page is printed.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on = printing.clone();
            let before = gloo::events::EventListener::new(&window, "beforeprint", move |_| on.set(true));
            let after = gloo::events::EventListener::new(&window, "afterprint", move |_| printing.set(false));
            move || drop((before, after))
        });
    }
    *printing
}

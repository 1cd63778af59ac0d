use yew::prelude::*;

/// Whether a `<details>` is open, kept in step through its `toggle` event: returns the state and
/// the `ontoggle` callback to put on the element. Components use it to render a closed
/// `<details>`'s body only when it is opened.
#[hook]
pub fn use_details_open(initial: bool) -> (bool, Callback<Event>) {
    let open = use_state(|| initial);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let now = e.target_dyn_into::<web_sys::HtmlDetailsElement>().map(|d| d.open()).unwrap_or(true);
            if now != *open {
                open.set(now);
            }
        })
    };
    (*open, ontoggle)
}

//! The view in the address bar: read the query string, write it back with pushState (for
//! selections, so Back and Forward walk through them) or replaceState (everything else), and
//! keep parameters that are not ours (Pym.js's `childId`, `initialWidth`, …).

use crate::state::url::{pairs, percent_encode};

const OURS: [&str; 12] = ["year", "country", "company", "category", "evidence", "tab", "region", "lang", "theme", "embed", "mode", "step"];

/// Merges our serialised query (`?a=b&…` or empty) with the foreign parameters of `current`.
pub fn merge(ours: &str, current: &str) -> String {
    let foreign: Vec<String> = pairs(current)
        .into_iter()
        .filter(|(k, _)| !OURS.contains(&k.as_str()))
        .map(|(k, v)| if v.is_empty() { percent_encode(&k) } else { format!("{}={}", percent_encode(&k), percent_encode(&v)) })
        .collect();
    let ours = ours.strip_prefix('?').unwrap_or(ours);
    let all: Vec<&str> = std::iter::once(ours).filter(|s| !s.is_empty()).chain(foreign.iter().map(String::as_str)).collect();
    if all.is_empty() {
        String::new()
    } else {
        format!("?{}", all.join("&"))
    }
}

/// The page's query string (`?…`), or empty outside the browser.
pub fn current_query() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// A replace-type write waiting for its delay (`REPLACE_DELAY_MS`).
    static PENDING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// Counts Back/Forward navigations ([`navigated`]): a push waiting for its frame is dropped
    /// if one happens first, since it belongs to the entry the reader has just left.
    static NAVIGATIONS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Set by [`navigated`] until the restored view's frame is painted: the view change it causes
    /// is already in the address bar and must not push (that would cut the Forward entries).
    static RESTORING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How long a replace waits, so that a burst of changes (a held arrow key, a drag along the
/// timeline) costs one `history.replaceState` instead of one per year. Chromium spends about
/// 2 ms of main thread per call here (8–9 ms at a 4× CPU throttle), more than the rest of a
/// year change's script.
pub const REPLACE_DELAY_MS: i32 = 300;

/// Tells the writer that the reader went Back or Forward (call it from the `popstate` handler,
/// before restoring the view): writes still waiting belong to the entry just left and are
/// dropped, and the restored view, already in the address bar, becomes a replace, not a push
/// (a push there would cut the Forward entries: Back, Back, Forward would go nowhere).
pub fn navigated() {
    #[cfg(target_arch = "wasm32")]
    {
        PENDING.with(|p| p.borrow_mut().take());
        let n = NAVIGATIONS.with(|c| {
            c.set(c.get().wrapping_add(1));
            c.get()
        });
        RESTORING.with(|r| r.set(true));
        // If the navigation changes nothing in the view, no write consumes the flag: it ends
        // with the frame, so the reader's next selection pushes as usual.
        crate::web::dom::after_paint(100, move || {
            if NAVIGATIONS.with(|c| c.get()) == n {
                RESTORING.with(|r| r.set(false));
            }
        });
    }
}

/// Writes the view to the address bar: a push (selection, tab) once the frame that shows it is
/// painted (`history.pushState` records the scroll position, about 17 ms of a country click at
/// 1× CPU, which then no longer delays that frame), a replace (year, filters, zoom …) at most
/// once per `REPLACE_DELAY_MS`, with the latest view of the burst, so that scrubbing or playing
/// the years does not spend frames on `history.replaceState`. A push drops a pending replace: it
/// carries the newer view. A push is dropped if the reader goes Back or Forward before it lands,
/// and the view a Back or Forward restores is written as a replace ([`navigated`]).
pub fn write_view(ours: String, push: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let push = push && !RESTORING.with(|r| r.replace(false));
        if push {
            PENDING.with(|p| p.borrow_mut().take());
            let n = NAVIGATIONS.with(|c| c.get());
            crate::web::dom::after_paint(100, move || {
                if NAVIGATIONS.with(|c| c.get()) == n {
                    write(&ours, true)
                }
            });
            return;
        }
        let scheduled = PENDING.with(|p| p.borrow_mut().replace(ours).is_some());
        if !scheduled {
            crate::web::dom::timeout(REPLACE_DELAY_MS, flush);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ours, push);
}

/// Writes a pending replace now (nothing if there is none).
#[cfg(target_arch = "wasm32")]
fn flush() {
    if let Some(q) = PENDING.with(|p| p.borrow_mut().take()) {
        write(&q, false);
    }
}

/// Writes our query to the address bar if it differs; `push` adds a history entry.
pub fn write(ours: &str, push: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(w) = web_sys::window() else { return };
        let current = current_query();
        let next = merge(ours, &current);
        if next == current {
            return;
        }
        let loc = w.location();
        let url = format!("{}{}{}", loc.pathname().unwrap_or_default(), next, loc.hash().unwrap_or_default());
        if let Ok(h) = w.history() {
            let _ = if push {
                h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ours, push);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_foreign_parameters_and_replaces_ours() {
        assert_eq!(merge("?year=2016", "?childId=graphic&year=2010&initialWidth=600"), "?year=2016&childId=graphic&initialWidth=600");
        assert_eq!(merge("", "?year=2010"), "");
        assert_eq!(merge("", "?parentUrl=https%3A%2F%2Fnews.example%2Fa"), "?parentUrl=https%3A%2F%2Fnews.example%2Fa");
        assert_eq!(merge("?country=KEN", ""), "?country=KEN");
    }
}

//! Small DOM helpers that degrade to no-ops outside the browser.

/// Moves keyboard focus to the element with this id, if it exists.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

pub fn focus_by_id(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            } else if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Sets CSS properties through the CSSOM (allowed under a strict style-src policy,
/// unlike `style="…"` attributes).
pub fn set_style(node: &yew::NodeRef, props: &[(&str, String)]) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let style = el.style();
        for (k, v) in props {
            let _ = style.set_property(k, v);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (node, props);
}

/// Logs a line to the browser console (stderr natively).
pub fn log(msg: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&msg.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{msg}");
}

/// The browser's preferred language, if it is one we have.
pub fn browser_lang() -> Option<crate::i18n::Lang> {
    #[cfg(target_arch = "wasm32")]
    {
        let nav = web_sys::window()?.navigator();
        let langs = nav.languages();
        for l in langs.iter() {
            if let Some(l) = l.as_string().and_then(|s| crate::i18n::Lang::from_code(&s)) {
                return Some(l);
            }
        }
        nav.language().and_then(|s| crate::i18n::Lang::from_code(&s))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Sets `<html lang dir>` and the theme class on the document element.
pub fn apply_document(lang: crate::i18n::Lang, theme: crate::state::view::Theme) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
        let list = root.class_list();
        let _ = list.remove_2("theme-light", "theme-dark");
        match theme {
            crate::state::view::Theme::Light => drop(list.add_1("theme-light")),
            crate::state::view::Theme::Dark => drop(list.add_1("theme-dark")),
            crate::state::view::Theme::Auto => {}
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, theme);
}

/// Whether the reader asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
            .map(|m| m.matches())
            .unwrap_or(false)
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Horizontal position of a pointer within an element, as a fraction of its width (and height).
pub fn pointer_fraction(node: &yew::NodeRef, client_x: i32, client_y: i32) -> Option<(f64, f64)> {
    #[cfg(target_arch = "wasm32")]
    {
        let el = node.cast::<web_sys::Element>()?;
        let r = el.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return None;
        }
        Some(((client_x as f64 - r.left()) / r.width(), (client_y as f64 - r.top()) / r.height()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (node, client_x, client_y);
        None
    }
}

/// Scrolls an element into view inside its scroll container without moving the page. Reading
/// its offset needs a layout, so call it after the frame has been painted ([`after_paint`]).
pub fn scroll_into_view_nearest(id: &str, smooth: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        if let Some(parent) = el.parent_element() {
            // Horizontal strip: scroll the strip itself rather than the page.
            if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                let left = html.offset_left() - 8;
                let opts = web_sys::ScrollToOptions::new();
                opts.set_left(left as f64);
                opts.set_behavior(if smooth { web_sys::ScrollBehavior::Smooth } else { web_sys::ScrollBehavior::Instant });
                parent.scroll_to_with_scroll_to_options(&opts);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (id, smooth);
}

/// Calls `f` every `ms` milliseconds until the returned guard is dropped (`gloo-timers`).
pub struct Interval {
    #[cfg(target_arch = "wasm32")]
    _inner: gloo_timers::callback::Interval,
}

pub fn interval(ms: i32, f: impl FnMut() + 'static) -> Interval {
    #[cfg(target_arch = "wasm32")]
    {
        Interval { _inner: gloo_timers::callback::Interval::new(ms.max(0) as u32, f) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ms, f);
        Interval {}
    }
}

/// Runs `f` once the browser has painted the next frame (a timeout queued from the next
/// animation frame), or after `fallback_ms` if no frame comes (a hidden tab or frame), whichever
/// is first. Work that need not delay the frame after an input (address bar, scrolling a strip
/// into view) goes here, so that the input's own frame only carries what it shows.
pub fn after_paint(fallback_ms: i32, f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        let Some(w) = web_sys::window() else { return f() };
        // Whichever of the two callbacks comes first takes `f`; the other finds the slot empty.
        let slot = Rc::new(Cell::new(Some(f)));
        let run = move || {
            if let Some(f) = slot.take() {
                f()
            }
        };
        let run2 = run.clone();
        let on_frame = Closure::once_into_js(move || timeout(0, run2));
        let _ = w.request_animation_frame(on_frame.unchecked_ref());
        timeout(fallback_ms, run);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = fallback_ms;
        f()
    }
}

/// Runs `f` once, `ms` milliseconds from now (at once outside the browser), with `gloo-timers`.
pub fn timeout(ms: i32, f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = gloo_timers::callback::Timeout::new(ms.max(0) as u32, f).forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
        f()
    }
}

/// Asks for fullscreen on the whole page; false where it is not allowed (e.g. in a frame
/// without allowfullscreen), and the CSS presentation layout is the fallback.
pub fn request_fullscreen() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
        if !doc.fullscreen_enabled() {
            return false;
        }
        doc.document_element().map(|e| e.request_fullscreen().is_ok()).unwrap_or(false)
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

pub fn exit_fullscreen() {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

/// The page's address, or empty outside the browser.
pub fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Today's date as `YYYY-MM-DD` (for `Strings::date_str`), or empty natively.
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// A window-level event listener, removed when the guard is dropped.
pub struct WindowListener {
    #[cfg(target_arch = "wasm32")]
    event: &'static str,
    #[cfg(target_arch = "wasm32")]
    cb: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

pub fn on_window(event: &'static str, f: impl FnMut(web_sys::Event) + 'static) -> WindowListener {
    #[cfg(target_arch = "wasm32")]
    {
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(f);
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        }
        WindowListener { event, cb }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (event, f);
        WindowListener {}
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(self.event, self.cb.as_ref().unchecked_ref());
        }
    }
}

/// Back/Forward.
pub fn on_popstate(mut f: impl FnMut() + 'static) -> WindowListener {
    on_window("popstate", move |_| f())
}

pub fn on_window_keydown(mut f: impl FnMut(web_sys::KeyboardEvent) + 'static) -> WindowListener {
    on_window("keydown", move |e| {
        if let Ok(k) = wasm_bindgen::JsCast::dyn_into::<web_sys::KeyboardEvent>(e) {
            f(k)
        }
    })
}

/// The country a tap at client coordinates means (see [`crate::state::hit`]): `direct` is the
/// interactive country under the tap, `markers` the codes of the small-state markers drawn.
/// Outside the browser, `direct`.
pub fn nearest_target(x: i32, y: i32, direct: Option<String>, markers: &[String]) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::state::hit::{candidates, pick, Marker, SMALL};
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return direct };
        let markers: Vec<Marker> = markers
            .iter()
            .filter_map(|iso3| {
                let r = doc.get_element_by_id(&format!("c-{iso3}"))?.get_bounding_client_rect();
                (r.width() > 0.0).then(|| Marker { iso3: iso3.clone(), x: r.x() + r.width() / 2.0, y: r.y() + r.height() / 2.0, r: r.width() / 2.0 })
            })
            .collect();
        let small = |el: &web_sys::Element| {
            let r = el.get_bounding_client_rect();
            r.width() < SMALL || r.height() < SMALL
        };
        let direct = direct.and_then(|c| {
            let el = doc.get_element_by_id(&format!("c-{c}"))?;
            let r = el.get_bounding_client_rect();
            let centre = small(&el).then(|| (r.x() + r.width() / 2.0 - x as f64).hypot(r.y() + r.height() / 2.0 - y as f64));
            Some((c, centre))
        });
        let probe = |px: f64, py: f64| {
            let el = doc.element_from_point(px as f32, py as f32)?;
            el.closest("svg.map").ok()??;
            let iso3 = el.get_attribute("data-iso3").filter(|c| !c.is_empty())?;
            Some((iso3, small(&el)))
        };
        pick(&candidates((x as f64, y as f64), &markers, direct, probe))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (x, y, markers);
        direct
    }
}

/// After the next paint, scrolls the page (or the scrolled region holding it, such as a
/// bounded embed) so that the element with id `target` is in view, above the element with id
/// `cover` when that is a fixed bottom sheet. Does nothing when it is already in view.
pub fn reveal(target: &str, cover: Option<&str>) {
    #[cfg(target_arch = "wasm32")]
    {
        let (target, cover) = (target.to_string(), cover.map(str::to_string));
        after_paint(100, move || reveal_now(&target, cover.as_deref()));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (target, cover);
}

#[cfg(target_arch = "wasm32")]
fn reveal_now(target: &str, cover: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    let Some(el) = doc.get_element_by_id(target) else { return };
    let style = |e: &web_sys::Element, p: &str| w.get_computed_style(e).ok().flatten().and_then(|s| s.get_property_value(p).ok()).unwrap_or_default();
    // The nearest ancestor that scrolls vertically, if any (else the page).
    let mut scroller = el.parent_element();
    while let Some(p) = scroller.clone() {
        if p.scroll_height() > p.client_height() && matches!(style(&p, "overflow-y").as_str(), "auto" | "scroll") {
            break;
        }
        scroller = p.parent_element();
    }
    let inner = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let (mut top, mut bottom) = match &scroller {
        Some(p) => {
            let r = p.get_bounding_client_rect();
            (r.top().max(0.0), r.bottom().min(inner))
        }
        None => (0.0, inner),
    };
    if let Some(c) = cover.and_then(|id| doc.get_element_by_id(id)).filter(|c| style(c, "position") == "fixed") {
        bottom = bottom.min(c.get_bounding_client_rect().top());
    }
    top = top.min(bottom);
    let r = el.get_bounding_client_rect();
    let dy = crate::state::reveal::scroll_delta((r.top(), r.bottom()), (top, bottom), 8.0);
    if dy.abs() >= 1.0 {
        match scroller {
            Some(p) => p.scroll_by_with_x_and_y(0.0, dy),
            None => w.scroll_by_with_x_and_y(0.0, dy),
        }
    }
}

//! Small DOM helpers that degrade to no-ops outside the browser.

/// Moves keyboard focus to the element with this id, if it exists.
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

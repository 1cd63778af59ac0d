//! Auto-height for iframes: measures the widget with a ResizeObserver and posts its height to
//! the parent page in the common protocols at once — Pym.js strings, the Datawrapper-style
//! object and AMP's embed-size — and answers Pym's `width` message with a fresh height.

/// Pym.js message for a height.
pub fn pym_height(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// Whether a message is Pym's `width` message for this child.
pub fn is_pym_width(message: &str, child_id: &str) -> bool {
    message.strip_prefix(&format!("pymxPYMx{child_id}xPYMxwidthxPYMx")).is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// `{"datawrapper-height": {"<id>": h}}` as JSON text.
pub fn datawrapper_height(id: &str, height: u32) -> String {
    format!("{{\"datawrapper-height\":{{{}:{height}}}}}", serde_json::Value::String(id.to_string()))
}

pub fn amp_embed_size(height: u32) -> String {
    format!("{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{height}}}")
}

/// Keeps the observer and listener alive; dropping it stops them.
pub struct AutoHeight {
    #[cfg(target_arch = "wasm32")]
    _inner: Option<inner::Guard>,
}

/// Stops reporting when dropped (the work is in the wasm-only guard inside).
impl Drop for AutoHeight {
    fn drop(&mut self) {}
}

/// Starts reporting the height of `#app` to the parent, if the page is in a frame.
/// `child_id` is Pym's `childId` query parameter; other protocols use `surveillance-atlas`.
pub fn start(child_id: Option<String>) -> AutoHeight {
    #[cfg(target_arch = "wasm32")]
    {
        AutoHeight { _inner: inner::start(child_id) }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = child_id;
        AutoHeight {}
    }
}

#[cfg(target_arch = "wasm32")]
mod inner {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    pub struct Guard {
        observer: web_sys::ResizeObserver,
        _resize: Closure<dyn FnMut(js_sys::Array)>,
        message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            self.observer.disconnect();
            if let Some(w) = web_sys::window() {
                let _ = w.remove_event_listener_with_callback("message", self.message.as_ref().unchecked_ref());
            }
        }
    }

    fn measure() -> u32 {
        let doc = web_sys::window().and_then(|w| w.document());
        let h = |id: &str| doc.as_ref().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()).map(|e| e.offset_height()).unwrap_or(0);
        (h("app") + h("panic")).max(0) as u32
    }

    fn post(parent: &web_sys::Window, child_id: &Option<String>, height: u32) {
        let id = child_id.clone().unwrap_or_else(|| "surveillance-atlas".into());
        if child_id.is_some() {
            let _ = parent.post_message(&JsValue::from_str(&pym_height(&id, height)), "*");
        }
        for text in [datawrapper_height(&id, height), amp_embed_size(height)] {
            if let Ok(v) = js_sys::JSON::parse(&text) {
                let _ = parent.post_message(&v, "*");
            }
        }
    }

    pub fn start(child_id: Option<String>) -> Option<Guard> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &window) {
            return None; // not in a frame
        }
        let root = window.document()?.get_element_by_id("app")?;
        let last = Rc::new(Cell::new(0u32));
        let (p1, id1, last1) = (parent.clone(), child_id.clone(), last.clone());
        let resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let h = measure();
            if h != last1.get() {
                last1.set(h);
                post(&p1, &id1, h);
            }
        });
        let observer = web_sys::ResizeObserver::new(resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(&root);
        let message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let (Some(text), Some(id)) = (e.data().as_string(), child_id.as_deref()) {
                if is_pym_width(&text, id) {
                    let h = measure();
                    last.set(h);
                    post(&parent, &child_id, h);
                }
            }
        });
        let _ = window.add_event_listener_with_callback("message", message.as_ref().unchecked_ref());
        Some(Guard { observer, _resize: resize, message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_follow_each_protocol() {
        assert_eq!(pym_height("atlas-1", 812), "pymxPYMxatlas-1xPYMxheightxPYMx812");
        assert!(is_pym_width("pymxPYMxatlas-1xPYMxwidthxPYMx640", "atlas-1"));
        assert!(!is_pym_width("pymxPYMxotherxPYMxwidthxPYMx640", "atlas-1"));
        assert!(!is_pym_width("pymxPYMxatlas-1xPYMxwidthxPYMx", "atlas-1"));
        let dw: serde_json::Value = serde_json::from_str(&datawrapper_height("a\"b", 700)).unwrap();
        assert_eq!(dw["datawrapper-height"]["a\"b"], 700);
        let amp: serde_json::Value = serde_json::from_str(&amp_embed_size(700)).unwrap();
        assert_eq!((amp["sentinel"].as_str(), amp["type"].as_str(), amp["height"].as_u64()), (Some("amp"), Some("embed-size"), Some(700)));
    }
}

//! Keeps presentation windows of the same browser in step: the presenter's window and the
//! audience's window share the story step over a BroadcastChannel. Natively a no-op.

/// The channel's name: one per origin (windows of other sites never hear it).
pub const CHANNEL: &str = "surveillance-atlas-story";

/// An open channel; dropping it closes the channel and removes the listener.
pub struct StoryLink {
    #[cfg(target_arch = "wasm32")]
    channel: web_sys::BroadcastChannel,
    #[cfg(target_arch = "wasm32")]
    _listener: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl StoryLink {
    /// Opens the channel; `on_step` gets each step (0-based) another window moved to.
    /// None where BroadcastChannel is missing (the windows then simply do not follow each other).
    pub fn open(on_step: impl Fn(usize) + 'static) -> Option<StoryLink> {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
            let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                // Only a whole number in range is a step; anything else is ignored.
                if let Some(n) = e.data().as_f64().filter(|n| n.fract() == 0.0 && (0.0..1000.0).contains(n)) {
                    on_step(n as usize);
                }
            });
            channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            Some(StoryLink { channel, _listener: listener })
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = on_step;
            None
        }
    }

    /// Tells the other windows that this one is now at `step`.
    pub fn post(&self, step: usize) {
        #[cfg(target_arch = "wasm32")]
        let _ = self.channel.post_message(&wasm_bindgen::JsValue::from(step as f64));
        #[cfg(not(target_arch = "wasm32"))]
        let _ = step;
    }
}

impl Drop for StoryLink {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        {
            self.channel.set_onmessage(None);
            self.channel.close();
        }
    }
}

/// Opens a window on `url` (the presenter view); false when the browser blocked it.
pub fn open_window(url: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.open_with_url_and_target(url, "_blank").ok().flatten()).is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = url;
        false
    }
}

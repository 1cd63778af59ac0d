//! Browser entry point: installs the panic display and mounts the app on `#app`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use surveillance_atlas::components::app::App;
    use surveillance_atlas::i18n::Lang;
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.get_element_by_id("panic") {
                // In the language the page is showing (its pack, if any, is installed by then).
                let lang = doc.document_element().and_then(|e| e.get_attribute("lang")).and_then(|c| Lang::from_code(&c)).unwrap_or_default();
                el.set_text_content(Some(&format!("{} ({})", lang.strings().panic_message, info)));
                let _ = el.remove_attribute("hidden");
            }
        }
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has an #app element");
    yew::Renderer::<App>::with_root(root).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("surveillance-atlas is a browser app: build it with `trunk build --release` (see README.md).");
}

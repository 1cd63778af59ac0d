//! Browser entry point: installs the panic display, then hydrates the prerendered markup in
//! `#app` (the build's `atlas-prerender` step) with the data the page carries, or renders from
//! scratch where there is none (`trunk serve` without the hook, a page whose blocks fail).

#[cfg(target_arch = "wasm32")]
fn main() {
    use surveillance_atlas::components::app::{App, AppProps};
    use surveillance_atlas::i18n::Lang;
    // Through Yew, which would otherwise replace the hook with its own when the app starts.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.get_element_by_id("panic") {
                // In the language the page is showing (its pack, if any, is installed by then).
                let lang: Lang = surveillance_atlas::web::boot::page_lang().unwrap_or_default();
                el.set_text_content(Some(&format!("{} ({})", lang.strings().panic_message, info)));
                let _ = el.remove_attribute("hidden");
            }
        }
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has an #app element");
    // A page prerendered in another language carries its pack: installed before hydrating.
    surveillance_atlas::web::boot::install_embedded_pack();
    match surveillance_atlas::web::boot::prerendered(surveillance_atlas::components::app::DATA_URL) {
        Some((loaded, view)) => {
            let initial = surveillance_atlas::components::app::initial_state(loaded, &view);
            let props = AppProps { initial: Some(std::rc::Rc::new(initial)), prerendered: Some(view.into()) };
            yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
        }
        None => {
            // Prerendered markup that cannot be hydrated (its data blocks missing or broken) is
            // replaced, not doubled.
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("surveillance-atlas is a browser app: build it with `trunk build --release` (see README.md).");
}

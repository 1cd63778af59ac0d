//! Browser entry point: installs the panic display, then hydrates the prerendered markup in
//! `#app` (the build's `atlas-prerender` step) once the dataset and geometry have arrived (the
//! offline file carries them), or renders from scratch where there is no such markup (`trunk
//! serve` without the hook) or the files do not load.

#[cfg(target_arch = "wasm32")]
fn main() {
    use surveillance_atlas::components::app::{App, DATA_URL, WORLD_URL};
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
    let Some(view) = surveillance_atlas::web::boot::prerendered_view() else {
        yew::Renderer::<App>::with_root(root).render();
        return;
    };
    // Hydrated once the dataset and the geometry boot.js requested have arrived (the markup stays
    // as it is meanwhile: a static map, the controls hidden); the offline file carries both in the
    // page, which `fetch::load` reads without a request.
    wasm_bindgen_futures::spawn_local(async move {
        match surveillance_atlas::web::fetch::load(DATA_URL, WORLD_URL).await {
            // In a task of its own: parsing the dataset and hydrating would otherwise be one long
            // task (Lighthouse counts each task's time over 50 ms as blocking).
            Ok(loaded) => surveillance_atlas::web::dom::timeout(0, move || hydrate(root, loaded, view)),
            Err(e) => {
                // Markup that cannot be hydrated is replaced, not doubled: the app then loads
                // the files itself and shows what failed, with its retry button.
                surveillance_atlas::web::dom::log(&format!("{}: {}", e.title, e.details.join("; ")));
                root.set_inner_html("");
                yew::Renderer::<App>::with_root(root).render();
            }
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn hydrate(root: web_sys::Element, loaded: surveillance_atlas::state::app::Loaded, view: String) {
    use surveillance_atlas::components::app::{App, AppProps};
    let initial = surveillance_atlas::components::app::initial_state(std::rc::Rc::new(loaded), &view);
    let props = AppProps { initial: Some(std::rc::Rc::new(initial)), prerendered: Some(view.into()) };
    yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("surveillance-atlas is a browser app: build it with `trunk build --release` (see README.md).");
}

//! What the page carries for the app: the view the prerendered markup shows (`data-view` on
//! `#app`, written by `atlas-prerender`, see `crate::prerender`), the language pack of a page in
//! another language than English, and in the single-file offline copy the dataset and the
//! geometry, all as `<script type="application/json">` blocks (data, not run, so the page's CSP
//! allows them). Outside the browser, and on a page built without the prerender (`trunk serve`),
//! there is nothing to read.

/// Id of the block holding `data/atlas.json` (the offline copy).
pub const DATA_ID: &str = "atlas-data";
/// Id of the block holding `geo/world.json`.
pub const GEO_ID: &str = "atlas-geo";
/// Id of the block holding the language pack of a page prerendered in another language than
/// English (`fr/index.html`, …).
pub const PACK_ID: &str = "atlas-pack";
/// Attribute of `#app` holding the prerendered view as a query string (`""` = the default view).
pub const VIEW_ATTR: &str = "data-view";

/// The text of an embedded JSON block, if the page has it.
pub fn embedded(id: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let el = web_sys::window()?.document()?.get_element_by_id(id)?;
        el.text_content().filter(|t| !t.is_empty())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        None
    }
}

/// The prerendered view's query string, if `#app` holds prerendered markup.
pub fn prerendered_view() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.document()?.get_element_by_id("app")?.get_attribute(VIEW_ATTR)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Installs the language pack the page carries, if any, so that the app can hydrate markup
/// prerendered in that language without fetching the pack first. The pack is the language of
/// `<html lang>`, which the prerender writes with it (`pack::install` checks they agree).
/// Returns its language.
pub fn install_embedded_pack() -> Option<crate::i18n::Lang> {
    let text = embedded(PACK_ID)?;
    let lang = page_lang()?;
    match crate::i18n::pack::install(lang, text) {
        Ok(_) => Some(lang),
        Err(e) => {
            crate::web::dom::log(&format!("Language pack in the page not installed: {e}"));
            None
        }
    }
}

/// Marks the page as started (`<html class="ready">`): the stylesheet shows the controls that
/// need the app only from then on, and tests wait for it.
pub fn mark_ready() {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.class_list().add_1("ready");
    }
}

/// The language of the page (`<html lang>`).
pub fn page_lang() -> Option<crate::i18n::Lang> {
    #[cfg(target_arch = "wasm32")]
    {
        let code = web_sys::window()?.document()?.document_element()?.get_attribute("lang")?;
        crate::i18n::Lang::from_code(&code)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

//! `use_lang_pack`: the language the page can show now. English is compiled in; another language
//! is fetched as `i18n/<code>.json` when first asked for, and the page switches once it is in
//! (meanwhile it stays in the language it was showing, or, before the first view, the status view
//! shows "loading": nothing flashes half-translated, and focus stays where it was). If the pack
//! cannot be loaded the page stays in English and the console says why.

use crate::i18n::{pack, Lang};
use yew::prelude::*;

/// (language to render, whether its pack is still on its way). While a pack is on its way the
/// language last shown is rendered (English at first), so a switch never shows a page half in
/// one language and half in another.
#[hook]
pub fn use_lang_pack(requested: Lang) -> (Lang, bool) {
    // Bumped when a pack arrives or fails, to render again.
    let tick = use_state(|| 0u32);
    let failed = use_mut_ref(Vec::<Lang>::new);
    {
        let (tick, failed) = (tick.clone(), failed.clone());
        use_effect_with(requested, move |lang| {
            let lang = *lang;
            #[cfg(target_arch = "wasm32")]
            if !pack::ready(lang) && !failed.borrow().contains(&lang) {
                // The single-file offline copy carries every pack in the page.
                if let Some(text) = crate::web::boot::embedded(&pack::pack_block_id(lang)) {
                    if let Err(e) = pack::install(lang, text) {
                        crate::web::dom::log(&format!("Language pack not loaded, showing English: {e}"));
                        failed.borrow_mut().push(lang);
                    }
                    tick.set(*tick + 1);
                    return;
                }
                wasm_bindgen_futures::spawn_local(async move {
                    let url = format!("i18n/{}.json", lang.code());
                    let result = crate::web::fetch::fetch_text(&url).await.and_then(|text| pack::install(lang, text).map(|_| ()));
                    if let Err(e) = result {
                        crate::web::dom::log(&format!("Language pack not loaded, showing English: {e}"));
                        failed.borrow_mut().push(lang);
                    }
                    tick.set(*tick + 1);
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (lang, tick, failed);
        });
    }
    let shown = use_mut_ref(|| Lang::En);
    if pack::ready(requested) {
        *shown.borrow_mut() = requested;
        (requested, false)
    } else if failed.borrow().contains(&requested) {
        *shown.borrow_mut() = Lang::En;
        (Lang::En, false)
    } else {
        let last = *shown.borrow();
        (if pack::ready(last) { last } else { Lang::En }, true)
    }
}

/// Every country's names in the widget's other languages, for search (`i18n/names.json`, see
/// `pack::Names`): loaded once after the first render, from the page's block in the offline copy,
/// natively from the committed file. None until then, or if it cannot be loaded (search then
/// finds countries by the names of the loaded languages; the console says why).
#[hook]
pub fn use_country_names() -> Option<std::rc::Rc<pack::Names>> {
    let names = use_state(|| None::<std::rc::Rc<pack::Names>>);
    {
        let names = names.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                let set = move |text: Result<String, String>| match text.and_then(|t| pack::parse_names(&t)) {
                    Ok(n) => names.set(Some(std::rc::Rc::new(n))),
                    Err(e) => crate::web::dom::log(&format!("Country names for search not loaded: {e}")),
                };
                match crate::web::boot::embedded(pack::NAMES_BLOCK) {
                    Some(text) => set(Ok(text)),
                    None => wasm_bindgen_futures::spawn_local(async move { set(crate::web::fetch::fetch_text("i18n/names.json").await) }),
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            names.set(pack::parse_names(pack::committed_names()).ok().map(std::rc::Rc::new));
        });
    }
    (*names).clone()
}

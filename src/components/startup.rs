use crate::components::app::{data_url_from_query, DATA_URL};
use crate::i18n::{pack, Lang};
use std::cell::RefCell;
use std::rc::Rc;
use crate::state::app::{Action, AppState};
use crate::state::url;
use crate::web::boot::mark_ready;
use crate::web::dom::browser_lang;
use crate::web::history::current_query;
use yew::prelude::*;

/// What the app does once its first render is in the page. When it hydrated prerendered markup
/// (`prerendered` = the view that markup shows), the first render had to match the markup, so
/// only now does it move to the view the URL asks for (as Back/Forward do, `Action::Restore`),
/// take the browser's language, and load `?data=` if the URL names another dataset; each only if it
/// changes something, since any of them re-renders the whole app (about 90 ms at 4× CPU, in the
/// start-up's long task). Then it marks the page ready (`<html class="ready">`): at once when the
/// language to show is at hand (the renders it asked for run before the task ends), else once its
/// pack has arrived or failed (`use_ready_once_shown`). Returns the browser's language for the app
/// to fall back on (when hydrating, None until it is known to differ from English, the fallback),
/// and the language the page waits for before it is ready, if any.
#[hook]
pub fn use_startup(state: &UseReducerHandle<AppState>, prerendered: Option<AttrValue>) -> (Option<Lang>, Rc<RefCell<Option<Lang>>>) {
    // Without prerendered markup the first render may use the browser's language at once.
    let browser = use_state_eq({
        let hydrating = prerendered.is_some();
        move || if hydrating { None } else { browser_lang() }
    });
    let awaiting = use_mut_ref(|| None::<Lang>);
    {
        let d = state.dispatcher();
        let view = state.view.clone();
        let browser = browser.clone();
        let awaiting = awaiting.clone();
        use_effect_with((), move |_| {
            let mut shown = view.lang.or(*browser);
            if let Some(from_markup) = prerendered {
                let here = current_query();
                let wanted = url::startup_view(&from_markup, &here);
                let lang = browser_lang();
                let fallback = if lang.unwrap_or(Lang::En) != (*browser).unwrap_or(Lang::En) {
                    browser.set(lang);
                    lang
                } else {
                    *browser
                };
                shown = wanted.lang.or(fallback);
                if wanted != view {
                    d.dispatch(Action::Restore(wanted));
                }
                if data_url_from_query(&here) != DATA_URL {
                    d.dispatch(Action::Retry);
                }
            }
            let shown = shown.unwrap_or(Lang::En);
            if pack::ready(shown) {
                mark_ready();
            } else {
                *awaiting.borrow_mut() = Some(shown);
            }
        });
    }
    (*browser, awaiting)
}

/// Marks the page ready once the language `use_startup` waits for is shown, or its pack failed
/// (the app then shows English): `requested` is the language the app asks for, `pending` whether
/// its pack is still on its way (`lang_pack::use_lang_pack`).
#[hook]
pub fn use_ready_once_shown(awaiting: Rc<RefCell<Option<Lang>>>, requested: Lang, pending: bool) {
    use_effect_with((requested, pending), move |(requested, pending)| {
        let done = *awaiting.borrow() == Some(*requested) && !*pending;
        if done {
            *awaiting.borrow_mut() = None;
            mark_ready();
        }
    });
}

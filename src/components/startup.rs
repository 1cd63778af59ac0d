use crate::components::app::{data_url_from_query, DATA_URL};
use crate::i18n::Lang;
use crate::state::app::{Action, AppState};
use crate::state::url;
use crate::web::boot::mark_ready;
use crate::web::dom::browser_lang;
use crate::web::history::current_query;
use yew::prelude::*;

/// What the app does once its first render is in the page. When it hydrated prerendered markup
/// (`prerendered` = the view that markup shows), the first render had to match the markup, so
/// only now does it move to the view the URL asks for (as Back/Forward do, `Action::Restore`),
/// take the browser's language, and load `?data=` if the URL names another dataset. Either way
/// it then marks the page ready (`<html class="ready">`). Returns the browser's language.
#[hook]
pub fn use_startup(state: &UseReducerHandle<AppState>, prerendered: Option<AttrValue>) -> Option<Lang> {
    // Without prerendered markup the first render may use the browser's language at once.
    let browser = use_state_eq({
        let hydrating = prerendered.is_some();
        move || if hydrating { None } else { browser_lang() }
    });
    let started = use_state_eq(|| false);
    {
        let d = state.dispatcher();
        let browser = browser.clone();
        let set_started = started.setter();
        use_effect_with(*started, move |started| {
            if *started {
                mark_ready();
            } else {
                if let Some(shown) = prerendered {
                    let here = current_query();
                    d.dispatch(Action::Restore(url::startup_view(&shown, &here)));
                    browser.set(browser_lang());
                    if data_url_from_query(&here) != DATA_URL {
                        d.dispatch(Action::Retry);
                    }
                }
                set_started.set(true);
            }
        });
    }
    *browser
}

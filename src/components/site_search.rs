//! The search box over the loaded data: builds the search entries (`state::search_index`) from the
//! data, the language and every language's country names, which arrive after start-up
//! (`i18n/names.json`). Its own component so that their arrival re-renders the search box only,
//! not the whole app (a full re-render was a long task of about 100 ms at 4× CPU after start-up).

use crate::components::lang_pack::use_country_names;
use crate::components::search_box::SearchBox;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::state::search::Entry;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SiteSearchProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    /// Called with the chosen entry.
    pub on_choose: Callback<Entry>,
}

#[function_component]
pub fn SiteSearch(props: &SiteSearchProps) -> Html {
    let names = use_country_names();
    let entries = use_memo((props.loaded.clone(), props.lang, names), |(l, lang, names)| crate::state::search_index::entries(l, *lang, names.as_deref()));
    html! { <SearchBox lang={props.lang} entries={entries.clone()} on_choose={props.on_choose.clone()} /> }
}

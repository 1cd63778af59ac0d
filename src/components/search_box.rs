use crate::i18n::Lang;
use crate::state::search::{search, Entry, HitKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub lang: Lang,
    pub entries: Rc<Vec<Entry>>,
    /// Called with the chosen entry.
    pub on_choose: Callback<Entry>,
}

const LIMIT: usize = 8;

/// A WAI-ARIA combobox (list autocomplete): type, move with the arrow keys, Enter to choose,
/// Escape to close.
#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let s = props.lang.strings();
    let query = use_state(String::new);
    let active = use_state(|| None::<usize>);
    let open = use_state(|| false);
    let results: Vec<Entry> = search(&props.entries, &query, LIMIT).into_iter().cloned().collect();
    let expanded = *open && !query.trim().is_empty();

    let choose = {
        let (query, open, active, on_choose) = (query.clone(), open.clone(), active.clone(), props.on_choose.clone());
        Callback::from(move |e: Entry| {
            query.set(e.label.clone());
            open.set(false);
            active.set(None);
            on_choose.emit(e);
        })
    };
    let oninput = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            query.set(v);
            open.set(true);
            active.set(None);
        })
    };
    let onkeydown = {
        let (active, open, query, choose) = (active.clone(), open.clone(), query.clone(), choose.clone());
        let results = results.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = results.len();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    active.set(Some(active.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Enter" => {
                    if let Some(r) = active.or(if n > 0 { Some(0) } else { None }).and_then(|i| results.get(i)) {
                        e.prevent_default();
                        choose.emit(r.clone());
                    }
                }
                "Escape" => {
                    // The browser would clear a type=search field on Escape: close the list first.
                    e.prevent_default();
                    e.stop_propagation();
                    if *open && !query.is_empty() {
                        open.set(false);
                    } else {
                        query.set(String::new());
                    }
                    active.set(None);
                }
                _ => {}
            }
        })
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let options = results.iter().enumerate().map(|(i, r)| {
        let kind = s.result_kinds[match r.kind { HitKind::Country => 0, HitKind::City => 1, HitKind::Company => 2 }];
        let selected = *active == Some(i);
        let onmousedown = {
            let choose = choose.clone();
            let r = r.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                choose.emit(r.clone());
            })
        };
        html! {
            <li key={format!("{}-{}", r.target, r.label)} id={format!("search-opt-{i}")} role="option" aria-selected={if selected { "true" } else { "false" }}
                class={classes!("option", selected.then_some("active"))} {onmousedown}>
                <span class="opt-label">{ &r.label }</span>
                <span class="opt-kind">{ kind }{ if r.detail.is_empty() { String::new() } else { format!(" · {}", r.detail) } }</span>
            </li>
        }
    }).collect::<Html>();
    html! {
        <div class="search">
            <label for="search-input" class="visually-hidden">{ s.search_label }</label>
            <input id="search-input" type="search" role="combobox" autocomplete="off" spellcheck="false"
                placeholder={s.search_placeholder} value={(*query).clone()}
                aria-autocomplete="list" aria-expanded={if expanded { "true" } else { "false" }} aria-controls="search-list"
                aria-activedescendant={active.filter(|_| expanded).map(|i| format!("search-opt-{i}"))}
                {oninput} {onkeydown} {onblur} />
            <ul id="search-list" role="listbox" aria-label={s.search_label} hidden={!expanded}>
                { options }
                if expanded && results.is_empty() { <li class="no-results" role="option" aria-disabled="true" aria-selected="false">{ s.no_results }</li> }
            </ul>
        </div>
    }
}

use crate::data::model::{Category, Evidence};
use crate::i18n::Lang;
use crate::state::view::Filters;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub lang: Lang,
    pub filters: Filters,
    /// (company id, name, number of deployments), companies with at least one deployment.
    pub companies: Vec<(String, String, usize)>,
    pub on_company: Callback<String>,
    pub on_category: Callback<Category>,
    pub on_evidence: Callback<Evidence>,
    pub on_reset: Callback<()>,
}

/// Multi-select filters by company, technology and evidence level, with one reset button.
#[function_component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let s = props.lang.strings();
    let f = &props.filters;
    let active = f.companies.len() + f.categories.len() + f.evidence.len();
    let check = |name: String, id: String, label: String, checked: bool, onchange: Callback<Event>| {
        html! {
            <li key={id.clone()}>
                <label><input type="checkbox" {name} value={id} {checked} {onchange} />{ " " }{ label }</label>
            </li>
        }
    };
    let companies = props.companies.iter().map(|(id, name, n)| {
        let cb = props.on_company.reform({
            let id = id.clone();
            move |_: Event| id.clone()
        });
        check("company".into(), id.clone(), format!("{name} ({n})"), f.companies.contains(id), cb)
    }).collect::<Html>();
    let categories = Category::ALL.iter().map(|c| {
        let c = *c;
        check("category".into(), c.id().into(), s.category(c).into(), f.categories.contains(&c), props.on_category.reform(move |_: Event| c))
    }).collect::<Html>();
    let evidence = Evidence::ALL.iter().map(|e| {
        let e = *e;
        check("evidence".into(), e.id().into(), s.evidence(e).into(), f.evidence.contains(&e), props.on_evidence.reform(move |_: Event| e))
    }).collect::<Html>();
    // Open if filters are set at first; then the reader opens and closes it (unchecking the last
    // box must not fold the panel away under the keyboard focus).
    let open = use_state(|| active > 0);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: yew::Event| {
            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(el.open());
        })
    };
    let reset = {
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| {
            if active > 0 {
                on_reset.emit(())
            }
        })
    };
    html! {
        <details class="filters" open={*open} {ontoggle}>
            <summary>{ s.filters }{ if active > 0 { format!(" ({active})") } else { String::new() } }</summary>
            <div class="facets">
                <fieldset><legend>{ s.filter_companies }</legend><ul>{ companies }</ul></fieldset>
                <fieldset><legend>{ s.filter_categories }</legend><ul>{ categories }</ul></fieldset>
                <fieldset><legend>{ s.filter_evidence }</legend><ul>{ evidence }</ul></fieldset>
            </div>
            <button type="button" class="reset" onclick={reset} aria-disabled={if active == 0 { "true" } else { "false" }}>{ s.reset_filters }</button>
        </details>
    }
}

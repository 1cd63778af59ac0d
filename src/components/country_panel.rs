use crate::components::deployment_card::DeploymentCard;
use crate::components::origin_events::OriginEvents;
use crate::state::aggregate::ORIGIN;
use crate::state::table::PANEL_PAGE;
use crate::data::model::Deployment;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use crate::components::show_all::ShowAll;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CountryPanelProps {
    pub loaded: Rc<Loaded>,
    pub iso3: AttrValue,
    pub lang: Lang,
    /// The country's deployments under the current year and filters, oldest first.
    pub deployments: Rc<Vec<Deployment>>,
    /// How many more the country has outside the current year and filters.
    #[prop_or_default]
    pub hidden: usize,
    pub on_close: Callback<()>,
}

/// The selected country's deployments, oldest first.
#[function_component]
pub fn CountryPanel(props: &CountryPanelProps) -> Html {
    let s = props.lang.strings();
    let mut deployments: Vec<&Deployment> = props.deployments.iter().collect();
    deployments.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    let name = props.loaded.country_name_in(&props.iso3, props.lang);
    let total = deployments.len();
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    // On a narrow screen the panel is a bottom sheet over the page (CSS): half height at first,
    // the whole panel one press away; the selected country is scrolled into view above it.
    let expanded = use_state(|| false);
    // A country with many deployments shows its first cards and a button for the rest.
    let all = use_state(|| false);
    {
        let expanded = expanded.clone();
        let all = all.clone();
        use_effect_with(props.iso3.clone(), move |iso3| {
            expanded.set(false);
            all.set(false);
            crate::web::dom::reveal(&format!("c-{iso3}"), Some("country-panel"));
        });
    }
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let shown = if *all { total } else { total.min(PANEL_PAGE) };
    let first_new = (*all && total > PANEL_PAGE).then(|| deployments[PANEL_PAGE].id.clone());
    html! {
        <section class={classes!("panel", (*expanded).then_some("expanded"))} id="country-panel" aria-labelledby="panel-title" data-country={props.iso3.clone()}>
            <header class="panel-head">
                <h2 id="panel-title" tabindex="-1">{ name }</h2>
                <button type="button" class="sheet-toggle" aria-expanded={if *expanded { "true" } else { "false" }} aria-controls="country-panel" onclick={toggle}>
                    { if *expanded { s.sheet_collapse } else { s.sheet_expand } }
                </button>
                <button type="button" class="close" {onclick} aria-label={format!("{} {}", s.close, props.loaded.country_name_in(&props.iso3, props.lang))}>{ "×" }</button>
            </header>
            if props.iso3.as_str() == ORIGIN && deployments.is_empty() {
                <OriginEvents loaded={props.loaded.clone()} lang={props.lang} />
            } else {
                <p class="count">{ if deployments.is_empty() { s.no_deployments.to_string() } else { s.deployments(deployments.len()) } }</p>
            }
            if props.hidden > 0 { <p class="hidden-note">{ format!("{} {}", props.hidden, s.hidden_by_filters) }</p> }
            { for deployments.iter().take(shown).map(|d| html! {
                <DeploymentCard key={d.id.clone()} loaded={props.loaded.clone()} deployment={(*d).clone()} lang={props.lang} focus_target={first_new.as_ref() == Some(&d.id)} />
            }) }
            if shown < total {
                <ShowAll class="panel-more" label={format!("{} · {}", s.sheet_expand, s.deployments(total))} all={all.setter()} focus={AttrValue::from(format!("d-{}", deployments[shown].id))} />
            }
        </section>
    }
}

use crate::components::source_link::SourceLink;
use crate::data::model::Figure;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GlanceProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

/// How many key figures show before "more".
const SHOWN: usize = 4;

/// Beside a study's count for one company: how many countries this dataset documents for it,
/// and why the two differ.
pub fn documented_note(loaded: &Loaded, company: &str, lang: Lang) -> String {
    let s = lang.strings();
    let countries: std::collections::BTreeSet<&str> = loaded.data.deployments.iter().filter(|d| d.companies.iter().any(|c| c == company)).map(|d| d.country.as_str()).collect();
    s.documented_here.replace("{company}", loaded.company_name(company)).replace("{n}", &s.countries(countries.len()))
}

/// "At a glance": the aggregate figures of the major studies, each with its source.
#[function_component]
pub fn Glance(props: &GlanceProps) -> Html {
    let s = props.lang.strings();
    let figures = &props.loaded.data.figures;
    if figures.is_empty() {
        return Html::default();
    }
    let card = |f: &Figure| {
        let sources = f.sources.iter().filter_map(|id| props.loaded.source(id));
        html! {
            <li key={f.id.clone()} class="figure" id={format!("f-{}", f.id)}>
                <p class="fig-value" lang="en">{ &f.value }</p>
                <p class="fig-label" lang="en">{ &f.label }</p>
                if !f.detail.is_empty() { <p class="fig-detail" lang="en">{ &f.detail }</p> }
                if let Some(note) = f.company.as_deref().map(|c| documented_note(&props.loaded, c, props.lang)) {
                    <p class="fig-note">{ note }</p>
                }
                <ul class="fig-sources">{ for sources.map(|src| html! { <SourceLink source={src.clone()} lang={props.lang} /> }) }</ul>
            </li>
        }
    };
    html! {
        <section class="glance" aria-labelledby="glance-title">
            <h2 id="glance-title">{ s.at_a_glance }</h2>
            <ul class="figures">{ for figures.iter().take(SHOWN).map(card) }</ul>
            if figures.len() > SHOWN {
                <details class="more-figures">
                    <summary>{ format!("{} ({})", s.more_figures, figures.len() - SHOWN) }</summary>
                    <ul class="figures">{ for figures.iter().skip(SHOWN).map(card) }</ul>
                </details>
            }
        </section>
    }
}

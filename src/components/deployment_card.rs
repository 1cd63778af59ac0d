use crate::components::evidence_badge::EvidenceBadge;
use crate::components::source_list::SourceList;
use crate::data::model::Deployment;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DeploymentCardProps {
    pub loaded: Rc<Loaded>,
    pub deployment: Deployment,
    pub lang: Lang,
    /// Focusable from script (`tabindex="-1"`): the first card "Show all" revealed.
    #[prop_or_default]
    pub focus_target: bool,
}

/// One deployment: year, place, companies, categories, summary, evidence and sources.
#[function_component]
pub fn DeploymentCard(props: &DeploymentCardProps) -> Html {
    let s = props.lang.strings();
    let d = &props.deployment;
    let years = match d.end_year {
        Some(end) if end != d.year => s.years(d.year, end),
        _ => d.year.to_string(),
    };
    let companies: Vec<&str> = d.companies.iter().map(|c| props.loaded.company_name(c)).collect();
    let companies = if companies.is_empty() { s.unnamed_vendor.to_string() } else { companies.join(", ") };
    let dates: Vec<String> = d
        .dates
        .entries()
        .into_iter()
        .map(|(k, v)| format!("{} {}", s.date_label(k), s.date_str(v)))
        .collect();
    // The summary in the reader's language where the data translates it, else the English original.
    let (summary, summary_lang) = d.summary_in(props.lang.code());
    html! {
        <article class="deployment" id={format!("d-{}", d.id)} tabindex={props.focus_target.then_some("-1")}>
            <header>
                <span class="year">{ years }</span>
                if !d.place.is_empty() { <span class="place">{ &d.place }</span> }
                <EvidenceBadge evidence={d.evidence} lang={props.lang} />
            </header>
            <p class="meta">
                <span class="companies">{ companies }</span>
                { " · " }
                <span class="categories">{ d.categories.iter().map(|c| s.category(*c)).collect::<Vec<_>>().join(", ") }</span>
            </p>
            <p class="summary" lang={summary_lang.to_owned()}>{ summary }</p>
            if !dates.is_empty() { <p class="dates">{ dates.join(" · ") }</p> }
            if let Some(src) = d.key_source.as_ref().and_then(|k| props.loaded.source(k)) {
                <p class="key-source"><strong>{ s.key_source }{ ": " }</strong>{ &src.publisher }{ ", " }<cite lang={src.lang.clone()}>{ &src.title }</cite></p>
            }
            if let Some(dis) = &d.disputed {
                <p class="disputed"><strong>{ s.disputed }{ ": " }</strong><span lang="en">{ dis }</span></p>
            }
            <SourceList loaded={props.loaded.clone()} ids={d.sources.clone()} lang={props.lang} open=true />
        </article>
    }
}

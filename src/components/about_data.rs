use crate::components::evidence_badge::EvidenceBadge;
use crate::data::model::Evidence;
use crate::data::validate::{is_email, is_http_url};
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutDataProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

/// "About the data": what counts as a deployment, the evidence levels with an example of each
/// from the data, what the map leaves out, how entries are sourced and checked, the data version
/// and date, and where to send a correction (only when the dataset names a place).
#[function_component]
pub fn AboutData(props: &AboutDataProps) -> Html {
    let s = props.lang.strings();
    let l = &props.loaded;
    let meta = &l.data.meta;
    let example = |e: Evidence| {
        l.data.deployments.iter().find(|d| d.evidence == e).map(|d| {
            let place = if d.place.is_empty() { String::new() } else { format!("{}, ", d.place) };
            format!("{}: {place}{} ({})", s.about_example, l.country_name_in(&d.country, props.lang), d.year)
        })
    };
    let updated = s.date_str(&meta.updated);
    let version = (!meta.version.is_empty() || !meta.updated.is_empty()).then(|| s.about_version.replace("{version}", &meta.version).replace("{date}", &updated));
    let corrections = meta.corrections.clone().filter(|c| is_http_url(c) || is_email(c));
    html! {
        <section class="about" aria-labelledby="about-title">
            <details id="about">
                <summary><span id="about-title">{ s.about_title }</span></summary>
                <h3>{ s.about_what_title }</h3>
                <p>{ s.about_what }</p>
                <h3>{ s.evidence_legend }</h3>
                <dl class="about-levels">
                    { for Evidence::ALL.iter().map(|e| html! {
                        <div class="about-level">
                            <dt><EvidenceBadge evidence={*e} lang={props.lang} /></dt>
                            <dd>
                                { s.evidence_description(*e) }
                                if let Some(ex) = example(*e) { <span class="about-example">{ " " }{ ex }</span> }
                            </dd>
                        </div>
                    }) }
                </dl>
                <h3>{ s.about_not_shown_title }</h3>
                <p>{ s.about_not_shown }</p>
                <h3>{ s.about_sourcing_title }</h3>
                <p>{ s.about_sourcing }</p>
                if let Some(v) = version { <p class="about-version">{ v }</p> }
                if let Some(c) = corrections {
                    <p class="about-corrections">{ s.about_corrections }{ " " }
                        if is_http_url(&c) {
                            <a href={c.clone()} target="_blank" rel="noopener noreferrer">{ c.clone() }<span class="visually-hidden">{ " " }{ s.opens_new_tab }</span></a>
                        } else {
                            <span class="email">{ c.clone() }</span>
                        }
                    </p>
                }
            </details>
        </section>
    }
}

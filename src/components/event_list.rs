use crate::components::source_link::SourceLink;
use crate::data::date::PartialDate;
use crate::data::model::Event;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::web::dom::{prefers_reduced_motion, scroll_into_view_nearest};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    pub loaded: Rc<Loaded>,
    pub events: Rc<Vec<Event>>,
    pub year: Option<i32>,
    pub lang: Lang,
    pub on_choose: Callback<String>,
}

/// Event cards in date order, in a horizontal strip kept in step with the year: the first
/// card of the selected year is scrolled into view.
#[function_component]
pub fn EventList(props: &EventListProps) -> Html {
    let s = props.lang.strings();
    let anchor = use_node_ref();
    let first_current = props.year.and_then(|y| props.events.iter().position(|e| e.year() == Some(y)).or_else(|| props.events.iter().position(|e| e.year().is_some_and(|ey| ey > y))));
    {
        let anchor = anchor.clone();
        use_effect_with((props.year, first_current), move |_| {
            scroll_into_view_nearest(&anchor, !prefers_reduced_motion());
        });
    }
    if props.events.is_empty() {
        return html! { <section class="events" aria-labelledby="events-title"><h2 id="events-title">{ s.events_title }</h2><p>{ s.no_events }</p></section> };
    }
    let cards = props.events.iter().enumerate().map(|(i, e)| {
        let date = PartialDate::parse(&e.date).map(|d| d.display_with(&s.months)).unwrap_or_else(|| e.date.clone());
        let current = props.year.is_some() && e.year() == props.year;
        let onclick = props.on_choose.reform({
            let id = e.id.clone();
            move |_: MouseEvent| id.clone()
        });
        let country = e.country.as_deref().map(|c| props.loaded.country_name_in(c, props.lang));
        let node = if Some(i) == first_current { anchor.clone() } else { NodeRef::default() };
        let sources = e.sources.iter().filter_map(|id| props.loaded.data.sources.iter().find(|x| &x.id == id));
        html! {
            <li key={e.id.clone()} ref={node} class={classes!("event", current.then_some("current"), format!("kind-{}", e.kind.id()))} id={format!("e-{}", e.id)}>
                <p class="ev-meta"><time datetime={e.date.clone()}>{ date }</time>{ " · " }{ s.event_kind(e.kind) }
                    if let Some(c) = country { { " · " }{ c } }</p>
                <h3><button type="button" class="ev-choose" {onclick} lang="en">{ &e.title }</button></h3>
                if !e.summary.is_empty() { <p class="ev-summary" lang="en">{ &e.summary }</p> }
                <details class="sources"><summary>{ format!("{} ({})", s.sources, e.sources.len()) }</summary>
                    <ul>{ for sources.map(|src| html! { <SourceLink source={src.clone()} lang={props.lang} /> }) }</ul>
                </details>
            </li>
        }
    }).collect::<Html>();
    html! {
        <section class="events" aria-labelledby="events-title">
            <h2 id="events-title">{ s.events_title }</h2>
            <ol class="event-strip">{ cards }</ol>
        </section>
    }
}

use crate::components::event_card::EventCard;
use crate::data::model::Event;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::web::dom::{prefers_reduced_motion, scroll_into_view_nearest};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    pub loaded: Rc<Loaded>,
    pub events: Rc<Vec<Rc<Event>>>,
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
        let current = props.year.is_some() && e.year() == props.year;
        let node = if Some(i) == first_current { anchor.clone() } else { NodeRef::default() };
        html! {
            <li key={e.id.clone()} ref={node} class={classes!("event", current.then_some("current"), format!("kind-{}", e.kind.id()))} id={format!("e-{}", e.id)}>
                <EventCard loaded={props.loaded.clone()} event={e.clone()} lang={props.lang} on_choose={props.on_choose.clone()} />
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

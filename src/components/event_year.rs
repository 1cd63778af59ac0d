use crate::components::event_card::EventCard;
use crate::data::model::Event;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct EventYearProps {
    pub loaded: Rc<Loaded>,
    /// The events of one year (or of undated events), in date order.
    pub events: Rc<[Rc<Event>]>,
    pub lang: Lang,
    pub on_choose: Callback<String>,
    /// This is the selected year.
    #[prop_or_default]
    pub current: bool,
}

/// Compared by identity of the events and by language and selection, not by callback: a year
/// change re-renders only the two groups that lose or gain the selection.
impl PartialEq for EventYearProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.events, &other.events) && self.lang == other.lang && self.current == other.current && Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// One year's event cards, as a fragment (the `<li>`s stay direct children of the strip).
#[function_component]
pub fn EventYear(props: &EventYearProps) -> Html {
    props
        .events
        .iter()
        .map(|e| html! { <EventCard key={e.id.clone()} loaded={props.loaded.clone()} event={e.clone()} lang={props.lang} on_choose={props.on_choose.clone()} current={props.current} /> })
        .collect()
}

use crate::components::source_list::SourceList;
use crate::data::model::Event;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct EventCardProps {
    pub loaded: Rc<Loaded>,
    pub event: Rc<Event>,
    pub lang: Lang,
    pub on_choose: Callback<String>,
    /// The event is in the selected year.
    #[prop_or_default]
    pub current: bool,
}

/// Cards only change with the event, the language or whether they are in the selected year:
/// compare those (the event by identity first), not the callback, so that a year change
/// re-renders only the cards that enter or leave the year.
impl PartialEq for EventCardProps {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.event, &other.event) || self.event == other.event)
            && self.lang == other.lang
            && self.current == other.current
            && Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// The list item's id for an event (the event strip scrolls to it).
pub fn item_id(event_id: &str) -> String {
    format!("e-{event_id}")
}

/// One event: date, kind, country, title (a button that moves the map to it), summary, sources.
#[function_component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let s = props.lang.strings();
    let e = &props.event;
    let date = s.date_str(&e.date);
    let onclick = props.on_choose.reform({
        let id = e.id.clone();
        move |_: MouseEvent| id.clone()
    });
    let country = e.country.as_deref().map(|c| props.loaded.country_name_in(c, props.lang));
    // Title and summary in the reader's language where the data translates them.
    let (title, title_lang) = e.title_in(props.lang.code());
    let (summary, summary_lang) = e.summary_in(props.lang.code());
    html! {
        <li class={classes!("event", props.current.then_some("current"), format!("kind-{}", e.kind.id()))} id={item_id(&e.id)}>
            <p class="ev-meta"><time datetime={e.date.clone()}>{ date }</time>{ " · " }{ s.event_kind(e.kind) }
                if let Some(c) = country { { " · " }{ c } }</p>
            <h3><button type="button" class="ev-choose" {onclick} lang={title_lang.to_owned()}>{ title }</button></h3>
            if !summary.is_empty() { <p class="ev-summary" lang={summary_lang.to_owned()}>{ summary }</p> }
            <SourceList loaded={props.loaded.clone()} ids={e.sources.clone()} lang={props.lang} />
        </li>
    }
}

use crate::components::source_link::SourceLink;
use crate::data::date::PartialDate;
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
}

/// Cards only change with the event or the language: compare those, not the callback, so a
/// year change does not re-render every card.
impl PartialEq for EventCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.event == other.event && self.lang == other.lang && Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

/// One event: date, kind, country, title (a button that moves the map to it), summary, sources.
#[function_component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let s = props.lang.strings();
    let e = &props.event;
    let date = PartialDate::parse(&e.date).map(|d| d.display_with(&s.months)).unwrap_or_else(|| e.date.clone());
    let onclick = props.on_choose.reform({
        let id = e.id.clone();
        move |_: MouseEvent| id.clone()
    });
    let country = e.country.as_deref().map(|c| props.loaded.country_name_in(c, props.lang));
    let sources = e.sources.iter().filter_map(|id| props.loaded.data.sources.iter().find(|x| &x.id == id));
    html! {
        <>
            <p class="ev-meta"><time datetime={e.date.clone()}>{ date }</time>{ " · " }{ s.event_kind(e.kind) }
                if let Some(c) = country { { " · " }{ c } }</p>
            <h3><button type="button" class="ev-choose" {onclick} lang="en">{ &e.title }</button></h3>
            if !e.summary.is_empty() { <p class="ev-summary" lang="en">{ &e.summary }</p> }
            <details class="sources"><summary>{ format!("{} ({})", s.sources, e.sources.len()) }</summary>
                <ul>{ for sources.map(|src| html! { <SourceLink source={src.clone()} lang={props.lang} /> }) }</ul>
            </details>
        </>
    }
}

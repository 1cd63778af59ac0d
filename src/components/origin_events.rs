use crate::components::source_list::SourceList;
use crate::data::date::PartialDate;
use crate::i18n::Lang;
use crate::state::aggregate::ORIGIN;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OriginEventsProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

/// What the country panel shows for China, the origin of the exports: a note saying so, and
/// the dated events the data places in China (its domestic programmes), oldest first.
#[function_component]
pub fn OriginEvents(props: &OriginEventsProps) -> Html {
    let s = props.lang.strings();
    let mut events: Vec<_> = props.loaded.data.events.iter().filter(|e| e.country.as_deref() == Some(ORIGIN)).collect();
    events.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
    html! {
        <div class="origin-events">
            <p class="origin-note">{ s.origin_note }</p>
            { for events.into_iter().map(|e| {
                let date = PartialDate::parse(&e.date).map(|d| d.display_with(&s.months)).unwrap_or_else(|| e.date.clone());
                html! {
                    <article class="deployment origin-event" key={e.id.clone()} id={format!("o-{}", e.id)}>
                        <header><time class="year" datetime={e.date.clone()}>{ date }</time><span class="place">{ s.event_kind(e.kind) }</span></header>
                        <p lang="en"><strong>{ &e.title }</strong></p>
                        if !e.summary.is_empty() { <p lang="en">{ &e.summary }</p> }
                        <SourceList loaded={props.loaded.clone()} ids={e.sources.clone()} lang={props.lang} />
                    </article>
                }
            }) }
        </div>
    }
}

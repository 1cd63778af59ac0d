use crate::i18n::Lang;
use crate::state::timeline::{categories_present, YearBar};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineKeyProps {
    pub lang: Lang,
    pub bars: Rc<Vec<YearBar>>,
}

/// What the timeline draws: the axis (deployments begun per year), a key to the colours shown
/// (only the technologies in the bars) and to the numbered key-event markers.
#[function_component]
pub fn TimelineKey(props: &TimelineKeyProps) -> Html {
    let s = props.lang.strings();
    let cats = categories_present(&props.bars);
    let events = props.bars.iter().any(|b| b.events > 0);
    html! {
        <div class="tl-key">
            <p class="tl-axis">{ s.timeline_axis }</p>
            <ul>
                { for cats.iter().map(|c| html! {
                    <li><span class={classes!("cat-swatch", format!("cat-{}", c.id()))} aria-hidden="true"></span>{ s.category(*c) }</li>
                }) }
                if events { <li><span class="ev-badge" aria-hidden="true">{ "n" }</span>{ s.timeline_events_key }</li> }
            </ul>
        </div>
    }
}

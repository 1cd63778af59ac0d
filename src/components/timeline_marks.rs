use crate::state::timeline::YearBar;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineMarksProps {
    pub bars: Rc<Vec<YearBar>>,
}

/// The key-event markers, one numbered badge over each year that has key events (how many),
/// in the columns of the chart. Like the bars, they follow the data and the filters only.
#[function_component]
pub fn TimelineMarks(props: &TimelineMarksProps) -> Html {
    html! {
        <ol class="tl-events" aria-hidden="true">
            { for props.bars.iter().map(|b| html! {
                <li key={b.year} data-year={b.year.to_string()}>
                    if b.events > 0 { <span class="ev-badge">{ b.events }</span> }
                </li>
            }) }
        </ol>
    }
}

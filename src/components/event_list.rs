use crate::components::event_card::item_id;
use crate::components::event_year::EventYear;
use crate::data::model::Event;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::state::window::{carry, run_keys, window, EVENT_BUDGET};
use crate::web::dom::{after_paint, prefers_reduced_motion, scroll_into_view_nearest};
use std::rc::Rc;
use crate::components::show_all::ShowAll;
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
    // The events grouped by year (runs of the date-ordered list; each event's year parsed once
    // per list, not on every year change), so that a year change re-renders only the groups
    // that lose or gain the selection.
    let groups: Rc<Vec<(Option<i32>, Rc<[Rc<Event>]>)>> = use_memo(props.events.clone(), |events| {
        let mut out: Vec<(Option<i32>, Vec<Rc<Event>>)> = Vec::new();
        for e in events.iter() {
            let y = e.year();
            match out.last_mut() {
                Some((last, run)) if *last == y => run.push(e.clone()),
                _ => out.push((y, vec![e.clone()])),
            }
        }
        out.into_iter().map(|(y, run)| (y, Rc::from(run))).collect()
    });
    // The first card of the selected year, or of the next year with events: the first event of
    // the first such run.
    let first_current = props.year.and_then(|y| {
        groups.iter().find(|(gy, _)| *gy == Some(y)).or_else(|| groups.iter().find(|(gy, _)| gy.is_some_and(|gy| gy > y))).and_then(|(_, run)| run.first())
    });
    {
        // After the year's frame is painted: measuring the card would otherwise force a layout
        // in the middle of the year change.
        let target = first_current.map(|e| item_id(&e.id));
        use_effect_with((props.year, target), move |(_, target)| {
            if let Some(id) = target.clone() {
                after_paint(200, move || scroll_into_view_nearest(&id, !prefers_reduced_motion()));
            }
        });
    }
    // A long strip renders a window of whole years around the selected one (see
    // `state::window`), kept while the selection stays inside it, and "Show all" for the rest.
    let all = use_state(|| false);
    // Whether the strip has been painted with every card laid out: from then on the stylesheet
    // lets cards off screen skip rendering, each keeping the size it was painted at (`.sized`).
    // A strip built again after an empty list (filters that left no event) starts unsized again.
    let sized = use_state_eq(|| false);
    {
        let sized = sized.clone();
        use_effect_with(props.events.is_empty(), move |empty| {
            if !*empty {
                sized.set(false);
                after_paint(200, move || sized.set(true));
            }
        });
    }
    // The window rendered last: for which list, which runs, and their first and last year (a new
    // list, after a filter change, keeps the same years: `window::carry`).
    type Last = (Rc<Vec<(Option<i32>, Rc<[Rc<Event>]>)>>, std::ops::Range<usize>, (Option<i32>, Option<i32>));
    let last = use_mut_ref(|| None::<Last>);
    let current_group = props.year.and_then(|y| groups.iter().position(|(gy, _)| gy.is_some_and(|gy| gy >= y))).unwrap_or(if props.year.is_some() { groups.len().saturating_sub(1) } else { 0 });
    let range = if *all {
        0..groups.len()
    } else {
        let sizes: Vec<usize> = groups.iter().map(|(_, run)| run.len()).collect();
        let years: Vec<Option<i32>> = groups.iter().map(|(y, _)| *y).collect();
        let prev = last.borrow().as_ref().and_then(|(g, r, bounds)| if Rc::ptr_eq(g, &groups) { Some(r.clone()) } else { carry(*bounds, &years) });
        let r = window(&sizes, current_group, EVENT_BUDGET, prev);
        let bounds = (years.get(r.start).copied().flatten(), years.get(r.end.wrapping_sub(1)).copied().flatten());
        *last.borrow_mut() = Some((groups.clone(), r.clone(), bounds));
        r
    };
    let hidden = props.events.len() - groups[range.clone()].iter().map(|(_, run)| run.len()).sum::<usize>();
    if props.events.is_empty() {
        return html! { <section class="events" aria-labelledby="events-title"><h2 id="events-title">{ s.events_title }</h2><p>{ s.no_events }</p></section> };
    }
    let keys = run_keys(groups.iter().map(|(y, _)| *y));
    let cards = groups.iter().zip(keys).skip(range.start).take(range.len()).map(|((y, events), key)| {
        let current = props.year.is_some() && *y == props.year;
        html! { <EventYear {key} loaded={props.loaded.clone()} events={events.clone()} lang={props.lang} on_choose={props.on_choose.clone()} {current} /> }
    }).collect::<Html>();
    html! {
        <section class="events" aria-labelledby="events-title">
            <h2 id="events-title">{ s.events_title }</h2>
            if hidden > 0 {
                <ShowAll class="events-more" label={format!("{} · {} ({})", s.sheet_expand, s.events_title, s.int(props.events.len() as i64))} all={all.setter()} />
            }
            <ol class={classes!("event-strip", sized.then_some("sized"))}>{ cards }</ol>
        </section>
    }
}

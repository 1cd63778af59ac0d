use crate::components::tooltip::Tooltip;
use crate::i18n::Lang;
use crate::state::aggregate::{colour_bin, CountryStat};
use crate::state::app::Loaded;
use crate::state::keyboard::{map_key, MapKey};
use crate::web::dom::focus_by_id;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub loaded: Rc<Loaded>,
    pub stats: Rc<BTreeMap<String, CountryStat>>,
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    pub lang: Lang,
    pub on_select: Callback<String>,
    pub on_clear: Callback<()>,
}

/// Radius of the circle drawn for states too small for the 1:110m geometry.
const MARKER_R: f64 = 4.5;

/// The choropleth: every country a path, shaded by deployment count; shaded countries and
/// small-state markers are buttons in one roving tab stop.
#[function_component]
pub fn MapView(props: &MapViewProps) -> Html {
    let s = props.lang.strings();
    let world = &props.loaded.world;
    let tip = use_state(|| None::<String>);
    let focused = use_state(|| None::<usize>);

    let name_of = |iso3: &str| -> String {
        let c = world.country(&props.loaded.index, iso3);
        match (props.lang, c) {
            (Lang::Fr, Some(c)) if !c.name_fr.is_empty() => c.name_fr.clone(),
            (_, Some(c)) => c.name.clone(),
            _ => iso3.to_string(),
        }
    };
    // Focus order: shaded countries by name.
    let order: Rc<Vec<String>> = {
        let mut v: Vec<(String, String)> = props.stats.iter().filter(|(_, st)| st.count > 0).map(|(k, _)| (name_of(k), k.clone())).collect();
        v.sort();
        Rc::new(v.into_iter().map(|(_, k)| k).collect())
    };
    let selected_pos = props.selected.as_ref().and_then(|sel| order.iter().position(|c| c == sel.as_str()));
    let tab_stop = (*focused).or(selected_pos).unwrap_or(0);

    let onkeydown = {
        let order = order.clone();
        let focused = focused.clone();
        let tip = tip.clone();
        let on_select = props.on_select.clone();
        let on_clear = props.on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            let tab_stop = (*focused).or(selected_pos).unwrap_or(0);
            match map_key(&e.key(), order.len(), (*focused).or(selected_pos)) {
                MapKey::Focus(i) => {
                    e.prevent_default();
                    focused.set(Some(i));
                    tip.set(Some(order[i].clone()));
                    focus_by_id(&format!("c-{}", order[i]));
                }
                MapKey::Select => {
                    e.prevent_default();
                    if let Some(code) = order.get(tab_stop) {
                        on_select.emit(code.clone());
                    }
                }
                MapKey::Clear => {
                    tip.set(None);
                    on_clear.emit(());
                }
                MapKey::None => {}
            }
        })
    };
    let onmouseleave = {
        let tip = tip.clone();
        Callback::from(move |_: MouseEvent| tip.set(None))
    };

    let shade = |iso3: &str| -> Classes {
        let stat = props.stats.get(iso3).cloned().unwrap_or_default();
        let selected = props.selected.as_deref() == Some(iso3);
        classes!(format!("bin-{}", colour_bin(stat.count)), selected.then_some("selected"), (stat.new_this_year > 0).then_some("new"))
    };

    let mut shapes = Vec::with_capacity(world.countries.len());
    let mut markers = Vec::new();
    for c in &world.countries {
        let classes = shade(&c.iso3);
        let Some(pos) = order.iter().position(|o| *o == c.iso3) else {
            if let Some(d) = &c.path {
                let key = if c.iso3.is_empty() { c.name.clone() } else { c.iso3.clone() };
                shapes.push(html! { <path {key} class={classes!("country", classes)} d={d.clone()} aria-hidden="true" /> });
            }
            continue;
        };
        let iso3 = c.iso3.clone();
        let stat = props.stats.get(&iso3).cloned().unwrap_or_default();
        let label = format!("{}: {}", name_of(&iso3), s.deployments(stat.count));
        let onclick = {
            let on_select = props.on_select.clone();
            let focused = focused.clone();
            let iso3 = iso3.clone();
            Callback::from(move |_: MouseEvent| {
                focused.set(Some(pos));
                on_select.emit(iso3.clone());
            })
        };
        let onmouseenter = {
            let tip = tip.clone();
            let iso3 = iso3.clone();
            Callback::from(move |_: MouseEvent| tip.set(Some(iso3.clone())))
        };
        let onfocus = {
            let tip = tip.clone();
            let focused = focused.clone();
            let iso3 = iso3.clone();
            Callback::from(move |_: FocusEvent| {
                focused.set(Some(pos));
                tip.set(Some(iso3.clone()));
            })
        };
        let onblur = {
            let tip = tip.clone();
            Callback::from(move |_: FocusEvent| tip.set(None))
        };
        let pressed = if props.selected.as_deref() == Some(iso3.as_str()) { "true" } else { "false" };
        let tabindex = if pos == tab_stop { "0" } else { "-1" };
        let id = format!("c-{iso3}");
        match &c.path {
            Some(d) => shapes.push(html! {
                <path key={iso3.clone()} {id} class={classes!("country", "shaded", classes)} d={d.clone()} role="button" {tabindex}
                    aria-label={label} aria-pressed={pressed} data-iso3={iso3}
                    {onclick} {onmouseenter} {onfocus} {onblur} />
            }),
            None => markers.push(html! {
                <circle key={iso3.clone()} {id} class={classes!("marker", "shaded", classes)} cx={c.point[0].to_string()} cy={c.point[1].to_string()} r={MARKER_R.to_string()}
                    role="button" {tabindex} aria-label={label} aria-pressed={pressed} data-iso3={iso3}
                    {onclick} {onmouseenter} {onfocus} {onblur} />
            }),
        }
    }

    // The tooltip element is always present (hidden when idle): adding and removing it would
    // make Yew rebuild its siblings, losing keyboard focus.
    let tooltip = match (*tip).as_ref().and_then(|iso3| world.country(&props.loaded.index, iso3).map(|c| (iso3, c))) {
        Some((iso3, c)) => {
            let stat = props.stats.get(iso3).cloned().unwrap_or_default();
            html! { <Tooltip name={name_of(iso3)} detail={s.deployments(stat.count)} x={c.point[0] / world.width} y={c.point[1] / world.height} visible=true /> }
        }
        None => html! { <Tooltip name="" detail="" x=0.0 y=0.0 visible=false /> },
    };

    html! {
        <div class="map-wrap">
            <svg class="map" viewBox={format!("0 0 {} {}", world.width, world.height)} role="group"
                aria-label={s.map_label} aria-describedby="map-help" {onkeydown} {onmouseleave}>
                <g class="countries">{ shapes }</g>
                <g class="markers">{ markers }</g>
            </svg>
            <p id="map-help" class="visually-hidden">{ s.map_help }</p>
            { tooltip }
        </div>
    }
}

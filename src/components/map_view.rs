use crate::components::country_group::{CountryGroup, ShapeView, GROUP_SIZE};
use crate::components::country_path::{CountryPath, SharedPath};
use crate::components::tooltip::Tooltip;
use crate::i18n::Lang;
use crate::state::aggregate::{colour_bin, CountryStat, ORIGIN};
use crate::state::app::Loaded;
use crate::state::keyboard::{map_key, nearest_in_direction, Direction, MapKey};
use crate::state::zoom::ViewBox;
use crate::web::dom::{focus_by_id, pointer_fraction, set_style};
use std::cell::RefCell;
use std::collections::HashMap;
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
    /// Current zoom; None = whole world.
    #[prop_or_default]
    pub zoom: Option<ViewBox>,
    /// Zoom by a factor around a point in map units (None = centre).
    #[prop_or_default]
    pub on_zoom: Callback<(f64, Option<(f64, f64)>)>,
    /// Pan by a fraction of the view.
    #[prop_or_default]
    pub on_pan: Callback<(f64, f64)>,
    /// Year shown, for the legend of "new this year" outlines.
    #[prop_or_default]
    pub year: Option<i32>,
}

/// Pointer gestures in progress: active pointers and whether the gesture moved (so that a
/// drag does not also select the country under it).
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    moved: f64,
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
    // Whether a country on the map has keyboard focus (to draw its ring above the neighbours).
    let has_focus = use_state(|| false);
    let svg_ref = use_node_ref();
    let viewport = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let vb = props.zoom.unwrap_or_else(|| ViewBox::world(world));
    let k = world.width / vb.w;
    let transform = format!("translate({:.2} {:.2}) scale({:.4})", -vb.x * k, -vb.y * k, k);
    {
        // The same transform through the CSSOM, so that CSS can animate it (and not under
        // prefers-reduced-motion); the attribute serves renderers without scripts.
        let viewport = viewport.clone();
        let css = format!("translate({:.2}px, {:.2}px) scale({:.4})", -vb.x * k, -vb.y * k, k);
        use_effect_with(css.clone(), move |_| set_style(&viewport, &[("transform", css)]));
    }
    #[cfg(target_arch = "wasm32")]
    {
        // Wheel zoom needs a non-passive listener to keep the page from scrolling; it zooms
        // only with Ctrl/⌘ (trackpad pinch) or once the map is already zoomed in.
        let svg_ref = svg_ref.clone();
        let on_zoom = props.on_zoom.clone();
        let zoomed = props.zoom.is_some();
        use_effect_with((zoomed, vb.attr()), move |_| {
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let el = svg_ref.cast::<web_sys::Element>();
            let node = svg_ref.clone();
            let cb = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
                if !(zoomed || e.ctrl_key() || e.meta_key()) {
                    return;
                }
                e.prevent_default();
                let factor = (-e.delta_y() * if e.ctrl_key() { 0.01 } else { 0.002 }).exp();
                let at = pointer_fraction(&node, e.client_x(), e.client_y()).map(|(fx, fy)| vb.at_fraction(fx, fy));
                on_zoom.emit((factor, at));
            });
            if let Some(el) = &el {
                let opts = web_sys::AddEventListenerOptions::new();
                opts.set_passive(false);
                let _ = el.add_event_listener_with_callback_and_add_event_listener_options("wheel", cb.as_ref().unchecked_ref(), &opts);
            }
            move || {
                if let Some(el) = el {
                    let _ = el.remove_event_listener_with_callback("wheel", cb.as_ref().unchecked_ref());
                }
                drop(cb);
            }
        });
    }

    let name_of = |iso3: &str| props.loaded.country_name_in(iso3, props.lang);
    // Focus order: shaded countries and the origin, by name.
    let order: Rc<Vec<String>> = use_memo((props.stats.clone(), props.lang, props.loaded.clone()), |(stats, lang, loaded)| {
        let origin = loaded.index.position(ORIGIN).is_some() && !stats.get(ORIGIN).is_some_and(|st| st.count > 0);
        let mut v: Vec<(String, String)> = stats
            .iter()
            .filter(|(_, st)| st.count > 0)
            .map(|(k, _)| k.as_str())
            .chain(origin.then_some(ORIGIN))
            .map(|k| (loaded.country_name_in(k, *lang), k.to_string()))
            .collect();
        v.sort();
        v.into_iter().map(|(_, k)| k).collect()
    });
    // Their centroids, for arrow keys that move across the map.
    let points: Rc<Vec<(f64, f64)>> = use_memo((order.clone(), props.loaded.clone()), |(order, loaded)| {
        order.iter().map(|c| loaded.world.country(&loaded.index, c).map(|c| (c.point[0], c.point[1])).unwrap_or((f64::NAN, f64::NAN))).collect()
    });
    let selected_pos = props.selected.as_ref().and_then(|sel| order.iter().position(|c| c == sel.as_str()));
    let tab_stop = (*focused).or(selected_pos).unwrap_or(0);

    let onkeydown = {
        let order = order.clone();
        let points = points.clone();
        let focused = focused.clone();
        let tip = tip.clone();
        let on_select = props.on_select.clone();
        let on_clear = props.on_clear.clone();
        let on_zoom = props.on_zoom.clone();
        let on_pan = props.on_pan.clone();
        Callback::from(move |e: KeyboardEvent| {
            let tab_stop = (*focused).or(selected_pos).unwrap_or(0);
            let key = e.key();
            let pan = match key.as_str() {
                "ArrowLeft" => (-0.2, 0.0),
                "ArrowRight" => (0.2, 0.0),
                "ArrowUp" => (0.0, -0.2),
                "ArrowDown" => (0.0, 0.2),
                _ => (0.0, 0.0),
            };
            if e.shift_key() && pan != (0.0, 0.0) {
                e.prevent_default();
                on_pan.emit(pan);
                return;
            }
            match key.as_str() {
                "+" | "=" => {
                    e.prevent_default();
                    on_zoom.emit((1.6, None));
                    return;
                }
                "-" | "_" => {
                    e.prevent_default();
                    on_zoom.emit((1.0 / 1.6, None));
                    return;
                }
                _ => {}
            }
            let current = (*focused).or(selected_pos);
            let action = match (Direction::from_key(&key), current) {
                // Arrows move to the nearest country that way; nothing that way keeps focus.
                (Some(dir), Some(cur)) => {
                    e.prevent_default();
                    match nearest_in_direction(&points, cur, dir) {
                        Some(i) => MapKey::Focus(i),
                        None => MapKey::None,
                    }
                }
                _ => map_key(&key, order.len(), current),
            };
            match action {
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
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.moved = 0.0;
            }
            g.pointers.insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let on_zoom = props.on_zoom.clone();
        let on_pan = props.on_pan.clone();
        let svg_ref = svg_ref.clone();
        let zoomed = props.zoom.is_some();
        Callback::from(move |e: PointerEvent| {
            let mut g: std::cell::RefMut<'_, Gesture> = RefCell::borrow_mut(&gesture);
            let id = e.pointer_id();
            let Some(&prev) = g.pointers.get(&id) else { return };
            let now = (e.client_x() as f64, e.client_y() as f64);
            let size = svg_size(&svg_ref);
            if g.pointers.len() == 2 {
                // Pinch: zoom by the change in distance between the two pointers.
                let other = *g.pointers.iter().find(|(k, _)| **k != id).map(|(_, v)| v).unwrap_or(&prev);
                let d0 = ((prev.0 - other.0).powi(2) + (prev.1 - other.1).powi(2)).sqrt();
                let d1 = ((now.0 - other.0).powi(2) + (now.1 - other.1).powi(2)).sqrt();
                if d0 > 10.0 && (d1 / d0 - 1.0).abs() > 0.02 {
                    let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
                    let at = pointer_fraction(&svg_ref, mid.0 as i32, mid.1 as i32).map(|(fx, fy)| vb.at_fraction(fx, fy));
                    on_zoom.emit((d1 / d0, at));
                    g.moved += 10.0;
                    g.pointers.insert(id, now);
                }
            } else if g.pointers.len() == 1 && zoomed {
                let (dx, dy) = (now.0 - prev.0, now.1 - prev.1);
                g.moved += dx.abs() + dy.abs();
                if g.moved > 6.0 {
                    if let Some((w, h)) = size {
                        on_pan.emit((-dx / w, -dy / h));
                    }
                }
                g.pointers.insert(id, now);
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            gesture.borrow_mut().pointers.remove(&e.pointer_id());
        })
    };
    let onmouseleave = {
        let tip = tip.clone();
        Callback::from(move |_: MouseEvent| tip.set(None))
    };

    // One memoised component per country, in memoised groups of GROUP_SIZE; events are
    // delegated to the <svg> below.
    let iso3s: Rc<Vec<AttrValue>> = use_memo(props.loaded.clone(), |l| l.world.countries.iter().map(|c| AttrValue::from(c.iso3.clone())).collect());
    let positions: HashMap<&str, usize> = order.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
    let mut shapes: Vec<ShapeView> = Vec::with_capacity(world.countries.len());
    let mut markers = Vec::new();
    let mut marker_codes = Vec::new();
    for (i, c) in world.countries.iter().enumerate() {
        let stat = props.stats.get(&c.iso3).cloned().unwrap_or_default();
        let origin = c.iso3 == ORIGIN;
        let pos = if stat.count > 0 || origin { positions.get(c.iso3.as_str()).copied() } else { None };
        let interactive = pos.is_some();
        let label: AttrValue = match (interactive, origin && stat.count == 0) {
            (false, _) => AttrValue::default(),
            (true, true) => format!("{}: {}", name_of(&c.iso3), s.origin_short).into(),
            (true, false) => format!("{}: {}", name_of(&c.iso3), s.deployments(stat.count)).into(),
        };
        let iso3 = iso3s[i].clone();
        let bin = colour_bin(stat.count);
        let selected = props.selected.as_deref() == Some(c.iso3.as_str());
        let new = stat.new_this_year > 0;
        let tab_stop = pos == Some(tab_stop);
        match (props.loaded.paths.get(i).cloned().flatten(), interactive) {
            // Every shape is always drawn, in the same order (unkeyed groups).
            (Some(d), _) => shapes.push(ShapeView { iso3, d: SharedPath(d), bin, selected, new, origin, interactive, tab_stop, label }),
            // Markers come and go with the data shown: keyed.
            (None, true) => markers.push({
                marker_codes.push(c.iso3.clone());
                html! {
                <CountryPath key={c.iso3.clone()} {iso3} marker={Some((c.point[0], c.point[1], MARKER_R / k))} {bin} {selected} {new} {origin} {interactive} {tab_stop} {label} />
                }
            }),
            (None, false) => {}
        }
    }
    let shapes: Html = shapes.chunks(GROUP_SIZE).map(|g| html! { <CountryGroup shapes={g.to_vec()} /> }).collect();
    let iso3_of = |e: &web_sys::Event| -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
            el.get_attribute("data-iso3").filter(|c| !c.is_empty())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = e;
            None
        }
    };
    let onclick = {
        let marker_codes = marker_codes.clone();
        let on_select = props.on_select.clone();
        let focused = focused.clone();
        let gesture = gesture.clone();
        let order = order.clone();
        Callback::from(move |e: MouseEvent| {
            if gesture.borrow().moved > 6.0 {
                return;
            }
            // A small marker near the tap wins over the shape under it; otherwise the shape
            // under the tap, or the nearest one within a finger's reach (WCAG 2.5.8).
            let direct = iso3_of(&e);
            if let Some(iso3) = crate::web::dom::nearest_target(e.client_x(), e.client_y(), direct.clone(), &marker_codes) {
                focused.set(order.iter().position(|o| *o == iso3));
                // A tap beside the shape: focus it as a tap on it would (Escape then closes).
                if direct.as_deref() != Some(iso3.as_str()) {
                    focus_by_id(&format!("c-{iso3}"));
                }
                on_select.emit(iso3);
            }
        })
    };
    let onmouseover = {
        let tip = tip.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(iso3) = iso3_of(&e) {
                if tip.as_deref() != Some(iso3.as_str()) {
                    tip.set(Some(iso3));
                }
            }
        })
    };
    let onfocusin = {
        let tip = tip.clone();
        let focused = focused.clone();
        let order = order.clone();
        let has_focus = has_focus.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(iso3) = iso3_of(&e) {
                focused.set(order.iter().position(|o| *o == iso3));
                tip.set(Some(iso3));
                has_focus.set(true);
            }
        })
    };
    let onfocusout = {
        let tip = tip.clone();
        let has_focus = has_focus.clone();
        Callback::from(move |_: FocusEvent| {
            tip.set(None);
            has_focus.set(false);
        })
    };
    // Outlines of the selected and the focused country, drawn after every shape so that no
    // neighbour covers them (the shapes themselves keep their place: moving a focused node
    // would blur it).
    let outline_one = |iso3: &str, class: &'static str| -> Html {
        let Some(i) = props.loaded.index.position(iso3) else { return Html::default() };
        let c = &world.countries[i];
        match props.loaded.paths.get(i).cloned().flatten() {
            Some(d) => html! { <path {class} {d} /> },
            None => html! { <circle {class} cx={c.point[0].to_string()} cy={c.point[1].to_string()} r={format!("{:.2}", MARKER_R / k)} /> },
        }
    };
    // The selection: a wide halo of the page's opposite tone under a thick line of a colour no
    // other state uses, so that it stands out on any fill, at any zoom, in either theme.
    let outline = |iso3: &str, class: &'static str| -> Html {
        let halo = if class == "outline-selected" { outline_one(iso3, "outline-halo") } else { Html::default() };
        html! { <>{ halo }{ outline_one(iso3, class) }</> }
    };
    let selected_outline = props.selected.as_deref().map(|c| outline(c, "outline-selected")).unwrap_or_default();
    let focus_outline = if *has_focus { order.get(tab_stop).map(|c| outline(c, "outline-focus")).unwrap_or_default() } else { Html::default() };

    // The tooltip element is always present (hidden when idle): adding and removing it would
    // make Yew rebuild its siblings, losing keyboard focus.
    let tooltip = match (*tip).as_ref().and_then(|iso3| world.country(&props.loaded.index, iso3).map(|c| (iso3, c))) {
        Some((iso3, c)) => {
            let stat = props.stats.get(iso3).cloned().unwrap_or_default();
            let (fx, fy) = ((c.point[0] - vb.x) / vb.w, (c.point[1] - vb.y) / vb.h);
            let inside = (0.0..=1.0).contains(&fx) && (0.0..=1.0).contains(&fy);
            html! { <Tooltip name={name_of(iso3)} detail={s.deployments(stat.count)} x={fx} y={fy} visible={inside} /> }
        }
        None => html! { <Tooltip name="" detail="" x=0.0 y=0.0 visible=false /> },
    };

    html! {
        <div class="map-wrap" id="map-wrap">
            <svg ref={svg_ref} class={classes!("map", props.zoom.is_some().then_some("zoomed"))} viewBox={format!("0 0 {} {}", world.width, world.height)} role="group"
                aria-label={s.map_label} aria-describedby="map-help" {onkeydown} {onmouseleave} {onclick} {onmouseover} {onfocusin} {onfocusout}
                {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                // China's hatching (see ORIGIN), in map units so that it zooms with the shape.
                <defs>
                    <pattern id="origin-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect class="hatch-bg" width="6" height="6" /><line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6" />
                    </pattern>
                </defs>
                <g ref={viewport} class="viewport" {transform}>
                    <g class="countries">{ shapes }</g>
                    <g class="markers">{ markers }</g>
                    <g class="outlines" aria-hidden="true">{ selected_outline }{ focus_outline }</g>
                </g>
            </svg>
            <p id="map-help" class="visually-hidden">{ s.map_help }</p>
            { tooltip }
        </div>
    }
}

/// The rendered size of the map in CSS pixels.
fn svg_size(node: &NodeRef) -> Option<(f64, f64)> {
    #[cfg(target_arch = "wasm32")]
    {
        let el = node.cast::<web_sys::Element>()?;
        let r = el.get_bounding_client_rect();
        (r.width() > 0.0).then(|| (r.width(), r.height()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = node;
        None
    }
}

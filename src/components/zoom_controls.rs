use crate::data::model::Region;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ZoomControlsProps {
    pub lang: Lang,
    pub region: Option<Region>,
    pub zoomed: bool,
    pub on_zoom: Callback<f64>,
    pub on_region: Callback<Option<Region>>,
}

/// Zoom buttons and region presets.
#[function_component]
pub fn ZoomControls(props: &ZoomControlsProps) -> Html {
    let s = props.lang.strings();
    let zin = props.on_zoom.reform(|_: MouseEvent| 1.6);
    let zout = props.on_zoom.reform(|_: MouseEvent| 1.0 / 1.6);
    let presets = Region::ALL.iter().map(|r| {
        let r = *r;
        let pressed = match r {
            Region::World => props.region.is_none() && !props.zoomed,
            _ => props.region == Some(r),
        };
        let onclick = props.on_region.reform(move |_: MouseEvent| Some(r));
        html! { <button key={r.id()} type="button" class="region" aria-pressed={if pressed { "true" } else { "false" }} {onclick}>{ s.region(r) }</button> }
    }).collect::<Html>();
    html! {
        <div class="zoom-controls">
            <div class="zoom-buttons" role="group" aria-label={s.zoom}>
                <button type="button" class="zoom-in" onclick={zin} aria-label={s.zoom_in} title={s.zoom_in}>{ "+" }</button>
                <button type="button" class="zoom-out" onclick={zout} aria-label={s.zoom_out} title={s.zoom_out} disabled={!props.zoomed}>{ "−" }</button>
            </div>
            <div class="regions" role="group" aria-label={s.zoom_label}>{ presets }</div>
        </div>
    }
}

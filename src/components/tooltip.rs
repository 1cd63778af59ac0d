use crate::web::dom::set_style;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    pub name: AttrValue,
    pub detail: AttrValue,
    /// Anchor as fractions (0..1) of the map's width and height.
    pub x: f64,
    pub y: f64,
    pub visible: bool,
}

/// Country name and count near the hovered or focused country. Positioned through the CSSOM
/// so that it works under a strict Content-Security-Policy.
#[function_component]
pub fn Tooltip(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    let (x, y) = (props.x, props.y);
    {
        let node = node.clone();
        use_effect_with((x.to_bits(), y.to_bits()), move |_| {
            set_style(&node, &[("left", format!("{:.2}%", x * 100.0)), ("top", format!("{:.2}%", y * 100.0))]);
        });
    }
    html! {
        <div ref={node} class={classes!("tooltip", (x > 0.7).then_some("flip"))} role="tooltip" id="map-tooltip" hidden={!props.visible}>
            <strong>{ &props.name }</strong>
            <span>{ &props.detail }</span>
        </div>
    }
}

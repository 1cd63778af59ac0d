use crate::i18n::Lang;
use crate::state::timeline::{tip_align, BarTip};
use crate::web::dom::set_style;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineTipProps {
    pub lang: Lang,
    /// What to say; None hides the tooltip.
    pub tip: Option<BarTip>,
    /// Centre of the column it describes, as a fraction (0..1) of the track.
    pub at: f64,
}

/// The tooltip of a year's bar (or of every bar, for "all years"): the year, the deployments
/// begun by technology, the key events. Positioned through the CSSOM (strict CSP) and kept
/// inside the track by its alignment.
#[function_component]
pub fn TimelineTip(props: &TimelineTipProps) -> Html {
    let s = props.lang.strings();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.at.to_bits(), move |at| {
            set_style(&node, &[("left", format!("{:.3}%", f64::from_bits(*at) * 100.0))]);
        });
    }
    let body = props.tip.as_ref().map(|t| {
        html! {
            <>
                <p class="tip-head"><strong>{ if t.span.0 == t.span.1 { t.span.0.to_string() } else { s.years(t.span.0, t.span.1) } }</strong>{ ": " }{ s.deployments(t.total) }</p>
                if !t.segments.is_empty() {
                    <ul>
                        { for t.segments.iter().map(|(c, n)| html! {
                            <li><span class={classes!("cat-swatch", format!("cat-{}", c.id()))} aria-hidden="true"></span>{ s.category(*c) }{ ": " }{ n }</li>
                        }) }
                    </ul>
                }
                if t.events > 0 { <p class="tip-events"><span class="ev-badge" aria-hidden="true">{ t.events }</span>{ " " }{ s.events_title }{ ": " }{ t.events }</p> }
            </>
        }
    });
    html! {
        <div ref={node} id="tl-tip" role="tooltip" class={classes!("tl-tip", tip_align(props.at).class())} hidden={props.tip.is_none()}>
            { body.unwrap_or_default() }
        </div>
    }
}

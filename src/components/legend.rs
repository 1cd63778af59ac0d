use crate::data::model::Evidence;
use crate::i18n::Lang;
use crate::state::aggregate::{bin_labels, BINS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub lang: Lang,
    /// Whether any small-state marker is drawn (then the legend explains circles).
    pub has_markers: bool,
    /// The year shown (then countries with new deployments that year are outlined).
    #[prop_or_default]
    pub year: Option<i32>,
    /// Whether a country is selected (then the legend explains its outline).
    #[prop_or_default]
    pub selected: bool,
}

/// Colour scale of the choropleth and the evidence levels.
#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let s = props.lang.strings();
    html! {
        <div class="legend">
            <figure class="scale" aria-label={s.legend_title}>
                <figcaption>{ s.legend_title }</figcaption>
                <ul>
                    <li><span class="swatch bin-0" aria-hidden="true"></span>{ s.legend_none }</li>
                    { for (1..=BINS).map(|b| html! {
                        <li><span class={classes!("swatch", format!("bin-{b}"))} aria-hidden="true"></span>{ bin_labels()[b - 1] }</li>
                    }) }
                </ul>
                <p class="note"><span class="swatch origin" aria-hidden="true"></span>{ s.legend_origin }</p>
                if props.year.is_some() { <p class="note"><span class="swatch new-swatch" aria-hidden="true"></span>{ s.legend_new }</p> }
                if props.selected { <p class="note"><span class="swatch selected-swatch" aria-hidden="true"></span>{ s.legend_selected }</p> }
                if props.has_markers { <p class="note">{ s.small_states }</p> }
            </figure>
            <details class="evidence-legend">
                <summary>{ s.evidence_legend }</summary>
                <dl>
                    { for Evidence::ALL.iter().map(|e| html! {
                        <>
                            <dt><span class={classes!("badge", format!("ev-{}", e.id()))}>{ s.evidence(*e) }</span></dt>
                            <dd>{ s.evidence_description(*e) }</dd>
                        </>
                    }) }
                </dl>
            </details>
        </div>
    }
}

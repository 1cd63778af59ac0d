use crate::data::model::Evidence;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceBadgeProps {
    pub evidence: Evidence,
    pub lang: Lang,
}

/// A small badge naming the evidence level, with its explanation as a tooltip.
#[function_component]
pub fn EvidenceBadge(props: &EvidenceBadgeProps) -> Html {
    let s = props.lang.strings();
    html! {
        <span class={classes!("badge", format!("ev-{}", props.evidence.id()))} title={s.evidence_description(props.evidence)}>
            { s.evidence(props.evidence) }
        </span>
    }
}

use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditsProps {
    pub lang: Lang,
    pub updated: AttrValue,
}

/// Credits for the geometry and the data, always visible at the foot of the widget.
#[function_component]
pub fn Credits(props: &CreditsProps) -> Html {
    let s = props.lang.strings();
    html! {
        <footer class="credits">
            <h2>{ s.credits_title }</h2>
            <p>{ s.credits_data }{ if props.updated.is_empty() { String::new() } else { format!(" ({})", props.updated) } }</p>
            <p>{ s.credits_geo }</p>
        </footer>
    }
}

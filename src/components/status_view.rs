use crate::i18n::Lang;
use crate::state::app::LoadError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusViewProps {
    pub lang: Lang,
    /// None while loading.
    #[prop_or_default]
    pub error: Option<LoadError>,
    pub on_retry: Callback<()>,
}

/// The loading message, or a specific error with a retry button: the widget is never blank.
#[function_component]
pub fn StatusView(props: &StatusViewProps) -> Html {
    let s = props.lang.strings();
    match &props.error {
        None => html! { <p class="status loading" role="status">{ s.loading }</p> },
        Some(e) => {
            let onclick = props.on_retry.reform(|_: MouseEvent| ());
            html! {
                <div class="status error" role="alert">
                    // The problem itself is a diagnostic in English; other languages lead with a heading of their own.
                    if props.lang == Lang::En {
                        <h2>{ &e.title }</h2>
                    } else {
                        <h2>{ s.load_failed }</h2>
                        <p lang="en">{ &e.title }</p>
                    }
                    if !e.details.is_empty() {
                        <ul class="problems">{ for e.details.iter().map(|d| html! { <li><code>{ d }</code></li> }) }</ul>
                    }
                    <button type="button" class="retry" {onclick}>{ s.retry }</button>
                </div>
            }
        }
    }
}

use crate::data::links;
use crate::data::model::Source;
use crate::data::validate::is_http_url;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceLinkProps {
    pub source: Source,
    pub lang: Lang,
}

/// "Publisher, “Title”, date": the title links to the original article when its address is
/// known; a copy is linked only on an accepted copy host, labelled "copy at <host>", so no
/// link leads anywhere but where its label says.
#[function_component]
pub fn SourceLink(props: &SourceLinkProps) -> Html {
    let s = props.lang.strings();
    let src = &props.source;
    let date = s.date_str(&src.date);
    let original = src.url.clone().filter(|u| is_http_url(u));
    let copy = src.via.clone().filter(|u| is_http_url(u) && links::is_accepted_copy(u));
    let title = html! { <cite>{ &src.title }</cite> };
    html! {
        <li class="source" data-source={src.id.clone()}>
            <span class="publisher">{ &src.publisher }</span>{ ", " }
            if let Some(href) = original {
                <a class="original" href={href} target="_blank" rel="noopener noreferrer" lang={src.lang.clone()}>
                    { title }<span class="visually-hidden">{ " " }{ s.opens_new_tab }</span>
                </a>
            } else {
                <span lang={src.lang.clone()}>{ title }</span>
            }
            { ", " }<time datetime={src.date.clone()}>{ date }</time>
            if let Some(href) = copy {
                { " (" }
                <a class="copy" href={href.clone()} target="_blank" rel="noopener noreferrer">
                    { format!("{} {}", s.copy_at, links::host(&href).unwrap_or_default()) }<span class="visually-hidden">{ " " }{ s.opens_new_tab }</span>
                </a>
                { ")" }
            }
        </li>
    }
}

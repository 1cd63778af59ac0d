use crate::data::date::PartialDate;
use crate::data::model::Source;
use crate::data::validate::is_http_url;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceLinkProps {
    pub source: Source,
    pub lang: Lang,
}

/// "Publisher, “Title”, date" — a link to the original (or the copy read) when it is http(s).
#[function_component]
pub fn SourceLink(props: &SourceLinkProps) -> Html {
    let s = props.lang.strings();
    let src = &props.source;
    let date = PartialDate::parse(&src.date).map(|d| d.display_with(&s.months)).unwrap_or_else(|| src.date.clone());
    let href = src.url.iter().chain(src.via.iter()).find(|u| is_http_url(u)).cloned();
    let title = html! { <cite>{ &src.title }</cite> };
    html! {
        <li class="source">
            <span class="publisher">{ &src.publisher }</span>{ ", " }
            if let Some(href) = href {
                <a href={href} target="_blank" rel="noopener noreferrer" lang={src.lang.clone()}>
                    { title }<span class="visually-hidden">{ " " }{ s.opens_new_tab }</span>
                </a>
            } else {
                <span lang={src.lang.clone()}>{ title }</span>
            }
            { ", " }<time datetime={src.date.clone()}>{ date }</time>
        </li>
    }
}

use crate::components::details_open::use_details_open;
use crate::components::source_link::SourceLink;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub loaded: Rc<Loaded>,
    /// Source ids, in the order the entry cites them.
    pub ids: Vec<String>,
    pub lang: Lang,
    /// Open at first (the country panel); closed lists render only their summary.
    #[prop_or_default]
    pub open: bool,
    /// Class of the `<ul>` (the table's lists are styled apart).
    #[prop_or_default]
    pub list_class: Option<AttrValue>,
}

/// "Sources (n)" in a `<details>`, its links rendered only while it is open: the event strip
/// and the table would otherwise build about 700 hidden elements at load, a third of the page.
#[function_component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let s = props.lang.strings();
    let (open, ontoggle) = use_details_open(props.open);
    let sources = props.ids.iter().filter_map(|id| props.loaded.source(id));
    html! {
        <details class="sources" open={open} {ontoggle}>
            <summary>{ format!("{} ({})", s.sources, props.ids.len()) }</summary>
            if open {
                <ul class={props.list_class.clone()}>{ for sources.map(|src| html! { <SourceLink source={src.clone()} lang={props.lang} /> }) }</ul>
            }
        </details>
    }
}

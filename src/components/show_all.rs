use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShowAllProps {
    /// Class of the paragraph around the button (`panel-more`, `table-more`, `events-more`).
    pub class: &'static str,
    pub label: AttrValue,
    /// Set to true when pressed.
    pub all: UseStateSetter<bool>,
    /// Id of the first item the list gains, focused once it is painted (keyboard and screen
    /// reader users land on what appeared), if any.
    #[prop_or_default]
    pub focus: Option<AttrValue>,
}

/// "Show all · …": the button under a list that shows its first page only.
#[function_component]
pub fn ShowAll(props: &ShowAllProps) -> Html {
    let onclick = {
        let (all, focus) = (props.all.clone(), props.focus.clone());
        Callback::from(move |_: MouseEvent| {
            all.set(true);
            if let Some(id) = focus.clone() {
                crate::web::dom::after_paint(100, move || crate::web::dom::focus_by_id(&id));
            }
        })
    };
    html! {
        <p class={props.class}>
            <button type="button" class="show-all" {onclick}>{ props.label.clone() }</button>
        </p>
    }
}

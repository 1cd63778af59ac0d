use crate::data::changelog::list_of;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditsProps {
    pub lang: Lang,
    pub loaded: Rc<Loaded>,
}

/// A changed entry as a reader knows it: a deployment by country and place, an event by its
/// title; other entries by id.
fn describe(l: &Loaded, id: &str, lang: Lang) -> String {
    if let Some(d) = l.data.deployments.iter().find(|d| d.id == id) {
        let place = if d.place.is_empty() { String::new() } else { format!(", {}", d.place) };
        return format!("{}{place} ({})", l.country_name_in(&d.country, lang), d.year);
    }
    if let Some(e) = l.data.events.iter().find(|e| e.id == id) {
        return e.title.clone();
    }
    list_of(&l.data, id).map(|kind| format!("{kind} {id}")).unwrap_or_else(|| id.to_string())
}

/// Credits for the geometry and the data, always visible at the foot of the widget, with the
/// data changelog ("What changed") one click away.
#[function_component]
pub fn Credits(props: &CreditsProps) -> Html {
    let s = props.lang.strings();
    let l = &props.loaded;
    let updated = &l.data.meta.updated;
    html! {
        <footer class="credits">
            <h2>{ s.credits_title }</h2>
            <p>{ s.credits_data }{ if updated.is_empty() { String::new() } else { format!(" ({})", s.date_str(updated)) } }</p>
            <p>{ s.credits_geo }</p>
            if !l.data.changelog.is_empty() {
                <details class="changelog" id="changelog">
                    <summary>{ s.changelog_title }</summary>
                    { for l.data.changelog.iter().map(|r| html! {
                        <section class="release" lang="en">
                            <h3>{ format!("{} ({})", r.version, r.date) }</h3>
                            if !r.note.is_empty() { <p>{ &r.note }</p> }
                            if !r.added.is_empty() {
                                <h4 lang={s.code}>{ format!("{} ({})", s.changelog_kinds[0], r.added.len()) }</h4>
                                <ul>{ for r.added.iter().map(|id| html! { <li><code>{ id }</code>{ " " }{ describe(l, id, props.lang) }</li> }) }</ul>
                            }
                            { for [(1, &r.corrected), (2, &r.removed)].into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| html! {
                                <>
                                    <h4 lang={s.code}>{ format!("{} ({})", s.changelog_kinds[k], v.len()) }</h4>
                                    <ul>{ for v.iter().map(|c| html! { <li><code>{ &c.id }</code>{ ": " }{ &c.what }</li> }) }</ul>
                                </>
                            }) }
                        </section>
                    }) }
                </details>
            }
        </footer>
    }
}

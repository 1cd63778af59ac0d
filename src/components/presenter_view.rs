use crate::components::story_notes::StoryNotes;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresenterViewProps {
    pub loaded: Rc<Loaded>,
    pub step: usize,
    pub lang: Lang,
    pub on_step: Callback<i32>,
    pub on_exit: Callback<()>,
}

/// The presenter's window (`?mode=present&view=presenter`): the current step with its notes
/// (announced to screen readers as they change) and the next step, kept in step with the
/// audience's window.
#[function_component]
pub fn PresenterView(props: &PresenterViewProps) -> Html {
    let s = props.lang.strings();
    let story = &props.loaded.data.story;
    let Some(step) = story.get(props.step) else {
        return html! { <section class="presenter-view"><p>{ s.no_story }</p></section> };
    };
    let n = story.len();
    let place = |st: &crate::data::model::StoryStep| {
        let country = st.country.as_deref().map(|c| props.loaded.country_name_in(c, props.lang));
        format!("{}{}", st.year, country.map(|c| format!(" · {c}")).unwrap_or_default())
    };
    let next = story.get(props.step + 1);
    html! {
        <section class="presenter-view" aria-label={s.presenter_view}>
            <div class="pv-now">
                <p class="story-count" aria-live="polite">{ format!("{} {} / {}", s.step, props.step + 1, n) }</p>
                <p class="story-year">{ place(step) }</p>
                <p class="story-caption" lang="en">{ &step.caption }</p>
            </div>
            <StoryNotes step={step.clone()} lang={props.lang} live=true />
            <div class="pv-next">
                <h2>{ s.next_step }</h2>
                if let Some(nx) = next {
                    <p class="pv-next-place">{ place(nx) }</p>
                    <p class="pv-next-caption" lang="en">{ &nx.caption }</p>
                } else {
                    <p class="pv-next-place">{ s.end_of_story }</p>
                }
            </div>
            <div class="story-controls">
                <button type="button" class="story-prev" onclick={props.on_step.reform(|_: MouseEvent| -1)} disabled={props.step == 0}><span class="mirror-rtl" aria-hidden="true">{ "←" }</span>{ " " }{ s.previous }</button>
                <button type="button" class="story-next" onclick={props.on_step.reform(|_: MouseEvent| 1)} disabled={props.step + 1 >= n}>{ s.next }{ " " }<span class="mirror-rtl" aria-hidden="true">{ "→" }</span></button>
                <button type="button" class="story-exit" onclick={props.on_exit.reform(|_: MouseEvent| ())}>{ s.exit_presentation }</button>
            </div>
        </section>
    }
}

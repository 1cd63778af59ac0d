use crate::components::source_link::SourceLink;
use crate::components::story_notes::StoryNotes;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StoryPanelProps {
    pub loaded: Rc<Loaded>,
    pub step: usize,
    pub lang: Lang,
    pub on_step: Callback<i32>,
    pub on_exit: Callback<()>,
    /// Presenter notes shown under the caption (`N`).
    #[prop_or_default]
    pub notes: bool,
    /// Opens the presenter's window.
    #[prop_or_default]
    pub on_presenter: Callback<()>,
}

/// Presentation mode's caption: step number, year, caption, sources and the controls; the
/// presenter notes below them when `N` shows them (not announced: they are for the teacher).
#[function_component]
pub fn StoryPanel(props: &StoryPanelProps) -> Html {
    let s = props.lang.strings();
    let story = &props.loaded.data.story;
    let Some(step) = story.get(props.step) else {
        return html! { <section class="story" aria-label={s.story_label}><p>{ s.no_story }</p>
            <button type="button" class="story-exit" onclick={props.on_exit.reform(|_: MouseEvent| ())}>{ s.exit_presentation }</button></section> };
    };
    let n = story.len();
    let sources = step.sources.iter().filter_map(|id| props.loaded.source(id));
    let country = step.country.as_deref().map(|c| props.loaded.country_name_in(c, props.lang));
    html! {
        <section class="story" aria-label={s.story_label}>
            <div class="story-main" aria-live="polite">
                <p class="story-count">{ format!("{} {} / {}", s.step, props.step + 1, n) }</p>
                <p class="story-year">{ step.year }{ country.map(|c| format!(" · {c}")).unwrap_or_default() }</p>
                <p class="story-caption" lang="en">{ &step.caption }</p>
            </div>
            <ul class="story-sources">{ for sources.map(|src| html! { <SourceLink source={src.clone()} lang={props.lang} /> }) }</ul>
            if props.notes {
                <StoryNotes step={step.clone()} lang={props.lang} />
            }
            <div class="story-controls">
                <button type="button" class="story-prev" onclick={props.on_step.reform(|_: MouseEvent| -1)} disabled={props.step == 0}><span class="mirror-rtl" aria-hidden="true">{ "←" }</span>{ " " }{ s.previous }</button>
                <button type="button" class="story-next" onclick={props.on_step.reform(|_: MouseEvent| 1)} disabled={props.step + 1 >= n}>{ s.next }{ " " }<span class="mirror-rtl" aria-hidden="true">{ "→" }</span></button>
                <button type="button" class="story-presenter" onclick={props.on_presenter.reform(|_: MouseEvent| ())}>{ s.presenter_view }</button>
                <button type="button" class="story-exit" onclick={props.on_exit.reform(|_: MouseEvent| ())}>{ s.exit_presentation }</button>
            </div>
            <p class="story-keys">{ s.notes_key_hint }</p>
        </section>
    }
}

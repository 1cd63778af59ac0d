use crate::data::model::StoryStep;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StoryNotesProps {
    pub step: StoryStep,
    pub lang: Lang,
    /// Announced to screen readers when they change (the presenter's window only: in the
    /// audience's window the notes are the teacher's, not the class's).
    #[prop_or_default]
    pub live: bool,
}

/// A story step's presenter notes, in the language they are written in.
#[function_component]
pub fn StoryNotes(props: &StoryNotesProps) -> Html {
    let s = props.lang.strings();
    let text = props.step.notes.trim();
    html! {
        <section class="story-notes" aria-labelledby="story-notes-h">
            <h2 id="story-notes-h">{ s.notes_title }</h2>
            <p class="notes-text" lang={props.step.notes_lang().to_string()} aria-live={props.live.then_some("polite")}>
                { if text.is_empty() { s.no_notes } else { text } }
            </p>
        </section>
    }
}

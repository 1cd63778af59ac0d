use crate::state::app::{Action, AppState};
use crate::web::channel::StoryLink;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Keeps this window's story step in step with the other presentation windows of the same
/// browser (the presenter's and the audience's): a step reached here is posted to them, a step
/// posted by them is shown here. Steps that arrived from another window are not posted back,
/// so two windows never bounce a step between them.
#[hook]
pub fn use_story_sync(present: bool, step: usize, dispatcher: UseReducerDispatcher<AppState>) {
    let link: Rc<RefCell<Option<StoryLink>>> = use_mut_ref(|| None);
    // Steps received from other windows and not yet rendered here, and the step last shown.
    let pending = use_memo((), |_| Cell::new(0u32));
    let current = use_memo((), |_| Cell::new(usize::MAX));
    {
        let link = link.clone();
        let (pending, current) = (pending.clone(), current.clone());
        use_effect_with(present, move |present| {
            if *present {
                *link.borrow_mut() = StoryLink::open(move |i| {
                    if i != current.get() {
                        pending.set(pending.get() + 1);
                    }
                    dispatcher.dispatch(Action::GoToStep(i));
                });
            }
            move || drop(link.borrow_mut().take())
        });
    }
    use_effect_with((present, step), move |(present, step)| {
        current.set(*step);
        if *present {
            if pending.get() > 0 {
                pending.set(0);
            } else if let Some(l) = link.borrow().as_ref() {
                l.post(*step);
            }
        }
    });
}

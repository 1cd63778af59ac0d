use crate::components::country_panel::CountryPanel;
use crate::components::credits::Credits;
use crate::components::legend::Legend;
use crate::components::map_view::MapView;
use crate::components::status_view::StatusView;
use crate::i18n::Lang;
use crate::state::aggregate::country_stats;
use crate::state::app::{Action, AppState, Status};
use std::rc::Rc;
use yew::prelude::*;

/// Where the bundled data and geometry are served, relative to the page.
pub const DATA_URL: &str = "data/atlas.json";
pub const WORLD_URL: &str = "geo/world.json";

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Initial state (tests and server rendering); the browser starts from `AppState::default()`.
    #[prop_or_default]
    pub initial: Option<Rc<AppState>>,
}

/// The widget: header, map with legend, the selected country's panel, and credits.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial.map(|s| (*s).clone()).unwrap_or_default());
    let lang = Lang::En;
    let s = lang.strings();

    #[cfg(target_arch = "wasm32")]
    {
        let dispatcher = state.dispatcher();
        let needs_load = matches!(state.status, Status::Loading);
        use_effect_with(state.load_attempt, move |_| {
            if needs_load {
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::web::fetch::load(DATA_URL, WORLD_URL).await {
                        Ok(loaded) => {
                            for w in &loaded.warnings {
                                crate::web::dom::log(w);
                            }
                            dispatcher.dispatch(Action::Loaded(Rc::new(loaded)))
                        }
                        Err(e) => dispatcher.dispatch(Action::Failed(e)),
                    }
                });
            }
        });
    }

    let on_retry = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::Retry))
    };
    let on_select = {
        let d = state.dispatcher();
        Callback::from(move |code: String| d.dispatch(Action::Select(code)))
    };
    let on_clear = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ClearSelection))
    };
    let onkeydown = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_clear.emit(());
            }
        })
    };

    let body = match &state.status {
        Status::Loading => html! { <StatusView {lang} on_retry={on_retry.clone()} /> },
        Status::Failed(e) => html! { <StatusView {lang} error={e.clone()} on_retry={on_retry.clone()} /> },
        Status::Ready(loaded) => {
            let stats = Rc::new(country_stats(&loaded.data.deployments, None));
            let selected = state.selected.clone().map(AttrValue::from);
            let has_markers = loaded.world.countries.iter().any(|c| !c.has_shape() && stats.contains_key(&c.iso3));
            let announcement = selected.as_ref().map(|c| {
                let n = stats.get(c.as_str()).map(|st| st.count).unwrap_or(0);
                format!("{}: {}", loaded.country_name(c), s.deployments(n))
            });
            html! {
                <>
                    <div class="stage">
                        <div class="map-col">
                            <MapView loaded={loaded.clone()} stats={stats.clone()} selected={selected.clone()} {lang}
                                on_select={on_select.clone()} on_clear={on_clear.clone()} />
                            <Legend {lang} {has_markers} />
                        </div>
                        <div class="panel-col">
                            if let Some(iso3) = selected {
                                <CountryPanel loaded={loaded.clone()} {iso3} {lang} on_close={on_clear.clone()} />
                            } else {
                                <p class="prompt">{ s.select_prompt }</p>
                            }
                        </div>
                    </div>
                    <p class="visually-hidden" aria-live="polite" id="announcer">{ announcement.unwrap_or_default() }</p>
                    <Credits {lang} updated={loaded.data.meta.updated.clone()} />
                </>
            }
        }
    };

    html! {
        <div class="atlas" lang={s.code} {onkeydown}>
            <header class="masthead">
                <h1>{ s.title }</h1>
                <p class="dek">{ s.subtitle }</p>
            </header>
            { body }
        </div>
    }
}

use crate::components::about_data::AboutData;
use crate::components::country_panel::CountryPanel;
use crate::components::credits::Credits;
use crate::components::data_table::DataTable;
use crate::components::event_list::EventList;
use crate::components::filter_panel::FilterPanel;
use crate::components::glance::Glance;
use crate::components::legend::Legend;
use crate::components::map_view::MapView;
use crate::components::site_search::SiteSearch;
use crate::components::share_panel::{ExportKind, SharePanel};
use crate::components::handout::Handout;
use crate::components::presenter_view::PresenterView;
use crate::components::story_panel::StoryPanel;
use crate::components::status_view::StatusView;
use crate::components::timeline::Timeline;
use crate::components::zoom_controls::ZoomControls;
use crate::data::model::{Deployment, Event};
use crate::i18n::Lang;
use crate::state::aggregate::country_stats;
use crate::state::app::{Action, AppState, Status};
use crate::state::filter::{self, summarise};
use crate::state::search::HitKind;
use crate::state::timeline::{bars, shown_span};
use crate::state::url;
use crate::state::story::{story_key, StoryKey};
use crate::state::view::{Tab, Theme};
use crate::web::dom::{apply_document, exit_fullscreen, interval, on_popstate, on_window_keydown, page_url, request_fullscreen, today};
use crate::web::history;
use crate::export::embed;
use std::rc::Rc;
use yew::prelude::*;

/// Where the bundled data and geometry are served, relative to the page.
pub const DATA_URL: &str = "data/atlas.json";
pub const WORLD_URL: &str = "geo/world.json";
/// Play advances one year this often.
pub const PLAY_MS: i32 = 1100;

/// The dataset to load: `?data=URL` (same origin, or another origin the page's CSP allows)
/// replaces the bundled file; anything that is not a relative path or an http(s) URL is ignored.
pub fn data_url_from_query(query: &str) -> String {
    url::pairs(query)
        .into_iter()
        .rev()
        .find(|(k, _)| k == "data")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty() && v.len() <= 2000 && !v.chars().any(char::is_control))
        .filter(|v| crate::data::validate::is_http_url(v) || (!v.contains(':') && !v.starts_with("//")))
        .unwrap_or_else(|| DATA_URL.to_string())
}

/// A callback that turns its argument into an action and dispatches it.
fn to_action<T: 'static>(d: &UseReducerDispatcher<AppState>, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |x: T| d.dispatch(f(x)))
}

/// Every callback the children get, made once: the dispatcher never changes, so stable
/// callbacks let memoised children skip re-rendering when only the year changes.
struct Callbacks {
    company: Callback<String>,
    category: Callback<crate::data::model::Category>,
    evidence: Callback<crate::data::model::Evidence>,
    reset: Callback<()>,
    year: Callback<Option<i32>>,
    step: Callback<i32>,
    play: Callback<()>,
    pause: Callback<()>,
    zoom_by: Callback<f64>,
    zoom_at: Callback<(f64, Option<(f64, f64)>)>,
    pan: Callback<(f64, f64)>,
    region: Callback<Option<crate::data::model::Region>>,
    select: Callback<String>,
    clear: Callback<()>,
    retry: Callback<()>,
    choose_event: Callback<String>,
    story_step: Callback<i32>,
}

impl Callbacks {
    fn new(d: &UseReducerDispatcher<AppState>) -> Callbacks {
        Callbacks {
            company: to_action(d, Action::ToggleCompany),
            category: to_action(d, Action::ToggleCategory),
            evidence: to_action(d, Action::ToggleEvidence),
            reset: to_action(d, |_: ()| Action::ResetFilters),
            year: to_action(d, Action::SetYear),
            step: to_action(d, Action::StepYear),
            play: to_action(d, |_: ()| Action::Play),
            pause: to_action(d, |_: ()| Action::Pause),
            zoom_by: to_action(d, |f: f64| Action::Zoom(f, None)),
            zoom_at: to_action(d, |(f, at)| Action::Zoom(f, at)),
            pan: to_action(d, |(x, y)| Action::Pan(x, y)),
            region: to_action(d, Action::SetRegion),
            select: to_action(d, Action::Select),
            clear: to_action(d, |_: ()| Action::ClearSelection),
            retry: to_action(d, |_: ()| Action::Retry),
            // Choosing an event moves the map: bring it into view.
            choose_event: {
                let d = d.clone();
                Callback::from(move |id: String| {
                    d.dispatch(Action::ChooseEvent(id));
                    crate::web::dom::reveal("map-wrap", None);
                })
            },
            story_step: to_action(d, Action::StepStory),
        }
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Initial state (tests and server rendering); the browser starts from its URL.
    #[prop_or_default]
    pub initial: Option<Rc<AppState>>,
    /// The view the prerendered markup shows (a query string), when hydrating it: after the
    /// first render the app moves to the URL's view (see `startup::use_startup`).
    #[prop_or_default]
    pub prerendered: Option<AttrValue>,
}

/// The state the prerender renders (and the browser hydrates): the bundled data, loaded, in the
/// view of `query`.
pub fn initial_state(loaded: Rc<crate::state::app::Loaded>, query: &str) -> AppState {
    AppState::from_query(query).apply(Action::Loaded(loaded))
}

/// The widget: header, search and filters, timeline, map or table, country panel, events, credits.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial.map(|s| (*s).clone()).unwrap_or_else(|| AppState::from_query(&history::current_query())));
    let (browser, awaiting) = crate::components::startup::use_startup(&state, props.prerendered.clone());
    let requested = state.view.lang.or(browser).unwrap_or(Lang::En);
    let (lang, lang_pending) = crate::components::lang_pack::use_lang_pack(requested);
    crate::components::startup::use_ready_once_shown(awaiting, requested, lang_pending);
    let s = lang.strings();

    use_effect_with((lang, state.view.theme), |(lang, theme)| apply_document(*lang, *theme));

    #[cfg(target_arch = "wasm32")]
    {
        let dispatcher = state.dispatcher();
        let needs_load = matches!(state.status, Status::Loading);
        use_effect_with(state.load_attempt, move |_| {
            if needs_load {
                wasm_bindgen_futures::spawn_local(async move {
                    let data_url = data_url_from_query(&history::current_query());
                    match crate::web::fetch::load(&data_url, WORLD_URL).await {
                        Ok(loaded) => {
                            // Data warnings are for editors (the CLI shows them): only `?debug=1` logs them.
                            if url::debug(&history::current_query()) {
                                for w in &loaded.warnings {
                                    crate::web::dom::log(w);
                                }
                            }
                            dispatcher.dispatch(Action::Loaded(Rc::new(loaded)))
                        }
                        Err(e) => dispatcher.dispatch(Action::Failed(e)),
                    }
                });
            }
        });
    }

    // The URL follows the view: selections and tabs push a history entry, the rest replaces.
    let last = use_mut_ref(|| state.view.clone());
    {
        let ready = state.loaded().is_some();
        let last = last.clone();
        use_effect_with((state.view.clone(), ready), move |(view, ready)| {
            if *ready {
                let prev = last.replace(view.clone());
                let push = prev.country != view.country || prev.tab != view.tab;
                history::write_view(url::serialize(view), push);
            }
        });
    }
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let guard = on_popstate(move || {
                history::navigated();
                d.dispatch(Action::Restore(url::parse(&history::current_query())))
            });
            move || drop(guard)
        });
    }
    // Auto-height for iframes (does nothing when the page is not framed).
    use_effect_with((), |_| {
        let child = url::pairs(&history::current_query()).into_iter().find(|(k, _)| k == "childId").map(|(_, v)| v).filter(|v| !v.is_empty() && v.len() < 200);
        let guard = crate::web::embed::start(child);
        move || drop(guard)
    });
    {
        let d = state.dispatcher();
        let n = state.loaded().map(|l| l.data.story.len()).unwrap_or(0);
        use_effect_with((state.view.present, n), move |(present, n)| {
            let n = *n;
            let guard = present.then(|| {
                on_window_keydown(move |e| {
                    let on_button = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "INPUT" | "TEXTAREA" | "SUMMARY"));
                    let Some(k) = story_key(&e.key(), e.shift_key(), on_button) else { return };
                    e.prevent_default();
                    match k {
                        StoryKey::Next => d.dispatch(Action::StepStory(1)),
                        StoryKey::Previous => d.dispatch(Action::StepStory(-1)),
                        StoryKey::First => d.dispatch(Action::GoToStep(0)),
                        StoryKey::Last => d.dispatch(Action::GoToStep(n.saturating_sub(1))),
                        StoryKey::Notes => d.dispatch(Action::ToggleNotes),
                        StoryKey::Exit => {
                            exit_fullscreen();
                            d.dispatch(Action::Present(false));
                        }
                    }
                })
            });
            move || drop(guard)
        });
    }
    crate::components::story_sync::use_story_sync(state.view.present, state.view.step, state.dispatcher());
    let status = use_state(|| AttrValue::from(""));

    {
        let d = state.dispatcher();
        use_effect_with(state.playing, move |playing| {
            let guard = playing.then(|| interval(PLAY_MS, move || d.dispatch(Action::Tick)));
            move || drop(guard)
        });
    }

    
    let cb = {
        let d = state.dispatcher();
        use_memo((), move |_| Callbacks::new(&d))
    };
    let on_retry = cb.retry.clone();
    // Clearing returns keyboard focus to the country that was open (not to <body>).
    let on_clear = {
        let clear = cb.clear.clone();
        let selected = state.view.country.clone();
        Callback::from(move |_: ()| {
            if let Some(c) = &selected {
                crate::web::dom::focus_by_id(&format!("c-{c}"));
            }
            clear.emit(())
        })
    };
    let onkeydown = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_clear.emit(());
            }
        })
    };

    let loaded = state.loaded().cloned();
    let filters = state.view.filters.clone();
    let year = state.view.year;
    let visible: Rc<Vec<Deployment>> = use_memo((loaded.clone(), filters.clone(), year), |(l, f, y)| {
        l.as_ref().map(|l| filter::visible(&l.data, f, *y).into_iter().cloned().collect()).unwrap_or_default()
    });
    let events: Rc<Vec<Rc<Event>>> = use_memo((loaded.clone(), filters.clone()), |(l, f)| l.as_ref().map(|l| l.events_for(f)).unwrap_or_default());
    let stats = use_memo((visible.clone(), year), |(v, y)| country_stats(v.iter(), *y));
    let selected_deps: Rc<(Rc<Vec<Deployment>>, usize)> = use_memo((loaded.clone(), visible.clone(), state.view.country.clone()), |(l, v, c)| match (l, c) {
        (Some(l), Some(c)) => {
            let shown: Vec<Deployment> = v.iter().filter(|d| &d.country == c).cloned().collect();
            let all = l.data.deployments.iter().filter(|d| &d.country == c).count();
            let hidden = all.saturating_sub(shown.len());
            (Rc::new(shown), hidden)
        }
        _ => (Rc::new(Vec::new()), 0),
    });
    let company_counts: Rc<Vec<(String, String, usize)>> = use_memo(loaded.clone(), |l| {
        let Some(l) = l else { return Vec::new() };
        let mut v: Vec<(String, String, usize)> = l
            .data
            .companies
            .iter()
            .map(|c| (c.id.clone(), c.name.clone(), l.data.deployments.iter().filter(|d| d.companies.contains(&c.id)).count()))
            .filter(|c| c.2 > 0)
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
        v
    });
    let year_bars = use_memo((loaded.clone(), filters.clone()), |(l, f)| {
        l.as_ref()
            .and_then(|l| {
                let r = l.years?;
                let deps = filter::filtered(&l.data, f);
                let evs = filter::events(&l.data, f);
                Some(bars(&deps, &evs, r))
            })
            .unwrap_or_default()
    });
    // The public base URL for shared links and snippets: the build's ATLAS_PUBLIC_URL, else the
    // page's absolute canonical link (read once; natively there is none).
    let public_url = use_memo((), |_| crate::export::qr::public_url(crate::export::qr::build_time_url(), crate::web::print::canonical_href().as_deref()));
    // How many countries have an entry (what the preview image shows), once per dataset.
    let stats_all = use_memo(loaded.clone(), |l| {
        let mut c: Vec<&str> = l.as_ref().map(|l| l.data.deployments.iter().map(|d| d.country.as_str()).collect()).unwrap_or_default();
        c.sort_unstable();
        c.dedup();
        (c.len(),)
    });

    // Stable while the filters stay: the search box is not re-rendered by a year change.
    let on_search = {
        let d = state.dispatcher();
        use_callback(filters.clone(), move |e: crate::state::search::Entry, filters| match e.kind {
            HitKind::Company => {
                if !filters.companies.contains(&e.target) {
                    d.dispatch(Action::ToggleCompany(e.target))
                }
            }
            _ => {
                d.dispatch(Action::Select(e.target));
                crate::web::dom::reveal("map-wrap", None);
            }
        })
    };

    let body = match (&state.status, loaded) {
        // Before anything is shown, wait for the language; once the page is up, it stays in the
        // language it shows until the new pack is in (focus stays on the picker).
        (_, None) if lang_pending => html! { <StatusView {lang} on_retry={on_retry.clone()} /> },
        (Status::Failed(e), _) => html! { <StatusView {lang} error={e.clone()} on_retry={on_retry.clone()} /> },
        (_, None) => html! { <StatusView {lang} on_retry={on_retry.clone()} /> },
        (_, Some(loaded)) => {
            let vis: Vec<&Deployment> = visible.iter().collect();
            let stats = stats.clone();
            let summary = summarise(&vis);
            let range = loaded.years.unwrap_or((2000, 2020));
            // The timeline's span (first year of the data to the year shown), not the visible
            // deployments' own first year: one range everywhere.
            let span = match shown_span(range, year) {
                _ if summary.deployments == 0 => String::new(),
                (a, b) if a == b => format!(" · {a}"),
                (a, b) => format!(" · {}", s.years(a, b)),
            };
            let summary_text = format!("{} · {}{}", s.countries(summary.countries), s.deployments(summary.deployments), span);
            let year_text = format!("{}: {}, {}", year.map(|y| y.to_string()).unwrap_or_else(|| s.all_years.to_string()), s.countries(summary.countries), s.deployments(summary.deployments));
            let selected = state.view.country.clone().map(AttrValue::from);
            let has_markers = loaded.world.countries.iter().any(|c| !c.has_shape() && stats.contains_key(&c.iso3));
            let selection_text = selected.as_ref().map(|c| {
                let n = stats.get(c.as_str()).map(|st| st.count).unwrap_or(0);
                format!("{}: {}", loaded.country_name_in(c, lang), s.deployments(n))
            });
            let companies = (*company_counts).clone();
            let on_table_select = {
                let d = state.dispatcher();
                Callback::from(move |c: String| {
                    d.dispatch(Action::Select(c));
                    d.dispatch(Action::SetTab(Tab::Map));
                })
            };
            let tab_button = |t: Tab, label: &'static str| {
                let d = state.dispatcher();
                let selected = state.view.tab == t;
                html! {
                    <button type="button" role="tab" id={format!("tab-{}", t.id())} aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={format!("panel-{}", t.id())} tabindex={if selected { "0" } else { "-1" }}
                        class={classes!("tab", selected.then_some("active"))} onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::SetTab(t)))}>{ label }</button>
                }
            };
            let on_tab_key = {
                let d = state.dispatcher();
                let current = state.view.tab;
                Callback::from(move |e: KeyboardEvent| {
                    let next = match (e.key().as_str(), current) {
                        ("ArrowRight" | "ArrowLeft" | "Home" | "End", Tab::Map) if e.key() != "Home" => Some(Tab::Table),
                        ("ArrowRight" | "ArrowLeft" | "Home" | "End", Tab::Table) if e.key() != "End" => Some(Tab::Map),
                        _ => None,
                    };
                    if let Some(t) = next {
                        e.prevent_default();
                        d.dispatch(Action::SetTab(t));
                        crate::web::dom::focus_by_id(&format!("tab-{}", t.id()));
                    }
                })
            };
            let timeline = html! {
                <Timeline {lang} bars={year_bars.clone()} {range} {year} playing={state.playing} value_text={year_text.clone()}
                    on_year={cb.year.clone()} on_step={cb.step.clone()}
                    on_play={cb.play.clone()} on_pause={cb.pause.clone()} />
            };
            let table_caption = year.map(|y| format!("· {} {y}", s.shown_upto)).unwrap_or_default();
            let query = url::serialize(&state.view);
            let filter_desc: Vec<String> = filters
                .companies
                .iter()
                .map(|c| loaded.company_name(c).to_string())
                .chain(filters.categories.iter().map(|c| s.category(*c).to_string()))
                .chain(filters.evidence.iter().map(|e| s.evidence(*e).to_string()))
                .collect();
            let view_desc = format!(
                "{}{} · {}",
                year.map(|y| format!("{} {y}", s.shown_upto)).unwrap_or_else(|| s.all_years.to_string()),
                if filter_desc.is_empty() { String::new() } else { format!(" · {}", filter_desc.join(", ")) },
                summary_text
            );
            let here = page_url();
            let deep_link = history::merge(&query, "");
            let full_link = {
                let base = here.split(['?', '#']).next().unwrap_or("").to_string();
                let mut v = state.view.clone();
                v.embed = false;
                format!("{base}{}", url::serialize(&v))
            };
            // Where the view lives (export::embed): under the public base URL, else this page's
            // site root; a selected country's own page when the site was prerendered and is
            // served over http(s) (the offline file has no country pages beside it).
            let page_lang = props.prerendered.as_deref().and_then(|v| url::parse(v).lang).unwrap_or(Lang::En);
            let base = embed::snippet_base(public_url.as_deref(), &here, page_lang);
            let country_pages = props.prerendered.is_some() && !base.is_empty();
            let mut share_view = state.view.clone();
            share_view.embed = false;
            let shared = embed::place(&base, &share_view, country_pages);
            let cite_link = if base.is_empty() { format!("{}{}", here.split(['?', '#']).next().unwrap_or(""), deep_link) } else { shared.link() };
            let citation = crate::export::cite::citation(s, &loaded.data.meta.updated, &cite_link, &s.date_str(&today()));
            let mut embed_view = share_view.clone();
            embed_view.lang = Some(lang);
            let embed_place = embed::place(&base, &embed_view, country_pages);
            let embed_title = format!("{}: {}", s.title, view_desc);
            // From the site root when it is known: a country page's own folder has no embed.js.
            let snippet = if base.is_empty() {
                crate::export::cite::embed_snippet(&here, &url::serialize(&embed_view), &embed_title, 760)
            } else {
                // The frame's query names the language even where the page's folder implies it.
                let mut q = url::parse(&embed_place.query);
                q.lang = Some(lang);
                crate::export::cite::embed_snippet_at(&embed_place.page, &url::serialize(&q), &base, &embed_title, 760)
            };
            let preview_alt = {
                let c = state.view.country.as_deref().filter(|_| country_pages);
                let countries = stats_all.0;
                embed::preview_alt(s, c.map(|c| (loaded.country_name_in(c, lang), loaded.deployments_in(c).len())).as_ref().map(|(n, k)| (n.as_str(), *k)), countries, loaded.data.deployments.len())
            };
            let amp = embed::amp_snippet(&embed_place, &embed_title, &preview_alt, s.amp_show_more);
            let image = embed::image_snippet(&shared, &preview_alt);
            let on_copy = {
                let status = status.clone();
                Callback::from(move |(text, field): (String, &'static str)| {
                    let status = status.clone();
                    let fut = async move {
                        let ok = crate::web::download::copy_text(&text, field).await;
                        status.set(if ok { s.copied } else { s.copy_failed }.into());
                    };
                    #[cfg(target_arch = "wasm32")]
                    wasm_bindgen_futures::spawn_local(fut);
                    #[cfg(not(target_arch = "wasm32"))]
                    drop(fut);
                })
            };
            let on_export = {
                let status = status.clone();
                let loaded = loaded.clone();
                let visible = visible.clone();
                let stats = stats.clone();
                let zoom = state.zoom;
                let selected = state.view.country.clone();
                let view_desc = view_desc.clone();
                let source_line = format!("{} {} · {}", s.svg_source, here.split(['?', '#']).next().unwrap_or(""), s.svg_map_credit);
                let view = state.view.clone();
                Callback::from(move |k: ExportKind| {
                    use crate::export::filename::{file_name, FileKind};
                    use crate::export::svg::{map_svg, SvgText};
                    use crate::web::download::download_text;
                    let svg_text = SvgText::in_language(s, &view_desc, &source_line);
                    let result = match k {
                        ExportKind::Svg => {
                            let name = file_name(&view, FileKind::MapSvg);
                            let (svg, _, _) = map_svg(&loaded.world, &stats, zoom, selected.as_deref(), &svg_text, None);
                            download_text(&name, "image/svg+xml", &svg).map(|_| name)
                        }
                        ExportKind::Png(size) => {
                            let name = file_name(&view, FileKind::MapPng(size.name()));
                            let (svg, w, h) = map_svg(&loaded.world, &stats, zoom, selected.as_deref(), &svg_text, Some(size));
                            let status = status.clone();
                            let fut = async move {
                                let r = crate::web::download::download_png(&name, &svg, w, h, crate::export::svg::PngSize::SCALE).await;
                                status.set(match r { Ok(()) => format!("{} {name}", s.saved), Err(e) => e }.into());
                            };
                            #[cfg(target_arch = "wasm32")]
                            wasm_bindgen_futures::spawn_local(fut);
                            #[cfg(not(target_arch = "wasm32"))]
                            drop(fut);
                            return;
                        }
                        ExportKind::Csv => {
                            let name = file_name(&view, FileKind::Csv);
                            let names = crate::data::csv::ReaderNames {
                                country: &|c| loaded.country_name_in(c, lang),
                                category: &|c| s.category(c).to_string(),
                                evidence: &|e| s.evidence(e).to_string(),
                            };
                            download_text(&name, "text/csv;charset=utf-8", &crate::data::csv::reader_csv(&loaded.data, visible.iter(), &names)).map(|_| name)
                        }
                        ExportKind::Json => {
                            let name = file_name(&view, FileKind::Json);
                            let subset = crate::export::data::subset(&loaded.data, &visible);
                            let json = serde_json::to_string_pretty(&subset).unwrap_or_default();
                            download_text(&name, "application/json", &json).map(|_| name)
                        }
                    };
                    status.set(match result { Ok(name) => format!("{} {name}", s.saved), Err(e) => e }.into());
                })
            };
            let on_present = {
                let d = state.dispatcher();
                Callback::from(move |_: ()| {
                    request_fullscreen();
                    d.dispatch(Action::Present(true));
                })
            };
            let on_exit_present = {
                let d = state.dispatcher();
                Callback::from(move |_: ()| {
                    exit_fullscreen();
                    d.dispatch(Action::Present(false));
                })
            };
            let panel_hidden = selected_deps.1;
            let present = state.view.present;
            let prefs = {
                let d1 = state.dispatcher();
                let d2 = state.dispatcher();
                let on_lang = Callback::from(move |e: yew::Event| {
                    let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    if let Some(l) = Lang::from_code(&v) {
                        d1.dispatch(Action::SetLang(l));
                    }
                });
                let on_theme = Callback::from(move |e: yew::Event| {
                    let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    if let Some(t) = Theme::from_id(&v) {
                        d2.dispatch(Action::SetTheme(t));
                    }
                });
                let theme = state.view.theme;
                html! {
                    <div class="prefs">
                        <label>{ s.language_label }{ " " }
                            <select onchange={on_lang}>
                                { for Lang::ALL.iter().map(|l| html! { <option value={l.code()} lang={l.code()} selected={*l == lang}>{ l.native_name() }</option> }) }
                            </select>
                        </label>
                        <label>{ s.theme_label }{ " " }
                            <select onchange={on_theme}>
                                { for [Theme::Auto, Theme::Light, Theme::Dark].iter().enumerate().map(|(i, t)| html! { <option value={t.id()} selected={*t == theme}>{ s.theme_names[i] }</option> }) }
                            </select>
                        </label>
                    </div>
                }
            };
            html! {
                <>
                    <p class="print-view">{ view_desc.clone() }</p>
                    if state.handout {
                        <Handout loaded={loaded.clone()} {lang} on_close={to_action(&state.dispatcher(), |_: ()| Action::Handout(false))} />
                    }
                    if present && state.view.presenter {
                        <PresenterView loaded={loaded.clone()} step={state.view.step} {lang} on_step={cb.story_step.clone()} on_exit={on_exit_present.clone()} />
                    } else if present {
                        <StoryPanel loaded={loaded.clone()} step={state.view.step} {lang} on_step={cb.story_step.clone()} on_exit={on_exit_present.clone()}
                            notes={state.notes} on_presenter={presenter_window(&here, &state.view)} />
                    }
                    <div class="toolbar" hidden={present}>
                        <SiteSearch loaded={loaded.clone()} {lang} on_choose={on_search.clone()} />
                        <div class="tabs" role="tablist" aria-label={s.view_label} onkeydown={on_tab_key}>
                            { tab_button(Tab::Map, s.tab_map) }{ tab_button(Tab::Table, s.tab_table) }
                        </div>
                        <p class="summary-line" id="summary-line">{ summary_text }</p>
                    </div>
                    // Filters above the map, so that their effect is in view.
                    if !present {
                    <FilterPanel {lang} filters={filters.clone()} {companies}
                        on_company={cb.company.clone()} on_category={cb.category.clone()}
                        on_evidence={cb.evidence.clone()} on_reset={cb.reset.clone()} />
                    }
                    <div class="tab-panel" id="panel-map" role="tabpanel" aria-labelledby="tab-map" hidden={state.view.tab != Tab::Map}>
                        <div class="stage">
                            <div class="map-col">
                                if !present {
                                <ZoomControls {lang} region={state.view.region} zoomed={state.zoom.is_some()}
                                    on_zoom={cb.zoom_by.clone()} on_region={cb.region.clone()} />
                                }
                                <MapView loaded={loaded.clone()} stats={stats.clone()} selected={selected.clone()} {lang} {year}
                                    zoom={state.zoom} on_zoom={cb.zoom_at.clone()} on_pan={cb.pan.clone()}
                                    on_select={cb.select.clone()} on_clear={on_clear.clone()} />
                                if !present && state.view.tab == Tab::Map { { timeline.clone() } }
                                <Legend {lang} {has_markers} {year} selected={selected.is_some()} />
                            </div>
                            <div class="panel-col" hidden={present}>
                                if let Some(iso3) = selected.clone() {
                                    <CountryPanel loaded={loaded.clone()} {iso3} {lang} deployments={selected_deps.0.clone()} hidden={panel_hidden} on_close={on_clear.clone()} />
                                } else {
                                    <p class="prompt">{ s.select_prompt }</p>
                                }
                            </div>
                        </div>
                    </div>
                    <div class="tab-panel" id="panel-table" role="tabpanel" aria-labelledby="tab-table" hidden={state.view.tab != Tab::Table}>
                        if state.view.tab == Tab::Table {
                            { timeline }
                            <DataTable loaded={loaded.clone()} rows={visible.clone()} {lang} caption={table_caption} on_select={on_table_select} />
                        }
                    </div>
                    if !present {
                    <SharePanel {lang} snippet={snippet} {amp} {image} citation={citation} status={(*status).clone()} {on_copy} {on_export} {on_present}
                        on_handout={to_action(&state.dispatcher(), |_: ()| Action::Handout(true))} />
                    }
                    if !present && !state.view.embed {
                        <Glance loaded={loaded.clone()} {lang} />
                    }
                    if !present {
                        <EventList loaded={loaded.clone()} events={events.clone()} {year} {lang} on_choose={cb.choose_event.clone()} />
                    }
                    <p class="visually-hidden" aria-live="polite" id="year-announcer">{ if state.playing { String::new() } else { year_text } }</p>
                    <p class="visually-hidden" aria-live="polite" id="announcer">{ selection_text.unwrap_or_default() }</p>
                    <AboutData loaded={loaded.clone()} {lang} />
                    <Credits {lang} loaded={loaded.clone()} />
                    if state.view.embed {
                        <p class="full-link"><a href={full_link} target="_blank" rel="noopener">{ s.open_full }</a></p>
                    } else {
                        { prefs }
                    }
                </>
            }
        }
    };

    html! {
        <div class={classes!("atlas", state.view.embed.then_some("embed"), (state.view.embed && !state.view.embed_full).then_some("bounded"), state.view.present.then_some("present"), (state.view.present && state.view.presenter).then_some("presenter"), state.handout.then_some("handout-open"))} lang={s.code} dir={lang.dir()} {onkeydown}>
            <header class="masthead">
                <h1>{ s.title }</h1>
                if !state.view.embed { <p class="dek">{ s.subtitle }</p> }
                if !s.entries_in_english.is_empty() { <p class="lang-note">{ s.entries_in_english }</p> }
            </header>
            { body }
        </div>
    }
}

/// Opens the presenter's window on the current step (same page, `view=presenter`).
fn presenter_window(here: &str, view: &crate::state::view::ViewState) -> Callback<()> {
    let mut v = view.clone();
    v.presenter = true;
    let target = format!("{}{}", here.split(['?', '#']).next().unwrap_or(""), url::serialize(&v));
    Callback::from(move |_: ()| {
        crate::web::channel::open_window(&target);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_parameter_accepts_relative_and_http_urls_only() {
        assert_eq!(data_url_from_query(""), DATA_URL);
        assert_eq!(data_url_from_query("?data=data%2Fother.json"), "data/other.json");
        assert_eq!(data_url_from_query("?data=https://example.org/a.json"), "https://example.org/a.json");
        for bad in ["?data=javascript:alert(1)", "?data=data:application/json,{}", "?data=//evil.example/x.json", "?data=", "?data=%0A"] {
            assert_eq!(data_url_from_query(bad), DATA_URL, "{bad}");
        }
    }
}

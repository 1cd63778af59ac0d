//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, a click on a country
//! reaches the panel, Escape clears it, a failed fetch shows a specific error, and address-bar
//! writes wait and coalesce (replace) or are immediate (push).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;
use surveillance_atlas::components::app::{App, AppProps};
use surveillance_atlas::state::app::{Action, AppState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../assets/data/atlas.json");
const WORLD: &str = include_str!("../assets/geo/world.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_root(id: &str) -> web_sys::Element {
    let el = document().create_element("div").unwrap();
    el.set_id(id);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn tick() {
    // Let Yew render and effects run.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

async fn wait_for(root: &web_sys::Element, selector: &str, limit: Duration) -> Option<web_sys::Element> {
    let steps = (limit.as_millis() / 30) as usize;
    for _ in 0..steps {
        if let Ok(Some(el)) = root.query_selector(selector) {
            return Some(el);
        }
        tick().await;
    }
    None
}

fn ready_state() -> Rc<AppState> {
    let loaded = surveillance_atlas::data::load::build("data/atlas.json", DATA, WORLD).expect("data loads");
    Rc::new(AppState::default().apply(Action::Loaded(Rc::new(loaded))))
}

#[wasm_bindgen_test]
async fn app_mounts_and_a_click_reaches_the_panel() {
    let root = fresh_root("t-click");
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { initial: Some(ready_state()), prerendered: None }).render();
    let ken = wait_for(&root, "#c-KEN", Duration::from_secs(5)).await.expect("Kenya is drawn");
    assert!(root.query_selector_all("svg.map path").unwrap().length() > 150);
    assert!(root.query_selector("#country-panel").unwrap().is_none());
    // A real click bubbles (the map handles clicks by delegation on the <svg>).
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    ken.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    let panel = wait_for(&root, "#country-panel", Duration::from_secs(2)).await.expect("panel opens");
    assert_eq!(panel.get_attribute("data-country").as_deref(), Some("KEN"));
    assert!(panel.text_content().unwrap().contains("Kenya"));
    assert!(panel.query_selector_all("article.deployment").unwrap().length() >= 1);
    let link = panel.query_selector("a[href^='http']").unwrap().expect("a source link");
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));

    // Escape anywhere in the widget clears the selection.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    ken.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    tick().await;
    assert!(root.query_selector("#country-panel").unwrap().is_none(), "Escape clears");
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_country_selects_it() {
    let root = fresh_root("t-enter");
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { initial: Some(ready_state()), prerendered: None }).render();
    let ecu = wait_for(&root, "#c-ECU", Duration::from_secs(5)).await.expect("Ecuador is drawn");
    ecu.unchecked_ref::<web_sys::SvgElement>().focus().unwrap();
    tick().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    ecu.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    let panel = wait_for(&root, "#country-panel", Duration::from_secs(2)).await.expect("panel opens");
    assert_eq!(panel.get_attribute("data-country").as_deref(), Some("ECU"));
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_a_specific_error_with_retry() {
    // The test runner's server has no data/atlas.json: the real loader must report it.
    let root = fresh_root("t-fetch");
    yew::Renderer::<App>::with_root(root.clone()).render();
    let alert = wait_for(&root, "[role=alert]", Duration::from_secs(10)).await.expect("an error is shown");
    let text = alert.text_content().unwrap();
    assert!(text.contains("could not be loaded"), "{text}");
    assert!(text.contains("HTTP 404") || text.contains("network"), "{text}");
    assert!(alert.query_selector("button.retry").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn replace_writes_wait_and_coalesce_while_pushes_follow_the_frame() {
    use surveillance_atlas::web::history::{current_query, write_view, REPLACE_DELAY_MS};
    let history = web_sys::window().unwrap().history().unwrap();
    let length = || history.length().unwrap();
    let start = current_query();
    // Two quick replaces (a year scrub): the address bar does not change during the handler…
    write_view("?year=2011".into(), false);
    write_view("?year=2012".into(), false);
    assert_eq!(current_query(), start, "a replace is deferred");
    // Still not written a frame later: the delay covers a burst of changes…
    tick().await;
    assert_eq!(current_query(), start, "a replace waits about {REPLACE_DELAY_MS} ms, not one frame");
    // …and after the delay only the last one is written, without a new history entry.
    let before = length();
    let mut waited = 0;
    while !current_query().contains("year=2012") && waited < 60 {
        tick().await;
        waited += 1;
    }
    assert!(current_query().contains("year=2012"), "the last replace is written: {}", current_query());
    assert!(!current_query().contains("year=2011"));
    assert_eq!(length(), before, "replaces add no history entry");
    // A push (a selection) is written once the frame showing it is painted (not in the handler,
    // whose frame it would delay), within a few frames; it adds an entry and drops a pending replace.
    write_view("?year=2013".into(), false);
    write_view("?year=2012&country=KEN".into(), true);
    assert!(!current_query().contains("country=KEN"), "a push waits for the frame: {}", current_query());
    let mut frames = 0;
    while !current_query().contains("country=KEN") && frames < 10 {
        tick().await;
        frames += 1;
    }
    assert!(current_query().contains("country=KEN"), "a push lands after the frame: {}", current_query());
    assert_eq!(length(), before + 1);
    for _ in 0..(2 * REPLACE_DELAY_MS / 30) {
        tick().await;
    }
    assert!(current_query().contains("country=KEN") && !current_query().contains("2013"), "the dropped replace never lands: {}", current_query());
}

#[wasm_bindgen_test]
async fn back_or_forward_drops_waiting_writes_and_restores_without_pushing() {
    use surveillance_atlas::web::history::{current_query, navigated, write_view, REPLACE_DELAY_MS};
    let history = web_sys::window().unwrap().history().unwrap();
    let length = || history.length().unwrap();
    let frames = |n: i32| async move {
        for _ in 0..n {
            tick().await;
        }
    };
    let before = length();
    let start = current_query();
    // A selection's push is waiting for its frame when the reader goes Back: it belonged to the
    // entry just left and never lands (it would otherwise cut the Forward entries).
    write_view("?country=UGA".into(), true);
    navigated();
    frames(10).await;
    assert_eq!(length(), before, "the dropped push adds no entry");
    assert_eq!(current_query(), start, "the dropped push writes nothing");
    // The view a Back restores is already in the address bar: its write is a replace, not a push.
    navigated();
    write_view("?country=ZMB".into(), true);
    frames(2 * REPLACE_DELAY_MS / 30).await;
    assert_eq!(length(), before, "a restored view adds no entry");
    assert!(current_query().contains("country=ZMB"), "a restored view is written as a replace: {}", current_query());
    // A replace waiting when the reader goes Back is dropped too (it described the entry left).
    write_view("?country=ZMB&year=2015".into(), false);
    navigated();
    frames(2 * REPLACE_DELAY_MS / 30).await;
    assert!(!current_query().contains("2015"), "the dropped replace never lands: {}", current_query());
    // After the restored frame, the reader's next selection pushes as usual.
    navigated();
    frames(10).await;
    write_view("?country=KEN".into(), true);
    frames(10).await;
    assert!(current_query().contains("country=KEN"), "{}", current_query());
    assert_eq!(length(), before + 1, "a selection after a Back pushes");
}

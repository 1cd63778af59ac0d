//! Components rendered to HTML strings with Yew's server renderer: no browser needed.

mod common;

use std::rc::Rc;
use surveillance_atlas::components::app::{App, AppProps};
use surveillance_atlas::components::country_panel::{CountryPanel, CountryPanelProps};
use surveillance_atlas::components::legend::{Legend, LegendProps};
use surveillance_atlas::components::map_view::{MapView, MapViewProps};
use surveillance_atlas::components::status_view::{StatusView, StatusViewProps};
use surveillance_atlas::i18n::Lang;
use surveillance_atlas::state::aggregate::country_stats;
use surveillance_atlas::state::app::{Action, AppState, LoadError};
use yew::{Callback, LocalServerRenderer};

async fn render_panel(iso3: &str, loaded: Rc<surveillance_atlas::state::app::Loaded>) -> String {
    let deployments = Rc::new(loaded.deployments_in(iso3).into_iter().cloned().collect());
    let props = CountryPanelProps { loaded, iso3: iso3.to_string().into(), lang: Lang::En, deployments, hidden: 0, on_close: Callback::noop() };
    LocalServerRenderer::<CountryPanel>::with_props(props).render().await
}

fn count(h: &str, needle: &str) -> usize {
    h.matches(needle).count()
}

#[tokio::test]
async fn panel_lists_exactly_the_countrys_deployments_with_source_links() {
    let loaded = Rc::new(common::loaded());
    let html = render_panel("KEN", loaded.clone()).await;
    let kenya: Vec<_> = loaded.data.deployments.iter().filter(|d| d.country == "KEN").collect();
    assert!(!kenya.is_empty());
    assert!(html.contains(">Kenya</h2>"), "{html}");
    assert_eq!(count(&html, "<article "), kenya.len());
    for d in &kenya {
        assert!(html.contains(&format!("id=\"d-{}\"", d.id)), "missing {}", d.id);
        for sid in &d.sources {
            let src = loaded.data.sources.iter().find(|s| &s.id == sid).unwrap();
            if let Some(url) = src.url.as_ref().or(src.via.as_ref()) {
                let escaped = url.replace('&', "&amp;");
                assert!(html.contains(&format!("href=\"{escaped}\"")), "missing link {url}");
            }
        }
    }
    // Every link opens in a new tab without leaking the opener or referrer.
    let links = count(&html, "<a ");
    assert!(links > 0);
    assert_eq!(count(&html, "target=\"_blank\""), links);
    assert_eq!(count(&html, "rel=\"noopener noreferrer\""), links);
    // No other country's entries leak in.
    let uganda = loaded.data.deployments.iter().find(|d| d.country == "UGA").unwrap();
    assert!(!html.contains(&format!("id=\"d-{}\"", uganda.id)));
}

#[tokio::test]
async fn panel_shows_year_company_category_evidence_and_summary() {
    let loaded = Rc::new(common::loaded());
    let d = loaded.data.deployments.iter().find(|d| d.country == "UGA" && !d.companies.is_empty()).unwrap().clone();
    let html = render_panel("UGA", loaded.clone()).await;
    assert!(html.contains(&format!("<span class=\"year\">{}", d.year)));
    assert!(html.contains(loaded.company_name(&d.companies[0])));
    let strings = Lang::En.strings();
    assert!(html.contains(strings.category(d.categories[0])));
    assert!(html.contains(strings.evidence(d.evidence)));
    let summary_start: String = d.summary.chars().take(30).collect::<String>().replace('&', "&amp;").replace('\'', "&#39;").replace('"', "&quot;");
    assert!(html.contains(&summary_start) || html.contains(&d.summary.chars().take(10).collect::<String>()), "summary missing");
}

#[tokio::test]
async fn text_from_data_is_escaped_never_markup() {
    let mut loaded = common::loaded();
    let d = loaded.data.deployments.iter_mut().find(|d| d.country == "KEN").unwrap();
    d.summary = "<script>alert(1)</script><b>bold</b>".into();
    d.place = "<img src=x onerror=alert(1)>".into();
    let id = d.sources[0].clone();
    let src = loaded.data.sources.iter_mut().find(|s| s.id == id).unwrap();
    src.url = Some("javascript:alert(1)".into());
    src.via = None;
    let html = render_panel("KEN", Rc::new(loaded)).await;
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"), "{html}");
    assert!(!html.contains("javascript:"), "non-http links are not rendered");
}

#[tokio::test]
async fn map_draws_one_shape_per_country_and_only_shaded_ones_are_buttons() {
    let loaded = Rc::new(common::loaded());
    let stats = Rc::new(country_stats(&loaded.data.deployments, None));
    let props = MapViewProps { loaded: loaded.clone(), stats: stats.clone(), selected: Some("KEN".into()), lang: Lang::En, on_select: Callback::noop(), on_clear: Callback::noop(), zoom: None, on_zoom: Callback::noop(), on_pan: Callback::noop(), year: None };
    let html = LocalServerRenderer::<MapView>::with_props(props).render().await;
    let shapes = loaded.world.countries.iter().filter(|c| c.has_shape()).count();
    // One path per country, plus the selection outline drawn above them.
    assert_eq!(count(&html, "<path "), shapes + 1);
    assert_eq!(count(&html, "class=\"outline-selected\""), 1);
    // Every country with data is a button with an accessible name, shape or marker.
    assert_eq!(count(&html, "role=\"button\""), stats.len());
    for iso3 in stats.keys() {
        assert!(html.contains(&format!("id=\"c-{iso3}\"")), "{iso3} not drawn");
    }
    assert!(html.contains("aria-label=\"Kenya: "));
    // Exactly one tab stop (roving focus), and it is on the selected country.
    assert_eq!(count(&html, "tabindex=\"0\""), 1);
    let ken = html.find("id=\"c-KEN\"").unwrap();
    let tag_end = ken + html[ken..].find('>').unwrap();
    assert!(html[ken..tag_end].contains("tabindex=\"0\"") && html[ken..tag_end].contains("aria-pressed=\"true\""));
    // Small states named by the data are markers.
    for c in loaded.world.countries.iter().filter(|c| !c.has_shape() && stats.contains_key(&c.iso3)) {
        assert!(html.contains(&format!("<circle id=\"c-{}\"", c.iso3)));
    }
}

#[tokio::test]
async fn legend_has_every_class_and_evidence_level() {
    let html = LocalServerRenderer::<Legend>::with_props(LegendProps { lang: Lang::En, has_markers: true, year: None }).render().await;
    for b in 0..=4 {
        assert!(html.contains(&format!("swatch bin-{b}")));
    }
    for e in ["Confirmed", "Reported allegation", "Single source", "Not implemented"] {
        assert!(html.contains(e), "{e}");
    }
    assert!(html.contains(Lang::En.strings().small_states));
}

#[tokio::test]
async fn errors_are_shown_with_their_details_and_a_retry() {
    let err = LoadError { title: "The data could not be loaded.".into(), details: vec!["data/atlas.json answered HTTP 404 Not Found.".into()] };
    let html = LocalServerRenderer::<StatusView>::with_props(StatusViewProps { lang: Lang::En, error: Some(err), on_retry: Callback::noop() }).render().await;
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("HTTP 404 Not Found"));
    assert!(html.contains("Try again"));
}

#[tokio::test]
async fn app_renders_loading_then_ready_with_credits() {
    let html = LocalServerRenderer::<App>::new().render().await;
    assert!(html.contains("Loading the map and data"));
    let state = AppState::from_query("?country=KEN").apply(Action::Loaded(Rc::new(common::loaded())));
    let html = LocalServerRenderer::<App>::with_props(AppProps { initial: Some(Rc::new(state)) }).render().await;
    assert!(html.contains("id=\"country-panel\""));
    assert!(html.contains("Natural Earth") && html.contains("world-atlas") && html.contains("world-countries"));
    assert!(html.contains("Kenya: "), "live region announces the selection");
}


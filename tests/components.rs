//! Components rendered to HTML strings with Yew's server renderer: no browser needed.

mod common;

use surveillance_atlas::data::links;

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

/// The links a source gets: its original address, and a copy only on an accepted copy host.
fn expected_links(src: &surveillance_atlas::data::model::Source) -> Vec<String> {
    src.url.iter().cloned().chain(src.via.iter().filter(|v| links::is_accepted_copy(v)).cloned()).collect()
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
            for url in expected_links(src) {
                let escaped = url.replace('&', "&amp;");
                assert!(html.contains(&format!("href=\"{escaped}\"")), "missing link {url}");
            }
            if let Some(via) = src.via.as_ref().filter(|v| !links::is_accepted_copy(v)) {
                assert!(!html.contains(&format!("href=\"{}\"", via.replace('&', "&amp;"))), "a copy on a host not on the list is linked: {via}");
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
    // One path per country, plus the selection drawn above them: a halo, then the outline.
    assert_eq!(count(&html, "<path "), shapes + 2);
    assert_eq!(count(&html, "class=\"outline-halo\""), 1);
    assert_eq!(count(&html, "class=\"outline-selected\""), 1);
    // Every country with data is a button with an accessible name, shape or marker; so is China,
    // the origin of the exports, hatched with its own pattern.
    assert!(!stats.contains_key("CHN"));
    assert_eq!(count(&html, "role=\"button\""), stats.len() + 1);
    assert!(html.contains("aria-label=\"China: origin of the exports\""));
    assert!(html.contains("id=\"origin-hatch\""));
    let chn = html.find("id=\"c-CHN\"").unwrap();
    assert!(html[chn..chn + html[chn..].find('>').unwrap()].contains("origin"));
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
    let html = LocalServerRenderer::<Legend>::with_props(LegendProps { lang: Lang::En, has_markers: true, year: Some(2019), selected: true }).render().await;
    for key in [Lang::En.strings().legend_origin, Lang::En.strings().legend_new, Lang::En.strings().legend_selected] {
        assert!(html.contains(key), "{key}");
    }
    let plain = LocalServerRenderer::<Legend>::with_props(LegendProps { lang: Lang::En, has_markers: true, year: None, selected: false }).render().await;
    assert!(!plain.contains(Lang::En.strings().legend_selected) && !plain.contains(Lang::En.strings().legend_new));
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
async fn errors_speak_the_readers_language() {
    let err = LoadError { title: "The data could not be loaded.".into(), details: vec!["data/atlas.json answered HTTP 404 Not Found.".into()] };
    for (lang, heading, retry) in [(Lang::Es, "No se pudo cargar el atlas.", "Reintentar"), (Lang::Ar, "تعذّر تحميل الأطلس.", "إعادة المحاولة"), (Lang::Zh, "地图集无法加载。", "重试")] {
        let html = LocalServerRenderer::<StatusView>::with_props(StatusViewProps { lang, error: Some(err.clone()), on_retry: Callback::noop() }).render().await;
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{html}");
        assert!(html.contains("<p lang=\"en\">The data could not be loaded.</p>") && html.contains(retry), "{html}");
    }
}

#[tokio::test]
async fn app_renders_loading_then_ready_with_credits() {
    let html = LocalServerRenderer::<App>::new().render().await;
    assert!(html.contains("Loading the map and data"));
    let state = AppState::from_query("?country=KEN").apply(Action::Loaded(Rc::new(common::loaded())));
    let html = LocalServerRenderer::<App>::with_props(AppProps { initial: Some(Rc::new(state)), prerendered: None }).render().await;
    assert!(html.contains("id=\"country-panel\""));
    assert!(html.contains("Natural Earth") && html.contains("world-atlas") && html.contains("world-countries"));
    assert!(html.contains("Kenya: "), "live region announces the selection");
}


#[tokio::test]
async fn timeline_slider_has_the_aria_slider_attributes_and_year_bars() {
    use surveillance_atlas::components::timeline::{Timeline, TimelineProps};
    use surveillance_atlas::state::timeline::{bars, year_range};
    let loaded = common::loaded();
    let range = year_range(&loaded.data).unwrap();
    let deps: Vec<_> = loaded.data.deployments.iter().collect();
    let evs: Vec<_> = loaded.data.events.iter().collect();
    let props = TimelineProps {
        lang: Lang::En,
        bars: Rc::new(bars(&deps, &evs, range)),
        range,
        year: Some(2016),
        playing: false,
        value_text: "2016: 20 countries, 30 deployments".into(),
        on_year: Callback::noop(),
        on_step: Callback::noop(),
        on_play: Callback::noop(),
        on_pause: Callback::noop(),
    };
    let html = LocalServerRenderer::<Timeline>::with_props(props).render().await;
    assert!(html.contains("role=\"slider\""));
    assert!(html.contains(&format!("aria-valuemin=\"{}\"", range.0)) && html.contains(&format!("aria-valuemax=\"{}\"", range.1)));
    assert!(html.contains("aria-valuenow=\"2016\"") && html.contains("aria-valuetext=\"2016: 20 countries, 30 deployments\""));
    assert_eq!(count(&html, "class=\"tl-label ") + count(&html, "class=\"tl-label\""), (range.1 - range.0 + 1) as usize, "one axis label per year");
    // The selected year stands out: its column is highlighted and the later years are veiled.
    let col = |y: i32| (y - range.0) as f64 * 10.0;
    assert_eq!(count(&html, "class=\"col-bg\""), 1);
    // The opening tag of the element with this class.
    let tag = |class: &str| {
        let at = html.find(&format!("class=\"{class}\"")).unwrap_or_else(|| panic!("no {class}"));
        let start = html[..at].rfind('<').unwrap();
        html[start..at + html[at..].find('>').unwrap()].to_string()
    };
    let highlight = tag("col-bg");
    assert!(highlight.contains(&format!("x=\"{:.1}\"", col(2016))) && highlight.contains("width=\"10\""), "highlight at 2016: {highlight}");
    let veil = tag("tl-after");
    assert!(veil.contains(&format!("x=\"{:.1}\"", col(2017))) && veil.contains(&format!("width=\"{:.1}\"", col(range.1 + 1) - col(2017))), "veil from 2017 on: {veil}");
    assert_eq!(count(&html, "class=\"yr\""), (range.1 - range.0 + 1) as usize, "one column of bars per year");
    assert!(html.contains("aria-pressed=\"false\"") && html.contains(" Play</button>"), "Play button, not pressed");
}

#[tokio::test]
async fn table_lists_rows_with_sortable_headers_and_sources() {
    use surveillance_atlas::components::data_table::{DataTable, DataTableProps};
    let loaded = Rc::new(common::loaded());
    let rows: Vec<_> = loaded.data.deployments.iter().filter(|d| d.year <= 2015).cloned().collect();
    let n = rows.len();
    let props = DataTableProps { loaded: loaded.clone(), rows: Rc::new(rows), lang: Lang::En, caption: "up to 2015".into(), on_select: Callback::noop(), plain: false };
    let html = LocalServerRenderer::<DataTable>::with_props(props).render().await;
    assert_eq!(count(&html, "<tr id=\"row-"), n);
    assert_eq!(count(&html, "aria-sort="), 5, "country, year, company, technology, evidence");
    assert!(html.contains("aria-sort=\"ascending\""), "sorted by year at first");
    assert!(html.contains(&format!("Deployments shown ({n}) up to 2015")));
    // Each row's sources sit in a closed list: its summary counts them, its links wait until it opens.
    assert_eq!(count(&html, "<details class=\"sources\""), n);
    assert_eq!(count(&html, "rel=\"noopener noreferrer\""), 0, "closed lists render no links");
}

#[tokio::test]
async fn source_lists_render_their_links_only_when_open() {
    use surveillance_atlas::components::source_list::{SourceList, SourceListProps};
    let loaded = Rc::new(common::loaded());
    let d = loaded.data.deployments.iter().find(|d| d.sources.len() >= 2).expect("an entry with two sources").clone();
    let props = |open| SourceListProps { loaded: loaded.clone(), ids: d.sources.clone(), lang: Lang::Fr, open, list_class: Some("table-sources".into()) };
    let closed = LocalServerRenderer::<SourceList>::with_props(props(false)).render().await;
    assert!(closed.contains(&format!("Sources ({})</summary>", d.sources.len())), "{closed}");
    assert!(!closed.contains("<ul") && !closed.contains("<a "), "a closed list has no links: {closed}");
    assert!(!closed.contains("open="), "{closed}");
    let open = LocalServerRenderer::<SourceList>::with_props(props(true)).render().await;
    assert!(open.contains("<details open=\"open\" class=\"sources\">"), "{open}");
    assert!(open.contains("<ul class=\"table-sources\">"), "{open}");
    for sid in &d.sources {
        let src = loaded.data.sources.iter().find(|s| &s.id == sid).unwrap();
        for url in expected_links(src) {
            assert!(open.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))), "missing {sid}: {open}");
        }
    }
    assert_eq!(count(&open, "class=\"source\""), d.sources.len());
}

#[tokio::test]
async fn filters_search_and_events_render_their_controls() {
    use surveillance_atlas::components::event_list::{EventList, EventListProps};
    use surveillance_atlas::components::filter_panel::{FilterPanel, FilterPanelProps};
    use surveillance_atlas::components::search_box::{SearchBox, SearchBoxProps};
    use surveillance_atlas::state::view::Filters;
    let loaded = Rc::new(common::loaded());
    let mut filters = Filters::default();
    filters.companies.insert("huawei".into());
    let html = LocalServerRenderer::<FilterPanel>::with_props(FilterPanelProps {
        lang: Lang::Fr,
        filters,
        companies: vec![("huawei".into(), "Huawei".into(), 30), ("zte".into(), "ZTE".into(), 8)],
        on_company: Callback::noop(),
        on_category: Callback::noop(),
        on_evidence: Callback::noop(),
        on_reset: Callback::noop(),
    })
    .render()
    .await;
    assert_eq!(count(&html, "type=\"checkbox\""), 2 + 10 + 4);
    assert_eq!(count(&html, "checked"), 1);
    assert!(html.contains("Filtres (1)") && html.contains("Réinitialiser les filtres"));

    let entries = Rc::new(surveillance_atlas::state::search_index::entries(&loaded, Lang::En, None));
    let html = LocalServerRenderer::<SearchBox>::with_props(SearchBoxProps { lang: Lang::En, entries, on_choose: Callback::noop() }).render().await;
    assert!(html.contains("role=\"combobox\"") && html.contains("aria-controls=\"search-list\"") && html.contains("aria-expanded=\"false\""));
    assert!(html.contains("role=\"listbox\""));
    // The app's search box (names arriving after start re-render it alone) renders the same
    // combobox, over the same entries (natively the names are read at once).
    use surveillance_atlas::components::site_search::{SiteSearch, SiteSearchProps};
    let plain = |h: String| h.split("<!--").map(|p| p.split_once("-->").map(|(_, rest)| rest).unwrap_or(p)).collect::<String>();
    let site = LocalServerRenderer::<SiteSearch>::with_props(SiteSearchProps { loaded: loaded.clone(), lang: Lang::En, on_choose: Callback::noop() }).render().await;
    let names = surveillance_atlas::i18n::pack::parse_names(surveillance_atlas::i18n::pack::committed_names()).unwrap();
    let entries = Rc::new(surveillance_atlas::state::search_index::entries(&loaded, Lang::En, Some(&names)));
    let with_names = LocalServerRenderer::<SearchBox>::with_props(SearchBoxProps { lang: Lang::En, entries, on_choose: Callback::noop() }).render().await;
    assert_eq!(plain(site), plain(with_names));

    let events: Vec<_> = loaded.data.events.iter().map(|e| Rc::new(e.clone())).collect();
    let in_2019 = events.iter().filter(|e| e.year() == Some(2019)).count();
    let html = LocalServerRenderer::<EventList>::with_props(EventListProps { loaded: loaded.clone(), events: Rc::new(events), year: Some(2019), lang: Lang::En, on_choose: Callback::noop() })
        .render()
        .await;
    assert_eq!(count(&html, "class=\"ev-choose\""), loaded.data.events.len());
    assert_eq!(count(&html, "class=\"event current"), in_2019);
}

#[tokio::test]
async fn a_source_links_its_original_and_labels_an_archived_copy_and_never_links_a_content_farm() {
    use surveillance_atlas::components::source_link::{SourceLink, SourceLinkProps};
    use surveillance_atlas::data::model::Source;
    let base = Source { id: "wsj".into(), publisher: "The Wall Street Journal".into(), title: "Huawei Technicians Helped".into(), date: "2019-08-15".into(), ..Default::default() };
    let render = |src: Source| async move { LocalServerRenderer::<SourceLink>::with_props(SourceLinkProps { source: src, lang: Lang::En }).render().await };
    // Original and an archive copy: the title links to the original, the copy says it is one.
    let both = render(Source { url: Some("https://www.wsj.com/articles/x-11565793017".into()), via: Some("https://web.archive.org/web/2019/https://www.wsj.com/articles/x".into()), ..base.clone() }).await;
    assert!(both.contains("class=\"original\"") && both.contains("href=\"https://www.wsj.com/articles/x-11565793017\""), "{both}");
    assert!(both.contains("class=\"copy\"") && both.contains("copy at web.archive.org"), "{both}");
    // Only a content-farm copy: nothing is linked, the title stays as text.
    let farm = render(Source { via: Some("https://thetowerpost.com/2019/08/15/huawei".into()), ..base.clone() }).await;
    assert!(!farm.contains("<a "), "a copy on a host not on the list is never linked: {farm}");
    assert!(farm.contains("<cite>Huawei Technicians Helped</cite>"), "{farm}");
    // Only an archive copy: the title is text, the copy link is labelled as a copy.
    let archived = render(Source { via: Some("https://archive.ph/abcd".into()), ..base }).await;
    assert_eq!(count(&archived, "<a "), 1, "{archived}");
    assert!(archived.contains("copy at archive.ph"), "{archived}");
}

#[tokio::test]
async fn a_translated_summary_shows_in_its_language_with_lang_and_the_english_elsewhere() {
    use surveillance_atlas::components::event_list::{EventList, EventListProps};
    let loaded = Rc::new(common::loaded());
    let d = loaded.data.deployments.iter().find(|d| d.translations.contains_key("es")).expect("the shipped data translates a summary into Spanish").clone();
    let es = d.translations["es"].summary.clone().unwrap();
    let escape = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&#39;").replace('<', "&lt;");
    let panel = |lang: Lang| {
        let deployments = Rc::new(loaded.deployments_in(&d.country).into_iter().cloned().collect());
        LocalServerRenderer::<CountryPanel>::with_props(CountryPanelProps { loaded: loaded.clone(), iso3: d.country.clone().into(), lang, deployments, hidden: 0, on_close: Callback::noop() }).render()
    };
    // The language of the element whose text is `text`: the `lang` attribute of its opening tag.
    let lang_of = |html: &str, text: &str| -> Option<String> {
        let at = html.find(&format!(">{text}<"))?;
        let tag = &html[html[..at].rfind('<')?..at];
        Some(tag.split("lang=\"").nth(1)?.split('"').next()?.to_string())
    };
    let html = panel(Lang::Es).await;
    assert_eq!(lang_of(&html, &escape(&es)).as_deref(), Some("es"), "Spanish summary with lang=es: {html}");
    assert!(!html.contains(&escape(&d.summary)), "the English original is replaced");
    // In a language without a translation, the English original, marked English.
    let html = panel(Lang::Pt).await;
    assert_eq!(lang_of(&html, &escape(&d.summary)).as_deref(), Some("en"), "English original with lang=en");
    // An event's translated title and summary in the event strip.
    let ev = loaded.data.events.iter().find(|e| e.translations.get("es").is_some_and(|t| t.title.is_some())).expect("a translated event title").clone();
    let events = Rc::new(vec![Rc::new(ev.clone())]);
    let html = LocalServerRenderer::<EventList>::with_props(EventListProps { loaded: loaded.clone(), events: events.clone(), year: None, lang: Lang::Es, on_choose: Callback::noop() }).render().await;
    let t = &ev.translations["es"];
    assert_eq!(lang_of(&html, &escape(t.title.as_deref().unwrap())).as_deref(), Some("es"), "{html}");
    assert_eq!(lang_of(&html, &escape(t.summary.as_deref().unwrap())).as_deref(), Some("es"), "{html}");
    let html = LocalServerRenderer::<EventList>::with_props(EventListProps { loaded: loaded.clone(), events, year: None, lang: Lang::Fr, on_choose: Callback::noop() }).render().await;
    assert_eq!(lang_of(&html, &escape(&ev.title)).as_deref(), Some("en"), "{html}");
}

//! The build-time prerender (`atlas-prerender`): pages hold the whole first view and the no-script
//! table, in every language; country pages hold their panel; preview images are real pictures.

mod common;

use std::rc::Rc;
use surveillance_atlas::export::svg::FILLS;
use surveillance_atlas::i18n::Lang;
use surveillance_atlas::prerender::{self, preview, Page, Parts};
use surveillance_atlas::state::aggregate::colour_bin;
use surveillance_atlas::state::app::Loaded;

/// Text as Yew writes it in element content.
fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

async fn page_html(loaded: Rc<Loaded>, page: &Page) -> String {
    let template = common::read("index.html");
    let app = prerender::render_app(loaded.clone(), &page.query).await;
    let index = prerender::render_index(loaded, page.lang, page.country.as_deref()).await;
    prerender::assemble(&template, page, None, &Parts { app: &app, index: &index }).unwrap()
}

#[tokio::test]
async fn home_page_holds_every_shape_summary_and_source_link() {
    let loaded = Rc::new(common::loaded());
    let pages = prerender::pages(&loaded);
    let html = page_html(loaded.clone(), &pages[0]).await;
    let app = &html[html.find("<main id=\"app\"").unwrap()..html.find("</main>").unwrap()];
    // Every country with a shape is drawn, every shaded one as a button with its fill class.
    for (i, c) in loaded.world.countries.iter().enumerate() {
        if let Some(d) = &loaded.paths[i] {
            assert!(app.contains(&format!("d=\"{d}\"")), "no shape for {}", c.iso3);
        }
    }
    let mut shaded: Vec<&str> = loaded.data.deployments.iter().map(|d| d.country.as_str()).collect();
    shaded.sort();
    shaded.dedup();
    for iso3 in &shaded {
        assert!(app.contains(&format!("id=\"c-{iso3}\"")), "{iso3} not interactive");
    }
    assert_eq!(app.matches("class=\"country bin-").count(), loaded.paths.iter().flatten().count(), "one shape per country");
    // Legend, timeline bars, key figures, events, credits are in the first view.
    for needle in ["class=\"legend\"", "class=\"timeline\"", "class=\"tl-chart\"", "class=\"glance\"", "class=\"credits\"", "class=\"filters\"", "class=\"share\""] {
        assert!(app.contains(needle), "missing {needle}");
    }
    for e in &loaded.data.events {
        assert!(app.contains(&format!("id=\"e-{}\"", e.id)), "event {}", e.id);
    }
    // The no-script table: every deployment's summary and every source link, escaped.
    let table = &html[html.find("<noscript><section class=\"static-index\">").unwrap()..];
    for d in &loaded.data.deployments {
        assert!(table.contains(&text(&d.summary)), "summary of {}", d.id);
        for sid in &d.sources {
            let src = loaded.data.sources.iter().find(|s| &s.id == sid).unwrap();
            if let Some(url) = src.url.as_ref().or(src.via.as_ref()) {
                assert!(table.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))), "link {url} of {}", d.id);
            }
        }
        assert!(table.contains(&format!("href=\"country/{}/\"", d.country.to_ascii_lowercase())));
    }
    assert!(!table.contains("<button"), "no control that needs the app");
    // The view the markup shows is named; the data is not in the page (boot.js requests it).
    assert!(html.contains("<main id=\"app\" data-view=\"\">"));
    assert!(!html.contains("id=\"atlas-data\"") && !html.contains("id=\"atlas-geo\""));
    assert!(!table.contains("class=\"static-all\""), "the home page's table is the whole table");
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
}

#[tokio::test]
async fn markup_in_the_data_stays_text() {
    let mut data = common::dataset();
    data.deployments[0].summary = "<script>alert(1)</script> & <b>bold</b>".into();
    data.deployments[0].place = "<img src=x onerror=alert(1)>".into();
    let loaded = Rc::new(Loaded::new(data, common::world(), Vec::new()));
    let country = loaded.data.deployments[0].country.clone();
    let page = prerender::pages(&loaded).into_iter().find(|p| p.country.as_deref() == Some(country.as_str())).unwrap();
    let html = page_html(loaded, &page).await;
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b>bold"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
}

#[tokio::test]
async fn country_page_holds_its_panel_title_and_preview_tags() {
    let loaded = Rc::new(common::loaded());
    let pages = prerender::pages(&loaded);
    let mut countries: Vec<&str> = loaded.data.deployments.iter().map(|d| d.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    assert_eq!(pages.len(), (countries.len() + 1) * 6, "in six languages: home and one page per country with an entry");
    assert_eq!((pages[0].dir.as_str(), pages[0].lang), ("", Lang::En), "the English home page first");
    let kenya = pages.iter().find(|p| p.country.as_deref() == Some("KEN")).unwrap();
    assert_eq!(kenya.dir, "country/ken/");
    let html = page_html(loaded.clone(), kenya).await;
    let app = &html[html.find("<main id=\"app\"").unwrap()..html.find("</main>").unwrap()];
    assert!(app.starts_with("<main id=\"app\" data-view=\"?country=KEN\">"));
    assert!(app.contains("id=\"country-panel\"") && app.contains("data-country=\"KEN\""));
    for d in loaded.deployments_in("KEN") {
        assert!(app.contains(&format!("id=\"d-{}\"", d.id)), "{}", d.id);
    }
    assert!(!app.contains("data-country=\"UGA\""));
    assert!(html.contains("<title>Kenya · Surveillance Atlas</title>"), "own title");
    assert!(html.contains("<meta name=\"description\" content=\"Kenya: "));
    assert!(html.contains("<base href=\"../../\">"));
    assert!(html.contains("<link rel=\"canonical\" href=\"country/ken/\">"));
    assert!(html.contains("<meta property=\"og:image\" content=\"preview.png\">"));
    // The app hydrates the page with the same state as this render.
    assert_eq!(html.matches("data-view=").count(), 1);
    // Without JavaScript: the open panel lists Kenya's deployments and their sources; after it, a
    // link to the whole table and Kenya's page in the other languages (no second copy of them).
    for d in loaded.deployments_in("KEN") {
        for sid in &d.sources {
            let src = loaded.data.sources.iter().find(|s| &s.id == sid).unwrap();
            if let Some(url) = &src.url {
                assert!(app.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))), "link {url} of {}", d.id);
            }
        }
    }
    let table = &html[html.find("<noscript><section class=\"static-index\">").unwrap()..];
    assert!(!table.contains("<table"), "no table on a country page");
    // A country with more deployments than the panel's first page gets its own table too.
    let mut data = common::dataset();
    let first = data.deployments.iter().find(|d| d.country == "KEN").unwrap().clone();
    for i in 0..surveillance_atlas::state::table::PANEL_PAGE {
        let mut d = first.clone();
        d.id = format!("ken-extra-{i}");
        data.deployments.push(d);
    }
    let many = Rc::new(Loaded::new(data, common::world(), Vec::new()));
    let index = prerender::render_index(many.clone(), Lang::En, Some("KEN")).await;
    assert_eq!(index.matches("<tr ").count(), many.deployments_in("KEN").len(), "{index}");
    assert!(table.contains(&format!(r#"<p class="static-all"><a href="./">{}</a></p>"#, text(Lang::En.strings().static_all))));
    assert!(table.contains(r#"<a href="fr/country/ken/" hreflang="fr" lang="fr">Français</a>"#), "{table}");
}

#[tokio::test]
async fn every_country_page_exists_in_every_language() {
    let loaded = Rc::new(common::loaded());
    let pages = prerender::pages(&loaded);
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let s = lang.strings();
        let page = pages.iter().find(|p| p.lang == lang && p.country.as_deref() == Some("KEN")).unwrap_or_else(|| panic!("no {lang:?} Kenya page"));
        assert_eq!(page.dir, format!("{}/country/ken/", lang.code()));
        assert_eq!(page.query, format!("?country=KEN&lang={}", lang.code()));
        let name = loaded.country_name_in("KEN", lang);
        assert_eq!(page.title, format!("{name} · {}", s.title));
        assert!(page.description.starts_with(&format!("{name}: {}", s.deployments(loaded.deployments_in("KEN").len()))), "{lang:?}: {}", page.description);
        let html = page_html(loaded.clone(), page).await;
        assert!(html.contains(&format!(r#"<html lang="{}" dir="{}">"#, lang.code(), lang.dir())), "{lang:?}");
        assert!(html.contains(r#"<base href="../../../">"#), "{lang:?}: base");
        let app = &html[html.find("<main id=\"app\"").unwrap()..html.find("</main>").unwrap()];
        assert!(app.starts_with(&format!(r#"<main id="app" data-view="?country=KEN&amp;lang={}">"#, lang.code())), "{lang:?}: {}", &app[..80]);
        assert!(app.contains("id=\"country-panel\"") && app.contains(&format!(">{}</h2>", text(&name))), "{lang:?}: the panel, in the language");
        let table = &html[html.find("<noscript><section class=\"static-index\">").unwrap()..];
        assert!(table.contains(&format!(r#"<p class="static-all"><a href="{}/">{}</a></p>"#, lang.code(), text(s.static_all))), "{lang:?}");
        assert!(table.contains(r#"<a href="country/ken/" hreflang="en" lang="en">English</a>"#), "{lang:?}");
        assert!(html.contains(&format!(r#"<link rel="canonical" href="{}/country/ken/">"#, lang.code())), "{lang:?}");
        assert!(html.contains(r#"id="atlas-pack""#), "{lang:?}: the pack travels in the page");
    }
    // Each page's own table links countries to their pages in its language.
    let es = pages.iter().find(|p| p.lang == Lang::Es && p.country.is_none()).unwrap();
    let html = page_html(loaded.clone(), es).await;
    assert!(html.contains(r#"href="es/country/ken/""#));
}

/// Where a point of the map lands in a preview: the export draws the map in a nested
/// `<svg x y width height viewBox>`, read from the SVG text.
fn preview_pixel(svg: &str, svg_h: f64, p: [f64; 2]) -> (u32, u32) {
    let inner = &svg[svg.find("<svg x=").unwrap()..];
    let attr = |name: &str| -> f64 {
        let at = inner.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        inner[at..].split('"').next().unwrap().split(' ').next().unwrap().parse().unwrap()
    };
    let vb: Vec<f64> = inner[inner.find("viewBox=\"").unwrap() + 9..].split('"').next().unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    let k_map = attr("width") / vb[2];
    let (k, dx, dy) = preview::fit(1200.0, svg_h);
    (((attr("x") + (p[0] - vb[0]) * k_map) * k + dx) as u32, ((attr("y") + (p[1] - vb[1]) * k_map) * k + dy) as u32)
}

fn rgb(p: &resvg::tiny_skia::Pixmap, (x, y): (u32, u32)) -> String {
    let c = p.pixel(x, y).unwrap();
    format!("#{:02x}{:02x}{:02x}", c.red(), c.green(), c.blue())
}

#[test]
fn preview_is_a_1200_by_630_picture_of_the_map() {
    let loaded = common::loaded();
    let raster = preview::Rasteriser::from_env().expect("the preview font is installed (scripts/setup.sh)");
    let (svg, h) = preview::preview_svg(&loaded, None, "https://news.example/atlas/", Lang::En);
    let png = raster.png(&svg, h).unwrap();
    let img = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((img.width(), img.height()), (preview::WIDTH, preview::HEIGHT));
    // Ocean (the South Pacific) is the background; Kenya has its scale colour.
    assert_eq!(rgb(&img, preview_pixel(&svg, h, [60.0, 300.0])), "#ffffff");
    let ken = loaded.world.countries.iter().find(|c| c.iso3 == "KEN").unwrap();
    let centre = [(ken.bbox[0] + ken.bbox[2]) / 2.0, (ken.bbox[1] + ken.bbox[3]) / 2.0];
    let n = loaded.deployments_in("KEN").len();
    assert_eq!(rgb(&img, preview_pixel(&svg, h, centre)), FILLS[colour_bin(n)]);
    // Text was drawn (the title): dark pixels in the top band.
    let dark = (0..preview::WIDTH).flat_map(|x| (0..60).map(move |y| (x, y))).filter(|&(x, y)| img.pixel(x, y).unwrap().red() < 80).count();
    assert!(dark > 500, "title text drawn ({dark} dark pixels)");
    // A country preview outlines its country in the selection colour.
    let (svg, h) = preview::preview_svg(&loaded, Some("KEN"), "", Lang::En);
    let outline = surveillance_atlas::export::svg::SELECTED_STROKE;
    assert!(svg.contains(&format!("stroke=\"{outline}\"")));
    let img = resvg::tiny_skia::Pixmap::decode_png(&raster.png(&svg, h).unwrap()).unwrap();
    let orange = (0..preview::WIDTH).flat_map(|x| (0..preview::HEIGHT).map(move |y| (x, y))).filter(|&p| rgb(&img, p) == outline).count();
    assert!(orange > 10, "Kenya outlined ({orange} px)");
}


#[tokio::test]
async fn every_other_language_has_a_home_page_in_that_language_without_javascript() {
    let loaded = Rc::new(common::loaded());
    let pages = prerender::pages(&loaded);
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let s = lang.strings();
        let page = pages.iter().find(|p| p.lang == lang).unwrap_or_else(|| panic!("no {lang:?} page"));
        assert_eq!((page.dir.as_str(), page.query.as_str(), page.country.as_deref()), (format!("{}/", lang.code()).as_str(), format!("?lang={}", lang.code()).as_str(), None));
        let html = page_html(loaded.clone(), page).await;
        assert!(html.contains(&format!(r#"<html lang="{}" dir="{}">"#, lang.code(), lang.dir())), "{lang:?}: html lang dir");
        assert!(html.contains(&format!("<title>{}</title>", text(s.title))), "{lang:?}: title");
        assert!(html.contains(r#"<base href="../">"#), "{lang:?}: base");
        let app = &html[html.find("<main id=\"app\"").unwrap()..html.find("</main>").unwrap()];
        assert!(app.starts_with(&format!(r#"<main id="app" data-view="?lang={}">"#, lang.code())));
        assert!(app.contains(&format!(">{}</h1>", text(s.title))), "{lang:?}: the app is rendered in the language");
        // Country names in the language (world-countries' translations, from the pack).
        let civ = loaded.country_name_in("CIV", lang);
        assert!(civ != "Ivory Coast" && (html.contains(&text(&civ)) || html.contains(&text(&civ).replace('\'', "&#39;"))), "{lang:?}: {civ}");
        // The no-script table speaks the language and links the other languages' pages.
        let table = &html[html.find("<noscript><section class=\"static-index\">").unwrap()..];
        assert!(table.contains(&format!(">{}<", text(s.columns[0]))), "{lang:?}: table header");
        assert!(table.contains(r#"<a href="./" hreflang="en" lang="en">English</a>"#), "{lang:?}: link to English");
        assert!(!table.contains(&format!(r#"hreflang="{}""#, lang.code())), "{lang:?}: no link to itself");
        // The pack travels in the page, so hydration needs no fetch.
        assert!(html.contains(r#"<script type="application/json" id="atlas-pack">"#), "{lang:?}: pack block");
        assert!(html.contains(&format!(r#"<meta property="og:locale" content="{}">"#, lang.code())));
        for other in Lang::ALL {
            assert!(html.contains(&format!(r#"hreflang="{}""#, other.code())), "{lang:?}: alternate {other:?}");
        }
    }
    // English pages carry no pack and say lang="en".
    let home = page_html(loaded.clone(), &pages[0]).await;
    assert!(home.contains(r#"<html lang="en" dir="ltr">"#) && !home.contains("atlas-pack"));
    assert!(home.contains(r#"<link rel="alternate" hreflang="ar" href="ar/">"#));
}

#[test]
fn the_chinese_and_arabic_previews_draw_their_title() {
    let loaded = common::loaded();
    let raster = preview::Rasteriser::from_env().unwrap();
    for lang in [Lang::Zh, Lang::Ar] {
        let (svg, h) = preview::preview_svg(&loaded, None, "", lang);
        assert!(svg.contains(lang.strings().title), "{lang:?}: title in the SVG");
        let img = resvg::tiny_skia::Pixmap::decode_png(&raster.png(&svg, h).unwrap()).unwrap();
        let dark = (0..preview::WIDTH).flat_map(|x| (0..60).map(move |y| (x, y))).filter(|&(x, y)| img.pixel(x, y).unwrap().red() < 80).count();
        assert!(dark > 300, "{lang:?}: title drawn ({dark} dark pixels)");
    }
}

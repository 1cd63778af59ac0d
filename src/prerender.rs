//! Build-time prerender (native only; `atlas-prerender` runs it on Trunk's output, see
//! `Trunk.toml`): the app rendered to HTML by Yew's server renderer with the bundled data, in every
//! language, for the default view (`index.html`, `fr/index.html`…) and for each country with an
//! entry (`country/<iso3>/index.html`, `fr/country/<iso3>/index.html`…); for readers without
//! JavaScript, a plain table of every deployment with its sources on the home pages; and link-preview tags
//! pointing at images rendered from the same SVG as "Download SVG" (`preview`). The pages carry
//! neither the dataset nor the geometry: `assets/boot.js` requests both beside the wasm (one copy
//! for every page, cached once), and the app hydrates the markup when they have arrived.

pub mod preview;

use crate::components::app::{initial_state, App, AppProps};
use crate::components::data_table::{DataTable, DataTableProps};
use crate::data::model::Deployment;
use crate::export::svg::xml_escape;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::web::boot::VIEW_ATTR;
use std::rc::Rc;
use yew::LocalServerRenderer;

/// Environment variable naming the public base URL the site is served from (e.g.
/// `https://news.example/atlas/`), for absolute canonical, Open Graph and Twitter URLs. Unset,
/// the tags use relative URLs.
pub const PUBLIC_URL_ENV: &str = "ATLAS_PUBLIC_URL";

/// Every preview image's file name, next to its page.
pub const PREVIEW: &str = crate::export::embed::PREVIEW;

/// One page the prerender writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The language the page is written in (`<html lang dir>`, strings, the no-script table).
    pub lang: Lang,
    /// The view the page shows, as a query string (`""`, `?country=KEN`).
    pub query: String,
    /// The page's folder relative to the site root: `""` or `country/ken/`.
    pub dir: String,
    /// The selected country, if any.
    pub country: Option<String>,
    pub title: String,
    pub description: String,
    /// Text alternative of the preview image.
    pub image_alt: String,
}

impl Page {
    /// How many folders below the site root the page is.
    pub fn depth(&self) -> usize {
        self.dir.matches('/').count()
    }
}

/// The folder of a language's home page: `""` for English, `fr/` for French.
pub use crate::state::url::lang_dir;

/// The site's pages, in every language: the default view, then one page per country with an
/// entry (by code). English at the site root (`index.html`, `country/ken/`), every other language
/// in its folder (`fr/`, `fr/country/ken/`), so that a reader without JavaScript, a link preview
/// or a search engine gets the view in that language. The English home page comes first.
pub fn pages(loaded: &Loaded) -> Vec<Page> {
    let data = &loaded.data;
    let mut countries: Vec<&str> = data.deployments.iter().map(|d| d.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let s = lang.strings();
        let home_description = if lang == Lang::En && !data.meta.description.is_empty() { data.meta.description.clone() } else { s.subtitle.to_string() };
        out.push(Page {
            lang,
            query: if lang == Lang::En { String::new() } else { format!("?lang={}", lang.code()) },
            dir: lang_dir(lang),
            country: None,
            // The English home page keeps index.html's title.
            title: if lang == Lang::En { String::new() } else { s.title.to_string() },
            description: home_description.clone(),
            image_alt: crate::export::embed::preview_alt(s, None, countries.len(), data.deployments.len()),
        });
        for &iso3 in &countries {
            let name = loaded.country_name_in(iso3, lang);
            let deps: Vec<&Deployment> = loaded.deployments_in(iso3);
            let span = match (deps.first().map(|d| d.year), deps.iter().map(|d| d.end_year.unwrap_or(d.year)).max()) {
                (Some(a), Some(b)) if a != b => format!(", {a}–{b}"),
                (Some(a), _) => format!(", {a}"),
                _ => String::new(),
            };
            let mut companies: Vec<&str> = deps.iter().flat_map(|d| d.companies.iter().map(|c| loaded.company_name(c))).collect();
            companies.sort();
            companies.dedup();
            let by = if companies.is_empty() { String::new() } else { format!(" ({})", companies.join(", ")) };
            let lang_q = if lang == Lang::En { String::new() } else { format!("&lang={}", lang.code()) };
            out.push(Page {
                lang,
                query: format!("?country={iso3}{lang_q}"),
                dir: crate::state::url::country_page_in(lang, iso3),
                country: Some(iso3.to_string()),
                title: format!("{name} · {}", s.title),
                description: format!("{name}: {}{span}{by}. {home_description}", s.deployments(deps.len())),
                image_alt: crate::export::embed::preview_alt(s, Some((&name, deps.len())), 0, 0),
            });
        }
    }
    out
}

/// The app's markup for a view of the bundled data, as the browser will hydrate it.
pub async fn render_app(loaded: Rc<Loaded>, query: &str) -> String {
    let props = AppProps { initial: Some(Rc::new(initial_state(loaded, query))), prerendered: None };
    LocalServerRenderer::<App>::with_props(props).render().await
}

/// Every deployment in a plain table with its sources open and each country linking to its page
/// in `lang`: what readers without JavaScript get instead of the app's table (in `<noscript>`),
/// after links to the same page in every other language. A country's page has no table: its
/// panel, open in the markup, lists the country's deployments with their sources; a link leads to
/// the whole table on the home page.
/// (A country with more deployments than the panel shows before its "Show all" button, which
/// needs the app, gets a table of its own deployments too.)
pub async fn render_index(loaded: Rc<Loaded>, lang: Lang, country: Option<&str>) -> String {
    let rows: Vec<Deployment> = match country.map(|c| loaded.deployments_in(c)) {
        None => loaded.data.deployments.clone(),
        Some(own) if own.len() > crate::state::table::PANEL_PAGE => own.into_iter().cloned().collect(),
        Some(_) => Vec::new(),
    };
    let table = if rows.is_empty() {
        String::new()
    } else {
        let props = DataTableProps { loaded, rows: Rc::new(rows), lang, caption: "".into(), on_select: Default::default(), plain: true };
        LocalServerRenderer::<DataTable>::with_props(props).hydratable(false).render().await
    };
    let all = match country {
        Some(_) => format!(r#"<p class="static-all"><a href="{}">{}</a></p>"#, home_href(lang), xml_escape(lang.strings().static_all)),
        None => String::new(),
    };
    format!("{}{table}{all}", language_links(lang, country))
}

/// A language's home page, relative to the site root.
fn home_href(lang: Lang) -> String {
    site_href(None, &lang_dir(lang))
}

/// The address of a page's folder (`""` for the site root, `country/ken/`): under the public base
/// URL when there is one, else relative to the site root, where the root itself is `./`.
fn site_href(base: Option<&str>, dir: &str) -> String {
    match base {
        Some(b) => format!("{b}{dir}"),
        None if dir.is_empty() => "./".to_string(),
        None => dir.to_string(),
    }
}

/// Links to the same page (the home page, or a country's) in every other language, each named in
/// itself (for readers without JavaScript, who cannot use the picker). Relative to the site root
/// (`<base href>`).
pub fn language_links(current: Lang, country: Option<&str>) -> String {
    let links: Vec<String> = Lang::ALL
        .into_iter()
        .filter(|l| *l != current)
        .map(|l| {
            let href = match country {
                Some(c) => crate::state::url::country_page_in(l, c),
                None => home_href(l),
            };
            format!(r#"<a href="{href}" hreflang="{c}" lang="{c}">{}</a>"#, xml_escape(l.native_name()), c = l.code())
        })
        .collect();
    format!(r#"<p class="static-langs" lang="{}">{} {}</p>"#, current.code(), xml_escape(current.strings().language_label), links.join(" · "))
}

/// A JSON file as a `<script type="application/json">` block: minified, and with every `<`
/// written `\u003c` (only strings can hold one) so that no `</script>` or `<!--` inside the data
/// can end the block.
pub fn json_block(id: &str, json: &str) -> Result<String, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("{id}: {e}"))?;
    let text = serde_json::to_string(&v).map_err(|e| format!("{id}: {e}"))?.replace('<', "\\u003c");
    Ok(format!(r#"<script type="application/json" id="{id}">{text}</script>"#))
}

/// The public base URL from its variable's value: an http(s) URL, ending in `/`.
pub fn public_base(value: Option<&str>) -> Result<Option<String>, String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if crate::data::validate::is_http_url(v) => Ok(Some(if v.ends_with('/') { v.to_string() } else { format!("{v}/") })),
        Some(v) => Err(format!("{PUBLIC_URL_ENV}={v:?} is not an http(s) URL")),
    }
}

/// Canonical link, Open Graph and Twitter card tags of a page. With a public base URL they are
/// absolute; without, the canonical link is relative to the site root (country pages set
/// `<base href>` to it) and the image is the page's own `preview.png` next to it.
pub fn head_tags(page: &Page, base: Option<&str>) -> String {
    let e = |s: &str| xml_escape(s);
    let canonical = site_href(base, &page.dir);
    let image = match base {
        Some(b) => format!("{b}{}{PREVIEW}", page.dir),
        None => PREVIEW.to_string(),
    };
    let title = if page.title.is_empty() { Lang::En.strings().title.to_string() } else { page.title.clone() };
    let mut t = String::new();
    t.push_str(&format!(r#"<link rel="canonical" href="{}">"#, e(&canonical)));
    // The same page in every language, for search engines (English is the default).
    let href = |l: Lang| {
        let dir = match &page.country {
            Some(c) => crate::state::url::country_page_in(l, c),
            None => lang_dir(l),
        };
        site_href(base, &dir)
    };
    for l in Lang::ALL {
        t.push_str(&format!(r#"<link rel="alternate" hreflang="{}" href="{}">"#, l.code(), e(&href(l))));
    }
    t.push_str(&format!(r#"<link rel="alternate" hreflang="x-default" href="{}">"#, e(&href(Lang::En))));
    if page.lang != Lang::En {
        t.push_str(&format!(r#"<meta property="og:locale" content="{}">"#, page.lang.code()));
    }
    t.push_str(r#"<meta property="og:type" content="website">"#);
    t.push_str(&format!(r#"<meta property="og:site_name" content="{}">"#, e(page.lang.strings().title)));
    t.push_str(&format!(r#"<meta property="og:title" content="{}">"#, e(&title)));
    t.push_str(&format!(r#"<meta property="og:description" content="{}">"#, e(&page.description)));
    if base.is_some() {
        t.push_str(&format!(r#"<meta property="og:url" content="{}">"#, e(&canonical)));
    }
    t.push_str(&format!(r#"<meta property="og:image" content="{}">"#, e(&image)));
    t.push_str(&format!(r#"<meta property="og:image:width" content="{}"><meta property="og:image:height" content="{}">"#, preview::WIDTH, preview::HEIGHT));
    t.push_str(&format!(r#"<meta property="og:image:alt" content="{}">"#, e(&page.image_alt)));
    t.push_str(r#"<meta name="twitter:card" content="summary_large_image">"#);
    t.push_str(&format!(r#"<meta name="twitter:title" content="{}">"#, e(&title)));
    t.push_str(&format!(r#"<meta name="twitter:description" content="{}">"#, e(&page.description)));
    t.push_str(&format!(r#"<meta name="twitter:image" content="{}">"#, e(&image)));
    t.push_str(&format!(r#"<meta name="twitter:image:alt" content="{}">"#, e(&page.image_alt)));
    t
}

/// What goes into one page besides the template.
pub struct Parts<'a> {
    pub app: &'a str,
    pub index: &'a str,
}

/// The language pack a page in another language than English carries, so that the app can
/// hydrate it in that language before any fetch (`crate::web::boot::install_embedded_pack`).
pub fn pack_block(lang: Lang) -> Result<String, String> {
    match crate::i18n::pack::committed(lang) {
        Some(json) => json_block(crate::web::boot::PACK_ID, json),
        None => Ok(String::new()),
    }
}

/// Finds `open` (case-sensitive) and returns the byte range of the whole tag it starts.
fn tag_at(html: &str, from: usize, open: &str) -> Option<(usize, usize)> {
    let start = from + html[from..].find(open)?;
    let end = start + html[start..].find('>')? + 1;
    Some((start, end))
}

/// The start and end of the first tag starting with `open` that contains one of `needles`.
fn tag_with(html: &str, open: &str, needles: &[&str]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some((a, b)) = tag_at(html, from, open) {
        if needles.iter().any(|n| html[a..b].contains(n)) {
            return Some((a, b));
        }
        from = b;
    }
    None
}

/// Writes a page from Trunk's (possibly minified: unquoted attributes, omitted `<head>`)
/// `index.html`: title, description, preview tags, `<base>` for pages in sub-folders, the app's
/// markup in `#app` with the view it shows, the no-script table, and the language pack of a page
/// in another language than English.
pub fn assemble(template: &str, page: &Page, base: Option<&str>, parts: &Parts) -> Result<String, String> {
    let mut html = template.to_string();
    let missing = |what: &str| format!("index.html has no {what}");
    // The page's language and direction (the app sets the same once it runs).
    let (a, b) = tag_at(&html, 0, "<html").ok_or_else(|| missing("<html>"))?;
    html.replace_range(a..b, &format!(r#"<html lang="{}" dir="{}">"#, page.lang.code(), page.lang.dir()));
    if !page.title.is_empty() {
        let (_, a) = tag_at(&html, 0, "<title").ok_or_else(|| missing("<title>"))?;
        let b = a + html[a..].find("</title>").ok_or_else(|| missing("</title>"))?;
        html.replace_range(a..b, &xml_escape(&page.title));
    }
    let (a, b) = tag_with(&html, "<meta", &["name=description", "name=\"description\""]).ok_or_else(|| missing("meta description"))?;
    html.replace_range(a..b, &format!(r#"<meta name="description" content="{}">"#, xml_escape(&page.description)));
    // Nothing but the stylesheet is fetched before the map is visible: the page no longer needs
    // the wasm to paint, so its preload (and the script's) would only take bandwidth from the
    // HTML. boot.js still loads them once the page is parsed.
    for needles in [&["rel=modulepreload", "rel=\"modulepreload\""][..], &["rel=preload", "rel=\"preload\""][..]] {
        while let Some((a, b)) = tag_with(&html, "<link", needles) {
            html.replace_range(a..b, "");
        }
    }
    let head_end = html.find("</head>").ok_or_else(|| missing("</head>"))?;
    html.insert_str(head_end, &head_tags(page, base));
    if page.depth() > 0 {
        // Every relative URL (stylesheet, scripts, wasm, data, the no-script table's links)
        // resolves from the site root; CSP's base-uri 'self' allows it.
        let (_, after_charset) = tag_with(&html, "<meta", &["charset"]).ok_or_else(|| missing("meta charset"))?;
        html.insert_str(after_charset, &format!(r#"<base href="{}">"#, "../".repeat(page.depth())));
    }
    let (main_start, _) = tag_at(&html, 0, "<main").ok_or_else(|| missing("<main>"))?;
    let main_end = main_start + html[main_start..].find("</main>").ok_or_else(|| missing("</main>"))? + "</main>".len();
    let main = format!(
        r#"<main id="app" {VIEW_ATTR}="{}">{}</main><noscript><section class="static-index">{}</section></noscript>"#,
        xml_escape(&page.query),
        parts.app,
        parts.index
    );
    html.replace_range(main_start..main_end, &main);
    let body_end = html.rfind("</body>").ok_or_else(|| missing("</body>"))?;
    html.insert_str(body_end, &pack_block(page.lang)?);
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_blocks_cannot_be_closed_by_the_data() {
        let b = json_block("x", r#"{"a": "</script><script>alert(1)</script>", "b": "<!--"}"#).unwrap();
        assert_eq!(b.matches("</script>").count(), 1, "{b}");
        assert!(!b.contains("<!--"));
        let inner = b.trim_start_matches(r#"<script type="application/json" id="x">"#).trim_end_matches("</script>");
        let v: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(v["a"], "</script><script>alert(1)</script>");
        assert!(json_block("x", "{").is_err());
    }

    #[test]
    fn public_base_is_an_http_url_with_a_trailing_slash() {
        assert_eq!(public_base(None), Ok(None));
        assert_eq!(public_base(Some(" ")), Ok(None));
        assert_eq!(public_base(Some("https://news.example/atlas")), Ok(Some("https://news.example/atlas/".into())));
        assert!(public_base(Some("javascript:alert(1)")).is_err());
    }

    fn page(dir: &str) -> Page {
        Page { lang: Lang::En, query: "?country=KEN".into(), dir: dir.into(), country: Some("KEN".into()), title: "Kenya <x>".into(), description: "Kenya & co".into(), image_alt: "alt".into() }
    }

    #[test]
    fn tags_are_absolute_with_a_base_and_relative_without() {
        let t = head_tags(&page("country/ken/"), Some("https://n.example/a/"));
        assert!(t.contains(r#"<link rel="canonical" href="https://n.example/a/country/ken/">"#), "{t}");
        assert!(t.contains(r#"<meta property="og:image" content="https://n.example/a/country/ken/preview.png">"#));
        assert!(t.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
        assert!(t.contains("Kenya &lt;x&gt;") && t.contains("Kenya &amp; co"));
        let t = head_tags(&page("country/ken/"), None);
        assert!(t.contains(r#"href="country/ken/""#) && t.contains(r#"<meta property="og:image" content="preview.png">"#));
        assert!(!t.contains("og:url"));
        // The same country's page in every language, English the default.
        let t = head_tags(&page("country/ken/"), Some("https://n.example/a/"));
        assert!(t.contains(r#"<link rel="alternate" hreflang="ar" href="https://n.example/a/ar/country/ken/">"#), "{t}");
        assert!(t.contains(r#"<link rel="alternate" hreflang="x-default" href="https://n.example/a/country/ken/">"#));
        let t = head_tags(&Page { country: None, ..page("") }, None);
        assert!(t.contains(r#"<link rel="alternate" hreflang="zh" href="zh/">"#) && t.contains(r#"hreflang="x-default" href="./""#), "{t}");
    }

    #[test]
    fn assembles_a_minified_template() {
        let template = "<!doctype html><html lang=en><meta charset=utf-8><title>Old</title><meta content=\"d\" name=description><link href=style.css rel=stylesheet><link href=surveillance-atlas.js rel=modulepreload><link as=fetch crossorigin href=surveillance-atlas_bg.wasm rel=preload type=application/wasm><link rel=\"preload\" href=x.wasm></head><body><main id=app><noscript>x</noscript></main><p id=panic hidden></p></body></html>";
        let parts = Parts { app: "<div class=\"atlas\">APP</div>", index: "<table></table>" };
        let html = assemble(template, &page("country/ken/"), None, &parts).unwrap();
        assert!(html.contains("<title>Kenya &lt;x&gt;</title>"), "{html}");
        assert!(html.contains(r#"<meta name="description" content="Kenya &amp; co">"#));
        assert!(!html.contains("content=\"d\""));
        assert!(html.contains(r#"<meta charset=utf-8><base href="../../">"#));
        assert!(html.contains(r#"<main id="app" data-view="?country=KEN"><div class="atlas">APP</div></main><noscript><section class="static-index"><table></table></section></noscript>"#));
        assert!(!html.contains("<noscript>x"));
        assert!(!html.contains("preload") && html.contains("rel=stylesheet>"), "only the stylesheet is fetched before the map: {html}");
        assert!(!html.contains("application/json"), "the data is not in the page: boot.js requests it");
        // A page in another language carries its pack, after the markup.
        let fr = assemble(template, &Page { lang: Lang::Fr, ..page("fr/country/ken/") }, None, &parts).unwrap();
        assert!(fr.contains(r#"<html lang="fr" dir="ltr">"#) && fr.contains(r#"<base href="../../../">"#));
        assert!(fr.find("id=\"atlas-pack\"").unwrap() > fr.find("id=panic").unwrap());
        let home = assemble(template, &Page { dir: String::new(), title: String::new(), ..page("") }, None, &parts).unwrap();
        assert!(home.contains("<title>Old</title>") && !home.contains("<base"));
        assert!(assemble("<html></html>", &page(""), None, &parts).is_err());
    }
}

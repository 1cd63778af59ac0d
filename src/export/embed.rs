//! Where a view lives and the snippets that publish it elsewhere: the site root an atlas page is
//! served from, a country's own prerendered page (`country/<iso3>/`), its preview image, the AMP
//! snippet (`<amp-iframe>` with the preview as its placeholder) and the static image snippet for
//! newsletters (the preview, linked to the atlas). Pure string building; `components::app` feeds
//! it the page's address and the public base URL, `components::share_panel` shows the results.

use crate::export::svg::xml_escape;
use crate::i18n::Lang;
use crate::state::url;
use crate::state::view::ViewState;

/// The preview image's file name beside every prerendered page (`atlas-prerender` writes it).
pub const PREVIEW: &str = "preview.png";
/// The preview images' size in pixels.
pub const PREVIEW_WIDTH: u32 = 1200;
pub const PREVIEW_HEIGHT: u32 = 630;
/// The AMP iframe's box (width × height, scaled to the column by `layout="responsive"`): about
/// the embed's own height at that width, so the widget fits without a scroll bar.
pub const AMP_WIDTH: u32 = 700;
pub const AMP_HEIGHT: u32 = 760;
/// The iframe sandbox the widget works in (the same as the iframe snippet's).
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The site root of the atlas (the folder holding `index.html`, ending in `/`) from the address
/// of one of its pages: the query and fragment go, then the file name, then a country page's
/// `country/<code>/`. `https://n.example/atlas/country/ken/?year=2015` → `https://n.example/atlas/`.
pub fn site_root(page_url: &str) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    let trimmed = dir.strip_suffix('/').unwrap_or(dir);
    if let Some(i) = trimmed.rfind('/') {
        let (parent, code) = (&trimmed[..=i], &trimmed[i + 1..]);
        if let Some(root) = parent.strip_suffix("country/") {
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase()) {
                return root.to_string();
            }
        }
    }
    dir.to_string()
}

/// The base the snippets' URLs start from: the public base URL (the build's `ATLAS_PUBLIC_URL`,
/// else the page's absolute canonical link), else the root of the http(s) page the reader is on;
/// empty (relative URLs, from the site root) when none is known, e.g. in the offline file.
/// `page_lang` is the language of the prerendered page's folder (`fr/`, `fr/country/ken/`: French;
/// the root's pages: English), which is taken off too.
pub fn snippet_base(public: Option<&str>, page_url: &str, page_lang: Lang) -> String {
    let root = public
        .map(str::trim)
        .filter(|p| crate::data::validate::is_http_url(p))
        .map(site_root_of_public)
        .or_else(|| crate::data::validate::is_http_url(page_url).then(|| site_root(page_url)))
        .unwrap_or_default();
    let dir = url::lang_dir(page_lang);
    match root.strip_suffix(dir.as_str()) {
        Some(r) if !dir.is_empty() && r.ends_with('/') => r.to_string(),
        _ => root,
    }
}

/// A public URL as a site root: `https://n.example/atlas` → `https://n.example/atlas/`, and a
/// country page's canonical link → the root.
fn site_root_of_public(p: &str) -> String {
    let p = p.split(['?', '#']).next().unwrap_or(p);
    if p.ends_with('/') {
        site_root(p)
    } else if p.rsplit('/').next().is_some_and(|last| last.contains('.')) {
        site_root(p)
    } else {
        site_root(&format!("{p}/"))
    }
}

/// Where a view lives, under `base` (a site root or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The page: the site root, or the selected country's page (`country/ken/`).
    pub page: String,
    /// The page's preview image.
    pub preview: String,
    /// The view's own parameters on top of the page (without the country a country page implies).
    pub query: String,
}

impl Place {
    /// The link to the view: the page and its parameters.
    pub fn link(&self) -> String {
        let page = if self.page.is_empty() && self.query.is_empty() { "./" } else { self.page.as_str() };
        format!("{page}{}", self.query)
    }
}

/// Where `view` lives: when `country_pages` (the site was prerendered, so `country/<iso3>/` and
/// the language folders `fr/`, `fr/country/<iso3>/`... exist), the page of the view's language and
/// selected country, whose query then keeps everything else (year, filters, tab...); else the site
/// root with the whole view in the query. (`lang=en` stays in the query: it overrides the
/// reader's browser language, which the English pages otherwise follow.)
pub fn place(base: &str, view: &ViewState, country_pages: bool) -> Place {
    let mut v = view.clone();
    let dir = match v.lang {
        Some(l) if country_pages && l != Lang::En => {
            v.lang = None;
            url::lang_dir(l)
        }
        _ => String::new(),
    };
    let page = match v.country.take() {
        Some(c) if country_pages => format!("{base}{dir}{}", url::country_page(&c)),
        other => {
            v.country = other;
            format!("{base}{dir}")
        }
    };
    let preview = format!("{page}{PREVIEW}");
    Place { query: url::serialize(&v), page, preview }
}

/// The view's query with `embed=1` added.
fn embed_query(query: &str) -> String {
    if query.is_empty() {
        "?embed=1".to_string()
    } else {
        format!("{query}&embed=1")
    }
}

/// The AMP snippet: an `<amp-iframe>` of the embed view (responsive, sandboxed, resizable by the
/// height messages the widget posts), with the preview image as its placeholder and an overflow
/// button AMP shows when it may not resize the frame by itself.
pub fn amp_snippet(place: &Place, title: &str, alt: &str, show_more: &str) -> String {
    let src = format!("{}{}", place.page, embed_query(&place.query));
    let e = xml_escape;
    format!(
        "<amp-iframe src=\"{src}\" title=\"{title}\" width=\"{AMP_WIDTH}\" height=\"{AMP_HEIGHT}\" layout=\"responsive\" sandbox=\"{SANDBOX}\" frameborder=\"0\" resizable>\n  <amp-img placeholder layout=\"fill\" object-fit=\"contain\" src=\"{img}\" alt=\"{alt}\"></amp-img>\n  <div overflow tabindex=\"0\" role=\"button\" aria-label=\"{more}\">{more}</div>\n</amp-iframe>",
        src = e(&src),
        title = e(title),
        img = e(&place.preview),
        alt = e(alt),
        more = e(show_more),
    )
}

/// The static snippet for newsletters and e-mail: the preview image (its own size, scaling down
/// to the column) linked to the view.
pub fn image_snippet(place: &Place, alt: &str) -> String {
    let e = xml_escape;
    format!(
        "<a href=\"{href}\"><img src=\"{img}\" width=\"{PREVIEW_WIDTH}\" height=\"{PREVIEW_HEIGHT}\" alt=\"{alt}\" style=\"display:block;max-width:100%;height:auto;border:0\"></a>",
        href = e(&place.link()),
        img = e(&place.preview),
        alt = e(alt),
    )
}

/// The preview image's text alternative: what it shows (the whole atlas, or one country
/// highlighted), in `s`'s language. `atlas-prerender` writes the same text into the preview tags.
pub fn preview_alt(s: &crate::i18n::Strings, country: Option<(&str, usize)>, countries: usize, deployments: usize) -> String {
    match country {
        Some((name, n)) => format!("{}: {name}, {}", s.title, s.deployments(n)),
        None => format!("{}: {}, {}", s.title, s.countries(countries), s.deployments(deployments)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(q: &str) -> ViewState {
        url::parse(q)
    }

    #[test]
    fn site_root_drops_the_query_the_file_and_a_country_page() {
        assert_eq!(site_root("https://n.example/atlas/index.html?year=2015#x"), "https://n.example/atlas/");
        assert_eq!(site_root("https://n.example/atlas/country/ken/?year=2015"), "https://n.example/atlas/");
        assert_eq!(site_root("https://n.example/atlas/country/ken/index.html"), "https://n.example/atlas/");
        assert_eq!(site_root("https://n.example/country/"), "https://n.example/country/", "not a country page");
        assert_eq!(site_root("https://n.example/atlas/country/kenya/"), "https://n.example/atlas/country/kenya/");
        assert_eq!(site_root("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
        assert_eq!(site_root("country/ken/"), "");
        assert_eq!(site_root(""), "");
    }

    #[test]
    fn the_base_is_the_public_url_else_the_http_page_else_relative() {
        assert_eq!(snippet_base(Some("https://news.example/atlas"), "http://127.0.0.1:8080/?x=1", Lang::En), "https://news.example/atlas/");
        assert_eq!(snippet_base(Some("https://news.example/atlas/country/ken/"), "", Lang::En), "https://news.example/atlas/", "a country page's canonical link");
        assert_eq!(snippet_base(Some("./"), "http://127.0.0.1:8080/country/uga/", Lang::En), "http://127.0.0.1:8080/", "a relative canonical link is no public URL");
        assert_eq!(snippet_base(None, "file:///media/usb/surveillance-atlas-offline.html", Lang::En), "");
        assert_eq!(snippet_base(Some("javascript:alert(1)"), "", Lang::En), "");
        // A page in a language folder: the folder goes too, from the canonical link or the address.
        assert_eq!(snippet_base(Some("https://news.example/atlas/fr/country/ken/"), "", Lang::Fr), "https://news.example/atlas/");
        assert_eq!(snippet_base(None, "http://127.0.0.1:8080/ar/?year=2015", Lang::Ar), "http://127.0.0.1:8080/");
        assert_eq!(snippet_base(None, "http://127.0.0.1:8080/zh/country/chl/", Lang::Zh), "http://127.0.0.1:8080/");
        // An English page of a site that lives in a folder named like a language keeps it.
        assert_eq!(snippet_base(None, "https://news.example/es/", Lang::En), "https://news.example/es/");
    }

    #[test]
    fn a_selected_country_lives_on_its_page() {
        let p = place("https://n.example/a/", &view("?country=KEN&year=2015"), true);
        assert_eq!(p.page, "https://n.example/a/country/ken/");
        assert_eq!(p.preview, "https://n.example/a/country/ken/preview.png");
        assert_eq!(p.query, "?year=2015");
        assert_eq!(p.link(), "https://n.example/a/country/ken/?year=2015");
        // In another language, the country's page in that language, which implies it.
        let p = place("https://n.example/a/", &view("?country=KEN&year=2015&lang=fr"), true);
        assert_eq!(p.page, "https://n.example/a/fr/country/ken/");
        assert_eq!(p.preview, "https://n.example/a/fr/country/ken/preview.png");
        assert_eq!(p.link(), "https://n.example/a/fr/country/ken/?year=2015");
        assert_eq!(place("https://n.example/a/", &view("?lang=ar&tab=table"), true).link(), "https://n.example/a/ar/?tab=table");
        assert_eq!(place("", &view("?lang=en&country=KEN"), true).link(), "country/ken/?lang=en");
        // Without prerendered pages the language stays in the query.
        assert_eq!(place("https://n.example/a/", &view("?lang=fr&country=KEN"), false).link(), "https://n.example/a/?country=KEN&lang=fr");
        // Without prerendered pages the country stays in the query.
        let p = place("https://n.example/a/", &view("?country=KEN"), false);
        assert_eq!((p.page.as_str(), p.preview.as_str(), p.query.as_str()), ("https://n.example/a/", "https://n.example/a/preview.png", "?country=KEN"));
        let p = place("", &view(""), true);
        assert_eq!((p.link().as_str(), p.preview.as_str()), ("./", "preview.png"));
        assert_eq!(place("", &view("?country=UGA"), true).link(), "country/uga/");
    }

    #[test]
    fn amp_snippet_is_a_sandboxed_responsive_frame_with_the_preview_as_placeholder() {
        let p = place("https://n.example/a/", &view("?country=KEN&year=2015"), true);
        let s = amp_snippet(&p, "Atlas: \"Kenya\" <2015>", "Atlas: Kenya & more", "Show more");
        assert!(s.starts_with("<amp-iframe src=\"https://n.example/a/country/ken/?year=2015&amp;embed=1\""), "{s}");
        assert!(s.contains("title=\"Atlas: &quot;Kenya&quot; &lt;2015&gt;\""));
        assert!(s.contains("layout=\"responsive\"") && s.contains("width=\"700\" height=\"760\"") && s.contains("resizable"));
        assert!(s.contains(&format!("sandbox=\"{SANDBOX}\"")));
        assert!(s.contains("<amp-img placeholder layout=\"fill\" object-fit=\"contain\" src=\"https://n.example/a/country/ken/preview.png\" alt=\"Atlas: Kenya &amp; more\"></amp-img>"), "{s}");
        assert!(s.contains("<div overflow tabindex=\"0\" role=\"button\" aria-label=\"Show more\">Show more</div>"));
        assert!(s.ends_with("</amp-iframe>"));
        assert_eq!(s.matches('<').count(), s.matches('>').count());
        let home = amp_snippet(&place("", &view(""), true), "t", "a", "m");
        assert!(home.contains("src=\"?embed=1\"") && home.contains("src=\"preview.png\""), "{home}");
    }

    #[test]
    fn image_snippet_links_the_preview_to_the_view() {
        let p = place("https://n.example/a/", &view("?country=KEN&company=huawei,zte"), true);
        let s = image_snippet(&p, "Atlas: Kenya <b>");
        assert_eq!(
            s,
            "<a href=\"https://n.example/a/country/ken/?company=huawei,zte\"><img src=\"https://n.example/a/country/ken/preview.png\" width=\"1200\" height=\"630\" alt=\"Atlas: Kenya &lt;b&gt;\" style=\"display:block;max-width:100%;height:auto;border:0\"></a>"
        );
        let s = image_snippet(&place("https://n.example/a/", &view("?year=2015"), true), "x");
        assert!(s.starts_with("<a href=\"https://n.example/a/?year=2015\"><img src=\"https://n.example/a/preview.png\""), "{s}");
        // An attribute cannot be broken out of.
        let evil = place("https://n.example/a/\"><script>", &view(""), true);
        assert!(!image_snippet(&evil, "x").contains("<script>"));
    }

    #[test]
    fn alt_text_says_what_the_preview_shows_in_the_readers_language() {
        assert_eq!(preview_alt(Lang::En.strings(), None, 40, 120), "Surveillance Atlas: 40 countries, 120 deployments");
        assert_eq!(preview_alt(Lang::En.strings(), Some(("Kenya", 1)), 40, 120), "Surveillance Atlas: Kenya, 1 deployment");
        let fr = preview_alt(Lang::Fr.strings(), Some(("Kenya", 3)), 40, 120);
        assert!(fr.starts_with(Lang::Fr.strings().title) && fr.contains("Kenya"), "{fr}");
    }
}

//! "Cite this": a ready citation with the deep link.

/// A citation of the current view in the reader's language (`Strings::cite_text`), e.g. for a
/// course handout or an article footnote.
pub fn citation(s: &crate::i18n::Strings, updated: &str, url: &str, accessed: &str) -> String {
    let year = updated.get(..4).unwrap_or(updated);
    s.cite_text
        .replace("{title}", s.title)
        .replace("{year}", year)
        .replace("{updated}", &s.date_str(updated))
        .replace("{url}", url)
        .replace("{accessed}", accessed)
}

/// The iframe snippet for embedding the current view: compact layout (`embed=1`), a title,
/// a starting height, and the host script that applies the height messages.
pub fn embed_snippet(page_url: &str, query: &str, title: &str, height: u32) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => base,
    };
    embed_snippet_at(base, query, dir, title, height)
}

/// The embed snippet for a site whose root is known: the frame shows `page` (the view's page: the
/// site root, a language's folder or a country's page) with `query`, and the host script is
/// `embed.js` at `root` (it exists only there, not beside every country page).
pub fn embed_snippet_at(page: &str, query: &str, root: &str, title: &str, height: u32) -> String {
    let q = if query.is_empty() { "?embed=1".to_string() } else { format!("{query}&embed=1") };
    let title = crate::export::svg::xml_escape(title);
    format!(
        "<iframe src=\"{page}{q}\" title=\"{title}\" width=\"100%\" height=\"{height}\" data-surveillance-atlas loading=\"lazy\" scrolling=\"no\" frameborder=\"0\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>\n<script src=\"{root}embed.js\" async></script>",
        q = crate::export::svg::xml_escape(&q),
        page = crate::export::svg::xml_escape(page),
        root = crate::export::svg::xml_escape(root),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_snippet_frames_the_view_and_loads_the_host_script_from_the_site_root() {
        let s = embed_snippet_at("https://n.example/a/ar/country/ken/", "?year=2015", "https://n.example/a/", "T", 760);
        assert!(s.starts_with("<iframe src=\"https://n.example/a/ar/country/ken/?year=2015&amp;embed=1\" title=\"T\""), "{s}");
        assert!(s.ends_with("<script src=\"https://n.example/a/embed.js\" async></script>"), "{s}");
        // From the page's own address (no site root known): the page and its folder.
        let s = embed_snippet("file:///usb/atlas.html?country=KEN", "?country=KEN", "T", 760);
        assert!(s.starts_with("<iframe src=\"file:///usb/atlas.html?country=KEN&amp;embed=1\""), "{s}");
        assert!(s.contains("<script src=\"file:///usb/embed.js\""));
    }

    #[test]
    fn citation_has_title_year_link_and_access_date() {
        use crate::i18n::Lang;
        let c = citation(Lang::En.strings(), "2026-11-27", "https://example.org/atlas/?country=KEN", "27 Nov 2026");
        assert_eq!(c, "Surveillance Atlas (2026). Map and timeline of Chinese surveillance-technology exports, data updated 27 Nov 2026. https://example.org/atlas/?country=KEN (accessed 27 Nov 2026).");
        assert!(citation(Lang::Fr.strings(), "2026-11-27", "u", "d").contains("mises à jour le 27 nov. 2026. u (consulté le d)"));
        let es = citation(Lang::Es.strings(), "2026-11-27", "u", "d");
        assert!(es.starts_with("Atlas de la vigilancia (2026). Mapa y cronología") && es.contains("actualizados el 27 nov 2026"), "{es}");
        let zh = citation(Lang::Zh.strings(), "2026-11-27", "u", "d");
        assert!(zh.contains("数据更新于 2026年11月27日") && zh.contains("（访问日期：d）"), "{zh}");
    }

    #[test]
    fn snippet_points_at_the_embed_view_and_the_host_script() {
        let s = embed_snippet("https://example.org/atlas/index.html?year=2016#x", "?year=2016&country=KEN", "Surveillance \"Atlas\"", 720);
        assert!(s.contains("src=\"https://example.org/atlas/index.html?year=2016&amp;country=KEN&amp;embed=1\""), "{s}");
        assert!(s.contains("title=\"Surveillance &quot;Atlas&quot;\""));
        assert!(s.contains("height=\"720\"") && s.contains("data-surveillance-atlas"));
        assert!(s.contains("<script src=\"https://example.org/atlas/embed.js\" async></script>"));
        assert!(embed_snippet("https://e.org/a/", "", "t", 600).contains("src=\"https://e.org/a/?embed=1\""));
    }
}

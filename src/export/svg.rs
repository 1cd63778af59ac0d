//! A standalone SVG of the current map: title, year and filters, the choropleth, the legend and
//! a source line, with colours written in (no CSS) so it opens anywhere.

use crate::geo::world::WorldMap;
use crate::state::aggregate::{bin_labels, colour_bin, CountryStat, BINS, ORIGIN};
use crate::state::zoom::ViewBox;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Light-theme colours of the scale (neutral first), as on screen.
pub const FILLS: [&str; BINS + 1] = ["#e3e1db", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
/// The selection (light theme, as on screen): a line no other state uses over a white halo.
pub const SELECTED: &str = "#b0006e";
/// The outline of countries with deployments new in the year shown.
pub const NEW: &str = "#b34700";
/// China's hatching (the origin of the exports).
pub const ORIGIN_LINE: &str = "#b2182b";

/// Escapes text for XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub struct SvgText<'a> {
    pub title: &'a str,
    /// e.g. "Up to 2016 · Huawei · 23 countries, 41 deployments"
    pub subtitle: &'a str,
    pub legend_title: &'a str,
    pub legend_none: &'a str,
    /// e.g. "Source: Surveillance Atlas (URL) · Map: Natural Earth via world-atlas"
    pub source: &'a str,
}

/// Output width in pixels (the PNG is drawn at twice this).
pub const WIDTH: f64 = 1200.0;

/// Renders the map. `selected` is outlined. Returns the SVG text and its height.
pub fn map_svg(world: &WorldMap, stats: &BTreeMap<String, CountryStat>, zoom: Option<ViewBox>, selected: Option<&str>, text: &SvgText) -> (String, f64) {
    let vb = zoom.unwrap_or_else(|| ViewBox::world(world));
    let pad = 24.0;
    let map_w = WIDTH - 2.0 * pad;
    let k = map_w / vb.w;
    let map_h = vb.h * k;
    let top = 92.0;
    let legend_y = top + map_h + 18.0;
    let height = legend_y + 70.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = write!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = write!(s, r##"<text x="{pad}" y="44" font-size="30" font-weight="700" fill="#1b1c1e">{}</text>"##, xml_escape(text.title));
    let _ = write!(s, r##"<text x="{pad}" y="74" font-size="18" fill="#444">{}</text>"##, xml_escape(text.subtitle));
    let _ = write!(s, r#"<svg x="{pad}" y="{top}" width="{map_w:.1}" height="{map_h:.1}" viewBox="{}">"#, vb.attr());
    let _ = write!(
        s,
        r##"<defs><pattern id="origin-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{}"/><line x1="1.5" y1="0" x2="1.5" y2="6" stroke="{ORIGIN_LINE}" stroke-width="2.5"/></pattern></defs>"##,
        FILLS[0]
    );
    for c in &world.countries {
        let Some(d) = &c.path else { continue };
        let st = stats.get(&c.iso3);
        let bin = st.map(|st| colour_bin(st.count)).unwrap_or(0);
        let fill = if c.iso3 == ORIGIN && bin == 0 { "url(#origin-hatch)".to_string() } else { FILLS[bin].to_string() };
        let stroke = if st.is_some_and(|st| st.new_this_year > 0) { format!(r#"stroke="{NEW}" stroke-width="1.6""#) } else { r##"stroke="#ffffff" stroke-width="0.5""##.to_string() };
        let _ = write!(s, r#"<path d="{d}" fill="{fill}" {stroke} vector-effect="non-scaling-stroke"/>"#);
    }
    for c in world.countries.iter().filter(|c| c.path.is_none()) {
        if let Some(st) = stats.get(&c.iso3) {
            let _ = write!(
                s,
                r##"<circle cx="{}" cy="{}" r="{:.2}" fill="{}" stroke="#1b1c1e" stroke-width="1" vector-effect="non-scaling-stroke"/>"##,
                c.point[0],
                c.point[1],
                4.5 * vb.w / world.width,
                FILLS[colour_bin(st.count)]
            );
        }
    }
    // The selection last, above its neighbours: a wide white halo under a thick line.
    if let Some(c) = selected.and_then(|sel| world.countries.iter().find(|c| c.iso3 == sel)) {
        let shape = match &c.path {
            Some(d) => format!(r#"<path d="{d}""#),
            None => format!(r#"<circle cx="{}" cy="{}" r="{:.2}""#, c.point[0], c.point[1], 4.5 * vb.w / world.width),
        };
        let _ = write!(s, r##"{shape} fill="none" stroke="#ffffff" stroke-opacity="0.85" stroke-width="8" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>"##);
        let _ = write!(s, r#"{shape} fill="none" stroke="{SELECTED}" stroke-width="3.5" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>"#);
    }
    s.push_str("</svg>");
    let _ = write!(s, r##"<text x="{pad}" y="{:.0}" font-size="15" font-weight="700" fill="#1b1c1e">{}</text>"##, legend_y + 4.0, xml_escape(text.legend_title));
    let mut x = pad;
    let labels = std::iter::once(text.legend_none).chain(bin_labels());
    for (i, label) in labels.enumerate() {
        let y = legend_y + 16.0;
        let _ = write!(s, r##"<rect x="{x:.0}" y="{y:.0}" width="22" height="14" fill="{}" stroke="#999" stroke-width="0.5"/>"##, FILLS[i]);
        let _ = write!(s, r##"<text x="{:.0}" y="{:.0}" font-size="14" fill="#333">{}</text>"##, x + 28.0, y + 12.0, xml_escape(label));
        x += 40.0 + 8.0 * label.chars().count() as f64;
    }
    let _ = write!(s, r##"<text x="{pad}" y="{:.0}" font-size="13" fill="#555">{}</text>"##, height - 12.0, xml_escape(text.source));
    s.push_str("</svg>");
    (s, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::world::CountryShape;

    fn world() -> WorldMap {
        let c = |iso3: &str, path: Option<&str>| CountryShape {
            iso3: iso3.into(),
            name: iso3.into(),
            region: String::new(),
            subregion: String::new(),
            path: path.map(String::from),
            point: [10.0, 10.0],
            bbox: [0.0, 0.0, 20.0, 20.0],
        };
        WorldMap { width: 1000.0, height: 500.0, attribution: String::new(), frame: [1.0, 0.0, 0.0], countries: vec![c("KEN", Some("M0 0l10 0 0 10z")), c("UGA", Some("M20 0l10 0 0 10z")), c("MUS", None), c("CHN", Some("M40 0l10 0 0 10z"))] }
    }

    #[test]
    fn draws_title_legend_source_and_shaded_countries() {
        let mut stats = BTreeMap::new();
        stats.insert("KEN".to_string(), CountryStat { count: 3, first_year: 2014, last_year: 2019, new_this_year: 0 });
        stats.insert("MUS".to_string(), CountryStat { count: 1, first_year: 2017, last_year: 2017, new_this_year: 0 });
        let text = SvgText { title: "Surveillance <Atlas>", subtitle: "Up to 2019 & all", legend_title: "Deployments", legend_none: "None", source: "Source: test" };
        let (svg, h) = map_svg(&world(), &stats, None, Some("KEN"), &text);
        assert!(h > 500.0);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Surveillance &lt;Atlas&gt;") && svg.contains("Up to 2019 &amp; all"));
        assert!(svg.contains(&format!("fill=\"{}\" stroke=\"#ffffff\"", FILLS[3])), "Kenya in bin 3");
        // The selection is drawn last, halo then line, in a colour used for nothing else.
        let halo = svg.find("M0 0l10 0 0 10z\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity").expect("halo");
        let line = svg.find(&format!("M0 0l10 0 0 10z\" fill=\"none\" stroke=\"{SELECTED}\"")).expect("line");
        assert!(halo < line && line > svg.find("<circle").unwrap());
        assert_eq!(svg.matches(SELECTED).count(), 1);
        assert!(svg.contains(&format!("fill=\"{}\" stroke=\"#ffffff\"", FILLS[0])), "Uganda neutral");
        assert_eq!(svg.matches("<circle").count(), 1, "Mauritius marker");
        assert!(svg.contains("Source: test") && svg.contains(">4+<"));
        assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
    }

    #[test]
    fn china_is_hatched_and_new_deployments_outlined() {
        let mut stats = BTreeMap::new();
        stats.insert("UGA".to_string(), CountryStat { count: 1, first_year: 2019, last_year: 2019, new_this_year: 1 });
        let text = SvgText { title: "t", subtitle: "s", legend_title: "l", legend_none: "n", source: "src" };
        let (svg, _) = map_svg(&world(), &stats, None, None, &text);
        assert!(svg.contains("M40 0l10 0 0 10z\" fill=\"url(#origin-hatch)\""), "{svg}");
        assert!(svg.contains(&format!("M20 0l10 0 0 10z\" fill=\"{}\" stroke=\"{NEW}\"", FILLS[1])));
        assert!(!svg.contains(SELECTED), "no selection drawn");
    }

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml_escape("<a href='x'>&\"\u{1b}"), "&lt;a href=&apos;x&apos;&gt;&amp;&quot;");
    }
}

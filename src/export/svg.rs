//! A standalone SVG of the current map: title, year and filters, the choropleth, the legend and
//! a source line, with colours written in (no CSS) so it opens anywhere.

use crate::geo::world::WorldMap;
use crate::state::aggregate::{bin_labels, colour_bin, CountryStat, BINS};
use crate::state::zoom::ViewBox;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Light-theme colours of the scale (neutral first), as on screen.
pub const FILLS: [&str; BINS + 1] = ["#e3e1db", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

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

/// Light-theme colours of the other marks, as on screen (`assets/style.css`).
pub const NEW_STROKE: &str = "#b34700";
pub const SELECTED_STROKE: &str = "#b0006e";
pub const ORIGIN_LINE: &str = "#b2182b";
const INK: &str = "#1b1c1e";

pub struct SvgText<'a> {
    pub title: &'a str,
    /// e.g. "Up to 2016 · Huawei · 23 countries, 41 deployments"
    pub subtitle: &'a str,
    pub legend_title: &'a str,
    pub legend_none: &'a str,
    /// Legend entry for the "new this year" outline (drawn when a year is shown).
    pub legend_new: &'a str,
    /// Legend entry for the selected country's outline.
    pub legend_selected: &'a str,
    /// Legend entry for the circles of small states.
    pub legend_small: &'a str,
    /// The origin of the exports (ISO3) and its legend entry, when the map gives it a treatment.
    pub origin: Option<(&'a str, &'a str)>,
    /// e.g. "Source: Surveillance Atlas (URL) · Map: Natural Earth via world-atlas"
    pub source: &'a str,
}

impl<'a> SvgText<'a> {
    /// The title and legend in the language of `s`, with this subtitle and source line, China
    /// given its origin treatment: what every exported and prerendered map uses.
    pub fn in_language(s: &'a crate::i18n::Strings, subtitle: &'a str, source: &'a str) -> SvgText<'a> {
        SvgText {
            title: s.title,
            subtitle,
            legend_title: s.legend_title,
            legend_none: s.legend_none,
            legend_new: s.legend_new,
            legend_selected: s.legend_selected,
            legend_small: s.small_states,
            origin: Some((crate::state::aggregate::ORIGIN, s.legend_origin)),
            source,
        }
    }
}

/// Output width in pixels of the free-height SVG.
pub const WIDTH: f64 = 1200.0;

/// Fixed-size pictures, drawn at `scale` into a PNG: 1920 × 1080 for slides, 1080 × 1080 for
/// social media.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PngSize {
    Slides,
    Square,
}

impl PngSize {
    /// The SVG's own size (CSS pixels).
    pub fn canvas(self) -> (f64, f64) {
        match self {
            PngSize::Slides => (1280.0, 720.0),
            PngSize::Square => (720.0, 720.0),
        }
    }

    pub const SCALE: f64 = 1.5;

    /// Name used in file names.
    pub fn name(self) -> &'static str {
        match self {
            PngSize::Slides => "16x9",
            PngSize::Square => "square",
        }
    }
}

/// One entry of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A colour class (0 = none documented).
    Bin(usize),
    New,
    Selected,
    Small,
    Origin,
}

/// Every mark the picture draws, in the legend's order: the colour classes always, then the
/// outlines, circles and hatching only when the picture has them.
pub fn legend_marks(world: &WorldMap, stats: &BTreeMap<String, CountryStat>, selected: Option<&str>, origin: Option<&str>) -> Vec<Mark> {
    let drawn = |iso3: &str| world.countries.iter().any(|c| c.iso3 == iso3 && (c.path.is_some() || stats.contains_key(iso3)));
    let mut marks: Vec<Mark> = (0..=BINS).map(Mark::Bin).collect();
    if stats.values().any(|s| s.new_this_year > 0) {
        marks.push(Mark::New);
    }
    if selected.is_some_and(drawn) {
        marks.push(Mark::Selected);
    }
    if world.countries.iter().any(|c| c.path.is_none() && stats.contains_key(&c.iso3)) {
        marks.push(Mark::Small);
    }
    if origin.is_some_and(|o| world.countries.iter().any(|c| c.iso3 == o && c.path.is_some())) {
        marks.push(Mark::Origin);
    }
    marks
}

/// A text's width in "narrow characters" (about 0.55 em each): Chinese, Japanese and Korean
/// characters and fullwidth forms are drawn about twice as wide (about 1 em), so they count 2.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// Greedy line breaking by an estimated text width (about 0.55 em per character, `display_width`).
fn wrap(text: &str, font: f64, width: f64) -> Vec<String> {
    let per_line = ((width / (font * 0.55)).floor() as usize).max(10);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if display_width(l) + 1 + display_width(word) <= per_line => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Renders the map. Returns the SVG text, its width and its height: `size` None gives the
/// free-height picture `WIDTH` wide; a fixed size fits the map between header and legend.
pub fn map_svg(world: &WorldMap, stats: &BTreeMap<String, CountryStat>, zoom: Option<ViewBox>, selected: Option<&str>, text: &SvgText, size: Option<PngSize>) -> (String, f64, f64) {
    let vb = zoom.unwrap_or_else(|| ViewBox::world(world));
    let width = size.map(|s| s.canvas().0).unwrap_or(WIDTH);
    let pad = 24.0;
    let inner = width - 2.0 * pad;
    let title_font = if width < 900.0 { 26.0 } else { 30.0 };
    let sub_lines = wrap(text.subtitle, 17.0, inner);
    let top = 44.0 + 8.0 + 22.0 * sub_lines.len() as f64 + 12.0;

    // The legend: swatches and labels flowing in rows.
    let origin = text.origin.map(|o| o.0);
    let marks = legend_marks(world, stats, selected, origin);
    let labels = bin_labels();
    let label = |m: Mark| -> &str {
        match m {
            Mark::Bin(0) => text.legend_none,
            Mark::Bin(b) => labels[b - 1],
            Mark::New => text.legend_new,
            Mark::Selected => text.legend_selected,
            Mark::Small => text.legend_small,
            Mark::Origin => text.origin.map(|o| o.1).unwrap_or(""),
        }
    };
    let mut placed: Vec<(Mark, f64, usize)> = Vec::new();
    let (mut x, mut row) = (0.0, 0);
    for m in &marks {
        let w = 30.0 + 7.6 * display_width(label(*m)) as f64 + 18.0;
        // The other marks start a row of their own after the colour classes; rows wrap.
        let first_note = !matches!(m, Mark::Bin(_)) && matches!(placed.last(), Some((Mark::Bin(_), _, _)));
        if x > 0.0 && (first_note || x + w > inner) {
            row += 1;
            x = 0.0;
        }
        placed.push((*m, x, row));
        x += w;
    }
    let legend_h = 24.0 + 24.0 * (row + 1) as f64;
    let source_lines = wrap(text.source, 13.0, inner);
    let footer = 18.0 + 16.0 * source_lines.len() as f64;

    let (height, k, map_h) = match size {
        None => {
            let k = inner / vb.w;
            let map_h = vb.h * k;
            (top + map_h + 14.0 + legend_h + footer, k, map_h)
        }
        Some(s) => {
            let h = s.canvas().1;
            let map_h = (h - top - 14.0 - legend_h - footer).max(50.0);
            (h, (inner / vb.w).min(map_h / vb.h), map_h)
        }
    };
    let (map_w, map_hh) = (vb.w * k, vb.h * k);
    let map_x = pad + (inner - map_w) / 2.0;
    let map_y = top + (map_h - map_hh) / 2.0;
    let legend_y = top + map_h + 14.0;

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = write!(
        s,
        r##"<defs><pattern id="origin-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{ORIGIN_LINE}" stroke-width="2.5"/></pattern></defs>"##,
        FILLS[0]
    );
    let _ = write!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = write!(s, r##"<text x="{pad}" y="44" font-size="{title_font}" font-weight="700" fill="{INK}">{}</text>"##, xml_escape(text.title));
    for (i, line) in sub_lines.iter().enumerate() {
        let _ = write!(s, r##"<text x="{pad}" y="{:.0}" font-size="17" fill="#444">{}</text>"##, 74.0 + 22.0 * i as f64, xml_escape(line));
    }
    let _ = write!(s, r#"<svg x="{map_x:.1}" y="{map_y:.1}" width="{map_w:.1}" height="{map_hh:.1}" viewBox="{}">"#, vb.attr());
    for c in &world.countries {
        let Some(d) = &c.path else { continue };
        let stat = stats.get(&c.iso3);
        let bin = stat.map(|st| colour_bin(st.count)).unwrap_or(0);
        let fill = if origin == Some(c.iso3.as_str()) && stat.is_none() { "url(#origin-hatch)" } else { FILLS[bin] };
        let stroke = if stat.is_some_and(|st| st.new_this_year > 0) { format!(r##"stroke="{NEW_STROKE}" stroke-width="1.6""##) } else { r##"stroke="#ffffff" stroke-width="0.5""##.to_string() };
        let _ = write!(s, r#"<path d="{d}" fill="{fill}" {stroke} vector-effect="non-scaling-stroke"/>"#);
    }
    let r = 4.5 * vb.w / world.width;
    for c in world.countries.iter().filter(|c| c.path.is_none()) {
        if let Some(st) = stats.get(&c.iso3) {
            let stroke = if st.new_this_year > 0 { NEW_STROKE } else { INK };
            let _ = write!(s, r##"<circle cx="{}" cy="{}" r="{r:.2}" fill="{}" stroke="{stroke}" stroke-width="1" vector-effect="non-scaling-stroke"/>"##, c.point[0], c.point[1], FILLS[colour_bin(st.count)]);
        }
    }
    // The selection above every shape: a white halo under a thick outline, as on screen.
    if let Some(c) = selected.and_then(|sel| world.countries.iter().find(|c| c.iso3 == sel)) {
        let shape = match &c.path {
            Some(d) => format!(r#"<path d="{d}" fill="none""#),
            None => format!(r#"<circle cx="{}" cy="{}" r="{r:.2}" fill="none""#, c.point[0], c.point[1]),
        };
        let _ = write!(s, r##"{shape} stroke="#ffffff" stroke-width="6" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>"##);
        let _ = write!(s, r##"{shape} stroke="{SELECTED_STROKE}" stroke-width="3.5" stroke-linejoin="round" vector-effect="non-scaling-stroke" class="selected"/>"##);
    }
    s.push_str("</svg>");
    let _ = write!(s, r##"<text x="{pad}" y="{:.0}" font-size="15" font-weight="700" fill="{INK}">{}</text>"##, legend_y + 4.0, xml_escape(text.legend_title));
    for (m, x, row) in &placed {
        let (x, y) = (pad + x, legend_y + 16.0 + 24.0 * *row as f64);
        let swatch = match m {
            Mark::Bin(b) => format!(r##"<rect x="{x:.0}" y="{y:.0}" width="22" height="14" fill="{}" stroke="#999" stroke-width="0.5"/>"##, FILLS[*b]),
            Mark::New => format!(r##"<rect x="{:.0}" y="{:.0}" width="20" height="12" fill="none" stroke="{NEW_STROKE}" stroke-width="2"/>"##, x + 1.0, y + 1.0),
            Mark::Selected => format!(r##"<rect x="{:.0}" y="{:.0}" width="19" height="11" fill="none" stroke="{SELECTED_STROKE}" stroke-width="3.5"/>"##, x + 1.5, y + 1.5),
            Mark::Small => format!(r##"<circle cx="{:.0}" cy="{:.0}" r="6" fill="{}" stroke="{INK}" stroke-width="1"/>"##, x + 11.0, y + 7.0, FILLS[1]),
            Mark::Origin => format!(r##"<rect x="{x:.0}" y="{y:.0}" width="22" height="14" fill="url(#origin-hatch)" stroke="#999" stroke-width="0.5"/>"##),
        };
        s.push_str(&swatch);
        let _ = write!(s, r##"<text x="{:.0}" y="{:.0}" font-size="14" fill="#333">{}</text>"##, x + 30.0, y + 12.0, xml_escape(label(*m)));
    }
    for (i, line) in source_lines.iter().rev().enumerate() {
        let _ = write!(s, r##"<text x="{pad}" y="{:.0}" font-size="13" fill="#555">{}</text>"##, height - 12.0 - 16.0 * i as f64, xml_escape(line));
    }
    s.push_str("</svg>");
    (s, width, height)
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

    fn text<'a>() -> SvgText<'a> {
        SvgText {
            title: "Surveillance <Atlas>",
            subtitle: "Up to 2019 & all",
            legend_title: "Deployments",
            legend_none: "None",
            legend_new: "New this year",
            legend_selected: "Selected country",
            legend_small: "Circles: small states",
            origin: None,
            source: "Source: test",
        }
    }

    fn stats(new_in_kenya: usize) -> BTreeMap<String, CountryStat> {
        let mut stats = BTreeMap::new();
        stats.insert("KEN".to_string(), CountryStat { count: 3, first_year: 2014, last_year: 2019, new_this_year: new_in_kenya });
        stats.insert("MUS".to_string(), CountryStat { count: 1, first_year: 2017, last_year: 2017, new_this_year: 0 });
        stats
    }

    #[test]
    fn draws_title_legend_source_and_shaded_countries() {
        let (svg, w, h) = map_svg(&world(), &stats(0), None, Some("KEN"), &text(), None);
        assert_eq!(w, WIDTH);
        assert!(h > 500.0);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Surveillance &lt;Atlas&gt;") && svg.contains("Up to 2019 &amp; all"));
        assert!(svg.contains(&format!("fill=\"{}\" stroke=\"#ffffff\"", FILLS[3])), "Kenya in bin 3");
        assert!(svg.contains(&format!("fill=\"{}\" stroke=\"#ffffff\"", FILLS[0])), "Uganda neutral");
        assert_eq!(svg.matches("<circle").count(), 2, "Mauritius marker and its legend entry");
        assert!(svg.contains("Source: test") && svg.contains(">4+<"));
        assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
    }

    #[test]
    fn the_legend_explains_every_mark_drawn_and_no_other() {
        let w = world();
        // No year, no selection: the classes and the circles only.
        let (svg, _, _) = map_svg(&w, &stats(0), None, None, &text(), None);
        assert_eq!(legend_marks(&w, &stats(0), None, None), [Mark::Bin(0), Mark::Bin(1), Mark::Bin(2), Mark::Bin(3), Mark::Bin(4), Mark::Small]);
        assert!(svg.contains(">None<") && svg.contains(">Circles: small states<"));
        assert!(!svg.contains("New this year") && !svg.contains("Selected country") && !svg.contains(SELECTED_STROKE) && !svg.contains(NEW_STROKE));
        // A year with a new deployment in Kenya, Kenya selected, China given its treatment.
        let mut t = text();
        t.origin = Some(("CHN", "China: origin of the exports"));
        let (svg, _, _) = map_svg(&w, &stats(1), None, Some("KEN"), &t, None);
        assert_eq!(legend_marks(&w, &stats(1), Some("KEN"), Some("CHN")), [Mark::Bin(0), Mark::Bin(1), Mark::Bin(2), Mark::Bin(3), Mark::Bin(4), Mark::New, Mark::Selected, Mark::Small, Mark::Origin]);
        assert!(svg.contains(&format!("fill=\"{}\" stroke=\"{NEW_STROKE}\"", FILLS[3])), "Kenya outlined as new");
        assert!(svg.contains(">New this year<") && svg.contains(&format!("fill=\"none\" stroke=\"{NEW_STROKE}\"")), "new outline in the legend");
        assert!(svg.contains(">Selected country<") && svg.matches(SELECTED_STROKE).count() == 2, "selection drawn once on the map and once in the legend");
        // The selection is drawn after every shape (above its neighbours).
        assert!(svg.find("class=\"selected\"").unwrap() > svg.rfind("<path d=\"M40 0").unwrap());
        assert!(svg.contains("fill=\"url(#origin-hatch)\"") && svg.contains(">China: origin of the exports<"));
        assert_eq!(svg.matches("url(#origin-hatch)").count(), 2, "China's shape and its legend swatch");
        // An unknown selection or origin adds no legend entry.
        assert_eq!(legend_marks(&w, &stats(0), Some("XXX"), Some("ATA")).len(), 6);
    }

    #[test]
    fn chinese_legend_labels_are_spaced_for_their_width() {
        assert_eq!(display_width("China: origin"), 13);
        assert_eq!(display_width("中国：出口的来源地"), 18);
        assert_eq!(display_width("77个国家"), 8);
        // Two notes in one row: the second starts after the first's full (double) width.
        let mut t = text();
        t.legend_small = "圆点标示在此比例尺下过小";
        t.origin = Some(("CHN", "中国：出口的来源地"));
        let (svg, _, _) = map_svg(&world(), &stats(1), None, None, &t, None);
        let x_of = |label: &str| -> f64 {
            let at = svg.find(&format!(">{label}<")).unwrap();
            let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
            tag.split(" x=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        let (small, origin) = (x_of(t.legend_small), x_of("中国：出口的来源地"));
        if origin > small {
            assert!(origin - small >= 7.6 * display_width(t.legend_small) as f64, "labels overlap: {small} → {origin}");
        }
    }

    #[test]
    fn fixed_sizes_fit_the_map_and_legend_inside_the_picture() {
        let mut t = text();
        let long = "up to 2019 · Huawei Technologies, ZTE, Hikvision · CCTV and safe city, Facial recognition · 25 countries · 30 deployments · 2005–2019";
        t.subtitle = long;
        for size in [PngSize::Slides, PngSize::Square] {
            let (svg, w, h) = map_svg(&world(), &stats(1), None, Some("KEN"), &t, Some(size));
            assert_eq!((w, h), size.canvas());
            assert!(svg.contains(&format!("width=\"{:.0}\" height=\"{:.0}\"", w, h)));
            // Every text baseline inside the picture, and every line short enough for its width.
            for part in svg.split("<text ").skip(1) {
                let y: f64 = part.split("y=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
                assert!(y > 0.0 && y < h, "{size:?}: text at y={y}");
                let x: f64 = part.split("x=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
                let content = part.split('>').nth(1).unwrap().split('<').next().unwrap();
                assert!(x + 7.6 * display_width(content) as f64 <= w + 1.0, "{size:?}: {content:?} overflows");
            }
            // The inner map keeps the view's aspect ratio and sits inside the canvas, below the header.
            let inner = svg.split("<svg x=").nth(1).unwrap();
            let attr = |name: &str| -> f64 { inner.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap() };
            let (x, y, mw, mh) = (inner[1..].split('"').next().unwrap().parse::<f64>().unwrap(), attr("y"), attr("width"), attr("height"));
            let vb = ViewBox::world(&world());
            assert!((mw / mh - vb.w / vb.h).abs() < 0.02, "{size:?}: aspect kept");
            assert!(x >= 0.0 && x + mw <= w + 0.1 && y >= 60.0 && y + mh < h - 60.0, "{size:?}: map at {x},{y} {mw}x{mh}");
        }
        assert_eq!(PngSize::Slides.canvas().0 * PngSize::SCALE, 1920.0);
        assert_eq!(PngSize::Slides.canvas().1 * PngSize::SCALE, 1080.0);
        assert_eq!(PngSize::Square.canvas().0 * PngSize::SCALE, 1080.0);
    }

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml_escape("<a href='x'>&\"\u{1b}"), "&lt;a href=&apos;x&apos;&gt;&amp;&quot;");
    }
}

//! Link-preview images (Open Graph, Twitter `summary_large_image`): the same SVG as the
//! "Download SVG" button (`export::svg::map_svg`: map, title, legend, source line) rasterised
//! natively with resvg onto a 1200×630 canvas, in an open font (DejaVu Sans from Debian's
//! `fonts-dejavu-core`, which `scripts/setup.sh` installs; `ATLAS_FONT` names another TTF/OTF).

use crate::export::svg::{map_svg, SvgText, WIDTH as SVG_WIDTH};
use crate::i18n::Lang;
use crate::state::aggregate::country_stats;
use crate::state::app::Loaded;
use crate::state::filter;
use crate::state::view::Filters;
use resvg::{tiny_skia, usvg};

pub const WIDTH: u32 = crate::export::embed::PREVIEW_WIDTH;
pub const HEIGHT: u32 = crate::export::embed::PREVIEW_HEIGHT;
/// Environment variable naming the font file; DEFAULT_FONT when unset.
pub const FONT_ENV: &str = "ATLAS_FONT";
pub const DEFAULT_FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
/// A font with Chinese glyphs (Debian's fonts-wqy-microhei, installed by `scripts/setup.sh`),
/// loaded beside the main font when present: resvg falls back to it for characters the main font
/// lacks, so the Chinese preview shows text.
pub const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

/// The map SVG of the default view (all years, no filter), `selected` outlined, with the
/// interface's title, legend and a source line naming `site` (the public URL, or none) in `lang`.
pub fn preview_svg(loaded: &Loaded, selected: Option<&str>, site: &str, lang: Lang) -> (String, f64) {
    let s = lang.strings();
    let visible = filter::visible(&loaded.data, &Filters::default(), None);
    let stats = country_stats(visible.iter().copied(), None);
    let subtitle = match selected {
        Some(c) => format!("{} · {}: {}", s.all_years, loaded.country_name_in(c, lang), s.deployments(stats.get(c).map(|st| st.count).unwrap_or(0))),
        None => format!("{} · {} · {}", s.all_years, s.countries(stats.len()), s.deployments(visible.len())),
    };
    let source = if site.is_empty() { format!("{} · {}", s.svg_source.trim_end_matches([',', '，', '،', ' ']), s.svg_map_credit) } else { format!("{} {site} · {}", s.svg_source, s.svg_map_credit) };
    let text = SvgText::in_language(s, &subtitle, &source);
    let (svg, _, h) = map_svg(&loaded.world, &stats, None, selected, &text, None);
    (svg, h)
}

/// How an SVG of `svg_w`×`svg_h` sits in the preview: scale, then offset (centred, fitted).
pub fn fit(svg_w: f64, svg_h: f64) -> (f64, f64, f64) {
    let k = (WIDTH as f64 / svg_w).min(HEIGHT as f64 / svg_h);
    (k, (WIDTH as f64 - svg_w * k) / 2.0, (HEIGHT as f64 - svg_h * k) / 2.0)
}

/// Rasterises SVGs with one font loaded once.
pub struct Rasteriser {
    opt: usvg::Options<'static>,
}

impl Rasteriser {
    /// With the font in `bytes` as the family for every generic and unknown family.
    pub fn new(bytes: Vec<u8>) -> Result<Rasteriser, String> {
        let mut opt = usvg::Options::default();
        let db = opt.fontdb_mut();
        db.load_font_data(bytes);
        let family = db.faces().next().and_then(|f| f.families.first().map(|(n, _)| n.clone())).ok_or("the font file holds no usable face")?;
        db.set_sans_serif_family(family.clone());
        db.set_serif_family(family.clone());
        opt.font_family = family;
        Ok(Rasteriser { opt })
    }

    /// The font from `ATLAS_FONT`, else DejaVu Sans.
    pub fn from_env() -> Result<Rasteriser, String> {
        let path = std::env::var(FONT_ENV).ok().filter(|p| !p.is_empty()).unwrap_or_else(|| DEFAULT_FONT.to_string());
        let bytes = std::fs::read(&path).map_err(|e| format!("font {path}: {e} (install Debian's fonts-dejavu-core, or set {FONT_ENV})"))?;
        let mut r = Rasteriser::new(bytes)?;
        if let Ok(cjk) = std::fs::read(CJK_FONT) {
            r.opt.fontdb_mut().load_font_data(cjk);
        }
        Ok(r)
    }

    /// The SVG (of the export's width and `svg_h` high) fitted on a white 1200×630 canvas, as PNG.
    pub fn png(&self, svg: &str, svg_h: f64) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.opt).map_err(|e| format!("preview SVG: {e}"))?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("preview size")?;
        pixmap.fill(tiny_skia::Color::WHITE);
        let (k, dx, dy) = fit(SVG_WIDTH, svg_h);
        resvg::render(&tree, tiny_skia::Transform::from_row(k as f32, 0.0, 0.0, k as f32, dx as f32, dy as f32), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| format!("preview PNG: {e}"))
    }
}

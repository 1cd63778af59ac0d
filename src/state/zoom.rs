//! Zoom and pan as an SVG viewBox that always keeps the map's aspect ratio, and region presets.

use crate::data::model::Region;
use crate::geo::path::{parse_path, ring_area, BBox};
use crate::geo::world::{CountryShape, WorldMap};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Deepest zoom: one eighth of the world's width.
pub const MAX_ZOOM: f64 = 8.0;

impl ViewBox {
    pub fn world(map: &WorldMap) -> ViewBox {
        ViewBox { x: 0.0, y: 0.0, w: map.width, h: map.height }
    }

    pub fn attr(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h)
    }

    /// Keeps the box inside the map and its size between the whole map and MAX_ZOOM.
    pub fn clamp(self, map: &WorldMap) -> ViewBox {
        let aspect = map.height / map.width;
        let w = if self.w.is_finite() { self.w.clamp(map.width / MAX_ZOOM, map.width) } else { map.width };
        let h = w * aspect;
        let cx = if self.x.is_finite() { self.x + self.w / 2.0 } else { map.width / 2.0 };
        let cy = if self.y.is_finite() { self.y + self.h / 2.0 } else { map.height / 2.0 };
        let x = (cx - w / 2.0).clamp(0.0, map.width - w);
        let y = (cy - h / 2.0).clamp(0.0, map.height - h);
        ViewBox { x, y, w, h }
    }

    /// Zooms by `factor` (>1 in) keeping the point (px, py) — in map units — where it is.
    pub fn zoom_at(self, factor: f64, (px, py): (f64, f64), map: &WorldMap) -> ViewBox {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let w = (self.w / factor).clamp(map.width / MAX_ZOOM, map.width);
        let k = w / self.w;
        let h = self.h * k;
        ViewBox { x: px - (px - self.x) * k, y: py - (py - self.y) * k, w, h }.clamp(map)
    }

    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Moves by a fraction of the current view (e.g. 0.2 = a fifth of the width).
    pub fn pan(self, fx: f64, fy: f64, map: &WorldMap) -> ViewBox {
        ViewBox { x: self.x + fx * self.w, y: self.y + fy * self.h, ..self }.clamp(map)
    }

    /// The smallest box of the map's aspect that contains `b` with `pad` fraction around it.
    pub fn fit(b: BBox, pad: f64, map: &WorldMap) -> ViewBox {
        if b.is_empty() {
            return ViewBox::world(map);
        }
        let aspect = map.height / map.width;
        let (bw, bh) = (b.width() * (1.0 + 2.0 * pad), b.height() * (1.0 + 2.0 * pad));
        let w = bw.max(bh / aspect);
        let (cx, cy) = ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
        ViewBox { x: cx - w / 2.0, y: cy - w * aspect / 2.0, w, h: w * aspect }.clamp(map)
    }

    /// Converts a point in the SVG element (fractions 0..1 of its box) to map units.
    pub fn at_fraction(&self, fx: f64, fy: f64) -> (f64, f64) {
        (self.x + fx * self.w, self.y + fy * self.h)
    }
}

/// Whether a country (by world-countries region/subregion and code) belongs to a preset.
pub fn in_region(region: Region, iso3: &str, reg: &str, sub: &str) -> bool {
    match region {
        Region::World => true,
        Region::Africa => reg == "Africa",
        Region::LatinAmerica => matches!(sub, "South America" | "Central America" | "Caribbean") || iso3 == "MEX",
        Region::Asia => reg == "Asia" && sub != "Western Asia",
        Region::Europe => reg == "Europe" && iso3 != "RUS",
        Region::MiddleEast => sub == "Western Asia" || matches!(iso3, "EGY" | "IRN"),
    }
}

/// The part of a country a frame should show: the bounding box of its largest ring together with
/// the rings near it (within 1.5 diagonals of the largest ring's centre), so that France frames
/// metropolitan France and Corsica, not French Guiana, and the United States its mainland and
/// Alaska, not Hawaii. A state drawn as a marker (no shape) is its marker point.
pub fn main_bbox(country: &CountryShape) -> BBox {
    let Some(path) = &country.path else { return country.bbox() };
    let rings: Vec<(BBox, f64)> = parse_path(path)
        .into_iter()
        .map(|r| {
            let b = r.iter().fold(BBox::EMPTY, |mut b, p| {
                b.add(*p);
                b
            });
            (b, ring_area(&r).abs())
        })
        .filter(|(b, _)| !b.is_empty())
        .collect();
    let Some((main, _)) = rings.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1)) else { return country.bbox() };
    let centre = |b: &BBox| ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    let (cx, cy) = centre(&main);
    let reach = 1.5 * main.width().hypot(main.height());
    rings
        .iter()
        .filter(|(b, _)| {
            let (x, y) = centre(b);
            (x - cx).hypot(y - cy) <= reach
        })
        .fold(main, |acc, (b, _)| acc.union(*b))
}

/// Padding around a framed country, as a fraction of its size on each side.
pub const FRAME_PAD: f64 = 0.35;

/// How a story step frames the map: its country's main shape with padding (zoom capped at
/// MAX_ZOOM, so small countries keep their neighbours for context), else its region from its
/// countries' geometry, else the whole world (None).
pub fn step_frame(country: Option<&CountryShape>, region: Option<Region>, map: &WorldMap) -> Option<ViewBox> {
    if let Some(c) = country {
        let b = main_bbox(c);
        if !b.is_empty() {
            return Some(ViewBox::fit(b, FRAME_PAD, map));
        }
    }
    match region {
        None | Some(Region::World) => None,
        Some(r) => Some(region_box(r, map)),
    }
}

/// The view box of a region preset.
pub fn region_box(region: Region, map: &WorldMap) -> ViewBox {
    if region == Region::World {
        return ViewBox::world(map);
    }
    let b = map
        .countries
        .iter()
        .filter(|c| !c.iso3.is_empty() && in_region(region, &c.iso3, &c.region, &c.subregion))
        .filter(|c| c.has_shape())
        .fold(BBox::EMPTY, |acc, c| acc.union(main_bbox(c)));
    ViewBox::fit(b, 0.04, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> WorldMap {
        WorldMap { width: 1000.0, height: 500.0, attribution: String::new(), frame: [1.0, 0.0, 0.0], countries: vec![] }
    }

    #[test]
    fn clamp_keeps_aspect_and_bounds() {
        let m = map();
        let v = ViewBox { x: -100.0, y: 900.0, w: 50.0, h: 10.0 }.clamp(&m);
        assert_eq!(v.w, 125.0);
        assert_eq!(v.h, 62.5);
        assert!(v.x >= 0.0 && v.y + v.h <= 500.0);
        let whole = ViewBox { x: 0.0, y: 0.0, w: 5000.0, h: 1.0 }.clamp(&m);
        assert_eq!(whole, ViewBox::world(&m));
        let nan = ViewBox { x: f64::NAN, y: 0.0, w: f64::NAN, h: 0.0 }.clamp(&m);
        assert_eq!(nan, ViewBox::world(&m));
    }

    #[test]
    fn zoom_keeps_the_anchor_point_fixed() {
        let m = map();
        let v = ViewBox::world(&m).zoom_at(2.0, (250.0, 250.0), &m);
        assert_eq!(v.w, 500.0);
        // (250,250) was at 25%/50% of the box and stays there.
        assert!(((250.0 - v.x) / v.w - 0.25).abs() < 1e-9);
        assert!(((250.0 - v.y) / v.h - 0.5).abs() < 1e-9);
        assert!((m.width / v.w - 2.0).abs() < 1e-9);
        let max = ViewBox::world(&m).zoom_at(1000.0, (500.0, 250.0), &m);
        assert!((m.width / max.w - MAX_ZOOM).abs() < 1e-9);
        let out = v.zoom_at(0.01, (0.0, 0.0), &m);
        assert_eq!(out, ViewBox::world(&m));
    }

    #[test]
    fn pan_moves_and_stops_at_edges() {
        let m = map();
        let v = ViewBox::world(&m).zoom_at(4.0, (500.0, 250.0), &m);
        let r = v.pan(0.5, 0.0, &m);
        assert!((r.x - (v.x + v.w / 2.0)).abs() < 1e-9);
        let far = v.pan(100.0, 100.0, &m);
        assert_eq!((far.x + far.w, far.y + far.h), (1000.0, 500.0));
    }

    #[test]
    fn fit_contains_the_box() {
        let m = map();
        let b = BBox { x0: 400.0, y0: 200.0, x1: 600.0, y1: 220.0 };
        let v = ViewBox::fit(b, 0.0, &m);
        assert!(v.x <= 400.0 && v.x + v.w >= 600.0 && v.y <= 200.0 && v.y + v.h >= 220.0);
        assert!((v.h / v.w - 0.5).abs() < 1e-9);
    }

    fn shape(iso3: &str, path: Option<&str>, bbox: [f64; 4]) -> CountryShape {
        CountryShape { iso3: iso3.into(), name: iso3.into(), region: "Europe".into(), subregion: String::new(), path: path.map(String::from), point: [bbox[0], bbox[1]], bbox }
    }

    #[test]
    fn the_main_shape_leaves_far_territories_out() {
        // A 20×10 mainland at (400,100), an island next to it, and a far territory at (100,400).
        let c = shape("FRA", Some("M400 100l20 0 0 10-20 0zM425 112l3 0 0 3-3 0zM100 400l5 0 0 5-5 0z"), [100.0, 100.0, 428.0, 405.0]);
        let b = main_bbox(&c);
        assert_eq!(b.to_array(), [400.0, 100.0, 428.0, 115.0]);
        let marker = shape("MLT", None, [500.0, 90.0, 500.0, 90.0]);
        assert_eq!(main_bbox(&marker).to_array(), [500.0, 90.0, 500.0, 90.0]);
    }

    #[test]
    fn a_step_frames_its_country_with_padding() {
        let m = map();
        let big = shape("BIG", Some("M200 100l400 0 0 200-400 0z"), [200.0, 100.0, 600.0, 300.0]);
        let v = step_frame(Some(&big), Some(Region::Europe), &m).unwrap();
        // Contains the country with FRAME_PAD of its width on each side, in the map's aspect.
        assert!(v.x <= 200.0 - 0.3 * 400.0 && v.x + v.w >= 600.0 + 0.3 * 400.0, "{v:?}");
        assert!(v.y <= 100.0 && v.y + v.h >= 300.0, "{v:?}");
        assert!((v.h / v.w - 0.5).abs() < 1e-9);
        // The country is centred and takes a large part of the frame.
        assert!(((v.x + v.w / 2.0) - 400.0).abs() < 1e-6);
        assert!(400.0 / v.w > 0.5, "{v:?}");
        // A small country is framed at the deepest zoom, centred on it.
        let small = shape("SRB", Some("M545 83.5l11 0 0 12.4-11 0z"), [545.0, 83.5, 556.0, 95.9]);
        let s = step_frame(Some(&small), None, &m).unwrap();
        assert!((s.w - m.width / MAX_ZOOM).abs() < 1e-9);
        assert!(s.x <= 545.0 && s.x + s.w >= 556.0 && s.y <= 83.5 && s.y + s.h >= 95.9, "{s:?}");
        // No country: the region's box, and the world for none or World.
        assert_eq!(step_frame(None, None, &m), None);
        assert_eq!(step_frame(None, Some(Region::World), &m), None);
    }

    #[test]
    fn regions_classify_countries() {
        assert!(in_region(Region::Africa, "KEN", "Africa", "Eastern Africa"));
        assert!(in_region(Region::LatinAmerica, "MEX", "Americas", "North America"));
        assert!(!in_region(Region::LatinAmerica, "USA", "Americas", "North America"));
        assert!(in_region(Region::MiddleEast, "SAU", "Asia", "Western Asia"));
        assert!(!in_region(Region::Asia, "SAU", "Asia", "Western Asia"));
        assert!(!in_region(Region::Europe, "RUS", "Europe", "Eastern Europe"));
    }
}

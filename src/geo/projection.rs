//! The Equal Earth projection (Šavrič, Patterson & Jenny 2018), as in d3-geo's `geoEqualEarth`,
//! for a unit sphere. y grows northwards here; the map flips it when it lays out the SVG.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
const M: f64 = 0.866_025_403_784_438_6; // sqrt(3) / 2

/// Projects longitude/latitude in degrees to Equal Earth coordinates on a unit sphere.
pub fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let lambda = lon_deg.to_radians();
    let phi = lat_deg.clamp(-90.0, 90.0).to_radians();
    let l = (M * phi.sin()).asin();
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    let x = lambda * l.cos() / (M * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)));
    let y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    (x, y)
}

/// Half the width of the projected world (longitude ±180 at the equator).
pub fn max_x() -> f64 {
    equal_earth(180.0, 0.0).0
}

/// Maps unit-sphere projected coordinates into a pixel frame: `scale` pixels per unit,
/// origin at the top-left of the frame that starts at (`x0`, `y_top`) in projected units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub scale: f64,
    pub x0: f64,
    pub y_top: f64,
}

impl Frame {
    pub fn to_pixels(&self, p: (f64, f64)) -> (f64, f64) {
        ((p.0 - self.x0) * self.scale, (self.y_top - p.1) * self.scale)
    }

    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        self.to_pixels(equal_earth(lon, lat))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn origin_projects_to_origin() {
        let (x, y) = equal_earth(0.0, 0.0);
        assert!(close(x, 0.0) && close(y, 0.0));
    }

    #[test]
    fn matches_published_extents() {
        // The Equal Earth paper gives the outline's extents for R = 1.
        assert!((max_x() - 2.706_629_731_921_5).abs() < 1e-6, "{}", max_x());
        let (x, y) = equal_earth(0.0, 90.0);
        assert!(close(x, 0.0));
        assert!((y - 1.317_362_759_157_4).abs() < 1e-6, "{y}");
        let (_, s) = equal_earth(0.0, -90.0);
        assert!(close(s, -y));
    }

    #[test]
    fn is_symmetric_and_monotonic() {
        let (x1, y1) = equal_earth(36.8, -1.3); // Nairobi
        let (x2, y2) = equal_earth(-36.8, 1.3);
        assert!(close(x1, -x2) && close(y1, -y2));
        assert!(x1 > 0.0 && y1 < 0.0);
        let mut last = -10.0;
        for lat in (-90..=90).step_by(5) {
            let (_, y) = equal_earth(10.0, lat as f64);
            assert!(y > last);
            last = y;
        }
    }

    #[test]
    fn frame_puts_north_up() {
        let f = Frame { scale: 100.0, x0: -max_x(), y_top: 1.3173627591574 };
        let (x, _) = f.project(-180.0, 0.0);
        let (_, y) = f.project(0.0, 90.0);
        assert!(x.abs() < 1e-6 && y.abs() < 1e-6);
        let (_, y_south) = f.project(0.0, -30.0);
        let (_, y_north) = f.project(0.0, 30.0);
        assert!(y_south > y_north);
    }
}

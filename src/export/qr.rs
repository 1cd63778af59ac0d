//! The handout's QR code: the public address of the atlas encoded with the `qrcode` crate and
//! drawn as SVG path data (one rectangle per run of dark modules), so that it prints sharp at any
//! size and renders as ordinary SVG elements. Pure; decoded back in the tests with `rqrr`.

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the QR specification asks.
pub const QUIET: usize = 4;

/// Environment variable naming the atlas's public base URL at build time (the same one the
/// prerender uses for canonical links), e.g. `https://news.example/atlas/`.
pub const PUBLIC_URL_ENV: &str = "ATLAS_PUBLIC_URL";

/// The public address the handout links to: the build-time `ATLAS_PUBLIC_URL`, else the page's
/// absolute canonical link; only http(s) URLs count. None: the handout says why it has no code.
pub fn public_url(build_time: Option<&str>, canonical: Option<&str>) -> Option<String> {
    [build_time, canonical]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|u| !u.is_empty() && u.len() <= 1000 && crate::data::validate::is_http_url(u))
        .map(String::from)
}

/// The value of `ATLAS_PUBLIC_URL` when the crate was compiled.
pub fn build_time_url() -> Option<&'static str> {
    option_env!("ATLAS_PUBLIC_URL")
}

/// A QR code as a square of modules.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    pub width: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// Encodes `text` (medium error correction: survives a fold or a smudge on paper).
    pub fn encode(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
        let width = code.width();
        let dark = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
        Some(Qr { width, dark })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Side of the drawing in modules, quiet zone included (the SVG's viewBox is 0 0 side side).
    pub fn side(&self) -> usize {
        self.width + 2 * QUIET
    }

    /// SVG path data of the dark modules: one `M x y h n v 1 h -n z` per horizontal run.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let n = x - start;
                d.push_str(&format!("M{} {}h{n}v1h-{n}z", start + QUIET, y + QUIET));
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rasterises the path data (not the module grid) at `scale` pixels per module, so that the
    /// test decodes what is drawn.
    fn raster(qr: &Qr, scale: usize) -> (usize, Vec<u8>) {
        let side = qr.side() * scale;
        let mut px = vec![255u8; side * side];
        for cmd in qr.path().split('z').filter(|c| !c.is_empty()) {
            // "M{x} {y}h{n}v1h-{n}"
            let rest = cmd.strip_prefix('M').unwrap();
            let (xy, tail) = rest.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = tail.split_once('v').unwrap().0.parse().unwrap();
            for yy in y * scale..(y + 1) * scale {
                for xx in x * scale..(x + n) * scale {
                    px[yy * side + xx] = 0;
                }
            }
        }
        (side, px)
    }

    fn decode(qr: &Qr) -> String {
        let (side, px) = raster(qr, 4);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| px[y * side + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn the_drawn_code_decodes_back_to_the_url() {
        for url in ["https://news.example/atlas/", "https://example.org/surveillance-atlas/?mode=present&step=7", "http://a.b/"] {
            let qr = Qr::encode(url).unwrap();
            assert!(qr.width >= 21 && (qr.width - 21) % 4 == 0, "a QR version's size: {}", qr.width);
            assert_eq!(decode(&qr), url);
        }
    }

    #[test]
    fn path_covers_exactly_the_dark_modules() {
        let qr = Qr::encode("https://news.example/atlas/").unwrap();
        let (side, px) = raster(&qr, 1);
        for y in 0..side {
            for x in 0..side {
                let inside = (QUIET..QUIET + qr.width).contains(&x) && (QUIET..QUIET + qr.width).contains(&y);
                let dark = inside && qr.is_dark(x - QUIET, y - QUIET);
                assert_eq!(px[y * side + x] == 0, dark, "module {x},{y}");
            }
        }
    }

    #[test]
    fn only_http_addresses_are_linked() {
        assert_eq!(public_url(Some("https://news.example/atlas/"), Some("https://other.example/")).as_deref(), Some("https://news.example/atlas/"));
        assert_eq!(public_url(None, Some("https://other.example/")).as_deref(), Some("https://other.example/"));
        assert_eq!(public_url(Some(" "), Some("./")), None, "a relative canonical link is no public address");
        assert_eq!(public_url(Some("javascript:alert(1)"), None), None);
        assert_eq!(public_url(None, None), None);
    }
}

//! The projected world map asset (`assets/geo/world.json`), made by `atlas-geo` at build time
//! from Natural Earth (world-atlas) and world-countries, and the country index built from it.

use crate::geo::path::BBox;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorldMap {
    pub width: f64,
    pub height: f64,
    pub attribution: String,
    /// The Equal Earth frame the paths were projected with: `[scale, x0, y_top]`.
    pub frame: [f64; 3],
    pub countries: Vec<CountryShape>,
}

/// One country (or, with an empty `iso3`, an unnamed Natural Earth shape such as Somaliland).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryShape {
    pub iso3: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subregion: String,
    /// SVG path data in map pixels, absent for states too small for the 1:110m geometry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Label or marker point in map pixels.
    pub point: [f64; 2],
    /// Bounding box in map pixels (the marker point for small states).
    pub bbox: [f64; 4],
}

impl CountryShape {
    pub fn bbox(&self) -> BBox {
        BBox::from_array(self.bbox)
    }

    pub fn has_shape(&self) -> bool {
        self.path.is_some()
    }
}

/// Fast lookups by ISO 3166-1 alpha-3 code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountryIndex {
    by_iso3: HashMap<String, usize>,
}

impl CountryIndex {
    pub fn new(world: &WorldMap) -> CountryIndex {
        let by_iso3 = world
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.iso3.is_empty())
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        CountryIndex { by_iso3 }
    }

    /// A bare index of codes, for validating data without geometry.
    pub fn from_codes<I: IntoIterator<Item = S>, S: Into<String>>(codes: I) -> CountryIndex {
        CountryIndex { by_iso3: codes.into_iter().enumerate().map(|(i, c)| (c.into(), i)).collect() }
    }

    pub fn contains(&self, iso3: &str) -> bool {
        self.by_iso3.contains_key(iso3)
    }

    pub fn position(&self, iso3: &str) -> Option<usize> {
        self.by_iso3.get(iso3).copied()
    }

    pub fn len(&self) -> usize {
        self.by_iso3.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_iso3.is_empty()
    }
}

impl WorldMap {
    pub fn parse(text: &str) -> Result<WorldMap, String> {
        let w: WorldMap = serde_json::from_str(text).map_err(|e| format!("world map is not valid: {e}"))?;
        if w.countries.is_empty() || !(w.width > 0.0 && w.height > 0.0) {
            return Err("world map has no countries".into());
        }
        Ok(w)
    }

    /// Projects a longitude/latitude into this map's pixels.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        crate::geo::projection::Frame { scale: self.frame[0], x0: self.frame[1], y_top: self.frame[2] }.project(lon, lat)
    }

    pub fn country(&self, index: &CountryIndex, iso3: &str) -> Option<&CountryShape> {
        index.position(iso3).and_then(|i| self.countries.get(i))
    }
}

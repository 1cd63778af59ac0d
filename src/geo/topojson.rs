//! A minimal TopoJSON reader: enough to turn world-atlas's quantised, delta-encoded arcs
//! into longitude/latitude rings per feature. Used at build time by `atlas-geo`.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
pub struct Topology {
    pub transform: Option<Transform>,
    pub arcs: Vec<Vec<[f64; 2]>>,
    pub objects: BTreeMap<String, GeometryCollection>,
}

#[derive(Debug, Deserialize)]
pub struct Transform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

#[derive(Debug, Deserialize)]
pub struct GeometryCollection {
    pub geometries: Vec<Geometry>,
}

#[derive(Debug, Deserialize)]
pub struct Geometry {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub properties: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub arcs: serde_json::Value,
}

/// A ring of (lon, lat) points; a polygon is an outer ring followed by holes.
pub type Ring = Vec<(f64, f64)>;
pub type Polygon = Vec<Ring>;

#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub id: Option<String>,
    pub name: String,
    pub polygons: Vec<Polygon>,
}

impl Topology {
    /// Decodes every arc into absolute (lon, lat) points.
    pub fn decoded_arcs(&self) -> Vec<Vec<(f64, f64)>> {
        self.arcs
            .iter()
            .map(|arc| match &self.transform {
                Some(t) => {
                    let (mut x, mut y) = (0.0, 0.0);
                    arc.iter()
                        .map(|p| {
                            x += p[0];
                            y += p[1];
                            (x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1])
                        })
                        .collect()
                }
                None => arc.iter().map(|p| (p[0], p[1])).collect(),
            })
            .collect()
    }

    /// The features of one object (e.g. `countries`), as polygons of rings.
    pub fn features(&self, object: &str) -> Result<Vec<Feature>, String> {
        let arcs = self.decoded_arcs();
        let coll = self.objects.get(object).ok_or_else(|| format!("no object named {object:?}"))?;
        coll.geometries
            .iter()
            .map(|g| {
                let name = g.properties.get("name").and_then(|v| v.as_str()).unwrap_or("").to_string();
                let polygons = match g.kind.as_str() {
                    "Polygon" => vec![polygon(&arcs, &g.arcs)?],
                    "MultiPolygon" => g
                        .arcs
                        .as_array()
                        .ok_or("MultiPolygon arcs are not an array")?
                        .iter()
                        .map(|p| polygon(&arcs, p))
                        .collect::<Result<_, _>>()?,
                    _ => Vec::new(),
                };
                Ok(Feature { id: g.id.clone(), name, polygons })
            })
            .collect()
    }
}

fn polygon(arcs: &[Vec<(f64, f64)>], value: &serde_json::Value) -> Result<Polygon, String> {
    value
        .as_array()
        .ok_or("polygon arcs are not an array")?
        .iter()
        .map(|ring| {
            let indices = ring.as_array().ok_or("ring is not an array")?;
            let mut out: Ring = Vec::new();
            for idx in indices {
                let i = idx.as_i64().ok_or("arc index is not an integer")?;
                // A negative index ~i means arc i reversed.
                let (k, reversed) = if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
                let arc = arcs.get(k).ok_or_else(|| format!("arc {k} out of range"))?;
                let pts: Vec<_> = if reversed { arc.iter().rev().copied().collect() } else { arc.clone() };
                // Consecutive arcs share their joining point.
                let skip = usize::from(!out.is_empty());
                out.extend(pts.into_iter().skip(skip));
            }
            Ok(out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "404", "properties": {"name": "Square"}, "arcs": [[0, 1]]},
            {"type": "MultiPolygon", "id": "999", "properties": {"name": "Rev"}, "arcs": [[[-1]]]}
        ]}}
    }"#;

    #[test]
    fn decodes_delta_encoded_quantised_arcs() {
        let t: Topology = serde_json::from_str(SQUARE).unwrap();
        let arcs = t.decoded_arcs();
        assert_eq!(arcs[0], vec![(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]);
        assert_eq!(arcs[1], vec![(11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]);
    }

    #[test]
    fn stitches_arcs_into_closed_rings_and_reverses_negative_indices() {
        let t: Topology = serde_json::from_str(SQUARE).unwrap();
        let f = t.features("countries").unwrap();
        assert_eq!(f[0].id.as_deref(), Some("404"));
        assert_eq!(f[0].name, "Square");
        let ring = &f[0].polygons[0][0];
        assert_eq!(ring.len(), 5);
        assert_eq!(ring.first(), ring.last());
        // -1 is ~0: arc 0 reversed.
        assert_eq!(f[1].polygons[0][0], vec![(11.0, 21.0), (11.0, 20.0), (10.0, 20.0)]);
        assert!(t.features("nope").is_err());
    }
}

//! Build-time geometry: reads Natural Earth 1:110m country shapes from the `world-atlas` npm
//! package and names/codes from `world-countries`, projects them once with Equal Earth, and
//! writes `assets/geo/world.json` (SVG path data in map pixels, plus marker points for states
//! too small for 1:110m).
//!
//! Usage: `cargo run --bin atlas-geo -- [NODE_MODULES_DIR] [OUT_FILE]`

use std::collections::HashMap;
use std::process::ExitCode;
use surveillance_atlas::geo::antimeridian::split_ring;
use surveillance_atlas::geo::path::{ring_area, ring_centroid, rings_to_path, BBox};
use surveillance_atlas::geo::projection::{equal_earth, Frame};
use surveillance_atlas::geo::topojson::Topology;
use surveillance_atlas::geo::world::{CountryShape, WorldMap};

const WIDTH: f64 = 1000.0;
const PAD: f64 = 4.0;
const TOLERANCE: f64 = 0.35;
const ANTARCTICA_NUM: &str = "010";

struct Info {
    iso3: String,
    num: String,
    name: String,
    region: String,
    subregion: String,
    lat: f64,
    lon: f64,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn read_countries(path: &str) -> Result<Vec<Info>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let arr = v.as_array().ok_or("world-countries is not an array")?;
    let s = |c: &serde_json::Value, p: &str| c.pointer(p).and_then(|x| x.as_str()).unwrap_or("").to_string();
    Ok(arr
        .iter()
        .map(|c| Info {
            iso3: s(c, "/cca3"),
            num: s(c, "/ccn3"),
            name: s(c, "/name/common"),
            region: s(c, "/region"),
            subregion: s(c, "/subregion"),
            lat: c.pointer("/latlng/0").and_then(|x| x.as_f64()).unwrap_or(0.0),
            lon: c.pointer("/latlng/1").and_then(|x| x.as_f64()).unwrap_or(0.0),
        })
        .filter(|c| !c.iso3.is_empty() && c.iso3 != "ATA")
        .collect())
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let nm = args.get(1).map(String::as_str).unwrap_or("node_modules");
    let out = args.get(2).map(String::as_str).unwrap_or("assets/geo/world.json");
    let topo_path = format!("{nm}/world-atlas/countries-110m.json");
    let text = std::fs::read_to_string(&topo_path).map_err(|e| format!("{topo_path}: {e}"))?;
    let topo: Topology = serde_json::from_str(&text).map_err(|e| format!("{topo_path}: {e}"))?;
    let features = topo.features("countries")?;
    let infos = read_countries(&format!("{nm}/world-countries/countries.json"))?;
    let by_num: HashMap<&str, &Info> = infos.iter().filter(|i| !i.num.is_empty()).map(|i| (i.num.as_str(), i)).collect();
    let by_name: HashMap<&str, &Info> = infos.iter().map(|i| (i.name.as_str(), i)).collect();

    // Drop Antarctica; cut rings that cross the antimeridian (each piece becomes its own polygon).
    let features: Vec<_> = features
        .into_iter()
        .filter(|f| f.id.as_deref() != Some(ANTARCTICA_NUM))
        .map(|mut f| {
            f.polygons = f
                .polygons
                .iter()
                .flat_map(|poly| {
                    let outer = split_ring(&poly[0]);
                    let holes: Vec<_> = poly[1..].iter().flat_map(split_ring).collect();
                    let n = outer.len();
                    outer.into_iter().enumerate().map(move |(i, o)| {
                        let mut p = vec![o];
                        if i + 1 == n {
                            p.extend(holes.iter().cloned());
                        }
                        p
                    })
                })
                .collect();
            f
        })
        .collect();
    // Projected bounds of everything that is drawn, to fit the frame.
    let mut bounds = BBox::EMPTY;
    for f in &features {
        for poly in &f.polygons {
            for &(lon, lat) in poly.iter().flatten() {
                bounds.add(equal_earth(lon, lat));
            }
        }
    }
    let scale = (WIDTH - 2.0 * PAD) / bounds.width();
    let frame = Frame { scale, x0: bounds.x0 - PAD / scale, y_top: bounds.y1 + PAD / scale };
    let height = (bounds.height() * scale + 2.0 * PAD).ceil();

    let mut countries: Vec<CountryShape> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in &features {
        let info = f.id.as_deref().and_then(|id| by_num.get(id)).or_else(|| by_name.get(f.name.as_str()));
        let rings: Vec<Vec<(f64, f64)>> = f
            .polygons
            .iter()
            .flat_map(|poly| poly.iter().map(|ring| ring.iter().map(|&(lon, lat)| frame.project(lon, lat)).collect()))
            .collect();
        let outer: Vec<&Vec<(f64, f64)>> = f.polygons.iter().scan(0usize, |i, poly| {
            let start = *i;
            *i += poly.len();
            Some(&rings[start])
        }).collect();
        let largest = outer.iter().map(|r| ring_area(r).abs()).fold(0.0, f64::max);
        let main = outer.iter().max_by(|a, b| ring_area(a).abs().total_cmp(&ring_area(b).abs())).ok_or("feature without rings")?;
        let mut bbox = BBox::EMPTY;
        for r in outer.iter().filter(|r| ring_area(r).abs() >= 0.1 * largest) {
            for &p in r.iter() {
                bbox.add(p);
            }
        }
        let c = ring_centroid(main);
        let (iso3, name, region, subregion) = match info {
            Some(i) => (i.iso3.clone(), i.name.clone(), i.region.clone(), i.subregion.clone()),
            None => (String::new(), f.name.clone(), String::new(), String::new()),
        };
        if !iso3.is_empty() && !seen.insert(iso3.clone()) {
            return Err(format!("two shapes for {iso3}"));
        }
        countries.push(CountryShape {
            iso3,
            name,
            region,
            subregion,
            path: Some(rings_to_path(&rings, TOLERANCE)),
            point: [round1(c.0), round1(c.1)],
            bbox: bbox.to_array().map(round1),
        });
    }
    let shaped = countries.len();
    for i in infos.iter().filter(|i| !seen.contains(&i.iso3)) {
        let (x, y) = frame.project(i.lon, i.lat);
        let p = [round1(x), round1(y)];
        countries.push(CountryShape {
            iso3: i.iso3.clone(),
            name: i.name.clone(),
            region: i.region.clone(),
            subregion: i.subregion.clone(),
            path: None,
            point: p,
            bbox: [p[0], p[1], p[0], p[1]],
        });
    }
    countries.sort_by(|a, b| (a.iso3.is_empty(), &a.iso3, &a.name).cmp(&(b.iso3.is_empty(), &b.iso3, &b.name)));
    let world = WorldMap {
        width: WIDTH,
        height,
        frame: [frame.scale, frame.x0, frame.y_top],
        attribution: "Made with Natural Earth (public domain), 1:110m, via world-atlas 2.0.2 (ISC); names and codes from world-countries 5.1.0 (ODbL). Equal Earth projection.".into(),
        countries,
    };
    let json = serde_json::to_string(&world).map_err(|e| e.to_string())?;
    std::fs::write(out, &json).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes, {} shapes, {} point-only states, {} x {}", json.len(), shaped, world.countries.len() - shaped, WIDTH, height);
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("atlas-geo: {e}");
            ExitCode::FAILURE
        }
    }
}

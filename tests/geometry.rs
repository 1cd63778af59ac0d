//! The shipped geometry: projection lands known places in the right countries, every country
//! the data names can be drawn, and no shape wraps across the map.

mod common;

use surveillance_atlas::geo::path::parse_path;

/// Even–odd point-in-polygon over all rings of a path.
fn contains(d: &str, (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for ring in parse_path(d) {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                inside = !inside;
            }
        }
    }
    inside
}

#[test]
fn known_cities_project_inside_their_countries() {
    let world = common::world();
    let index = common::index();
    for (iso3, lon, lat) in [
        ("KEN", 36.82, -1.29),   // Nairobi
        ("ECU", -78.47, -0.18),  // Quito
        ("FRA", 2.35, 48.86),    // Paris
        ("PAK", 73.05, 33.68),   // Islamabad
        ("SRB", 20.46, 44.81),   // Belgrade
        ("BRA", -47.93, -15.78), // Brasília
        ("CHN", 116.40, 39.90),  // Beijing
        ("RUS", 37.62, 55.75),   // Moscow
    ] {
        let c = world.country(&index, iso3).unwrap_or_else(|| panic!("{iso3} missing"));
        let p = world.project(lon, lat);
        assert!(contains(c.path.as_deref().unwrap(), p), "{iso3}: {p:?} not inside");
        let b = c.bbox;
        assert!(p.0 >= b[0] && p.0 <= b[2] && p.1 >= b[1] && p.1 <= b[3], "{iso3} bbox {b:?} misses {p:?}");
    }
    // Nairobi is not in Uganda.
    let uga = world.country(&index, "UGA").unwrap();
    assert!(!contains(uga.path.as_deref().unwrap(), world.project(36.82, -1.29)));
}

#[test]
fn map_frame_fits_and_north_is_up() {
    let world = common::world();
    assert_eq!(world.width, 1000.0);
    assert!(world.height > 400.0 && world.height < 520.0, "{}", world.height);
    let north = world.project(10.0, 60.0);
    let south = world.project(10.0, -30.0);
    assert!(north.1 < south.1);
    let west = world.project(-120.0, 0.0);
    let east = world.project(120.0, 0.0);
    assert!(west.0 < east.0);
    for c in &world.countries {
        assert!(c.point[0] >= 0.0 && c.point[0] <= world.width && c.point[1] >= 0.0 && c.point[1] <= world.height, "{} {:?}", c.iso3, c.point);
    }
}

#[test]
fn no_shape_wraps_across_the_antimeridian() {
    let world = common::world();
    let index = common::index();
    for c in world.countries.iter().filter(|c| c.has_shape()) {
        for ring in parse_path(c.path.as_deref().unwrap()) {
            let xs = ring.iter().map(|p| p.0);
            let (min, max) = xs.clone().fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
            assert!(max - min < 0.5 * world.width, "{} ({}) has a ring {} px wide", c.iso3, c.name, max - min);
        }
    }
    let fiji = world.country(&index, "FJI").unwrap();
    assert!(fiji.bbox[2] - fiji.bbox[0] < 50.0, "{:?}", fiji.bbox);
}

#[test]
fn every_country_in_the_data_can_be_drawn() {
    let world = common::world();
    let index = common::index();
    let ds = common::dataset();
    let named = ds
        .deployments
        .iter()
        .map(|d| d.country.as_str())
        .chain(ds.events.iter().filter_map(|e| e.country.as_deref()))
        .chain(ds.story.iter().filter_map(|s| s.country.as_deref()));
    for iso3 in named {
        let c = world.country(&index, iso3).unwrap_or_else(|| panic!("{iso3} is not in the geometry or the markers list"));
        assert!(c.has_shape() || c.point != [0.0, 0.0], "{iso3} has neither shape nor marker point");
    }
    // The small states the issue names are markers, not missing.
    for iso3 in ["MUS", "SGP", "CPV", "MLT", "BHR"] {
        let c = world.country(&index, iso3).unwrap();
        assert!(!c.has_shape(), "{iso3} unexpectedly has a 110m shape");
    }
}

#[test]
fn world_atlas_ids_map_to_iso3_codes() {
    let world = common::world();
    let named: Vec<_> = world.countries.iter().filter(|c| c.has_shape() && !c.iso3.is_empty()).collect();
    assert!(named.len() >= 170, "{}", named.len());
    let unnamed: Vec<_> = world.countries.iter().filter(|c| c.iso3.is_empty()).map(|c| c.name.as_str()).collect();
    assert!(unnamed.iter().all(|n| ["N. Cyprus", "Somaliland"].contains(n)), "{unnamed:?}");
    assert!(world.countries.iter().all(|c| c.iso3 != "ATA"), "Antarctica is dropped");
    for c in world.countries.iter().filter(|c| !c.iso3.is_empty()) {
        assert!(c.iso3.len() == 3 && c.iso3.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.iso3);
    }
}

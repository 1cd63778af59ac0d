//! Shared helpers for native integration tests: the shipped data and geometry.
#![allow(dead_code)]

use surveillance_atlas::data::model::Dataset;
use surveillance_atlas::geo::world::{CountryIndex, WorldMap};
use surveillance_atlas::state::app::Loaded;

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn world() -> WorldMap {
    WorldMap::parse(&read("assets/geo/world.json")).expect("shipped geometry parses")
}

pub fn index() -> CountryIndex {
    CountryIndex::new(&world())
}

pub fn dataset() -> Dataset {
    surveillance_atlas::data::validate::parse(&read("assets/data/atlas.json")).expect("shipped data parses")
}

pub fn loaded() -> Loaded {
    surveillance_atlas::data::load::build("data/atlas.json", &read("assets/data/atlas.json"), &read("assets/geo/world.json")).expect("shipped data loads")
}

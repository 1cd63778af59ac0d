//! Turning fetched text into a validated dataset and map, with specific messages on failure.

use crate::data::validate;
use crate::geo::world::{CountryIndex, WorldMap};
use crate::state::app::{LoadError, Loaded};

/// Most validator problems listed in the widget; the rest are summarised.
pub const SHOWN_PROBLEMS: usize = 12;

/// Validates the two files' text. `data_url` is named in messages.
pub fn build(data_url: &str, data_text: &str, world_text: &str) -> Result<Loaded, LoadError> {
    let world = WorldMap::parse(world_text).map_err(|e| LoadError { title: "The map geometry could not be read.".into(), details: vec![e] })?;
    let index = CountryIndex::new(&world);
    match validate::load(data_text, &index) {
        Ok((data, report)) => Ok(Loaded::new(data, world, report.warnings().map(|w| w.to_string()).collect())),
        Err(report) => {
            let errors: Vec<String> = report.errors().map(|p| p.to_string()).collect();
            let mut details: Vec<String> = errors.iter().take(SHOWN_PROBLEMS).cloned().collect();
            if errors.len() > SHOWN_PROBLEMS {
                details.push(format!("… and {} more errors.", errors.len() - SHOWN_PROBLEMS));
            }
            Err(LoadError { title: format!("The dataset {data_url} has {} error{}.", errors.len(), if errors.len() == 1 { "" } else { "s" }), details })
        }
    }
}

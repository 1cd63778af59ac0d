//! Timeline maths: the year range, stacked bars per year, axis labels, slider keys and Play.

use crate::data::date::PartialDate;
use crate::data::model::{Category, Dataset, Deployment, Event};
use std::collections::BTreeMap;

/// First and last year of deployments and events, or None for an empty dataset.
pub fn year_range(ds: &Dataset) -> Option<(i32, i32)> {
    let years = ds.deployments.iter().map(|d| d.year).chain(ds.events.iter().filter_map(|e| PartialDate::parse(&e.date).map(|p| p.year)));
    let (mut min, mut max) = (i32::MAX, i32::MIN);
    for y in years {
        min = min.min(y);
        max = max.max(y);
    }
    (min <= max).then_some((min, max))
}

/// Deployments that began in one year, stacked by their first category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearBar {
    pub year: i32,
    pub segments: Vec<(Category, usize)>,
    pub events: usize,
}

impl YearBar {
    pub fn total(&self) -> usize {
        self.segments.iter().map(|s| s.1).sum()
    }
}

pub fn bars(deps: &[&Deployment], events: &[&Event], (min, max): (i32, i32)) -> Vec<YearBar> {
    let mut by_year: BTreeMap<i32, BTreeMap<Category, usize>> = BTreeMap::new();
    for d in deps {
        if let Some(c) = d.categories.first() {
            *by_year.entry(d.year).or_default().entry(*c).or_default() += 1;
        }
    }
    let mut ev: BTreeMap<i32, usize> = BTreeMap::new();
    for e in events {
        if let Some(y) = e.year() {
            *ev.entry(y).or_default() += 1;
        }
    }
    (min..=max)
        .map(|year| YearBar {
            year,
            segments: Category::ALL.iter().filter_map(|c| by_year.get(&year).and_then(|m| m.get(c)).map(|n| (*c, *n))).collect(),
            events: ev.get(&year).copied().unwrap_or(0),
        })
        .collect()
}

/// WAI-ARIA slider keys: the new year for a key press, or None if the key is not the slider's.
/// The "all years" state (None) behaves as the last year.
pub fn slider_key(key: &str, value: Option<i32>, (min, max): (i32, i32)) -> Option<i32> {
    let v = value.unwrap_or(max);
    let next = match key {
        "ArrowRight" | "ArrowUp" => v + 1,
        "ArrowLeft" | "ArrowDown" => v - 1,
        "PageUp" => v + 5,
        "PageDown" => v - 5,
        "Home" => min,
        "End" => max,
        _ => return None,
    };
    Some(next.clamp(min, max))
}

/// The year Play moves to next, or None when it has reached the end (Play stops).
pub fn play_next(value: Option<i32>, (min, max): (i32, i32)) -> Option<i32> {
    match value {
        None => Some(min),
        Some(y) if y < max => Some(y + 1),
        Some(_) => None,
    }
}

/// Maps a pointer position (fraction 0..1 across the track, one equal column per year) to
/// the year of the column under it.
pub fn year_at(fraction: f64, (min, max): (i32, i32)) -> i32 {
    let f = if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 };
    let years = (max - min + 1) as f64;
    (min + (f * years).floor() as i32).clamp(min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slider_follows_the_apg_keys_and_clamps() {
        let r = (2005, 2024);
        assert_eq!(slider_key("ArrowRight", Some(2010), r), Some(2011));
        assert_eq!(slider_key("ArrowUp", Some(2024), r), Some(2024));
        assert_eq!(slider_key("ArrowLeft", Some(2005), r), Some(2005));
        assert_eq!(slider_key("PageUp", Some(2010), r), Some(2015));
        assert_eq!(slider_key("PageDown", Some(2007), r), Some(2005));
        assert_eq!(slider_key("Home", Some(2010), r), Some(2005));
        assert_eq!(slider_key("End", Some(2010), r), Some(2024));
        assert_eq!(slider_key("ArrowLeft", None, r), Some(2023), "from 'all years' the slider starts at the end");
        assert_eq!(slider_key("a", Some(2010), r), None);
    }

    #[test]
    fn play_steps_year_by_year_and_stops_at_the_end() {
        let r = (2010, 2012);
        assert_eq!(play_next(None, r), Some(2010));
        assert_eq!(play_next(Some(2010), r), Some(2011));
        assert_eq!(play_next(Some(2012), r), None);
    }

    #[test]
    fn pointer_fraction_maps_to_years() {
        assert_eq!(year_at(0.0, (2000, 2020)), 2000);
        assert_eq!(year_at(1.0, (2000, 2020)), 2020);
        assert_eq!(year_at(0.5, (2000, 2020)), 2010);
        assert_eq!(year_at(0.04, (2000, 2020)), 2000);
        assert_eq!(year_at(0.05, (2000, 2020)), 2001);
        assert_eq!(year_at(-3.0, (2000, 2020)), 2000);
        assert_eq!(year_at(f64::NAN, (2000, 2020)), 2000);
    }
}

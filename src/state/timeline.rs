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

/// The years the view covers: from the first year of the data to the selected year (or the last
/// year for "all years"). The timeline's readout, the summary line and every description of the
/// view use this one span, so they never disagree.
pub fn shown_span((min, max): (i32, i32), year: Option<i32>) -> (i32, i32) {
    (min, year.unwrap_or(max).clamp(min, max))
}

/// The span as text: "2005–2025", or "2019" when it is one year.
pub fn span_text(span: (i32, i32)) -> String {
    if span.0 == span.1 {
        span.0.to_string()
    } else {
        format!("{}–{}", span.0, span.1)
    }
}

/// The categories drawn in the bars, in the order of `Category::ALL` (the order of the stacks),
/// for the timeline's key: only colours that are on screen are explained.
pub fn categories_present(bars: &[YearBar]) -> Vec<Category> {
    Category::ALL.iter().copied().filter(|c| bars.iter().any(|b| b.segments.iter().any(|(x, n)| x == c && *n > 0))).collect()
}

/// What a bar's tooltip says: the years it covers, the deployments begun (largest category
/// first) and the key events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarTip {
    pub span: (i32, i32),
    pub total: usize,
    pub segments: Vec<(Category, usize)>,
    pub events: usize,
}

/// The tooltip for one year's bar, or with `None` ("all years") for every bar together.
/// None when the year is outside the bars.
pub fn bar_tip(bars: &[YearBar], year: Option<i32>) -> Option<BarTip> {
    let chosen: Vec<&YearBar> = match year {
        Some(y) => vec![bars.iter().find(|b| b.year == y)?],
        None => bars.iter().collect(),
    };
    let (first, last) = (chosen.first()?.year, chosen.last()?.year);
    let mut segments: Vec<(Category, usize)> = Category::ALL
        .iter()
        .map(|c| (*c, chosen.iter().flat_map(|b| &b.segments).filter(|(x, _)| x == c).map(|(_, n)| n).sum::<usize>()))
        .filter(|(_, n)| *n > 0)
        .collect();
    // Stable: equal counts keep the order of the stacks.
    segments.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    Some(BarTip { span: (first, last), total: segments.iter().map(|s| s.1).sum(), segments, events: chosen.iter().map(|b| b.events).sum() })
}

/// Where a tooltip sits against the point it describes (a fraction 0..1 across the track): its
/// start edge at the point near the start of the track, its end edge near the end, centred
/// otherwise, so that it never leaves the track (no sideways scrolling on a phone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TipAlign {
    Start,
    Centre,
    End,
}

pub fn tip_align(fraction: f64) -> TipAlign {
    match fraction {
        f if !f.is_finite() || f < 0.3 => TipAlign::Start,
        f if f > 0.7 => TipAlign::End,
        _ => TipAlign::Centre,
    }
}

impl TipAlign {
    pub fn class(self) -> &'static str {
        match self {
            TipAlign::Start => "tip-start",
            TipAlign::Centre => "tip-centre",
            TipAlign::End => "tip-end",
        }
    }
}

/// The centre of a year's column as a fraction of the track.
pub fn column_centre(year: i32, (min, max): (i32, i32)) -> f64 {
    let years = (max - min + 1).max(1) as f64;
    ((year.clamp(min, max) - min) as f64 + 0.5) / years
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


    fn bar(year: i32, segments: &[(Category, usize)], events: usize) -> YearBar {
        YearBar { year, segments: segments.to_vec(), events }
    }

    #[test]
    fn one_span_for_readout_and_summary() {
        assert_eq!(shown_span((2005, 2025), None), (2005, 2025));
        assert_eq!(shown_span((2005, 2025), Some(2019)), (2005, 2019));
        assert_eq!(shown_span((2005, 2025), Some(1990)), (2005, 2005));
        assert_eq!(span_text((2005, 2025)), "2005–2025");
        assert_eq!(span_text((2005, 2005)), "2005");
    }

    #[test]
    fn the_key_lists_only_the_colours_drawn() {
        let bars = vec![bar(2010, &[(Category::Drones, 1)], 0), bar(2011, &[(Category::SafeCity, 2), (Category::Drones, 1)], 1), bar(2012, &[], 2)];
        assert_eq!(categories_present(&bars), vec![Category::SafeCity, Category::Drones]);
        assert!(categories_present(&[]).is_empty());
    }

    #[test]
    fn a_tip_counts_one_year_or_all_years_by_category() {
        let bars = vec![bar(2010, &[(Category::Drones, 1)], 0), bar(2011, &[(Category::SafeCity, 2), (Category::Drones, 3)], 1), bar(2012, &[], 2)];
        let t = bar_tip(&bars, Some(2011)).unwrap();
        assert_eq!(t.span, (2011, 2011));
        assert_eq!(t.total, 5);
        assert_eq!(t.segments, vec![(Category::Drones, 3), (Category::SafeCity, 2)], "largest first");
        assert_eq!(t.events, 1);
        let empty = bar_tip(&bars, Some(2012)).unwrap();
        assert_eq!((empty.total, empty.events, empty.segments.len()), (0, 2, 0));
        let all = bar_tip(&bars, None).unwrap();
        assert_eq!((all.span, all.total, all.events), ((2010, 2012), 6, 3));
        assert_eq!(all.segments, vec![(Category::Drones, 4), (Category::SafeCity, 2)]);
        assert_eq!(bar_tip(&bars, Some(2030)), None);
        assert_eq!(bar_tip(&[], None), None);
    }

    #[test]
    fn tips_stay_inside_the_track() {
        assert_eq!(tip_align(column_centre(2005, (2005, 2025))), TipAlign::Start);
        assert_eq!(tip_align(column_centre(2015, (2005, 2025))), TipAlign::Centre);
        assert_eq!(tip_align(column_centre(2025, (2005, 2025))), TipAlign::End);
        assert_eq!(tip_align(f64::NAN), TipAlign::Start);
        assert!((column_centre(2005, (2005, 2014)) - 0.05).abs() < 1e-9);
        assert!((column_centre(2014, (2005, 2014)) - 0.95).abs() < 1e-9);
    }

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

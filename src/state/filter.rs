//! Filtering deployments and events by the view (filters and year), and the summary line.

use crate::data::model::{Dataset, Deployment, Event};
use crate::state::view::Filters;
use std::collections::BTreeSet;

/// Whether a deployment passes the company, category and evidence filters (facets combine
/// with AND; values within a facet with OR).
pub fn matches(d: &Deployment, f: &Filters) -> bool {
    (f.companies.is_empty() || d.companies.iter().any(|c| f.companies.contains(c)))
        && (f.categories.is_empty() || d.categories.iter().any(|c| f.categories.contains(c)))
        && (f.evidence.is_empty() || f.evidence.contains(&d.evidence))
}

/// Deployments visible in the view: filtered, and begun by the selected year (cumulative;
/// None = all years).
pub fn visible<'a>(ds: &'a Dataset, filters: &Filters, year: Option<i32>) -> Vec<&'a Deployment> {
    ds.deployments.iter().filter(|d| matches(d, filters) && year.is_none_or(|y| d.year <= y)).collect()
}

/// Deployments matching the filters over all years (what the timeline draws).
pub fn filtered<'a>(ds: &'a Dataset, filters: &Filters) -> Vec<&'a Deployment> {
    ds.deployments.iter().filter(|d| matches(d, filters)).collect()
}

/// Whether an event follows the company filter (events have no category or evidence level).
pub fn event_matches(e: &Event, filters: &Filters) -> bool {
    filters.companies.is_empty() || e.companies.iter().any(|c| filters.companies.contains(c))
}

/// Events that follow the company filter, in date order.
pub fn events<'a>(ds: &'a Dataset, filters: &Filters) -> Vec<&'a Event> {
    let mut v: Vec<&Event> = ds.events.iter().filter(|e| event_matches(e, filters)).collect();
    v.sort_by_key(|e| (crate::data::date::PartialDate::parse(&e.date).map(|d| d.sort_key()), e.id.clone()));
    v
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub countries: usize,
    pub deployments: usize,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

pub fn summarise(deps: &[&Deployment]) -> Summary {
    let countries: BTreeSet<&str> = deps.iter().map(|d| d.country.as_str()).collect();
    Summary {
        countries: countries.len(),
        deployments: deps.len(),
        first_year: deps.iter().map(|d| d.year).min(),
        last_year: deps.iter().map(|d| d.year).max(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Category, Evidence};
    use crate::state::view::ViewState;

    fn dep(id: &str, country: &str, year: i32, co: &str, cat: Category, ev: Evidence) -> Deployment {
        Deployment::sample(id, country, year, co, cat, ev)
    }


    fn ds() -> Dataset {
        Dataset {
            deployments: vec![
                dep("a", "KEN", 2014, "huawei", Category::SafeCity, Evidence::Confirmed),
                dep("b", "UGA", 2019, "huawei", Category::Spyware, Evidence::Allegation),
                dep("c", "ECU", 2011, "ceiec", Category::SafeCity, Evidence::Confirmed),
                dep("d", "KEN", 2019, "zte", Category::Radio, Evidence::SingleSource),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn facets_combine_with_and_values_with_or() {
        let ds = ds();
        let mut v = ViewState::default();
        assert_eq!(visible(&ds, &v.filters, v.year).len(), 4);
        v.filters.companies.insert("huawei".into());
        assert_eq!(visible(&ds, &v.filters, v.year).iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        v.filters.companies.insert("zte".into());
        assert_eq!(visible(&ds, &v.filters, v.year).len(), 3);
        v.filters.evidence.insert(Evidence::Confirmed);
        assert_eq!(visible(&ds, &v.filters, v.year).iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a"]);
        v.filters.evidence.clear();
        v.filters.categories.insert(Category::Radio);
        assert_eq!(visible(&ds, &v.filters, v.year).iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d"]);
    }

    #[test]
    fn year_is_cumulative() {
        let ds = ds();
        let v = ViewState { year: Some(2014), ..Default::default() };
        let ids: Vec<_> = visible(&ds, &v.filters, v.year).iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        let s = summarise(&visible(&ds, &v.filters, v.year));
        assert_eq!(s, Summary { countries: 2, deployments: 2, first_year: Some(2011), last_year: Some(2014) });
        let none = ViewState { year: Some(2000), ..Default::default() };
        assert_eq!(summarise(&visible(&ds, &none.filters, none.year)), Summary { countries: 0, deployments: 0, first_year: None, last_year: None });
    }
}

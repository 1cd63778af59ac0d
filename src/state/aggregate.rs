//! Per-country aggregation of the (filtered) deployments, and the colour scale.

use crate::data::model::Deployment;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryStat {
    /// Deployments counted for this country (those visible under the current year and filters).
    pub count: usize,
    /// Earliest year among them.
    pub first_year: i32,
    /// Latest year among them.
    pub last_year: i32,
    /// How many of them began in the selected year (the "new this year" highlight).
    pub new_this_year: usize,
}

/// Counts per ISO3 code over the given deployments.
pub fn country_stats<'a>(deployments: impl IntoIterator<Item = &'a Deployment>, year: Option<i32>) -> BTreeMap<String, CountryStat> {
    let mut out: BTreeMap<String, CountryStat> = BTreeMap::new();
    for d in deployments {
        let s = out.entry(d.country.clone()).or_insert(CountryStat { count: 0, first_year: d.year, last_year: d.year, new_this_year: 0 });
        s.count += 1;
        s.first_year = s.first_year.min(d.year);
        s.last_year = s.last_year.max(d.year);
        if Some(d.year) == year {
            s.new_this_year += 1;
        }
    }
    out
}

/// The country the exports come from. The atlas documents deployments outside it, so it is
/// never shaded by count: the map gives it its own colour and legend entry, and selecting it
/// lists its domestic events (the data marks them with this country code).
pub const ORIGIN: &str = "CHN";

/// Number of classes in the sequential colour scale.
pub const BINS: usize = 4;

/// The class (1..=BINS) for a deployment count; 0 means no deployment (neutral).
/// Classes: 1, 2, 3, 4 or more.
pub fn colour_bin(count: usize) -> usize {
    count.min(BINS)
}

/// Legend labels for each class, in order.
pub fn bin_labels() -> [&'static str; BINS] {
    ["1", "2", "3", "4+"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Category, Evidence};

    pub fn dep(id: &str, country: &str, year: i32) -> Deployment {
        Deployment::sample(id, country, year, "", Category::SafeCity, Evidence::Confirmed)
    }


    #[test]
    fn counts_and_year_span_per_country() {
        let ds = [dep("a", "KEN", 2014), dep("b", "KEN", 2019), dep("c", "UGA", 2019)];
        let s = country_stats(&ds, Some(2019));
        assert_eq!(s["KEN"], CountryStat { count: 2, first_year: 2014, last_year: 2019, new_this_year: 1 });
        assert_eq!(s["UGA"].count, 1);
        assert!(!s.contains_key("ECU"));
    }

    #[test]
    fn colour_bins_saturate() {
        assert_eq!(colour_bin(0), 0);
        assert_eq!(colour_bin(1), 1);
        assert_eq!(colour_bin(3), 3);
        assert_eq!(colour_bin(4), 4);
        assert_eq!(colour_bin(40), 4);
        assert_eq!(bin_labels().len(), BINS);
    }
}

//! Sorting the table view.

use crate::data::model::Deployment;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Country,
    Year,
    Company,
    Category,
    Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort { key: SortKey::Year, ascending: true }
    }
}

impl Sort {
    /// Clicking a column: the same column flips direction, another starts ascending.
    pub fn click(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort { key, ascending: !self.ascending }
        } else {
            Sort { key, ascending: true }
        }
    }
}

/// Sorts deployments by the key, then by country name, year and id so the order is total.
/// `country_name` and `company_name` give the display names that are compared.
pub fn sort(rows: &mut [&Deployment], sort: Sort, country_name: impl Fn(&str) -> String, company_name: impl Fn(&str) -> String) {
    let first_company = |d: &Deployment| d.companies.first().map(|c| company_name(c).to_lowercase()).unwrap_or_else(|| "\u{10FFFF}".into());
    rows.sort_by(|a, b| {
        let primary = match sort.key {
            SortKey::Country => country_name(&a.country).cmp(&country_name(&b.country)),
            SortKey::Year => a.year.cmp(&b.year),
            SortKey::Company => first_company(a).cmp(&first_company(b)),
            SortKey::Category => a.categories.first().cmp(&b.categories.first()),
            SortKey::Evidence => a.evidence.cmp(&b.evidence),
        };
        let primary = if sort.ascending { primary } else { primary.reverse() };
        primary
            .then_with(|| country_name(&a.country).cmp(&country_name(&b.country)))
            .then(a.year.cmp(&b.year))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// `aria-sort` value for a column header.
pub fn aria_sort(current: Sort, key: SortKey) -> &'static str {
    match (current.key == key, current.ascending) {
        (false, _) => "none",
        (true, true) => "ascending",
        (true, false) => "descending",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Category, Evidence};

    fn dep(id: &str, country: &str, year: i32, co: &str, cat: Category, ev: Evidence) -> Deployment {
        Deployment::sample(id, country, year, co, cat, ev)
    }


    #[test]
    fn sorts_by_each_column_both_ways() {
        let a = dep("a", "KEN", 2014, "zte", Category::Radio, Evidence::Allegation);
        let b = dep("b", "ECU", 2011, "huawei", Category::SafeCity, Evidence::Confirmed);
        let c = dep("c", "UGA", 2019, "ceiec", Category::Drones, Evidence::NotImplemented);
        let name = |c: &str| match c { "KEN" => "Kenya", "ECU" => "Ecuador", _ => "Uganda" }.to_string();
        let co = |c: &str| c.to_string();
        let ids = |s: Sort| {
            let mut v = vec![&a, &b, &c];
            sort(&mut v, s, name, co);
            v.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join("")
        };
        assert_eq!(ids(Sort { key: SortKey::Year, ascending: true }), "bac");
        assert_eq!(ids(Sort { key: SortKey::Year, ascending: false }), "cab");
        assert_eq!(ids(Sort { key: SortKey::Country, ascending: true }), "bac");
        assert_eq!(ids(Sort { key: SortKey::Company, ascending: true }), "cba");
        assert_eq!(ids(Sort { key: SortKey::Category, ascending: true }), "bca");
        assert_eq!(ids(Sort { key: SortKey::Evidence, ascending: false }), "cab");
    }

    #[test]
    fn clicking_toggles_direction() {
        let s = Sort::default().click(SortKey::Year);
        assert!(!s.ascending);
        let t = s.click(SortKey::Country);
        assert_eq!(t, Sort { key: SortKey::Country, ascending: true });
        assert_eq!(aria_sort(t, SortKey::Country), "ascending");
        assert_eq!(aria_sort(t, SortKey::Year), "none");
    }
}

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
/// `country_name` and `company_name` give the display names that are compared; each is asked
/// once per row (not once per comparison: 3,000 rows made thousands of name look-ups and
/// allocations per sort).
pub fn sort(rows: &mut [&Deployment], sort: Sort, country_name: impl Fn(&str) -> String, company_name: impl Fn(&str) -> String) {
    let first_company = |d: &Deployment| d.companies.first().map(|c| company_name(c).to_lowercase()).unwrap_or_else(|| "\u{10FFFF}".into());
    let mut names: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    let keyed: Vec<(String, String, &Deployment)> = rows
        .iter()
        .map(|d| {
            let country = names.entry(d.country.as_str()).or_insert_with(|| country_name(&d.country)).clone();
            let company = if sort.key == SortKey::Company { first_company(d) } else { String::new() };
            (country, company, *d)
        })
        .collect();
    let mut keyed = keyed;
    keyed.sort_by(|(ca, coa, a), (cb, cob, b)| {
        let primary = match sort.key {
            SortKey::Country => ca.cmp(cb),
            SortKey::Year => a.year.cmp(&b.year),
            SortKey::Company => coa.cmp(cob),
            SortKey::Category => a.categories.first().cmp(&b.categories.first()),
            SortKey::Evidence => a.evidence.cmp(&b.evidence),
        };
        let primary = if sort.ascending { primary } else { primary.reverse() };
        primary.then_with(|| ca.cmp(cb)).then(a.year.cmp(&b.year)).then_with(|| a.id.cmp(&b.id))
    });
    for (row, (_, _, d)) in rows.iter_mut().zip(keyed) {
        *row = d;
    }
}

/// Rows the table renders at first, and how many more each "Show more" adds: a long table is
/// paged so that switching to it and sorting it stay quick (every row is one press away, and
/// the no-script table lists them all). 
pub const PAGE: usize = 25;

/// Deployment cards the country panel renders at first (each has its sources open); the rest
/// are one press of "Show all" away. Today's busiest country has about ten.
pub const PANEL_PAGE: usize = 20;

/// How many of `total` rows to render after `pages` presses of "Show more" (`usize::MAX` =
/// "Show all").
pub fn rows_shown(total: usize, pages: usize) -> usize {
    PAGE.saturating_mul(pages.saturating_add(1)).min(total)
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

    /// The old comparator, names asked on every comparison: the reference the keyed sort must equal.
    fn brute_sort(rows: &mut [&Deployment], sort: Sort, country_name: impl Fn(&str) -> String, company_name: impl Fn(&str) -> String) {
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
            primary.then_with(|| country_name(&a.country).cmp(&country_name(&b.country))).then(a.year.cmp(&b.year)).then_with(|| a.id.cmp(&b.id))
        });
    }

    proptest::proptest! {
        #[test]
        fn keyed_sort_equals_the_comparator_sort(rows in proptest::collection::vec((0..6usize, 2005..2027i32, 0..4usize, 0..4usize, 0..4usize), 0..60), key in 0..5usize, ascending: bool) {
            let countries = ["KEN", "ECU", "UGA", "SRB", "PAK", "BRA"];
            let companies = ["zte", "huawei", "Hikvision", "ceiec"];
            let deps: Vec<Deployment> = rows.iter().enumerate().map(|(i, &(c, y, co, cat, ev))| dep(&format!("d{i:02}"), countries[c], y, companies[co], Category::ALL[cat % Category::ALL.len()], Evidence::ALL[ev % Evidence::ALL.len()])).collect();
            let key = [SortKey::Country, SortKey::Year, SortKey::Company, SortKey::Category, SortKey::Evidence][key];
            let name = |c: &str| format!("name of {c}");
            let co = |c: &str| c.to_string();
            let mut a: Vec<&Deployment> = deps.iter().collect();
            let mut b = a.clone();
            sort(&mut a, Sort { key, ascending }, name, co);
            brute_sort(&mut b, Sort { key, ascending }, name, co);
            proptest::prop_assert_eq!(a.iter().map(|d| &d.id).collect::<Vec<_>>(), b.iter().map(|d| &d.id).collect::<Vec<_>>());
        }
    }

    #[test]
    fn long_tables_are_paged() {
        assert_eq!(rows_shown(PAGE - 5, 0), PAGE - 5);
        assert_eq!(rows_shown(3060, 0), PAGE);
        assert_eq!(rows_shown(3060, 1), 2 * PAGE);
        assert_eq!(rows_shown(3060, usize::MAX), 3060);
        assert_eq!(rows_shown(0, 5), 0);
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

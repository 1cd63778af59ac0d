//! File names for downloads that say which view they hold: what (map, deployments, data), the
//! year, the selected country, the filters, the image size. Only `[a-z0-9.-]`, so they survive
//! every file system, mail client and upload form.

use crate::state::view::ViewState;

pub const PREFIX: &str = "surveillance-atlas";
/// Values of one filter facet named in full; beyond, the facet says how many ("4-companies").
const MAX_NAMED: usize = 3;
/// Longest name kept for any single value.
const MAX_PART: usize = 24;

/// What a download holds, and its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The map as SVG.
    MapSvg,
    /// The map as PNG, with its size name ("16x9", "square").
    MapPng(&'static str),
    /// The visible deployments as CSV.
    Csv,
    /// The visible subset of the dataset as JSON.
    Json,
}

impl FileKind {
    fn parts(self) -> (&'static str, Option<&'static str>, &'static str) {
        match self {
            FileKind::MapSvg => ("map", None, "svg"),
            FileKind::MapPng(size) => ("map", Some(size), "png"),
            FileKind::Csv => ("deployments", None, "csv"),
            FileKind::Json => ("data", None, "json"),
        }
    }
}

/// Lowercase ASCII letters and digits, other runs turned into one dash, at most `MAX_PART` long.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out: String = out.chars().take(MAX_PART).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// One facet: its values (at most three named), or how many there are.
fn facet(values: Vec<String>, plural: &str, out: &mut Vec<String>) {
    let values: Vec<String> = values.iter().map(|v| slug(v)).filter(|v| !v.is_empty()).collect();
    match values.len() {
        0 => {}
        n if n <= MAX_NAMED => out.extend(values),
        n => out.push(format!("{n}-{plural}")),
    }
}

/// The file name for a download of the view, e.g.
/// `surveillance-atlas-map-2019-ken-huawei-safe-city-16x9.png`.
pub fn file_name(view: &ViewState, kind: FileKind) -> String {
    let (what, size, ext) = kind.parts();
    let mut parts = vec![PREFIX.to_string(), what.to_string()];
    parts.push(view.year.map(|y| y.to_string()).unwrap_or_else(|| "all-years".into()));
    if let Some(c) = view.country.as_deref().map(slug).filter(|c| !c.is_empty()) {
        parts.push(c);
    }
    let f = &view.filters;
    facet(f.companies.iter().cloned().collect(), "companies", &mut parts);
    facet(f.categories.iter().map(|c| c.id().to_string()).collect(), "technologies", &mut parts);
    facet(f.evidence.iter().map(|e| e.id().to_string()).collect(), "evidence-levels", &mut parts);
    if let Some(size) = size {
        parts.push(size.to_string());
    }
    format!("{}.{ext}", parts.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Category, Evidence};

    fn view() -> ViewState {
        ViewState::default()
    }

    #[test]
    fn the_default_view_says_all_years() {
        assert_eq!(file_name(&view(), FileKind::MapSvg), "surveillance-atlas-map-all-years.svg");
        assert_eq!(file_name(&view(), FileKind::Csv), "surveillance-atlas-deployments-all-years.csv");
        assert_eq!(file_name(&view(), FileKind::Json), "surveillance-atlas-data-all-years.json");
        assert_eq!(file_name(&view(), FileKind::MapPng("square")), "surveillance-atlas-map-all-years-square.png");
    }

    #[test]
    fn year_country_and_filters_are_named() {
        let mut v = view();
        v.year = Some(2019);
        v.country = Some("KEN".into());
        v.filters.companies.insert("huawei".into());
        v.filters.categories.insert(Category::SafeCity);
        v.filters.evidence.insert(Evidence::Confirmed);
        assert_eq!(file_name(&v, FileKind::MapPng("16x9")), "surveillance-atlas-map-2019-ken-huawei-safe-city-confirmed-16x9.png");
        assert_eq!(file_name(&v, FileKind::Csv), "surveillance-atlas-deployments-2019-ken-huawei-safe-city-confirmed.csv");
    }

    #[test]
    fn many_values_are_counted_and_odd_text_is_made_safe() {
        let mut v = view();
        for c in ["zte", "huawei", "hikvision", "dahua"] {
            v.filters.companies.insert(c.into());
        }
        v.country = Some("../Ké N\u{0}".into());
        let name = file_name(&v, FileKind::Json);
        assert_eq!(name, "surveillance-atlas-data-all-years-k-n-4-companies.json");
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'));
        let mut long = view();
        long.filters.companies.insert("a-very-long-company-identifier-indeed-it-is".into());
        assert!(file_name(&long, FileKind::Csv).len() < 80);
    }
}

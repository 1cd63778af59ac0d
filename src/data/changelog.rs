//! The dataset's own release notes and headline counts: `docs/CHANGELOG-DATA.md` is written
//! from `changelog` (`atlas-data changelog FILE`), and `meta.counts` is held to the entries.

use crate::data::model::{Counts, Dataset};
use std::collections::BTreeSet;

/// Deployments, distinct countries with a deployment, and events.
pub fn counts(ds: &Dataset) -> Counts {
    let countries: BTreeSet<&str> = ds.deployments.iter().map(|d| d.country.as_str()).collect();
    Counts { deployments: ds.deployments.len(), countries: countries.len(), events: ds.events.len() }
}

/// Which list an id belongs to (deployments first), for the changelog's links and checks.
pub fn list_of<'a>(ds: &Dataset, id: &str) -> Option<&'a str> {
    if ds.deployments.iter().any(|d| d.id == id) {
        Some("deployment")
    } else if ds.events.iter().any(|e| e.id == id) {
        Some("event")
    } else if ds.figures.iter().any(|f| f.id == id) {
        Some("figure")
    } else if ds.companies.iter().any(|c| c.id == id) {
        Some("company")
    } else if ds.sources.iter().any(|s| s.id == id) {
        Some("source")
    } else if ds.story.iter().any(|s| s.id == id) {
        Some("story step")
    } else {
        None
    }
}

/// The changelog as Markdown, newest release first.
pub fn markdown(ds: &Dataset) -> String {
    let mut out = String::from("# Data changelog\n\nWhat changed in each release of `assets/data/atlas.json`, newest first. This file is\nwritten from the dataset's `changelog` list: edit that, then run\n`cargo run --bin atlas-data -- changelog assets/data/atlas.json > docs/CHANGELOG-DATA.md`\n(a test fails when the two disagree).\n");
    for r in &ds.changelog {
        out.push_str(&format!("\n## {} ({})\n", r.version, r.date));
        if !r.note.is_empty() {
            out.push_str(&format!("\n{}\n", r.note));
        }
        if !r.added.is_empty() {
            out.push_str(&format!("\n### Added ({})\n\n", r.added.len()));
            for id in &r.added {
                out.push_str(&format!("- `{id}` ({})\n", list_of(ds, id).unwrap_or("entry")));
            }
        }
        for (title, items) in [("Corrected", &r.corrected), ("Removed", &r.removed)] {
            if !items.is_empty() {
                out.push_str(&format!("\n### {title} ({})\n\n", items.len()));
                for c in items {
                    out.push_str(&format!("- `{}`: {}\n", c.id, c.what));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::*;

    #[test]
    fn counts_distinct_countries_and_markdown_lists_every_change() {
        let ds = Dataset {
            deployments: vec![
                Deployment::sample("a", "KEN", 2014, "", Category::SafeCity, Evidence::Confirmed),
                Deployment::sample("b", "KEN", 2015, "", Category::SafeCity, Evidence::Confirmed),
                Deployment::sample("c", "UGA", 2019, "", Category::SafeCity, Evidence::Confirmed),
            ],
            changelog: vec![Release {
                version: "2026.12".into(),
                date: "2026-12-03".into(),
                note: "Second edition.".into(),
                added: vec!["c".into()],
                corrected: vec![Correction { id: "a".into(), what: "year 2008 → 2010".into() }],
                removed: vec![Correction { id: "z".into(), what: "a bid, not a deployment".into() }],
            }],
            ..Default::default()
        };
        assert_eq!(counts(&ds), Counts { deployments: 3, countries: 2, events: 0 });
        let md = markdown(&ds);
        assert!(md.contains("## 2026.12 (2026-12-03)"), "{md}");
        assert!(md.contains("### Added (1)\n\n- `c` (deployment)"), "{md}");
        assert!(md.contains("- `a`: year 2008 → 2010"), "{md}");
        assert!(md.contains("### Removed (1)\n\n- `z`: a bid, not a deployment"), "{md}");
    }
}

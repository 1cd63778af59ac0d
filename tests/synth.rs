//! The synthetic dataset generator (issue 14): deterministic for a seed, valid at every scale,
//! shaped like the shipped data; and, on its output, filtering, per-country aggregation and the
//! timeline bars agree with a brute-force recomputation over random filters and years.

mod common;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::sync::OnceLock;
use surveillance_atlas::data::changelog;
use surveillance_atlas::data::date::PartialDate;
use surveillance_atlas::data::model::{Category, Dataset, Evidence};
use surveillance_atlas::data::synth::{self, synth, FIRST_YEAR, LAST_YEAR, SCALES};
use surveillance_atlas::data::validate;
use surveillance_atlas::state::app::Loaded;
use surveillance_atlas::state::{aggregate, filter, timeline, view::Filters};

fn base() -> &'static Dataset {
    static BASE: OnceLock<Dataset> = OnceLock::new();
    BASE.get_or_init(common::dataset)
}

#[test]
fn same_seed_same_file_other_seed_other_file() {
    let a = synth::to_json(&synth(base(), 10, 1));
    assert_eq!(a, synth::to_json(&synth(base(), 10, 1)));
    assert_ne!(a, synth::to_json(&synth(base(), 10, 2)));
}

#[test]
fn valid_and_shaped_like_the_shipped_data_at_every_scale() {
    let index = common::index();
    let b = base();
    let base_countries: BTreeSet<&str> = b.deployments.iter().map(|d| d.country.as_str()).collect();
    for scale in SCALES {
        let ds = synth(base(), scale, 1);
        let json = synth::to_json(&ds);
        assert!(json.len() <= validate::MAX_BYTES, "scale {scale}: {} bytes", json.len());
        // Through the same path as the widget: text, parse, validate.
        let (parsed, report) = validate::load(&json, &index).unwrap_or_else(|r| panic!("scale {scale}: {:?}", r.errors().take(5).collect::<Vec<_>>()));
        assert_eq!(report.errors().count(), 0);
        assert_eq!(report.warnings().count(), 0, "scale {scale}: {:?}", report.warnings().take(5).collect::<Vec<_>>());
        assert_eq!(parsed, ds);
        let n = scale as usize;
        assert_eq!(ds.deployments.len(), b.deployments.len() * n);
        assert_eq!(ds.events.len(), b.events.len() * n);
        assert_eq!(ds.figures.len(), b.figures.len() * n);
        assert_eq!(ds.meta.counts, Some(changelog::counts(&ds)));
        assert!(!ds.changelog.is_empty() && !ds.changelog[0].added.is_empty());
        for d in &ds.deployments {
            assert!((2..=4).contains(&d.sources.len()), "{}", d.id);
            assert!((1..=3).contains(&d.categories.len()) && d.companies.len() <= 3, "{}", d.id);
            assert!((FIRST_YEAR..=LAST_YEAR).contains(&d.year), "{}", d.id);
            assert!(base_countries.contains(d.country.as_str()), "{}: a country the shipped data does not have", d.id);
        }
        for e in &ds.events {
            assert!((2..=4).contains(&e.sources.len()), "{}", e.id);
        }
        if scale >= 10 {
            let years: BTreeSet<i32> = ds.deployments.iter().map(|d| d.year).collect();
            assert_eq!(years, (FIRST_YEAR..=LAST_YEAR).collect(), "scale {scale}: every year 2005–2026 occurs");
            assert!(ds.deployments.iter().filter(|d| d.companies.len() > 1).count() * 5 > ds.deployments.len(), "several companies per entry");
            assert!(ds.deployments.iter().filter(|d| d.categories.len() > 1).count() * 3 > ds.deployments.len(), "several categories per entry");
        }
    }
}

#[test]
fn countries_follow_the_shipped_weights() {
    // Brazil has the most deployments in the shipped data (4, against at most 2 elsewhere):
    // at scale 30 it should have more than the median country by a wide margin.
    let b = base();
    let mut base_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &b.deployments {
        *base_counts.entry(&d.country).or_default() += 1;
    }
    let top = base_counts.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c).unwrap();
    let ds = synth(b, 30, 1);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &ds.deployments {
        *counts.entry(&d.country).or_default() += 1;
    }
    let mut sorted: Vec<usize> = counts.values().copied().collect();
    sorted.sort();
    let median = sorted[sorted.len() / 2];
    assert!(counts[top] > median * 2, "{top}: {} vs median {median}", counts[top]);
}

#[test]
fn cli_writes_the_generated_file_and_validates_it() {
    let dir = std::env::temp_dir().join(format!("atlas-synth-{}", std::process::id()));
    let out = dir.join("nested/s1.json");
    let o = Command::new(env!("CARGO_BIN_EXE_atlas-data")).args(["synth", "--scale", "1", "--seed", "3", out.to_str().unwrap()]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("0 errors"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), synth::to_json(&synth(base(), 1, 3)));
    let o = Command::new(env!("CARGO_BIN_EXE_atlas-data")).args(["synth", "--scale", "ten", "--seed", "3", out.to_str().unwrap()]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--scale"));
    let _ = std::fs::remove_dir_all(dir);
}

// ---- Property test: the state functions against brute force on synthetic data ----

fn datasets() -> &'static [Dataset] {
    static DS: OnceLock<Vec<Dataset>> = OnceLock::new();
    DS.get_or_init(|| vec![synth(base(), 1, 11), synth(base(), 3, 12)])
}

/// The same datasets loaded as the widget holds them (with the indexes built at load).
fn loadeds() -> &'static [Loaded] {
    // `Loaded` holds `Rc`s (not `Sync`): one per test thread, leaked for the run.
    thread_local!(static L: &'static [Loaded] = Vec::leak(datasets().iter().map(|ds| Loaded::new(ds.clone(), common::world(), vec![])).collect()));
    L.with(|l| *l)
}

#[test]
fn lookups_by_id_match_a_linear_search() {
    for l in loadeds() {
        for s in &l.data.sources {
            assert_eq!(l.source(&s.id).map(|x| &x.id), l.data.sources.iter().find(|x| x.id == s.id).map(|x| &x.id));
            assert!(std::ptr::eq(l.source(&s.id).unwrap(), l.data.sources.iter().find(|x| x.id == s.id).unwrap()));
        }
        for c in &l.data.companies {
            assert!(std::ptr::eq(l.company(&c.id).unwrap(), l.data.companies.iter().find(|x| x.id == c.id).unwrap()));
            assert_eq!(l.company_name(&c.id), c.name);
        }
        assert!(l.source("no-such-source").is_none());
        assert_eq!(l.company_name("no-such-company"), "no-such-company");
    }
}

/// Ids of the deployments that pass, computed as set intersections of per-value id sets
/// (a different formulation from `filter::matches`).
fn brute_visible(ds: &Dataset, f: &Filters, year: Option<i32>) -> Vec<String> {
    let mut keep: BTreeSet<&str> = ds.deployments.iter().map(|d| d.id.as_str()).collect();
    if !f.companies.is_empty() {
        let with: BTreeSet<&str> = ds.deployments.iter().filter(|d| f.companies.iter().any(|c| d.companies.contains(c))).map(|d| d.id.as_str()).collect();
        keep = keep.intersection(&with).copied().collect();
    }
    if !f.categories.is_empty() {
        let with: BTreeSet<&str> = f.categories.iter().flat_map(|c| ds.deployments.iter().filter(move |d| d.categories.contains(c))).map(|d| d.id.as_str()).collect();
        keep = keep.intersection(&with).copied().collect();
    }
    if !f.evidence.is_empty() {
        let with: BTreeSet<&str> = f.evidence.iter().flat_map(|e| ds.deployments.iter().filter(move |d| d.evidence == *e)).map(|d| d.id.as_str()).collect();
        keep = keep.intersection(&with).copied().collect();
    }
    // Dataset order, as the widget lists them.
    ds.deployments.iter().filter(|d| keep.contains(d.id.as_str()) && year.is_none_or(|y| d.year <= y)).map(|d| d.id.clone()).collect()
}

fn filters_strategy() -> impl Strategy<Value = (usize, Filters, Option<i32>)> {
    (
        0..2usize,
        prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        prop::collection::btree_set(prop::sample::select(Category::ALL.to_vec()), 0..3),
        prop::collection::btree_set(prop::sample::select(Evidence::ALL.to_vec()), 0..3),
        prop::option::of(FIRST_YEAR - 2..=LAST_YEAR + 1),
    )
        .prop_map(|(which, cos, categories, evidence, year)| {
            let ds = &datasets()[which];
            let companies = cos.iter().map(|i| ds.companies[i.index(ds.companies.len())].id.clone()).collect();
            (which, Filters { companies, categories, evidence }, year)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn filters_aggregates_and_bars_match_brute_force((which, f, year) in filters_strategy()) {
        let ds = &datasets()[which];
        let visible = filter::visible(ds, &f, year);
        let ids: Vec<String> = visible.iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(&ids, &brute_visible(ds, &f, year));
        let all: Vec<String> = filter::filtered(ds, &f).iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(&all, &brute_visible(ds, &f, None));

        // Summary line.
        let s = filter::summarise(&visible);
        let vis: Vec<_> = ds.deployments.iter().filter(|d| ids.contains(&d.id)).collect();
        let countries: BTreeSet<&str> = vis.iter().map(|d| d.country.as_str()).collect();
        prop_assert_eq!(s.deployments, ids.len());
        prop_assert_eq!(s.countries, countries.len());
        prop_assert_eq!(s.first_year, vis.iter().map(|d| d.year).min());
        prop_assert_eq!(s.last_year, vis.iter().map(|d| d.year).max());

        // Per-country statistics: one pass per country over the whole dataset.
        let stats = aggregate::country_stats(visible.iter().copied(), year);
        prop_assert_eq!(stats.len(), countries.len());
        for c in &countries {
            let mine: Vec<_> = vis.iter().filter(|d| d.country == *c).collect();
            let st = &stats[*c];
            prop_assert_eq!(st.count, mine.len());
            prop_assert_eq!(st.first_year, mine.iter().map(|d| d.year).min().unwrap());
            prop_assert_eq!(st.last_year, mine.iter().map(|d| d.year).max().unwrap());
            prop_assert_eq!(st.new_this_year, mine.iter().filter(|d| Some(d.year) == year).count());
        }

        // Events follow the company filter only, in date order; the loaded data's shared list
        // gives the same events in the same order.
        let events = filter::events(ds, &f);
        let shared = loadeds()[which].events_for(&f);
        prop_assert_eq!(shared.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>());
        let want: BTreeSet<&str> = ds.events.iter().filter(|e| f.companies.is_empty() || e.companies.iter().any(|c| f.companies.contains(c))).map(|e| e.id.as_str()).collect();
        prop_assert_eq!(events.iter().map(|e| e.id.as_str()).collect::<BTreeSet<_>>(), want);
        let keys: Vec<_> = events.iter().map(|e| PartialDate::parse(&e.date).unwrap().sort_key()).collect();
        prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]));

        // Timeline bars: every year of the range, each category counted by first category.
        let range = timeline::year_range(ds).unwrap();
        let all_deps = filter::filtered(ds, &f);
        let bars = timeline::bars(&all_deps, &events, range);
        prop_assert_eq!(bars.len() as i32, range.1 - range.0 + 1);
        for bar in &bars {
            for c in Category::ALL {
                let n = all_deps.iter().filter(|d| d.year == bar.year && d.categories.first() == Some(&c)).count();
                let got = bar.segments.iter().find(|(k, _)| *k == c).map(|s| s.1).unwrap_or(0);
                prop_assert_eq!(got, n, "year {} category {:?}", bar.year, c);
            }
            let ev = events.iter().filter(|e| e.date.starts_with(&bar.year.to_string())).count();
            prop_assert_eq!(bar.events, ev);
            prop_assert_eq!(bar.total(), all_deps.iter().filter(|d| d.year == bar.year).count());
        }
    }
}

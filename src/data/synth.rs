//! Synthetic datasets for load testing (`atlas-data synth --scale N --seed S OUT`).
//!
//! `synth(base, scale, seed)` makes a dataset `scale` times the size of `base` (the shipped
//! `assets/data/atlas.json`) with its shape: countries, companies, categories, evidence levels
//! and event kinds drawn with the base's frequencies; one to three companies and categories per
//! deployment; two to four sources per entry, each dated no earlier than the entry; years spread
//! over 2005–2026 (the base's year profile, smoothed so every year occurs); events and key
//! figures scaled too; a changelog and `meta.counts` that agree with the entries. The output is
//! valid under the validator (no errors) and is the same for the same base, scale and seed.
//! Every text says it is synthetic: these are not real deployments.
//!
//! The random numbers come from SplitMix64, written out here so that a seed gives the same file
//! whatever version of a random-number crate is in the lock file.

use crate::data::model::*;
use std::collections::BTreeMap;

/// The scales the benchmark and tests use.
pub const SCALES: [u32; 3] = [1, 10, 30];
pub const FIRST_YEAR: i32 = 2005;
pub const LAST_YEAR: i32 = 2026;

/// SplitMix64: small, fast, and fixed forever for a seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_a71a_5000_0001)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as u128 * n as u128 >> 53) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Items with integer weights, drawn in proportion to them.
#[derive(Debug, Clone)]
struct Weighted<T> {
    items: Vec<T>,
    cumulative: Vec<u64>,
}

impl<T: Clone> Weighted<T> {
    fn new(pairs: impl IntoIterator<Item = (T, u64)>) -> Weighted<T> {
        let (mut items, mut cumulative, mut total) = (Vec::new(), Vec::new(), 0);
        for (item, w) in pairs {
            if w > 0 {
                total += w;
                items.push(item);
                cumulative.push(total);
            }
        }
        Weighted { items, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> T {
        let total = *self.cumulative.last().expect("at least one weighted item");
        let r = (rng.next_u64() % total) + 1;
        let i = self.cumulative.partition_point(|&c| c < r);
        self.items[i].clone()
    }

    /// Up to `n` distinct items (fewer if there are not that many).
    fn draw_distinct(&self, rng: &mut Rng, n: usize) -> Vec<T>
    where
        T: PartialEq,
    {
        let mut out: Vec<T> = Vec::new();
        let n = n.min(self.items.len());
        let mut tries = 0;
        while out.len() < n && tries < 50 * n {
            let x = self.draw(rng);
            if !out.contains(&x) {
                out.push(x);
            }
            tries += 1;
        }
        out
    }
}

/// Counts with add-one smoothing over the given universe, so that every value can occur.
fn frequencies<T: Ord + Clone>(universe: impl IntoIterator<Item = T>, seen: impl IntoIterator<Item = T>) -> Weighted<T> {
    let mut m: BTreeMap<T, u64> = universe.into_iter().map(|k| (k, 1)).collect();
    for k in seen {
        *m.entry(k).or_insert(1) += 1;
    }
    Weighted::new(m)
}

const PUBLISHERS: &[&str] = &[
    "Reuters", "AFP", "Associated Press", "The Guardian", "Le Monde", "El País", "Nikkei Asia", "Human Rights Watch", "Amnesty International", "ASPI", "Carnegie Endowment", "IPVM", "Financial Times", "Rest of World", "Global Voices", "Folha de S.Paulo", "Daily Nation", "Dawn", "RFE/RL", "Bloomberg",
];
const PLACES: &[&str] = &["Central", "North", "South", "East", "West", "Port", "Upper", "Lower", "Old Town", "New Town", "Airport", "Harbour"];
const THINGS: &[&str] = &["cameras", "command centres", "licence-plate readers", "radio handsets", "data links", "police drones", "biometric kiosks", "server rooms"];
const VERBS: &[&str] = &["supplied", "installed", "financed", "upgraded", "operated", "tested", "expanded", "maintained"];
const CITIES: &[&str] = &["Shenzhen", "Hangzhou", "Beijing", "Shanghai", "Chengdu", "Guangzhou", "Hefei", "Xi'an"];

/// A list of names read as prose: "A", "A and B", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => "Unnamed suppliers".into(),
        [a] => (*a).into(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

struct Builder {
    rng: Rng,
    scale: u32,
    sources: Vec<Source>,
    /// Indexes into `sources` by the year of their date.
    by_year: BTreeMap<i32, Vec<usize>>,
    company_names: BTreeMap<String, String>,
}

impl Builder {
    /// Two to four distinct sources dated in the entry's year or up to two years later: a new
    /// source two times in five, else one already cited by another entry.
    fn cite(&mut self, year: i32, min: usize, max: usize) -> Vec<String> {
        let n = self.rng.range(min as i32, max as i32) as usize;
        let mut out: Vec<String> = Vec::new();
        while out.len() < n {
            let y = (year + self.rng.range(0, 2)).clamp(FIRST_YEAR, LAST_YEAR).max(year);
            let reuse = !self.rng.chance(0.4);
            let pool = self.by_year.get(&y).filter(|v| !v.is_empty());
            let id = match (reuse, pool) {
                (true, Some(pool)) => {
                    let i = pool[self.rng.below(pool.len())];
                    self.sources[i].id.clone()
                }
                _ => self.new_source(y),
            };
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    fn new_source(&mut self, year: i32) -> String {
        let n = self.sources.len();
        let id = format!("synth-src-{n:05}");
        let publisher = (*self.rng.pick(PUBLISHERS)).to_string();
        let (m, d) = (self.rng.range(1, 12), self.rng.range(1, 28));
        let thing = *self.rng.pick(THINGS);
        let slug = publisher.to_ascii_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "");
        let lang = self.rng.chance(0.15).then(|| (*self.rng.pick(&["fr", "es", "pt", "ar", "zh"])).to_string());
        self.sources.push(Source {
            id: id.clone(),
            title: format!("Synthetic report {n}: {thing} and the spread of surveillance technology"),
            publisher,
            date: format!("{year}-{m:02}-{d:02}"),
            url: Some(format!("https://{slug}.example.org/{year}/{m:02}/synthetic-report-{n}")),
            via: None,
            author: self.rng.chance(0.5).then(|| format!("Reporter {}", n % 97)),
            lang,
        });
        self.by_year.entry(year).or_default().push(n);
        id
    }

    fn names(&self, companies: &[String]) -> String {
        let names: Vec<&str> = companies.iter().map(|c| self.company_names.get(c).map(String::as_str).unwrap_or(c)).collect();
        and_list(&names)
    }
}

/// A synthetic dataset `scale` times the size of `base`, the same for the same arguments.
pub fn synth(base: &Dataset, scale: u32, seed: u64) -> Dataset {
    let scale = scale.max(1);
    let mut rng = Rng::new(seed);
    let years = frequencies(FIRST_YEAR..=LAST_YEAR, base.deployments.iter().map(|d| d.year).filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y)));
    let countries = frequencies(std::iter::empty::<String>(), base.deployments.iter().map(|d| d.country.clone()));
    let event_countries = frequencies(std::iter::empty::<String>(), base.events.iter().filter_map(|e| e.country.clone()).chain(base.deployments.iter().map(|d| d.country.clone())));
    let categories = frequencies(Category::ALL, base.deployments.iter().flat_map(|d| d.categories.iter().copied()));
    let evidence = frequencies(Evidence::ALL, base.deployments.iter().map(|d| d.evidence));
    let kinds = frequencies(EventKind::ALL, base.events.iter().map(|e| e.kind));

    // Companies: the base's (their sources replaced by synthetic ones below), and more as the
    // data grows (√scale times as many: new datasets name new suppliers, not ten times as many).
    let target = (base.companies.len() as f64 * (scale as f64).sqrt()).round() as usize;
    let extra = target.saturating_sub(base.companies.len()).max(usize::from(base.companies.is_empty()) * 3);
    let mut companies: Vec<Company> = base.companies.clone();
    for k in 0..extra {
        companies.push(Company {
            id: format!("synth-co-{k:03}"),
            name: format!("Synthetic Vision {k}"),
            headquarters: format!("{}, China", rng.pick(CITIES)),
            ownership: if rng.chance(0.3) { Ownership::StateOwned } else { Ownership::Private },
            summary: format!("A synthetic supplier of {} made up for load testing.", rng.pick(THINGS)),
            sanctions: vec![],
            sources: vec![],
        });
    }
    let company_weights = frequencies(companies.iter().map(|c| c.id.clone()), base.deployments.iter().flat_map(|d| d.companies.iter().cloned()));
    let company_names = companies.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let mut b = Builder { rng, scale, sources: Vec::new(), by_year: BTreeMap::new(), company_names };
    for c in &mut companies {
        for s in &mut c.sanctions {
            let y = crate::data::date::PartialDate::parse(&s.date).map(|d| d.year).unwrap_or(LAST_YEAR).clamp(FIRST_YEAR, LAST_YEAR);
            s.sources = b.cite(y, 1, 2);
        }
        let y = b.rng.range(2010, 2020);
        c.sources = if c.sources.is_empty() { vec![] } else { b.cite(y, 1, 2) };
    }

    let n_deployments = base.deployments.len().max(1) * scale as usize;
    let mut deployments = Vec::with_capacity(n_deployments);
    for i in 0..n_deployments {
        let country: String = countries.draw(&mut b.rng);
        let year: i32 = years.draw(&mut b.rng);
        let n_co = [0, 1, 1, 1, 2, 2, 3][b.rng.below(7)];
        let cos = company_weights.draw_distinct(&mut b.rng, n_co);
        let n_cat = [1, 1, 2, 2, 3][b.rng.below(5)];
        let cats = categories.draw_distinct(&mut b.rng, n_cat);
        let place = format!("{} district {}", b.rng.pick(PLACES), b.rng.range(1, 40));
        let co_names = b.names(&cos);
        let things = *b.rng.pick(THINGS);
        let summary = format!(
            "{} {} {} {things} for the police in {place}, {country}, in {year}; reports count about {} units linked to {} monitoring centres. Synthetic entry for load testing, not a real deployment.",
            co_names,
            b.rng.pick(VERBS),
            b.rng.range(50, 9_000),
            b.rng.range(20, 20_000),
            b.rng.range(1, 40),
        );
        let sources = b.cite(year, 2, 4);
        let mut dates = KeyDates::default();
        if b.rng.chance(0.6) {
            dates.announced = Some(format!("{year}-{:02}", b.rng.range(1, 6)));
            if b.rng.chance(0.5) {
                dates.live = Some(format!("{}", (year + b.rng.range(0, 2)).min(LAST_YEAR)));
            }
        }
        let end_year = b.rng.chance(0.03).then(|| (year + b.rng.range(1, 5)).min(LAST_YEAR));
        let disputed = b.rng.chance(0.2).then(|| format!("Sources disagree on the year: one dates the contract to {}.", year - 1));
        let key_source = b.rng.chance(0.06).then(|| sources[0].clone());
        deployments.push(Deployment {
            id: format!("{}-synth-{i:05}", country.to_ascii_lowercase()),
            country,
            place,
            year,
            end_year,
            dates,
            companies: cos,
            categories: cats,
            summary,
            evidence: evidence.draw(&mut b.rng),
            disputed,
            sources,
            key_source,
            translations: Default::default(),
        });
    }

    let n_events = base.events.len() * scale as usize;
    let mut events = Vec::with_capacity(n_events);
    for i in 0..n_events {
        let year: i32 = years.draw(&mut b.rng);
        let kind: EventKind = kinds.draw(&mut b.rng);
        let date = match b.rng.below(4) {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", b.rng.range(1, 12)),
            _ => format!("{year}-{:02}-{:02}", b.rng.range(1, 12), b.rng.range(1, 28)),
        };
        let country = b.rng.chance(0.85).then(|| event_countries.draw(&mut b.rng));
        let n_co = [0, 1, 1, 2][b.rng.below(4)];
        let cos = company_weights.draw_distinct(&mut b.rng, n_co);
        let co_names = b.names(&cos);
        let title = format!("Synthetic {} {i}: {co_names} in {}", kind.id().replace('-', " "), country.as_deref().unwrap_or("several countries"));
        let summary = format!("A made-up {} event dated {date}, for load testing; {} {}.", kind.id().replace('-', " "), b.rng.range(2, 900), b.rng.pick(THINGS));
        let sources = b.cite(year, 2, 4);
        events.push(Event { id: format!("synth-ev-{i:05}"), date, title, summary, kind, country, companies: cos, sources, translations: Default::default() });
    }

    let n_figures = base.figures.len() * scale as usize;
    let mut figures = Vec::with_capacity(n_figures);
    for i in 0..n_figures {
        let year: i32 = years.draw(&mut b.rng);
        let company = b.rng.chance(0.3).then(|| company_weights.draw(&mut b.rng));
        let sources = b.cite(year, 2, 4);
        figures.push(Figure {
            id: format!("synth-fig-{i:04}"),
            value: format!("{}", b.rng.range(2, 180)),
            label: format!("countries with {} (synthetic figure {i})", b.rng.pick(THINGS)),
            detail: "Made up for load testing.".into(),
            year,
            sources,
            company,
        });
    }

    let mut story = Vec::new();
    let steps = base.story.len();
    for i in 0..steps {
        let year = FIRST_YEAR + ((LAST_YEAR - FIRST_YEAR) * i as i32) / (steps.max(2) as i32 - 1);
        let country = b.rng.chance(0.8).then(|| countries.draw(&mut b.rng));
        let region = (i % 3 == 0).then(|| Region::ALL[i % Region::ALL.len()]);
        let sources = b.cite(year, 2, 3);
        story.push(StoryStep { id: format!("synth-step-{i:02}"), year, country, region, caption: format!("Step {} of a synthetic tour of the data, in {year}.", i + 1), sources, notes: format!("Synthetic presenter note {}.", i + 1), notes_lang: None });
    }

    // Every entry first dated in the last two years was "added" in the latest release.
    let added: Vec<String> = deployments.iter().filter(|d| d.year >= LAST_YEAR - 1).map(|d| d.id.clone()).chain(events.iter().filter(|e| e.year().is_some_and(|y| y >= LAST_YEAR - 1)).map(|e| e.id.clone())).collect();
    let corrected: Vec<Correction> = deployments.iter().step_by(97).map(|d| Correction { id: d.id.clone(), what: "year checked against a second synthetic source".into() }).collect();
    let changelog = vec![
        Release { version: format!("synth-{scale}.2"), date: format!("{LAST_YEAR}-11-30"), note: "Synthetic release: entries of the last two years.".into(), added, corrected, removed: vec![] },
        Release { version: format!("synth-{scale}.1"), date: format!("{}-06-01", LAST_YEAR - 1), note: "Synthetic first release.".into(), ..Default::default() },
    ];

    let mut ds = Dataset {
        meta: Meta {
            title: format!("Synthetic atlas ×{}", b.scale),
            description: format!("Made-up data {scale} times the size of the shipped dataset (seed {seed}), for load testing. Not real deployments."),
            updated: format!("{LAST_YEAR}-11-30"),
            licence: "CC0".into(),
            version: format!("synth-{scale}.2"),
            corrections: None,
            counts: None,
        },
        sources: b.sources,
        companies,
        deployments,
        events,
        figures,
        story,
        changelog,
    };
    ds.meta.counts = Some(crate::data::changelog::counts(&ds));
    ds
}

/// The dataset as the compact JSON the generator writes.
pub fn to_json(ds: &Dataset) -> String {
    serde_json::to_string(ds).expect("a dataset always serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_fixed_for_a_seed_and_in_range() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        assert_eq!(xs, (0..5).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_ne!(xs[0], Rng::new(8).next_u64());
        for _ in 0..1000 {
            assert!(a.below(3) < 3);
            assert!((2005..=2026).contains(&a.range(2005, 2026)));
        }
    }

    #[test]
    fn weighted_draws_follow_the_weights() {
        let w = Weighted::new([("a", 9u64), ("b", 1), ("c", 0)]);
        let mut r = Rng::new(1);
        let draws: Vec<&str> = (0..2000).map(|_| w.draw(&mut r)).collect();
        let a = draws.iter().filter(|x| **x == "a").count();
        assert!((1650..1950).contains(&a), "{a}");
        assert!(!draws.contains(&"c"));
        assert_eq!(w.draw_distinct(&mut r, 5).len(), 2);
    }

    #[test]
    fn and_list_reads_as_prose() {
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}

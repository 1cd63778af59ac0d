//! Application state as a reducer: everything the view shows follows from `AppState`,
//! and every change goes through an `Action`.

use crate::data::model::{Dataset, Deployment};
use crate::geo::world::{CountryIndex, WorldMap};
use crate::state::aggregate::{country_stats, CountryStat};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// A dataset that passed validation, with the geometry it is drawn on.
#[derive(Debug)]
pub struct Loaded {
    pub data: Dataset,
    pub world: WorldMap,
    pub index: CountryIndex,
    /// Validator warnings (not shown to readers; logged to the console).
    pub warnings: Vec<String>,
}

/// Loaded data never changes after load: identity is equality (cheap prop comparisons).
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Loaded {
    pub fn new(data: Dataset, world: WorldMap, warnings: Vec<String>) -> Loaded {
        let index = CountryIndex::new(&world);
        Loaded { data, world, index, warnings }
    }

    pub fn country_name(&self, iso3: &str) -> String {
        self.world.country(&self.index, iso3).map(|c| c.name.clone()).unwrap_or_else(|| iso3.to_string())
    }

    pub fn company_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.data.companies.iter().find(|c| c.id == id).map(|c| c.name.as_str()).unwrap_or(id)
    }

    /// Deployments in one country, oldest first.
    pub fn deployments_in(&self, iso3: &str) -> Vec<&Deployment> {
        let mut v: Vec<&Deployment> = self.data.deployments.iter().filter(|d| d.country == iso3).collect();
        v.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
        v
    }

    pub fn stats(&self) -> BTreeMap<String, CountryStat> {
        country_stats(&self.data.deployments, None)
    }
}

/// Why the widget could not show its data: a headline and the specific problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub title: String,
    pub details: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Loading,
    Failed(LoadError),
    Ready(Rc<Loaded>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub status: Status,
    /// ISO3 code of the selected country.
    pub selected: Option<String>,
    /// Bumped by `Retry` so the loader runs again.
    pub load_attempt: u32,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { status: Status::Loading, selected: None, load_attempt: 0 }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Loaded(Rc<Loaded>),
    Failed(LoadError),
    Retry,
    /// Select a country by ISO3 code; unknown codes are ignored.
    Select(String),
    ClearSelection,
}

impl AppState {
    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match &self.status {
            Status::Ready(l) => Some(l),
            _ => None,
        }
    }

    /// Applies one action, returning the new state (pure; used by the Yew reducer).
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::Loaded(l) => {
                // Keep a selection made before load (e.g. from the URL) only if it exists.
                if let Some(sel) = &next.selected {
                    if !l.index.contains(sel) {
                        next.selected = None;
                    }
                }
                next.status = Status::Ready(l);
            }
            Action::Failed(e) => next.status = Status::Failed(e),
            Action::Retry => {
                next.status = Status::Loading;
                next.load_attempt += 1;
            }
            Action::Select(code) => {
                let ok = match &next.status {
                    Status::Ready(l) => l.index.contains(&code),
                    _ => code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
                };
                if ok {
                    next.selected = Some(code);
                }
            }
            Action::ClearSelection => next.selected = None,
        }
        next
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

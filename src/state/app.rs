//! Application state as a reducer: everything the view shows follows from `AppState`,
//! and every change goes through an `Action`.

use crate::data::model::{Category, Company, Dataset, Deployment, Event, Evidence, Region, Source};
use crate::geo::world::{CountryIndex, WorldMap};
use crate::i18n::Lang;
use crate::state::timeline::{play_next, year_range};
use crate::state::url;
use crate::state::view::{Tab, Theme, ViewState};
use crate::state::zoom::{region_box, step_frame, ViewBox};
use std::collections::HashMap;
use std::rc::Rc;
use yew::Reducible;

/// A dataset that passed validation, with the geometry it is drawn on.
#[derive(Debug)]
pub struct Loaded {
    pub data: Dataset,
    pub world: WorldMap,
    pub index: CountryIndex,
    /// Validator warnings (not shown to readers; logged to the console with `?debug=1`).
    pub warnings: Vec<String>,
    /// Each country's path data as a shared string, built once (by position in `world`).
    pub paths: Vec<Option<yew::AttrValue>>,
    /// First and last year of the deployments and events (None for an empty dataset), worked
    /// out once: every year change needs it.
    pub years: Option<(i32, i32)>,
    /// Position of each source and company by id, built once: source lists and company names
    /// are looked up for every card and row, and a linear search over 8,000 sources (30 times
    /// today's data) made a country click cost seconds.
    source_pos: HashMap<String, usize>,
    company_pos: HashMap<String, usize>,
    /// The events in `filter::events`' order (by date, then id), shared: the filtered event lists
    /// hold these same `Rc`s, so a filter change leaves unchanged cards alone (they compare by
    /// identity).
    pub events_by_date: Vec<Rc<Event>>,
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
        let paths = world.countries.iter().map(|c| c.path.clone().map(yew::AttrValue::from)).collect();
        let years = year_range(&data);
        let source_pos = data.sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).rev().collect();
        let company_pos = data.companies.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).rev().collect();
        let events_by_date = crate::state::filter::events(&data, &Default::default()).into_iter().map(|e| Rc::new(e.clone())).collect();
        Loaded { data, world, index, warnings, paths, years, source_pos, company_pos, events_by_date }
    }

    pub fn country_name(&self, iso3: &str) -> String {
        self.country_name_in(iso3, Lang::En)
    }

    /// The country's name in a language (world-countries' translations, from the language pack),
    /// else its English name, else the code.
    pub fn country_name_in(&self, iso3: &str, lang: Lang) -> String {
        match self.world.country(&self.index, iso3) {
            Some(c) => lang.country_name(&c.iso3).map(str::to_string).unwrap_or_else(|| c.name.clone()),
            None => iso3.to_string(),
        }
    }

    pub fn company_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.company(id).map(|c| c.name.as_str()).unwrap_or(id)
    }

    /// The first source with this id (by the index built at load).
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_pos.get(id).map(|&i| &self.data.sources[i])
    }

    /// The first company with this id.
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.company_pos.get(id).map(|&i| &self.data.companies[i])
    }

    /// Events that follow the company filter, in date order, sharing `events_by_date`'s `Rc`s
    /// (the same events, in the same order, as `filter::events`).
    pub fn events_for(&self, filters: &crate::state::view::Filters) -> Vec<Rc<Event>> {
        self.events_by_date.iter().filter(|e| crate::state::filter::event_matches(e, filters)).cloned().collect()
    }

    /// Deployments in one country, oldest first.
    pub fn deployments_in(&self, iso3: &str) -> Vec<&Deployment> {
        let mut v: Vec<&Deployment> = self.data.deployments.iter().filter(|d| d.country == iso3).collect();
        v.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
        v
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
    /// Everything that lives in the URL.
    pub view: ViewState,
    /// Bumped by `Retry` so the loader runs again.
    pub load_attempt: u32,
    pub playing: bool,
    /// Current zoom (None = whole world); not in the URL, the region preset is.
    pub zoom: Option<ViewBox>,
    /// Presenter notes shown under the story caption (`N` in presentation mode).
    pub notes: bool,
    /// The printable classroom handout is shown (in place of the widget, until closed).
    pub handout: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { status: Status::Loading, view: ViewState::default(), load_attempt: 0, playing: false, zoom: None, notes: false, handout: false }
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
    /// None = all years. Stops Play.
    SetYear(Option<i32>),
    /// Moves the year by a number of steps (stops Play).
    StepYear(i32),
    Play,
    Pause,
    /// Play's timer: next year, or stop at the end.
    Tick,
    ToggleCompany(String),
    ToggleCategory(Category),
    ToggleEvidence(Evidence),
    ResetFilters,
    SetTab(Tab),
    /// A region preset (None = world).
    SetRegion(Option<Region>),
    /// Zoom by a factor around a point in map units (None = the centre of the view).
    Zoom(f64, Option<(f64, f64)>),
    /// Pan by a fraction of the view.
    Pan(f64, f64),
    /// Choose an event: go to its year and select its country, if any.
    ChooseEvent(String),
    SetLang(Lang),
    SetTheme(Theme),
    /// Enter or leave presentation mode (entering shows the current story step).
    Present(bool),
    /// Go to a story step (0-based, clamped) and show its year, country and region.
    GoToStep(usize),
    /// Move through the story by a number of steps.
    StepStory(i32),
    /// Show or hide the presenter notes under the caption.
    ToggleNotes,
    /// Show or close the printable handout.
    Handout(bool),
    /// Restore a whole view (Back/Forward).
    Restore(ViewState),
}

impl AppState {
    /// A state whose view comes from a URL query string.
    pub fn from_query(query: &str) -> AppState {
        AppState { view: url::parse(query), ..AppState::default() }
    }

    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match &self.status {
            Status::Ready(l) => Some(l),
            _ => None,
        }
    }

    /// The selected country (shorthand).
    pub fn selected(&self) -> Option<&str> {
        self.view.country.as_deref()
    }

    fn year_range(&self) -> Option<(i32, i32)> {
        self.loaded().and_then(|l| l.years)
    }

    /// Drops what the loaded data does not know: unknown country, companies; clamps the year.
    fn sanitise(&mut self) {
        let Some(l) = self.loaded().cloned() else { return };
        if let Some(c) = &self.view.country {
            if !l.index.contains(c) {
                self.view.country = None;
            }
        }
        self.view.filters.companies.retain(|c| l.data.companies.iter().any(|x| &x.id == c));
        if let (Some(y), Some((min, max))) = (self.view.year, l.years) {
            self.view.year = Some(y.clamp(min, max));
        }
        self.zoom = self.view.region.map(|r| region_box(r, &l.world));
        if self.view.step >= l.data.story.len() {
            self.view.step = 0;
        }
        if self.view.present {
            let step = self.view.step;
            self.show_step(step);
        }
    }

    /// Shows a story step: its year, country (or none) and region (or the world).
    fn show_step(&mut self, i: usize) {
        let Some(l) = self.loaded().cloned() else {
            self.view.step = i;
            return;
        };
        let n = l.data.story.len();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        let step = &l.data.story[i];
        self.view.step = i;
        self.view.year = Some(step.year);
        self.view.country = step.country.clone().filter(|c| l.index.contains(c));
        self.view.region = step.region.filter(|r| *r != Region::World);
        // Framed from the geometry: the step's country with padding, else its region.
        let country = self.view.country.as_deref().and_then(|c| l.world.country(&l.index, c));
        self.zoom = step_frame(country, self.view.region, &l.world);
    }

    /// Applies one action, returning the new state (pure; used by the Yew reducer).
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::Loaded(l) => {
                next.status = Status::Ready(l);
                next.sanitise();
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
                    next.view.country = Some(code);
                }
            }
            Action::ClearSelection => next.view.country = None,
            Action::SetYear(y) => {
                next.playing = false;
                next.view.year = match (y, next.year_range()) {
                    (Some(y), Some((min, max))) => Some(y.clamp(min, max)),
                    (y, _) => y,
                };
            }
            Action::StepYear(n) => {
                next.playing = false;
                if let Some((min, max)) = next.year_range() {
                    let base = next.view.year.unwrap_or(if n < 0 { max + 1 } else { min - 1 });
                    next.view.year = Some((base + n).clamp(min, max));
                }
            }
            Action::Play => {
                if let Some(r) = next.year_range() {
                    // Starting from the end (or all years) restarts from the beginning.
                    if next.view.year.is_none() || next.view.year == Some(r.1) {
                        next.view.year = Some(r.0);
                    }
                    next.playing = true;
                }
            }
            Action::Pause => next.playing = false,
            Action::Tick => {
                if next.playing {
                    match next.year_range().and_then(|r| play_next(next.view.year, r)) {
                        Some(y) => next.view.year = Some(y),
                        None => next.playing = false,
                    }
                    if next.year_range().is_some_and(|r| next.view.year == Some(r.1)) {
                        next.playing = false;
                    }
                }
            }
            Action::ToggleCompany(c) => {
                if !next.view.filters.companies.remove(&c) {
                    next.view.filters.companies.insert(c);
                }
            }
            Action::ToggleCategory(c) => {
                if !next.view.filters.categories.remove(&c) {
                    next.view.filters.categories.insert(c);
                }
            }
            Action::ToggleEvidence(e) => {
                if !next.view.filters.evidence.remove(&e) {
                    next.view.filters.evidence.insert(e);
                }
            }
            Action::ResetFilters => next.view.filters = Default::default(),
            Action::SetTab(t) => next.view.tab = t,
            Action::SetRegion(r) => {
                next.view.region = r.filter(|r| *r != Region::World);
                next.zoom = match (next.view.region, next.loaded()) {
                    (Some(r), Some(l)) => Some(region_box(r, &l.world)),
                    _ => None,
                };
            }
            Action::Zoom(factor, at) => {
                if let Some(l) = next.loaded().cloned() {
                    let vb = next.zoom.unwrap_or_else(|| ViewBox::world(&l.world));
                    let z = vb.zoom_at(factor, at.unwrap_or(vb.center()), &l.world);
                    next.zoom = (z != ViewBox::world(&l.world)).then_some(z);
                    next.view.region = None;
                }
            }
            Action::Pan(fx, fy) => {
                if let Some(l) = next.loaded().cloned() {
                    if let Some(vb) = next.zoom {
                        next.zoom = Some(vb.pan(fx, fy, &l.world));
                        next.view.region = None;
                    }
                }
            }
            Action::ChooseEvent(id) => {
                if let Some(l) = next.loaded().cloned() {
                    if let Some(e) = l.data.events.iter().find(|e| e.id == id) {
                        next.playing = false;
                        if let Some(y) = e.year() {
                            next.view.year = Some(y);
                        }
                        if let Some(c) = e.country.as_ref().filter(|c| l.index.contains(c)) {
                            next.view.country = Some(c.clone());
                        }
                    }
                }
            }
            Action::SetLang(lang) => next.view.lang = Some(lang),
            Action::SetTheme(t) => next.view.theme = t,
            Action::Present(on) => {
                next.view.present = on;
                next.playing = false;
                if on {
                    let step = next.view.step;
                    next.show_step(step);
                } else {
                    next.view.step = 0;
                    next.view.presenter = false;
                    next.notes = false;
                }
            }
            Action::GoToStep(i) => next.show_step(i),
            Action::ToggleNotes => next.notes = !next.notes,
            Action::Handout(on) => next.handout = on,
            Action::StepStory(n) => {
                let i = (next.view.step as i64 + n as i64).max(0) as usize;
                next.show_step(i);
            }
            Action::Restore(v) => {
                next.view = v;
                next.playing = false;
                next.sanitise();
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::*;
    use crate::geo::world::{CountryShape, WorldMap};

    fn loaded() -> Rc<Loaded> {
        let shape = |iso3: &str, region: &str| CountryShape {
            iso3: iso3.into(),
            name: iso3.into(),
            region: region.into(),
            subregion: String::new(),
            path: Some("M0 0l10 0 0 10z".into()),
            point: [5.0, 5.0],
            bbox: [100.0, 100.0, 120.0, 110.0],
        };
        let world = WorldMap { width: 1000.0, height: 500.0, attribution: String::new(), frame: [1.0, 0.0, 0.0], countries: vec![shape("KEN", "Africa"), shape("ECU", "Americas")] };
        let dep = |id: &str, c: &str, y: i32| Deployment::sample(id, c, y, "huawei", Category::SafeCity, Evidence::Confirmed);
        let data = Dataset {
            deployments: vec![dep("a", "KEN", 2014), dep("b", "ECU", 2011)],
            companies: vec![Company { id: "huawei".into(), name: "Huawei".into(), headquarters: "Shenzhen".into(), ownership: Ownership::Private, summary: String::new(), sanctions: vec![], sources: vec![] }],
            events: vec![Event { id: "e".into(), date: "2016-05".into(), title: "t".into(), summary: String::new(), kind: EventKind::Report, country: Some("KEN".into()), companies: vec![], sources: vec![], translations: Default::default() }],
            ..Default::default()
        };
        Rc::new(Loaded::new(data, world, vec![]))
    }

    impl Loaded {
        fn clone_for_test(&self) -> Loaded {
            Loaded::new(self.data.clone(), self.world.clone(), vec![])
        }
    }

    fn ready(query: &str) -> AppState {
        AppState::from_query(query).apply(Action::Loaded(loaded()))
    }

    #[test]
    fn loading_drops_unknown_url_values_and_keeps_the_rest() {
        let s = ready("?country=XXX&company=huawei,nope&year=2030&category=drones");
        assert_eq!(s.view.country, None);
        assert_eq!(s.view.filters.companies.iter().collect::<Vec<_>>(), ["huawei"]);
        assert_eq!(s.view.year, Some(2016), "clamped to the data's last year");
        assert_eq!(s.view.filters.categories.len(), 1);
        let s = ready("?country=KEN&region=africa");
        assert_eq!(s.selected(), Some("KEN"));
        assert!(s.zoom.is_some());
    }

    #[test]
    fn selection_accepts_only_known_countries() {
        let s = ready("");
        assert_eq!(s.apply(Action::Select("KEN".into())).selected(), Some("KEN"));
        assert_eq!(s.apply(Action::Select("FRA".into())).selected(), None);
        assert_eq!(s.apply(Action::Select("KEN".into())).apply(Action::ClearSelection).selected(), None);
    }

    #[test]
    fn play_runs_from_the_first_year_and_stops_at_the_last() {
        let mut s = ready("").apply(Action::Play);
        assert!(s.playing);
        assert_eq!(s.view.year, Some(2011));
        let mut seen = vec![2011];
        while s.playing {
            s = s.apply(Action::Tick);
            seen.push(s.view.year.unwrap());
            assert!(seen.len() < 20);
        }
        assert_eq!(seen, (2011..=2016).collect::<Vec<_>>());
        assert!(!s.apply(Action::Tick).playing);
        let paused = ready("").apply(Action::Play).apply(Action::Pause).apply(Action::Tick);
        assert_eq!(paused.view.year, Some(2011), "Tick does nothing when paused");
    }

    #[test]
    fn stepping_years_clamps_and_stops_play() {
        let s = ready("?year=2012").apply(Action::Play);
        let s = s.apply(Action::StepYear(1));
        assert!(!s.playing);
        assert_eq!(s.view.year, Some(2013));
        assert_eq!(s.apply(Action::StepYear(100)).view.year, Some(2016));
        assert_eq!(ready("").apply(Action::StepYear(-1)).view.year, Some(2016));
        assert_eq!(ready("").apply(Action::SetYear(Some(1990))).view.year, Some(2011));
        assert_eq!(ready("?year=2012").apply(Action::SetYear(None)).view.year, None);
    }

    #[test]
    fn filters_toggle_and_reset() {
        let s = ready("").apply(Action::ToggleCompany("huawei".into())).apply(Action::ToggleCategory(Category::Drones));
        assert_eq!(s.view.filters.companies.len(), 1);
        let s2 = s.apply(Action::ToggleCompany("huawei".into()));
        assert!(s2.view.filters.companies.is_empty());
        assert!(s.apply(Action::ResetFilters).view.filters.is_empty());
    }

    #[test]
    fn choosing_an_event_moves_to_its_year_and_country() {
        let s = ready("").apply(Action::ChooseEvent("e".into()));
        assert_eq!(s.view.year, Some(2016));
        assert_eq!(s.selected(), Some("KEN"));
        assert_eq!(ready("").apply(Action::ChooseEvent("missing".into())).view, ready("").view);
    }

    #[test]
    fn zoom_and_regions() {
        let s = ready("").apply(Action::Zoom(2.0, None));
        assert!((s.zoom.unwrap().w - 500.0).abs() < 1e-9);
        assert_eq!(s.apply(Action::Zoom(0.5, None)).zoom, None, "zooming back out to the world clears the zoom");
        let r = ready("").apply(Action::SetRegion(Some(Region::Africa)));
        assert_eq!(r.view.region, Some(Region::Africa));
        assert!(r.zoom.is_some());
        let panned = r.apply(Action::Pan(0.1, 0.0));
        assert_eq!(panned.view.region, None);
        assert_eq!(r.apply(Action::SetRegion(Some(Region::World))).zoom, None);
    }

    #[test]
    fn the_story_steps_through_years_countries_and_regions() {
        let mut l = (*loaded()).clone_for_test();
        l.data.story = vec![
            StoryStep { id: "a".into(), year: 2011, country: Some("ECU".into()), region: Some(Region::LatinAmerica), caption: "c".into(), sources: vec![], notes: String::new(), notes_lang: None },
            StoryStep { id: "b".into(), year: 2014, country: Some("KEN".into()), region: None, caption: "c".into(), sources: vec![], notes: String::new(), notes_lang: None },
        ];
        let s = AppState::from_query("?mode=present&step=2").apply(Action::Loaded(Rc::new(l)));
        assert!(s.view.present);
        assert_eq!((s.view.step, s.view.year, s.selected()), (1, Some(2014), Some("KEN")));
        let back = s.apply(Action::StepStory(-1));
        assert_eq!((back.view.step, back.view.year, back.selected(), back.view.region), (0, Some(2011), Some("ECU"), Some(Region::LatinAmerica)));
        assert!(back.zoom.is_some());
        assert_eq!(back.apply(Action::StepStory(-5)).view.step, 0);
        assert_eq!(back.apply(Action::StepStory(9)).view.step, 1);
        let notes = back.apply(Action::ToggleNotes);
        assert!(notes.notes && !notes.apply(Action::ToggleNotes).notes);
        assert!(!notes.apply(Action::Present(false)).notes, "leaving the story hides the notes");
        let out = back.apply(Action::Present(false));
        assert!(!out.view.present);
        assert!(!crate::state::url::serialize(&out.view).contains("mode"));
    }

    #[test]
    fn restore_replaces_the_view_and_sanitises() {
        let s = ready("?country=KEN");
        let back = s.apply(Action::Restore(crate::state::url::parse("?country=XXX&tab=table")));
        assert_eq!(back.selected(), None);
        assert_eq!(back.view.tab, Tab::Table);
    }
}

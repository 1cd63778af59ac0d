//! The dataset schema (see `docs/DATA.md`). Plain serde types, no web dependencies.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole dataset as stored in `assets/data/atlas.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    #[serde(default)]
    pub meta: Meta,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub companies: Vec<Company>,
    pub deployments: Vec<Deployment>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub story: Vec<StoryStep>,
    /// What changed in each release of the data, newest first (`docs/CHANGELOG-DATA.md` is made from it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changelog: Vec<Release>,
}

/// One release of the dataset: which entries it added, corrected and removed, by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub version: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Ids of entries added (any list: deployments, events, figures, companies, sources).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// Ids of entries corrected, each with what changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrected: Vec<Correction>,
    /// Ids of entries removed, each with why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Correction>,
}

/// An entry id and what happened to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub id: String,
    pub what: String,
}

/// The headline numbers the dataset claims for itself; a test holds them to the entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub deployments: usize,
    pub countries: usize,
    pub events: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence: String,
    /// Data version, e.g. `2026.12` (shown in "About the data").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// Where to send a correction: an http(s) URL or an e-mail address. Shown only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrections: Option<String>,
    /// Deployments, countries and events in this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    StateOwned,
    Private,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SanctionList {
    UsEntityList,
    #[serde(rename = "us-ndaa-889")]
    UsNdaa889,
    FccCoveredList,
    OfacSdn,
}

impl SanctionList {
    pub const fn label(self) -> &'static str {
        match self {
            SanctionList::UsEntityList => "US Entity List",
            SanctionList::UsNdaa889 => "US federal procurement ban (NDAA §889)",
            SanctionList::FccCoveredList => "FCC Covered List",
            SanctionList::OfacSdn => "US Treasury (OFAC) sanctions",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    pub list: SanctionList,
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub id: String,
    pub name: String,
    pub headquarters: String,
    pub ownership: Ownership,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<Sanction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// What kind of technology a deployment is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    SafeCity,
    FacialRecognition,
    Drones,
    Radio,
    Internet,
    BiometricId,
    Spyware,
    PoliceEquipment,
    SmartCity,
    Acquisition,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::SafeCity,
        Category::FacialRecognition,
        Category::Drones,
        Category::Radio,
        Category::Internet,
        Category::BiometricId,
        Category::Spyware,
        Category::PoliceEquipment,
        Category::SmartCity,
        Category::Acquisition,
    ];

    /// The identifier used in JSON, CSV and URLs.
    pub const fn id(self) -> &'static str {
        match self {
            Category::SafeCity => "safe-city",
            Category::FacialRecognition => "facial-recognition",
            Category::Drones => "drones",
            Category::Radio => "radio",
            Category::Internet => "internet",
            Category::BiometricId => "biometric-id",
            Category::Spyware => "spyware",
            Category::PoliceEquipment => "police-equipment",
            Category::SmartCity => "smart-city",
            Category::Acquisition => "acquisition",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Okabe–Ito colour (colour-blind safe) used on the timeline.
    pub const fn colour(self) -> &'static str {
        match self {
            Category::SafeCity => "#0072B2",
            Category::FacialRecognition => "#D55E00",
            Category::Drones => "#009E73",
            Category::Radio => "#E69F00",
            Category::Internet => "#CC79A7",
            Category::BiometricId => "#56B4E9",
            Category::Spyware => "#7a4b00",
            Category::PoliceEquipment => "#6b6b6b",
            Category::SmartCity => "#b8a600",
            Category::Acquisition => "#3a3a3a",
        }
    }
}

/// How strong the evidence for an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    Confirmed,
    Allegation,
    SingleSource,
    NotImplemented,
}

impl Evidence {
    pub const ALL: [Evidence; 4] = [
        Evidence::Confirmed,
        Evidence::Allegation,
        Evidence::SingleSource,
        Evidence::NotImplemented,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Evidence::Confirmed => "confirmed",
            Evidence::Allegation => "allegation",
            Evidence::SingleSource => "single-source",
            Evidence::NotImplemented => "not-implemented",
        }
    }

    pub fn from_id(id: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDates {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<String>,
}

impl KeyDates {
    pub fn is_empty(&self) -> bool {
        self.announced.is_none() && self.signed.is_none() && self.live.is_none() && self.cancelled.is_none()
    }

    /// `(field name, value)` for every date that is set, in life-cycle order.
    pub fn entries(&self) -> Vec<(&'static str, &str)> {
        [
            ("announced", &self.announced),
            ("signed", &self.signed),
            ("live", &self.live),
            ("cancelled", &self.cancelled),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    pub id: String,
    pub country: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i32>,
    #[serde(default, skip_serializing_if = "KeyDates::is_empty")]
    pub dates: KeyDates,
    pub companies: Vec<String>,
    pub categories: Vec<Category>,
    pub summary: String,
    pub evidence: Evidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<String>,
    pub sources: Vec<String>,
    /// When the key claim rests on one of several sources: that source's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_source: Option<String>,
    /// The summary in other languages of the widget, keyed by language code (`TRANSLATION_LANGS`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
}

/// Language codes a record's text may be translated into: the widget's languages other than
/// English, the language every entry is written in. (Kept equal to `i18n::Lang::ALL` by a test.)
pub const TRANSLATION_LANGS: [&str; 5] = ["fr", "es", "pt", "ar", "zh"];

/// A record's text in another language: only the fields given are translated (a deployment has
/// no title; an event may translate its title, its summary or both).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// The text to show in language `lang`: the translation when there is one, otherwise the
/// original; with the language the text is in, for the `lang` attribute.
fn translated<'a>(original: &'a str, translations: &'a BTreeMap<String, Translation>, lang: &'a str, field: fn(&Translation) -> Option<&str>) -> (&'a str, &'a str) {
    match translations.get_key_value(lang).and_then(|(code, t)| field(t).filter(|x| !x.trim().is_empty()).map(|x| (x, code.as_str()))) {
        Some(found) => found,
        None => (original, "en"),
    }
}

impl Deployment {
    /// The summary in `lang` if translated, else in English; with its language code.
    pub fn summary_in<'a>(&'a self, lang: &'a str) -> (&'a str, &'a str) {
        translated(&self.summary, &self.translations, lang, |t| t.summary.as_deref())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Contract,
    Launch,
    Report,
    Investigation,
    Sanction,
    TradeFair,
    Acquisition,
    Policy,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Contract,
        EventKind::Launch,
        EventKind::Report,
        EventKind::Investigation,
        EventKind::Sanction,
        EventKind::TradeFair,
        EventKind::Acquisition,
        EventKind::Policy,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            EventKind::Contract => "contract",
            EventKind::Launch => "launch",
            EventKind::Report => "report",
            EventKind::Investigation => "investigation",
            EventKind::Sanction => "sanction",
            EventKind::TradeFair => "trade-fair",
            EventKind::Acquisition => "acquisition",
            EventKind::Policy => "policy",
        }
    }

    pub fn from_id(id: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub kind: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub companies: Vec<String>,
    pub sources: Vec<String>,
    /// The title and summary in other languages of the widget, keyed by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
}

impl Event {
    /// The title in `lang` if translated, else in English; with its language code.
    pub fn title_in<'a>(&'a self, lang: &'a str) -> (&'a str, &'a str) {
        translated(&self.title, &self.translations, lang, |t| t.title.as_deref())
    }

    /// The summary in `lang` if translated, else in English; with its language code.
    pub fn summary_in<'a>(&'a self, lang: &'a str) -> (&'a str, &'a str) {
        translated(&self.summary, &self.translations, lang, |t| t.summary.as_deref())
    }

    /// The year of the event's date (validated dates always start with a year).
    pub fn year(&self) -> Option<i32> {
        crate::data::date::PartialDate::parse(&self.date).map(|d| d.year)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub value: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    pub year: i32,
    pub sources: Vec<String>,
    /// A company whose count this figure gives: the widget shows beside it how many countries
    /// this dataset documents for that company, and why the two differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    World,
    Africa,
    LatinAmerica,
    Asia,
    Europe,
    MiddleEast,
}

impl Region {
    pub const ALL: [Region; 6] = [
        Region::World,
        Region::Africa,
        Region::LatinAmerica,
        Region::Asia,
        Region::Europe,
        Region::MiddleEast,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Region::World => "world",
            Region::Africa => "africa",
            Region::LatinAmerica => "latin-america",
            Region::Asia => "asia",
            Region::Europe => "europe",
            Region::MiddleEast => "middle-east",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    pub id: String,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    pub caption: String,
    pub sources: Vec<String>,
    /// Presenter notes for the teacher: what to point at, a question for the class, the source
    /// to show. Shown in the presenter view and, on `N`, under the caption.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Language of the notes (a BCP 47 tag such as `en` or `pt-BR`); English when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes_lang: Option<String>,
}

impl StoryStep {
    /// The language of the notes, as a `lang` attribute value.
    pub fn notes_lang(&self) -> &str {
        self.notes_lang.as_deref().unwrap_or("en")
    }
}

impl Deployment {
    /// A minimal valid-looking deployment for tests and examples.
    pub fn sample(id: &str, country: &str, year: i32, company: &str, category: Category, evidence: Evidence) -> Deployment {
        Deployment {
            id: id.into(),
            country: country.into(),
            place: String::new(),
            year,
            end_year: None,
            dates: KeyDates::default(),
            companies: if company.is_empty() { vec![] } else { vec![company.into()] },
            categories: vec![category],
            summary: "s".into(),
            evidence,
            disputed: None,
            sources: vec![],
            key_source: None,
            translations: BTreeMap::new(),
        }
    }
}

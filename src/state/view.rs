//! What the reader is looking at: everything that lives in the URL.

use crate::data::model::{Category, Evidence, Region};
use crate::i18n::Lang;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Map,
    Table,
}

impl Tab {
    pub fn id(self) -> &'static str {
        match self {
            Tab::Map => "map",
            Tab::Table => "table",
        }
    }

    pub fn from_id(s: &str) -> Option<Tab> {
        [Tab::Map, Tab::Table].into_iter().find(|t| t.id() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_id(s: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.id() == s)
    }
}

/// The three filter facets; empty means "all".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Filters {
    pub companies: BTreeSet<String>,
    pub categories: BTreeSet<Category>,
    pub evidence: BTreeSet<Evidence>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.companies.is_empty() && self.categories.is_empty() && self.evidence.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ViewState {
    /// Year shown (cumulative up to it); None = all years.
    pub year: Option<i32>,
    /// Selected country (ISO3).
    pub country: Option<String>,
    pub filters: Filters,
    pub tab: Tab,
    pub region: Option<Region>,
    /// None = the browser's language.
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub embed: bool,
    /// In an embed, grow with what the reader opens (`height=full`) instead of keeping the height
    /// that the width chooses.
    pub embed_full: bool,
    pub present: bool,
    /// The presenter's window in presentation mode (`view=presenter`): current and next step
    /// with the notes, kept in step with the audience window.
    pub presenter: bool,
    /// Story step in presentation mode (0-based).
    pub step: usize,
}

//! Interface strings. Each language is one file under `i18n/` defining a `Strings` value;
//! adding a language means adding that file and one line to `Lang`.

pub mod en;
pub mod fr;

use crate::data::model::{Category, Evidence};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    pub fn code(self) -> &'static str {
        self.strings().code
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Fr => &fr::STRINGS,
        }
    }
}

/// Every interface string. Plurals are chosen by the caller with `one` / `many` pairs.
#[derive(Debug, PartialEq)]
pub struct Strings {
    pub code: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub map_label: &'static str,
    pub map_help: &'static str,
    pub legend_title: &'static str,
    pub legend_none: &'static str,
    pub deployment_one: &'static str,
    pub deployment_many: &'static str,
    pub no_deployments: &'static str,
    pub close: &'static str,
    pub sources: &'static str,
    pub companies: &'static str,
    pub disputed: &'static str,
    pub evidence: &'static str,
    pub evidence_legend: &'static str,
    pub select_prompt: &'static str,
    pub small_states: &'static str,
    pub credits_title: &'static str,
    pub credits_geo: &'static str,
    pub credits_data: &'static str,
    pub panic_message: &'static str,
    pub opens_new_tab: &'static str,
    pub until: &'static str,
    pub unnamed_vendor: &'static str,
    pub signed: &'static str,
    pub announced: &'static str,
    pub live: &'static str,
    pub cancelled: &'static str,
    pub months: [&'static str; 12],
    pub categories: [&'static str; 10],
    pub evidence_labels: [&'static str; 4],
    pub evidence_help: [&'static str; 4],
}

impl Strings {
    pub fn category(&self, c: Category) -> &'static str {
        self.categories[Category::ALL.iter().position(|x| *x == c).unwrap_or(0)]
    }

    pub fn evidence(&self, e: Evidence) -> &'static str {
        self.evidence_labels[Evidence::ALL.iter().position(|x| *x == e).unwrap_or(0)]
    }

    pub fn evidence_description(&self, e: Evidence) -> &'static str {
        self.evidence_help[Evidence::ALL.iter().position(|x| *x == e).unwrap_or(0)]
    }

    pub fn deployments(&self, n: usize) -> String {
        format!("{n} {}", if n == 1 { self.deployment_one } else { self.deployment_many })
    }

    pub fn date_label(&self, field: &str) -> &'static str {
        match field {
            "signed" => self.signed,
            "announced" => self.announced,
            "live" => self.live,
            _ => self.cancelled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_accept_regions() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn every_string_is_translated() {
        let en = Lang::En.strings();
        let fr = Lang::Fr.strings();
        assert_ne!(en.title, fr.title);
        assert_ne!(en.categories, fr.categories);
        assert_ne!(en.evidence_labels, fr.evidence_labels);
        for s in Lang::ALL.iter().map(|l| l.strings()) {
            assert!(s.categories.iter().chain(s.evidence_labels.iter()).chain(s.months.iter()).all(|t| !t.is_empty()));
        }
        assert_eq!(en.deployments(1), "1 deployment");
        assert_eq!(fr.deployments(3), "3 déploiements");
    }
}

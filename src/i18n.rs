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
    pub unnamed_vendor: &'static str,
    pub signed: &'static str,
    pub announced: &'static str,
    pub live: &'static str,
    pub cancelled: &'static str,
    pub all_years: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub previous_year: &'static str,
    pub next_year: &'static str,
    pub year: &'static str,
    pub timeline_label: &'static str,
    pub slider_help: &'static str,
    pub events_title: &'static str,
    pub no_events: &'static str,
    pub filters: &'static str,
    pub filter_companies: &'static str,
    pub filter_categories: &'static str,
    pub filter_evidence: &'static str,
    pub reset_filters: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub no_results: &'static str,
    pub result_kinds: [&'static str; 3],
    pub tab_map: &'static str,
    pub tab_table: &'static str,
    pub view_label: &'static str,
    pub table_caption: &'static str,
    pub columns: [&'static str; 8],
    pub zoom: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub zoom_label: &'static str,
    pub regions: [&'static str; 6],
    pub country_one: &'static str,
    pub country_many: &'static str,
    pub new_in: &'static str,
    pub legend_new: &'static str,
    pub shown_upto: &'static str,
    pub event_kinds: [&'static str; 8],
    pub hidden_by_filters: &'static str,
    pub at_a_glance: &'static str,
    pub language_name: &'static str,
    pub svg_source: &'static str,
    pub svg_map_credit: &'static str,
    pub story_label: &'static str,
    pub no_story: &'static str,
    pub step: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub exit_presentation: &'static str,
    pub present: &'static str,
    pub share_title: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub cite_this: &'static str,
    pub embed_code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub saved: &'static str,
    pub open_full: &'static str,
    pub theme_label: &'static str,
    pub language_label: &'static str,
    pub theme_names: [&'static str; 3],
    pub more_figures: &'static str,
    pub months: [&'static str; 12],
    pub categories: [&'static str; 10],
    pub evidence_labels: [&'static str; 4],
    pub evidence_help: [&'static str; 4],
    pub copy_at: &'static str,
    pub key_source: &'static str,
    pub documented_here: &'static str,
    pub about_title: &'static str,
    pub about_what_title: &'static str,
    pub about_what: &'static str,
    pub about_example: &'static str,
    pub about_not_shown_title: &'static str,
    pub about_not_shown: &'static str,
    pub about_sourcing_title: &'static str,
    pub about_sourcing: &'static str,
    pub about_version: &'static str,
    pub about_corrections: &'static str,
    pub changelog_title: &'static str,
    pub changelog_kinds: [&'static str; 3],
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

    pub fn countries(&self, n: usize) -> String {
        format!("{n} {}", if n == 1 { self.country_one } else { self.country_many })
    }

    pub fn region(&self, r: crate::data::model::Region) -> &'static str {
        self.regions[crate::data::model::Region::ALL.iter().position(|x| *x == r).unwrap_or(0)]
    }

    pub fn event_kind(&self, k: crate::data::model::EventKind) -> &'static str {
        self.event_kinds[crate::data::model::EventKind::ALL.iter().position(|x| *x == k).unwrap_or(0)]
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

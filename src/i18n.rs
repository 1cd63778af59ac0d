//! Interface strings. Each language is one file under `i18n/` defining a `Strings` value (a struct
//! literal: a missing key does not compile); adding a language means adding that file and one line to
//! `Lang`. Plural categories follow CLDR (`plural`), numbers and dates the language's conventions
//! (`number`, `Strings::date`).

// Only English is compiled into the browser build; the other languages reach it as packs
// (`pack`, `assets/i18n/<code>.json`, generated from these tables by `atlas-i18n`).
#[cfg(not(target_arch = "wasm32"))]
pub mod ar;
pub mod en;
#[cfg(not(target_arch = "wasm32"))]
pub mod es;
#[cfg(not(target_arch = "wasm32"))]
pub mod fr;
pub mod number;
pub mod pack;
pub mod plural;
#[cfg(not(target_arch = "wasm32"))]
pub mod pt;
#[cfg(not(target_arch = "wasm32"))]
pub mod zh;

pub use plural::Plural;

use crate::data::model::{Category, Evidence};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    Pt,
    Ar,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Pt, Lang::Ar, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's strings. In the browser a language whose pack is not loaded yet answers in
    /// English (the app waits for the pack before switching: `pack::ready`).
    pub fn strings(self) -> &'static Strings {
        #[cfg(not(target_arch = "wasm32"))]
        return table(self);
        #[cfg(target_arch = "wasm32")]
        match self {
            Lang::En => &en::STRINGS,
            _ => pack::get(self).map(|p| &p.strings).unwrap_or(&en::STRINGS),
        }
    }

    /// A country's common name in this language (world-countries' translations), if known.
    /// English names come with the geometry.
    pub fn country_name(self, iso3: &str) -> Option<&'static str> {
        pack::get(self)?.countries.get(iso3).copied()
    }

    /// The language's name in itself, for the picker (available before its pack is loaded).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Pt => "Português",
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
        }
    }

    /// Writing direction for `<html dir>`: only Arabic is right to left.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar { "rtl" } else { "ltr" }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// The compiled-in table of a language (native builds: tests, tools, prerendering).
#[cfg(not(target_arch = "wasm32"))]
pub fn table(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &en::STRINGS,
        Lang::Fr => &fr::STRINGS,
        Lang::Es => &es::STRINGS,
        Lang::Pt => &pt::STRINGS,
        Lang::Ar => &ar::STRINGS,
        Lang::Zh => &zh::STRINGS,
    }
}

/// Every interface string. Counted nouns are `Plural`s (CLDR categories, `{}` for the number).
/// Date patterns use `{d}`, `{m}` (an entry of `months`) and `{y}`.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Strings {
    pub code: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    /// Heading of a load error in languages other than English (the details stay in English).
    pub load_failed: &'static str,
    pub map_label: &'static str,
    pub map_help: &'static str,
    pub legend_title: &'static str,
    pub legend_none: &'static str,
    pub deployments_n: Plural,
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
    /// What the timeline's bars count (its axis label).
    pub timeline_axis: &'static str,
    /// Key entry for the numbered key-event markers over the bars.
    pub timeline_events_key: &'static str,
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
    pub countries_n: Plural,
    pub new_in: &'static str,
    pub legend_new: &'static str,
    pub origin_short: &'static str,
    pub legend_origin: &'static str,
    pub legend_selected: &'static str,
    pub origin_note: &'static str,
    pub sheet_expand: &'static str,
    pub sheet_collapse: &'static str,
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
    /// Presenter notes: heading, placeholder, the presenter's window, the key hint.
    pub notes_title: &'static str,
    pub no_notes: &'static str,
    pub presenter_view: &'static str,
    pub notes_key_hint: &'static str,
    pub next_step: &'static str,
    pub end_of_story: &'static str,
    /// The single-file copy for classrooms without a network, and the printable handout.
    pub download_offline: &'static str,
    pub print_handout: &'static str,
    /// The handout: its parts, the QR caption, the note when there is no public address.
    pub handout_story: &'static str,
    pub handout_sources: &'static str,
    pub handout_data: &'static str,
    pub handout_version: &'static str,
    pub handout_qr: &'static str,
    pub handout_no_qr: &'static str,
    pub handout_print: &'static str,
    pub handout_close: &'static str,
    pub share_title: &'static str,
    pub download_svg: &'static str,
    /// The PNG for slides (16:9).
    pub download_png: &'static str,
    /// The square PNG for social media.
    pub download_png_square: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub cite_this: &'static str,
    pub embed_code: &'static str,
    /// The embed dialog's AMP snippet (`export::embed::amp_snippet`), its overflow button, and the
    /// static image snippet for newsletters.
    pub amp_code: &'static str,
    pub amp_show_more: &'static str,
    pub image_code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub saved: &'static str,
    pub open_full: &'static str,
    pub theme_label: &'static str,
    pub language_label: &'static str,
    /// On a country's page without JavaScript: the link to the home page's table of every deployment.
    pub static_all: &'static str,
    pub theme_names: [&'static str; 3],
    pub more_figures: &'static str,
    pub months: [&'static str; 12],
    pub date_dmy: &'static str,
    pub date_my: &'static str,
    pub entries_in_english: &'static str,
    pub cite_text: &'static str,
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

    pub fn lang(&self) -> Lang {
        Lang::from_code(self.code).unwrap_or_default()
    }

    /// "3 deployments", "3 عمليات نشر", "3项部署": the language's plural form and number format.
    pub fn deployments(&self, n: usize) -> String {
        self.deployments_n.format(self.lang(), n as u64)
    }

    pub fn countries(&self, n: usize) -> String {
        self.countries_n.format(self.lang(), n as u64)
    }

    /// A span of years, `2005–2019`. In a right-to-left language it is isolated as left to right
    /// (U+2066 … U+2069), or the bidi algorithm would show `2019–2005`.
    pub fn years(&self, a: impl std::fmt::Display, b: impl std::fmt::Display) -> String {
        if self.lang().is_rtl() { format!("\u{2066}{a}–{b}\u{2069}") } else { format!("{a}–{b}") }
    }

    /// An integer with the language's digit grouping (`12,345`, `12 345`, `12.345`).
    pub fn int(&self, n: i64) -> String {
        number::format_int(self.lang(), n)
    }

    /// A date of any precision in the language's order: `24 Nov 2019`, `2019年11月24日`, `2019`.
    pub fn date(&self, d: &crate::data::date::PartialDate) -> String {
        let fill = |pat: &str, m: u8, day: Option<u8>| {
            pat.replace("{d}", &day.map(|x| x.to_string()).unwrap_or_default())
                .replace("{m}", self.months[(m as usize).clamp(1, 12) - 1])
                .replace("{y}", &d.year.to_string())
        };
        match (d.month, d.day) {
            (Some(m), Some(day)) => fill(self.date_dmy, m, Some(day)),
            (Some(m), None) => fill(self.date_my, m, None),
            _ => d.year.to_string(),
        }
    }

    /// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in this language; anything else as is.
    pub fn date_str(&self, iso: &str) -> String {
        crate::data::date::PartialDate::parse(iso).map(|d| self.date(&d)).unwrap_or_else(|| iso.to_string())
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
    use crate::data::date::PartialDate;

    #[test]
    fn language_codes_round_trip_and_accept_regions() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(l.strings().lang(), l);
            assert_eq!(l.strings().code, l.code());
            assert_eq!(l.strings().language_name, l.native_name());
        }
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("ar-EG"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("es-419"), Some(Lang::Es));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::ALL.map(|l| l.dir()), ["ltr", "ltr", "ltr", "ltr", "rtl", "ltr"]);
    }

    /// Every key of a language as (key, text), read through serde so no key can be left out:
    /// plural forms as `deployments_n.few`, arrays as `months[3]`.
    fn entries(s: &Strings) -> Vec<(String, String)> {
        fn walk(key: String, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
            match v {
                serde_json::Value::String(t) => out.push((key, t.clone())),
                serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(format!("{key}[{i}]"), x, out)),
                serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| walk(if key.is_empty() { k.clone() } else { format!("{key}.{k}") }, x, out)),
                other => panic!("{key}: unexpected {other}"),
            }
        }
        let mut out = Vec::new();
        walk(String::new(), &serde_json::to_value(s).unwrap(), &mut out);
        out
    }

    #[test]
    fn every_language_has_every_key() {
        let en = entries(Lang::En.strings());
        for l in Lang::ALL {
            let s = l.strings();
            let got = entries(s);
            assert_eq!(got.len(), en.len());
            for (key, text) in &got {
                // English entries need no note saying they are in English.
                let may_be_empty = l == Lang::En && key == "entries_in_english";
                assert!(may_be_empty || !text.trim().is_empty(), "{}: key {key} is empty", s.code);
                if key.ends_with("_n.other") || key.ends_with("_n.few") || key.ends_with("_n.many") {
                    assert!(text.contains("{}"), "{}: {key} must show the number: {text:?}", s.code);
                }
            }
            for key in ["cite_text"] {
                let t = &got.iter().find(|(k, _)| k == key).unwrap().1;
                for p in ["{title}", "{year}", "{updated}", "{url}", "{accessed}"] {
                    assert!(t.contains(p), "{}: {key} lacks {p}", s.code);
                }
            }
            assert!(s.date_dmy.contains("{d}") && s.date_dmy.contains("{m}") && s.date_my.contains("{m}"), "{}: date patterns", s.code);
            if l != Lang::En {
                // Translated, not copied: most keys differ from English (names such as "Drones" may not).
                let same: Vec<&String> = got.iter().zip(&en).filter(|(a, b)| a.1 == b.1 && a.0 == b.0).map(|(a, _)| &a.0).collect();
                assert!(same.len() < en.len() / 8, "{}: {} keys identical to English: {same:?}", s.code, same.len());
            }
        }
    }

    #[test]
    fn committed_packs_match_the_tables() {
        for l in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let text = pack::committed(l).unwrap();
            let p = pack::parse(text).unwrap_or_else(|e| panic!("assets/i18n/{}.json does not parse ({e}): run cargo run --bin atlas-i18n", l.code()));
            let (want, got) = (entries(table(l)), entries(&p.strings));
            for ((k, a), (_, b)) in want.iter().zip(&got) {
                assert_eq!(a, b, "assets/i18n/{}.json is stale at key {k}: run cargo run --bin atlas-i18n", l.code());
            }
            assert!(p.countries.len() > 240, "{}: {} country names", l.code(), p.countries.len());
        }
        assert_eq!(Lang::Es.country_name("DEU"), Some("Alemania"));
        assert_eq!(Lang::Pt.country_name("DEU"), Some("Alemanha"));
        assert_eq!(Lang::Fr.country_name("DEU"), Some("Allemagne"));
        assert_eq!(Lang::Ar.country_name("DEU"), Some("ألمانيا"));
        assert_eq!(Lang::Zh.country_name("DEU"), Some("德国"));
        assert_eq!(Lang::En.country_name("DEU"), None);
        assert!(pack::install(Lang::Es, "{\"strings\": 1}".into()).is_ok(), "an installed pack is kept");
        assert!(pack::parse("{\"strings\": 1, \"countries\": {}}").is_err());
    }

    #[test]
    fn dates_follow_each_language() {
        let d = PartialDate::parse("2019-11-24").unwrap();
        let m = PartialDate::parse("2019-03").unwrap();
        let y = PartialDate::parse("2019").unwrap();
        let row = |d: &PartialDate| Lang::ALL.map(|l| l.strings().date(d));
        assert_eq!(row(&d), ["24 Nov 2019", "24 nov. 2019", "24 nov 2019", "24 de nov. de 2019", "24 نوفمبر 2019", "2019年11月24日"]);
        assert_eq!(row(&m), ["Mar 2019", "mars 2019", "mar 2019", "mar. de 2019", "مارس 2019", "2019年3月"]);
        assert_eq!(row(&y), ["2019"; 6]);
        assert_eq!(Lang::Zh.strings().date_str("not a date"), "not a date");
    }

    #[test]
    fn counts_and_labels() {
        let en = Lang::En.strings();
        let fr = Lang::Fr.strings();
        assert_eq!(en.deployments(1), "1 deployment");
        assert_eq!(fr.deployments(3), "3 déploiements");
        assert_eq!(Lang::Ar.strings().deployments(2), "عمليتا نشر");
        assert_eq!(Lang::Ar.strings().deployments(5), "5 عمليات نشر");
        assert_eq!(Lang::Ar.strings().deployments(12), "12 عملية نشر");
        assert_eq!(Lang::Es.strings().countries(1234), "1234 países");
        assert_eq!(Lang::Pt.strings().countries(12345), "12.345 países");
        assert_eq!(Lang::En.strings().years(2005, 2019), "2005–2019");
        assert_eq!(Lang::Ar.strings().years(2005, 2019), "\u{2066}2005–2019\u{2069}");
        assert_eq!(Lang::Es.strings().category(crate::data::model::Category::ALL[1]), "Reconocimiento facial");
    }
}

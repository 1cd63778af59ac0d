//! The view state in the query string: parse (ignoring anything malformed, never failing) and
//! serialise (only what differs from the default, in a fixed order).
//!
//! Parameters: `year=2019|all`, `country=KEN`, `company=huawei,zte`, `category=safe-city,drones`,
//! `evidence=confirmed`, `tab=map|table`, `region=africa`, `lang=en|fr|es|pt|ar|zh`, `theme=auto|light|dark`,
//! `embed=1`, `height=full` (an embed that grows with its content), `mode=present`, `view=presenter`, `step=3`. Pym.js's own parameters (`childId`, `initialWidth`,
//! `parentTitle`, `parentUrl`) are ignored here.

use crate::data::model::{Category, Evidence, Region};
use crate::data::validate::{MAX_YEAR, MIN_YEAR};
use crate::i18n::Lang;
use crate::state::view::{Tab, Theme, ViewState};

/// Longest query string considered; anything beyond is ignored.
const MAX_QUERY: usize = 4096;
/// Most values accepted in one list parameter.
const MAX_LIST: usize = 64;

/// Decodes `%XX` escapes and `+`; invalid escapes are kept literally, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters and `,` (used as the list separator).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `?debug=1` asks for the data warnings in the browser console (for editors; readers'
/// consoles stay quiet). Not part of the view: it is kept in the address bar as a foreign parameter.
pub fn debug(query: &str) -> bool {
    pairs(query).iter().any(|(k, v)| k == "debug" && matches!(v.as_str(), "1" | "true"))
}

/// `(key, value)` pairs of a query string (with or without the leading `?`).
pub fn pairs(query: &str) -> Vec<(String, String)> {
    let q = query.strip_prefix('?').unwrap_or(query);
    let mut end = q.len().min(MAX_QUERY);
    while !q.is_char_boundary(end) {
        end -= 1;
    }
    let q = &q[..end];
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|x| !x.is_empty()).take(MAX_LIST)
}

fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a query string. Malformed or unknown values are dropped; the rest is honoured.
/// Later occurrences of a parameter override earlier ones.
pub fn parse(query: &str) -> ViewState {
    let mut v = ViewState::default();
    for (k, val) in pairs(query) {
        let val = val.trim();
        match k.as_str() {
            "year" => {
                if val == "all" {
                    v.year = None;
                } else if let Ok(y) = val.parse::<i32>() {
                    if (MIN_YEAR..=MAX_YEAR).contains(&y) {
                        v.year = Some(y);
                    }
                }
            }
            "country" if is_iso3(val) => v.country = Some(val.to_ascii_uppercase()),
            "company" => v.filters.companies = list(val).filter(|c| is_id(c)).map(String::from).collect(),
            "category" => v.filters.categories = list(val).filter_map(Category::from_id).collect(),
            "evidence" => v.filters.evidence = list(val).filter_map(Evidence::from_id).collect(),
            "tab" => v.tab = Tab::from_id(val).unwrap_or(v.tab),
            "region" => {
                v.region = match Region::from_id(val) {
                    Some(Region::World) => None,
                    Some(r) => Some(r),
                    None => v.region,
                }
            }
            "lang" => v.lang = Lang::from_code(val).or(v.lang),
            "theme" => v.theme = Theme::from_id(val).unwrap_or(v.theme),
            "embed" => v.embed = matches!(val, "1" | "true" | "yes"),
            "height" => v.embed_full = val == "full",
            "mode" => v.present = val == "present",
            "view" => v.presenter = val == "presenter",
            "step" => {
                if let Ok(s) = val.parse::<usize>() {
                    if (1..=999).contains(&s) {
                        v.step = s - 1;
                    }
                }
            }
            _ => {}
        }
    }
    if !v.present {
        // A story step and the presenter view mean nothing outside presentation mode.
        v.step = 0;
        v.presenter = false;
    }
    v
}

/// Serialises the view to a query string (with leading `?`, or empty for the default view).
pub fn serialize(v: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(y) = v.year {
        parts.push(format!("year={y}"));
    }
    if let Some(c) = &v.country {
        parts.push(format!("country={}", percent_encode(c)));
    }
    let join = |it: Vec<String>| it.iter().map(|s| percent_encode(s)).collect::<Vec<_>>().join(",");
    if !v.filters.companies.is_empty() {
        parts.push(format!("company={}", join(v.filters.companies.iter().cloned().collect())));
    }
    if !v.filters.categories.is_empty() {
        parts.push(format!("category={}", join(v.filters.categories.iter().map(|c| c.id().to_string()).collect())));
    }
    if !v.filters.evidence.is_empty() {
        parts.push(format!("evidence={}", join(v.filters.evidence.iter().map(|c| c.id().to_string()).collect())));
    }
    if v.tab != Tab::Map {
        parts.push(format!("tab={}", v.tab.id()));
    }
    if let Some(r) = v.region {
        parts.push(format!("region={}", r.id()));
    }
    if let Some(l) = v.lang {
        parts.push(format!("lang={}", l.code()));
    }
    if v.theme != Theme::Auto {
        parts.push(format!("theme={}", v.theme.id()));
    }
    if v.embed {
        parts.push("embed=1".into());
    }
    if v.embed_full {
        parts.push("height=full".into());
    }
    if v.present {
        parts.push("mode=present".into());
        if v.presenter {
            parts.push("view=presenter".into());
        }
        if v.step > 0 {
            parts.push(format!("step={}", v.step + 1));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The folder of a country's prerendered page, relative to the site root (`country/ken/`).
pub fn country_page(iso3: &str) -> String {
    format!("country/{}/", iso3.to_ascii_lowercase())
}

/// The folder of the prerendered pages in a language, relative to the site root: `""` for
/// English, `fr/` for French (its home page `fr/`, its country pages `fr/country/ken/`).
pub fn lang_dir(lang: Lang) -> String {
    if lang == Lang::En { String::new() } else { format!("{}/", lang.code()) }
}

/// A country's prerendered page in a language (`country/ken/`, `fr/country/ken/`).
pub fn country_page_in(lang: Lang, iso3: &str) -> String {
    format!("{}{}", lang_dir(lang), country_page(iso3))
}

/// The view to show after hydrating a prerendered page: the view its markup shows (a country
/// page's `?country=KEN`) with the page URL's own parameters on top.
pub fn startup_view(prerendered: &str, location: &str) -> ViewState {
    let location = location.strip_prefix('?').unwrap_or(location);
    parse(&format!("{prerendered}&{location}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_in_a_language_live_in_its_folder() {
        assert_eq!(lang_dir(Lang::En), "");
        assert_eq!(lang_dir(Lang::Ar), "ar/");
        assert_eq!(country_page_in(Lang::En, "KEN"), "country/ken/");
        assert_eq!(country_page_in(Lang::Zh, "KEN"), "zh/country/ken/");
    }

    #[test]
    fn every_language_survives_the_round_trip() {
        for l in crate::i18n::Lang::ALL {
            let v = ViewState { lang: Some(l), country: Some("KEN".into()), ..ViewState::default() };
            let q = serialize(&v);
            assert!(q.contains(&format!("lang={}", l.code())), "{q}");
            assert_eq!(parse(&q), v, "{q}");
        }
        assert_eq!(parse("?lang=zh-CN").lang, Some(Lang::Zh));
        assert_eq!(parse("?lang=ar").lang, Some(Lang::Ar));
    }

    #[test]
    fn debug_is_on_only_when_asked() {
        assert!(debug("?debug=1"));
        assert!(debug("?year=2019&debug=true"));
        for q in ["", "?debug=0", "?debug", "?debugx=1", "?year=2019"] {
            assert!(!debug(q), "{q}");
        }
    }

    #[test]
    fn parses_a_full_view() {
        let v = parse("?year=2019&country=ken&company=huawei,zte&category=safe-city,drones&evidence=confirmed&tab=table&region=africa&lang=fr&theme=dark&embed=1&mode=present&step=3");
        assert_eq!(v.year, Some(2019));
        assert_eq!(v.country.as_deref(), Some("KEN"));
        assert_eq!(v.filters.companies.iter().map(String::as_str).collect::<Vec<_>>(), ["huawei", "zte"]);
        assert_eq!(v.filters.categories.len(), 2);
        assert!(v.filters.evidence.contains(&Evidence::Confirmed));
        assert_eq!(v.tab, Tab::Table);
        assert_eq!(v.region, Some(Region::Africa));
        assert_eq!(v.lang, Some(Lang::Fr));
        assert_eq!(v.theme, Theme::Dark);
        assert!(v.embed && v.present);
        assert_eq!(v.step, 2);
        assert!(!v.presenter);
        let p = parse("?mode=present&view=presenter&step=4");
        assert!(p.presenter && p.present);
        assert_eq!(serialize(&p), "?mode=present&view=presenter&step=4");
        assert!(!parse("?view=presenter").presenter, "the presenter view needs presentation mode");
    }

    #[test]
    fn malformed_values_are_ignored_and_the_rest_honoured() {
        let v = parse("?year=abc&country=XXXX&company=huawei,,nope!,ZTE&category=lasers,drones&tab=globe&lang=de&theme=pink&step=-1&foo=bar&%ZZ=1");
        assert_eq!(v.year, None);
        assert_eq!(v.country, None);
        assert_eq!(v.filters.companies.iter().map(String::as_str).collect::<Vec<_>>(), ["huawei"]);
        assert_eq!(v.filters.categories.into_iter().collect::<Vec<_>>(), [Category::Drones]);
        assert_eq!(v.tab, Tab::Map);
        assert_eq!(v.lang, None);
        assert_eq!(v.theme, Theme::Auto);
        assert_eq!(v.step, 0);
        assert_eq!(parse("?year=0").year, None);
        assert_eq!(parse("?year=99999").year, None);
        assert_eq!(parse("?year=2019&year=all").year, None);
        assert_eq!(parse("?country=XXX").country.as_deref(), Some("XXX"), "syntactically valid codes are kept until the data is loaded");
        assert_eq!(parse(&"a".repeat(100_000)), ViewState::default());
        assert_eq!(parse("%"), ViewState::default());
        assert_eq!(parse("year=%F0%9F%92%A9"), ViewState::default());
    }

    #[test]
    fn default_view_serialises_to_nothing() {
        assert_eq!(serialize(&ViewState::default()), "");
        assert_eq!(parse(""), ViewState::default());
    }

    #[test]
    fn serialise_is_stable_and_readable() {
        let v = parse("?country=KEN&year=2016&category=drones,safe-city");
        assert_eq!(serialize(&v), "?year=2016&country=KEN&category=safe-city,drones");
    }

    #[test]
    fn full_height_embed_is_a_parameter() {
        let v = parse("?embed=1&height=full");
        assert!(v.embed && v.embed_full);
        assert_eq!(serialize(&v), "?embed=1&height=full");
        assert!(!parse("?embed=1&height=200").embed_full);
    }

    #[test]
    fn percent_coding_round_trips() {
        for s in ["a b", "côte d'ivoire", "100%", "x&y=z", "%", "%4", "%zz"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
        assert_eq!(percent_decode("%41+b"), "A b");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn startup_view_keeps_the_prerendered_view_under_the_urls_parameters() {
        assert_eq!(startup_view("", ""), ViewState::default());
        assert_eq!(startup_view("?country=KEN", "").country.as_deref(), Some("KEN"));
        let v = startup_view("?country=KEN", "?year=2015&lang=fr");
        assert_eq!((v.country.as_deref(), v.year, v.lang), (Some("KEN"), Some(2015), Some(Lang::Fr)));
        assert_eq!(startup_view("?country=KEN", "?country=UGA").country.as_deref(), Some("UGA"));
        assert_eq!(startup_view("", "?country=KEN&year=2015"), parse("?country=KEN&year=2015"));
    }
}

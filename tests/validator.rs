//! Every validation rule, each with a dataset that breaks it, plus the shipped data passing.

mod common;

use serde_json::{json, Value};
use surveillance_atlas::data::validate::{self, Severity};
use surveillance_atlas::geo::world::CountryIndex;

fn countries() -> CountryIndex {
    CountryIndex::from_codes(["KEN", "UGA", "FRA", "CHN"])
}

fn valid() -> Value {
    json!({
        "meta": {"title": "t", "updated": "2026-11-27"},
        "sources": [
            {"id": "s1", "publisher": "Reuters", "title": "Uganda buys cameras", "date": "2019-08-15", "url": "https://www.reuters.com/x"},
            {"id": "s2", "publisher": "AFP", "title": "Other", "date": "2019-11", "via": "https://web.archive.org/web/2019/https://www.afp.com/x"}
        ],
        "companies": [{"id": "huawei", "name": "Huawei", "headquarters": "Shenzhen", "ownership": "private",
                       "sanctions": [{"list": "us-entity-list", "date": "2019-05-16", "note": "", "sources": ["s1"]}]}],
        "deployments": [{"id": "uga-cctv", "country": "UGA", "place": "Kampala", "year": 2019, "companies": ["huawei"],
                          "categories": ["safe-city"], "summary": "Cameras.", "evidence": "confirmed", "sources": ["s1", "s2"]}],
        "events": [{"id": "e1", "date": "2019-08-15", "title": "Deal", "kind": "contract", "country": "UGA", "sources": ["s1"]}],
        "figures": [{"id": "f1", "value": "75 of 176", "label": "countries", "year": 2019, "sources": ["s2"]}],
        "story": [{"id": "st1", "year": 2019, "country": "UGA", "region": "africa", "caption": "Uganda.", "sources": ["s1"]}]
    })
}

/// Validates a JSON value; returns the problems as display strings.
fn problems(v: &Value) -> (Vec<String>, Vec<String>) {
    let text = v.to_string();
    let report = match validate::parse(&text) {
        Ok(ds) => validate::validate(&ds, &countries()),
        Err(r) => r,
    };
    let pick = |s: Severity| report.problems.iter().filter(|p| p.severity == s).map(|p| p.to_string()).collect();
    (pick(Severity::Error), pick(Severity::Warning))
}

fn assert_error(v: Value, expected: &str) {
    let (errors, _) = problems(&v);
    assert!(errors.iter().any(|e| e.contains(expected)), "expected an error containing {expected:?}, got {errors:#?}");
}

fn with(mut v: Value, pointer: &str, new: Value) -> Value {
    // A missing last key is added (optional fields).
    if v.pointer(pointer).is_none() {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let obj = v.pointer_mut(parent).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("no {parent}"));
        obj.insert(key.to_string(), new);
        return v;
    }
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
    v
}

#[test]
fn the_minimal_dataset_is_valid() {
    let (errors, warnings) = problems(&valid());
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn unknown_country_code_names_entry_and_field() {
    assert_error(with(valid(), "/deployments/0/country", json!("XXX")), "deployments/uga-cctv: country: unknown country code \"XXX\"");
    assert_error(with(valid(), "/events/0/country", json!("uga")), "events/e1: country: unknown country code");
    assert_error(with(valid(), "/story/0/country", json!("ZZZ")), "story/st1: country: unknown country code");
}

#[test]
fn years_out_of_range() {
    assert_error(with(valid(), "/deployments/0/year", json!(0)), "deployments/uga-cctv: year: year 0 is out of range");
    assert_error(with(valid(), "/deployments/0/year", json!(99999)), "year 99999 is out of range");
    assert_error(with(valid(), "/figures/0/year", json!(1200)), "figures/f1: year: year 1200");
    let mut v = valid();
    v["deployments"][0]["end_year"] = json!(2015);
    assert_error(v, "end_year: 2015 is before the start year 2019");
}

#[test]
fn entries_need_sources_and_sources_must_exist() {
    assert_error(with(valid(), "/deployments/0/sources", json!([])), "deployments/uga-cctv: sources: no source");
    assert_error(with(valid(), "/events/0/sources", json!([])), "events/e1: sources: no source");
    assert_error(with(valid(), "/figures/0/sources", json!(["nope"])), "figures/f1: sources: refers to missing source \"nope\"");
    assert_error(with(valid(), "/companies/0/sanctions/0/sources", json!(["ghost"])), "companies/huawei: sources: refers to missing source \"ghost\"");
}

#[test]
fn references_to_missing_companies() {
    assert_error(with(valid(), "/deployments/0/companies", json!(["huawei", "acme"])), "deployments/uga-cctv: companies: refers to missing company \"acme\"");
    let mut v = valid();
    v["events"][0]["companies"] = json!(["zte"]);
    assert_error(v, "events/e1: companies: refers to missing company \"zte\"");
}

#[test]
fn duplicate_and_malformed_ids() {
    let mut v = valid();
    let dup = v["deployments"][0].clone();
    v["deployments"].as_array_mut().unwrap().push(dup);
    assert_error(v, "deployments/uga-cctv: id: duplicate id (also used by deployments[0])");
    let mut v = valid();
    let dup = v["sources"][0].clone();
    v["sources"].as_array_mut().unwrap().push(dup);
    assert_error(v, "sources/s1: id: duplicate id");
    assert_error(with(valid(), "/events/0/id", json!("Bad Id!")), "events[0]: id: \"Bad Id!\" is not a valid id");
}

#[test]
fn only_http_urls() {
    assert_error(with(valid(), "/sources/0/url", json!("javascript:alert(1)")), "sources/s1: url: \"javascript:alert(1)\" is not an http(s) URL");
    assert_error(with(valid(), "/sources/0/url", json!("data:text/html,<b>x</b>")), "is not an http(s) URL");
    assert_error(with(valid(), "/sources/1/via", json!("ftp://example.org/x")), "sources/s2: via:");
    assert_error(with(valid(), "/sources/0/url", json!("https://")), "is not an http(s) URL");
    assert_error(with(valid(), "/sources/0/url", json!("https://exa mple.org")), "is not an http(s) URL");
}

#[test]
fn empty_text_and_over_long_text() {
    assert_error(with(valid(), "/deployments/0/summary", json!("   ")), "deployments/uga-cctv: summary: is empty");
    assert_error(with(valid(), "/sources/0/title", json!("")), "sources/s1: title: is empty");
    assert_error(with(valid(), "/story/0/caption", json!("")), "story/st1: caption: is empty");
    assert_error(with(valid(), "/deployments/0/categories", json!([])), "deployments/uga-cctv: categories: no category");
    assert_error(with(valid(), "/deployments/0/summary", json!("x".repeat(5000))), "summary: is 5000 characters long");
}

#[test]
fn dates_must_be_iso_8601() {
    assert_error(with(valid(), "/sources/0/date", json!("15/08/2019")), "sources/s1: date: \"15/08/2019\" is not an ISO 8601 date");
    assert_error(with(valid(), "/events/0/date", json!("2019-02-30")), "events/e1: date:");
    assert_error(with(valid(), "/companies/0/sanctions/0/date", json!("May 2019")), "companies/huawei: sanctions[0].date:");
    let mut v = valid();
    v["deployments"][0]["dates"] = json!({"signed": "2019-13"});
    assert_error(v, "deployments/uga-cctv: dates.signed:");
}

#[test]
fn schema_errors_name_the_line() {
    assert_error(json!({"deployments": "none"}), "does not match the schema");
    assert_error(with(valid(), "/deployments/0/evidence", json!("rumour")), "unknown variant `rumour`");
    assert_error(with(valid(), "/deployments/0/categories", json!(["lasers"])), "unknown variant `lasers`");
    assert_error(with(valid(), "/deployments/0/year", json!("2019")), "does not match the schema");
    let mut v = valid();
    v["deployments"][0]["notes"] = json!("x");
    assert_error(v, "unknown field `notes`");
    let text = valid().to_string();
    let report = validate::parse(&text[..text.len() / 2]).unwrap_err();
    assert!(report.problems[0].message.contains("truncated"), "{:?}", report.problems);
    let report = validate::parse("").unwrap_err();
    assert!(report.problems[0].message.contains("empty"));
    let report = validate::parse(&" ".repeat(validate::MAX_BYTES + 1)).unwrap_err();
    assert!(report.problems[0].message.contains("limit"));
}

#[test]
fn empty_deployment_list_is_an_error() {
    assert_error(with(valid(), "/deployments", json!([])), "the dataset has no deployments");
}

#[test]
fn warnings_for_weaker_problems() {
    let mut v = with(valid(), "/deployments/0/sources", json!(["s1"]));
    v["deployments"][0]["place"] = json!("");
    v["sources"].as_array_mut().unwrap().push(json!({"id": "s3", "publisher": "P", "title": "T", "date": "2020"}));
    let (errors, warnings) = problems(&v);
    assert!(errors.is_empty(), "{errors:#?}");
    for w in ["deployments/uga-cctv: sources: single source", "deployments/uga-cctv: place: no city or area", "sources/s3: url: no address", "sources/s3: is not used by any entry"] {
        assert!(warnings.iter().any(|x| x.contains(w)), "missing warning {w:?} in {warnings:#?}");
    }
}

#[test]
fn load_returns_errors_not_data() {
    let v = with(valid(), "/deployments/0/country", json!("XXX"));
    assert!(validate::load(&v.to_string(), &countries()).is_err());
    assert!(validate::load(&valid().to_string(), &countries()).is_ok());
}

#[test]
fn the_shipped_dataset_passes_with_the_real_country_list() {
    let ds = common::dataset();
    let report = validate::validate(&ds, &common::index());
    let errors: Vec<_> = report.errors().map(|p| p.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn shipped_dataset_meets_the_editorial_bar() {
    use std::collections::HashSet;
    let ds = common::dataset();
    let countries: HashSet<_> = ds.deployments.iter().map(|d| d.country.as_str()).collect();
    assert!(ds.deployments.len() >= 60, "{} deployments", ds.deployments.len());
    assert!(countries.len() >= 45, "{} countries", countries.len());
    assert!(ds.events.len() >= 50, "{} events", ds.events.len());
    // Errors in circulation stay out.
    assert!(!countries.contains("SGP"), "a bid (Yitu in Singapore) is not a deployment");
    assert!(!countries.contains("EGY"), "Egypt's new-capital cameras are not a documented Chinese deployment");
    let teltronic = ds.deployments.iter().find(|d| d.country == "ESP").expect("Teltronic entry");
    assert!(teltronic.year >= 2015 && teltronic.summary.contains("Sepura"), "{teltronic:?}");
    let idc = ds.figures.iter().find(|f| f.value.contains("2.76")).expect("2.76 billion figure");
    assert!(idc.label.contains("IDC") || idc.detail.contains("IDC"), "{idc:?}");
    // The AFP Milipol 2019 report is a source, and its facts are entries.
    let afp = ds.sources.iter().find(|s| s.id == "afp-2019-11-24-milipol").expect("AFP Milipol source");
    assert_eq!(afp.publisher, "AFP");
    assert!(ds.deployments.iter().any(|d| d.sources.iter().any(|s| s == &afp.id)));
    assert!(ds.events.iter().any(|e| e.sources.iter().any(|s| s == &afp.id)));
    // Acquisitions are entries of their own category.
    let acq = ds.deployments.iter().filter(|d| d.categories.contains(&surveillance_atlas::data::model::Category::Acquisition)).count();
    assert!(acq >= 3, "{acq} acquisitions");
}

#[test]
fn the_same_source_twice_in_one_entry_is_an_error() {
    assert_error(with(valid(), "/deployments/0/sources", json!(["s1", "s2", "s1"])), "deployments/uga-cctv: sources: cites source \"s1\" twice");
}

#[test]
fn two_source_records_with_one_address_are_an_error() {
    // The same article under a second id (scheme, www. and a trailing slash do not count).
    let mut v = valid();
    v["sources"].as_array_mut().unwrap().push(json!({"id": "s3", "publisher": "Reuters", "title": "Uganda buys cameras", "date": "2019-08-15", "url": "http://reuters.com/x/"}));
    v["deployments"][0]["sources"] = json!(["s1", "s2", "s3"]);
    assert_error(v, "sources/s3: url: \"http://reuters.com/x/\" is also the address of source \"s1\"");
}

fn assert_warning(v: Value, expected: &str) {
    let (errors, warnings) = problems(&v);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(warnings.iter().any(|w| w.contains(expected)), "expected a warning containing {expected:?}, got {warnings:#?}");
}

#[test]
fn an_entry_later_than_its_newest_source_is_warned() {
    assert_warning(with(valid(), "/deployments/0/year", json!(2021)), "deployments/uga-cctv: year: 2021 is later than its newest source (2019)");
    assert_warning(with(valid(), "/events/0/date", json!("2020-02")), "events/e1: date: 2020 is later than its newest source (2019)");
}

#[test]
fn listing_pages_and_staging_hosts_are_warned() {
    assert_warning(with(valid(), "/sources/0/url", json!("https://staging.rferl.org/China-In-Eurasia/2024/3/12")), "sources/s1: url: looks like a staging or test host, not an article");
    assert_warning(with(valid(), "/sources/0/url", json!("https://www.rferl.org/China-In-Eurasia/2024/3/12")), "sources/s1: url: looks like a listing of one day's stories, not an article");
    assert_warning(with(valid(), "/sources/0/url", json!("https://www.reuters.com/tag/huawei")), "looks like a tag, topic or author listing");
}

#[test]
fn a_copy_on_a_host_not_on_the_list_is_warned() {
    assert_warning(with(valid(), "/sources/1/via", json!("https://thetowerpost.com/2019/08/15/uganda")), "sources/s2: via: copy on thetowerpost.com, which is not an accepted copy host");
}

#[test]
fn key_source_must_be_one_of_the_entrys_sources() {
    let ok = with(valid(), "/deployments/0/key_source", json!("s2"));
    assert!(problems(&ok).0.is_empty());
    let mut v = valid();
    v["sources"].as_array_mut().unwrap().push(json!({"id": "s3", "publisher": "P", "title": "T", "date": "2019", "url": "https://p.org/a"}));
    v["events"][0]["sources"] = json!(["s1", "s3"]);
    v["deployments"][0]["key_source"] = json!("s3");
    assert_error(v, "deployments/uga-cctv: key_source: \"s3\" is not one of this entry's sources");
}

#[test]
fn meta_corrections_counts_and_changelog() {
    assert!(problems(&with(valid(), "/meta/corrections", json!("https://example.org/corrections"))).0.is_empty());
    assert!(problems(&with(valid(), "/meta/corrections", json!("data@example.org"))).0.is_empty());
    assert_error(with(valid(), "/meta/corrections", json!("javascript:alert(1)")), "meta: corrections: \"javascript:alert(1)\" is neither an http(s) URL nor an e-mail address");
    assert_warning(
        with(valid(), "/meta/counts", json!({"deployments": 2, "countries": 1, "events": 1})),
        "meta: counts: says 2 deployments in 1 countries and 1 events; the file has 1, 1 and 1",
    );
    let log = json!([{"version": "2", "date": "2026-12-03", "added": ["uga-cctv", "nope"], "corrected": [{"id": "e1", "what": "date"}], "removed": [{"id": "f1", "what": "gone"}]}]);
    let v = with(valid(), "/meta/title", json!("t"));
    let mut v = v;
    v["changelog"] = log;
    let (errors, warnings) = problems(&v);
    assert!(errors.is_empty(), "a stale changelog does not stop a dataset from loading: {errors:#?}");
    assert!(warnings.iter().any(|w| w.contains("changelog[0]: names \"nope\", which is not in the dataset")), "{warnings:#?}");
    assert!(warnings.iter().any(|w| w.contains("\"f1\" is listed as removed but is still in the dataset")), "{warnings:#?}");
    assert_error(with(valid(), "/figures/0/company", json!("nobody")), "figures/f1: companies: refers to missing company \"nobody\"");
}

#[test]
fn the_shipped_headline_numbers_are_the_datas_own() {
    let ds = common::dataset();
    let claimed = ds.meta.counts.expect("meta.counts is set in the shipped data");
    assert_eq!(claimed, surveillance_atlas::data::changelog::counts(&ds), "meta.counts must match the entries: update meta.counts");
    assert!(!ds.meta.version.is_empty(), "meta.version is set");
    assert_eq!(ds.changelog.first().map(|r| r.version.as_str()), Some(ds.meta.version.as_str()), "the newest changelog release is this version");
}

#[test]
fn the_changelog_document_is_made_from_the_data() {
    let want = surveillance_atlas::data::changelog::markdown(&common::dataset());
    let have = common::read("docs/CHANGELOG-DATA.md");
    assert!(
        have == want,
        "docs/CHANGELOG-DATA.md is out of date: list the ids in atlas.json's changelog, then run\n  cargo run --bin atlas-data -- changelog assets/data/atlas.json > docs/CHANGELOG-DATA.md"
    );
}

#[test]
fn accepted_copy_hosts_are_the_ones_docs_data_lists() {
    // The table under "Accepted copy hosts" in docs/DATA.md: first column, in backticks.
    let doc = common::read("docs/DATA.md");
    let section = doc.split("## Accepted copy hosts").nth(1).expect("docs/DATA.md has an 'Accepted copy hosts' section");
    let section = section.split("\n## ").next().unwrap_or("");
    let mut documented: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    let mut code: Vec<&str> = surveillance_atlas::data::links::COPY_HOSTS.to_vec();
    documented.sort_unstable();
    code.sort_unstable();
    assert_eq!(documented, code, "docs/DATA.md's accepted copy hosts and data::links::COPY_HOSTS must list the same hosts");
}

/// The minimal dataset with notes (and their language) on its story step.
fn with_notes(notes: Value, lang: Option<&str>) -> Value {
    let mut v = valid();
    v["story"][0]["notes"] = notes;
    if let Some(l) = lang {
        v["story"][0]["notes_lang"] = json!(l);
    }
    v
}

#[test]
fn story_notes_are_checked_for_length_and_language() {
    let (errors, _) = problems(&with_notes(json!("Point at Kampala. Ask: who sees the footage?"), Some("pt-BR")));
    assert!(errors.is_empty(), "{errors:#?}");
    let long = "x".repeat(validate::MAX_NOTES + 1);
    assert_error(with_notes(json!(long), None), "story/st1: notes: is 1201 characters long; the limit for notes is 1200");
    assert_error(with_notes(json!("   "), None), "story/st1: notes: is only white space");
    for bad in ["english", "e", "en_GB", "en-", "12", "en-a"] {
        assert_error(with_notes(json!("Notes."), Some(bad)), "story/st1: notes_lang: ");
    }
    let mut no_notes = valid();
    no_notes["story"][0]["notes_lang"] = json!("en");
    assert_error(no_notes, "story/st1: notes_lang: is set but the step has no notes");
    assert!(validate::is_language_tag("zh-Hans") && validate::is_language_tag("es-419") && validate::is_language_tag("ar"));
}

#[test]
fn translations_are_checked_for_language_fields_and_length() {
    let ok = with(valid(), "/deployments/0/translations", json!({"fr": {"summary": "Des caméras."}, "es": {"summary": "Cámaras."}}));
    let ok = with(ok, "/events/0/translations", json!({"pt": {"title": "Acordo"}, "zh": {"title": "协议", "summary": "摘要"}}));
    let (errors, warnings) = problems(&ok);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!warnings.iter().any(|w| w.contains("translations")), "{warnings:#?}");
    // English is the original, not a translation; codes are the widget's languages.
    assert_error(with(valid(), "/deployments/0/translations", json!({"en": {"summary": "x"}})), "unknown language code \"en\"");
    assert_error(with(valid(), "/deployments/0/translations", json!({"de": {"summary": "x"}})), "unknown language code \"de\" (one of fr, es, pt, ar, zh)");
    assert_error(with(valid(), "/deployments/0/translations", json!({"fr": {}})), "translations.fr: translates nothing");
    assert_error(with(valid(), "/deployments/0/translations", json!({"fr": {"title": "T", "summary": "S"}})), "translations.fr.title: this kind of entry has no title");
    assert_error(with(valid(), "/events/0/translations", json!({"ar": {"title": "  "}})), "translations.ar.title: is empty");
    assert_error(with(valid(), "/deployments/0/translations", json!({"fr": {"summary": "x".repeat(5000)}})), "translations.fr.summary: is 5000 characters long");
    // Unknown fields inside a translation are rejected by the schema.
    let (errors, _) = problems(&with(valid(), "/deployments/0/translations", json!({"fr": {"resume": "x"}})));
    assert!(errors.iter().any(|e| e.contains("resume")), "{errors:#?}");
}

#[test]
fn translation_languages_are_the_widgets_other_languages() {
    use surveillance_atlas::data::model::TRANSLATION_LANGS;
    use surveillance_atlas::i18n::Lang;
    let widget: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).filter(|c| *c != "en").collect();
    assert_eq!(TRANSLATION_LANGS.to_vec(), widget);
}

//! The one validator, used by the widget at load time and by `atlas-data check`.
//! Every problem names the entry (list and id), the field, and what is wrong.

use crate::data::date::PartialDate;
use crate::data::links;
use crate::data::model::*;
use crate::geo::world::CountryIndex;
use std::collections::{HashMap, HashSet};
use std::fmt;

pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2035;
/// Longest text accepted in any one field.
pub const MAX_TEXT: usize = 2_000;
/// Longest presenter note accepted for one story step (about a minute of speaking).
pub const MAX_NOTES: usize = 1_200;
/// Largest dataset file accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most entries accepted in any one list.
pub const MAX_ENTRIES: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// e.g. `deployments/ken-nairobi-safe-city` or `deployments[3]` when the id is unusable.
    pub entry: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.field.is_empty() {
            write!(f, "{sev}: {}: {}", self.entry, self.message)
        } else {
            write!(f, "{sev}: {}: {}: {}", self.entry, self.field, self.message)
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    fn push(&mut self, severity: Severity, entry: &str, field: &str, message: impl Into<String>) {
        self.problems.push(Problem { severity, entry: printable(entry), field: printable(field), message: printable(&message.into()) });
    }
}

/// Escapes control characters so that a report line can never carry terminal escapes or
/// line breaks from the data.
fn printable(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// serde's derived structs also accept arrays (fields by position); the format is objects
/// only. Returns the JSON path of the first array found where an object belongs.
fn array_in_place_of_object(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let Value::Object(top) = v else { return Some("the top level".into()) };
    if let Some(m) = top.get("meta") {
        if !m.is_object() {
            return Some("meta".into());
        }
    }
    for (list, nested) in [("sources", None), ("companies", Some("sanctions")), ("deployments", Some("dates")), ("events", None), ("figures", None), ("story", None), ("changelog", None)] {
        let Some(Value::Array(items)) = top.get(list) else { continue };
        for (i, item) in items.iter().enumerate() {
            let Value::Object(obj) = item else { return Some(format!("{list}[{i}]")) };
            match (nested, nested.and_then(|n| obj.get(n))) {
                (Some("dates"), Some(d)) if !d.is_object() => return Some(format!("{list}[{i}].dates")),
                (Some("sanctions"), Some(Value::Array(xs))) => {
                    if let Some(j) = xs.iter().position(|x| !x.is_object()) {
                        return Some(format!("{list}[{i}].sanctions[{j}]"));
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// A BCP 47 language tag of the usual shape: a 2–3 letter language, then optional subtags of
/// 2–8 letters or digits (`en`, `pt-BR`, `zh-Hans`, `es-419`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Parses the JSON text of a dataset. Syntax and type errors come back as one problem with
/// the line and column serde reports.
pub fn parse(text: &str) -> Result<Dataset, Report> {
    let mut report = Report::default();
    if text.len() > MAX_BYTES {
        report.push(Severity::Error, "dataset", "", format!("file is {} bytes; the limit is {MAX_BYTES}", text.len()));
        return Err(report);
    }
    // A UTF-8 byte-order mark (spreadsheet exports add one) is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        report.push(Severity::Error, "dataset", "", "file is empty");
        return Err(report);
    }
    match serde_json::from_str::<Dataset>(text) {
        Ok(ds) => {
            if let Some(path) = serde_json::from_str::<serde_json::Value>(text).ok().as_ref().and_then(array_in_place_of_object) {
                report.push(Severity::Error, "dataset", "", format!("does not match the schema: {path} is an array where an object is expected"));
                return Err(report);
            }
            Ok(ds)
        }
        Err(e) => {
            let what = match e.classify() {
                serde_json::error::Category::Syntax => "is not valid JSON",
                serde_json::error::Category::Eof => "ends too early (truncated JSON)",
                serde_json::error::Category::Data => "does not match the schema",
                serde_json::error::Category::Io => "could not be read",
            };
            report.push(Severity::Error, "dataset", "", format!("{what}: {e}"));
            Err(report)
        }
    }
}

/// Parses and validates: the dataset only when it has no errors, else the full report.
pub fn load(text: &str, countries: &CountryIndex) -> Result<(Dataset, Report), Report> {
    let ds = parse(text)?;
    let report = validate(&ds, countries);
    if report.has_errors() {
        Err(report)
    } else {
        Ok((ds, report))
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 80 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Only absolute http(s) URLs with a host are accepted.
pub fn is_http_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

struct Checker<'a> {
    report: Report,
    countries: &'a CountryIndex,
    sources: HashSet<&'a str>,
    companies: HashSet<&'a str>,
    used_sources: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn err(&mut self, entry: &str, field: &str, msg: impl Into<String>) {
        self.report.push(Severity::Error, entry, field, msg);
    }

    fn warn(&mut self, entry: &str, field: &str, msg: impl Into<String>) {
        self.report.push(Severity::Warning, entry, field, msg);
    }

    fn text(&mut self, entry: &str, field: &str, value: &str, required: bool) {
        if required && value.trim().is_empty() {
            self.err(entry, field, "is empty");
        } else if value.chars().count() > MAX_TEXT {
            self.err(entry, field, format!("is {} characters long; the limit is {MAX_TEXT}", value.chars().count()));
        }
    }

    fn date(&mut self, entry: &str, field: &str, value: &str) -> Option<PartialDate> {
        match PartialDate::parse(value) {
            Some(d) if (MIN_YEAR - 30..=MAX_YEAR).contains(&d.year) => Some(d),
            Some(d) => {
                self.err(entry, field, format!("year {} is out of range", d.year));
                None
            }
            None => {
                let shown: String = value.chars().take(40).collect();
                self.err(entry, field, format!("{shown:?} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"));
                None
            }
        }
    }

    fn year(&mut self, entry: &str, field: &str, year: i32) {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            self.err(entry, field, format!("year {year} is out of range ({MIN_YEAR}–{MAX_YEAR})"));
        }
    }

    fn country(&mut self, entry: &str, field: &str, code: &str) {
        if !self.countries.contains(code) {
            let shown: String = code.chars().take(20).collect();
            self.err(entry, field, format!("unknown country code {shown:?} (expected an ISO 3166-1 alpha-3 code such as \"KEN\")"));
        }
    }

    fn url(&mut self, entry: &str, field: &str, url: &str) {
        if !is_http_url(url) {
            let shown: String = url.chars().take(60).collect();
            self.err(entry, field, format!("{shown:?} is not an http(s) URL"));
        }
    }

    fn source_refs(&mut self, entry: &str, ids: &'a [String], required: bool) {
        if required && ids.is_empty() {
            self.err(entry, "sources", "no source: every entry needs at least one");
        }
        let mut seen = HashSet::new();
        for id in ids {
            if !self.sources.contains(id.as_str()) {
                self.err(entry, "sources", format!("refers to missing source {id:?}"));
            } else if !seen.insert(id.as_str()) {
                self.err(entry, "sources", format!("cites source {id:?} twice"));
            }
            self.used_sources.insert(id.as_str());
        }
    }

    /// Warns when an entry's year is later than every one of its sources: no source can have
    /// reported it yet, so the year or a source is wrong.
    fn year_after_sources(&mut self, entry: &str, field: &str, year: i32, ids: &[String], source_years: &HashMap<&str, i32>) {
        let newest = ids.iter().filter_map(|id| source_years.get(id.as_str())).max();
        if let Some(&newest) = newest {
            if year > newest {
                self.warn(entry, field, format!("{year} is later than its newest source ({newest})"));
            }
        }
    }

    /// Translated texts: known language codes (the widget's languages other than English), at
    /// least one field, no title where the record has none, texts within the limits.
    fn translations(&mut self, entry: &str, translations: &std::collections::BTreeMap<String, Translation>, has_title: bool) {
        for (code, t) in translations {
            let field = format!("translations.{}", printable(code));
            if !TRANSLATION_LANGS.contains(&code.as_str()) {
                let shown = printable(code);
                self.err(entry, "translations", format!("unknown language code {shown:?} (one of {})", TRANSLATION_LANGS.join(", ")));
                continue;
            }
            if t.title.is_none() && t.summary.is_none() {
                self.err(entry, &field, "translates nothing (give a summary or a title)");
            }
            match (&t.title, has_title) {
                (Some(_), false) => self.err(entry, &format!("{field}.title"), "this kind of entry has no title to translate"),
                (Some(v), true) => self.text(entry, &format!("{field}.title"), v, true),
                _ => {}
            }
            if let Some(v) = &t.summary {
                self.text(entry, &format!("{field}.summary"), v, true);
            }
        }
    }

    fn company_refs(&mut self, entry: &str, ids: &[String]) {
        for id in ids {
            if !self.companies.contains(id.as_str()) {
                self.err(entry, "companies", format!("refers to missing company {id:?}"));
            }
        }
    }
}

/// Names each entry `list/id`, reports bad and duplicate ids, and returns the names.
fn entry_names<'a, T>(c: &mut Checker<'_>, list: &str, items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> Vec<String> {
    if items.len() > MAX_ENTRIES {
        c.err(list, "", format!("has {} entries; the limit is {MAX_ENTRIES}", items.len()));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let id = id(item);
            if !valid_id(id) {
                let name = format!("{list}[{i}]");
                let shown: String = id.chars().take(40).collect();
                c.err(&name, "id", format!("{shown:?} is not a valid id (lowercase letters, digits and '-')"));
                name
            } else {
                let name = format!("{list}/{id}");
                if let Some(first) = seen.insert(id, i) {
                    c.err(&name, "id", format!("duplicate id (also used by {list}[{first}])"));
                }
                name
            }
        })
        .collect()
}

/// Whether `s` is a plausible e-mail address (one `@`, a dot in the domain, no spaces).
pub fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else { return false };
    !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !s.contains(char::is_whitespace) && !domain.contains('@') && !s.chars().any(char::is_control)
}

/// The dataset's own description: version, where corrections go, the counts it claims and
/// the changelog's references.
fn check_meta(c: &mut Checker<'_>, ds: &Dataset) {
    let m = &ds.meta;
    if let Some(to) = &m.corrections {
        if !is_http_url(to) && !is_email(to) {
            let shown: String = to.chars().take(60).collect();
            c.err("meta", "corrections", format!("{shown:?} is neither an http(s) URL nor an e-mail address"));
        }
    }
    c.text("meta", "version", &m.version, false);
    if let Some(claimed) = m.counts {
        let actual = crate::data::changelog::counts(ds);
        if claimed != actual {
            c.warn(
                "meta",
                "counts",
                format!(
                    "says {} deployments in {} countries and {} events; the file has {}, {} and {}",
                    claimed.deployments, claimed.countries, claimed.events, actual.deployments, actual.countries, actual.events
                ),
            );
        }
    }
    for (i, r) in ds.changelog.iter().enumerate() {
        let e = format!("changelog[{i}]");
        c.text(&e, "version", &r.version, true);
        c.date(&e, "date", &r.date);
        c.text(&e, "note", &r.note, false);
        for id in r.added.iter().chain(r.corrected.iter().map(|x| &x.id)) {
            if crate::data::changelog::list_of(ds, id).is_none() {
                // A warning: a subset of the data (a newsroom's own file) keeps loading.
                c.warn(&e, "", format!("names {id:?}, which is not in the dataset"));
            }
        }
        for x in &r.removed {
            if crate::data::changelog::list_of(ds, &x.id).is_some() {
                c.warn(&e, "removed", format!("{:?} is listed as removed but is still in the dataset", x.id));
            }
        }
    }
}

/// Checks every rule of `docs/DATA.md` and returns errors and warnings.
pub fn validate(ds: &Dataset, countries: &CountryIndex) -> Report {
    let mut c = Checker {
        report: Report::default(),
        countries,
        sources: ds.sources.iter().map(|s| s.id.as_str()).collect(),
        companies: ds.companies.iter().map(|s| s.id.as_str()).collect(),
        used_sources: HashSet::new(),
    };
    if ds.deployments.is_empty() {
        c.err("deployments", "", "the dataset has no deployments");
    }

    let source_names = entry_names(&mut c, "sources", &ds.sources, |s| &s.id);
    for (s, e) in ds.sources.iter().zip(&source_names) {
        c.text(e, "publisher", &s.publisher, true);
        c.text(e, "title", &s.title, true);
        c.date(e, "date", &s.date);
        if let Some(u) = &s.url {
            c.url(e, "url", u);
        }
        if let Some(u) = &s.via {
            c.url(e, "via", u);
            if is_http_url(u) && !links::is_accepted_copy(u) {
                let host = links::host(u).unwrap_or_default();
                c.warn(e, "via", format!("copy on {host}, which is not an accepted copy host (docs/DATA.md): find the original's address, or drop the copy"));
            }
        }
        for (f, u) in [("url", &s.url), ("via", &s.via)] {
            if let Some(why) = u.as_deref().filter(|u| is_http_url(u)).and_then(links::not_an_article) {
                c.warn(e, f, format!("looks like {why}, not an article"));
            }
        }
        if s.url.is_none() && s.via.is_none() {
            c.warn(e, "url", "no address: readers cannot follow this source");
        }
        for (f, v) in [("author", &s.author), ("lang", &s.lang)] {
            if let Some(v) = v {
                c.text(e, f, v, true);
            }
        }
    }

    // Two source records for one address: one of them is a duplicate under another id.
    let mut addresses: HashMap<String, &str> = HashMap::new();
    for (s, e) in ds.sources.iter().zip(&source_names) {
        for u in s.url.iter().chain(s.via.iter()) {
            let Some(key) = links::normalise(u) else { continue };
            match addresses.get(key.as_str()) {
                Some(&other) if other != s.id => c.err(e, "url", format!("{u:?} is also the address of source {other:?}: cite one record")),
                Some(_) => {}
                None => {
                    addresses.insert(key, s.id.as_str());
                }
            }
        }
    }
    let source_years: HashMap<&str, i32> = ds.sources.iter().filter_map(|s| PartialDate::parse(&s.date).map(|d| (s.id.as_str(), d.year))).collect();

    let names = entry_names(&mut c, "companies", &ds.companies, |s| &s.id);
    for (co, e) in ds.companies.iter().zip(&names) {
        c.text(e, "name", &co.name, true);
        c.text(e, "headquarters", &co.headquarters, true);
        c.text(e, "summary", &co.summary, false);
        for (i, s) in co.sanctions.iter().enumerate() {
            let f = format!("sanctions[{i}]");
            c.date(e, &format!("{f}.date"), &s.date);
            c.text(e, &format!("{f}.note"), &s.note, false);
            c.source_refs(e, &s.sources, true);
        }
        c.source_refs(e, &co.sources, false);
    }

    let names = entry_names(&mut c, "deployments", &ds.deployments, |s| &s.id);
    for (d, e) in ds.deployments.iter().zip(&names) {
        c.country(e, "country", &d.country);
        c.year(e, "year", d.year);
        if let Some(end) = d.end_year {
            c.year(e, "end_year", end);
            if end < d.year {
                c.err(e, "end_year", format!("{end} is before the start year {}", d.year));
            }
        }
        for (f, v) in d.dates.entries() {
            c.date(e, &format!("dates.{f}"), v);
        }
        if d.place.trim().is_empty() {
            c.warn(e, "place", "no city or area");
        } else {
            c.text(e, "place", &d.place, true);
        }
        c.text(e, "summary", &d.summary, true);
        if let Some(dis) = &d.disputed {
            c.text(e, "disputed", dis, true);
        }
        if d.categories.is_empty() {
            c.err(e, "categories", "no category");
        }
        c.company_refs(e, &d.companies);
        c.source_refs(e, &d.sources, true);
        if d.sources.len() == 1 {
            c.warn(e, "sources", "single source");
        }
        if let Some(k) = &d.key_source {
            if !d.sources.contains(k) {
                c.err(e, "key_source", format!("{k:?} is not one of this entry's sources"));
            }
        }
        c.year_after_sources(e, "year", d.year, &d.sources, &source_years);
        c.translations(e, &d.translations, false);
    }

    let names = entry_names(&mut c, "events", &ds.events, |s| &s.id);
    for (ev, e) in ds.events.iter().zip(&names) {
        if let Some(d) = c.date(e, "date", &ev.date) {
            c.year(e, "date", d.year);
        }
        c.text(e, "title", &ev.title, true);
        c.text(e, "summary", &ev.summary, false);
        if let Some(code) = &ev.country {
            c.country(e, "country", code);
        }
        c.company_refs(e, &ev.companies);
        c.source_refs(e, &ev.sources, true);
        if let Some(d) = PartialDate::parse(&ev.date) {
            c.year_after_sources(e, "date", d.year, &ev.sources, &source_years);
        }
        c.translations(e, &ev.translations, true);
    }

    let names = entry_names(&mut c, "figures", &ds.figures, |s| &s.id);
    for (fig, e) in ds.figures.iter().zip(&names) {
        c.text(e, "value", &fig.value, true);
        c.text(e, "label", &fig.label, true);
        c.text(e, "detail", &fig.detail, false);
        c.year(e, "year", fig.year);
        c.source_refs(e, &fig.sources, true);
        if let Some(co) = &fig.company {
            c.company_refs(e, std::slice::from_ref(co));
        }
    }

    let names = entry_names(&mut c, "story", &ds.story, |s| &s.id);
    for (st, e) in ds.story.iter().zip(&names) {
        c.year(e, "year", st.year);
        c.text(e, "caption", &st.caption, true);
        if let Some(code) = &st.country {
            c.country(e, "country", code);
        }
        c.source_refs(e, &st.sources, true);
        let notes = st.notes.chars().count();
        if notes > MAX_NOTES {
            c.err(e, "notes", format!("is {notes} characters long; the limit for notes is {MAX_NOTES}"));
        } else if !st.notes.is_empty() && st.notes.trim().is_empty() {
            c.err(e, "notes", "is only white space");
        }
        if let Some(l) = &st.notes_lang {
            if !is_language_tag(l) {
                let shown: String = l.chars().take(40).collect();
                c.err(e, "notes_lang", format!("{shown:?} is not a language tag (e.g. \"en\", \"pt-BR\", \"zh-Hans\")"));
            } else if st.notes.is_empty() {
                c.err(e, "notes_lang", "is set but the step has no notes");
            }
        }
    }

    check_meta(&mut c, ds);

    let unused: Vec<String> = ds.sources.iter().zip(&source_names).filter(|(s, _)| !c.used_sources.contains(s.id.as_str())).map(|(_, name)| name.clone()).collect();
    for name in unused {
        c.warn(&name, "", "is not used by any entry");
    }
    c.report
}

//! The spreadsheet route: the dataset as CSV files (RFC 4180) and back, losslessly for
//! valid data. Lists of ids are joined with `; `. Also used for the "download CSV" button.

use crate::data::model::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Quotes a field when it contains a comma, quote, or line break.
pub fn escape(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Writes a header and rows as CSV text with CRLF line ends.
pub fn write(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        out.push_str(&cells.collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    line(&mut out, &mut header.iter().map(|h| escape(h)));
    for r in rows {
        line(&mut out, &mut r.iter().map(|c| escape(c)));
    }
    out
}

/// Parses CSV text into records. Errors give the line number.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut quoted_start = 0;
    let mut in_quotes = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                in_quotes = true;
                quoted_start = line;
            }
            '"' => return Err(format!("line {line}: a quote inside an unquoted field")),
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                line += 1;
                any = false;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(format!("line {quoted_start}: a quoted field is never closed"));
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

fn join(ids: &[String]) -> String {
    ids.join("; ")
}

fn split(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn enum_id<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

const SOURCES: &[&str] = &["id", "publisher", "title", "date", "url", "via", "author", "lang"];
const COMPANIES: &[&str] = &["id", "name", "headquarters", "ownership", "summary", "sources"];
const SANCTIONS: &[&str] = &["company", "list", "date", "note", "sources"];
const DEPLOYMENTS: &[&str] = &[
    "id", "country", "place", "year", "end_year", "announced", "signed", "live", "cancelled", "companies", "categories", "summary", "evidence", "disputed", "sources", "key_source",
];
const EVENTS: &[&str] = &["id", "date", "title", "summary", "kind", "country", "companies", "sources"];
const FIGURES: &[&str] = &["id", "value", "label", "detail", "year", "sources", "company"];
const CHANGELOG: &[&str] = &["version", "date", "change", "id", "what"];
/// Story columns; the last two (`notes`, `notes_lang`) may be absent from older files.
const STORY: &[&str] = &["id", "year", "country", "region", "caption", "sources", "notes", "notes_lang"];
const STORY_REQUIRED: usize = 6;
const META: &[&str] = &["key", "value"];
/// Translated texts, one row per record and language (`record` is `deployment` or `event`).
const TRANSLATIONS: &[&str] = &["record", "id", "lang", "title", "summary"];

/// One row per deployment, with the columns of `deployments.csv`.
pub fn deployment_rows<'a>(deployments: impl IntoIterator<Item = &'a Deployment>) -> Vec<Vec<String>> {
    deployments
        .into_iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.country.clone(),
                d.place.clone(),
                d.year.to_string(),
                d.end_year.map(|y| y.to_string()).unwrap_or_default(),
                opt(&d.dates.announced),
                opt(&d.dates.signed),
                opt(&d.dates.live),
                opt(&d.dates.cancelled),
                join(&d.companies),
                d.categories.iter().map(|c| c.id()).collect::<Vec<_>>().join("; "),
                d.summary.clone(),
                d.evidence.id().to_string(),
                opt(&d.disputed),
                join(&d.sources),
                opt(&d.key_source),
            ]
        })
        .collect()
}

/// CSV text of the given deployments (the "download CSV" of the current view).
pub fn deployments_csv<'a>(deployments: impl IntoIterator<Item = &'a Deployment>) -> String {
    write(DEPLOYMENTS, &deployment_rows(deployments))
}

/// UTF-8 byte-order mark: without it Excel reads a CSV as the system's legacy code page and
/// garbles "Huíla" or "Côte d'Ivoire".
pub const BOM: char = '\u{feff}';

/// Names in the reader's language, supplied by the caller (this module knows no languages).
pub struct ReaderNames<'a> {
    pub country: &'a dyn Fn(&str) -> String,
    pub category: &'a dyn Fn(Category) -> String,
    pub evidence: &'a dyn Fn(Evidence) -> String,
}

/// The columns of `deployments.csv`, each id column followed by its names in words.
fn reader_header() -> Vec<&'static str> {
    DEPLOYMENTS
        .iter()
        .flat_map(|h| {
            let names: &[&'static str] = match *h {
                "country" => &["country_name"],
                "companies" => &["company_names"],
                "categories" => &["category_names"],
                "evidence" => &["evidence_name"],
                "sources" => &["source_titles", "source_urls"],
                _ => &[],
            };
            std::iter::once(*h).chain(names.iter().copied())
        })
        .collect()
}

/// The "download CSV" of the current view, for people with a spreadsheet: beside every id its
/// name (country, companies, categories and evidence in words, each source as "Publisher: Title
/// (date)" and its URL, in the order of the ids), with a byte-order mark.
pub fn reader_csv<'a>(ds: &Dataset, deployments: impl IntoIterator<Item = &'a Deployment>, names: &ReaderNames) -> String {
    let company = |id: &String| ds.companies.iter().find(|c| &c.id == id).map(|c| c.name.clone()).unwrap_or_else(|| id.clone());
    let source = |id: &String| ds.sources.iter().find(|s| &s.id == id);
    let header = reader_header();
    let rows: Vec<Vec<String>> = deployments
        .into_iter()
        .map(|d| {
            let ids = deployment_rows([d]).remove(0);
            let sources: Vec<_> = d.sources.iter().map(|id| (id, source(id))).collect();
            DEPLOYMENTS
                .iter()
                .zip(ids)
                .flat_map(|(h, value)| {
                    let names: Vec<String> = match *h {
                        "country" => vec![(names.country)(&d.country)],
                        "companies" => vec![d.companies.iter().map(company).collect::<Vec<_>>().join("; ")],
                        "categories" => vec![d.categories.iter().map(|c| (names.category)(*c)).collect::<Vec<_>>().join("; ")],
                        "evidence" => vec![(names.evidence)(d.evidence)],
                        "sources" => vec![
                            sources
                                .iter()
                                .map(|(id, s)| match s {
                                    Some(s) if s.date.is_empty() => format!("{}: {}", s.publisher, s.title),
                                    Some(s) => format!("{}: {} ({})", s.publisher, s.title, s.date),
                                    None => (*id).clone(),
                                })
                                .collect::<Vec<_>>()
                                .join("; "),
                            sources.iter().map(|(_, s)| s.and_then(|s| s.url.clone()).unwrap_or_default()).collect::<Vec<_>>().join("; "),
                        ],
                        _ => Vec::new(),
                    };
                    std::iter::once(value).chain(names)
                })
                .collect()
        })
        .collect();
    format!("{BOM}{}", write(&header, &rows))
}

/// The whole dataset as named CSV files (name without `.csv`, text).
pub fn export(ds: &Dataset) -> Vec<(&'static str, String)> {
    let sources = ds
        .sources
        .iter()
        .map(|s| vec![s.id.clone(), s.publisher.clone(), s.title.clone(), s.date.clone(), opt(&s.url), opt(&s.via), opt(&s.author), opt(&s.lang)])
        .collect::<Vec<_>>();
    let companies = ds
        .companies
        .iter()
        .map(|c| vec![c.id.clone(), c.name.clone(), c.headquarters.clone(), enum_id(&c.ownership), c.summary.clone(), join(&c.sources)])
        .collect::<Vec<_>>();
    let sanctions = ds
        .companies
        .iter()
        .flat_map(|c| c.sanctions.iter().map(move |s| vec![c.id.clone(), enum_id(&s.list), s.date.clone(), s.note.clone(), join(&s.sources)]))
        .collect::<Vec<_>>();
    let events = ds
        .events
        .iter()
        .map(|e| vec![e.id.clone(), e.date.clone(), e.title.clone(), e.summary.clone(), e.kind.id().into(), opt(&e.country), join(&e.companies), join(&e.sources)])
        .collect::<Vec<_>>();
    let figures = ds
        .figures
        .iter()
        .map(|f| vec![f.id.clone(), f.value.clone(), f.label.clone(), f.detail.clone(), f.year.to_string(), join(&f.sources), opt(&f.company)])
        .collect::<Vec<_>>();
    let story = ds
        .story
        .iter()
        .map(|s| vec![s.id.clone(), s.year.to_string(), opt(&s.country), s.region.map(|r| r.id().to_string()).unwrap_or_default(), s.caption.clone(), join(&s.sources), s.notes.clone(), opt(&s.notes_lang)])
        .collect::<Vec<_>>();
    let m = &ds.meta;
    let meta = vec![
        vec!["title".into(), m.title.clone()],
        vec!["description".into(), m.description.clone()],
        vec!["updated".into(), m.updated.clone()],
        vec!["licence".into(), m.licence.clone()],
        vec!["version".into(), m.version.clone()],
        vec!["corrections".into(), opt(&m.corrections)],
    ];
    let mut meta = meta;
    if let Some(c) = m.counts {
        meta.push(vec!["counts.deployments".into(), c.deployments.to_string()]);
        meta.push(vec!["counts.countries".into(), c.countries.to_string()]);
        meta.push(vec!["counts.events".into(), c.events.to_string()]);
    }
    // One "release" row per release (version, date, note), then one row per id it touches.
    let changelog = ds
        .changelog
        .iter()
        .flat_map(|r| {
            let head = vec![r.version.clone(), r.date.clone(), "release".into(), String::new(), r.note.clone()];
            let added = r.added.iter().map(|id| vec![r.version.clone(), String::new(), "added".into(), id.clone(), String::new()]);
            let fixed = r.corrected.iter().map(|c| vec![r.version.clone(), String::new(), "corrected".into(), c.id.clone(), c.what.clone()]);
            let removed = r.removed.iter().map(|c| vec![r.version.clone(), String::new(), "removed".into(), c.id.clone(), c.what.clone()]);
            std::iter::once(head).chain(added).chain(fixed).chain(removed)
        })
        .collect::<Vec<_>>();
    let tr_rows = |record: &str, id: &str, tr: &std::collections::BTreeMap<String, Translation>| -> Vec<Vec<String>> {
        tr.iter().map(|(lang, t)| vec![record.into(), id.into(), lang.clone(), opt(&t.title), opt(&t.summary)]).collect()
    };
    let translations = ds
        .deployments
        .iter()
        .flat_map(|d| tr_rows("deployment", &d.id, &d.translations))
        .chain(ds.events.iter().flat_map(|e| tr_rows("event", &e.id, &e.translations)))
        .collect::<Vec<_>>();
    vec![
        ("meta", write(META, &meta)),
        ("sources", write(SOURCES, &sources)),
        ("companies", write(COMPANIES, &companies)),
        ("sanctions", write(SANCTIONS, &sanctions)),
        ("deployments", deployments_csv(&ds.deployments)),
        ("events", write(EVENTS, &events)),
        ("figures", write(FIGURES, &figures)),
        ("story", write(STORY, &story)),
        ("changelog", write(CHANGELOG, &changelog)),
        ("translations", write(TRANSLATIONS, &translations)),
    ]
}

/// Rows of one file as header-keyed records.
struct Table {
    name: &'static str,
    rows: Vec<Vec<String>>,
    cols: Vec<String>,
}

impl Table {
    fn load(name: &'static str, text: Option<String>, expected: &[&str], required: bool, errors: &mut Vec<String>) -> Table {
        let empty = Table { name, rows: vec![], cols: vec![] };
        let Some(text) = text else {
            if required {
                errors.push(format!("{name}.csv: file is missing"));
            }
            return empty;
        };
        match parse(&text) {
            Err(e) => {
                errors.push(format!("{name}.csv: {e}"));
                empty
            }
            Ok(mut rows) if !rows.is_empty() => {
                let cols: Vec<String> = rows.remove(0).into_iter().map(|c| c.trim().to_string()).collect();
                for col in expected {
                    if !cols.iter().any(|c| c == col) {
                        errors.push(format!("{name}.csv: column {col:?} is missing"));
                    }
                }
                rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
                Table { name, rows, cols }
            }
            Ok(_) => empty,
        }
    }

    fn get<'a>(&self, row: &'a [String], col: &str) -> &'a str {
        self.cols.iter().position(|c| c == col).and_then(|i| row.get(i)).map(String::as_str).unwrap_or("")
    }

    fn opt(&self, row: &[String], col: &str) -> Option<String> {
        Some(self.get(row, col).to_string()).filter(|s| !s.is_empty())
    }

    fn int(&self, row: &[String], i: usize, col: &str, errors: &mut Vec<String>) -> Option<i32> {
        let v = self.get(row, col).trim();
        if v.is_empty() {
            return None;
        }
        v.parse().map_err(|_| errors.push(format!("{}.csv row {}: {col} {v:?} is not a whole number", self.name, i + 2))).ok()
    }

    fn enumv<T: DeserializeOwned>(&self, row: &[String], i: usize, col: &str, errors: &mut Vec<String>) -> Option<T> {
        let v = self.get(row, col).trim();
        serde_json::from_value(serde_json::Value::String(v.to_string()))
            .map_err(|_| errors.push(format!("{}.csv row {}: {col} {v:?} is not one of the allowed values", self.name, i + 2)))
            .ok()
    }
}

/// Builds a dataset from CSV files; `read(name)` returns the text of `name.csv`, if present.
/// Errors name the file, the row (as numbered in a spreadsheet) and the column.
pub fn import(read: impl Fn(&str) -> Option<String>) -> Result<Dataset, Vec<String>> {
    let mut errors = Vec::new();
    let mut load = |name: &'static str, cols: &[&str], required: bool| Table::load(name, read(name), cols, required, &mut errors);
    let meta_t = load("meta", META, false);
    let sources_t = load("sources", SOURCES, true);
    let companies_t = load("companies", COMPANIES, true);
    let sanctions_t = load("sanctions", SANCTIONS, false);
    let deps_t = load("deployments", DEPLOYMENTS, true);
    let events_t = load("events", EVENTS, false);
    let figures_t = load("figures", FIGURES, false);
    let story_t = load("story", &STORY[..STORY_REQUIRED], false);
    let changelog_t = load("changelog", CHANGELOG, false);
    let translations_t = load("translations", TRANSLATIONS, false);
    if !errors.is_empty() {
        return Err(errors);
    }
    let e = &mut errors;
    let mut meta = Meta::default();
    for r in &meta_t.rows {
        let v = meta_t.get(r, "value").to_string();
        match meta_t.get(r, "key") {
            "title" => meta.title = v,
            "description" => meta.description = v,
            "updated" => meta.updated = v,
            "licence" => meta.licence = v,
            "version" => meta.version = v,
            "corrections" => meta.corrections = Some(v).filter(|v| !v.is_empty()),
            k @ ("counts.deployments" | "counts.countries" | "counts.events") => match v.trim().parse::<usize>() {
                Ok(n) => {
                    let c = meta.counts.get_or_insert_with(Counts::default);
                    match k {
                        "counts.deployments" => c.deployments = n,
                        "counts.countries" => c.countries = n,
                        _ => c.events = n,
                    }
                }
                Err(_) => e.push(format!("meta.csv: {k} {v:?} is not a whole number")),
            },
            k => e.push(format!("meta.csv: unknown key {k:?}")),
        }
    }
    let t = &sources_t;
    let sources = t
        .rows
        .iter()
        .map(|r| Source {
            id: t.get(r, "id").into(),
            publisher: t.get(r, "publisher").into(),
            title: t.get(r, "title").into(),
            date: t.get(r, "date").into(),
            url: t.opt(r, "url"),
            via: t.opt(r, "via"),
            author: t.opt(r, "author"),
            lang: t.opt(r, "lang"),
        })
        .collect();
    let t = &companies_t;
    let mut companies: Vec<Company> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let Some(ownership) = t.enumv(r, i, "ownership", e) else { continue };
        companies.push(Company {
            id: t.get(r, "id").into(),
            name: t.get(r, "name").into(),
            headquarters: t.get(r, "headquarters").into(),
            ownership,
            summary: t.get(r, "summary").into(),
            sanctions: vec![],
            sources: split(t.get(r, "sources")),
        });
    }
    let t = &sanctions_t;
    for (i, r) in t.rows.iter().enumerate() {
        let Some(list) = t.enumv(r, i, "list", e) else { continue };
        let company = t.get(r, "company");
        match companies.iter_mut().find(|c| c.id == company) {
            Some(c) => c.sanctions.push(Sanction { list, date: t.get(r, "date").into(), note: t.get(r, "note").into(), sources: split(t.get(r, "sources")) }),
            None => e.push(format!("sanctions.csv row {}: company {company:?} is not in companies.csv", i + 2)),
        }
    }
    let t = &deps_t;
    let mut deployments = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let year = t.int(r, i, "year", e);
        let end_year = t.int(r, i, "end_year", e);
        let evidence = t.enumv(r, i, "evidence", e);
        let mut categories = Vec::new();
        for c in split(t.get(r, "categories")) {
            match Category::from_id(&c) {
                Some(c) => categories.push(c),
                None => e.push(format!("deployments.csv row {}: categories: unknown category {c:?}", i + 2)),
            }
        }
        let (Some(year), Some(evidence)) = (year, evidence) else {
            if year.is_none() {
                e.push(format!("deployments.csv row {}: year is missing", i + 2));
            }
            continue;
        };
        deployments.push(Deployment {
            id: t.get(r, "id").into(),
            country: t.get(r, "country").into(),
            place: t.get(r, "place").into(),
            year,
            end_year,
            dates: KeyDates { announced: t.opt(r, "announced"), signed: t.opt(r, "signed"), live: t.opt(r, "live"), cancelled: t.opt(r, "cancelled") },
            companies: split(t.get(r, "companies")),
            categories,
            summary: t.get(r, "summary").into(),
            evidence,
            disputed: t.opt(r, "disputed"),
            sources: split(t.get(r, "sources")),
            key_source: t.opt(r, "key_source"),
            translations: Default::default(),
        });
    }
    let t = &events_t;
    let mut events = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let Some(kind) = t.enumv(r, i, "kind", e) else { continue };
        events.push(Event {
            id: t.get(r, "id").into(),
            date: t.get(r, "date").into(),
            title: t.get(r, "title").into(),
            summary: t.get(r, "summary").into(),
            kind,
            country: t.opt(r, "country"),
            companies: split(t.get(r, "companies")),
            sources: split(t.get(r, "sources")),
            translations: Default::default(),
        });
    }
    let t = &translations_t;
    for (i, r) in t.rows.iter().enumerate() {
        let (record, id, lang) = (t.get(r, "record").trim(), t.get(r, "id").trim(), t.get(r, "lang").trim());
        let tr = Translation { title: t.opt(r, "title"), summary: t.opt(r, "summary") };
        let target = match record {
            "deployment" => deployments.iter_mut().find(|d| d.id == id).map(|d| &mut d.translations),
            "event" => events.iter_mut().find(|e| e.id == id).map(|e| &mut e.translations),
            other => {
                e.push(format!("translations.csv row {}: record {other:?} is not one of deployment, event", i + 2));
                continue;
            }
        };
        match target {
            Some(map) if map.contains_key(lang) => e.push(format!("translations.csv row {}: {record} {id:?} already has a {lang:?} row", i + 2)),
            Some(map) => {
                map.insert(lang.to_string(), tr);
            }
            None => e.push(format!("translations.csv row {}: {record} {id:?} is not in {record}s.csv", i + 2)),
        }
    }
    let t = &figures_t;
    let mut figures = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let Some(year) = t.int(r, i, "year", e) else { continue };
        figures.push(Figure {
            id: t.get(r, "id").into(),
            value: t.get(r, "value").into(),
            label: t.get(r, "label").into(),
            detail: t.get(r, "detail").into(),
            year,
            sources: split(t.get(r, "sources")),
            company: t.opt(r, "company"),
        });
    }
    let t = &story_t;
    let mut story = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let Some(year) = t.int(r, i, "year", e) else { continue };
        let region = match t.get(r, "region") {
            "" => None,
            v => match Region::from_id(v) {
                Some(r) => Some(r),
                None => {
                    e.push(format!("story.csv row {}: region {v:?} is not one of the allowed values", i + 2));
                    continue;
                }
            },
        };
        story.push(StoryStep {
            id: t.get(r, "id").into(),
            year,
            country: t.opt(r, "country"),
            region, caption: t.get(r, "caption").into(),
            sources: split(t.get(r, "sources")),
            notes: t.get(r, "notes").into(),
            notes_lang: t.opt(r, "notes_lang"),
        });
    }
    let t = &changelog_t;
    let mut changelog: Vec<Release> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let version = t.get(r, "version");
        let change = t.get(r, "change");
        if change == "release" {
            changelog.push(Release { version: version.into(), date: t.get(r, "date").into(), note: t.get(r, "what").into(), ..Release::default() });
            continue;
        }
        let Some(rel) = changelog.iter_mut().rev().find(|x| x.version == version) else {
            e.push(format!("changelog.csv row {}: version {version:?} has no \"release\" row above it", i + 2));
            continue;
        };
        let c = Correction { id: t.get(r, "id").into(), what: t.get(r, "what").into() };
        match change {
            "added" => rel.added.push(c.id),
            "corrected" => rel.corrected.push(c),
            "removed" => rel.removed.push(c),
            other => e.push(format!("changelog.csv row {}: change {other:?} is not one of release, added, corrected, removed", i + 2)),
        }
    }
    if errors.is_empty() {
        Ok(Dataset { meta, sources, companies, deployments, events, figures, story, changelog })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_csv_has_names_beside_ids_and_a_bom() {
        let ds: Dataset = serde_json::from_str(&std::fs::read_to_string("assets/data/atlas.json").unwrap()).unwrap();
        let d = ds.deployments.iter().find(|d| d.sources.len() > 1 && d.companies.len() == 1).unwrap();
        let names = ReaderNames { country: &|c| format!("Name of {c}"), category: &|c| format!("Cat {}", c.id()), evidence: &|e| format!("Ev {}", e.id()) };
        let text = reader_csv(&ds, [d], &names);
        assert!(text.starts_with(BOM), "BOM first");
        let rows = parse(&text).unwrap();
        let header = reader_header();
        assert_eq!(rows[0], header);
        assert_eq!(&header[..4], ["id", "country", "country_name", "place"]);
        assert!(header.windows(3).any(|w| w == ["sources", "source_titles", "source_urls"]));
        let row = &rows[1];
        let col = |name: &str| row[header.iter().position(|h| *h == name).unwrap()].clone();
        assert_eq!(col("id"), d.id);
        assert_eq!(col("country"), d.country);
        assert_eq!(col("country_name"), format!("Name of {}", d.country));
        let company = ds.companies.iter().find(|c| c.id == d.companies[0]).unwrap();
        assert_eq!(col("company_names"), company.name);
        assert_eq!(col("category_names"), d.categories.iter().map(|c| format!("Cat {}", c.id())).collect::<Vec<_>>().join("; "));
        assert_eq!(col("evidence_name"), format!("Ev {}", d.evidence.id()));
        assert_eq!(col("summary"), d.summary);
        let first = ds.sources.iter().find(|s| s.id == d.sources[0]).unwrap();
        assert!(col("source_titles").starts_with(&format!("{}: {}", first.publisher, first.title)));
        assert_eq!(col("source_titles").split("; ").count(), d.sources.len());
        assert_eq!(col("source_urls").split("; ").next().unwrap(), first.url.clone().unwrap_or_default());
        assert_eq!(row.len(), header.len());
    }

    #[test]
    fn escapes_and_parses_awkward_fields() {
        let rows = vec![vec!["a,b".to_string(), "say \"hi\"".into(), "two\nlines".into(), "".into(), " pad ".into()]];
        let text = write(&["x", "y", "z", "w", "v"], &rows);
        let back = parse(&text).unwrap();
        assert_eq!(back[0], vec!["x", "y", "z", "w", "v"]);
        assert_eq!(back[1], rows[0]);
    }

    #[test]
    fn parse_reports_broken_quotes_with_line_numbers() {
        assert!(parse("a,b\n\"open,c\n").unwrap_err().contains("line 2"));
        assert!(parse("a,b\nx\"y,c\n").unwrap_err().contains("line 2"));
        assert_eq!(parse("a,b").unwrap(), vec![vec!["a", "b"]]);
        assert_eq!(parse("\u{feff}a\r\nb\r\n").unwrap(), vec![vec!["a"], vec!["b"]]);
    }

    #[test]
    fn import_names_file_row_and_column() {
        let files = |name: &str| -> Option<String> {
            match name {
                "sources" => Some("id,publisher,title,date,url,via,author,lang\r\n".into()),
                "companies" => Some("id,name,headquarters,ownership,summary,sources\r\nx,X,Y,public,,\r\n".into()),
                "deployments" => Some(format!("{}\r\na,KEN,,20x9,,,,,,,drones; lasers,s,confirmed,,\r\n", DEPLOYMENTS.join(","))),
                _ => None,
            }
        };
        let errs = import(files).unwrap_err();
        assert!(errs.iter().any(|e| e.contains("companies.csv row 2: ownership \"public\"")), "{errs:?}");
        assert!(errs.iter().any(|e| e.contains("deployments.csv row 2: year \"20x9\"")), "{errs:?}");
        assert!(errs.iter().any(|e| e.contains("unknown category \"lasers\"")), "{errs:?}");
        let missing = import(|n| (n == "sources").then(|| "id\r\n".to_string())).unwrap_err();
        assert!(missing.iter().any(|e| e == "companies.csv: file is missing"), "{missing:?}");
        assert!(missing.iter().any(|e| e.contains("column \"publisher\" is missing")), "{missing:?}");
    }

    #[test]
    fn story_notes_round_trip_and_older_files_without_notes_still_import() {
        let mut ds = Dataset::default();
        ds.story.push(StoryStep {
            id: "s".into(),
            year: 2019,
            country: Some("SRB".into()),
            region: None,
            caption: "c".into(),
            sources: vec!["x".into()],
            notes: "Point at Belgrade.\nAsk: \"who decides?\", then show the source.".into(),
            notes_lang: Some("fr".into()),
        });
        let files = export(&ds);
        let read = |name: &str| files.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone());
        let back = import(read).unwrap();
        assert_eq!(back.story, ds.story);
        let old = |name: &str| match name {
            "story" => Some("id,year,country,region,caption,sources\r\ns,2019,SRB,,c,x\r\n".to_string()),
            n => read(n),
        };
        let back = import(old).unwrap();
        assert_eq!((back.story[0].notes.as_str(), back.story[0].notes_lang.as_deref()), ("", None));
    }

    #[test]
    fn translations_round_trip_and_bad_rows_are_named() {
        let mut ds = Dataset::default();
        let mut d = Deployment::sample("d", "ECU", 2011, "", Category::SafeCity, Evidence::Confirmed);
        d.translations.insert("es".into(), Translation { title: None, summary: Some("Resumen, con \"comillas\"".into()) });
        ds.deployments.push(d);
        let mut ev = Event { id: "e".into(), date: "2019".into(), title: "T".into(), summary: "S".into(), kind: EventKind::Report, country: None, companies: vec![], sources: vec![], translations: Default::default() };
        ev.translations.insert("fr".into(), Translation { title: Some("Titre".into()), summary: None });
        ds.events.push(ev);
        let files = export(&ds);
        let read = |name: &str| files.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone());
        let back = import(read).unwrap();
        assert_eq!(back.deployments[0].translations, ds.deployments[0].translations);
        assert_eq!(back.events[0].translations, ds.events[0].translations);
        // Older exports without translations.csv still import.
        let back = import(|n| if n == "translations" { None } else { read(n) }).unwrap();
        assert!(back.deployments[0].translations.is_empty());
        // A row for an unknown record, a duplicate language and an unknown record kind are errors.
        let bad = |name: &str| match name {
            "translations" => Some("record,id,lang,title,summary\r\ndeployment,nope,fr,,x\r\ndeployment,d,es,,a\r\ndeployment,d,es,,b\r\nstory,s,fr,,x\r\n".to_string()),
            n => read(n),
        };
        let errs = import(bad).unwrap_err();
        assert!(errs.iter().any(|e| e == "translations.csv row 2: deployment \"nope\" is not in deployments.csv"), "{errs:?}");
        assert!(errs.iter().any(|e| e == "translations.csv row 4: deployment \"d\" already has a \"es\" row"), "{errs:?}");
        assert!(errs.iter().any(|e| e.contains("row 5: record \"story\"")), "{errs:?}");
    }
}

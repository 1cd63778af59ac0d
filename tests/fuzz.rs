mod common;

// Property tests: whatever text arrives (a truncated download, an HTML error page, a hand-edited
// file, a spreadsheet export), the parser, the validator and the CSV importer return a report or
// an error; they never panic. Case counts are kept small so the file runs in seconds in debug.
//
// Failure persistence is off so a failing run does not write `proptest-regressions/` files into
// the source tree; a failure prints the minimal input, which is what to copy into a fixture.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{Map, Number, Value};
use std::sync::OnceLock;
use surveillance_atlas::data::{csv, validate};
use surveillance_atlas::geo::world::CountryIndex;

fn index() -> &'static CountryIndex {
    static INDEX: OnceLock<CountryIndex> = OnceLock::new();
    INDEX.get_or_init(common::index)
}

fn shipped() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| common::read("assets/data/atlas.json"))
}

fn baseline() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| serde_json::from_str(&common::read("tests/fixtures/malformed/baseline-valid.json")).expect("baseline is JSON"))
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, max_shrink_iters: 2_000, ..ProptestConfig::default() }
}

/// parse + validate (+ load), checking the invariants that hold for any input:
/// a failed parse is exactly one error; every problem prints; `load` agrees with `validate`.
/// Returns whether the text parsed.
fn check(text: &str) -> bool {
    match validate::parse(text) {
        Err(report) => {
            assert_eq!(report.problems.len(), 1, "a parse failure is one problem: {:?}", report.problems);
            assert!(report.has_errors());
            let shown = report.problems[0].to_string();
            assert!(shown.starts_with("error: dataset: "), "{shown}");
            assert!(validate::load(text, index()).is_err());
            false
        }
        Ok(ds) => {
            let report = validate::validate(&ds, index());
            for p in &report.problems {
                let shown = p.to_string();
                assert!(!shown.is_empty());
            }
            match validate::load(text, index()) {
                Ok((loaded, warnings)) => {
                    assert!(!report.has_errors(), "load accepted data with errors: {:?}", report.problems);
                    assert_eq!(loaded, ds);
                    assert_eq!(warnings, report);
                }
                Err(errors) => {
                    assert!(report.has_errors(), "load rejected data without errors");
                    assert_eq!(errors, report);
                }
            }
            // Whatever parsed can go out to CSV and come back without panicking.
            let files = csv::export(&ds);
            let _ = csv::import(|name| files.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone()));
            true
        }
    }
}

/// Every key the schema knows, so random objects reach past the first level.
const FIELDS: &[&str] = &[
    "meta", "sources", "companies", "deployments", "events", "figures", "story", "title", "description", "updated", "licence", "id", "publisher",
    "date", "url", "via", "author", "lang", "name", "headquarters", "ownership", "summary", "sanctions", "list", "note", "country", "place", "year",
    "end_year", "dates", "announced", "signed", "live", "cancelled", "categories", "evidence", "disputed", "kind", "value", "label", "detail",
    "region", "caption", "companies",
];

/// Strings that mean something somewhere in the schema: ids, codes, dates, enum values, URLs.
const WORDS: &[&str] = &[
    "s1", "s2", "huawei", "uga-cctv", "e1", "f1", "st1", "UGA", "KEN", "CHN", "XXX", "uga", "2019", "2019-08", "2019-08-15", "2019-02-30", "0000",
    "9999-12-31", "confirmed", "allegation", "single-source", "not-implemented", "safe-city", "facial-recognition", "acquisition", "contract",
    "trade-fair", "africa", "latin-america", "state-owned", "private", "us-entity-list", "us-ndaa-889", "https://example.org/x", "http://",
    "javascript:alert(1)", "data:,x", "<script>alert(1)</script>", "", " ", "\u{0}", "\u{feff}", "é", "监控", "🛰",
];

fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(String::from),
        1 => prop::sample::select(FIELDS).prop_map(String::from),
        2 => any::<String>(),
        1 => (1usize..2_100).prop_map(|n| "x".repeat(n)),
    ]
}

fn arb_number() -> impl Strategy<Value = Number> {
    prop_oneof![
        3 => (1980i64..2040).prop_map(Number::from),
        2 => any::<i64>().prop_map(Number::from),
        1 => any::<u64>().prop_map(Number::from),
        1 => prop::sample::select(&[0i64, -1, 1990, 2035, i32::MAX as i64, i32::MAX as i64 + 1, i32::MIN as i64, i32::MIN as i64 - 1][..]).prop_map(Number::from),
        1 => any::<f64>().prop_filter_map("finite", Number::from_f64),
    ]
}

/// Arbitrary JSON: null/bool/number/string leaves, arrays and objects whose keys are mostly schema fields.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => arb_number().prop_map(Value::Number),
        4 => arb_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        let key = prop_oneof![6 => prop::sample::select(FIELDS).prop_map(String::from), 1 => any::<String>()];
        prop_oneof![
            2 => prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            3 => prop::collection::vec((key, inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// Every JSON pointer in a value (the root included).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

#[derive(Debug, Clone)]
enum Edit {
    /// Replace the value at a pointer.
    Replace(Index, Value),
    /// Remove the member or element at a pointer.
    Remove(Index),
    /// Add a member (possibly an unknown field) to an object at a pointer.
    Add(Index, String, Value),
    /// Replace a string with another string (keeps the schema's types, so validation runs).
    Retext(Index, String),
    /// Replace a number with another integer that fits an `i32`.
    Renumber(Index, i32),
    /// Duplicate an array element (duplicate ids, repeated references).
    Repeat(Index),
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), arb_json()).prop_map(|(i, v)| Edit::Replace(i, v)),
        2 => any::<Index>().prop_map(Edit::Remove),
        1 => (any::<Index>(), prop::sample::select(FIELDS).prop_map(String::from), arb_json()).prop_map(|(i, k, v)| Edit::Add(i, k, v)),
        6 => (any::<Index>(), arb_string()).prop_map(|(i, s)| Edit::Retext(i, s)),
        2 => (any::<Index>(), prop_oneof![1980i32..2040, any::<i32>()]).prop_map(|(i, n)| Edit::Renumber(i, n)),
        2 => any::<Index>().prop_map(Edit::Repeat),
    ]
}

fn apply_edit(v: &mut Value, edit: &Edit) {
    let mut ptrs = Vec::new();
    pointers(v, String::new(), &mut ptrs);
    match edit {
        Edit::Replace(i, new) => {
            let p = i.get(&ptrs).clone();
            if let Some(slot) = v.pointer_mut(&p) {
                *slot = new.clone();
            }
        }
        Edit::Remove(i) => {
            let p = i.get(&ptrs).clone();
            let Some(cut) = p.rfind('/') else { return };
            let (parent, last) = (&p[..cut], p[cut + 1..].replace("~1", "/").replace("~0", "~"));
            match v.pointer_mut(parent) {
                Some(Value::Object(o)) => {
                    o.remove(&last);
                }
                Some(Value::Array(a)) => {
                    if let Ok(n) = last.parse::<usize>() {
                        if n < a.len() {
                            a.remove(n);
                        }
                    }
                }
                _ => {}
            }
        }
        Edit::Add(i, k, new) => {
            let p = i.get(&ptrs).clone();
            if let Some(Value::Object(o)) = v.pointer_mut(&p) {
                o.insert(k.clone(), new.clone());
            }
        }
        Edit::Retext(i, new) => {
            let strings: Vec<&String> = ptrs.iter().filter(|p| v.pointer(p).is_some_and(Value::is_string)).collect();
            if !strings.is_empty() {
                let p = i.get(&strings).to_string();
                *v.pointer_mut(&p).unwrap() = Value::String(new.clone());
            }
        }
        Edit::Renumber(i, n) => {
            let numbers: Vec<&String> = ptrs.iter().filter(|p| v.pointer(p).is_some_and(Value::is_number)).collect();
            if !numbers.is_empty() {
                let p = i.get(&numbers).to_string();
                *v.pointer_mut(&p).unwrap() = Value::from(*n);
            }
        }
        Edit::Repeat(i) => {
            let elements: Vec<&String> = ptrs.iter().filter(|p| p.rfind('/').is_some_and(|c| v.pointer(&p[..c]).is_some_and(Value::is_array))).collect();
            if !elements.is_empty() {
                let p = i.get(&elements).to_string();
                let c = p.rfind('/').unwrap();
                let copy = v.pointer(&p).unwrap().clone();
                if let Some(Value::Array(a)) = v.pointer_mut(&p[..c]) {
                    a.push(copy);
                }
            }
        }
    }
}

/// A byte-level change to a text.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index, usize),
    Duplicate(Index, usize),
    /// Overwrite one byte.
    Flip(Index, u8),
    /// Overwrite one character with another (may be multi-byte).
    SetChar(Index, char),
    Insert(Index, String),
    Truncate(Index),
    /// Swap two ranges' worth of content by moving a range elsewhere.
    Move(Index, usize, Index),
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    let token = prop_oneof![
        prop::sample::select(&["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-1", "1e30", "\u{0}", "\u{feff}", "\"id\":", "\"year\": 0,"][..])
            .prop_map(String::from),
        any::<String>(),
    ];
    prop_oneof![
        3 => (any::<Index>(), 1usize..400).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (any::<Index>(), 1usize..400).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        2 => (any::<Index>(), any::<char>()).prop_map(|(i, c)| Mutation::SetChar(i, c)),
        2 => (any::<Index>(), token).prop_map(|(i, s)| Mutation::Insert(i, s)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => (any::<Index>(), 1usize..400, any::<Index>()).prop_map(|(a, n, b)| Mutation::Move(a, n, b)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        if let Mutation::Insert(_, s) = m {
            bytes.extend_from_slice(s.as_bytes());
        }
        return;
    }
    let len = bytes.len();
    match m {
        Mutation::Delete(i, n) => {
            let at = i.index(len);
            let end = (at + n).min(len);
            bytes.drain(at..end);
        }
        Mutation::Duplicate(i, n) => {
            let at = i.index(len);
            let end = (at + n).min(len);
            let copy: Vec<u8> = bytes[at..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Flip(i, b) => {
            let at = i.index(len);
            bytes[at] = *b;
        }
        Mutation::SetChar(i, c) => {
            let at = i.index(len);
            let mut buf = [0u8; 4];
            bytes.splice(at..at + 1, c.encode_utf8(&mut buf).bytes());
        }
        Mutation::Insert(i, s) => {
            let at = i.index(len + 1);
            bytes.splice(at..at, s.bytes());
        }
        Mutation::Truncate(i) => bytes.truncate(i.index(len)),
        Mutation::Move(a, n, b) => {
            let at = a.index(len);
            let end = (at + n).min(len);
            let chunk: Vec<u8> = bytes.drain(at..end).collect();
            let to = b.index(bytes.len() + 1);
            bytes.splice(to..to, chunk);
        }
    }
}

/// CSV-looking text: cells from the schema's vocabulary and junk, with quotes, commas and line ends.
fn arb_csv_text() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        3 => arb_string(),
        1 => "[\",;\r\n a-z0-9\u{feff}]{0,12}",
        1 => Just("\"\"".to_string()),
        1 => Just("\"a,b\"\"c\"".to_string()),
    ];
    let sep = prop::sample::select(&[",", ",", ",", "\r\n", "\n", "\r", "\"", ";"][..]);
    prop::collection::vec((cell, sep), 0..40).prop_map(|parts| parts.into_iter().flat_map(|(c, s)| [c, s.to_string()]).collect())
}

const CSV_FILES: [(&str, &str); 8] = [
    ("meta", "key,value"),
    ("sources", "id,publisher,title,date,url,via,author,lang"),
    ("companies", "id,name,headquarters,ownership,summary,sources"),
    ("sanctions", "company,list,date,note,sources"),
    ("deployments", "id,country,place,year,end_year,announced,signed,live,cancelled,companies,categories,summary,evidence,disputed,sources"),
    ("events", "id,date,title,summary,kind,country,companies,sources"),
    ("figures", "id,value,label,detail,year,sources"),
    ("story", "id,year,country,region,caption,sources"),
];

/// One text per CSV file: absent, junk, or the right header followed by junk rows.
fn arb_csv_files() -> impl Strategy<Value = Vec<Option<String>>> {
    let one = |header: &'static str| {
        prop_oneof![
            1 => Just(None),
            1 => arb_csv_text().prop_map(Some),
            4 => arb_csv_text().prop_map(move |body| Some(format!("{header}\r\n{body}"))),
        ]
    };
    (
        one(CSV_FILES[0].1),
        one(CSV_FILES[1].1),
        one(CSV_FILES[2].1),
        one(CSV_FILES[3].1),
        one(CSV_FILES[4].1),
        one(CSV_FILES[5].1),
        one(CSV_FILES[6].1),
        one(CSV_FILES[7].1),
    )
        .prop_map(|(a, b, c, d, e, f, g, h)| vec![a, b, c, d, e, f, g, h])
}

fn import_from(files: &[Option<String>]) -> Result<surveillance_atlas::data::model::Dataset, Vec<String>> {
    csv::import(|name| CSV_FILES.iter().position(|(n, _)| *n == name).and_then(|i| files.get(i).cloned().flatten()))
}

/// CSV files as parsed rows (header first), by file name.
type CsvRows = Vec<(&'static str, Vec<Vec<String>>)>;

/// The baseline dataset as CSV rows per file (header first).
fn baseline_csv_rows() -> &'static CsvRows {
    static ROWS: OnceLock<CsvRows> = OnceLock::new();
    ROWS.get_or_init(|| {
        let ds = validate::parse(&baseline().to_string()).expect("baseline parses");
        csv::export(&ds).into_iter().map(|(name, text)| (name, csv::parse(&text).expect("export parses"))).collect()
    })
}

#[test]
fn the_unmutated_inputs_load() {
    // Sanity check for the mutation tests below: without a mutation, both inputs pass.
    assert!(validate::load(shipped(), index()).is_ok());
    assert!(validate::load(&baseline().to_string(), index()).is_ok());
    let ds = validate::parse(shipped()).unwrap();
    let files = csv::export(&ds);
    let back = csv::import(|name| files.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone())).expect("the shipped data survives CSV");
    assert_eq!(back, ds);
}

proptest! {
    #![proptest_config(config(256))]

    /// (a) Arbitrary bytes, decoded as the browser would (invalid UTF-8 becomes U+FFFD).
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_048)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    /// (a) Token soup: JSON punctuation and schema words in random order.
    #[test]
    fn json_token_soup_never_panics(tokens in prop::collection::vec(prop_oneof![
        prop::sample::select(&["{", "}", "[", "]", ",", ":", "null", "true", "-0", "1e30", "2019", "\"\"", "\u{feff}", " ", "\n"][..]).prop_map(String::from),
        prop::sample::select(FIELDS).prop_map(|f| format!("\"{f}\"")),
        prop::sample::select(WORDS).prop_map(|w| serde_json::to_string(w).unwrap()),
    ], 0..200)) {
        check(&tokens.concat());
    }

    /// (b) Arbitrary JSON values, keys mostly from the schema.
    #[test]
    fn arbitrary_json_never_panics(v in arb_json()) {
        check(&v.to_string());
        check(&serde_json::to_string_pretty(&v).unwrap());
    }

    /// (b) Arbitrary JSON under each top-level list, so entries of every kind get validated.
    #[test]
    fn arbitrary_json_in_every_list_never_panics(lists in prop::collection::vec((prop::sample::select(&FIELDS[..7]), arb_json()), 0..7)) {
        let mut v = Value::Object(Map::new());
        for (k, x) in lists {
            v[k] = match x {
                Value::Array(_) => x,
                other => Value::Array(vec![other]),
            };
        }
        check(&v.to_string());
    }

    /// (b) Structured edits of a valid dataset: replace, remove or add a value anywhere.
    #[test]
    fn edits_of_a_valid_dataset_never_panic(edits in prop::collection::vec(arb_edit(), 1..5)) {
        let mut v = baseline().clone();
        for e in &edits {
            apply_edit(&mut v, e);
        }
        check(&v.to_string());
    }

    /// (d) The CSV parser on arbitrary and CSV-looking text.
    #[test]
    fn csv_parse_never_panics(text in prop_oneof![any::<String>(), arb_csv_text()]) {
        match csv::parse(&text) {
            Ok(rows) => prop_assert!(rows.iter().all(|r| !r.is_empty())),
            Err(e) => prop_assert!(e.starts_with("line "), "{}", e),
        }
    }

    /// (d) Cell-level edits of a valid CSV export: cells replaced by schema words or junk, rows
    /// repeated or dropped. Most of these import, so the importer's output is validated too.
    #[test]
    fn csv_cell_edits_import_and_validate_without_panic(edits in prop::collection::vec((any::<Index>(), any::<Index>(), any::<Index>(), 0u8..10, arb_string()), 1..6)) {
        let mut files = baseline_csv_rows().clone();
        for (f, r, c, op, word) in &edits {
            let which = f.index(files.len());
            let (_, rows) = &mut files[which];
            // Op 9 may hit the header row; the others edit data rows.
            let r = if *op == 9 || rows.len() < 2 { r.index(rows.len()) } else { 1 + r.index(rows.len() - 1) };
            match op {
                0 => {
                    let row = rows[r].clone();
                    rows.push(row);
                }
                1 if r > 0 => {
                    rows.remove(r);
                }
                2 if !rows[r].is_empty() => {
                    let n = rows[r].len();
                    rows[r].truncate(c.index(n));
                }
                _ => {
                    let n = rows[r].len();
                    if n > 0 {
                        rows[r][c.index(n)] = word.clone();
                    }
                }
            }
        }
        let texts: Vec<(&str, String)> = files
            .iter()
            .map(|(name, rows)| {
                let header: Vec<&str> = rows.first().map(|h| h.iter().map(String::as_str).collect()).unwrap_or_default();
                (*name, csv::write(&header, rows.get(1..).unwrap_or(&[])))
            })
            .collect();
        match csv::import(|name| texts.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone())) {
            Ok(ds) => {
                check(&serde_json::to_string(&ds).unwrap());
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    /// (d) The CSV importer on arbitrary sets of files; whatever it builds, validates.
    #[test]
    fn csv_import_never_panics(files in arb_csv_files()) {
        match import_from(&files) {
            Ok(ds) => {
                let _ = validate::validate(&ds, index());
                let json = serde_json::to_string(&ds).unwrap();
                check(&json);
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}

proptest! {
    // The shipped dataset is ~160 kB, so each case parses and validates a big file: fewer cases.
    #![proptest_config(config(48))]

    /// (c) Byte-level mutations of the shipped dataset.
    #[test]
    fn mutations_of_the_shipped_dataset_never_panic(muts in prop::collection::vec(arb_mutation(), 1..4)) {
        let mut bytes = shipped().as_bytes().to_vec();
        for m in &muts {
            mutate(&mut bytes, m);
        }
        check(&String::from_utf8_lossy(&bytes));
    }

    /// (d) Mutations of the shipped dataset's CSV export through the importer.
    #[test]
    fn mutations_of_the_csv_export_never_panic(file in 0usize..8, muts in prop::collection::vec(arb_mutation(), 1..4)) {
        static EXPORT: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
        let export = EXPORT.get_or_init(|| csv::export(&validate::parse(shipped()).unwrap()));
        let mut files: Vec<Option<String>> = CSV_FILES.iter().map(|(n, _)| export.iter().find(|(m, _)| m == n).map(|(_, t)| t.clone())).collect();
        if let Some(text) = files[file].take() {
            let mut bytes = text.into_bytes();
            for m in &muts {
                mutate(&mut bytes, m);
            }
            files[file] = Some(String::from_utf8_lossy(&bytes).into_owned());
        }
        if let Ok(ds) = import_from(&files) {
            let report = validate::validate(&ds, index());
            for p in &report.problems {
                let _ = p.to_string();
            }
        }
    }
}

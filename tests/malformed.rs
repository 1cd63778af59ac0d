mod common;

// The malformed-dataset corpus in `tests/fixtures/malformed/`: every file goes through
// `validate::parse` + `validate::validate` with the real country list, and the outcome must match
// `EXPECTED.tsv` (an error naming the problem, or — for valid-but-nasty data — a clean load that
// keeps every character of the text).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use surveillance_atlas::data::model::Dataset;
use surveillance_atlas::data::validate::{self, Report};
use surveillance_atlas::geo::world::CountryIndex;

const DIR: &str = "tests/fixtures/malformed";
const MANIFEST: &str = "EXPECTED.tsv";
/// The issue asks for at least 30 malformed (error) files.
const MIN_MALFORMED: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    File,
    Generated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Error,
    Ok,
}

#[derive(Debug)]
struct Case {
    line: usize,
    file: String,
    origin: Origin,
    outcome: Outcome,
    expected: Vec<String>,
}

fn dir() -> String {
    format!("{}/{DIR}", env!("CARGO_MANIFEST_DIR"))
}

fn manifest() -> Vec<Case> {
    let text = std::fs::read_to_string(format!("{}/{MANIFEST}", dir())).expect("EXPECTED.tsv is readable");
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 3, "{MANIFEST}:{}: expected file, origin, outcome, expected...: {line:?}", i + 1);
        let origin = match cols[1] {
            "file" => Origin::File,
            "generated" => Origin::Generated,
            o => panic!("{MANIFEST}:{}: unknown origin {o:?}", i + 1),
        };
        let outcome = match cols[2] {
            "error" => Outcome::Error,
            "ok" => Outcome::Ok,
            o => panic!("{MANIFEST}:{}: unknown outcome {o:?}", i + 1),
        };
        let expected: Vec<String> = cols[3..].iter().map(|s| s.to_string()).collect();
        if outcome == Outcome::Error {
            assert!(!expected.is_empty() && expected.iter().all(|e| !e.is_empty()), "{MANIFEST}:{}: an error case needs expected substrings", i + 1);
        }
        cases.push(Case { line: i + 1, file: cols[0].to_string(), origin, outcome, expected });
    }
    cases
}

/// The minimal valid dataset of the corpus, as a JSON value (generated fixtures start from it).
fn baseline() -> Value {
    serde_json::from_str(&common::read(&format!("{DIR}/baseline-valid.json"))).expect("baseline-valid.json is JSON")
}

/// Fixtures too big to commit, built at run time.
fn generate(name: &str) -> String {
    let with_summary = |len: usize| {
        let mut v = baseline();
        v["deployments"][0]["summary"] = Value::String("x".repeat(len));
        v.to_string()
    };
    match name {
        // 10 MiB in one string: over the 5 MB file limit.
        "huge-string-10mb.json" => with_summary(10 * 1024 * 1024),
        // 3 MiB: under the file limit, so the per-field text limit has to catch it.
        "huge-string-3mb.json" => with_summary(3 * 1024 * 1024),
        _ => panic!("{MANIFEST}: no generator for {name:?} (add one to tests/malformed.rs)"),
    }
}

fn text_of(case: &Case) -> String {
    match case.origin {
        Origin::Generated => generate(&case.file),
        Origin::File => {
            let path = format!("{}/{}", dir(), case.file);
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            String::from_utf8(bytes).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}"))
        }
    }
}

/// parse + validate, as the widget and `atlas-data check` do.
fn run(text: &str, index: &CountryIndex) -> (Option<Dataset>, Report) {
    match validate::parse(text) {
        Ok(ds) => {
            let report = validate::validate(&ds, index);
            (Some(ds), report)
        }
        Err(report) => (None, report),
    }
}

/// Every free-text field of the dataset, keyed `list/id.field` (or `meta.field`).
fn text_fields(ds: &Dataset) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    let mut put = |k: String, v: &str| {
        m.insert(k, v.to_string());
    };
    put("meta.title".into(), &ds.meta.title);
    put("meta.description".into(), &ds.meta.description);
    for s in &ds.sources {
        put(format!("sources/{}.publisher", s.id), &s.publisher);
        put(format!("sources/{}.title", s.id), &s.title);
        if let Some(a) = &s.author {
            put(format!("sources/{}.author", s.id), a);
        }
    }
    for c in &ds.companies {
        put(format!("companies/{}.name", c.id), &c.name);
        put(format!("companies/{}.headquarters", c.id), &c.headquarters);
        put(format!("companies/{}.summary", c.id), &c.summary);
        for (i, s) in c.sanctions.iter().enumerate() {
            put(format!("companies/{}.sanctions[{i}].note", c.id), &s.note);
        }
    }
    for d in &ds.deployments {
        put(format!("deployments/{}.place", d.id), &d.place);
        put(format!("deployments/{}.summary", d.id), &d.summary);
        if let Some(x) = &d.disputed {
            put(format!("deployments/{}.disputed", d.id), x);
        }
    }
    for e in &ds.events {
        put(format!("events/{}.title", e.id), &e.title);
        put(format!("events/{}.summary", e.id), &e.summary);
    }
    for f in &ds.figures {
        put(format!("figures/{}.value", f.id), &f.value);
        put(format!("figures/{}.label", f.id), &f.label);
        put(format!("figures/{}.detail", f.id), &f.detail);
    }
    for s in &ds.story {
        put(format!("story/{}.caption", s.id), &s.caption);
    }
    m
}

/// Checks one case; returns a description of what went wrong, if anything.
fn check(case: &Case, index: &CountryIndex) -> Result<(), String> {
    let text = text_of(case);
    let (ds, report) = run(&text, index);
    let errors: Vec<String> = report.errors().map(|p| p.to_string()).collect();
    // A report's lines must stay readable even for multi-megabyte input.
    for p in &report.problems {
        let shown = p.to_string();
        if shown.len() > 4_000 {
            return Err(format!("a problem line is {} bytes long: {}…", shown.len(), shown.chars().take(200).collect::<String>()));
        }
    }
    match case.outcome {
        Outcome::Error => {
            if errors.is_empty() {
                return Err(format!("expected an error, but it loaded; problems: {:#?}", report.problems));
            }
            if ds.is_none() && errors.len() != 1 {
                return Err(format!("a parse failure should be one problem, got {errors:#?}"));
            }
            let missing: Vec<&String> = case.expected.iter().filter(|e| !errors.iter().any(|x| x.contains(e.as_str()))).collect();
            if !missing.is_empty() {
                return Err(format!("no error contains {missing:?}; errors were {errors:#?}"));
            }
            // `load` agrees with parse + validate.
            if validate::load(&text, index).is_ok() {
                return Err("validate::load accepted it".into());
            }
        }
        Outcome::Ok => {
            let Some(ds) = ds else { return Err(format!("expected it to load, parse failed: {errors:#?}")) };
            if !errors.is_empty() {
                return Err(format!("expected it to load, got errors {errors:#?}"));
            }
            if validate::load(&text, index).is_err() {
                return Err("validate::load rejected it".into());
            }
            // Round trip: nothing is dropped, stripped, escaped or rewritten.
            // (A leading byte-order mark is skipped by the loader, not part of the JSON.)
            let original: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(&text)).map_err(|e| e.to_string())?;
            let back = serde_json::to_value(&ds).map_err(|e| e.to_string())?;
            if original != back {
                return Err(format!("the loaded data differs from the file:\n file: {original:#}\n back: {back:#}"));
            }
            if let Some((needle, fields)) = case.expected.split_first() {
                let texts = text_fields(&ds);
                for f in fields {
                    match texts.get(f) {
                        None => return Err(format!("no text field {f:?} (have {:?})", texts.keys().collect::<Vec<_>>())),
                        Some(v) if !v.contains(needle.as_str()) => return Err(format!("{f} = {v:?} no longer contains {needle:?} verbatim")),
                        Some(_) => {}
                    }
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_malformed_dataset_fails_with_the_expected_error() {
    let index = common::index();
    let cases = manifest();
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(why) = check(case, &index) {
            failures.push(format!("{MANIFEST}:{} {}: {why}", case.line, case.file));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), cases.len(), failures.join("\n\n"));
    let malformed = cases.iter().filter(|c| c.outcome == Outcome::Error).count();
    assert!(malformed >= MIN_MALFORMED, "only {malformed} malformed datasets in {MANIFEST}; the corpus needs at least {MIN_MALFORMED}");
    assert!(cases.iter().any(|c| c.outcome == Outcome::Ok && c.expected.len() > 1), "the corpus needs a valid-but-nasty case that checks text fields");
}

#[test]
fn manifest_and_folder_agree() {
    let cases = manifest();
    let mut listed = BTreeSet::new();
    for c in &cases {
        assert!(listed.insert(c.file.as_str()), "{MANIFEST}:{}: {} is listed twice", c.line, c.file);
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("fixture folder exists")
        .map(|e| e.expect("readable entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != MANIFEST)
        .collect();
    let unlisted: Vec<&String> = on_disk.iter().filter(|n| !listed.contains(n.as_str())).collect();
    assert!(unlisted.is_empty(), "files in {DIR} missing from {MANIFEST}: {unlisted:?}");
    for c in &cases {
        match c.origin {
            Origin::File => assert!(on_disk.contains(&c.file), "{MANIFEST}:{}: {} is not in {DIR}", c.line, c.file),
            Origin::Generated => {
                assert!(!on_disk.contains(&c.file), "{MANIFEST}:{}: {} is generated, so it must not be committed", c.line, c.file);
                generate(&c.file);
            }
        }
    }
    let files = cases.iter().filter(|c| c.outcome == Outcome::Error).count();
    assert!(files >= MIN_MALFORMED, "{files} malformed files");
}

#[test]
fn the_baseline_is_clean() {
    // The corpus is only meaningful if the dataset it is derived from has no problems at all.
    let (ds, report) = run(&baseline().to_string(), &common::index());
    assert!(ds.is_some() && report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn a_byte_order_mark_is_one_clear_error_or_is_stripped() {
    // serde_json rejects a leading BOM. Either the validator strips it (then the data loads) or it is
    // one error that points at the first character; never a panic, never half a file.
    let text = format!("\u{feff}{}", baseline());
    match validate::parse(&text) {
        Ok(ds) => assert!(!validate::validate(&ds, &common::index()).has_errors()),
        Err(report) => {
            assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
            let shown = report.problems[0].to_string();
            assert!(shown.starts_with("error: dataset: ") && shown.contains("line 1 column 1"), "{shown}");
        }
    }
}

// Validator problems found while building this corpus, now fixed: regression tests.

#[test]
fn problem_lines_never_contain_control_characters() {
    let index = common::index();
    for case in manifest().iter().filter(|c| c.origin == Origin::File) {
        let (_, report) = run(&text_of(case), &index);
        for p in &report.problems {
            let shown = p.to_string();
            assert!(!shown.chars().any(char::is_control), "{}: {shown:?}", case.file);
        }
    }
}

#[test]
fn a_positional_array_is_not_a_dataset() {
    let v = baseline();
    let d = &v["deployments"][0];
    let deployment = serde_json::json!([d["id"], d["country"], d["place"], d["year"], null, {}, d["companies"], d["categories"], d["summary"], d["evidence"], null, d["sources"]]);
    let text = serde_json::json!([v["meta"], v["sources"], v["companies"], [deployment], v["events"], v["figures"], v["story"]]).to_string();
    assert!(validate::load(&text, &common::index()).is_err(), "a 7-element array loaded as a dataset: {text}");
}

#[test]
fn a_byte_order_mark_is_named_in_the_error() {
    let text = format!("\u{feff}{}", baseline());
    let shown = match validate::parse(&text) {
        Ok(_) => return, // stripping the BOM is also an acceptable fix
        Err(report) => report.problems[0].to_string().to_lowercase(),
    };
    assert!(shown.contains("bom") || shown.contains("byte order mark") || shown.contains("byte-order mark"), "{shown}");
}

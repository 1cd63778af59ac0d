//! The editors' command-line tool: check exit codes and messages, and the CSV round trip.

mod common;

use std::process::Command;
use surveillance_atlas::data::csv;

fn atlas_data(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas-data")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn check_passes_the_shipped_data() {
    let (code, err) = atlas_data(&["check", "assets/data/atlas.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(" 0 errors"), "{err}");
}

#[test]
fn check_fails_with_entry_and_field_on_bad_data() {
    let dir = tmp("bad");
    let mut v: serde_json::Value = serde_json::from_str(&common::read("assets/data/atlas.json")).unwrap();
    let id = v["deployments"][0]["id"].as_str().unwrap().to_string();
    v["deployments"][0]["country"] = "XXX".into();
    v["deployments"][1]["sources"] = serde_json::json!([]);
    let file = dir.join("bad.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let (code, err) = atlas_data(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("deployments/{id}: country: unknown country code \"XXX\"")), "{err}");
    assert!(err.contains("sources: no source"), "{err}");
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, err) = atlas_data(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"));
    let (code, err) = atlas_data(&["check", "/nonexistent/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/file.json"));
}

#[test]
fn csv_round_trip_is_lossless() {
    let ds = common::dataset();
    let files = csv::export(&ds);
    let back = csv::import(|name| files.iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone())).expect("import");
    assert_eq!(back, ds);
}

#[test]
fn csv_round_trip_through_the_command_line() {
    let dir = tmp("csv");
    let d = dir.to_str().unwrap();
    let (code, err) = atlas_data(&["export-csv", "assets/data/atlas.json", d]);
    assert_eq!(code, 0, "{err}");
    for f in ["sources", "companies", "sanctions", "deployments", "events", "figures", "story", "meta"] {
        assert!(dir.join(format!("{f}.csv")).exists(), "{f}.csv");
    }
    let out = dir.join("rebuilt.json");
    let (code, err) = atlas_data(&["import-csv", d, out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let rebuilt = surveillance_atlas::data::validate::parse(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(rebuilt, common::dataset());
    // A spreadsheet edit that breaks a rule is caught on import.
    let deps = dir.join("deployments.csv");
    let text = std::fs::read_to_string(&deps).unwrap();
    let first_data_line = text.lines().nth(1).unwrap();
    let broken = text.replacen(first_data_line, &first_data_line.replacen(",20", ",19", 1).replacen(",confirmed,", ",rumour,", 1), 1);
    std::fs::write(&deps, broken).unwrap();
    let (code, err) = atlas_data(&["import-csv", d, out.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("deployments.csv row 2"), "{err}");
}

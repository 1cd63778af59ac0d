//! Editors' tool for the dataset.
//!
//!   atlas-data check FILE [--world assets/geo/world.json]
//!       Validates FILE with the same validator the widget uses. Prints every error and warning
//!       with the entry id and field; exits 1 on errors, 0 otherwise.
//!
//!   atlas-data export-csv FILE DIR      Writes DIR/{sources,companies,deployments,events,figures,story,meta}.csv
//!   atlas-data import-csv DIR FILE      Builds FILE (JSON) back from those CSV files, then validates it.
//!   atlas-data changelog FILE           Prints the data changelog (docs/CHANGELOG-DATA.md) as Markdown.
//!   atlas-data synth --scale N --seed S OUT [--base FILE]
//!       Writes a synthetic dataset N times the size of FILE (default assets/data/atlas.json) with
//!       its shape, the same for the same seed, then validates it (for load tests and the benchmark).

use std::process::ExitCode;
use surveillance_atlas::data::{csv, validate};
use surveillance_atlas::geo::world::{CountryIndex, WorldMap};

const USAGE: &str = "usage:\n  atlas-data check FILE [--world WORLD_JSON]\n  atlas-data export-csv FILE DIR\n  atlas-data import-csv DIR FILE [--world WORLD_JSON]\n  atlas-data changelog FILE\n  atlas-data synth --scale N --seed S OUT [--base FILE] [--world WORLD_JSON]";

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn countries(world: &str) -> Result<CountryIndex, String> {
    Ok(CountryIndex::new(&WorldMap::parse(&read(world)?)?))
}

/// Prints the report; returns whether the data passed (no errors).
fn check_text(label: &str, text: &str, index: &CountryIndex) -> bool {
    let report = match validate::parse(text) {
        Ok(ds) => validate::validate(&ds, index),
        Err(r) => r,
    };
    for p in &report.problems {
        eprintln!("{label}: {p}");
    }
    let (e, w) = (report.errors().count(), report.warnings().count());
    eprintln!("{label}: {e} error{}, {w} warning{}", if e == 1 { "" } else { "s" }, if w == 1 { "" } else { "s" });
    e == 0
}

/// The value after `--name`, and the arguments without the flag and its value.
fn take_flag(args: &mut Vec<String>, name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    let v = args.get(i + 1).cloned();
    args.drain(i..(i + 2).min(args.len()));
    v
}

fn synth(args: &[String]) -> Result<bool, String> {
    let mut args = args.to_vec();
    let world = take_flag(&mut args, "--world").unwrap_or_else(|| "assets/geo/world.json".into());
    let base = take_flag(&mut args, "--base").unwrap_or_else(|| "assets/data/atlas.json".into());
    let number = |flag: &str, v: Option<String>| -> Result<u64, String> { v.ok_or(format!("{flag} needs a value"))?.parse::<u64>().map_err(|e| format!("{flag}: {e}")) };
    let scale = number("--scale", take_flag(&mut args, "--scale"))?;
    let seed = number("--seed", take_flag(&mut args, "--seed"))?;
    if !(1..=100).contains(&scale) {
        return Err(format!("--scale {scale}: expected 1 to 100"));
    }
    let [out] = args.as_slice() else { return Err(USAGE.into()) };
    let base = validate::parse(&read(&base)?).map_err(|r| r.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))?;
    let json = surveillance_atlas::data::synth::to_json(&surveillance_atlas::data::synth::synth(&base, scale as u32, seed));
    let ok = check_text(out, &json, &countries(&world)?);
    if let Some(dir) = std::path::Path::new(out).parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &json).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out} ({} bytes)", json.len());
    Ok(ok)
}

fn run(args: &[String]) -> Result<bool, String> {
    if args.first().is_some_and(|a| a == "synth") {
        return synth(&args[1..]);
    }
    let world_flag = args.iter().position(|a| a == "--world");
    let world = world_flag.and_then(|i| args.get(i + 1)).map(String::as_str).unwrap_or("assets/geo/world.json");
    let pos: Vec<&String> = args.iter().enumerate().filter(|(i, _)| world_flag.is_none_or(|w| *i != w && *i != w + 1)).map(|(_, a)| a).collect();
    match pos.as_slice() {
        [cmd, file] if cmd.as_str() == "check" => Ok(check_text(file, &read(file)?, &countries(world)?)),
        [cmd, file, dir] if cmd.as_str() == "export-csv" => {
            let ds = validate::parse(&read(file)?).map_err(|r| r.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))?;
            std::fs::create_dir_all(dir.as_str()).map_err(|e| format!("{dir}: {e}"))?;
            for (name, text) in csv::export(&ds) {
                let path = format!("{dir}/{name}.csv");
                std::fs::write(&path, text).map_err(|e| format!("{path}: {e}"))?;
                eprintln!("wrote {path}");
            }
            Ok(true)
        }
        [cmd, file] if cmd.as_str() == "changelog" => {
            let ds = validate::parse(&read(file)?).map_err(|r| r.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))?;
            print!("{}", surveillance_atlas::data::changelog::markdown(&ds));
            Ok(true)
        }
        [cmd, dir, file] if cmd.as_str() == "import-csv" => {
            let ds = csv::import(|name| read(&format!("{dir}/{name}.csv")).ok()).map_err(|e| e.join("\n"))?;
            let json = serde_json::to_string_pretty(&ds).map_err(|e| e.to_string())? + "\n";
            let ok = check_text(file, &json, &countries(world)?);
            std::fs::write(file.as_str(), json).map_err(|e| format!("{file}: {e}"))?;
            eprintln!("wrote {file}");
            Ok(ok)
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("atlas-data: {e}");
            ExitCode::from(2)
        }
    }
}

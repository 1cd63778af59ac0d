//! Build-time language packs: writes `assets/i18n/<code>.json` for every language but English, from
//! the language's table in `src/i18n/<code>.rs` and its country names in world-countries'
//! translations (so no name is typed by hand). The widget fetches a pack only when a reader uses
//! that language (docs/SIZE.md).
//!
//! Usage: `cargo run --bin atlas-i18n -- [NODE_MODULES_DIR] [OUT_DIR]`

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use surveillance_atlas::i18n::{pack, Lang};

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let nm = args.get(1).map(String::as_str).unwrap_or("node_modules");
    let out = args.get(2).map(String::as_str).unwrap_or("assets/i18n");
    let path = format!("{nm}/world-countries/countries.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let countries: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    std::fs::create_dir_all(out).map_err(|e| format!("{out}: {e}"))?;
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let json = pack::build(lang, &countries)?;
        let file = format!("{out}/{}.json", lang.code());
        std::fs::write(&file, &json).map_err(|e| format!("{file}: {e}"))?;
        eprintln!("{file}: {} bytes", json.len());
    }
    let names = pack::build_names(&countries)?;
    let file = format!("{out}/names.json");
    std::fs::write(&file, &names).map_err(|e| format!("{file}: {e}"))?;
    eprintln!("{file}: {} bytes", names.len());
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("atlas-i18n: {e}");
            ExitCode::FAILURE
        }
    }
}

// A native build tool: compiled for wasm (by `cargo test --target wasm32-unknown-unknown`) it does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

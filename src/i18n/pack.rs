//! Language packs: every language but English ships as `i18n/<code>.json` (its `Strings` and its
//! country names from world-countries), fetched only when a reader uses that language, so the first
//! view does not grow with each language (docs/SIZE.md). The packs are generated from the Rust
//! tables in `i18n/<code>.rs` by `cargo run --bin atlas-i18n`; natively the tables are compiled in
//! and the names are read from the committed packs.

use super::{Lang, Strings};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One language pack. Borrowed from the (leaked, loaded-once) JSON text, so installing a pack
/// allocates only its maps.
#[derive(Debug, Serialize, Deserialize)]
pub struct Pack {
    pub strings: Strings,
    /// ISO 3166-1 alpha-3 code → common name in this language.
    #[serde(borrow)]
    pub countries: BTreeMap<&'static str, &'static str>,
}

static PACKS: [OnceLock<Pack>; 6] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Pack> {
    &PACKS[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

/// Parses a pack for `lang` (its text is kept for the life of the page) and installs it.
pub fn install(lang: Lang, text: String) -> Result<&'static Pack, String> {
    if let Some(p) = slot(lang).get() {
        return Ok(p);
    }
    let text: &'static str = Box::leak(text.into_boxed_str());
    let pack = parse(text).map_err(|e| format!("i18n/{}.json: {e}", lang.code()))?;
    if pack.strings.code != lang.code() {
        return Err(format!("i18n/{}.json holds the language {:?}", lang.code(), pack.strings.code));
    }
    Ok(slot(lang).get_or_init(|| pack))
}

pub fn parse(text: &'static str) -> Result<Pack, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The installed pack of a language. Natively every pack except English is read from
/// `assets/i18n/` (compiled in) on first use.
pub fn get(lang: Lang) -> Option<&'static Pack> {
    if lang == Lang::En {
        return None;
    }
    #[cfg(not(target_arch = "wasm32"))]
    if slot(lang).get().is_none() {
        let _ = install(lang, committed(lang)?.to_string());
    }
    slot(lang).get()
}

/// Whether a language can be shown now (English always; the others once their pack is in).
pub fn ready(lang: Lang) -> bool {
    lang == Lang::En || get(lang).is_some()
}

/// The committed pack files, for native builds (tests, prerendering, tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn committed(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::En => return None,
        Lang::Fr => include_str!("../../assets/i18n/fr.json"),
        Lang::Es => include_str!("../../assets/i18n/es.json"),
        Lang::Pt => include_str!("../../assets/i18n/pt.json"),
        Lang::Ar => include_str!("../../assets/i18n/ar.json"),
        Lang::Zh => include_str!("../../assets/i18n/zh.json"),
    })
}

/// Country names in the widget's other languages, for search: ISO 3166-1 alpha-3 code → its
/// distinct names in French, Spanish, Portuguese, Arabic and Chinese (not the English one, which
/// the geometry has). `i18n/names.json`, fetched once after start (a few KB), so that "Kenia" or
/// "Quénia" finds Kenya whatever language the reader's interface is in.
pub type Names = BTreeMap<String, Vec<String>>;

/// Id of the block in which the single-file offline copy carries `i18n/names.json`.
pub const NAMES_BLOCK: &str = "atlas-names";

/// Id of the block in which the single-file offline copy carries a language's pack.
pub fn pack_block_id(lang: Lang) -> String {
    format!("atlas-pack-{}", lang.code())
}

pub fn parse_names(text: &str) -> Result<Names, String> {
    serde_json::from_str(text).map_err(|e| format!("i18n/names.json: {e}"))
}

/// `i18n/names.json` from world-countries' translations (see `Names`).
#[cfg(not(target_arch = "wasm32"))]
pub fn build_names(world_countries: &serde_json::Value) -> Result<String, String> {
    let arr = world_countries.as_array().ok_or("world-countries is not an array")?;
    let mut out = Names::new();
    for c in arr {
        let iso3 = c.pointer("/cca3").and_then(|v| v.as_str()).unwrap_or("");
        let english = c.pointer("/name/common").and_then(|v| v.as_str()).unwrap_or("");
        if iso3.is_empty() || iso3 == "ATA" {
            continue;
        }
        let mut names: Vec<String> = Vec::new();
        for key in ["fra", "spa", "por", "ara", "zho"] {
            let name = c.pointer(&format!("/translations/{key}/common")).and_then(|v| v.as_str()).unwrap_or("");
            if !name.is_empty() && name != english && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        if !names.is_empty() {
            out.insert(iso3.to_string(), names);
        }
    }
    let mut s = serde_json::to_string(&out).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// The committed `assets/i18n/names.json`, for native builds.
#[cfg(not(target_arch = "wasm32"))]
pub fn committed_names() -> &'static str {
    include_str!("../../assets/i18n/names.json")
}

/// The pack JSON for a language from its Rust table and world-countries' translations
/// (`countries.json` parsed; its `translations` keys are ISO 639-3: fra, spa, por, ara, zho).
#[cfg(not(target_arch = "wasm32"))]
pub fn build(lang: Lang, world_countries: &serde_json::Value) -> Result<String, String> {
    let key = match lang {
        Lang::En => return Err("English needs no pack".into()),
        Lang::Fr => "fra",
        Lang::Es => "spa",
        Lang::Pt => "por",
        Lang::Ar => "ara",
        Lang::Zh => "zho",
    };
    let arr = world_countries.as_array().ok_or("world-countries is not an array")?;
    let mut names = BTreeMap::new();
    for c in arr {
        let iso3 = c.pointer("/cca3").and_then(|v| v.as_str()).unwrap_or("");
        let name = c.pointer(&format!("/translations/{key}/common")).and_then(|v| v.as_str()).unwrap_or("");
        if !iso3.is_empty() && !name.is_empty() && iso3 != "ATA" {
            names.insert(iso3.to_string(), name.to_string());
        }
    }
    #[derive(Serialize)]
    struct Out<'a> {
        strings: &'a Strings,
        countries: BTreeMap<String, String>,
    }
    let mut s = serde_json::to_string(&Out { strings: super::table(lang), countries: names }).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

//! Builds the search entries (countries, cities, companies) from the loaded data.

use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::state::search::{place_names, Entry, HitKind};

pub fn entries(l: &Loaded, lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for c in l.world.countries.iter().filter(|c| !c.iso3.is_empty()) {
        // Shown in the reader's language; found by its name in every language the widget
        // speaks (a language added to `Lang::ALL` brings its names in), and by its code.
        let label = l.country_name_in(&c.iso3, lang);
        let names: Vec<String> = Lang::ALL.iter().map(|other| l.country_name_in(&c.iso3, *other)).collect();
        let alternatives: Vec<&str> = names.iter().map(String::as_str).chain([c.name.as_str(), c.iso3.as_str()]).collect();
        out.push(Entry::new(HitKind::Country, &label, "", &c.iso3, &alternatives));
    }
    for d in &l.data.deployments {
        let country = l.country_name_in(&d.country, lang);
        for city in place_names(&d.place) {
            out.push(Entry::new(HitKind::City, &city, &country, &d.country, &[]));
        }
    }
    for c in &l.data.companies {
        if l.data.deployments.iter().any(|d| d.companies.contains(&c.id)) {
            out.push(Entry::new(HitKind::Company, &c.name, "", &c.id, &[&c.id]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::search::search;

    fn loaded() -> Loaded {
        let data = std::fs::read_to_string("assets/data/atlas.json").unwrap();
        let world = std::fs::read_to_string("assets/geo/world.json").unwrap();
        crate::data::load::build("atlas.json", &data, &world).unwrap()
    }

    fn first(entries: &[Entry], q: &str) -> Option<String> {
        search(entries, q, 8).first().map(|e| e.target.clone())
    }

    #[test]
    fn countries_are_found_by_their_name_in_every_language() {
        let l = loaded();
        for ui in Lang::ALL {
            let entries = entries(&l, ui);
            for iso3 in ["KEN", "CIV", "DEU", "SRB"] {
                for other in Lang::ALL {
                    let name = l.country_name_in(iso3, other);
                    let hits = search(&entries, &name, 8);
                    assert!(hits.iter().any(|e| e.kind == HitKind::Country && e.target == iso3), "{name:?} ({other:?}) finds {iso3} in the {ui:?} interface");
                }
            }
            // Labels are in the interface's language.
            assert!(entries.iter().any(|e| e.target == "CIV" && e.label == l.country_name_in("CIV", ui)));
        }
    }

    #[test]
    fn kenia_and_quenia_find_kenya() {
        let l = loaded();
        for ui in Lang::ALL {
            let entries = entries(&l, ui);
            // Spanish and German spelling: a name of that language where the widget speaks it, else one typo away.
            assert_eq!(first(&entries, "kenia").as_deref(), Some("KEN"), "{ui:?}");
            assert_eq!(first(&entries, "Kenia").as_deref(), Some("KEN"), "{ui:?}");
            assert_eq!(first(&entries, "cote divoire").as_deref(), Some("CIV"), "{ui:?}");
            // Portuguese: found by name once the geometry gives Portuguese names (world-countries').
            if Lang::from_code("pt").is_some_and(|pt| l.country_name_in("KEN", pt) == "Quénia") {
                assert_eq!(first(&entries, "Quénia").as_deref(), Some("KEN"), "{ui:?}");
            }
        }
    }
}

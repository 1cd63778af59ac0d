//! Builds the search entries (countries, cities, companies) from the loaded data.

use crate::i18n::pack::Names;
use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::state::search::{place_names, Entry, HitKind};

/// The search entries in the reader's language `lang`. `names`: every country's names in the
/// widget's other languages (`i18n/names.json`); without them (before they arrive), a country is
/// found by its names in the languages whose packs are loaded.
pub fn entries(l: &Loaded, lang: Lang, names: Option<&Names>) -> Vec<Entry> {
    let mut out = Vec::new();
    for c in l.world.countries.iter().filter(|c| !c.iso3.is_empty()) {
        // Shown in the reader's language; found by its name in every language the widget
        // speaks (a language added to `Lang::ALL` brings its names in), and by its code.
        let label = l.country_name_in(&c.iso3, lang);
        let mut names_here: Vec<String> = Lang::ALL.iter().map(|other| l.country_name_in(&c.iso3, *other)).collect();
        names_here.extend(names.and_then(|n| n.get(&c.iso3)).into_iter().flatten().cloned());
        let alternatives: Vec<&str> = names_here.iter().map(String::as_str).chain([c.name.as_str(), c.iso3.as_str()]).collect();
        out.push(Entry::new(HitKind::Country, &label, "", &c.iso3, &alternatives));
    }
    // One entry per city and country, however many deployments name it (30 times today's data
    // has 3,000 deployments in about 500 places: searching every deployment's city made each
    // keystroke thirty times slower).
    let mut seen = std::collections::HashSet::new();
    for d in &l.data.deployments {
        let mut country = None;
        for city in place_names(&d.place) {
            if seen.insert((city.clone(), d.country.as_str())) {
                let country = country.get_or_insert_with(|| l.country_name_in(&d.country, lang));
                out.push(Entry::new(HitKind::City, &city, country, &d.country, &[]));
            }
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
            let entries = entries(&l, ui, None);
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
    fn each_city_is_one_entry_per_country() {
        let l = loaded();
        let entries = entries(&l, Lang::En, None);
        let cities: Vec<(&str, &str)> = entries.iter().filter(|e| e.kind == HitKind::City).map(|e| (e.label.as_str(), e.target.as_str())).collect();
        let unique: std::collections::BTreeSet<_> = cities.iter().collect();
        assert_eq!(cities.len(), unique.len(), "no city listed twice for one country");
        // Every deployment's city is still found.
        for d in &l.data.deployments {
            for city in place_names(&d.place) {
                assert!(cities.contains(&(city.as_str(), d.country.as_str())), "{city} ({})", d.country);
            }
        }
    }

    #[test]
    fn names_from_names_json_find_a_country_in_any_interface() {
        let l = loaded();
        let names = crate::i18n::pack::parse_names(crate::i18n::pack::committed_names()).unwrap();
        assert_eq!(names["KEN"], ["Kenia", "Quénia", "كينيا", "肯尼亚"]);
        assert!(!names["KEN"].iter().any(|n| n == "Kenya"), "the English name is the geometry's");
        // A synthetic name only names.json carries is found through it, and only through it.
        let mut extra = names.clone();
        extra.get_mut("CIV").unwrap().push("Elfenbeinküste".into());
        let with = entries(&l, Lang::En, Some(&extra));
        assert_eq!(first(&with, "Elfenbeinküste").as_deref(), Some("CIV"));
        let without = entries(&l, Lang::En, None);
        assert_ne!(first(&without, "Elfenbeinküste").as_deref(), Some("CIV"));
    }

    #[test]
    fn kenia_and_quenia_find_kenya() {
        let l = loaded();
        for ui in Lang::ALL {
            let entries = entries(&l, ui, None);
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

//! Builds the search entries (countries, cities, companies) from the loaded data.

use crate::i18n::Lang;
use crate::state::app::Loaded;
use crate::state::search::{place_names, Entry, HitKind};

pub fn entries(l: &Loaded, lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for c in l.world.countries.iter().filter(|c| !c.iso3.is_empty()) {
        // The name in the reader's language; the English name and the code also match.
        let label = lang.country_name(&c.iso3).unwrap_or(&c.name);
        out.push(Entry::new(HitKind::Country, label, "", &c.iso3, &[&c.name, &c.iso3]));
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

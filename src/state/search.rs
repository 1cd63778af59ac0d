//! Search over countries, cities and companies: case- and accent-insensitive.

/// Lowercases, strips diacritics (Latin), and folds apostrophes, dashes and spaces, so that
/// "cote d'ivoire" finds "Côte d’Ivoire".
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '\'' | '’' | '‘' | '`' | '´' => "",
            '-' | '‐' | '–' | '—' | '_' | '.' | ',' | '(' | ')' => " ",
            c if c.is_whitespace() => " ",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(folded);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    Country,
    City,
    Company,
}

/// One searchable name and what choosing it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: HitKind,
    /// What is shown.
    pub label: String,
    /// Secondary text (the country of a city, …).
    pub detail: String,
    /// ISO3 of the country to select (countries and cities) or the company id.
    pub target: String,
    /// Normalised names to match (label and alternatives).
    keys: Vec<String>,
}

impl Entry {
    pub fn new(kind: HitKind, label: &str, detail: &str, target: &str, alternatives: &[&str]) -> Entry {
        let mut keys: Vec<String> = std::iter::once(label).chain(alternatives.iter().copied()).map(normalise).filter(|k| !k.is_empty()).collect();
        keys.dedup();
        Entry { kind, label: label.into(), detail: detail.into(), target: target.into(), keys }
    }
}

/// Ranks entries for a query: whole-name prefix first, then word prefix, then substring;
/// countries before cities before companies; alphabetical within. At most `limit` results.
pub fn search<'a>(entries: &'a [Entry], query: &str, limit: usize) -> Vec<&'a Entry> {
    let q = normalise(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, HitKind, &str, &Entry)> = entries
        .iter()
        .filter_map(|e| {
            let rank = e
                .keys
                .iter()
                .filter_map(|k| {
                    if k.starts_with(&q) {
                        Some(0)
                    } else if k.split(' ').any(|w| w.starts_with(&q)) || k.contains(&format!(" {q}")) {
                        Some(1)
                    } else if k.contains(&q) {
                        Some(2)
                    } else {
                        None
                    }
                })
                .min()?;
            Some((rank, e.kind, e.label.as_str(), e))
        })
        .collect();
    hits.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    hits.dedup_by(|a, b| a.3.kind == b.3.kind && a.3.target == b.3.target && a.3.label == b.3.label);
    hits.into_iter().take(limit).map(|h| h.3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_accents_and_apostrophes() {
        assert_eq!(normalise("Côte d’Ivoire"), "cote divoire");
        assert_eq!(normalise("cote d'ivoire"), "cote divoire");
        assert_eq!(normalise("  São   Tomé-et-Príncipe "), "sao tome et principe");
        assert_eq!(normalise("ZÜRICH"), "zurich");
        assert_eq!(normalise("Hikvision"), "hikvision");
    }

    fn entries() -> Vec<Entry> {
        vec![
            Entry::new(HitKind::Country, "Ivory Coast", "", "CIV", &["Côte d'Ivoire"]),
            Entry::new(HitKind::Country, "Kenya", "", "KEN", &[]),
            Entry::new(HitKind::City, "Nairobi", "Kenya", "KEN", &[]),
            Entry::new(HitKind::Company, "Huawei", "", "huawei", &[]),
            Entry::new(HitKind::Country, "Uganda", "", "UGA", &[]),
            Entry::new(HitKind::City, "Kampala", "Uganda", "UGA", &[]),
        ]
    }

    #[test]
    fn finds_by_accentless_alternative_name() {
        let e = entries();
        let r = search(&e, "cote d'ivoire", 5);
        assert_eq!(r[0].target, "CIV");
        assert_eq!(search(&e, "CÔTE", 5)[0].target, "CIV");
    }

    #[test]
    fn ranks_prefix_before_substring_and_limits() {
        let e = entries();
        let r = search(&e, "ka", 5);
        assert_eq!(r[0].label, "Kampala");
        let r = search(&e, "an", 5);
        // "Uganda" contains "an" but no name starts with it.
        assert!(r.iter().any(|x| x.label == "Uganda"));
        assert_eq!(search(&e, "a", 2).len(), 2);
        assert!(search(&e, "   ", 5).is_empty());
        assert!(search(&e, "zzz", 5).is_empty());
        assert_eq!(search(&e, "hua", 5)[0].kind, HitKind::Company);
    }
}

/// Splits a deployment's place into city names ("Nairobi, Mombasa" → both), leaving out
/// generic areas ("Nationwide", "island-wide") and parenthesised notes.
pub fn place_names(place: &str) -> Vec<String> {
    let mut depth = 0;
    let cleaned: String = place
        .chars()
        .filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    return false;
                }
                _ => {}
            }
            depth == 0 && *c != '('
        })
        .collect();
    cleaned
        .split([',', ';', '/'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("then ").trim())
        .filter(|p| {
            let lower = p.to_lowercase();
            !p.is_empty()
                && p.len() <= 40
                && p.chars().next().is_some_and(|c| c.is_uppercase())
                && !["nationwide", "national", "-wide", "several", "other", "major", "public", "cities", "province", "districts", "state"].iter().any(|w| lower.contains(w))
        })
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod place_tests {
    use super::*;

    #[test]
    fn splits_places_into_cities() {
        assert_eq!(place_names("Nairobi, Mombasa"), ["Nairobi", "Mombasa"]);
        assert_eq!(place_names("Nationwide (headquarters in Quito)"), Vec::<String>::new());
        assert_eq!(place_names("La Paz, El Alto; then 6 department capitals"), ["La Paz", "El Alto"]);
        assert_eq!(place_names("Kampala metropolitan area, then major towns"), ["Kampala metropolitan area"]);
    }
}

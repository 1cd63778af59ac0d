//! Search over countries, cities and companies: case- and accent-insensitive, and tolerant of a
//! typo or two in words of four letters or more ("Kenia", "Ugnada", "Hikvison").

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
        keys.sort();
        keys.dedup();
        Entry { kind, label: label.into(), detail: detail.into(), target: target.into(), keys }
    }
}

/// Most typing errors (insertions, deletions, substitutions, swaps of neighbours) tolerated in
/// a query word of `len` letters: none under 4 letters, one for 4–7, two from 8.
pub fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Edits between a query word and a name's word, or the start of it (the reader may still be
/// typing): the least of the distances to the whole word and to its prefixes of about the
/// query's length. Optimal string alignment, so "Kneya" is one edit from "Kenya"'s start.
fn word_distance(q: &str, w: &str) -> usize {
    let n = q.chars().count();
    let mut best = strsim::osa_distance(q, w);
    for len in n.saturating_sub(1)..=n + 1 {
        if let Some((end, _)) = w.char_indices().nth(len) {
            best = best.min(strsim::osa_distance(q, &w[..end]));
        }
    }
    best
}

/// Typing errors needed for a key to match the query, if within tolerance: every query word
/// must start a word of the key, short words exactly and longer ones within `allowed_typos`.
fn typos(query_words: &[&str], key: &str) -> Option<usize> {
    let words: Vec<&str> = key.split(' ').collect();
    let mut total = 0;
    for q in query_words {
        let limit = allowed_typos(q.chars().count());
        let best = words
            .iter()
            .map(|w| if w.starts_with(q) { 0 } else if limit == 0 { usize::MAX } else { word_distance(q, w) })
            .min()?;
        if best > limit {
            return None;
        }
        total += best;
    }
    Some(total)
}

/// Ranks entries for a query: whole-name prefix first, then word prefix, then substring, then
/// names within a typo or two (fewest first); countries before cities before companies;
/// alphabetical within. At most `limit` results.
pub fn search<'a>(entries: &'a [Entry], query: &str, limit: usize) -> Vec<&'a Entry> {
    let q = normalise(query);
    if q.is_empty() {
        return Vec::new();
    }
    let query_words: Vec<&str> = q.split(' ').collect();
    let spaced = format!(" {q}");
    let mut hits: Vec<(u8, usize, HitKind, &str, &Entry)> = entries
        .iter()
        .filter_map(|e| {
            let exact = e
                .keys
                .iter()
                .filter_map(|k| {
                    if k.starts_with(&q) {
                        Some(0)
                    } else if k.split(' ').any(|w| w.starts_with(&q)) || k.contains(&spaced) {
                        Some(1)
                    } else if k.contains(&q) {
                        Some(2)
                    } else {
                        None
                    }
                })
                .min();
            let (rank, edits) = match exact {
                Some(r) => (r, 0),
                None => (3, e.keys.iter().filter_map(|k| typos(&query_words, k)).min()?),
            };
            Some((rank, edits, e.kind, e.label.as_str(), e))
        })
        .collect();
    hits.sort_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
    hits.dedup_by(|a, b| a.4.kind == b.4.kind && a.4.target == b.4.target && a.4.label == b.4.label);
    hits.into_iter().take(limit).map(|h| h.4).collect()
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
    fn tolerates_one_typo_from_four_letters_and_two_from_eight() {
        let e = vec![
            Entry::new(HitKind::Country, "Kenya", "", "KEN", &[]),
            Entry::new(HitKind::Country, "Uganda", "", "UGA", &[]),
            Entry::new(HitKind::Country, "Mali", "", "MLI", &[]),
            Entry::new(HitKind::Company, "Hikvision", "", "hikvision", &[]),
            Entry::new(HitKind::City, "Buenos Aires", "Argentina", "ARG", &[]),
        ];
        let first = |q: &str| search(&e, q, 5).first().map(|x| x.target.clone());
        assert_eq!(first("kenia").as_deref(), Some("KEN"), "one substitution");
        assert_eq!(first("Kneya").as_deref(), Some("KEN"), "neighbours swapped");
        assert_eq!(first("ugnada").as_deref(), Some("UGA"));
        assert_eq!(first("ugand").as_deref(), Some("UGA"), "exact prefix");
        assert_eq!(first("hikvison").as_deref(), Some("hikvision"), "one deletion in 8 letters");
        assert_eq!(first("hikvsoin").as_deref(), Some("hikvision"), "two edits in 8 letters");
        assert_eq!(first("hikvi").as_deref(), Some("hikvision"));
        assert_eq!(first("buenos aries").as_deref(), Some("ARG"), "each word on its own");
        assert_eq!(first("bwenos"), Some("ARG".into()), "the start of a longer word, one typo");
        assert_eq!(first("kneia"), None, "two typos in five letters are too many");
        assert_eq!(first("mai"), None, "no typo under four letters");
        assert_eq!(first("hkvsoinn"), None, "three typos in eight letters are too many");
        // Exact matches rank before typos: "mali" is Mali, not a fuzzy neighbour.
        assert_eq!(first("mali").as_deref(), Some("MLI"));
        assert_eq!(allowed_typos(3), 0);
        assert_eq!(allowed_typos(4), 1);
        assert_eq!(allowed_typos(7), 1);
        assert_eq!(allowed_typos(8), 2);
    }

    #[test]
    fn exact_hits_come_before_typo_hits() {
        let e = vec![Entry::new(HitKind::Country, "Chile", "", "CHL", &[]), Entry::new(HitKind::Country, "China", "", "CHN", &[])];
        let r = search(&e, "chin", 5);
        assert_eq!(r.iter().map(|x| x.target.as_str()).collect::<Vec<_>>(), ["CHN", "CHL"]);
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

//! What a source's address says about itself: its host, whether a copy's host is one the
//! project links to (`docs/DATA.md`, "Accepted copy hosts"), and whether an address looks like
//! a listing page or a staging host rather than an article. Pure string work, no URL crate.

/// Hosts whose copies the widget links to: public archives, and publishers' syndication
/// partners or mirrors. A host matches itself and its subdomains. Kept equal to the table in
/// `docs/DATA.md` by a test.
pub const COPY_HOSTS: &[&str] = &[
    "web.archive.org",
    "archive.org",
    "archive.ph",
    "archive.today",
    "archive.is",
    "watoday.com.au",
    "news.yahoo.com",
    "hindustantimes.com",
    "bnnbloomberg.ca",
    "arabnews.pk",
    "thestar.com.my",
    "scmp.com",
    "pakobserver.net",
    "en.chinagate.cn",
    "finanznachrichten.de",
    "regulations.justia.com",
    "money.finance.sina.com.cn",
    "madada.fr",
];

/// The host of an http(s) URL, lower-cased, without `www.` or a port; `None` for anything else.
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim().strip_prefix("https://").or_else(|| url.trim().strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// Whether `url` is on an accepted copy host (or a subdomain of one).
pub fn is_accepted_copy(url: &str) -> bool {
    host(url).is_some_and(|h| COPY_HOSTS.iter().any(|a| h == *a || h.ends_with(&format!(".{a}"))))
}

/// An address for comparing two sources: scheme, `www.`, case of the host, a trailing slash
/// and the fragment do not make two addresses different.
pub fn normalise(url: &str) -> Option<String> {
    let h = host(url)?;
    let rest = url.trim().split_once("://")?.1;
    let path = rest.find(['/', '?']).map(|i| &rest[i..]).unwrap_or("");
    let path = path.split('#').next().unwrap_or("").trim_end_matches('/');
    Some(format!("{h}{path}"))
}

/// Why an address is not an article's own, if it looks so: a staging or test host, a home
/// page, a tag/category/search/author listing, or a page that lists a day's stories.
pub fn not_an_article(url: &str) -> Option<&'static str> {
    let h = host(url)?;
    let first = h.split('.').next().unwrap_or("");
    if matches!(first, "staging" | "stage" | "dev" | "test" | "preview" | "beta" | "qa" | "uat") || first.contains("staging") {
        return Some("a staging or test host");
    }
    let rest = url.trim().split_once("://").map(|x| x.1).unwrap_or("");
    let after_host = rest.find(['/', '?', '#']).map(|i| &rest[i..]).unwrap_or("");
    let (path, query) = after_host.split_once('?').unwrap_or((after_host, ""));
    let path = path.split('#').next().unwrap_or("");
    let segs: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(|s| s.to_ascii_lowercase()).collect();
    let query_keys: Vec<&str> = query.split('&').filter_map(|kv| kv.split('=').next()).collect();
    if query_keys.iter().any(|k| matches!(*k, "s" | "q" | "search" | "query")) {
        return Some("a search page");
    }
    if segs.is_empty() && !query_keys.iter().any(|k| matches!(*k, "p" | "id" | "page_id" | "story_fbid")) {
        return Some("a home page");
    }
    const LISTINGS: &[&str] = &["tag", "tags", "category", "categories", "topic", "topics", "search", "author", "authors", "section", "sections"];
    if segs.iter().any(|s| LISTINGS.contains(&s.as_str())) {
        return Some("a tag, topic or author listing");
    }
    if segs.windows(2).any(|w| w[0] == "page" && w[1].bytes().all(|b| b.is_ascii_digit())) {
        return Some("a numbered listing page");
    }
    // …/2024/3/12 with nothing after the date: the stories of a day, not one story.
    // A four-digit year followed only by one- or two-digit month and day segments.
    let short_tail = segs.iter().rev().take_while(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).count();
    let before = segs.len().checked_sub(short_tail + 1).and_then(|i| segs.get(i));
    if short_tail >= 1 && before.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())) {
        return Some("a listing of one day's stories");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_lower_case_without_www_or_port() {
        assert_eq!(host("https://WWW.Example.org:8080/a?b#c").as_deref(), Some("example.org"));
        assert_eq!(host("http://user@web.archive.org/web/2019/x").as_deref(), Some("web.archive.org"));
        assert_eq!(host("ftp://x.org/"), None);
        assert_eq!(host("javascript:alert(1)"), None);
    }

    #[test]
    fn copies_are_accepted_only_on_listed_hosts_and_their_subdomains() {
        assert!(is_accepted_copy("https://web.archive.org/web/2019/https://www.wsj.com/x"));
        assert!(is_accepted_copy("https://archive.ph/abc"));
        assert!(!is_accepted_copy("https://thetowerpost.com/2019/08/15/x"));
        assert!(!is_accepted_copy("https://notarchive.org/x"), "a suffix that is not a subdomain does not count");
    }

    #[test]
    fn normalised_addresses_ignore_scheme_www_slash_and_fragment() {
        assert_eq!(normalise("https://www.folha.uol.com.br/a.shtml"), normalise("http://folha.uol.com.br/a.shtml#top"));
        assert_eq!(normalise("https://x.org/a/"), normalise("https://x.org/a"));
        assert_ne!(normalise("https://x.org/a?id=1"), normalise("https://x.org/a?id=2"));
    }

    #[test]
    fn staging_hosts_and_listing_pages_are_recognised() {
        assert_eq!(not_an_article("https://staging.rferl.org/a/romania-huawei/32857.html"), Some("a staging or test host"));
        assert_eq!(not_an_article("http://stage.consumerelectronicsdaily.com/article/2019/10/09/x"), Some("a staging or test host"));
        assert_eq!(not_an_article("https://www.rferl.org/China-In-Eurasia/2024/3/12"), Some("a listing of one day's stories"));
        assert_eq!(not_an_article("https://www.example.org/news/2019/08"), Some("a listing of one day's stories"));
        assert_eq!(not_an_article("https://example.org/"), Some("a home page"));
        assert_eq!(not_an_article("https://example.org/tag/huawei"), Some("a tag, topic or author listing"));
        assert_eq!(not_an_article("https://example.org/news/page/3"), Some("a numbered listing page"));
        assert_eq!(not_an_article("https://example.org/?s=huawei"), Some("a search page"));
        // Articles, including WordPress short links and dated slugs, pass.
        for ok in [
            "https://www.lemauricien.com/?p=678835",
            "https://www.reuters.com/article/us-uganda-cctv/x-idUSKCN1V50RF",
            "https://www.nation.com.pk/12-Oct-2016/punjab-safe-city-inaugurated",
            "https://www.rferl.org/a/romania-huawei/32857.html",
            "https://www.theguardian.com/world/2019/aug/15/huawei-uganda",
            "http://china.aiddata.org/projects/37016",
            "https://e.huawei.com/in/case-studies/global/2016/201603141435",
        ] {
            assert_eq!(not_an_article(ok), None, "{ok}");
        }
    }
}

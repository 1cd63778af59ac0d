//! Printing the handout, and the page's public address for its QR code. Natively no-ops.

/// Opens the browser's print dialog.
pub fn print_page() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The first absolute http(s) `href` among the page's `<link rel="canonical">`s, as written (the
/// prerender writes an absolute one only when the site's public address is set at build time;
/// its relative fallback, `./`, names no public address).
pub fn canonical_href() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let link = web_sys::window()?.document()?.query_selector(r#"link[rel=canonical][href^="http"]"#).ok()??;
        link.get_attribute("href").filter(|h| crate::data::validate::is_http_url(h))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

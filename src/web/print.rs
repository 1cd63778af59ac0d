//! Printing the handout, and the page's public address for its QR code. Natively no-ops.

/// Opens the browser's print dialog.
pub fn print_page() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The `href` of the page's `<link rel="canonical">`, as written (the prerender writes an
/// absolute one when the site's public address is set at build time).
pub fn canonical_href() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.document()?.query_selector("link[rel=canonical]").ok()??.get_attribute("href")
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

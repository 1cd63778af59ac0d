//! Fetching text over HTTP with messages that say what failed; on a prerendered page, the
//! requests `assets/boot.js` started for the dataset and the geometry are taken over.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches `url` as text. Errors name the URL and the HTTP status or network failure.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    response_text(url, request(url)?).await
}

/// Name of the object in which `assets/boot.js` leaves the requests it started for a prerendered
/// page (URL → promise of a `Response`, or of the network error).
const PREFETCH: &str = "atlasPrefetch";

/// Starts the request for `url`, or takes the one `boot.js` started for it (once).
fn request(url: &str) -> Result<js_sys::Promise, String> {
    if let Some(p) = take_prefetched(url) {
        return Ok(p);
    }
    let window = web_sys::window().ok_or("no window")?;
    Ok(window.fetch_with_str(url))
}

fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    let map = js_sys::Reflect::get(&js_sys::global(), &PREFETCH.into()).ok().filter(|m| m.is_object())?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let p = js_sys::Reflect::get(&map, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(map.unchecked_ref::<js_sys::Object>(), &key);
    Some(p)
}

/// The text of the response a request (`request`) resolves to.
async fn response_text(url: &str, request: js_sys::Promise) -> Result<String, String> {
    let network = |e: &wasm_bindgen::JsValue| format!("Could not reach {url} (network error{}).", js_message(e).map(|m| format!(": {m}")).unwrap_or_default());
    let resp = JsFuture::from(request).await.map_err(|e| network(&e))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|e| network(&e))?;
    if !resp.ok() {
        let status = resp.status();
        let text = resp.status_text();
        return Err(format!("{url} answered HTTP {status}{}.", if text.is_empty() { String::new() } else { format!(" {text}") }));
    }
    let limit = crate::data::validate::MAX_BYTES;
    if let Some(len) = resp.headers().get("content-length").ok().flatten().and_then(|l| l.parse::<usize>().ok()) {
        if len > limit {
            return Err(format!("{url} is {len} bytes; the limit is {limit}."));
        }
    }
    let text = JsFuture::from(resp.text().map_err(|_| format!("{url}: body unreadable"))?)
        .await
        .map_err(|_| format!("{url}: the response body could not be read."))?;
    text.as_string().ok_or_else(|| format!("{url}: the response is not text."))
}

fn js_message(v: &wasm_bindgen::JsValue) -> Option<String> {
    v.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| v.as_string())
}

/// Ids of the script blocks in which `scripts/offline.mjs` inlines the dataset and the geometry.
/// (The prerender writes the same blocks: `crate::web::boot`.)
pub const INLINE_DATA: &str = crate::web::boot::DATA_ID;
pub const INLINE_WORLD: &str = crate::web::boot::GEO_ID;
use crate::web::boot::embedded as inline_text;

/// Fetches the dataset and the geometry (both requests start at once) and validates them.
pub async fn load(data_url: &str, world_url: &str) -> Result<crate::state::app::Loaded, crate::state::app::LoadError> {
    use crate::state::app::LoadError;
    let fail = |title: &str, detail: String| LoadError { title: title.to_string(), details: vec![detail] };
    // The single-file offline build carries both files in JSON script blocks: no request at all.
    if data_url == crate::components::app::DATA_URL {
        if let (Some(data), Some(world)) = (inline_text(INLINE_DATA), inline_text(INLINE_WORLD)) {
            return crate::data::load::build(data_url, &data, &world);
        }
    }
    // Both requests are under way before either is awaited (the geometry may be in the page).
    let world = inline_text(INLINE_WORLD).ok_or_else(|| request(world_url));
    let data = request(data_url);
    let world = match world {
        Ok(text) => text,
        Err(req) => {
            let get = async { response_text(world_url, req?).await };
            get.await.map_err(|e| fail("The map could not be loaded.", e))?
        }
    };
    let get = async { response_text(data_url, data?).await };
    let data = get.await.map_err(|e| fail("The data could not be loaded.", e))?;
    crate::data::load::build(data_url, &data, &world)
}

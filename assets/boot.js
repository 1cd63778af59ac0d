// Loads the WebAssembly app. An external module (not an inline script) so the page runs
// under a Content-Security-Policy without 'unsafe-inline'.
import init from './surveillance-atlas.js';

// A prerendered page (atlas-prerender) shows the map without the dataset and the geometry but
// does not carry them: request both now, beside the wasm, for the app to hydrate the page with
// (src/web/fetch.rs takes them from here). A network failure is kept as a value, not left as an
// unhandled rejection, so the app reports it in its own words.
const app = document.getElementById('app');
if (app && app.hasAttribute('data-view') && !document.getElementById('atlas-data')) {
  globalThis.atlasPrefetch = Object.fromEntries(
    ['data/atlas.json', 'geo/world.json'].map((url) => [url, fetch(url).catch((err) => err)]),
  );
}

init({ module_or_path: new URL('surveillance-atlas_bg.wasm', import.meta.url) }).catch((err) => {
  const el = document.getElementById('panic');
  if (el) {
    el.textContent = 'The widget could not start: ' + (err && err.message ? err.message : String(err));
    el.hidden = false;
  }
  console.error(err);
});

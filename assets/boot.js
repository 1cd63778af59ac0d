// Loads the WebAssembly app. An external module (not an inline script) so the page runs
// under a Content-Security-Policy without 'unsafe-inline'.
import init from './surveillance-atlas.js';

init({ module_or_path: new URL('surveillance-atlas_bg.wasm', import.meta.url) }).catch((err) => {
  const el = document.getElementById('panic');
  if (el) {
    el.textContent = 'The widget could not start: ' + (err && err.message ? err.message : String(err));
    el.hidden = false;
  }
  console.error(err);
});

// Builds dist/surveillance-atlas-offline.html: the whole widget in one HTML file that opens from
// disk (file://) with no server and no network. Run after `trunk build --release` (command 1,
// command 2 and CI do): node scripts/offline.mjs [DIST]
//   - the wasm, gzip-compressed and base64-encoded in a data block, handed to wasm-bindgen's
//     init as bytes (decompressed with the browser's DecompressionStream);
//   - the wasm-bindgen JS and the start-up code in one inline module script;
//   - the CSS in an inline <style>;
//   - the dataset and the geometry in <script type="application/json"> blocks, which
//     src/web/fetch.rs reads instead of fetching, and every language pack and the country names
//     for search likewise (src/components/lang_pack.rs);
//   - a Content-Security-Policy that allows exactly those inline blocks (by hash) and no request.
// It carries the data version (meta.version, else a hash of the data) and date in <meta> tags
// and prints its size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const OFFLINE_NAME = 'surveillance-atlas-offline.html';

const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('base64');
/** JSON text that is safe inside a <script> block: no "<" can close it. */
const scriptSafeJson = (text) => JSON.stringify(JSON.parse(text)).replace(/</g, '\\u003c');
const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function buildOffline(dist) {
  const read = (f) => fs.readFileSync(path.join(dist, f));
  const html = read('index.html').toString('utf8');
  const js = read('surveillance-atlas.js').toString('utf8');
  const wasm = read('surveillance-atlas_bg.wasm');
  const cssName = fs.readdirSync(dist).find((f) => /^style.*\.css$/.test(f));
  if (!cssName) throw new Error(`${dist}: no style*.css`);
  const css = read(cssName).toString('utf8');
  const dataText = read('data/atlas.json').toString('utf8');
  const worldText = read('geo/world.json').toString('utf8');
  const data = JSON.parse(dataText);
  // i18n/<code>.json → block atlas-pack-<code>; i18n/names.json → block atlas-names
  // (src/i18n/pack.rs: pack_block_id, NAMES_BLOCK).
  const packs = fs.readdirSync(path.join(dist, 'i18n')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f === 'names.json' ? 'atlas-names' : `atlas-pack-${f.replace(/\.json$/, '')}`, read(`i18n/${f}`).toString('utf8')]);
  const updated = data.meta?.updated || '';
  const version = data.meta?.version || `sha256:${crypto.createHash('sha256').update(dataText).digest('hex').slice(0, 12)}`;

  // wasm-bindgen's module: keep it a module (inline), and find the name of its default export.
  let initName = null;
  let module = js.replace(/export\s+default\s+([A-Za-z_$][\w$]*)\s*;?/, (_, n) => { initName = n; return ''; });
  module = module.replace(/export\s*\{([^}]*)\}\s*;?/g, (_, names) => {
    for (const part of names.split(',')) {
      const m = part.trim().match(/^([\w$]+)\s+as\s+default$/);
      if (m) initName = m[1];
    }
    return '';
  });
  if (!initName) throw new Error('surveillance-atlas.js: no default export (wasm-bindgen init) found');
  if (/import\.meta\.url/.test(module) === false && /\bimport\s*\(/.test(module)) throw new Error('unexpected dynamic import in the wasm-bindgen module');

  const boot = `
const fail = (err) => {
  const el = document.getElementById('panic');
  if (el) { el.textContent = 'The widget could not start: ' + (err && err.message ? err.message : String(err)); el.hidden = false; }
  console.error(err);
};
(async () => {
  const b64 = document.getElementById('atlas-wasm').textContent.trim();
  const bin = atob(b64);
  const gz = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
  const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  await ${initName}({ module_or_path: bytes });
})().catch(fail);
`;
  const script = `${module}\n${boot}`;
  if (/<\/script/i.test(script)) throw new Error('the JS contains "</script": it cannot be inlined as it is');
  const wasmB64 = zlib.gzipSync(wasm, { level: 9 }).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}' 'wasm-unsafe-eval'`,
    `style-src 'sha256-${sha256(css)}'`,
    'img-src data: blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let out = html;
  // Drop what loads files: the CSS link, preloads, the boot script; replace the CSP.
  out = out.replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload|stylesheet)["']?[^>]*>/gi, '');
  out = out.replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '');
  out = out.replace(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i, '');
  if (/<script\b[^>]*\bsrc=|<link\b[^>]*\bhref=["']?(?!data:)[^"'\s>]+\.(?:css|js|wasm|json)/i.test(out)) {
    throw new Error('index.html still references a file after inlining');
  }
  out = out.replace(/<html\b([^>]*)>/i, (m, attrs) => (/class=/.test(attrs) ? m.replace(/class=(["']?)/, 'class=$1offline ') : `<html${attrs} class="offline">`));
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<meta name="atlas-data-version" content="${escapeAttr(version)}">`,
    `<meta name="atlas-data-updated" content="${escapeAttr(updated)}">`,
    `<style>${css}</style>`,
  ].join('\n');
  out = out.replace(/<head>/i, `<head>\n<!-- Surveillance Atlas, single-file offline copy. Data ${version}, updated ${updated}. Opens from disk with no server and no network. -->`);
  out = out.replace(/(<meta\s+charset=["']?utf-8["']?\s*\/?>)/i, `$1\n${head}`);
  if (!out.includes(head)) throw new Error('index.html has no <meta charset="utf-8">');
  // A prerendered index.html already carries the data and geometry blocks (same ids).
  const has = (id) => new RegExp(`<script\\b[^>]*\\bid=["']?${id}["'\\s>]`, 'i').test(out);
  const blocks = [
    has('atlas-data') ? '' : `<script type="application/json" id="atlas-data">${scriptSafeJson(dataText)}</script>`,
    has('atlas-geo') ? '' : `<script type="application/json" id="atlas-geo">${scriptSafeJson(worldText)}</script>`,
    // Every language pack and the country names for search: languages work with no request.
    ...packs.map(([id, text]) => `<script type="application/json" id="${id}">${scriptSafeJson(text)}</script>`),
    `<script type="application/octet-stream" id="atlas-wasm">${wasmB64}</script>`,
    `<script type="module">${script}</script>`,
  ].filter(Boolean).join('\n');
  out = out.replace(/<\/body>/i, `${blocks}\n</body>`);
  const file = path.join(dist, OFFLINE_NAME);
  fs.writeFileSync(file, out);
  return { file, bytes: Buffer.byteLength(out), version, updated };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] || 'dist';
  const { file, bytes, version, updated } = buildOffline(dist);
  const gz = zlib.gzipSync(fs.readFileSync(file)).length;
  console.error(`offline copy: ${file} (${(bytes / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzip; data ${version}, ${updated})`);
}

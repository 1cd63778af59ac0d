// Section 7 of the benchmark (issue 12, "static first"): what the first paint costs, for the
// prerendered page (dist/ as built) and for the same build without the prerender ("before": a copy
// of dist/ whose index.html is Trunk's own output, kept by scripts/prerender.sh as
// target/prerender/index.trunk.html; the wasm, script and stylesheet are the same files).
//
// Per variant:
//   bytes   the HTML and the stylesheet it blocks on (raw, brotli q11); the HTML up to the end of
//           the map's <svg> (what has to arrive before the map can be painted); the whole first
//           view as Chromium requests it, whether a file is requested twice, and how many times
//           the dataset and the geometry are requested (the prerendered pages do not carry them:
//           boot.js requests each once, beside the wasm)
//   times   navigation → map painted (the rAF after every shape is in the DOM), first contentful
//           paint, when the wasm's response started and ended, and when the app had started
//           (<html class="ready">), at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate)
//   shift   the layout-shift total from navigation to 500 ms after the app started
//   Lighthouse mobile preset: performance score, LCP, CLS, TBT
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createServer } from './serve-dist.mjs';

export const FIRST_PAINT_START = '<!-- first-paint:start (bench.mjs section 7) -->';
export const FIRST_PAINT_END = '<!-- first-paint:end -->';
const BUDGET_BYTES = 80 * 1024;
const BUDGET_CLS = 0.01;
const BUDGET_PERF = 98;

const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs.filter((x) => x != null)); if (!s.length) return null; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** The "before" site: dist/ with Trunk's un-prerendered index.html and no country pages. */
function beforeDir(root, dist) {
  const template = path.join(root, 'target', 'prerender', 'index.trunk.html');
  if (!fs.existsSync(template)) return null;
  const dir = path.join(root, 'target', 'bench-first-paint-before');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(dist, dir, { recursive: true });
  for (const d of ['country', 'fr', 'es', 'pt', 'ar', 'zh']) fs.rmSync(path.join(dir, d), { recursive: true, force: true });
  fs.copyFileSync(template, path.join(dir, 'index.html'));
  return dir;
}

/** Bytes of the HTML and its blocking stylesheets, read from the served folder. */
function staticBytes(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'));
  const text = html.toString('utf8');
  // Stylesheets outside <noscript> block the first paint.
  const head = text.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  const css = [...head.matchAll(/<link\b[^>]*rel=("?)stylesheet\1[^>]*>/g)].map((m) => m[0].match(/href=("?)([^"\s>]+)\1/)[2]);
  const cssBytes = css.map((href) => fs.readFileSync(path.join(dir, href)));
  const mapEnd = text.indexOf('</svg>', text.indexOf('class="map'));
  // What the HTML carries, each part compressed on its own (together they compress better).
  const part = (open, close) => { const i = text.indexOf(open); return i < 0 ? '' : text.slice(i, text.indexOf(close, i) + close.length); };
  const parts = [['the app\'s markup (#app)', part('<main id="app"', '</main>')], ['no-script table', part('<noscript><section class="static-index">', '</noscript>')],
    ['data block (atlas.json)', part('<script type="application/json" id="atlas-data">', '</script>')], ['geometry block (world.json)', part('<script type="application/json" id="atlas-geo">', '</script>')]]
    .filter(([, t]) => t).map(([name, t]) => ({ name, raw: Buffer.byteLength(t), brotli: brotli(Buffer.from(t)) }));
  const prefix = mapEnd > 0 ? html.subarray(0, Buffer.byteLength(text.slice(0, mapEnd + 6))) : null;
  return {
    css,
    htmlRaw: html.length, htmlBrotli: brotli(html),
    cssRaw: cssBytes.reduce((t, b) => t + b.length, 0), cssBrotli: cssBytes.reduce((t, b) => t + brotli(b), 0),
    mapPrefixRaw: prefix?.length ?? null, mapPrefixBrotli: prefix ? brotli(prefix) : null, parts,
  };
}

/** Installed before any page script: layout shifts and the moment the app marks itself ready. */
function instrumentPaint() {
  const b = (window.__fp = { shift: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) b.shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
  // <html> does not exist yet when this runs: watch the document.
  new MutationObserver(() => {
    if (b.ready == null && document.documentElement?.classList.contains('ready')) b.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

async function run(newPage, base, rate) {
  const { context, page, problems } = await newPage(rate);
  await page.addInitScript(instrumentPaint);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(base);
  await page.waitForFunction(() => window.__bench.mapPainted != null && window.__fp.ready != null, null, { timeout: 180000, polling: 100 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { mapPainted: window.__bench.mapPainted, fcp, wasmStart: wasm?.startTime ?? null, wasmEnd: wasm?.responseEnd ?? null, ready: window.__fp.ready, shift: window.__fp.shift };
  });
  await context.close();
  if (problems.length) throw new Error(`page problems: ${problems.join('; ')}`);
  return { ...r, requests };
}

/** Measures both variants. `newPage(rate)` opens an instrumented page (bench.mjs's newPage). */
export async function firstPaint({ root, dist, newPage, transferSizes, lighthouse, runs, rates, log }) {
  const variants = [['prerendered', dist]];
  const before = beforeDir(root, dist);
  if (before) variants.push(['without prerender', before]);
  const out = { runs, rates, variants: [], missingBefore: !before };
  for (const [name, dir] of variants) {
    const server = createServer(dir);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}/`;
    try {
      const v = { name, bytes: staticBytes(dir), times: {} };
      v.transfer = await transferSizes(base);
      for (const rate of rates) {
        log(`7/7 first paint, ${name}, ${rate}×: ${runs} loads`);
        await run(newPage, base, rate); // warm-up, not counted
        const rs = [];
        for (let i = 0; i < runs; i++) rs.push(await run(newPage, base, rate));
        const m = (k) => median(rs.map((x) => x[k]));
        v.times[rate] = {
          mapPainted: m('mapPainted'), fcp: m('fcp'), wasmStart: m('wasmStart'), wasmEnd: m('wasmEnd'), ready: m('ready'),
          shiftMax: Math.max(...rs.map((x) => x.shift)),
          paintedBeforeWasm: rs.filter((x) => x.wasmEnd == null || x.mapPainted < x.wasmEnd).length,
          paintedBeforeStart: rs.filter((x) => x.mapPainted < x.ready).length,
          n: rs.length,
          // The most requests of the dataset, and of the geometry, in one load.
          dataRequests: ['/data/atlas.json', '/geo/world.json'].map((f) => Math.max(...rs.map((x) => x.requests.filter((p) => p.endsWith(f)).length))),
        };
      }
      if (lighthouse) {
        log(`7/7 Lighthouse, ${name}`);
        try { v.lh = await lighthouse(base); } catch (e) { v.lhError = e.message; }
      }
      out.variants.push(v);
    } finally {
      await new Promise((r) => { server.closeAllConnections?.(); server.close(r); });
    }
  }
  return out;
}

const kb = (n) => (n == null ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(0)} ms`);
const pass = (ok) => (ok ? '**PASS**' : '**FAIL**');

/** The report section (markdown lines), between markers so a BENCH_FIRST_PAINT_ONLY run can replace it. */
export function firstPaintSection(fp, { date, commit, load, cores }) {
  const L = [FIRST_PAINT_START, '## 7. First paint (issue 12: prerendered HTML, hydrated)', ''];
  L.push(`Run ${date} UTC at \`${commit}\`; load average (1 min) ${load[0].toFixed(2)} → ${load[1].toFixed(2)} on ${cores} cores${Math.max(...load) > cores * 0.75 ? ' — **busy machine**: times are inflated and noisy' : ''}.`);
  L.push('"Prerendered" is `dist/` as built; "without prerender" serves a copy of it whose `index.html` is Trunk\'s own output');
  L.push('(`target/prerender/index.trunk.html`, kept by `scripts/prerender.sh`; `ATLAS_PRERENDER=0 trunk build` builds that variant),');
  L.push(`with the same wasm, script and stylesheet. Times are medians of ${fp.runs} loads per CPU setting, each in a fresh browser context`);
  L.push('(empty cache), from 127.0.0.1: network time is close to zero here, so these times are mostly parse, script and paint.', '');
  if (fp.missingBefore) L.push('The "without prerender" variant was not measured: `target/prerender/index.trunk.html` is missing (build with `trunk build` first).', '');
  const vs = fp.variants;
  const head = `| | ${vs.map((v) => v.name).join(' | ')} |`;
  L.push(head, `|---|${vs.map(() => '---:').join('|')}|`);
  const row = (label, f) => L.push(`| ${label} | ${vs.map(f).join(' | ')} |`);
  row('HTML, raw / brotli', (v) => `${kb(v.bytes.htmlRaw)} / ${kb(v.bytes.htmlBrotli)}`);
  row(`blocking CSS (${vs[0].bytes.css.join(', ')}), raw / brotli`, (v) => `${kb(v.bytes.cssRaw)} / ${kb(v.bytes.cssBrotli)}`);
  row('**HTML + CSS, brotli** (goal ≤ 80 KB before the map is visible)', (v) => `**${kb(v.bytes.htmlBrotli + v.bytes.cssBrotli)}**`);
  row('HTML up to the end of the map\'s `<svg>` + CSS, brotli', (v) => (v.bytes.mapPrefixBrotli == null ? 'no map in the HTML' : kb(v.bytes.mapPrefixBrotli + v.bytes.cssBrotli)));
  row('whole first view as requested, brotli (files)', (v) => `${kb(v.transfer.total.brotli)} (${v.transfer.files.length})`);
  row('requested twice', (v) => (v.transfer.dup.length ? v.transfer.dup.join(', ') : 'nothing'));
  for (const rate of fp.rates) {
    row(`navigation → map painted, ${rate}× CPU`, (v) => ms(v.times[rate]?.mapPainted));
    row(`first contentful paint, ${rate}× CPU`, (v) => ms(v.times[rate]?.fcp));
    row(`wasm response start → end, ${rate}× CPU`, (v) => `${ms(v.times[rate]?.wasmStart)} → ${ms(v.times[rate]?.wasmEnd)}`);
    row(`map painted before the wasm had arrived, ${rate}× CPU`, (v) => `${v.times[rate]?.paintedBeforeWasm} of ${v.times[rate]?.n}`);
    row(`app started (\`html.ready\`), ${rate}× CPU`, (v) => ms(v.times[rate]?.ready));
    row(`map painted before the app started, ${rate}× CPU`, (v) => `${v.times[rate]?.paintedBeforeStart} of ${v.times[rate]?.n}`);
    row(`layout shift through start-up, worst of the runs, ${rate}× CPU`, (v) => (v.times[rate]?.shiftMax ?? 0).toFixed(4));
    row(`requests of the dataset / the geometry per load, ${rate}× CPU`, (v) => (v.times[rate]?.dataRequests ?? ['n/a']).join(' / '));
  }
  row('Lighthouse mobile: performance', (v) => (v.lh ? String(v.lh.scores.performance) : v.lhError || 'not run'));
  row('Lighthouse mobile: LCP / CLS / TBT', (v) => (v.lh ? `${v.lh.metrics.LCP} / ${v.lh.metrics.CLS} / ${v.lh.metrics.TBT}` : '—'));
  L.push('');
  const pre = vs[0];
  const t4 = pre.times[Math.max(...fp.rates)] || {};
  const cls = Math.max(...fp.rates.map((r) => pre.times[r]?.shiftMax ?? 0));
  L.push('| goal (prerendered page) | result | |', '|---|---|---|');
  L.push(`| map painted from the HTML, before the app (wasm) has run | ${fp.rates.map((r) => `${pre.times[r].paintedBeforeStart}/${pre.times[r].n} loads at ${r}×`).join(', ')} | ${pass(fp.rates.every((r) => pre.times[r].paintedBeforeStart === pre.times[r].n))} |`);
  L.push(`| map painted at first paint, before any wasm has arrived | ${fp.rates.map((r) => `${pre.times[r].paintedBeforeWasm}/${pre.times[r].n} loads at ${r}×`).join(', ')} | ${pass(fp.rates.every((r) => pre.times[r].paintedBeforeWasm === pre.times[r].n))} |`);
  L.push(`| ≤ 80 KB brotli before the map is visible (HTML + CSS) | ${kb(pre.bytes.htmlBrotli + pre.bytes.cssBrotli)} (through the map's \`</svg>\`: ${kb(pre.bytes.mapPrefixBrotli + pre.bytes.cssBrotli)}) | ${pass(pre.bytes.htmlBrotli + pre.bytes.cssBrotli <= BUDGET_BYTES)} |`);
  L.push(`| CLS ≤ 0.01 through hydration | ${cls.toFixed(4)} (worst run)${pre.lh ? `; Lighthouse ${pre.lh.metrics.CLS}` : ''} | ${pass(cls <= BUDGET_CLS)} |`);
  L.push(`| Lighthouse mobile performance ≥ 98 | ${pre.lh ? pre.lh.scores.performance : 'not run'} | ${pre.lh ? pass(pre.lh.scores.performance >= BUDGET_PERF) : '—'} |`);
  const noDouble = fp.rates.every((r) => pre.times[r].dataRequests.every((n) => n <= 1)) && !pre.transfer.dup.length;
  L.push(`| nothing is fetched twice (the HTML carries neither the dataset nor the geometry: each is requested once, beside the wasm) | ${noDouble ? `dataset / geometry requested ${fp.rates.map((r) => pre.times[r].dataRequests.join(' / ')).join(', ')} time(s) per load; no file requested twice` : `requested twice: ${pre.transfer.dup.join(', ') || 'dataset or geometry'}`} | ${pass(noDouble)} |`);
  if (vs[1]) L.push(`| first view total does not grow | ${kb(pre.transfer.total.brotli)} prerendered vs ${kb(vs[1].transfer.total.brotli)} without | ${pass(pre.transfer.total.brotli <= vs[1].transfer.total.brotli * 1.02)} |`);
  L.push('');
  if (pre.bytes.parts.length) {
    L.push('What the prerendered HTML carries (each part compressed on its own; together they compress to the HTML\'s total):', '');
    L.push('| part | raw | brotli |', '|---|---:|---:|');
    for (const p of pre.bytes.parts) L.push(`| ${p.name} | ${kb(p.raw)} | ${kb(p.brotli)} |`);
    L.push('');
  }
  if (pre.lh?.failing?.performance?.length) L.push(`Lighthouse performance audits under 0.9 (prerendered): ${pre.lh.failing.performance.join('; ')}.`, '');
  void t4;
  L.push(FIRST_PAINT_END, '');
  return L;
}

/** Replaces section 7 in an existing report (or inserts it before "## History"). */
export function spliceSection(text, lines) {
  const block = lines.join('\n');
  const a = text.indexOf(FIRST_PAINT_START), b = text.indexOf(FIRST_PAINT_END);
  if (a >= 0 && b > a) return text.slice(0, a) + block.replace(/\n$/, '') + text.slice(b + FIRST_PAINT_END.length);
  const h = text.indexOf('## History');
  return h >= 0 ? `${text.slice(0, h)}${block}\n${text.slice(h)}` : `${text}\n${block}\n`;
}

// Issue 14: every kind of interaction, timed with Event Timing (the INP measure), on synthetic
// datasets of 1, 10 and 30 times today's size loaded with ?data= (the path newsrooms use).
// Used by scripts/bench.mjs (section 6); the datasets are written by `atlas-data synth`.
//
// For each interaction, a PerformanceObserver of type `event` (durationThreshold 16, the
// smallest allowed) collects the entries; the interaction's duration is the largest entry with
// its interactionId (pointerdown/pointerup/click or keydown/keyup of one gesture), the way INP
// counts an interaction. An interaction with no entry took under 16 ms and ranks as -1 ("< 16 ms").
// A Play tick is a timer, not an input event, so Event Timing cannot see it: it is timed from
// the start of the timer callback that moves the year to the end of the frame that shows it
// (a task posted from the first requestAnimationFrame after the update runs once that frame's
// style, layout and paint are done).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const SCALES = [1, 10, 30];
export const INTERACTIONS = ['year change', 'Play tick', 'country click', 'search keystroke', 'filter toggle', 'switch to table', 'sort table', 'open source list'];

/** Writes DIST/synth/scale-N.json for every scale (seed 1) unless present; returns the URL paths. */
export function ensureSynth(root, dist, scales = SCALES) {
  const bin = [process.env.ATLAS_DATA, path.join(root, 'target/debug/atlas-data'), path.join(root, 'target/release/atlas-data')].filter(Boolean).find((p) => fs.existsSync(p));
  const out = {};
  for (const n of scales) {
    const file = path.join(dist, 'synth', `scale-${n}.json`);
    if (!fs.existsSync(file)) {
      const args = ['synth', '--scale', String(n), '--seed', '1', file];
      if (bin) execFileSync(bin, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      else execFileSync('cargo', ['run', '--quiet', '--bin', 'atlas-data', '--', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    const per = new Map();
    for (const d of data.deployments) per.set(d.country, (per.get(d.country) ?? 0) + 1);
    const top = [...per].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    out[n] = { query: `?data=synth/scale-${n}.json`, deployments: data.deployments.length, events: data.events.length, bytes: fs.statSync(file).size, top };
  }
  return out;
}

/** Installed in the page (after load): Event Timing entries and Play-tick timings. */
function instrumentInteractions() {
  const w = (window.__ix = { entries: [], ticks: [], timerStart: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) w.entries.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  // Play ticks: wrap timers so the start of each callback is known.
  for (const name of ['setTimeout', 'setInterval']) {
    const orig = window[name];
    window[name] = function (fn, ...rest) {
      if (typeof fn !== 'function') return orig.call(this, fn, ...rest);
      return orig.call(this, function (...a) { w.timerStart = performance.now(); return fn.apply(this, a); }, ...rest);
    };
  }
  const slider = document.querySelector('[role=slider]');
  new MutationObserver(() => {
    const play = document.querySelector('.tl-controls .play');
    if (play?.getAttribute('aria-pressed') !== 'true' || w.timerStart == null) return;
    const t0 = w.timerStart;
    w.timerStart = null;
    requestAnimationFrame(() => setTimeout(() => w.ticks.push(performance.now() - t0), 0));
  }).observe(slider, { attributes: true, attributeFilter: ['aria-valuenow'] });
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 60)))));

/** A User Timing mark the trace breakdown uses to find each interaction (`ix|kind|start|end`). */
const mark = (page, kind, edge) => page.evaluate((m) => performance.mark(m), `ix|${kind}|${edge}`);

/** Runs `act` (which must wait for its own visible effect) and returns its Event Timing duration. */
async function timed(page, act, kind = '') {
  const before = await page.evaluate(() => window.__ix.entries.length);
  await mark(page, kind, 'start');
  await act();
  await settle(page);
  await mark(page, kind, 'end');
  await page.waitForTimeout(100); // Event Timing entries are delivered after the frame is presented
  const entries = await page.evaluate((n) => window.__ix.entries.slice(n), before);
  if (!entries.length) return -1;
  const byId = new Map();
  for (const e of entries) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.duration));
  return Math.max(...byId.values());
}

/**
 * One page at `rate` on the dataset `ds` (from ensureSynth), `reps` of each interaction.
 * `newPage(rate, country)` opens a context with the load instrumentation; returns raw samples.
 */
export async function interactionRun(newPage, base, ds, rate, reps, { trace = null } = {}) {
  const { context, page, cdp, problems } = await newPage(rate, ds.top[0]);
  await page.goto(base + ds.query);
  await page.waitForFunction(() => window.__bench.mapPainted != null, null, { timeout: 180000, polling: 'raf' });
  await page.evaluate(instrumentInteractions);
  // With `trace` ({ categories, phases }): a Chromium trace of the whole run, for the breakdown.
  const traceEvents = [];
  let traceDone = null;
  if (trace) {
    cdp.on('Tracing.dataCollected', (d) => traceEvents.push(...d.value));
    traceDone = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: [...trace.categories, 'blink.user_timing'].join(','), transferMode: 'ReportEvents' });
  }
  const T = { timeout: 60000 };
  const s = Object.fromEntries(INTERACTIONS.map((k) => [k, []]));
  const slider = page.locator('[role=slider]');

  // Year change: arrow keys on the slider (first Home, not counted).
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[role=slider]').getAttribute('aria-valuenow') === document.querySelector('[role=slider]').getAttribute('aria-valuemin'), null, T);
  for (let i = 0; i < reps; i++) {
    const now = Number(await slider.getAttribute('aria-valuenow'));
    const key = i % 2 ? 'ArrowLeft' : 'ArrowRight';
    const want = String(now + (i % 2 ? -1 : 1));
    s['year change'].push(await timed(page, async () => { await page.keyboard.press(key); await page.waitForFunction((v) => document.querySelector('[role=slider]').getAttribute('aria-valuenow') === v, want, T); }, 'year change'));
  }

  // Play ticks: Play from the first year; the first `reps` ticks (at most the years there are).
  await page.keyboard.press('Home');
  await settle(page);
  await mark(page, 'Play tick', 'start');
  await page.locator('.tl-controls .play').click();
  await page.waitForFunction((n) => window.__ix.ticks.length >= n || document.querySelector('.tl-controls .play').getAttribute('aria-pressed') === 'false', reps, { timeout: 180000 });
  if ((await page.locator('.tl-controls .play').getAttribute('aria-pressed')) === 'true') await page.locator('.tl-controls .play').click();
  await mark(page, 'Play tick', 'end');
  s['Play tick'] = (await page.evaluate(() => window.__ix.ticks)).slice(0, reps);
  await page.locator('.tl-controls .all').click();
  await settle(page);

  // Country click: alternate between the two countries with the most deployments.
  for (let i = 0; i < reps; i++) {
    const c = ds.top[i % 2];
    s['country click'].push(await timed(page, async () => { await page.locator(`#c-${c}`).click(); await page.locator(`#country-panel[data-country=${c}]`).waitFor(T); }, 'country click'));
  }

  // A keystroke in search: one character each; the box is cleared between (not counted).
  const input = page.locator('#search-input');
  const word = 'synthetic vision';
  for (let i = 0; i < reps; i++) {
    if (i % word.length === 0) { await input.fill(''); await settle(page); await input.focus(); }
    const ch = word[i % word.length];
    s['search keystroke'].push(await timed(page, async () => { await page.keyboard.type(ch); await page.waitForFunction((v) => document.querySelector('#search-input').value.endsWith(v), ch, T); }, 'search keystroke'));
  }
  await input.fill('');
  await page.keyboard.press('Escape');

  // Filter toggle: one company on and off.
  await page.locator('.filters summary').click();
  const box = page.locator('input[name=company][value=huawei]');
  for (let i = 0; i < reps; i++) {
    const want = !(await box.isChecked());
    const summary = await page.locator('#summary-line').innerText();
    s['filter toggle'].push(await timed(page, async () => { await box.click(); await page.waitForFunction((t) => document.querySelector('#summary-line').innerText !== t, summary, T); }, 'filter toggle'));
    if ((await box.isChecked()) !== want) throw new Error('filter did not toggle');
  }
  if (await box.isChecked()) await box.click();
  await settle(page);

  // Open a source list: the next closed event card's each time.
  const lists = page.locator('.event details.sources:not([open]) summary');
  for (let i = 0; i < reps; i++) {
    const target = lists.first();
    const id = await target.evaluate((el) => el.closest('[id^="e-"]').id);
    // The reader sees the card before tapping it: scrolled into view first, outside the timing (a
    // scroll and a click in the same frame delay that frame's presentation by ~400 ms at 4x CPU
    // here once cards off screen skip rendering, a harness artefact no reader can produce).
    await target.scrollIntoViewIfNeeded();
    await settle(page);
    s['open source list'].push(await timed(page, async () => { await target.click(); await page.waitForFunction((i) => document.querySelectorAll(`#${i} details.sources li.source`).length > 0, id, T); }, 'open source list'));
  }

  // Switch to the table (and back to the map, not counted), then sort it.
  for (let i = 0; i < reps; i++) {
    s['switch to table'].push(await timed(page, async () => { await page.locator('#tab-table').click(); await page.locator('.data-table').waitFor(T); }, 'switch to table'));
    await page.locator('#tab-map').click();
    await page.locator('svg.map').waitFor(T);
    await settle(page);
  }
  await page.locator('#tab-table').click();
  await page.locator('.data-table').waitFor(T);
  const yearHead = page.locator('th', { hasText: 'Year' });
  for (let i = 0; i < reps; i++) {
    const was = await yearHead.getAttribute('aria-sort');
    s['sort table'].push(await timed(page, async () => { await yearHead.locator('button').click(); await page.waitForFunction((w) => [...document.querySelectorAll('th')].find((t) => t.textContent.includes('Year'))?.getAttribute('aria-sort') !== w, was, T); }, 'sort table'));
  }
  let breakdown = null;
  if (trace) {
    await cdp.send('Tracing.end');
    await traceDone;
    breakdown = traceBreakdown(traceEvents, trace.phases, s['Play tick'].length);
  }
  await context.close();
  if (problems.length) throw new Error(`page problems: ${problems.join('; ')}`);
  return trace ? { samples: s, breakdown } : s;
}

/**
 * Main-thread time per phase for each kind of interaction, per interaction (median over the
 * repetitions), from the trace: the windows between the `ix|kind|start` and `ix|kind|end`
 * marks, on the renderer main thread (the one that ran the marks). Play ticks share one window
 * (Play pressed to paused), divided by the ticks in it.
 */
function traceBreakdown(events, phases, ticks) {
  const marks = events.filter((e) => typeof e.name === 'string' && e.name.startsWith('ix|')).sort((a, b) => a.ts - b.ts);
  if (!marks.length) return null;
  const { pid, tid } = marks[0];
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const windows = [];
  const open = new Map();
  for (const m of marks) {
    const [, kind, edge] = m.name.split('|');
    if (edge === 'start') open.set(kind, m.ts);
    else if (open.has(kind)) { windows.push({ kind, a: open.get(kind), b: m.ts }); open.delete(kind); }
  }
  const out = {};
  for (const { kind, a, b } of windows) {
    const ph = {};
    for (const [label, names] of phases) {
      let total = 0, until = -1;
      for (const e of thread) {
        if (e.ts < a || e.ts + e.dur > b || !names.includes(e.name) || e.ts < until) continue;
        total += e.dur;
        until = e.ts + e.dur;
      }
      ph[label] = total / 1000 / (kind === 'Play tick' ? Math.max(1, ticks) : 1);
    }
    (out[kind] ??= []).push(ph);
  }
  const med = (xs) => { const v = [...xs].sort((x, y) => x - y); return v[Math.floor((v.length - 1) / 2)]; };
  return Object.fromEntries(Object.entries(out).map(([k, list]) => [k, Object.fromEntries(phases.map(([label]) => [label, med(list.map((p) => p[label]))]))]));
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };
const et = (x) => (x == null ? 'n/a' : x < 0 ? '< 16 ms' : `${Math.round(x)} ms`);
const GOAL = { 1: 50, 10: 100, 30: 200 };

/** Markdown for section 6: results[scale][rate] = samples; loads[scale][rate] and mems[scale]. */
export function interactionSection(results, loads, mems, datasets, { reps, rates, ms, mib, ...opts }) {
  const L = [];
  L.push('## 6. Interactions at scale (Event Timing)', '');
  L.push('Synthetic datasets from `atlas-data synth --scale N --seed 1` (made-up entries with the shipped data\'s shape; see');
  L.push('docs/DATA.md), served from `synth/` next to the build and loaded with `?data=`, the path a newsroom\'s dataset takes.');
  L.push('One fresh page per scale and CPU setting; each interaction repeated ' + reps + ' times on it (`BENCH_INTERACTIONS`). The');
  L.push('duration is Event Timing\'s (PerformanceObserver `event`, durationThreshold 16): the largest entry of the');
  L.push('interaction, from the input\'s timestamp to the presentation of the next frame, as INP counts it; "< 16 ms" = no');
  L.push('entry (the API reports nothing shorter). A Play tick is a timer, which Event Timing does not see: it is timed from');
  L.push('the timer callback to the end of the frame that shows the new year (see `scripts/bench-interactions.mjs`).', '');
  L.push('| scale | deployments / events | file |', '|---:|---:|---:|');
  for (const n of Object.keys(datasets)) L.push(`| ${n} | ${datasets[n].deployments} / ${datasets[n].events} | ${(datasets[n].bytes / 1048576).toFixed(2)} MiB |`);
  L.push('');
  const head = ['interaction', ...Object.keys(results).flatMap((n) => rates.map((r) => `×${n} at ${r}× CPU p50 / p95`))];
  L.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const k of INTERACTIONS) {
    const cells = Object.keys(results).flatMap((n) => rates.map((r) => { const xs = results[n][r]?.[k] ?? []; return xs.length ? `${et(pct(xs, 50))} / ${et(pct(xs, 95))}` : 'n/a'; }));
    L.push(`| ${k} | ${cells.join(' | ')} |`);
  }
  L.push('');
  const four = Math.max(...rates);
  const verdict = Object.keys(results).map((n) => {
    const worst = Math.max(...INTERACTIONS.map((k) => pct(results[n][four]?.[k] ?? [NaN], 95)));
    return `scale ${n}: worst p95 ${et(worst)} against ${GOAL[n] ?? '?'} ms, ${worst <= (GOAL[n] ?? 0) ? 'PASS' : 'FAIL'}`;
  });
  L.push(`**Goals at ${four}× CPU** (every interaction's p95 ≤ 50 ms at scale 1, ≤ 100 ms at 10, ≤ 200 ms at 30): ${verdict.join('; ')}.`, '');
  if (opts.breakdowns) {
    for (const [n, bd] of Object.entries(opts.breakdowns)) {
      if (!bd) continue;
      const labels = Object.keys(Object.values(bd)[0] ?? {});
      L.push(`### Where the time goes at scale ${n}, ${four}× CPU (trace)`, '');
      L.push('A separate traced page (Chromium trace, `devtools.timeline`; tracing slows the page a little, so these are');
      L.push('for proportions, not for the goals): main-thread time per interaction in each phase, median of the repetitions,');
      L.push('from the input to the frame that shows its result. "input + script" is the app\'s own work (event handlers, wasm,');
      L.push('Yew\'s diff and DOM calls); the rest is Chromium\'s rendering of the DOM it changed. Slowest first by p95 above.', '');
      L.push(`| interaction | ${labels.join(' | ')} | total |`, `|---|${labels.map(() => '---:').join('|')}|---:|`);
      const order = INTERACTIONS.filter((k) => bd[k]).sort((a, b) => (pct(results[n][four]?.[b] ?? [0], 95)) - (pct(results[n][four]?.[a] ?? [0], 95)));
      for (const k of order) L.push(`| ${k} | ${labels.map((l) => `${bd[k][l].toFixed(1)} ms`).join(' | ')} | ${labels.reduce((t, l) => t + bd[k][l], 0).toFixed(1)} ms |`);
      L.push('');
    }
  }
  L.push('### Navigation and memory per scale', '');
  L.push('Navigation → map painted and → interactive (map painted + click on the country with the most deployments →');
  L.push('its panel painted), as in section 2, median of the runs; JS heap after load and a forced GC, and wasm linear memory, as in section 4.', '');
  L.push('| scale | ' + rates.map((r) => `map painted at ${r}×`).join(' | ') + ' | ' + rates.map((r) => `interactive at ${r}×`).join(' | ') + ' | JS heap after GC | wasm memory |');
  L.push('|---:|' + rates.map(() => '---:').join('|') + '|' + rates.map(() => '---:').join('|') + '|---:|---:|');
  for (const n of Object.keys(loads)) {
    const m = mems[n];
    L.push(`| ${n} | ${rates.map((r) => ms(loads[n][r]?.mapPainted.median)).join(' | ')} | ${rates.map((r) => ms(loads[n][r]?.interactive.median)).join(' | ')} | ${m ? mib(m.after.used) : 'n/a'} | ${m?.after.wasm != null ? mib(m.after.wasm) : 'n/a'} |`);
  }
  const s1 = loads[1]?.[four]?.interactive.median, s10 = loads[10]?.[four]?.interactive.median;
  const m1 = mems[1] ? mems[1].after.used + (mems[1].after.wasm ?? 0) : null, m10 = mems[10] ? mems[10].after.used + (mems[10].after.wasm ?? 0) : null;
  L.push('');
  if (s1 && s10) L.push(`Navigation to interactive at scale 10 is ${(s10 / s1).toFixed(2)}× scale 1 at ${four}× CPU (goal ≤ 1.5×: ${s10 / s1 <= 1.5 ? 'PASS' : 'FAIL'}).`);
  if (m1 && m10) L.push(`Memory after load (JS heap + wasm) at scale 10 is ${(m10 / m1).toFixed(2)}× scale 1 (goal ≤ 3×: ${m10 / m1 <= 3 ? 'PASS' : 'FAIL'}).`);
  L.push('');
  return L;
}

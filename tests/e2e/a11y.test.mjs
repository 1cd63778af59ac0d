// Accessibility: axe-core (WCAG 2.0/2.1 A and AA) in every state of the widget, in both themes
// and at phone and desktop widths; and a keyboard-only walkthrough that reaches and operates
// every control with focus visible at each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, openPage, mapReady, startServer, DIST, expectAttr } from './browser.mjs';

// ATLAS_DIST lets the audit run against another build of the same sources.
const DIR = process.env.ATLAS_DIST ? path.resolve(process.env.ATLAS_DIST) : DIST;
const data = JSON.parse(fs.readFileSync(path.join(DIR, 'data/atlas.json'), 'utf8'));
const years = data.deployments.map((d) => d.year).concat(data.events.map((e) => Number(e.date.slice(0, 4))));
const [MIN, MAX] = [Math.min(...years), Math.max(...years)];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser, server;
before(async () => { server = await startServer(DIR); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** One line per violation and per offending node: id, impact, target selectors, summary. */
function report(violations) {
  return violations.flatMap((v) => [
    `${v.id} [${v.impact}] ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').trim()}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ]).join('\n');
}

/** Runs axe on the page and fails with a readable list of violations. */
async function audit(page, label) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.equal(violations.length, 0, `${label}: ${violations.length} axe violation(s)\n${report(violations)}`);
}

/** Target size (WCAG 2.2 2.5.8, 24 × 24 px or spaced): not in the 2.1 tags, checked on its own. */
async function auditTargets(page, label) {
  const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  assert.equal(violations.length, 0, `${label}: target size\n${report(violations)}`);
}

/** Opens the widget at a query, waits for the given selector (the map by default), audits. */
async function auditState(label, query, { width = 1280, height = 900, colorScheme = 'light', ready, act, route, targets = false } = {}) {
  const { page, context, log } = await openPage(browser, { url: server.base + query, width, height, colorScheme, route });
  try {
    if (ready) {
      await page.waitForSelector('html.ready', { state: 'attached', timeout: 20000 });
      await page.locator(ready).first().waitFor({ timeout: 20000 });
    }
    else await mapReady(page);
    if (act) await act(page);
    await audit(page, label);
    if (targets) await auditTargets(page, label);
    if (width <= 420) {
      // Reflow (WCAG 1.4.10): no horizontal scrolling of the page at phone widths.
      const [sw, iw] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
      assert.ok(sw <= iw, `${label}: page scrolls sideways (${sw} > ${iw} px)`);
    }
    assert.deepEqual(log.pageErrors, [], `${label}: page errors`);
  } finally {
    await context.close();
  }
}

const openFilters = async (page) => {
  await page.locator('.filters summary').click();
  await page.locator('input[name=company]').first().check();
  await page.locator('.filters[open] input[name=company]:checked').waitFor();
};

// ---- axe in every state ----

for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: default view at ${width} px, ${scheme}`, () => auditState(`default ${width} ${scheme}`, '', { width, colorScheme: scheme, targets: true }));
    test(`axe: Kenya selected at ${width} px, ${scheme}`, () =>
      auditState(`KEN ${width} ${scheme}`, '?country=KEN', { width, colorScheme: scheme, ready: '#country-panel[data-country=KEN]', targets: true }));
  }
}

test('axe: timeline playing, then paused', async () => {
  const { page, context } = await openPage(browser, { url: server.base + `?year=${MIN}` });
  try {
    await page.locator('html.ready [role=slider]').waitFor({ timeout: 20000 });
    const play = page.locator('.tl-controls .play');
    await play.click();
    await expectAttr(play, 'aria-pressed', 'true');
    await audit(page, 'playing');
    assert.equal(await play.getAttribute('aria-pressed'), 'true', 'still playing after the audit');
    await play.click();
    await expectAttr(play, 'aria-pressed', 'false');
    await audit(page, 'paused');
  } finally {
    await context.close();
  }
});

for (const [width, scheme] of [[1280, 'light'], [375, 'dark']]) test(`axe: a timeline bar's tooltip open (slider focused), ${width} px ${scheme}`, () =>
  auditState(`timeline tooltip ${width} ${scheme}`, '?year=2019', { width, colorScheme: scheme, act: async (page) => {
    await page.locator('[role=slider]').focus();
    await page.locator('#tl-tip').waitFor({ state: 'visible' });
  } }));

test('axe: filters open with one company checked', () => auditState('filters', '', { act: openFilters, targets: true }));
test('axe: filters open, dark', () => auditState('filters dark', '?theme=dark', { act: openFilters }));

for (const scheme of ['light', 'dark']) test(`axe: search listbox open, ${scheme}`, () =>
  auditState(`search ${scheme}`, '', {
    colorScheme: scheme,
    act: async (page) => {
      await page.locator('#search-input').fill('ken');
      await expectAttr(page.locator('#search-input'), 'aria-expanded', 'true');
      await page.keyboard.press('ArrowDown');
      await expectAttr(page.locator('#search-input'), 'aria-activedescendant', 'search-opt-0');
    },
  }));
for (const scheme of ['light', 'dark']) test(`axe: a map country focused, tooltip shown, ${scheme}`, () =>
  auditState(`map focus ${scheme}`, '?year=2016', {
    colorScheme: scheme,
    act: async (page) => {
      await page.focus('svg.map [role=button][tabindex="0"]');
      await page.keyboard.press('ArrowRight');
      await page.locator('#map-tooltip:not([hidden])').waitFor();
    },
  }));

for (const scheme of ['light', 'dark']) {
  test(`axe: table view, ${scheme}`, () => auditState(`table ${scheme}`, '?tab=table', { colorScheme: scheme, ready: '.data-table tbody tr', targets: true }));
  test(`axe: presentation mode at step 2, ${scheme}`, () =>
    auditState(`present ${scheme}`, '?mode=present&step=2', { colorScheme: scheme, ready: '.story-count' }));
  test(`axe: share panel open, ${scheme}`, () =>
    auditState(`share ${scheme}`, '', { colorScheme: scheme, act: async (page) => {
      await page.locator('.share summary').click();
      await page.locator('.present-button').waitFor();
    } }));
  test(`axe: embed mode, ${scheme}`, () => auditState(`embed ${scheme}`, '?embed=1', { colorScheme: scheme, width: 420 }));
  test(`axe: error state with retry, ${scheme}`, () =>
    // The bundled data is in the prerendered page: the error comes from a ?data= fetch.
    auditState(`error ${scheme}`, '?data=./data/atlas.json', {
      colorScheme: scheme,
      ready: '.status.error .retry',
      route: (page) => page.route((u) => u.pathname.endsWith('/data/atlas.json'), (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })),
    }));
}

test('axe: dark theme by ?theme=dark with a country selected', () =>
  auditState('theme=dark KEN', '?theme=dark&country=KEN', { ready: '#country-panel[data-country=KEN]' }));
test('axe: dark theme at 375 px with a country selected and a year', () =>
  auditState('theme=dark KEN 375', '?theme=dark&country=KEN&year=2016', { width: 375, ready: '#country-panel[data-country=KEN]' }));
test('axe: French with Serbia selected', () =>
  auditState('fr SRB', '?lang=fr&country=SRB', { ready: '#country-panel[data-country=SRB]' }));
test('axe: French, dark, table', () => auditState('fr dark table', '?lang=fr&theme=dark&tab=table', { ready: '.data-table tbody tr' }));

// Issue 11 (map and layout): the phone's bottom sheet expanded, China's panel, the table as
// cards on a phone, a bounded embed with the table and with a country open, year + selection.
for (const scheme of ['light', 'dark']) {
  test(`axe: phone bottom sheet expanded, ${scheme}`, () =>
    auditState(`sheet ${scheme}`, '?country=KEN', { width: 375, colorScheme: scheme, ready: '#country-panel[data-country=KEN]', targets: true,
      act: async (page) => { await page.locator('#country-panel .sheet-toggle').click(); await page.locator('#country-panel.expanded').waitFor(); } }));
  test(`axe: China's panel (origin and domestic events), ${scheme}`, () =>
    auditState(`CHN ${scheme}`, '?country=CHN', { colorScheme: scheme, ready: '#country-panel[data-country=CHN] .origin-event', targets: true }));
  test(`axe: table as cards at 375 px, ${scheme}`, () =>
    auditState(`table 375 ${scheme}`, '?tab=table', { width: 375, colorScheme: scheme, ready: '.data-table tbody tr', targets: true }));
  test(`axe: bounded embed at 320 px with the table, ${scheme}`, () =>
    auditState(`embed table 320 ${scheme}`, '?embed=1&tab=table', { width: 320, colorScheme: scheme, ready: '.data-table tbody tr' }));
  test(`axe: bounded embed at 375 px with Kenya open, ${scheme}`, () =>
    auditState(`embed KEN 375 ${scheme}`, '?embed=1&country=KEN', { width: 375, colorScheme: scheme, ready: '#country-panel[data-country=KEN]' }));
  test(`axe: year and selection (new outlines, selected legend), ${scheme}`, () =>
    auditState(`2019 KEN ${scheme}`, '?year=2019&country=KEN', { colorScheme: scheme, ready: '#country-panel[data-country=KEN]', targets: true }));
}

// ---- non-text contrast (WCAG 1.4.11), which axe does not measure ----

for (const scheme of ['light', 'dark']) test(`controls' boundaries and the map focus ring are 3:1, ${scheme}`, async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?year=2016', colorScheme: scheme });
  try {
    await mapReady(page);
    const colours = await page.evaluate(() => {
      const cs = (sel) => getComputedStyle(document.querySelector(sel));
      const surface = cs('.filters').backgroundColor;
      return {
        page: getComputedStyle(document.body).backgroundColor, surface,
        borders: Object.fromEntries(['.tl-controls .play', '.zoom-in', '.regions button', '.tabs', '#search-input', '.prefs select'].map((sel) => [sel, cs(sel).borderTopColor])),
        thumb: cs('[role=slider]').backgroundColor,
      };
    });
    for (const [sel, c] of Object.entries(colours.borders)) {
      for (const bg of [colours.page, colours.surface]) assert.ok(contrast(c, bg) >= 3, `${scheme}: border of ${sel} ${c} is ${contrast(c, bg).toFixed(2)}:1 against ${bg}`);
    }
    assert.ok(contrast(colours.thumb, colours.page) >= 3, `${scheme}: slider thumb ${colours.thumb} against ${colours.page}`);
    // The map's focus ring has two tones; together they stand out from any fill and from the page.
    await page.focus('svg.map [role=button][tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    const ring = await page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement);
      return { stroke: cs.stroke, halo: (cs.filter.match(/rgba?\([^)]*\)/) || [])[0] };
    });
    assert.ok(ring.halo, `${scheme}: the focused country has a halo (${JSON.stringify(ring)})`);
    assert.ok(contrast(ring.stroke, ring.halo) >= 7, `${scheme}: the two tones of the map focus ring differ (${ring.stroke} / ${ring.halo})`);
    // Fills, with China's hatching as its two colours (land and red lines).
    const fills = await page.evaluate(() => [...new Set([...document.querySelectorAll('svg.map [role=button]')].map((e) => getComputedStyle(e).fill)
      .concat([...document.querySelectorAll('#origin-hatch .hatch-line')].map((e) => getComputedStyle(e).stroke)))].filter((f) => f.startsWith('rgb')));
    for (const fill of fills.concat(colours.page)) {
      assert.ok(Math.max(contrast(ring.stroke, fill), contrast(ring.halo, fill)) >= 3, `${scheme}: map focus ring against ${fill}`);
    }
  } finally {
    await context.close();
  }
});

// ---- keyboard only ----

/** Relative luminance contrast of two CSS rgb()/rgba() colours (alpha ignored). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Describes the focused element and how its focus shows: an outline for HTML controls; for
 *  SVG map shapes, the stroke compared with an unfocused copy of the same shape. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true };
    const cs = getComputedStyle(el);
    const info = {
      tag: el.tagName.toLowerCase(), id: el.id, cls: String(el.getAttribute('class') || ''), role: el.getAttribute('role'),
      name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 50),
      bodyBg: getComputedStyle(document.body).backgroundColor,
    };
    if (el instanceof SVGElement) {
      const copy = el.cloneNode(false);
      copy.removeAttribute('id');
      copy.removeAttribute('tabindex');
      el.parentNode.appendChild(copy);
      const plain = getComputedStyle(copy);
      info.svg = { stroke: cs.stroke, width: cs.strokeWidth, filter: cs.filter, plainStroke: plain.stroke, plainWidth: plain.strokeWidth, plainFilter: plain.filter };
      copy.remove();
    } else {
      info.outline = { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
      // A ring drawn outside the element must not be cut off by an ancestor that clips.
      const grow = Math.max(0, parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth));
      const r = el.getBoundingClientRect();
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const st = getComputedStyle(a);
        // Scroll containers scroll the focused element into view; hidden and clip cut it off.
        if (!/hidden|clip/.test(st.overflowX + st.overflowY)) continue;
        const ar = a.getBoundingClientRect();
        const cut = Math.max(ar.left - (r.left - grow), ar.top - (r.top - grow), (r.right + grow) - ar.right, (r.bottom + grow) - ar.bottom);
        if (cut > 1) info.clippedBy = `${a.tagName.toLowerCase()}.${String(a.className).trim().split(/\s+/).join('.')} (${cut.toFixed(1)} px)`;
      }
    }
    return info;
  });
}

const describe = (f) => `${f.tag}${f.id ? '#' + f.id : ''}${f.cls ? '.' + f.cls.trim().split(/\s+/).join('.') : ''} "${f.name}"`;

/** Fails unless the focused element shows its focus (in a colour 3:1 against the page). */
async function assertFocusVisible(page, where = '') {
  const f = await focusInfo(page);
  assert.ok(!f.none, `focus was lost (on <body>) ${where}`);
  if (f.svg) {
    const s = f.svg;
    const changed = s.stroke !== s.plainStroke || Math.abs(parseFloat(s.width) - parseFloat(s.plainWidth)) >= 1 || s.filter !== s.plainFilter;
    assert.ok(changed, `${describe(f)}: focused stroke ${s.stroke} ${s.width} looks like unfocused ${s.plainStroke} ${s.plainWidth} ${where}`);
    assert.ok(parseFloat(s.width) >= 2, `${describe(f)}: focus stroke at least 2 px (${s.width})`);
  } else {
    const o = f.outline;
    assert.ok(o.style !== 'none' && o.width > 0, `${describe(f)}: no visible focus outline (${o.style} ${o.width}px) ${where}`);
    assert.ok(!f.clippedBy, `${describe(f)}: focus outline clipped by ${f.clippedBy} ${where}`);
    if (o.style !== 'auto') assert.ok(contrast(o.color, f.bodyBg) >= 3, `${describe(f)}: focus ring ${o.color} is under 3:1 against ${f.bodyBg}`);
  }
  return f;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`, checking that focus
 *  is visible at every stop on the way; returns the number of presses. */
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  const seen = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await assertFocusVisible(page, `after ${i} × ${back ? 'Shift+Tab' : 'Tab'}`);
    seen.push(describe(f));
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return i;
  }
  throw new Error(`${selector} not reached in ${max} presses; focus went through:\n  ${seen.join('\n  ')}`);
}

const focused = (page, selector) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);
const waitFor = (page, fn, arg, note) => page.waitForFunction(fn, arg, { timeout: 3000 }).catch(() => { throw new Error(`timed out: ${note}`); });

test('keyboard only: every control can be reached and operated, with focus visible', async () => {
  const { page, context, log } = await openPage(browser, { url: server.base });
  try {
    await mapReady(page);
    const kb = page.keyboard;

    // Search: the first stop. Type, ArrowDown to the first option, Enter chooses.
    assert.equal(await tabTo(page, '#search-input', { max: 1 }), 1, 'search is the first tab stop');
    await kb.type('Keny');
    const input = page.locator('#search-input');
    await expectAttr(input, 'aria-expanded', 'true');
    await kb.press('ArrowDown');
    await expectAttr(input, 'aria-activedescendant', 'search-opt-0');
    await kb.press('Enter');
    await page.locator('#country-panel[data-country=KEN]').waitFor({ timeout: 3000 });
    if (!(await focused(page, '#search-input'))) {
      // Choosing may move focus to the panel: come back to the toolbar from the top.
      await tabTo(page, '#search-input', { back: true });
    }

    // Map/Table tabs: one tab stop, arrows switch.
    await tabTo(page, '[role=tab][aria-selected=true]');
    assert.equal(await focused(page, '#tab-map'), true);
    await kb.press('ArrowRight');
    await expectAttr(page.locator('#tab-table'), 'aria-selected', 'true');
    assert.equal(await focused(page, '#tab-table'), true, 'focus follows the selected tab');
    await assertFocusVisible(page, 'on the table tab');
    await kb.press('ArrowLeft');
    await expectAttr(page.locator('#tab-map'), 'aria-selected', 'true');
    assert.equal(await focused(page, '#tab-map'), true);
    await assertFocusVisible(page, 'back on the map tab');

    // Play, then Pause, with Enter and Space.
    await tabTo(page, '.tl-controls .play');
    const play = page.locator('.tl-controls .play');
    await kb.press('Enter');
    await expectAttr(play, 'aria-pressed', 'true');
    await kb.press(' ');
    await expectAttr(play, 'aria-pressed', 'false');
    assert.equal(await focused(page, '.tl-controls .play'), true, 'focus stays on Play/Pause');

    // The year slider: Home, arrows, End.
    await tabTo(page, '[role=slider]');
    const slider = page.locator('[role=slider]');
    await kb.press('Home');
    await expectAttr(slider, 'aria-valuenow', String(MIN));
    await kb.press('ArrowRight');
    await expectAttr(slider, 'aria-valuenow', String(MIN + 1));
    await kb.press('ArrowUp');
    await expectAttr(slider, 'aria-valuenow', String(MIN + 2));
    await kb.press('ArrowLeft');
    await expectAttr(slider, 'aria-valuenow', String(MIN + 1));
    await kb.press('End');
    await expectAttr(slider, 'aria-valuenow', String(MAX));
    await assertFocusVisible(page, 'on the slider after End');

    // Zoom buttons and a region preset.
    const viewport = page.locator('.viewport');
    const world = await viewport.getAttribute('transform');
    // (The zoom controls come before the timeline: go back to them.)
    await tabTo(page, '.zoom-in', { back: true });
    await kb.press('Enter');
    await waitFor(page, (w) => document.querySelector('.viewport').getAttribute('transform') !== w, world, 'zoom in');
    await tabTo(page, '.zoom-out', { max: 1 });
    await kb.press(' ');
    await waitFor(page, (w) => document.querySelector('.viewport').getAttribute('transform') === w, world, 'zoom out');
    await tabTo(page, '.regions button:nth-child(2)');
    const region = await page.evaluate(() => document.activeElement.textContent);
    await kb.press('Enter');
    await expectAttr(page.locator('.regions button', { hasText: region }), 'aria-pressed', 'true');

    // The map: one tab stop; arrows move between countries; Enter opens the panel, Escape closes it.
    assert.equal(await page.locator('svg.map [role=button][tabindex="0"]').count(), 1, 'the map has a single tab stop');
    await tabTo(page, 'svg.map [role=button]');
    const first = await page.evaluate(() => document.activeElement.id);
    await kb.press('ArrowRight');
    await waitFor(page, (f) => document.activeElement.id !== f && document.activeElement.closest('svg.map'), first, 'ArrowRight moves to another country');
    await assertFocusVisible(page, 'after ArrowRight on the map');
    // Arrows move to the nearest country that way on the map: ArrowLeft goes west again.
    const second = await page.evaluate(() => document.activeElement.id);
    await kb.press('ArrowLeft');
    await waitFor(page, (f) => document.activeElement.id !== f && document.activeElement.closest('svg.map'), second, 'ArrowLeft moves back west');
    // Every country shows its focus, whether plain, new this year or selected.
    // (Arrows follow the map, so they do not walk every stop in turn: each is focused in turn,
    // after keyboard use, as a reader moving across the map would reach it.)
    const stops = await page.locator('svg.map [role=button]').evaluateAll((els) => els.map((e) => e.id));
    const kinds = new Set();
    for (const [i, id] of stops.entries()) {
      await page.evaluate((id) => document.getElementById(id).focus(), id);
      const f = await assertFocusVisible(page, `on map stop ${i + 1} of ${stops.length} (${id})`);
      for (const k of ['new', 'selected']) if (f.cls.split(/\s+/).includes(k)) kinds.add(k);
    }
    assert.ok(kinds.has('new') && kinds.has('selected'), `focus checked on new and selected countries (${[...kinds]})`);
    await page.evaluate((id) => document.getElementById(id).focus(), first);
    await kb.press('ArrowRight');
    await waitFor(page, (f) => document.activeElement.id !== f && document.activeElement.closest('svg.map'), first, 'ArrowRight moves on from the first country');
    const iso3 = (await page.evaluate(() => document.activeElement.id)).slice(2);
    await assertFocusVisible(page, 'on the country to open');
    await kb.press('Enter');
    await page.locator(`#country-panel[data-country=${iso3}]`).waitFor({ timeout: 3000 });
    await kb.press('Escape');
    await page.locator('#country-panel').waitFor({ state: 'detached', timeout: 3000 });
    assert.equal(await focused(page, `#c-${iso3}`), true, 'Escape keeps focus on the country');
    await kb.press('Enter');
    await page.locator(`#country-panel[data-country=${iso3}]`).waitFor({ timeout: 3000 });

    // The panel's close button.
    const panelFrom = await focused(page, 'svg.map [role=button]') ? 'map' : 'elsewhere';
    await tabTo(page, '#country-panel .close');
    await kb.press('Enter');
    await page.locator('#country-panel').waitFor({ state: 'detached', timeout: 3000 });
    assert.ok(panelFrom);

    // Filters: Space opens, Space checks a company; the counts follow. (On wide screens the
    // filters sit above the map, so they are behind the map in tab order.)
    await tabTo(page, '.filters summary', { back: true });
    const before = await page.locator('#summary-line').innerText();
    await kb.press(' ');
    await page.locator('.filters[open]').waitFor({ timeout: 3000 });
    await tabTo(page, 'input[name=company]', { max: 1 });
    await kb.press(' ');
    await page.locator('input[name=company]:checked').waitFor({ timeout: 3000 });
    await waitFor(page, (b) => document.querySelector('#summary-line').innerText !== b, before, 'a company filter changes the summary');
    assert.equal(await focused(page, 'input[name=company]'), true, 'focus stays on the checkbox');
    await assertFocusVisible(page, 'on the checked box');
    // Reset (a button at the end of the panel) with Enter: the counts come back.
    await tabTo(page, '.filters .reset');
    await kb.press('Enter');
    await waitFor(page, (b) => document.querySelector('#summary-line').innerText === b, before, 'reset restores the summary');

    // Share panel: Enter opens and closes it.
    await tabTo(page, '.share summary');
    await kb.press('Enter');
    await page.locator('.share[open] .present-button').waitFor({ timeout: 3000 });
    await tabTo(page, '.present-button', { max: 1 });
    await tabTo(page, '.share summary', { back: true, max: 1 });
    await kb.press('Enter');
    await page.locator('.share:not([open])').waitFor({ timeout: 3000 });

    // An event card's button: Enter moves to its year and country.
    await tabTo(page, '.ev-choose', { max: 120 });
    const eventId = await page.evaluate(() => document.activeElement.closest('.event').id.slice(2));
    const event = data.events.find((e) => e.id === eventId);
    await kb.press('Enter');
    await expectAttr(slider, 'aria-valuenow', event.date.slice(0, 4));
    if (event.country && data.deployments.some((d) => d.country === event.country)) {
      await page.locator(`#country-panel[data-country=${event.country}]`).waitFor({ timeout: 3000 });
    }

    // Language and theme selects: arrows change them.
    await tabTo(page, '.prefs select', { max: 200 });
    await kb.press('ArrowDown');
    await waitFor(page, () => document.documentElement.lang === 'fr', null, 'French chosen with the keyboard');
    await assertFocusVisible(page, 'on the language select after the change');
    await kb.press('ArrowUp');
    await waitFor(page, () => document.documentElement.lang === 'en', null, 'back to English');
    await tabTo(page, '.prefs label:nth-child(2) select', { max: 1 });
    await kb.press('End');
    await waitFor(page, () => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return (r + g + b) / 3 < 60;
    }, null, 'dark theme chosen with the keyboard');
    await assertFocusVisible(page, 'on the theme select in the dark theme');

    // In the dark theme, going back up the page: every stop still shows its focus.
    await tabTo(page, '#search-input', { back: true, max: 400 });
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: Escape in the search box first closes the list, keeping the text', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  try {
    await mapReady(page);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keny');
    const input = page.locator('#search-input');
    await expectAttr(input, 'aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expectAttr(input, 'aria-expanded', 'false');
    assert.equal(await input.inputValue(), 'Keny', 'the first Escape only closes the list');
    await page.keyboard.press('ArrowDown');
    await expectAttr(input, 'aria-activedescendant', 'search-opt-0');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await input.inputValue(), '', 'a second Escape clears the text');
  } finally {
    await context.close();
  }
});

test('keyboard only: closing the panel and resetting the filters keep focus on the page', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?country=KEN' });
  const onBody = () => page.evaluate(() => document.activeElement === document.body);
  try {
    await page.locator('#country-panel[data-country=KEN]').waitFor({ timeout: 20000 });
    await tabTo(page, '#country-panel .close', { max: 40 });
    await page.keyboard.press('Enter');
    await page.locator('#country-panel').waitFor({ state: 'detached', timeout: 3000 });
    assert.equal(await onBody(), false, 'focus kept after closing the panel');
    await tabTo(page, '#search-input', { back: true, max: 40 });
    await tabTo(page, '.filters summary');
    await page.keyboard.press(' ');
    await tabTo(page, 'input[name=company]', { max: 1 });
    await page.keyboard.press(' ');
    await page.locator('input[name=company]:checked').waitFor({ timeout: 3000 });
    await page.keyboard.press(' ');
    await page.waitForTimeout(200);
    assert.equal(await onBody(), false, 'focus kept after unchecking the last filter');
    await page.keyboard.press(' ');
    await tabTo(page, '.filters .reset');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    assert.equal(await onBody(), false, 'focus kept after Reset');
  } finally {
    await context.close();
  }
});

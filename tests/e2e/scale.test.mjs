// End-to-end at ten times today's data (issue 14): the scale-10 synthetic dataset, generated at
// test time by `atlas-data synth`, loaded with ?data=, and every interaction the benchmark times
// still works: a year change, a Play tick, a click on a country, a keystroke in search, a filter
// toggle, switching to the table, sorting the table and opening a source list. A smoke pass that
// checks results against the generated file; no timings here (they live in scripts/bench.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openPage, startServer, DIST, ROOT, SHOTS, expectAttr, expectText } from './browser.mjs';

/** The atlas-data binary `cargo test` / `cargo build` leave in target/ (ATLAS_DATA overrides). */
export function atlasData() {
  const candidates = [process.env.ATLAS_DATA, path.join(ROOT, 'target/debug/atlas-data'), path.join(ROOT, 'target/release/atlas-data')].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('atlas-data binary missing: run cargo build --bin atlas-data (scripts/test.sh does)');
  return found;
}

/** A copy of dist/ under target/ with synthetic datasets in synth/scale-N.json; returns the folder. */
export function siteWithSynth(scales, seed = 1) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html missing: run trunk build --release first`);
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'target', 'e2e-scale-'));
  fs.cpSync(DIST, dir, { recursive: true });
  for (const n of scales) {
    execFileSync(atlasData(), ['synth', '--scale', String(n), '--seed', String(seed), path.join(dir, 'synth', `scale-${n}.json`)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return dir;
}

const SLOW = 30000; // the machine running the tests may be loaded: generous waits, no timings
let browser, server, site, data;
before(async () => {
  site = siteWithSynth([10]);
  data = JSON.parse(fs.readFileSync(path.join(site, 'synth/scale-10.json'), 'utf8'));
  server = await startServer(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const en = (n) => n.toLocaleString('en-US');
const plural = (n, one, many) => `${en(n)} ${n === 1 ? one : many}`;
const countries = (deps) => new Set(deps.map((d) => d.country)).size;

test('scale 10 with ?data=: every timed interaction works', async () => {
  assert.equal(data.deployments.length, 1020, 'scale 10 of the shipped 102 deployments');
  const { page, log, context } = await openPage(browser, { url: server.base + '?data=synth/scale-10.json' });
  await page.waitForSelector('svg.map path.shaded', { timeout: 60000 });
  const summary = page.locator('#summary-line');
  await expectText(summary, new RegExp(`^${plural(countries(data.deployments), 'country', 'countries')} · ${plural(data.deployments.length, 'deployment', 'deployments')}`), SLOW);

  // Year change (keyboard on the slider).
  const years = data.deployments.map((d) => d.year).concat(data.events.map((e) => Number(e.date.slice(0, 4))));
  const [MIN, MAX] = [Math.min(...years), Math.max(...years)];
  const slider = page.locator('[role=slider]');
  await expectAttr(slider, 'aria-valuemax', String(MAX), SLOW);
  await slider.focus();
  await page.keyboard.press('Home');
  await expectAttr(slider, 'aria-valuenow', String(MIN), SLOW);
  const upto = (y) => data.deployments.filter((d) => d.year <= y);
  await expectAttr(slider, 'aria-valuetext', `${MIN}: ${plural(countries(upto(MIN)), 'country', 'countries')}, ${plural(upto(MIN).length, 'deployment', 'deployments')}`, SLOW);
  await page.keyboard.press('PageUp');
  await expectAttr(slider, 'aria-valuetext', `${MIN + 5}: ${plural(countries(upto(MIN + 5)), 'country', 'countries')}, ${plural(upto(MIN + 5).length, 'deployment', 'deployments')}`, SLOW);
  // China, where the exports come from, is a button whatever the data (it opens its domestic events).
  const origin = upto(MIN + 5).some((d) => d.country === 'CHN') ? 0 : 1;
  assert.equal(await page.locator('svg.map [role=button]').count(), countries(upto(MIN + 5)) + origin, 'one button per country with a deployment by then, and China');

  // A Play tick: Play moves one year on; Pause stops it.
  const play = page.locator('.tl-controls .play');
  await play.click();
  await expectAttr(play, 'aria-pressed', 'true', SLOW);
  await page.waitForFunction((y) => Number(document.querySelector('[role=slider]').getAttribute('aria-valuenow')) > y, MIN + 5, { timeout: SLOW });
  await play.click();
  await expectAttr(play, 'aria-pressed', 'false', SLOW);

  // Back to all years, then a click on the country with the most deployments.
  await page.locator('.tl-controls .all').click();
  await expectText(summary, new RegExp(`· ${plural(data.deployments.length, 'deployment', 'deployments')}`), SLOW);
  const per = new Map();
  for (const d of data.deployments) per.set(d.country, (per.get(d.country) ?? 0) + 1);
  const [top, topCount] = [...per].sort((a, b) => b[1] - a[1])[0];
  await page.locator(`#c-${top}`).click();
  await page.locator(`#country-panel[data-country=${top}]`).waitFor({ timeout: SLOW });
  await expectText(page.locator('#country-panel .count'), plural(topCount, 'deployment', 'deployments'), SLOW);

  // A keystroke in search: typing opens the listbox with a matching company.
  const company = data.companies.find((c) => c.id.startsWith('synth-co-'));
  const input = page.locator('#search-input');
  await input.focus();
  await page.keyboard.type(company.name.slice(0, -1));
  await page.keyboard.type(company.name.slice(-1));
  await expectAttr(input, 'aria-expanded', 'true', SLOW);
  await expectText(page.locator('#search-opt-0'), /Synthetic Vision/, SLOW);
  await page.keyboard.press('Escape');

  // The event strip is long: it shows whole years around the selected one, and "Show all"
  // (by keyboard) renders every event that follows the filter.
  const allEvents = data.events.length;
  const strip = page.locator('.event-strip > li');
  const windowed = await strip.count();
  assert.ok(allEvents > 240, 'the scale-10 strip is long enough to be windowed');
  {
    assert.ok(windowed > 0 && windowed <= 240, `a window of the strip (${windowed} of ${allEvents})`);
    const showEvents = page.locator('.events-more button.show-all');
    await expectText(showEvents, `Show all · Key events (${en(allEvents)})`, SLOW);
    await showEvents.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.event-strip > li').length === n, allEvents, { timeout: SLOW });
  }

  // A filter toggle: one company; the summary follows.
  await page.locator('.filters summary').click();
  await page.locator('input[name=company][value=huawei]').check();
  const huawei = data.deployments.filter((d) => d.companies.includes('huawei'));
  await expectText(summary, new RegExp(`^${plural(countries(huawei), 'country', 'countries')} · ${plural(huawei.length, 'deployment', 'deployments')}`), SLOW);

  // Open a source list on an event card.
  const cards = page.locator('.event details.sources');
  await cards.first().waitFor({ timeout: SLOW });
  const list = cards.first();
  const id = (await list.evaluate((el) => el.closest('[id^="e-"]').id)).slice(2);
  const cited = data.events.find((e) => e.id === id).sources.length;
  assert.equal(await list.locator('a').count(), 0, 'closed: no links yet');
  await list.locator('summary').click();
  await page.waitForFunction((i) => document.querySelectorAll(`#e-${i} details.sources li.source`).length > 0, id, { timeout: SLOW });
  assert.equal(await list.locator('li.source').count(), cited);

  // Switch to the table: one row per visible deployment (the Huawei filter still applies).
  await page.locator('#tab-table').click();
  await page.locator('.data-table').waitFor({ timeout: SLOW });
  // A long table shows its first 25 rows and a button for the rest.
  const PAGE = 25;
  assert.ok(huawei.length > PAGE, 'the scale-10 table is long enough to be paged');
  await page.waitForFunction((n) => document.querySelectorAll('.data-table tbody tr').length === n, PAGE, { timeout: SLOW });
  const more = page.locator('.table-more button.show-all');
  await expectText(more, `Show all · ${plural(huawei.length, 'deployment', 'deployments')}`, SLOW);
  await expectText(page.locator('#table-caption'), new RegExp(`\\(${huawei.length}\\)`), SLOW);

  // Sort the table by year, descending: the first page is the first rows of the whole order.
  const yearsCol = async () => (await page.locator('.data-table tbody td.num').allInnerTexts()).map((t) => Number(t.slice(0, 4)));
  await page.locator('th[aria-sort] button', { hasText: 'Year' }).click();
  await expectAttr(page.locator('th', { hasText: 'Year' }), 'aria-sort', 'descending', SLOW);
  const firstPage = await yearsCol();
  assert.equal(firstPage.length, PAGE);
  const allYears = huawei.map((d) => d.year).sort((a, b) => b - a);
  assert.deepEqual(firstPage, allYears.slice(0, PAGE));
  // "Show all" by keyboard: every row, and focus on the first row that was not shown.
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.data-table tbody tr').length === n, huawei.length, { timeout: SLOW });
  await page.waitForFunction((i) => document.activeElement === document.querySelectorAll('.data-table tbody tr')[i], PAGE, { timeout: SLOW });
  const desc = await yearsCol();
  assert.equal(desc.length, huawei.length);
  assert.deepEqual(desc, allYears);
  assert.equal(await more.count(), 0, 'the button goes once every row is shown');
  // The page is thousands of rows long: the viewport only.
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'scale-10-table-1280.png'), timeout: 60000 });

  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

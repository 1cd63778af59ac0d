// End-to-end: the release build served on 127.0.0.1, driven in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, mapReady, startServer, screenshot, DIST, expectAttr, expectText } from './browser.mjs';

const world = JSON.parse(fs.readFileSync(path.join(DIST, 'geo/world.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const shapes = world.countries.filter((c) => c.path).length;
const kenya = data.deployments.filter((d) => d.country === 'KEN');

let browser, server;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function assertClean(log, base) {
  assert.deepEqual(log.consoleErrors, [], 'no console error');
  assert.deepEqual(log.pageErrors, [], 'no uncaught error');
  assert.deepEqual(log.failed, [], 'no failed request');
  const foreign = log.requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request to another origin');
}

test('loads cleanly and draws one shape per country', async () => {
  const { page, log, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  assert.equal(await page.locator('svg.map path').count(), shapes);
  const withData = new Set(data.deployments.map((d) => d.country));
  // Every country with data, and China (the origin of the exports, with its domestic events).
  assert.equal(await page.locator('svg.map [role=button]').count(), withData.size + (withData.has('CHN') ? 0 : 1));
  // Small states named by the data are clickable markers.
  assert.ok(await page.locator('svg.map circle#c-MUS').count() === 1, 'Mauritius marker');
  await expectText(page.locator('.credits'), /Natural Earth[\s\S]*world-atlas[\s\S]*world-countries/);
  await page.waitForTimeout(200);
  assertClean(log, server.base);
  await context.close();
});

test('clicking Kenya lists its deployments with source links; Escape clears', async () => {
  const { page, log, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  await page.hover('#c-KEN');
  await assert.doesNotReject(page.waitForSelector('#map-tooltip:not([hidden])'));
  await expectText(page.locator('#map-tooltip'), /Kenya\s+\d+ deployments?/);
  await page.click('#c-KEN');
  const panel = page.locator('#country-panel');
  await panel.waitFor();
  await expectAttr(panel, 'data-country', 'KEN');
  assert.equal(await panel.locator('h2').innerText(), 'Kenya');
  assert.equal(await panel.locator('article.deployment').count(), kenya.length);
  for (const d of kenya) assert.equal(await panel.locator(`#d-${d.id}`).count(), 1, d.id);
  const links = panel.locator('.sources a');
  const n = await links.count();
  assert.ok(n >= kenya.length, 'every entry has linked sources');
  for (let i = 0; i < n; i++) {
    const a = links.nth(i);
    const href = await a.getAttribute('href');
    assert.match(href, /^https?:\/\/[^\s/]+/, href);
    assert.doesNotThrow(() => new URL(href));
    await expectAttr(a, 'target', '_blank');
    await expectAttr(a, 'rel', 'noopener noreferrer');
  }
  // A link really opens a new tab (the request itself is answered locally: no network here).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>source</title>' }));
  const [popup] = await Promise.all([context.waitForEvent('page'), links.first().click()]);
  await popup.waitForLoadState();
  assert.equal(await popup.evaluate(() => window.opener), null, 'no opener');
  assert.equal(popup.url(), await links.first().getAttribute('href'));
  await popup.close();
  await expectText(page.locator('#announcer'), /Kenya: \d+ deployment/);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  log.requests = log.requests.filter((u) => u.startsWith(server.base));
  assertClean(log, server.base);
  await context.close();
});

test('keyboard: Tab reaches the map, arrows move, Enter opens, Escape closes', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  // One tab stop for the whole map.
  assert.equal(await page.locator('svg.map [tabindex="0"]').count(), 1);
  // Tab through the controls until the map's single tab stop has focus.
  let first = '';
  for (let i = 0; i < 60 && !/^c-[A-Z]{3}$/.test(first); i++) {
    await page.keyboard.press('Tab');
    first = await page.evaluate(() => document.activeElement.id);
  }
  assert.match(first, /^c-[A-Z]{3}$/);
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.id);
  assert.notEqual(second, first);
  assert.ok(await page.locator('#map-tooltip:not([hidden])').count() === 1, 'focus shows the tooltip');
  await page.focus('#c-KEN');
  await page.keyboard.press('Enter');
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'c-KEN', 'focus stays on the map');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press(' ');
  const other = await page.locator('#country-panel').getAttribute('data-country');
  assert.notEqual(other, 'KEN', 'Space selects the newly focused country');
  await page.keyboard.press('Escape');
  await page.locator('#country-panel').waitFor({ state: 'detached' });
  await context.close();
});

test('a failed data fetch shows a specific error, and Try again recovers', async () => {
  let fail = true;
  // The bundled data travels in the prerendered page; a dataset is fetched for ?data= (here the
  // same file under another name).
  const { page, context } = await openPage(browser, {
    url: server.base + '?data=./data/atlas.json',
    route: (p) => p.route((u) => u.pathname.endsWith('/data/atlas.json'), (r) => (fail ? r.fulfill({ status: 404, body: 'nope' }) : r.continue())),
  });
  const alert = page.locator('[role=alert]').first();
  await alert.waitFor();
  await expectText(alert, /could not be loaded[\s\S]*HTTP 404/);
  fail = false;
  await page.click('button.retry');
  await mapReady(page);
  await context.close();
});

test('invalid data shows the validator errors, never a blank page', async () => {
  const bad = structuredClone(data);
  bad.deployments[0].country = 'XXX';
  bad.deployments[1].sources = [];
  const { page, context } = await openPage(browser, {
    url: server.base + '?data=./data/atlas.json',
    route: (p) => p.route((u) => u.pathname.endsWith('/data/atlas.json'), (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(bad) })),
  });
  const alert = page.locator('[role=alert]').first();
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /has 2 errors/);
  assert.match(text, new RegExp(`deployments/${bad.deployments[0].id}: country: unknown country code "XXX"`));
  assert.match(text, /sources: no source/);
  await context.close();
});

test('screenshots at 375 px and 1280 px, light and dark', async () => {
  for (const [width, height, scheme, select] of [[375, 812, 'light', null], [375, 812, 'dark', 'KEN'], [1280, 900, 'light', 'KEN'], [1280, 900, 'dark', 'ECU'], [320, 640, 'light', null], [1920, 1080, 'light', 'PAK']]) {
    const { page, context } = await openPage(browser, { url: server.base, width, height, colorScheme: scheme });
    await mapReady(page);
    if (select) await page.click(`#c-${select}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no horizontal scrolling at ${width}px`);
    await screenshot(page, `map-${width}-${scheme}${select ? '-' + select : ''}`);
    await context.close();
  }
});

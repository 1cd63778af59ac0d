// End-to-end robustness: ?data=URL loading and its failures, 500 random and malformed query
// strings, and no request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, mapReady, startServer, DIST } from './browser.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
let browser, server;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Serves `body` at /alt/data.json for one page. */
function routeAlt(body, { status = 200, type = 'application/json' } = {}) {
  return (p) => p.route('**/alt/data.json', (r) => r.fulfill({ status, contentType: type, body }));
}

test('?data= loads another dataset in the same schema', async () => {
  const small = structuredClone(data);
  small.deployments = small.deployments.filter((d) => d.country === 'KEN' || d.country === 'ECU');
  // The changelog names entries by id: keep only what names the entries kept.
  if (small.changelog) small.changelog = [];
  const { page, log, context } = await openPage(browser, { url: server.base + '?data=alt/data.json', route: routeAlt(JSON.stringify(small)) });
  await mapReady(page);
  // Kenya and Ecuador shaded; China, the origin of the exports, is a button whatever the data.
  assert.equal(await page.locator('svg.map [role=button].bin-0.origin').count(), 1);
  assert.equal(await page.locator('svg.map [role=button]:not(.origin)').count(), 2);
  assert.ok(log.requests.some((u) => u.endsWith('/alt/data.json')));
  // (index.html preloads the bundled file; what is drawn comes from ?data=, as the count shows.)
  await context.close();
});

test('a normal load logs nothing to the console; ?debug=1 logs the data warnings for editors', async () => {
  const { page, log, context } = await openPage(browser, { url: server.base + '?year=2019&country=KEN' });
  await mapReady(page);
  await page.locator('#c-UGA').hover();
  await page.waitForTimeout(300);
  assert.deepEqual(log.console, [], 'no console message of any type');
  await context.close();
  // A dataset with one deployment on a single source: ?debug=1 names it in a console warning.
  const one = structuredClone(data);
  const d = one.deployments.find((x) => x.sources.length > 1);
  d.sources = d.sources.slice(0, 1);
  for (const q of ['?data=alt/data.json', '?debug=1&data=alt/data.json']) {
    const { page, log, context } = await openPage(browser, { url: server.base + q, route: routeAlt(JSON.stringify(one)) });
    await mapReady(page);
    await page.waitForTimeout(300);
    const mine = log.console.filter((m) => m.includes(`deployments/${d.id}:`) && m.includes('single source'));
    if (q.includes('debug')) {
      assert.equal(mine.length, 1, `debug logs the warning: ${log.console.join(' | ')}`);
      assert.ok(log.console.every((m) => m.startsWith('warning: ')), 'warnings only');
    } else {
      assert.deepEqual(log.console, [], 'without debug the same data logs nothing');
    }
    await context.close();
  }
});

test('?data= failures show the problem in the widget, never a blank page', async () => {
  const big = JSON.stringify({ deployments: [], pad: 'x'.repeat(6 * 1024 * 1024) });
  const cases = [
    [{ status: 404 }, 'nope', /could not be loaded[\s\S]*HTTP 404/],
    [{}, '<!doctype html><p>Error</p>', /is not valid JSON/],
    [{}, JSON.stringify({ deployments: [{ id: 'x' }] }), /does not match the schema/],
    [{}, JSON.stringify({ ...data, deployments: [{ ...data.deployments[0], country: 'XXX', summary: '<img src=x onerror=alert(1)>' }] }), /unknown country code "XXX"/],
    [{}, big, /limit is 5242880/],
  ];
  for (const [opts, body, expected] of cases) {
    const { page, log, context } = await openPage(browser, { url: server.base + '?data=alt/data.json', route: routeAlt(body, opts) });
    const alert = page.locator('[role=alert]').first();
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), expected);
    assert.ok(await page.locator('button.retry').isVisible());
    assert.deepEqual(log.pageErrors, []);
    assert.equal(await page.locator('img').count(), 0, 'markup in data is never injected');
    await context.close();
  }
});

test('500 random and malformed query strings each leave a working widget', async () => {
  // A deterministic generator, so a failure can be reproduced.
  let seed = 20261127;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const keys = ['year', 'country', 'company', 'category', 'evidence', 'tab', 'region', 'lang', 'theme', 'embed', 'mode', 'step', 'childId', 'data', 'x', '', '%', '%ZZ', 'year[]'];
  const values = ['2019', 'all', 'abc', '-1', '0', '99999', '1e9', 'KEN', 'XXX', 'ken', 'huawei,,nope', 'safe-city,lasers', 'confirmed', 'table', 'globe', 'africa', 'mars', 'fr', 'de', 'dark', 'pink', '1', 'present', '3', '999', '', '%', '%E0%A4%A', '<script>alert(1)</script>', 'javascript:alert(1)', "'\"><svg onload=alert(1)>", '\u0000', '🦀', 'a'.repeat(300)];
  const queries = [];
  for (let i = 0; i < 500; i++) {
    const parts = [];
    for (let j = 0, n = 1 + rnd(5); j < n; j++) {
      const k = keys[rnd(keys.length)];
      const v = values[rnd(values.length)];
      parts.push(rnd(7) === 0 ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${rnd(3) ? encodeURIComponent(v) : v.replace(/[#&]/g, '')}`);
    }
    queries.push('?' + parts.join(rnd(9) === 0 ? '&&' : '&'));
  }
  const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
  // Route data loads so that ?data=… points at the bundled file and the loop stays fast.
  await context.route('**/*', (r) => r.continue());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  let checked = 0;
  for (const q of queries) {
    await page.goto(server.base + q);
    // Either the loaded widget (map, table or story view), or a visible error with a retry
    // button (e.g. ?data= naming a missing file).
    await page.waitForSelector('html.ready svg.map path, html.ready [role=alert] button.retry', { state: 'attached', timeout: 15000 })
      .catch((e) => { throw new Error(`query ${q}: ${e.message}`); });
    assert.deepEqual(errors, [], `query ${q}`);
    assert.ok((await page.locator('.atlas').count()) === 1, `widget rendered for ${q}`);
    checked++;
  }
  assert.equal(checked, 500);
  await context.close();
});

test('no request ever goes to another origin', async () => {
  const { page, log, context } = await openPage(browser, { url: server.base + '?country=KEN&year=2019&tab=table' });
  await page.locator('.data-table').waitFor();
  await page.locator('#tab-map').click();
  await mapReady(page);
  await page.click('#c-UGA');
  await page.locator('.share summary').click();
  await page.locator('.zoom-in').click();
  await page.waitForTimeout(300);
  const foreign = log.requests.filter((u) => !u.startsWith(server.base));
  assert.deepEqual(foreign, []);
  await context.close();
});

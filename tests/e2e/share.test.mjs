// End-to-end: embedding (Pym.js and the host script), the strict CSP, presentation mode,
// downloads, citation, dark theme and French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, mapReady, startServer, screenshot, DIST, expectAttr, expectText } from './browser.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
let browser, server;
before(async () => { server = await startServer(DIST, { withPages: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Records CSP violations in every frame. */
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The full-height embed (`height=full`): the iframe grows with what the reader opens. (The
 *  default, bounded embed keeps the height its width chooses: see reader.test.mjs.) */
async function embedFollowsContent(article) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.base + article + (article.includes('pym') ? '?q=' + encodeURIComponent('&height=full') : ''));
  const iframe = page.locator('iframe');
  await iframe.waitFor();
  const frame = page.frames().find((f) => f !== page.mainFrame()) || (await (await iframe.elementHandle()).contentFrame());
  await frame.waitForSelector('html.ready svg.map path.shaded', { timeout: 20000 });
  const heightOf = async () => parseInt(await iframe.getAttribute('height'), 10);
  const fits = () => frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').getAttribute('height'), 10) > 450, null, { timeout: 10000 });
  const h1 = await heightOf();
  assert.ok((await fits()) <= 1, `no scrollbar inside (${await fits()} px over)`);
  assert.ok(await frame.locator('.atlas.embed').count(), 'compact embed layout');
  await frame.click('#c-KEN');
  await frame.locator('#country-panel[data-country=KEN]').waitFor();
  await page.waitForFunction((h) => parseInt(document.querySelector('iframe').getAttribute('height'), 10) > h + 100, h1, { timeout: 10000 });
  assert.ok((await fits()) <= 1, 'still no scrollbar after the panel opened');
  // The frame's own CSP reports no violation, and nothing threw.
  assert.deepEqual(await frame.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  await context.close();
  return h1;
}

test('embedded through Pym.js, the iframe height follows the content', async () => {
  const h = await embedFollowsContent('article/article-pym.html');
  assert.ok(h > 450);
});

test('embedded through the host script in a sandboxed iframe, the height follows the content', async () => {
  await embedFollowsContent('article/article-host.html');
});

test('the host script ignores height messages from other windows', async () => {
  const page = await browser.newPage();
  await page.goto(server.base + 'article/article-host.html');
  await page.locator('iframe').waitFor();
  await page.evaluate(() => window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 5 }, '*'));
  await page.evaluate(() => window.postMessage('pymxPYMxatlasxPYMxheightxPYMx7', '*'));
  await page.waitForTimeout(200);
  assert.notEqual(await page.locator('iframe').getAttribute('height'), '5');
  assert.notEqual(await page.locator('iframe').getAttribute('height'), '7');
  assert.ok(fs.statSync(path.join(DIST, 'embed.js')).size <= 2048, 'host script at most 2 KB');
  await page.close();
});

test('the page runs under its strict CSP with no violation', async () => {
  const context = await browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto(server.base + '?country=KEN&year=2019');
  await mapReady(page);
  await page.hover('#c-UGA');
  await page.locator('.zoom-in').click();
  const meta = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'"]) assert.ok(meta.includes(d), d);
  // JSON blocks (a language page's pack, the offline file's data) are data, never run, and CSP
  // allows them; the English page has none: boot.js fetches the data under connect-src 'self'.
  assert.equal(await page.locator('script:not([src]):not([type="application/json"])').count(), 0, 'no inline script');
  assert.equal(await page.locator('script[type="application/json"]').count(), 0, 'no data block in the page');
  assert.equal(await page.locator('[style]').count() >= 0, true);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('presentation mode: clicker keys, step number, Escape leaves', async () => {
  const { page, log, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  await page.locator('.share summary').click();
  await page.locator('.present-button').click();
  await page.locator('.atlas.present').waitFor();
  const count = page.locator('.story-count');
  const n = data.story.length;
  // Rendering follows the key press asynchronously: wait for the step shown.
  const step = (k) => page.waitForFunction((t) => document.querySelector('.story-count')?.innerText === t, `STEP ${k} / ${n}`, { timeout: 3000 });
  assert.ok(n >= 8 && n <= 15, `${n} story steps`);
  await step(1);
  assert.equal(await page.locator('[role=slider]').count(), 0, 'timeline hidden');
  const fontSize = await page.locator('.atlas').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 20, `large type (${fontSize}px)`);
  await page.keyboard.press('PageDown');
  await step(2);
  await expectText(page.locator('.story-year'), new RegExp(`^${data.story[1].year}`));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(' ');
  await step(4);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await step(2);
  if (data.story[1].country) await page.locator(`#c-${data.story[1].country}.selected, circle#c-${data.story[1].country}.selected`).first().waitFor();
  await page.keyboard.press('End');
  await step(n);
  // The address bar follows a step after a short delay (replace writes are batched).
  await page.waitForFunction((n) => new RegExp(`mode=present&step=${n}`).test(location.search), n, { timeout: 3000 });
  await page.locator('.story-prev').click();
  await step(n - 1);
  await screenshot(page, 'present-1280');
  await page.keyboard.press('Escape');
  await page.locator('.atlas.present').waitFor({ state: 'detached' });
  await page.waitForFunction(() => !location.search.includes('mode=present'), null, { timeout: 3000 });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('?mode=present opens the story at the given step', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?mode=present&step=3' });
  await page.locator('.story-count').waitFor();
  assert.equal(await page.locator('.story-count').innerText(), `STEP 3 / ${data.story.length}`);
  await context.close();
});

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test('downloads: SVG and PNG of the map, CSV and JSON of the filtered data; citation', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?year=2016&company=huawei' });
  await mapReady(page);
  await page.locator('.share summary').click();
  const visible = data.deployments.filter((d) => d.year <= 2016 && d.companies.includes('huawei'));

  const svg = await download(page, '.export.svg');
  assert.equal(svg.name, 'surveillance-atlas-map-2016-huawei.svg', 'the file name says the view');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(text, /Surveillance Atlas/);
  assert.match(text, /up to 2016/);
  assert.match(text, /Huawei/);
  assert.match(text, /Natural Earth/);
  assert.ok((text.match(/<path /g) || []).length > 150);

  const png = await download(page, '.export.png');
  assert.equal(png.name, 'surveillance-atlas-map-2016-huawei-16x9.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(png.bytes.readUInt32BE(16), 1920, 'slides: 1920 wide');
  assert.equal(png.bytes.readUInt32BE(20), 1080, 'slides: 1080 high (16:9)');
  assert.ok(png.bytes.length > 20000);
  fs.mkdirSync(path.join(path.dirname(DIST), 'target', 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(path.dirname(DIST), 'target', 'screenshots', 'export-16x9.png'), png.bytes);
  const square = await download(page, '.export.png-square');
  assert.equal(square.name, 'surveillance-atlas-map-2016-huawei-square.png');
  assert.equal(square.bytes.readUInt32BE(16), 1080, 'square: 1080 wide');
  assert.equal(square.bytes.readUInt32BE(20), 1080, 'square: 1080 high');
  fs.writeFileSync(path.join(path.dirname(DIST), 'target', 'screenshots', 'export-square.png'), square.bytes);
  // The SVG's legend explains the outline of countries new in 2016.
  assert.match(text, /Orange outline: new deployments in the year shown/);
  assert.match(text, /China: where the exports come from/);

  // The CSV is for people: a byte-order mark, then names beside the ids.
  const csv = await download(page, '.export.csv');
  assert.equal(csv.name, 'surveillance-atlas-deployments-2016-huawei.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  const header = rows[0];
  assert.deepEqual(header, ['id', 'country', 'country_name', 'place', 'year', 'end_year', 'announced', 'signed', 'live', 'cancelled', 'companies', 'company_names', 'categories', 'category_names', 'summary', 'evidence', 'evidence_name', 'disputed', 'sources', 'source_titles', 'source_urls', 'key_source']);
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  assert.deepEqual(records.map((r) => r.id).sort(), visible.map((d) => d.id).sort());
  const ken = records.find((r) => r.country === 'KEN');
  assert.ok(ken, 'a Kenyan row');
  assert.equal(ken.country_name, 'Kenya');
  assert.match(ken.company_names, /Huawei/);
  assert.match(ken.category_names, /CCTV and safe city|[A-Z][a-z]+/);
  const kd = data.deployments.find((d) => d.id === ken.id);
  const src = data.sources.find((x) => x.id === kd.sources[0]);
  assert.ok(ken.source_titles.startsWith(`${src.publisher}: ${src.title}`), ken.source_titles);
  if (src.url) assert.equal(ken.source_urls.split('; ')[0], src.url);
  assert.ok(!/^[a-z0-9-]+$/.test(ken.category_names), 'categories in words, not ids');

  const jsonFile = await download(page, '.export.json');
  assert.equal(jsonFile.name, 'surveillance-atlas-data-2016-huawei.json');
  const json = JSON.parse(jsonFile.bytes.toString('utf8'));
  assert.deepEqual(json.deployments.map((d) => d.id).sort(), visible.map((d) => d.id).sort());
  for (const d of json.deployments) for (const s of d.sources) assert.ok(json.sources.some((x) => x.id === s), s);

  const cite = await page.locator('#cite-text').inputValue();
  assert.match(cite, /Surveillance Atlas \(20\d\d\)/);
  assert.ok(cite.includes('?year=2016&company=huawei'), cite);
  const snippet = await page.locator('#embed-code').inputValue();
  assert.match(snippet, /<iframe src="[^"]*\?year=2016&amp;company=huawei(&amp;lang=en)?&amp;embed=1" title="[^"]+" width="100%" height="\d+"/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.copy-cite').click();
  await page.locator('.share-status', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cite);
  await context.close();
});

test('dark theme by preference and by ?theme=dark; light override', async () => {
  for (const [scheme, q, dark] of [['dark', '', true], ['light', '?theme=dark', true], ['dark', '?theme=light', false]]) {
    const { page, context } = await openPage(browser, { url: server.base + q + (q ? '&' : '?') + 'country=KEN', colorScheme: scheme });
    await mapReady(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.equal((r + g + b) / 3 < 60, dark, `${scheme} ${q}: ${bg}`);
    if (q === '?theme=dark') await screenshot(page, 'theme-dark-1280');
    await context.close();
  }
});

test('French with ?lang=fr: interface, categories and country names', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?lang=fr&country=CIV' });
  await mapReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await page.locator('h1').innerText(), 'Atlas de la surveillance');
  assert.equal(await page.locator('#tab-map').innerText(), 'Carte');
  assert.equal(await page.locator('#country-panel h2').innerText(), "Côte d'Ivoire");
  await expectText(page.locator('#summary-line'), /pays · \d+ déploiements/);
  await expectText(page.locator('#country-panel'), /Vidéosurveillance/);
  // Each summary is marked with its language: French where the data translates it, else English.
  const civ = data.deployments.filter((d) => d.country === 'CIV').sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
  for (const [i, d] of civ.entries()) {
    await expectAttr(page.locator('#country-panel .summary').nth(i), 'lang', d.translations?.fr?.summary ? 'fr' : 'en', `${d.id}: summary marked with its language`);
  }
  // (Untranslated summaries marked English in French: i18n.test.mjs, Ecuador.)
  await screenshot(page, 'french-1280');
  // The browser's language is followed when there is no ?lang=.
  const fr = await browser.newContext({ locale: 'fr-FR' });
  const p2 = await fr.newPage();
  await p2.goto(server.base);
  await p2.waitForSelector('html.ready svg.map path.shaded');
  assert.equal(await p2.evaluate(() => document.documentElement.lang), 'fr');
  await fr.close();
  await context.close();
});

test('print: map, legend and the selected country entries, no controls', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?country=KEN' });
  await mapReady(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.toolbar', '.filters', '.share', '.tl-track', '.zoom-controls', '.events', '.panel .close']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} hidden in print`);
  }
  for (const shown of ['svg.map', '.legend .scale', '#country-panel', '#country-panel article.deployment', '.credits']) {
    assert.equal(await page.locator(shown).first().isVisible(), true, `${shown} printed`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await context.close();
});

test('print in the dark theme uses the light palette and says the year and filters shown', async () => {
  for (const [q, scheme] of [['?theme=dark&year=2019&company=huawei&country=KEN', 'light'], ['?year=2019&company=huawei&country=KEN', 'dark']]) {
    const { page, context } = await openPage(browser, { url: server.base + q, colorScheme: scheme });
    await mapReady(page);
    const lum = (c) => { const [r, g, b] = c.match(/\d+/g).map(Number); return (r + g + b) / 3; };
    assert.ok(lum(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) < 60, 'dark on screen');
    assert.equal(await page.locator('.print-view').isVisible(), false, 'the print header is for print only');
    await page.emulateMedia({ media: 'print' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(lum(bg) > 240, `light background in print (${bg})`);
    // The colour scale is the light one (its bins, not the dark theme's reversed ones); land is light.
    // (China, the origin, is hatched instead of binned.)
    const light = ['rgb(198, 219, 239)', 'rgb(107, 174, 214)', 'rgb(33, 113, 181)', 'rgb(8, 48, 107)'];
    const fills = await page.evaluate(() => [...document.querySelectorAll('svg.map path.shaded:not(.origin)')].map((p) => getComputedStyle(p).fill));
    assert.ok(fills.length > 5);
    for (const f of fills) assert.ok(light.includes(f), `a light-palette bin on paper (${f})`);
    const land = await page.evaluate(() => getComputedStyle(document.querySelector('svg.map path:not(.shaded)')).fill);
    assert.ok(lum(land) > 200, `unshaded land is light (${land})`);
    const header = page.locator('.print-view');
    assert.equal(await header.isVisible(), true, 'the view is printed');
    assert.match(await header.innerText(), /2019[\s\S]*Huawei[\s\S]*\d+ countr/);
    await screenshot(page, `print-dark-${scheme}`);
    await context.close();
  }
});

// The prerendered first view (atlas-prerender): the HTML alone holds the map; without JavaScript
// the page is readable and audited; with it, the app hydrates the markup without a warning, a
// duplicated node or a layout shift; country pages hydrate with their panel; preview tags resolve.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, mapReady, startServer, DIST, SHOTS } from './browser.mjs';

const world = JSON.parse(fs.readFileSync(path.join(DIST, 'geo/world.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const shapes = world.countries.filter((c) => c.path).length;
const countries = new Set(data.deployments.map((d) => d.country));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser, server;
before(async () => { server = await startServer(); browser = await launch(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

/** Records console warnings and errors, page errors, and layout shifts from the first paint. */
async function watched(url, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { context, page, messages, requests };
}

/** Elements inside #app: the markup the prerender wrote, or what the app made of it. */
const appNodes = (page) => page.evaluate(() => document.querySelectorAll('#app *').length);

test('the HTML response alone holds the map and a table of every deployment, not the data', async () => {
  const html = await (await fetch(server.base)).text();
  const app = html.slice(html.indexOf('<main id="app"'), html.indexOf('</main>'));
  assert.equal((app.match(/<path [^>]*class="country bin-/g) || []).length, shapes, 'every shape in #app');
  for (const c of countries) assert.ok(app.includes(`id="c-${c}"`), `${c} shaded`);
  assert.ok(app.includes('class="legend"') && app.includes('class="tl-chart"') && app.includes('class="glance"'));
  assert.ok(!html.includes('id="atlas-data"') && !html.includes('id="atlas-geo"'), 'the data is requested beside the wasm, once for every page');
  const table = html.slice(html.indexOf('<noscript><section class="static-index">'));
  for (const d of data.deployments) assert.ok(table.includes(`id="row-${d.id}"`), `row ${d.id}`);
});

/** The page as a browser without JavaScript parses it (boot.js gone, <noscript> content live),
 *  in a context where axe-core can run: axe cannot be injected where scripts are disabled. */
async function noScriptView(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.route(/\/(index\.html)?$/, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace('<script src=boot.js type=module></script>', '').replace(/<\/?noscript>/g, '');
    await route.fulfill({ response: res, body });
  });
  const page = await context.newPage();
  await page.goto(server.base);
  return { context, page };
}

test('without JavaScript: map, legend, figures, events and every deployment with sources; no app-only control', async () => {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.base);
    assert.ok(await page.locator('svg.map path.shaded').first().isVisible(), 'map');
    assert.equal(await page.locator('svg.map path.country').count(), shapes);
    for (const sel of ['.legend', '.glance', '.timeline .tl-chart', '.credits']) assert.ok(await page.locator(sel).first().isVisible(), sel);
    assert.ok(await page.locator('.event').first().isVisible(), 'events');
    const rows = page.locator('.static-index tbody tr');
    assert.equal(await rows.count(), data.deployments.length);
    const link = page.locator('.static-index a[href^="http"]').first();
    assert.ok(await link.isVisible(), 'source links shown');
    assert.equal(await link.getAttribute('target'), '_blank');
    for (const sel of ['.search', '.tabs', '.zoom-controls', '.tl-controls', '.filters', '.share', '.prefs']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} hidden without JavaScript`);
    }
    assert.ok(!requests.some((u) => u.endsWith('.json')), 'nothing fetched for the data');
    await page.screenshot({ path: `${SHOTS}/prerender-nojs-${width}.png` });
    // A country link leads to its page.
    await page.locator('.static-index a[href="country/ken/"]').first().click();
    await page.waitForURL(/country\/ken\/$/);
    assert.ok(await page.locator('#country-panel[data-country=KEN]').isVisible());
    await context.close();
  }
});

test('without JavaScript: axe-core finds no violation', async () => {
  for (const width of [375, 1280]) {
    const { context, page } = await noScriptView(width);
    assert.equal(await page.locator('.static-index tbody tr').count(), data.deployments.length, 'no-script table live');
    assert.equal(await page.locator('.filters').isVisible(), false, 'noscript.css applied');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('ready')), false, 'the app did not run');
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`), [], `axe at ${width} px`);
    await context.close();
  }
});

/** How many times each of the bundled files was requested. */
const fetchedOnce = (requests) => ['data/atlas.json', 'geo/world.json'].map((f) => requests.filter((u) => u.endsWith('/' + f)).length);

test('hydration: no warning, the same nodes, no layout shift, the data fetched once, Kenya still opens', async () => {
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p0 = await nojs.newPage();
  await p0.goto(server.base);
  const before = await appNodes(p0);
  await nojs.close();
  for (const width of [375, 1280]) {
    const { context, page, messages, requests } = await watched(server.base, { width });
    await mapReady(page);
    await page.waitForTimeout(500);
    assert.deepEqual(messages, [], 'console clean through hydration');
    assert.equal(await appNodes(page), before, 'hydration leaves the prerendered tree as it was');
    assert.equal(await page.locator('svg.map path.country').count(), shapes, 'no duplicated shapes');
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.01, `layout shift ${shift}`);
    assert.deepEqual(fetchedOnce(requests), [1, 1], `dataset and geometry fetched once each: ${requests.join(' ')}`);
    assert.ok(await page.locator('.filters').isVisible(), 'controls shown once the app runs');
    await page.screenshot({ path: `${SHOTS}/prerender-hydrated-${width}.png` });
    await page.click('#c-KEN');
    await page.locator('#country-panel[data-country=KEN]').waitFor({ timeout: 3000 });
    assert.deepEqual(messages, []);
    await context.close();
  }
});

test('the URL view is applied after hydrating', async () => {
  const { context, page, messages } = await watched(server.base + '?country=UGA&year=2015&lang=fr');
  await mapReady(page);
  await page.locator('#country-panel[data-country=UGA]').waitFor({ timeout: 3000 });
  assert.equal(await page.locator('[role=slider]').getAttribute('aria-valuenow'), '2015');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.deepEqual(messages, []);
  await context.close();
});

test('a country page hydrates with its panel open; Escape closes it', async () => {
  const { context, page, messages } = await watched(server.base + 'country/ken/');
  assert.equal(await page.title(), 'Kenya · Surveillance Atlas');
  await mapReady(page);
  const panel = page.locator('#country-panel[data-country=KEN]');
  assert.ok(await panel.isVisible());
  assert.equal(await page.locator('svg.map path.country').count(), shapes);
  await page.waitForTimeout(300);
  assert.deepEqual(messages, [], 'console clean');
  await page.focus('#country-panel h2');
  await page.keyboard.press('Escape');
  await page.locator('#country-panel').waitFor({ state: 'detached', timeout: 3000 });
  await context.close();
});

test('every country with an entry has a page; preview tags resolve to 1200×630 images', async () => {
  for (const c of countries) assert.ok(fs.existsSync(path.join(DIST, 'country', c.toLowerCase(), 'index.html')), c);
  for (const rel of ['', 'country/ken/']) {
    const url = new URL(rel, server.base);
    const html = await (await fetch(url)).text();
    const meta = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1];
    assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
    for (const img of [meta('property', 'og:image'), meta('name', 'twitter:image')]) {
      assert.ok(img, `${rel} image tag`);
      const res = await fetch(new URL(img, url));
      assert.equal(res.status, 200, `${rel}: ${img}`);
      const buf = Buffer.from(await res.arrayBuffer());
      assert.equal(buf.toString('ascii', 1, 4), 'PNG');
      assert.deepEqual([buf.readUInt32BE(16), buf.readUInt32BE(20)], [1200, 630]);
    }
    const canonical = html.match(/<link rel="canonical" href="([^"]*)"/)[1];
    const base = html.match(/<base href="([^"]*)"/)?.[1];
    const res = await fetch(new URL(canonical, new URL(base || '.', url)));
    assert.equal(res.status, 200, `canonical of ${rel}`);
  }
});

/** The text of a share-panel field once the panel is open. */
async function shareField(page, id) {
  if (!(await page.locator('details.share').evaluate((d) => d.open))) await page.click('details.share > summary');
  const field = page.locator(`#${id}`);
  await page.waitForFunction((sel) => document.querySelector(sel).value.length > 0, `#${id}`);
  return field.inputValue();
}
const attr = (html, tag, name) => html.match(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`))?.[1]?.replace(/&amp;/g, '&');

test('embed dialog: AMP and newsletter snippets point at the view, its page and a preview that exists', async () => {
  // A selected country: its own page and its own preview.
  const { context, page, messages } = await watched(server.base + '?country=KEN&year=2015');
  await mapReady(page);
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  const amp = await shareField(page, 'amp-code');
  assert.match(amp, /^<amp-iframe [^>]*layout="responsive"[^>]*>/);
  assert.match(amp, /sandbox="allow-scripts allow-same-origin allow-popups[^"]*"/);
  assert.match(amp, /width="\d+" height="\d+"/);
  const src = new URL(attr(amp, 'amp-iframe', 'src'));
  assert.equal(src.origin + src.pathname, `${server.base}country/ken/`, 'the frame shows the country page');
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('year'), '2015');
  assert.match(amp, /<amp-img placeholder layout="fill"[^>]*>/);
  const placeholder = attr(amp, 'amp-img', 'src');
  assert.equal(placeholder, `${server.base}country/ken/preview.png`);
  assert.ok(fs.existsSync(path.join(DIST, 'country/ken/preview.png')), 'the placeholder is in dist');
  assert.match(attr(amp, 'amp-img', 'alt'), /Kenya/);
  const image = await shareField(page, 'image-code');
  assert.match(image, /^<a href="[^"]+"><img [^>]*><\/a>$/);
  assert.equal(attr(image, 'a', 'href'), `${server.base}country/ken/?year=2015`);
  assert.equal(attr(image, 'img', 'src'), placeholder);
  assert.match(attr(image, 'img', 'alt'), /Kenya/);
  // The citation's link is the country page too, and it opens the same view.
  const cite = await shareField(page, 'cite-text');
  assert.ok(cite.includes(`${server.base}country/ken/?year=2015`), cite);
  for (const res of [await fetch(placeholder), await fetch(src)]) assert.equal(res.status, 200, res.url);
  await page.goto(attr(image, 'a', 'href'));
  await mapReady(page);
  await page.locator('#country-panel[data-country=KEN]').waitFor({ timeout: 3000 });
  assert.equal(await page.locator('[role=slider]').getAttribute('aria-valuenow'), '2015');
  assert.deepEqual(messages, []);
  await context.close();

  // No selection, in French: the French home page and its preview; French labels and alt text.
  const home = await watched(server.base + '?lang=fr');
  await mapReady(home.page);
  const amp2 = await shareField(home.page, 'amp-code');
  assert.equal(attr(amp2, 'amp-img', 'src'), `${server.base}fr/preview.png`);
  assert.ok(fs.existsSync(path.join(DIST, 'fr/preview.png')));
  assert.match(attr(amp2, 'amp-img', 'alt'), /^Atlas de la surveillance: /);
  assert.equal(await home.page.locator('label[for=amp-code]').innerText(), 'Code AMP (pages Google AMP)');
  const image2 = await shareField(home.page, 'image-code');
  assert.equal(attr(image2, 'img', 'src'), `${server.base}fr/preview.png`);
  assert.equal(new URL(attr(image2, 'a', 'href')).pathname, '/fr/');
  await home.page.screenshot({ path: `${SHOTS}/prerender-share-fr-1280.png`, fullPage: true });
  assert.deepEqual(home.messages, []);
  await home.context.close();
});

test('every other language has its own prerendered home page: readable without JavaScript, hydrated in that language without fetching its pack', async () => {
  const TITLES = { fr: 'Atlas de la surveillance', es: 'Atlas de la vigilancia', pt: 'Atlas da vigilância', ar: 'أطلس المراقبة', zh: '监控技术地图集' };
  for (const [lang, title] of Object.entries(TITLES)) {
    // Without JavaScript: the page, its table and its language links are in the language.
    const nojs = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const p = await nojs.newPage();
    await p.goto(`${server.base}${lang}/`);
    assert.deepEqual(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [lang, lang === 'ar' ? 'rtl' : 'ltr']);
    assert.equal(await p.locator('h1').innerText(), title);
    assert.ok(await p.locator('svg.map path.shaded').first().isVisible(), `${lang}: map`);
    assert.equal(await p.locator('.static-index tbody tr').count(), data.deployments.length, `${lang}: every deployment`);
    assert.ok(await p.locator('.static-langs a[hreflang=en]').isVisible(), `${lang}: link to English`);
    const before = await appNodes(p);
    if (lang === 'ar' || lang === 'zh') await p.screenshot({ path: `${SHOTS}/prerender-nojs-${lang}-375.png` });
    // The English link goes to the English home page.
    await p.locator('.static-langs a[hreflang=en]').click();
    await p.waitForURL(server.base);
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
    await nojs.close();
    // With JavaScript: hydrated in the language, the same nodes, no warning, no pack fetched.
    const { context, page, messages, requests } = await watched(`${server.base}${lang}/`, { width: 1280 });
    await mapReady(page);
    await page.waitForTimeout(300);
    assert.deepEqual(messages, [], `${lang}: console clean through hydration`);
    assert.equal(await appNodes(page), before, `${lang}: hydration keeps the prerendered tree`);
    assert.equal(await page.locator('h1').innerText(), title);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.ok(!requests.some((u) => /\/i18n\/[a-z]{2}\.json/.test(u)), `${lang}: the pack is in the page: ${requests.join(' ')}`);
    assert.deepEqual(fetchedOnce(requests), [1, 1], `${lang}: dataset and geometry fetched once each`);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.01, `${lang}: layout shift ${shift}`);
    await page.click('#c-KEN');
    await page.locator('#country-panel[data-country=KEN]').waitFor({ timeout: 3000 });
    if (lang === 'ar') await page.screenshot({ path: `${SHOTS}/prerender-hydrated-ar-1280.png` });
    await context.close();
  }
});

test('every country page exists in every language: readable without JavaScript, hydrated with its panel, shared as itself', async () => {
  const langs = ['fr', 'es', 'pt', 'ar', 'zh'];
  for (const c of countries) for (const l of langs) assert.ok(fs.existsSync(path.join(DIST, l, 'country', c.toLowerCase(), 'index.html')), `${l} ${c}`);
  const kenya = data.deployments.filter((d) => d.country === 'KEN').length;
  for (const lang of langs) {
    const names = JSON.parse(fs.readFileSync(path.join(DIST, `i18n/${lang}.json`), 'utf8')).countries;
    // Without JavaScript: the panel in the flow with Kenya's deployments and sources, a link to
    // the whole table, the same page in the other languages.
    for (const width of lang === 'ar' ? [375, 1280] : [375]) {
      const nojs = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const p = await nojs.newPage();
      await p.goto(`${server.base}${lang}/country/ken/`);
      assert.equal(await p.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await p.locator('#country-panel h2').innerText(), names.KEN, `${lang}: panel in the language`);
      assert.equal(await p.locator('#country-panel article.deployment[id^=d-]').count(), kenya, `${lang}: Kenya's deployments in the panel`);
      assert.ok(await p.locator('#country-panel a[href^="http"]').first().isVisible(), `${lang}: their sources`);
      assert.equal(await p.locator('.static-index table').count(), 0, `${lang}: no second copy in a table`);
      assert.ok(await p.locator('.static-langs a[hreflang=en]').isVisible());
      if (lang === 'ar' || lang === 'zh') await p.screenshot({ path: `${SHOTS}/prerender-country-nojs-${lang}-${width}.png`, fullPage: true });
      await p.locator('.static-all a').click();
      await p.waitForURL(`${server.base}${lang}/`);
      assert.equal(await p.locator('.static-index tbody tr').count(), data.deployments.length, `${lang}: the whole table`);
      await nojs.close();
    }
    // With JavaScript: hydrated in the language with the panel open, no warning; the share
    // link is the page itself.
    const { context, page, messages, requests } = await watched(`${server.base}${lang}/country/ken/`, { width: 1280 });
    await mapReady(page);
    await page.waitForTimeout(300);
    assert.deepEqual(messages, [], `${lang}: console clean`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.locator('#country-panel[data-country=KEN] h2').innerText(), names.KEN);
    assert.ok(!requests.some((u) => /\/i18n\/[a-z]{2}\.json/.test(u)), `${lang}: the pack is in the page`);
    const image = await shareField(page, 'image-code');
    assert.equal(attr(image, 'a', 'href'), `${server.base}${lang}/country/ken/`);
    assert.equal(attr(image, 'img', 'src'), `${server.base}${lang}/country/ken/preview.png`);
    // The embed snippet frames the page and loads the host script from the site root.
    const embed = await shareField(page, 'embed-code');
    assert.equal(attr(embed, 'iframe', 'src'), `${server.base}${lang}/country/ken/?lang=${lang}&embed=1`);
    assert.equal(attr(embed, 'script', 'src'), `${server.base}embed.js`);
    assert.equal((await fetch(attr(embed, 'script', 'src'))).status, 200);
    if (lang === 'ar') await page.screenshot({ path: `${SHOTS}/prerender-country-hydrated-ar-1280.png` });
    await page.focus('#country-panel h2');
    await page.keyboard.press('Escape');
    await page.locator('#country-panel').waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(messages, []);
    await context.close();
  }
  // The preview of a country page in another language is its own picture, in that language.
  const png = (rel) => fs.readFileSync(path.join(DIST, rel));
  assert.notDeepEqual(png('zh/country/ken/preview.png'), png('country/ken/preview.png'));
});

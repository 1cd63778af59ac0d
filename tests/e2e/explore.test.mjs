// End-to-end: timeline, Play, filters, search, table, zoom and URL state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, mapReady, startServer, screenshot, DIST, expectAttr, expectText } from './browser.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const years = data.deployments.map((d) => d.year).concat(data.events.map((e) => Number(e.date.slice(0, 4))));
const [MIN, MAX] = [Math.min(...years), Math.max(...years)];

let browser, server;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Countries shaded by the filtered deployments (China, the origin, is a button whatever the filters).
const shadedCount = (page) => page.locator('svg.map [role=button]:not(.origin)').count();
const summary = (page) => page.locator('#summary-line').innerText();
const query = (page) => new URL(page.url()).search;
/** The URL is written in an effect after render: wait for it. */
async function expectQuery(page, expected) {
  await page.waitForFunction((q) => location.search === q, expected, { timeout: 3000 }).catch(() => {});
  assert.equal(await query(page), expected);
}

test('the year slider follows the WAI-ARIA pattern and the map follows it', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const slider = page.locator('[role=slider]');
  await expectAttr(slider, 'aria-valuemin', String(MIN));
  await expectAttr(slider, 'aria-valuemax', String(MAX));
  const all = await shadedCount(page);
  await slider.focus();
  await page.keyboard.press('Home');
  await expectAttr(slider, 'aria-valuenow', String(MIN));
  const atStart = await shadedCount(page);
  assert.ok(atStart < all, `fewer countries at ${MIN} (${atStart}) than in all years (${all})`);
  await page.keyboard.press('ArrowRight');
  await expectAttr(slider, 'aria-valuenow', String(MIN + 1));
  await page.keyboard.press('PageUp');
  await expectAttr(slider, 'aria-valuenow', String(MIN + 6));
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowLeft');
  await expectAttr(slider, 'aria-valuenow', String(MIN));
  await page.keyboard.press('End');
  await expectAttr(slider, 'aria-valuenow', String(MAX));
  assert.match(await slider.getAttribute('aria-valuetext'), new RegExp(`^${MAX}: \\d+ countr(y|ies), \\d+ deployments?$`));
  await expectQuery(page, `?year=${MAX}`);
  // Cumulative: the 2019 map has at least as many countries as 2015's, and 2019's new ones are outlined.
  await page.locator('.tl-controls .all').click();
  await expectQuery(page, '');
  await context.close();
});

test('timeline: a key to its colours, numbered key-event markers, an axis label, a tooltip per bar on focus and hover; one year range', async () => {
  const shots = [];
  for (const [width, scheme] of [[1280, 'light'], [375, 'dark']]) {
    const { page, log, context } = await openPage(browser, { url: server.base, width, colorScheme: scheme });
    await mapReady(page);
    // One range: the readout and the summary line give the same span.
    await expectText(page.locator('.year-readout'), `${MIN}–${MAX}`);
    assert.match(await summary(page), new RegExp(` · ${MIN}–${MAX}$`));
    // The key names each technology drawn in the bars, and the event marker.
    const drawn = new Set(data.deployments.map((d) => d.categories[0]));
    assert.equal(await page.locator('.tl-key .cat-swatch').count(), drawn.size);
    for (const c of drawn) assert.equal(await page.locator(`.tl-key .cat-swatch.cat-${c}`).count(), 1, c);
    assert.match(await page.locator('.tl-key').innerText(), /deployments begun each year[\s\S]*Key events/);
    // Markers: one numbered badge per year with events, each number the count of that year's events.
    const perYear = {};
    for (const e of data.events) perYear[e.date.slice(0, 4)] = (perYear[e.date.slice(0, 4)] || 0) + 1;
    assert.equal(await page.locator('.tl-events .ev-badge').count(), Object.keys(perYear).length);
    assert.equal(await page.locator('.tl-events li[data-year="2019"] .ev-badge').innerText(), String(perYear['2019']));
    // Focus on the slider opens the tooltip of its year's bar; arrows move it; Escape dismisses it.
    const tip = page.locator('#tl-tip');
    assert.equal(await tip.isVisible(), false, 'no tooltip before focus');
    await page.locator('[role=slider]').focus();
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.innerText(), new RegExp(`^${MIN}–${MAX}: ${data.deployments.length} deployments`));
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    const y = MIN + 5;
    const begun = data.deployments.filter((d) => d.year === y);
    await expectText(tip, new RegExp(`^${y}: ${begun.length} deployments?`));
    if (perYear[y]) assert.match(await tip.innerText(), new RegExp(`Key events: ${perYear[y]}`));
    assert.match(await page.locator('[role=slider]').getAttribute('aria-describedby'), /tl-tip/);
    const [tb, pb] = [await tip.boundingBox(), await page.locator('.timeline').boundingBox()];
    assert.ok(tb.x >= 0 && tb.x + tb.width <= width, `tooltip inside the viewport (${tb.x}, ${tb.width})`);
    assert.ok(tb.y + tb.height <= pb.y + pb.height, 'tooltip above the track');
    await screenshot(page, `timeline-tip-${width}-${scheme}`);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    if (width === 1280) {
      // Hover: the tooltip of the bar under the mouse (2019), gone when the mouse leaves.
      await page.locator('.toolbar').click({ position: { x: 2, y: 2 } });
      const box = await page.locator('.tl-track').boundingBox();
      const n = MAX - MIN + 1;
      await page.mouse.move(box.x + ((2019 - MIN + 0.5) / n) * box.width, box.y + box.height / 2);
      await expectText(tip, /^2019: \d+ deployments/);
      const cats = data.deployments.filter((d) => d.year === 2019).map((d) => d.categories[0]);
      assert.equal(await tip.locator('li').count(), new Set(cats).size, 'one line per technology');
      await page.mouse.move(box.x + box.width / 2, box.y - 200);
      await tip.waitFor({ state: 'hidden' });
    }
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test('dragging on the timeline sets the year', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const box = await page.locator('.tl-track').boundingBox();
  const n = MAX - MIN + 1;
  const xFor = (y) => box.x + ((y - MIN + 0.5) / n) * box.width;
  await page.mouse.move(xFor(2012), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(xFor(2014), box.y + box.height / 2, { steps: 5 });
  await expectAttr(page.locator('[role=slider]'), 'aria-valuenow', '2014');
  await page.mouse.move(xFor(2017), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expectAttr(page.locator('[role=slider]'), 'aria-valuenow', '2017');
  const newIn2017 = new Set(data.deployments.filter((d) => d.year === 2017).map((d) => d.country));
  assert.equal(await page.locator('svg.map .country.new, svg.map .marker.new').count(), newIn2017.size, 'new deployments stand out');
  await context.close();
});

test('Play advances year by year and Pause stops it', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?year=2015' });
  await mapReady(page);
  const slider = page.locator('[role=slider]');
  await page.locator('.tl-controls .play').click();
  await expectAttr(page.locator('.tl-controls .play'), 'aria-pressed', 'true');
  await page.waitForFunction(() => document.querySelector('[role=slider]').getAttribute('aria-valuenow') === '2017', null, { timeout: 5000 });
  await page.locator('.tl-controls .play').click();
  const stopped = await slider.getAttribute('aria-valuenow');
  await page.waitForTimeout(1500);
  await expectAttr(slider, 'aria-valuenow', stopped, 'paused');
  await expectText(page.locator('#year-announcer'), new RegExp(`^${stopped}: `));
  await context.close();
});

test('Play under reduced motion still steps', async () => {
  const { page, context } = await openPage(browser, { url: server.base + `?year=${MAX - 2}`, reducedMotion: 'reduce' });
  await mapReady(page);
  await page.locator('.tl-controls .play').click();
  // While playing, the live region is quiet.
  assert.equal(await page.locator('#year-announcer').innerText(), '');
  await page.waitForFunction((max) => document.querySelector('[role=slider]').getAttribute('aria-valuenow') === String(max), MAX, { timeout: 6000 });
  await page.waitForFunction(() => document.querySelector('.tl-controls .play').getAttribute('aria-pressed') === 'false', null, { timeout: 3000 });
  const duration = await page.locator('.viewport').evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.match(duration, /^0s/, 'no animated transitions under reduced motion');
  await context.close();
});

test('filters change the counts and reset restores them', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const before = await summary(page);
  const total = data.deployments.length;
  assert.match(before, new RegExp(`${new Set(data.deployments.map((d) => d.country)).size} countries · ${total} deployments`));
  await page.locator('.filters summary').click();
  // Each event card in the strip is tagged, to tell after the change whether it was kept or built again.
  const cardsBefore = await page.evaluate(() => [...document.querySelectorAll('.event-strip > li')].map((li) => ((li.__kept = true), li.id)));
  const stripHeight = () => page.evaluate(() => Math.round(document.querySelector('.event-strip').getBoundingClientRect().height));
  const heightBefore = await stripHeight();
  await page.locator('input[name=company][value=zte]').check();
  const zte = data.deployments.filter((d) => d.companies.includes('zte'));
  assert.match(await summary(page), new RegExp(`${new Set(zte.map((d) => d.country)).size} countr(y|ies) · ${zte.length} deployments?`));
  // A filter change keeps the DOM of every card it does not remove (the strip is keyed by year and event).
  const cards = await page.evaluate((ids) => [...document.querySelectorAll('.event-strip > li')].filter((li) => ids.includes(li.id)).map((li) => [li.id, li.__kept === true]), cardsBefore);
  assert.ok(cards.length > 0 && cards.length < cardsBefore.length, `the filter keeps some cards: ${cards.length} of ${cardsBefore.length}`);
  assert.deepEqual(cards.filter(([, kept]) => !kept).map(([id]) => id), [], 'cards that survive a filter change are not built again');
  // Off-screen cards skip rendering but keep their size: the strip's height does not move (the content below it does not shift).
  assert.equal(await page.locator('.event-strip > li').first().evaluate((li) => getComputedStyle(li).contentVisibility), 'auto');
  assert.equal(await stripHeight(), heightBefore, 'the strip keeps its height when the filters remove cards');
  assert.equal(await shadedCount(page), new Set(zte.map((d) => d.country)).size);
  await page.locator('input[name=evidence][value=confirmed]').check();
  const both = zte.filter((d) => d.evidence === 'confirmed');
  assert.match(await summary(page), new RegExp(`· ${both.length} deployments?`));
  await expectQuery(page, '?company=zte&evidence=confirmed');
  await page.locator('.filters .reset').click();
  assert.equal(await summary(page), before);
  assert.equal(await stripHeight(), heightBefore, 'the strip keeps its height when the cards come back');
  await context.close();
});

test('search is accent-insensitive and selects the result (combobox)', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const input = page.locator('#search-input');
  await input.fill("cote d'ivoire");
  await expectAttr(input, 'aria-expanded', 'true');
  await page.locator('#search-opt-0').waitFor();
  await page.keyboard.press('ArrowDown');
  await expectAttr(input, 'aria-activedescendant', 'search-opt-0');
  await expectText(page.locator('#search-opt-0'), /Ivory Coast|Côte/);
  await page.keyboard.press('Enter');
  await page.locator('#country-panel[data-country=CIV]').waitFor();
  await input.fill('nairobi');
  await page.keyboard.press('Enter');
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  await input.fill('HIKVISION');
  await page.keyboard.press('Enter');
  await expectQuery(page, '?country=KEN&company=hikvision');
  await context.close();
});

test('search tolerates typos and country names in other languages: "kenia" finds Kenya', async () => {
  // 'Quénia', 'Costa de Marfil' and '科特迪瓦' are found through i18n/names.json (loaded after start),
  // not by typo tolerance: names in languages whose packs the page has not loaded.
  for (const [q, iso3] of [['kenia', 'KEN'], ['Ugnada', 'UGA'], ['Ouganda', 'UGA'], ['Sérvia', 'SRB'], ['Quénia', 'KEN'], ['Costa de Marfil', 'CIV'], ['科特迪瓦', 'CIV']]) {
    const { page, context } = await openPage(browser, { url: server.base });
    await mapReady(page);
    const input = page.locator('#search-input');
    await input.fill(q);
    await expectAttr(input, 'aria-expanded', 'true');
    await page.locator('#search-opt-0').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator(`#country-panel[data-country=${iso3}]`).waitFor();
    if (q === 'kenia') await screenshot(page, 'search-kenia-1280');
    await context.close();
  }
});

test('the table lists the filtered deployments and sorts', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?tab=table&year=2016' });
  await page.locator('.data-table').waitFor();
  const upto = data.deployments.filter((d) => d.year <= 2016);
  assert.equal(await page.locator('.data-table tbody tr').count(), upto.length);
  const yearsCol = async () => (await page.locator('.data-table tbody td.num').allInnerTexts()).map((t) => Number(t.slice(0, 4)));
  const asc = await yearsCol();
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  await page.locator('th[aria-sort] button', { hasText: 'Year' }).click();
  await expectAttr(page.locator('th', { hasText: 'Year' }), 'aria-sort', 'descending');
  const desc = await yearsCol();
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  await page.locator('th button', { hasText: 'Country' }).click();
  const names = await page.locator('.data-table tbody th').allInnerTexts();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en')));
  await screenshot(page, 'table-1280-light');
  // Keyboard: the tabs follow the tab pattern.
  await page.locator('#tab-table').focus();
  await page.keyboard.press('ArrowLeft');
  await expectAttr(page.locator('#tab-map'), 'aria-selected', 'true');
  await context.close();
});

test('a URL with state reproduces the view after reload, and Back restores the selection', async () => {
  const q = '?year=2019&country=KEN&category=safe-city&region=africa';
  const { page, context } = await openPage(browser, { url: server.base + q });
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  await expectAttr(page.locator('[role=slider]'), 'aria-valuenow', '2019');
  assert.equal(await page.locator('input[name=category][value=safe-city]').isChecked(), true);
  assert.equal(await page.locator('.regions button[aria-pressed=true]').innerText(), 'Africa');
  await expectQuery(page, q);
  await page.reload();
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  await expectQuery(page, q);
  await page.click('#c-UGA');
  await page.locator('#country-panel[data-country=UGA]').waitFor();
  await page.click('#c-ZMB');
  await page.locator('#country-panel[data-country=ZMB]').waitFor();
  await expectQuery(page, q.replace('KEN', 'ZMB'));
  const entries = await page.evaluate(() => history.length);
  await page.goBack();
  await page.locator('#country-panel[data-country=UGA]').waitFor();
  await page.goBack();
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  await page.goForward();
  await page.locator('#country-panel[data-country=UGA]').waitFor();
  // Back and Forward in quick succession, without waiting for the views in between: restoring
  // a view never adds an entry (which would cut the Forward entries).
  await page.goForward();
  await page.goBack();
  await page.goBack();
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  await page.goForward();
  await page.goForward();
  await page.locator('#country-panel[data-country=ZMB]').waitFor();
  await expectQuery(page, q.replace('KEN', 'ZMB'));
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => history.length), entries, 'Back and Forward add no history entry');
  await context.close();
});

test('malformed URLs leave a working widget', async () => {
  for (const q of ['?year=abc&country=XXX&company=huawei,,nope', '?year=99999&tab=%ZZ&lang=<script>', '?country=KEN&country=&&&=&region=mars', '?' + 'x'.repeat(5000)]) {
    const { page, log, context } = await openPage(browser, { url: server.base + q });
    await mapReady(page);
    assert.deepEqual(log.pageErrors, [], q);
    assert.ok((await shadedCount(page)) > 0, q);
    if (q.includes('huawei')) assert.equal(await page.locator('input[name=company][value=huawei]').isChecked(), true, 'valid parts are honoured');
    if (q.startsWith('?country=KEN')) await page.locator('#country-panel[data-country=KEN]').waitFor();
    await context.close();
  }
});

test('zoom: buttons, keyboard and region presets', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const t = () => page.locator('.viewport').getAttribute('transform');
  const world = await t();
  await page.locator('.zoom-in').click();
  assert.notEqual(await t(), world);
  assert.match(await t(), /scale\(1\.6/);
  await page.locator('.zoom-out').click();
  assert.equal(await t(), world);
  await page.locator('.regions button', { hasText: 'Europe' }).click();
  await expectQuery(page, '?region=europe');
  const europe = await t();
  assert.notEqual(europe, world);
  await page.focus('#c-FRA');
  await page.keyboard.press('+');
  assert.notEqual(await t(), europe);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.locator('.regions button', { hasText: 'World' }).click();
  assert.equal(await t(), world);
  await screenshot(page, 'zoom-europe-1280');
  await context.close();
});

test('events follow the year; choosing one moves to its year and country', async () => {
  const { page, context } = await openPage(browser, { url: server.base + '?year=2019' });
  await mapReady(page);
  const current = page.locator('.event.current');
  assert.ok((await current.count()) > 0);
  // textContent, not innerText: cards off screen skip rendering (content-visibility), and innerText is rendered text.
  for (const t of await current.locator('.ev-meta time').allTextContents()) assert.match(t, /2019/);
  // A card's sources are a closed list with no links until it is opened; opening it shows every
  // cited source, linked over http(s); closing it removes them again.
  const first = data.events.find((e) => e.date.startsWith('2019') && e.sources.length > 0);
  const list = page.locator(`#e-${first.id} details.sources`);
  assert.equal((await list.locator('summary').textContent()).trim(), `Sources (${first.sources.length})`);
  assert.equal(await list.locator('a').count(), 0);
  await list.locator('summary').click();
  await page.waitForFunction((id) => document.querySelectorAll(`#e-${id} details.sources li.source`).length > 0, first.id);
  assert.equal(await list.locator('li.source').count(), first.sources.length);
  for (const href of await list.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) assert.match(href, /^https?:\/\//);
  await list.locator('summary').click();
  await page.waitForFunction((id) => document.querySelectorAll(`#e-${id} details.sources li`).length === 0, first.id);
  const withCountry = data.events.find((e) => e.country && e.date.startsWith('2016') && data.deployments.some((d) => d.country === e.country));
  await page.locator(`#e-${withCountry.id} .ev-choose`).click();
  await expectAttr(page.locator('[role=slider]'), 'aria-valuenow', '2016');
  await page.locator(`#country-panel[data-country=${withCountry.country}]`).waitFor();
  await context.close();
});

test('zoom: Ctrl + wheel zooms at the pointer, drag pans when zoomed, pinch zooms', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const t = () => page.locator('.viewport').getAttribute('transform');
  const world = await t();
  const box = await page.locator('svg.map').boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
  // Without a modifier the wheel scrolls the page, not the map.
  await page.mouse.wheel(0, -200);
  await page.waitForTimeout(150);
  assert.equal(await t(), world);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await page.waitForFunction((w) => document.querySelector('.viewport').getAttribute('transform') !== w, world);
  const zoomed = await t();
  // Drag to pan.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction((z) => document.querySelector('.viewport').getAttribute('transform') !== z, zoomed);
  // Pinch: two touch pointers moving apart (synthetic pointer events).
  await page.locator('.regions button', { hasText: 'World' }).click();
  await expectAttr(page.locator('.viewport'), 'transform', world);
  await page.evaluate(({ x, y }) => {
    const svg = document.querySelector('svg.map');
    const ev = (type, id, cx) => svg.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: cx, clientY: y, bubbles: true, isPrimary: id === 1 }));
    ev('pointerdown', 1, x - 20); ev('pointerdown', 2, x + 20);
    for (let i = 1; i <= 5; i++) ev('pointermove', 2, x + 20 + i * 15);
    ev('pointerup', 1, x - 20); ev('pointerup', 2, x + 95);
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await page.waitForFunction((w) => document.querySelector('.viewport').getAttribute('transform') !== w, world);
  assert.match(await t(), /scale\((1\.[1-9]|[2-8])/);
  await context.close();
});

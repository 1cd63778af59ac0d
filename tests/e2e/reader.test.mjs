// End-to-end: the map as readers meet it (issue 11, map and layout) — the selection seen at any
// year and theme, China as the origin, a phone's bottom sheet and small tap targets, arrow keys
// across the map, filters above the map, and embeds whose height the width chooses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, mapReady, startServer, screenshot, DIST } from './browser.mjs';

const world = JSON.parse(fs.readFileSync(path.join(DIST, 'geo/world.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const point = Object.fromEntries(world.countries.map((c) => [c.iso3, c.point]));

let browser, server;
before(async () => { server = await startServer(DIST, { withPages: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The computed stroke (colour and width) of every map shape, by id or index. */
const strokes = (page) => page.evaluate(() => [...document.querySelectorAll('svg.map .countries path, svg.map .markers circle')].map((el, i) => {
  const s = getComputedStyle(el);
  return { id: el.id || `#${i}`, stroke: `${s.stroke} ${s.strokeWidth}` };
}));

const inViewport = (page, sel) => page.locator(sel).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height > 0;
});

test('the selected country has a stroke no other shape has, above its neighbours, at any width and theme', async () => {
  for (const [width, height, scheme] of [[1280, 900, 'light'], [1280, 900, 'dark'], [375, 800, 'light'], [375, 800, 'dark']]) {
    const { page, context } = await openPage(browser, { url: server.base + '?year=2019&country=KEN', width, height, colorScheme: scheme });
    await mapReady(page);
    await page.locator('#country-panel[data-country=KEN]').waitFor();
    const all = await strokes(page);
    const ken = all.find((s) => s.id === 'c-KEN');
    assert.ok(ken, 'Kenya drawn');
    const same = all.filter((s) => s.id !== 'c-KEN' && s.stroke === ken.stroke);
    assert.deepEqual(same, [], `${width} ${scheme}: Kenya's stroke ${ken.stroke} is shared`);
    // Some countries are outlined as new in 2019: the outline is explained in the legend.
    assert.ok(await page.locator('svg.map .country.new').count() > 0, 'new-this-year outlines drawn');
    assert.match(await page.locator('.legend').innerText(), /new deployments in the year shown[\s\S]*Selected country/);
    // The halo and the selection line are the last things drawn in the map.
    const last = await page.evaluate(() => [...document.querySelector('svg.map .viewport').lastElementChild.children].map((e) => e.getAttribute('class')));
    assert.deepEqual(last.slice(0, 2), ['outline-halo', 'outline-selected']);
    const line = await page.locator('.outline-selected').evaluate((el) => getComputedStyle(el).stroke);
    assert.equal(line, ken.stroke.split(' ').slice(0, -1).join(' '), 'overlay in the selection colour');
    await screenshot(page, `reader-selected-2019-KEN-${width}-${scheme}`);
    await context.close();
  }
});

test('China is hatched as the origin, in the legend, and searching it shows its domestic events', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  assert.match(await page.locator('#c-CHN').evaluate((el) => getComputedStyle(el).fill), /url\("?#origin-hatch"?\)/);
  assert.match(await page.locator('.legend').innerText(), /China: where the exports come from/);
  const input = page.locator('#search-input');
  await input.fill('China');
  await page.keyboard.press('Enter');
  const panel = page.locator('#country-panel[data-country=CHN]');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.doesNotMatch(text, /No documented deployment/);
  const domestic = data.events.filter((e) => e.country === 'CHN');
  assert.ok(domestic.length > 0);
  assert.equal(await panel.locator('article.origin-event').count(), domestic.length);
  for (const e of domestic) assert.ok(text.includes(e.title), e.title);
  assert.ok(await inViewport(page, '#map-wrap') || (await page.locator('#map-wrap').evaluate((el) => el.getBoundingClientRect().top)) >= 0, 'map in view');
  await screenshot(page, 'reader-china-1280');
  await context.close();
});

test('phone: a tap on Kenya brings its summary into view in a bottom sheet; Escape and × return focus', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, { url: server.base, width: 375, height: 800, colorScheme: scheme });
    await mapReady(page);
    await page.click('#c-KEN');
    await page.locator('#country-panel[data-country=KEN]').waitFor();
    await page.waitForTimeout(300);
    assert.ok(await inViewport(page, '#panel-title'), 'country name in view');
    assert.ok(await inViewport(page, '#country-panel .count'), 'summary in view');
    // The selected country stays visible above the sheet.
    const [shape, sheet] = await page.evaluate(() => [document.getElementById('c-KEN').getBoundingClientRect().toJSON(), document.getElementById('country-panel').getBoundingClientRect().toJSON()]);
    assert.ok(shape.bottom <= sheet.top + 1 && shape.top >= 0, `Kenya above the sheet (${shape.bottom} vs ${sheet.top})`);
    await screenshot(page, `reader-phone-sheet-KEN-${scheme}`);
    // The whole panel is one press away.
    const h0 = sheet.height;
    await page.click('#country-panel .sheet-toggle');
    await page.waitForFunction((h) => document.getElementById('country-panel').getBoundingClientRect().height > h + 50, h0);
    assert.equal(await page.locator('#country-panel .sheet-toggle').getAttribute('aria-expanded'), 'true');
    await screenshot(page, `reader-phone-sheet-KEN-expanded-${scheme}`);
    await page.keyboard.press('Escape');
    await page.locator('#country-panel').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'c-KEN', 'Escape returns focus to Kenya');
    await page.click('#c-KEN');
    await page.locator('#country-panel .close').click();
    await page.locator('#country-panel').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'c-KEN', '× returns focus to Kenya');
    await context.close();
  }
});

/** Points on the map where nothing with entries is under the finger, 3–10 px from `iso3` and
 *  nearer to it than to any other country with entries (by 4 px for a shape; outlines sampled on screen),
 *  or (`onShape`) points 3–10 px from a marker that lie on another country's shape, nearer the
 *  marker than that shape's centre if it is small. */
const spotsNear = (page, iso3, onShape = false) => page.evaluate(([iso3, onShape]) => {
  const outline = (el) => {
    if (el.tagName === 'circle') { const b = el.getBoundingClientRect(); return { c: [b.x + b.width / 2, b.y + b.height / 2, b.width / 2] }; }
    const L = el.getTotalLength(), m = el.getScreenCTM(), pts = [];
    for (let i = 0; i < 400; i++) { const p = el.getPointAtLength((L * i) / 400).matrixTransform(m); pts.push([p.x, p.y]); }
    return { pts };
  };
  const dist = (o, x, y) => (o.c ? Math.max(0, Math.hypot(o.c[0] - x, o.c[1] - y) - o.c[2]) : Math.min(...o.pts.map(([a, b]) => Math.hypot(a - x, b - y))));
  const me = document.getElementById(`c-${iso3}`);
  const r = me.getBoundingClientRect();
  const near = (e) => { const b = e.getBoundingClientRect(); return b.right > r.left - 40 && b.left < r.right + 40 && b.bottom > r.top - 40 && b.top < r.bottom + 40; };
  const others = [...document.querySelectorAll('svg.map .shaded')].filter((e) => e !== me && near(e)).map(outline);
  const mine = outline(me), found = [];
  for (let y = r.top - 10; y <= r.bottom + 10; y += 1.5) {
    for (let x = r.left - 10; x <= r.right + 10; x += 1.5) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !hit.closest('svg.map')) continue;
      const d = dist(mine, x, y);
      if (d > 10 || d < 3) continue;
      if (onShape) {
        // On a small neighbour, the nearer centre wins (WCAG's 24 px circles): keep the points nearer the marker.
        const n = hit.closest('.shaded');
        const b = n && n.getBoundingClientRect();
        if (n && (Math.min(b.width, b.height) >= 24 || Math.hypot(b.x + b.width / 2 - x, b.y + b.height / 2 - y) > d + 0.5)) found.push([x, y, d]);
        continue;
      }
      // Shapes are found on rings 3 px apart, markers at their exact distance: a marker needs no margin.
      if (hit.closest('.shaded') || others.some((o) => dist(o, x, y) < d + (mine.c ? 0.5 : 4))) continue;
      found.push([x, y, d]);
    }
  }
  return [0, 1, 2].map((k) => found[Math.floor((k * found.length) / 3)]).filter(Boolean);
}, [iso3, onShape]);

test('phone: a tap within 12 px of Malta\'s marker selects it, and a tap on Serbia does', async () => {
  const { page, context } = await openPage(browser, { url: server.base, width: 375, height: 800 });
  await mapReady(page);
  const box = (sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.ok((await box('#c-MLT')).width < 10, `Malta's marker is small`);
  assert.ok((await box('#c-SRB')).width < 10, `Serbia is small`);
  // At 375 px the whole world is 351 px wide: Serbia is 4 px, and every point within 12 px of it
  // is within about 1 px as close to Romania, Italy or Hungary (measured; 3 px after zooming to
  // Europe), closer than the 3 px rings of the hit test can tell apart. A tap on Serbia itself
  // selects it (Malta's marker, 10 px away, does not take it).
  const srb = await box('#c-SRB');
  await page.mouse.click(srb.x + srb.width / 2, srb.y + srb.height / 2);
  await page.locator('#country-panel[data-country=SRB]').waitFor({ timeout: 3000 });
  await page.keyboard.press('Escape');
  await page.locator('#country-panel').waitFor({ state: 'detached' });
  for (const [iso3, onShape] of [['MLT', false], ['MLT', true]]) {
    let tried = 0;
    for (let k = 0; k < 3; k++) {
      // Measured again before each tap: selecting scrolls the map above the sheet.
      const spot = (await spotsNear(page, iso3, onShape))[k];
      if (!spot) continue;
      tried++;
      await page.mouse.click(spot[0], spot[1]);
      await page.locator('#country-panel').waitFor({ timeout: 3000 });
      assert.equal(await page.locator('#country-panel').getAttribute('data-country'), iso3, `tap ${spot[2].toFixed(1)} px from ${iso3}${onShape ? ' on a neighbour' : ''}`);
      await page.keyboard.press('Escape');
      await page.locator('#country-panel').waitFor({ state: 'detached' });
    }
    assert.ok(tried >= 2, `${iso3}${onShape ? ' on a neighbour' : ''}: points to tap (${tried})`);
  }
  await screenshot(page, 'reader-phone-taps');
  // A tap in open sea far from anything selects nothing.
  const map = await box('svg.map');
  await page.mouse.click(map.x + 4, map.y + map.height - 4);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#country-panel').count(), 0);
  await context.close();
});

test('arrow keys move across the map: ArrowRight from Kenya goes to a neighbour east of it', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  await page.focus('#c-KEN');
  await page.keyboard.press('ArrowRight');
  const east = (await page.evaluate(() => document.activeElement.id)).slice(2);
  assert.ok(point[east][0] > point.KEN[0], `${east} is east of Kenya`);
  const dist = Math.hypot(point[east][0] - point.KEN[0], point[east][1] - point.KEN[1]);
  assert.ok(dist < 150, `${east} is near Kenya (${dist.toFixed(0)} map units)`);
  await page.keyboard.press('ArrowLeft');
  const west = (await page.evaluate(() => document.activeElement.id)).slice(2);
  assert.ok(point[west][0] < point[east][0], `and back west to ${west}`);
  await page.focus('#c-KEN');
  await page.keyboard.press('ArrowUp');
  const north = (await page.evaluate(() => document.activeElement.id)).slice(2);
  assert.ok(point[north][1] < point.KEN[1], `${north} is north of Kenya`);
  await context.close();
});

test('wide screens: filters above the map; choosing an event brings the map into view', async () => {
  const { page, context } = await openPage(browser, { url: server.base, width: 1280, height: 900 });
  await mapReady(page);
  const [filters, map] = await page.evaluate(() => [document.querySelector('.filters').getBoundingClientRect().toJSON(), document.getElementById('map-wrap').getBoundingClientRect().toJSON()]);
  assert.ok(filters.bottom <= map.top, 'filters above the map');
  await page.locator('.filters summary').click();
  assert.ok(await page.locator('.filters[open]').count());
  const mapTop = await page.locator('#map-wrap').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(mapTop < 900 - 200, 'map still in view with the filters open');
  await screenshot(page, 'reader-filters-open-1280');
  const ev = data.events.find((e) => e.country && data.deployments.some((d) => d.country === e.country));
  await page.locator(`#e-${ev.id} .ev-choose`).scrollIntoViewIfNeeded();
  assert.ok(!(await inViewport(page, '#map-wrap')), 'map scrolled away');
  await page.locator(`#e-${ev.id} .ev-choose`).click();
  await page.locator(`#country-panel[data-country=${ev.country}]`).waitFor();
  await page.waitForFunction(() => { const r = document.getElementById('map-wrap').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }, null, { timeout: 3000 });
  await context.close();
});

/** Opens the Pym.js article at a width and returns { page, frame, height, context }. */
async function pymArticle(width, query = '') {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.base + 'article/article-pym.html' + query);
  const iframe = page.locator('iframe');
  await iframe.waitFor();
  const frame = page.frames().find((f) => f !== page.mainFrame()) || (await (await iframe.elementHandle()).contentFrame());
  await frame.waitForSelector('svg.map path.shaded', { timeout: 20000 });
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').getAttribute('height'), 10) > 300, null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const height = async () => parseInt(await iframe.getAttribute('height'), 10);
  return { page, frame, height, context, errors };
}

for (const width of [320, 700]) {
  test(`bounded embed at ${width} px: opening Kenya, the table, filters and share keeps the iframe height within 10 %`, async () => {
    const { page, frame, height, context, errors } = await pymArticle(width);
    const h0 = await height();
    const within = async (what) => {
      await page.waitForTimeout(400);
      const h = await height();
      assert.ok(Math.abs(h - h0) <= h0 * 0.1, `${what}: iframe ${h0} → ${h} px`);
    };
    await frame.click('#c-KEN');
    await frame.locator('#country-panel[data-country=KEN]').waitFor();
    await within('Kenya open');
    assert.ok(await frame.locator('#panel-title').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'Kenya\'s name inside the frame');
    await screenshot(page, `reader-embed-${width}-KEN`);
    await frame.locator('#country-panel .close').click();
    await frame.click('#tab-table');
    await frame.locator('.data-table').waitFor();
    await within('table');
    await screenshot(page, `reader-embed-${width}-table`);
    await frame.click('#tab-map');
    await frame.locator('.filters summary').click();
    await within('filters');
    await frame.locator('.share summary').click();
    await within('share');
    // Width changes still resize it: narrower is taller or equal, never unchanged by accident.
    await page.setViewportSize({ width: width + 200, height: 900 });
    await page.waitForFunction((h) => parseInt(document.querySelector('iframe').getAttribute('height'), 10) !== h, h0, { timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('full-height embed (height=full) still grows with what the reader opens', async () => {
  const { frame, height, context } = await pymArticle(420, '?q=' + encodeURIComponent('&height=full'));
  const h0 = await height();
  await frame.click('#c-KEN');
  await frame.locator('#country-panel[data-country=KEN]').waitFor();
  await frame.waitForFunction(() => true);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && (await height()) <= h0 + 100) await new Promise((r) => setTimeout(r, 100));
  assert.ok((await height()) > h0 + 100, 'grows');
  await context.close();
});

test('table on a 375 px screen: rows as cards, no horizontal overflow', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, { url: server.base + '?tab=table', width: 375, height: 800, colorScheme: scheme });
    await page.locator('.data-table tbody tr').first().waitFor({ timeout: 20000 });
    const [sw, iw, tw, tcw] = await page.evaluate(() => {
      const t = document.querySelector('.table-wrap');
      return [document.scrollingElement.scrollWidth, innerWidth, t.scrollWidth, t.clientWidth];
    });
    assert.ok(sw <= iw, `page ${sw} > ${iw}`);
    assert.ok(tw <= tcw, `table ${tw} > ${tcw}`);
    // Every cell is labelled with its column, and no cell is narrower than its longest word.
    const narrow = await page.evaluate(() => {
      const bad = [];
      const c = document.createElement('canvas').getContext('2d');
      for (const td of [...document.querySelectorAll('.data-table tbody td[data-label]')].slice(0, 200)) {
        c.font = getComputedStyle(td).font;
        const longest = Math.max(...td.textContent.split(/[\s/]+/).filter((w) => w && !/^https?:/.test(w)).map((w) => c.measureText(w).width), 0);
        if (longest > td.clientWidth) bad.push(td.textContent.slice(0, 40));
      }
      return bad;
    });
    assert.deepEqual(narrow, [], 'words fit their cells');
    await screenshot(page, `reader-table-375-${scheme}`);
    await context.close();
  }
});

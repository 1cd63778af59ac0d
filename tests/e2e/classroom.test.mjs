// End-to-end: the classroom kit. Presentation mode fits a projector's screen; presenter and
// audience windows stay in step; N toggles the notes; the single-file offline copy works from
// file:// with every request blocked; the printable handout as a PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, openPage, mapReady, startServer, DIST, ROOT, SHOTS } from './browser.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const n = data.story.length;
let browser, server;
before(async () => { server = await startServer(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const shot = async (page, name) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};
const stepShown = (page, k) => page.waitForFunction((t) => document.querySelector('.story-count')?.innerText === t, `STEP ${k} / ${n}`, { timeout: 5000 });

for (const [width, height, lang] of [[1920, 1080, 'en'], [1280, 720, 'en'], [1280, 720, 'ar']]) {
  test(`presentation at ${width}×${height} (${lang}): map, legend and step 7 on screen, Serbia framed, projector type`, async () => {
    const { page, log, context } = await openPage(browser, { width, height, reducedMotion: 'reduce', url: server.base + `?mode=present&step=7&lang=${lang}` });
    await mapReady(page);
    await page.waitForFunction(() => /7 \/ /.test(document.querySelector('.story-count')?.innerText || ''));
    assert.equal(data.story[6].country, 'SRB', 'step 7 is Serbia');
    await page.locator('#c-SRB.selected').waitFor();
    const m = await page.evaluate(() => {
      const r = (sel) => { const b = document.querySelector(sel)?.getBoundingClientRect(); return b && { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height }; };
      const fs = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
      return {
        vw: innerWidth, vh: innerHeight,
        scroll: document.scrollingElement.scrollHeight - innerHeight,
        atlasScroll: (() => { const a = document.querySelector('.atlas'); return a.scrollHeight - a.clientHeight; })(),
        map: r('svg.map'), legend: r('.legend .scale'), caption: r('.story-caption'), year: r('.story-year'), serbia: r('#c-SRB'),
        captionPx: fs('.story-caption'), yearPx: fs('.story-year'),
        bars: [...document.querySelectorAll('.toolbar, .zoom-controls, .timeline, .filters, .share, .events, .about, .changelog, .prefs')].filter((e) => e.getClientRects().length).length,
      };
    });
    const inside = (b, what) => assert.ok(b && b.left >= 0 && b.top >= 0 && b.right <= m.vw + 0.5 && b.bottom <= m.vh + 0.5, `${what} inside the ${m.vw}×${m.vh} viewport: ${JSON.stringify(b)}`);
    inside(m.map, 'map');
    inside(m.legend, 'legend');
    inside(m.caption, 'step text');
    inside(m.year, 'step heading');
    assert.ok(m.scroll <= 0 && m.atlasScroll <= 0, `nothing to scroll (${m.scroll}, ${m.atlasScroll})`);
    assert.ok(m.serbia.width >= 40, `Serbia is ${m.serbia.width.toFixed(1)} px wide`);
    inside(m.serbia, 'Serbia');
    assert.ok(m.map.width >= width * 0.5 && m.map.height >= height * 0.45, `the map is large: ${m.map.width}×${m.map.height}`);
    if (height >= 1080) assert.ok(m.captionPx >= 24, `body text ${m.captionPx}px at 1080p`);
    assert.ok(m.yearPx > m.captionPx, `heading ${m.yearPx}px larger than body ${m.captionPx}px`);
    assert.equal(m.bars, 0, 'no control bars left over');
    await shot(page, `present-${width}x${height}-${lang}-step7`);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
}

test('presentation on a phone keeps the map in view', async () => {
  const { page, context } = await openPage(browser, { width: 375, height: 740, reducedMotion: 'reduce', url: server.base + '?mode=present&step=5' });
  await mapReady(page);
  await stepShown(page, 5);
  const m = await page.evaluate(() => {
    const b = document.querySelector('svg.map').getBoundingClientRect();
    const c = document.querySelector('.story-caption').getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, width: b.width, height: b.height, captionTop: c.top, vh: innerHeight };
  });
  assert.ok(m.top >= 0 && m.bottom <= m.vh && m.height >= 120 && m.width >= 340, `map visible: ${JSON.stringify(m)}`);
  assert.ok(m.captionTop < m.vh, 'the step text starts on screen');
  await shot(page, 'present-375-step5');
  await context.close();
});

test('each step frames its country: the selected shape sits inside the map, larger than at world scale', async () => {
  const { page, context } = await openPage(browser, { width: 1280, height: 720, reducedMotion: 'reduce', url: server.base + '?mode=present' });
  await mapReady(page);
  for (let i = 0; i < n; i++) {
    await stepShown(page, i + 1);
    const c = data.story[i].country;
    // China (the origin, no entry of its own) has no focusable shape with an id.
    if (c && c !== 'CHN') {
      await page.locator(`#c-${c}.selected`).waitFor();
      const r = await page.evaluate((c) => {
        const m = document.querySelector('svg.map').getBoundingClientRect();
        const b = document.getElementById(`c-${c}`).getBoundingClientRect();
        const [cx, cy] = [(m.left + m.right) / 2, (m.top + m.bottom) / 2];
        return {
          inside: b.left >= m.left - 1 && b.right <= m.right + 1 && b.top >= m.top - 1 && b.bottom <= m.bottom + 1,
          // A country with far territories (France and French Guiana) is framed on its main part.
          farParts: b.width > m.width || b.height > m.height,
          centred: b.left <= cx && cx <= b.right && b.top <= cy && cy <= b.bottom,
          w: b.width, h: b.height,
        };
      }, c);
      assert.ok(r.centred, `step ${i + 1}: the map is centred on ${c} (${JSON.stringify(r)})`);
      if (!r.farParts) assert.ok(r.inside, `step ${i + 1}: ${c} inside the map (${JSON.stringify(r)})`);
      assert.ok(Math.max(r.w, r.h) >= 40, `step ${i + 1}: ${c} is ${r.w.toFixed(0)}×${r.h.toFixed(0)} px`);
    }
    await page.keyboard.press('ArrowRight');
  }
  await context.close();
});

test('presenter and audience windows stay in step; N toggles the notes; notes are announced only in the presenter view', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const errors = [];
  const open = async (q) => {
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await p.goto(server.base + q);
    await p.locator('.story-count').waitFor();
    return p;
  };
  const audience = await open('?mode=present');
  const presenter = await open('?mode=present&view=presenter');
  await presenter.locator('.presenter-view').waitFor();
  const notesOf = (k) => data.story[k - 1].notes;
  const both = async (k) => {
    await stepShown(audience, k);
    await stepShown(presenter, k);
    await presenter.waitForFunction((t) => document.querySelector('.presenter-view .notes-text')?.textContent === t, notesOf(k), { timeout: 3000 });
  };
  await both(1);
  // Ten presses, in both windows and in both directions.
  const presses = [[presenter, 'ArrowRight', 2], [presenter, 'PageDown', 3], [presenter, ' ', 4], [presenter, 'ArrowLeft', 3], [audience, 'ArrowRight', 4],
    [audience, 'PageDown', 5], [audience, 'PageUp', 4], [presenter, 'End', n], [audience, 'ArrowLeft', n - 1], [presenter, 'Home', 1]];
  assert.equal(presses.length, 10);
  for (const [page, key, k] of presses) {
    await page.bringToFront();
    await page.keyboard.press(key);
    await both(k);
  }
  // The presenter view shows the next step and its notes in a live region.
  await presenter.keyboard.press('ArrowRight');
  await both(2);
  assert.match(await presenter.locator('.pv-next-caption').innerText(), new RegExp(data.story[2].caption.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await presenter.locator('.presenter-view .notes-text').getAttribute('aria-live'), 'polite');
  await presenter.screenshot({ path: path.join(SHOTS, 'presenter-1280.png') });
  // In the audience window, N shows the notes (not announced) and hides them again.
  await audience.bringToFront();
  assert.equal(await audience.locator('.story-notes').count(), 0, 'notes hidden by default');
  await audience.keyboard.press('n');
  await audience.locator('.story .story-notes').waitFor();
  assert.equal(await audience.locator('.story .notes-text').innerText(), notesOf(2));
  assert.equal(await audience.locator('.story .notes-text').evaluate((el) => el.closest('[aria-live]') === null), true, 'notes are not in a live region for the audience');
  await audience.screenshot({ path: path.join(SHOTS, 'present-notes-1280.png') });
  await audience.keyboard.press('N');
  await audience.locator('.story-notes').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the offline file works from file:// with every request blocked', async () => {
  const file = path.join(DIST, 'surveillance-atlas-offline.html');
  assert.ok(fs.existsSync(file), 'dist/surveillance-atlas-offline.html is built (node scripts/offline.mjs dist)');
  const html = fs.readFileSync(file, 'utf8');
  assert.match(html, new RegExp(`<meta name="atlas-data-updated" content="${data.meta.updated}">`));
  assert.match(html, /<meta name="atlas-data-version" content="[^"]+">/);
  // One copy of every file: a standalone folder with only this file in it.
  const dir = fs.mkdtempSync(path.join(ROOT, 'target', 'offline-'));
  const copy = path.join(dir, 'atlas.html');
  fs.copyFileSync(file, copy);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, offline: true });
  const requests = [];
  // Every request but the file itself is blocked (and recorded).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(copy).href) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
  await page.goto(pathToFileURL(copy).href);
  await mapReady(page);
  await page.click('#c-KEN');
  await page.locator('#country-panel[data-country=KEN]').waitFor();
  await page.keyboard.press('Escape');
  // The story.
  await page.locator('.share summary').click();
  await page.locator('.present-button').click();
  await stepShown(page, 1);
  await page.keyboard.press('ArrowRight');
  await stepShown(page, 2);
  await page.keyboard.press('Escape');
  await page.locator('.atlas.present').waitFor({ state: 'detached' });
  // A CSV download.
  if (!(await page.locator('.share[open]').count())) await page.locator('.share summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.export.csv').click()]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  // The story left the map at step 2's year (2010): the CSV has what the map shows.
  assert.ok(csv.trim().split('\n').length >= 2 && /PAK/.test(csv), `the CSV has the data: ${csv.slice(0, 300)}`);
  assert.equal(await page.locator('.offline-download').isVisible(), false, 'the offline copy does not offer itself');
  await shot(page, 'offline-1280');
  // Languages: the packs are in the file; search finds a country by its name in another language.
  await page.locator('.prefs select').first().selectOption('es');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.locator('h1').innerText(), 'Atlas de la vigilancia');
  await page.locator('#search-input').fill('Quénia');
  await page.locator('#search-opt-0', { hasText: 'Kenia' }).waitFor();
  await page.locator('.prefs select').first().selectOption('ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.deepEqual(requests, [], 'no request left the file');
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the share panel offers the offline copy, and it is served', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  await page.locator('.share summary').click();
  const link = page.locator('.offline-download');
  assert.equal(await link.getAttribute('download'), 'surveillance-atlas-offline.html');
  const res = await page.request.get(server.base + (await link.getAttribute('href')));
  assert.equal(res.status(), 200);
  await context.close();
});

/** Text of a PDF, one string per page (pdftotext from Debian's poppler-utils). */
function pdfPages(file) {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim()).map((p) => p.replace(/\s+/g, ' '));
}

for (const format of ['A4', 'Letter']) {
  test(`the handout prints on ${format}: title, map, figures, every step on one page, numbered sources, date, QR`, async () => {
    const { page, log, context } = await openPage(browser, { url: server.base });
    await mapReady(page);
    // Without a public address: a note instead of the code.
    await page.locator('.share summary').click();
    await page.locator('.handout-button').click();
    await page.locator('.handout .handout-no-qr').waitFor();
    await page.locator('.handout-close').click();
    await page.locator('.handout').waitFor({ state: 'detached' });
    // With one (as the prerender writes it when ATLAS_PUBLIC_URL is set): the code.
    const base = 'https://atlas.example/classroom/';
    await page.evaluate((href) => { const l = document.createElement('link'); l.rel = 'canonical'; l.href = href; document.head.append(l); }, base);
    if (!(await page.locator('.share[open]').count())) await page.locator('.share summary').click();
    await page.locator('.handout-button').click();
    await page.locator('.handout svg.qr path').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.handout img')].every((i) => i.complete && i.naturalWidth > 0));
    assert.equal(await page.locator('.handout-step').count(), n);
    const file = path.join(ROOT, 'target', `handout-${format}.pdf`);
    await page.emulateMedia({ media: 'print' });
    await shot(page, `handout-${format}`);
    await page.pdf({ path: file, format, printBackground: true });
    const pages = pdfPages(file);
    assert.ok(pages.length >= 2 && pages.length <= 6, `${pages.length} pages`);
    const all = pages.join(' ');
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    assert.match(all, /Surveillance Atlas/);
    assert.ok(all.includes(`Data updated ${data.meta.updated}`), 'data date');
    assert.ok(all.includes(base), 'the QR code\'s address is printed under it');
    for (const f of data.figures) assert.ok(all.includes(norm(f.value)), `figure ${f.value}`);
    data.story.forEach((st, i) => {
      const head = `Step ${i + 1} · ${st.year}`;
      const at = pages.findIndex((p) => p.includes(head));
      assert.ok(at >= 0, `${head} printed`);
      const words = norm(st.caption).split(' ');
      assert.ok(pages[at].includes(words.slice(-4).join(' ')), `step ${i + 1} ends on the page it starts on`);
    });
    const srcIdx = all.indexOf('Sources');
    assert.ok(srcIdx > 0, 'a source list');
    const sources = new Set([...data.figures, ...data.story].flatMap((x) => x.sources));
    for (const id of sources) {
      const src = data.sources.find((s) => s.id === id);
      assert.ok(all.includes(norm(src.title).slice(0, 30)), `source ${id} listed`);
    }
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}

// Languages: each of the six loads with ?lang=, sets <html lang dir>, shows translated labels and a
// country name from world-countries in that language, and passes axe-core; Arabic mirrors the page
// (panel on the left, controls right to left, keyboard order following it) while the map and the
// time axis stay left to right; the exported SVG speaks the reader's language. Screenshots of every
// language at 375 and 1280 px (and Arabic dark) go to target/screenshots/ for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, openPage, mapReady, startServer, screenshot, DIST, expectAttr } from './browser.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LANGS = ['en', 'fr', 'es', 'pt', 'ar', 'zh'];
const DATA = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const pack = (l) => (l === 'en' ? null : JSON.parse(fs.readFileSync(path.join(DIST, `i18n/${l}.json`), 'utf8')));
const EN = { title: 'Surveillance Atlas', tab_map: 'Map', columns: ['Country'] };
// Translated labels the test expects, written here (not read from the packs) so a wrong pack fails.
const TITLES = { en: 'Surveillance Atlas', fr: 'Atlas de la surveillance', es: 'Atlas de la vigilancia', pt: 'Atlas da vigilância', ar: 'أطلس المراقبة', zh: '监控技术地图集' };
const MAP_TAB = { en: 'Map', fr: 'Carte', es: 'Mapa', pt: 'Mapa', ar: 'الخريطة', zh: '地图' };
// Côte d'Ivoire in each language, as world-countries spells it.
const CIV = { en: 'Ivory Coast', fr: "Côte d'Ivoire", es: 'Costa de Marfil', pt: 'Costa do Marfim', ar: 'ساحل العاج', zh: '科特迪瓦' };

let browser, server;
before(async () => { server = await startServer(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function report(violations) {
  return violations.flatMap((v) => [`${v.id} [${v.impact}] ${v.help}`, ...v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}`)]).join('\n');
}

for (const lang of LANGS) {
  test(`${lang}: ?lang=${lang} sets <html lang dir>, labels, country names; axe clean; screenshots`, async () => {
    const strings = pack(lang)?.strings ?? EN;
    for (const [width, scheme] of [[1280, 'light'], [375, 'light'], ...(lang === 'ar' ? [[1280, 'dark'], [375, 'dark']] : [])]) {
      const { page, context, log } = await openPage(browser, { url: `${server.base}?lang=${lang}&country=CIV`, width, colorScheme: scheme });
      try {
        await mapReady(page);
        await page.locator('#country-panel[data-country=CIV]').waitFor();
        const [hl, dir] = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
        assert.equal(hl, lang);
        assert.equal(dir, lang === 'ar' ? 'rtl' : 'ltr');
        assert.equal(await page.locator('h1').innerText(), TITLES[lang]);
        assert.equal(strings.title, TITLES[lang], 'the pack carries the same title');
        assert.equal((await page.locator('#tab-map').innerText()).trim(), MAP_TAB[lang]);
        assert.equal(await page.locator('#country-panel h2').innerText(), CIV[lang]);
        if (lang !== 'en') {
          // Each summary in the reader's language where the data translates it, else the English original, marked.
          const summaries = page.locator('#country-panel .summary');
          const civ = DATA.deployments.filter((d) => d.country === 'CIV').sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
          assert.equal(await summaries.count(), civ.length);
          for (const [i, d] of civ.entries()) {
            const tr = d.translations?.[lang]?.summary;
            await expectAttr(summaries.nth(i), 'lang', tr ? lang : 'en', `${d.id}: ${tr ? 'translated' : 'untranslated'} summary marked`);
            assert.equal(await summaries.nth(i).innerText(), tr ?? d.summary);
          }
          assert.equal(await page.locator('.lang-note').innerText(), strings.entries_in_english);
        } else {
          assert.equal(await page.locator('.lang-note').count(), 0);
        }
        if (width === 1280 && scheme === 'light') {
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          assert.equal(violations.length, 0, `${lang}: axe\n${report(violations)}`);
        }
        // Nothing overflows sideways at phone width.
        const [sw, iw] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
        assert.ok(sw <= iw, `${lang} ${width}: page scrolls sideways (${sw} > ${iw})`);
        await screenshot(page, `lang-${lang}-${width}${scheme === 'dark' ? '-dark' : ''}`);
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.failed, []);
        // Only the language used is fetched.
        const packs = log.requests.filter((u) => /\/i18n\/[a-z]{2}\.json/.test(u)).map((u) => u.replace(/.*\/i18n\//, ''));
        assert.deepEqual(packs, lang === 'en' ? [] : [`${lang}.json`]);
      } finally {
        await context.close();
      }
    }
  });
}

test('the browser language picks the first language we have; the picker switches and loads the pack', async () => {
  const context = await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: {} });
  await context.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'pt-BR', 'es'] }));
  const page = await context.newPage();
  await page.goto(server.base);
  await mapReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt');
  await page.locator('.prefs select').first().selectOption('zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh');
  assert.equal(await page.locator('h1').innerText(), TITLES.zh);
  await page.waitForFunction(() => location.search.includes('lang=zh'), null, { timeout: 5000 });
  await context.close();
});

test('Arabic mirrors the layout; the map and the time axis stay left to right; keyboard order follows', async () => {
  const where = async (lang) => {
    const { page, context } = await openPage(browser, { url: `${server.base}?lang=${lang}&country=KEN` });
    await mapReady(page);
    await page.locator('#country-panel').waitFor();
    const box = async (sel) => page.locator(sel).first().boundingBox();
    const r = { map: await box('svg.map'), panel: await box('#country-panel'), search: await box('#search-input'), tabs: await box('.tabs'),
      play: await box('.tl-controls .play'), prev: await box('.tl-steps .step:first-child'), next: await box('.tl-steps .step:last-child'),
      labels: await page.locator('.tl-labels li').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().x)) };
    return { page, context, r };
  };
  const en = await where('en');
  const ar = await where('ar');
  assert.ok(en.r.panel.x > en.r.map.x, 'English: panel on the right of the map');
  assert.ok(ar.r.panel.x < ar.r.map.x, `Arabic: panel on the left of the map (${ar.r.panel.x} vs ${ar.r.map.x})`);
  assert.ok(en.r.search.x < en.r.tabs.x && ar.r.search.x > ar.r.tabs.x, 'toolbar order mirrors');
  assert.ok(ar.r.prev.x < ar.r.next.x, 'previous/next year follow the left-to-right time axis');
  const increasing = (xs) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);
  assert.ok(increasing(ar.r.labels), 'year labels run left to right in Arabic');
  // The map is not mirrored: Kenya is drawn at the same place.
  const kenX = async (p) => (await p.locator('#c-KEN').boundingBox()).x - (await p.locator('svg.map').boundingBox()).x;
  assert.ok(Math.abs((await kenX(en.page)) - (await kenX(ar.page))) < 2, 'Kenya at the same place on the map');
  await en.context.close();

  const page = ar.page;
  // Slider keys follow the slider's visual direction: right is later.
  await page.locator('.tl-thumb').focus();
  await page.keyboard.press('Home');
  const first = Number(await page.locator('.tl-thumb').getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowRight');
  await expectAttr(page.locator('.tl-thumb'), 'aria-valuenow', String(first + 1), 'ArrowRight moves to a later year in Arabic');
  await page.keyboard.press('ArrowLeft');
  await expectAttr(page.locator('.tl-thumb'), 'aria-valuenow', String(first), 'ArrowLeft moves back');
  await page.locator('.tl-controls .all').click();

  // Keyboard walkthrough from the top: every control is reached, in an order that reads right to
  // left within a row (except the time axis' previous/next pair) and top to bottom between rows.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.locator('h1').click();
  const seen = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const r = e.getBoundingClientRect();
      const id = e.id ? `#${e.id}` : '';
      const c = typeof e.className === 'string' ? e.className : e.className?.baseVal || '';
      const cls = c ? `.${c.split(' ')[0]}` : '';
      return { key: `${e.tagName.toLowerCase()}${id}${cls}`, x: r.x + r.width / 2, y: r.y + window.scrollY + r.height / 2, steps: !!e.closest('.tl-steps') };
    });
    if (!f) break;
    if (seen.length && f.key === seen[0].key) break;
    seen.push(f);
    if (f.key.startsWith('select')) break;
  }
  const keys = seen.map((s) => s.key);
  for (const want of ['input#search-input', 'button#tab-map', 'button.zoom-in', 'path#c-', 'button.play', 'div.tl-thumb', 'button.close', 'summary', 'select']) {
    assert.ok(keys.some((k) => k.startsWith(want)), `reached ${want}: ${keys.join(' ')}`);
  }
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    if (Math.abs(a.y - b.y) < 4 && !(a.steps && b.steps) && !a.key.startsWith('svg') && !b.key.startsWith('svg')) {
      assert.ok(b.x < a.x, `in a row, Tab moves leftwards in Arabic: ${a.key} (${a.x}) → ${b.key} (${b.x})`);
    }
  }
  await ar.context.close();
});

test('exported SVG and citation in Spanish; the embed snippet carries lang', async () => {
  const { page, context } = await openPage(browser, { url: `${server.base}?lang=es&year=2016` });
  await mapReady(page);
  await page.locator('.share summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.export.svg').click()]);
  const text = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(text, /Atlas de la vigilancia/);
  assert.match(text, /hasta 2016/);
  assert.match(text, /Fuente: Atlas de la vigilancia/);
  assert.doesNotMatch(text, /up to 2016|Source: Surveillance Atlas/);
  const areas = await page.locator('.share textarea').evaluateAll((t) => t.map((x) => x.value));
  assert.ok(areas.some((v) => /Mapa y cronología de las exportaciones/.test(v)), `citation in Spanish: ${areas.join(' | ')}`);
  assert.ok(areas.some((v) => /<iframe[^>]*lang=es/.test(v) || /<iframe[^>]*lang=es&amp;/.test(v)), `embed carries lang: ${areas.join(' | ')}`);
  await context.close();
});

test('translated summaries: Spanish readers see Ecuador\'s entries and its event in Spanish, marked lang=es; others see the English', async () => {
  const ecu = DATA.deployments.find((d) => d.id === 'ecu-ecu911');
  const ev = DATA.events.find((e) => e.translations?.es?.title);
  assert.ok(ecu?.translations?.es?.summary && ev, 'the shipped data translates Ecuador into Spanish');
  const { page, context, log } = await openPage(browser, { url: `${server.base}?lang=es&country=ECU&year=${ev.date.slice(0, 4)}`, width: 1280 });
  await mapReady(page);
  const summary = page.locator('#d-ecu-ecu911 .summary');
  assert.equal(await summary.innerText(), ecu.translations.es.summary);
  await expectAttr(summary, 'lang', 'es');
  const title = page.locator('.event .ev-choose').filter({ hasText: ev.translations.es.title });
  assert.equal(await title.count(), 1, 'the event title in Spanish');
  await expectAttr(title, 'lang', 'es');
  await page.locator('#tab-table').click();
  await page.locator('.data-table tbody tr').first().waitFor();
  // A long table shows its first rows and "Show all".
  if (!(await page.locator('#row-ecu-ecu911').count())) await page.locator('.table-more button.show-all').click();
  const cell = page.locator('#row-ecu-ecu911 td[lang=es]');
  assert.equal(await cell.innerText(), ecu.translations.es.summary);
  await screenshot(page, 'lang-es-translated-table');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
  // In French, the same entry is the English original, marked English.
  const fr = await openPage(browser, { url: `${server.base}?lang=fr&country=ECU`, width: 375 });
  await mapReady(fr.page);
  const s = fr.page.locator('#d-ecu-ecu911 .summary');
  assert.equal(await s.innerText(), ecu.summary);
  await expectAttr(s, 'lang', 'en');
  await screenshot(fr.page, 'lang-fr-untranslated-375');
  await fr.context.close();
});

// End-to-end: what the data says about itself on screen — links that lead where their labels say,
// "About the data" and the data changelog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, openPage, mapReady, startServer, screenshot, DIST, ROOT, expectText } from './browser.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const sources = new Map(data.sources.map((s) => [s.id, s]));
// The accepted copy hosts, read from the table in docs/DATA.md (the validator's list is held to it).
const doc = fs.readFileSync(path.join(ROOT, 'docs/DATA.md'), 'utf8');
const copyHosts = doc.split('## Accepted copy hosts')[1].split('\n## ')[0].split('\n')
  .filter((l) => l.startsWith('| `')).map((l) => l.split('`')[1]);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser, server;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const hostOf = (u) => new URL(u).hostname.toLowerCase().replace(/^www\./, '');
const accepted = (h) => copyHosts.some((a) => h === a || h.endsWith(`.${a}`));

async function axe(page, label) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.equal(violations.length, 0, `${label}: ${violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')}`);
}

/** Opens every closed source list on the page (they render their links only when open). */
async function openAllSourceLists(page) {
  for (let round = 0; round < 3; round++) {
    const closed = page.locator('details.sources:not([open]) > summary');
    const n = await closed.count();
    if (n === 0) break;
    await page.evaluate(() => document.querySelectorAll('details.sources:not([open])').forEach((d) => { d.open = true; }));
    await page.waitForTimeout(300);
  }
}

/** Every source link: the title leads to the source's own `url`; any other link says it is a copy
 *  and names the host it leads to, which is an accepted copy host. */
async function checkLinks(page, label) {
  const links = await page.locator('li.source a').evaluateAll((as) => as.map((a) => ({
    id: a.closest('li.source')?.dataset.source, href: a.href, cls: a.className, text: a.textContent,
  })));
  assert.ok(links.length > 0, `${label}: some source links`);
  for (const l of links) {
    const src = sources.get(l.id);
    assert.ok(src, `${label}: link for unknown source ${l.id}`);
    if (l.cls.includes('original')) {
      assert.equal(l.href, new URL(src.url).href, `${label}: ${l.id}: the title links to the source's own address`);
    } else {
      assert.ok(l.cls.includes('copy'), `${label}: ${l.id}: a link that is not the original is a labelled copy (${l.href})`);
      const h = hostOf(l.href);
      assert.ok(l.text.includes(`copy at ${h}`), `${label}: ${l.id}: the copy's label names its host ${h}: "${l.text}"`);
      assert.ok(accepted(h), `${label}: ${l.id}: ${h} is an accepted copy host`);
    }
  }
  // A copy on a host not on the list is never linked.
  const hrefs = new Set(links.map((l) => l.href));
  for (const s of data.sources) {
    if (s.via && !accepted(hostOf(s.via))) assert.ok(!hrefs.has(new URL(s.via).href), `${label}: ${s.id}'s copy on ${hostOf(s.via)} is not linked`);
  }
  return links.length;
}

test('every source link leads where its label says: the original, or a copy that says so', async () => {
  // The table holds every deployment's sources; the map view holds the figures' and events'.
  const { page, context } = await openPage(browser, { url: `${server.base}?tab=table` });
  await page.locator('.data-table tbody tr').first().waitFor({ timeout: 20000 });
  await openAllSourceLists(page);
  const inTable = await checkLinks(page, 'table');
  await context.close();
  const { page: p2, context: c2 } = await openPage(browser, { url: server.base });
  await mapReady(p2);
  await p2.evaluate(() => document.querySelectorAll('.more-figures').forEach((d) => { d.open = true; }));
  await openAllSourceLists(p2);
  const onMap = await checkLinks(p2, 'figures and events');
  assert.ok(inTable + onMap > 100, `${inTable} + ${onMap} links checked`);
  await c2.close();
});

test('About the data opens by keyboard, lists the evidence levels and shows the version and date', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, log } = await openPage(browser, { url: server.base, colorScheme });
    await mapReady(page);
    // Reach its summary with Tab alone.
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('#about > summary') ?? false);
    }
    assert.ok(reached, 'Tab reaches the About summary');
    await page.keyboard.press('Enter');
    await page.locator('#about[open]').waitFor({ timeout: 3000 });
    const about = page.locator('#about');
    for (const label of ['Confirmed', 'Reported allegation', 'Single source', 'Not implemented']) {
      await expectText(about.locator('.about-levels'), new RegExp(label));
    }
    // An example from the data for each level that has one.
    const examples = await about.locator('.about-example').count();
    const levels = new Set(data.deployments.map((d) => d.evidence)).size;
    assert.equal(examples, levels, 'one example per evidence level present in the data');
    await expectText(about.locator('.about-version'), new RegExp(`Data version ${data.meta.version.replace('.', '\\.')}, last updated \\d+ [A-Z][a-z]{2} \\d{4}`));
    // No correction address is set in the shipped data, so none is shown.
    assert.equal(await about.locator('.about-corrections').count(), data.meta.corrections ? 1 : 0);
    await axe(page, `about ${colorScheme}`);
    await about.scrollIntoViewIfNeeded();
    await screenshot(page, `about-${colorScheme}-1280`);
    // Enter again closes it.
    await page.keyboard.press('Enter');
    await page.locator('#about:not([open])').waitFor({ timeout: 3000 });
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test('the data changelog is reachable from the credits and lists this release', async () => {
  const { page, context } = await openPage(browser, { url: server.base, width: 375, height: 800 });
  await mapReady(page);
  await page.locator('#changelog > summary').click();
  const log = page.locator('#changelog');
  const newest = data.changelog[0];
  await expectText(log.locator('.release h3').first(), `${newest.version} (${newest.date})`);
  for (const c of newest.corrected ?? []) await expectText(log, new RegExp(c.id));
  for (const id of newest.added ?? []) await expectText(log, new RegExp(id));
  await axe(page, 'changelog');
  await log.scrollIntoViewIfNeeded();
  await screenshot(page, 'changelog-375');
  await context.close();
});

test('a correction address set in the data is shown, as a link only when it is http(s)', async () => {
  for (const [to, link] of [['https://example.org/corrections', true], ['corrections@example.org', false]]) {
    const custom = { ...data, meta: { ...data.meta, corrections: to } };
    const route = (page) => page.route('**/data/custom.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(custom) }));
    const { page, context } = await openPage(browser, { url: `${server.base}?data=data/custom.json`, route });
    await mapReady(page);
    await page.locator('#about > summary').click();
    await expectText(page.locator('.about-corrections'), new RegExp(to.replace(/[.]/g, '\\.')));
    assert.equal(await page.locator('.about-corrections a').count(), link ? 1 : 0, to);
    await context.close();
  }
});

test('the Huawei figure says why the study counts more countries than this atlas documents', async () => {
  const { page, context } = await openPage(browser, { url: server.base });
  await mapReady(page);
  const fig = data.figures.find((f) => f.company === 'huawei');
  await page.evaluate(() => document.querySelectorAll('.more-figures').forEach((d) => { d.open = true; }));
  const n = new Set(data.deployments.filter((d) => d.companies.includes('huawei')).map((d) => d.country)).size;
  await expectText(page.locator(`#f-${fig.id} .fig-note`), new RegExp(`documents Huawei Technologies in ${n} countries`));
  await context.close();
});

// Shared Playwright setup for end-to-end tests: Debian's Chromium, no network beyond 127.0.0.1.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../scripts/serve-dist.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

/** Serves dist/ on 127.0.0.1 on a free port; returns { base, close }. With `withPages`, the
 *  article test pages (tests/e2e/pages) and Pym.js (/vendor/pym.v1.min.js) are served too. */
export async function startServer(dir = DIST, { withPages = false } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html missing: run trunk build --release first`);
  if (withPages) {
    fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
    const tmp = fs.mkdtempSync(path.join(ROOT, 'target', 'e2e-site-'));
    fs.cpSync(dir, tmp, { recursive: true });
    fs.cpSync(path.join(ROOT, 'tests/e2e/pages'), path.join(tmp, 'article'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'vendor'));
    fs.copyFileSync(path.join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), path.join(tmp, 'vendor/pym.v1.min.js'));
    dir = tmp;
  }
  const server = createServer(dir);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Opens a page that records console messages (every type, and errors on their own), page errors,
 *  failed requests and every request URL. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = 'light', reducedMotion = 'no-preference', url, route } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const page = await context.newPage();
  const log = { console: [], consoleErrors: [], pageErrors: [], failed: [], requests: [] };
  page.on('console', (m) => {
    log.console.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) log.failed.push(`${r.url()} HTTP ${r.status()}`); });
  if (route) await route(page);
  await page.goto(url);
  return { context, page, log };
}

/** Waits until the map is drawn (the app has loaded its data). */
export async function mapReady(page) {
  // html.ready: the app has hydrated the prerendered markup and moved to the URL's view
  // (the markup alone already has shaded paths).
  await page.waitForSelector('html.ready svg.map path.shaded', { timeout: 20000 });
}

/** Waits (up to 3 s) for an attribute to take a value: rendering follows input asynchronously. */
export async function expectAttr(locator, name, value, note = '') {
  const want = String(value);
  const timeout = typeof note === 'number' ? note : 3000;
  const deadline = Date.now() + timeout;
  let got;
  while (Date.now() < deadline) {
    got = await locator.getAttribute(name);
    if (got === want) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`expected ${name}="${want}", got "${got}" ${typeof note === 'string' ? note : ''}`);
}

/** Waits (up to 3 s) for a locator's text to satisfy a predicate or equal a string. */
export async function expectText(locator, want, note = '') {
  const timeout = typeof note === 'number' ? note : 3000;
  const ok = typeof want === 'string' ? (t) => t === want : (t) => want.test(t);
  const deadline = Date.now() + timeout;
  let got;
  while (Date.now() < deadline) {
    got = await locator.innerText().catch(() => undefined);
    if (got !== undefined && ok(got)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`expected text ${want}, got ${JSON.stringify(got)} ${typeof note === 'string' ? note : ''}`);
}

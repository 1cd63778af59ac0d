// Shared Playwright setup for end-to-end tests: Debian's Chromium, no network beyond 127.0.0.1.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../scripts/serve-dist.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

/** Serves dist/ on 127.0.0.1 on a free port; returns { base, close }. */
export async function startServer(dir = DIST) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html missing: run trunk build --release first`);
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

/** Opens a page that records console errors, page errors, failed requests and every request URL. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = 'light', reducedMotion = 'no-preference', url, route } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], failed: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
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
  await page.waitForSelector('svg.map path.shaded', { timeout: 20000 });
}

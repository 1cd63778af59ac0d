import { chromium } from 'playwright-core';
const [url, width = '375', company = 'zte'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const c = await b.newContext({ viewport: { width: +width, height: 900 } });
const p = await c.newPage();
await p.goto(url);
await p.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 60000 });
await p.waitForTimeout(800);
const H = () => p.evaluate(() => Math.round(document.querySelector('.event-strip').getBoundingClientRect().height));
const out = [await H()];
await p.locator('.filters summary').click();
const box = p.locator(`input[name=company][value=${company}]`);
await box.click(); await p.waitForTimeout(300); out.push(await H());
await box.click(); await p.waitForTimeout(300); out.push(await H());
const hs = await p.evaluate(async () => {
  const s = document.querySelector('.event-strip');
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const res = [];
  for (const li of s.children) { li.scrollIntoView({ inline: 'nearest', block: 'nearest' }); await frame(); res.push(Math.round(s.getBoundingClientRect().height)); }
  return [...new Set(res)];
});
console.log('start, filtered, unfiltered:', out.join(' '), '| while scrolling through:', hs.join(','));
await b.close();

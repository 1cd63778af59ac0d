import { chromium } from 'playwright-core';
const [url, width = '1280'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const c = await b.newContext({ viewport: { width: +width, height: 900 } });
const p = await c.newPage();
await p.goto(url);
await p.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 60000 });
await p.waitForTimeout(800);
const hs = await p.evaluate(async () => {
  const s = document.querySelector('.event-strip');
  const out = [];
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  s.style.scrollBehavior = 'auto';
  for (let x = 0; x <= s.scrollWidth; x += 200) { s.scrollLeft = x; await frame(); out.push(Math.round(s.getBoundingClientRect().height)); }
  for (let x = s.scrollWidth; x >= 0; x -= 400) { s.scrollLeft = x; await frame(); out.push(Math.round(s.getBoundingClientRect().height)); }
  return out;
});
console.log([...new Set(hs)].join(','), 'samples', hs.length);
await b.close();

import { chromium } from 'playwright-core';
const [url, width = '1280'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const c = await b.newContext({ viewport: { width: +width, height: 900 } });
const p = await c.newPage();
await p.goto(url);
await p.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 60000 });
await p.waitForTimeout(800);
const r = await p.evaluate(async () => {
  const s = document.querySelector('.event-strip');
  const cards = [...s.children];
  // natural heights: measure the content of each card
  const nat = cards.map((li) => [li.id, Math.round([...li.children].reduce((a, ch) => a + ch.getBoundingClientRect().height, 0))]);
  nat.sort((a, b) => b[1] - a[1]);
  const tallest = nat[0];
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const h0 = s.getBoundingClientRect().height;
  document.getElementById(tallest[0]).scrollIntoView({ inline: 'nearest', block: 'nearest' });
  await frame(); await frame();
  const h1 = s.getBoundingClientRect().height;
  return { tallest: nat.slice(0, 3), h0, h1, n: cards.length, scrollW: s.scrollWidth };
});
console.log(JSON.stringify(r));
await b.close();

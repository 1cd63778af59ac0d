import { chromium } from 'playwright-core';
const [url, kind = 'filter'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const c = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await c.newPage();
await p.goto(url);
await p.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 60000 });
await p.waitForTimeout(800);
await p.locator('.filters summary').click();
const box = p.locator('input[name=company][value=huawei]');
for (let i = 0; i < 4; i++) {
  await p.evaluate(() => {
    window.__m = {};
    const where = (n) => { const el = n.nodeType === 1 ? n : n.parentElement; const s = el?.closest('[id], section, svg, ol, ul, table'); return s ? (s.tagName.toLowerCase() + (s.id ? '#' + s.id : '') + (s.className && typeof s.className === 'string' ? '.' + s.className.split(' ')[0] : '')) : '?'; };
    window.__mo = new MutationObserver((l) => { for (const r of l) { const k = r.type + ' ' + where(r.target); const add = (x) => (window.__m[x] = (window.__m[x] ?? 0) + 1); if (r.type === 'childList') { add('added@' + where(r.target) + ' ' + r.addedNodes.length); add('removed@' + where(r.target) + ' ' + r.removedNodes.length); } else add(k + ' ' + (r.attributeName ?? '')); } });
    window.__mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const s = await p.locator('#summary-line').innerText();
  await box.click();
  await p.waitForFunction((t) => document.querySelector('#summary-line').innerText !== t, s);
  await p.waitForTimeout(400);
  const m = await p.evaluate(() => { window.__mo.disconnect(); return window.__m; });
  const agg = {};
  for (const [k, v] of Object.entries(m)) { const [key, n] = k.startsWith('added@') || k.startsWith('removed@') ? [k.replace(/ \d+$/, ''), +k.match(/ (\d+)$/)[1] * v] : [k, v]; agg[key] = (agg[key] ?? 0) + n; }
  console.log(`toggle ${i}:`, Object.entries(agg).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v} ${k}`).join(' | '));
}
await b.close();

// CPU profile of N filter toggles (or country clicks) at a CPU throttle; prints self and inclusive time by function.
import { chromium } from 'playwright-core';
const [url, kind = 'filter', rate = '4', reps = '12'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const c = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await c.newPage();
const cdp = await c.newCDPSession(p);
await p.goto(url);
await p.waitForFunction(() => document.documentElement.classList.contains('ready'), null, { timeout: 60000 });
await p.waitForTimeout(1000);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: +rate });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
let act;
if (kind === 'filter') {
  await p.locator('.filters summary').click();
  const box = p.locator('input[name=company][value=huawei]');
  act = async () => { const s = await p.locator('#summary-line').innerText(); await box.click(); await p.waitForFunction((t) => document.querySelector('#summary-line').innerText !== t, s); };
} else if (kind === 'country') {
  const cs = ['KEN', 'UGA', 'ZMB', 'PAK', 'ECU', 'SRB'];
  let i = 0;
  act = async () => { const k = cs[i++ % cs.length]; await p.click(`#c-${k}`); await p.locator(`#country-panel[data-country=${k}]`).waitFor(); };
}
await p.waitForTimeout(300);
await cdp.send('Profiler.start');
for (let i = 0; i < +reps; i++) { await act(); await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))); }
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = new Map(), incl = new Map();
const name = (n) => (n.callFrame.functionName || '(anon)') + (n.callFrame.url ? '' : '');
for (const [id, t] of dt) {
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + t);
  const seen = new Set();
  for (let x = id; x != null; x = parent.get(x)) { const nm = name(byId.get(x)); if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + t); } }
}
const fmt = (m) => [...m].sort((a, b) => b[1] - a[1]).filter(([k]) => !['(idle)', '(root)', '(program)'].includes(k) || true).slice(0, +process.env.TOP || 45).map(([k, v]) => `${(v / 1000 / +reps).toFixed(2).padStart(8)} ms  ${k.slice(0, 150)}`).join('\n');
console.log('--- self per interaction\n' + fmt(self));
console.log('--- inclusive per interaction\n' + fmt(incl));
await b.close();
// component attribution: for each sample, the innermost frame naming a component type
const comp = new Map();
for (const [id, t] of dt) {
  let label = null;
  for (let x = id; x != null; x = parent.get(x)) { const nm = name(byId.get(x)); const m = nm.match(/components::(\w+)::(\w+)/); if (m) { label = m[1]; break; } }
  if (label) comp.set(label, (comp.get(label) ?? 0) + t);
}
console.log('--- innermost component per interaction\n' + fmt(comp));

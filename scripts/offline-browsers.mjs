// Opens the single-file offline copy from file:// in Firefox and in WebKit (Safari's engine) and
// checks that the app starts, Kenya's panel opens and French loads from the file. Not part of
// command 2 (it needs two more browsers); run it by hand before a release:
//   apt-get install firefox-esr webkit2gtk-driver xvfb     (Debian packages)
//   node scripts/offline-browsers.mjs [dist/surveillance-atlas-offline.html]
// Firefox is driven over WebDriver BiDi (--remote-debugging-port, built into Firefox), WebKitGTK's
// MiniBrowser over W3C WebDriver (WebKitWebDriver under xvfb-run). Screenshots go to target/.
// Exits non-zero if either browser fails a check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

const file = path.resolve(process.argv[2] || 'dist/surveillance-atlas-offline.html');
const url = 'file://' + file;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
fs.mkdirSync('target', { recursive: true });

// The same checks in both browsers, through `ev(js) → value` (the script returns a value).
async function checks(name, ev, screenshot) {
  let state = '';
  for (let i = 0; i < 60 && !/\bready\b/.test(state); i++) {
    state = await ev("return document.documentElement.className + ' ' + document.querySelectorAll('svg.map path.shaded').length");
    if (!/\bready\b/.test(state)) await sleep(500);
  }
  const ok = [];
  ok.push(['app started', /\bready\b/.test(state), state]);
  await ev("document.querySelector('#c-KEN').dispatchEvent(new MouseEvent('click', {bubbles: true})); return 1");
  await sleep(1500);
  const panel = await ev("var p = document.querySelector('#country-panel'); return p ? p.getAttribute('data-country') + ' ' + p.querySelectorAll('article').length : 'none'");
  ok.push(["Kenya's panel", /^KEN [1-9]/.test(panel), panel]);
  await ev("var s = document.querySelector('.prefs select'); s.value = 'fr'; s.dispatchEvent(new Event('change', {bubbles: true})); return 1");
  await sleep(1500);
  const lang = await ev("return document.documentElement.lang + ' ' + document.querySelector('h1').textContent");
  ok.push(['French from the file', lang === 'fr Atlas de la surveillance', lang]);
  await screenshot(`target/offline-${name}.png`);
  for (const [what, pass, seen] of ok) console.log(`${pass ? 'ok' : 'FAIL'}  ${name}: ${what} (${seen})`);
  return ok.every(([, pass]) => pass);
}

async function firefox() {
  const prof = fs.mkdtempSync('/tmp/atlas-ff-');
  const ff = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', prof, '--remote-debugging-port', '9333', '--window-size=1280,900'], { stdio: 'ignore' });
  try {
    let ws;
    for (let i = 0; i < 60 && !ws; i++) {
      await sleep(500);
      try { const s = new WebSocket('ws://127.0.0.1:9333/session'); await new Promise((res, rej) => { s.once('open', res); s.once('error', rej); }); ws = s; } catch { /* not up yet */ }
    }
    if (!ws) throw new Error('Firefox did not open its WebDriver BiDi port');
    let id = 0;
    const pending = new Map();
    ws.on('message', (m) => { const msg = JSON.parse(m); pending.get(msg.id)?.(msg); pending.delete(msg.id); });
    const send = (method, params) => new Promise((res) => { pending.set(++id, res); ws.send(JSON.stringify({ id, method, params })); });
    await send('session.new', { capabilities: {} });
    const context = (await send('browsingContext.getTree', {})).result.contexts[0].context;
    await send('browsingContext.navigate', { context, url, wait: 'complete' });
    const ev = async (body) => (await send('script.evaluate', { expression: `(() => { ${body} })()`, target: { context }, awaitPromise: false })).result?.result?.value;
    const shot = async (out) => { const r = await send('browsingContext.captureScreenshot', { context }); if (r.result) fs.writeFileSync(out, Buffer.from(r.result.data, 'base64')); };
    const pass = await checks('firefox', ev, shot);
    ws.close();
    return pass;
  } finally {
    ff.kill();
    fs.rmSync(prof, { recursive: true, force: true });
  }
}

async function webkit() {
  const drv = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', 'WebKitWebDriver', '--port=4455'], { stdio: 'ignore', detached: true });
  const req = async (method, p, body) => (await fetch('http://127.0.0.1:4455' + p, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) })).json();
  try {
    let sid;
    for (let i = 0; i < 40 && !sid; i++) {
      await sleep(500);
      try {
        const s = await req('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation', '--geometry=1280x900'] } } } });
        sid = s.value?.sessionId;
      } catch { /* not up yet */ }
    }
    if (!sid) throw new Error('WebKitWebDriver did not start a session');
    await req('POST', `/session/${sid}/url`, { url });
    const ev = async (body) => (await req('POST', `/session/${sid}/execute/sync`, { script: body, args: [] })).value;
    const shot = async (out) => { const r = await req('GET', `/session/${sid}/screenshot`); if (r.value) fs.writeFileSync(out, Buffer.from(r.value, 'base64')); };
    const pass = await checks('webkit', ev, shot);
    await req('DELETE', `/session/${sid}`);
    return pass;
  } finally {
    try { process.kill(-drv.pid); } catch { /* gone */ }
  }
}

const results = [await firefox().catch((e) => { console.log(`FAIL  firefox: ${e.message}`); return false; }), await webkit().catch((e) => { console.log(`FAIL  webkit: ${e.message}`); return false; })];
process.exit(results.every(Boolean) ? 0 : 1);

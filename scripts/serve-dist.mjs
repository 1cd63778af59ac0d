// A small static file server for dist/ on 127.0.0.1, with the right MIME types
// (application/wasm for .wasm), compressing text and wasm with brotli (or gzip) when the client
// accepts it, as a production host would; the compressed bodies are cached in memory by path
// and modification time. Usage: node scripts/serve-dist.mjs [DIR] [PORT]
// Prints "listening on http://127.0.0.1:PORT/" once ready. PORT 0 picks a free port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.txt']);
const cache = new Map();

/** The body in the best encoding the request accepts: [encoding or null, bytes]. */
function encode(file, mtimeMs, body, acceptEncoding = '') {
  if (!COMPRESSIBLE.has(path.extname(file)) || body.length < 512) return [null, body];
  // "br;q=1.0, gzip, deflate" → the codings with a q above 0.
  const accepted = new Set(acceptEncoding.split(',').map((part) => part.trim().split(';')).filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0).map(([name]) => name.trim().toLowerCase()));
  const accepts = (name) => accepted.has(name);
  const encoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
  if (!encoding) return [null, body];
  const key = `${encoding} ${file} ${mtimeMs}`;
  if (!cache.has(key)) {
    cache.set(key, encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : zlib.gzipSync(body, { level: 9 }));
  }
  return [encoding, cache.get(key)];
}

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export function createServer(dir = root) {
  return http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
        st = null; // the directory's; the index file's own time is read below
      }
      fs.readFile(file, (err2, raw) => {
        if (err2) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        let mtime = st?.mtimeMs;
        if (mtime == null) try { mtime = fs.statSync(file).mtimeMs; } catch { mtime = 0; }
        const [encoding, body] = encode(file, mtime, raw, String(req.headers['accept-encoding'] || ''));
        res.writeHead(200, {
          'content-type': types[path.extname(file)] || 'application/octet-stream',
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          vary: 'accept-encoding',
          'content-length': body.length,
          ...(encoding ? { 'content-encoding': encoding } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = createServer();
  server.listen(port, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}/ (serving ${root})`);
  });
}

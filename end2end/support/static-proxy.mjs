// A small same-origin server for tests and benchmarks: serves a built dist/ (with SPA
// fallback to index.html) and forwards /v2/ and /v3/ to an SWR backend, as Trunk's proxy
// and nginx do. Usage: node static-proxy.mjs DIST_DIR BACKEND_URL [PORT]   (PORT 0 = free)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

export function startStaticProxy(dist, backend, port = 0) {
  const target = new URL(backend);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/v2/') || req.url.startsWith('/v3/')) {
      const headers = { ...req.headers, host: target.host };
      const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on('error', () => { res.destroy(); });
      req.pipe(up);
      return;
    }
    const clean = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dist, path.normalize(clean).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(path.resolve(dist)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(dist, 'index.html');
    }
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, backend, port] = process.argv.slice(2);
  const server = await startStaticProxy(path.resolve(dist), backend, Number(port || 0));
  console.log(`serving ${dist} on http://127.0.0.1:${server.address().port} (API → ${backend})`);
}

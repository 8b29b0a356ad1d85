// The development and test server: serves a built dist/ (SPA fallback to index.html) and
// forwards /v2/ and /v3/ to an SWR backend, as nginx does in production. It sends the
// production Content-Security-Policy, read from deploy/nginx/swr-share-server.conf so the
// two cannot drift, with a fresh nonce per page filled into Trunk's loader script.
//
// Usage: node scripts/serve.mjs DIST_DIR BACKEND_URL [PORT]   (PORT 0 = a free one)
// The first line it prints is "serving DIST on http://127.0.0.1:PORT (API → BACKEND)".
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
const NONCE_MARK = '{{__TRUNK NONCE__}}';

/** The policy nginx sends, with `nonce` for nginx's `$request_id` and no framing but our own. */
export function productionCsp(nonce, frameAncestors = "'self'") {
  const conf = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx', 'swr-share-server.conf'), 'utf8');
  const m = conf.match(/add_header Content-Security-Policy "([^"]+)"/);
  if (!m) throw new Error('no Content-Security-Policy in deploy/nginx/swr-share-server.conf');
  return m[1].replaceAll('$request_id', nonce).replaceAll('$swr_share_frame_ancestors', frameAncestors);
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** `csp: false` serves plain files (a test's stand-in for a third-party portal). */
export function startStaticProxy(dist, backend, port = 0, { frameAncestors = "'self'", csp = true } = {}) {
  const target = new URL(backend);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/v2/') || req.url.startsWith('/v3/')) {
      const headers = { ...req.headers, host: target.host };
      const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode, { ...r.headers, 'cache-control': 'no-store' });
        r.pipe(res);
      });
      up.on('error', () => { res.destroy(); });
      req.pipe(up);
      return;
    }
    let clean;
    try {
      clean = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(dist, path.normalize(clean).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(path.resolve(dist)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(dist, 'index.html');
    }
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const nonce = crypto.randomBytes(16).toString('hex');
    const headers = {
      ...SECURITY_HEADERS,
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (csp) headers['content-security-policy'] = productionCsp(nonce, frameAncestors);
    if (path.extname(file) === '.html') {
      const html = fs.readFileSync(file, 'utf8').replaceAll(NONCE_MARK, nonce);
      res.writeHead(200, headers).end(html);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, backend, port] = process.argv.slice(2);
  if (!dist || !backend) {
    console.error('usage: node scripts/serve.mjs DIST_DIR BACKEND_URL [PORT]');
    process.exit(2);
  }
  try {
    const server = await startStaticProxy(path.resolve(dist), backend, Number(port || 0));
    console.log(`serving ${dist} on http://127.0.0.1:${server.address().port} (API → ${backend})`);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  }
}

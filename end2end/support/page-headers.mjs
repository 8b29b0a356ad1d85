// What both servers (nginx in production, scripts/serve.mjs for the run command) must send
// with the page: a strict CSP with Trusted Types and a fresh nonce per response, which the
// inline loader carries, and the security headers.
import assert from 'node:assert/strict';

/** Checks the page at `url` and a second answer for it; returns the first CSP's nonce. */
export async function checkPageHeaders(url) {
  const r = await fetch(url);
  assert.equal(r.status, 200);
  const csp = r.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'nonce-[0-9a-f]{32}' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.match(csp, /require-trusted-types-for 'script'; trusted-types swr-share;/);
  assert.match(csp, /frame-ancestors 'self'/);
  const nonce = csp.match(/'nonce-([0-9a-f]{32})'/)[1];
  const html = await r.text();
  assert.ok(html.includes(`<script type="module" nonce="${nonce}">`), 'the inline loader has this response\'s nonce');
  assert.ok(!html.includes('TRUNK NONCE'));
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  const again = await fetch(url);
  assert.notEqual(again.headers.get('content-security-policy'), csp, 'a new nonce per response');
  return { nonce, csp, headers: r.headers };
}

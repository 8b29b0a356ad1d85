// The Node server of the run command (scripts/serve.mjs): the rest of the suite runs behind
// nginx, the production path, so what is the Node server's own is tested here: the
// production CSP and security headers with a fresh nonce filled into the loader, the
// same-origin proxy to SWR with the token passed through, and the console working behind it
// with no CSP violation.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, scenario } from '../support/env.mjs';
import { productionCsp } from '../support/static-proxy.mjs';
import { ConsolePage } from '../support/console-page.mjs';
import { checkPageHeaders } from '../support/page-headers.mjs';

let env;
before(async () => { env = await startAll({ server: 'node' }); });
after(async () => { await env?.stop(); });

const get = (p, headers = {}) => fetch(`${env.appUrl}${p}`, { headers });

test('index.html: the production CSP with a fresh nonce the loader carries, and the security headers', async () => {
  const { nonce, csp } = await checkPageHeaders(`${env.appUrl}/?namespace=acme-prod&repository=payments-api`);
  assert.equal(csp, productionCsp(nonce), 'the policy of deploy/nginx, nonce filled in');
});

test('the proxy passes /v2/ with the token to SWR, and answers are not cached', async () => {
  const token = await env.emulator.token();
  const r = await get('/v2/manage/namespaces/acme-prod/repos/payments-api/access-domains', { 'x-auth-token': token });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  assert.ok((await r.json()).length >= 5);
  const refused = await get('/v2/manage/namespaces/acme-prod/repos/payments-api/access-domains');
  assert.equal(refused.status, 401, 'no token, no list');
});

test('the console works behind it: token, list, no CSP or Trusted Types violation', () =>
  scenario(env, 'node server console', async (page) => {
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.useToken(await env.emulator.token());
    await c.row('partner-bank').waitFor();
    assert.deepEqual(violations, []);
  }));

// The shipped nginx configuration (deploy/nginx/), always run under Debian's nginx:
// caching, compression, security headers, the allow-listed proxy, sub-path hosting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';
import { checkPageHeaders } from '../support/page-headers.mjs';

const env = useEnv({ server: 'nginx' });

const get = (p, headers = {}) => fetch(`${env.appUrl}${p}`, { headers });

test('index.html: no-cache, a strict CSP whose nonce the loader script carries', async () => {
  const { headers } = await checkPageHeaders(`${env.appUrl}/`);
  assert.equal(headers.get('cache-control'), 'no-cache');
});

test('Trusted Types: a plain string assigned to innerHTML is refused; the rows come through the policy', () =>
  scenario(env, 'trusted types', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.useToken(await env.emulator.token());
    await c.row('partner-bank').waitFor();
    const refused = await page.evaluate(() => {
      const sinks = {
        innerHTML: () => { document.body.innerHTML = '<b>x</b>'; },
        insertAdjacentHTML: () => document.body.insertAdjacentHTML('beforeend', '<b>x</b>'),
        outerHTML: () => { document.body.firstElementChild.outerHTML = '<b>x</b>'; },
        policyAgain: () => trustedTypes.createPolicy('swr-share', { createHTML: (s) => s }),
        otherPolicy: () => trustedTypes.createPolicy('mine', { createHTML: (s) => s }),
      };
      return Object.fromEntries(Object.entries(sinks).map(([k, f]) => {
        try { f(); return [k, 'allowed']; } catch (e) { return [k, e.name]; }
      }));
    });
    assert.deepEqual(refused, { innerHTML: 'TypeError', insertAdjacentHTML: 'TypeError', outerHTML: 'TypeError', policyAgain: 'TypeError', otherPolicy: 'TypeError' });
    assert.ok(await c.row('partner-bank').isVisible(), 'the page is as it was');
  }, { expectViolations: 5 }));

test('hashed assets are cached for a year, compressed, with the right types; config.json is not cached', async () => {
  const html = await (await get('/')).text();
  const wasm = html.match(/href="\.\/([^"]+_bg\.wasm)"/)[1];
  const js = html.match(/href="\.\/(swr-share-[0-9a-f]+\.js)"/)[1];
  for (const [file, type] of [[wasm, 'application/wasm'], [js, 'application/javascript']]) {
    const plain = await (await get(`/${file}`, { 'accept-encoding': 'identity' })).arrayBuffer();
    // The build's precompressed copies, sent as they are; fetch decodes them.
    for (const encoding of ['gzip', 'br']) {
      const r = await get(`/${file}`, { 'accept-encoding': encoding });
      assert.equal(r.status, 200, file);
      assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', file);
      assert.equal(r.headers.get('content-type').split(';')[0], type, file);
      assert.equal(r.headers.get('content-encoding'), encoding, file);
      assert.match(r.headers.get('vary') ?? '', /accept-encoding/i, file);
      assert.ok(Buffer.from(await r.arrayBuffer()).equals(Buffer.from(plain)), `${file} (${encoding}) decodes to the file`);
    }
  }
  const cfg = await get('/config.json');
  assert.equal(cfg.headers.get('cache-control'), 'no-cache');
  assert.equal((await cfg.json()).regions[0].swr, '/swr/eu-de');
  assert.equal((await get('/embed.js')).headers.get('cache-control'), 'no-cache');
});

test('the proxy serves only allow-listed regions and paths, and passes the tokens through', async () => {
  const login = await fetch(`${env.appUrl}/iam/eu-de/v3/auth/tokens`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: 'portal=secret' },
    body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'alice', password: 'Demo-Passw0rd', domain: { name: 'acme' } } } }, scope: { project: { name: 'eu-de' } } } }),
  });
  assert.equal(login.status, 201);
  const token = login.headers.get('x-subject-token');
  assert.match(token, /^MII/);
  assert.equal(login.headers.get('cache-control'), 'no-store');
  const list = await get('/swr/eu-de/v2/manage/namespaces/acme-prod/repositories/tools$builder/access-domains', { 'x-auth-token': token });
  assert.equal(list.status, 200);
  assert.equal((await list.json()).length, 2);
  assert.equal(list.headers.get('set-cookie'), null);

  for (const p of ['/swr/nowhere/v2/manage/namespaces', '/swr/eu-de/v3/auth/tokens', '/swr/eu-de/_emulator/state',
    '/iam/eu-de/v3/users', '/iam/attacker.example/v3/auth/tokens', '/swr/eu-de/v2/manage/../../_emulator/state']) {
    assert.equal((await get(p, { 'x-auth-token': token })).status, 404, p);
  }
  const put = await fetch(`${env.appUrl}/swr/eu-de/v2/manage/namespaces`, { method: 'PUT', headers: { 'x-auth-token': token } });
  assert.equal(put.status, 403);
});

test('hosted under a sub-path: assets, config.json and deep links work', () =>
  scenario(env, 'sub-path', async (page) => {
    const c = new ConsolePage(page, env.subPathUrl.replace(/\/$/, ''));
    await c.open('?namespace=acme-prod&repository=tools/builder');
    await c.useToken(await env.emulator.token());
    await c.row('ci-runner-co').waitFor();
    assert.match(await page.getByTestId('api-base').textContent(), /\/swr\/eu-de/);
    await page.reload();
    assert.equal(await c.repository.inputValue(), 'tools/builder');
    assert.ok(page.url().startsWith(`${env.subPathUrl}?`));
  }));

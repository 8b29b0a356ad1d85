// User stories of signing in: IAM credentials, token expiry shown, a refused token asked
// for again without losing the view, keep-for-this-tab and sign-out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const env = useEnv();

async function signIn(page, password = 'Demo-Passw0rd') {
  // The sign-in form sits in a disclosure; open it unless it is open already.
  if (!(await page.getByLabel('IAM user name').isVisible())) await page.getByText('Sign in with an IAM user instead').click();
  await page.getByLabel('IAM user name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('IAM account name').fill('acme');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('sign in with IAM user, password and account; the token expiry is shown', () =>
  scenario(env, 'iam sign-in', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    await signIn(page, 'wrong');
    await c.expectAlertContains('Not signed in.', 'HTTP 401', 'Check the user name, password and account name');
    await signIn(page);
    await c.table.waitFor();
    const status = await page.getByTestId('token-status').textContent();
    assert.match(status, /Signed in as alice \(acme\)\. The token expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC .* in (1 day|23 hours)/);
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'the password is not kept');
  }));

test('a pasted token gets its expiry from IAM', () =>
  scenario(env, 'token expiry', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open();
    await c.token.fill(await env.emulator.token());
    await c.token.press('Tab');
    await page.getByTestId('token-status').filter({ hasText: 'The token expires' }).waitFor();
  }));

test('a refused token asks for a new one and keeps filters and the repository', () =>
  scenario(env, 'reauth', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api&q=contract');
    await c.useToken((await env.emulator.admin('POST', '/tokens', { user: 'alice', expires_in_seconds: 60 })).token);
    await c.table.waitFor();
    // The token expires: the emulator's clock moves past it.
    await env.emulator.admin('PUT', '/clock', { advance_seconds: 120 });
    await page.getByRole('button', { name: 'Reload' }).click();
    await c.expectAlertContains('HTTP 401 · SVCSTG.SWR.4010000', 'token was refused');
    // The view stays as it was: the filter field with its words, while the list is refused.
    assert.equal(await c.filter.inputValue(), 'contract');
    assert.equal(await c.filter.isVisible(), true);
    await page.getByRole('button', { name: 'Enter a new token' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ss-token');
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    assert.deepEqual(await c.accounts(), ['contractor-ops', 'old-vendor'], 'the filter survived');
    assert.equal(await c.filter.inputValue(), 'contract');
  }));

test('keep me signed in for this tab uses sessionStorage only; sign out clears everything', () =>
  scenario(env, 'keep and sign out', async (page) => {
    const token = await env.emulator.token();
    const c = await ConsolePage.openDemo(page, env, { token });
    const stored = () => page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    assert.ok(!(await stored()).includes(token), 'not stored unless asked');
    await page.getByLabel('Keep me signed in for this tab').check();
    const s = JSON.parse(await stored());
    assert.ok(JSON.stringify(s.session).includes(token));
    assert.ok(!JSON.stringify(s.local).includes(token), 'never localStorage');
    await page.reload();
    await c.table.waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.equal(await c.token.inputValue(), '');
    assert.ok(!(await stored()).includes(token));
    await page.reload();
    assert.match(await c.listStatus.textContent(), /Paste a token/);
  }));

/** The tab keeps `token` before the page loads, as after "Keep me signed in for this tab". */
const keptToken = (page, token) => page.addInitScript((t) => {
  sessionStorage.setItem('swr-share.session', JSON.stringify({ token: t, expires_at: '', user: '', account: '' }));
}, token);

/**
 * Holds the wasm back until the page has sent a GET whose URL `matches`: the page must not
 * need the wasm to ask. Resolves with the list of those URLs, which grows as they are sent.
 */
async function wasmAfterRequest(page, matches) {
  const urls = [];
  let asked;
  const seen = new Promise((resolve) => { asked = resolve; });
  page.on('request', (r) => {
    if (r.method() === 'GET' && matches(r.url())) { urls.push(r.url()); asked(); }
  });
  await page.route(/_bg\.wasm$/, async (route) => { await seen; await route.continue(); });
  return urls;
}

test('a kept token: the list is asked for while the wasm loads, once, and its rows are shown', () =>
  scenario(env, 'early list', async (page) => {
    const token = await env.emulator.token();
    await keptToken(page, token);
    const lists = await wasmAfterRequest(page, (url) => url.endsWith('/access-domains'));
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=tools/builder');
    await c.table.waitFor();
    const swr = await (await fetch(`${env.emulator.url}/v2/manage/namespaces/acme-prod/repositories/tools$builder/access-domains`,
      { headers: { 'content-type': 'application/json', 'x-auth-token': token } })).json();
    assert.deepEqual((await c.accounts()).sort(), swr.map((s) => s.access_domain).sort());
    assert.equal(await c.token.inputValue(), token, 'the kept token is in its field');
    await page.waitForLoadState('networkidle');
    assert.equal(lists.length, 1, `one list request, the page's own: ${lists.join(', ')}`);
    assert.match(lists[0], /\/namespaces\/acme-prod\/repositories\/tools\$builder\/access-domains$/);
    // A reload of the list asks SWR again: the early answer is never used twice.
    const again = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith('/access-domains'));
    await page.getByRole('button', { name: 'Reload' }).click();
    await again;
    assert.equal(lists.length, 2);
  }));

test('config.json is asked for once, before the styles and the module: the page preloads it and the early script takes that answer', () =>
  scenario(env, 'config preloaded', async (page) => {
    await keptToken(page, await env.emulator.token());
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop()));
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.table.waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(asked.filter((f) => f === 'config.json').length, 1, asked.join(', '));
    const first = (re) => asked.findIndex((f) => re.test(f));
    assert.ok(first(/^config\.json$/) < first(/_bg\.wasm$/), `before the module: ${asked.join(', ')}`);
    assert.ok(first(/^config\.json$/) < first(/\.css$/), `before the styles: ${asked.join(', ')}`);
    const how = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/config.json')).map((e) => e.initiatorType));
    assert.deepEqual(how, ['link'], 'fetched by the preload, and only by it');
  }));

test('a kept token and the organization overview: its shared repositories are asked for while the wasm loads, once', () =>
  scenario(env, 'early repositories', async (page) => {
    await keptToken(page, await env.emulator.token());
    const repos = await wasmAfterRequest(page, (url) => url.includes('/v2/manage/shared-repositories?'));
    await page.goto(`${env.appUrl}/?view=org&namespace=acme-fleet`);
    await page.getByTestId('org-summary').waitFor();
    const inView = Number((await page.getByText(/^Export the \d+ rows in view:$/).textContent()).match(/\d+/)[0]);
    assert.equal(inView, 2240, 'every share of the 64 repositories');
    await page.waitForLoadState('networkidle');
    assert.equal(repos.length, 1, `one request for the repositories, the page's own: ${repos.join(', ')}`);
    assert.match(repos[0], /\/v2\/manage\/shared-repositories\?center=self&namespace=acme-fleet&limit=1000&offset=0$/);
    // Loading again asks SWR again: the early answer is never used twice.
    const again = page.waitForRequest((r) => r.url().includes('/v2/manage/shared-repositories?'));
    await page.getByRole('button', { name: 'Load every share' }).click();
    await again;
    assert.equal(repos.length, 2);
  }));

/** Counts animation frames, and notes the frame in which the console and its first row appear. */
const frameProbe = (page) => page.addInitScript(() => {
  const seen = (window.__frames = { n: 0 });
  const tick = () => { seen.n += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new MutationObserver(() => {
    if (seen.shell === undefined && document.querySelector('.swr-share')) { seen.shell = seen.n; seen.shellAt = performance.now(); }
    if (seen.row === undefined && document.querySelector('tbody tr')) seen.row = seen.n;
  }).observe(document, { subtree: true, childList: true });
});

test('a kept token: the console appears with its rows in one frame, and a slow list does not hold it back', () =>
  scenario(env, 'early list one frame', async (page) => {
    await keptToken(page, await env.emulator.token());
    await frameProbe(page);
    // The wasm is held back until SWR has answered, so that the answer is there when the
    // console starts, however busy this machine is.
    let answered;
    const listAnswered = new Promise((resolve) => { answered = resolve; });
    page.on('response', (r) => { if (r.url().endsWith('/access-domains')) answered(); });
    await page.route(/_bg\.wasm$/, async (route) => { await listAnswered; await route.continue(); });
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=tools/builder');
    await c.table.waitFor();
    const fast = await page.evaluate(() => window.__frames);
    const asked = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /access-domains|config\.json/.test(e.name)).map((e) => `${e.name.split('/').pop()} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms`));
    assert.equal(fast.row, fast.shell, `rows in the console's first frame (console in frame ${fast.shell} at ${Math.round(fast.shellAt)} ms, rows in frame ${fast.row}; ${asked.join(', ')})`);

    // SWR takes 3 s: the console shows itself (loading) long before the answer.
    const list = '/v2/manage/namespaces/acme-prod/repositories/tools$builder/access-domains';
    await env.emulator.fault({ method: 'GET', path: list, kind: 'delay', ms: 3000, times: 1 });
    await page.unroute(/_bg\.wasm$/);
    await page.reload();
    await c.table.waitFor();
    const slow = await page.evaluate(() => ({
      ...window.__frames,
      answered: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/access-domains')).responseEnd,
    }));
    assert.ok(slow.shellAt < slow.answered - 2000, `the console appeared at ${Math.round(slow.shellAt)} ms, the list answered at ${Math.round(slow.answered)} ms`);
    assert.ok(slow.row > slow.shell, 'the rows came later, in their own frame');
  }));

test('a kept token: a failure of the early list request is shown in place and retried', () =>
  scenario(env, 'early list failure', async (page) => {
    await keptToken(page, await env.emulator.token());
    await env.emulator.fault({ method: 'GET', path: '/v2/manage/namespaces/acme-prod/repositories/tools$builder/access-domains',
      kind: 'status', status: 500, error_code: 'SVCSTG.SWR.5000001', error_message: 'Internal error', times: 1 });
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=tools/builder');
    await c.expectAlertContains('Could not load the shares.', 'HTTP 500', 'SVCSTG.SWR.5000001');
    await page.getByRole('button', { name: 'Reload' }).click();
    await c.table.waitFor();
    assert.ok((await c.accounts()).length >= 1);
  }));

test('a kept token: a failure of the organization overview\'s early request is shown in place and retried', () =>
  scenario(env, 'early repositories failure', async (page) => {
    await keptToken(page, await env.emulator.token());
    await env.emulator.fault({ method: 'GET', path: '/v2/manage/shared-repositories', kind: 'status', status: 500,
      error_code: 'SVCSTG.SWR.5000001', error_message: 'Internal error', times: 1 });
    await page.goto(`${env.appUrl}/?view=org&namespace=acme-fleet`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not list the repositories.' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /HTTP 500 · SVCSTG\.SWR\.5000001/);
    await page.getByRole('button', { name: 'Load every share' }).click();
    await page.getByTestId('org-summary').waitFor();
    assert.match(await page.getByTestId('org-summary').textContent(), /^2240 shares across 64 shared repositories/);
    assert.equal(await alert.count(), 0, 'the failure is gone once the load succeeds');
  }));

// User stories of signing in: IAM credentials, token expiry shown, a refused token asked
// for again without losing the view, keep-for-this-tab and sign-out.
import { before, after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });
beforeEach(async () => { await env.emulator.reset(); });

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
    await c.expectAlertContains('HTTP 401', 'token was refused');
    await page.getByRole('button', { name: 'Enter a new token' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ss-token');
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    assert.deepEqual(await c.accounts(), ['contractor-ops', 'old-vendor'], 'the filter survived');
    assert.equal(await c.filter.inputValue(), 'contract');
  }));

test('keep me signed in for this tab uses sessionStorage only; sign out clears everything', () =>
  scenario(env, 'keep and sign out', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    const token = await env.emulator.token();
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.useToken(token);
    await c.table.waitFor();
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

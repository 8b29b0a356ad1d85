// User story: open a repository (by typing or from a link) and see who may pull it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const env = useEnv();

test('a deep link opens the repository and lists every share with its status in words', () =>
  scenario(env, 'deep link list', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    assert.equal(await c.organization.inputValue(), 'acme-prod');
    assert.equal(await c.repository.inputValue(), 'payments-api');
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    assert.deepEqual((await c.accounts()).sort(),
      ['auditor-kpmg', 'contractor-ops', 'group-subsidiary', 'old-vendor', 'partner-bank']);
    const forever = await c.row('partner-bank').textContent();
    assert.match(forever, /Forever/);
    assert.match(forever, /Valid/);
    assert.match(forever, /Settlement integration/);
    assert.match(await c.row('old-vendor').textContent(), /Expired/);
    assert.match(await c.listStatus.textContent(), /shared with 5 accounts \(5 of at most 500\)/);
    assert.equal(await page.getByTestId('expiry-summary').textContent(), '1 expired, 1 expires within 14 days');
  }));

test('a repository name with a slash works, and the URL keeps the choice', () =>
  scenario(env, 'slash repository', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open();
    await c.useToken(await env.emulator.token());
    await c.openRepository('acme-prod', 'tools/builder');
    await c.row('ci-runner-co').waitFor();
    assert.match(page.url(), /\?namespace=acme-prod&repository=tools\/builder$/);
    await page.reload();
    assert.equal(await c.repository.inputValue(), 'tools/builder');
    assert.match(await c.listStatus.textContent(), /Paste a token/, 'the token was in memory only');
  }));

test('invalid names are explained as typed and nothing is loaded', () =>
  scenario(env, 'invalid names', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open();
    await c.useToken(await env.emulator.token());
    await c.organization.fill('Acme___prod');
    await c.repository.fill('tools//builder');
    await c.showShares.click();
    assert.equal(await c.fieldError('ss-namespace-msg').textContent(), 'Use lowercase letters only.');
    assert.match(await c.fieldError('ss-repository-msg').textContent(), /'\/\/' is not allowed: separators cannot be next to each other/);
    assert.equal(await c.organization.getAttribute('aria-invalid'), 'true');
    assert.match(await c.listStatus.textContent(), /Enter an organization and a repository/);
    assert.equal(await c.table.count(), 0);
  }));

test('an unknown repository gets the status, the SWR code and what to do', () =>
  scenario(env, 'unknown repository', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=no-such-image');
    await c.useToken(await env.emulator.token());
    await c.expectAlertContains('HTTP 404 · SVCSTG.SWR.4040010', 'Check the organization and repository names');
  }));

test('exactly 100 rows warns that the list may be truncated', () =>
  scenario(env, 'truncation warning', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=big-catalog');
    await c.useToken(await env.emulator.token());
    await page.getByRole('note').filter({ hasText: 'exactly 100 rows' }).waitFor();
    assert.equal((await c.accounts()).length, 50, 'pages of 50');
    await page.getByText('Page 1 of 2 (100 shares)').waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2 of 2 (100 shares)').waitFor();
    assert.match(page.url(), /page=2/);
    assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true);
    assert.equal((await c.accounts()).length, 50);
  }));

test('the token never reaches the URL or browser storage', () =>
  scenario(env, 'token stays in memory', async (page) => {
    const token = await env.emulator.token();
    const c = await ConsolePage.openDemo(page, env, { token });
    assert.ok(!page.url().includes(token));
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    assert.ok(!stored.includes(token), 'not in localStorage, sessionStorage or cookies');
  }));

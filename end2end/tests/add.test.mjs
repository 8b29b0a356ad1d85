// User story: share the repository with one more account, and understand any refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage, utcDay } from '../support/console-page.mjs';

const env = useEnv();

async function openEmpty(page, user = 'alice') {
  const c = new ConsolePage(page, env.appUrl);
  await c.open('?namespace=acme-prod&repository=empty-repo');
  await c.useToken(await env.emulator.token(user));
  await page.getByText('is not shared with any account yet').waitFor();
  return c;
}

test('a new share appears in the table with its cut-off stated', () =>
  scenario(env, 'add share', async (page) => {
    const c = await openEmpty(page);
    const day = utcDay(30);
    await c.account.fill('new-partner');
    await c.lastDay.fill(day);
    assert.match(await c.addForm.getByTestId('cutoff').textContent(), new RegExp(`Valid through ${day} \\(UTC\\)\\. Access ends at \\d{4}-\\d{2}-\\d{2} 00:00 UTC`));
    await c.description.fill('Pilot project');
    await c.shareButton.click();
    await c.row('new-partner').waitFor();
    const row = await c.row('new-partner').textContent();
    assert.match(row, new RegExp(day));
    assert.match(row, /Valid/);
    assert.match(row, /Pilot project/);
    assert.match(row, /alice/);
    assert.match(await page.getByRole('status').filter({ hasText: 'Shared acme-prod/empty-repo with new-partner' }).textContent(), /access ends/);
    assert.equal(await c.account.inputValue(), '', 'the form is ready for the next account');
  }));

test('forever shares are sent as forever', () =>
  scenario(env, 'add forever', async (page) => {
    const c = await openEmpty(page);
    await c.addShare({ account: 'Forever-Partner', forever: true });
    await c.row('forever-partner').waitFor();
    assert.match(await c.row('forever-partner').textContent(), /Forever/);
    assert.equal(await c.lastDay.isDisabled(), true);
  }));

test('every validation message, before anything is sent', () =>
  scenario(env, 'validation', async (page) => {
    const c = await openEmpty(page);
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    await c.addShare({ account: 'has space', description: 'x'.repeat(1001) });
    assert.match(await c.fieldError('ss-account-msg').textContent(), /A space is not allowed in an account name/);
    assert.match(await c.fieldError('ss-last-day-msg').textContent(), /Choose the last valid day, or choose Forever/);
    assert.match(await c.fieldError('ss-description-msg').textContent(), /At most 1000 characters \(this has 1001\); shorten it by 1/);
    await c.addShare({ account: '', lastDay: utcDay(-1) });
    assert.match(await c.fieldError('ss-account-msg').textContent(), /Enter the name of the account/);
    assert.match(await c.fieldError('ss-last-day-msg').textContent(), /is in the past: access would already have ended/);
    await c.addShare({ account: '-dash', forever: true });
    assert.match(await c.fieldError('ss-account-msg').textContent(), /starts with a letter or digit/);
    assert.equal(posts, 0);
  }));

test('a duplicate is caught before sending, also beyond the listed rows, and offered for editing', () =>
  scenario(env, 'duplicate', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=big-catalog');
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    await c.addShare({ account: 'TENANT-001', forever: true });
    assert.match(await c.fieldError('ss-account-msg').textContent(), /tenant-001 already has a share on this repository/);
    // tenant-110 exists but is past the 100-row list page: the account check finds it.
    await c.addShare({ account: 'tenant-110', forever: true, description: 'keep me' });
    await c.expectAlertContains('tenant-110 already has a share on this repository', 'nothing was sent');
    assert.equal(posts, 0, 'no POST, so no 409');
    assert.equal(await c.description.inputValue(), 'keep me');
    await page.getByRole('button', { name: 'Edit the existing share' }).click();
    await c.editDialog.waitFor();
    assert.match(await c.editDialog.getByRole('heading').textContent(), /tenant-110/);
  }));

test('a 409 that slips past the check (a race) is explained, and the input kept', () =>
  scenario(env, 'conflict race', async (page) => {
    const c = await openEmpty(page);
    await env.emulator.fault({ method: 'POST', path: '/v2/*', kind: 'status', status: 409,
      error_code: 'SVCSTG.SWR.4090089', error_message: 'The shared account already exists', times: 1 });
    await c.addShare({ account: 'racer', forever: true, description: 'keep me' });
    await c.expectAlertContains('Not shared.', 'HTTP 409 · SVCSTG.SWR.4090089', 'already has a share');
    assert.equal(await c.account.inputValue(), 'racer');
    assert.equal(await c.description.inputValue(), 'keep me');
  }));

test('SWR busy (409 4090023) says retry, not duplicate', () =>
  scenario(env, 'busy', async (page) => {
    const c = await openEmpty(page);
    await env.emulator.fault({ method: 'POST', path: '/v2/*', kind: 'status', status: 409,
      error_code: 'SVCSTG.SWR.4090023', error_message: 'System busy', times: 1 });
    await c.addShare({ account: 'retry-me', forever: true });
    await c.expectAlertContains('HTTP 409 · SVCSTG.SWR.4090023', 'busy; wait a moment and try again');
    await c.shareButton.click();
    await c.row('retry-me').waitFor();
  }));

test('refused token, missing permission and a dropped connection keep the form', () =>
  scenario(env, 'request failures', async (page) => {
    const c = await openEmpty(page, 'bob');
    await c.addShare({ account: 'needs-manage', forever: true, description: 'kept' });
    await c.expectAlertContains('HTTP 403 · SVCSTG.SWR.4039002', 'Manage permission');
    assert.equal(await c.description.inputValue(), 'kept');

    await c.useToken('MIIexpired-or-bogus');
    await c.expectAlertContains('Could not load the shares', 'HTTP 401 · SVCSTG.SWR.4010000', 'token was refused');

    await c.useToken(await env.emulator.token('alice'));
    // No `times`: Chromium retries a POST once when a reused connection closes unanswered.
    await env.emulator.fault({ method: 'POST', path: '/v2/*', kind: 'drop' });
    await c.shareButton.click();
    // nginx answers a dropped upstream with its own 502 page; without a proxy the browser
    // sees the connection close.
    if (env.server === 'nginx') await c.expectAlertContains('HTTP 502', 'Bad Gateway', 'cannot answer right now');
    else await c.expectAlertContains('No answer from SWR', 'Check the network');
    assert.equal(await c.account.inputValue(), 'needs-manage');
    assert.equal(await page.getByText(/^Shared acme-prod/).count(), 0, 'no success shown');
    await env.emulator.admin('DELETE', '/faults');
  }));

test('one click, one request: the button is disabled while SWR answers', () =>
  scenario(env, 'pending', async (page) => {
    const c = await openEmpty(page);
    await env.emulator.admin('PUT', '/latency', { ms: 800 });
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    await c.addShare({ account: 'slow-partner', forever: true });
    await page.getByRole('button', { name: 'Sharing…' }).waitFor();
    assert.equal(await c.shareButton.isDisabled(), true);
    await c.account.press('Enter');
    await c.row('slow-partner').waitFor();
    assert.equal(posts, 1);
  }));

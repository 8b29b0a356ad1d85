// Stories of trust: nothing stale or falsely successful is shown, a change made elsewhere
// is not overwritten, a refused token loses nothing, requests follow intent, and the
// messages say what is really wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage, utcDay } from '../support/console-page.mjs';

const NS = 'acme-prod';
const REPO = 'payments-api';
const BASE = `/v2/manage/namespaces/${NS}/repositories/${REPO}/access-domains`;

const env = useEnv();

const openPayments = (page, token) => ConsolePage.openDemo(page, env, { query: `?namespace=${NS}&repository=${REPO}`, token });

/** Calls SWR on the emulator directly, as another client (another tab, a script) would. */
async function swr(method, path, body) {
  const token = await env.emulator.token();
  const r = await fetch(`${env.emulator.url}${path}`, {
    method, headers: { 'content-type': 'application/json', 'x-auth-token': token }, body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(r.status < 300, `${method} ${path}: ${r.status}`);
}

const row = (page, account) => page.locator(`tr[data-account="${account}"]`);
const note = (page, account) => page.locator(`tr[data-note-for="${account}"]`);

test('extend after a change elsewhere: both versions shown, nothing overwritten, then the user chooses', () =>
  scenario(env, 'extend stale', async (page) => {
    const c = await openPayments(page);
    // Another tab sets +365 days and new words while this one shows the old row.
    await swr('PATCH', `${BASE}/contractor-ops`, { permit: 'read', deadline: `${utcDay(365)}T00:00:00Z`, description: 'Renewed for a year' });
    let patches = 0;
    page.on('request', (r) => { if (r.method() === 'PATCH') patches += 1; });
    await c.rowAction('contractor-ops', 'Extend +30 days');
    const alert = note(page, 'contractor-ops').getByRole('alert');
    await alert.filter({ hasText: 'Changed elsewhere since the list was loaded; nothing was sent' }).waitFor();
    const text = await alert.textContent();
    assert.match(text, new RegExp(`The list showed: valid until ${utcDay(4)}`));
    assert.match(text, new RegExp(`SWR has now: valid until ${utcDay(365)}, description "Renewed for a year"`));
    assert.equal(patches, 0, 'nothing sent on the stale row');
    await note(page, 'contractor-ops').getByRole('button', { name: new RegExp(`Extend what SWR has now \\(\\+30 days → ${utcDay(395)}\\)`) }).click();
    await note(page, 'contractor-ops').locator('.ss-success').filter({ hasText: `valid until ${utcDay(395)}` }).waitFor();
    assert.match(await row(page, 'contractor-ops').textContent(), /Renewed for a year/);
    assert.equal(patches, 1);
  }));

test('five quick clicks on Extend send one PATCH', () =>
  scenario(env, 'extend clicks', async (page) => {
    const c = await openPayments(page);
    await env.emulator.fault({ method: 'PATCH', path: `${BASE}/contractor-ops`, kind: 'delay', ms: 800 });
    let patches = 0;
    page.on('request', (r) => { if (r.method() === 'PATCH') patches += 1; });
    await row(page, 'contractor-ops').getByText('Actions', { exact: true }).click();
    // The same button, clicked five times at once (as a hurried mouse would), before the
    // first click has closed the menu or disabled it.
    await row(page, 'contractor-ops').locator('button', { hasText: 'Extend +30 days' }).evaluate((b) => {
      for (let i = 0; i < 5; i += 1) { b.disabled = false; b.click(); }
    });
    await note(page, 'contractor-ops').locator('.ss-success').filter({ hasText: `valid until ${utcDay(34)}` }).waitFor();
    assert.equal(patches, 1);
  }));

test('a share revoked meanwhile: saving says it no longer exists and offers to reload', () =>
  scenario(env, 'edit gone', async (page) => {
    const c = await openPayments(page);
    await c.rowAction('auditor-kpmg', 'Edit…');
    await c.editDialog.getByLabel('Description').fill('Too late');
    await swr('DELETE', `${BASE}/auditor-kpmg`);
    await c.editDialog.getByRole('button', { name: 'Save changes' }).click();
    const alert = c.editDialog.getByRole('alert');
    await alert.filter({ hasText: 'no longer exists' }).waitFor();
    assert.match(await alert.textContent(), /HTTP 400 · SVCSTG\.SWR\.4001090/);
    assert.doesNotMatch(await alert.textContent(), /correct the field/);
    assert.equal(await c.editDialog.getByLabel('Description').inputValue(), 'Too late');
    await alert.getByRole('button', { name: 'Reload the list' }).click();
    await row(page, 'auditor-kpmg').waitFor({ state: 'detached' });
  }));

test('the 500-share limit says so and how to free a place', () =>
  scenario(env, 'share limit', async (page) => {
    const c = await openPayments(page);
    await env.emulator.fault({ method: 'POST', path: BASE, kind: 'status', status: 400,
      error_code: 'SVCSTG.SWR.4001025', error_message: 'An image can be shared with at most 500 accounts', times: 1 });
    await c.addShare({ account: 'one-too-many', forever: true });
    await c.expectAlertContains('Not shared.', 'HTTP 400 · SVCSTG.SWR.4001025', 'most accounts SWR allows (500)', 'Revoke a share');
    assert.equal(await c.account.inputValue(), 'one-too-many');
  }));

test('a malformed 200 to a create is not a success, and the list read back says nothing changed', () =>
  scenario(env, 'false success', async (page) => {
    const c = await openPayments(page);
    await env.emulator.fault({ method: 'POST', path: BASE, kind: 'malformed', status: 200, times: 1 });
    await c.addShare({ account: 'phantom', forever: true });
    await c.expectAlertContains('Not confirmed: SWR answered HTTP 200 with a body it does not document', 'instead of the documented 201 Created', 'phantom has no share on this repository');
    assert.equal(await page.locator('.ss-success').count(), 0);
    assert.equal(await c.row('phantom').count(), 0);
    assert.equal(await c.account.inputValue(), 'phantom');
  }));

test('a gateway time-out after SWR made the share is not "Not shared": the list read back shows it, and the console says so', () =>
  scenario(env, 'gateway time-out', async (page) => {
    const c = await openPayments(page);
    await env.emulator.fault({ method: 'POST', path: BASE, kind: 'status', status: 504, raw: '<html><body><h1>504 Gateway Time-out</h1></body></html>', applied: true, times: 1 });
    await c.addShare({ account: 'late-partner', forever: true, description: 'made anyway' });
    await c.expectAlertContains('Not confirmed: ', 'HTTP 504', 'the list read back shows the change: SWR made it');
    assert.equal(await c.addForm.getByText(/^Not shared/).count(), 0, 'never says it was not shared');
    assert.equal(await page.locator('.ss-success').count(), 0, 'no success either: SWR did not answer as documented');
    await c.row('late-partner').waitFor();

    // The same time-out where SWR did nothing: a refusal, and the row is not there.
    await env.emulator.fault({ method: 'POST', path: BASE, kind: 'status', status: 504, raw: '<html>Gateway Time-out</html>', times: 1 });
    await c.addShare({ account: 'never-made', forever: true });
    await c.expectAlertContains('HTTP 504', 'did not answer in time');
    assert.equal(await c.addForm.getByRole('alert').filter({ hasText: 'Not confirmed' }).count(), 0);
    assert.equal(await c.row('never-made').count(), 0);
  }));

test('what SWR stored is what the console says: Partner-Caps is stored as partner-caps', () =>
  scenario(env, 'stored name', async (page) => {
    const c = await openPayments(page);
    await c.addShare({ account: 'Partner-Caps', forever: true });
    await page.getByRole('status').filter({ hasText: 'Shared acme-prod/payments-api with partner-caps (forever)' }).waitFor();
  }));

test('a truncated list says "at least 100"', () =>
  scenario(env, 'at least', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open(`?namespace=${NS}&repository=big-catalog`);
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    assert.match(await c.listStatus.textContent(), /is shared with at least 100 accounts/);
  }));

test('what is wrong with a typed date, an invisible character and a tab is named', () =>
  scenario(env, 'messages', async (page) => {
    const c = await openPayments(page);
    await c.account.fill('partner\u200Bbank');
    await c.lastDay.click();
    // 02/30/2027 typed by hand: a day that does not exist.
    await page.keyboard.type('02302027');
    await c.shareButton.click();
    assert.match(await c.fieldError('ss-account-msg').textContent(), /An invisible character \(U\+200B ZERO WIDTH SPACE\) is not allowed/);
    assert.match(await c.fieldError('ss-last-day-msg').textContent(), /not a whole date that exists/);
    await c.account.fill('partner\tbank');
    await c.shareButton.click();
    assert.match(await c.fieldError('ss-account-msg').textContent(), /A tab is not allowed/);
  }));

test('signing out or leaving the repository while the list loads never shows the old rows', () =>
  scenario(env, 'stale answers', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open(`?namespace=${NS}&repository=${REPO}`);
    await env.emulator.fault({ method: 'GET', path: BASE, kind: 'delay', ms: 700 });
    const answered = page.waitForResponse((r) => r.url().endsWith(BASE));
    await c.useToken(await env.emulator.token());
    await c.listStatus.filter({ hasText: 'Loading the shares' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await answered;
    // The answer arrived after the sign-out: it is not shown.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await c.table.count(), 0);
    assert.match(await c.listStatus.textContent(), /Paste a token/);

    // The same for a repository name made invalid while its list loads.
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    const again = page.waitForResponse((r) => r.url().endsWith(BASE));
    await c.showShares.click();
    await page.getByRole('button', { name: 'Reload' }).click();
    await c.repository.fill('Bad Name');
    await c.repository.press('Enter');
    await again;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await c.table.count(), 0);
    assert.match(await c.listStatus.textContent(), /Enter an organization and a repository/);
  }));

test('typing a token by hand sends one list request, not one per keystroke', () =>
  scenario(env, 'intent', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open(`?namespace=${NS}&repository=${REPO}`);
    const requests = [];
    page.on('request', (r) => { const u = new URL(r.url()); if (/\/v[23]\//.test(u.pathname)) requests.push(`${r.method()} ${u.pathname}`); });
    const token = await env.emulator.token();
    await c.token.pressSequentially(token.slice(0, 24), { delay: 15 });
    await c.token.fill(token);
    await c.table.waitFor();
    await page.getByTestId('picker-note').filter({ hasText: 'Suggestions' }).waitFor();
    await c.token.press('Tab');
    await page.getByTestId('token-status').filter({ hasText: 'The token expires' }).waitFor();
    const count = (p) => requests.filter((r) => r.endsWith(p)).length;
    assert.equal(count('/access-domains'), 1, requests.join('\n'));
    assert.equal(count('/v2/manage/namespaces'), 1, requests.join('\n'));
    assert.equal(count('/v2/manage/repos'), 1, requests.join('\n'));
    assert.equal(count('/v3/auth/tokens'), 1, requests.join('\n'));
    assert.equal(requests.length, 4, requests.join('\n'));
  }));

test('a refused token loses nothing: the add form keeps what was typed, the new token carries the change through', () =>
  scenario(env, 'refused token keeps the form', async (page) => {
    const c = await openPayments(page, await env.emulator.token('alice', 60));
    await page.getByLabel('Keep me signed in for this tab').check();
    await c.account.fill('late-partner');
    await c.lastDay.fill(utcDay(60));
    await c.description.fill('typed before the token expired');
    await env.emulator.admin('PUT', '/clock', { advance_seconds: 120 });
    // Clearing the token field and pasting a new one keeps the form.
    await c.useToken('');
    await c.useToken(await env.emulator.token());
    assert.equal(await c.account.inputValue(), 'late-partner');
    assert.equal(await c.lastDay.inputValue(), utcDay(60));
    assert.equal(await c.description.inputValue(), 'typed before the token expired');

    // Now the token expires while the share is being sent: asked where the user is.
    await env.emulator.admin('PUT', '/clock', { advance_seconds: 200_000 });
    await c.shareButton.click();
    const dialog = page.getByRole('dialog', { name: 'SWR refused the token' });
    await dialog.waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('swr-share.session') || '');
    assert.equal(stored, '', 'a refused token is dropped from the tab storage');
    assert.equal(await c.account.inputValue(), 'late-partner');
    await dialog.getByLabel('New IAM token').fill(await env.emulator.token());
    await dialog.getByRole('button', { name: 'Continue with this token' }).click();
    await c.row('late-partner').waitFor();
    await page.getByRole('status').filter({ hasText: 'Shared acme-prod/payments-api with late-partner' }).waitFor();
  }));

test('a refused token does not come back after a reload', () =>
  scenario(env, 'refused not kept', async (page) => {
    const c = await openPayments(page, await env.emulator.token('alice', 60));
    await page.getByLabel('Keep me signed in for this tab').check();
    await env.emulator.admin('PUT', '/clock', { advance_seconds: 120 });
    await page.getByRole('button', { name: 'Reload' }).click();
    await c.expectAlertContains('Could not load the shares', 'HTTP 401');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('swr-share.session')), null);
    await page.reload();
    await c.token.waitFor();
    assert.equal(await c.token.inputValue(), '');
    assert.match(await c.listStatus.textContent(), /Paste a token/);
  }));

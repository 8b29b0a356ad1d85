// User stories of the share lifecycle: edit, extend, revoke and undo, with the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage, utcDay } from '../support/console-page.mjs';
import { until } from '../support/until.mjs';

const env = useEnv();

const openPayments = (page) => ConsolePage.openDemo(page, env);

test('edit a share: new last day and description, saved with PATCH', () =>
  scenario(env, 'edit', async (page) => {
    const c = await openPayments(page);
    await c.rowAction('auditor-kpmg', 'Edit…');
    await c.editDialog.waitFor();
    const day = utcDay(200);
    await c.editDialog.getByLabel('Last valid day (UTC)').fill(day);
    await c.editDialog.getByLabel('Description').fill('Extended engagement');
    let patches = 0;
    page.on('request', (r) => { if (r.method() === 'PATCH') patches += 1; });
    await c.editDialog.getByRole('button', { name: 'Save changes' }).click();
    await c.editDialog.waitFor({ state: 'hidden' });
    await c.row('auditor-kpmg').filter({ hasText: day }).waitFor();
    assert.match(await c.row('auditor-kpmg').textContent(), /Extended engagement/);
    assert.equal(patches, 1);
  }));

test('edit validation and Escape: nothing sent, focus back on the menu', () =>
  scenario(env, 'edit escape', async (page) => {
    const c = await openPayments(page);
    await c.rowAction('contractor-ops', 'Edit…');
    await c.editDialog.getByLabel('Last valid day (UTC)').fill(utcDay(-3));
    await c.editDialog.getByRole('button', { name: 'Save changes' }).click();
    assert.match(await c.editDialog.locator('#ss-edit-last-day-msg').textContent(), /in the past/);
    await page.keyboard.press('Escape');
    await c.editDialog.waitFor({ state: 'hidden' });
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert.equal(focused, 'Actions for contractor-ops', 'focus returns to the menu that opened the dialog');
  }));

test('presets fill the deadline and say when access ends', () =>
  scenario(env, 'presets', async (page) => {
    const c = await openPayments(page);
    await c.addForm.getByRole('button', { name: '30 days' }).click();
    assert.equal(await c.lastDay.inputValue(), utcDay(30));
    assert.match(await c.addForm.getByTestId('cutoff').textContent(), new RegExp(`Valid through ${utcDay(30)} \\(UTC\\)`));
    await c.addForm.getByRole('button', { name: 'Forever' }).click();
    assert.equal(await c.forever.isChecked(), true);
    assert.match(await c.addForm.getByTestId('cutoff').textContent(), /never ends/);
  }));

test('one-click extend: +30 days from the current last day, and make forever', () =>
  scenario(env, 'extend', async (page) => {
    const c = await openPayments(page);
    await c.rowAction('contractor-ops', 'Extend +30 days');
    await c.row('contractor-ops').filter({ hasText: utcDay(34) }).waitFor();
    await c.rowAction('old-vendor', 'Make forever');
    await c.row('old-vendor').filter({ hasText: 'Forever' }).waitFor();
    assert.match(await c.row('old-vendor').textContent(), /Valid/);
  }));

test('revoke names account and repository; Undo brings the share back as it was', () =>
  scenario(env, 'revoke undo', async (page) => {
    const c = await openPayments(page);
    await c.rowAction('partner-bank', 'Revoke…');
    await c.revokeDialog.waitFor();
    const text = await c.revokeDialog.textContent();
    assert.match(text, /partner-bank/);
    assert.match(text, /acme-prod\/payments-api/);
    await c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank' }).click();
    await c.row('partner-bank').waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Revoked partner-bank on acme-prod/payments-api.' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await c.row('partner-bank').waitFor();
    const row = await c.row('partner-bank').textContent();
    assert.match(row, /Forever/);
    assert.match(row, /Settlement integration, permanent partner/);
    // The notice gives way to the next thing the user does, so it covers nothing that shows.
    const notice = page.locator('.ss-toast').filter({ hasText: 'restored with its deadline and description' });
    await notice.waitFor();
    await c.account.click();
    // Well before its own 8 s are up.
    await notice.waitFor({ state: 'detached', timeout: 2000 });
  }));

test('while a notice is up, the first click on a button at the end of the page acts', () =>
  scenario(env, 'click through notice', async (page) => {
    const c = await openPayments(page);
    await c.rowAction('partner-bank', 'Revoke…');
    await c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    const notice = page.locator('.ss-toast').filter({ hasText: 'restored with its deadline and description' });
    await notice.waitFor();
    // The page ends in room for the notice; the notice giving way must not move the button
    // away from under the pointer between press and release (a click that did nothing).
    await c.account.fill('late-partner');
    await c.lastDay.fill(utcDay(30));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.equal(await notice.count(), 1, 'the notice is still up when the button is pressed');
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    await c.shareButton.click();
    await c.addForm.locator('.ss-success').filter({ hasText: 'with late-partner' }).waitFor({ timeout: 5000 });
    assert.equal(posts, 1);
  }));

test('after a revoke, nothing on the page still speaks of that share as current', () =>
  scenario(env, 'revoke clears notes', async (page) => {
    const c = await openPayments(page);
    await c.addShare({ account: 'note-partner', lastDay: utcDay(30) });
    const added = c.addForm.locator('.ss-success').filter({ hasText: 'with note-partner' });
    await added.waitFor();
    await c.rowAction('note-partner', 'Extend +90 days');
    const note = page.locator('tr.ss-note-row[data-note-for="note-partner"]');
    await note.locator('.ss-success').waitFor();
    await c.rowAction('note-partner', 'Revoke…');
    await c.revokeDialog.getByRole('button', { name: 'Revoke note-partner' }).click();
    await c.row('note-partner').waitFor({ state: 'detached' });
    assert.equal(await note.count(), 0);
    assert.equal(await added.count(), 0);
    // Undo brings the share back, not the notes about what was done to it before.
    await page.getByRole('button', { name: 'Undo' }).click();
    await c.row('note-partner').waitFor();
    assert.equal(await note.count(), 0);
    assert.equal(await added.count(), 0);
  }));

test('the menu of the last row opens where it can be seen, not cut off by the table', () =>
  scenario(env, 'last row menu', async (page) => {
    const c = await openPayments(page);
    const rows = page.locator('tbody tr[data-account]');
    const last = rows.nth((await rows.count()) - 1);
    await last.getByText('Actions', { exact: true }).click();
    const menu = last.locator('.ss-menu');
    await menu.getByRole('button', { name: 'Extend +30 days' }).waitFor();
    const [m, frame] = await Promise.all([menu.boundingBox(), page.locator('.ss-table-wrap').boundingBox()]);
    assert.ok(m.y >= frame.y && m.y + m.height <= frame.y + frame.height,
      `menu ${JSON.stringify(m)} inside the table's frame ${JSON.stringify(frame)}`);
    // The first row's menu still opens downward.
    await last.getByText('Actions', { exact: true }).click();
    await menu.waitFor({ state: 'hidden' });
    const first = rows.first();
    await first.getByText('Actions', { exact: true }).click();
    const down = await first.locator('.ss-menu').boundingBox();
    const summary = await first.getByText('Actions', { exact: true }).boundingBox();
    assert.ok(down.y >= summary.y + summary.height - 1, 'below its button');
  }));

test('revoke can be cancelled with Escape, nothing is deleted', () =>
  scenario(env, 'revoke cancel', async (page) => {
    const c = await openPayments(page);
    let deletes = 0;
    page.on('request', (r) => { if (r.method() === 'DELETE') deletes += 1; });
    await c.rowAction('auditor-kpmg', 'Revoke…');
    await c.revokeDialog.waitFor();
    await page.keyboard.press('Escape');
    await c.revokeDialog.waitFor({ state: 'hidden' });
    assert.equal(deletes, 0);
    assert.equal(await c.row('auditor-kpmg').count(), 1);
  }));

test('copy the account name and the recipient\'s docker pull command', () =>
  scenario(env, 'copy', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.appUrl });
    const c = await openPayments(page);
    await c.rowAction('partner-bank', 'Copy account name');
    await c.row('partner-bank').getByRole('button', { name: 'Copied ✓' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'partner-bank');
    await c.rowAction('partner-bank', 'Copy pull command');
    await until(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t.startsWith('docker pull'), { what: 'the pull command on the clipboard' });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
      'docker pull swr.eu-de.emulator.local/acme-prod/payments-api:<tag>');
  }));

test('choose several rows: extend them together, then revoke one; the table is read again from SWR', () =>
  scenario(env, 'bulk in one repository', async (page) => {
    const c = await openPayments(page);
    const state = async () => (await env.emulator.admin('GET', '/state')).namespaces['acme-prod'].repos['payments-api'].shares;
    const before = Object.fromEntries((await state()).map((s) => [s.access_domain, s.deadline]));
    for (const a of ['auditor-kpmg', 'contractor-ops']) await c.row(a).getByRole('checkbox', { name: `Select ${a}` }).check();
    const bar = page.getByRole('group', { name: 'Selected shares' });
    await bar.getByText('2 selected:').waitFor();
    await bar.getByRole('button', { name: 'Extend +90 days' }).click();
    const status = page.getByTestId('job-status');
    await status.filter({ hasText: 'Finished' }).waitFor();
    assert.match(await status.textContent(), /2 done, 0 failed, 0 not sent, 0 left of 2/);
    const after = Object.fromEntries((await state()).map((s) => [s.access_domain, s.deadline]));
    for (const a of ['auditor-kpmg', 'contractor-ops']) {
      assert.notEqual(after[a], before[a], `${a} extended`);
      await c.row(a).filter({ hasText: after[a].slice(0, 10) }).waitFor();
    }
    // The choice is cleared once sent; another repository starts with nothing chosen.
    assert.equal(await c.row('auditor-kpmg').getByRole('checkbox').isChecked(), false);

    await c.row('auditor-kpmg').getByRole('checkbox').check();
    await bar.getByRole('button', { name: 'Revoke…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Confirm revoking' });
    assert.match(await confirm.textContent(), /Revoke 1 share of acme-prod\/payments-api\? This account can no longer pull it\./);
    await confirm.getByRole('button', { name: 'Revoke 1' }).click();
    await status.filter({ hasText: 'Finished. 1 done' }).waitFor();
    await c.row('auditor-kpmg').waitFor({ state: 'detached' });
    assert.ok(!(await state()).some((s) => s.access_domain === 'auditor-kpmg'));
  }));

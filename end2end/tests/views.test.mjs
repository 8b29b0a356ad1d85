// User stories of finding things: filters, status chips, sort and pages in the URL, expiry
// at a glance across a moved clock, and the pickers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const env = useEnv();

/** The demo repository with a fresh token, its table shown. */
const openPayments = (page) => ConsolePage.openDemo(page, env);

test('the filter hides rows on a phone-sized screen too, with the note of a hidden row, and shows them again as they were', () =>
  scenario(env, 'filter hides rows', async (page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const c = await openPayments(page);
    await c.rowAction('contractor-ops', 'Extend +30 days');
    const note = page.locator('tr.ss-note-row[data-note-for="contractor-ops"]');
    await note.locator('.ss-success').waitFor();
    const shown = () => page.evaluate(() => [...document.querySelectorAll('tbody tr')]
      .filter((tr) => getComputedStyle(tr).display !== 'none')
      .map((tr) => tr.dataset.account ?? `note:${tr.dataset.noteFor}`));
    await c.filter.fill('partner');
    assert.deepEqual(await c.accounts(), ['partner-bank']);
    assert.deepEqual(await shown(), ['partner-bank']);
    await c.filter.fill('nothing-like-this');
    await page.getByText('No share matches the filter.').waitFor();
    assert.deepEqual(await shown(), []);
    await page.getByRole('button', { name: 'Show all' }).click();
    assert.equal(await c.filter.inputValue(), '');
    assert.equal((await c.accounts()).length, 5);
    assert.ok((await shown()).includes('note:contractor-ops'), 'the note is back under its row');
    assert.equal(await page.getByText('No share matches the filter.').isVisible(), false);
  }));

test('filter, status chips and sort live in the URL; a link reopens exactly that view', () =>
  scenario(env, 'url view state', async (page) => {
    const token = await env.emulator.token();
    const c = await ConsolePage.openDemo(page, env, { token });
    await c.filter.fill('contract');
    assert.deepEqual(await c.accounts(), ['contractor-ops', 'old-vendor']);
    // Typing goes into the URL once it pauses, with nothing else clicked.
    await page.waitForURL(/[?&]q=contract(&|$)/, { timeout: 5000 });
    await c.chip('Expired');
    assert.deepEqual(await c.accounts(), ['old-vendor']);
    await c.chip('All');
    await c.filter.fill('');
    await page.getByRole('button', { name: 'Valid until' }).click();
    assert.equal(await page.getByRole('columnheader', { name: 'Valid until' }).getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await c.accounts(), ['old-vendor', 'contractor-ops', 'auditor-kpmg', 'group-subsidiary', 'partner-bank']);
    await page.getByRole('button', { name: 'Valid until' }).click();
    assert.equal(await page.getByRole('columnheader', { name: 'Valid until' }).getAttribute('aria-sort'), 'descending');
    await c.chip('Valid');
    const url = page.url();
    assert.match(url, /status=valid/);
    assert.match(url, /sort=until:desc/);

    const other = new ConsolePage(await page.context().newPage(), env.appUrl);
    await other.page.goto(url);
    await other.useToken(token);
    await other.table.waitFor();
    assert.deepEqual(await other.accounts(), ['partner-bank', 'group-subsidiary', 'auditor-kpmg', 'contractor-ops']);
    assert.equal(await other.page.getByRole('button', { name: /^Valid \d+$/ }).getAttribute('aria-pressed'), 'true');
  }));

test('the filter ignores case beyond ASCII too: ZÜRICH finds Zürich', () =>
  scenario(env, 'filter unicode case', async (page) => {
    const token = await env.emulator.token();
    const r = await fetch(`${env.emulator.url}/v2/manage/namespaces/acme-prod/repositories/payments-api/access-domains`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': token },
      body: JSON.stringify({ access_domain: 'zurich-office', permit: 'read', deadline: 'forever', description: 'Büro Zürich' }),
    });
    assert.equal(r.status, 201);
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.useToken(token);
    await c.table.waitFor();
    await c.filter.fill('ZÜRICH');
    await page.getByText('No share matches the filter.').waitFor({ state: 'hidden' });
    assert.deepEqual(await c.accounts(), ['zurich-office']);
    await c.filter.fill('büro z');
    assert.deepEqual(await c.accounts(), ['zurich-office']);
    await c.filter.fill('BURO');
    await page.getByText('No share matches the filter.').waitFor();
  }));

test('the summary line applies the matching filter', () =>
  scenario(env, 'summary filter', async (page) => {
    const c = await openPayments(page);
    await page.getByRole('button', { name: '1 expires within 14 days' }).click();
    assert.deepEqual(await c.accounts(), ['contractor-ops']);
    assert.match(await c.row('contractor-ops').textContent(), /⚠ Expiring soon/);
    assert.match(await c.row('contractor-ops').textContent(), /in 4 days|in 5 days/);
    await page.getByRole('button', { name: '1 expired' }).click();
    assert.deepEqual(await c.accounts(), ['old-vendor']);
    assert.match(await c.row('old-vendor').textContent(), /expired (9|10) days ago/);
  }));

test('expiry across a moved clock: 20 days later the contractor share has expired', () =>
  scenario(env, 'moved clock', async (page) => {
    const later = new Date(Date.now() + 20 * 86400000);
    await env.emulator.admin('PUT', '/clock', { offset_seconds: 20 * 86400 });
    await page.clock.install({ time: later });
    const c = new ConsolePage(page, env.appUrl);
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.useToken((await env.emulator.admin('POST', '/tokens', { user: 'alice' })).token);
    await c.table.waitFor();
    const row = await c.row('contractor-ops').textContent();
    assert.match(row, /✕ Expired/);
    assert.match(row, /expired (15|16) days ago/);
    assert.equal(await page.getByTestId('expiry-summary').textContent(), '2 expired');
    // The page stays open for two more days: the labels follow without a reload.
    await page.clock.runFor(2 * 86400000);
    await page.locator('tr[data-account="contractor-ops"]').filter({ hasText: /expired (17|18) days ago/ }).waitFor();
  }));

test('pickers offer only organizations with Manage and private repositories; free typing still works', () =>
  scenario(env, 'pickers', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open();
    await c.useToken(await env.emulator.token());
    await page.locator('#ss-namespace-options option').first().waitFor({ state: 'attached' });
    const orgs = await page.$$eval('#ss-namespace-options option', (o) => o.map((x) => x.value));
    assert.deepEqual(orgs, ['acme-dev', 'acme-fleet', 'acme-prod', 'acme-scale'], 'shared-tools (Write only) is not offered');
    await c.organization.fill('acme-prod');
    await page.locator('#ss-repository-options option').first().waitFor({ state: 'attached' });
    const repos = await page.$$eval('#ss-repository-options option', (o) => o.map((x) => x.value));
    assert.deepEqual(repos.sort(), ['big-catalog', 'empty-repo', 'payments-api', 'tools/builder'], 'website is public');

    await env.emulator.fault({ path: '/v2/manage/namespaces', kind: 'status', status: 500 });
    await c.useToken(await env.emulator.token());
    await page.getByTestId('picker-note').filter({ hasText: 'type the names instead' }).waitFor();
    await c.openRepository('acme-dev', 'ml/models/base');
    await c.row('research-lab').waitFor();
  }));

test('at phone width the page does not scroll sideways; the table scrolls inside its frame', () =>
  scenario(env, 'phone width', async (page) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const c = await openPayments(page);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      wrap: document.querySelector('.ss-table-wrap').scrollWidth > document.querySelector('.ss-table-wrap').clientWidth,
    }));
    assert.ok(widths.page <= widths.viewport, `page ${widths.page}px wide in a ${widths.viewport}px viewport`);
    assert.ok(widths.wrap, 'the wide table scrolls within its own frame');
  }));

test('at 1280 px the table fits, row actions included; a cell wraps between date and time, never inside them', () =>
  scenario(env, 'laptop width', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const c = await openPayments(page);
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector('.ss-table-wrap');
      const menu = document.querySelector('tbody tr summary').getBoundingClientRect();
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, menuRight: menu.right, viewport: window.innerWidth };
    });
    assert.ok(fit.scroll <= fit.client, `the table is ${fit.scroll}px wide in a ${fit.client}px frame`);
    assert.ok(fit.menuRight <= fit.viewport, `the row's actions end at ${fit.menuRight}px of ${fit.viewport}px`);
    // A time is one piece: its only breakable space is after the date's comma.
    const created = await c.row('auditor-kpmg').locator('td').nth(6).textContent();
    assert.match(created, /^[^ ]+(, [^ ]+)?$/, JSON.stringify(created));
    // "Forever" is not followed by "· forever"; a date is followed by how far off it is.
    assert.doesNotMatch(await c.row('partner-bank').locator('td').nth(2).textContent(), /forever/);
    assert.match(await c.row('auditor-kpmg').locator('td').nth(2).textContent(), /^\d{4}-\d{2}-\d{2}.*· in \d+ days/);
  }));

test('times follow the browser locale, with UTC (ISO 8601) one click away', () =>
  scenario(env, 'time display', async (page) => {
    const c = await openPayments(page);
    const created = () => c.row('partner-bank').locator('td').nth(6).textContent();
    assert.doesNotMatch(await created(), /UTC/, 'local time by default');
    assert.match(await c.row('partner-bank').locator('td').nth(6).locator('span').getAttribute('title'), / · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/, 'the full local form and UTC on hover');
    await page.getByLabel('Times in UTC (ISO 8601)').check();
    // The spaces inside are non-breaking: the cell wraps between date and time or not at all.
    assert.match(await created(), /^\d{4}-\d{2}-\d{2}\s\d{2}:\d{2}\sUTC$/);
  }));

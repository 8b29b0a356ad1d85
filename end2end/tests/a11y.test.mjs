// Accessibility pass: axe-core injected into every screen and dialog, at phone width (390 px)
// and at a laptop's (1280 px); no serious or critical violations allowed. At phone width the
// rows are cards, and each value says what it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useEnv, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = useEnv();

async function assertNoSeriousViolations(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [], where);
}

/** What a card shows before each value of the first row of `rows`: "Label: " per cell. */
const cardLabels = (page, rows) => page.locator(rows).first().evaluate((tr) => [...tr.children]
  .map((cell) => getComputedStyle(cell, '::before').content)
  .filter((c) => c && c !== 'none'));

for (const width of [390, 1280]) {
  test(`at ${width} px: the one-repository screens and every dialog have no serious violations`, () =>
    scenario(env, `axe repository ${width}`, async (page) => {
      await page.setViewportSize({ width, height: 900 });
      const c = new ConsolePage(page, env.appUrl);
      await c.open();
      await assertNoSeriousViolations(page, 'start screen');
      await page.getByText('Sign in with an IAM user instead').click();
      await page.getByLabel('IAM user name').waitFor();
      await assertNoSeriousViolations(page, 'sign-in form');
      await c.useToken(await env.emulator.token());
      await c.openRepository('acme-prod', 'payments-api');
      await c.table.waitFor();
      await assertNoSeriousViolations(page, 'share list');
      const labels = await cardLabels(page, 'tbody tr[data-account]');
      if (width === 390) {
        assert.deepEqual(labels, ['"Account: "', '"Permission: "', '"Valid until: "', '"Status: "', '"Description: "', '"Creator: "', '"Created: "', '"Updated: "']);
      } else {
        assert.deepEqual(labels, [], 'no labels where the table has its headers');
      }
      await c.addShare({ account: 'bad name' });
      await c.fieldError('ss-account-msg').waitFor();
      await assertNoSeriousViolations(page, 'form with errors');
      await c.rowAction('auditor-kpmg', 'Edit…');
      await c.editDialog.waitFor();
      await assertNoSeriousViolations(page, 'edit dialog');
      await page.keyboard.press('Escape');
      await c.rowAction('auditor-kpmg', 'Revoke…');
      await c.revokeDialog.waitFor();
      await assertNoSeriousViolations(page, 'revoke dialog');
      await page.keyboard.press('Escape');
      // A refused token in the middle of a change: the token dialog.
      await env.emulator.fault({ method: 'PATCH', path: '*/access-domains/auditor-kpmg', kind: 'status', status: 401, body: { errorCode: 'SVCSTG.SWR.4010000', errorMessage: 'Authenticate failed' } });
      await c.rowAction('auditor-kpmg', 'Extend +30 days');
      await page.getByRole('dialog', { name: 'SWR refused the token' }).waitFor();
      await assertNoSeriousViolations(page, 'token dialog');
    }, { bypassCSP: true })); // axe is injected as an inline script, which the CSP forbids

  test(`at ${width} px: the organization overview, share in bulk and their jobs have no serious violations`, () =>
    scenario(env, `axe organization ${width}`, async (page) => {
      await page.setViewportSize({ width, height: 900 });
      const c = new ConsolePage(page, env.appUrl);
      await c.open('?view=org&namespace=acme-prod');
      await c.useToken(await env.emulator.token());
      await page.getByRole('button', { name: 'Load every share' }).click();
      await page.getByTestId('org-summary').waitFor();
      await assertNoSeriousViolations(page, 'organization overview');
      const rows = 'table[aria-label="Shares across the organization"] tbody tr:not([hidden])';
      if (width === 390) {
        assert.deepEqual(await cardLabels(page, rows), ['"Organization: "', '"Repository: "', '"Account: "', '"Last valid day: "', '"Status: "', '"Description: "']);
      }
      // A job with a failure: its problems listed.
      await page.locator(`${rows} input[type=checkbox]`).first().check();
      await env.emulator.fault({ method: 'PATCH', path: '*', kind: 'status', status: 403, body: { errorCode: 'SVCSTG.SWR.4039002', errorMessage: 'No permission' } });
      await page.getByRole('button', { name: 'Extend +30 days' }).click();
      await page.getByRole('list', { name: 'What did not work' }).waitFor();
      await assertNoSeriousViolations(page, 'organization job with a failure');
      await env.emulator.admin('DELETE', '/faults');

      await page.getByRole('button', { name: 'Share in bulk' }).click();
      await page.getByRole('button', { name: 'List its repositories' }).click();
      await page.getByLabel('Accounts (commas, spaces or one per line)').fill('a11y-a, bad/name');
      await page.getByRole('button', { name: /^Select the \d+ matching$/ }).click();
      await page.getByLabel('Forever').check();
      await page.getByRole('button', { name: 'Preview the changes' }).click();
      await page.getByTestId('plan-counts').waitFor();
      await assertNoSeriousViolations(page, 'bulk dry run');
      await page.getByRole('button', { name: /^Send \d+ changes$/ }).click();
      await page.getByTestId('job-status').filter({ hasText: 'Finished' }).waitFor();
      await assertNoSeriousViolations(page, 'bulk job finished');

      await page.getByRole('button', { name: 'Shared with you' }).click();
      const inbound = page.getByRole('table', { name: 'Images shared with you' });
      await inbound.waitFor();
      await assertNoSeriousViolations(page, 'shared with you');
      if (width === 390) {
        assert.deepEqual(await cardLabels(page, 'table[aria-label="Images shared with you"] tbody tr'), ['"Owner account: "', '"Organization: "', '"Repository: "', '"Status: "', '"Pull: "']);
      }
    }, { bypassCSP: true }));
}

// Accessibility pass: axe-core injected into the main screens; no serious or critical
// violations allowed.
import { before, after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startAll, scenario } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });
beforeEach(async () => { await env.emulator.reset(); });

async function assertNoSeriousViolations(page, where) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [], where);
}

test('start screen, share list, form with errors and both dialogs have no serious violations', () =>
  scenario(env, 'axe', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    await c.open();
    await assertNoSeriousViolations(page, 'start screen');
    await c.useToken(await env.emulator.token());
    await c.openRepository('acme-prod', 'payments-api');
    await c.table.waitFor();
    await assertNoSeriousViolations(page, 'share list');
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
  }, { bypassCSP: true })); // axe is injected as an inline script, which the CSP forbids

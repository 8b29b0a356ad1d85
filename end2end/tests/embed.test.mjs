// Embedding in an admin portal: the JavaScript mount API and the iframe mode, driven
// through the example host pages in examples/, behind the shipped nginx configuration.
import { before, after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAll, scenario } from '../support/env.mjs';
import { startStaticProxy } from '../support/static-proxy.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
let env;
let portal;
let portalUrl;
before(async () => {
  // The portal lives on another origin; the console allows it to frame it.
  portal = await startStaticProxy(EXAMPLES, 'http://127.0.0.1:9', 0, { csp: false });
  portalUrl = `http://127.0.0.1:${portal.address().port}`;
  env = await startAll({ server: 'nginx', frameAncestors: portalUrl });
});
after(async () => { await env?.stop(); await new Promise((r) => portal.close(r)); });
beforeEach(async () => { await env.emulator.reset(); });

test('mount(): the console lives in the host page, scoped, and asks the host for a fresh token', () =>
  scenario(env, 'mount api', async (page) => {
    await page.goto(`${env.appUrl}/examples/mount.html`);
    await page.getByLabel('Portal session token').fill(await env.emulator.token());
    await page.getByRole('button', { name: 'Open console' }).click();
    const table = page.getByRole('table', { name: 'Accounts this repository is shared with' });
    await table.waitFor();
    assert.equal(await table.getByRole('rowheader').count(), 5);
    assert.match(await page.getByRole('heading', { level: 2, name: /Repository acme-prod\/payments-api/ }).textContent(), /payments-api/);
    assert.equal(await page.getByLabel('Organization').count(), 0, 'the host fixed the repository');
    assert.ok(!page.url().includes('namespace='), 'the host page URL is left alone');
    // Styles stay apart: the host keeps its serif body, the console its own font and the host's accent.
    const styles = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontFamily,
      console: getComputedStyle(document.querySelector('.swr-share')).fontFamily,
      accent: getComputedStyle(document.querySelector('.swr-share')).getPropertyValue('--ss-accent').trim(),
      hostBackground: getComputedStyle(document.body).backgroundColor,
    }));
    assert.match(styles.body, /Georgia/);
    assert.doesNotMatch(styles.console, /Georgia/);
    assert.equal(styles.accent, '#7a3e00');
    assert.equal(styles.hostBackground, 'rgb(255, 250, 240)');
    assert.equal(await page.evaluate(() => window.tokenCalls), 1);
    // A part fetched on demand loads from the console's own origin into the host page.
    const c = new ConsolePage(page, env.appUrl);
    await c.rowAction('auditor-kpmg', 'Edit…');
    await c.editDialog.waitFor();
    await page.keyboard.press('Escape');
    await c.editDialog.waitFor({ state: 'hidden' });

    // The token expires; the next load is refused, and the console asks the host again.
    await env.emulator.admin('PUT', '/clock', { advance_seconds: 25 * 3600 });
    await page.getByLabel('Portal session token').fill(await env.emulator.token());
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => window.tokenCalls === 2);
    await page.getByText('is shared with 5 accounts').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);

    await page.getByRole('button', { name: 'Close console' }).click();
    assert.equal(await page.locator('.swr-share').count(), 0, 'unmount removes the console');
  }));

test('iframe: the portal hands over the token by postMessage and answers token-needed', () =>
  scenario(env, 'iframe mode', async (page) => {
    await page.goto(`${portalUrl}/iframe.html`);
    await page.getByLabel('Console URL').fill(`${env.appUrl}/?namespace=acme-prod&repository=payments-api`);
    await page.getByLabel('Portal session token').fill('MIIbogus');
    await page.getByRole('button', { name: 'Open console' }).click();
    const frame = page.frameLocator('iframe[title="SWR share console"]');
    await frame.getByRole('alert').filter({ hasText: 'HTTP 401' }).waitFor();
    await page.getByText('swr-share:token-needed').waitFor();
    await page.getByLabel('Portal session token').fill(await env.emulator.token());
    await page.getByRole('button', { name: 'Send token' }).click();
    await frame.getByRole('table', { name: 'Accounts this repository is shared with' }).waitFor();
    assert.equal(await frame.getByRole('rowheader').count(), 5);
    // A part fetched on demand loads inside the frame, under the console's CSP.
    const row = frame.getByRole('row').filter({ has: frame.getByRole('rowheader', { name: 'auditor-kpmg', exact: true }) });
    await row.getByText('Actions', { exact: true }).click();
    await row.getByRole('button', { name: 'Revoke…' }).click();
    const dialog = frame.getByRole('dialog', { name: /Revoke/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }));

test('iframe: a token from an origin that is not allowed is ignored', () =>
  scenario(env, 'iframe origin check', async (page) => {
    const token = await env.emulator.token();
    await page.goto(`${env.appUrl}/?embed=iframe&namespace=acme-prod&repository=payments-api`);
    await page.getByLabel('IAM token', { exact: true }).waitFor();
    // Resolves once the message was handled (listeners run in order) and the page painted.
    await page.evaluate((t) => new Promise((resolve) => {
      window.addEventListener('message', () => requestAnimationFrame(() => requestAnimationFrame(resolve)), { once: true });
      window.postMessage({ type: 'swr-share:token', token: t }, '*');
    }), token);
    assert.equal(await page.getByLabel('IAM token', { exact: true }).inputValue(), '');
    assert.match(await page.getByTestId('list-status').textContent(), /Paste a token/);
  }));

// The README's run command, exactly as a new user runs it: `scripts/run.sh` starts, prints
// its URL and a demo token; the page at that URL is styled, stays put (no reload loop),
// has no CSP violation or page error, and both the demo token and IAM sign-in lead to the
// demo table; Ctrl-C (SIGINT to its process group) stops everything and frees both ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../support/env.mjs';
import { freePort } from '../support/ports.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUIET_MS = 30_000;

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** Starts run.sh in its own process group and resolves with the printed URL and token. */
function startRun(env) {
  const proc = spawn('bash', ['scripts/run.sh'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const printed = new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const url = out.match(/Open:\s+(http:\/\/\S+)/);
      const token = out.match(/Demo token:\s+(\S+)/);
      if (url && token && /Ctrl-C stops both/.test(out)) resolve({ url: url[1], token: token[1] });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`run.sh exited with ${code} before printing its URL:\n${out}`)));
  });
  return { proc, printed, output: () => out };
}

test('scripts/run.sh: styled, no reload, no CSP violation, token and sign-in reach the table, Ctrl-C stops all',
  { timeout: 600_000 }, async () => {
    const appPort = await freePort();
    const emulatorPort = await freePort();
    const run = startRun({ ...process.env, SWR_SHARE_PORT: String(appPort), SWR_EMULATOR_PORT: String(emulatorPort) });
    const exited = new Promise((resolve) => run.proc.once('exit', (code, signal) => resolve({ code, signal })));
    let browser;
    try {
      const { url, token } = await run.printed;
      assert.equal(new URL(url).port, String(appPort), 'the printed URL uses the chosen port');
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      let navigations = 0;
      page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
      const loadedAt = Date.now();
      await page.goto(url);
      await page.getByLabel('IAM token', { exact: true }).waitFor();
      const navigationsAtLoad = navigations;

      // Styled: both stylesheets applied (a card has the app's border radius and padding).
      const style = await page.evaluate(() => {
        const card = getComputedStyle(document.querySelector('.ss-card'));
        return { sheets: document.styleSheets.length, padding: card.paddingTop, radius: card.borderTopLeftRadius, body: getComputedStyle(document.body).backgroundColor };
      });
      assert.equal(style.sheets, 2, 'both stylesheets load');
      assert.equal(style.padding, '16px');
      assert.notEqual(style.radius, '0px');
      assert.equal(style.body, 'rgb(246, 247, 249)', 'page.css applies to the body');

      // The demo token leads to the demo table.
      await page.getByLabel('IAM token', { exact: true }).fill(token);
      const table = page.getByRole('table', { name: 'Accounts this repository is shared with' });
      await table.waitFor();
      assert.ok(await table.getByRole('rowheader').count() >= 5);

      // Signing out and in with the IAM user leads there too.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await table.waitFor({ state: 'detached' });
      await page.getByText('Sign in with an IAM user instead').click();
      await page.getByLabel('IAM user name').fill('alice');
      await page.getByLabel('Password').fill('Demo-Passw0rd');
      await page.getByLabel('IAM account name').fill('acme');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await table.waitFor();
      await page.getByTestId('token-status').filter({ hasText: 'Signed in as alice (acme)' }).waitFor();

      // No reload for 30 seconds after the first load.
      const left = QUIET_MS - (Date.now() - loadedAt);
      if (left > 0) {
        const reloaded = await page.waitForEvent('framenavigated', { timeout: left }).then(() => true, () => false);
        assert.equal(reloaded, false, 'the page reloaded by itself');
      }
      assert.equal(navigations, navigationsAtLoad, 'the page reloaded by itself');
      assert.equal(await table.isVisible(), true, 'the table is still there');
      assert.deepEqual(problems, []);
    } catch (e) {
      console.error(run.output());
      throw e;
    } finally {
      await browser?.close();
      if (run.proc.exitCode === null) process.kill(-run.proc.pid, 'SIGINT');
    }
    const { code, signal } = await exited;
    assert.equal(code, 0, `run.sh ended with ${code ?? signal}:\n${run.output()}`);
    assert.match(run.output(), /run: stopped; both servers are down\. Bye\.\n$/, 'a one-line goodbye, last');
    assert.doesNotMatch(run.output(), /stopped on its own/);
    assert.equal(await portOpen(appPort), false, 'the app port is free after Ctrl-C');
    assert.equal(await portOpen(emulatorPort), false, 'the emulator port is free after Ctrl-C');
  });

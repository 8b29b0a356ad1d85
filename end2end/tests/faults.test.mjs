// The fault matrix: every operation of the console × every fault SWR or its gateway can
// produce. Each case asserts a specific message where the user acted, that what was typed
// is kept, that no success is shown, and that the same control retries it without a
// reload once the fault is gone. A 401 must ask for a new token where the user is, and
// carry on with it; a slow answer must show that it is under way and send once.
// The result is written to end2end/test-results/fault-matrix-<server>.md.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAll, scenario, RESULTS, SERVER } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const NS = 'acme-prod';
const REPO = 'payments-api';
const BASE = `/v2/manage/namespaces/${NS}/repositories/${REPO}/access-domains`;
const SLOW_MS = 1500;

const swr = (status, code, message) => ({ kind: 'status', status, body: { errorCode: code, errorMessage: message } });
const INVALID = ['SVCSTG.SWR.4001041', 'Invalid domain name'];

// `expect`: what the message must contain for reads and for writes (when they differ).
const FAULTS = [
  { name: '400 object', fault: swr(400, ...INVALID), expect: /HTTP 400 · SVCSTG\.SWR\.4001041: Invalid domain name/ },
  { name: '400 array', fault: { kind: 'status', status: 400, body: [{ errorCode: INVALID[0], errorMessage: INVALID[1], detail: '' }] }, expect: /HTTP 400 · SVCSTG\.SWR\.4001041/ },
  { name: '400 errors[]', fault: { kind: 'status', status: 400, body: { errors: [{ errorCode: INVALID[0], errorMessage: INVALID[1] }] } }, expect: /HTTP 400 · SVCSTG\.SWR\.4001041/ },
  { name: '401', fault: swr(401, 'SVCSTG.SWR.4010000', 'Authenticate failed'), expect: /HTTP 401 · SVCSTG\.SWR\.4010000.*token was refused/, unauthorized: true },
  { name: '403', fault: swr(403, 'SVCSTG.SWR.4039002', 'No permission'), expect: /HTTP 403 · SVCSTG\.SWR\.4039002/ },
  { name: '404 organization', fault: swr(404, 'SVCSTG.SWR.4040058', 'Namespace not found'), expect: /HTTP 404 · SVCSTG\.SWR\.4040058/ },
  { name: '404 repository', fault: swr(404, 'SVCSTG.SWR.4040010', 'Repository not found'), expect: /HTTP 404 · SVCSTG\.SWR\.4040010/ },
  { name: '409 exists', fault: swr(409, 'SVCSTG.SWR.4090089', 'The shared account already exists'), expect: /HTTP 409 · SVCSTG\.SWR\.4090089/ },
  { name: '409 busy', fault: swr(409, 'SVCSTG.SWR.4090023', 'System busy'), expect: /HTTP 409 · SVCSTG\.SWR\.4090023.*busy/ },
  { name: '413', fault: swr(413, 'SVCSTG.SWR.4131012', 'Request entity too large'), expect: /HTTP 413 · SVCSTG\.SWR\.4131012/ },
  { name: '500', fault: swr(500, 'SVCSTG.SWR.5000001', 'Internal error'), expect: /HTTP 500 · SVCSTG\.SWR\.5000001.*internal error/ },
  { name: '502 HTML', fault: { kind: 'status', status: 502, raw: '<html><body><h1>502 Bad Gateway</h1><hr>gateway</body></html>' }, expect: /HTTP 502: 502 Bad Gateway gateway/ },
  // nginx answers a dropped upstream connection with its own 502.
  { name: 'dropped connection', fault: { kind: 'drop' }, expect: SERVER === 'nginx' ? /HTTP 502/ : /No answer from SWR/ },
  { name: 'malformed 200', fault: { kind: 'malformed', status: 200 }, expect: /could not read/, expectWrite: /Not confirmed: SWR answered HTTP 200 with a body it does not document instead of the documented (201 Created|204 No Content)\. The list read back does not show the change/ },
  { name: 'malformed 500', fault: { kind: 'malformed', status: 500 }, expect: /HTTP 500/ },
  { name: 'slow answer', fault: { kind: 'delay', ms: SLOW_MS }, slow: true },
];

/** A page on the demo repository, with a token unless told otherwise. */
async function open(env, page, { token = true } = {}) {
  const c = new ConsolePage(page, env.appUrl);
  await c.open(`?namespace=${NS}&repository=${REPO}`);
  if (token) {
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
  }
  return c;
}

const noSuccess = async (page) => assert.equal(await page.locator('.ss-success').count(), 0, 'no success shown');
const row = (page, account) => page.locator(`tr[data-account="${account}"]`);
const note = (page, account) => page.locator(`tr[data-note-for="${account}"]`);

// Each operation: `target` (method, path) the fault is set on; `start` brings the page to
// the moment before the action (with the fault set); `act` does it; `where` is the
// element the message must appear in; `kept` checks what the user typed survived;
// `retry` repeats it with the same control; `done` waits for the success.
const OPS = [
  {
    name: 'list',
    write: false,
    target: { method: 'GET', path: BASE },
    start: async (env, page, setFault) => { await setFault(); return open(env, page, { token: false }); },
    act: async (c, env) => { await c.useToken(await env.emulator.token()); },
    where: (c) => c.page.getByRole('alert').filter({ hasText: 'Could not load the shares.' }),
    kept: async (c) => { assert.equal(await c.organization.inputValue(), NS); assert.equal(await c.repository.inputValue(), REPO); },
    retry: async (c) => c.page.getByRole('button', { name: 'Reload' }).click(),
    done: async (c) => { await c.table.waitFor(); assert.ok((await c.accounts()).length >= 5); },
    pending: (c) => c.listStatus.filter({ hasText: 'Loading the shares' }),
  },
  {
    name: 'organizations picker',
    write: false,
    target: { method: 'GET', path: '/v2/manage/namespaces' },
    start: async (env, page, setFault) => { await setFault(); return open(env, page, { token: false }); },
    act: async (c, env) => { await c.useToken(await env.emulator.token()); await c.table.waitFor(); },
    where: (c) => c.page.getByTestId('picker-note'),
    kept: async (c) => { assert.equal(await c.organization.inputValue(), NS); },
    retry: async (c) => c.page.getByTestId('picker-note').getByRole('button', { name: 'Retry' }).click(),
    done: async (c) => { await c.page.getByTestId('picker-note').filter({ hasText: /Suggestions: [1-9]\d* organizations/ }).waitFor(); },
    pending: null,
  },
  {
    name: 'repositories picker',
    write: false,
    target: { method: 'GET', path: '/v2/manage/repos' },
    start: async (env, page, setFault) => { await setFault(); return open(env, page, { token: false }); },
    act: async (c, env) => { await c.useToken(await env.emulator.token()); await c.table.waitFor(); },
    where: (c) => c.page.getByTestId('picker-note'),
    kept: async (c) => { assert.equal(await c.repository.inputValue(), REPO); },
    retry: async (c) => c.page.getByTestId('picker-note').getByRole('button', { name: 'Retry' }).click(),
    done: async (c) => { await c.page.getByTestId('picker-note').filter({ hasText: /[1-9]\d* private repositories/ }).waitFor(); },
    pending: null,
  },
  {
    name: 'check before add',
    write: false,
    target: { method: 'GET', path: `${BASE}/matrix-partner` },
    start: async (env, page, setFault) => { const c = await open(env, page); await setFault(); return c; },
    act: async (c) => c.addShare({ account: 'matrix-partner', forever: true, description: 'typed words' }),
    where: (c) => c.addForm.getByRole('alert'),
    kept: async (c) => { assert.equal(await c.account.inputValue(), 'matrix-partner'); assert.equal(await c.description.inputValue(), 'typed words'); },
    retry: async (c) => c.shareButton.click(),
    done: async (c) => { await c.row('matrix-partner').waitFor(); await c.addForm.locator('.ss-success').filter({ hasText: 'with matrix-partner' }).waitFor(); },
    pending: (c) => c.addForm.getByRole('button', { name: /Sharing…|Waiting for a new token…/ }),
    again: async (c) => c.addForm.evaluate((f) => f.requestSubmit()),
  },
  {
    name: 'add',
    write: true,
    target: { method: 'POST', path: BASE },
    start: async (env, page, setFault) => { const c = await open(env, page); await setFault(); return c; },
    act: async (c) => c.addShare({ account: 'matrix-partner', forever: true, description: 'typed words' }),
    where: (c) => c.addForm.getByRole('alert'),
    kept: async (c) => { assert.equal(await c.account.inputValue(), 'matrix-partner'); assert.equal(await c.description.inputValue(), 'typed words'); assert.equal(await c.forever.isChecked(), true); },
    retry: async (c) => c.shareButton.click(),
    done: async (c) => { await c.row('matrix-partner').waitFor(); await c.addForm.locator('.ss-success').filter({ hasText: 'with matrix-partner' }).waitFor(); },
    pending: (c) => c.addForm.getByRole('button', { name: /Sharing…|Waiting for a new token…/ }),
    again: async (c) => c.addForm.evaluate((f) => f.requestSubmit()),
  },
  {
    name: 'edit',
    write: true,
    target: { method: 'PATCH', path: `${BASE}/auditor-kpmg` },
    start: async (env, page, setFault) => { const c = await open(env, page); await setFault(); return c; },
    act: async (c) => {
      await c.rowAction('auditor-kpmg', 'Edit…');
      await c.editDialog.getByLabel('Description').fill('Edited in the matrix');
      await c.editDialog.getByRole('button', { name: 'Save changes' }).click();
    },
    where: (c) => c.editDialog.getByRole('alert'),
    kept: async (c) => { assert.equal(await c.editDialog.isVisible(), true); assert.equal(await c.editDialog.getByLabel('Description').inputValue(), 'Edited in the matrix'); },
    retry: async (c) => c.editDialog.getByRole('button', { name: 'Save changes' }).click(),
    done: async (c) => { await c.editDialog.waitFor({ state: 'hidden' }); await row(c.page, 'auditor-kpmg').filter({ hasText: 'Edited in the matrix' }).waitFor(); },
    pending: (c) => c.editDialog.getByRole('button', { name: /Saving…|Waiting for a new token…/ }),
    again: async (c) => c.editDialog.locator('form').evaluate((f) => f.requestSubmit()),
  },
  {
    name: 'extend',
    write: true,
    target: { method: 'PATCH', path: `${BASE}/contractor-ops` },
    start: async (env, page, setFault) => { const c = await open(env, page); await setFault(); return c; },
    act: async (c) => c.rowAction('contractor-ops', 'Extend +30 days'),
    where: (c) => note(c.page, 'contractor-ops').getByRole('alert'),
    kept: async (c) => { assert.equal(await row(c.page, 'contractor-ops').count(), 1); },
    retry: async (c) => note(c.page, 'contractor-ops').getByRole('button', { name: 'Try again' }).click(),
    done: async (c) => { await note(c.page, 'contractor-ops').locator('.ss-success').filter({ hasText: 'Extended contractor-ops: valid until' }).waitFor(); },
    pending: (c) => note(c.page, 'contractor-ops').getByRole('status').filter({ hasText: /Extending|Waiting for a new token/ }),
    // A second click while the first runs: the menu opened again, its (disabled) item
    // clicked anyway.
    again: async (c) => {
      await row(c.page, 'contractor-ops').getByText('Actions', { exact: true }).click();
      await row(c.page, 'contractor-ops').locator('button', { hasText: 'Extend +30 days' }).evaluate((b) => { b.disabled = false; b.click(); });
    },
  },
  {
    name: 'revoke',
    write: true,
    target: { method: 'DELETE', path: `${BASE}/partner-bank` },
    start: async (env, page, setFault) => { const c = await open(env, page); await setFault(); return c; },
    act: async (c) => { await c.rowAction('partner-bank', 'Revoke…'); await c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank' }).click(); },
    where: (c) => c.revokeDialog.getByRole('alert'),
    kept: async (c) => { assert.equal(await c.revokeDialog.isVisible(), true); assert.equal(await row(c.page, 'partner-bank').count(), 1); },
    retry: async (c) => c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank' }).click(),
    done: async (c) => { await c.revokeDialog.waitFor({ state: 'hidden' }); await row(c.page, 'partner-bank').waitFor({ state: 'detached' }); },
    pending: (c) => c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank', disabled: true }),
    again: async (c) => c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank' }).evaluate((b) => { b.disabled = false; b.click(); }),
  },
  {
    name: 'undo',
    write: true,
    target: { method: 'POST', path: BASE },
    start: async (env, page, setFault) => {
      const c = await open(env, page);
      await c.rowAction('partner-bank', 'Revoke…');
      await c.revokeDialog.getByRole('button', { name: 'Revoke partner-bank' }).click();
      await row(page, 'partner-bank').waitFor({ state: 'detached' });
      await setFault();
      return c;
    },
    act: async (c) => c.page.getByRole('button', { name: 'Undo', exact: true }).click(),
    where: (c) => c.page.locator('.ss-toast').getByRole('alert'),
    kept: async (c) => {
      const toast = await c.page.locator('.ss-toast').first().textContent();
      assert.match(toast, /Its terms: valid until Forever, description "Settlement integration, permanent partner"/);
    },
    retry: async (c) => c.page.getByRole('button', { name: 'Try undo again' }).click(),
    done: async (c) => { await row(c.page, 'partner-bank').waitFor(); await c.page.getByRole('status').filter({ hasText: 'restored with its deadline and description' }).waitFor(); },
    pending: (c) => c.page.getByRole('button', { name: /Restoring…/ }),
    again: null,
  },
];

let env;
const results = [];
before(async () => { env = await startAll(); });
after(async () => {
  await env?.stop();
  fs.mkdirSync(RESULTS, { recursive: true });
  const header = `| operation | ${FAULTS.map((f) => f.name).join(' | ')} |\n|---|${FAULTS.map(() => '---').join('|')}|\n`;
  const lines = OPS.map((op) => `| ${op.name} | ${FAULTS.map((f) => results.find((r) => r.op === op.name && r.fault === f.name)?.ok ? 'pass' : 'FAIL').join(' | ')} |`);
  fs.writeFileSync(path.join(RESULTS, `fault-matrix-${SERVER}.md`), `${header}${lines.join('\n')}\n`);
});

for (const op of OPS) {
  test(`fault matrix: ${op.name}`, { timeout: 600_000 }, async (t) => {
    for (const f of FAULTS) {
      await t.test(`${op.name} × ${f.name}`, () => scenario(env, `faults ${op.name} ${f.name}`, async (page) => {
        let sent = 0;
        page.on('request', (r) => {
          const u = new URL(r.url());
          if (r.method() === op.target.method && u.pathname.endsWith(op.target.path)) sent += 1;
        });
        const setFault = () => env.emulator.fault({ method: op.target.method, path: op.target.path, ...f.fault });
        await env.emulator.reset();
        const c = await op.start(env, page, setFault);
        const before = sent;
        await op.act(c, env);

        if (f.slow) {
          // Under way: said so, and a second attempt sends nothing more.
          if (op.pending) await op.pending(c).first().waitFor();
          if (op.again) await op.again(c);
          await op.done(c);
          if (op.again) assert.equal(sent - before, 1, 'one request for one action');
          results.push({ op: op.name, fault: f.name, ok: true });
          return;
        }

        if (f.unauthorized && (op.write || op.name === 'check before add')) {
          // Asked where the user is, with everything kept; the new token carries it through.
          const dialog = page.getByRole('dialog', { name: 'SWR refused the token' });
          await dialog.waitFor();
          // SWR's own answer, then what to do.
          assert.match(await dialog.textContent(), /HTTP 401 · SVCSTG\.SWR\.4010000: Authenticate failed\. The token was refused/);
          await op.kept(c);
          await noSuccess(page);
          await env.emulator.admin('DELETE', '/faults');
          await dialog.getByLabel('New IAM token').fill(await env.emulator.token());
          await dialog.getByRole('button', { name: 'Continue with this token' }).click();
          await op.done(c);
          results.push({ op: op.name, fault: f.name, ok: true });
          return;
        }

        const expect = (op.write && f.expectWrite) || f.expect;
        const where = op.where(c).filter({ hasText: expect }).first();
        try {
          await where.waitFor({ timeout: 15_000 });
        } catch (e) {
          const shown = await op.where(c).allTextContents().catch(() => []);
          throw new Error(`${op.name} × ${f.name}: no message matching ${expect} where the user acted; shown there: ${JSON.stringify(shown)}`);
        }
        await op.kept(c);
        await noSuccess(page);
        await env.emulator.admin('DELETE', '/faults');
        await op.retry(c);
        await op.done(c);
        results.push({ op: op.name, fault: f.name, ok: true });
      }));
    }
  });
}

// The fault matrix of jobs: every fault of the one-share matrix, plus a gateway's 502/504
// after SWR acted, 429 once and 429 sustained (the emulator's rate limit), × every kind of
// job (share in bulk, copy, CSV import; extend and revoke from the organization view and
// from ticked rows of one repository), with the fault on the first, a middle and the last
// change. Each case asserts: what the job reports for each change is what SWR has
// afterwards (read from the emulator); SWR ends as planned, after at most one "Retry
// failed" (none where the fault passes); no change is carried out twice (the emulator's
// journal); and each failure names status, code and what to do, once. Behind nginx, as
// deployed; the result is written to end2end/test-results/job-fault-matrix.md.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAll, RESULTS, SERVER } from '../support/env.mjs';

const swr = (status, code, message) => ({ kind: 'status', status, body: { errorCode: code, errorMessage: message } });
const INVALID = ['SVCSTG.SWR.4001041', 'Invalid domain name'];
const THROTTLED = { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second' };

// `ends`: `refused` (the three changes fail, named, and one Retry failed carries them out),
// `passes` (the job absorbs it: nothing fails), `confirmed` (SWR acted; the job says it
// confirmed that by reading back), `token` (a new token carries the job on).
// `expect`: what each failure (or confirmation) says. `rate`: the emulator's rate limit
// instead of a fault. `sustained`: the fault stays until the test clears it.
const FAULTS = [
  { name: '400 object', fault: swr(400, ...INVALID), ends: 'refused', expect: /^HTTP 400 · SVCSTG\.SWR\.4001041: Invalid domain name\. SWR rejected/ },
  { name: '400 array', fault: { kind: 'status', status: 400, body: [{ errorCode: INVALID[0], errorMessage: INVALID[1], detail: '' }] }, ends: 'refused', expect: /^HTTP 400 · SVCSTG\.SWR\.4001041: Invalid domain name\./ },
  { name: '400 errors[]', fault: { kind: 'status', status: 400, body: { errors: [{ errorCode: INVALID[0], errorMessage: INVALID[1] }] } }, ends: 'refused', expect: /^HTTP 400 · SVCSTG\.SWR\.4001041: Invalid domain name\./ },
  { name: '401', fault: swr(401, 'SVCSTG.SWR.4010000', 'Authenticate failed'), ends: 'token', sustained: true },
  { name: '403', fault: swr(403, 'SVCSTG.SWR.4039002', 'No permission'), ends: 'refused', expect: /^HTTP 403 · SVCSTG\.SWR\.4039002: No permission\. You need the Manage permission/ },
  { name: '404 organization', fault: swr(404, 'SVCSTG.SWR.4040058', 'Namespace not found'), ends: 'refused', expect: /^HTTP 404 · SVCSTG\.SWR\.4040058: Namespace not found\. Check the organization/ },
  { name: '404 repository', fault: swr(404, 'SVCSTG.SWR.4040010', 'Repository not found'), ends: 'refused', expect: /^HTTP 404 · SVCSTG\.SWR\.4040010: Repository not found\. Check the organization/ },
  { name: '409 exists', fault: swr(409, 'SVCSTG.SWR.4090089', 'The shared account already exists'), ends: 'refused', expect: /^HTTP 409 · SVCSTG\.SWR\.4090089: The shared account already exists\. (This account already has a share|SWR reports a conflict)/ },
  { name: '409 busy', fault: swr(409, 'SVCSTG.SWR.4090023', 'System busy'), ends: 'passes' },
  { name: '413', fault: swr(413, 'SVCSTG.SWR.4131012', 'Request entity too large'), ends: 'refused', expect: /^HTTP 413 · SVCSTG\.SWR\.4131012: Request entity too large\. The request is too large/ },
  { name: '500', fault: swr(500, 'SVCSTG.SWR.5000001', 'Internal error'), ends: 'passes' },
  { name: '502 HTML', fault: { kind: 'status', status: 502, raw: '<html><body><h1>502 Bad Gateway</h1><hr>gateway</body></html>' }, ends: 'passes' },
  // nginx answers a dropped upstream connection with its own 502.
  { name: 'dropped connection', fault: { kind: 'drop' }, ends: 'passes' },
  { name: 'malformed 200', fault: { kind: 'malformed', status: 200 }, ends: 'passes' },
  { name: 'malformed 500', fault: { kind: 'malformed', status: 500 }, ends: 'passes' },
  { name: 'slow answer', fault: { kind: 'delay', ms: 1200 }, ends: 'passes' },
  { name: '502 after SWR acted', fault: { kind: 'status', status: 502, raw: '<html><body><h1>502 Bad Gateway</h1></body></html>', applied: true }, ends: 'confirmed', expect: /^Confirmed by reading back: HTTP 502: 502 Bad Gateway\. The list shows the change as planned\.$/ },
  { name: '504 after SWR acted', fault: { kind: 'status', status: 504, raw: '<html><body><h1>504 Gateway Time-out</h1></body></html>', applied: true }, ends: 'confirmed', expect: /^Confirmed by reading back: HTTP 504: 504 Gateway Time-out\. The list shows the change as planned\.$/ },
  { name: '429 once', fault: { kind: 'status', status: 429, body: THROTTLED }, ends: 'passes' },
  // A bucket of half the job's changes: the rest waits for it to refill.
  { name: '429 sustained', rate: (changes) => Math.ceil(changes / 2), ends: 'passes' },
];

const METHOD = { create: 'POST', update: 'PATCH', delete: 'DELETE' };
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (ymd, n) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

let env;
const results = [];
before(async () => { if (SERVER === 'nginx') env = await startAll({ server: 'nginx' }); });
after(async () => {
  if (!env) return;
  await env.stop();
  fs.mkdirSync(RESULTS, { recursive: true });
  const header = `| job | ${FAULTS.map((f) => f.name).join(' | ')} |\n|---|${FAULTS.map(() => '---').join('|')}|\n`;
  const lines = JOBS.map((j) => `| ${j.name} | ${FAULTS.map((f) => results.find((r) => r.job === j.name && r.fault === f.name)?.ok ? 'pass' : 'FAIL').join(' | ')} |`);
  fs.writeFileSync(path.join(RESULTS, 'job-fault-matrix.md'), `${header}${lines.join('\n')}\n`);
});

async function signIn(page, query) {
  await page.goto(`${env.appUrl}/${query}`);
  const token = page.getByLabel('IAM token', { exact: true });
  await token.fill(await env.emulator.token());
  await token.press('Enter');
}

/** The share of `account` on ns/repo as the emulator has it, or undefined. */
function shareIn(state, { ns, repo, account }) {
  return state.namespaces[ns].repos[repo].shares.find((s) => s.access_domain === account.toLowerCase());
}

const stateOf = (ns) => env.emulator.admin('GET', `/state?namespace=${ns}`);

/** Waits until the job that was sent says `re` (checked at every frame, not every 500 ms). */
const jobSays = (page, re, timeout = 60_000) => page.waitForFunction(
  ([source, flags]) => window.started && new RegExp(source, flags).test(document.querySelector('[data-testid=job-status]')?.textContent || ''),
  [re.source, re.flags], { polling: 'raf', timeout },
);

/** The rows of the dry run that will be sent, in the job's order. */
async function plannedNew(page) {
  const rows = await page.getByRole('table', { name: 'Planned changes' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    full: tr.querySelector('td').textContent, account: tr.querySelector('th').textContent, plan: tr.querySelectorAll('td')[1].textContent,
  })));
  return rows.filter((r) => r.plan.startsWith('New:')).map((r) => {
    const [ns, repo] = splitRepo(r.full);
    const until = r.plan.match(/until (\S+)/)[1];
    return { ns, repo, account: r.account, kind: 'create', deadline: until === 'Forever' ? 'forever' : until };
  });
}

/** "acme-prod/tools/builder" → ["acme-prod", "tools/builder"]. */
const splitRepo = (full) => [full.slice(0, full.indexOf('/')), full.slice(full.indexOf('/') + 1)];

function withDescriptions(job, description) {
  for (const p of job.pairs) p.description = description(p);
  return job;
}

async function preview(page) {
  // A plan shown before (the case before) is marked: the new one is a new element.
  await page.evaluate(() => document.querySelector('[data-testid=plan-counts]')?.setAttribute('data-old', ''));
  await page.getByRole('button', { name: 'Preview the changes' }).click();
  await page.locator('[data-testid=plan-counts]:not([data-old])').waitFor();
  const pairs = await plannedNew(page);
  return { pairs, send: () => page.getByRole('button', { name: `Send ${pairs.length} changes` }).click() };
}

/** The first `n` rows of a table ticked (by CSS: role queries over 2,240 rows are slow),
 * to be extended by 30 days or revoked. */
async function fromSelection(page, boxes, n, action, repo) {
  const labels = (await page.locator(boxes).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).slice(0, n);
  const pairs = labels.map((label) => {
    const [, account, full] = label.match(/^Select (\S+)(?: on (\S+))?$/);
    const [ns, name] = splitRepo(full || repo);
    return { ns, repo: name, account, kind: action === 'extend' ? 'update' : 'delete' };
  });
  // Clicked in the page: each is a real click event, without Playwright's per-action checks.
  await page.locator(boxes).evaluateAll((els, n) => els.slice(0, n).forEach((e) => e.click()), n);
  await page.getByText(`${labels.length} selected:`).waitFor();
  const state = await stateOf(pairs[0].ns);
  for (const p of pairs) {
    p.before = shareIn(state, p);
    if (p.kind === 'update') {
      const d = p.before.deadline;
      p.deadline = d === 'forever' ? 'forever' : addDays([d.slice(0, 10), today()].sort()[1], 30);
      p.description = p.before.description;
      p.noop = d === 'forever';
    }
  }
  const send = async () => {
    if (action === 'extend') return page.getByRole('button', { name: 'Extend +30 days' }).click();
    await page.getByRole('button', { name: 'Revoke…' }).click();
    await page.getByRole('alertdialog', { name: 'Confirm revoking' }).getByRole('button', { name: /^Revoke \d+$/ }).click();
  };
  return { pairs, send };
}

const JOBS = [
  {
    name: 'share in bulk',
    reuses: true,
    prepare: async (page, again) => {
      if (again) return withDescriptions(await preview(page), () => 'matrix');
      await signIn(page, '?view=bulk&namespace=acme-fleet');
      await page.getByRole('button', { name: 'List its repositories' }).click();
      await page.getByLabel('Accounts (commas, spaces or one per line)').fill('mx-a mx-b');
      await page.getByLabel('Filter repositories').fill('svc-00');
      await page.getByRole('button', { name: 'Select the 9 matching' }).click();
      await page.getByLabel('Forever').check();
      await page.getByLabel('Description (optional)').fill('matrix');
      return withDescriptions(await preview(page), () => 'matrix');
    },
  },
  {
    name: 'copy',
    reuses: true,
    prepare: async (page, again) => {
      // payments-api's valid shares to the other private repositories of acme-prod, one of
      // them (big-catalog) with a list cut at SWR's page of 100.
      if (!again) {
        await signIn(page, '?view=bulk&namespace=acme-prod');
        await page.getByRole('button', { name: 'List its repositories' }).click();
        await page.getByLabel('Copy the shares of one repository').check();
        await page.getByLabel('Copy the shares of', { exact: true }).selectOption('payments-api');
        await page.getByRole('button', { name: /^Select the \d+ matching$/ }).click();
      }
      const state = await stateOf('acme-prod');
      return withDescriptions(await preview(page), (p) => shareIn(state, { ...p, repo: 'payments-api' }).description);
    },
  },
  {
    name: 'CSV import',
    reuses: true,
    prepare: async (page, again) => {
      const described = (job) => withDescriptions(job, (p) => `line ${p.account.slice(4)}, imported`);
      if (again) return described(await preview(page));
      await signIn(page, '?view=bulk&namespace=acme-fleet');
      await page.getByLabel('A CSV file').check();
      const lines = Array.from({ length: 9 }, (_, i) => `csv-${i},acme-fleet/svc-01${i},${i % 2 ? 'forever' : '2099-12-31'},"line ${i}, imported"`);
      const csv = ['account,repository,deadline,description', ...lines].join('\r\n');
      await page.getByLabel('CSV file (account, repository, deadline, description)').setInputFiles({ name: 'm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByText('9 shares read; 0 lines could not be used.').waitFor();
      return described(await preview(page));
    },
  },
  ...['extend', 'revoke'].map((action) => ({
    name: `organization ${action}`,
    prepare: async (page) => {
      // acme-prod: a few lists to load, one of them (big-catalog) cut at SWR's page of 100.
      await signIn(page, '?view=org&namespace=acme-prod');
      await page.getByRole('button', { name: 'Load every share' }).click();
      await page.getByTestId('org-summary').waitFor();
      return fromSelection(page, 'table[aria-label="Shares across the organization"] tbody tr:not([hidden]) input[type=checkbox]', 9, action);
    },
  })),
  ...['extend', 'revoke'].map((action) => ({
    name: `repository ${action}`,
    prepare: async (page) => {
      await signIn(page, '?namespace=acme-prod&repository=payments-api');
      const rows = 'tbody tr[data-account]';
      await page.locator(rows).first().waitFor();
      return fromSelection(page, `${rows} input[type=checkbox]`, 9, action, 'acme-prod/payments-api');
    },
  })),
];

/** What SWR has for the change: 'planned', 'before' (untouched) or a description. */
function judged(state, p) {
  const s = shareIn(state, p);
  if (p.kind === 'delete') return s ? 'before' : 'planned';
  if (p.kind === 'create' && !s) return 'before';
  if (p.kind === 'update' && s && s.deadline === p.before.deadline && p.deadline !== 'forever') return 'before';
  const day = s.deadline === 'forever' ? 'forever' : s.deadline.slice(0, 10);
  if (day === p.deadline && s.description === p.description) return 'planned';
  return `other: ${JSON.stringify(s)}`;
}

/** The job's own words: its status line, what did not work and what was confirmed. */
async function report(page) {
  return page.evaluate(() => {
    const list = (name) => [...document.querySelectorAll(`ul[aria-label="${name}"] li`)].map((li) => {
      const what = li.querySelector('strong').textContent;
      const [, account, full] = what.match(/(?:Share with|the share of) (\S+) on (\S+?)(?: \(|$)/);
      return { key: `${full}:${account.toLowerCase()}`, why: li.textContent.slice(what.length + 2) };
    });
    return {
      status: document.querySelector('[data-testid=job-status]').textContent,
      problems: list('What did not work'),
      notes: list('Done, with a note'),
    };
  });
}

const keyOf = (p) => `${p.ns}/${p.repo}:${p.account.toLowerCase()}`;

const mark = (what) => process.env.JOB_TIMING && console.error(`${Math.round(performance.now())} ${what}`);

async function runCase(page, job, f, again) {
  mark('start');
  await env.emulator.reset();
  if (again && job.reuses) {
    // A reset forgets every token: the page gets a new one, as a user would paste it.
    const token = page.getByLabel('IAM token', { exact: true });
    await token.fill(await env.emulator.token());
    await token.press('Enter');
  }
  mark('token');
  const { pairs, send } = await job.prepare(page, again);
  mark('prepared');
  assert.ok(pairs.length >= 5, `${job.name}: a job of ${pairs.length} changes`);
  // The first, a middle and the last change that sends anything.
  const sends = pairs.filter((p) => !p.noop);
  const targets = [sends[0], sends[Math.floor(sends.length / 2)], sends.at(-1)];
  // Whether the line ever said the job was slowed; whether this job has started (a job of
  // the case before may still say "Finished").
  await page.evaluate(() => {
    window.slowedSeen = false;
    window.started = false;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid=job-status]')?.textContent || '';
      if (/SWR is throttling: slowed to \d+ at a time/.test(line)) window.slowedSeen = true;
      if (line && !line.startsWith('Finished')) window.started = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  if (f.rate) {
    await env.emulator.admin('PUT', '/rate-limit', { per_second: f.rate(pairs.length) });
  } else {
    for (const t of targets) {
      await env.emulator.fault({
        method: METHOD[t.kind], path: `*/repositories/${t.repo.replaceAll('/', '$')}/access-domains*`, account: t.account,
        ...f.fault, ...(f.sustained ? {} : { times: 1 }),
      });
    }
  }
  mark('faults set');
  await send();
  if (f.ends === 'token') {
    const dialog = page.getByRole('dialog', { name: 'SWR refused the token' });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /HTTP 401 · SVCSTG\.SWR\.4010000: Authenticate failed\. The token was refused/);
    assert.match(await page.getByTestId('job-status').textContent(), /Paused: SWR refused the token/);
    await env.emulator.admin('DELETE', '/faults');
    await dialog.getByLabel('New IAM token').fill(await env.emulator.token());
    await dialog.getByRole('button', { name: 'Continue with this token' }).click();
  }
  await jobSays(page, /^Finished\./);
  mark('finished');
  if (f.rate) {
    assert.ok(await page.evaluate(() => window.slowedSeen), 'the line said SWR was throttling');
    await env.emulator.admin('PUT', '/rate-limit', { per_second: 0 });
  }

  // What the job reports for each change is what SWR has.
  let r = await report(page);
  let state = await stateOf(pairs[0].ns);
  const failed = new Set(r.problems.map((p) => p.key));
  for (const p of pairs) {
    assert.equal(judged(state, p), failed.has(keyOf(p)) ? 'before' : 'planned', `${job.name} × ${f.name}: ${keyOf(p)} is reported ${failed.has(keyOf(p)) ? 'failed' : 'done'} (${r.status})`);
  }
  if (f.ends === 'refused') {
    assert.deepEqual([...failed].sort(), targets.map(keyOf).sort(), r.status);
    for (const p of r.problems) {
      assert.match(p.why, f.expect);
      assert.equal(p.why.match(/HTTP \d{3}/g).length, 1, `the head once: ${p.why}`);
    }
    assert.match(r.status, new RegExp(`^Finished\\. ${pairs.length - 3} done, 3 failed, 0 not sent, 0 left of ${pairs.length}\\.$`));
    await env.emulator.admin('DELETE', '/faults');
    await page.evaluate(() => { window.started = false; });
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await jobSays(page, new RegExp(`^Finished\\. ${pairs.length} done`));
    r = await report(page);
    state = await stateOf(pairs[0].ns);
  } else {
    assert.deepEqual(r.problems, [], `nothing fails: ${r.status}`);
    assert.match(r.status, new RegExp(`^Finished\\. ${pairs.length} done, 0 failed, 0 not sent, 0 left of ${pairs.length}\\.$`));
  }
  const confirmed = r.notes.filter((n) => !n.why.startsWith('Nothing to send'));
  if (f.ends === 'confirmed') {
    assert.deepEqual(confirmed.map((c) => c.key).sort(), targets.map(keyOf).sort());
    for (const c of confirmed) assert.match(c.why, f.expect);
  } else {
    assert.deepEqual(confirmed, [], 'nothing to confirm by reading back');
  }
  // Extending a share valid forever sends nothing, and says so.
  assert.deepEqual(r.notes.filter((n) => n.why.startsWith('Nothing to send')).map((n) => n.key).sort(), pairs.filter((p) => p.noop).map(keyOf).sort());
  // SWR ends as planned, and each change was carried out once.
  for (const p of pairs) assert.equal(judged(state, p), 'planned', `${keyOf(p)} as planned`);
  const journal = await env.emulator.admin('GET', '/journal');
  for (const p of pairs) {
    const times = journal.filter((j) => `${j.namespace}/${j.repository}:${j.account}` === keyOf(p)).length;
    assert.equal(times, p.noop ? 0 : 1, `${keyOf(p)} carried out ${times} times`);
  }
}

// One browser context per kind of job (the dry-run forms are used again; the views with
// rows are opened afresh, from the HTTP cache); a failed case keeps its screenshot.
for (const job of JOBS) {
  test(`job fault matrix: ${job.name}`, { timeout: 600_000, skip: SERVER !== 'nginx' && 'runs behind nginx only' }, async (t) => {
    // No trace: its DOM snapshots of the organization's 2,240 rows would slow every step.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const base = path.join(RESULTS, `jobs-${job.name.replace(/\W+/g, '-')}`);
    let failed = false;
    try {
      // JOB_FAULTS=regex: only those faults (when working on one).
      const only = new RegExp(process.env.JOB_FAULTS || '');
      for (const [i, f] of FAULTS.filter((f) => only.test(f.name)).entries()) {
        await t.test(`${job.name} × ${f.name}`, async () => {
          try {
            // The dry-run forms are used again as they are; the views with rows are opened afresh.
            await runCase(page, job, f, i > 0 && !failed);
            if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
            results.push({ job: job.name, fault: f.name, ok: true });
          } catch (e) {
            failed = true;
            fs.mkdirSync(RESULTS, { recursive: true });
            const shot = `${base}-${f.name.replace(/\W+/g, '-')}.png`;
            await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
            console.error(`e2e failure artefact: ${shot}`);
            throw e;
          } finally {
            errors.length = 0;
          }
        });
      }
    } finally {
      await context.close();
    }
  });
}

// Many accounts × many repositories: the organization overview, what one account can pull,
// export, bulk extend, sharing in bulk with a dry run, and the jobs that carry changes out
// (failures for some pairs, latency for all, a token that expires midway, cancel).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useEnv, scenario, RESULTS } from '../support/env.mjs';
import { until } from '../support/until.mjs';

// The emulator's reset also clears faults, latency and the rate limit.
const env = useEnv();

async function signIn(page, query) {
  await page.goto(`${env.appUrl}/${query}`);
  const token = page.getByLabel('IAM token', { exact: true });
  await token.fill(await env.emulator.token());
  await token.press('Enter');
}

/** Opened with a token typed after the page (a kept token loads at once). */
async function openOrg(page, query) {
  await signIn(page, query);
  await page.getByRole('button', { name: 'Load every share' }).click();
  await page.getByTestId('org-summary').waitFor();
}

// The table keeps every row of the list built and hides those the filter leaves out.
const SHOWN = 'tbody tr:not([hidden])';

/** The shares of one repository as the emulator has them. */
async function sharesOf(ns, repo) {
  const state = await env.emulator.admin('GET', '/state');
  const shares = state.namespaces[ns].repos[repo].shares;
  return shares.map((s) => s.access_domain);
}

test('organization overview: every share, summary, one account, export, screenshots at three widths', () =>
  scenario(env, 'organization overview', async (page) => {
    await openOrg(page, '?view=org&namespace=acme-fleet');
    const summary = page.getByTestId('org-summary');
    assert.match(await summary.textContent(), /^2240 shares across 64 shared repositories: \d+ expired, \d+ expire within 14 days\.$/);
    const table = page.getByRole('table', { name: 'Shares across the organization' });
    // Expiring soonest first: the first row is still valid and ends before any later one.
    const first = await table.locator(SHOWN).first().locator('td').nth(3).textContent();
    assert.doesNotMatch(await table.locator(SHOWN).first().textContent(), /Expired/);
    assert.match(first, /^\d{4}-\d{2}-\d{2}/);

    // What one account can pull; the URL keeps it.
    const account = page.getByLabel('Account (what it can pull)');
    await account.fill('fleet-partner-007');
    await account.press('Enter');
    await until(() => table.locator(SHOWN).count(), (n) => n === 20, { what: "the account's 20 rows" });
    assert.match(page.url(), /view=org&namespace=acme-fleet&account=fleet-partner-007/);
    for (const cell of await table.locator(`${SHOWN} th`).allTextContents()) assert.equal(cell, 'fleet-partner-007');

    // Export the rows in view.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
    assert.equal(download.suggestedFilename(), 'swr-shares-acme-fleet-fleet-partner-007.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    assert.equal(csv[0], 'account,repository,deadline,description,access_ends,valid,created,updated,creator');
    assert.equal(csv.length, 21);
    const [tf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Terraform (Huawei Cloud)' }).click()]);
    const hcl = fs.readFileSync(await tf.path(), 'utf8');
    assert.equal(hcl.match(/resource "huaweicloud_swr_repository_sharing"/g).length, 20);
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calendar (.ics)' }).click()]);
    assert.match(fs.readFileSync(await ics.path(), 'utf8'), /^BEGIN:VCALENDAR\r\n/);

    // The table fits the screen: a card per share at phone width, one line per row wide.
    fs.mkdirSync(RESULTS, { recursive: true });
    for (const width of [390, 1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(RESULTS, `organization-${width}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
      if (width >= 1280) {
        // "Ending within N days:" on one line, its field beside the words, not over them.
        const days = await page.getByLabel('Days ahead for the calendar').evaluate((input) => {
          const [f, l] = [input.getBoundingClientRect(), input.closest('label').getBoundingClientRect()];
          return { field: Math.round(f.height), label: Math.round(l.height), inside: f.right <= l.right };
        });
        assert.ok(days.label <= days.field + 2 && days.inside, `at ${width} px: ${JSON.stringify(days)}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // A link from each row to its repository.
    await table.locator(SHOWN).first().getByRole('button').click();
    await page.getByRole('table', { name: 'Accounts this repository is shared with' }).waitFor();
    assert.doesNotMatch(page.url(), /view=/);
  }));

test('the overview filter shows and hides rows; a ticked row stays ticked while filtered out, and clearing the selection unticks it', () =>
  scenario(env, 'organization filter', async (page) => {
    await openOrg(page, '?view=org&namespace=acme-fleet');
    const table = page.getByRole('table', { name: 'Shares across the organization' });
    const shown = table.locator(SHOWN);
    const inView = async () => Number((await page.getByText(/^Export the \d+ rows in view:$/).textContent()).match(/\d+/)[0]);
    assert.equal(await inView(), 2240);
    assert.equal(await shown.count(), 500);
    await page.getByText('The first 500 of 2240 rows are shown; filter to narrow them down.').waitFor();
    // The first row's box, then a filter for another account.
    const box = shown.first().getByRole('checkbox');
    const label = await box.getAttribute('aria-label');
    const other = (await shown.first().locator('th').textContent()) === 'fleet-partner-007' ? 'fleet-partner-008' : 'fleet-partner-007';
    await box.check();
    await page.getByText('1 selected:').waitFor();

    const filter = page.getByLabel('Filter', { exact: true });
    await filter.fill(other.toUpperCase());
    const n = await inView();
    assert.ok(n > 0 && n < 500, `${n} rows match`);
    assert.equal(await shown.count(), n);
    for (const cell of await table.locator(`${SHOWN} th`).allTextContents()) assert.equal(cell, other);
    assert.equal(await page.getByText(/^The first 500 of/).count(), 0);
    assert.equal(await page.getByRole('checkbox', { name: label }).count(), 0, 'the ticked row is hidden');

    await filter.fill('');
    assert.equal(await shown.count(), 500);
    assert.equal(await page.getByRole('checkbox', { name: label }).isChecked(), true);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    assert.equal(await page.getByRole('checkbox', { name: label }).isChecked(), false);
    await page.getByRole('checkbox', { name: label }).check();
    await page.getByText('1 selected:').waitFor();

    // Another order moves the rows; the ticked one keeps its tick.
    await page.getByLabel('Sort by').selectOption('account');
    await page.waitForFunction((sel) => {
      const th = [...document.querySelectorAll(`table[aria-label="Shares across the organization"] ${sel} th`)].map((t) => t.textContent);
      return th.length === 500 && th.every((a, k) => k === 0 || th[k - 1] <= a);
    }, SHOWN);
    assert.equal(await page.evaluate((l) => document.querySelector(`input[aria-label="${l}"]`).checked, label), true);
  }));

test('a filter typed the moment the rows appear also finds the rows written after the first paint', () =>
  scenario(env, 'organization filter at once', async (page) => {
    await signIn(page, '?view=org&namespace=acme-fleet');
    const rows = 'table[aria-label="Shares across the organization"] tbody tr';
    // In the task that writes the first rows, before the hidden ones are written.
    await page.evaluate((rows) => {
      const obs = new MutationObserver(() => {
        if (!document.querySelector(rows)) return;
        obs.disconnect();
        window.rowsWhenFiltered = document.querySelectorAll(rows).length;
        const input = document.getElementById('ss-org-filter');
        input.value = 'fleet-partner-007';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      });
      obs.observe(document.body, { subtree: true, childList: true });
    }, rows);
    await page.getByRole('button', { name: 'Load every share' }).click();
    await page.getByTestId('org-summary').waitFor();
    assert.equal(await page.evaluate(() => window.rowsWhenFiltered), 150, 'only the first rows come before the paint (FIRST_ROWS, ui/org/org_rows.rs)');
    const n = Number((await page.getByText(/^Export the \d+ rows in view:$/).textContent()).match(/\d+/)[0]);
    assert.ok(n > 0 && n < 500, `${n} rows match`);
    await until(() => page.locator(`${rows}:not([hidden])`).count(), (shown) => shown === n, { what: `${n} rows shown` });
    const accounts = await page.locator(`${rows}:not([hidden]) th`).allTextContents();
    assert.ok(accounts.every((a) => a === 'fleet-partner-007'), accounts.join());
    assert.equal(await page.locator(rows).count(), 2240, 'every row is written, the others hidden');
  }));

test('while the lists load, the progress follows them a few times a second, not at every answer', () =>
  scenario(env, 'organization progress', async (page) => {
    await signIn(page, '?view=org&namespace=acme-fleet');
    await page.getByRole('button', { name: 'Load every share' }).waitFor();
    // 64 lists, six at a time, 100 ms each: about a second of answers.
    await env.emulator.admin('PUT', '/latency', { ms: 100 });
    await page.evaluate(() => {
      window.progressShown = [];
      new MutationObserver(() => {
        const bar = document.querySelector('progress[aria-label="Repositories read"]');
        const text = bar?.nextElementSibling?.textContent;
        const last = window.progressShown.at(-1);
        if (text && text !== last?.text) window.progressShown.push({ text, value: bar.value, max: bar.max });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    let answers = 0;
    page.on('response', (r) => { if (r.url().endsWith('/access-domains')) answers += 1; });
    await page.getByRole('button', { name: 'Load every share' }).click();
    await page.getByTestId('org-summary').waitFor({ timeout: 30_000 });
    assert.equal(answers, 64);
    const shown = await page.evaluate(() => window.progressShown);
    const reads = shown.filter((s) => /^Read \d+ of 64 repositories…$/.test(s.text));
    assert.ok(reads.length >= 2, `the progress moved while the lists loaded: ${JSON.stringify(shown)}`);
    assert.ok(reads.length < 32, `repainted at a pace, not at each of the 64 answers: ${reads.length} times`);
    for (const r of reads) {
      assert.equal(r.value, Number(r.text.match(/^Read (\d+)/)[1]), 'the bar says what the text says');
      assert.equal(r.max, 64);
    }
    const counts = reads.map((r) => r.value);
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b), 'it only moves forward');
  }));

test('another view asks nothing for the one-repository list; going back to it does', () =>
  scenario(env, 'list only in its view', async (page) => {
    // acme-fleet has no repository named payments-api: only the one-repository view of
    // acme-fleet/payments-api would ask for it.
    const asked = [];
    page.on('request', (r) => { if (r.url().endsWith('/acme-fleet/repositories/payments-api/access-domains')) asked.push(r.url()); });
    await signIn(page, '?namespace=acme-prod&repository=payments-api');
    await page.locator('tbody tr').first().waitFor();
    // The overview's organization field is the view's: typing another one there must not
    // load that organization's "payments-api" behind the overview.
    await page.getByRole('button', { name: 'Organization overview' }).click();
    await page.getByLabel('Organization', { exact: true }).fill('acme-fleet');
    await page.getByRole('button', { name: 'Load every share' }).click();
    await page.getByTestId('org-summary').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(asked, [], 'nothing asked for the one-repository view while it is not open');
    const back = page.waitForRequest((r) => r.url().endsWith('/acme-fleet/repositories/payments-api/access-domains'));
    await page.getByRole('button', { name: 'One repository' }).click();
    await back;
  }));

test('bulk extend from a selection: sent six at a time, read back, the table follows', () =>
  scenario(env, 'bulk extend', async (page) => {
    await openOrg(page, '?view=org&namespace=acme-fleet&account=fleet-partner-007');
    const boxes = page.getByRole('table', { name: 'Shares across the organization' }).getByRole('checkbox');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await page.getByRole('button', { name: 'Extend +30 days' }).click();
    const status = page.getByTestId('job-status');
    await status.filter({ hasText: 'Finished' }).waitFor();
    assert.match(await status.textContent(), /Finished\. 3 done, 0 failed, 0 not sent, 0 left of 3\./);
  }));

async function planBulk(page, accounts, filter) {
  await signIn(page, '?view=bulk&namespace=acme-fleet');
  await page.getByRole('button', { name: 'List its repositories' }).click();
  await page.getByLabel('Accounts (commas, spaces or one per line)').fill(accounts);
  await page.getByLabel('Filter repositories').fill(filter);
  await page.getByRole('button', { name: /^Select the \d+ matching$/ }).click();
  await page.getByLabel('Forever').check();
  await page.getByRole('button', { name: 'Preview the changes' }).click();
  await page.getByTestId('plan-counts').waitFor();
}

test('share in bulk: the dry run sends nothing; failures for some pairs and latency for all; retry failed', () =>
  scenario(env, 'bulk share', async (page) => {
    await planBulk(page, 'onboard-a, onboard-b\nonboard-c onboard-a, bad/name', 'svc-00');
    assert.match(await page.getByText(/accounts, 1 given twice/).textContent(), /3 accounts, 1 given twice \(once is enough\), 1 not valid/);
    assert.equal(await page.getByTestId('plan-counts').textContent(), '27 new, 0 already shared with the same terms (skipped), 0 shared with other terms, 0 not valid.');
    assert.deepEqual((await sharesOf('acme-fleet', 'svc-001')).filter((a) => a.startsWith('onboard')), [], 'nothing sent by the dry run');

    // Every request is slow, and SWR refuses onboard-b on svc-003 (input error: not retried)
    // and is busy once for svc-005 (retried).
    await env.emulator.admin('PUT', '/latency', { ms: 50 });
    await env.emulator.admin('POST', '/faults', { method: 'POST', path: '*/svc-003/access-domains', kind: 'status', status: 400, error_code: 'SVCSTG.SWR.4001025', error_message: 'Invalid parameter', times: 1 });
    await env.emulator.admin('POST', '/faults', { method: 'POST', path: '*/svc-005/access-domains', kind: 'status', status: 409, error_code: 'SVCSTG.SWR.4090023', error_message: 'System busy', times: 1 });
    await page.getByRole('button', { name: 'Send 27 changes' }).click();
    const status = page.getByTestId('job-status');
    await status.filter({ hasText: 'Finished' }).waitFor();
    assert.match(await status.textContent(), /26 done, 1 failed, 0 not sent, 0 left of 27/);
    const problems = page.getByRole('list', { name: 'What did not work' });
    assert.match(await problems.textContent(), /on acme-fleet\/svc-003.*HTTP 400 · SVCSTG\.SWR\.4001025/);
    assert.equal((await sharesOf('acme-fleet', 'svc-005')).filter((a) => a.startsWith('onboard')).length, 3, 'the busy one was retried');

    await page.getByRole('button', { name: 'Retry failed' }).click();
    await status.filter({ hasText: '27 done' }).waitFor();
    assert.equal((await sharesOf('acme-fleet', 'svc-003')).filter((a) => a.startsWith('onboard')).length, 3);

    // Planned again: everything is there with the same terms.
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page.getByTestId('plan-counts').filter({ hasText: '0 new, 27 already shared' }).waitFor();
  }));

test('a token that expires midway pauses the job; with a new one it goes on without repeating', () =>
  scenario(env, 'bulk token expiry', async (page) => {
    await planBulk(page, 'late-a late-b', 'svc-0');
    const planned = await page.getByTestId('plan-counts').textContent();
    const total = Number(planned.match(/^(\d+) new/)[1]);
    // Slow enough that the clock can move while requests are under way.
    await env.emulator.admin('PUT', '/latency', { ms: 150 });
    await page.getByRole('button', { name: `Send ${total} changes` }).click();
    const status = page.getByTestId('job-status');
    await page.getByTestId('job-status').filter({ hasText: /\b[1-9]\d* done/ }).waitFor();
    await env.emulator.admin('PUT', '/clock', { advance_seconds: 25 * 3600 });
    const dialog = page.getByRole('dialog', { name: 'SWR refused the token' });
    await dialog.waitFor();
    assert.match(await status.textContent(), /Paused: SWR refused the token/);
    await dialog.getByLabel('New IAM token').fill(await env.emulator.token());
    await dialog.getByRole('button', { name: 'Continue with this token' }).click();
    await status.filter({ hasText: 'Finished' }).waitFor();
    assert.match(await status.textContent(), new RegExp(`${total} done, 0 failed, 0 not sent, 0 left of ${total}`));
    const state = await env.emulator.admin('GET', '/state');
    const late = Object.values(state.namespaces['acme-fleet'].repos).flatMap((r) => r.shares).filter((s) => s.access_domain.startsWith('late-'));
    assert.equal(late.length, total, 'each share once');
  }));

test('cancel stops sending new requests; what was not sent can be sent later', () =>
  scenario(env, 'bulk cancel', async (page) => {
    await planBulk(page, 'stop-a stop-b stop-c', 'svc-0');
    const total = Number((await page.getByTestId('plan-counts').textContent()).match(/^(\d+) new/)[1]);
    await env.emulator.admin('PUT', '/latency', { ms: 200 });
    await page.getByRole('button', { name: `Send ${total} changes` }).click();
    await page.getByTestId('job-status').filter({ hasText: /\b[1-9]\d* done/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const status = page.getByTestId('job-status');
    await status.filter({ hasText: 'Finished' }).waitFor();
    const m = (await status.textContent()).match(/(\d+) done, (\d+) failed, (\d+) not sent/);
    const [done, failed, notSent] = m.slice(1).map(Number);
    assert.equal(failed, 0);
    assert.ok(notSent > 0 && done > 0 && done + notSent === total, `${done} + ${notSent} of ${total}`);
    await env.emulator.admin('PUT', '/latency', { ms: 0 });
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await status.filter({ hasText: `${total} done` }).waitFor();
  }));

test('bulk revoke from the account view: confirmed first, sent, and gone from SWR', () =>
  scenario(env, 'bulk revoke', async (page) => {
    await openOrg(page, '?view=org&namespace=acme-fleet&account=fleet-partner-007');
    const table = page.getByRole('table', { name: 'Shares across the organization' });
    const rows = table.locator(SHOWN);
    const picked = [];
    for (let i = 0; i < 2; i++) {
      const [ns, repo] = await rows.nth(i).locator('td').evaluateAll((tds) => [tds[1].textContent, tds[2].textContent]);
      picked.push(`${ns.trim()}/${repo.trim()}`);
      await rows.nth(i).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Revoke…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Confirm revoking' });
    assert.match(await confirm.textContent(), /Revoke 2 shares\?/);
    await confirm.getByRole('button', { name: 'Revoke 2' }).click();
    await page.getByTestId('job-status').filter({ hasText: 'Finished' }).waitFor();
    assert.match(await page.getByTestId('job-status').textContent(), /2 done, 0 failed/);
    for (const full of picked) {
      const [ns, repo] = full.split('/');
      assert.ok(!(await sharesOf(ns, repo)).includes('fleet-partner-007'), `${full} no longer shared`);
    }
    // The table follows SWR: the account's rows are two fewer once the lists are read back.
    await until(() => page.getByRole('table', { name: 'Shares across the organization' }).locator(SHOWN).count(), (n) => n === 18, { what: '18 rows once read back' });
  }));

test('copy the shares of one repository to others, through the dry run', () =>
  scenario(env, 'bulk copy', async (page) => {
    await signIn(page, '?view=bulk&namespace=acme-fleet');
    await page.getByRole('button', { name: 'List its repositories' }).click();
    await page.getByLabel('Copy the shares of one repository').check();
    await page.getByLabel('Copy the shares of', { exact: true }).selectOption('svc-001');
    await page.getByLabel('Filter repositories').fill('svc-06');
    await page.getByRole('button', { name: 'Select the 5 matching' }).click();
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    const counts = page.getByTestId('plan-counts');
    await counts.waitFor();
    const created = Number((await counts.textContent()).match(/^(\d+) new/)[1]);
    assert.ok(created > 0, await counts.textContent());
    await page.getByRole('button', { name: /^Send \d+ changes$/ }).click();
    await page.getByTestId('job-status').filter({ hasText: 'Finished' }).waitFor();
    assert.match(await page.getByTestId('job-status').textContent(), / 0 failed/);
    // Every share of svc-001 that is still valid is now on svc-060 too.
    const state = await env.emulator.admin('GET', '/state');
    const repos = state.namespaces['acme-fleet'].repos;
    const onTarget = new Set(repos['svc-060'].shares.map((s) => s.access_domain));
    for (const s of repos['svc-001'].shares.filter((s) => s.status)) assert.ok(onTarget.has(s.access_domain), s.access_domain);
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await counts.filter({ hasText: /^0 new, / }).waitFor();
  }));

test('import a CSV into the dry run: unusable lines named, the rest sent', () =>
  scenario(env, 'bulk import', async (page) => {
    await signIn(page, '?view=bulk&namespace=acme-fleet');
    await page.getByLabel('A CSV file').check();
    const csv = [
      'account,repository,deadline,description',
      'csv-alpha,acme-fleet/svc-010,forever,"Imported, with a comma"',
      'csv-beta,acme-fleet/svc-011,2099-12-31,=not a formula',
      'csv-gamma,svc-012,forever,no organization',
    ].join('\r\n');
    await page.getByLabel('CSV file (account, repository, deadline, description)').setInputFiles({ name: 'shares.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('2 shares read; 1 lines could not be used.').waitFor();
    assert.match(await page.locator('.ss-error li').first().textContent(), /Line 4: .*"svc-012" is not organization\/repository/);
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    await page.getByTestId('plan-counts').filter({ hasText: /^2 new, / }).waitFor();
    await page.getByRole('button', { name: 'Send 2 changes' }).click();
    await page.getByTestId('job-status').filter({ hasText: 'Finished' }).waitFor();
    const state = await env.emulator.admin('GET', '/state');
    const alpha = state.namespaces['acme-fleet'].repos['svc-010'].shares.find((s) => s.access_domain === 'csv-alpha');
    const beta = state.namespaces['acme-fleet'].repos['svc-011'].shares.find((s) => s.access_domain === 'csv-beta');
    assert.equal(alpha.description, 'Imported, with a comma');
    assert.equal(beta.description, '=not a formula');
    assert.match(beta.deadline, /^2099-12-31/);
  }));

test('the dry run: ticking "update" on one row keeps focus there and leaves the other rows as they were', () =>
  scenario(env, 'bulk plan keyed', async (page) => {
    // fleet-partner-007 is shared on some of these repositories with other terms than forever.
    await planBulk(page, 'fleet-partner-007, keyed-new', 'svc-00');
    const counts = await page.getByTestId('plan-counts').textContent();
    const differs = Number(counts.match(/(\d+) shared with other terms/)[1]);
    const sent = Number(counts.match(/^(\d+) new/)[1]);
    assert.ok(differs >= 3, counts);
    const table = page.getByRole('table', { name: 'Planned changes' });
    // Every row marked: a row built again would lose its mark.
    await table.locator('tbody tr').evaluateAll((trs) => trs.forEach((tr) => { tr.marked = true; }));
    const boxes = table.getByRole('checkbox');
    await boxes.nth(2).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: `Send ${sent + 1} changes` }).waitFor();
    assert.equal(await boxes.nth(2).isChecked(), true);
    assert.equal(await boxes.nth(2).evaluate((b) => b === document.activeElement), true, 'focus stays on the box');
    assert.deepEqual([...new Set(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.marked === true)))], [true], 'no row was built again');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: `Send ${sent} changes` }).waitFor();
  }));

// The whole picture at scale: the overview found through SWR's list of shared repositories
// (one organization and every one), the fallback to every private repository when SWR
// refuses that list, the images other accounts share with you, and sign-in with virtual MFA.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useEnv, scenario } from '../support/env.mjs';
import { until } from '../support/until.mjs';

const env = useEnv();
const SHOWN = 'tbody tr:not([hidden])';

/** Counts the SWR requests of a page by kind. */
function countRequests(page) {
  const seen = { shared: 0, repos: 0, lists: 0, namespaces: 0 };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('/v2/manage/shared-repositories')) seen.shared++;
    else if (u.pathname.endsWith('/v2/manage/repos')) seen.repos++;
    else if (u.pathname.endsWith('/v2/manage/namespaces')) seen.namespaces++;
    else if (u.pathname.endsWith('/access-domains')) seen.lists++;
  });
  return seen;
}

async function withToken(page, query, user = 'alice') {
  await page.goto(`${env.appUrl}/${query}`);
  const token = page.getByLabel('IAM token', { exact: true });
  await token.fill(await env.emulator.token(user));
  await token.press('Enter');
}

/** The overview, loaded with a token typed after the page opened. */
async function openOverview(page, query) {
  await withToken(page, query);
  await page.getByRole('button', { name: 'Load every share' }).click();
  await page.getByTestId('org-summary').waitFor();
}

/** Repositories with at least one share, per organization, as the emulator has them. */
async function sharedInEmulator(orgs) {
  const state = await env.emulator.admin('GET', '/state');
  const out = {};
  for (const ns of orgs) {
    out[ns] = Object.values(state.namespaces[ns].repos).filter((r) => r.shares.length > 0);
  }
  return out;
}

test('overview of one organization: found through the shared-repositories list, one list per shared repository', () =>
  scenario(env, 'overview via shared list', async (page) => {
    const seen = countRequests(page);
    await openOverview(page, '?view=org&namespace=acme-scale');
    const summary = page.getByTestId('org-summary');
    assert.match(await summary.textContent(), /^3000 shares across 60 shared repositories: \d+ expired, \d+ expire within 14 days\.$/);
    assert.match(await page.getByTestId('org-found').textContent(), /Found through SWR's list of shared repositories\./);
    // 1,000 private repositories, 60 shared: one overview request and 60 lists, no repository pages.
    assert.deepEqual({ shared: seen.shared, repos: seen.repos, lists: seen.lists }, { shared: 1, repos: 0, lists: 60 });
    const table = page.getByRole('table', { name: 'Shares across the organization' });
    assert.equal(await table.locator(`${SHOWN} td`).nth(1).textContent(), 'acme-scale', 'the organization column');
  }));

test('overview of every organization: organization column and filter, in the URL', () =>
  scenario(env, 'overview of every organization', async (page) => {
    const seen = countRequests(page);
    await openOverview(page, '?view=org');
    const summary = page.getByTestId('org-summary');
    const orgs = ['acme-dev', 'acme-fleet', 'acme-prod', 'acme-scale', 'shared-tools'];
    const shared = await sharedInEmulator(orgs);
    const repos = Object.values(shared).flat();
    // SWR's list of one repository holds at most 100 rows (big-catalog has 120 shares).
    const shares = repos.reduce((n, r) => n + Math.min(r.shares.length, 100), 0);
    const withShares = orgs.filter((o) => shared[o].length > 0).length;
    assert.match(await summary.textContent(), new RegExp(`^${shares} shares across ${repos.length} shared repositories in ${withShares} organizations:`));
    assert.equal(seen.lists, repos.length, 'one list per shared repository, not per private one');
    assert.equal(seen.repos, 0);
    // One organization of them, kept in the URL.
    await page.getByLabel('In organization').selectOption('acme-prod');
    const inProd = shared['acme-prod'].reduce((n, r) => n + Math.min(r.shares.length, 100), 0);
    assert.match(await page.getByText(/^Export the \d+ rows in view:$/).textContent(), new RegExp(`Export the ${inProd} rows`));
    assert.match(page.url(), /view=org&organization=acme-prod/);
    const table = page.getByRole('table', { name: 'Shares across the organization' });
    for (const org of await table.locator(`${SHOWN} td:nth-child(2)`).allTextContents()) assert.equal(org, 'acme-prod');
    // Reloaded, the same view: every organization, filtered to one.
    await page.reload();
    await page.getByLabel('IAM token', { exact: true }).fill(await env.emulator.token());
    await page.getByLabel('IAM token', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Load every share' }).click();
    await page.getByTestId('org-summary').waitFor();
    assert.match(await page.getByText(/^Export the \d+ rows in view:$/).textContent(), new RegExp(`Export the ${inProd} rows`));
  }));

test('what one account can pull, across every organization: the account view follows', () =>
  scenario(env, 'account across organizations', async (page) => {
    await openOverview(page, '?view=org&account=partner-bank');
    const table = page.getByRole('table', { name: 'Shares across the organization' });
    const got = (await table.locator(SHOWN).evaluateAll((trs) => trs.map((tr) => {
      const td = tr.querySelectorAll('td');
      return `${td[1].textContent}/${td[2].textContent} ${tr.querySelector('th').textContent}`;
    }))).sort();
    const state = await env.emulator.admin('GET', '/state');
    const expected = [];
    for (const ns of ['acme-dev', 'acme-fleet', 'acme-prod', 'acme-scale', 'shared-tools']) {
      for (const [name, r] of Object.entries(state.namespaces[ns].repos)) {
        if (r.shares.some((s) => s.access_domain === 'partner-bank')) expected.push(`${ns}/${name} partner-bank`);
      }
    }
    assert.ok(expected.length >= 2, expected.join());
    assert.deepEqual(got, expected.sort());
    assert.match(page.url(), /view=org&account=partner-bank/);
  }));

test('the overview falls back to every private repository when SWR refuses the list, and says so', () =>
  scenario(env, 'overview fallback', async (page) => {
    await env.emulator.fault({ method: 'GET', path: '/v2/manage/shared-repositories', kind: 'status', status: 404, error_code: 'APIGW.0101', error_message: 'The API does not exist or has not been published in the environment' });
    const seen = countRequests(page);
    await openOverview(page, '?view=org&namespace=acme-fleet');
    assert.match(await page.getByTestId('org-summary').textContent(), /^2240 shares across 64 private repositories:/);
    assert.match(await page.getByTestId('org-found').textContent(), /SWR refused its list of shared repositories \(HTTP 404 · APIGW\.0101\); every private repository was read instead\./);
    assert.ok(seen.repos >= 1 && seen.lists === 64, JSON.stringify(seen));
    // SWR answers it again: the user goes back to the short way.
    await env.emulator.admin('DELETE', '/faults');
    await page.getByRole('button', { name: "Try SWR's list again" }).click();
    await page.getByTestId('org-found').filter({ hasText: "Found through SWR's list" }).waitFor();
    assert.match(await page.getByTestId('org-summary').textContent(), /^2240 shares across 64 shared repositories:/);
  }));

test('every private repository on request: the same shares, also where the list might leave one out', () =>
  scenario(env, 'overview every repository', async (page) => {
    await openOverview(page, '?view=org&namespace=acme-prod');
    const viaList = (await page.getByTestId('org-summary').textContent()).match(/^(\d+) shares/)[1];
    const seen = countRequests(page);
    await page.getByRole('button', { name: 'Read every private repository instead' }).click();
    await page.getByTestId('org-found').filter({ hasText: 'Every private repository was read.' }).waitFor();
    assert.match(await page.getByTestId('org-summary').textContent(), new RegExp(`^${viaList} shares across \\d+ private repositories`));
    assert.ok(seen.repos >= 1 && seen.shared === 0, JSON.stringify(seen));
  }));

test('shared with you: owner, organization, status, pull command; filter, status, sort, export, copy', () =>
  scenario(env, 'shared with you', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.appUrl });
    await withToken(page, '?view=inbound');
    const table = page.getByRole('table', { name: 'Images shared with you' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 4);
    assert.deepEqual(await rows.locator('th').allTextContents(), ['globex', 'globex', 'globex', 'globex']);
    const legacy = rows.filter({ hasText: 'legacy-runtime' });
    assert.equal(await legacy.getByText('Expired').count(), 1);
    assert.match(await legacy.locator('code').textContent(), /^docker pull swr\.eu-de\.emulator\.local\/globex-base\/legacy-runtime$/);
    await legacy.getByRole('button', { name: 'Copy' }).click();
    await legacy.getByRole('button', { name: 'Copied ✓' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'docker pull swr.eu-de.emulator.local/globex-base/legacy-runtime');
    // Expired first; then only the valid ones; then a text filter, in the URL.
    await page.getByLabel('Sort by').selectOption('status');
    assert.match(await rows.first().textContent(), /legacy-runtime/);
    await page.getByLabel('Status').selectOption('valid');
    await until(() => rows.count(), (n) => n === 3, { what: 'three valid' });
    assert.match(page.url(), /view=inbound&status=valid/);
    await page.getByLabel('Filter').fill('tool');
    await until(() => rows.count(), (n) => n === 1, { what: 'one match' });
    await until(() => page.url(), (u) => /q=tool/.test(u), { what: 'the filter in the URL' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
    assert.equal(download.suggestedFilename(), 'swr-shared-with-you.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    assert.deepEqual(csv, ['owner,namespace,repository,status,path,pull', 'globex,globex-base,build/toolchain,valid,swr.eu-de.emulator.local/globex-base/build/toolchain,docker pull swr.eu-de.emulator.local/globex-base/build/toolchain']);
  }));

test('shared with you: the empty state and a failure retried in place', () =>
  scenario(env, 'shared with you empty and failure', async (page) => {
    await withToken(page, '?view=inbound', 'gina');
    await page.getByText(/^No account shares an image with .* yet\./).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Images shared with you' }).count(), 0);
    await env.emulator.fault({ method: 'GET', path: '/v2/manage/shared-repositories', kind: 'status', status: 500, error_code: 'SVCSTG.SWR.5000001', error_message: 'Internal error', times: 1 });
    await page.getByLabel('IAM token', { exact: true }).fill(await env.emulator.token('alice'));
    await page.getByLabel('IAM token', { exact: true }).press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not read what is shared with you.' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /HTTP 500 · SVCSTG\.SWR\.5000001/);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('table', { name: 'Images shared with you' }).locator('tbody tr').nth(3).waitFor();
    assert.equal(await alert.count(), 0);
  }));

test('sign-in with virtual MFA: asked for when IAM wants it, a wrong code refused, the right one signs in, no code kept', () =>
  scenario(env, 'mfa sign-in', async (page) => {
    await page.goto(`${env.appUrl}/?namespace=acme-prod&repository=payments-api`);
    await page.getByText('Sign in with an IAM user instead').click();
    await page.getByLabel('IAM user name').fill('mia');
    await page.getByLabel('Password', { exact: true }).fill('Demo-Passw0rd');
    await page.getByLabel('IAM account name').fill('acme');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not signed in.' });
    await alert.filter({ hasText: 'virtual MFA' }).waitFor();
    assert.match(await alert.textContent(), /HTTP 400 · IAM\.0007/);
    await page.getByLabel('IAM user ID').fill('5f7b9d1f3a4e46988a11aabbccddee05');
    const { code } = await env.emulator.admin('GET', '/totp/mia');
    const wrong = String((Number(code) + 500000) % 1000000).padStart(6, '0');
    await page.getByLabel('MFA code').fill(wrong);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await alert.filter({ hasText: 'HTTP 401' }).waitFor();
    assert.match(await alert.textContent(), /verification code is incorrect/);
    assert.equal(await page.getByLabel('MFA code').inputValue(), '', 'a code is never kept');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), 'Demo-Passw0rd', 'the rest of what was typed is kept');
    const right = (await env.emulator.admin('GET', '/totp/mia')).code;
    await page.getByLabel('MFA code').fill(right);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('token-status').filter({ hasText: 'Signed in as mia (acme)' }).waitFor();
    await page.getByRole('table').waitFor();
    const kept = await page.evaluate(() => [location.href, JSON.stringify({ ...sessionStorage }), JSON.stringify({ ...localStorage })].join(' '));
    for (const c of [wrong, right]) assert.ok(!kept.includes(c), `the code ${c} is not kept`);
    const field = page.getByLabel('MFA code');
    if (await field.count()) assert.equal(await field.inputValue(), '');
  }));

// The benchmark harness: the console against a hand-written vanilla-JS page (bench/vanilla/)
// that fetches the same list through the same proxy and renders the same eight columns.
// Both are served by the shipped nginx configuration (compression, CSP, proxy) in front of one
// emulator, measured in interleaved runs in headless Chromium; medians and ratios go to
// BENCHMARKS.md. Run through scripts/bench.sh (which builds first).
//
//   node bench/run.mjs [--runs N] [--smoke]
//
// --smoke: one run of each figure, printed, nothing written (the CI step).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, CHROMIUM_ARGS } from '../end2end/support/env.mjs';
import { startNginx } from '../end2end/support/nginx.mjs';
import { chromium } from 'playwright-core';
import { sizes as brotliSizes, firstLoadBytes, onDemandBytes } from '../scripts/first-load.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const runs = smoke ? 1 : Number(args[args.indexOf('--runs') + 1] || 0) || 15;
const dist = path.join(ROOT, 'dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('no build in dist/: run trunk build --release');

// One site: the build at the root, the vanilla page beside it.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'swr-share-bench-'));
fs.cpSync(dist, site, { recursive: true });
fs.mkdirSync(path.join(site, 'vanilla'));
for (const f of fs.readdirSync(path.join(ROOT, 'bench', 'vanilla'))) {
  fs.copyFileSync(path.join(ROOT, 'bench', 'vanilla', f), path.join(site, 'vanilla', f));
}

// Bytes of the first load and of the on-demand chunks, as CI's guard counts them.
const firstLoad = (dir, files) => Object.values(brotliSizes(dir, files)).reduce((a, b) => a + b, 0);
const sizes = {
  app: firstLoadBytes(dist),
  onDemand: onDemandBytes(dist),
  vanilla: firstLoad(path.join(ROOT, 'bench', 'vanilla'), ['index.html', 'app.js', 'style.css']) + firstLoad(dist, ['config.json']),
};

const emulator = await startEmulator();
const nginx = await startNginx({ root: ROOT, dist: site, emulatorUrl: emulator.url });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

const PAGES = {
  app: (repo) => `${nginx.url}/?namespace=acme-prod&repository=${repo}`,
  vanilla: (repo) => `${nginx.url}/vanilla/index.html?namespace=acme-prod&repository=${repo}`,
  appOrg: () => `${nginx.url}/?view=org&namespace=acme-fleet`,
  vanillaOrg: () => `${nginx.url}/vanilla/org.html?namespace=acme-fleet`,
};

/**
 * Opens a page with the token already in the tab (as after "Keep me signed in"), and
 * resolves when the first share row has been painted: its time since navigation start,
 * and the requests made by then and until the network is idle.
 */
async function openPage(which, repo, { slow = false, rowSelector = 'tbody tr' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const token = await emulator.token();
  await context.addInitScript(([t, rowSelector]) => {
    sessionStorage.setItem('swr-share.session', JSON.stringify({ token: t, expires_at: '', user: '', account: '' }));
    window.__firstRowPainted = new Promise((painted) => {
      const seen = () => {
        if (!document.querySelector(rowSelector)) return false;
        requestAnimationFrame(() => painted(performance.now()));
        return true;
      };
      new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); }).observe(document, { subtree: true, childList: true });
    });
  }, [token, rowSelector]);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const cdp = await context.newCDPSession(page);
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8,
    });
  }
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(PAGES[which](repo));
  // Awaited through the DevTools protocol: Playwright's waitForFunction would first compile
  // its injected script in the page (15–45 ms of the main thread, in a trace), inside the
  // interval being measured, of either page.
  const painted = cdp.send('Runtime.evaluate', { expression: 'window.__firstRowPainted', awaitPromise: true, returnByValue: true });
  const firstRow = (await withTimeout(painted, 60_000, 'the first row')).result.value;
  const atFirstRow = requests.length;
  await page.waitForLoadState('networkidle');
  return { context, page, firstRow, requestsAtFirstRow: atFirstRow, requests: requests.length };
}

function withTimeout(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Types into the filter and resolves with the time until the changed rows are painted. */
async function filterRepaint(page, text, id = 'ss-filter') {
  return page.evaluate(([value, id]) => new Promise((resolve) => {
    const input = document.getElementById(id);
    const body = document.body;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      obs.disconnect();
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0, rows: document.querySelectorAll('tbody tr:not([hidden])').length }));
    });
    obs.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: value ? 'insertText' : 'deleteContentBackward' }));
  }), [text, id]);
}

/** Chooses a sort order and resolves with the time until the reordered rows are painted. */
async function sortRepaint(page, value) {
  return page.evaluate((value) => new Promise((resolve) => {
    const select = document.getElementById('ss-org-sort');
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      obs.disconnect();
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0 }));
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }), value);
}

/**
 * The organization overview (2,240 shares in 64 repositories): navigation → the table's
 * rows painted, then a filter keystroke, the filter cleared, and a sort by account.
 */
async function measureOrg(which) {
  const { context, page, firstRow } = await openPage(which === 'app' ? 'appOrg' : 'vanillaOrg', '', {
    rowSelector: 'table[aria-label="Shares across the organization"] tbody tr',
  });
  const narrow = await filterRepaint(page, 'partner-00', 'ss-org-filter');
  const wide = await filterRepaint(page, '', 'ss-org-filter');
  const sorted = await sortRepaint(page, 'account');
  await context.close();
  return { load: firstRow, narrow: narrow.ms, wide: wide.ms, sort: sorted.ms, rows: `${wide.rows} → ${narrow.rows}` };
}

/**
 * A bulk share of 20 accounts × 25 repositories with 50 ms latency on every request: from
 * "Send 500 changes" to the job's "Finished" (the 25 lists read back included), against the
 * ideal of every request it needs (500 + 25) × latency ÷ requests in flight; and the same
 * with the emulator throttling at `rate` requests a second (the API gateway's 429), against
 * the ideal of those requests ÷ rate.
 */
const BULK = { accounts: 20, repos: 25, latency: 50, inFlight: 6, rate: 20 };
const BULK_ACCOUNTS = Array.from({ length: BULK.accounts }, (_, i) => `bench-${String(i).padStart(2, '0')}`);
const BULK_REQUESTS = BULK.accounts * BULK.repos + BULK.repos;
async function measureBulk({ rate = 0 } = {}) {
  await emulator.reset();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const token = await emulator.token();
  await context.addInitScript((t) => {
    sessionStorage.setItem('swr-share.session', JSON.stringify({ token: t, expires_at: '', user: '', account: '' }));
  }, token);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${nginx.url}/?view=bulk&namespace=acme-fleet`);
  await page.getByRole('button', { name: 'List its repositories' }).click();
  await page.getByLabel('Accounts (commas, spaces or one per line)').fill(BULK_ACCOUNTS.join('\n'));
  const filter = page.getByLabel('Filter repositories');
  // The button names the count of what the filter shows: waiting for that count means the
  // click is on this filter's result, not the one before (a race on a busy machine).
  for (const [f, n] of [['svc-00', 9], ['svc-01', 10]]) {
    await filter.fill(f);
    await page.getByRole('button', { name: `Select the ${n} matching` }).click();
  }
  for (let j = 20; j <= BULK.repos; j += 1) {
    await filter.fill(`svc-0${j}`);
    await page.getByRole('checkbox', { name: `svc-0${j}` }).check();
  }
  await page.getByLabel('Forever').check();
  await page.getByRole('button', { name: 'Preview the changes' }).click();
  const pairs = BULK.accounts * BULK.repos;
  await page.getByTestId('plan-counts').filter({ hasText: `${pairs} new` }).waitFor();
  await emulator.admin('PUT', '/latency', { ms: BULK.latency });
  await emulator.admin('PUT', '/rate-limit', { per_second: rate });
  // Timed in the page, from the click to the mutation that shows "Finished" (Playwright's
  // own wait polls every 500 ms after a while, more than the differences measured).
  const ms = await page.evaluate((label) => new Promise((resolve) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
    const finished = () => document.querySelector('[data-testid="job-status"]')?.textContent.includes('Finished');
    const t0 = performance.now();
    new MutationObserver((_, obs) => {
      if (finished()) { obs.disconnect(); resolve(performance.now() - t0); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    button.click();
  }), `Send ${pairs} changes`);
  const text = await page.getByTestId('job-status').textContent();
  await emulator.admin('PUT', '/latency', { ms: 0 });
  await emulator.admin('PUT', '/rate-limit', { per_second: 0 });
  await context.close();
  await emulator.reset();
  if (!text.includes(`${pairs} done, 0 failed`)) throw new Error(`bulk job${rate ? ` at ${rate} requests/s` : ''}: ${text}`);
  return ms;
}

/**
 * The same job written by hand, as a floor: the same 500 requests six at a time through the
 * same proxy and emulator, then the 25 lists read back six at a time, with no page to keep
 * up to date. What is over the ideal here is what any browser client pays per request (the
 * browser's fetch, the proxy, the emulator), not the console.
 */
async function measureBulkVanilla() {
  await emulator.reset();
  const context = await browser.newContext();
  const token = await emulator.token();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  // Any page of the site: the job needs only its origin (the proxy, same-origin requests).
  await page.goto(`${nginx.url}/vanilla/style.css`);
  await emulator.admin('PUT', '/latency', { ms: BULK.latency });
  // The repositories the console's job picks: svc-001 … svc-025.
  const repos = Array.from({ length: BULK.repos }, (_, j) => `svc-${String(j + 1).padStart(3, '0')}`);
  const { ms, failed } = await page.evaluate(async ({ token, accounts, repos, inFlight }) => {
    const { regions } = await (await fetch('/config.json')).json();
    const url = (repo) => `${regions[0].swr || ''}/v2/manage/namespaces/acme-fleet/repositories/${repo}/access-domains`;
    const headers = { 'content-type': 'application/json', 'x-auth-token': token };
    const pool = async (items, work) => {
      let next = 0;
      await Promise.all(Array.from({ length: inFlight }, async () => { while (next < items.length) await work(items[next++]); }));
    };
    let failed = 0;
    const t0 = performance.now();
    await pool(repos.flatMap((r) => accounts.map((a) => [r, a])), async ([r, a]) => {
      const res = await fetch(url(r), { method: 'POST', headers, body: JSON.stringify({ access_domain: a, permit: 'read', deadline: 'forever', description: '' }) });
      await res.text();
      if (res.status !== 201) failed += 1;
    });
    await pool(repos, async (r) => {
      const res = await fetch(url(r), { headers });
      if ((await res.json()).length < accounts.length) failed += 1;
    });
    return { ms: performance.now() - t0, failed };
  }, { token, accounts: BULK_ACCOUNTS, repos, inFlight: BULK.inFlight });
  await emulator.admin('PUT', '/latency', { ms: 0 });
  await context.close();
  await emulator.reset();
  if (failed) throw new Error(`hand-written bulk job: ${failed} failed`);
  return ms;
}

/**
 * The overview of an organization of 1,000 private repositories of which 60 are shared
 * (3,000 shares), at 100 ms per request: navigation → the rows painted, through SWR's list
 * of shared repositories (1 + 60 requests) or, when SWR refuses that list, through every
 * private repository (1 refused + 10 pages + 1,000 lists). Also the main thread's longest
 * task while it loads and the JS heap with the 3,000 rows.
 */
const SCALE = { latency: 100, inFlight: 6, namespace: 'acme-scale' };
async function measureScale({ refuse = false } = {}) {
  await emulator.reset();
  if (refuse) {
    await emulator.fault({ method: 'GET', path: '/v2/manage/shared-repositories', kind: 'status', status: 404, error_code: 'APIGW.0101', error_message: 'The API does not exist or has not been published in the environment' });
  }
  await emulator.admin('PUT', '/latency', { ms: SCALE.latency });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const token = await emulator.token();
  await context.addInitScript((t) => {
    sessionStorage.setItem('swr-share.session', JSON.stringify({ token: t, expires_at: '', user: '', account: '' }));
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
    window.__rowsPainted = new Promise((painted) => {
      const sel = 'table[aria-label="Shares across the organization"] tbody tr';
      new MutationObserver((_, obs) => {
        if (document.querySelector(sel)) { obs.disconnect(); requestAnimationFrame(() => painted(performance.now())); }
      }).observe(document, { subtree: true, childList: true });
    });
  }, token);
  const page = await context.newPage();
  const api = [];
  page.on('request', (r) => { if (/\/v2\/manage\//.test(r.url())) api.push(r.url()); });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${nginx.url}/?view=org&namespace=${SCALE.namespace}`);
  const painted = cdp.send('Runtime.evaluate', { expression: 'window.__rowsPainted', awaitPromise: true, returnByValue: true });
  const ms = (await withTimeout(painted, 120_000, 'the overview rows')).result.value;
  const summary = await page.getByTestId('org-summary').textContent();
  const { firstAsked, longest } = await page.evaluate(() => ({
    firstAsked: performance.getEntriesByType('resource').find((e) => /\/v2\/manage\//.test(e.name))?.startTime ?? 0,
    longest: Math.max(0, ...window.__longTasks),
  }));
  const heapUsed = await heap(page);
  await cdp.detach();
  await context.close();
  await emulator.admin('PUT', '/latency', { ms: 0 });
  await emulator.reset();
  if (!summary.startsWith('3000 shares')) throw new Error(`overview of ${SCALE.namespace}${refuse ? ' (fallback)' : ''}: ${summary}`);
  return { ms, fromFirstRequest: ms - firstAsked, requests: api.length, longest, heap: heapUsed };
}

/**
 * The overview's requests written by hand, as a floor: SWR's list of shared repositories,
 * then the 60 lists six at a time, each answer parsed, through the same proxy at the same
 * latency, with no page to build. What is over the ideal here any browser client pays.
 */
async function measureScaleVanilla() {
  await emulator.reset();
  await emulator.admin('PUT', '/latency', { ms: SCALE.latency });
  const context = await browser.newContext();
  const token = await emulator.token();
  const page = await context.newPage();
  await page.goto(`${nginx.url}/vanilla/style.css`);
  const { ms, shares } = await page.evaluate(async ({ token, namespace, inFlight }) => {
    const { regions } = await (await fetch('/config.json')).json();
    const base = regions[0].swr || '';
    const headers = { 'content-type': 'application/json', 'x-auth-token': token };
    const t0 = performance.now();
    const repos = await (await fetch(`${base}/v2/manage/shared-repositories?center=self&namespace=${namespace}&limit=1000&offset=0`, { headers })).json();
    let next = 0;
    let shares = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < repos.length) {
        const r = repos[next++];
        const list = await (await fetch(`${base}/v2/manage/namespaces/${r.namespace}/repositories/${r.name.replaceAll('/', '$')}/access-domains`, { headers })).json();
        shares += list.length;
      }
    }));
    return { ms: performance.now() - t0, shares };
  }, { token, namespace: SCALE.namespace, inFlight: SCALE.inFlight });
  await emulator.admin('PUT', '/latency', { ms: 0 });
  await context.close();
  if (shares !== 3000) throw new Error(`hand-written overview: ${shares} shares`);
  return ms;
}

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const samples = { app: {}, vanilla: {} };
const push = (which, key, v) => { (samples[which][key] ||= []).push(v); };

// What the harness started is stopped however the runs end (a failed run included).
try {
for (let i = 0; i < runs; i += 1) {
  console.error(`run ${i + 1} of ${runs}`);
  for (const which of (i % 2 ? ['vanilla', 'app'] : ['app', 'vanilla'])) {
    // First row of 100 shares, fast link; then the filter; then heap after 500 rows.
    const fast = await openPage(which, 'big-catalog');
    push(which, 'firstRow', fast.firstRow);
    push(which, 'requests', fast.requests);
    // "5": 50 → 19 rows; Backspace: back to 50.
    const narrow = await filterRepaint(fast.page, '5');
    const wide = await filterRepaint(fast.page, '');
    push(which, 'filterNarrow', narrow.ms);
    push(which, 'filterWide', wide.ms);
    push(which, 'filterRows', `${wide.rows} → ${narrow.rows}`);
    // About 500 rows rendered: 26 changes between two different sets of 19.
    for (let k = 0; k < 13; k += 1) {
      await filterRepaint(fast.page, '5');
      await filterRepaint(fast.page, '7');
    }
    push(which, 'heap500', await heap(fast.page));
    if (which === 'app') {
      // 20 dialog open/close cycles.
      const page = fast.page;
      await filterRepaint(page, '');
      for (let k = 0; k < 20; k += 1) {
        const row = page.locator('tbody tr[data-account]').first();
        await row.getByText('Actions', { exact: true }).click();
        await row.getByRole('button', { name: 'Edit…' }).click();
        await page.getByRole('dialog', { name: /Edit the share of/ }).waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('dialog', { name: /Edit the share of/ }).waitFor({ state: 'hidden' });
      }
      push(which, 'heapDialogs', await heap(page));
    }
    await fast.context.close();
    const slow = await openPage(which, 'big-catalog', { slow: true });
    push(which, 'firstRowSlow', slow.firstRow);
    await slow.context.close();
    const org = await measureOrg(which);
    for (const key of ['load', 'narrow', 'wide', 'sort']) push(which, `org_${key}`, org[key]);
    push(which, 'orgRows', org.rows);
  }
  push('app', 'bulk', await measureBulk());
  push('vanilla', 'bulk', await measureBulkVanilla());
  // 26 s each: in a smoke run and in the first three runs only.
  if (i < 3) push('app', 'bulkThrottled', await measureBulk({ rate: BULK.rate }));
  const scale = await measureScale();
  for (const key of Object.keys(scale)) push('app', `scale_${key}`, scale[key]);
  push('vanilla', 'scale', await measureScaleVanilla());
  // 17 s each (1,011 requests at 100 ms): not in a smoke run, in the first two runs.
  if (!smoke && i < 2) {
    const every = await measureScale({ refuse: true });
    for (const key of Object.keys(every)) push('app', `every_${key}`, every[key]);
  }
}
} finally {
  await browser.close();
  await nginx.stop();
  await emulator.stop();
  fs.rmSync(site, { recursive: true, force: true });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const m = (which, key) => median(samples[which][key]);
const ms = (v) => `${Math.round(v)} ms`;
const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
const mb = (v) => `${(v / 1e6).toFixed(1)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const bulkIdeal = (BULK_REQUESTS * BULK.latency) / BULK.inFlight;
const throttledIdeal = (BULK_REQUESTS / BULK.rate) * 1000;
const scaleIdeal = (m('app', 'scale_requests') * SCALE.latency) / SCALE.inFlight;
const everyIdeal = samples.app.every_ms ? (m('app', 'every_requests') * SCALE.latency) / SCALE.inFlight : 0;
const rows = [
  ['first load, brotli (wasm + JS + CSS + HTML + config)', kb(sizes.app), kb(sizes.vanilla), ratio(sizes.app, sizes.vanilla), '≤ 200 KB (guard, CI)'],
  ['on demand, brotli (every chunk of src/ui/chunks.rs, fetched when its part is first used)', kb(sizes.onDemand), '—', '', 'adds nothing to the first load'],
  ['navigation → first share row painted, 100 shares', ms(m('app', 'firstRow')), ms(m('vanilla', 'firstRow')), ratio(m('app', 'firstRow'), m('vanilla', 'firstRow')), '≤ 1.6× (guard)'],
  ['same over a slow link (1.6 Mbit/s, 150 ms RTT)', ms(m('app', 'firstRowSlow')), ms(m('vanilla', 'firstRowSlow')), ratio(m('app', 'firstRowSlow'), m('vanilla', 'firstRowSlow')), '≤ 2.0× (guard)'],
  [`filter keystroke → repaint (${samples.app.filterRows[0]} rows)`, ms(m('app', 'filterNarrow')), ms(m('vanilla', 'filterNarrow')), ratio(m('app', 'filterNarrow'), m('vanilla', 'filterNarrow')), '≤ 1.5× (guard)'],
  ['filter cleared → repaint (back to 50 rows)', ms(m('app', 'filterWide')), ms(m('vanilla', 'filterWide')), ratio(m('app', 'filterWide'), m('vanilla', 'filterWide')), '≤ 1.5× (guard)'],
  ['requests on load (token known, repository in the URL)', String(m('app', 'requests')), String(m('vanilla', 'requests')), '', 'what the first screen needs'],
  ['JS heap after ≈ 500 rows rendered (26 filter changes; GC first)', mb(m('app', 'heap500')), mb(m('vanilla', 'heap500')), ratio(m('app', 'heap500'), m('vanilla', 'heap500')), ''],
  ['organization overview, 2,240 shares in 64 repositories: navigation → rows painted', ms(m('app', 'org_load')), ms(m('vanilla', 'org_load')), ratio(m('app', 'org_load'), m('vanilla', 'org_load')), 'not slower (A/B)'],
  [`organization overview: filter keystroke → repaint (${samples.app.orgRows[0]} rows)`, ms(m('app', 'org_narrow')), ms(m('vanilla', 'org_narrow')), ratio(m('app', 'org_narrow'), m('vanilla', 'org_narrow')), '≤ 1.5×'],
  ['organization overview: filter cleared → repaint', ms(m('app', 'org_wide')), ms(m('vanilla', 'org_wide')), ratio(m('app', 'org_wide'), m('vanilla', 'org_wide')), '≤ 1.5×'],
  ['organization overview: sort by account → repaint', ms(m('app', 'org_sort')), ms(m('vanilla', 'org_sort')), ratio(m('app', 'org_sort'), m('vanilla', 'org_sort')), 'not slower (A/B)'],
  [`bulk share, ${BULK.accounts} accounts × ${BULK.repos} repositories, ${BULK.latency} ms per request: send → finished, against the ideal: every request it needs (${BULK_REQUESTS}: the changes and the lists read back) × latency ÷ ${BULK.inFlight} in flight`, ms(m('app', 'bulk')), `${ms(bulkIdeal)} (ideal)`, ratio(m('app', 'bulk'), bulkIdeal), '≤ 1.2×'],
  [`the same bulk share with SWR's gateway throttling at ${BULK.rate} requests/s (429 beyond; ${samples.app.bulkThrottled.length} runs, 0 failures), against the ideal ${BULK_REQUESTS} ÷ ${BULK.rate}/s`, ms(m('app', 'bulkThrottled')), `${ms(throttledIdeal)} (ideal)`, ratio(m('app', 'bulkThrottled'), throttledIdeal), '≤ 1.2×'],
  ['the same bulk share against the same job written by hand (six fetches in flight, the lists read back, no page)', ms(m('app', 'bulk')), ms(m('vanilla', 'bulk')), ratio(m('app', 'bulk'), m('vanilla', 'bulk')), ''],
  [`overview of ${SCALE.namespace} (1,000 private repositories, 60 shared, 3,000 shares), ${SCALE.latency} ms per request, through SWR's list of shared repositories: navigation → rows painted, against the ideal: its ${m('app', 'scale_requests')} requests × latency ÷ ${SCALE.inFlight} in flight`, ms(m('app', 'scale_ms')), `${ms(scaleIdeal)} (ideal)`, ratio(m('app', 'scale_ms'), scaleIdeal), '≤ 1.2×'],
  ['the same, from its first SWR request (the page\'s own load and the token check left out)', ms(m('app', 'scale_fromFirstRequest')), `${ms(scaleIdeal)} (ideal)`, ratio(m('app', 'scale_fromFirstRequest'), scaleIdeal), '≤ 1.2×'],
  ['the same requests written by hand (the list, then 60 lists six in flight, parsed, no page): the floor through this proxy', ms(m('app', 'scale_fromFirstRequest')), ms(m('vanilla', 'scale')), ratio(m('app', 'scale_fromFirstRequest'), m('vanilla', 'scale')), `hand-written: ${ratio(m('vanilla', 'scale'), scaleIdeal)} of the ideal`],
  ...(samples.app.every_ms ? [[`the same overview where SWR refuses that list (404): every private repository read, ${m('app', 'every_requests')} requests (${samples.app.every_ms.length} runs)`, ms(m('app', 'every_ms')), `${ms(everyIdeal)} (ideal)`, ratio(m('app', 'every_ms'), everyIdeal), 'the gain on record']] : []),
  ['longest main-thread task while the 3,000-row overview loads', ms(m('app', 'scale_longest')), '—', '', '≤ 200 ms'],
  ['JS heap with the 3,000-row overview (GC first)', mb(m('app', 'scale_heap')), '—', '', ''],
  ['JS heap after 20 edit-dialog open/close cycles (growth over the row above)', `${mb(m('app', 'heapDialogs'))} (+${mb(m('app', 'heapDialogs') - m('app', 'heap500'))})`, '—', '', 'no growth'],
];
const table = [
  '| figure | swr-share | vanilla page | ratio | target |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(table);
if (smoke) process.exit(0);

const section = `<!-- compare:start -->
Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench.sh\` (\`bench/run.mjs\`): both pages behind the
shipped nginx configuration (the build's brotli files as they are, gzip on the fly for the rest) and one emulator, headless Chromium ${browser.version()}, ${runs} interleaved
runs each, medians. The token is in the tab's storage before the page loads; the list is
\`acme-prod/big-catalog\` (100 shares); the slow link is Chromium's network emulation.

${table}
<!-- compare:end -->`;
const file = path.join(ROOT, 'BENCHMARKS.md');
const old = fs.readFileSync(file, 'utf8');
fs.writeFileSync(file, old.includes('<!-- compare:start -->')
  ? old.replace(/<!-- compare:start -->[\s\S]*<!-- compare:end -->/, section)
  : old.replace('<!-- bench:start -->', `${section}\n\n<!-- bench:start -->`));

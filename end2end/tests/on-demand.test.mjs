// The parts fetched on demand (src/ui/chunks.rs, cut by scripts/split-wasm.mjs): not part
// of the first load, fetched when first used, under the production CSP at the root and
// under a sub-path; a chunk that cannot be fetched says so where the user acted, with a
// retry that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnv, scenario, SERVER } from '../support/env.mjs';
import { ConsolePage } from '../support/console-page.mjs';

const env = useEnv();

/** Every request of the page, in order, with what it is. */
function recordRequests(page) {
  const log = [];
  page.on('request', (r) => log.push({ url: r.url(), at: 'request' }));
  page.on('response', (r) => log.push({ url: r.url(), at: 'response' }));
  return {
    chunks: () => [...new Set(log.filter((e) => e.at === 'request' && /\/(split|chunk)_[^/]*\.wasm$/.test(e.url))
      .map((e) => e.url.match(/\/(split_[a-z_]+|chunk_\d+)/)[1]))],
    index: (pred) => log.findIndex(pred),
  };
}

const bases = () => [env.appUrl, ...(env.subPathUrl ? [env.subPathUrl.replace(/\/$/, '')] : [])];

for (const [i, where] of ['at the root', 'under a sub-path'].entries()) {
  test(`first load has no part on demand; each part comes when first used (${where})`, { skip: i === 1 && SERVER !== 'nginx' }, () =>
    scenario(env, `on demand ${where}`, async (page) => {
      const c = new ConsolePage(page, bases()[i]);
      const requests = recordRequests(page);
      const problems = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      await c.open('?namespace=acme-prod&repository=payments-api');
      await c.useToken(await env.emulator.token());
      await c.table.waitFor();
      // The add form and the suggestions never compete with the list: without a token the
      // form comes at once (there is no list yet), with one it waits for the answer.
      await c.account.waitFor();
      await page.getByText(/Suggestions: \d+ organizations/).waitFor();
      const listAsked = requests.index((e) => e.at === 'request' && e.url.includes('/access-domains'));
      const listAnswered = requests.index((e) => e.at === 'response' && e.url.includes('/access-domains'));
      const asked = (name) => requests.index((e) => e.at === 'request' && e.url.includes(name));
      assert.ok(listAsked >= 0 && listAnswered > listAsked);
      // One chunk holds the add form, the dialogs and the suggestions; it is never fetched
      // while the list loads, and the suggestions ask SWR only after the table.
      assert.ok(asked('split_changes') >= 0, 'split_changes fetched');
      assert.ok(asked('split_changes') < listAsked || asked('split_changes') > listAnswered, 'not fetched while the list loads');
      const suggestionsAsked = requests.index((e) => e.at === 'request' && /\/v2\/manage\/namespaces(\?|$)/.test(e.url));
      assert.ok(suggestionsAsked > listAnswered, 'suggestions after the table');
      const early = requests.chunks().filter((n) => /split_/.test(n));
      assert.deepEqual(early, ['split_changes'], 'no sign-in, token or organization code before it is used');

      // The dialogs came with the add form: opening them fetches nothing more.
      const before = requests.chunks().length;
      await c.rowAction('auditor-kpmg', 'Edit…');
      await c.editDialog.waitFor();
      await page.keyboard.press('Escape');
      await c.rowAction('auditor-kpmg', 'Revoke…');
      await c.revokeDialog.waitFor();
      await c.revokeDialog.getByRole('button', { name: 'Cancel' }).click();
      assert.equal(requests.chunks().length, before);
      await page.getByText('Sign in with an IAM user instead').click();
      await page.getByLabel('IAM user name').waitFor();
      assert.ok(requests.chunks().includes('split_tokens'));
      assert.deepEqual(problems.filter((p) => /Content Security Policy|MIME/.test(p)), []);
    }));
}

test('a part whose chunk cannot be fetched says so in place; "try again" loads it', () =>
  scenario(env, 'chunk failure', async (page) => {
    const c = new ConsolePage(page, env.appUrl);
    // The network fails for the chunk of the add form and the dialogs: the server went
    // away, say, or was updated under the open page.
    const chunk = /split_changes-[0-9a-f]+\.wasm$/;
    let refused = 0;
    await page.route(chunk, (route) => { refused += 1; return route.abort('connectionrefused'); });
    await c.open('?namespace=acme-prod&repository=payments-api');
    await c.useToken(await env.emulator.token());
    await c.table.waitFor();
    const formError = page.getByTestId('chunk-error').filter({ hasText: 'the add form' });
    await formError.waitFor();
    const refusedAtStart = refused;
    assert.match(await formError.textContent(), /Could not load the add form\. The browser could not fetch this part/);
    // Fetched by itself, it leaves the focus where the user is.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ss-token');

    // The row's menu (its items come with the same chunk) says so where it opened.
    await c.row('auditor-kpmg').getByText('Actions', { exact: true }).click();
    const menuError = page.getByTestId('chunk-error').filter({ hasText: 'the actions' });
    await menuError.waitFor();
    assert.ok(refused > refusedAtStart, 'a failure is not remembered: asked again, fetched again');
    // The user asked for it: the focus goes to the retry, so the failure is seen and heard.
    await page.waitForFunction(() => document.activeElement?.textContent === 'try again'
      && document.activeElement.closest('[data-testid=chunk-error]')?.textContent.includes('the actions'));
    // The table goes on working meanwhile.
    await c.filter.fill('kpmg');
    assert.deepEqual(await c.accounts(), ['auditor-kpmg']);
    await c.filter.fill('');

    // Retried in place once the network is back.
    await page.unroute(chunk);
    await menuError.getByRole('button', { name: 'try again' }).click();
    // The items appear in the menu that is still open once the chunk has arrived (clicking
    // "Actions" before that would close it).
    await c.row('auditor-kpmg').getByRole('button', { name: 'Edit…' }).waitFor();
    await c.rowAction('auditor-kpmg', 'Edit…');
    await c.editDialog.waitFor();
    assert.equal(await menuError.count(), 0);
    assert.match(await c.editDialog.getByRole('heading').textContent(), /auditor-kpmg/);
    await page.keyboard.press('Escape');
    await formError.getByRole('button', { name: 'try again' }).click();
    await c.account.waitFor();
    assert.equal(await formError.count(), 0);
  }));

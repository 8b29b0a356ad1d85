// Page object of the share console. Locators go by role and label only, so an unlabeled
// control fails a test.
import assert from 'node:assert/strict';

export class ConsolePage {
  constructor(page, appUrl) {
    this.page = page;
    this.appUrl = appUrl;
    this.token = page.getByLabel('IAM token', { exact: true });
    this.organization = page.getByLabel('Organization');
    this.repository = page.getByLabel('Repository', { exact: true });
    this.showShares = page.getByRole('button', { name: 'Show shares' });
    this.table = page.getByRole('table', { name: 'Accounts this repository is shared with' });
    this.listStatus = page.getByTestId('list-status');
    this.addForm = page.getByRole('form', { name: 'Share with another account' });
    this.account = this.addForm.getByLabel('Account to share with');
    this.forever = this.addForm.getByLabel('Forever');
    this.lastDay = this.addForm.getByLabel('Last valid day (UTC)');
    this.description = this.addForm.getByLabel('Description (optional)');
    this.shareButton = this.addForm.getByRole('button', { name: /^Shar(e|ing)/ });
    this.filter = page.getByLabel('Filter');
    this.editDialog = page.getByRole('dialog', { name: /Edit the share of/ });
    this.revokeDialog = page.getByRole('dialog', { name: /Revoke/ });
  }

  /** The demo repository (or `query`) with `token` (else a fresh one), its table shown. */
  static async openDemo(page, env, { query = '?namespace=acme-prod&repository=payments-api', token } = {}) {
    const c = new ConsolePage(page, env.appUrl);
    await c.open(query);
    await c.useToken(token ?? await env.emulator.token());
    await c.table.waitFor();
    return c;
  }

  async open(query = '') {
    await this.page.goto(`${this.appUrl}/${query}`);
    await this.token.waitFor();
  }

  /** Types the token and commits it with Enter (typing alone commits after a pause). */
  async useToken(token) {
    await this.token.fill(token);
    await this.token.press('Enter');
  }

  async openRepository(namespace, repository) {
    await this.organization.fill(namespace);
    await this.repository.fill(repository);
    await this.showShares.click();
  }

  row(account) {
    // At phone width a card's row header is also named by its label ("Account: …").
    const name = new RegExp(`^(Account: )?${account.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  async accounts() {
    return this.table.getByRole('rowheader').allTextContents();
  }

  async waitForList() {
    const answered = this.page.getByTestId('list-status').filter({ hasText: /is shared with|not shared/ });
    await answered.or(this.page.getByRole('alert')).first().waitFor();
  }

  async addShare({ account, lastDay, forever = false, description = '' }) {
    await this.account.fill(account);
    if (forever) await this.forever.check(); else await this.forever.uncheck();
    if (lastDay) await this.lastDay.fill(lastDay);
    await this.description.fill(description);
    await this.shareButton.click();
  }

  /** Opens a row's action menu and picks an action. */
  async rowAction(account, action) {
    const item = this.row(account).getByRole('button', { name: action });
    if (!(await item.isVisible())) await this.row(account).getByText('Actions', { exact: true }).click();
    await item.click();
  }

  async chip(label) {
    await this.page.getByRole('group', { name: 'Show by status' }).getByRole('button', { name: new RegExp(`^${label} \\d+$`) }).click();
  }

  fieldError(id) {
    return this.page.locator(`#${id}`);
  }

  alert() {
    return this.page.getByRole('alert');
  }

  /** Waits for an alert that contains the first part, then checks it has all of them. */
  async expectAlertContains(...parts) {
    const alert = this.alert().filter({ hasText: parts[0] }).first();
    await alert.waitFor();
    const text = await alert.textContent();
    for (const p of parts) assert.ok(text.includes(p), `alert ${JSON.stringify(text)} lacks ${JSON.stringify(p)}`);
  }
}

/** YYYY-MM-DD, `days` from today (UTC). */
export function utcDay(days) {
  const d = new Date(Date.now() + days * 86400000);
  return d.toISOString().slice(0, 10);
}

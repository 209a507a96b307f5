import type { Locator, Page } from '@playwright/test';

/** The clients screen of an unlocked vault. */
export class ClientsPage {
  readonly heading: Locator;
  readonly newClientName: Locator;
  readonly addButton: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly showArchived: Locator;
  readonly lockButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Clients' });
    this.newClientName = page.getByLabel('New client’s name');
    this.addButton = page.getByRole('button', { name: 'Add client' });
    this.search = page.getByLabel('Search clients');
    this.list = page.getByRole('list', { name: 'Clients' });
    this.showArchived = page.getByLabel(/Show archived/);
    this.lockButton = page.getByRole('button', { name: 'Lock' });
  }

  /** The list entry of one client. */
  client(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  async addClient(name: string): Promise<void> {
    await this.newClientName.fill(name);
    await this.addButton.click();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${from}` }).click();
    await this.page.getByRole('menuitem', { name: 'Rename' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename client' });
    await dialog.getByLabel('Name').fill(to);
    await dialog.getByRole('button', { name: 'Save name' }).click();
  }

  async archive(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: 'Archive' }).click();
  }
}

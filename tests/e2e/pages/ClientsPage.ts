import { expect, type Locator, type Page } from '@playwright/test';

/** The clients list and a client's page. */
export class ClientsPage {
  readonly heading: Locator;
  readonly newClientName: Locator;
  readonly addButton: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly initialsOnly: Locator;
  readonly lockButton: Locator;
  readonly backToList: Locator;
  readonly status: Locator;
  readonly goals: Locator;
  readonly privateNotes: Locator;
  readonly navLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Clients', level: 1 });
    this.newClientName = page.getByLabel('New client’s name');
    this.addButton = page.getByRole('button', { name: 'Add client' });
    this.search = page.getByLabel('Search clients');
    this.list = page.getByRole('list', { name: 'Clients' });
    this.initialsOnly = page.getByLabel('Show initials only');
    this.lockButton = page.getByRole('button', { name: 'Lock' });
    this.backToList = page.getByRole('button', { name: 'All clients' });
    this.status = page.getByRole('combobox', { name: 'Status' });
    this.goals = page.getByRole('list', { name: 'Goals' });
    this.privateNotes = page.getByLabel('Private notes');
    this.navLink = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', {
      name: 'Clients',
    });
  }

  /**
   * Goes to the clients area from anywhere in an open vault (the vault opens on Today); it
   * shows the list, or the client page left open there.
   */
  async goto(): Promise<void> {
    await this.navLink.click();
  }

  /** Goes to the client list from anywhere in an open vault. */
  async gotoList(): Promise<void> {
    await this.goto();
    await expect(this.heading.or(this.backToList)).toBeVisible();
    if (await this.backToList.isVisible()) await this.backToList.click();
    await expect(this.heading).toBeVisible();
  }

  /** The list entry of one client. */
  client(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  async addClient(name: string): Promise<void> {
    await this.newClientName.fill(name);
    await this.addButton.click();
  }

  /** Shows clients of one status (or all) in the list. */
  async filter(label: RegExp): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Show clients who are' })
      .getByText(label)
      .click();
  }

  async open(name: string): Promise<void> {
    await this.client(name).click();
  }

  async setStatus(label: string): Promise<void> {
    await this.status.click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async rename(to: string): Promise<void> {
    await this.page.getByRole('button', { name: /^More for / }).click();
    await this.page.getByRole('menuitem', { name: 'Rename' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename client' });
    await dialog.getByLabel('Name').fill(to);
    await dialog.getByRole('button', { name: 'Save name' }).click();
  }

  async addGoal(words: string, why: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a goal' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a goal' });
    await dialog.getByLabel('The goal, in the client’s words').fill(words);
    await dialog.getByLabel('Why it matters to them').fill(why);
    await dialog.getByRole('button', { name: 'Save goal' }).click();
  }

  /** Opens the delete dialog of the open client and returns it. */
  async startDeletingClient(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^More for / }).click();
    await this.page.getByRole('menuitem', { name: 'Delete client…' }).click();
    return this.page.getByRole('dialog', { name: 'Delete client' });
  }
}

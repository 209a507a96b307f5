import type { Locator, Page } from '@playwright/test';

/** The homework library. */
export class LibraryPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly preview: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Homework library' });
    this.search = page.getByLabel('Search the library');
    this.results = page.getByRole('listbox', { name: 'Templates' });
    this.preview = page.getByLabel('Preview as the client will see it');
    this.count = page.getByText(/of \d+ templates/);
  }

  async open(): Promise<void> {
    await this.page.getByText('Library', { exact: true }).click();
  }

  result(title: string | RegExp): Locator {
    return this.results.getByRole('option', { name: title });
  }

  async filter(label: 'Category' | 'Approach' | 'Concern', option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Duplicates a built-in template as it is, saves it, and opens "<title> (my version)". */
  async saveOwnCopyOf(title: string): Promise<string> {
    await this.search.fill(title.toLowerCase());
    await this.result(title).click();
    await this.page.getByRole('button', { name: 'Duplicate to customise' }).click();
    await this.page.getByRole('button', { name: 'Save template' }).click();
    const copy = `${title} (my version)`;
    await this.search.fill('my version');
    await this.result(copy).click();
    return copy;
  }

  /** Attaches a file to the open custom template, as the clinician picks it in the file dialog. */
  async attachWorksheet(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Attach a PDF or image…' }).click();
    await (await chooser).setFiles(file);
  }

  async origin(label: 'All' | 'Built-in' | 'Mine'): Promise<void> {
    await this.page.getByText(label, { exact: true }).click();
  }
}

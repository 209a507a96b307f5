import type { Locator, Page } from '@playwright/test';

/** The client view: the window the clinician shares with a client. */
export class ClientViewPage {
  readonly placeholder: Locator;
  readonly blank: Locator;
  readonly title: Locator;
  readonly sectionHeadings: Locator;

  constructor(readonly page: Page) {
    this.placeholder = page.getByText('This screen is ready to share. Nothing is shown yet.');
    this.blank = page.getByRole('main', { name: 'Nothing is shown' });
    this.title = page.getByRole('heading', { level: 1 });
    this.sectionHeadings = page.getByRole('heading', { level: 2 });
  }

  /** The names of `window.bridgework`'s members on this page. */
  apiNames(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.bridgework).sort());
  }
}

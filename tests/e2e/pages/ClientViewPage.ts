import type { Locator, Page } from '@playwright/test';

/** The client view: the window the clinician shares with a client (its title: the shared view). */
export class ClientViewPage {
  readonly placeholder: Locator;
  readonly blank: Locator;
  readonly eyebrow: Locator;
  readonly title: Locator;
  readonly sectionHeadings: Locator;
  /** Every list entry of every section. */
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.placeholder = page.getByText('This screen is ready to share. Nothing is shown yet.');
    this.blank = page.getByRole('main', { name: 'Nothing is shown' });
    this.eyebrow = page.locator('main header p');
    this.title = page.getByRole('heading', { level: 1 });
    this.sectionHeadings = page.getByRole('heading', { level: 2 });
    this.items = page.getByRole('listitem');
  }

  /** The names of `window.bridgework`'s members on this page. */
  apiNames(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.bridgework).sort());
  }

  /** Presses the hide key, Ctrl+Shift+H, in this window. */
  pressHideKey(): Promise<void> {
    return this.page.keyboard.press('Control+Shift+KeyH');
  }
}

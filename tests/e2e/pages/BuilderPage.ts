import type { Locator, Page } from '@playwright/test';

/**
 * The assignment builder, and where practice starts. Every action a clinician takes goes through
 * `act`, which counts it, so a spec can hold the core flow to a number of interactions.
 */
export class BuilderPage {
  readonly heading: Locator;
  readonly librarySearch: Locator;
  readonly saved: Locator;
  readonly therapistSide: Locator;
  interactions = 0;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.librarySearch = page.getByLabel('Search the library');
    this.saved = page.getByRole('status').filter({ hasText: /^Saved$/ });
    this.therapistSide = page.getByRole('complementary', { name: 'Only for you' });
  }

  /** One interaction of the clinician's, counted. */
  async act(action: () => Promise<unknown>): Promise<void> {
    this.interactions += 1;
    await action();
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  async fill(label: string | RegExp, text: string): Promise<void> {
    await this.act(() => this.field(label).fill(text));
  }

  async click(name: string | RegExp, role: 'button' | 'checkbox' | 'radio' = 'button') {
    await this.act(() =>
      this.page.getByRole(role, { name, exact: typeof name === 'string' }).click(),
    );
  }

  /** Picks a number on one of the 0–10 rows (named by its question). */
  async rate(question: RegExp, value: number): Promise<void> {
    await this.act(() =>
      this.page
        .getByRole('radiogroup', { name: question })
        .getByText(String(value), { exact: true })
        .click(),
    );
  }

  async startFromTemplate(search: string, title: string | RegExp): Promise<void> {
    await this.act(() => this.librarySearch.fill(search));
    await this.act(() => this.page.getByRole('button', { name: title }).click());
  }

  async next(): Promise<void> {
    await this.act(() => this.page.getByRole('button', { name: /^Next:/ }).click());
  }

  async goToStep(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: false }).first().click();
  }
}

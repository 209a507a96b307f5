import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Reviewing one piece of practice. Every action a clinician takes goes through `act`, which
 * counts it, so a spec can hold a review to a number of interactions.
 */
export class ReviewPage {
  readonly heading: Locator;
  readonly question: Locator;
  readonly suggestions: Locator;
  interactions = 0;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Reviewing/ });
    this.question = page.getByRole('region', { name: 'Start with a question' }).getByRole('status');
    this.suggestions = page.getByRole('alert').filter({ hasText: 'Something to consider' });
  }

  /** One interaction of the clinician's, counted. */
  async act(action: () => Promise<unknown>): Promise<void> {
    this.interactions += 1;
    await action();
  }

  private choice(group: string, option: string): Locator {
    return this.page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true });
  }

  async outcome(label: 'Did it' | 'Some of it' | 'Tried something different' | 'Not this time') {
    await this.act(() => this.choice('How it went', label).click());
  }

  async smallestVersion(happened: boolean) {
    await this.act(() =>
      this.choice(
        'Did the smallest version happen?',
        happened ? 'Yes, it did' : 'Not this time',
      ).click(),
    );
  }

  async estimate(label: 'None of it' | 'A little' | 'About half' | 'Most of it' | 'All of it') {
    await this.act(() => this.choice('Roughly how much of the plan happened?', label).click());
  }

  /** Switches to entering a returned tracker, then marks each of `days` ("Monday 19 January"). */
  async trackerDays(days: readonly string[], mark: 'Done' | 'Partly' | 'Not') {
    await this.act(() => this.choice('What came back', 'A tracker came back').click());
    for (const day of days) await this.act(() => this.choice(`How ${day} went`, mark).click());
  }

  async reportedBy(source: string) {
    await this.act(() =>
      this.page.getByRole('group', { name: 'Where this comes from' }).getByText(source).click(),
    );
  }

  async barrier(kind: string) {
    await this.act(() =>
      this.page
        .getByRole('group', { name: 'What got in the way' })
        .getByText(kind, { exact: true })
        .click(),
    );
  }

  async madeThingsWorse(answer: 'No, nothing did' | 'Yes, something did') {
    await this.act(() => this.choice('Did anything make things worse?', answer).click());
  }

  async fill(label: string, text: string) {
    await this.act(() => this.page.getByLabel(label, { exact: true }).fill(text));
  }

  async decide(decision: string) {
    await this.act(() =>
      this.page.getByRole('radio', { name: new RegExp(`^${decision}`) }).click(),
    );
  }

  async finish() {
    await this.act(() => this.page.getByRole('button', { name: /^Finish/ }).click());
    await expect(this.heading).toBeHidden();
  }
}

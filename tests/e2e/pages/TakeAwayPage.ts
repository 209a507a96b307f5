import type { Locator, Page } from '@playwright/test';

/** The take-away buttons at the end of the builder (and the quiet line that names a saved file). */
export class TakeAwayPage {
  readonly panel: Locator;
  readonly handoutPdf: Locator;
  readonly trackerPdf: Locator;
  readonly printHandout: Locator;
  readonly calendarReminder: Locator;
  readonly lockScreenImage: Locator;
  readonly stickyNote: Locator;
  readonly discreetPrint: Locator;
  readonly discreetReminders: Locator;
  readonly saved: Locator;
  readonly failed: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('heading', { name: 'To take away' }).locator('xpath=../..');
    this.handoutPdf = page.getByRole('button', { name: 'Handout PDF' });
    this.trackerPdf = page.getByRole('button', { name: 'Tracker PDF' });
    this.printHandout = page.getByRole('button', { name: 'Print handout' });
    this.calendarReminder = page.getByRole('button', { name: 'Calendar reminder' });
    this.lockScreenImage = page.getByRole('button', { name: 'Lock-screen image' });
    this.stickyNote = page.getByRole('button', { name: 'Sticky note' });
    this.discreetPrint = page.getByRole('switch', {
      name: 'Discreet wording on the handout and tracker',
    });
    this.discreetReminders = page.getByRole('switch', {
      name: 'Discreet wording on the reminders',
    });
    this.saved = page.getByText(/^Saved “/);
    this.failed = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
  }

  /** Counts `window.print()` calls instead of opening the print dialog. */
  async stubPrint(): Promise<void> {
    await this.page.evaluate(() => {
      const counted = window as unknown as { printCalls: number };
      counted.printCalls = 0;
      window.print = () => {
        counted.printCalls += 1;
      };
    });
  }

  /** How often `window.print()` was called since `stubPrint`. */
  printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
  }

  /** The pages waiting in the print layer, as images. */
  printedPages(): Locator {
    return this.page.locator('#bridgework-print-layer img');
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** Today (home): the week's sessions by day, and booking a session. */
export class TodayPage {
  readonly heading: Locator;
  readonly navLink: Locator;
  readonly planButton: Locator;
  readonly bookingDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Today', level: 1 });
    this.navLink = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', {
      name: 'Today',
    });
    this.planButton = page.getByRole('button', { name: 'Plan a session' }).first();
    this.bookingDialog = page.getByRole('dialog', { name: 'Plan a session' });
  }

  /** Goes to Today from anywhere in an open vault. */
  async goto(): Promise<void> {
    await this.navLink.click();
    await expect(this.heading).toBeVisible();
  }

  /** The sessions of one day ("Today", "Tomorrow", "Thursday 5 March"…). */
  day(label: string): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  /** A session's row on one day, by its client's name (or initials). */
  session(day: string, name: string): Locator {
    return this.day(day).getByRole('button', { name });
  }

  /**
   * Fills in the booking dialog and presses Plan session. `date` is "YYYY-MM-DD" and `time`
   * "HH:MM", in the app's local time. The client is chosen only when given.
   */
  async planSession(booking: { client?: string; date: string; time: string }): Promise<void> {
    const dialog = this.bookingDialog;
    await expect(dialog).toBeVisible();
    if (booking.client) {
      await dialog.getByRole('combobox', { name: 'Client' }).click();
      await this.page.getByRole('option', { name: booking.client }).click();
    }
    await dialog.getByLabel('Date').fill(booking.date);
    await dialog.getByLabel('Starts at').fill(booking.time);
    await dialog.getByRole('button', { name: 'Plan session' }).click();
  }
}

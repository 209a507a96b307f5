import type { Locator, Page } from '@playwright/test';

/** The Settings screen: backups, the vault's keys and name, locking. */
export class SettingsPage {
  readonly heading: Locator;
  readonly backUpNow: Locator;
  readonly backups: Locator;
  readonly status: Locator;
  readonly backupFolder: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Settings', level: 1 });
    this.backUpNow = page.getByRole('button', { name: 'Back up now' });
    this.backups = page.getByRole('table', { name: 'Backups' });
    // The status lines with something to say (the handout fields' quiet "Saved" lines are empty).
    this.status = page.getByRole('status').filter({ hasText: /\S/ });
    this.backupFolder = page.getByTestId('backup-folder');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('link', { name: 'Settings' })
      .or(this.page.getByText('Settings', { exact: true }))
      .first()
      .click();
  }

  /** Rows of the backup list (header row excluded). */
  backupRows(): Locator {
    return this.backups.locator('tbody tr');
  }

  async restoreNewest(confirmation = 'restore'): Promise<void> {
    await this.backupRows()
      .first()
      .getByRole('button', { name: /Restore the backup/ })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByLabel(/Type “restore”/).fill(confirmation);
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Change passphrase…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Change passphrase' });
    await dialog.getByLabel('Current passphrase').fill(current);
    await dialog.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
    await dialog.getByRole('textbox', { name: 'Type the new passphrase again' }).fill(next);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
  }
}

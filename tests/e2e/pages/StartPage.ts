import { expect, type Locator, type Page } from '@playwright/test';

/** The start screen: create, choose and unlock vaults. */
export class StartPage {
  readonly heading: Locator;
  readonly vaultName: Locator;
  readonly passphrase: Locator;
  readonly passphraseAgain: Locator;
  readonly createButton: Locator;
  readonly recoveryKey: Locator;
  readonly storedCheckbox: Locator;
  readonly continueButton: Locator;
  readonly unlockButton: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.vaultName = page.getByLabel('Vault name');
    this.passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
    this.passphraseAgain = page.getByLabel('Type the passphrase again');
    this.createButton = page.getByRole('button', { name: 'Create vault' });
    this.recoveryKey = page.getByTestId('recovery-key');
    this.storedCheckbox = page.getByLabel('I’ve stored my recovery key somewhere safe');
    this.continueButton = page.getByRole('button', { name: 'Continue to my vault' });
    this.unlockButton = page.getByRole('button', { name: 'Unlock', exact: true });
    this.alert = page.getByRole('alert');
  }

  /** Fills in the create form without submitting. */
  async fillNewVault(name: string, passphrase: string): Promise<void> {
    await this.vaultName.fill(name);
    await this.passphrase.fill(passphrase);
    await this.passphraseAgain.fill(passphrase);
  }

  /** Creates a vault and returns the recovery key shown once, stopping on the recovery key screen. */
  async createVault(name: string, passphrase: string): Promise<string> {
    await this.fillNewVault(name, passphrase);
    await this.createButton.click();
    await expect(this.recoveryKey).toBeVisible({ timeout: 30_000 });
    return (await this.recoveryKey.textContent()) ?? '';
  }

  /** Confirms the recovery key is stored and enters the vault. */
  async confirmRecoveryKeyStored(): Promise<void> {
    await this.storedCheckbox.check();
    await this.continueButton.click();
  }

  /** Types the passphrase and presses Unlock. */
  async unlockWithPassphrase(passphrase: string): Promise<void> {
    await this.page.getByText('Passphrase', { exact: true }).first().click();
    await this.passphrase.fill(passphrase);
    await this.unlockButton.click();
  }

  /** Switches to the recovery key and presses Unlock. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<void> {
    await this.page.getByText('Recovery key', { exact: true }).first().click();
    await this.page.getByRole('textbox', { name: 'Recovery key', exact: true }).fill(recoveryKey);
    await this.unlockButton.click();
  }
}
